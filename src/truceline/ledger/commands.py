"""``truceline ledger ...`` and ``truceline verify``: the evidence ledger from the command line."""

from __future__ import annotations

import json
import math
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from truceline.ledger.bundle import export_bundle, verify_bundle
from truceline.ledger.errors import LedgerError, TamperError
from truceline.ledger.note import (
    Signer,
    TlogProof,
    Verifier,
    b64,
    load_signer,
    open_checkpoint,
    parse_vkey,
    signer_from_seed,
    write_key_pair,
)
from truceline.ledger.store import Ledger, entry_bytes
from truceline.model.errors import InputError
from truceline.store import connect

LOG_KEY = "log.key"
LOG_VKEY = "log.vkey"


def _store_options(command: Callable[..., Any]) -> Callable[..., Any]:
    command = click.option(
        "--key-dir",
        type=click.Path(file_okay=False, path_type=Path),
        default="keys",
        envvar="TRUCELINE_KEYS",
        show_default=True,
        help="Folder holding the log's key pair (log.key, mode 0600, and log.vkey). Env: TRUCELINE_KEYS.",
    )(command)
    return click.option(
        "--db",
        type=click.Path(dir_okay=False, path_type=Path),
        default="truceline.sqlite",
        envvar="TRUCELINE_DB",
        show_default=True,
        help="SQLite database holding the log. Env: TRUCELINE_DB.",
    )(command)


def _open(db: Path) -> Ledger:
    return Ledger(connect(db))


def _signers(key_dir: Path, witness_keys: tuple[Path, ...]) -> tuple[Signer, list[Signer]]:
    return load_signer(key_dir / LOG_KEY), [load_signer(path) for path in witness_keys]


def _read_vkey(path: Path) -> Verifier:
    try:
        return parse_vkey(path.read_text(encoding="utf-8"))
    except OSError as problem:
        raise LedgerError(f"{path}: cannot be read ({problem.strerror})") from None
    except LedgerError as problem:
        raise LedgerError(f"{path}: {problem}") from None


_witness_option = click.option(
    "--witness-key",
    "witness_keys",
    multiple=True,
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="Private key of a witness that cosigns the checkpoint (repeatable; see `ledger keygen`).",
)


@click.group()
def ledger() -> None:
    """The evidence ledger: an append-only Merkle log of every fact, with signed checkpoints.

    Entries are canonical JSON (RFC 8785) of {"type", "time", "payload"}, hashed into an RFC 9162
    Merkle tree. Checkpoints are C2SP tlog-checkpoints signed with Ed25519; proofs are C2SP
    tlog-proofs. Start with `truceline ledger init --origin example.org/truceline`.
    """


@ledger.command()
@click.option("--origin", required=True, help="The log's name, e.g. example.org/truceline (no spaces or '+').")
@_store_options
def init(origin: str, db: Path, key_dir: Path) -> None:
    """Create the log's tables and its Ed25519 key pair (KEY_DIR/log.key, mode 0600, and log.vkey).

    Running it again keeps the existing key (it must carry the same origin).
    """
    _open(db)
    private = key_dir / LOG_KEY
    if private.exists():
        signer = load_signer(private)
        if signer.name != origin:
            raise LedgerError(f"{private}: belongs to log {signer.name!r}, not {origin!r}")
    else:
        signer = signer_from_seed(origin, os.urandom(32))
        write_key_pair(signer, private, key_dir / LOG_VKEY)
    click.echo(f"log {origin} in {db}; private key {private}; publish this verifier key:")
    click.echo(signer.verifier.vkey)


@ledger.command()
@click.argument("name")
@click.option("--out", "stem", required=True, type=click.Path(path_type=Path), help="Writes OUT.key (0600) and OUT.vkey.")
def keygen(name: str, stem: Path) -> None:
    """Generate an Ed25519 key pair named NAME, e.g. for a witness that cosigns checkpoints."""
    signer = signer_from_seed(name, os.urandom(32))
    write_key_pair(signer, stem.with_name(stem.name + ".key"), stem.with_name(stem.name + ".vkey"))
    click.echo(signer.verifier.vkey)


