"""A pair's rival explanation: two impacts of ongoing fire whose times fit a time of flight by chance
(``PairingConfig.chance_rate``, :func:`truceline.attribute.pairing.chance_partners`)."""
from __future__ import annotations

import numpy as np
import pytest

from truceline.attribute.pairing import PairingConfig, chance_partners, pair_events
from truceline.attribute.physics import ENVELOPES

from attribute_world import lon_at_km


def _pair(with_cloud: bool, chance_rate: bool, unpaired: bool = True) -> float:
    """A "launch" A 2 km on UA's side at t = 100 s, an impact B 3 km on RU's side 30 s later (5 km: fits a mortar); with
    the cloud, five impacts of ongoing fire landed within 400 m of A in the two minutes before it (no located launch)."""
    cloud_t = [-120.0, -90.0, -60.0, -30.0, 0.0] if with_cloud else []
    time_s = np.array(cloud_t + [100.0, 130.0])
    lat = np.array([48.0 + 0.0007 * k for k in range(len(cloud_t))] + [48.0, 48.0])
    lon = np.array([lon_at_km(-2.2)] * len(cloud_t) + [lon_at_km(-2.0), lon_at_km(3.0)])
    line = np.array([-2_200.0] * len(cloud_t) + [-2_000.0, 3_000.0])
    side = np.array(["UA"] * (len(cloud_t) + 1) + ["RU"])
    n = time_s.size
    result = pair_events(time_s, lat, lon, np.full(n, 0.2), np.full(n, 150.0), side, np.ones(n), line_distance_m=line,
                         config=PairingConfig(chance_rate=chance_rate, chance_rate_unpaired=unpaired))
    a, b = n - 2, n - 1
    assert result.kind[a] == "launch" and int(result.partner[a]) == b
    return float(result.p_launch[a])


def test_a_launch_inside_an_impact_cloud_is_less_sure_than_a_lone_batterys() -> None:
    lone_off, lone_on = _pair(False, False), _pair(False, True)
    cloud_off, cloud_on = _pair(True, False), _pair(True, True)
    # A lone battery's pair: no events at the launch's place, nothing changes.
    assert lone_on == pytest.approx(lone_off, abs=1e-12)
    # Inside the cloud, the rival (A is one more impact, its time fits by chance) takes a share to "impact".
    assert cloud_on < cloud_off - 0.05
    assert cloud_on < lone_on - 0.05
    # Counting only paired events as the cloud's, an unpaired cloud is no rival.
    assert _pair(True, True, unpaired=False) == pytest.approx(cloud_off, abs=1e-12)


def test_a_salvos_mates_are_no_cloud_but_launches_aimed_elsewhere_are() -> None:
    """Two paired launches 10 s and 200 m apart. If their impacts land together (one battery's salvo on one target) the
    other gun is no chance partner; if they land 5 km apart, each "launch" is as likely an event of the other's cloud."""
    def lam(impacts_apart_km: float) -> float:
        time_s = np.array([0.0, 10.0, 30.0, 40.0])
        lat = np.array([48.0, 48.0018, 48.0, 48.0])
        lon = np.array([lon_at_km(-2.0), lon_at_km(-2.0), lon_at_km(3.0), lon_at_km(3.0 + impacts_apart_km)])
        kind = np.array(["launch", "launch", "impact", "impact"])
        partner = np.array([2, 3, 0, 1])
        config = PairingConfig(chance_rate=True)
        classes = np.array([1.0 if e.name == "mortar" else 0.0 for e in ENVELOPES])
        return chance_partners(0, 2, kind, time_s, lat, lon, config, classes, np.full(4, 100.0), partner=partner)

    assert lam(0.3) == 0.0
    # One event at the place in 2 x 180 s, an envelope about 40 s wide at 5 km: about 0.11.
    assert 0.05 < lam(5.0) < 0.2
