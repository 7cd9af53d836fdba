"""Merkle tree hashing and proof verification exactly as RFC 9162 §2.1 (the same tree as RFC 6962).

Free functions with explicit arguments. Every length is checked before any hashing, and each
failure is a typed error (``RootMismatch``, ``ProofLengthError``, ...). The ``reference_*``
functions are the literal recursive definitions of the RFC (MTH, PATH, PROOF); they are slow
(linear in the tree size per call) and exist so that the fast path in :mod:`truceline.ledger.tree`
can be property-tested against them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from truceline.ledger.errors import HashLengthError, ProofLengthError, RootMismatch, TreeSizeError

HASH_SIZE = 32
EMPTY_ROOT = hashlib.sha256(b"").digest()


def leaf_hash(entry: bytes) -> bytes:
    """SHA-256(0x00 || entry)."""
    return hashlib.sha256(b"\x00" + entry).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """SHA-256(0x01 || left || right)."""
    return hashlib.sha256(b"\x01" + left + right).digest()


def largest_power_of_two_below(n: int) -> int:
    """The largest power of two strictly less than ``n`` (n >= 2): the RFC's split point k."""
    return 1 << ((n - 1).bit_length() - 1)


# --- the literal reference (RFC 9162 §2.1.1, §2.1.3.1, §2.1.4.1) -------------------------------


def root_from_leaves(leaf_hashes: Sequence[bytes]) -> bytes:
    """MTH(D[n]) over already-hashed leaves; the empty tree hashes to SHA-256 of nothing."""
    n = len(leaf_hashes)
    if n == 0:
        return EMPTY_ROOT
    if n == 1:
        return leaf_hashes[0]
    k = largest_power_of_two_below(n)
    return node_hash(root_from_leaves(leaf_hashes[:k]), root_from_leaves(leaf_hashes[k:]))


def reference_inclusion_proof(index: int, leaf_hashes: Sequence[bytes]) -> list[bytes]:
    """PATH(m, D[n]): the audit path of leaf ``index``, from the leaf's sibling up."""
    n = len(leaf_hashes)
    if not 0 <= index < n:
        raise TreeSizeError(f"index {index} is not in a tree of size {n}")
    if n == 1:
        return []
    k = largest_power_of_two_below(n)
    if index < k:
        return reference_inclusion_proof(index, leaf_hashes[:k]) + [root_from_leaves(leaf_hashes[k:])]
    return reference_inclusion_proof(index - k, leaf_hashes[k:]) + [root_from_leaves(leaf_hashes[:k])]


def reference_consistency_proof(old_size: int, leaf_hashes: Sequence[bytes]) -> list[bytes]:
    """PROOF(m, D[n]) = SUBPROOF(m, D[n], true)."""
    n = len(leaf_hashes)
    if not 0 < old_size <= n:
        raise TreeSizeError(f"no consistency proof from size {old_size} to size {n}")
    return _subproof(old_size, leaf_hashes, True)


def _subproof(m: int, leaves: Sequence[bytes], whole: bool) -> list[bytes]:
    n = len(leaves)
    if m == n:
        return [] if whole else [root_from_leaves(leaves)]
    k = largest_power_of_two_below(n)
    if m <= k:
        return _subproof(m, leaves[:k], whole) + [root_from_leaves(leaves[k:])]
    return _subproof(m - k, leaves[k:], False) + [root_from_leaves(leaves[:k])]


# --- verification (RFC 9162 §2.1.3.2 and §2.1.4.2) ----------------------------------------------


def inclusion_proof_length(index: int, size: int) -> int:
    """How many hashes PATH(index, D[size]) has: the inner part below the point where the paths
    to ``index`` and ``size - 1`` diverge, plus one per left border subtree above it."""
    inner = (index ^ (size - 1)).bit_length()
    return inner + bin(index >> inner).count("1")


