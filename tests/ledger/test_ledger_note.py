"""Signed notes, keys, checkpoints and tlog-proofs against the C2SP texts and Go's reference example."""

from __future__ import annotations

import base64
import hashlib
import os
from pathlib import Path

import pytest

from truceline.ledger import (
    Checkpoint,
    FormatError,
    KeyFileError,
    SignatureError,
    TlogProof,
    cosign_note,
    load_signer,
    open_checkpoint,
    parse_tlog_proof,
    parse_vkey,
    sign_note,
    signer_from_seed,
    write_key_pair,
)
from truceline.ledger.note import open_note

# The example of golang.org/x/mod/sumdb/note's package documentation (the reference implementation
# of signed notes): key pair, text and the exact signed note. Ed25519 is deterministic, so our
# signer must reproduce it byte for byte.
GO_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
GO_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
GO_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"
GO_NOTE = GO_TEXT + "\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"


def _go_signer(tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "go.key"
    path.write_text(GO_SKEY + "\n")
    path.chmod(0o600)
    return load_signer(path)


def test_reproduces_go_reference_note_byte_for_byte(tmp_path: Path) -> None:
    signer = _go_signer(tmp_path)
    assert signer.verifier.vkey == GO_VKEY
    assert sign_note(GO_TEXT, [signer]) == GO_NOTE
    assert open_note(GO_NOTE, parse_vkey(GO_VKEY)) == GO_TEXT


def test_key_id_is_the_c2sp_hash() -> None:
    verifier = parse_vkey(GO_VKEY)
    expected = hashlib.sha256(b"PeterNeumann\n\x01" + verifier.public_key).digest()[:4]
    assert verifier.key_id == expected == bytes.fromhex("c74f20a3")


def test_bad_vkeys_are_refused() -> None:
    with pytest.raises(FormatError, match="does not match"):
        parse_vkey(GO_VKEY.replace("c74f20a3", "c74f20a4"))
    with pytest.raises(FormatError):
        parse_vkey("PeterNeumann+c74f20a3")
    with pytest.raises(FormatError):
        parse_vkey(GO_VKEY.replace("+ARpc", "+AhpC"))


def test_private_key_file_is_0600_and_refused_when_readable(tmp_path: Path) -> None:
    signer = signer_from_seed("example.org/log", bytes(range(32)))
    write_key_pair(signer, tmp_path / "log.key", tmp_path / "log.vkey")
    assert (tmp_path / "log.key").stat().st_mode & 0o777 == 0o600
    assert load_signer(tmp_path / "log.key").verifier == signer.verifier
    assert parse_vkey((tmp_path / "log.vkey").read_text()) == signer.verifier
    with pytest.raises(KeyFileError, match="already exists"):
        write_key_pair(signer, tmp_path / "log.key", tmp_path / "log.vkey")
    os.chmod(tmp_path / "log.key", 0o644)
    with pytest.raises(KeyFileError, match="chmod 600"):
        load_signer(tmp_path / "log.key")


def test_checkpoint_format_and_signature() -> None:
    signer = signer_from_seed("example.org/log", bytes(32))
    root = hashlib.sha256(b"root").digest()
    note = sign_note(Checkpoint(origin="example.org/log", size=20852163, root_hash=root).text(), [signer])
    lines = note.split("\n")
    assert lines[:4] == ["example.org/log", "20852163", base64.b64encode(root).decode(), ""]
    assert lines[4].startswith("\u2014 example.org/log ")
    assert base64.b64decode(lines[4].split(" ")[2])[:4] == signer.verifier.key_id
    assert note.endswith("\n")
    assert open_checkpoint(note, signer.verifier) == Checkpoint(origin="example.org/log", size=20852163, root_hash=root)
    other = signer_from_seed("example.org/log", bytes([1]) * 32)
    with pytest.raises(SignatureError, match="no signature"):
        open_checkpoint(note, other.verifier)
    forged = note.replace("20852163", "20852164")
    with pytest.raises(SignatureError, match="does not verify"):
        open_checkpoint(forged, signer.verifier)


@pytest.mark.parametrize("size_line", ["020", "-1", "1e3", " 5", ""])
def test_checkpoint_size_must_be_plain_decimal(size_line: str) -> None:
    signer = signer_from_seed("o", bytes(32))
    text = f"o\n{size_line}\n{base64.b64encode(bytes(32)).decode()}\n"
    with pytest.raises((FormatError, SignatureError)):
        open_checkpoint(sign_note(text, [signer]), signer.verifier)


def test_witness_cosignatures_are_required_when_asked() -> None:
    log = signer_from_seed("example.org/log", bytes(32))
    witness = signer_from_seed("witness.example/w1", bytes([7]) * 32)
    note = sign_note(Checkpoint(origin="example.org/log", size=1, root_hash=bytes(32)).text(), [log])
    with pytest.raises(SignatureError, match="witness.example/w1"):
        open_checkpoint(note, log.verifier, [witness.verifier])
    cosigned = cosign_note(note, witness)
    assert cosigned.count("\u2014 ") == 2
    open_checkpoint(cosigned, log.verifier, [witness.verifier])
    open_checkpoint(cosigned, log.verifier)  # unknown signatures are ignored


def test_tlog_proof_round_trip_and_format() -> None:
    signer = signer_from_seed("example.org/log", bytes(32))
    note = sign_note(Checkpoint(origin="example.org/log", size=9, root_hash=bytes(32)).text(), [signer])
    proof = TlogProof(index=7, hashes=(bytes(32), bytes([1]) * 32), checkpoint_note=note, extra=b"hi")
    text = proof.text()
    assert text.startswith("c2sp.org/tlog-proof@v1\nextra aGk=\nindex 7\n" + base64.b64encode(bytes(32)).decode() + "\n")
    assert text.endswith("\n\n" + note)
    assert parse_tlog_proof(text) == proof
    bare = TlogProof(index=0, hashes=(), checkpoint_note=note)
    assert bare.text() == "c2sp.org/tlog-proof@v1\nindex 0\n\n" + note
    assert parse_tlog_proof(bare.text()) == bare
    with pytest.raises(FormatError):
        parse_tlog_proof(text.replace("index 7", "index 07"))
    with pytest.raises(FormatError):
        parse_tlog_proof(text.replace("c2sp.org/tlog-proof@v1", "c2sp.org/tlog-proof@v2"))
