"""Typed errors of the ledger. Each names what failed so a verifier can say exactly why."""

from __future__ import annotations

from truceline.model.errors import TrucelineError


class LedgerError(TrucelineError):
    """Base of every ledger error."""


class ProofError(LedgerError):
    """A Merkle proof did not verify."""


class RootMismatch(ProofError):
    """The root recomputed from a proof differs from the expected root."""

    def __init__(self, message: str, *, expected: bytes, calculated: bytes) -> None:
        self.expected = expected
        self.calculated = calculated
        super().__init__(message)


class ProofLengthError(ProofError):
    """A proof has the wrong number of hashes for its index and tree sizes (checked before hashing)."""


class HashLengthError(ProofError):
    """A hash is not 32 bytes long."""


class TreeSizeError(ProofError):
    """Index or tree sizes out of range (index >= size, size1 > size2, a proof from the empty tree)."""


class FormatError(LedgerError):
    """A note, checkpoint, tlog-proof or key is not in its format."""


class SignatureError(LedgerError):
    """A signed note carries no valid signature by a required key."""


class KeyFileError(LedgerError):
    """A key file is missing, malformed or readable by others."""


class TamperError(LedgerError):
    """Stored entries and stored hashes disagree; ``index`` is the first bad entry index."""

    def __init__(self, message: str, *, index: int) -> None:
        self.index = index
        super().__init__(message)


class ForkError(LedgerError):
    """Two checkpoints of one log cannot both be true: same size and different roots, or no prefix."""
