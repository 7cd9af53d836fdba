"""The peers' parameter file: ``benchmarks/peers/params.json``, one section per associator.

``tune_peers.py`` writes it (the best configuration it found, with how it found it under
``"_tuning"``); ``run_all.py`` and each peer's command read it. A section holds only what differs
from that peer's defaults or the whole set; either way the peer merges it over its defaults and
rejects names it does not know.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DEFAULT_PATH = Path(__file__).with_name("params.json")


def load(path: str | Path | None = None) -> dict[str, Any]:
    """The whole file as a dict (``{}`` when ``path`` is None and the default file is missing)."""
    file = Path(path) if path is not None else DEFAULT_PATH
    if path is None and not file.exists():
        return {}
    try:
        loaded = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ValueError(f"{file}: no such parameter file") from None
    except json.JSONDecodeError as problem:
        raise ValueError(f"{file}:{problem.lineno}: not valid JSON ({problem.msg})") from None
    if not isinstance(loaded, dict):
        raise ValueError(f"{file}: expected a JSON object with one section per associator")
    return loaded


def load_section(path: str | Path | None, name: str) -> dict[str, Any]:
    """One associator's section (``{}`` if the file has none)."""
    section = load(path).get(name, {})
    if not isinstance(section, dict):
        raise ValueError(f"{path}: section {name!r} must be a JSON object")
    return section
