"""Session 25 (attrib25): the silence test's prior by pick count (``RealityConfig.few_picks_prior4``) spares an event with
a volley mate (``few_picks_spare_mates``): a located round within the volley's seconds and metres is repeated fire at its
place, which a chimera of other sources' picks seldom has (`violation` fused s11 E000388, a true 4-pick round beside its
two salvo mates, lost its verdict to the prior alone)."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pytest
from attribute_world import events_table, lon_at_km, make_areas
from scipy.special import ndtr
from test_acoustics import make_picks, make_stations, mortar_missions
from test_reality import T_X, _grid

from truceline.attribute.acoustics import path_loss_db
from truceline.attribute.attribution import AttributionConfig, attribute_events
from truceline.attribute.reality import RealityConfig, real_probability, reality_evidence

PRIOR4 = RealityConfig(few_picks_prior4=0.25, few_picks_survival=0.5, few_picks_spare_mates=False)
SPARE = RealityConfig(few_picks_prior4=0.25, few_picks_survival=0.5, few_picks_spare_mates=True)


def test_a_mated_few_pick_event_keeps_the_plain_prior_by_hand() -> None:
    s_lat, s_lon, noise = _grid()
    lat, lon = np.full(2, 48.0), np.full(2, 37.0)
    d_km = np.hypot((s_lat - 48.0) * 111.2, (s_lon - 37.0) * 111.32 * np.cos(np.radians(48.0)))
    q = ndtr((100.0 - path_loss_db(d_km * 1000.0, 0.8) - noise - 10.0) / 5.0)
    few = set(sorted(map(int, np.flatnonzero(q > 0.3)), key=lambda s: -d_km[s])[:4])  # four far stations of a dozen
    args = (lat, lon, np.ones(2, dtype=bool), [few, few], s_lat, s_lon, noise, np.full(2, 100.0), 0.8, 10.0)
    mated = np.array([True, False])
    plain = reality_evidence(*args, RealityConfig(few_picks_prior4=0.0), n_picks=[4, 4], mated=mated)
    spare = reality_evidence(*args, SPARE, n_picks=[4, 4], mated=mated)
    assert spare.factor[0] == pytest.approx(plain.factor[0])  # a mate: the plain prior 0.05
    assert spare.factor[1] == pytest.approx(real_probability(spare.tail[1], SPARE, 0.25) / 0.75)  # alone: 0.25
    assert spare.factor[1] < spare.factor[0] - 0.1
    # Without the option or without the mates, both events carry the prior by pick count.
    assert RealityConfig().few_picks_spare_mates and RealityConfig().few_picks_prior4 == 0.25  # on by default
    for out in (reality_evidence(*args, PRIOR4, n_picks=[4, 4], mated=mated), reality_evidence(*args, SPARE, n_picks=[4, 4])):
        assert out.factor[0] == pytest.approx(spare.factor[1]) and out.factor[1] == pytest.approx(spare.factor[1])


def _world(mate: bool) -> tuple[list[tuple[str, float, float, float]], pa.Table, pa.Table]:
    """The level-teaching mortar missions and X, a 112 dB detonation 4 km inside RU that keeps 4 of its picks (its
    farthest); with ``mate``, Y, a second round of X's salvo 3 s later and 200 m away, heard in full."""
    rows, level = mortar_missions(12)
    extra = [("X", T_X, 48.0, lon_at_km(4.0))] + ([("Y", T_X + 3.0, 48.0018, lon_at_km(4.0))] if mate else [])
    picks, assignments = make_picks(rows + extra, level | {"X": 112.0, "Y": 112.0}, make_stations())
    events = np.asarray(assignments["event_id"].to_pylist())
    mine = np.flatnonzero(events == "X")
    amplitude = dict(zip(picks["pick_id"].to_pylist(), picks["amplitude"].to_pylist()))
    ids = assignments["pick_id"].to_pylist()
    order = mine[np.argsort([amplitude[ids[k]] for k in mine])]  # quietest first: the farthest
    keep = np.ones(events.size, dtype=bool)
    keep[order[4:]] = False
    return rows + extra, picks, assignments.filter(pa.array(keep))


def _claim(mate: bool, reality: RealityConfig) -> tuple[float, str]:
    rows, picks, assignments = _world(mate)
    out = attribute_events(events_table(rows), make_areas(), assignments=assignments, picks=picks, stations=make_stations(),
                           config=AttributionConfig(reality=reality))
    x = list(out.event_ids).index("X")
    assert out.partner[x] < 0 and out.kind[x] == "impact"
    return float(out.p_firing_party[x]), out.reason[x]


def test_the_stage_spares_a_few_pick_round_beside_its_salvo_mate() -> None:
    plain = RealityConfig(few_picks_prior4=0.0)
    alone_plain, _ = _claim(False, plain)
    alone_prior4, reason = _claim(False, SPARE)
    assert "likelier not a source at its place" in reason
    assert alone_prior4 < alone_plain - 0.05  # alone, the prior by pick count weighs its silence more
    mated_plain, _ = _claim(True, plain)
    assert _claim(True, SPARE)[0] == pytest.approx(mated_plain)  # beside its mate: the plain prior
    assert _claim(True, RealityConfig())[0] == pytest.approx(mated_plain)  # the default spares it too
    assert _claim(True, PRIOR4)[0] < mated_plain - 0.05  # without the option the mate is not read
