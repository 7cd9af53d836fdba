"""C2SP signed notes with Ed25519 keys, tlog-checkpoints and tlog-proofs.

- signed-note: ``text`` (ending in newline), a blank line, then lines ``— <name> base64(keyid || sig)``;
  key id = SHA-256(name || 0x0A || 0x01 || public key)[:4].
- verifier key (vkey): ``<name>+<8 hex key id>+base64(0x01 || public key)``; private key file as in
  Go's ``golang.org/x/mod/sumdb/note``: ``PRIVATE+KEY+<name>+<hex id>+base64(0x01 || seed)``.
- tlog-checkpoint: note text ``<origin>\\n<size>\\n<base64 root>\\n``.
- tlog-proof: ``c2sp.org/tlog-proof@v1``, optional ``extra <base64>``, ``index <n>``, the inclusion
  proof hashes one a line, a blank line, then the checkpoint verbatim.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from truceline.ledger.errors import FormatError, KeyFileError, SignatureError
from truceline.ledger.merkle import HASH_SIZE

ED25519 = b"\x01"
EM_DASH = "\u2014"
TLOG_PROOF_HEADER = "c2sp.org/tlog-proof@v1"
MAX_SIGNATURES = 100  # signed-note: verifiers SHOULD limit signatures and MUST accept at least 16


def b64decode_strict(text: str, what: str) -> bytes:
    """Standard base64 (RFC 4648 §4), refusing anything that does not re-encode to itself."""
    try:
        value = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as problem:
        raise FormatError(f"{what}: not base64 ({problem})") from None
    if base64.b64encode(value).decode("ascii") != text:
        raise FormatError(f"{what}: not canonical base64")
    return value


def b64(value: bytes) -> str:
    return base64.b64encode(value).decode("ascii")


def _check_name(name: str) -> None:
    if not name or any(c.isspace() or c == "+" for c in name) or any(ord(c) < 0x20 for c in name):
        raise FormatError(f"key name {name!r} must be non-empty, without spaces or '+'")


def key_id(name: str, public_key: bytes) -> bytes:
    """The 4-byte signed-note key id of an Ed25519 key."""
    return hashlib.sha256(name.encode("utf-8") + b"\n" + ED25519 + public_key).digest()[:4]


def _raw_public(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


@dataclass(frozen=True, slots=True, kw_only=True)
class Verifier:
    name: str
    key_id: bytes
    public_key: bytes

    @property
    def vkey(self) -> str:
        return f"{self.name}+{self.key_id.hex()}+{b64(ED25519 + self.public_key)}"

    def verifies(self, text: bytes, signature: bytes) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(self.public_key).verify(signature, text)
        except InvalidSignature:
            return False
        return True


@dataclass(frozen=True, slots=True, kw_only=True)
class Signer:
    name: str
    private_key: Ed25519PrivateKey

    @property
    def verifier(self) -> Verifier:
        public = _raw_public(self.private_key.public_key())
        return Verifier(name=self.name, key_id=key_id(self.name, public), public_key=public)

    def signature_line(self, text: str) -> str:
        signature = self.private_key.sign(text.encode("utf-8"))
        return f"{EM_DASH} {self.name} {b64(self.verifier.key_id + signature)}\n"


def signer_from_seed(name: str, seed: bytes) -> Signer:
    """An Ed25519 signer from 32 bytes of randomness (the caller supplies it: os.urandom at the CLI)."""
    _check_name(name)
    if len(seed) != 32:
        raise KeyFileError(f"an Ed25519 seed is 32 bytes, not {len(seed)}")
    return Signer(name=name, private_key=Ed25519PrivateKey.from_private_bytes(seed))


def parse_vkey(text: str) -> Verifier:
    """Parse ``<name>+<hex id>+<base64(0x01 || key)>`` and check that the id matches the key."""
    parts = text.strip().split("+", 2)
    if len(parts) != 3:
        raise FormatError(f"verifier key {text.strip()[:60]!r} is not <name>+<hex id>+<base64 key>")
    name, hex_id, encoded = parts
    _check_name(name)
    raw = b64decode_strict(encoded, "verifier key")
    if len(raw) != 33 or raw[:1] != ED25519:
        raise FormatError("verifier key is not an Ed25519 (type 0x01) key of 32 bytes")
    verifier = Verifier(name=name, key_id=key_id(name, raw[1:]), public_key=raw[1:])
    if hex_id != verifier.key_id.hex():
        raise FormatError(f"verifier key id {hex_id} does not match its key ({verifier.key_id.hex()})")
    return verifier


def write_key_pair(signer: Signer, private_path: Path, public_path: Path) -> None:
    """Write the private key (mode 0600, never overwriting) and the public verifier key."""
    seed = signer.private_key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    line = f"PRIVATE+KEY+{signer.name}+{signer.verifier.key_id.hex()}+{b64(ED25519 + seed)}\n"
    private_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise KeyFileError(f"{private_path}: already exists; refusing to overwrite a key") from None
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(line)
    public_path.write_text(signer.verifier.vkey + "\n", encoding="ascii")


def load_signer(path: Path) -> Signer:
    """Read a private key file, refusing one that group or others may read or write."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise KeyFileError(f"{path}: no such key file (create one with `truceline ledger init`)") from None
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise KeyFileError(f"{path}: private key is accessible by others (mode {oct(mode & 0o777)}); run chmod 600")
    parts = path.read_text(encoding="ascii").strip().split("+", 4)
    if len(parts) != 5 or parts[:2] != ["PRIVATE", "KEY"]:
        raise KeyFileError(f"{path}: not a PRIVATE+KEY+<name>+<id>+<key> file")
    raw = b64decode_strict(parts[4], str(path))
    if len(raw) != 33 or raw[:1] != ED25519:
        raise KeyFileError(f"{path}: not an Ed25519 private key")
    signer = signer_from_seed(parts[2], raw[1:])
    if signer.verifier.key_id.hex() != parts[3]:
        raise KeyFileError(f"{path}: key id {parts[3]} does not match the key")
    return signer


