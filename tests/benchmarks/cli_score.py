"""Run ``truceline associate --areas`` and ``truceline score`` on a scenario directory through the command line, as
the stand-in simulators' tests do."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from truceline.cli import cli


def associate_and_score(scenario: Path, out: Path) -> dict[str, Any]:
    """The score of ``truceline associate`` (the scenario's stations, picks and areas; output in ``out``) against the
    scenario's truth; each command must exit 0."""
    runner = CliRunner()
    done = runner.invoke(cli, ["associate", "--stations", str(scenario / "stations.csv"), "--picks",
                               str(scenario / "picks.csv"), "--areas", str(scenario / "areas.geojson"), "--out",
                               str(out)])
    assert done.exit_code == 0, done.output
    scored = runner.invoke(cli, ["score", "--truth", str(scenario), "--run", str(out)])
    assert scored.exit_code == 0, scored.output
    score: dict[str, Any] = json.loads(scored.stdout)
    return score
