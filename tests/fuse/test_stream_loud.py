"""The stream's loud stages (opened only if their loudness agrees) with the deciding search's news test."""

from __future__ import annotations

from tests.fuse.test_stream import _small_event_run


def test_a_loud_stage_that_refused_an_event_does_not_make_it_old_news_to_the_deciding_search() -> None:
    # the loud stage saw every pick of the six-station event and refused it for its loudness; the news test must not then
    # drop it as a coincidence the early stages already passed over: the deciding search still opens it
    emission, _ = _small_event_run(False, small_stage_age_s=61.0, deciding_needs_news=True)
    assert emission.opened_by.tolist() == ["deciding"] and emission.assignments.num_rows == 6
    # a loud stage that opens it is unchanged by the news test
    emission, _ = _small_event_run(True, small_stage_age_s=61.0, deciding_needs_news=True)
    assert emission.opened_by.tolist() == ["small"] and emission.assignments.num_rows == 6