# --- signed notes ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Signature:
    name: str
    key_id: bytes
    signature: bytes


def sign_note(text: str, signers: Sequence[Signer]) -> str:
    """A signed note of ``text`` (which must end in a newline) by each signer in order."""
    if not text.endswith("\n") or not signers:
        raise FormatError("a note text ends with a newline and needs at least one signer")
    return text + "\n" + "".join(signer.signature_line(text) for signer in signers)


def cosign_note(note: str, signer: Signer) -> str:
    """Add one more signature line (a witness cosignature) to an existing note."""
    text, _ = split_note(note)
    return note + signer.signature_line(text)


def split_note(note: str) -> tuple[str, list[Signature]]:
    """Split a signed note into its text and signature lines; no signature is checked here."""
    if any(ord(c) < 0x20 and c != "\n" for c in note):
        raise FormatError("note contains control characters")
    if not note.endswith("\n") or "\n\n" not in note:
        raise FormatError("note has no blank line between text and signatures, or no final newline")
    cut = note.rindex("\n\n")
    text, lines = note[: cut + 1], note[cut + 2 :].splitlines()
    if not lines:
        raise FormatError("note has no signature lines")
    if len(lines) > MAX_SIGNATURES:
        raise FormatError(f"note has {len(lines)} signature lines, more than {MAX_SIGNATURES}")
    signatures = []
    for line in lines:
        fields = line.split(" ")
        if len(fields) != 3 or fields[0] != EM_DASH:
            raise FormatError(f"bad signature line {line[:60]!r}")
        raw = b64decode_strict(fields[2], f"signature by {fields[1]}")
        if len(raw) < 5:
            raise FormatError(f"signature by {fields[1]} is too short")
        signatures.append(Signature(name=fields[1], key_id=raw[:4], signature=raw[4:]))
    return text, signatures