def consistency_proof_length(size1: int, size2: int) -> int:
    """How many hashes PROOF(size1, D[size2]) has (0 < size1 < size2)."""
    full = inclusion_proof_length(size1 - 1, size2)
    shift = (size1 & -size1).bit_length() - 1  # trailing zero bits of size1
    seed_included = 0 if size1 == 1 << shift else 1
    return full - shift + seed_included


def _check_hashes(what: str, hashes: Sequence[bytes]) -> None:
    for position, value in enumerate(hashes):
        if len(value) != HASH_SIZE:
            raise HashLengthError(f"{what}[{position}] is {len(value)} bytes, not {HASH_SIZE}")


def root_from_inclusion_proof(index: int, size: int, leaf: bytes, proof: Sequence[bytes]) -> bytes:
    """The root implied by an inclusion proof (RFC 9162 §2.1.3.2), after checking every length."""
    if not 0 <= index < size:
        raise TreeSizeError(f"index {index} is not in a tree of size {size}")
    if len(leaf) != HASH_SIZE:
        raise HashLengthError(f"leaf hash is {len(leaf)} bytes, not {HASH_SIZE}")
    expected_length = inclusion_proof_length(index, size)
    if len(proof) != expected_length:
        raise ProofLengthError(
            f"inclusion proof for index {index} in a tree of size {size} has {len(proof)} hashes, "
            f"expected {expected_length}"
        )
    _check_hashes("proof", proof)
    fn, sn, r = index, size - 1, leaf
    for p in proof:
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    return r


def verify_inclusion(index: int, size: int, leaf: bytes, proof: Sequence[bytes], root: bytes) -> None:
    """Raise unless ``proof`` shows the leaf hash ``leaf`` at ``index`` in the tree of ``size``
    leaves with root hash ``root``. Returns None on success."""
    if len(root) != HASH_SIZE:
        raise HashLengthError(f"root hash is {len(root)} bytes, not {HASH_SIZE}")
    calculated = root_from_inclusion_proof(index, size, leaf, proof)
    if calculated != root:
        raise RootMismatch(
            f"inclusion proof for index {index} gives a root different from the tree of size {size}",
            expected=root,
            calculated=calculated,
        )


def verify_consistency(size1: int, size2: int, proof: Sequence[bytes], root1: bytes, root2: bytes) -> None:
    """Raise unless ``proof`` shows that the tree (size1, root1) is a prefix of (size2, root2).

    A proof from the empty tree is refused as meaningless (every tree extends it), as in the
    reference vectors; equal sizes need an empty proof and equal roots.
    """
    if size1 > size2:
        raise TreeSizeError(f"size1 {size1} is larger than size2 {size2}")
    if size1 == 0:
        raise TreeSizeError("a consistency proof from the empty tree proves nothing")
    if size1 == size2:
        if proof:
            raise ProofLengthError(f"sizes are equal ({size1}) but the proof has {len(proof)} hashes")
        if root1 != root2:
            raise RootMismatch(f"two different roots for the same size {size1}", expected=root1, calculated=root2)
        return
    expected_length = consistency_proof_length(size1, size2)
    if len(proof) != expected_length:
        raise ProofLengthError(
            f"consistency proof from size {size1} to {size2} has {len(proof)} hashes, expected {expected_length}"
        )
    _check_hashes("proof", proof)
    for name, value in (("root1", root1), ("root2", root2)):
        if len(value) != HASH_SIZE:
            raise HashLengthError(f"{name} is {len(value)} bytes, not {HASH_SIZE}")
    path = list(proof)
    if size1 & (size1 - 1) == 0:
        path.insert(0, root1)
    fn, sn = size1 - 1, size2 - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    if fr != root1:
        raise RootMismatch(
            f"consistency proof does not reproduce the root of size {size1}", expected=root1, calculated=fr
        )
    if sr != root2:
        raise RootMismatch(
            f"consistency proof does not reproduce the root of size {size2}", expected=root2, calculated=sr
        )
