"""truceline's own associator behind the peers' interface: it just runs ``truceline associate``.

The benchmark times the command exactly as a user runs it (input files to output files), so
this wrapper adds nothing: ``params`` become command-line options (``{"sound_speed": 340}``
becomes ``--sound-speed 340``; ``true`` becomes a bare flag, ``false``/``null`` are left out).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from benchmarks.peers.params import load_section

NAME = "truceline"

DEFAULT_PARAMS: dict[str, Any] = {}


def version() -> str:
    from truceline import __version__

    return __version__


def merged_params(params: dict[str, Any] | None) -> dict[str, Any]:
    """truceline takes whatever options ``truceline associate`` accepts; it checks them itself."""
    return dict(params or {})


def options(params: dict[str, Any] | None) -> list[str]:
    """``truceline associate`` options for ``params``, in a stable (sorted) order."""
    arguments: list[str] = []
    for key, value in sorted((params or {}).items()):
        flag = "--" + key.replace("_", "-")
        if value is None or value is False:
            continue
        if value is True:
            arguments.append(flag)
        else:
            arguments += [flag, str(value)]
    return arguments


def associate_command(stations_path: str | Path, picks_path: str | Path, out_dir: str | Path, params: dict[str, Any] | None) -> list[str]:
    """``python -m truceline associate --stations S --picks P --out DIR [--areas A] [options]``; ``--areas`` (the
    scenario's ``areas.geojson`` beside the stations, when there is one) adds ``side`` and ``p_side``, which
    ``truceline score`` checks (the peers have no such output)."""
    areas = Path(stations_path).parent / "areas.geojson"
    return [
        sys.executable,
        "-m",
        "truceline",
        "associate",
        "--stations",
        str(stations_path),
        "--picks",
        str(picks_path),
        "--out",
        str(out_dir),
        *(["--areas", str(areas)] if areas.is_file() else []),
        *options(params),
    ]


def command(stations_path: str | Path, picks_path: str | Path, out_dir: str | Path, params_path: str | Path | None) -> list[str]:
    """The whole command that the benchmark times; options come from the ``truceline`` section of ``params_path``."""
    params = load_section(params_path, NAME) if params_path is not None else {}
    return associate_command(stations_path, picks_path, out_dir, params)


def run(stations_path: str | Path, picks_path: str | Path, out_dir: str | Path, params: dict[str, Any] | None = None) -> None:
    """Run ``truceline associate``; raises ``RuntimeError`` with its message if it fails."""
    finished = subprocess.run(
        associate_command(stations_path, picks_path, out_dir, params), capture_output=True, text=True, check=False
    )
    if finished.returncode != 0:
        raise RuntimeError(f"truceline associate exited {finished.returncode}: {finished.stderr.strip()}")
