"""Running associators and the scorer as whole commands, timed wall-clock, with a time budget.

Shared by ``run_all.py`` (the side-by-side table) and ``tune_peers.py`` (the peers' grid search).
Every associator runs as a separate process, input files to output files, one at a time (the
machine's cores are not shared between runs). A run that exceeds its budget is killed with its
whole process group (GaMMA forks workers) and reported as timed out instead of hanging.
"""

from __future__ import annotations

import json
import math
import os
import re
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.peers import REPOSITORY, environment


@dataclass(frozen=True, slots=True, kw_only=True)
class CommandResult:
    """How one command ended: ``status`` is ``ok``, ``timed out`` or ``failed (exit N)``."""

    status: str
    runtime_s: float
    message: str
    """The last line the command wrote to stderr (its error or its summary)."""

    @property
    def ok(self) -> bool:
        return self.status == "ok"


def run_timed(command: list[str], *, log_path: Path, timeout_s: float | None) -> CommandResult:
    """Run ``command`` from the repository root, stdout and stderr into ``log_path``, timed wall-clock."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("w", encoding="utf-8") as log:
        log.write("$ " + " ".join(command) + "\n")
        log.flush()
        started = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=REPOSITORY, env=environment(), stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            returncode = process.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            runtime_s = time.perf_counter() - started
            return CommandResult(status="timed out", runtime_s=runtime_s, message=f"killed after {timeout_s:g} s")
        runtime_s = time.perf_counter() - started
    lines = [line.strip() for line in log_path.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()]
    message = lines[-1] if len(lines) > 1 else ""
    status = "ok" if returncode == 0 else f"failed (exit {returncode})"
    return CommandResult(status=status, runtime_s=runtime_s, message=message)


def truceline_command(*arguments: str) -> list[str]:
    """``python -m truceline ...`` with this interpreter (run with this checkout's ``src`` first)."""
    return [sys.executable, "-m", "truceline", *arguments]


@dataclass(frozen=True, slots=True, kw_only=True)
class Score:
    """``truceline score``'s JSON (``raw``) and the table's metrics read from it, or why it failed."""

    raw: dict[str, Any] | None
    metrics: dict[str, float | None]
    error: str | None = None


def score_run(truth_dir: Path, run_dir: Path, *, log_path: Path, timeout_s: float | None = 600.0) -> Score:
    """Run ``truceline score --truth DIR --run DIR`` and read its JSON object from stdout."""
    command = truceline_command("score", "--truth", str(truth_dir), "--run", str(run_dir))
    log_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        finished = subprocess.run(
            command, cwd=REPOSITORY, env=environment(), capture_output=True, text=True, timeout=timeout_s, check=False
        )
    except subprocess.TimeoutExpired:
        return Score(raw=None, metrics={}, error=f"truceline score took more than {timeout_s:g} s")
    log_path.write_text(f"$ {' '.join(command)}\n{finished.stdout}{finished.stderr}", encoding="utf-8")
    if finished.returncode != 0:
        last = (finished.stderr.strip().splitlines() or ["(no message)"])[-1]
        return Score(raw=None, metrics={}, error=f"truceline score exited {finished.returncode}: {last}")
    raw = _last_json_object(finished.stdout)
    if raw is None:
        return Score(raw=None, metrics={}, error="truceline score printed no JSON object")
    return Score(raw=raw, metrics=extract_metrics(raw))


def _last_json_object(text: str) -> dict[str, Any] | None:
    try:
        loaded = json.loads(text)
        return loaded if isinstance(loaded, dict) else None
    except json.JSONDecodeError:
        pass
    for line in reversed(text.strip().splitlines()):
        try:
            loaded = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(loaded, dict):
            return loaded
    return None


# The table's metrics and where ``truceline score`` may put them: exact (flattened, lower-case)
# keys first, then a pattern over the flattened keys. Distances are read in km; a key naming
# metres (``_m``) is converted.
METRIC_KEYS: dict[str, tuple[tuple[str, ...], str]] = {
    "precision": (("precision", "events.precision", "event.precision"), r"(^|\.)precision$"),
    "recall": (("recall", "events.recall", "event.recall"), r"(^|\.)recall$"),
    "recall_locatable": (("recall_locatable", "events.recall_locatable"), r"recall_locatable$"),
    "f1": (("f1", "events.f1", "event.f1", "f1_score"), r"(^|\.)f1(_score)?$"),
    "median_error_km": (
        ("location_error_median_km", "median_location_error_km", "location_error_km.median", "location_error.median_km"),
        r"(median.*(loc|error))|((loc|error).*(median|p50))",
    ),
    "p90_error_km": (
        ("location_error_p90_km", "p90_location_error_km", "location_error_km.p90", "location_error.p90_km"),
        r"((p90|90).*(loc|error))|((loc|error).*(p90|90))",
    ),
    "ellipse_coverage": (
        ("ellipse_coverage", "ellipse_coverage_95", "coverage_95", "ellipse.coverage"),
        r"(ellipse.*coverage)|(coverage.*ellipse)",
    ),
    "crb_median_km": (("crb_median_km",), r"^crb_median_km$"),
    "error_to_crb": (("error_to_crb_ratio",), r"^error_to_crb_ratio$"),
}


def _flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(value, dict):
        flat: dict[str, Any] = {}
        for key, inner in value.items():
            flat.update(_flatten(inner, f"{prefix}{str(key).lower()}."))
        return flat
    return {prefix[:-1]: value}


def _number(key: str, value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(float(value)):
        return None
    number = float(value)
    if re.search(r"(^|[._])m($|[._])", key) and "km" not in key:
        number /= 1000.0
    return number


def extract_metrics(raw: dict[str, Any]) -> dict[str, float | None]:
    """The table's metrics from ``truceline score``'s JSON; ``None`` where it has none."""
    flat = _flatten(raw)
    metrics: dict[str, float | None] = {}
    for name, (exact, pattern) in METRIC_KEYS.items():
        found: float | None = None
        for key in exact:
            if key in flat and (found := _number(key, flat[key])) is not None:
                break
        if found is None:
            for key in sorted(flat):
                if re.search(pattern, key) and "side" not in key and (found := _number(key, flat[key])) is not None:
                    break
        metrics[name] = found
    return metrics
