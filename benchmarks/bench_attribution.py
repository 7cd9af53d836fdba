"""Attribution measured against the simulator's ground truth.

    PYTHONPATH=src python benchmarks/bench_attribution.py                       # violation 24 h + heavy 1 h, truth-derived events
    PYTHONPATH=src python benchmarks/bench_attribution.py --fused violation=RUN  # also score `truceline associate` output in RUN

For each scenario (simulated here, seeded, unless --scenario gives a folder) it runs the attribution
stage on two inputs:

* ``truth``: the true events with at least 4 detected picks, moved by simulated location noise and
  given honest ellipses (``truceline.attribute.evaluate.events_from_truth``): the attribution stage
  alone, independent of fusion;
* ``fused``: the events that ``truceline associate`` found (``--fused NAME=DIR`` with DIR holding
  events.csv and assignments.csv; ``--fuse`` runs fusion here, which takes minutes on heavy),
  matched to the truth one to one (``truceline.sim.scoring.match_events``).

and prints: pairing precision/recall (exact rounds, and rounds of the same fire mission), launch/
impact accuracy, firing-party accuracy for paired launches more than 1 km from the line with a
reliability (calibration) table, violation precision/recall at the agreement's threshold (and at
0.5, and at the lowest threshold whose verdicts are still at least 99 % right: the target's operating
point), with the wrong verdicts split by what their picks truly are (the named party's fire in an event
that matches no true one, the other party's fire, or clutter only: a false accusation is the second and
third), and report match accuracy with the count of dropped reports (must be 0).
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa

from truceline.attribute.attribution import attribute_events
from truceline.attribute.evaluate import events_from_truth, reliability_table, score_pairing
from truceline.attribute.rules import decide_verdicts, sector_labeler
from truceline.geo.areas import read_areas
from truceline.model.agreement import agreement_from_document
from truceline.model.reports import read_reports
from truceline.model.tables import TRUTH_EVENTS, TRUTH_PICKS, read_picks, read_stations, read_table
from truceline.sim.scoring import match_events

SCENARIOS = {"violation": ("violation", 24.0), "heavy": ("heavy", 1.0)}
TARGET_PRECISION = 0.99  # issue #4: violation recall >= 0.97 at precision >= 0.99

def simulate(preset: str, hours: float, seed: int, folder: Path) -> Path:
    subprocess.run([sys.executable, "-m", "truceline", "simulate", "--preset", preset, "--seed", str(seed), "--hours", str(hours),
                    "--out", str(folder), "--debug"], check=True, capture_output=True)
    return folder


def load_terms():  # noqa: ANN201 - benchmark helper
    import yaml
    from importlib import resources

    text = (resources.files("truceline.protocol") / "agreements" / "ukraine-2026.yaml").read_text(encoding="utf-8")
    return agreement_from_document(yaml.safe_load(text))


def evaluate(label: str, scenario: Path, events: pa.Table, assignments: pa.Table | None, event_truth: list[str | None], *,
             acoustic: bool = True) -> dict[str, float]:
    truth = read_table(scenario / "truth_events.csv", TRUTH_EVENTS)
    areas = read_areas(scenario / "areas.geojson")
    reports = read_reports(scenario / "reports.jsonl")
    agreement = load_terms()
    ids = [str(v) for v in truth["event_id"].to_pylist()]
    t_kind = dict(zip(ids, truth["kind"].to_pylist()))
    t_pair = {i: (str(p) if p not in (None, "") else None) for i, p in zip(ids, truth["pair_id"].to_pylist())}
    t_party = dict(zip(ids, truth["firing_party"].to_pylist()))
    t_lat = dict(zip(ids, truth["lat"].to_pylist()))
    t_lon = dict(zip(ids, truth["lon"].to_pylist()))
    mission: dict[str, str] = {}
    with open(scenario / "debug" / "sources.csv", encoding="utf-8") as stream:
        for row in csv.DictReader(stream):
            mission[row["event_id"]] = row["mission_id"]

    started = time.perf_counter()
    picks = read_picks(scenario / "picks.csv") if acoustic else None
    stations = read_stations(scenario / "stations.csv") if acoustic else None
    att = attribute_events(events, areas, reports, assignments=assignments, picks=picks, stations=stations)
    report_times = {r.report_id: float(r.extras.get("published_time", r.time_end or r.time_start or 0.0)) for r in reports}
    verdicts = decide_verdicts(att, areas, agreement.terms, report_times=report_times,
                               sector_of=sector_labeler([s.id for s in agreement.sectors]))
    elapsed = time.perf_counter() - started
    truth_of = list(event_truth) + [None] * (len(att.event_ids) - len(event_truth))
    pairing = score_pairing(truth_of, att.kind, att.partner, t_kind, t_pair)
    same_mission = sum(
        1 for i, j in enumerate(att.partner)
        if j >= 0 and att.kind[i] == "launch" and truth_of[i] is not None and truth_of[int(j)] is not None
        and mission.get(str(truth_of[i])) == mission.get(str(truth_of[int(j)])) and t_kind[str(truth_of[i])] == "launch"
    )

    # Firing party: paired launches more than 1 km from the line (true position), and all claims for calibration.
    present = [i for i, t in enumerate(truth_of) if t is not None]
    tl = np.array([t_lat[truth_of[i]] for i in present])  # type: ignore[index]
    tn = np.array([t_lon[truth_of[i]] for i in present])  # type: ignore[index]
    distance = np.abs(areas.signed_distance_m(tl, tn)) if present else np.zeros(0)
    far_ok = far_n = 0
    claims_p: list[float] = []
    claims_ok: list[bool] = []
    for k, i in enumerate(present):
        t = str(truth_of[i])
        if not att.firing_party[i]:
            continue
        right = att.firing_party[i] == t_party[t]
        claims_p.append(float(att.p_firing_party[i]))
        claims_ok.append(right)
        if att.kind[i] == "launch" and att.partner[i] >= 0 and distance[k] > 1000.0:
            far_n += 1
            far_ok += int(right)

    # Violations: every true round (launch+impact, or a lone one) whose event was located is a violation.
    round_of: dict[str, str] = {}
    for t in ids:
        partner = t_pair[t]
        round_of[t] = min(t, partner, key=int) if partner else t
    detectable = {round_of[str(t)] for t in truth_of if t is not None}
    index_of = {e: i for i, e in enumerate(att.event_ids)}

    def at(threshold: float) -> tuple[int, int, int, int]:
        """Verdicts at confidence >= threshold: how many, how many right, true rounds found, on no true event."""
        chosen = [v for v in verdicts if v.confidence >= threshold]
        correct = phantom = 0
        found_rounds: set[str] = set()
        for v in chosen:
            hits = [truth_of[index_of[e]] for e in (v.event_id, v.impact_event_id) if e and truth_of[index_of[e]] is not None]
            phantom += int(not hits)
            if hits and t_party[str(hits[0])] == v.firing_party:
                correct += 1
                found_rounds.update(round_of[str(h)] for h in hits)
        return len(chosen), correct, len(found_rounds & detectable), phantom

    # What the wrong verdicts rest on: the true sources of their picks (the verdict's evidence).
    true_of_pick = {str(p): str(e) for p, e in zip(*(read_table(scenario / "truth_picks.csv", TRUTH_PICKS)[c].to_pylist()
                                                    for c in ("pick_id", "event_id")))}

    def wrong_by_evidence(threshold: float) -> tuple[int, int, int]:
        """Wrong verdicts at confidence >= threshold whose picks are mostly the fire of the party named (an event
        mislocated, merged or split: the party is right, the event record is not), of the other party, or clutter."""
        same = other = clutter = 0
        for v in verdicts:
            if v.confidence < threshold:
                continue
            hits = [truth_of[index_of[e]] for e in (v.event_id, v.impact_event_id) if e and truth_of[index_of[e]] is not None]
            if hits and t_party[str(hits[0])] == v.firing_party:
                continue
            sources = [true_of_pick.get(p, "-1") for e in {v.event_id, v.impact_event_id} if e for p in att.pick_ids[index_of[e]]]
            parties = [t_party[t] for t in sources if t in t_party and t_party[t]]
            if not parties:
                clutter += 1
            elif max(set(parties), key=parties.count) == v.firing_party and parties.count(v.firing_party) * 2 > len(parties):
                same += 1
            else:
                other += 1
        return same, other, clutter

    results = {threshold: at(threshold) for threshold in (agreement.terms.confidence_threshold, 0.5)}
    # The operating point of the target: the lowest threshold whose verdicts are still >= 99 % right (most recall).
    best: tuple[float, tuple[int, int, int, int]] | None = None
    for threshold in sorted({round(v.confidence, 6) for v in verdicts}):
        n, correct, rounds, phantom = at(threshold)
        if n and correct / n >= TARGET_PRECISION and (best is None or rounds > best[1][2]):
            best = (threshold, (n, correct, rounds, phantom))

    # Reports.
    truth_ids_of = {r.report_id: {str(x) for x in r.extras.get("truth_event_ids", [])} for r in reports}
    matched = sum(1 for found in att.matches.values() if found)
    report_only = int(att.report_only.sum())
    unplaced = len(att.unplaced_reports)
    dropped = len(reports) - matched - report_only - unplaced
    right_report = links = right_links = 0
    for report_id, found in att.matches.items():
        if not found:
            continue
        hits = [truth_of[m.event_index] in truth_ids_of[report_id] for m in found]
        right_report += int(any(hits))
        links += len(hits)
        right_links += sum(hits)
    missable = sum(1 for r in reports if not att.matches.get(r.report_id) and truth_ids_of[r.report_id] & {str(t) for t in truth_of if t})

    print(f"\n== {label}: {len(event_truth)} events ({sum(t is not None for t in event_truth)} matched to truth), "
          f"attribution {elapsed:.1f} s")
    print(f"pairing: {pairing.pairs_found} pairs made, {pairing.pairs_true} true pairs present; exact round: precision "
          f"{pairing.precision:.4f} recall {pairing.recall:.4f}; same fire mission: precision "
          f"{same_mission / max(pairing.pairs_found, 1):.4f}")
    print(f"launch/impact accuracy: {pairing.kind_accuracy:.4f} over {pairing.kind_counted} events called launch or impact "
          f"({sum(1 for i in present if att.kind[i] == 'unknown')} left unknown)")
    print(f"firing party, paired launches > 1 km from the line: {far_ok}/{far_n} = {far_ok / max(far_n, 1):.4f}")
    print("reliability (all firing-party claims): bin | n | mean p | fraction right")
    for bin_label, n_claims, mean_p, right in reliability_table(claims_p, claims_ok):
        print(f"  {bin_label:<14} {n_claims:>6} {mean_p:.4f} {right:.4f}")
    def evidence_line(threshold: float) -> str:
        same, other, clutter = wrong_by_evidence(threshold)
        return (f"  wrong by their picks' true sources: {same} the named party's fire (event mislocated, merged or split), "
                f"{other} the other party's, {clutter} clutter only")

    for threshold, (n, correct, rounds, phantom) in results.items():
        print(f"violations at confidence >= {threshold:g}: {n} verdicts, precision {correct / max(n, 1):.4f} "
              f"({phantom} on events that match no true event), "
              f"recall {rounds}/{len(detectable)} = {rounds / max(len(detectable), 1):.4f} of located rounds")
        print(evidence_line(threshold))
    if best is None:
        print(f"violations: no threshold gives precision >= {TARGET_PRECISION:g}")
    else:
        threshold, (n, correct, rounds, phantom) = best
        print(f"violations at the lowest threshold with precision >= {TARGET_PRECISION:g} ({threshold:.4f}): {n} verdicts, "
              f"precision {correct / n:.4f}, recall {rounds}/{len(detectable)} = {rounds / max(len(detectable), 1):.4f}")
        print(evidence_line(threshold))
    print(f"reports: {len(reports)}; matched {matched}, report-only {report_only}, without a place {unplaced}, dropped {dropped}; "
          f"match accuracy {right_report}/{max(matched, 1)} = {right_report / max(matched, 1):.4f} reports, "
          f"{right_links}/{max(links, 1)} = {right_links / max(links, 1):.4f} links; "
          f"{missable} report-only reports had a true event among the events")
    return {"far_accuracy": far_ok / max(far_n, 1), "dropped": dropped}


def truth_input(scenario: Path, seed: int) -> tuple[pa.Table, pa.Table, list[str | None]]:
    """Truth-derived events, and as their assignments the true detected picks of each (for source levels)."""
    truth = read_table(scenario / "truth_events.csv", TRUTH_EVENTS)
    events = events_from_truth(truth, np.random.default_rng(seed))
    truth_picks = read_table(scenario / "truth_picks.csv", TRUTH_PICKS)
    kept = set(events["event_id"].to_pylist())
    pairs = [(p, f"T{e}") for p, e in zip(truth_picks["pick_id"].to_pylist(), truth_picks["event_id"].to_pylist()) if f"T{e}" in kept]
    assignments = pa.table({"pick_id": pa.array([str(p) for p, _ in pairs], type=pa.string()),
                            "event_id": pa.array([e for _, e in pairs], type=pa.string()),
                            "residual_s": pa.array([0.0] * len(pairs))})
    return events, assignments, [str(e)[1:] for e in events["event_id"].to_pylist()]


def fused_input(scenario: Path, run: Path) -> tuple[pa.Table, pa.Table, list[str | None]]:
    from truceline.model.tables import ASSIGNMENTS, EVENTS

    events = read_table(run / "events.csv", EVENTS)
    assignments = read_table(run / "assignments.csv", ASSIGNMENTS)
    truth = read_table(scenario / "truth_events.csv", TRUTH_EVENTS)
    arr = lambda t, c: np.asarray(t[c].to_pylist(), dtype=np.float64)  # noqa: E731
    matching = match_events(arr(truth, "time"), arr(truth, "lat"), arr(truth, "lon"), arr(events, "time"), arr(events, "lat"), arr(events, "lon"))
    ids = [str(v) for v in truth["event_id"].to_pylist()]
    of: list[str | None] = [None] * events.num_rows
    for t, r in zip(matching.truth_index, matching.run_index):
        of[int(r)] = ids[int(t)]
    return events, assignments, of


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--only", choices=sorted(SCENARIOS), action="append")
    parser.add_argument("--scenario", action="append", default=[], metavar="NAME=DIR", help="use an existing scenario folder")
    parser.add_argument("--fused", action="append", default=[], metavar="NAME=DIR", help="score associate output in DIR")
    parser.add_argument("--fuse", action="store_true", help="run `truceline associate` here (slow on heavy)")
    parser.add_argument("--no-amplitude", action="store_true", help="do not give the stage the picks (timing and geometry only)")
    parser.add_argument("--hours", type=float, help="simulate this many hours instead of the preset's default")
    args = parser.parse_args()
    given = dict(item.split("=", 1) for item in args.scenario)
    fused = dict(item.split("=", 1) for item in args.fused)
    dropped = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.only or list(SCENARIOS):
            preset, hours = SCENARIOS[name]
            hours = args.hours if args.hours is not None else hours
            scenario = Path(given[name]) if name in given else simulate(preset, hours, args.seed, Path(tmp) / name)
            print(f"\n######## {name}: preset {preset}, {hours:g} h, seed {args.seed} ({scenario})")
            events, truth_assignments, truth_of = truth_input(scenario, args.seed)
            dropped += int(evaluate(f"{name} / truth-derived events", scenario, events, truth_assignments, truth_of,
                                    acoustic=not args.no_amplitude)["dropped"])
            run = Path(fused[name]) if name in fused else None
            if run is None and args.fuse:
                run = Path(tmp) / f"{name}-run"
                subprocess.run([sys.executable, "-m", "truceline", "associate", "--stations", str(scenario / "stations.csv"),
                                "--picks", str(scenario / "picks.csv"), "--areas", str(scenario / "areas.geojson"), "--out", str(run)], check=True)
            if run is not None:
                events, assignments, truth_of = fused_input(scenario, run)
                dropped += int(evaluate(f"{name} / fused events ({run})", scenario, events, assignments, truth_of,
                                        acoustic=not args.no_amplitude)["dropped"])
    print(json.dumps({"dropped_reports_total": dropped}))


if __name__ == "__main__":
    main()
