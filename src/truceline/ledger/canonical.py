"""Canonical JSON (RFC 8785) for entries: the ``rfc8785`` package is the definition; this is its fast path.

``rfc8785.dumps`` is pure Python and costs about 25 µs for a small fact, which alone would cap the
log below its append target. For the values facts are made of, the standard library's C encoder
already writes the RFC 8785 form: keys sorted by code point (the same as UTF-16 order when no key
has a character beyond the Basic Multilingual Plane), strings escaped as ECMAScript does, integers
in decimal, and floats written by ``repr``, which is exactly what ``rfc8785`` starts from; for a
float whose ``repr`` has no exponent (non-integers with magnitude in [1e-4, 1e16)) the two agree
character for character, and an integer-valued float of magnitude up to 2^53 - 1 is written as
that integer by both. Anything else (other floats, large integers, keys beyond the BMP, lone
surrogates, types other than dict/list/str/int/float/bool/None) goes to ``rfc8785`` itself, which
also raises its errors. Property tests check the two agree.
"""

from __future__ import annotations

import json
import re
from typing import Any

import rfc8785

_SAFE_INTEGER = 2**53 - 1
_BEYOND_BMP = re.compile("[\U00010000-\U0010ffff]")
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))


class _Unusual(Exception):
    pass


def _plain(value: Any) -> Any:
    kind = type(value)
    if kind is dict:
        plain = {}
        for key, item in value.items():
            if type(key) is not str or (not key.isascii() and _BEYOND_BMP.search(key)):
                raise _Unusual
            item_kind = type(item)
            plain[key] = item if item_kind is str or item_kind is bool or item is None else _plain(item)
        return plain
    if kind is str or kind is bool or value is None:
        return value
    if kind is int:
        if -_SAFE_INTEGER <= value <= _SAFE_INTEGER:
            return value
        raise _Unusual
    if kind is float:
        if value.is_integer():
            if abs(value) <= _SAFE_INTEGER:
                return int(value)
        elif 1e-4 <= abs(value) < 1e16:
            return value
        raise _Unusual  # exponent forms, NaN and infinities
    if kind is list:
        return [_plain(item) for item in value]
    raise _Unusual


def canonical_json(value: Any) -> bytes:
    """The RFC 8785 serialization of ``value``, byte for byte what ``rfc8785.dumps`` returns."""
    try:
        plain = _plain(value)
        return _ENCODER.encode(plain).encode("utf-8")
    except (_Unusual, UnicodeEncodeError):
        return rfc8785.dumps(value)