def open_note(note: str, key: Verifier, witnesses: Sequence[Verifier] = ()) -> str:
    """Return the note text if ``key`` and every witness key each signed it; else SignatureError.

    Signatures by unknown keys are ignored; a signature that claims a known key and fails rejects
    the note.
    """
    text, signatures = split_note(note)
    for verifier in (key, *witnesses):
        claimed = [s for s in signatures if s.name == verifier.name and s.key_id == verifier.key_id]
        if not claimed:
            raise SignatureError(f"no signature by {verifier.name}+{verifier.key_id.hex()}")
        for signature in claimed:
            if not verifier.verifies(text.encode("utf-8"), signature.signature):
                raise SignatureError(f"signature by {verifier.name}+{verifier.key_id.hex()} does not verify")
    return text


# --- checkpoints and proofs --------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Checkpoint:
    origin: str
    size: int
    root_hash: bytes

    def text(self) -> str:
        return f"{self.origin}\n{self.size}\n{b64(self.root_hash)}\n"


def parse_checkpoint_text(text: str) -> Checkpoint:
    lines = text.split("\n")
    if len(lines) < 4 or lines[-1] != "" or any(line == "" for line in lines[:-1]):
        raise FormatError("checkpoint text is not origin, size and root hash, each ending in a newline")
    origin, size_text, root_text = lines[0], lines[1], lines[2]
    if not size_text.isascii() or not size_text.isdigit() or (size_text != "0" and size_text.startswith("0")):
        raise FormatError(f"checkpoint tree size {size_text!r} is not a decimal without leading zeros")
    root = b64decode_strict(root_text, "checkpoint root hash")
    if len(root) != HASH_SIZE:
        raise FormatError(f"checkpoint root hash is {len(root)} bytes, not {HASH_SIZE}")
    return Checkpoint(origin=origin, size=int(size_text), root_hash=root)


def open_checkpoint(note: str, key: Verifier, witnesses: Sequence[Verifier] = ()) -> Checkpoint:
    """Verify a signed checkpoint and return it. Its origin must be the key's name."""
    checkpoint = parse_checkpoint_text(open_note(note, key, witnesses))
    if checkpoint.origin != key.name:
        raise SignatureError(f"checkpoint origin {checkpoint.origin!r} is not the key name {key.name!r}")
    return checkpoint


@dataclass(frozen=True, slots=True, kw_only=True)
class TlogProof:
    index: int
    hashes: tuple[bytes, ...]
    checkpoint_note: str
    extra: bytes | None = None

    def text(self) -> str:
        head = [TLOG_PROOF_HEADER]
        if self.extra is not None:
            head.append(f"extra {b64(self.extra)}")
        head.append(f"index {self.index}")
        head.extend(b64(h) for h in self.hashes)
        return "\n".join(head) + "\n\n" + self.checkpoint_note


def parse_tlog_proof(text: str) -> TlogProof:
    if "\n\n" not in text:
        raise FormatError("tlog-proof has no blank line before its checkpoint")
    head, checkpoint_note = text.split("\n\n", 1)
    lines = head.split("\n")
    if lines[0] != TLOG_PROOF_HEADER:
        raise FormatError(f"tlog-proof does not start with {TLOG_PROOF_HEADER}")
    extra = None
    position = 1
    if len(lines) > position and lines[position].startswith("extra "):
        extra = b64decode_strict(lines[position][6:], "tlog-proof extra")
        position += 1
    if len(lines) <= position or not lines[position].startswith("index "):
        raise FormatError("tlog-proof has no 'index N' line")
    index_text = lines[position][6:]
    if not index_text.isascii() or not index_text.isdigit() or (index_text != "0" and index_text.startswith("0")):
        raise FormatError(f"tlog-proof index {index_text!r} is not a decimal without leading zeros")
    hashes = tuple(b64decode_strict(line, f"tlog-proof hash {n}") for n, line in enumerate(lines[position + 1 :]))
    return TlogProof(index=int(index_text), hashes=hashes, checkpoint_note=checkpoint_note, extra=extra)
