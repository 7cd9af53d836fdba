"""Load and validate agreement files.

An agreement is YAML checked against ``agreement.schema.json`` (JSON Schema 2020-12, shipped
with the package) and then against the cross-references a schema cannot express (a sector's
lead must be a party or guarantor, a recipient must exist, stages are numbered 1..n). Every
problem is reported as ``FILE:LINE:COL: message``: the YAML is composed into nodes, which keep
their marks, so each schema error path maps back to the line and column that caused it.

Bundled agreements live in ``truceline/protocol/agreements/<name>.yaml``; anywhere an
agreement is expected, a bundled name or a path may be given.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from truceline.model.agreement import Agreement, Terms, agreement_from_document, terms_from_document
from truceline.model.errors import TrucelineError

DEFAULT_AGREEMENT = "ukraine-2026"
PathKey = tuple[str | int, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Problem:
    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class AgreementError(TrucelineError):
    """An agreement file is invalid; ``problems`` lists every finding, first one first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        extra = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(f"{problems[0]}{extra}")


def bundled_names() -> list[str]:
    folder = resources.files("truceline.protocol") / "agreements"
    return sorted(p.name[: -len(".yaml")] for p in folder.iterdir() if p.name.endswith(".yaml"))


def read_source(source: str | Path) -> tuple[str, str]:
    """``(display path, text)`` of a bundled agreement name or a file path."""
    candidate = Path(source)
    if candidate.is_file():
        return str(source), candidate.read_text(encoding="utf-8")
    name = str(source)
    if name in bundled_names():
        resource = resources.files("truceline.protocol") / "agreements" / f"{name}.yaml"
        return f"{name}.yaml", resource.read_text(encoding="utf-8")
    raise TrucelineError(f"{source}: no such file and no bundled agreement of that name (bundled: {', '.join(bundled_names())})")


# ----------------------------------------------------------------------------- YAML with marks


class _Marks:
    """Where each value (and each mapping key) of a composed YAML document sits in the file."""

    def __init__(self) -> None:
        self.value: dict[PathKey, tuple[int, int]] = {}
        self.key: dict[PathKey, tuple[int, int]] = {}

    def at(self, path: PathKey, *, key: bool = False) -> tuple[int, int]:
        if key and path in self.key:
            return self.key[path]
        while path not in self.value and path:
            path = path[:-1]
        return self.value.get(path, (1, 1))


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _build(node: yaml.Node, path: PathKey, marks: _Marks, loader: yaml.SafeLoader, problems: list[tuple[PathKey, str, bool]]) -> Any:
    marks.value[path] = _mark(node)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                key = str(key)
            marks.key[path + (key,)] = _mark(key_node)
            if key in result:
                problems.append((path + (key,), f"duplicate key {key!r}", True))
                continue
            result[key] = _build(value_node, path + (key,), marks, loader, problems)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (i,), marks, loader, problems) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def _compose(display: str, text: str) -> tuple[Any, _Marks, list[tuple[PathKey, str, bool]]]:
    loader = yaml.SafeLoader(text)
    marks = _Marks()
    problems: list[tuple[PathKey, str, bool]] = []
    try:
        node = loader.get_single_node()
        if node is None:
            raise AgreementError([Problem(path=display, line=1, column=1, message="the file is empty; expected an agreement mapping")])
        document = _build(node, (), marks, loader, problems)
    except yaml.MarkedYAMLError as bad:
        mark = bad.problem_mark or bad.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise AgreementError([Problem(path=display, line=line, column=column, message=f"YAML: {bad.problem or bad}")]) from None
    finally:
        loader.dispose()
    return document, marks, problems


# ----------------------------------------------------------------------------- validation


@functools.cache
def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema())


def schema() -> dict[str, Any]:
    """The agreement JSON Schema shipped with the package."""
    text = (resources.files("truceline.protocol") / "agreement.schema.json").read_text(encoding="utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


_TYPE_NAMES = {"string": "a string", "number": "a number", "integer": "an integer", "object": "a mapping", "array": "a list", "boolean": "true or false"}


def _where(path: PathKey) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top level)"


def _describe(error: jsonschema.ValidationError) -> tuple[PathKey, str, bool]:
    """A schema error as (path to point at, message, point at the key rather than the value)."""
    path: PathKey = tuple(error.absolute_path)
    where = _where(path)
    validator, expected, instance = error.validator, error.validator_value, error.instance
    if validator == "required":
        missing = [name for name in expected if isinstance(instance, dict) and name not in instance and repr(name) in error.message]
        return path, f"{where}: missing required field {(missing or [error.message])[0]!r}", False
    if validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = sorted(set(instance) - set(allowed))
        return path + (extra[0],), f"{where}: unknown field {extra[0]!r} (expected one of: {', '.join(allowed)})", True
    if validator == "enum":
        return path, f"{where}: expected one of {', '.join(map(str, expected))}, got {instance!r}", False
    if validator == "type":
        return path, f"{where}: expected {_TYPE_NAMES.get(str(expected), expected)}, got {instance!r}", False
    if validator == "pattern":
        hints = {
            "^[a-z0-9][a-z0-9_.-]*$": "is not a valid id (lower-case letters, digits, '-', '_' or '.')",
            "^[A-Z][A-Z0-9-]{1,15}$": "is not a valid code (upper-case letters and digits, e.g. UA, UK, NATO)",
            "^https?://": "is not an http:// or https:// URL",
            "^[^@\\s]+@[^@\\s]+$": "is not an e-mail address",
        }
        return path, f"{where}: {instance!r} {hints.get(str(expected), f'does not match {expected}')}", False
    if validator in ("minimum", "exclusiveMinimum", "maximum"):
        relation = {"minimum": "at least", "exclusiveMinimum": "greater than", "maximum": "at most"}[str(validator)]
        return path, f"{where}: must be {relation} {expected}, got {instance!r}", False
    if validator == "minItems":
        return path, f"{where}: needs at least {expected} item(s)", False
    if validator == "minLength":
        return path, f"{where}: must not be empty", False
    return path, f"{where}: {error.message}", False


