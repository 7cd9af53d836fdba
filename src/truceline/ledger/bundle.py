"""Evidence bundles (CONTRACTS.md): export from a ledger, verify offline with no database.

```
BUNDLE/
  checkpoint                 signed tlog-checkpoint
  log.vkey                   the log's verifier key
  entries/<index>.json       exact entry bytes
  proofs/<index>.tlog-proof  C2SP tlog-proof of that entry against the checkpoint
  previous/checkpoint        optional earlier checkpoint, and
  previous/consistency       its consistency proof to the current one (base64, one a line)
```
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from truceline.ledger.errors import ForkError, FormatError, LedgerError, ProofError, SignatureError
from truceline.ledger.merkle import leaf_hash, verify_consistency, verify_inclusion
from truceline.ledger.note import (
    Checkpoint,
    Signer,
    TlogProof,
    Verifier,
    b64,
    b64decode_strict,
    open_checkpoint,
    parse_tlog_proof,
    parse_vkey,
)
from truceline.ledger.store import Ledger


def export_bundle(
    ledger: Ledger,
    out_dir: Path,
    indices: Sequence[int],
    signer: Signer,
    previous_checkpoint: str | None = None,
    witnesses: Sequence[Signer] = (),
    *,
    full_audit: bool = True,
) -> Checkpoint:
    """Sign a fresh checkpoint (after checking the stored hashes, see :meth:`Ledger.checkpoint`)
    and write a bundle proving ``indices`` against it. The folder appears complete or not at all."""
    out_dir = Path(out_dir)
    if out_dir.exists() and any(out_dir.iterdir()):
        raise LedgerError(f"{out_dir}: exists and is not empty; choose a new folder")
    note = ledger.checkpoint(signer, witnesses, full_audit=full_audit)
    checkpoint = open_checkpoint(note, signer.verifier)
    for index in indices:
        if not 0 <= index < checkpoint.size:
            raise LedgerError(f"entry {index} is not in the log (size {checkpoint.size})")
    previous = None
    if previous_checkpoint is not None:
        previous = open_checkpoint(previous_checkpoint, signer.verifier)
        if previous.size > checkpoint.size or previous.size == 0:
            raise LedgerError(f"previous checkpoint size {previous.size} cannot precede size {checkpoint.size}")
        consistency = ledger.prove_consistency(previous.size, checkpoint.size)
        check_fork(previous, checkpoint, consistency)
    staging = Path(tempfile.mkdtemp(prefix=".bundle-", dir=out_dir.parent if out_dir.parent.exists() else None))
    try:
        (staging / "entries").mkdir()
        (staging / "proofs").mkdir()
        (staging / "checkpoint").write_text(note, encoding="utf-8")
        (staging / "log.vkey").write_text(signer.verifier.vkey + "\n", encoding="utf-8")
        for index in sorted(set(indices)):
            (staging / "entries" / f"{index}.json").write_bytes(ledger.entry(index))
            proof = TlogProof(index=index, hashes=tuple(ledger.prove_inclusion(index, checkpoint.size)), checkpoint_note=note)
            (staging / "proofs" / f"{index}.tlog-proof").write_text(proof.text(), encoding="utf-8")
        if previous is not None and previous_checkpoint is not None:
            (staging / "previous").mkdir()
            (staging / "previous" / "checkpoint").write_text(previous_checkpoint, encoding="utf-8")
            lines = "".join(b64(h) + "\n" for h in consistency)
            (staging / "previous" / "consistency").write_text(lines, encoding="utf-8")
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        if out_dir.exists():
            out_dir.rmdir()
        os.replace(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return checkpoint


def check_fork(older: Checkpoint, newer: Checkpoint, consistency: Sequence[bytes]) -> None:
    """Raise ForkError unless ``older`` is a prefix of ``newer`` (from the checkpoints and proof alone)."""
    if older.origin != newer.origin:
        raise ForkError(f"checkpoints of different logs: {older.origin!r} and {newer.origin!r}")
    if older.size == newer.size and older.root_hash != newer.root_hash:
        raise ForkError(f"fork: two different roots signed for size {older.size}")
    try:
        verify_consistency(older.size, newer.size, consistency, older.root_hash, newer.root_hash)
    except ProofError as problem:
        raise ForkError(f"tree of size {older.size} is not a prefix of tree of size {newer.size}: {problem}") from None


@dataclass(frozen=True, slots=True, kw_only=True)
class BundleReport:
    ok: bool
    message: str
    checkpoint: Checkpoint | None = None
    entries: tuple[int, ...] = ()


def verify_bundle(
    path: Path,
    key: Verifier | None = None,
    previous: str | None = None,
    witnesses: Sequence[Verifier] = (),
) -> BundleReport:
    """Check a bundle offline. ``key`` is the trusted log key (default: the bundle's own log.vkey,
    which only shows the bundle is self-consistent); ``previous`` an earlier checkpoint the caller
    trusts, which must be consistent with the bundle's. The report names the first failure."""
    try:
        return _verify(Path(path), key, previous, witnesses)
    except _Failure as failure:
        return BundleReport(ok=False, message=str(failure))


