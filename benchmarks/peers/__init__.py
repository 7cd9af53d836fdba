"""Associators compared side by side, each behind one small interface (as in PyOcto's benchmark).

Every peer module has:

* ``NAME`` and ``DEFAULT_PARAMS``;
* ``run(stations_path, picks_path, out_dir, params)``: read the contract's inputs, associate,
  write ``events.csv`` and ``assignments.csv`` into ``out_dir`` as CONTRACTS.md says;
* ``command(stations_path, picks_path, out_dir, params_path)``: the whole command (a list of
  arguments) that does the same from the shell, which the benchmark times wall-clock;
* ``merged_params(params)``: the effective parameters (defaults updated, unknown names rejected);
* ``version()``: the installed version of the associator.

Peers: ``truceline`` (runs ``truceline associate``), ``pyocto`` and ``gamma``. PyOcto and GaMMA
are benchmark dependencies (``pip install -e '.[bench]'``), imported only when they run.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import Any, Protocol, cast

PEERS: tuple[str, ...] = ("truceline", "pyocto", "gamma")

REPOSITORY = Path(__file__).resolve().parents[2]


class Peer(Protocol):
    NAME: str
    DEFAULT_PARAMS: dict[str, Any]

    def run(
        self, stations_path: str | Path, picks_path: str | Path, out_dir: str | Path, params: dict[str, Any] | None = None
    ) -> None: ...

    def command(
        self, stations_path: str | Path, picks_path: str | Path, out_dir: str | Path, params_path: str | Path | None
    ) -> list[str]: ...

    def merged_params(self, params: dict[str, Any] | None) -> dict[str, Any]: ...

    def version(self) -> str: ...


def peer(name: str) -> Peer:
    """The module of the peer called ``name``."""
    if name not in PEERS:
        raise ValueError(f"unknown associator {name!r} (known: {', '.join(PEERS)})")
    return cast(Peer, importlib.import_module(f"benchmarks.peers.{name}_peer"))


def environment() -> dict[str, str]:
    """The environment for a peer's command: this checkout's ``src`` and root first on the path."""
    env = dict(os.environ)
    paths = [str(REPOSITORY / "src"), str(REPOSITORY)]
    if env.get("PYTHONPATH"):
        paths.append(env["PYTHONPATH"])
    env["PYTHONPATH"] = os.pathsep.join(paths)
    return env
