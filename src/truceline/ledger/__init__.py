"""The evidence ledger: an append-only Merkle log (RFC 9162 hashing) of every fact, signed
checkpoints (C2SP tlog-checkpoint, signed-note, Ed25519), inclusion and consistency proofs, and
evidence bundles that anyone can verify offline.

Layers, smallest first: :mod:`merkle` (hashing, the literal RFC reference, verification),
:mod:`tree` (the fast path over stored subtree hashes), :mod:`note` (keys, notes, checkpoints,
tlog-proofs), :mod:`store` (the log in SQLite), :mod:`bundle` (export and offline verification).
"""

from truceline.ledger.bundle import BundleReport, check_fork, export_bundle, verify_bundle
from truceline.ledger.errors import (
    ForkError,
    FormatError,
    HashLengthError,
    KeyFileError,
    LedgerError,
    ProofError,
    ProofLengthError,
    RootMismatch,
    SignatureError,
    TamperError,
    TreeSizeError,
)
from truceline.ledger.merkle import (
    leaf_hash,
    node_hash,
    reference_consistency_proof,
    reference_inclusion_proof,
    root_from_leaves,
    verify_consistency,
    verify_inclusion,
)
from truceline.ledger.note import (
    Checkpoint,
    Signer,
    TlogProof,
    Verifier,
    cosign_note,
    load_signer,
    open_checkpoint,
    parse_tlog_proof,
    parse_vkey,
    sign_note,
    signer_from_seed,
    write_key_pair,
)
from truceline.ledger.store import AuditReport, Ledger, entry_bytes
from truceline.ledger.tree import MemoryTree, consistency_proof, inclusion_proof, tree_root

__all__ = [
    "AuditReport",
    "BundleReport",
    "Checkpoint",
    "ForkError",
    "FormatError",
    "HashLengthError",
    "KeyFileError",
    "Ledger",
    "LedgerError",
    "MemoryTree",
    "ProofError",
    "ProofLengthError",
    "RootMismatch",
    "SignatureError",
    "Signer",
    "TamperError",
    "TlogProof",
    "TreeSizeError",
    "Verifier",
    "check_fork",
    "consistency_proof",
    "cosign_note",
    "entry_bytes",
    "export_bundle",
    "inclusion_proof",
    "leaf_hash",
    "load_signer",
    "node_hash",
    "open_checkpoint",
    "parse_tlog_proof",
    "parse_vkey",
    "reference_consistency_proof",
    "reference_inclusion_proof",
    "root_from_leaves",
    "sign_note",
    "signer_from_seed",
    "tree_root",
    "verify_bundle",
    "verify_consistency",
    "verify_inclusion",
    "write_key_pair",
]