def _references(document: dict[str, Any]) -> Iterator[tuple[PathKey, str]]:
    """Cross-reference checks on a document that already passed the schema."""
    parties = [p["code"] for p in document["parties"]]
    nations = parties + [g["code"] for g in document.get("guarantors", [])]
    recipients = [r["id"] for r in document.get("recipients", [])]

    def unique(items: list[Any], key: str, where: PathKey) -> Iterator[tuple[PathKey, str]]:
        seen: set[Any] = set()
        for i, item in enumerate(items):
            if item[key] in seen:
                yield where + (i, key), f"{_where(where + (i, key))}: duplicate {key} {item[key]!r}"
            seen.add(item[key])

    yield from unique(document["parties"], "code", ("parties",))
    yield from unique(document.get("guarantors", []), "code", ("guarantors",))
    yield from unique(document.get("recipients", []), "id", ("recipients",))
    yield from unique(document.get("sectors", []), "id", ("sectors",))
    yield from unique(document["terms"]["violation_rules"], "id", ("terms", "violation_rules"))

    def known(ids: list[str], where: PathKey) -> Iterator[tuple[PathKey, str]]:
        for i, rid in enumerate(ids):
            if rid not in recipients:
                yield where + (i,), f"{_where(where + (i,))}: unknown recipient {rid!r} (declare it under recipients)"

    yield from known(document.get("standing_recipients", []), ("standing_recipients",))
    for i, sector in enumerate(document.get("sectors", [])):
        if sector["lead"] not in nations:
            yield ("sectors", i, "lead"), f"sectors[{i}].lead: {sector['lead']!r} is neither a party nor a guarantor ({', '.join(nations)})"
        yield from known(sector.get("recipients", []), ("sectors", i, "recipients"))
    for i, rule in enumerate(document["terms"]["violation_rules"]):
        if "party" in rule and rule["party"] not in parties:
            yield ("terms", "violation_rules", i, "party"), f"terms.violation_rules[{i}].party: {rule['party']!r} is not a party ({', '.join(parties)})"
    for i, stage in enumerate(document["ladder"]):
        if stage["stage"] != i + 1:
            yield ("ladder", i, "stage"), f"ladder[{i}].stage: stages must be numbered 1, 2, 3, ... in order; expected {i + 1}, got {stage['stage']}"
        yield from unique(stage["obligations"], "id", ("ladder", i, "obligations"))
        for j, obligation in enumerate(stage["obligations"]):
            yield from known(obligation.get("recipients", []), ("ladder", i, "obligations", j, "recipients"))


def validate_yaml(
    display: str,
    text: str,
    against: dict[str, Any],
    checks: Callable[[dict[str, Any]], Iterator[tuple[PathKey, str]]] | None = None,
) -> dict[str, Any]:
    """A YAML mapping validated against a JSON Schema (then ``checks``), or :class:`AgreementError`
    listing every problem as ``FILE:LINE:COL: message``."""
    document, marks, structural = _compose(display, text)
    found: list[tuple[PathKey, str, bool]] = list(structural)
    if not isinstance(document, dict):
        found.append(((), "expected a mapping of fields (name: value) at the top level", False))
    else:
        validator = jsonschema.Draft202012Validator(against)
        found.extend(_describe(e) for e in validator.iter_errors(document))
        if not found and checks is not None:
            found.extend((path, message, False) for path, message in checks(document))
    if found:
        problems = []
        for path, message, at_key in found:
            line, column = marks.at(path, key=at_key)
            problems.append(Problem(path=display, line=line, column=column, message=message))
        problems.sort(key=lambda p: (p.line, p.column, p.message))
        raise AgreementError(problems)
    return document


def validate_document(display: str, text: str) -> dict[str, Any]:
    """The parsed agreement, or :class:`AgreementError` with every problem located."""
    return validate_yaml(display, text, _validator().schema, _references)


def load_document(source: str | Path) -> tuple[str, dict[str, Any]]:
    display, text = read_source(source)
    return display, validate_document(display, text)


def load_agreement(source: str | Path = DEFAULT_AGREEMENT) -> Agreement:
    """A validated :class:`Agreement` from a bundled name or a file."""
    return agreement_from_document(load_document(source)[1])


def read_terms(source: str | Path = DEFAULT_AGREEMENT) -> Terms:
    """Only the terms (violation rules, threshold) — what the attribution stage needs."""
    return terms_from_document(load_document(source)[1])
