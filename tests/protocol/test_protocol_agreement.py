"""Agreement files: the bundled ones load; every kind of error is located as FILE:LINE:COL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from truceline.model.agreement import ViolationRule
from truceline.protocol.agreement import AgreementError, bundled_names, load_agreement, read_terms, schema, validate_document

BASE = """\
id: test-agreement
title: A test agreement
parties:
  - {code: UA, name: Ukraine}
  - {code: RU, name: Russia}
guarantors:
  - {code: UK, name: United Kingdom, role: lead, strength: political}
recipients:
  - {id: cell, name: Monitoring cell}
  - {id: uk-liaison, name: UK liaison, nation: UK}
standing_recipients: [cell]
sectors:
  - {id: north, name: North, lead: UK, recipients: [uk-liaison]}
terms:
  confidence_threshold: 0.9
  violation_rules:
    - id: across
      kind: impact_across_line
      description: impact across the line
ladder:
  - stage: 1
    name: Warning
    trigger: {description: opens}
    obligations:
      - {id: warn, actor: UK, action: Warn, strength: political, deadline_h: 24, recipients: [uk-liaison]}
  - stage: 2
    name: Coalition
    trigger: {not_before_h: 24, verified_violations: {count: 1, window_h: 24}}
    obligations:
      - {id: act, actor: Coalition, action: Intervene, strength: binding, deadline_h: 24}
closing:
  quiet_h: 48
reminders:
  before_h: [6]
