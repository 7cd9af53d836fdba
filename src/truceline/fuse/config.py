"""The associator's knobs (:class:`FusionConfig`), with the measurements behind each default."""

from __future__ import annotations

from dataclasses import dataclass

from truceline.fuse.location_options import LocationOptions


@dataclass(frozen=True, slots=True, kw_only=True)
class FusionConfig(LocationOptions):
    """Knobs of the associator. Defaults suit battlefield acoustics (sources at the surface,
    stations a few km apart, detection to a few tens of km). The location's, the atmosphere's, the clocks' and the
    ellipses' knobs are inherited from :class:`~truceline.fuse.location_options.LocationOptions`; the association's
    and the cleanup's follow."""

    explain_away: bool = True
    """Dissolve the events of the batch whose picks other events explain (``fuse/explain.py``)."""
    nearest_majority: bool = True
    """Keep only the batch's events heard by most of the working stations nearest to them (``fuse/footprint.py``)."""
    sweep_free_picks: bool = True
    """After refinement, search the picks left free once more with the tight pass (batch only)."""
    rival_hypotheses: bool = True
    """Replace an event of few stations by the rival without one of its picks and with free picks, when
    that explains more picks (``fuse/rival.py``, batch only)."""
    rival_max_stations: int = 5
    """Events of at most this many stations are tested against their rivals (``rival_hypotheses``) and,
    with ``amplitude_consistency``, for one source level."""
    repeated_sources: bool = True
    """After the second search, search again with the position fixed at the places where events were located: a
    battery's or a launcher's further rounds, which may take picks from weak events when that explains more
    picks (``fuse/repeat.py``, batch only); the events are then refined once more."""
    repeat_rounds: int = 10
    """At most this many searches at the places (each after the events dropped by the last have freed their picks)."""
    repeat_anchor_min_stations: int = 6
    """Events of at least this many stations are places where further sources are sought (``repeated_sources``)."""
    repeat_donor_max_stations: int = 8
    """A further source at a place may take picks of events of at most this many stations (``repeated_sources``)."""
    ripple_bursts: bool = True
    """Last (batch only): re-associate each burst of events (``fuse/ripple.py``: at least 6 events within 2 km
    chained by gaps of at most 3 s) as one launcher's ripple, rounds from one point, when one comb is found there
    and its rounds, each located from its own picks and tested like every event, hold nearly as many picks as the
    burst's events did (90 %) with no worse a fit. On by default since the end of session 8 (heavy 1 h seed 1:
    median error 0.1002 -> 0.0856 km, F1 0.9013 -> 0.9019; see docs/fusion.md, "A launcher's ripple")."""
    ripple_two_launchers: bool = False
    """With ``ripple_bursts``: a burst whose head and tail focus at two points is fitted as two launchers' interleaved
    combs (``ripple.two_launchers``: joint assignment of each station's picks to both launchers' rounds, a common
    station offset, the points and round times refitted), kept when it explains the picks better than one launcher
    by the Bayesian information criterion and passes the step's acceptance test (docs/fusion.md, "Two launchers")."""
    ripple_places: bool = True
    """With ``ripple_bursts``: a burst that no comb explains is re-associated as sources that repeat at up to three
    places at no fixed interval (a battery whose tubes fire seconds apart; ``ripple.rounds_at_places``: each place
    focused on the picks the places before leave, its rounds the stack's peaks there, each station's picks shared
    one-to-one among them, each round located from its own picks and tested like every event), kept under one
    launcher's acceptance (the rounds hold 90 % of the burst's events' picks with no worse a misfit; docs/fusion.md,
    "Session 13 (heavy13)")."""
    flight_partners: bool = False
    """After ``ripple_bursts`` (batch only): places whose events pair up with another place's at one lag within the
    flight times of indirect fire are a battery and its target; an event of one with no partner at the other implies
    its launch (impact) there, within a few per cent of that flight time, which is searched for at that place and time
    (``fuse/flight.py``; docs/fusion.md, "Session 15 (heavy15)")."""
    flight_donor_max_stations: int = 8
    """A source implied by its flight partner may take picks of events of at most this many stations at its place."""
    flight_explain: bool = True
    """With ``flight_partners``: the events and the new sources are explained away (``explain_away``) before the events
    that gave picks are tested again: a mixture whose picks the rounds found now explain is dissolved."""
    flight_donor_nearest: bool = True
    """With ``flight_partners``: an event that gives a source implied by its partner picks must still pass every test
    without them, the nearest-majority test included (``refine`` applies it to the event afterwards: an event left
    failing it was dropped, a found event the new source cost; docs/fusion.md, "Session 16 (flight16)")."""
    flight_explain_local: bool = True
    """With ``flight_explain``: only the new sources, the events that gave them picks and the events whose picks these
    explain may be dissolved (``explain_away(changed=)``); the other events were explained away on the same evidence
    before (docs/fusion.md, "Session 16 (flight16)"). False: every event is examined again (session 15)."""
    flight_masked: bool = True
    """With ``flight_partners``: a source implied by its partner is held to the nearest-majority test without the
    stations whose arrival then was another event's pick (masked: ``flight._masked``)."""
    twin_rounds: bool = False
    """After ``ripple_bursts`` (batch only): an event of ``min_stations`` to ``twin_max_stations`` stations whose place
    holds two rounds a fraction of a second to two seconds apart (a battery's tubes), each station hearing both, is
    replaced by the two rounds, each located from its own picks and tested like every event, when each holds some of
    the event's picks and the two at least ``min_stations`` picks more than it held; events in a burst
    (``ripple.burst_clusters``) are left to ``ripple_bursts`` (``fuse/twin.py``; docs/fusion.md, "Session 14 (heavy14)")."""
    twin_max_stations: int = 12
    """Events of at most this many stations are tried as two rounds (``twin_rounds``)."""
    salvo_split: bool = False
    """After ``twin_rounds`` (batch only): an event whose window holds two to four sources within ``salvo.SPAN_KM``
    and ``salvo.WINDOW_S`` of it (a time-on-target mission's or a salvo's rounds) is replaced by them, each located
    from its own picks and tested like every event, where the joint fit's log-likelihood ratio against the event alone,
    with the run's pick-time noise, exceeds the further sources' parameters' cost (``salvo_penalty_scale`` times the
    Bayesian information criterion's) (``fuse/salvo.py``; docs/fusion.md, "Session 23 (tot23)")."""
    salvo_penalty_scale: float = 1.0
    """``salvo_split``: the cost of a further source's three parameters in units of the information criterion's
    (half the log of the pool's size each)."""
    relabel_clusters: bool = False
    """Last (batch only): the picks of each cluster of events (within ``relabel.CLUSTER_KM`` and
    ``relabel.CLUSTER_S``) and the free picks in their windows relabelled jointly, station by station, with every
    event relocated, until the labels stay (hard EM, as GaMMA's); a cluster's new labels are kept where its
    log-likelihood ratio grows by more than the run's isolated events gain by the same steps (``fuse/relabel.py``;
    docs/fusion.md, "Session 24 (relabel24)")."""
    event_places: bool = True
    """Last (batch only, when the tables are written): an event not itself at a place, more than
    ``place_min_move_km`` from every place, whose 95 % ellipse holds a *place* (an event with at least
    ``place_min_events`` others within ``place_km`` and ``place_s``: a battery firing salvos, a target area), and at
    least ``place_min_share`` of whose picks would leave the place within its firing window, is moved there, its
    origin time refitted (``fuse/places.py``): the leftovers of a salvo's train of arrivals that no associator can
    share out round by round. Foreign s1 F1 0.6602 -> 0.7029, s2 0.6571 -> 0.6657; `heavy` 0.25 h and `violation`
    24 h byte-identical (docs/fusion.md, "Session 14 (foreign14)")."""
    place_km: float = 0.5
    """Radius of a place (``event_places``)."""
    place_s: float = 30.0
    """Time window of a place and of the events moved to it (``event_places``)."""
    place_min_events: int = 4
    """Fewest other events within ``place_km`` and ``place_s`` that make an event a place (``event_places``)."""
    place_min_move_km: float = 2.0
    """An event within this distance of a place is left where it is (perhaps a source of its own beside it)."""
    place_min_share: float = 0.75
    """Least share of an event's picks whose origin time, were they from the place, falls within the place's firing
    window (its events' first to last origin time, ``place_slack_s`` plus ``first_pass_kappa`` of the travel time
    either side) for the event to be moved there (``event_places``)."""
    place_slack_s: float = 1.0
    """Slack of the firing window either side, beyond ``first_pass_kappa`` of the travel time (``event_places``)."""
    place_rounds: bool = True
    """Last (batch only, after ``event_places``): at each cluster of events at places, count the rounds its nearest
    stations heard within its firing window and add an event at the place for each round no event there has, holding
    the free picks nearest its arrivals (``fuse/rounds.py``; docs/fusion.md, "Session 15 (foreign15)", "Session 16
    (rounds16)", "(rounds16b)"). On since session 16 with ``place_round_free_arrivals`` and
    ``place_round_heard_share`` 0.5: `heavy` 1 h seed 1 2153/1902 -> 2169/1913 events/matched, P 0.8834 -> 0.8820,
    R_loc 0.9410 -> 0.9459, F1 0.9018 -> 0.9036; foreign F1 s1 0.7029 -> 0.7297, s2 0.6657 -> 0.6770, s3 0.7513 ->
    0.7607, f5 0.7503 -> 0.7556; `violation` seeds 7, 8, 10, 12 identical, 9, 11, 13 F1 up; the attribution's
    operating point s9 256 -> 258, s11 264 -> 263, s13 172 -> 173, firing-party errors unchanged."""
    place_count_stations: int = 5
    """The count of rounds at a place is the lower median of the counts at this many nearest stations that heard it
    (``place_rounds``)."""
    place_count_quantile: float = 0.5
    """... its quantile of those counts (0.5: the lower median; 0.25 of five: the count four of them reached)."""
    place_count_weak_db: float | None = None
    """With amplitudes: a pick this many dB below the median level of a station's counted picks is not counted (an
    echo: a weaker copy of an arrival a few seconds later) (``place_rounds``)."""
    place_rounds_min_events: int = 1
    """Fewest other events within ``place_km`` and ``place_s`` that make an event a place where rounds are counted
    (``place_rounds``)."""
    place_count: str = "unplaced"
    """Which picks in a station's window count (``place_rounds``): ``own`` the free picks and those of the place's
    events, ``unplaced`` all but those of the events at other places, ``all`` every pick."""
    place_round_min_stations: int = 4
    """A round added by the count must hold free picks at this many stations (``place_rounds``)."""
    place_round_max_km: float | None = 2.0
    """A round added by the count, located from its own picks, must stay within this distance of its place."""
    place_round_free_arrivals: bool = True
    """Add at most as many rounds at a place as the free arrivals at its nearest stations back (the lower median, over
    the ``place_count_stations`` nearest, of the picks in the window no event holds, less one for each of the place's
    events without a pick there), the best-fitting first (``place_rounds``; docs/fusion.md, "Session 16 (rounds16)")."""
    place_round_fit_ratio: float | None = None
    """A round added by the count must fit the place as its sibling rounds do: the robust spread of its picks'
    back-projected origin times at most this many times the median of the place's events' (``place_rounds``)."""
    place_round_explained_share: float | None = None
    """An event off the place holding counted picks at its nearest stations, this share of whose picks would leave the
    place within its firing window, is one of its rounds located off it: counted with the place's events, its
    arrivals explained (``place_rounds``)."""
    place_round_level_db: float | None = None
    """With amplitudes: a round added by the count must be as loud as the place's events at the same stations, the
    median of its picks' levels less theirs within this many dB (``place_rounds``; docs/fusion.md, "Session 16
    (rounds16b)")."""
    place_round_heard_share: float | None = 0.5
    """A round added by the count must hold picks at at least this share of the stations that heard the place's
    events (their median) (``place_rounds``; docs/fusion.md, "Session 16 (rounds16b)"): a few free picks gathered from
    the window at a place whose events were heard widely are no round (`heavy` 1 h: 28 of 34 false additions gone, all
    10 true ones kept)."""
    place_round_explain_s: float | None = None
    """A free pick at a place's station that another event farther than ``place_round_max_km`` from the place predicts
    within this many seconds (plus ``first_pass_kappa`` of its travel time), an event without a pick at that station
    though it lies within the median distance of those it was heard at, is that event's arrival (a neighbour battery's round, a mission's
    impacts): a round added by the count may not take it (``place_rounds``; docs/fusion.md, "Session 17 (heavy17)")."""
    min_sites: int | None = 3
    """Keep only the events whose picks come from at least this many *sites*, stations within ``site_km`` of one another
    (chained) counted once (``None``: off), in the batch (``events.to_tables``) and at the streaming associator's
    emission alike (``events.with_enough_sites``). ``min_stations`` counts the elements of a tight array as stations, so
    four elements of one or two sites make an event their geometry cannot locate (a different simulator's clustered
    arrays: docs/fusion.md, "Session 19 (robust19)"). On (3) since session 20 (sites20): byte-identical on our
    scenarios, batch and streaming."""
    site_km: float = 1.0
    """``min_sites``, ``array_beams``: stations closer than this (chained) are one site."""
    whole_second_stations: bool = True
    """Read a station whose times are all whole seconds (at least ``whole_second_min_picks`` picks, none with a
    fraction) as a logger that truncates: its picks are taken 0.5 s later, the middle of the second they were made in
    (``engine.whole_second_shift``, in the batch's ``prepare``; the streaming associator with
    ``StreamingAssociator(whole_seconds=True)``, off, reads a station so once its first ``whole_second_min_picks``
    picks are whole seconds, ``fuse/wholeseconds.py``). A third simulator's loggers (docs/fusion.md, "Session 21
    (sim21)", "Session 22 (stream22)")."""
    whole_second_min_picks: int = 20
    """``whole_second_stations``: the fewest picks a station must have, all whole seconds, to be read as truncating."""
    zone_clock_stations: bool = True
    """Read a station whose clock is whole quarter hours off UTC (a logger on local time) from its neighbours' picks
    and take its picks back by that much (``fuse/zoneclocks.py``; the batch's ``prepare`` only). A third simulator's
    stations on UTC+2 and UTC+3 (docs/fusion.md, "Session 21 (lead)"); no station of ours is read."""
    array_beams: bool = False
    """Treat every site of at least ``array_min_elements`` stations (``site_km``) as an array: its elements' picks are
    beamed into site detections (a plane wave fitted to the element times: back-azimuth and sigma, apparent velocity
    within ``array_min_velocity_km_s``-``array_max_velocity_km_s`` or refused as clutter; element clocks read against
    their siblings) and the site is one station of the association, so an event counts sites, its location one pick
    per site; every element pick of a detection is assigned to the detection's event (``fuse/arrays.py``; batch only;
    docs/fusion.md, "Session 20 (arrays20)"). Off: on foreign_sim2's arrays layouts of other seeds (6-7 sites 20-50 km
    apart) most sources make a detection (3+ elements) at 3 sites or fewer, short of ``min_stations`` 4 sites, and the
    beamed run finds 1-9 events where the elements as stations find 51-187 (docs/fusion.md, "Session 21 (robust21a)")."""
    array_bearings: bool = True
    """``array_beams``: give each site detection its back-azimuth (plane wave and the elements' stated ones); off: the
    site's detections are times only."""
    array_calibration_stations: int = 5
    """``array_beams``, when arrays were beamed: loose events of this many stations (sites) or more calibrate the
    atmosphere (6 otherwise: a network of a few array sites has few events heard at six; g3c, 7 sites: 12 of 70 loose
    events, too few to calibrate anything; 5: F1 0.4484 -> 0.4775, coverage 0.0200 -> 0.7547)."""
    array_calibration_bearings: bool = False
    """``array_beams``, when arrays were beamed: the calibration's joint fit of the atmosphere and the events' positions
    also takes the picks' back-azimuths (``atmosphere.PickedEvent.bearings_deg``). Off: g3c F1 0.4775 -> 0.5045 with
    it, but g1 0.8980 -> 0.8800 and coverage 0.9886 -> 0.9318 (docs/fusion.md, "Session 21 (robust21a)")."""
    array_celerity_scan: tuple[float, ...] | None = (0.33, 0.317, 0.305)
    """``array_beams``, when every station was beamed into an array site (not in a mixed network: on foreign_sim2's m6,
    5 array sites among 31 single stations, the scan took F1 0.3083 -> 0.1555): the loose pass is also run at each of
    these celerities (km/s) and the one of them and the standard 0.343 whose pass finds the most events of
    ``array_calibration_stations`` stations (sites) is kept (ties: the standard, then the earlier). A few array sites far behind the line see paths of 25-70 km
    whose celerity may fall far below 0.343 (foreign_sim2's g3: 4-13 s late); a pass at the wrong celerity finds
    mixtures, and the calibration fitted to them stays near the celerity it started from (docs/fusion.md, "Session 21
    (robust21a)"). ``None``: the standard celerity only."""
    array_min_elements: int = 3
    """``array_beams``: the fewest elements of a site beamed, and of a detection."""
    array_aperture_km: float = 0.6
    """``array_beams``: a site is beamed only if no two of its stations are farther apart than this (the mini-arrays of
    a few hundred metres; our simulators' stations that happen to stand within ``site_km`` of one another are 0.86-1.9 km
    apart and stay stations. An IMS array of 1-3 km needs a larger value, and ``site_km`` too)."""
    array_sigma_s: float = 0.1
    """``array_beams``: the element pick time sigma of the plane-wave fit (its back-azimuth sigma and chi-square)."""
    array_min_velocity_km_s: float = 0.28
    array_max_velocity_km_s: float = 0.45
    """``array_beams``: the acoustic band of apparent velocities (a detection's ``|s|`` must be within
    ``array_velocity_z`` sigma of it)."""
    array_velocity_z: float = 2.0
    array_max_chi2_per_dof: float = 6.0
    """``array_beams``: a detection of four or more elements must fit its plane wave this well."""
    surplus_rounds: bool = True
    """A dense train (events linked within ``surplus_link_km`` and ``surplus_link_s``) holding more events than its
    nearest stations heard arrivals in its window loses its weakest surplus events, those heard only where their
    mates were (``fuse/surplus.py``, batch only; docs/fusion.md, "Session 18 (leftover18)": no worse in F1 on 17
    scenarios, `heavy` 1 h 2169/1913 -> 2159/1913, but `violation` seed 11's operating-point recall 263 -> 253 of 306).
    On since session 28, with the train's level gate (``surplus_level_z`` 3.5, ``surplus_level_outside``), the
    farthest member first (``surplus_choice``) and far mixtures joined (``surplus_join_made``): no true match lost on 15
    runs, precision up on `heavy` and four `violation` seeds (docs/fusion.md, "Session 28 (prec28)", "Session 28 (lead)")."""
    surplus_link_km: float = 3.0
    """``surplus_rounds``: the trains' single linkage in space (km)."""
    surplus_link_s: float = 2.0
    """``surplus_rounds``: the trains' single linkage in origin time (s)."""
    surplus_train_stations: float = 15.0
    """``surplus_rounds``: only trains whose events were heard by this median number of stations or more are tested
    (rounds heard by few stations may be missed by the nearest stations as well: their count is no bound)."""
    surplus_count_stations: int = 5
    """``surplus_rounds``: the train's count is read at this many of the stations nearest it that heard it."""
    surplus_count_quantile: float = 1.0
    """``surplus_rounds``: the quantile of those stations' counts taken as the train's count of rounds."""
    surplus_min_stations: int = 8
    """``surplus_rounds``: an event heard at fewer stations is never removed (a quiet round the count may miss)."""
    surplus_shared_share: float = 0.8
    """``surplus_rounds``: an event is removed only if at least this share of its picks lie at stations where another
    event of its train holds a pick."""
    surplus_choice: str = "farthest"
    """``surplus_rounds``: which eligible events of a surplus train go: ``"weakest"`` (fewest stations first)
    or ``"nearest"`` (the one nearest a kept mate in space, one at a time: the duplicate of a mate's round)
    (docs/fusion.md, "Session 18 (leftover18b)") or ``"farthest"`` (farthest from the train's median place first: a
    mixture of the rounds' arrivals located off their place; docs/fusion.md, "Session 28 (prec28)")."""
    place_round_scatter_ellipse: bool = True
    """A round added by the count has its template's ellipse widened by the covariance of the place's events' positions
    (it is at their median, the round anywhere among them) (``place_rounds``)."""
    place_round_leftovers: bool = False
    """A round the count says is missing and too few free picks give is taken by an event at no place whose picks,
    were they from the place, fall within its firing window (``place_min_share`` of them): moved there, at that
    round's time (``place_rounds``)."""
    fire_missions: bool = False
    """Last (batch only, after ``ripple_bursts``): re-solve each cluster of 2-5 events within 1 km chained by gaps of at
    most 4 s as one small fire mission, its rounds located each from its own picks with each station's picks assigned
    to them one-to-one in firing order (``fuse/mission.py``), kept when they explain the events' picks better by BIC.
    Off: on `violation` 24 h seeds 7-11 the median error falls (seed 11 0.1047 -> 0.0958 km) and the coverage rises by
    0.0002-0.0072, but the attribution's operating point loses violations on seeds 7, 10 and 11 (docs/fusion.md,
    "Small fire missions")."""
    amplitude_consistency: bool = True
    """Drop the batch's events of at most ``rival_max_stations`` stations whose picks' amplitudes cannot come
    from one source under the amplitude-distance law learned from the batch's well-recorded events
    (``loudness.consistent``; ``fuse/rival.py``). Needs the picks' ``amplitude``; without it nothing is dropped."""
    amplitude_max_stations: int | None = None
    """With ``amplitude_consistency``: events of at most this many stations are tested for one source level
    (``None``: ``rival_max_stations``). A mixture of a launch's and impacts' picks (levels 15-20 dB apart) can hold
    ten or more stations; with more picks the test has more power (docs/fusion.md, "Session 12")."""
    amplitude_last_max_stations: int = 0
    """With ``amplitude_consistency``, last (batch only, after every other step): drop the events of more than
    ``rival_max_stations`` and at most this many stations whose picks' amplitudes cannot come from one source
    (``loudness.consistent`` under the law learned from the final events of 8 or more stations); their picks are
    not searched again. 0: off. Off by default: on `heavy` 0.25 h seeds 1-3 with 12 precision rises on every seed
    but seed 1's locatable recall falls by 0.009 (docs/fusion.md, "Session 12")."""
    silent_stations: bool = True
    """With ``amplitude_consistency``: drop the batch's events of at most ``silence_max_stations`` stations whose
    level (from their picks' amplitudes) says that working stations which heard nothing should have heard them:
    the chance of so few detections, under the detection curve learned from the batch's well-recorded events,
    is below ``silence_p`` (``fuse/silence.py``). Needs the picks' ``amplitude`` and ``snr``."""
    reach_silence: bool = True
    """With ``amplitude_consistency`` and ``silent_stations``, when no pick has an amplitude and an SNR (other
    simulators' and sensors' picks; CONTRACTS.md makes them optional): drop the batch's events of at most ``silence_max_stations`` stations whose
    working, idle stations nearer than their farthest heard station heard them improbably seldom, under the
    detection curve of ``log(farthest / distance)`` learned from the batch's well-recorded events
    (``silence.ReachSilence``; tail below ``silence_p``). Batch only; with amplitudes it does nothing (unless
    ``reach_silence_with_levels``)."""
    reach_silence_with_levels: bool = False
    """With ``reach_silence``: the test also when the picks have amplitudes, in addition to ``silent_stations``'s. Off
    by default: heavy 0.25 h seed 1 F1 0.8926 -> 0.9048, `violation` 2 h seed 21 unchanged, 24 h seeds 7 and 9 one
    false event fewer each (docs/fusion.md, "Without amplitudes")."""
    chance_coincidences: bool = True
    """Drop the batch's events whose stations all lie within ``coincidence_aperture_km`` of each other and whose
    picks are likely a chance coincidence at busy stations (a clutter burst at a cluster of stations: a convoy, a
    generator, wind): the expected number of coincidences as good as theirs, under a Poisson model of each station's
    picks at its rate within ``coincidence_window_s`` of the event's pick, over the origin times and positions a
    search could test, exceeds ``coincidence_expected`` (``fuse/coincidence.py``). Batch only (the rate needs the picks
    after the event too); docs/fusion.md, "Clutter bursts at clustered stations"."""
    coincidence_aperture_km: float | None = 10.0
    """The chance-coincidence test is applied to the events whose stations are all within this distance of each other
    (``None``: to every event). Spread events are left to the footprint and silence tests, which see their coincidences."""
    coincidence_expected: float = 0.1
    """An event whose expected number of chance coincidences (``coincidence.expected_chance``) exceeds this is dropped."""
    coincidence_burst_ratio: float | None = 20.0
    """With ``chance_coincidences``, an event of any aperture whose *bursting* stations (a pick rate above this many
    times the median rate of the working stations within reach: a burst of clutter is local, real sound is heard over
    tens of km) are by themselves a likely chance coincidence counts them as one station, and is dropped if it then
    has fewer than ``min_stations`` (``None``: no such test)."""
    coincidence_window_s: float = 120.0
    """A station's pick rate is measured over this many seconds either side of the event's pick."""
    silence_max_stations: int = 6
    """Events of at most this many stations are tested for their silent stations (``silent_stations``)."""
    silence_p: float = 0.001
    """An event is dropped when so few detections among its candidate stations are less likely than this."""
    terrain_shadows: bool = False
    """The batch's nearest-stations test (``nearest_majority``) ranks the stations by the level they should have
    received: a station that heard the well-recorded sources from the event's direction below the amplitude law, or
    seldom, is shadowed from there (a ridge) and not among the nearest (``fuse/shadow.py``; docs/fusion.md, "Session
    22 (terrain22)"). Off: foreign_sim3 terrain F1 0.9089 -> 0.9145, all12 0.5908 -> 0.6018, h025 0.9097 -> 0.9129,
    calm unchanged, but v7 0.9033 -> 0.9020 (two more false events) and the coverage lower on terrain, all12 and v10."""
    terrain_sweep: bool = False
    """With ``terrain_shadows``, the second search of the free picks (``sweep_free_picks``) without the extraction's
    footprint test (``kernels._plausible_footprint``, which counts a shadowed station's silence): its events are judged
    by the tests of ``refine``, the shadow-aware nearest-stations test among them. Off: on foreign_sim3 terrain (session 22's
    first loss reading) 502 events / 473 matched against 496 / 474 without it (docs/fusion.md, "Session 22 (terrain22)")."""
    clean_ambiguity: float = 0.2
    """Events with at most this share of their stations in doubt (``ambiguity_z``) measure the model
    error of their calibration cell (``uncertainty.cell_model_error_variance``)."""
    cell_min_events: int = 8
    """Fewest such clean events that measure a cell's model error (its bias and the scatter about it)."""
    cell_min_bias_events: int = 3
    """Fewest such clean events that measure a cell's bias alone (with its uncertainty), where fewer than
    ``cell_min_events`` are near: a quiet hour, whose cell may have been fitted to other hours' events."""
    far_picks: bool = True
    """Last (batch only): where the run shows stations beyond ``reach_km`` hearing located events (the free picks'
    excess near their predicted arrivals, per range band), drop the events made of other events' far arrivals; the
    explaining events keep their locations (``fuse/farpicks.py``; docs/fusion.md, "Session 22 (reach22)": foreign_sim3
    diurnal F1 0.9064 -> 0.9492, volleys 0.9406 -> 0.9762; v7, v8, v10, h025 byte-identical)."""
    far_band_edges: tuple[float, ...] = (1.0, 1.25, 1.5, 2.0)
    """``far_picks``: the range bands read, in units of ``reach_km``."""
    far_window_s: float = 20.0
    """``far_picks``: the offsets read around a predicted arrival; beyond half of it they measure chance."""
    far_ratio: float = 4.0
    """``far_picks``: a band is heard when its free picks near the predicted arrivals are this many times chance and
    exceed it by ``far_min_excess`` picks."""
    far_min_excess: int = 20
    """``far_picks``: see ``far_ratio``."""
    far_explained_share: float = 0.5
    """``far_picks``: an event is dropped only when at least this share of its stations' picks are far arrivals."""
    later_trains: bool = True
    """Batch only, the last of the events' steps (``events.to_tables``, after the place rounds): where the run shows
    located events' later arrival trains (multipath: free picks following an event's own pick at its stations, a band
    of range at a time, at ``train_ratio`` times those preceding it), drop the events made of a stronger event's later trains; picks at the stations of a band not
    heard (the near ones) are never explained (``fuse/ghosts.py``; docs/fusion.md, "Session 23 (ghost23)")."""
    train_band_edges: tuple[float, ...] = (0.0, 0.25, 0.5, 0.75, 1.0)
    """``later_trains``: the range bands read, in units of ``reach_km``."""
    train_window_s: float = 20.0
    """``later_trains``: the offsets read around an event's pick; beyond half of it they measure a floor of chance."""
    train_min_delay_s: float = 0.3
    """``later_trains``: a later train follows its first arrival by more than this (a picker's dead time)."""
    train_ratio: float = 4.0
    """``later_trains``: a band is heard when the picks following the events' own picks (within the band's window)
    are this many times those preceding them (or the floor's count) and exceed them by ``train_min_excess``."""
    train_min_excess: int = 20
    """``later_trains``: see ``train_ratio``."""
    train_explained_share: float = 0.67
    """``later_trains``: an event is dropped only when at least this share of its stations' picks are later trains
    (a 4-station event needs 3: with 0.5 foreign_sim3 phases lost 3 true events to coincidences, with 0.67 none)."""
    train_swapped: bool = False
    """``later_trains``: a pick preceding a stronger event's own pick at a station by a heard band's window counts as
    that source's first arrival (the later event holding it, the source its train), as a pick following it does."""
    train_read_weaker: bool = False
    """``later_trains``: the bands are read from the free picks only; on, from those of weaker events (fewer
    stations) too. Off: a weaker event made of later trains holds some, but a second round heard at fewer stations
    than the first would then read as a later train (foreign_sim3 phases: on 631 events / 520 matched, off 630 / 520)."""
    storm_cells: bool = True
    """On since session 26 (`heavy` 1 h precision 0.8820 -> 0.8973, no true match lost on any scenario measured;
    violation s11's attribution 272 -> 268 rounds at the operating point, a pairing knife edge: docs/fusion.md,
    "Session 26 (lead)"). Batch only, after ``later_trains`` (``events.to_tables``): drop the lone events of a storm cell, read from the run
    (no other event within ``storm_isolation_km`` / ``storm_isolation_s`` nor at its place, ``storm_place_km``, within
    ``storm_cell_s``; at least ``storm_min_neighbours`` such events within ``storm_cell_km`` / ``storm_cell_s``; the
    median rms residual of them and it at least ``storm_cell_misfit`` times the run's (the median of its events that
    are not lone, ``storm_min_fire_events``), its own ``storm_event_misfit`` times): thunder's emergent onsets
    (``fuse/storms.py``; docs/fusion.md, "Session 24 (false24)"); and its arrivals scattered, ``storm_scatter_p``
    (session 25)."""
    storm_isolation_km: float = 5.0
    """``storm_cells``: a lone event has no other event within this distance and ``storm_isolation_s``."""
    storm_isolation_s: float = 10.0
    """``storm_cells``: see ``storm_isolation_km``."""
    storm_place_km: float = 0.5
    """``storm_cells``: a lone event has no other event this near within ``storm_cell_s`` (a place that fires again)."""
    storm_cell_km: float = 8.0
    """``storm_cells``: the lone events within this distance and ``storm_cell_s`` of a lone event are its cell."""
    storm_cell_s: float = 600.0
    """``storm_cells``: see ``storm_cell_km``."""
    storm_min_neighbours: int = 2
    """``storm_cells``: fewest other lone events in a cell."""
    storm_cell_misfit: float = 0.9
    """``storm_cells``: least median rms residual of the event and its cell, in units of the run's."""
    storm_event_misfit: float = 1.0
    """``storm_cells``: least rms residual of the event itself, in units of the run's."""
    storm_min_fire_events: int = 20
    """``storm_cells``: the run's misfit is the median of its events that are not lone (fire: missions, places that
    fire again); with fewer than this many nothing is dropped (a quiet run's events are all lone)."""
    storm_scatter_p: float = 0.1
    """``storm_cells``: an event is dropped only when its arrivals are scattered (``fuse/scatter.py``: free picks about
    its predicted arrivals at the stations of its footprint it does not hold, a thunder strike's emergent onsets)
    beyond chance, a tail probability at most this; 1.0 reads no scatter (session 24's rule, which dropped the quiet
    foreign_sim test's true 20-station round; docs/fusion.md, "Session 25 (storm25)")."""
    storm_scatter_min_stations: int = 2
    """``storm_scatter_p``: the fewest stations with scattered picks that drop an event (one stray pick near a quiet
    run's round, where chance predicts next to none, would otherwise do)."""
    storm_scatter_window_s: float = 2.5
    """``storm_scatter_p``: a free pick this near an event's predicted arrival at a station it does not hold is
    scattered (thunder's pick sigma is about 0.8 s)."""
    storm_scatter_rate_window_s: float = 300.0
    """``storm_scatter_p``: each station's chance of a free pick is read within this of the predicted arrival."""
    surplus_level_z: float | None = 3.5
    """``surplus_rounds``, with amplitudes: a pick more than this many robust sigmas (the train's own scatter of levels
    about each station's median) below the level the train's events hold at a station is another source's arrival,
    not one of its rounds, and is not counted (``fuse/trainlevel.py``; docs/fusion.md, "Session 26 (prec26)").
    ``None``: every pick in the window counted (session 18's count)."""
    surplus_level_outside: bool = True
    """``surplus_level_z``: a pick at the train's level is counted even where an event outside the train holds it (a
    false event far off, made of the train's own arrivals, no longer lowers its count; ``fuse/surplus.py``;
    docs/fusion.md, "Session 27 (surplus27)")."""
    place_round_times_alpha: float | None = 0.05
    """``event_places``: an event whose ellipse holds no place still moves to one (within ``place_round_times_km``)
    when its picks, back-projected there, fall inside the firing window and at the place's found round times beyond
    chance: at most this share of the rounds' shifts within the window meet them as well (``fuse/placetimes.py``: a
    mixture of a battery's rounds, whose chimera ellipse says nothing; docs/fusion.md, "Session 27 (foreign27)",
    "Session 28 (cover28)"). ``None``: the ellipse alone (session 14's rule). 0.05 since session 28 (s1, s2, f5 gain
    2-4 true matches, no scenario of ours loses one, `heavy` 1 h 1913 -> 1913)."""
    place_round_times_km: float = 15.0
    """``place_round_times_alpha``: the farthest place an event moves to by its round times."""
    sibling_spread: bool = False
    """A merged salvo's other sources in its ellipse (``fuse/siblings.py``, batch only): the arrivals at an event's own
    stations within ``sibling_window_s`` of its picks that line up, across at least 4 stations, as a source within
    ``sibling_radius_km`` of it are a sibling the run did not locate (another gun of the salvo); the truth of the
    event is then any of the ``k + 1`` sources, and ``sum_j d_j d_j' / (k + 1)`` of their displacements is added to
    its position covariance. Only widens; no event moves (docs/fusion.md, "Session 27 (cover27)")."""
    sibling_radius_km: float = 0.8
    """``sibling_spread``: the farthest a sibling source is searched from its event (a battery's extent)."""
    sibling_window_s: float = 3.5
    """``sibling_spread``: the farthest an arrival is from the event's own at its station (a salvo's 0-3 s)."""
    place_spread_siblings: bool = True
    """``place_spread_scale`` reads only the events with an unlocated sibling (``fuse/siblings.py``: another source's
    arrivals at its stations that line up within ``sibling_radius_km`` and ``sibling_window_s``), a salvo the run
    merged, whose truth may be another gun; the burst gate (``place_spread_max_burst``) still applies. On since session
    28 (with ``place_spread_scale`` 1): the stand-ins' coverage +0.003 to +0.025, every scenario of ours in or toward
    93-97 % (docs/fusion.md, "Session 27 (cover27)", "Session 28 (cover28)")."""
    # Session 28 (prec28)
    surplus_join_made: bool = True
    """``surplus_level_outside``: the events away from a tested train's place and made of its arrivals (whose level
    picks its count already takes for its rounds) are compared with the count as its events are, and go first where
    the train holds more events than rounds (``fuse/surplus.py``: most false events reaching the step sit in no train;
    docs/fusion.md, "Session 28 (prec28)")."""
    surplus_join_share: float = 0.8
    """``surplus_join_made``: the least share of an event's picks in the train's windows at its level for it to join
    (at least half, the count's rule; a true round elsewhere is made of a train's arrivals at some of its stations
    only: at half, `heavy` seed 4 lost four true impacts of 6-8 stations)."""
