"""The reach read from the station layout (FusionConfig.reach_from_network; docs/fusion.md, "Session 19 (reach19)")."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow as pa
from click.testing import CliRunner

from tests.fuse.synthetic import make_toy
from truceline.cli import cli
from truceline.fuse import FusionConfig
from truceline.fuse.engine import network_reach_km, with_network_reach
from truceline.fuse.network import build_network
from truceline.fuse.stream import StreamingAssociator
from truceline.model.tables import EVENTS, read_table, write_table

KM_LAT = 1 / 111.2
KM_LON = 1 / 74.5


def _stations(points_km: list[tuple[float, float]]) -> pa.Table:
    """Stations at (east, north) km from 37.0 E, 48.0 N."""
    return pa.table({"station_id": [f"D{i:02d}" for i in range(len(points_km))],
                     "lat": [48.0 + n * KM_LAT for _, n in points_km], "lon": [37.0 + e * KM_LON for e, _ in points_km],
                     "kind": ["mic"] * len(points_km)})


def _deep(with_toy: pa.Table | None = None) -> pa.Table:
    """A few stations near the line 30 km apart, the rest 50-75 km behind it, 40 km apart (foreign_sim2's ``deep``)."""
    near = [(e, s * 5.0) for e, s in zip(np.arange(0.0, 121.0, 30.0), (1, -1, 1, -1, 1))]
    deep = [(e, s * (50.0 + 5.0 * (i % 6))) for i, (e, s) in enumerate(
        (e, s) for e in np.arange(0.0, 121.0, 40.0) for s in (1, -1))]
    table = _stations(near + deep)
    return table if with_toy is None else pa.concat_tables([with_toy, table.cast(with_toy.schema)])


def test_a_dense_line_keeps_38_km() -> None:
    # stations every 5 km in two rows either side of the line: four within 10 km of each; the reach stays exactly 38
    dense = _stations([(e, s * 6.0) for e in np.arange(0.0, 200.0, 5.0) for s in (1, -1)])
    reach, why = network_reach_km(build_network(dense), FusionConfig())
    assert reach == 38.0 and "floor 38" in why
    assert with_network_reach(FusionConfig(reach_from_network=True), build_network(dense)) == FusionConfig()
    # the toy of the other tests too (8 km apart, rows 24 km apart)
    assert network_reach_km(build_network(make_toy(n_events=1).stations), FusionConfig())[0] == 38.0


def test_a_sparse_deep_network_reads_a_longer_reach() -> None:
    network = build_network(_deep())
    reach, _ = network_reach_km(network, FusionConfig())
    assert 45.0 < reach < 150.0
    assert network_reach_km(network, FusionConfig(reach_cap_km=50.0))[0] == 50.0  # capped
    assert network_reach_km(network, FusionConfig(min_stations=3))[0] < reach  # fewer stations need less
    # off (the library's default): reach_km as given
    assert with_network_reach(FusionConfig(), network).reach_km == 38.0
    on = with_network_reach(FusionConfig(reach_from_network=True), network)
    assert on.reach_km == reach and not on.reach_from_network
    assert with_network_reach(on, network) is on  # idempotent
    # the streaming associator resolves it the same way
    assert StreamingAssociator(_deep(), FusionConfig(reach_from_network=True)).config.reach_km == reach


def test_too_few_stations_keep_reach_km() -> None:
    few = build_network(_stations([(0.0, 0.0), (100.0, 0.0), (0.0, 100.0)]))
    assert network_reach_km(few, FusionConfig(reach_km=40.0))[0] == 40.0


def test_cli_reads_the_reach_and_the_flag_overrides_it(tmp_path: Path) -> None:
    toy = make_toy(n_events=6, seed=5)
    stations = _deep(toy.stations)  # the toy's line plus deep stations that hear nothing
    expected, _ = network_reach_km(build_network(stations), FusionConfig())
    assert expected > 38.0
    write_table(stations, tmp_path / "stations.csv")
    write_table(toy.picks, tmp_path / "picks.csv")
    notes = []
    for extra in ([], ["--reach-km", "38"]):
        out = tmp_path / f"run{len(extra)}"
        result = CliRunner().invoke(cli, ["associate", "--stations", str(tmp_path / "stations.csv"), "--picks",
                                          str(tmp_path / "picks.csv"), "--out", str(out), *extra])
        assert result.exit_code == 0, result.output
        assert read_table(out / "events.csv", EVENTS).num_rows >= 5
        notes.append(result.stderr)
    assert f"reach {expected:.1f} km read from the network" in notes[0]
    assert "reach 38 km (--reach-km)" in notes[1] and "read from the network" not in notes[1]