class _Failure(Exception):
    pass


def _read(path: Path, root: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as problem:
        raise _Failure(f"{path.relative_to(root)}: cannot be read ({problem})") from None


def _checkpoint(note: str, where: str, key: Verifier, witnesses: Sequence[Verifier]) -> Checkpoint:
    try:
        return open_checkpoint(note, key, witnesses)
    except (FormatError, SignatureError) as problem:
        raise _Failure(f"{where}: {problem}") from None


def _verify(root: Path, key: Verifier | None, previous: str | None, witnesses: Sequence[Verifier]) -> BundleReport:
    if not root.is_dir():
        raise _Failure(f"{root}: not a bundle folder")
    if key is None:
        try:
            key = parse_vkey(_read(root / "log.vkey", root))
        except FormatError as problem:
            raise _Failure(f"log.vkey: {problem}") from None
    note = _read(root / "checkpoint", root)
    checkpoint = _checkpoint(note, "checkpoint", key, witnesses)
    entry_files = sorted((root / "entries").glob("*.json"), key=lambda p: (len(p.stem), p.stem))
    proof_files = {p.name for p in (root / "proofs").glob("*.tlog-proof")}
    indices = []
    for entry_file in entry_files:
        name = f"entries/{entry_file.name}"
        if not entry_file.stem.isdigit() or (entry_file.stem != "0" and entry_file.stem.startswith("0")):
            raise _Failure(f"{name}: file name is not an entry index")
        index = int(entry_file.stem)
        proof_name = f"{index}.tlog-proof"
        if proof_name not in proof_files:
            raise _Failure(f"{name}: no proofs/{proof_name}")
        proof_files.discard(proof_name)
        try:
            proof = parse_tlog_proof(_read(root / "proofs" / proof_name, root))
        except FormatError as problem:
            raise _Failure(f"proofs/{proof_name}: {problem}") from None
        if proof.index != index:
            raise _Failure(f"proofs/{proof_name}: proves index {proof.index}, not {index}")
        # The same bytes as the checkpoint verified above need no second signature check.
        if proof.checkpoint_note != note:
            proven = _checkpoint(proof.checkpoint_note, f"proofs/{proof_name}: checkpoint", key, witnesses)
        else:
            proven = checkpoint
        if proven != checkpoint:
            raise _Failure(f"proofs/{proof_name}: proves against a different checkpoint (size {proven.size})")
        try:
            verify_inclusion(index, checkpoint.size, leaf_hash(entry_file.read_bytes()), proof.hashes, checkpoint.root_hash)
        except ProofError as problem:
            raise _Failure(f"{name}: inclusion proof proofs/{proof_name} fails: {problem}") from None
        indices.append(index)
    if proof_files:
        raise _Failure(f"proofs/{sorted(proof_files)[0]}: proof without its entry")
    message = f"checkpoint {checkpoint.origin} size {checkpoint.size} signed by {key.name}+{key.key_id.hex()}"
    message += f"; {len(indices)} entries included"
    earlier = None
    if (root / "previous" / "checkpoint").exists():
        earlier = _checkpoint(_read(root / "previous" / "checkpoint", root), "previous/checkpoint", key, ())
        try:
            lines = _read(root / "previous" / "consistency", root).splitlines()
            consistency = [b64decode_strict(line, f"line {n + 1}") for n, line in enumerate(lines)]
            check_fork(earlier, checkpoint, consistency)
        except (FormatError, ForkError) as problem:
            raise _Failure(f"previous/consistency: {problem}") from None
        message += f"; consistent with previous checkpoint of size {earlier.size}"
    if previous is not None:
        trusted = _checkpoint(previous, "--previous checkpoint", key, ())
        if trusted.size == checkpoint.size:
            same = trusted == checkpoint
        elif earlier is not None and trusted.size == earlier.size:
            same = trusted == earlier
        else:
            raise _Failure(
                f"--previous checkpoint: size {trusted.size}, but the bundle proves consistency only from "
                f"{'no earlier size' if earlier is None else f'size {earlier.size}'}; export it with --previous"
            )
        if not same:
            raise _Failure(f"--previous checkpoint: fork, a different root was signed for size {trusted.size}")
        message += f"; extends the given checkpoint of size {trusted.size}"
    return BundleReport(ok=True, message=message, checkpoint=checkpoint, entries=tuple(indices))
