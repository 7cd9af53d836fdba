"""Steps that stay off by default: each is off, and on the fusion's toy (single sources well apart, nothing crowded)
turning it on gives the same events and assignments."""

from __future__ import annotations

import pytest

from tests.fuse.synthetic import make_toy
from truceline.fuse import associate
from truceline.fuse.engine import FusionConfig


@pytest.mark.parametrize("option", ["salvo_split", "relabel_clusters"])
def test_the_option_is_off_and_leaves_the_toys_single_sources_whole(option: str) -> None:
    assert getattr(FusionConfig(), option) is False
    toy = make_toy(seed=2, n_events=12)
    events_off, assignments_off = associate(toy.stations, toy.picks, FusionConfig())
    events_on, assignments_on = associate(toy.stations, toy.picks, FusionConfig(**{option: True}))
    assert events_on.num_rows > 0
    assert events_on.equals(events_off)
    assert assignments_on.equals(assignments_off)
