"""The fast path: proofs and roots from stored hashes of complete (perfect) subtrees.

Node ``(level, index)`` is the root of the perfect subtree over leaves
``[index * 2**level, (index + 1) * 2**level)``; level 0 holds the leaf hashes. A log stores a node
as soon as its subtree is complete, so any MTH the RFC recursion asks for is either one stored node
or splits into O(log n) of them. An inclusion or consistency proof then needs O(log² n) look-ups at
worst instead of rehashing the tree.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from truceline.ledger.errors import TreeSizeError
from truceline.ledger.merkle import EMPTY_ROOT, largest_power_of_two_below, node_hash


class NodeSource(Protocol):
    """Anything that returns the stored hash of a complete subtree."""

    def node(self, level: int, index: int) -> bytes: ...


def subtree_hash(nodes: NodeSource, start: int, end: int) -> bytes:
    """MTH of leaves ``[start, end)``, where ``start`` is aligned as in the RFC recursion."""
    n = end - start
    if n & (n - 1) == 0 and start % n == 0:
        level = n.bit_length() - 1
        return nodes.node(level, start >> level)
    k = largest_power_of_two_below(n)
    return node_hash(subtree_hash(nodes, start, start + k), subtree_hash(nodes, start + k, end))


def tree_root(nodes: NodeSource, size: int) -> bytes:
    """Root hash of the first ``size`` leaves."""
    return EMPTY_ROOT if size == 0 else subtree_hash(nodes, 0, size)


def inclusion_proof(index: int, size: int, nodes: NodeSource) -> list[bytes]:
    """PATH(index, D[size]) from stored subtree hashes; the same result as the reference."""
    if not 0 <= index < size:
        raise TreeSizeError(f"index {index} is not in a tree of size {size}")
    path: list[bytes] = []
    start, end = 0, size
    while end - start > 1:
        k = largest_power_of_two_below(end - start)
        if index < start + k:
            path.append(subtree_hash(nodes, start + k, end))
            end = start + k
        else:
            path.append(subtree_hash(nodes, start, start + k))
            start += k
    path.reverse()
    return path


def consistency_proof(old_size: int, new_size: int, nodes: NodeSource) -> list[bytes]:
    """PROOF(old_size, D[new_size]) from stored subtree hashes; the same result as the reference."""
    if not 0 < old_size <= new_size:
        raise TreeSizeError(f"no consistency proof from size {old_size} to size {new_size}")
    proof: list[bytes] = []
    start, end, m, whole = 0, new_size, old_size, True
    while True:
        n = end - start
        if m == n:
            if not whole:
                proof.append(subtree_hash(nodes, start, end))
            break
        k = largest_power_of_two_below(n)
        if m <= k:
            proof.append(subtree_hash(nodes, start + k, end))
            end = start + k
        else:
            proof.append(subtree_hash(nodes, start, start + k))
            start, m, whole = start + k, m - k, False
    proof.reverse()
    return proof


def parents_of_new_leaf(size: int, border: list[bytes], leaf: bytes) -> list[tuple[int, int, bytes]]:
    """Append leaf number ``size`` (0-based) to a tree whose right border is ``border``.

    ``border`` holds the roots of the perfect subtrees of the current tree, largest first (one per
    set bit of ``size``); it is updated in place. Returns every node completed by this leaf,
    as ``(level, index, hash)``, the leaf itself first.
    """
    completed = [(0, size, leaf)]
    level, index, value = 0, size, leaf
    while index & 1:
        value = node_hash(border.pop(), value)
        level, index = level + 1, index >> 1
        completed.append((level, index, value))
    border.append(value)
    return completed


def border_positions(size: int) -> list[tuple[int, int]]:
    """``(level, index)`` of the perfect subtrees that make up a tree of ``size`` leaves, largest first."""
    positions = []
    start = 0
    for level in range(size.bit_length() - 1, -1, -1):
        if size >> level & 1:
            positions.append((level, start >> level))
            start += 1 << level
    return positions


class MemoryTree:
    """All complete-subtree hashes of a list of leaf hashes, kept in memory (tests, verifiers)."""

    def __init__(self, leaf_hashes: Sequence[bytes] = ()) -> None:
        self.levels: list[list[bytes]] = [[]]
        self._border: list[bytes] = []
        for leaf in leaf_hashes:
            self.append(leaf)

    @property
    def size(self) -> int:
        return len(self.levels[0])

    def append(self, leaf: bytes) -> int:
        index = self.size
        for level, _, value in parents_of_new_leaf(index, self._border, leaf):
            if level == len(self.levels):
                self.levels.append([])
            self.levels[level].append(value)
        return index

    def node(self, level: int, index: int) -> bytes:
        return self.levels[level][index]

    def root(self, size: int | None = None) -> bytes:
        return tree_root(self, self.size if size is None else size)
