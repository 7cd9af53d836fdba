"""The streaming associator's settings and state (:class:`StreamSettings`: its constructor, with what each option
does), the readings of its clock and the switches its settings make; the stream's constants."""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pyarrow as pa

from truceline.fuse import pending, trigger
from truceline.fuse.quick import QUICK_SEEDS, QUICK_SPAN_S
from truceline.fuse.atmosphere import CELERITY_PRIOR_SIGMA_KM_S, DEFAULT_CELERITY_KM_S, WIND_PRIOR_SIGMA_KM_S
from truceline.fuse.engine import FusionConfig, empty_pass, grid, prepare_arrays, since, with_network_reach
from truceline.fuse.causal import Calibration
from truceline.fuse.emission import Emission, PartyAt
from truceline.fuse.events import to_tables
from truceline.fuse.loudness import Loudness, LoudnessLaw
from truceline.fuse.network import build_network
from truceline.fuse.pending import EARLY_STAGES, OpenEvent, PickBuffer, Stage
from truceline.fuse.uncertainty import AtmosphereReadings
from truceline.fuse.wholeseconds import WholeSecondStations

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


class StreamSettings:
    """The streaming associator's settings, state, clock and switches: the base of the classes that
    make :class:`truceline.fuse.stream.StreamingAssociator` (docs/fusion.md, "Session 23 (split23)")."""

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
        coincidence; docs/fusion.md, "The deciding search's late events"). A loud stage's searches do not count (it
        refuses events for their loudness, not as coincidences; "Session 25")."""
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

    def _trigger_enabled(self) -> bool:
        return self.trigger_stations is not None and self._early_enabled()
