"""Streaming association: picks in arrival order in, each event out seconds after its own last pick.

The associator keeps a clock (the latest pick time or heartbeat seen) and works on a grid of
instants ``decide_every_s`` apart. At each instant it

1. **takes in** the picks that arrived before it, in time order; a pick that matches an *open*
   event's predicted arrival (found, not yet emitted; :mod:`truceline.fuse.pending`) joins it;
2. **searches** among the free picks with the batch machinery (:mod:`truceline.fuse.engine`):
   by *stages* that walk origin time in chunks (early ones 30 s after each one-minute chunk and
   its look-ahead, for the events of ten stations or more, and 60 s after, for those of five or
   more; the *deciding* one once no pick of the chunk's events can still be on its way, after
   which the chunk's free picks leave), and by a
   optional *quick* search (off by default: it halves the throughput) every ``quick_every_s`` of the
   last two minutes of origin times whose events
   are opened only if they are already complete and consistent with their loudness
   (:mod:`truceline.fuse.loudness`: every working station that should have heard one has a pick
   there); every search ends with the batch's tests of few-station events (explaining away, rival
   hypotheses, one source level under a law learned from the emitted events, silent stations, and
   the nearest-stations test for events of at most ``NEAREST_MAX_STATIONS`` stations); and, with
   ``trigger_stations`` (off by default), a pick-triggered search (:mod:`truceline.fuse.trigger`):
   the free picks' votes kept up to date as they arrive, the places they make agree examined at once; with
   ``schedule="continuous"`` (off by default), that vote's new hits and waiting candidates examined together every
   ``continuous_every_s``, strongest first, each opened once complete, loud enough and not dominated by a stronger
   candidate still growing (docs/fusion.md, "Session 18");
3. **emits** the open events that are complete: every working station that could hear an event
   has given it a pick or let its predicted arrival pass (plus tolerance and ``hold_s``); a salvo
   (events within 3 km and 6 s, linked) goes together and shares out its picks jointly.

The model is calibrated causally (until it has been fitted to ``WARM_EVENTS`` well-recorded events,
only the deciding stage searches, with a loose pass; with ``stay_calibrated`` it stays calibrated once it has). Everything happens at grid instants and an instant sees only
picks earlier than itself, so the result does not depend on how the feed is cut into calls. A
pick older than the oldest chunk still to be decided is *late* (kept in
:attr:`StreamingAssociator.late_pick_ids`, never dropped silently), as are the picks that would
make a second event of one already emitted. docs/fusion.md ("Streaming") has the measurements.
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pyarrow as pa

from truceline.fuse import kernels, pending, quick, trigger
from truceline.fuse.quick import QUICK_SEEDS, QUICK_SPAN_S
from truceline.fuse.atmosphere import (CELERITY_PRIOR_SIGMA_KM_S, DEFAULT_CELERITY_KM_S, WIND_PRIOR_SIGMA_KM_S,
                                       travel_times)
from truceline.fuse.engine import (
    FusionConfig,
    Prepared,
    calibration_events,
    empty_pass,
    TIGHT_COARSE_TOLERANCE_S,
    PassResult,
    final_pass,
    first_pass,
    float_column,
    grid,
    prepare_arrays,
    since,
    refine,
    with_levels,
    with_network_reach,
)
from truceline.fuse.causal import Calibration
from truceline.fuse.emission import Emission, PartyAt
from truceline.fuse.events import neighbour_rows, to_tables, variance_factor_of, with_enough_sites
from truceline.fuse.loudness import Loudness, LoudnessLaw
from truceline.fuse.rival import LAW_MIN_STATIONS, law_of
from truceline.fuse.network import build_network
from truceline.fuse.pending import EARLY_STAGES, OpenEvent, PickBuffer, Stage
from truceline.fuse.side import with_sides
from truceline.fuse.uncertainty import AtmosphereReadings
from truceline.fuse.wholeseconds import TRUNCATION_SHIFT_S, WholeSecondStations
from truceline.model.errors import InputError

SLOWEST_MARGIN_KM_S = 0.04  # as the batch pass: the slowest celerity allowed is the model's minus this
SWEEP_SEEDS = 200  # seeds examined per window (at most; half as many at least) by the deciding search after early ones
CONSUMED = -2  # owner of a pick found to belong to an event already emitted
HEARD_MIN_PICKS = 100  # emitted picks needed before the detection range is learned from them
HEARD_PICKS = 5000  # the detection range is learned from this many of the latest emitted picks
SPAN_MIN_EVENTS = 50  # emitted events before the stages' ages may go by their spans (``stage_complete_quantile``)
SPAN_EVENTS = 500  # the spans of this many of the latest emitted events
WARM_EVENTS = 20  # once the model has been fitted to this many well-recorded events, the loose pass is no longer needed
LOUDNESS_EVERY = 10  # the loudness law and detection curve are refitted after this many emitted events
LAW_PICKS = 5000  # the searches' amplitude-distance law is learned from this many picks of the latest well-heard events
COMPETE_EVERY_S = 5.0  # the triggered events found complete are put to the competition together this often
COMPETE_SHARE = 0.5  # the search's event must hold at least this share of the triggered event's picks
COMPETE_SEEDS = 100  # seeds examined (at most) by the search that puts a triggered event to the competition
COMPETE_BEFORE_S = 20.0  # that search covers the origin times from this long before the triggered events
COMPETE_AFTER_S = 10.0  # to this long after them (and its look-ahead beyond)
NEAREST_MAX_STATIONS = 6  # the searches apply the nearest-stations test to events of at most this many stations


class StreamingAssociator:
    """Associate a live pick feed; see the module docstring for the algorithm.

    ``push(picks)`` takes a table of picks (the columns of ``picks.csv``, validated as
    :func:`truceline.model.tables.read_picks` does) that have just arrived, in any order among
    themselves; ``advance(now_s)`` moves the clock without picks (a heartbeat); ``flush()``
    decides everything still open (end of the feed). Each returns the events it emitted.
    """

    def __init__(self, stations: pa.Table, config: FusionConfig | None = None, *, chunk_s: float = 60.0,
                 margin_s: float = 5.0, calibrate_every_s: float = 300.0, party_at: PartyAt | None = None,
                 early_stages: tuple[Stage, ...] = EARLY_STAGES, completeness_km: float = 1.0, hold_s: float = 0.5,
                 decide_every_s: float = 1.0, heard_quantile: float = 0.9, quick_every_s: float | None = None,
                 trace: bool = False, early_in_warmup: bool = False, trigger_stations: int | None = None,
                 trigger_seeds: int = 4, trigger_complete: bool = True, trigger_max_stations: int | None = 9, warmup_sigma_m_per_s: float | None = None,
                 young_calibration_events: int = 0, deciding_needs_news: bool = False,
                 warmup_loose_early: bool = False, trigger_compete: bool = False,
                 trigger_loudness_tests: bool = True, warmup_loose_all_picks: bool = False,
                 deciding_loudness: bool = False, small_stage_age_s: float | None = None,
                 small_stage_stations: int | None = None, deciding_splinters: float | None = None,
                 schedule: str = "stages", continuous_every_s: float = 2.0, continuous_stations: int = 5,
                 continuous_seeds: int = 24, continuous_crowd_km: float | None = None, continuous_crowd_s: float = 30.0,
                 wait_margin: str = "possible", stay_calibrated: bool = False, warm_first_fit: bool = False,
                 stage_complete_quantile: float | None = None, stage_complete_gap_s: float = 10.0,
                 warmup_prior: bool = False, whole_seconds: bool = False) -> None:
        if not chunk_s > 0 or not margin_s >= 0 or not calibrate_every_s >= 0:
            raise ValueError("chunk_s must be positive, margin_s and calibrate_every_s not negative")
        if not decide_every_s > 0 or not completeness_km >= 0 or not hold_s >= 0 or not 0 <= heard_quantile <= 1:
            raise ValueError("decide_every_s must be positive, completeness_km and hold_s not negative, "
                             "heard_quantile in [0, 1]")
        if quick_every_s is not None and not (quick_every_s > 0 and quick_every_s % decide_every_s < 1e-9):
            raise ValueError("quick_every_s must be a positive multiple of decide_every_s (or None: no quick search)")
        if warmup_sigma_m_per_s is not None and not warmup_sigma_m_per_s >= 0:
            raise ValueError("warmup_sigma_m_per_s must not be negative")
        if trigger_stations is not None and (trigger_stations < 3 or trigger_seeds < 1):
            raise ValueError("trigger_stations must be at least 3 (or None: no trigger) and trigger_seeds at least 1")
        if any(not (s.chunk_s > 0 and s.age_s >= 0 and s.lookahead_s >= 0) or (s.max_seeds is not None and s.max_seeds < 2)
               for s in early_stages):
            raise ValueError("a stage needs a positive chunk_s, an age_s and lookahead_s not negative, "
                             "and max_seeds at least 2 if given")
        if schedule not in ("stages", "continuous"):
            raise ValueError("schedule must be 'stages' or 'continuous'")
        if schedule == "continuous" and not (continuous_every_s > 0 and continuous_every_s % decide_every_s < 1e-9
                                             and continuous_stations >= 3 and continuous_seeds >= 1):
            raise ValueError("continuous_every_s must be a positive multiple of decide_every_s, continuous_stations at "
                             "least 3 and continuous_seeds at least 1")
        if stage_complete_quantile is not None and not (0 < stage_complete_quantile <= 1 and stage_complete_gap_s >= 0):
            raise ValueError("stage_complete_quantile must be in (0, 1] (or None) and stage_complete_gap_s not negative")
        if wait_margin not in ("possible", "expected"):
            raise ValueError("wait_margin must be 'possible' or 'expected'")
        self.wait_margin = wait_margin
        """``expected``: once the loudness is learned, an open event waits only for the stations *expected* to hear it by
        its loudness (margin at or above the detection curve's ``expected``, where 90 % heard), not every one that
        *could* (``possible``, the default; with neither a quick nor a pick-triggered search the default waits go by the
        learned detection radius; docs/fusion.md, "Session 18")."""
        self.schedule = schedule
        """``stages`` (the default): events are found by the stages' searches of one-minute chunks of origin time at fixed
        ages; ``continuous``: also by a search every ``continuous_every_s`` over the candidates that the latest picks
        make (the pick-triggered vote), all of them examined together, strongest first, each opened as soon as it is
        complete, passes the loudness tests and no stronger candidate that could still grow competes for its picks
        (:meth:`_continuous`; docs/fusion.md, "Session 18")."""
        self.continuous_every_s = continuous_every_s
        """How often (stream seconds) the continuous search runs."""
        self.continuous_seeds = continuous_seeds
        """Seeds (new hits of the vote and waiting candidates together) it examines at most."""
        self.continuous_crowd_km = continuous_crowd_km
        """With a distance: a complete candidate of the continuous search is left to the stages when another hypothesis
        (a candidate of the same run, an open event or one emitted lately) lies within this distance and
        ``continuous_crowd_s`` of it: in a burst the candidates examined one after the other take their neighbours'
        picks, and the stages' competition over the whole minute and the salvo's joint refinement do better (None: off)."""
        self.continuous_crowd_s = continuous_crowd_s
        self.continuous_fates = {"examined": 0, "found": 0, "incomplete": 0, "dominated": 0, "crowded": 0, "not loud": 0,
                                 "opened": 0}
        """What the continuous search did: seeds examined, candidates found, and of these how many were not complete yet,
        complete but held back because a stronger candidate that could still grow competes for their picks, complete
        but left to the stages because their loudness disagrees (or is not learned yet), and opened."""
        if schedule == "continuous":
            trigger_stations, trigger_seeds, trigger_complete = continuous_stations, continuous_seeds, True
            trigger_max_stations, trigger_compete, trigger_loudness_tests = None, False, True
        self.config = with_network_reach(config or FusionConfig(), build_network(stations))
        self.chunk_s = chunk_s
        self.margin_s = margin_s
        self.calibrate_every_s = calibrate_every_s
        self.completeness_km = completeness_km
        self.hold_s = hold_s
        self.decide_every_s = decide_every_s
        self.heard_quantile = heard_quantile
        self.quick_every_s = quick_every_s
        self.early_in_warmup = early_in_warmup
        """The early stages search from the start, under the standard celerity until the model is calibrated
        (off by default: docs/fusion.md, "Where the latency goes")."""
        self.trigger_stations = trigger_stations
        """With a number: the pick-triggered search (:mod:`truceline.fuse.trigger`) looks for an event as soon as a
        pick that joins no open event makes this many stations agree on a place and origin time (None: off)."""
        self.trigger_seeds = trigger_seeds
        """The pick-triggered search examines at most this many seeds per grid instant."""
        self.trigger_complete = trigger_complete
        """The pick-triggered search opens an event only once it is complete (every working station that could hear
        it has given it a pick or let its predicted arrival pass); until then it is a *candidate*, examined again when
        it falls due. Off: opened as soon as found."""
        self.trigger_max_stations = trigger_max_stations
        """The pick-triggered search opens events of at most this many stations (None: any); larger ones are left to
        the early stages, whose competition between seeds keeps the mixtures of a burst's picks out."""
        self.trigger_compete = trigger_compete
        """An event the pick-triggered search finds complete is opened only if a search of the origin times around it,
        with the competition between seeds of the early stages (the lazy greedy, look-ahead included), finds it too and
        complete, and no other hypothesis still open (an open event, or an event of that search not yet complete) could
        claim one of its picks; it is then the search's version that is opened (docs/fusion.md, "Session 13")."""
        self.trigger_loudness_tests = trigger_loudness_tests
        """With the loudness learned, a complete event of the pick-triggered search must also pass the quick search's
        tests (one source level by its amplitudes, heard where it should be: :func:`quick.complete`); off, only the
        completeness (and, with ``trigger_compete``, the competition) decide."""
        self.trigger_competed = 0
        """Complete events of the pick-triggered search put to the competition, and those it kept."""
        self.trigger_kept = 0
        self.trigger_lost = {"not found": 0, "incomplete": 0, "claimable": 0}
        """Why the competition left triggered events to the searches' schedule (how many each time)."""
        self._contest: list[OpenEvent] = []  # complete events of the pick-triggered search waiting for the competition
        self._trigger: trigger.TriggerVote | None = None
        self._candidates: list[tuple[int, int, float, int]] = []  # the trigger's candidates: cell, origin-time bin, due, stations
        self.warmup_sigma_m_per_s = warmup_sigma_m_per_s
        """With a number: the events emitted before the model is calibrated (``early_in_warmup``) are located under
        the standard celerity, and their uncertainty counts this much model error (m/s) of the effective sound
        speed and of each wind component, at least (``FusionConfig.atmosphere_sigma_m_per_s``; None: as calibrated)."""
        self.warmup_prior = warmup_prior
        """The events emitted before the model is calibrated (``early_in_warmup``) count the prior spread of the
        atmosphere they were located under: the effective celerity ``atmosphere.CELERITY_PRIOR_SIGMA_KM_S`` (11 m/s)
        about the standard one, the wind ``WIND_PRIOR_SIGMA_KM_S`` (4 m/s) per component, at least, propagated through
        the location's sensitivity to them into the ellipse and the origin time (``uncertainty``'s ``S Sigma_a S'``;
        with ``warmup_sigma_m_per_s`` the larger of the two; docs/fusion.md, "Session 22 (stream22)")."""
        warm_sigma_m_per_s = max(warmup_sigma_m_per_s or 0.0, WIND_PRIOR_SIGMA_KM_S * 1000.0 if warmup_prior else 0.0)
        self._warm_config = self.config if warmup_sigma_m_per_s is None and not warmup_prior else replace(
            self.config, atmosphere_sigma_m_per_s=max(self.config.atmosphere_sigma_m_per_s, warm_sigma_m_per_s))
        self._warm_celerity_floor_km_s = CELERITY_PRIOR_SIGMA_KM_S if warmup_prior else 0.0
        self._trigger_tt = np.zeros(0)  # the cells' travel times to their stations under the model the votes use
        self._model_version = 0  # counts the calibrations (the trigger's votes are cast again after each)
        self.trigger_examined = 0
        """Seeds the pick-triggered search examined, and events it opened."""
        self.trigger_opened = 0
        self._heard_km = np.zeros(0)  # station distances of the picks of the events emitted lately
        if small_stage_age_s is not None:
            # the small events' stage: the events of the configuration's fewest stations, opened only if their loudness
            # agrees (docs/fusion.md, "Session 15")
            early_stages = tuple(early_stages) + (Stage(age_s=small_stage_age_s, chunk_s=chunk_s, lookahead_s=self.config.lookahead_s,
                                                        min_stations=small_stage_stations, max_seeds=SWEEP_SEEDS, loud=True),)
        self.early_stages = tuple(sorted(early_stages, key=lambda s: -s.age_s))  # older origins first
        self._party_at = party_at
        self._network = build_network(stations)
        self._index = self._network.index_of()
        self._cells = grid(self._network, self.config)
        self._final_config = replace(self.config, window_s=chunk_s)
        # after the early stages, the deciding search only sweeps up the events whose picks came late
        # (a second full search of the same origin times finds chance coincidences among the picks
        # left over that one search never reaches)
        self._sweep_config = replace(self._final_config, min_seeds=min(self.config.min_seeds, SWEEP_SEEDS // 2),
                                     max_seeds=min(self.config.max_seeds, SWEEP_SEEDS))
        self._stage_configs = [replace(self.config, window_s=s.chunk_s, lookahead_s=s.lookahead_s,
                                       min_stations=s.min_stations or self.config.min_stations)
                               for s in self.early_stages]
        self._stage_configs = [c if s.max_seeds is None else
                               replace(c, min_seeds=min(c.min_seeds, s.max_seeds // 2), max_seeds=min(c.max_seeds, s.max_seeds))
                               for c, s in zip(self._stage_configs, self.early_stages)]
        self._quick_config = replace(self.config, window_s=QUICK_SPAN_S, lookahead_s=0.0, min_seeds=QUICK_SEEDS // 2,
                                     max_seeds=QUICK_SEEDS)
        self._trigger_config = replace(self.config, min_stations=max(self.config.min_stations, trigger_stations or 0),
                                       lookahead_s=0.0)
        self._compete_config = replace(self.config, min_stations=max(self.config.min_stations, trigger_stations or 0),
                                       min_seeds=min(self.config.min_seeds, COMPETE_SEEDS // 2),
                                       max_seeds=min(self.config.max_seeds, COMPETE_SEEDS))
        # the last two: the deciding stage and the quick search
        self._workspaces: list[dict] = [{} for _ in range(len(self.early_stages) + 2)]
        n_tiles = int(self._cells["n_tiles"])
        self._default = np.tile(np.array([DEFAULT_CELERITY_KM_S, 0.0, 0.0]), (1, n_tiles, 1))
        if self.config.sound_speed_m_per_s is not None:
            self._atmosphere = np.tile(np.array([self.config.sound_speed_m_per_s / 1000.0, 0.0, 0.0]), (1, n_tiles, 1))
        else:
            self._atmosphere = self._default.copy()
        self._corrections = np.zeros(self._network.size)
        self._support: np.ndarray | None = None  # the last calibration's support (``atmosphere.calibrate``)
        self._st_north = prepare_arrays(self._network, self._cells, self.config, np.zeros(0, dtype=object), np.zeros(0),
                                        np.zeros(0, dtype=np.int64), np.zeros(0), np.zeros(0),
                                        block_origin_s=0.0).st_north_deg
        nothing = to_tables(prepare_arrays(self._network, self._cells, self.config, np.zeros(0, dtype=object), np.zeros(0),
                                           np.zeros(0, dtype=np.int64), np.zeros(0), np.zeros(0), block_origin_s=0.0),
                            empty_pass(self.config), self._default, config=self.config)
        self.empty = Emission(events=nothing.events, assignments=nothing.assignments, emitted_at_s=np.zeros(0),
                              last_pick_s=np.zeros(0), opened_by=np.zeros(0, dtype=object), opened_at_s=np.zeros(0))
        """An emission of no events, with the tables' columns."""
        self.young_calibration_events = young_calibration_events
        """Until the model has been fitted to this many events it is *young*: refitted as soon as half as many new ones
        have come, not at most every ``calibrate_every_s`` (0: never young; docs/fusion.md, "The warm-up's calibration")."""
        self.stay_calibrated = stay_calibrated
        """Once the model has been fitted to ``WARM_EVENTS`` events it stays calibrated: the early stages go on, and the
        emitted events keep calibrating it, even when a later fit has fewer events of the last ``block_s`` (a quiet hour).
        Off (the default: one event of `violation` seed 8 left its ellipse with it): the model counts as uncalibrated again
        until a fit has ``WARM_EVENTS`` events, and only the deciding search, with its loose pass, runs meanwhile
        (docs/fusion.md, "Session 19")."""
        self._stays_calibrated = False
        self.stage_complete_quantile = stage_complete_quantile
        """With a share q: once ``SPAN_MIN_EVENTS`` events have been emitted, each early stage searches a chunk of origin
        times when the chunk's end is as old as the q-quantile of the lately emitted events' spans (last pick minus origin
        time: when an event's picks are in), plus ``stage_complete_gap_s`` for each stage of fewer stations than an
        earlier one, instead of at its fixed ``age_s`` after the chunk and its look-ahead (None: the fixed ages;
        docs/fusion.md, "Session 19")."""
        self.stage_complete_gap_s = stage_complete_gap_s
        self._spans_s = np.zeros(0)  # last pick minus origin time of the events emitted lately
        # each stage's rank among the stages by its fixed age (0: the first to search a chunk)
        ages = sorted({st.age_s for st in self.early_stages})
        self._stage_rank = [ages.index(st.age_s) for st in self.early_stages]
        self.warm_first_fit = warm_first_fit
        """Until the model is calibrated it is refitted as soon as the last ``block_s`` hold ``WARM_EVENTS`` calibration
        events and one of them is new (off: as every fit, once 15 events, and half as many as the last fit had, are new;
        on a quiet front a first fit to 15 events leaves the model uncalibrated until 15 more have come; docs/fusion.md,
        "Session 19")."""
        self._calibration = Calibration(self.config, calibrate_every_s, young_calibration_events,
                                        first_events=WARM_EVENTS if warm_first_fit else 0)
        self.deciding_needs_news = deciding_needs_news
        """The deciding search opens an event only if one of its picks is news to the last early stage that searched its
        origin time and could have opened it (as many stations as the stage needs): arrived after that search, or freed
        since by an emitted event's refinement (off: any; the others are the same picks given a second chance to make a
        coincidence; docs/fusion.md, "The deciding search's late events")."""
        self.warmup_loose_early = warmup_loose_early
        """Until the model is calibrated, the loose pass that finds the events to calibrate with runs over each chunk of
        origin time when the first early stage would search it (about 100 s before the deciding search), over all the
        origin times not yet decided at the first such instant; the deciding searches then skip it, and the events the
        early stages emit in the warm-up (``early_in_warmup``) are not calibrated with (docs/fusion.md, "Session 12")."""
        self._peeked_to: float | None = None  # with warmup_loose_early: origin times before this have had their loose pass
        self.warmup_loose_all_picks = warmup_loose_all_picks
        """Until the model is calibrated, the deciding search's loose pass (the events to calibrate with) runs over every
        pick of its chunk, those of the events the early stages opened in the warm-up (``early_in_warmup``) included, as if
        no early stage had run: the first calibration is then fitted to the same kind of events and at the same instant
        as without the early stages, and the early stages' own warm-up events (located under the standard celerity) are
        not calibrated with (docs/fusion.md, "Session 14")."""
        self.deciding_loudness = deciding_loudness
        """Once the loudness law and detection curve are learned from the emitted events, the deciding search (after the
        early stages) opens an event only if it passes the quick search's loudness tests (:func:`quick.complete`: its picks'
        amplitudes agree on one source, and at most a quarter of the working stations that should have heard a source of
        its level there have no pick near its predicted arrival): the small events the early stages passed over are, half
        of them on `heavy`, chance coincidences of left-over picks (off: any; docs/fusion.md, "Session 15")."""
        self.deciding_splinters = deciding_splinters
        """With a share: the deciding search (after the early stages) does not open an event if at least this share of
        its picks lie within the final selection tolerance of the predicted arrival, at their stations, of an event
        emitted lately or still open (:meth:`_splinter_share`): on `heavy` its events are mostly made of the picks of a
        salvo's sources that the salvo's emitted events did not take (None: off; docs/fusion.md, "Session 15")."""
        self.deciding_rejected = 0
        """Events the deciding search found that ``deciding_loudness`` kept out."""
        # with warmup_loose_all_picks, until calibrated: every pick taken in (owner 1: taken by an earlier loose pass)
        self._archive: PickBuffer | None = PickBuffer() if warmup_loose_all_picks else None
        # the early stages' windows of origin time, when each was searched and the stations its events needed
        self._searched: list[tuple[float, float, float, int]] = []
        self._fit_history: list[tuple[float, float, int]] = []  # (t0, chi2, n_obs) of emitted events
        self._readings = AtmosphereReadings.none()  # the clean emitted events' readings of the atmosphere
        self._buffer = PickBuffer()
        self.whole_seconds = whole_seconds
        """With ``FusionConfig.whole_second_stations`` (the batch's reading, on by default) the stream reads truncating
        loggers too: a station whose first ``whole_second_min_picks`` picks are whole seconds is read 0.5 s later from
        then on, its pending picks with it (``fuse/wholeseconds.py``). Off by default: foreign_sim3 `picks` F1 0.7858 ->
        0.7886, but `all12` 0.4756 -> 0.4719 (docs/fusion.md, "Session 22 (stream22)")."""
        self._whole_seconds = (WholeSecondStations(self._network.size, self.config.whole_second_min_picks)
                               if whole_seconds and self.config.whole_second_stations else None)
        # the stations read as truncating loggers as their picks arrive
        self._loudness = Loudness(self._network.size)
        # the latest emitted events of LAW_MIN_STATIONS stations or more: each pick's event number, log amplitude
        # and distance (km), for the law that the searches' test of one source level uses (None until learned)
        self._law_samples = (np.zeros(0, dtype=np.int64), np.zeros(0), np.zeros(0))
        self._law: LoudnessLaw | None = None
        self._law_events = 0  # well-heard events remembered since the law was last fitted
        self._law_key = 0  # the next one's number
        self._open: list[OpenEvent] = []
        # events emitted lately, with their picks' stations, corrected times and back-azimuths
        self._emitted_lately: list[tuple[OpenEvent, np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []
        self._next_key = 0
        # picks pushed but not yet taken in (they are taken at the first grid instant after their time)
        self._queue: list[tuple[np.ndarray, ...]] = []
        self._last_heard = np.full(self._network.size, -math.inf)
        self._next_start: float | None = None  # the deciding stage's next chunk
        self._stage_next: list[float | None] = [None] * len(self.early_stages)
        self._instant: int | None = None  # index of the next grid instant to process
        self._now = -math.inf
        self._origin: float | None = None  # the whole second before the first time seen; times inside are relative to it
        self._emitted = 0
        self.late_pick_ids: list[str] = []
        self.chunks_processed = 0
        """Chunks of origin time searched (by every stage)."""
        self.quick_searches = 0
        """Quick searches run, and events they opened."""
        self.quick_opened = 0
        self.trace: list[dict] | None = [] if trace else None
        """With ``trace``: one record per emitted event (benchmarks/bench_stream.py --trace): which search
        opened it and when, its own completeness time, the stations it last waited for and until when."""
        self._awaiting: dict[int, tuple[np.ndarray, np.ndarray]] = {}  # with trace: key -> awaited stations, until

    # -- the clock ---------------------------------------------------------------------------------

    @property
    def now_s(self) -> float:
        """The stream clock: the latest pick time or heartbeat seen."""
        return self._now + (self._origin or 0.0)

    @property
    def horizon_s(self) -> float:
        """Picks earlier than this can no longer join any event still to be decided."""
        return -math.inf if self._next_start is None else self._next_start + (self._origin or 0.0)

    def _inside(self, time: np.ndarray) -> np.ndarray:
        """Times as the associator works on them: relative to the whole second before the first time it
        saw, to the microsecond (``engine.since``), so that where the clock's zero is does not change the
        events (as in the batch command)."""
        if self._origin is None:
            self._origin = float(np.floor(np.min(time)))
        return since(time, self._origin)

    @property
    def open_events(self) -> int:
        """Events found and not yet emitted (waiting for picks still on their way)."""
        return len(self._open)

    def _max_travel_s(self) -> float:
        slowest = min(DEFAULT_CELERITY_KM_S, float(self._atmosphere[..., 0].min())) - SLOWEST_MARGIN_KM_S
        return self.config.reach_km / slowest

    def ready_at_s(self, chunk_start_s: float) -> float:
        """When the chunk of origin times starting there is decided (searched for the last time)."""
        return chunk_start_s + self.chunk_s + self.config.lookahead_s + self._max_travel_s() + self.margin_s

    def _stage_at_s(self, k: int, chunk_start_s: float) -> float:
        stage = self.early_stages[k]
        if self.stage_complete_quantile is None or len(self._spans_s) < SPAN_MIN_EVENTS:
            return stage.at_s(chunk_start_s)
        span = float(np.quantile(self._spans_s, self.stage_complete_quantile))
        return chunk_start_s + stage.chunk_s + span + self.stage_complete_gap_s * self._stage_rank[k]

    def _heard_within_km(self) -> float:
        """The distance within which ``heard_quantile`` of the lately emitted events' picks were
        heard (the reach until 100 picks have been emitted; 0 when ``heard_quantile`` is 0: then
        only each event's own farthest station counts)."""
        if self.heard_quantile == 0:
            return 0.0
        if len(self._heard_km) < HEARD_MIN_PICKS:
            return self.config.reach_km
        return float(np.quantile(self._heard_km, self.heard_quantile))

    def _radius_km(self, event: OpenEvent) -> float | None:
        """An open event's detection radius (:func:`pending.detection_radius_km`); None once the
        loudness is learned and quick searches are on: then :func:`quick.could_hear` goes by it."""
        if self._loudness_waits() and self._loudness.ready:
            return None
        distance = np.hypot(self._network.x_km - event.x_km, self._network.y_km - event.y_km)
        return pending.detection_radius_km(event, distance, self.config, completeness_km=self.completeness_km,
                                           heard_within_km=self._heard_within_km())

    def _estimating(self) -> bool:
        return self.config.sound_speed_m_per_s is None

    def _calibrated(self) -> bool:
        return not self._estimating() or self._stays_calibrated or self._calibration.size >= WARM_EVENTS

    def _early_enabled(self) -> bool:
        return self.early_in_warmup or self._calibrated()

    def _loudness_on(self) -> bool:
        """The loudness law and detection curve are learned when a quick or a pick-triggered search or the deciding
        search's loudness test (``deciding_loudness``) reads them."""
        return (self._loudness_waits() or self.deciding_loudness or any(s.loud for s in self.early_stages)
                or self.schedule == "continuous")

    def _loudness_waits(self) -> bool:
        """The open events wait only for the stations that could hear them by their loudness (once it is learned) when a
        quick or a pick-triggered search runs (``deciding_loudness`` alone leaves the waits as they are, and so does the
        continuous schedule: its candidates are complete by the same waits as the open events)."""
        return (self.quick_every_s is not None or (self.trigger_stations is not None and self.schedule != "continuous")
                or self.wait_margin == "expected")

    def _quick_enabled(self) -> bool:
        """Quick searches run once the model is calibrated and the loudness law and detection curve learned."""
        return self.quick_every_s is not None and self._calibrated() and self._loudness.ready

    # -- input -------------------------------------------------------------------------------------

    def push(self, picks: pa.Table) -> Emission:
        """Take newly arrived picks; returns the events that this makes decidable."""
        if picks.num_rows:
            self._take(picks)
        return self._run(final=False)

    def advance(self, now_s: float) -> Emission:
        """A heartbeat: the feed has reached ``now_s`` (even if no pick came)."""
        if not math.isfinite(now_s):
            raise ValueError("the clock must be a finite time")
        self._now = max(self._now, float(self._inside(np.array([float(now_s)]))[0]))
        return self._run(final=False)

    def flush(self) -> Emission:
        """End of the feed: decide everything still open."""
        return self._run(final=True)

    def _take(self, picks: pa.Table) -> None:
        try:
            station = np.array([self._index[s] for s in picks["station_id"].to_pylist()], dtype=np.int64)
        except KeyError as missing:
            raise InputError("picks", f"unknown station {missing.args[0]!r} (not in the stations table)",
                             column="station_id") from None
        time = float_column(picks, "time")
        if not np.all(np.isfinite(time)):
            raise InputError("picks", "a pick time is missing or not finite", column="time")
        clock = self._inside(time)  # the feed's clock (a truncating logger's picks are read later, not heard later)
        if self._whole_seconds is not None:
            shift, newly = self._whole_seconds.hear(time, station)
            if len(newly):
                self._shift_pending(newly)
            time = self._inside(time + shift)
        else:
            time = clock
        ids = np.asarray([str(v) for v in picks["pick_id"].to_pylist()], dtype=object)
        if self._next_start is None:
            self._next_start = math.floor((float(time.min()) - self._max_travel_s()) / self.chunk_s) * self.chunk_s
        late = time < self._next_start
        if late.any():
            self.late_pick_ids.extend(ids[late].tolist())
        keep: np.ndarray = np.flatnonzero(~late)
        if np.any(np.diff(time[keep]) < 0):  # in time order (picks read later may pass others of their second)
            keep = keep[np.argsort(time[keep], kind="stable")]
        self._queue.append((ids[keep], time[keep], station[keep], float_column(picks, "backazimuth_deg")[keep],
                            float_column(picks, "backazimuth_sigma_deg")[keep], float_column(picks, "amplitude")[keep],
                            float_column(picks, "snr")[keep]))
        self._now = max(self._now, float(clock.max()))
        if self._instant is None and len(time[keep]):
            self._instant = math.floor(float(time[keep].min()) / self.decide_every_s) + 1

    def _shift_pending(self, stations: np.ndarray) -> None:
        """The stations just read as truncating loggers (``FusionConfig.whole_second_stations``): their picks still
        pending (queued, in the buffer, in the warm-up's archive) are read ``TRUNCATION_SHIFT_S`` later, as their later
        picks will be; those already emitted stay as emitted."""
        for store in (self._buffer, self._archive):
            if store is not None and len(store):
                moved = np.isin(store.station, stations)
                store.time = np.where(moved, store.time + TRUNCATION_SHIFT_S, store.time)
        if self._queue:
            queued = self._queued()  # one part, in time order
            moved = np.where(np.isin(queued[2], stations), queued[1] + TRUNCATION_SHIFT_S, queued[1])
            order = np.argsort(moved, kind="stable")
            self._queue = [tuple((moved if j == 1 else part)[order] for j, part in enumerate(queued))]
        heard = self._last_heard[stations]
        self._last_heard[stations] = np.where(np.isfinite(heard), heard + TRUNCATION_SHIFT_S, heard)

    # -- the grid of instants ----------------------------------------------------------------------

    def _queued(self) -> tuple[np.ndarray, ...]:
        if len(self._queue) != 1:
            parts = self._queue or [(np.zeros(0, dtype=object), np.zeros(0), np.zeros(0, dtype=np.int64), np.zeros(0),
                                     np.zeros(0), np.zeros(0), np.zeros(0))]
            merged = tuple(np.concatenate([p[j] for p in parts]) for j in range(7))
            order = np.argsort(merged[1], kind="stable")
            self._queue = [tuple(m[order] for m in merged)]
        return self._queue[0]

    def _next_instant(self, final: bool) -> int | None:
        """The next grid instant at which anything happens (None: nothing until the clock moves on)."""
        if self._instant is None:
            return None
        step = self.decide_every_s
        times: list[float] = []
        queued = self._queued()
        if len(queued[1]):
            times.append((math.floor(float(queued[1][0]) / step) + 1) * step)
        free = self._buffer.owner == -1
        if free.any():
            latest = float(self._buffer.time[free].max())
            if self._next_start is not None and self._next_start <= latest:
                times.append(self.ready_at_s(self._next_start))
            if self._early_enabled():
                for k, start in enumerate(self._stage_next):
                    if start is not None and self._next_start is not None and max(start, self._next_start) <= latest:
                        times.append(self._stage_at_s(k, max(start, self._next_start)))
        if free.any() and self._next_start is not None and self._peek_active():
            peek_from = self._peek_start()
            if peek_from <= float(self._buffer.time[free].max()):
                times.append(peek_from + self.chunk_s + self._peek_delay_s())
        if free.any() and self._quick_enabled():
            at = self._quick_at(self._instant * step)
            if at is not None:
                times.append(at)
        times.extend(e.due_s for e in self._open)
        if self.schedule == "continuous":
            # the continuous search runs at multiples of continuous_every_s: when candidates fall due or new hits wait
            every = self.continuous_every_s
            times.extend(math.ceil(c[2] / every - 1e-9) * every for c in self._candidates)
            if self._trigger is not None and self._trigger.n_hits and self._trigger_enabled():
                times.append(math.ceil(self._instant * step / every - 1e-9) * every)
        else:
            times.extend(c[2] for c in self._candidates)
        if self._contest:
            times.append(self._contest_at(self._instant * step))
        if not times:
            return None
        instant = max(self._instant, math.ceil(min(times) / step - 1e-9))
        if not final and instant * step > self._now:
            return None
        return instant

    def _quick_at(self, earliest: float) -> float | None:
        """The first quick-search instant (a multiple of ``quick_every_s``) at or after ``earliest``
        with free picks in the last ``QUICK_SPAN_S`` (None: none before new picks come)."""
        assert self.quick_every_s is not None
        every = self.quick_every_s
        at = math.ceil(earliest / every - 1e-9) * every
        free = self._buffer.owner == -1
        if not free.any() or float(self._buffer.time[free].max()) < at - QUICK_SPAN_S:
            return None
        return at

    def _stage_begin(self, k: int, now: float) -> float:
        """Where stage ``k`` goes on: never before the deciding stage; when it starts (the model
        is calibrated), with the chunk that is due at ``now``."""
        assert self._next_start is not None
        start = self._stage_next[k]
        if start is None:
            stage = self.early_stages[k]
            start = math.floor((now - stage.chunk_s - stage.lookahead_s - stage.age_s) / stage.chunk_s) * stage.chunk_s
        return max(self._next_start, start)

    def _run(self, *, final: bool) -> Emission:
        parts: list[Emission] = []
        while True:
            instant = self._next_instant(final)
            if instant is None:
                break
            parts.append(self._step(instant * self.decide_every_s))
            self._instant = instant + 1
        return Emission.concat(parts) if parts else self.empty

    def _step(self, now: float) -> Emission:
        self._ingest(now)
        assert self._next_start is not None
        while self._next_start <= now and self.ready_at_s(self._next_start) <= now:
            self._search(None, self._next_start, now)
            self._next_start += self.chunk_s
            gone = (self._buffer.owner == -1) & (self._buffer.time < self._next_start)
            if gone.any():
                self._buffer.keep(~gone)
            free = self._buffer.owner == -1
            if not free.any():
                break
            earliest = float(self._buffer.time[free].min()) - self._max_travel_s()
            self._next_start = max(self._next_start, math.floor(earliest / self.chunk_s) * self.chunk_s)
        if self._peek_active():
            self._peek(now)
        if self._early_enabled():
            for k, stage in enumerate(self.early_stages):
                start = self._stage_begin(k, now)
                while self._stage_at_s(k, start) <= now:
                    free = (self._buffer.owner == -1) & (self._buffer.time >= start)
                    if not free.any():  # nothing to search until picks come: go on with the chunk due next
                        while self._stage_at_s(k, start) <= now:
                            start += stage.chunk_s
                        break
                    # chunks whose events could have no free pick are skipped
                    earliest = float(self._buffer.time[free].min()) - self._max_travel_s() - stage.lookahead_s
                    start = max(start, math.floor((earliest - stage.chunk_s) / stage.chunk_s) * stage.chunk_s)
                    if self._stage_at_s(k, start) > now:
                        break
                    self._search(k, start, now)
                    start += stage.chunk_s
                self._stage_next[k] = start
        if self._trigger_enabled() and self.schedule == "continuous":
            if abs(now / self.continuous_every_s - round(now / self.continuous_every_s)) < 1e-6:
                self._continuous(now)
        elif self._trigger_enabled():
            self._triggered(now)
            if self._contest and self._contest_at(now) <= now:
                contest, self._contest = self._contest, []
                kept = self._compete(contest, now)
                self.trigger_opened += len(kept)
                self._open_found(kept, "trigger", now)
        at = self._quick_at(now) if self._quick_enabled() else None
        if at is not None and abs(at - now) < 1e-6:
            self._quick(now)
        return self._emit(now)

    # -- taking picks in ---------------------------------------------------------------------------

    def _ingest(self, now: float) -> None:
        queued = self._queued()
        time, station = queued[1], queued[2]
        n = int(np.searchsorted(time, now, side="left"))
        if n == 0:
            return
        self._queue = [tuple(q[n:] for q in queued)]
        rows = self._buffer.append(*(q[:n] for q in queued))
        if self._archive is not None:
            if self._calibrated():
                self._archive = None
            else:
                self._archive.append(*(q[:n] for q in queued))
        np.maximum.at(self._last_heard, station[:n], time[:n])
        if self._loudness_on():  # the loudness is read only by the quick and triggered searches and their waits
            self._loudness.hear(station[:n], queued[5][:n], queued[6][:n])
        for row in rows:
            self._join(int(row))
        if self._trigger_enabled():
            free = rows[self._buffer.owner[rows] == -1]
            self._vote(free, now)

    def _trigger_enabled(self) -> bool:
        return self.trigger_stations is not None and self._early_enabled()

    def _vote(self, rows: np.ndarray, now: float) -> None:
        """Add the votes of free picks (buffer rows) to the trigger's ring; under a model that changed
        since the last votes, the ring is cast again from the free picks whose origins it still covers."""
        buffer = self._buffer
        if self._trigger is None:
            assert self.trigger_stations is not None
            self._trigger = trigger.TriggerVote(len(self._cells["cell_x"]), self._max_travel_s() + 2 * TIGHT_COARSE_TOLERANCE_S
                                                + 10.0, self.config.bin_s, self.trigger_stations, TIGHT_COARSE_TOLERANCE_S,
                                                3.0 * self.config.kappa_model)
        vote = self._trigger
        if vote.version != self._model_version:
            vote.clear()
            vote.version = self._model_version
            cells = self._cells
            self._trigger_tt = kernels.station_travel_times(self._network.x_km, self._network.y_km, cells["cell_x"],
                                                            cells["cell_y"], cells["cell_start"], cells["cell_index"],
                                                            cells["cell_tile"], self._atmosphere[0])
            rows = np.flatnonzero((buffer.owner == -1) & (buffer.time >= now - self._max_travel_s()))
        if not len(rows):
            return
        station = buffer.station[rows]
        vote.vote(buffer.time[rows] - self._corrections[station], station, self._cells["cell_start"],
                  self._cells["cell_index"], self._trigger_tt)

    def _triggered(self, now: float) -> None:
        """Examine the strongest hits of the trigger's vote since the last instant (:mod:`truceline.fuse.trigger`),
        and the candidates that fall due, and open the events found there that pass the searches' tests (with
        ``trigger_complete``, once complete; until then they are candidates)."""
        vote = self._trigger
        assert self._next_start is not None
        due = [c for c in self._candidates if c[2] <= now and c[1] * self.config.bin_s >= self._next_start]
        self._candidates = [c for c in self._candidates if c[2] > now and c[1] * self.config.bin_s >= self._next_start]
        if vote is None or (not vote.n_hits and not due):
            return
        cell, b, count = vote.take_hits()
        undecided = b * vote.bin_s >= self._next_start
        cell, b, count = cell[undecided], b[undecided], count[undecided]
        # a hit at a candidate waiting to fall due is that candidate
        cx, cy = self._cells["cell_x"], self._cells["cell_y"]
        waiting = np.array([c[0] for c in self._candidates], dtype=np.int64)
        cell, b = trigger.seeds(cell, b, count, cx, cy, vote.bin_s, self.trigger_seeds, cx[waiting], cy[waiting],
                                np.array([c[1] for c in self._candidates], dtype=float) * vote.bin_s)
        if due:
            cell = np.concatenate([np.array([c[0] for c in due], dtype=np.int64), cell])
            b = np.concatenate([np.array([c[1] for c in due], dtype=np.int64), b])
        if not len(cell):
            return
        self.trigger_examined += len(cell)
        start = max(self._next_start, float(b.min()) * vote.bin_s - 5.0)
        config = replace(self._trigger_config, window_s=float(b.max() - b.min()) * vote.bin_s + 10.0)
        found = self._find(config, start, {}, deciding=False, seeds=(cell, b))
        if self.trigger_max_stations is not None:
            found = [e for e in found if len(e.stations) <= self.trigger_max_stations]
        if self.trigger_complete:
            ready = []
            buffer, net = self._buffer, self._network
            for event in found:
                complete_at = self._complete_at(event)
                if complete_at <= now:
                    # complete: with the loudness learned, also one source by its amplitudes, heard where it should be
                    if not self._loudness.ready or not self.trigger_loudness_tests or quick.complete(
                            self._loudness, event, buffer, now, self._atmosphere[0], net.x_km, net.y_km, self._last_heard,
                            self._corrections, self._radius_km(event), self.config, hold_s=self.hold_s):
                        ready.append(event)
                    continue
                at = self._cell_of(event.x_km, event.y_km)
                if at >= 0:
                    self._candidates.append((at, int(math.floor(event.t0_s / vote.bin_s)), complete_at, len(event.stations)))
            if self.trigger_compete:
                # put to the competition together, at the next multiple of COMPETE_EVERY_S (one search for them all)
                self._contest.extend(ready)
                found = []
            else:
                found = ready
        self.trigger_opened += len(found)
        self._open_found(found, "trigger", now)

    def _continuous(self, now: float) -> None:
        """The continuous search (``schedule="continuous"``): the new hits of the vote and every candidate still waiting are
        examined together, strongest first (each takes its picks before the weaker ones: the competition between seeds),
        through the searches' tests of few-station events; a candidate found is opened once it is complete (every
        working station that could hear it by its loudness has given it a pick or let its predicted arrival pass), its
        loudness agrees (:func:`quick.complete`) and no candidate of as many stations or more that is not complete yet,
        nor an open event, could claim one of its picks (:meth:`_claimable`); the others wait as candidates."""
        vote = self._trigger
        assert self._next_start is not None
        live = [c for c in self._candidates if c[1] * self.config.bin_s >= self._next_start]
        if vote is None:
            return
        cell, b, count = vote.take_hits()
        undecided = b * vote.bin_s >= self._next_start
        cell, b, count = cell[undecided], b[undecided], count[undecided]
        # the waiting candidates compete as seeds with the count of their stations
        cell = np.concatenate([np.array([c[0] for c in live], dtype=np.int64), cell])
        b = np.concatenate([np.array([c[1] for c in live], dtype=np.int64), b])
        count = np.concatenate([np.array([c[3] for c in live], dtype=np.int64), count])
        if not len(cell):
            self._candidates = []
            return
        cx, cy = self._cells["cell_x"], self._cells["cell_y"]
        cell, b = trigger.seeds(cell, b, count, cx, cy, vote.bin_s, self.continuous_seeds)
        # the candidates not examined this time (beyond the seeds' number) wait for the next run
        chosen = set(zip(cell.tolist(), b.tolist()))
        candidates = [c for c in live if (c[0], c[1]) not in chosen]
        fates = self.continuous_fates
        fates["examined"] += len(cell)
        start = max(self._next_start, float(b.min()) * vote.bin_s - 5.0)
        config = replace(self._trigger_config, window_s=float(b.max() * vote.bin_s - start) + 10.0)
        found = self._find(config, start, {}, deciding=False, seeds=(cell, b))
        # complete by the open events' waits and, once the loudness is learned, by the stations that could hear it by
        # its loudness (those the loudness tests wait for)
        due = [max(self._complete_at(e), self._complete_at(e, loudness=True) if self._loudness.ready else -math.inf)
               for e in found]
        waiting = [e for e, d in zip(found, due) if d > now]
        ready: list[OpenEvent] = []
        fates["found"] += len(found)
        for event, at in zip(found, due):
            if at > now:
                fates["incomplete"] += 1
            else:
                rivals = [w for w in waiting if len(w.stations) >= len(event.stations)] + list(self._open)
                if self._claimable(event, rivals):
                    fates["dominated"] += 1
                    at = now + self.continuous_every_s  # examined again at the next run
                elif self._crowded(event, found):
                    fates["crowded"] += 1
                    continue  # left to the stages
                elif self._loudness.ready and self._loud_enough(event, now):
                    ready.append(event)
                    continue
                else:
                    fates["not loud"] += 1
                    continue  # complete but its loudness disagrees (or is not learned yet): left to the stages
            where = self._cell_of(event.x_km, event.y_km)
            if where >= 0:
                candidates.append((where, int(math.floor(event.t0_s / vote.bin_s)), at, len(event.stations)))
        self._candidates = candidates
        fates["opened"] += len(ready)
        self.trigger_opened += len(ready)
        self._open_found(ready, "continuous", now)

    def _crowded(self, event: OpenEvent, found: list[OpenEvent]) -> bool:
        """Whether another hypothesis (another of ``found``, an open event, an event emitted lately) lies within
        ``continuous_crowd_km`` and ``continuous_crowd_s`` of an event (False when that test is off)."""
        if self.continuous_crowd_km is None:
            return False
        others = [e for e in found if e is not event] + list(self._open) + [e[0] for e in self._emitted_lately]
        return any(abs(e.t0_s - event.t0_s) <= self.continuous_crowd_s
                   and math.hypot(e.x_km - event.x_km, e.y_km - event.y_km) <= self.continuous_crowd_km for e in others)

    def _contest_at(self, earliest: float) -> float:
        """The first instant at or after ``earliest`` at which the triggered events waiting for it are put to the
        competition (a multiple of ``COMPETE_EVERY_S``)."""
        return math.ceil(earliest / COMPETE_EVERY_S - 1e-9) * COMPETE_EVERY_S

    def _compete(self, ready: list[OpenEvent], now: float) -> list[OpenEvent]:
        """Of the complete events the pick-triggered search found, those that a search of the origin times around them
        (``COMPETE_BEFORE_S`` before the earliest to ``COMPETE_AFTER_S`` after the latest, with the look-ahead) also finds,
        complete, sharing at least half of their picks, within ``cluster_km`` and ``cluster_s``; and whose picks no other
        hypothesis still open could claim (an open event, or an event of that search that is not complete: its picks still
        on their way may yet win some of these). The search's versions are returned."""
        assert self._next_start is not None
        self.trigger_competed += len(ready)
        ready = [e for e in ready if e.t0_s >= self._next_start]
        if not ready:
            return []
        t0 = [e.t0_s for e in ready]
        start = max(self._next_start, min(t0) - COMPETE_BEFORE_S)
        stop = max(t0) + COMPETE_AFTER_S
        if stop <= start:
            return []
        found = self._find(replace(self._compete_config, window_s=stop - start), start, {}, deciding=False)
        if not found:
            self.trigger_lost["not found"] += len(ready)
            return []
        complete = [self._complete_at(w) <= now for w in found]
        rivals = [w for w, c in zip(found, complete) if not c] + list(self._open)
        kept: list[OpenEvent] = []
        used: set[int] = set()
        for event in ready:
            mine = set(event.seqs)
            for j, w in enumerate(found):
                if j in used or abs(w.t0_s - event.t0_s) > self.config.cluster_s or \
                        math.hypot(w.x_km - event.x_km, w.y_km - event.y_km) > self.config.cluster_km or \
                        len(mine & set(w.seqs)) < COMPETE_SHARE * len(mine):
                    continue
                used.add(j)
                if not complete[j]:
                    self.trigger_lost["incomplete"] += 1
                elif self._claimable(w, rivals):
                    self.trigger_lost["claimable"] += 1
                else:
                    kept.append(w)
                break
            else:
                self.trigger_lost["not found"] += 1
        self.trigger_kept += len(kept)
        return kept

    def _claimable(self, event: OpenEvent, rivals: list[OpenEvent]) -> bool:
        """Whether a pick of an event found could belong to one of ``rivals`` (its arrival within the coarse tolerance of
        a rival's prediction at a station the rival has no pick of: :func:`pending.screen`)."""
        if not rivals:
            return False
        buffer, net = self._buffer, self._network
        rows = buffer.rows(event.seqs)
        for row in rows:
            s = int(buffer.station[row])
            if len(pending.screen(rivals, self._atmosphere[0], s, float(buffer.time[row] - self._corrections[s]),
                                  net.x_km, net.y_km, self.config)):
                return True
        return False

    def _complete_at(self, event: OpenEvent, *, loudness: bool = False) -> float:
        """When an event found (its picks in the buffer) is complete (:func:`pending.due_s`); with ``loudness``, waiting
        for the stations that could hear it by its loudness (as :func:`quick.complete` does; those expected to, with
        ``wait_margin`` ``expected``) whatever the open events wait for."""
        buffer, net = self._buffer, self._network
        rows = buffer.rows(event.seqs)
        could = quick.could_hear(self._loudness, event, buffer.station[rows], buffer.amplitude[rows], net.x_km, net.y_km,
                                 None if loudness else self._radius_km(event), self.config,
                                 expected=self.wait_margin == "expected")[0]
        return pending.due_s(event, float(buffer.time[rows].max()), self._atmosphere[0], net.x_km, net.y_km,
                             self._last_heard, self.config, could_hear=could, hold_s=self.hold_s)

    def _cell_of(self, x_km: float, y_km: float) -> int:
        """The grid cell nearest a point (-1: none there)."""
        cells = self._cells
        if not len(cells["cell_x"]):
            return -1
        g = self.config.grid_km
        ix = int(round((x_km - (float(cells["cell_x"][0]) - int(cells["cell_ix"][0]) * g)) / g))
        iy = int(round((y_km - (float(cells["cell_y"][0]) - int(cells["cell_iy"][0]) * g)) / g))
        at = cells["cell_at"]
        if not (0 <= ix < at.shape[0] and 0 <= iy < at.shape[1]):
            return -1
        return int(at[ix, iy])

    def _join(self, row: int) -> None:
        """Let a new pick join the open event it matches best, if any."""
        buffer, net = self._buffer, self._network
        s = int(buffer.station[row])
        for index in pending.screen(self._open, self._atmosphere[0], s, float(buffer.time[row] - self._corrections[s]),
                                    net.x_km, net.y_km, self.config):
            if self._add(self._open[int(index)], np.array([row])):
                return

    def _add(self, event: OpenEvent, new: np.ndarray) -> bool:
        """Give an open event more picks (buffer rows) if it still fits with them (see :mod:`pending`)."""
        buffer, net = self._buffer, self._network
        rows = np.concatenate([buffer.rows(event.seqs), new])
        stations = buffer.station[rows]
        if not pending.relocate(event, stations, buffer.time[rows] - self._corrections[stations], buffer.baz[rows],
                                buffer.baz_sigma[rows], self._atmosphere[0], net.x_km, net.y_km, self._st_north,
                                self.config, new=len(new)):
            return False
        event.seqs.extend(int(q) for q in buffer.seq[new])
        event.stations.update(int(q) for q in buffer.station[new])
        event.due_s = -math.inf  # recomputed when next looked at
        buffer.owner[new] = event.key
        return True

    def _offer_free(self, event: OpenEvent) -> None:
        """Offer an event that falls due the free picks that may be its (all its candidates
        together, then without the worst, and so on; :func:`pending.offers`)."""
        buffer, net = self._buffer, self._network
        free = np.flatnonzero(buffer.owner == -1)
        offered = list(free[pending.offers(event, buffer.station[free], buffer.time[free] - self._corrections[buffer.station[free]],
                                           self._atmosphere[0], net.x_km, net.y_km, self.config)])
        while offered and not self._add(event, np.array(offered)):
            offered.pop()

    # -- searching origin times --------------------------------------------------------------------

    def _search(self, stage: int | None, start: float, now: float) -> None:
        """Search one chunk of origin times (``stage`` None: the deciding stage) among the free
        picks; the events found are opened with their picks."""
        if stage is not None:
            # early stage k: the k-th of the stages without the loudness test (their names do not move with a loud one)
            plain = sum(not s.loud for s in self.early_stages[:stage])
            config, by = self._stage_configs[stage], "small" if self.early_stages[stage].loud else f"early{plain}"
            if self.deciding_needs_news:
                self._searched.append((start, start + config.window_s, now, config.min_stations))
        elif self.early_stages and self._calibrated():
            config, by = self._sweep_config, "deciding"
        else:
            config, by = self._final_config, "warm"
        found = self._find(config, start, self._workspaces[-2 if stage is None else stage], deciding=stage is None)
        if stage is None and self.deciding_needs_news:
            self._searched = [w for w in self._searched if w[1] > start]
            found = [e for e in found if self._news(e)]
        if by == "small":  # a loud stage's events, only once the loudness is learned and if they pass its tests
            found = [e for e in found if self._loudness.ready and self._loud_enough(e, now)]
        if by == "deciding" and self.deciding_splinters is not None:
            kept = [e for e in found if self._splinter_share(e) < self.deciding_splinters]
            self.deciding_rejected += len(found) - len(kept)
            found = kept
        if by == "deciding" and self.deciding_loudness and self._loudness.ready:
            kept = [e for e in found if self._loud_enough(e, now)]
            self.deciding_rejected += len(found) - len(kept)
            found = kept
        self._open_found(found, by, now)

    def _splinter_share(self, event: OpenEvent) -> float:
        """The share of an event's picks that lie within the final selection tolerance of the predicted arrival, at their
        station, of an event emitted lately or still open (whether or not that event holds a pick of the station): in a
        salvo every station hears each source, and the picks an emitted event of the salvo did not take can make another
        event near it."""
        others = [e[0] for e in self._emitted_lately] + list(self._open)
        if not others:
            return 0.0
        buffer, net = self._buffer, self._network
        rows = buffer.rows(event.seqs)
        station = buffer.station[rows]
        time = buffer.time[rows] - self._corrections[station]
        x = np.array([e.x_km for e in others])
        y = np.array([e.y_km for e in others])
        t0 = np.array([e.t0_s for e in others])
        near = (np.abs(t0 - event.t0_s) <= self._max_travel_s()) & (np.hypot(x - event.x_km, y - event.y_km) <= 2 * self.config.reach_km)
        if not near.any():
            return 0.0
        idx = np.flatnonzero(near)
        atm = self._atmosphere[0][np.array([others[i].tile for i in idx])]
        claimed = np.zeros(len(rows), dtype=bool)
        for j, i in enumerate(idx):
            tt = travel_times(net.x_km[station], net.y_km[station], x[i], y[i], atm[j, 0], atm[j, 1], atm[j, 2])
            within = np.hypot(net.x_km[station] - x[i], net.y_km[station] - y[i]) <= self.config.reach_km
            claimed |= within & (np.abs(time - t0[i] - tt) <= pending.arrival_tolerance_s(tt, self.config))
        return float(np.mean(claimed)) if len(claimed) else 0.0

    def _loud_enough(self, event: OpenEvent, now: float) -> bool:
        """Whether an event a search found passes the loudness tests of a quick search's event (:func:`quick.complete`,
        waiting for the stations that could hear it by its loudness)."""
        net = self._network
        # the picks of the events emitted lately have left the buffer: a station whose pick of this source went with
        # another event still heard it
        lately = self._emitted_lately
        station = np.concatenate([np.zeros(0, dtype=np.int64)] + [e[1] for e in lately])
        time = np.concatenate([np.zeros(0)] + [e[2] for e in lately])
        return quick.complete(self._loudness, event, self._buffer, now, self._atmosphere[0], net.x_km, net.y_km,
                              self._last_heard, self._corrections, None, self.config, hold_s=self.hold_s,
                              other_station=station, other_time_s=time,
                              wait_expected=self.wait_margin == "expected")

    def _news(self, event: OpenEvent) -> bool:
        """Whether an event found by the deciding search has a pick that the last early stage to search its origin
        time, and that could have opened it, did not have: arrived after that search, or freed since (True if no such
        stage searched it)."""
        seen = [at for start, stop, at, least in self._searched if start <= event.t0_s < stop and least <= len(event.stations)]
        if not seen:
            return True
        rows = self._buffer.rows(event.seqs)
        last = max(seen)
        return bool(np.any(self._buffer.time[rows] >= last) or np.any(self._buffer.freed_at[rows] >= last))

    def _quick(self, now: float) -> None:
        """The quick search: the origin times of the last ``QUICK_SPAN_S`` among the free picks; an
        event found is opened only if it is complete and consistent (:func:`quick.complete`)."""
        assert self._next_start is not None
        self.quick_searches += 1
        found = self._find(self._quick_config, max(self._next_start, now - QUICK_SPAN_S), self._workspaces[-1],
                           deciding=False)
        buffer, net = self._buffer, self._network
        accepted = [f for f in found if quick.complete(self._loudness, f, buffer, now, self._atmosphere[0], net.x_km, net.y_km,
                                                      self._last_heard, self._corrections, self._radius_km(f), self.config,
                                                      hold_s=self.hold_s)]
        self.quick_opened += len(accepted)
        self._open_found(accepted, "quick", now)

    def _find(self, config: FusionConfig, start: float, workspace: dict, *, deciding: bool,
              seeds: tuple[np.ndarray, np.ndarray] | None = None) -> list[OpenEvent]:
        """Events among the free picks with origin times in ``[start, start + config.window_s)``
        (not yet opened: ``key`` -1); with ``seeds`` (cells, origin-time bins), those found at the
        trigger's seeds (:func:`trigger.examine`) instead of by a search of the window."""
        stop = start + config.window_s
        buffer = self._buffer
        if deciding and self._estimating() and not self._calibrated() and self._archive is not None:
            everything = self._loose_all(config, start, stop, workspace)
            if everything is not None:
                self._calibrate_if_due(everything, stop)
        prepared = self._prepare(config, start, stop)
        if prepared is None:
            return []
        prep, rows, taken = prepared
        n = len(rows)
        self.chunks_processed += 1
        if self._estimating() and deciding:
            if not self._calibrated() and self._archive is not None:
                pass  # the loose pass over every pick ran above
            elif not self._calibrated() and (self._peeked_to is None or start >= self._peeked_to):
                # until the model is calibrated, a loose pass under the standard celerity finds the events to calibrate with
                loose = first_pass(prep, config, self._default, start_s=start, stop_s=stop, workspace=workspace,
                                   taken=taken)
                self._calibration.remember(calibration_events(prep, loose, config=config))
            self._calibrate_if_due(prep, stop)
        prep.pick_time = prep.raw_time - self._corrections[prep.pick_station]
        if seeds is None:
            passed = final_pass(prep, config, self._atmosphere, start_s=start, stop_s=stop, workspace=workspace, taken=taken)
        else:
            passed = self._examine(prep, config, seeds, taken)
            if not len(passed.t0_s):
                return []
        result = refine(prep, config, passed, self._atmosphere,
                        # the nearest-stations test (batch step 8) only for the events of few stations: the picks of
                        # events already emitted have left the buffer, so a near station whose pick such an event
                        # took counts as silent (for all events, it dropped 13 real events of 4-14 stations on
                        # violation 24 h seed 7)
                        explain=config.explain_away, nearest=config.nearest_majority,
                        nearest_max_stations=NEAREST_MAX_STATIONS, rival=config.rival_hypotheses,
                        amplitude=config.amplitude_consistency, taken=taken, law=self._law)
        order = prep.extras["order"]
        found: list[OpenEvent] = []
        for i in range(len(result.t0_s)):
            mine = order[result.picks[i][result.picks[i] >= 0]]
            assert np.all(mine < n)  # the stations' latest picks are taken: never an event's
            mine = rows[mine]
            found.append(OpenEvent(key=-1, x_km=float(result.x_km[i]), y_km=float(result.y_km[i]),
                                   t0_s=float(result.t0_s[i]), tile=int(result.tile[i]), covariance=result.covariance[i],
                                   chi2=float(result.chi2[i]), n_obs=int(result.n_obs[i]),
                                   seqs=[int(q) for q in buffer.seq[mine]],
                                   stations={int(s) for s in buffer.station[mine]}))
        return found

    def _loose_all(self, config: FusionConfig, start: float, stop: float, workspace: dict) -> Prepared | None:
        """The warm-up's loose pass over every pick of the origin times ``[start, stop)`` (``warmup_loose_all_picks``):
        the archive's picks, those an earlier loose pass found events of taken; its well-recorded events are remembered
        for the calibration, and the picks of all its events are taken for the next chunk's loose pass."""
        archive = self._archive
        assert archive is not None
        reach = stop + config.lookahead_s + self._max_travel_s()
        keep = archive.time >= start  # no event of these origin times or later has an earlier pick
        if not keep.all():
            archive.keep(keep)
        rows = np.flatnonzero(archive.time < reach)
        if np.count_nonzero(archive.owner[rows] == -1) < config.min_stations:
            return None
        prep, taken = self._prepare_rows(config, archive, rows, start)
        order = prep.extras["order"]
        loose = first_pass(prep, config, self._default, start_s=start, stop_s=stop, workspace=workspace, taken=taken)
        self._calibration.remember(calibration_events(prep, loose, config=config))
        for row in loose.picks:
            mine = order[row[row >= 0]]
            archive.owner[rows[mine[mine < len(rows)]]] = 1
        return prep

    def _prepare(self, config: FusionConfig, start: float, stop: float
                 ) -> tuple[Prepared, np.ndarray, np.ndarray] | None:
        """The buffer's picks that events with origin times in ``[start, stop)`` may have, prepared for the kernels, their
        buffer rows and which of them are taken (in kernel order); None when fewer than ``min_stations`` are free."""
        buffer = self._buffer
        reach = stop + config.lookahead_s + self._max_travel_s()
        if np.count_nonzero((buffer.owner == -1) & (buffer.time >= start) & (buffer.time < reach)) < config.min_stations:
            return None
        rows = np.flatnonzero((buffer.owner != CONSUMED) & (buffer.time < reach))
        # the picks of open events are there but taken
        prep, taken = self._prepare_rows(config, buffer, rows, start)
        return prep, rows, taken

    def _prepare_rows(self, config: FusionConfig, store: PickBuffer, rows: np.ndarray, start: float
                      ) -> tuple[Prepared, np.ndarray]:
        """``rows`` of the buffer or the archive prepared for the kernels, with each station's latest pick (which may
        have left the buffer) appended as taken, so that the footprint test sees which stations are working; and which
        picks are taken (the rows' owners, in kernel order)."""
        seen = np.flatnonzero(np.isfinite(self._last_heard))
        prep = prepare_arrays(self._network, self._cells, config,
                              np.concatenate([store.ids[rows], np.full(len(seen), "", dtype=object)]),
                              np.concatenate([store.time[rows], self._last_heard[seen]]),
                              np.concatenate([store.station[rows], seen]),
                              np.concatenate([store.baz[rows], np.full(len(seen), np.nan)]),
                              np.concatenate([store.baz_sigma[rows], np.full(len(seen), np.nan)]),
                              block_origin_s=start, n_blocks=1)
        none = np.full(len(seen), np.nan)
        with_levels(prep, np.concatenate([store.amplitude[rows], none]), np.concatenate([store.snr[rows], none]))
        taken = np.concatenate([store.owner[rows] >= 0, np.ones(len(seen), dtype=bool)])[prep.extras["order"]]
        return prep, taken

    def _peek_active(self) -> bool:
        """The warm-up's loose pass runs ahead of the deciding search (``warmup_loose_early``) until the model is calibrated."""
        return (self.warmup_loose_early and bool(self.early_stages) and self._estimating() and not self._calibrated()
                and self._next_start is not None)

    def _peek_start(self) -> float:
        """The first origin time the warm-up's early loose pass has not yet covered."""
        assert self._next_start is not None
        return self._next_start if self._peeked_to is None else max(self._next_start, self._peeked_to)

    def _peek_delay_s(self) -> float:
        """How long after a chunk of origin times ends the first early stage searches it (with its look-ahead)."""
        return min(s.lookahead_s + s.age_s for s in self.early_stages)

    def _peek(self, now: float) -> None:
        """The warm-up's loose pass over the origin times not yet passed whose chunk the first early stage would search by
        ``now`` (all of them at once, the first time), under the standard celerity; its well-recorded events are
        remembered for the calibration, which is refitted if due (so that the early stages can start on that chunk)."""
        assert self._next_start is not None
        start = self._peek_start()
        stop = (math.floor((now - self.chunk_s - self._peek_delay_s()) / self.chunk_s) + 1) * self.chunk_s
        if stop <= start:
            return
        self._peeked_to = stop
        config = self._final_config
        prepared = self._prepare(config, start, stop)
        if prepared is None:
            return
        prep, _, taken = prepared
        loose = first_pass(prep, config, self._default, start_s=start, stop_s=stop, workspace=self._workspaces[-2],
                           taken=taken)
        self._calibration.remember(calibration_events(prep, loose, config=config))
        self._calibrate_if_due(prep, stop)

    def _examine(self, prep: Prepared, config: FusionConfig, seeds: tuple[np.ndarray, np.ndarray],
                 taken: np.ndarray) -> PassResult:
        """The events at the trigger's seeds, as a pass result (the tight pass's tolerances)."""
        net = self._network
        out_event, out_picks, out_cov = trigger.empty_outputs(len(seeds[0]), config.max_picks_per_event)
        n = trigger.examine(seeds[0], seeds[1], config.bin_s, prep.cell_x, prep.cell_y, prep.cell_tile, self._atmosphere[0],
                            net.x_km, net.y_km, prep.st_north_deg, prep.station_pick_start, prep.pick_time, prep.pick_baz,
                            prep.pick_baz_sigma, taken.astype(np.bool_), config.reach_km, TIGHT_COARSE_TOLERANCE_S,
                            2.0 * config.sigma_pick_s, 3.0 * config.kappa_model, config.sigma_pick_s, config.kappa_model,
                            config.max_normalised_rms, config.min_stations, out_event, out_picks, out_cov,
                            config.footprint_stations, config.baz_gate_z)
        if n == 0:
            return empty_pass(config)
        event = out_event[:n]
        order = np.argsort(event[:, 2], kind="stable")
        return PassResult(x_km=event[order, 0], y_km=event[order, 1], t0_s=event[order, 2],
                          n_stations=event[order, 3].astype(int), chi2=event[order, 4], n_obs=event[order, 5].astype(int),
                          tile=event[order, 6].astype(int), block=np.zeros(n, dtype=int), picks=out_picks[:n][order],
                          covariance=out_cov[:n][order])

    def _open_found(self, found: list[OpenEvent], by: str, now: float) -> None:
        """Open the events a search found (or merge each into an open event it continues)."""
        buffer = self._buffer
        before = list(self._open)
        for event in found:
            mine = buffer.rows(event.seqs)
            if self._merge(before, event.x_km, event.y_km, event.t0_s, mine):
                continue
            event.key = self._next_key
            event.opened_by, event.opened_at_s = by, now
            self._next_key += 1
            buffer.owner[mine] = event.key
            self._open.append(event)
        if np.any(buffer.owner == CONSUMED):
            buffer.keep(buffer.owner != CONSUMED)

    def _merge(self, events: list[OpenEvent], x_km: float, y_km: float, t0_s: float, rows: np.ndarray) -> bool:
        """Merge a newly found event into the nearest open one close in space and time when they
        share no station and the joint solution fits (the same source, found again from the
        picks that arrived after it was opened)."""
        stations = set(int(s) for s in self._buffer.station[rows])
        near = [e for e in events if abs(e.t0_s - t0_s) <= self.config.cluster_s
                and math.hypot(e.x_km - x_km, e.y_km - y_km) <= self.config.cluster_km and not (e.stations & stations)]
        for event in sorted(near, key=lambda e: (math.hypot(e.x_km - x_km, e.y_km - y_km), e.key)):
            if self._add(event, rows):
                return True
        # the rest of an event already emitted (its farthest stations heard it after all): not
        # emitted again; its picks are listed as late
        buffer = self._buffer
        if pending.continues_emitted(self._emitted_lately, x_km, y_km, t0_s, stations, buffer.station[rows],
                                     buffer.time[rows] - self._corrections[buffer.station[rows]], buffer.baz[rows],
                                     buffer.baz_sigma[rows], self._atmosphere[0], self._network.x_km,
                                     self._network.y_km, self._st_north, self.config):
            self.late_pick_ids.extend(str(i) for i in buffer.ids[rows])
            buffer.owner[rows] = CONSUMED  # leaves the buffer at the end of the search
            return True
        return False

    def _calibrate_if_due(self, prep: Prepared, stop: float) -> None:
        fitted = self._calibration.refit(prep, stop)
        if fitted is not None:
            self._atmosphere, self._corrections = fitted
            self._model_version += 1
            self._support = prep.extras.get("calibration_support")  # how far the fit's events were (to_tables)
            self._stays_calibrated = self._stays_calibrated or (self.stay_calibrated
                                                                and self._calibration.size >= WARM_EVENTS)
            for event in self._open:
                event.due_s = -math.inf

    # -- emitting ----------------------------------------------------------------------------------

    def _remember_levels(self, amplitude: np.ndarray, stations: np.ndarray, distance_km: np.ndarray) -> None:
        """Keep an emitted event's picks for the searches' amplitude-distance law, if it was heard by enough stations."""
        if len(np.unique(stations)) < LAW_MIN_STATIONS:
            return
        with np.errstate(invalid="ignore", divide="ignore"):
            log_amplitude = np.where(amplitude > 0, np.log(amplitude), np.nan)
        event, level, distance = self._law_samples
        self._law_samples = (np.concatenate([event, np.full(len(amplitude), self._law_key)])[-LAW_PICKS:],
                             np.concatenate([level, log_amplitude])[-LAW_PICKS:],
                             np.concatenate([distance, distance_km])[-LAW_PICKS:])
        self._law_events += 1
        self._law_key += 1

    def _emit(self, now: float) -> Emission:
        if not self._open:
            return self.empty
        buffer, net = self._buffer, self._network
        for event in self._open:
            if event.due_s <= now:
                self._offer_free(event)
                rows = buffer.rows(event.seqs)
                could = quick.could_hear(self._loudness, event, buffer.station[rows], buffer.amplitude[rows], net.x_km,
                                         net.y_km, self._radius_km(event), self.config,
                                         expected=self.wait_margin == "expected")[0]
                event.due_s = pending.due_s(event, float(buffer.time[rows].max()), self._atmosphere[0], net.x_km, net.y_km,
                                            self._last_heard, self.config, could_hear=could, hold_s=self.hold_s)
                if self.trace is not None:
                    self._awaiting[event.key] = pending.awaited(event, self._atmosphere[0], net.x_km, net.y_km,
                                                                self._last_heard, self.config, could_hear=could)
        chosen = pending.emittable(self._open, now, self.config)
        if not chosen:
            return self.empty
        events = [self._open[i] for i in chosen]
        leaving = set(chosen)
        self._open = [e for i, e in enumerate(self._open) if i not in leaving]
        own = buffer.rows(np.concatenate([np.asarray(e.seqs, dtype=np.int64) for e in events]))
        # the other picks in the buffer are there too: the uncertainty counts the picks that compete with an event's own
        others = np.ones(len(buffer), dtype=bool)
        others[own] = False
        rows = np.concatenate([own, np.flatnonzero(others)])
        config = self.config
        prep = prepare_arrays(net, self._cells, config, buffer.ids[rows], buffer.time[rows], buffer.station[rows],
                              buffer.baz[rows], buffer.baz_sigma[rows], block_origin_s=min(e.t0_s for e in events),
                              n_blocks=1)
        prep.pick_time = prep.raw_time - self._corrections[prep.pick_station]
        position = np.empty(len(rows), dtype=np.int64)
        position[prep.extras["order"]] = np.arange(len(rows))
        result = refine(prep, config, pending.as_pass(events, position, config), self._atmosphere)
        # an event of fewer than ``min_sites`` sites is not emitted (as in the batch): its picks stay free
        result = with_enough_sites(prep, result, config)
        # the picks the refinement left out are free again; the emitted ones leave the buffer
        buffer.owner[own] = -1
        buffer.freed_at[own] = now
        taken = np.zeros(len(buffer), dtype=bool)
        for row in result.picks:
            taken[rows[prep.extras["order"][row[row >= 0]]]] = True
        # each emitted event's open event: the one that held most of its picks (the refinement may drop and reorder)
        holder = {q: j for j, e in enumerate(events) for q in e.seqs}
        source = []
        for row in result.picks:
            held = [holder.get(int(q), -1) for q in buffer.seq[rows[prep.extras["order"][row[row >= 0]]]]]
            source.append(events[max(set(held), key=lambda j: (held.count(j), -j))] if held else events[0])
        if self._estimating() and self._early_enabled():
            # once calibrated, the emitted events themselves keep the calibration current; how crowded
            # each is counts the events emitted before it and those still open, not only its cluster
            found = calibration_events(prep, result, times=prep.raw_time, config=config)
            if not self._calibrated():  # the warm-up's deciding searches calibrate with their own (loose) events
                early = {float(t) for t, e in zip(result.t0_s, source) if e.opened_by.startswith("early")}
                found = [] if self.warmup_loose_early or self._archive is not None else [f for f in found if f.t0_s in early]
            self._calibration.remember(found, [(e.x_km, e.y_km, e.t0_s) for e in self._open]
                                       + [(r[0].x_km, r[0].y_km, r[0].t0_s) for r in self._emitted_lately])
        self._fit_history.extend(zip(result.t0_s.tolist(), result.chi2.tolist(), result.n_obs.tolist()))
        self._fit_history = [f for f in self._fit_history if f[0] >= now - config.block_s]
        factor = variance_factor_of(np.array([f[1] for f in self._fit_history]), np.array([f[2] for f in self._fit_history]))
        prep.time_origin_s = self._origin or 0.0
        if self._support is not None:
            prep.extras["calibration_support"] = self._support
        recent = self._readings.t0_s >= now - config.block_s
        calibrated = self._calibrated()
        located = to_tables(prep, result, self._atmosphere, config=config if calibrated else self._warm_config,
                            factor=factor, first_id=self._emitted + 1,
                            earlier=self._readings.select(recent),
                            celerity_floor_km_s=0.0 if calibrated else self._warm_celerity_floor_km_s,
                            neighbours=neighbour_rows([r[0] for r in self._emitted_lately], self._atmosphere))
        self._readings = self._readings.select(recent).plus(located.readings)
        self._emitted += len(result.t0_s)
        events_table = located.events
        if self._party_at is not None:
            events_table = with_sides(events_table, located.x_km, located.y_km, located.position_covariance_km2,
                                      net.to_latlon, self._party_at)
        last = np.array([float(prep.raw_time[row[row >= 0]].max()) for row in result.picks]) if len(result.t0_s) else np.zeros(0)
        self._spans_s = np.concatenate([self._spans_s, last - result.t0_s])[-SPAN_EVENTS:]
        horizon = now - self.ready_at_s(0.0) - config.isolation_s - config.cluster_s
        self._emitted_lately = [e for e in self._emitted_lately if e[0].t0_s >= horizon]
        for i, row in enumerate(result.picks):
            p = row[row >= 0]
            s = prep.pick_station[p]
            distance = np.hypot(net.x_km[s] - result.x_km[i], net.y_km[s] - result.y_km[i])
            self._heard_km = np.concatenate([self._heard_km, distance])[-HEARD_PICKS:]
            self._remember_levels(buffer.amplitude[rows[prep.extras["order"][p]]], s, distance)
            if self._loudness_on():
                quick.learn(self._loudness, result, i, rows[prep.extras["order"][p]], s, distance, buffer, now,
                            self._atmosphere[0], net.x_km, net.y_km, self._last_heard, self._corrections, config)
            record = OpenEvent(key=-1, x_km=float(result.x_km[i]), y_km=float(result.y_km[i]), t0_s=float(result.t0_s[i]),
                               tile=int(result.tile[i]), covariance=result.covariance[i], chi2=float(result.chi2[i]),
                               n_obs=int(result.n_obs[i]), seqs=[], stations={int(q) for q in s})
            self._emitted_lately.append((record, s, prep.pick_time[p], prep.pick_baz[p], prep.pick_baz_sigma[p]))
        if self._loudness.new_events >= LOUDNESS_EVERY:
            self._loudness.update()
        if self._law_events >= LOUDNESS_EVERY:
            self._law = law_of(*self._law_samples)
            self._law_events = 0
        origin = self._origin or 0.0
        if self.trace is not None:
            ids = events_table.column("event_id").to_pylist()
            names = self._network.station_ids
            for i, (event, row) in enumerate(zip(source, result.picks)):
                stations, until = self._awaiting.pop(event.key, (np.zeros(0, dtype=np.int64), np.zeros(0)))
                self.trace.append({"event_id": ids[i], "opened_by": event.opened_by,
                                   "opened_at_s": event.opened_at_s + origin, "t0_s": float(result.t0_s[i]) + origin,
                                   "n_stations": int(result.n_stations[i]), "last_pick_s": float(last[i]) + origin,
                                   "due_s": event.due_s + origin, "emitted_at_s": now + origin,
                                   "calibrated": calibrated, "fitted_to": self._calibration.size,
                                   "awaited": [str(names[k]) for k in stations],
                                   "awaited_until_s": (until + origin).round(2).tolist()})
            for event in events:
                self._awaiting.pop(event.key, None)
        buffer.keep(~taken)
        return Emission(events=events_table, assignments=located.assignments,
                        emitted_at_s=np.full(len(result.t0_s), now + origin), last_pick_s=last + origin,
                        opened_by=np.array([e.opened_by for e in source], dtype=object),
                        opened_at_s=np.array([e.opened_at_s + origin for e in source]))
