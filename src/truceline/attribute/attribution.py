"""From located events to attributed events: kind, pair, firing party, corroboration, status.

:func:`attribute_events` is the stage's batch API. It takes the ``events`` table of
``truceline associate`` (CONTRACTS.md), the parties' areas and, optionally, reports, and returns
:class:`Attribution`: the events table with ``kind``, ``firing_party``, ``p_firing_party``,
``pair_event_id``, ``status`` and ``report_ids`` filled in (report-only events appended), plus the
per-event facts the violation rules need.

Firing party. For an event called a launch, the party whose area holds it, with probability
``P(launch) P(in area) + P(impact) P(not in area) + P(neither) / 2`` where ``P(in area)`` integrates
the location ellipse (:mod:`truceline.attribute.party`) and, for a paired launch, is judged together with its impact's
location under the prior that fire crosses the line (:func:`side_given_partner`) — as a launch only: as an impact the pair is
chance and its own location places it (:func:`launch_claim`). A paired impact takes its launch's party and probability,
weighted by how likely it is an impact (as a launch its own area's party fired it), and only as far as the launch is one:
if it is not, this is an impact whose launch is unknown, fired from across the line with ``across_line_prior``. An
unpaired impact only says that fire *probably* came from across the line: its
probability multiplies in ``across_line_prior`` (default 0.9), updated by the Bayes factor of the picks no
located event explains (:mod:`truceline.attribute.unheard`: was its launch heard, by too few stations to locate it,
across the line or on its own side?), and its reason says so. An unpaired launch gets the same evidence for its
impact (``crossing_log_factor``, used by the rules); with ``UnheardConfig.update_roles`` the evidence also moves an
unpaired event's role. An unpaired event among repeated unpaired episodes at its place where no fire is heard (a storm's
strikes) is less likely fire at all (:mod:`truceline.attribute.nonfire`): its claim shrinks by that factor. And an unpaired
event whose picks are its located neighbours' missing arrivals is likelier the fusion's second event for their rounds than
a round of its own (:mod:`truceline.attribute.duplicate`): its claim shrinks likewise.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
from numpy.typing import NDArray

from truceline.attribute.acoustics import source_levels
from truceline.attribute.chimera import AgreementMixtureConfig, ChimeraMixtureConfig, fit_agreement_mixture, fit_chimera_mixture
from truceline.attribute.company import CompanyConfig, company_evidence, event_picks
from truceline.attribute.corroborate import (Match, ReportOnlyEvent, hearsay, match_reports, reliability_weight, report_kind,
                                             report_only_event)
from truceline.attribute.duplicate import DuplicateConfig, duplicate_evidence
from truceline.attribute.few_picks import FewPicksConfig, few_picks_reason, few_picks_sources
from truceline.attribute.merge import MergeConfig, merge_evidence_of_tables
from truceline.attribute.nonfire import NonFireConfig, level_unpaired_share, nonfire_evidence
from truceline.attribute.pairing import Pairing, PairingConfig, pair_events
from truceline.attribute.party import area_probabilities, ellipse_covariance_km2, position_sigma_m
from truceline.attribute.reality import RealityConfig, reality_evidence
from truceline.attribute.unheard import UnheardConfig, leftover_picks, neighbour_share, partner_evidence
from truceline.attribute.volley import volley_groups
from truceline.geo.areas import Areas
from truceline.model.reports import Report

FloatArray = NDArray[np.float64]


@dataclass(frozen=True, slots=True, kw_only=True)
class AttributionConfig:
    pairing: PairingConfig = field(default_factory=PairingConfig)
    across_line_prior: float = 0.9  # an impact without a launch came from across the line
    crossing_prior_on_pairs: bool = True  # a paired launch's side is judged with its impact's side and that prior (fire crosses)
    unheard: UnheardConfig | None = field(default_factory=UnheardConfig)  # None: leftover picks are not used
    corroboration_gain: float = 0.3  # share of the remaining doubt a fully reliable, kind-confirming report removes
    nonfire: NonFireConfig | None = field(default_factory=NonFireConfig)  # None: every unpaired event is taken to be fire
    duplicate: DuplicateConfig | None = field(default_factory=DuplicateConfig)  # None: every unpaired event is a distinct round
    # Not None: an unpaired event that its level says many stations should have heard, and few picked, is likelier not a
    # source at its place (the fusion's chimera): its claims shrink (:mod:`truceline.attribute.reality`; session 10).
    reality: RealityConfig | None = field(default_factory=RealityConfig)  # None: every unpaired event is taken to be where it is
    # Not None (measured, off: session 15, pair15): an unpaired event located from few picks is the fusion's chimera of other
    # sources' picks with a prior that falls with each arrival beyond the three a location needs (:class:`FewPicksConfig`).
    # Session 27 (merge27): on, weighed only where other sound was heard at the event's stations within seconds (the
    # rounds a merge is made of) and not spared by a volley mate that is the source of its picks (``FewPicksConfig.company``),
    # with ``prior4`` 0.5: violation fused op recall s7-s13 1766 -> 1777 (s8 +3, s11 +4, s13 +4, no seed lower), firing
    # party 1320/1336 as before, wrong verdicts at >= 0.8/0.7/0.5 5/15/46 -> 2/8/37 (docs/attribution.md, "Session 27").
    few_picks: FewPicksConfig | None = field(default_factory=lambda: FewPicksConfig(prior4=0.5, spare_salvo_mates=True,
                                                                                   company=CompanyConfig()))
    # Not None (session 16, prior16): the same prior learned from the run: the share of unpaired events that are chimeras,
    # and how fast that share falls with each further station, fitted by EM to the run's unpaired events' station counts
    # against what the run's detection model gives a real source (:mod:`truceline.attribute.chimera`). Off: the fitted share
    # is as large on truth-derived events (no chimeras) as on fused ones; violation fused op recall s7-s13 1699 -> 1705 but
    # s9 -2, s10 -5, s11 -3, truth-derived 1624 -> 1623 (docs/attribution.md, "Session 16, prior16").
    chimera_mixture: ChimeraMixtureConfig | None = None
    # Not None (session 16, prior16): the same prior learned from the stations' agreement: a chimera's picks give levels
    # that disagree more than a real source's (learned on the run's paired events); the share of chimeras among unpaired
    # events, by pick count, fitted by EM (:func:`truceline.attribute.chimera.fit_agreement_mixture`). Off: the paired
    # sources are no reference for quiet unpaired ones and the fit is degenerate; violation fused op recall 1699 -> 1666,
    # truth-derived s9 259 -> 222 (docs/attribution.md, "Session 16, prior16").
    chimera_agreement: AgreementMixtureConfig | None = None
    # Not None (session 17, merge17): an unpaired few-pick event whose stations hold second arrivals at one common delay,
    # after the event's own pick at some stations and before it at others, is likelier the fusion's merge of two rounds of
    # a volley than one round: its claims shrink by that evidence (:mod:`truceline.attribute.merge`). Off: on `violation`
    # fused seeds 7-13 the pattern is about as frequent on unpaired events that are a true round as on merges (factor < 0.5
    # on 16 of 111 and 4 of 24); fused op recall 1701 -> 1701 (s10 -5, s11 +6), truth-derived 1624 -> 1623.
    merge: MergeConfig | None = None
    # Session 19, attrib19b: an event called a launch is claimed with its impact share judged as an impact's is (its fire
    # from across the line with ``across_line_prior``, updated for an unpaired event by the leftover picks and the reach),
    # not as surely the other party's: the claim is then one mixture over the role's probability whichever role is the
    # likelier, and an unpaired event's claim does not jump where p launch crosses one half (False: as before). Off:
    # violation fused firing party s7-s13 1318 -> 1316 of 1337 (coin-flip "launches" that are impacts claim their own area).
    role_mixture_claims: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Attribution:
    """Attributed events (table) and, aligned with its rows, what the violation rules read."""

    events: pa.Table
    event_ids: tuple[str, ...]
    time_s: FloatArray
    lat: FloatArray
    lon: FloatArray
    covariance_km2: FloatArray
    side: tuple[str, ...]
    p_side: FloatArray
    kind: tuple[str, ...]
    p_kind: FloatArray
    partner: NDArray[np.int64]
    weapon: tuple[str, ...]
    p_weapon: FloatArray
    class_probability: FloatArray  # (n, len(physics.ENVELOPES))
    firing_party: tuple[str, ...]
    p_firing_party: FloatArray
    paired: NDArray[np.bool_]
    report_only: NDArray[np.bool_]
    status: tuple[str, ...]
    corroboration: FloatArray  # 1 - product of (1 - gain * weight) over matching reports
    report_ids: tuple[tuple[str, ...], ...]
    pick_ids: tuple[tuple[str, ...], ...]
    reason: tuple[str, ...]
    matches: Mapping[str, list[Match]]
    crossing_log_factor: FloatArray  # unpaired launches: ln BF (impact across the line : on its own side) from leftover picks; else 0
    unplaced_reports: tuple[str, ...]  # reports with neither a match nor a place (listed, not dropped)
    # Events called launches: the two roles' shares of the firing-party claim, apart (NaN elsewhere). ``p_launched``: the
    # named party launched the round from here (a launch, in its area); ``p_landed``: the round landed here, fired by the
    # named party from across the line (an impact in the other party's area whose launch is unknown: the pair is chance,
    # so the across-line prior). The rules read them apart: a weapon in a zone needs the first (session 9, attr9).
    p_launched: FloatArray | None = None
    p_landed: FloatArray | None = None
    # Reports of what others told the observer (``corroborate.hearsay``): they raise confidence by their grade but do not
    # make a verdict ``corroborated`` (session 11, flow11).
    hearsay_reports: frozenset[str] = frozenset()


def _column(table: pa.Table, name: str, default: object, n: int) -> list[object]:
    if name in table.column_names:
        return [default if v is None else v for v in table[name].to_pylist()]
    return [default] * n


def side_given_partner(p_own: float, partner_in_own: float, crossing_prior: float) -> float:
    """P(an event lies in party A's area) from its location (``p_own``) and its partner's (``partner_in_own``: the
    probability that the partner lies in A's area too), when fire crosses the line with probability ``crossing_prior``:
    the two locations are independent measurements, the prior couples them (two parties)."""
    cross, same = crossing_prior, 1.0 - crossing_prior
    own_cross, own_same = p_own * (1.0 - partner_in_own) * cross, p_own * partner_in_own * same
    total = own_cross + own_same + (1.0 - p_own) * partner_in_own * cross + (1.0 - p_own) * (1.0 - partner_in_own) * same
    return (own_cross + own_same) / total if total > 0.0 else p_own


def launch_claim(p_launch: float, p_impact: float, p_own: float, p_own_as_launch: float) -> float:
    """P(the party whose area holds an event called a launch fired it): as a launch, it did (the event in its area:
    ``p_own_as_launch``, for a paired launch judged with its impact's location, :func:`side_given_partner`); as an
    impact, the other party did (the event in the area by its own location, ``p_own``: a pair whose "launch" is an impact
    is chance, and its partner says nothing of where the event is); neither, even."""
    p_neither = max(0.0, 1.0 - p_launch - p_impact)
    return p_launch * p_own_as_launch + p_impact * (1.0 - p_own) + 0.5 * p_neither


def _across(i: int, paired: bool, sensor: bool, across_line_prior: float, launch_log_factor: FloatArray,
            p_reach_from_across: FloatArray | None) -> float:
    """P(event ``i``, as an impact, was fired from across the line): the prior, and for an unpaired sensor event the
    leftover picks' Bayes factor (from across : from its own side) and the reach of weapons of its level from across."""
    across = across_line_prior
    if not paired and sensor and launch_log_factor[i] != 0.0:
        odds = across / (1.0 - across) * float(np.exp(launch_log_factor[i]))
        across = odds / (1.0 + odds)
    if not paired and sensor and p_reach_from_across is not None:
        reach = float(p_reach_from_across[i])
        across = across * reach / (across * reach + (1.0 - across))
    return across


def other_party(parties: Sequence[str], party: str) -> str:
    """The one other party of a two-party area file, "" otherwise."""
    others = [p for p in parties if p != party]
    return others[0] if len(others) == 1 and party in parties else ""


def attribute_events(
    events: pa.Table,
    areas: Areas,
    reports: Sequence[Report] = (),
    *,
    assignments: pa.Table | None = None,
    picks: pa.Table | None = None,
    stations: pa.Table | None = None,
    config: AttributionConfig | None = None,
) -> Attribution:
    """Classify, pair, attribute and corroborate ``events`` (see the module documentation).

    With ``picks`` (with ``amplitude``, and ``snr``), ``stations`` and ``assignments``, every event's
    source level is estimated and used as acoustic evidence of launch, impact and weapon class
    (:mod:`truceline.attribute.acoustics`); without them the stage rests on timing and geometry.
    """
    config = config or AttributionConfig()
    n_sensor = events.num_rows
    ids = [str(v) for v in events["event_id"].to_pylist()]
    time_s = np.asarray(events["time"].to_pylist(), dtype=np.float64)
    lat = np.asarray(events["lat"].to_pylist(), dtype=np.float64)
    lon = np.asarray(events["lon"].to_pylist(), dtype=np.float64)
    time_sigma = np.asarray(_column(events, "time_sigma_s", 1.0, n_sensor), dtype=np.float64)
    major = np.asarray(_column(events, "ellipse_major_km", 1.0, n_sensor), dtype=np.float64)
    minor = np.asarray(_column(events, "ellipse_minor_km", 1.0, n_sensor), dtype=np.float64)
    azimuth = np.asarray(_column(events, "ellipse_azimuth_deg", 0.0, n_sensor), dtype=np.float64)
    covariance = ellipse_covariance_km2(major, minor, azimuth)
    sides, p_side = area_probabilities(lat, lon, covariance, areas.party_at)
    side_arr = np.asarray(sides, dtype=str) if sides else np.zeros(0, dtype=str)
    line_distance = areas.signed_distance_m(lat, lon) if areas.line is not None and n_sensor else None
    levels = source_levels(ids, lat, lon, picks=picks, stations=stations, assignments=assignments)
    pairing: Pairing = pair_events(time_s, lat, lon, time_sigma, position_sigma_m(major, minor), side_arr, p_side, config.pairing,
                                   line_distance, levels=levels)
    # Leftover picks: where the unlocated partners of unpaired events were heard from (unattributed picks at 1-3 stations).
    # They bear on the direction of fire (an impact's launch, a launch's impact: across the line or not) and on the role.
    p_launch_pair, p_impact_pair = pairing.p_launch.copy(), pairing.p_impact.copy()
    pair_kind = pairing.kind.copy()
    launch_log_factor = np.zeros(n_sensor)  # unpaired impacts: ln BF (launch across the line : on its own side)
    impact_log_factor = np.zeros(n_sensor)  # unpaired launches: ln BF (impact across the line : on its own side)
    role_log_factor = np.zeros(n_sensor)  # unpaired events: ln BF (impact : launch)
    leftovers = leftover_picks(picks, stations, assignments) if config.unheard is not None else None
    if leftovers is not None and pairing.level_model is not None and config.unheard is not None:
        unheard = config.unheard
        # How often an event has a neighbour at its place and minutes: the prior that leftover picks near an unpaired event
        # are an unlocated neighbour's (another round of its mission) rather than its partner's.
        share = neighbour_share(time_s, lat, lon, unheard)
        for i in map(int, np.flatnonzero(pairing.partner < 0)):
            if not sides[i]:
                continue
            # The role the event has now (its direction), and with ``update_roles`` the other (its role).
            roles = (0, 1) if unheard.update_roles else ((0,) if pairing.kind[i] == "impact" else (1,) if unheard.launch_direction else ())
            if not roles:
                continue
            evidence = partner_evidence(
                float(lat[i]), float(lon[i]), float(time_s[i]), sides[i], float(levels.level_db[i]), float(levels.level_sigma_db[i]),
                areas.party_at, leftovers, levels, pairing.level_model, unheard, roles=roles, min_stations=config.pairing.min_stations,
                neighbour_share=share)
            launch_log_factor[i] = evidence.direction_log_factor(0, unheard.silent_launch_share, unheard.max_log_factor)
            if unheard.launch_direction:
                impact_log_factor[i] = evidence.direction_log_factor(1, unheard.partner_elsewhere, unheard.max_log_factor)
            if unheard.update_roles:
                role_log_factor[i] = evidence.role_log_factor(config.across_line_prior, unheard.silent_launch_share,
                                                              unheard.partner_elsewhere, unheard.max_log_factor)
            if role_log_factor[i] != 0.0 and p_launch_pair[i] > 0.0:
                odds = p_impact_pair[i] / p_launch_pair[i] * float(np.exp(role_log_factor[i]))
                p_impact_pair[i] = odds / (1.0 + odds)
                p_launch_pair[i] = 1.0 - p_impact_pair[i]
                pair_kind[i] = "impact" if p_impact_pair[i] > 0.5 else "launch"
    kind = [str(k) for k in pair_kind]
    p_kind_pair = np.where(pair_kind == "launch", p_launch_pair, np.where(pair_kind == "impact", p_impact_pair, pairing.p_kind))
    matches = match_reports(reports, time_s, lat, lon, position_sigma_m(major, minor), pair_kind)

    # Report-only events for reports that matched nothing.
    extra: list[ReportOnlyEvent] = []
    unplaced: list[str] = []
    for report in reports:
        if matches.get(report.report_id):
            continue
        made = report_only_event(report)
        if made is None:
            unplaced.append(report.report_id)
        else:
            extra.append(made)
    n = n_sensor + len(extra)
    ids += [e.event_id for e in extra]
    time_s = np.concatenate([time_s, [e.time_s for e in extra]])
    lat = np.concatenate([lat, [e.lat for e in extra]])
    lon = np.concatenate([lon, [e.lon for e in extra]])
    time_sigma = np.concatenate([time_sigma, [e.time_sigma_s for e in extra]])
    major = np.concatenate([major, [e.ellipse_major_km for e in extra]])
    minor = np.concatenate([minor, [e.ellipse_minor_km for e in extra]])
    azimuth = np.concatenate([azimuth, [e.ellipse_azimuth_deg for e in extra]])
    extra_cov = ellipse_covariance_km2(np.array([e.ellipse_major_km for e in extra]), np.array([e.ellipse_minor_km for e in extra]),
                                       np.array([e.ellipse_azimuth_deg for e in extra]))
    covariance = np.concatenate([covariance, extra_cov]) if extra else covariance
    if extra:
        extra_sides, extra_p = area_probabilities(lat[n_sensor:], lon[n_sensor:], extra_cov, areas.party_at)
        sides = list(sides) + extra_sides
        p_side = np.concatenate([p_side, extra_p])
    kind += [e.kind for e in extra]
    p_kind = np.concatenate([p_kind_pair, [0.6 if e.kind != "unknown" else 0.5 for e in extra]])
    p_launch = np.concatenate([p_launch_pair, [0.6 if e.kind == "launch" else 0.4 if e.kind == "impact" else 0.3 for e in extra]])
    p_impact = np.concatenate([p_impact_pair, [0.6 if e.kind == "impact" else 0.4 if e.kind == "launch" else 0.3 for e in extra]])
    partner = np.concatenate([pairing.partner, np.full(len(extra), -1, dtype=np.int64)])
    weapon = [str(w) for w in pairing.weapon] + [""] * len(extra)
    p_weapon = np.concatenate([pairing.p_weapon, np.zeros(len(extra))])
    class_probability = np.concatenate([pairing.class_probability, np.zeros((len(extra), pairing.class_probability.shape[1]))])
    reason = [f"{'launch of' if kind[i] == 'launch' else 'impact of'} {ids[int(pairing.partner[i])]}: {text}"
              if pairing.partner[i] >= 0 else text for i, text in enumerate(pairing.reason)]
    reason += [f"report-only: {e.report_id} matched no sensor event" + (f" ({e.not_fire}: no firing-party claim)" if e.not_fire else "")
               for e in extra]
    no_claim = np.zeros(n, dtype=bool)
    no_claim[n_sensor:] = [bool(e.not_fire) for e in extra]
    report_only = np.zeros(n, dtype=bool)
    report_only[n_sensor:] = True

    # Firing party.
    parties = areas.parties
    firing = [""] * n
    p_firing = np.zeros(n)
    paired = partner >= 0
    as_launch_own = np.full(n, np.nan)  # paired launches: P(in its own party's area) as a launch (judged with its impact)
    p_launched = np.full(n, np.nan)  # events called launches: the claim's launch share, and its impact share (see Attribution)
    p_landed = np.full(n, np.nan)
    for i in range(n):
        side, ps = sides[i], float(p_side[i])
        if not side or no_claim[i]:
            continue
        p_neither = max(0.0, 1.0 - p_launch[i] - p_impact[i])
        if kind[i] == "launch" or (kind[i] == "unknown" and p_launch[i] >= p_impact[i]):
            j = int(partner[i])
            ps_launch = ps
            if paired[i] and config.crossing_prior_on_pairs and sides[j]:
                # Where the launch was, judged with where its impact landed: fire crosses the line (the prior).
                in_own = float(p_side[j]) if sides[j] == side else 1.0 - float(p_side[j])
                ps_launch = side_given_partner(ps, in_own, config.across_line_prior)
            as_launch_own[i] = ps_launch
            p_own = launch_claim(float(p_launch[i]), float(p_impact[i]), ps, ps_launch)
            if config.role_mixture_claims:
                across = _across(i, paired[i], i < n_sensor, config.across_line_prior, launch_log_factor, pairing.p_reach_from_across)
                p_own = (float(p_launch[i]) * ps_launch + float(p_impact[i]) * (ps * (1.0 - across) + (1.0 - ps) * across)
                         + 0.5 * p_neither)
            # Apart: the area's party launched it (a launch in its area), or the other party's round landed here from
            # across the line (an impact in the area), and the other way round for the other party.
            own_split = (float(p_launch[i]) * ps_launch, float(p_impact[i]) * (1.0 - ps) * config.across_line_prior)
            other_split = (float(p_launch[i]) * (1.0 - ps_launch), float(p_impact[i]) * ps * config.across_line_prior)
        else:
            across = (_across(i, False, i < n_sensor, config.across_line_prior, launch_log_factor, pairing.p_reach_from_across)
                      if not paired[i] else 1.0)
            p_other = p_impact[i] * (ps * across + (1.0 - ps) * (1.0 - across)) + p_launch[i] * (1.0 - ps) + 0.5 * p_neither
            p_own = 1.0 - p_other
        if p_own >= 0.5:
            firing[i], p_firing[i] = side, p_own
        else:
            firing[i], p_firing[i] = other_party(parties, side), 1.0 - p_own
        if np.isfinite(as_launch_own[i]):
            p_launched[i], p_landed[i] = own_split if p_own >= 0.5 else other_split
        if not firing[i]:
            p_firing[i] = 0.0
    for i in map(int, np.flatnonzero(paired & (np.asarray(kind) == "impact"))):
        # The launch's party and probability if this is its impact; if it is itself a launch (the pairing's role odds
        # say how likely), the party whose area holds it fired it. So a launch paired as the "impact" of another launch
        # does not inherit that launch's certainty.
        # Its launch's claim is the launch's only as a launch: if the "launch" is itself an impact, the pair is chance and
        # this is an impact whose launch is unknown, judged as an unpaired one (fire from across the line, the prior).
        j = int(partner[i])
        firing[i] = firing[j]
        if not firing[j]:
            continue
        own = float(p_side[i]) if sides[i] == firing[j] else (1.0 - float(p_side[i]) if sides[i] else 0.5)
        p_neither = max(0.0, 1.0 - p_launch[i] - p_impact[i])
        launch_fired = p_firing[j]
        if np.isfinite(as_launch_own[j]) and sides[j]:
            # P(firing[j] fired j's round) as a launch, and P(firing[j] fired this round from across the line).
            by_launch = as_launch_own[j] if sides[j] == firing[j] else 1.0 - as_launch_own[j]
            across = config.across_line_prior
            from_across = (1.0 - own) * across + own * (1.0 - across)
            launch_fired = float(p_launch[j]) * by_launch + (1.0 - float(p_launch[j])) * from_across
        p_firing[i] = p_impact[i] * launch_fired + p_launch[i] * own + 0.5 * p_neither
        if p_firing[i] < 0.5:
            firing[i], p_firing[i] = other_party(parties, firing[j]), 1.0 - p_firing[i]
            if not firing[i]:
                p_firing[i] = 0.0
    for i in map(int, np.flatnonzero(~paired & (np.asarray(kind) == "impact"))):
        reason[i] += (f"; direction from the line only: fire into {sides[i] or 'no area'} is taken to come from across the"
                      f" line with probability {config.across_line_prior:g}")
        if i < n_sensor and launch_log_factor[i] != 0.0:
            reason[i] += (f"; the picks no located event explains make fire from across the line"
                          f" {np.exp(launch_log_factor[i]):.3g} times as likely as fire from its own side")
        if i < n_sensor and role_log_factor[i] != 0.0:
            reason[i] += f"; the leftover picks make it {np.exp(role_log_factor[i]):.3g} times as likely an impact as a launch"
        if i < n_sensor and pairing.p_reach_from_across is not None and pairing.p_reach_from_across[i] < 0.95:
            reason[i] += (f", less as weapons of its level reach this deep from across the line only with probability"
                          f" {pairing.p_reach_from_across[i]:.2f}")

    for i in map(int, np.flatnonzero(~paired[:n_sensor] & (np.asarray(kind[:n_sensor]) == "launch"))):
        if role_log_factor[i] != 0.0:
            reason[i] += f"; the leftover picks make it {np.exp(-role_log_factor[i]):.3g} times as likely a launch as an impact"
        if impact_log_factor[i] != 0.0:
            reason[i] += (f"; the picks no located event explains make its impact across the line"
                          f" {np.exp(impact_log_factor[i]):.3g} times as likely as on its own side")

    def shrink_claims(i: int, factor: float) -> None:
        """Scale event ``i``'s firing-party claim and both its shares by ``factor`` (evidence that it is not fire)."""
        p_firing[i] *= factor
        p_launched[i] *= factor
        p_landed[i] *= factor

    if config.nonfire is not None and n_sensor:
        # Unexplained sources that keep coming where no fire is heard (a storm's strikes) are less likely fire: the
        # claim that a party fired an unpaired event shrinks with the evidence (the likelier party stays named).
        unpaired_given_fire = None
        if config.nonfire.level_pairing:
            unpaired_given_fire = level_unpaired_share(levels.level_db[:n_sensor], paired[:n_sensor], config.nonfire.level_bandwidth_db)
        nonfire = nonfire_evidence(time_s[:n_sensor], lat[:n_sensor], lon[:n_sensor], paired[:n_sensor], config.nonfire,
                                   unpaired_given_fire=unpaired_given_fire)
        for i in map(int, np.flatnonzero(nonfire.factor < 1.0)):
            shrink_claims(i, float(nonfire.factor[i]))
            reason[i] += (f"; {int(nonfire.episodes[i])} other episode(s) of unpaired events along a drifting cell's path"
                          f" ({config.nonfire.radius_m / 1000:g} km + {config.nonfire.drift_m_per_s:g} m/s a step, steps within"
                          f" {config.nonfire.link_gap_s / 60:g} min) within {config.nonfire.window_s / 60:g} min and no paired event"
                          f" within {config.nonfire.radius_m / 1000:g} km"
                          f" (as fire, each would have been heard as a pair with probability {nonfire.paired_share:.2f}):"
                          f" a storm or another source that is not fire is likelier; fire claims x {nonfire.factor[i]:.3g}")

    stations_of: list[list[int]] = [[] for _ in range(n_sensor)]
    times_of: list[list[float]] = [[] for _ in range(n_sensor)]
    if (config.duplicate is not None or config.reality is not None) and n_sensor and leftovers is not None \
            and assignments is not None and picks is not None:
        station_index = {str(s): k for k, s in enumerate(stations["station_id"].to_pylist())} if stations is not None else {}
        pick_at = {str(p): (station_index.get(str(s), -1), float(t))
                   for p, s, t in zip(picks["pick_id"].to_pylist(), picks["station_id"].to_pylist(), picks["time"].to_pylist())}
        event_index = {e: k for k, e in enumerate(ids[:n_sensor])}
        for pick, event in zip(assignments["pick_id"].to_pylist(), assignments["event_id"].to_pylist()):
            k, located = event_index.get(str(event), -1), pick_at.get(str(pick))
            if k >= 0 and located is not None and located[0] >= 0:
                stations_of[k].append(located[0])
                times_of[k].append(located[1])

    if config.duplicate is not None and n_sensor and leftovers is not None and assignments is not None and picks is not None:
        # An unpaired event whose picks are its located neighbours' missing arrivals is likelier the fusion's second event
        # for their rounds than a round of its own: its claim shrinks by that evidence (the likelier party stays named).
        duplicate = duplicate_evidence(
            time_s[:n_sensor], lat[:n_sensor], lon[:n_sensor], position_sigma_m(major[:n_sensor], minor[:n_sensor]), ~paired[:n_sensor],
            [np.asarray(s, dtype=np.intp) for s in stations_of], [np.asarray(t, dtype=np.float64) for t in times_of],
            leftovers.station_lat, leftovers.station_lon, leftovers.station_noise_db, levels.level_db, levels.attenuation_db_per_km,
            levels.detection_snr_db, config.duplicate)
        for i in map(int, np.flatnonzero(duplicate.factor < 1.0)):
            p_firing[i] *= float(duplicate.factor[i])
            p_launched[i] *= float(duplicate.factor[i])
            p_landed[i] *= float(duplicate.factor[i])
            reason[i] += (f"; {int(duplicate.explained[i])} of its {int(duplicate.explained[i] + duplicate.occupied[i])} stations' picks"
                          f" fit the arrivals of located events within {config.duplicate.radius_m / 1000:g} km and"
                          f" {config.duplicate.window_s:g} s where those were not picked: likelier their sound counted twice than"
                          f" a round of its own (Bayes factor {np.exp(duplicate.log_factor[i]):.3g}); fire claims x {duplicate.factor[i]:.3g}")

    volley_mates_once: list[NDArray[np.bool_]] = []

    def volley_mates() -> NDArray[np.bool_]:
        """The sensor events with a volley mate (``volley.volley_groups``), computed once for the steps that spare them."""
        if not volley_mates_once:
            volley_mates_once.append(volley_groups(time_s[:n_sensor], lat[:n_sensor], lon[:n_sensor], config.pairing,
                                                   position_sigma_m(major[:n_sensor], minor[:n_sensor])) >= 0)
        return volley_mates_once[0]

    if (config.reality is not None or config.chimera_mixture is not None) and n_sensor and leftovers is not None \
            and assignments is not None and picks is not None:
        # An unpaired event that its level says many stations should have heard, and few picked, is likelier not a source
        # at its place (a chimera of other sources' picks): its claims shrink (the likelier party stays named).
        # With the mixture, paired events are evaluated too: they are the real sources its count model is calibrated on.
        evaluated = ~paired[:n_sensor] if config.chimera_mixture is None else np.ones(n_sensor, dtype=bool)
        reality_config = config.reality or RealityConfig()
        reality = reality_evidence(lat[:n_sensor], lon[:n_sensor], evaluated, [set(s) for s in stations_of], leftovers.station_lat,
            leftovers.station_lon, leftovers.station_noise_db, levels.level_db, levels.attenuation_db_per_km, levels.detection_snr_db,
            reality_config, n_picks=[len(s) for s in stations_of],
            mated=volley_mates() if reality_config.few_picks_spare_mates else None)
        if config.chimera_mixture is not None and reality.picked is not None:
            # The run's share of chimeras among its unpaired events, learned from their station counts: each one's claims
            # carry its probability of being a source.
            located_from = [len(set(s)) for s in stations_of if s]
            mixture = fit_chimera_mixture(reality.picked, reality.count_pmf, ~paired[:n_sensor], config.chimera_mixture,
                                          min_stations=min(located_from) if located_from else None, reference=paired[:n_sensor])
            for i in map(int, np.flatnonzero(mixture.source_probability < 1.0)):
                shrink_claims(i, float(mixture.source_probability[i]))
                reason[i] += (f"; picked at {int(reality.picked[i])} stations (a real source of its level there: probability"
                              f" {mixture.real_likelihood[i]:.2g} of so many, given it was located): a source with probability"
                              f" {mixture.source_probability[i]:.3g} among this run's unpaired events ({mixture.share:.2f} of"
                              f" {mixture.n_events} fitted as chimeras, each further station fitting one with probability"
                              f" {mixture.survival:.2f}); fire claims x {mixture.source_probability[i]:.3g}")
        for i in map(int, np.flatnonzero((reality.factor < 1.0) & ~paired[:n_sensor]) if config.reality is not None else ()):
            shrink_claims(i, float(reality.factor[i]))
            reason[i] += (f"; picked at {len(set(stations_of[i]))} stations where its level {levels.level_db[i]:.0f} dB at 1 km"
                          f" would be heard at {reality.expected[i]:.1f} (probability of so few {reality.tail[i]:.2g}):"
                          f" likelier not a source at its place; fire claims x {reality.factor[i]:.3g}")

    if config.chimera_agreement is not None and n_sensor and levels.level_sum_squares_db2 is not None \
            and levels.level_count is not None:
        # The share of chimeras among the run's unpaired events, learned from how far their picks' levels disagree.
        located_from = [len(s) for s in stations_of if s] or [int(c) for c in levels.level_count[:n_sensor] if c > 0]
        agreement = fit_agreement_mixture(levels.level_sum_squares_db2[:n_sensor], levels.level_count[:n_sensor], paired[:n_sensor],
                                          config.chimera_agreement, min_stations=min(located_from) if located_from else 4)
        for i in map(int, np.flatnonzero(agreement.source_probability < 1.0)):
            count = int(levels.level_count[i])
            spread = float(np.sqrt(levels.level_sum_squares_db2[i] / max(count - 1, 1)))
            shrink_claims(i, float(agreement.source_probability[i]))
            reason[i] += (f"; its {count} picks' levels scatter {spread:.1f} dB (this run's paired sources"
                          f" {agreement.real_sigma_db:.1f} dB, its fitted chimeras {agreement.chimera_sigma_db:.1f} dB): a source with"
                          f" probability {agreement.source_probability[i]:.3g}; fire claims x {agreement.source_probability[i]:.3g}")

    if config.merge is not None and n_sensor and assignments is not None and picks is not None:
        # An unpaired few-pick event whose stations heard a second arrival at one delay, after its own pick at some and
        # before it at others, is likelier two rounds of a volley merged into one event: its claims shrink.
        merge = merge_evidence_of_tables(picks, assignments, ids[:n_sensor], ~paired[:n_sensor], config.merge)
        for i in map(int, np.flatnonzero(merge.factor < 1.0)):
            shrink_claims(i, float(merge.factor[i]))
            reason[i] += (f"; second arrivals {merge.delay_s[i]:.1f} s after its pick at {int(merge.plus[i])} of its stations and"
                          f" before it at {int(merge.minus[i])}: likelier two rounds of a volley located as one event than one"
                          f" round (Bayes factor {np.exp(merge.log_factor[i]):.3g}); fire claims x {merge.factor[i]:.3g}")

    if config.few_picks is not None and n_sensor and assignments is not None:
        # An unpaired event located from few picks may be no source at all (a chance coincidence of other sources' picks):
        # its claims carry the prior that it is one (the likelier party stays named).
        spared = volley_mates() if config.few_picks.spare_salvo_mates else np.zeros(n_sensor, dtype=bool)
        company, company_config = None, config.few_picks.company
        if company_config is not None and picks is not None and stations is not None:
            # Weighed only where other sound was heard at the event's stations; a mate that is its picks' source spares nothing.
            company = company_evidence(event_picks(ids[:n_sensor], picks, stations, assignments), time_s, lat, lon,
                                       volley_groups(time_s[:n_sensor], lat[:n_sensor], lon[:n_sensor], config.pairing,
                                                     position_sigma_m(major[:n_sensor], minor[:n_sensor])), spared, company_config)
            spared = company.spared
        elif company_config is not None:
            spared = np.ones(n_sensor, dtype=bool)  # no picks to tell company by: the prior is not weighed
        for i, count, source in few_picks_sources(ids[:n_sensor], assignments, ~paired[:n_sensor] & ~spared, config.few_picks):
            shrink_claims(i, source)
            reason[i] += few_picks_reason(count, source, None if company is None else int(company.company[i]),
                                          company_config.window_s if company_config is not None else 0.0)

    by_id = {r.report_id: r for r in reports}
    for e_index, e in enumerate(extra):
        # A report-only event rests on its report alone: a firing-party claim needs the fire to have been as reported, which
        # the report's grade weighs (B2 0.64, F6 hearsay 0.25), as the sensor events' claims carry the evidence that they
        # are fire at their place (session 11, flow11; before, every report-only impact claimed 0.54 whatever its grade).
        i = n_sensor + e_index
        if firing[i]:
            grade = by_id[e.report_id].reliability
            weight = reliability_weight(grade)
            shrink_claims(i, weight)
            reason[i] += f"; rests on the report alone, graded {grade or 'ungraded (F6)'}: fire claims x {weight:.3g}"

    # Corroboration.
    by_event: dict[int, list[str]] = {}
    first_hand: set[int] = set()
    doubt_left = np.ones(n)
    for report_id, found in matches.items():
        weight = reliability_weight(by_id[report_id].reliability)
        for match in found:
            by_event.setdefault(match.event_index, []).append(report_id)
            if not hearsay(by_id[report_id]):
                first_hand.add(match.event_index)
            gain = config.corroboration_gain * match.share * (1.0 if match.kind_agrees and report_kind(by_id[report_id]) != "unknown" else 0.0)
            doubt_left[match.event_index] *= 1.0 - gain * weight
    for e_index, e in enumerate(extra):
        by_event.setdefault(n_sensor + e_index, []).append(e.report_id)
    report_ids = tuple(tuple(sorted(by_event.get(i, []))) for i in range(n))
    status = tuple("corroborated" if (i in first_hand and not report_only[i]) else "automatic" for i in range(n))

    picks_of: dict[str, list[str]] = {}
    if assignments is not None and assignments.num_rows:
        for pick, event in zip(assignments["pick_id"].to_pylist(), assignments["event_id"].to_pylist()):
            picks_of.setdefault(str(event), []).append(str(pick))

    pair_ids = [ids[int(partner[i])] if partner[i] >= 0 else "" for i in range(n)]
    base = events
    if extra:
        additions = pa.table({
            "event_id": pa.array(ids[n_sensor:], type=base.schema.field("event_id").type if base.schema.field("event_id").type == pa.string() else pa.string()),
            "time": pa.array(time_s[n_sensor:]),
            "lat": pa.array(np.round(lat[n_sensor:], 6)),
            "lon": pa.array(np.round(lon[n_sensor:], 6)),
        })
        base = pa.concat_tables([base.cast(_string_ids(base.schema)), additions], promote_options="default")
    columns: dict[str, pa.Array] = {
        "time_sigma_s": pa.array(np.round(time_sigma, 4)),
        "ellipse_major_km": pa.array(np.round(major, 4)),
        "ellipse_minor_km": pa.array(np.round(minor, 4)),
        "ellipse_azimuth_deg": pa.array(np.round(azimuth, 2)),
        "n_picks": pa.array(np.asarray(_column(base, "n_picks", 0, n), dtype=np.int64)),
        "side": pa.array(list(sides), type=pa.string()),
        "p_side": pa.array(np.round(p_side, 4)),
        "kind": pa.array(kind, type=pa.string()),
        "firing_party": pa.array(firing, type=pa.string()),
        "p_firing_party": pa.array(np.round(p_firing, 4)),
        "pair_event_id": pa.array(pair_ids, type=pa.string()),
        "status": pa.array(list(status), type=pa.string()),
        "report_ids": pa.array([";".join(r) for r in report_ids], type=pa.string()),
    }
    for name, values in columns.items():
        if name in base.column_names:
            base = base.set_column(base.column_names.index(name), name, values)
        else:
            base = base.append_column(name, values)
    return Attribution(
        events=base, event_ids=tuple(ids), time_s=time_s, lat=lat, lon=lon, covariance_km2=covariance, side=tuple(sides),
        p_side=p_side, kind=tuple(kind), p_kind=p_kind, partner=partner, weapon=tuple(weapon), p_weapon=p_weapon, class_probability=class_probability,
        firing_party=tuple(firing), p_firing_party=p_firing, paired=paired, report_only=report_only, status=status,
        corroboration=1.0 - doubt_left, report_ids=report_ids, pick_ids=tuple(tuple(picks_of.get(i, [])) for i in ids),
        reason=tuple(reason), matches=matches, unplaced_reports=tuple(unplaced),
        crossing_log_factor=np.concatenate([impact_log_factor, np.zeros(n - n_sensor)]),
        p_launched=p_launched, p_landed=p_landed, hearsay_reports=frozenset(r.report_id for r in reports if hearsay(r)),
    )


def _string_ids(schema: pa.Schema) -> pa.Schema:
    return pa.schema([pa.field("event_id", pa.string()) if f.name == "event_id" else f for f in schema])
