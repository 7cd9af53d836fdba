"""``associate(stations, picks) -> (events, assignments)``: picks to located events.

Two passes of the same machinery (see docs/fusion.md):

1. with a standard celerity and generous tolerances, find well-recorded events;
2. calibrate the celerity and wind per tile and time block, and station clock errors, from
   them; then associate everything again with tight tolerances and locate with the
   calibrated model. Uncertainties are scaled by the network-wide chi-square per degree of
   freedom so that the 95 % ellipses hold what they claim.

Both passes walk origin time in windows, in order, so the same code serves the streaming
associator (``truceline.fuse.stream``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from functools import partial

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from scipy.spatial import cKDTree

from truceline.fuse import farpicks, kernels, loudness
from truceline.fuse.arrays import ArraySettings, Beamed, array_stations, beam_sites
from truceline.fuse.atmosphere import (CLOCK_WINDOW_S, DEFAULT_CELERITY_KM_S, RANGE_REF_KM, PickedEvent, calibrate,
                                       calibrate_field, fit_range_slope, pick_leverages, searched_clock_offsets,
                                       station_corrections, travel_times, wind_field_gain)
from truceline.fuse.celerity import own_celerity, scatter
from truceline.fuse.clocks import ClockReading, unabsorbed_clock_offsets
from truceline.fuse.pairclocks import (PAIR_MARGIN_S, PAIR_MAX_NEIGHBOURS, PAIR_MAX_S, PAIR_MIN_GAIN, PAIR_MIN_PAIRS,
                                       pair_clock_offsets)
from truceline.fuse.coincidence import by_chance
from truceline.fuse.explain import explain_away
from truceline.fuse.footprint import heard_by_nearest_majority
from truceline.fuse.loudness import LoudnessLaw
from truceline.fuse.network import Network, build_network
from truceline.fuse.refine import clusters, refine_cluster
from truceline.fuse.rival import PickContext, learned_law, rival_hypotheses
from truceline.fuse.repeat import repeated_sources
from truceline.fuse.flight import flight_partners
from truceline.fuse.mission import fire_missions
from truceline.fuse.ripple import burst_clusters, ripple_bursts
from truceline.fuse.twin import twin_rounds
from truceline.fuse.zoneclocks import zone_offsets
from truceline.fuse.silence import ReachSilence, Silence
from truceline.model.errors import InputError



@dataclass(frozen=True, slots=True, kw_only=True)
class FusionConfig:
    """Knobs of the associator. Defaults suit battlefield acoustics (sources at the surface,
    stations a few km apart, detection to a few tens of km)."""

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
    wind_field_km: float | None = None
    """Calibrate the atmosphere as a field along the front, knots this far apart along the stations' principal axis,
    piecewise linear between them and fitted per time block with a roughness penalty (``atmosphere.calibrate_field``),
    read at the centres of tiles ``wind_field_tile_km`` wide instead of one fit per ``tile_km`` tile: a wind that
    varies along the front faster than 100 km tiles follow, with too few events per smaller tile to fit it there
    (``None``: off; docs/fusion.md, "Session 20 (wind20)")."""
    wind_field_min_gain: float = 0.08
    """With ``wind_field_km``, the field is used only when it lowers the robust spread of the calibration events'
    residuals by at least this fraction against one wind per time block (``atmosphere.wind_field_gain``, decided once
    on the first calibration); otherwise the calibration is the tiles' (``tile_km``), unchanged."""
    wind_field_relocate: bool = False
    """With ``wind_field_km`` (and the field accepted), the passes keep the tiles' atmosphere (``tile_km``) and the field
    only relocates the final events and is their ellipses' atmosphere (``relocated_in_field``): on the foreign
    scenarios the passes under the field find fewer events (docs/fusion.md, "Session 20 (wind20)")."""
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
    swap_place_km: float = 1.0
    """Radius of a place for ``crowd_swap_read``: the neighbouring rounds and the place's scatter."""
    swap_place_s: float = 60.0
    """Time window of a place for the scatter of ``crowd_swap_read`` (a fire mission's rounds)."""
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
    (``engine.whole_second_shift``; the batch's ``prepare`` only). A third simulator's loggers (docs/fusion.md,
    "Session 21 (sim21)")."""
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
    surplus_rounds: bool = False
    """A dense train (events linked within ``surplus_link_km`` and ``surplus_link_s``) holding more events than its
    nearest stations heard arrivals in its window loses its weakest surplus events, those heard only where their
    mates were (``fuse/surplus.py``, batch only; docs/fusion.md, "Session 18 (leftover18)": no worse in F1 on 17
    scenarios, `heavy` 1 h 2169/1913 -> 2159/1913, but `violation` seed 11's operating-point recall 263 -> 253 of 306)."""
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
    surplus_choice: str = "weakest"
    """``surplus_rounds``: which eligible events of a surplus train go: ``"weakest"`` (fewest stations first)
    or ``"nearest"`` (the one nearest a kept mate in space, one at a time: the duplicate of a mate's round)
    (docs/fusion.md, "Session 18 (leftover18b)")."""
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


@dataclass(slots=True, kw_only=True)
class PassResult:
    x_km: np.ndarray
    y_km: np.ndarray
    t0_s: np.ndarray
    n_stations: np.ndarray
    chi2: np.ndarray
    n_obs: np.ndarray
    tile: np.ndarray
    block: np.ndarray
    picks: np.ndarray
    covariance: np.ndarray

    def take(self, index: np.ndarray) -> PassResult:
        """The events at ``index`` (a boolean mask or integer positions), every field alike."""
        return PassResult(**{f.name: getattr(self, f.name)[index] for f in fields(self)})


@dataclass(slots=True, kw_only=True)
class Prepared:
    """Picks and grid in the arrays the kernels take."""

    network: Network
    pick_ids: np.ndarray  # original ids, in kernel order
    pick_time: np.ndarray
    raw_time: np.ndarray
    pick_station: np.ndarray
    pick_baz: np.ndarray
    pick_baz_sigma: np.ndarray
    station_pick_start: np.ndarray
    st_north_deg: np.ndarray
    cell_x: np.ndarray
    cell_y: np.ndarray
    cell_ix: np.ndarray
    cell_iy: np.ndarray
    cell_at: np.ndarray
    cell_tile: np.ndarray
    cell_start: np.ndarray
    cell_index: np.ndarray
    n_tiles: int
    tile_x: np.ndarray
    tile_y: np.ndarray
    block_origin_s: float
    n_blocks: int
    time_origin_s: float = 0.0
    """Pick and event times are relative to this (see :func:`prepare`); add it back for output."""
    extras: dict[str, np.ndarray] = field(default_factory=dict)
    """``order``: the kernel position of each pick -> its row in the input."""


def float_column(table: pa.Table, name: str) -> np.ndarray:
    """A numeric column as floats (NaN throughout when the table lacks it)."""
    if name not in table.column_names:
        return np.full(table.num_rows, np.nan)
    return np.asarray(table[name].to_numpy(zero_copy_only=False), dtype=float)


def prepare(stations: pa.Table, picks: pa.Table, config: FusionConfig) -> Prepared:
    network = build_network(stations)
    index = network.index_of()
    station_ids = picks["station_id"].to_pylist()
    try:
        station = np.array([index[s] for s in station_ids], dtype=np.int64)
    except KeyError as missing:
        raise InputError("picks", f"unknown station {missing.args[0]!r} (not in the stations table)", column="station_id") from None
    ids = np.asarray(picks["pick_id"].to_pylist(), dtype=object)
    absolute = float_column(picks, "time")
    if config.whole_second_stations:
        absolute = absolute + whole_second_shift(absolute, station, network.size, config.whole_second_min_picks)
    if config.zone_clock_stations:
        zone = zone_offsets(absolute, station, network.x_km, network.y_km)
        if np.any(zone != 0.0):
            absolute = absolute - zone[station]
    origin, time = relative_times(absolute)
    prep = prepare_arrays(network, grid(network, config), config, ids, time, station,
                          float_column(picks, "backazimuth_deg"), float_column(picks, "backazimuth_sigma_deg"))
    prep.time_origin_s = origin
    with_levels(prep, float_column(picks, "amplitude"), float_column(picks, "snr"))
    return prep


def whole_second_shift(time_s: np.ndarray, station: np.ndarray, n_stations: int, min_picks: int) -> np.ndarray:
    """Per pick, 0.5 s for the picks of a station that logs whole seconds (every one of its at least ``min_picks``
    times without a fraction: a logger that truncates, whose error is uniform in [0, 1) s), else 0."""
    whole = np.abs(time_s - np.round(time_s)) < 1e-6
    n_picks = np.bincount(station, minlength=n_stations)
    n_whole = np.bincount(station, weights=whole.astype(float), minlength=n_stations)
    truncating = (n_picks >= min_picks) & (n_whole == n_picks)
    return np.where(truncating[station], 0.5, 0.0)


def with_levels(prep: Prepared, amplitude: np.ndarray, snr: np.ndarray) -> None:
    """Give the prepared picks their log amplitudes and log SNRs (``amplitude``, ``snr`` in the order the picks
    were given; missing or not positive: NaN), which the tests of one source level and of silent stations read."""
    amplitude = amplitude[prep.extras["order"]]
    snr = snr[prep.extras["order"]]
    with np.errstate(invalid="ignore", divide="ignore"):
        prep.extras["log_amplitude"] = np.where(amplitude > 0, np.log(amplitude), np.nan)
        prep.extras["log_snr"] = np.where(snr > 0, np.log(snr), np.nan)


def levels_given(prep: Prepared) -> bool:
    """Whether any pick has both an amplitude and an SNR (the level tests' inputs: :func:`with_levels`)."""
    amplitude, snr = prep.extras.get("log_amplitude"), prep.extras.get("log_snr")
    return amplitude is not None and snr is not None and bool(np.any(np.isfinite(amplitude) & np.isfinite(snr)))


TIME_QUANTUM_S = 1e-6


def relative_times(time: np.ndarray) -> tuple[float, np.ndarray]:
    """Times relative to the whole second before the first, rounded to the microsecond.

    The association works on these, so that its result does not depend on where the clock's
    zero is: Unix times (~1.7e9 s, resolved to ~2e-7 s) and the same scenario starting at
    zero give the same relative values, hence the same bins, ties and events."""
    if not len(time):
        return 0.0, time.copy()
    origin = float(np.floor(time.min()))
    return origin, since(time, origin)


def since(time: np.ndarray, origin: float) -> np.ndarray:
    """``time - origin`` rounded to the microsecond (:func:`relative_times` with a given origin)."""
    return np.asarray(np.round((np.asarray(time, dtype=float) - origin) / TIME_QUANTUM_S) * TIME_QUANTUM_S)


def prepare_arrays(network: Network, cells: dict, config: FusionConfig, ids: np.ndarray, time: np.ndarray,
                   station: np.ndarray, baz: np.ndarray, baz_sigma: np.ndarray, *,
                   block_origin_s: float | None = None, n_blocks: int | None = None) -> Prepared:
    """Picks (any order) as the station-sorted arrays the kernels take, on a grid from :func:`grid`."""
    order = np.lexsort((time, station))
    station = station[order]
    start = np.searchsorted(station, np.arange(network.size + 1))
    if block_origin_s is None:
        block_origin_s = float(np.floor(time.min() / config.block_s) * config.block_s) if len(time) else 0.0
    if n_blocks is None:
        n_blocks = int(np.floor((time.max() - block_origin_s) / config.block_s)) + 1 if len(time) else 1
    return Prepared(
        network=network,
        pick_ids=ids[order],
        pick_time=time[order].copy(),
        raw_time=time[order].copy(),
        pick_station=station,
        pick_baz=baz[order],
        pick_baz_sigma=baz_sigma[order],
        station_pick_start=start.astype(np.int64),
        st_north_deg=_north_in_frame(network),
        block_origin_s=block_origin_s,
        n_blocks=n_blocks,
        extras={"order": order},
        **cells,
    )


def station_sites(x_km: np.ndarray, y_km: np.ndarray, site_km: float) -> np.ndarray:
    """The site of each station: stations within ``site_km`` of one another, chained, share one (0, 1, ...)."""
    site = np.full(len(x_km), -1, dtype=np.int64)
    if len(x_km) == 0:
        return site
    tree = cKDTree(np.column_stack([x_km, y_km]))
    label = 0
    for first in range(len(x_km)):
        if site[first] >= 0:
            continue
        site[first] = label
        stack = [first]
        while stack:
            near = np.asarray(tree.query_ball_point([x_km[stack[-1]], y_km[stack[-1]]], site_km), dtype=np.int64)
            stack.pop()
            new = near[site[near] < 0]
            site[new] = label
            stack.extend(new.tolist())
        label += 1
    return site


def array_settings(config: FusionConfig) -> ArraySettings:
    """The array processing's settings from the config's ``site_km`` and ``array_*`` fields."""
    return ArraySettings(site_km=config.site_km, min_elements=config.array_min_elements,
                         max_aperture_km=config.array_aperture_km, sigma_s=config.array_sigma_s,
                         min_velocity_km_s=config.array_min_velocity_km_s,
                         max_velocity_km_s=config.array_max_velocity_km_s, velocity_z=config.array_velocity_z,
                         max_chi2_per_dof=config.array_max_chi2_per_dof)


def has_arrays(stations: pa.Table, config: FusionConfig) -> bool:
    """Whether the network has a site that ``array_beams`` beams (``arrays.array_stations``)."""
    network = build_network(stations)
    site = station_sites(network.x_km, network.y_km, config.site_km)
    return bool(len(site)) and bool(array_stations(network, site, array_settings(config)).any())


def beamed_arrays(stations: pa.Table, picks: pa.Table, config: FusionConfig) -> Beamed | None:
    """``arrays.beam_sites`` on the arrays (``arrays.array_stations``; ``None`` when there is none:
    the tables are used as given)."""
    network = build_network(stations)
    site = station_sites(network.x_km, network.y_km, config.site_km)
    settings = array_settings(config)
    if not len(site) or not array_stations(network, site, settings).any():
        return None
    beamed = beam_sites(stations, picks, network, site, settings)
    if config.array_bearings:
        return beamed
    site_rows = pa.array([str(p) in beamed.members for p in beamed.picks["pick_id"].to_pylist()])
    nan = pa.scalar(float("nan"))
    picks = beamed.picks
    for name in ("backazimuth_deg", "backazimuth_sigma_deg"):
        picks = picks.set_column(picks.column_names.index(name), name, pc.if_else(site_rows, nan, picks[name]))
    return replace(beamed, picks=picks)


def association_stations(stations: pa.Table, picks: pa.Table, config: FusionConfig) -> pa.Table:
    """The stations the association runs on: with ``array_beams``, each array site as one station."""
    beamed = beamed_arrays(stations, picks, config) if config.array_beams else None
    return stations if beamed is None else beamed.stations


def network_reach_km(network: Network, config: FusionConfig) -> tuple[float, str]:
    """The reach the station layout asks for, and why (FusionConfig.reach_from_network).

    Each station's neighbourhood radius is the distance to its ``min_stations``-th nearest station, itself counted: an
    event at that station is heard by ``min_stations`` stations within it. The reach is that radius's
    ``reach_quantile`` over the stations, raised to ``reach_km`` and capped at ``reach_cap_km``."""
    n = network.size
    if n < config.min_stations or n == 0:
        return config.reach_km, f"{n} stations, fewer than min_stations {config.min_stations}: reach_km kept"
    xy = np.column_stack([network.x_km, network.y_km])
    radius = cKDTree(xy).query(xy, k=config.min_stations)[0]
    radius = radius[:, -1] if radius.ndim == 2 else radius
    needed = float(np.quantile(radius, config.reach_quantile))
    reach = min(config.reach_cap_km, max(config.reach_km, needed))
    why = (f"{config.reach_quantile:g} of the {n} stations have {config.min_stations} stations within {needed:.1f} km; "
           f"floor {config.reach_km:g} km, cap {config.reach_cap_km:g} km")
    return reach, why


def with_network_reach(config: FusionConfig, network: Network) -> FusionConfig:
    """``config`` with ``reach_km`` read from the network when ``reach_from_network`` is on (then off: idempotent)."""
    if not config.reach_from_network:
        return config
    reach, _ = network_reach_km(network, config)
    return replace(config, reach_km=reach, reach_from_network=False)


def _north_in_frame(network: Network) -> np.ndarray:
    """Frame bearing of true north at each station (degrees; meridian convergence)."""
    if network.size == 0:
        return np.zeros(0)
    x1, y1 = network.to_xy_km(network.lat_deg + 0.01, network.lon_deg)
    return np.degrees(np.arctan2(x1 - network.x_km, y1 - network.y_km))


def _tiles(x: np.ndarray, y: np.ndarray, x_min: float, y_min: float, tile_km: float) -> np.ndarray:
    """Each cell's tile: squares ``tile_km`` wide from ``(x_min, y_min)``, numbered in the order of their keys."""
    tiles_x = np.floor((x - x_min) / tile_km).astype(np.int64)
    tiles_y = np.floor((y - y_min) / tile_km).astype(np.int64)
    _, tile = np.unique(tiles_x * 100000 + tiles_y, return_inverse=True)
    return np.asarray(tile)


def _tile_centres(tile: np.ndarray, x: np.ndarray, y: np.ndarray) -> tuple[int, np.ndarray, np.ndarray]:
    """The number of tiles and their centres (the mean of their cells)."""
    n_tiles = int(tile.max()) + 1 if len(tile) else 1
    tile_x = np.bincount(tile, weights=x, minlength=n_tiles) / np.maximum(np.bincount(tile, minlength=n_tiles), 1)
    tile_y = np.bincount(tile, weights=y, minlength=n_tiles) / np.maximum(np.bincount(tile, minlength=n_tiles), 1)
    return n_tiles, tile_x, tile_y


def retile(prep: Prepared, config: FusionConfig, tile_km: float) -> None:
    """Make the grid's tiles ``tile_km`` wide, in place (``wind_field_km``: the field is read at their centres)."""
    x_min = prep.network.x_km.min() - config.reach_km
    y_min = prep.network.y_km.min() - config.reach_km
    tile = _tiles(prep.cell_x, prep.cell_y, x_min, y_min, tile_km)
    prep.cell_tile = tile.astype(np.int64)
    prep.n_tiles, prep.tile_x, prep.tile_y = _tile_centres(tile, prep.cell_x, prep.cell_y)


def tile_at(prep: Prepared, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The tile of the grid cell nearest each point."""
    _, cell = cKDTree(np.column_stack([prep.cell_x, prep.cell_y])).query(np.column_stack([x, y]))
    return np.asarray(prep.cell_tile[cell], dtype=int)


def grid(network: Network, config: FusionConfig) -> dict:
    """The origin grid: cells within reach of at least ``min_stations`` stations, their tiles, and each station's cells."""
    g = config.grid_km
    if network.size == 0:
        empty_f = np.zeros(0)
        empty_i = np.zeros(0, dtype=np.int64)
        return dict(cell_x=empty_f, cell_y=empty_f, cell_ix=empty_i, cell_iy=empty_i, cell_at=np.full((1, 1), -1, np.int64),
                    cell_tile=empty_i, cell_start=np.zeros(1, np.int64), cell_index=empty_i, n_tiles=1,
                    tile_x=np.zeros(1), tile_y=np.zeros(1))
    x_min = network.x_km.min() - config.reach_km
    y_min = network.y_km.min() - config.reach_km
    nx = int(np.ceil((network.x_km.max() + config.reach_km - x_min) / g)) + 1
    ny = int(np.ceil((network.y_km.max() + config.reach_km - y_min) / g)) + 1
    grid_ix, grid_iy = np.meshgrid(np.arange(nx), np.arange(ny), indexing="ij")
    ix: np.ndarray = grid_ix.ravel()
    iy: np.ndarray = grid_iy.ravel()
    x = x_min + ix * g
    y = y_min + iy * g
    tree = cKDTree(np.column_stack([network.x_km, network.y_km]))
    in_reach = np.asarray(tree.query_ball_point(np.column_stack([x, y]), config.reach_km, return_length=True))
    keep = in_reach >= config.min_stations
    ix, iy, x, y = ix[keep], iy[keep], x[keep], y[keep]
    cell_at = np.full((nx, ny), -1, dtype=np.int64)
    cell_at[ix, iy] = np.arange(len(x))
    tile = _tiles(x, y, x_min, y_min, config.tile_km)
    cell_tree = cKDTree(np.column_stack([x, y]))
    lists = cell_tree.query_ball_point(np.column_stack([network.x_km, network.y_km]), config.reach_km)
    lengths = np.array([len(a) for a in lists], dtype=np.int64)
    start = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    index = np.concatenate([np.sort(np.asarray(a, dtype=np.int64)) for a in lists]) if lengths.sum() else np.zeros(0, np.int64)
    n_tiles, tile_x, tile_y = _tile_centres(tile, x, y)
    return dict(cell_x=x, cell_y=y, cell_ix=ix.astype(np.int64), cell_iy=iy.astype(np.int64), cell_at=cell_at,
                cell_tile=tile.astype(np.int64), cell_start=start, cell_index=index, n_tiles=n_tiles,
                tile_x=tile_x, tile_y=tile_y)


ProgressCallback = Callable[[float], None]


def run_pass(
    prep: Prepared, config: FusionConfig, atmosphere: np.ndarray, *, kappa: float, fine_tolerance_s: float,
    coarse_tolerance_s: float, max_rms: float, progress: ProgressCallback | None = None, soft_scoring: bool = True,
    start_s: float | None = None, stop_s: float | None = None, workspace: dict | None = None,
    taken: np.ndarray | None = None,
) -> PassResult:
    """One association pass over the origin-time windows, in time order.

    By default the windows cover every origin time the picks allow; ``start_s`` and ``stop_s``
    bound them (the streaming associator takes one window at a time, and passes a
    ``workspace`` dict so that the vote arrays and the cells' travel times are made once, not
    per window). ``taken`` marks picks (in kernel order) that are already another event's:
    they cannot join, but they still show that their station is working."""
    net = prep.network
    used = np.zeros(len(prep.pick_time), dtype=np.bool_) if taken is None else taken.astype(np.bool_)
    rows: list[np.ndarray] = []
    pick_rows: list[np.ndarray] = []
    covs: list[np.ndarray] = []
    blocks: list[np.ndarray] = []
    if len(prep.pick_time) == 0 or len(prep.cell_x) == 0:
        return empty_pass(config)
    slope = range_slope(prep)
    slowest = float(np.min(atmosphere[..., 0]) - 0.04) + min(0.0, -RANGE_REF_KM * slope, (config.reach_km - RANGE_REF_KM) * slope)
    first = float(prep.pick_time.min() - config.reach_km / slowest) if start_s is None else start_s
    last = float(prep.pick_time.max()) if stop_s is None else stop_s - 1e-9
    core_bins = int(round(config.window_s / config.bin_s))
    n_bins = core_bins + int(round(config.lookahead_s / config.bin_s))
    max_events = 20000
    space = workspace if workspace is not None else {}
    if space.get("shape") != (len(prep.cell_x), n_bins, config.max_picks_per_event):
        # the vote arrays are left cleared at the end of every window, so they can be reused
        space.clear()
        space.update(shape=(len(prep.cell_x), n_bins, config.max_picks_per_event), travel={},
                     counts=np.zeros((len(prep.cell_x), n_bins), dtype=np.int16),
                     stamp=np.zeros((len(prep.cell_x), n_bins), dtype=np.int32),
                     touched=np.zeros(len(prep.cell_x), dtype=np.bool_),
                     covered=np.zeros((len(prep.cell_x), n_bins), dtype=np.bool_),
                     out_event=np.zeros((max_events, 7)),
                     out_picks=np.full((max_events, config.max_picks_per_event), -1, dtype=np.int64),
                     out_cov=np.zeros((max_events, 3, 3)))
    counts, stamp, touched, covered = space["counts"], space["stamp"], space["touched"], space["covered"]
    out_event, out_picks, out_cov = space["out_event"], space["out_picks"], space["out_cov"]
    travel: dict[bytes, np.ndarray] = space["travel"]
    current_block = -1
    cell_tt = np.zeros(0)
    start = first
    while start <= last:
        block = min(max(int((start - prep.block_origin_s) // config.block_s), 0), prep.n_blocks - 1)
        if block != current_block:
            current_block = block
            key = atmosphere[block].tobytes() + np.float64(slope).tobytes()
            if key not in travel:
                if len(travel) >= 4:
                    travel.clear()
                travel[key] = kernels.station_travel_times(net.x_km, net.y_km, prep.cell_x, prep.cell_y,
                                                           prep.cell_start, prep.cell_index, prep.cell_tile,
                                                           atmosphere[block], slope)
            cell_tt = travel[key]
        # strongest events first: re-vote after each round without the picks taken, so that
        # the coincidences among a busy sector's picks do not drown the weaker events
        reserved = np.zeros(len(prep.pick_time), dtype=np.bool_)
        threshold = 0
        span = int(np.count_nonzero((prep.pick_time >= start)
                                    & (prep.pick_time < start + config.window_s + config.lookahead_s + config.reach_km / slowest)))
        max_seeds = min(config.max_seeds, max(config.min_seeds, span))
        while True:
            kernels.coarse_vote(start, n_bins, config.bin_s, prep.pick_time, used, prep.station_pick_start,
                                prep.cell_start, prep.cell_index, cell_tt, coarse_tolerance_s, kappa, counts, stamp,
                                touched)
            voted = np.flatnonzero(touched)
            peak = int(counts[voted].max()) if len(voted) else 0
            if peak < config.min_stations:
                _reset(counts, stamp, touched, covered, voted)
                break
            threshold = max(int(np.ceil(0.75 * peak)), config.min_stations + 2) if threshold == 0 else config.min_stations
            threshold = max(threshold, config.min_stations)
            found = kernels.extract(start, n_bins, config.bin_s, counts, config.min_stations, prep.cell_x, prep.cell_y,
                                    prep.cell_ix, prep.cell_iy, prep.cell_at, prep.cell_tile, atmosphere[block],
                                    net.x_km, net.y_km, prep.st_north_deg, prep.station_pick_start, prep.pick_time,
                                    prep.pick_baz, prep.pick_baz_sigma, used, config.reach_km, coarse_tolerance_s,
                                    fine_tolerance_s, kappa, config.sigma_pick_s, max(config.kappa_model, kappa / 3.0),
                                    max_rms, out_event, out_picks, out_cov, max_events, core_bins,
                                    reserved, threshold, max_seeds, soft_scoring, voted, touched, covered,
                                    config.footprint_stations, config.baz_gate_z, slope)
            _reset(counts, stamp, touched, covered, voted)
            if found:
                rows.append(out_event[:found].copy())
                pick_rows.append(out_picks[:found].copy())
                covs.append(out_cov[:found].copy())
                blocks.append(np.full(found, block))
            if threshold <= config.min_stations:
                break
        used[reserved] = False
        if progress is not None:
            progress(min(1.0, (start + config.window_s - first) / max(last - first, 1e-9)))
        start += config.window_s
    if not rows:
        return empty_pass(config)
    event = np.concatenate(rows)
    order = np.argsort(event[:, 2], kind="stable")
    return PassResult(
        x_km=event[order, 0], y_km=event[order, 1], t0_s=event[order, 2], n_stations=event[order, 3].astype(int),
        chi2=event[order, 4], n_obs=event[order, 5].astype(int), tile=event[order, 6].astype(int),
        block=np.concatenate(blocks)[order], picks=np.concatenate(pick_rows)[order], covariance=np.concatenate(covs)[order],
    )


def _reset(counts: np.ndarray, stamp: np.ndarray, touched: np.ndarray, covered: np.ndarray, rows: np.ndarray) -> None:
    """Clear only the cells that were voted in (a quiet front touches few of them)."""
    counts[rows] = 0
    stamp[rows] = 0
    covered[rows] = False
    touched[rows] = False


def empty_pass(config: FusionConfig) -> PassResult:
    """A pass that found nothing."""
    z = np.zeros(0)
    zi = np.zeros(0, dtype=int)
    return PassResult(x_km=z, y_km=z, t0_s=z, n_stations=zi, chi2=z, n_obs=zi, tile=zi, block=zi,
                      picks=np.zeros((0, config.max_picks_per_event), dtype=np.int64), covariance=np.zeros((0, 3, 3)))


@dataclass(frozen=True, slots=True, kw_only=True)
class CalibrationEvent:
    """A well-recorded event of a loose pass, with its picks' raw observations."""

    x_km: float
    y_km: float
    t0_s: float
    tile: int
    block: int
    stations: np.ndarray
    times_s: np.ndarray
    baz_deg: np.ndarray
    baz_sigma_deg: np.ndarray
    crowding: int = 0
    """Other events of its pass within ``FusionConfig.isolation_km`` and ``isolation_s``."""


def calibration_events(prep: Prepared, result: PassResult, *, min_stations: int = 6,
                       times: np.ndarray | None = None, config: FusionConfig | None = None) -> list[CalibrationEvent]:
    """The events of a pass that are recorded well enough to calibrate with (with the picks'
    current times, or ``times`` such as ``prep.raw_time``), each with how crowded it is by the
    pass's other events (the calibration prefers the least crowded: ``atmosphere._cleanest``)."""
    config = config or FusionConfig()
    times = prep.pick_time if times is None else times
    events = []
    for i in range(len(result.t0_s)):
        if result.n_stations[i] < min_stations:
            continue
        p = result.picks[i][result.picks[i] >= 0]
        near = crowding_of(float(result.x_km[i]), float(result.y_km[i]), float(result.t0_s[i]),
                           result.x_km, result.y_km, result.t0_s, config)
        events.append(CalibrationEvent(x_km=float(result.x_km[i]), y_km=float(result.y_km[i]), t0_s=float(result.t0_s[i]),
                                       tile=int(result.tile[i]), block=int(result.block[i]), stations=prep.pick_station[p],
                                       times_s=times[p], baz_deg=prep.pick_baz[p], baz_sigma_deg=prep.pick_baz_sigma[p],
                                       crowding=near - 1))
    return events


def crowding_of(x_km: float, y_km: float, t0_s: float, xs_km: np.ndarray, ys_km: np.ndarray, t0s_s: np.ndarray,
                config: FusionConfig) -> int:
    """How many of the events at ``(xs_km, ys_km, t0s_s)`` lie within ``config.isolation_km`` and
    ``isolation_s`` of the event at ``(x_km, y_km, t0_s)`` (itself included, if it is among them)."""
    return int(np.count_nonzero((np.abs(t0s_s - t0_s) <= config.isolation_s)
                                & (np.hypot(xs_km - x_km, ys_km - y_km) <= config.isolation_km)))


def range_slope(prep: Prepared) -> float:
    """The range slope of the celerity the calibration fitted (``FusionConfig.range_celerity``; 0 when off)."""
    slope = prep.extras.get("range_slope")
    return float(slope[0]) if slope is not None else 0.0


def wind_field_accepted(prep: Prepared, config: FusionConfig) -> bool:
    """Whether the calibration found the field along the front (``wind_field_km``) worth its knots
    (``wind_field_min_gain``)."""
    gain = prep.extras.get("wind_field_gain")
    return config.wind_field_km is not None and gain is not None and float(gain[0]) >= config.wind_field_min_gain


def wind_field_on(prep: Prepared, config: FusionConfig) -> bool:
    """Whether the passes' atmosphere is the field along the front (accepted, and not ``wind_field_relocate``)."""
    return wind_field_accepted(prep, config) and not config.wind_field_relocate


def relocated_in_field(prep: Prepared, config: FusionConfig, result: PassResult, atmosphere: np.ndarray) -> tuple[PassResult, np.ndarray]:
    """``wind_field_relocate``: the grid's tiles made the field's, and every event of ``result`` located once more from
    its picks under the field there (``kernels.locate``; an event whose location fails keeps its own); the field's
    atmosphere. ``atmosphere`` (the tiles') is returned unchanged when the field was not kept."""
    field_atmosphere = prep.extras.get("wind_field_atmosphere")
    if field_atmosphere is None:
        return result, atmosphere
    prep.cell_tile = prep.extras["wind_field_cell_tile"]
    prep.n_tiles, prep.tile_x, prep.tile_y = _tile_centres(prep.cell_tile, prep.cell_x, prep.cell_y)
    prep.extras["calibration_support"] = prep.extras["wind_field_support"]
    net = prep.network
    out = PassResult(**{f.name: getattr(result, f.name).copy() for f in fields(result)})
    if len(out.t0_s):
        out.tile = tile_at(prep, out.x_km, out.y_km).astype(out.tile.dtype)
    for i in range(len(out.t0_s)):
        xi, yi, ti, ci, chi, n_obs = _locate_event(prep, config, out, i, field_atmosphere)
        if np.isfinite(ci[0, 0]) and np.isfinite(xi) and np.isfinite(yi):
            out.x_km[i], out.y_km[i], out.t0_s[i], out.covariance[i], out.chi2[i], out.n_obs[i] = xi, yi, ti, ci, chi, n_obs
    return out, np.asarray(field_atmosphere)


def calibrate_events(prep: Prepared, config: FusionConfig, found: list[CalibrationEvent], n_blocks: int,
                     rounds: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """Atmosphere per (block, tile) and clock correction per station from loose-pass events.

    Positions found with the standard celerity are biased, and so would be an atmosphere
    fitted to them; fitting and relocating in turn removes that bias.
    """
    net = prep.network
    atmosphere = np.tile(np.array([DEFAULT_CELERITY_KM_S, 0.0, 0.0]), (n_blocks, prep.n_tiles, 1))
    if not found:
        return atmosphere, np.zeros(net.size)
    times = np.concatenate([e.times_s for e in found])
    stations = np.concatenate([e.stations for e in found])
    baz = np.concatenate([e.baz_deg for e in found])
    baz_sigma = np.concatenate([e.baz_sigma_deg for e in found])
    bounds = np.concatenate([[0], np.cumsum([len(e.times_s) for e in found])])
    picks = [np.arange(bounds[k], bounds[k + 1], dtype=np.int64) for k in range(len(found))]
    x = np.array([e.x_km for e in found])
    y = np.array([e.y_km for e in found])
    t0 = np.array([e.t0_s for e in found])
    tiles = np.array([e.tile for e in found], dtype=int)
    blocks = np.array([e.block for e in found], dtype=int)
    events: list[PickedEvent] = []
    floor = calibration_min_stations(prep, config)
    # beamed arrays' detections: their back-azimuths hold the events' positions in the fit (few sites)
    beamed = "beam_members" in prep.extras and config.array_calibration_bearings
    bearings = baz + prep.st_north_deg[stations] if beamed else None
    for _round in range(rounds):
        events = [PickedEvent(x_km=float(x[k]), y_km=float(y[k]), stations=stations[p], times_s=times[p],
                              tile=int(tiles[k]), block=int(blocks[k]), crowding=found[k].crowding,
                              bearings_deg=None if bearings is None else bearings[p],
                              bearing_sigmas_deg=None if bearings is None else baz_sigma[p]) for k, p in enumerate(picks)]
        support = np.zeros((n_blocks, prep.n_tiles, 2))
        g = (fit_range_slope(events, net.x_km, net.y_km, min_z=config.range_celerity_min_z, min_stations=floor)
             if config.range_celerity else 0.0)
        if config.range_celerity:
            prep.extras["range_slope"] = np.array([g])
        if config.wind_field_km is not None and "wind_field_gain" not in prep.extras:
            # decided once per run, on the first calibration's events
            gain = wind_field_gain(events, net.x_km, net.y_km, n_blocks, spacing_km=config.wind_field_km,
                                   roughness_km_s=config.wind_field_roughness_m_per_s / 1000.0, g=g, min_stations=floor)
            prep.extras["wind_field_gain"] = np.array([gain])
            if wind_field_on(prep, config):
                retile(prep, config, config.wind_field_tile_km)
                support = np.zeros((n_blocks, prep.n_tiles, 2))
        if wind_field_on(prep, config):
            tiles = tile_at(prep, x, y)
            events = [replace(e, tile=int(tiles[k])) for k, e in enumerate(events)]
            atmosphere = calibrate_field(events, net.x_km, net.y_km, prep.tile_x, prep.tile_y, n_blocks,
                                         spacing_km=float(config.wind_field_km or 0.0),
                                         roughness_km_s=config.wind_field_roughness_m_per_s / 1000.0, support=support, g=g,
                                         min_stations=floor)
        else:
            atmosphere = calibrate(events, net.x_km, net.y_km, prep.tile_x, prep.tile_y, n_blocks, support=support, g=g,
                                   min_stations=floor)
        if wind_field_accepted(prep, config) and config.wind_field_relocate:
            # the passes keep the tiles' atmosphere; the field on small tiles is kept for the final events (relocated_in_field)
            small = _tiles(prep.cell_x, prep.cell_y, net.x_km.min() - config.reach_km, net.y_km.min() - config.reach_km,
                           config.wind_field_tile_km)
            n_small, small_x, small_y = _tile_centres(small, prep.cell_x, prep.cell_y)
            field_support = np.zeros((n_blocks, n_small, 2))
            prep.extras["wind_field_atmosphere"] = calibrate_field(
                events, net.x_km, net.y_km, small_x, small_y, n_blocks, spacing_km=float(config.wind_field_km or 0.0),
                roughness_km_s=config.wind_field_roughness_m_per_s / 1000.0, support=field_support, g=g,
                min_stations=floor)
            prep.extras["wind_field_support"] = field_support
            prep.extras["wind_field_cell_tile"] = small.astype(np.int64)
        prep.extras["calibration_support"] = support
        if wind_field_on(prep, config):
            tiles = np.array([e.tile for e in events], dtype=int)
        for k, p in enumerate(picks):
            c, wx, wy = atmosphere[blocks[k], tiles[k]]
            xk, yk, tk, cov, _chi2, _n = kernels.locate(
                p, stations[p], times, baz, baz_sigma, net.x_km, net.y_km, prep.st_north_deg, x[k], y[k], t0[k],
                c, wx, wy, config.sigma_pick_s, config.kappa_model, 2.5, 15, g)
            if np.isfinite(cov[0, 0]):
                x[k], y[k], t0[k] = xk, yk, tk
    # residuals under the calibrated model give the clock corrections
    residuals = []
    for k, event in enumerate(events):
        c, wx, wy = atmosphere[event.block, event.tile]
        sx, sy = net.x_km[event.stations], net.y_km[event.stations]
        tt = travel_times(sx, sy, float(x[k]), float(y[k]), c, wx, wy, range_slope(prep))
        r = event.times_s - t0[k] - tt
        if config.clock_leave_one_out:
            h = pick_leverages(sx, sy, float(x[k]), float(y[k]), r, c, wx, wy, sigma_pick_s=config.sigma_pick_s,
                               kappa_model=config.kappa_model)
            r = r / (1.0 - np.minimum(h, MAX_CLOCK_LEVERAGE))
        residuals.append(r)
    corrections = station_corrections(stations, np.concatenate(residuals), net.size) if residuals else np.zeros(net.size)
    if config.clock_unabsorbed_loose and events:
        # the readings are of the raw times, the medians of the times the events were located with
        applied = np.zeros(net.size)
        applied[prep.pick_station] = prep.raw_time - prep.pick_time
        cells = np.array([atmosphere[e.block, e.tile] for e in events])
        corrections = read_unabsorbed(prep, config, applied + corrections, x, y, t0, cells, picks, stations, times,
                                      baz, baz_sigma) - applied
    if config.clock_search and events:
        cells = np.array([atmosphere[e.block, e.tile] for e in events])
        searched, conclusive = searched_clock_offsets(
            net.x_km, net.y_km, x, y, t0, cells, prep.raw_time, prep.pick_station, prep.station_pick_start,
            reach_km=config.reach_km, window_s=config.clock_search_window_s)
        corrections = np.where(conclusive, searched, corrections)
    if config.clock_gross_window_s is not None and events:
        cells = np.array([atmosphere[e.block, e.tile] for e in events])
        # against the times the events were located with (as the medians): an offset already applied is not read again
        gross, conclusive = searched_clock_offsets(
            net.x_km, net.y_km, x, y, t0, cells, prep.pick_time, prep.pick_station, prep.station_pick_start,
            reach_km=config.reach_km, window_s=config.clock_gross_window_s)
        corrections = np.where(conclusive & (np.abs(gross) > CLOCK_WINDOW_S), gross, corrections)
    flagged = prep.extras.get("pair_clock_flagged")
    if flagged is not None and np.any(flagged) and events:
        cells = np.array([atmosphere[e.block, e.tile] for e in events])
        # what the pair reading left, against the times the events were located with (the reading taken off)
        left, conclusive = searched_clock_offsets(
            net.x_km, net.y_km, x, y, t0, cells, prep.pick_time, prep.pick_station, prep.station_pick_start,
            reach_km=config.reach_km, window_s=config.clock_pairs_refine_window_s)
        corrections = np.where(flagged & conclusive, left, corrections)
        prep.extras["pair_clock_confirmed"] = flagged & conclusive
    return atmosphere, corrections


MAX_CLOCK_LEVERAGE = 0.8
"""A pick's leverage is capped here when its residual is scaled to the leave-one-out residual (``clock_leave_one_out``):
at most a five-fold scaling, where an event's geometry leans on one pick."""

TIGHT_COARSE_TOLERANCE_S = 2.2  # the tight (final) pass's coarse vote tolerance


def first_pass(prep: Prepared, config: FusionConfig, atmosphere: np.ndarray, progress: ProgressCallback | None = None,
               start_s: float | None = None, stop_s: float | None = None, workspace: dict | None = None,
               taken: np.ndarray | None = None, law: LoudnessLaw | None = None,
           nearest_max_stations: int | None = None) -> PassResult:
    """The loose pass: generous tolerances, to find well-recorded events before calibration."""
    return run_pass(prep, config, atmosphere, kappa=config.first_pass_kappa, fine_tolerance_s=0.6, coarse_tolerance_s=2.5,
                    max_rms=3.0, soft_scoring=False, progress=progress, start_s=start_s, stop_s=stop_s,
                    workspace=workspace, taken=taken)


def final_pass(prep: Prepared, config: FusionConfig, atmosphere: np.ndarray, progress: ProgressCallback | None = None,
               start_s: float | None = None, stop_s: float | None = None, workspace: dict | None = None,
               taken: np.ndarray | None = None, law: LoudnessLaw | None = None,
           nearest_max_stations: int | None = None) -> PassResult:
    """The tight pass under the calibrated model."""
    return run_pass(prep, config, atmosphere, kappa=config.kappa_model * 3.0, fine_tolerance_s=2.0 * config.sigma_pick_s,
                    coarse_tolerance_s=TIGHT_COARSE_TOLERANCE_S, max_rms=config.max_normalised_rms, progress=progress, start_s=start_s,
                    stop_s=stop_s, workspace=workspace, taken=taken)


def with_beams(prep: Prepared, beamed: Beamed) -> None:
    """Give the prepared picks their element picks (``extras["beam_members"]``: per pick, ``None`` or the site
    detection's element pick ids and misfits), which ``events.to_tables`` assigns in the detection's place."""
    members = [beamed.members.get(str(p)) for p in prep.pick_ids]
    prep.extras["beam_members"] = np.array(members + [None], dtype=object)[:-1]


def calibration_min_stations(prep: Prepared, config: FusionConfig) -> int:
    """The fewest stations of a loose event that calibrates the atmosphere: 6, or ``array_calibration_stations`` when
    arrays were beamed into sites (``array_beams``: a site is one station, and its detections carry back-azimuths)."""
    return config.array_calibration_stations if "beam_members" in prep.extras else 6


def _calibrate(prep: Prepared, config: FusionConfig, first: PassResult, rounds: int = 1) -> tuple[np.ndarray, np.ndarray]:
    found = calibration_events(prep, first, config=config, min_stations=calibration_min_stations(prep, config))
    return calibrate_events(prep, config, found, prep.n_blocks, rounds)


def fuse(stations: pa.Table, picks: pa.Table, config: FusionConfig | None = None,
         progress: ProgressCallback | None = None) -> tuple[Prepared, PassResult, np.ndarray]:
    """Run both passes; returns the prepared arrays, the final pass and the atmosphere used."""
    config = config or FusionConfig()
    beamed = beamed_arrays(stations, picks, config) if config.array_beams else None
    if beamed is not None:
        stations, picks = beamed.stations, beamed.picks
    config = with_network_reach(config, build_network(stations))
    prep = prepare(stations, picks, config)
    if beamed is not None:
        with_beams(prep, beamed)
    if config.sound_speed_m_per_s is not None:
        fixed = np.array([config.sound_speed_m_per_s / 1000.0, 0.0, 0.0])
        atmosphere = np.tile(fixed, (prep.n_blocks, prep.n_tiles, 1))
    else:
        atmosphere = np.tile(np.array([DEFAULT_CELERITY_KM_S, 0.0, 0.0]), (prep.n_blocks, prep.n_tiles, 1))
        gross = pair_clock_corrections(prep, config) if config.clock_pairs else None
        loose_taken = None
        before = (atmosphere, prep.pick_time, dict(prep.extras))
        if gross is not None:
            prep.pick_time = prep.raw_time - gross[prep.pick_station]
            # a station read off sits out the loose pass: its offset is read again against that pass's events
            loose_taken = (gross != 0)[prep.pick_station] if np.any(gross != 0) else None
        # a network of array sites only scans the loose pass's celerity (a mixed one's single stations carry it)
        scan = bool(config.array_celerity_scan) and beamed is not None and len(beamed.sites) == beamed.stations.num_rows
        first, atmosphere, corrections = loose_passes(
            prep, config, atmosphere, gross, loose_taken, progress=(lambda f: progress(0.4 * f)) if progress else None,
            scan=scan)
        if (gross is not None and loose_taken is not None and not config.range_celerity
                and not np.any(prep.extras["pair_clock_flagged"] & prep.extras.get(
                    "pair_clock_confirmed", np.zeros(prep.network.size, dtype=bool)))):
            # no reading confirmed: the loose passes are run again as if nothing had been read (without
            # range_celerity; with it, an unread gross clock feeds the slope, so the stations read stay out)
            unconfirmed = prep.extras["pair_clock_flagged"]
            atmosphere, prep.pick_time = before[0], before[1]
            prep.extras.clear()
            prep.extras.update(before[2])
            prep.extras["pair_clock_flagged"] = np.zeros(prep.network.size, dtype=bool)
            prep.extras["pair_clock_unconfirmed"] = unconfirmed
            gross, loose_taken = None, None
            first, atmosphere, corrections = loose_passes(prep, config, atmosphere, None, None, scan=scan)
        if gross is not None and loose_taken is not None and config.clock_pairs_rounds > 0:
            first, atmosphere, corrections, gross, loose_taken = reread_pair_clocks(
                prep, config, first, atmosphere, corrections, gross)
        if config.range_celerity and config.range_loose_kappa is not None and wants_wide_pass(prep, config, atmosphere):
            first, atmosphere, corrections = wide_loose_passes(prep, config, first, atmosphere, corrections,
                                                           taken=loose_taken, gross=gross)
        if gross is not None and loose_taken is not None:
            # a reading the loose pass's events do not confirm is not applied: a clock left 1-2 s off costs more
            # than one left out (docs/fusion.md, "Session 20 (clock20)")
            unconfirmed = prep.extras["pair_clock_flagged"] & ~prep.extras.get(
                "pair_clock_confirmed", np.zeros(prep.network.size, dtype=bool))
            corrections = np.where(unconfirmed, 0.0, corrections)
            prep.extras["pair_clock_flagged"] = np.zeros(prep.network.size, dtype=bool)
            prep.extras["pair_clock_unconfirmed"] = unconfirmed
        if config.own_celerity_threshold is not None:
            prep.extras["celerity_scatter"] = np.array([celerity_scatter_of(prep, config, first, atmosphere, corrections)])
        prep.pick_time = prep.raw_time - corrections[prep.pick_station]
        for _ in range(config.calibration_rounds):
            second = final_pass(prep, config, atmosphere)
            atmosphere, extra = _calibrate(prep, config, refine(prep, config, second, atmosphere))
            corrections = corrections + extra
            prep.pick_time = prep.raw_time - corrections[prep.pick_station]
        if config.clock_recheck:
            corrections = corrections + clock_left_over(prep, config, atmosphere)
            prep.pick_time = prep.raw_time - corrections[prep.pick_station]
        if config.clock_unabsorbed:
            corrections = unabsorbed_corrections(prep, config, atmosphere, corrections)
            prep.pick_time = prep.raw_time - corrections[prep.pick_station]
    tight = tight_config(prep, config)
    final = final_pass(prep, tight, atmosphere, progress=(lambda f: progress(0.4 + 0.6 * f)) if progress else None)
    result = finish(prep, tight, final, atmosphere)
    if config.wind_field_relocate:
        result, atmosphere = relocated_in_field(prep, tight, result, atmosphere)
    return prep, result, atmosphere


def loose_passes(prep: Prepared, config: FusionConfig, atmosphere: np.ndarray, gross: np.ndarray | None,
                 taken: np.ndarray | None, progress: ProgressCallback | None = None,
                 assumed_slope: float = 0.0, scan: bool = False) -> tuple[PassResult, np.ndarray, np.ndarray]:
    """The loose pass under ``atmosphere`` (range slope ``assumed_slope``) and its calibration, run again under each
    new calibration while it moves (``moved_beyond``), at most ``loose_pass_rounds`` more times: the last pass, the
    atmosphere and the clock corrections (``gross``, ``clock_pairs``' offsets, added; ``taken``: its picks that sit
    out; ``scan``: the first pass is :func:`scanned_loose_pass`'s)."""
    first = first_pass(prep, config, atmosphere, progress=progress, taken=taken)
    if scan:
        first, atmosphere = scanned_loose_pass(prep, config, first, atmosphere, taken=taken)
    assumed = atmosphere
    atmosphere, corrections = _calibrate(prep, config, first)
    corrections = corrections if gross is None else gross + corrections
    for _ in range(config.loose_pass_rounds):
        if not moved_beyond(config, atmosphere, range_slope(prep), assumed, assumed_slope):
            break
        assumed, assumed_slope = atmosphere, range_slope(prep)
        first = first_pass(prep, config, atmosphere, taken=taken)
        atmosphere, corrections = _calibrate(prep, config, first)
        corrections = corrections if gross is None else gross + corrections
    return first, atmosphere, corrections


def reread_pair_clocks(prep: Prepared, config: FusionConfig, first: PassResult, atmosphere: np.ndarray,
                       corrections: np.ndarray, gross: np.ndarray
                       ) -> tuple[PassResult, np.ndarray, np.ndarray, np.ndarray, np.ndarray | None]:
    """``clock_pairs_rounds``: while the loose passes confirm a reading, the stations not yet confirmed are read again
    with the confirmed offsets (their corrections) taken off their neighbours; the stations newly read sit out the
    loose passes run once more under the calibrated atmosphere (the confirmed ones take part, corrected), and are
    confirmed or not by them. Returns the last loose pass, atmosphere, corrections, the offsets taken off before the
    passes and the picks that sat out (``prep.extras``' flags are the last reading's)."""
    net = prep.network
    confirmed_all = np.zeros(net.size, dtype=bool)
    taken: np.ndarray | None = prep.extras["pair_clock_flagged"][prep.pick_station]
    for _ in range(config.clock_pairs_rounds):
        confirmed = prep.extras["pair_clock_flagged"] & prep.extras.get(
            "pair_clock_confirmed", np.zeros(net.size, dtype=bool))
        if not np.any(confirmed & ~confirmed_all):
            break
        confirmed_all |= confirmed
        known = np.where(confirmed_all, corrections, np.nan)
        kept = dict(prep.extras)
        offsets = pair_clock_corrections(prep, config, known=known)
        if not np.any(prep.extras["pair_clock_flagged"]):
            prep.extras.clear()
            prep.extras.update(kept)
            break
        gross = offsets
        prep.pick_time = prep.raw_time - gross[prep.pick_station]
        taken = prep.extras["pair_clock_flagged"][prep.pick_station]
        prep.extras.pop("pair_clock_confirmed", None)
        first, atmosphere, corrections = loose_passes(prep, config, atmosphere, gross, taken,
                                                      assumed_slope=range_slope(prep))
    return first, atmosphere, corrections, gross, taken


def moved_beyond(config: FusionConfig, atmosphere: np.ndarray, slope: float, assumed: np.ndarray,
                 assumed_slope: float) -> bool:
    """Whether a calibration (``atmosphere``, range ``slope``) moved the celerity the loose pass assumed
    (``assumed``, ``assumed_slope``) by more than ``loose_pass_shift``: the median celerity, or the celerity at
    ``reach_km`` through the slope."""
    c = float(np.median(atmosphere[..., 0]))
    shift = c / float(np.median(assumed[..., 0])) - 1.0
    slope_shift = abs(slope - assumed_slope) * (config.reach_km - RANGE_REF_KM) / c
    return abs(shift) > config.loose_pass_shift or slope_shift > config.loose_pass_shift


def scanned_loose_pass(prep: Prepared, config: FusionConfig, first: PassResult, atmosphere: np.ndarray, *,
                       taken: np.ndarray | None = None) -> tuple[PassResult, np.ndarray]:
    """The loose pass ``first`` (run under ``atmosphere``) or one run at a celerity of ``array_celerity_scan``
    (no wind), whichever finds the most events of :func:`calibration_min_stations` stations; ties keep the earlier
    (``first`` before the scan's). Returns that pass and its atmosphere."""
    floor = calibration_min_stations(prep, config)
    best = (int(np.count_nonzero(first.n_stations >= floor)), first, atmosphere)
    for celerity in config.array_celerity_scan or ():
        assumed = np.tile(np.array([celerity, 0.0, 0.0]), atmosphere.shape[:-1] + (1,))
        trial = first_pass(prep, config, assumed, taken=taken)
        found = int(np.count_nonzero(trial.n_stations >= floor))
        if found > best[0]:
            best = (found, trial, assumed)
    prep.extras["array_scan_celerity"] = np.array([float(np.median(best[2][..., 0]))])
    return best[1], best[2]


def wants_wide_pass(prep: Prepared, config: FusionConfig, atmosphere: np.ndarray) -> bool:
    """Whether the wide loose pass (``range_loose_kappa``) is run after the standard loose passes' calibration: when it
    found no range slope, or one that changes the celerity at ``reach_km`` by more than ``range_loose_shift`` of the
    celerity (a strong fall, whose far picks the standard window still cuts)."""
    c = float(np.median(atmosphere[..., 0]))
    return range_slope(prep) == 0.0 or abs(range_slope(prep)) * (config.reach_km - RANGE_REF_KM) / c > config.range_loose_shift


def wide_loose_passes(prep: Prepared, config: FusionConfig, first: PassResult, atmosphere: np.ndarray,
                      corrections: np.ndarray, *, taken: np.ndarray | None = None,
                      gross: np.ndarray | None = None) -> tuple[PassResult, np.ndarray, np.ndarray]:
    """The loose pass with the wide window ``range_loose_kappa``, under the calibrated atmosphere and range slope,
    and its calibration; repeated under each new calibration while it moves (``moved_beyond``), at most
    ``range_loose_rounds`` times. Kept only when the last wide pass's calibration has a range slope: else the
    calibration given (``first``, ``atmosphere``, ``corrections`` and ``prep.extras``) is returned unchanged
    (``FusionConfig.range_loose_kappa``). :func:`fuse` runs it when :func:`wants_wide_pass`. ``taken`` and ``gross``
    are ``clock_pairs``' picks that sit out the loose pass and its offsets read before it, as in :func:`fuse`."""
    assert config.range_loose_kappa is not None
    wide = replace(config, first_pass_kappa=config.range_loose_kappa)
    kept = (first, atmosphere, corrections, dict(prep.extras))
    assumed, assumed_slope = atmosphere, range_slope(prep)
    for _ in range(config.range_loose_rounds):
        first = first_pass(prep, wide, assumed, taken=taken)
        atmosphere, corrections = _calibrate(prep, config, first)
        corrections = corrections if gross is None else gross + corrections
        if range_slope(prep) == 0.0 or not moved_beyond(config, atmosphere, range_slope(prep), assumed, assumed_slope):
            break
        assumed, assumed_slope = atmosphere, range_slope(prep)
    if range_slope(prep) == 0.0:
        prep.extras.clear()
        prep.extras.update(kept[3])
        return kept[0], kept[1], kept[2]
    return first, atmosphere, corrections


def pair_clock_corrections(prep: Prepared, config: FusionConfig, known: np.ndarray | None = None) -> np.ndarray:
    """Per station, the gross clock offset ``clock_pairs`` reads from its picks' time differences with its neighbours
    (``pairclocks.pair_clock_offsets``; 0 where nothing clear is read), to take off ``prep.raw_time``. The readings are
    kept in ``prep.extras`` (``pair_clock_read_s``, ``pair_clock_z``) for the record. ``known`` (NaN where not):
    offsets already confirmed, returned as they are and not flagged (``pair_clock_flagged``: the new readings)."""
    net = prep.network
    start = prep.station_pick_start
    times = [np.sort(prep.raw_time[int(start[s]):int(start[s + 1])]) for s in range(net.size)]
    readings = pair_clock_offsets(
        net.x_km, net.y_km, times, celerity_km_s=config.clock_pairs_celerity_km_s, margin_s=PAIR_MARGIN_S,
        neighbour_km=config.clock_pairs_neighbour_km, max_neighbours=PAIR_MAX_NEIGHBOURS, max_s=PAIR_MAX_S,
        min_s=config.clock_pairs_min_s, min_z=config.clock_pairs_min_z, min_gain=PAIR_MIN_GAIN,
        min_pairs=PAIR_MIN_PAIRS, isolation_s=config.clock_pairs_isolation_s, known=known,
        readable=None if config.clock_pairs_clustered else lone_stations(prep, config))
    prep.extras["pair_clock_read_s"] = np.array([r.read_s for r in readings])
    prep.extras["pair_clock_z"] = np.array([min(r.z, r.exchange_z) for r in readings])
    offsets = np.array([r.offset_s for r in readings])
    prep.extras["pair_clock_flagged"] = (offsets != 0) & (~np.isfinite(known) if known is not None else True)
    return offsets


def lone_stations(prep: Prepared, config: FusionConfig) -> np.ndarray:
    """Per station, whether no other station shares its site (``station_sites`` within ``site_km``)."""
    net = prep.network
    site = station_sites(net.x_km, net.y_km, config.site_km)
    return np.asarray(np.bincount(site, minlength=net.size)[site] == 1) if len(site) else np.zeros(0, dtype=bool)


def celerity_scatter_of(prep: Prepared, config: FusionConfig, first: PassResult, atmosphere: np.ndarray,
                        corrections: np.ndarray) -> float:
    """The relative scatter of the celerity between the well-recorded, isolated events of the loose pass ``first`` (at
    least ``own_celerity_min_stations`` stations, no other event within ``isolation_km`` and ``isolation_s``) beyond their
    readings' noise: each event's own celerity
    (``celerity.own_celerity``, no prior, the wind its cell's, its picks' times corrected by the stations' clock
    ``corrections``) against its cell's (``celerity.scatter``). The loose pass allows 2.5 % of the travel time, so its
    events keep the picks of an event whose celerity is off by a few per cent; the tight pass's would not."""
    net = prep.network
    times = prep.raw_time - corrections[prep.pick_station]
    readings, variances, cells = [], [], []
    for event in calibration_events(prep, first, min_stations=config.own_celerity_min_stations, times=times, config=config):
        if event.crowding > 0:
            continue  # a burst's events are partly mixtures of its rounds, whose picks read any celerity
        # the loose pass ran on the grid's tiles; the field's (wind_field_km) are smaller
        tile = int(tile_at(prep, np.array([event.x_km]), np.array([event.y_km]))[0]) if wind_field_on(prep, config) else event.tile
        cell = atmosphere[event.block, tile]
        fit = own_celerity(net.x_km[event.stations], net.y_km[event.stations], event.times_s, event.x_km, event.y_km,
                           event.t0_s, cell, sigma_pick_s=config.sigma_pick_s, kappa_model=config.kappa_model)
        if fit is not None:
            readings.append(fit.c_km_s)
            variances.append(fit.c_variance)
            cells.append(float(cell[0]))
    return scatter(np.array(readings), np.array(variances), np.array(cells))


def measured_celerity_scatter(prep: Prepared, config: FusionConfig) -> float | None:
    """The relative celerity scatter :func:`fuse` measured, when it exceeds ``own_celerity_threshold`` (else None)."""
    measured = prep.extras.get("celerity_scatter")
    if config.own_celerity_threshold is None or measured is None or not measured[0] > config.own_celerity_threshold:
        return None
    return float(measured[0])


def tight_config(prep: Prepared, config: FusionConfig) -> FusionConfig:
    """``config`` for the tight pass and the steps after it: with ``own_celerity_tolerance``, where the measured celerity
    scatter exceeds ``own_celerity_threshold``, the model error ``kappa_model`` is that scatter, at most a third of the
    loose pass's ``first_pass_kappa`` (the tight pass's tolerance, three model errors, never wider than the loose
    pass's)."""
    spread = measured_celerity_scatter(prep, config)
    if spread is None or not config.own_celerity_tolerance:
        return config
    return replace(config, kappa_model=max(config.kappa_model, min(spread, config.first_pass_kappa / 3.0)))


def finish(prep: Prepared, config: FusionConfig, final: PassResult, atmosphere: np.ndarray) -> PassResult:
    """The batch's steps after the tight pass (:func:`fuse`): refinement and its tests, the second search of the
    free picks, sources that repeat at one place, a launcher's ripple and (if on) fire missions."""
    result = refine(prep, config, final, atmosphere, explain=config.explain_away, nearest=config.nearest_majority,
                    rival=config.rival_hypotheses, amplitude=config.amplitude_consistency, reach=True)
    if config.sweep_free_picks:
        # the picks that refinement and the two tests above set free: search them once more
        taken = np.zeros(len(prep.pick_time), dtype=np.bool_)
        taken[result.picks[result.picks >= 0]] = True
        more = final_pass(prep, config, atmosphere, taken=taken)
        result = refine(prep, config, joined(result, more), atmosphere, explain=config.explain_away,
                        nearest=config.nearest_majority, rival=config.rival_hypotheses,
                        amplitude=config.amplitude_consistency, reach=True)
    if config.repeated_sources:
        result = repeat_at_places(prep, config, result, atmosphere)
    if config.ripple_bursts:
        result = ripple_at_bursts(prep, config, result, atmosphere)
    if config.flight_partners:
        result = partners_at(prep, config, result, atmosphere)
    if config.twin_rounds:
        result = twins_at(prep, config, result, atmosphere)
    if config.fire_missions:
        result = missions_at(prep, config, result, atmosphere)
    if config.amplitude_consistency and config.amplitude_last_max_stations > config.rival_max_stations:
        result = one_level_last(prep, config, result)
    if config.far_picks:
        result = result.take(farpicks.far_events_of(prep, config, result, atmosphere, range_slope(prep)).keep)
    return result


def clock_left_over(prep: Prepared, config: FusionConfig, atmosphere: np.ndarray) -> np.ndarray:
    """Per station, the clock offset the corrections left (``FusionConfig.clock_recheck``): one tight pass under the
    calibrated atmosphere and the current corrections, refined, and the mode of the residuals of all a station's
    picks near the arrivals its events of ``clock_recheck_min_picks`` or more picks predict there; zero unless that
    is conclusive and at least ``clock_recheck_min_s``."""
    located = refine(prep, config, final_pass(prep, config, atmosphere), atmosphere)
    net = prep.network
    enough = np.asarray((located.picks >= 0).sum(axis=1) >= config.clock_recheck_min_picks)
    if not enough.any():
        return np.zeros(net.size)
    cells = atmosphere[located.block[enough], located.tile[enough]]
    offsets, conclusive = searched_clock_offsets(
        net.x_km, net.y_km, located.x_km[enough], located.y_km[enough], located.t0_s[enough], cells, prep.pick_time,
        prep.pick_station, prep.station_pick_start, reach_km=config.reach_km)
    return np.where(conclusive & (np.abs(offsets) >= config.clock_recheck_min_s), offsets, 0.0)


def unabsorbed_corrections(prep: Prepared, config: FusionConfig, atmosphere: np.ndarray,
                           corrections: np.ndarray) -> np.ndarray:
    """``corrections`` (per station, applied to ``prep.raw_time``) with each station's clock offset read against the
    events of one tight pass located without it (``FusionConfig.clock_unabsorbed``; :func:`read_unabsorbed`). The
    pass is run under the calibrated atmosphere and the current corrections, and refined; its events of
    ``clock_recheck_min_picks`` or more picks are read."""
    located = refine(prep, config, final_pass(prep, config, atmosphere), atmosphere)
    enough = np.flatnonzero((located.picks >= 0).sum(axis=1) >= config.clock_recheck_min_picks)
    if len(enough) == 0:
        return corrections
    return read_unabsorbed(prep, config, corrections, located.x_km[enough], located.y_km[enough],
                           located.t0_s[enough], atmosphere[located.block[enough], located.tile[enough]],
                           [row[row >= 0] for row in located.picks[enough]], prep.pick_station, prep.pick_time,
                           prep.pick_baz, prep.pick_baz_sigma)


def clock_doubt_s(prep: Prepared, config: FusionConfig, result: PassResult, atmosphere: np.ndarray) -> np.ndarray:
    """Per station, how far the clock correction applied to its picks is from a second reading of its offset
    (``FusionConfig.clock_doubt``): the reading of :func:`read_unabsorbed` against ``result``'s events of
    ``clock_recheck_min_picks`` or more picks, each located without the station; 0 where the reading is not
    conclusive or within ``clock_unabsorbed_min_s`` (and its errors) of the correction. Nothing is applied, and
    ``prep`` is left as it was."""
    applied = np.zeros(prep.network.size)
    applied[prep.pick_station] = prep.raw_time - prep.pick_time
    enough = np.flatnonzero((result.picks >= 0).sum(axis=1) >= config.clock_recheck_min_picks)
    if len(enough) == 0:
        return np.zeros(prep.network.size)
    kept = prep.extras.get("clock_reading_s")
    read = read_unabsorbed(prep, config, applied, result.x_km[enough], result.y_km[enough], result.t0_s[enough],
                           atmosphere[result.block[enough], result.tile[enough]],
                           [row[row >= 0] for row in result.picks[enough]], prep.pick_station, prep.pick_time,
                           prep.pick_baz, prep.pick_baz_sigma)
    if kept is None:
        prep.extras.pop("clock_reading_s", None)
    else:
        prep.extras["clock_reading_s"] = kept
    return np.asarray(read - applied)


def read_unabsorbed(prep: Prepared, config: FusionConfig, corrections: np.ndarray, x: np.ndarray, y: np.ndarray,
                    t0: np.ndarray, cells: np.ndarray, picks: list[np.ndarray], pick_station: np.ndarray,
                    pick_time: np.ndarray, pick_baz: np.ndarray, pick_baz_sigma: np.ndarray) -> np.ndarray:
    """``corrections`` (absolute: what is taken off ``prep.raw_time`` per station) with each station's offset read
    against the events ``x, y, t0`` (cells ``cells``, picks ``picks`` into ``pick_station``, ``pick_time``, ...)
    located without it (``clocks.unabsorbed_clock_offsets``) where that reading is conclusive and differs from the
    correction by at least ``clock_unabsorbed_min_s`` and ``clock_unabsorbed_error_z`` of its standard errors. Read twice: the first reading names the stations whose clocks
    are off, the second leaves their picks out of every event's location (a neighbour's bad clock otherwise passes into
    the reading of a station on time)."""
    net = prep.network

    def read(suspects: np.ndarray | None) -> list[ClockReading]:
        return unabsorbed_clock_offsets(
            net.x_km, net.y_km, prep.st_north_deg, x, y, t0, cells, picks, pick_station, pick_time, pick_baz,
            pick_baz_sigma, prep.raw_time, prep.station_pick_start, reach_km=config.reach_km,
            sigma_pick_s=config.sigma_pick_s, kappa_model=config.kappa_model, min_stations=config.min_stations,
            suspects=suspects, by_range=config.clock_unabsorbed_by_range)

    def off(readings: list[ClockReading]) -> np.ndarray:
        return np.array([r.conclusive and abs(r.offset_s - corrections[s]) >= max(
            config.clock_unabsorbed_min_s, config.clock_unabsorbed_error_z * r.error_s)
            for s, r in enumerate(readings)], dtype=bool)

    readings = read(None)
    suspects = off(readings)
    if suspects.any():
        readings = read(suspects)
    out = corrections.copy()
    for s in np.flatnonzero(off(readings)):
        out[s] = readings[s].offset_s
    prep.extras["clock_reading_s"] = np.array([r.offset_s if r.conclusive else np.nan for r in readings])
    return out


def one_level_last(prep: Prepared, config: FusionConfig, result: PassResult) -> PassResult:
    """``result`` without its events of more than ``rival_max_stations`` and at most ``amplitude_last_max_stations``
    stations whose picks' amplitudes cannot come from one source (``FusionConfig.amplitude_last_max_stations``)."""
    if "log_amplitude" not in prep.extras:
        return result
    net = prep.network
    picks = [row[row >= 0] for row in result.picks]
    law = learned_law(picks, result.x_km, result.y_km, prep.extras["log_amplitude"], prep.pick_station, net.x_km, net.y_km)
    if law is None:
        return result
    keep = np.ones(len(picks), dtype=bool)
    for i, p in enumerate(picks):
        s = prep.pick_station[p]
        m = len(np.unique(s))
        if config.rival_max_stations < m <= config.amplitude_last_max_stations:
            distance = np.hypot(net.x_km[s] - result.x_km[i], net.y_km[s] - result.y_km[i])
            keep[i] = loudness.consistent(law, prep.extras["log_amplitude"][p], distance)
    if keep.all():
        return result
    return result.take(keep)


def _pick_context(prep: Prepared, config: FusionConfig) -> PickContext:
    net = prep.network
    return PickContext(prep.pick_time, prep.pick_station, prep.pick_baz, prep.pick_baz_sigma, net.x_km, net.y_km,
                       prep.st_north_deg, np.zeros(0), np.zeros(0), config.sigma_pick_s, config.kappa_model,
                       config.reach_km, config.ambiguity_z, config.max_normalised_rms, config.baz_gate_z, range_slope(prep))


def ripple_at_bursts(prep: Prepared, config: FusionConfig, result: PassResult, atmosphere: np.ndarray) -> PassResult:
    """The bursts that one launcher's comb explains better replaced by its rounds (``fuse/ripple.py``); every
    event then relocated and tested again by :func:`refine` (without sharing the picks out again)."""
    picks = [row[row >= 0] for row in result.picks]
    event_atmosphere = atmosphere[result.block, result.tile]
    tests = EventTests(prep, config, picks, result.x_km, result.y_km, result.t0_s, event_atmosphere,
                       amplitude=config.amplitude_consistency, nearest=config.nearest_majority, reach=True)
    replaced, new = ripple_bursts(result.x_km, result.y_km, result.t0_s, picks, event_atmosphere, result.chi2,
                                  result.n_obs, ctx=_pick_context(prep, config),
                                  station_pick_start=prep.station_pick_start, min_stations=config.min_stations,
                                  reach_km=config.reach_km, accept=tests.passes,
                                  two=config.ripple_two_launchers, places=config.ripple_places)
    return with_replacements(prep, config, result, atmosphere, replaced, new)


def twins_at(prep: Prepared, config: FusionConfig, result: PassResult, atmosphere: np.ndarray) -> PassResult:
    """The events that two rounds from their place explain better replaced by them (``fuse/twin.py``); every event
    then relocated and tested again by :func:`refine` (without sharing the picks out again)."""
    picks = [row[row >= 0] for row in result.picks]
    event_atmosphere = atmosphere[result.block, result.tile]
    tests = EventTests(prep, config, picks, result.x_km, result.y_km, result.t0_s, event_atmosphere,
                       amplitude=config.amplitude_consistency, nearest=config.nearest_majority, reach=True)
    in_burst = np.zeros(len(picks), dtype=bool)
    for group in burst_clusters(result.x_km, result.y_km, result.t0_s):
        in_burst[group] = True
    replaced, new = twin_rounds(result.x_km, result.y_km, result.t0_s, picks, event_atmosphere,
                                ctx=_pick_context(prep, config), station_pick_start=prep.station_pick_start,
                                min_stations=config.min_stations, max_stations=config.twin_max_stations,
                                accept=tests.passes, in_burst=in_burst)
    return with_replacements(prep, config, result, atmosphere, replaced, new)


def missions_at(prep: Prepared, config: FusionConfig, result: PassResult, atmosphere: np.ndarray) -> PassResult:
    """The small clusters that one fire mission's rounds explain better replaced by them (``fuse/mission.py``);
    every event then relocated and tested again by :func:`refine` (without sharing the picks out again)."""
    picks = [row[row >= 0] for row in result.picks]
    event_atmosphere = atmosphere[result.block, result.tile]
    tests = EventTests(prep, config, picks, result.x_km, result.y_km, result.t0_s, event_atmosphere,
                       amplitude=config.amplitude_consistency, nearest=config.nearest_majority, reach=True)
    replaced, new = fire_missions(result.x_km, result.y_km, result.t0_s, picks, event_atmosphere, result.chi2,
                                  ctx=_pick_context(prep, config), station_pick_start=prep.station_pick_start,
                                  min_stations=config.min_stations, reach_km=config.reach_km, accept=tests.passes)
    return with_replacements(prep, config, result, atmosphere, replaced, new)


def with_replacements(prep: Prepared, config: FusionConfig, result: PassResult, atmosphere: np.ndarray,
                      replaced: list[int], new: list[tuple[int, float, float, float, np.ndarray]]) -> PassResult:
    """``result`` with the ``replaced`` events taken out and the ``new`` ones ``(template event index, x, y, t0,
    picks)`` put in (tile, block and the rest copied from the template), every event then relocated and tested by
    :func:`refine` without sharing the picks out again."""
    if not new:
        return result
    keep = np.setdiff1d(np.arange(len(result.t0_s)), np.array(replaced, dtype=int))
    template = np.array([m[0] for m in new], dtype=int)
    width = result.picks.shape[1]
    rows = np.full((len(new), width), -1, dtype=result.picks.dtype)
    for i, m in enumerate(new):
        rows[i, : min(len(m[4]), width)] = m[4][:width]
    rounds = PassResult(x_km=np.array([m[1] for m in new]), y_km=np.array([m[2] for m in new]),
                        t0_s=np.array([m[3] for m in new]),
                        n_stations=np.array([len(np.unique(prep.pick_station[m[4]])) for m in new], dtype=int),
                        chi2=result.chi2[template], n_obs=result.n_obs[template], tile=result.tile[template],
                        block=result.block[template], picks=rows, covariance=result.covariance[template])
    return refine(prep, config, joined(result.take(keep), rounds), atmosphere, nearest=config.nearest_majority,
                  amplitude=config.amplitude_consistency, share=False, reach=True)


def partners_at(prep: Prepared, config: FusionConfig, result: PassResult, atmosphere: np.ndarray) -> PassResult:
    """The events and the launches (impacts) their flight partners imply (``fuse/flight.py``). With ``flight_explain``
    they are explained away first (``explain_away``; with ``flight_explain_local`` only where the new sources changed
    the evidence: the new sources, the events that gave them picks, and the events these explain picks of); the events
    that give picks must pass every test without them (with ``flight_donor_nearest`` the nearest-majority test too);
    the events keep the picks the new sources left them and are
    relocated and tested again by :func:`refine` (without sharing the picks out again); the new sources, tested as they
    were found (the nearest-majority test without their masked stations), are only located."""
    picks = [row[row >= 0] for row in result.picks]
    event_atmosphere = atmosphere[result.block, result.tile]
    masked = config.nearest_majority and config.flight_masked
    tests = EventTests(prep, config, picks, result.x_km, result.y_km, result.t0_s, event_atmosphere,
                       amplitude=config.amplitude_consistency, nearest=config.nearest_majority and not masked,
                       reach=True)
    more = flight_partners(result.x_km, result.y_km, result.t0_s, picks, event_atmosphere,
                           ctx=_pick_context(prep, config), station_pick_start=prep.station_pick_start,
                           min_stations=config.min_stations, donor_max_stations=config.flight_donor_max_stations,
                           accept=tests.passes, nearest=masked,
                           donor_accept=partial(tests.passes, nearest=config.nearest_majority)
                           if config.flight_donor_nearest else None)
    if not more:
        return result
    # the events that gave picks are relocated and tested again; the new sources were tested as they were found (the
    # nearest-majority test with their masked stations excused) and are only located
    n = len(result.t0_s)
    both = _appended(prep, result, picks, more)
    if config.flight_explain:
        changed = None
        if config.flight_explain_local:
            gave = [len(p) != np.count_nonzero(row >= 0) for p, row in zip(picks, result.picks)]
            changed = np.concatenate([np.array(gave, dtype=bool), np.ones(len(more), dtype=bool)])
        both = _explained(prep, config, both, atmosphere, changed=changed)
    old = refine(prep, config, both.take(np.arange(n)), atmosphere, nearest=config.nearest_majority,
                 amplitude=config.amplitude_consistency, share=False, reach=True)
    new = both.take(np.arange(n, n + len(more)))
    new = new.take(np.array([len(np.unique(prep.pick_station[row[row >= 0]])) >= config.min_stations
                             for row in new.picks], dtype=bool))
    return joined(old, _located(prep, config, new, atmosphere))


def _explained(prep: Prepared, config: FusionConfig, result: PassResult, atmosphere: np.ndarray, *,
               changed: np.ndarray | None = None) -> PassResult:
    """``result`` after explaining away (``fuse/explain.py``): the events whose picks the others explain dissolved
    (their picks left empty), their explained picks given to the events that explain them. ``changed``: only the
    events whose evidence is new, and those whose picks they explain, may be dissolved (``explain_away``)."""
    net = prep.network
    x, y, t0 = result.x_km.copy(), result.y_km.copy(), result.t0_s.copy()
    picks = [row[row >= 0] for row in result.picks]
    explain_away(x, y, t0, picks, atmosphere[result.block, result.tile], pick_time=prep.pick_time,
                 pick_station=prep.pick_station, pick_baz=prep.pick_baz, pick_baz_sigma=prep.pick_baz_sigma,
                 st_x=net.x_km, st_y=net.y_km, st_north=prep.st_north_deg, sigma_s=config.sigma_pick_s,
                 kappa_model=config.kappa_model, min_stations=config.min_stations, reach_km=config.reach_km,
                 max_z=config.ambiguity_z, max_normalised_rms=config.max_normalised_rms, baz_gate_z=config.baz_gate_z,
                 range_slope=range_slope(prep),
                 changed=changed)
    rows = np.full_like(result.picks, -1)
    for i, p in enumerate(picks):
        rows[i, : min(len(p), rows.shape[1])] = p[: rows.shape[1]]
    out = PassResult(**{f.name: getattr(result, f.name).copy() for f in fields(result)})
    out.x_km, out.y_km, out.t0_s, out.picks = x, y, t0, rows
    return out


def _locate_event(prep: Prepared, config: FusionConfig, out: PassResult, i: int, atmosphere: np.ndarray) -> tuple:
    """Event ``i`` of ``out`` located from its picks under ``atmosphere`` (its block's and tile's celerity and wind,
    the run's range slope): ``kernels.locate``'s x, y, t0, covariance, chi2 and number of observations."""
    net = prep.network
    p = out.picks[i][out.picks[i] >= 0]
    c, wx, wy = atmosphere[out.block[i], out.tile[i]]
    return kernels.locate(p, prep.pick_station[p], prep.pick_time, prep.pick_baz, prep.pick_baz_sigma, net.x_km,
                          net.y_km, prep.st_north_deg, out.x_km[i], out.y_km[i], out.t0_s[i], c, wx, wy,
                          config.sigma_pick_s, config.kappa_model, 2.5, 15, range_slope(prep))


def _located(prep: Prepared, config: FusionConfig, result: PassResult, atmosphere: np.ndarray) -> PassResult:
    """The events of ``result`` located from their picks (``kernels.locate``), with no other test than a finite
    covariance."""
    net = prep.network
    out = PassResult(**{f.name: getattr(result, f.name).copy() for f in fields(result)})
    finite = np.ones(len(out.t0_s), dtype=bool)
    for i in range(len(out.t0_s)):
        p = out.picks[i][out.picks[i] >= 0]
        xi, yi, ti, ci, chi, n_obs = _locate_event(prep, config, out, i, atmosphere)
        out.x_km[i], out.y_km[i], out.t0_s[i], out.covariance[i], out.chi2[i], out.n_obs[i] = xi, yi, ti, ci, chi, n_obs
        out.n_stations[i] = len(np.unique(prep.pick_station[p]))
        finite[i] = bool(np.isfinite(ci[0, 0]))
    return out.take(finite)


def _appended(prep: Prepared, result: PassResult, picks: list[np.ndarray],
              more: list[tuple[int, float, float, float, np.ndarray]]) -> PassResult:
    """``result`` with its events' picks replaced by ``picks`` and the sources ``more`` (template event index, x, y,
    t0, picks) appended, each with its template's fields."""
    anchor = np.array([m[0] for m in more], dtype=int)
    width = result.picks.shape[1]
    rows = np.full((len(picks) + len(more), width), -1, dtype=result.picks.dtype)
    for i, p in enumerate(picks + [m[4] for m in more]):
        rows[i, : min(len(p), width)] = p[:width]
    return PassResult(x_km=np.concatenate([result.x_km, [m[1] for m in more]]),
                      y_km=np.concatenate([result.y_km, [m[2] for m in more]]),
                      t0_s=np.concatenate([result.t0_s, [m[3] for m in more]]),
                      n_stations=np.concatenate([result.n_stations,
                                                 [len(np.unique(prep.pick_station[m[4]])) for m in more]]).astype(int),
                      chi2=np.concatenate([result.chi2, result.chi2[anchor]]),
                      n_obs=np.concatenate([result.n_obs, result.n_obs[anchor]]),
                      tile=np.concatenate([result.tile, result.tile[anchor]]),
                      block=np.concatenate([result.block, result.block[anchor]]), picks=rows,
                      covariance=np.concatenate([result.covariance, result.covariance[anchor]]))


def repeat_at_places(prep: Prepared, config: FusionConfig, result: PassResult, atmosphere: np.ndarray) -> PassResult:
    """Rounds of :func:`with_repeated_sources`, each followed by :func:`refine`'s tests of every event (the new
    sources and the events they took picks from), until a round finds nothing or ``repeat_rounds`` are done. The
    picks are not shared out again (the mixtures would take them back); the picks of the events a round drops are
    searched by the next; a source found so gives no picks to a later one."""
    found: set[frozenset[int]] = set()
    for _round in range(config.repeat_rounds):
        protected = np.array([frozenset(row[row >= 0].tolist()) in found for row in result.picks], dtype=bool)
        more = with_repeated_sources(prep, config, result, atmosphere, protected)
        if len(more.t0_s) == len(result.t0_s):
            break
        found |= {frozenset(row[row >= 0].tolist()) for row in more.picks[len(result.t0_s):]}
        result = refine(prep, config, more, atmosphere, nearest=config.nearest_majority,
                        amplitude=config.amplitude_consistency, share=False, reach=True)
    return result


def with_repeated_sources(prep: Prepared, config: FusionConfig, result: PassResult, atmosphere: np.ndarray,
                          protected: np.ndarray | None = None) -> PassResult:
    """The events and, after them, the further sources found at their places (``fuse/repeat.py``); the events
    they take picks from (none of the ``protected``) keep the rest, to be relocated and tested by :func:`refine`."""
    net = prep.network
    x, y, t0 = result.x_km.copy(), result.y_km.copy(), result.t0_s.copy()
    picks = [row[row >= 0] for row in result.picks]
    event_atmosphere = atmosphere[result.block, result.tile]
    tests = EventTests(prep, config, picks, x, y, t0, event_atmosphere, amplitude=config.amplitude_consistency,
                       nearest=config.nearest_majority, reach=True)
    more = repeated_sources(x, y, t0, picks, event_atmosphere, pick_time=prep.pick_time,
                            pick_station=prep.pick_station, pick_baz=prep.pick_baz, pick_baz_sigma=prep.pick_baz_sigma,
                            st_x=net.x_km, st_y=net.y_km, st_north=prep.st_north_deg,
                            station_pick_start=prep.station_pick_start, sigma_s=config.sigma_pick_s,
                            kappa_model=config.kappa_model, min_stations=config.min_stations, reach_km=config.reach_km,
                            max_z=config.ambiguity_z, max_normalised_rms=config.max_normalised_rms,
                            baz_gate_z=config.baz_gate_z, accept=tests.passes, range_slope=range_slope(prep),
                            anchor_min_stations=config.repeat_anchor_min_stations,
                            donor_max_stations=config.repeat_donor_max_stations, protected=protected)
    if not more:
        return result
    anchor = np.array([m[0] for m in more], dtype=int)
    width = result.picks.shape[1]
    rows = np.full((len(t0) + len(more), width), -1, dtype=result.picks.dtype)
    for i, p in enumerate(picks + [m[4] for m in more]):
        rows[i, : min(len(p), width)] = p[:width]
    return PassResult(x_km=np.concatenate([x, [m[1] for m in more]]), y_km=np.concatenate([y, [m[2] for m in more]]),
                      t0_s=np.concatenate([t0, [m[3] for m in more]]),
                      n_stations=np.concatenate([result.n_stations, [len(np.unique(prep.pick_station[m[4]])) for m in more]]).astype(int),
                      chi2=np.concatenate([result.chi2, result.chi2[anchor]]),
                      n_obs=np.concatenate([result.n_obs, result.n_obs[anchor]]),
                      tile=np.concatenate([result.tile, result.tile[anchor]]),
                      block=np.concatenate([result.block, result.block[anchor]]), picks=rows,
                      covariance=np.concatenate([result.covariance, result.covariance[anchor]]))


def joined(a: PassResult, b: PassResult) -> PassResult:
    """The events of two passes, in origin-time order."""
    both = PassResult(**{f.name: np.concatenate([getattr(a, f.name), getattr(b, f.name)]) for f in fields(a)})
    return both.take(np.argsort(both.t0_s, kind="stable"))


class EventTests:
    """The tests every event of the batch must pass once located (``refine``): with ``amplitude``, one source
    level for an event of at most ``rival_max_stations`` stations and, with ``silent_stations``, no improbable
    silence for one of at most ``silence_max_stations``; with ``nearest``, heard by most of its nearest working
    stations (only up to ``nearest_max_stations``, if given). The amplitude law (unless ``law`` is given) and the
    detection curve are learned from the events given."""

    def __init__(self, prep: Prepared, config: FusionConfig, picks: list[np.ndarray], x: np.ndarray, y: np.ndarray,
                 t0: np.ndarray, event_atmosphere: np.ndarray, *, amplitude: bool, nearest: bool,
                 law: LoudnessLaw | None = None, nearest_max_stations: int | None = None, reach: bool = False) -> None:
        net = prep.network
        self.prep, self.config, self.nearest, self.nearest_max_stations = prep, config, nearest, nearest_max_stations
        self.law = None
        if amplitude and "log_amplitude" in prep.extras:
            self.law = law if law is not None else learned_law(picks, x, y, prep.extras["log_amplitude"], prep.pick_station,
                                                                net.x_km, net.y_km)
        self.silence = None
        if amplitude and config.silent_stations and self.law is not None and "log_snr" in prep.extras:
            self.silence = Silence(self.law, pick_time=prep.pick_time, pick_station=prep.pick_station,
                                   log_amplitude=prep.extras["log_amplitude"], log_snr=prep.extras["log_snr"],
                                   station_pick_start=prep.station_pick_start, st_x=net.x_km, st_y=net.y_km,
                                   reach_km=config.reach_km)
            if not self.silence.learn(picks, x, y, t0, event_atmosphere):
                self.silence = None
        self.reach: ReachSilence | None = None
        if (reach and amplitude and config.silent_stations and config.reach_silence
                and (config.reach_silence_with_levels or (self.silence is None and not levels_given(prep)))):
            # no amplitudes: how far the event was heard stands in for its level
            self.reach = ReachSilence(pick_time=prep.pick_time, pick_station=prep.pick_station,
                                      station_pick_start=prep.station_pick_start, st_x=net.x_km, st_y=net.y_km,
                                      reach_km=config.reach_km)
            if not self.reach.learn(picks, x, y, t0, event_atmosphere):
                self.reach = None
        self.coincidence = reach and config.chance_coincidences

    def passes(self, picks: np.ndarray, x: float, y: float, t0: float, atmosphere: np.ndarray, *,
               nearest: bool | None = None) -> bool:
        """Whether an event of these picks, located at (x, y, t0) under ``atmosphere`` (c, wx, wy), passes
        (``nearest``, if given, instead of the tests' own choice of the nearest-majority test)."""
        prep, config, net = self.prep, self.config, self.prep.network
        s = prep.pick_station[picks]
        m = len(np.unique(s))
        amplitude_max = config.rival_max_stations if config.amplitude_max_stations is None else config.amplitude_max_stations
        if self.law is not None and m <= amplitude_max:
            if not loudness.consistent(self.law, prep.extras["log_amplitude"][picks], np.hypot(net.x_km[s] - x, net.y_km[s] - y)):
                return False
        if (self.silence is not None and m <= config.silence_max_stations
                and self.silence.tail(picks, x, y, t0, atmosphere) < config.silence_p):
            return False
        if (self.reach is not None and m <= config.silence_max_stations
                and self.reach.tail(picks, x, y, t0, atmosphere) < config.silence_p):
            return False
        if self.coincidence and by_chance(
                picks, x, y, atmosphere, pick_time=prep.pick_time, pick_station=prep.pick_station,
                station_pick_start=prep.station_pick_start, st_x=net.x_km, st_y=net.y_km,
                window_s=config.coincidence_window_s, tolerance_s=2.0 * config.sigma_pick_s,
                expected=config.coincidence_expected, max_aperture_km=config.coincidence_aperture_km,
                burst_ratio=config.coincidence_burst_ratio, reach_km=config.reach_km, min_stations=config.min_stations):
            return False
        if not (self.nearest if nearest is None else nearest) or (
                self.nearest_max_stations is not None and m > self.nearest_max_stations):
            return True
        return heard_by_nearest_majority(
            x, y, t0, s, atmosphere, st_x=net.x_km, st_y=net.y_km, station_pick_start=prep.station_pick_start,
            pick_time=prep.pick_time)


def refine(prep: Prepared, config: FusionConfig, result: PassResult, atmosphere: np.ndarray, *,
           explain: bool = False, nearest: bool = False, rival: bool = False, amplitude: bool = False,
           taken: np.ndarray | None = None, law: LoudnessLaw | None = None,
           nearest_max_stations: int | None = None, share: bool = True, reach: bool = False) -> PassResult:
    """Share out the picks of overlapping events jointly (and, with ``explain``, dissolve the events
    whose picks the others explain: ``fuse/explain.py``; with ``rival``, replace the events of few stations
    by a rival that explains more picks: ``fuse/rival.py``), then relocate every event (with ``nearest``,
    keeping those heard by most of their nearest stations: ``fuse/footprint.py``; with ``amplitude``, dropping
    the events of few stations whose amplitudes disagree on one source level). ``taken`` marks picks (in
    kernel order) held by events not in ``result``: a rival cannot take them. ``law``: the amplitude-distance law
    learned beforehand (the streaming associator's, from the events it emitted); by default it is learned from
    ``result``'s own events of 8 or more stations. ``nearest_max_stations``: the nearest-stations test only for
    events of at most that many stations (None: all). Without ``share`` the picks are not
    shared out again: the events keep theirs and are only relocated and tested. With ``reach`` (the batch's
    refinements, not the streaming associator's, whose buffer has lost the picks of the events it emitted) and
    picks without amplitudes, the silent-stations test of ``FusionConfig.reach_silence``."""
    net = prep.network
    x, y, t0 = result.x_km.copy(), result.y_km.copy(), result.t0_s.copy()
    picks = [row[row >= 0] for row in result.picks]
    labels = clusters(x, y, t0, distance_km=config.cluster_km, time_s=config.cluster_s) if share else np.arange(len(t0))
    for label in np.unique(labels):
        members = np.flatnonzero(labels == label)
        if len(members) < 2:
            continue
        first = members[0]
        refine_cluster(members, x, y, t0, picks, pick_time=prep.pick_time, pick_station=prep.pick_station,
                       pick_baz=prep.pick_baz, pick_baz_sigma=prep.pick_baz_sigma, st_x=net.x_km, st_y=net.y_km,
                       st_north=prep.st_north_deg, atmosphere=tuple(atmosphere[result.block[first], result.tile[first]]),
                       sigma_s=config.sigma_pick_s, kappa_model=config.kappa_model, range_slope=range_slope(prep))
    if explain:
        explain_away(x, y, t0, picks, atmosphere[result.block, result.tile], pick_time=prep.pick_time,
                     pick_station=prep.pick_station, pick_baz=prep.pick_baz, pick_baz_sigma=prep.pick_baz_sigma,
                     st_x=net.x_km, st_y=net.y_km, st_north=prep.st_north_deg, sigma_s=config.sigma_pick_s,
                     kappa_model=config.kappa_model, min_stations=config.min_stations, reach_km=config.reach_km,
                     max_z=config.ambiguity_z, max_normalised_rms=config.max_normalised_rms, baz_gate_z=config.baz_gate_z,
                     range_slope=range_slope(prep))
    if rival:
        rival_hypotheses(x, y, t0, picks, atmosphere[result.block, result.tile], pick_time=prep.pick_time,
                         pick_station=prep.pick_station, pick_baz=prep.pick_baz, pick_baz_sigma=prep.pick_baz_sigma,
                         st_x=net.x_km, st_y=net.y_km, st_north=prep.st_north_deg,
                         station_pick_start=prep.station_pick_start, cell_x=prep.cell_x, cell_y=prep.cell_y,
                         sigma_s=config.sigma_pick_s, kappa_model=config.kappa_model, min_stations=config.min_stations,
                         max_stations=config.rival_max_stations, reach_km=config.reach_km, max_z=config.ambiguity_z,
                         max_normalised_rms=config.max_normalised_rms, baz_gate_z=config.baz_gate_z,
                         nearest=nearest, taken=taken, range_slope=range_slope(prep))
    tests = EventTests(prep, config, picks, x, y, t0, atmosphere[result.block, result.tile], amplitude=amplitude,
                       nearest=nearest, law=law, nearest_max_stations=nearest_max_stations, reach=reach)
    keep: list[int] = []
    cov = result.covariance.copy()
    chi2 = result.chi2.copy()
    n_obs = result.n_obs.copy()
    rows = np.full_like(result.picks, -1)
    for i in range(len(t0)):
        if len(np.unique(prep.pick_station[picks[i]])) < config.min_stations:
            continue
        c, wx, wy = atmosphere[result.block[i], result.tile[i]]
        xi, yi, ti, ci, chi, n = kernels.locate(picks[i], prep.pick_station[picks[i]], prep.pick_time, prep.pick_baz,
                                                prep.pick_baz_sigma, net.x_km, net.y_km, prep.st_north_deg,
                                                x[i], y[i], t0[i], c, wx, wy, config.sigma_pick_s, config.kappa_model,
                                                2.5, 15, range_slope(prep))
        if not np.isfinite(ci[0, 0]):
            continue
        if not tests.passes(picks[i], xi, yi, ti, atmosphere[result.block[i], result.tile[i]]):
            continue
        x[i], y[i], t0[i], cov[i], chi2[i], n_obs[i] = xi, yi, ti, ci, chi, n
        rows[i, : min(len(picks[i]), rows.shape[1])] = picks[i][: rows.shape[1]]
        keep.append(i)
    k = np.array(keep, dtype=int)
    order = k[np.argsort(t0[k], kind="stable")]
    return PassResult(x_km=x[order], y_km=y[order], t0_s=t0[order],
                      n_stations=np.array([len(np.unique(prep.pick_station[picks[i]])) for i in order], dtype=int),
                      chi2=chi2[order], n_obs=n_obs[order], tile=result.tile[order], block=result.block[order],
                      picks=rows[order], covariance=cov[order])