@ledger.command()
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@_store_options
def append(file: Path, db: Path, key_dir: Path) -> None:
    """Append the entries of a JSON Lines FILE, all or none.

    Each line is {"type": "<non-empty string>", "time": <seconds>, "payload": {...}}; blank lines
    are skipped. Errors name the file, line and field.
    """
    entries = []
    with file.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as problem:
                raise InputError(str(file), f"not JSON ({problem.msg})", line=number, column=None) from None
            if not isinstance(record, dict):
                raise InputError(str(file), "a line must be a JSON object", line=number)
            unknown = sorted(set(record) - {"type", "time", "payload"})
            if unknown:
                raise InputError(str(file), "unknown field (allowed: type, time, payload)", line=number, column=unknown[0])
            entry_type, time_s, payload = record.get("type"), record.get("time"), record.get("payload")
            if not isinstance(entry_type, str) or not entry_type:
                raise InputError(str(file), "must be a non-empty string", line=number, column="type")
            if isinstance(time_s, bool) or not isinstance(time_s, int | float) or not math.isfinite(time_s):
                raise InputError(str(file), "must be a number of seconds", line=number, column="time")
            if not isinstance(payload, dict):
                raise InputError(str(file), "must be a JSON object", line=number, column="payload")
            try:
                entry_bytes(entry_type, time_s, payload)
            except LedgerError as problem:
                raise InputError(str(file), str(problem), line=number, column="payload") from None
            entries.append((entry_type, float(time_s), payload))
    log = _open(db)
    indices = log.append_many(entries)
    span = f"indices {indices[0]}..{indices[-1]}" if indices else "nothing"
    click.echo(f"appended {len(indices)} entries ({span}); log size {log.size()}")


@ledger.command()
@click.option("--quick", is_flag=True, help="Rehash only entries after the latest checkpoint (and prove consistency with it).")
@_witness_option
@_store_options
def checkpoint(quick: bool, witness_keys: tuple[Path, ...], db: Path, key_dir: Path) -> None:
    """Check the stored hashes against the entries, then sign, store and print a checkpoint.

    Refuses to sign, naming the first bad entry, if anything disagrees.
    """
    signer, witnesses = _signers(key_dir, witness_keys)
    click.echo(_open(db).checkpoint(signer, witnesses, full_audit=not quick), nl=False)


@ledger.command()
@click.option("--entry", "index", type=int, help="Print the tlog-proof of entry N against the latest checkpoint.")
@click.option("--since", type=int, help="Print the consistency proof from tree size SIZE to the latest checkpoint.")
@_store_options
def prove(index: int | None, since: int | None, db: Path, key_dir: Path) -> None:
    """Print proofs against the latest signed checkpoint (run `ledger checkpoint` first).

    --entry N prints a C2SP tlog-proof (the checkpoint included). --since SIZE prints a line
    `consistency SIZE NEW` followed by the RFC 9162 consistency proof, base64 hashes one a line.
    """
    if index is None and since is None:
        raise click.UsageError("give --entry N, --since SIZE or both")
    log = _open(db)
    note = log.latest_checkpoint()
    if note is None:
        raise LedgerError("no checkpoint has been signed yet; run `truceline ledger checkpoint`")
    checkpoint = open_checkpoint(note, _read_vkey(key_dir / LOG_VKEY))
    if index is not None:
        if not 0 <= index < checkpoint.size:
            raise LedgerError(f"entry {index} is not covered by the latest checkpoint (size {checkpoint.size})")
        proof = TlogProof(index=index, hashes=tuple(log.prove_inclusion(index, checkpoint.size)), checkpoint_note=note)
        click.echo(proof.text(), nl=False)
    if since is not None:
        if not 0 < since <= checkpoint.size:
            raise LedgerError(f"--since {since} must be between 1 and the checkpoint size {checkpoint.size}")
        if index is not None:
            click.echo()
        click.echo(f"consistency {since} {checkpoint.size}")
        for value in log.prove_consistency(since, checkpoint.size):
            click.echo(b64(value))


