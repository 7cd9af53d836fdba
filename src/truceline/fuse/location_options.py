"""The first part of the associator's knobs: the location, its noise model, the atmosphere, the clocks and the
uncertainty terms. :class:`truceline.fuse.config.FusionConfig` inherits them; build that, not this."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class LocationOptions:
    """Knobs of the location and its uncertainty (grid, noise model, atmosphere, clocks, ellipses). Defaults suit
    battlefield acoustics (sources at the surface, stations a few km apart, detection to a few tens of km); the
    association's and the cleanup's knobs are :class:`~truceline.fuse.config.FusionConfig`'s own."""

    sound_speed_m_per_s: float | None = None
    """Fixed effective sound speed; ``None`` estimates it (and the wind) from the data."""
    min_stations: int = 4
    reach_km: float = 38.0
    """Farthest a station may be from an event that takes its pick; also the origin grid's margin around the network
    (``truceline associate --reach-km``). Stations farther behind the line than this from every event are never used
    (docs/fusion.md, "Session 19 (robust19)": a deep layout at 45-80 km, F1 0.12 at 38 km, 0.71 at 90 km)."""
    reach_from_network: bool = False
    """Read the reach from the station layout (:func:`network_reach_km`): ``reach_km`` becomes the larger of itself and
    the distance within which ``reach_quantile`` of the stations have ``min_stations`` stations (themselves included),
    at most ``reach_cap_km``. Off in the library (``reach_km`` is used as given); ``truceline associate`` turns it on
    when ``--reach-km`` is not given. Dense networks read less than 38 km and keep it (docs/fusion.md, "Session 19
    (reach19)")."""
    reach_quantile: float = 0.9
    reach_cap_km: float = 150.0
    grid_km: float = 1.0
    bin_s: float = 1.0
    window_s: float = 120.0
    lookahead_s: float = 40.0
    max_seeds: int = 1000
    """Seeds (local maxima of the votes) examined per window and round, strongest first: a burst of
    fire makes many coincidences, and a cap that is too low drops real events behind them. A
    window examines at most as many seeds as it has picks to vote (but at least ``min_seeds``):
    on a quiet front the extra seeds would be coincidences of clutter."""
    min_seeds: int = 400
    footprint_stations: int = 10_000
    """Events heard by this many stations or fewer (by default: all) must have been heard by at
    least half the working stations nearer to them than their median station (sound weakens with
    distance): a chance coincidence of other events' picks is heard by a scattered few."""
    calibration_rounds: int = 0
    cluster_km: float = 3.0
    cluster_s: float = 6.0
    tile_km: float = 100.0
    block_s: float = 3600.0
    sigma_pick_s: float = 0.15
    kappa_model: float = 0.0015
    first_pass_kappa: float = 0.025
    max_normalised_rms: float = 2.2
    max_picks_per_event: int = 96
    isolation_km: float = 5.0
    isolation_s: float = 10.0
    """Events this near to others of their pass count as crowded (possibly mixtures of a burst's sources):
    the atmosphere is calibrated with the least crowded first (``atmosphere._cleanest``)."""
    atmosphere_sigma_m_per_s: float = 0.7
    """Least model error of the calibrated effective sound speed and of each wind component at an
    event (sub-tile, sub-hour variability); the data's own estimate is used when larger."""
    atmosphere_drift_m_per_s_per_hour: float = 0.5
    """How fast the near-ground effective sound speed and each wind component may change, per hour: a cell
    calibrated with events a mean ``lag`` hours away gets ``(drift * lag)^2`` more model-error variance
    (``uncertainty.support_variance``; docs/fusion.md, "Quiet hours and mixtures")."""
    atmosphere_gradient_m_per_s_per_100_km: float = 0.5
    """Likewise per 100 km along the front, for the mean distance of a cell's calibration events from its tile."""
    own_atmosphere_relocation: bool = False
    """Locate each event of eight or more picks once more, at the end, with its cell's atmosphere moved by the
    posterior mean of its own model error (its picks' reading under the prior of its model-error covariance;
    ``uncertainty.relocate_with_own_atmosphere``). Off: measured on `violation` it lowers the median error by
    15-20 % but also the ellipse coverage and the attribution's operating point (docs/fusion.md, "Quiet hours and
    mixtures")."""
    own_atmosphere_joint: bool = False
    """With ``own_atmosphere_relocation``: the event's atmosphere is the maximum a posteriori of a robust (Huber) joint
    fit of position, origin time and atmosphere under the prior (``uncertainty.joint_atmosphere``) rather than the
    posterior mean of its linear reading, which weights a wrong or mis-clocked pick fully."""
    own_atmosphere_clean_only: bool = False
    """With ``own_atmosphere_relocation``: move only the events with at most ``clean_ambiguity`` of their stations in
    doubt (those whose readings measure their cell's bias): a mixture's picks read a wrong atmosphere as well as the
    right one, and moving it takes it out of its ellipse."""
    clock_leave_one_out: bool = False
    """Estimate each station's clock correction from its picks' leave-one-out residuals (``r / (1 - h)``, ``h`` the
    pick's leverage in its event's location; ``atmosphere.pick_leverages``) rather than their residuals: the events
    that measure a station's offset were located with its picks and absorb part of it."""
    loose_pass_rounds: int = 2
    """How many times the loose pass may be run again with the atmosphere calibrated from it (see ``loose_pass_shift``)."""
    loose_pass_shift: float = 0.005
    """The loose pass assumes the standard celerity (343 m/s, 20 degC) within ``first_pass_kappa`` (2.5 %): a far pick
    later than that is not chosen, so the events it finds, and the celerity calibrated from them, lean towards 343 m/s
    (in frost the sound speed is 331 m/s, 3.4 % slower; on a foreign scenario with 335 m/s the calibration gave
    339-341). When the calibrated celerity (median over the cells) differs from the one the loose pass assumed by more
    than this fraction, the loose pass is run again under the calibrated atmosphere and calibrated again, at most
    ``loose_pass_rounds`` times (docs/fusion.md, "Scenarios from another simulator")."""
    own_celerity_threshold: float | None = None
    """The celerity scatters between events (boundary layer, time of day, direction): when the relative scatter that
    the loose pass's well-recorded, isolated events read beyond their noise (``celerity.scatter`` of their own
    celerities, ``celerity.own_celerity``) exceeds this, the ellipses take the scatter as the celerity's model error,
    events of at least ``own_celerity_min_stations`` stations are located at the end with their own celerity under the
    prior of the measured scatter (``own_celerity_relocation``) and, with ``own_celerity_tolerance``, the tight pass's
    model error ``kappa_model`` becomes the measured scatter.
    ``None``: never (docs/fusion.md, "Session 13 (foreign13)")."""
    own_celerity_tolerance: bool = False
    """With ``own_celerity_threshold`` exceeded: the tight pass's model error ``kappa_model`` is the measured scatter (at
    most ``first_pass_kappa / 3``). Off: on the foreign simulator's seed 3 the wider tolerance takes other rounds' picks
    into a salvo's events (F1 0.7513 -> 0.7068; docs/fusion.md, "Session 13 (foreign13)")."""
    own_celerity_relocation: bool = True
    """With ``own_celerity_threshold`` exceeded: events of ``own_celerity_min_stations`` or more stations are located
    with their own celerity (``celerity.own_celerity`` under the prior of the measured scatter)."""
    own_celerity_min_stations: int = 6
    """Fewest stations of an event that reads its own celerity (four unknowns and two degrees of freedom)."""
    clock_search: bool = False
    """Measure each station's clock offset from *all* its picks near the arrivals the calibration events predict there
    (the mode of their residuals; ``atmosphere.searched_clock_offsets``), not only from the picks the loose pass chose.
    A station whose clock is off by more than the loose pass's tolerance has its picks chosen only when the event's
    position and origin time can absorb part of the offset, so their median understates it (docs/fusion.md, "Scenarios
    from another simulator")."""
    clock_search_window_s: float = 2.5
    """Half-width of the residual window ``clock_search`` searches (``atmosphere.CLOCK_WINDOW_S``): a clock off by more
    is not measured (docs/fusion.md, "Session 19 (robust19)")."""
    clock_gross_window_s: float | None = None
    """Search each station's clock offset again in this wider window (``atmosphere.searched_clock_offsets``) and apply
    the offsets found beyond ``atmosphere.CLOCK_WINDOW_S`` only: a clock several seconds off, whose picks the loose pass
    cannot choose, so the median residual of the chosen picks does not see it (``None``: off; docs/fusion.md, "Session
    19 (robust19)")."""
    clock_pairs: bool = False
    """Before the loose pass, read gross station clock offsets from the pick-time differences between neighbouring
    stations, without events (``pairclocks.pair_clock_offsets``): a common source's arrival-time difference at two
    stations ``D`` km apart lies within ``D / c``, so a clock several seconds off moves the pile of its near-coincident
    differences out of that support. Applied only where the shift is clear (``clock_pairs_min_s``, ``clock_pairs_min_z``,
    most neighbours agreeing); the calibration's corrections are added to it (docs/fusion.md, "Session 20 (clock20)").
    Batch only (the streaming associator does not read it); with ``clock_search`` its absolute readings replace the sum."""
    clock_pairs_min_s: float = 2.0
    """``clock_pairs`` applies only offsets of at least this (the loose pass and the calibration read smaller ones)."""
    clock_pairs_min_z: float = 4.0
    """``clock_pairs``'s significance: the gain in common differences over both the even background's and the exchanged
    bands' Poisson scatter."""
    clock_pairs_celerity_km_s: float = 0.30
    """The slowest celerity ``clock_pairs`` allows a path: each pair's support is ``D / c`` plus a margin."""
    clock_pairs_neighbour_km: float = 15.0
    """``clock_pairs`` reads a station against its neighbours within this (at most eight)."""
    clock_pairs_isolation_s: float = 12.0
    """``clock_pairs`` uses only the picks with no other pick of their station within this (a repeating source's
    other rounds pile up beyond the support like a displaced pile)."""
    clock_pairs_refine_window_s: float = 3.0
    """A station ``clock_pairs`` corrects sits out the loose pass, and what its reading left is searched within this
    half-width against that pass's events (``atmosphere.searched_clock_offsets``): the reading is only as exact as the
    celerity bound and the sources' spread allow, and a clock left 1.5-2 s off is worse than one left out."""
    clock_pairs_rounds: int = 3
    """With ``clock_pairs``: after the loose passes confirmed some readings, the stations not yet read are read again
    with the confirmed offsets taken off their neighbours (``pairclocks.pair_clock_offsets``' ``known``), and a station
    newly read sits out the loose passes run once more, to be confirmed in turn; at most this many times, while a
    reading is newly confirmed (0: one reading, clock20's). Two close stations both off read each other as right
    (robust19's g2clk: S09 is read once S07's -7.18 s is confirmed; docs/fusion.md, "Session 21 (robust21b)")."""
    clock_pairs_clustered: bool = False
    """With ``clock_pairs``: read also the stations that share a site (``station_sites``, ``site_km``) with others. Off:
    only lone stations are read (all are neighbours). An element of a cluster whose clock is off is left out of the
    loose pass's events by its own misfit while its site's other elements still hear them; correcting it costs
    robust19's g3c F1 0.1701 -> 0.1038 (the true offsets cost too, clock20). With ``array_beams`` the clusters are
    beamed into sites first, each one station (docs/fusion.md, "Session 21 (robust21b)")."""
    range_celerity: bool = False
    """Let the celerity vary with the path's length: ``c + g (d - 15 km)`` with one slope ``g`` for the network, fitted
    by the calibration with one celerity and wind (``atmosphere.fit_range_slope``), then held in every tile's fit and
    used by the searches and the locator (``kernels.travel_time``'s ``g``; ``range_slope``). A celerity that falls with
    range (ducted returns) misplaces events whose stations sit at different ranges (docs/fusion.md, "Session 19
    (robust19)", "(range19)")."""
    range_celerity_min_z: float = 3.0
    """With ``range_celerity``, a fitted slope within this many standard errors of 0 is taken as 0 (the model without
    it, unchanged)."""
    wind_field_km: float | None = 20.0
    """Calibrate the atmosphere as a field along the front, knots this far apart along the stations' principal axis,
    piecewise linear between them and fitted per time block with a roughness penalty (``atmosphere.calibrate_field``),
    read at the centres of tiles ``wind_field_tile_km`` wide instead of one fit per ``tile_km`` tile: a wind that
    varies along the front faster than 100 km tiles follow, with too few events per smaller tile to fit it there
    (``None``: off, no gate computed; docs/fusion.md, "Session 20 (wind20)"). On by default since session 25 (wind25)
    with ``wind_field_relocate`` and ``wind_field_ellipse``: where the gate finds no field (every scenario of ours and
    six foreign_sim3 presets) the run is the tiles' to the byte; where it finds one the field only widens the ellipses and the
    time sigmas."""
    wind_field_min_gain: float = 0.08
    """With ``wind_field_km``, the field is used only when it lowers the robust spread of the calibration events'
    residuals by at least this fraction against one wind per time block (``atmosphere.wind_field_gain``, decided once
    on the first calibration); otherwise the calibration is the tiles' (``tile_km``), unchanged."""
    wind_field_relocate: bool = True
    """With ``wind_field_km`` (and the field accepted), the passes keep the tiles' atmosphere (``tile_km``) and the field
    only relocates the final events and is their ellipses' atmosphere (``relocated_in_field``; with
    ``wind_field_ellipse``, the default, the events are not relocated and the field only widens): on the foreign
    scenarios the passes under the field find fewer events (docs/fusion.md, "Session 20 (wind20)"). False puts the
    passes themselves in the field."""
    wind_field_ellipse: bool = True
    """With ``wind_field_km`` and ``wind_field_relocate`` (and the field accepted): the final events are not relocated
    in the field; instead the difference between the field's atmosphere at each event and its tile's, the error the
    field says the tile makes there, enters the event's covariance as a model error through the atmosphere's
    sensitivity (``fielderror.field_error_covariance``, ``S da da' S'``). Only widens; no event moves; nothing where
    the gate (``wind_field_min_gain``) finds no field (docs/fusion.md, "Session 24 (cover24)")."""
    wind_field_tile_km: float = 10.0
    """With ``wind_field_km``, the tiles' size (the field is read at their centres)."""
    wind_field_roughness_m_per_s: float = 1.0
    """With ``wind_field_km``, the second difference over three knots of each component that costs as much as one
    0.15 s residual: smaller follows the events less and the straight line more."""
    range_loose_kappa: float | None = 0.1
    """With ``range_celerity``: after the loose passes, the loose pass is run again with this ``first_pass_kappa``
    (the window ``2.5 s + kappa * tt``) under the calibrated atmosphere, and calibrated again. The standard loose
    window (2.5 %) does not take a far pick whose path is slower than the near ones' (``c`` falling 0.344 -> 0.30 km/s
    puts a 35 km pick 9 s late), so its events are near stations' and the slope fitted from them is weak or
    absent (robust19's ``g2cel``: z -2.88, taken as 0). Run only when the standard loose passes' calibration found no
    slope or a strong one (``range_loose_shift``; a mild fall they see: the wide window only adds mixtures). When this wide pass finds a slope (beyond
    ``range_celerity_min_z``), it is run again under each new calibration until the celerity at ``reach_km`` moves by
    less than ``loose_pass_shift``, at most ``range_loose_rounds`` times, and its calibration is kept if its last
    round still has a slope; else the calibration before it is kept (unchanged: the same run as without it).
    ``None``: no wide pass (docs/fusion.md, "Session 20 (celerity20)")."""
    range_loose_shift: float = 0.01
    """The wide loose pass is also run when the standard passes' slope changes the celerity at ``reach_km`` by more
    than this fraction (``wants_wide_pass``): robust19's g1 (-0.00035 km/s per km, 2.4 % over 23 km) F1 0.6809
    without it, 0.8035 with it; the mild falls (g2mild 0.34 %, g2calm, g2wind, g4calm 0.2-0.3 %) lose 0.01-0.06 with it
    (docs/fusion.md, "Session 20 (celerity20)")."""
    range_loose_rounds: int = 6
    """Most wide loose passes (``range_loose_kappa``) run while the calibrated celerity and slope still move."""
    clock_recheck: bool = False
    """After calibration, run the tight pass once, and measure each station's clock offset left over from the
    calibration among all its picks near the arrivals that pass's events (of at least ``clock_recheck_min_picks``
    picks) predict there (``atmosphere.searched_clock_offsets`` on the corrected times); a conclusive offset of at
    least ``clock_recheck_min_s`` is added to the station's correction before the final pass. The median residual of
    the picks the loose pass chose understates a large offset (its events absorb part of it, and when the offset is
    near a fire mission's round interval the station's chosen picks are mostly another round's), and the loose
    pass's own positions are too rough to search all picks (``clock_search`` corrects stations without an offset);
    the tight pass's events are not (docs/fusion.md, "Session 12 (cov12)")."""
    clock_recheck_min_s: float = 0.3
    """The smallest left-over clock offset ``clock_recheck`` corrects: two pick sigmas (``sigma_pick_s``)."""
    clock_recheck_min_picks: int = 6
    """The events whose predicted arrivals ``clock_recheck`` searches: those of at least this many picks."""
    clock_unabsorbed: bool = False
    """After calibration, run the tight pass once and read each station's clock offset against that pass's events
    located *without* its picks (``clocks.unabsorbed_clock_offsets``: the mode of the residuals of all its raw picks
    near the arrivals they predict, significant and seen in both halves of the run); take it in place of the
    station's correction when the two differ by at least ``clock_unabsorbed_min_s``. Events located with the
    station's picks absorb part of its offset (the median residual of the picks the loose pass chose understates a
    large one, and what is left can be cycle-skipped onto a fire mission's next round); read against the loose pass's
    own events the offsets are too rough (docs/fusion.md, "Session 13 (cov13)")."""
    clock_unabsorbed_loose: bool = False
    """The reading of ``clock_unabsorbed`` in every calibration, against the loose pass's calibration events (located
    under the calibrated atmosphere) instead of a tight pass's: at the clocks' source, without the extra pass."""
    clock_unabsorbed_min_s: float = 0.3
    """``clock_unabsorbed`` replaces the median correction only when its reading differs by this much (two
    ``sigma_pick_s``)."""
    clock_unabsorbed_error_z: float = 3.0
    """... and by at least this many of the reading's own standard errors (its pile's scatter over the root of its
    count): a broad pile of few picks cannot tell a small correction from none (docs/fusion.md, "Session 14
    (clock14)")."""
    clock_unabsorbed_by_range: bool = True
    """``clock_unabsorbed`` takes a reading only if it is the same at every range of the events it is read against:
    the nearer and the farther half of the station's arrivals each show it, agree, and tell it from a delay that
    grows with the range (a path's celerity off the model's), which a station whose events lie in one band of range
    cannot (``clocks.constant_over_range``; docs/fusion.md, "Session 16 (clock16)")."""
    baz_gate_z: float = 3.0
    """A pick whose back-azimuth lies more than this many sigma from the direction of an event
    cannot be that event's (``0`` turns the test off); see ``kernels.baz_agrees``."""
    ambiguity_z: float = 3.0
    """A pick within this many sigma of an event's predicted arrival competes with the event's own."""
    cluster_ambiguity_z: float | None = 4.0
    """The same for the weight of the association-ambiguity term (``a * Sigma_cluster``) alone (``None``: ``ambiguity_z``).
    A neighbouring round of a fire mission arrives 0.5-1 s (3-6 sigma) from an event's predicted arrival: within 3
    sigma it is not counted and the ellipses of the mixtures such rounds make are too small. At 4 sigma the coverage
    rises on every `violation` seed (7-13: 0.868-0.948 -> 0.893-0.956) and on `heavy` 1 h (0.9585 -> 0.9653), while
    the attribution's operating point moves by -2 to +1 violations per seed; at 6 sigma `heavy` passes 0.97 and
    `violation` seed 10 loses 11 violations (docs/fusion.md, "Quiet hours and mixtures", its paragraph "On at 4
    sigma since session 11")."""
    jackknife_uncertainty: bool = False
    """An event's random location error is the larger of the nominal covariance (scaled by the network's
    chi-square) and the jackknife's, the scatter of its solutions with each pick left out in turn: a wrong pick
    of an event of few stations does not show in its residuals but moves it (``uncertainty.jackknife_covariance``).
    Off by default: it raises the ellipse coverage by 0.01-0.02 but the attribution, which reads the ellipses, then
    loses 2-9 violations at 99 % precision per `violation` seed (docs/fusion.md, "the jackknife")."""
    event_scale_pooled: bool = True
    """Each event's random error (``f * J^-1``, ``f`` the network's chi-square per degree of freedom) is scaled by its own
    misfit pooled with the network's, and its 95 % ellipse drawn at the F quantile of the pooled degrees of freedom
    instead of the chi-square's (``uncertainty.pooled_scale``): an event whose picks fit worse than the network's widens,
    one with few residuals is not trusted to the network's scale alone. The prior's degrees of freedom are read from
    the spread of the events' own misfits (maximum likelihood); only widens. On by default since session 17: on 14 scenarios
    it never lowers the coverage nor takes it out of the 93-97 % band, and the attribution is unchanged (docs/fusion.md,
    "Session 17 (cover17)")."""
    clock_doubt: bool = False
    """A station's clock correction is in doubt where a second reading disagrees with it: each station's offset is read
    again against the final events located without it (``read_unabsorbed``, as ``clock_unabsorbed`` reads it, but the
    reading is not applied), and where it differs from the correction applied the square of the difference is added
    to the variance of the station's picks in every event's covariance (``uncertainty.pick_variance_covariance``).
    The positions and the association are unchanged; only the ellipses widen, along the direction the station's
    picks pull (docs/fusion.md, "Session 17 (cover17)")."""
    crowd_swap_share: float = 0.0
    """The chance that a pick with another arrival within ``crowd_swap_window_s`` at its station is that other
    source's (a neighbouring round of a fire mission): such a pick's time is then off by the gap to that arrival, and
    ``crowd_swap_share`` times the square of the gap is added to its variance in the event's covariance (0: off).
    The events' own residuals cannot show it (the chimeras of a mission's rounds fit as well as the rounds); measured
    with the truth on `violation` seeds 8, 10-12, 0.19-0.27 of such picks in the matched events are another
    source's (docs/fusion.md, "Session 17 (cover17)")."""
    crowd_swap_window_s: float = 2.2
    """The window of ``crowd_swap_share``: the tight pass's coarse vote tolerance (``TIGHT_COARSE_TOLERANCE_S``), within
    which another arrival can be voted into the event instead of its own."""
    crowd_swap_read: bool = True
    """The crowd swap read from the run instead of ``crowd_swap_share`` (batch only): a pick may be the arrival of any
    neighbouring round that the run located within ``swap_place_km`` of its event and that predicts an arrival within
    ``crowd_swap_window_s`` of it at its station, each as likely as the own (``uncertainty.round_swap_variance``:
    ``sum d_j^2 / (k + 1)`` over the ``k`` such rounds' gaps ``d_j``); and that variance is taken at the share of
    the place scatter the ellipses do not hold, ``1 - 1 / rho`` (0 where ``rho <= 1``), ``rho`` how much farther the
    run's events at places (two others within ``swap_place_km`` and ``swap_place_s``) lie from their place than their
    ellipses before this term allow (``uncertainty.place_scatter_ratio``). So the term is large where a mission's rounds
    stray from their place as mixtures do and small where the ellipses already hold the crowding (the cluster term on
    `heavy` bursts: rho 0.69 on `heavy` 1 h, no swap). Only widens; no event moves (docs/fusion.md, "Session 18
    (swap18)"). On since session 18: it puts the 95 % coverage of `violation` seeds 7-13 in 93-97 % (seeds 10-13 were
    0.89-0.92); its cost, three coin-flip firing-party claims, is what any 5 % change of the ellipses' size costs
    (docs/attribution.md, "Session 18 (swap18b)")."""
    origin_time_swap: bool = True
    """The origin time's own term for picks that may be a neighbouring round's (``events.origin_time_swap_variance``):
    a round fired from about the same place arrives at every station about the same gap from the event's own, so the
    picks swapped with it shift the origin time together (by their share times the gap) while the place hardly moves.
    The position block's terms (``crowd_swap_read``'s sandwich, the cluster spread, the pooled scale) take the swaps as
    independent, which is right for the place and about 1 / n of it for the time. Adds ``q^2 sum_j d_j^2 / (k + 1)``
    to the origin time's variance alone (``q`` the share of the event's picks with another arrival within
    ``crowd_swap_window_s`` at their station, ``d_j`` the origin-time shifts, within ``crowd_swap_window_s``, were its
    picks those of its ``k`` neighbours within ``cluster_km`` and ``cluster_s``); ``time_sigma_s`` alone changes. On
    since session 23: the origin time's 95 % coverage (``truceline score``'s ``origin_time_coverage_95``) rises from
    0.83-0.92 to 0.92-0.97 on `violation` seeds 7-13, from 0.66-0.81 to 0.95-0.97 on `heavy`, from 0.50-0.68 to
    0.84-0.93 on the first foreign simulator, the others about unchanged; the attribution is unchanged; the price is
    a wider interval where missions crowd (median sigma 0.13 -> 0.73 s on `heavy` 0.25 h) (docs/fusion.md, "Session 23
    (otime23)")."""
    range_model_error: bool = False
    """A model error of the paths that grows with range, read from the run's own residuals (``fuse/rangeerror.py``,
    batch only): where the well-located events' residuals grow with the travel time beyond the picks' model variance
    (a model-selection test: a travel-time term must gain more than the Bayesian information criterion's penalty and
    be ``range_error_min_z`` standard errors above 0), each pick's variance beyond ``f`` times its model variance is
    added to its event's covariance through its gain. Only widens; no event moves; nothing where the test fails
    (docs/fusion.md, "Session 24 (cover24)")."""
    range_error_min_picks: int = 8
    """Fewest picks of an event whose residuals ``range_model_error`` reads."""
    range_error_max_misfit: float = 2.0
    """Largest chi-square per degree of freedom, in units of the network's variance factor, of an event whose residuals
    ``range_model_error`` reads (a mixture's wrong picks would read as a model error at every range)."""
    range_error_min_z: float = 3.0
    """The travel-time term of ``range_model_error`` is taken only this many standard errors above 0."""
    place_spread_scale: float = 1.0
    """The scatter of a place's events that their ellipses do not hold, times this, added to each event's position
    covariance (``fuse/placespread.py``, batch only): the run's other events within ``place_spread_km`` and
    ``place_spread_s`` of it, but more than ``place_spread_gap_s`` apart in time (not its own burst, which the cluster
    term holds), differ from it by ``C_i + C_j + 2 B``; half the positive part of their mean square offset less the
    ellipses is added (``B``), where at least ``place_spread_min_others`` such events are found and the event's own
    burst holds at most ``place_spread_max_burst`` others. For the batteries of another simulator whose guns, a few
    hundred metres apart, are merged into one event per salvo: the truth is any of the guns. Only widens; no event
    moves. 0: off. 1 by default since session 28, read only on events with an unlocated sibling
    (``place_spread_siblings``): every stand-in's coverage up, ours in or toward 93-97 % (`heavy` 1 h 0.9681 ->
    0.9686), no event moved, the attribution unchanged (docs/fusion.md, "Session 25 (mix25)", "Session 28 (cover28)")."""
    place_spread_km: float = 1.5
    """Radius of a place for ``place_spread_scale`` (a battery's guns and its salvos' mixtures)."""
    place_spread_s: float = 300.0
    """Time window of a place for ``place_spread_scale`` (a fire mission's salvos, 20-90 s apart on the stand-in)."""
    place_spread_gap_s: float = 6.0
    """Events closer in time than this are not read by ``place_spread_scale`` (the same burst: ``cluster_s``)."""
    place_spread_min_others: int = 2
    """Fewest other events at the place for a reading of ``place_spread_scale``."""
    place_spread_max_burst: int | None = 1
    """``place_spread_scale`` widens only events with at most this many others within ``place_spread_km`` and
    ``place_spread_gap_s`` (a salvo merged into one or two events; a burst the run located round by round is the
    cluster term's, and reading it takes `heavy` over 97 %); None: every event."""
    swap_place_km: float = 1.0
    """Radius of a place for ``crowd_swap_read``: the neighbouring rounds and the place's scatter."""
    swap_place_s: float = 60.0
    """Time window of a place for the scatter of ``crowd_swap_read`` (a fire mission's rounds)."""
