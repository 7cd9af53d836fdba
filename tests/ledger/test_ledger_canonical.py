"""The fast canonical JSON writer agrees with the rfc8785 package byte for byte, errors included."""

from __future__ import annotations

from typing import Any

import pytest
import rfc8785
from hypothesis import given, settings
from hypothesis import strategies as st

from truceline.ledger.canonical import canonical_json

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**53) + 1, 2**53 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)
    | st.text(),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=8), children, max_size=5),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(json_values)
def test_agrees_with_rfc8785(value: Any) -> None:
    assert canonical_json(value) == rfc8785.dumps(value)


@pytest.mark.parametrize(
    "value",
    [
        0.0, -0.0, 1.0, -2.0, 0.1, 1e-4, 9.99e-5, 1e-5, 1e-6, 1e-7, 5e-324, 123.456, 1e15, 1e16, 1e20, 1e21,
        2.0**53 - 1, 2.0**53, 2.0**60, 1.7976931348623157e308, 48.000001, 2**53 - 1, -(2**53) + 1,
        "\u2028\u2029\x7f\x00\x1f\b\f\n\r\t\"\\/", "\U0001f600", {"\U0001f600": 1, "\ue000": 2, "a": 3},
        {"b": [1, {"a": None}], "a": True}, (1, 2), [], {},
    ],
    ids=repr,
)
def test_edge_values(value: Any) -> None:
    assert canonical_json(value) == rfc8785.dumps(value)


@pytest.mark.parametrize("value", [float("nan"), float("inf"), 2**53, {1: "x"}, "\ud800", {"k": {1, 2}}], ids=repr)
def test_errors_are_rfc8785s(value: Any) -> None:
    with pytest.raises(rfc8785.CanonicalizationError):
        rfc8785.dumps(value)
    with pytest.raises(rfc8785.CanonicalizationError):
        canonical_json(value)