def _parse_indices(spec: str) -> list[int]:
    indices: list[int] = []
    for part in spec.split(","):
        try:
            if "-" in part:
                first, last = (int(x) for x in part.split("-", 1))
                indices.extend(range(first, last + 1))
            else:
                indices.append(int(part))
        except ValueError:
            raise click.BadParameter(f"{part!r} is not N or N-M", param_hint="--entries") from None
    return indices


@ledger.command()
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path), help="New bundle folder.")
@click.option("--entries", "spec", help="Entries to include, e.g. 0,5,10-20 (default: all).")
@click.option("--type", "entry_type", help="Include every entry of this type instead.")
@click.option(
    "--previous",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="An earlier published checkpoint; the bundle then carries a consistency proof from it.",
)
@click.option("--quick", is_flag=True, help="Before signing, rehash only entries after the latest checkpoint.")
@_witness_option
@_store_options
def export(
    out: Path,
    spec: str | None,
    entry_type: str | None,
    previous: Path | None,
    quick: bool,
    witness_keys: tuple[Path, ...],
    db: Path,
    key_dir: Path,
) -> None:
    """Sign a fresh checkpoint and write an evidence bundle to OUT (see CONTRACTS.md).

    Anyone can then check it offline with `truceline verify OUT --key log.vkey`.
    """
    if spec is not None and entry_type is not None:
        raise click.UsageError("give --entries or --type, not both")
    signer, witnesses = _signers(key_dir, witness_keys)
    log = _open(db)
    if spec is not None:
        indices = _parse_indices(spec)
    elif entry_type is not None:
        indices = log.indices_of_type(entry_type)
    else:
        indices = list(range(log.size()))
    earlier = previous.read_text(encoding="utf-8") if previous is not None else None
    checkpoint = export_bundle(log, out, indices, signer, earlier, witnesses, full_audit=not quick)
    click.echo(f"wrote {out}: {len(set(indices))} entries proven against checkpoint size {checkpoint.size}")


@ledger.command()
@_store_options
def audit(db: Path, key_dir: Path) -> None:
    """Rehash every stored entry and compare with the stored hashes and every signed checkpoint.

    Exits 0 if all agree; otherwise exits 1 naming the first bad entry index.
    """
    try:
        report = _open(db).audit()
    except TamperError as problem:
        click.echo(f"FAILED: first bad entry {problem.index}: {problem}")
        sys.exit(1)  # not ctx.exit: main() runs click with standalone_mode=False, which returns its code
    click.echo(
        f"OK: {report.size} entries, root {b64(report.root_hash)}, {report.checkpoints_checked} checkpoints agree"
    )


@click.command()
@click.argument("bundle", type=click.Path(path_type=Path))
@click.option("--key", type=click.Path(dir_okay=False, exists=True, path_type=Path), help="The log's published verifier key (log.vkey). Without it the bundle's own key is used, which proves only self-consistency.")
@click.option("--previous", type=click.Path(dir_okay=False, exists=True, path_type=Path), help="An earlier checkpoint you hold; the bundle must extend it.")
@click.option("--witness", "witness_keys", multiple=True, type=click.Path(dir_okay=False, exists=True, path_type=Path), help="A witness verifier key whose cosignature is required (repeatable).")
def verify(bundle: Path, key: Path | None, previous: Path | None, witness_keys: tuple[Path, ...]) -> None:
    """Check an evidence BUNDLE offline: no database, no network.

    Exits 0 only if the checkpoint's signature verifies with the key (and every --witness
    cosignature), every entry's inclusion proof verifies against the checkpoint's root, and any
    previous checkpoint is consistent. Otherwise exits 1 with one line naming the first failure.
    """
    report = verify_bundle(
        bundle,
        key=_read_vkey(key) if key is not None else None,
        previous=previous.read_text(encoding="utf-8") if previous is not None else None,
        witnesses=[_read_vkey(path) for path in witness_keys],
    )
    if not report.ok:
        click.echo(f"FAILED: {report.message}")
        sys.exit(1)
    trust = "" if key is not None else " (key taken from the bundle: pass --key to check it is the log's published key)"
    click.echo(f"OK: {report.message}{trust}")
