"""The RFC 6962 / RFC 9162 reference vectors of transparency-dev/merkle (see testdata/rfc6962-proofs/README.md),
and small trees computed by hand."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from truceline.ledger import (
    MemoryTree,
    ProofError,
    RootMismatch,
    consistency_proof,
    inclusion_proof,
    leaf_hash,
    node_hash,
    root_from_leaves,
    verify_consistency,
    verify_inclusion,
)
from truceline.ledger.errors import HashLengthError, ProofLengthError, TreeSizeError

VECTORS = Path(__file__).parent / "testdata" / "rfc6962-proofs"

# The 8 leaves of the reference tree and its roots for sizes 1..8, as listed in the README.
LEAVES = [bytes.fromhex(h) for h in ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"]]
ROOTS = {
    1: "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    2: "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    3: "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    4: "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    5: "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    6: "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    7: "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    8: "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
}


def _files(kind: str) -> list[Path]:
    return sorted((VECTORS / kind).rglob("*.json"))


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text())
    return data


def _b64(value: str | None) -> bytes:
    return base64.b64decode(value or "")


def _proof(data: dict[str, Any]) -> list[bytes]:
    return [_b64(h) for h in data["proof"] or []]


def test_the_vector_folder_is_complete() -> None:
    assert len(_files("inclusion")) == 98
    assert len(_files("consistency")) == 98


@pytest.mark.parametrize("path", _files("inclusion"), ids=lambda p: str(p.relative_to(VECTORS)))
def test_inclusion_vector(path: Path) -> None:
    data = _load(path)
    arguments = (data["leafIdx"], data["treeSize"], _b64(data["leafHash"]), _proof(data), _b64(data["root"]))
    if data["wantErr"]:
        with pytest.raises(ProofError):
            verify_inclusion(*arguments)
    else:
        verify_inclusion(*arguments)


@pytest.mark.parametrize("path", _files("consistency"), ids=lambda p: str(p.relative_to(VECTORS)))
def test_consistency_vector(path: Path) -> None:
    data = _load(path)
    arguments = (data["size1"], data["size2"], _proof(data), _b64(data["root1"]), _b64(data["root2"]))
    if data["wantErr"]:
        with pytest.raises(ProofError):
            verify_consistency(*arguments)
    else:
        verify_consistency(*arguments)


def test_reference_roots_are_reproduced_by_reference_and_fast_path() -> None:
    hashes = [leaf_hash(leaf) for leaf in LEAVES]
    tree = MemoryTree(hashes)
    for size, root in ROOTS.items():
        assert root_from_leaves(hashes[:size]).hex() == root
        assert tree.root(size).hex() == root


def test_happy_path_vectors_are_what_we_generate() -> None:
    tree = MemoryTree([leaf_hash(leaf) for leaf in LEAVES])
    for path in _files("inclusion"):
        data = _load(path)
        if not data["wantErr"] and data["treeSize"] <= 8 and data["leafHash"] == base64.b64encode(tree.node(0, data["leafIdx"])).decode():
            assert inclusion_proof(data["leafIdx"], data["treeSize"], tree) == _proof(data), path
    for path in _files("consistency"):
        data = _load(path)
        if not data["wantErr"] and data["size1"] < data["size2"] <= 8:
            assert consistency_proof(data["size1"], data["size2"], tree) == _proof(data), path


def _h(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def test_hand_computed_trees() -> None:
    a, b, c = b"a", b"b", b"c"
    la, lb, lc = _h(b"\x00a"), _h(b"\x00b"), _h(b"\x00c")
    assert leaf_hash(a) == la
    assert node_hash(la, lb) == _h(b"\x01" + la + lb)
    assert root_from_leaves([]) == _h(b"")
    assert root_from_leaves([la]) == la
    # size 3: the split is at k = 2, so the root is H(H(a, b), c) and c is not paired
    ab = _h(b"\x01" + la + lb)
    root3 = _h(b"\x01" + ab + lc)
    tree = MemoryTree([leaf_hash(x) for x in (a, b, c)])
    assert tree.root() == root3
    assert inclusion_proof(0, 3, tree) == [lb, lc]
    assert inclusion_proof(2, 3, tree) == [ab]
    assert consistency_proof(2, 3, tree) == [lc]
    assert consistency_proof(1, 3, tree) == [lb, lc]
    verify_inclusion(2, 3, lc, [ab], root3)
    verify_consistency(2, 3, [lc], ab, root3)


def test_typed_errors_name_the_problem() -> None:
    tree = MemoryTree([leaf_hash(bytes([i])) for i in range(5)])
    proof = inclusion_proof(1, 5, tree)
    with pytest.raises(ProofLengthError, match="has 2 hashes, expected 3"):
        verify_inclusion(1, 5, tree.node(0, 1), proof[:2], tree.root())
    with pytest.raises(HashLengthError):
        verify_inclusion(1, 5, tree.node(0, 1)[:31], proof, tree.root())
    with pytest.raises(TreeSizeError):
        verify_inclusion(5, 5, tree.node(0, 1), proof, tree.root())
    with pytest.raises(RootMismatch) as caught:
        verify_inclusion(1, 5, tree.node(0, 2), proof, tree.root())
    assert caught.value.expected == tree.root()
    with pytest.raises(TreeSizeError):
        verify_consistency(0, 5, [], tree.root(0), tree.root())
    with pytest.raises(RootMismatch, match="root of size 3"):
        verify_consistency(3, 5, consistency_proof(3, 5, tree), tree.root(2), tree.root())
    # size1 = 2 is a power of two: the proof starts from root1 itself, so a wrong root1 shows in root2
    with pytest.raises(RootMismatch, match="root of size 5"):
        verify_consistency(2, 5, consistency_proof(2, 5, tree), tree.root(3), tree.root())
