"""Properties of the hashing core: the fast path equals the literal RFC reference; every proof
verifies; any single-bit change fails; an independent implementation (pymerkle, RFC 6962 mode) agrees."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pymerkle import InmemoryTree
from pymerkle.core import _inclusion_path_layout
from pymerkle.proof import InclusionProof, verify_consistency as pymerkle_verify_consistency

from truceline.ledger import (
    MemoryTree,
    ProofError,
    consistency_proof,
    inclusion_proof,
    leaf_hash,
    reference_consistency_proof,
    reference_inclusion_proof,
    root_from_leaves,
    verify_consistency,
    verify_inclusion,
)

MAX_SIZE = 64
LEAF_HASHES = [leaf_hash(i.to_bytes(2, "big")) for i in range(MAX_SIZE)]
TREE = MemoryTree(LEAF_HASHES)


def test_every_inclusion_proof_up_to_64_matches_the_reference_and_verifies() -> None:
    for size in range(1, MAX_SIZE + 1):
        root = root_from_leaves(LEAF_HASHES[:size])
        assert TREE.root(size) == root
        for index in range(size):
            proof = inclusion_proof(index, size, TREE)
            assert proof == reference_inclusion_proof(index, LEAF_HASHES[:size])
            verify_inclusion(index, size, LEAF_HASHES[index], proof, root)


def test_every_consistency_proof_up_to_64_matches_the_reference_and_verifies() -> None:
    roots = [root_from_leaves(LEAF_HASHES[:size]) for size in range(MAX_SIZE + 1)]
    for size2 in range(1, MAX_SIZE + 1):
        for size1 in range(1, size2 + 1):
            proof = consistency_proof(size1, size2, TREE)
            assert proof == reference_consistency_proof(size1, LEAF_HASHES[:size2])
            verify_consistency(size1, size2, proof, roots[size1], roots[size2])


def _flip(value: bytes, bit: int) -> bytes:
    bit %= len(value) * 8
    changed = bytearray(value)
    changed[bit // 8] ^= 1 << (bit % 8)
    return bytes(changed)


sizes_and_index = st.integers(1, MAX_SIZE).flatmap(lambda n: st.tuples(st.just(n), st.integers(0, n - 1)))


@settings(max_examples=300, deadline=None)
@given(sizes_and_index, st.integers(0, 10_000), st.integers(0, 255))
def test_any_single_bit_change_breaks_an_inclusion_proof(size_index: tuple[int, int], which: int, bit: int) -> None:
    size, index = size_index
    proof = inclusion_proof(index, size, TREE)
    leaf, root = LEAF_HASHES[index], TREE.root(size)
    parts = [leaf, *proof, root]
    target = which % len(parts)
    parts[target] = _flip(parts[target], bit)
    with pytest.raises(ProofError):
        verify_inclusion(index, size, parts[0], parts[1:-1], parts[-1])


@settings(max_examples=300, deadline=None)
@given(st.integers(1, MAX_SIZE), st.integers(1, MAX_SIZE), st.integers(0, 10_000), st.integers(0, 255))
def test_any_single_bit_change_breaks_a_consistency_proof(a: int, b: int, which: int, bit: int) -> None:
    size1, size2 = min(a, b), max(a, b)
    proof = consistency_proof(size1, size2, TREE)
    parts = [TREE.root(size1), TREE.root(size2), *proof]
    target = which % len(parts)
    parts[target] = _flip(parts[target], bit)
    with pytest.raises(ProofError):
        verify_consistency(size1, size2, parts[2:], parts[0], parts[1])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.binary(max_size=40), min_size=1, max_size=40))
def test_fast_path_equals_reference_on_arbitrary_entries(entries: list[bytes]) -> None:
    hashes = [leaf_hash(e) for e in entries]
    tree = MemoryTree(hashes)
    size = len(hashes)
    assert tree.root() == root_from_leaves(hashes)
    for index in range(size):
        assert inclusion_proof(index, size, tree) == reference_inclusion_proof(index, hashes)
    for old in range(1, size + 1):
        assert consistency_proof(old, size, tree) == reference_consistency_proof(old, hashes)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.binary(min_size=1, max_size=30), min_size=1, max_size=33))
def test_pymerkle_in_rfc6962_mode_agrees(entries: list[bytes]) -> None:
    """pymerkle (security=True: 0x00 leaf and 0x01 node prefixes, RFC 6962 split) is an independent
    implementation: same roots, same audit paths, and it accepts our proofs and consistency."""
    other = InmemoryTree(algorithm="sha256")
    for entry in entries:
        other.append_entry(entry)
    tree = MemoryTree([leaf_hash(e) for e in entries])
    size = len(entries)
    for n in range(1, size + 1):
        assert other.get_root(n) == tree.root(n)
    for index in range(size):
        ours = inclusion_proof(index, size, tree)
        theirs = other.prove_inclusion(index + 1, size)  # pymerkle counts leaves from 1
        assert [bytes(h) for h in theirs.path[1:]] == ours
        rule, _ = _inclusion_path_layout(index + 1, size)
        wrapped = InclusionProof("sha256", True, size, index + 1, rule, [tree.node(0, index), *ours])
        wrapped.verify(tree.node(0, index), tree.root(), index=index + 1, size=size)
    for old in range(1, size + 1):
        pymerkle_verify_consistency(tree.root(old), tree.root(), other.prove_consistency(old, size))