"""

# (name, old text, new text, marker whose position is the expected LINE:COL, message fragment)
# The marker is searched for in the mutated text; the error must point exactly at it.
CASES: list[tuple[str, str, str, str, str]] = [
    ("yaml syntax", "title: A test agreement", "title: [unclosed", ":\n  - {code: UA", "YAML: expected ',' or ']'"),
    ("duplicate key", "title: A test agreement", "title: A test agreement\ntitle: again", "title: again", "duplicate key 'title'"),
    ("missing required top-level", "closing:\n  quiet_h: 48\n", "", "id: test", "missing required field 'closing'"),
    ("unknown field", "  quiet_h: 48", "  quiet_h: 48\n  quiet_hours: 5", "quiet_hours", "unknown field 'quiet_hours'"),
    ("wrong type", "quiet_h: 48", "quiet_h: two days", "two days", "expected a number"),
    ("strength enum", "strength: binding", "strength: bindng", "bindng", "expected one of binding, political, none"),
    ("id pattern", "id: test-agreement", "id: Test Agreement", "Test Agreement", "not a valid id (lower-case"),
    ("code pattern", "{code: RU, name: Russia}", "{code: ru, name: Russia}", "ru, name", "not a valid code (upper-case"),
    ("maximum", "confidence_threshold: 0.9", "confidence_threshold: 1.5", "1.5", "must be at most 1"),
    ("minimum", "deadline_h: 24, recipients", "deadline_h: -1, recipients", "-1, rec", "must be at least 0"),
    ("exclusive minimum", "quiet_h: 48", "quiet_h: 0", "0\nremind", "must be greater than 0"),
    ("min items", "  - {code: RU, name: Russia}\n", "", "- {code: UA", "needs at least 2 item(s)"),
    ("min length", "title: A test agreement", "title: ''", "''", "must not be empty"),
    ("rule kind enum", "kind: impact_across_line", "kind: shelling", "shelling", "expected one of launch_in_area"),
    ("zone required for heavy weapons", "kind: impact_across_line", "kind: heavy_weapons_in_zone", "id: across", "missing required field 'zone'"),
    ("deadline required unless strength none", "strength: binding, deadline_h: 24}", "strength: binding}", "{id: act", "missing required field 'deadline_h'"),
    ("deadline_from enum", "strength: political, deadline_h: 24,", "strength: political, deadline_h: 24, deadline_from: case,", "case,", "expected one of opening, stage"),
    ("integer stage", "  - stage: 2", "  - stage: 2.5", "2.5", "expected an integer"),
    ("count at least 1", "{count: 1, window_h: 24}", "{count: 0, window_h: 24}", "0, window", "must be at least 1"),
    ("not a mapping", BASE, "- just\n- a list\n", "- just", "expected a mapping"),
    ("duplicate party", "{code: RU, name: Russia}", "{code: UA, name: Russia}", "UA, name: Russia", "duplicate code 'UA'"),
    ("unknown standing recipient", "standing_recipients: [cell]", "standing_recipients: [cel]", "cel]", "unknown recipient 'cel'"),
    ("unknown sector recipient", "lead: UK, recipients: [uk-liaison]", "lead: UK, recipients: [fr-liaison]", "fr-liaison]", "unknown recipient 'fr-liaison'"),
    ("unknown obligation recipient", "deadline_h: 24, recipients: [uk-liaison]", "deadline_h: 24, recipients: [nobody]", "nobody", "unknown recipient 'nobody'"),
    ("sector lead unknown", "lead: UK", "lead: FR", "FR,", "'FR' is neither a party nor a guarantor"),
    ("rule party unknown", "kind: impact_across_line", "kind: impact_across_line\n      party: DE", "DE", "'DE' is not a party"),
    ("stage numbering", "  - stage: 2", "  - stage: 3", "3\n", "expected 2, got 3"),
    ("duplicate obligation", "{id: act, actor: Coalition", "{id: act, actor: Coalition, action: Intervene, strength: binding, deadline_h: 24}\n      - {id: act, actor: Again", "act, actor: Again", "duplicate id 'act'"),
    ("duplicate sector", "  - {id: north, name: North, lead: UK, recipients: [uk-liaison]}", "  - {id: north, name: North, lead: UK}\n  - {id: north, name: South, lead: UK}", "north, name: South", "duplicate id 'north'"),
]


def _position(text: str, marker: str) -> tuple[int, int]:
    offset = text.index(marker)
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


@pytest.mark.parametrize("name,old,new,marker,fragment", CASES, ids=[c[0] for c in CASES])
def test_every_error_is_located(name: str, old: str, new: str, marker: str, fragment: str) -> None:
    assert old in BASE, name
    text = BASE.replace(old, new, 1)
    with pytest.raises(AgreementError) as caught:
        validate_document("bad.yaml", text)
    first = caught.value.problems[0]
    line, column = _position(text, marker)
    assert (first.line, first.column) == (line, column), str(first)
    assert fragment in first.message, str(first)
    assert str(first).startswith(f"bad.yaml:{line}:{column}: ")


def test_the_base_fixture_is_valid() -> None:
    assert validate_document("base.yaml", BASE)["id"] == "test-agreement"


def test_empty_file() -> None:
    with pytest.raises(AgreementError, match=r"^empty.yaml:1:1: the file is empty"):
        validate_document("empty.yaml", "")


def _keywords(node: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            found.add(key)
            if key == "properties":
                for sub in value.values():
                    found |= _keywords(sub)
            else:
                found |= _keywords(value)
    elif isinstance(node, list):
        for item in node:
            found |= _keywords(item)
    return found


def test_every_validating_keyword_of_the_schema_has_a_fixture() -> None:
    validating = {"required", "additionalProperties", "enum", "type", "pattern", "minimum", "maximum", "exclusiveMinimum", "minItems", "minLength", "then", "const"}
    used = _keywords(schema()) & validating
    covered = {"required", "additionalProperties", "enum", "type", "pattern", "minimum", "maximum", "exclusiveMinimum", "minItems", "minLength", "then", "const"}
    # "then"/"const" are exercised by the heavy-weapons and deadline fixtures above.
    assert used <= covered
    assert {"zone required for heavy weapons", "deadline required unless strength none"} <= {c[0] for c in CASES}


def test_all_problems_are_reported_in_file_order(tmp_path: Path) -> None:
    text = BASE.replace("strength: binding", "strength: strong").replace("quiet_h: 48", "quiet_h: -3")
    with pytest.raises(AgreementError) as caught:
        validate_document("two.yaml", text)
    lines = [p.line for p in caught.value.problems]
    assert len(lines) == 2 and lines == sorted(lines)
    assert "(and 1 more)" in str(caught.value)


@pytest.mark.parametrize("name", ["ukraine-2026", "anglo-soviet-1941", "nato-article-5", "budapest-1994"])
def test_bundled_agreements_load(name: str) -> None:
    agreement = load_agreement(name)
    assert agreement.id == name
    assert agreement.ladder and agreement.sources


def test_bundled_list_is_complete() -> None:
    assert {"ukraine-2026", "anglo-soviet-1941", "nato-article-5", "budapest-1994"} <= set(bundled_names())


def test_ukraine_ladder_is_the_reference_one() -> None:
    a = load_agreement("ukraine-2026")
    assert [s.stage for s in a.ladder] == [1, 2, 3]
    assert {o.deadline_h for o in a.ladder[0].obligations} == {24.0}
    assert a.ladder[2].trigger.not_before_h == 72
    assert a.closing.quiet_h == 48
    assert {s.lead for s in a.sectors} == {"UK", "FR"}


def test_historical_strengths() -> None:
    assert {o.strength for o in load_agreement("nato-article-5").ladder[0].obligations} == {"binding"}
    budapest = {o.id: o.strength for o in load_agreement("budapest-1994").ladder[0].obligations}
    assert budapest["defend"] == "none" and budapest["seek-unsc"] == "political"
    anglo = load_agreement("anglo-soviet-1941")
    assert {r.kind for r in anglo.terms.violation_rules} == {"armed_attack", "separate_negotiation"}


def test_terms_are_plain_typed_data() -> None:
    terms = read_terms("ukraine-2026")
    assert terms.confidence_threshold == 0.9
    assert all(isinstance(rule, ViolationRule) for rule in terms.violation_rules)
    heavy = next(r for r in terms.violation_rules if r.kind == "heavy_weapons_in_zone")
    assert heavy.zone == "withdrawal" and heavy.min_calibre_mm == 100


def test_a_file_path_works_too(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(BASE, encoding="utf-8")
    assert load_agreement(path).id == "test-agreement"


def test_unknown_name() -> None:
    from truceline.model.errors import TrucelineError

    with pytest.raises(TrucelineError, match="no bundled agreement"):
        load_agreement("no-such-agreement")
