"""The wrong attribution cases of one fused run, listed with their evidence and a cause (truth only to list and classify).

    PYTHONPATH=src python benchmarks/attribution_cases.py --scenario /work/bench/viol24s8 --fused RUN [--min 0.5] [--pickle OUT]
        [--pairing salvo_aim=true ...]

For the violation verdicts at confidence >= ``--min`` that name the wrong party (or rest on no true event), and for the
paired launches more than 1 km from the line whose firing party is wrong (issue #4's two targets, as
``bench_attribution.py`` counts them), it prints one block per case: the verdict's rule and confidence, each event's stage
reading (kind and its probability, side, claim, weapon, partner) against the truth (kind, party, weapon, true partner,
mission, signed distance from the line, true and located), the true sources of its picks, the stage's reason, and a cause:

* ``false event``: the event matches no true event (``chimera`` when its picks come from two or more true sources with
  none a majority, ``split`` when most are one true event's, ``clutter`` when most are clutter);
* ``merged``: the event matches a true event but at least a third of its picks are another's;
* ``role``: the stage reads a true launch as likelier an impact (p_launch < 0.5) or the reverse;
* ``pairing``: the event is paired with an event that is not its true partner (``chance`` when the true event has none);
* ``across``: the event is located on the other side of the line than it truly is;
* ``direction``: an unpaired impact whose true firing party is not the one across the line (fire into its own side);
* ``report``: the verdict stands on a report-only event.

A case can have several causes; the first listed is the first that applies in that order. The summary counts cases by
first cause. The operating point (the lowest threshold with precision >= 0.99) is computed as in ``bench_attribution``.
"""

from __future__ import annotations

import argparse
import csv
import pickle
import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_attribution as B  # noqa: E402

from truceline.attribute.attribution import AttributionConfig, attribute_events  # noqa: E402
from truceline.attribute.pairing import PairingConfig  # noqa: E402
from truceline.attribute.rules import decide_verdicts, sector_labeler  # noqa: E402
from truceline.geo.areas import read_areas  # noqa: E402
from truceline.model.reports import read_reports  # noqa: E402
from truceline.model.tables import TRUTH_EVENTS, TRUTH_PICKS, read_picks, read_stations, read_table  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scenario", required=True, type=Path)
    parser.add_argument("--fused", required=True, type=Path, help="run dir with events.csv and assignments.csv")
    parser.add_argument("--min", type=float, default=0.5, help="list wrong verdicts at confidence >= this")
    parser.add_argument("--pickle", type=Path, help="save the attribution and verdicts here")
    parser.add_argument("--reason", type=int, default=500, help="characters of the stage's reason to print")
    parser.add_argument("--pairing", action="append", default=[], metavar="NAME=VALUE",
                        help="a PairingConfig option (true/false or a number), e.g. --pairing salvo_aim=true")
    args = parser.parse_args()
    options: dict[str, object] = {}
    for item in args.pairing:
        name, value = item.split("=", 1)
        options[name] = {"true": True, "false": False}.get(value.lower(), None)
        if options[name] is None:
            options[name] = float(value)
    config = AttributionConfig(pairing=PairingConfig(**options)) if options else None  # type: ignore[arg-type]
    scen = args.scenario

    events, assignments, truth_of = B.fused_input(scen, args.fused)
    truth = read_table(scen / "truth_events.csv", TRUTH_EVENTS)
    areas = read_areas(scen / "areas.geojson")
    reports = read_reports(scen / "reports.jsonl")
    agreement = B.load_terms()
    ids = [str(v) for v in truth["event_id"].to_pylist()]
    t_kind = dict(zip(ids, truth["kind"].to_pylist()))
    t_party = dict(zip(ids, truth["firing_party"].to_pylist()))
    t_pair = {i: (str(p) if p not in (None, "") else None) for i, p in zip(ids, truth["pair_id"].to_pylist())}
    t_lat = np.asarray(truth["lat"].to_pylist(), dtype=float)
    t_lon = np.asarray(truth["lon"].to_pylist(), dtype=float)
    t_dist = dict(zip(ids, areas.signed_distance_m(t_lat, t_lon)))
    src: dict[str, dict[str, str]] = {}
    with open(scen / "debug" / "sources.csv", encoding="utf-8") as stream:
        for row in csv.DictReader(stream):
            src[row["event_id"]] = row
    tp = read_table(scen / "truth_picks.csv", TRUTH_PICKS)
    true_of_pick = {str(p): str(e) for p, e in zip(tp["pick_id"].to_pylist(), tp["event_id"].to_pylist())}

    att = attribute_events(events, areas, reports, assignments=assignments, picks=read_picks(scen / "picks.csv"),
                           stations=read_stations(scen / "stations.csv"), config=config)
    report_times = {r.report_id: float(r.extras.get("published_time", r.time_end or r.time_start or 0.0)) for r in reports}
    verdicts = decide_verdicts(att, areas, agreement.terms, report_times=report_times,
                               sector_of=sector_labeler([s.id for s in agreement.sectors]))
    truth_of = list(truth_of) + [None] * (len(att.event_ids) - len(truth_of))
    index_of = {e: i for i, e in enumerate(att.event_ids)}
    event_of_truth = {t: i for i, t in enumerate(truth_of) if t is not None}
    located_dist = areas.signed_distance_m(np.asarray(att.lat), np.asarray(att.lon))
    round_of = {t: (min(t, t_pair[t], key=int) if t_pair[t] else t) for t in ids}
    detectable = {round_of[str(t)] for t in truth_of if t is not None}

    rows = []
    for v in verdicts:
        hits = [truth_of[index_of[e]] for e in (v.event_id, v.impact_event_id) if e and truth_of[index_of[e]] is not None]
        rows.append((v, hits, bool(hits) and t_party[str(hits[0])] == v.firing_party))

    def at(threshold: float) -> tuple[int, int, int]:
        chosen = [r for r in rows if r[0].confidence >= threshold]
        found: set[str] = set()
        for v, hits, ok in chosen:
            if ok:
                found.update(round_of[str(h)] for h in hits)
        return len(chosen), sum(r[2] for r in chosen), len(found & detectable)

    best = None
    for threshold in sorted({round(r[0].confidence, 6) for r in rows}):
        n, correct, found = at(threshold)
        if n and correct / n >= B.TARGET_PRECISION and (best is None or found > best[1][2]):
            best = (threshold, (n, correct, found))
    op = best[0] if best else 1.0

    def sources(i: int) -> Counter[str]:
        return Counter(true_of_pick.get(p, "-1") for p in att.pick_ids[i])

    def causes(i: int) -> list[str]:
        """The causes that apply to event i of a wrong case (see the module docstring)."""
        found: list[str] = []
        t = truth_of[i]
        picks = sources(i)
        n = max(sum(picks.values()), 1)
        if bool(att.report_only[i]):
            return ["report"]
        if t is None:
            top, count = picks.most_common(1)[0] if picks else ("-1", 0)
            if top == "-1" and count * 2 > n:
                found.append("false event: clutter")
            elif count * 2 > n:
                found.append(f"false event: split (of T{top}, whose event is {att.event_ids[event_of_truth[top]] if top in event_of_truth else 'unlocated'})")
            else:
                found.append("false event: chimera")
            return found
        others = sum(c for s, c in picks.items() if s not in (t, "-1"))
        if others * 3 >= n:
            found.append("merged")
        kind = t_kind[t]
        p_launch = att.p_kind[i] if att.kind[i] == "launch" else 1.0 - att.p_kind[i]
        if att.kind[i] in ("launch", "impact") and (p_launch >= 0.5) != (kind == "launch"):
            found.append(f"role ({kind} read as {'launch' if p_launch >= 0.5 else 'impact'}, p_launch {p_launch:.2f})")
        j = int(att.partner[i])
        if j >= 0:
            partner_truth = truth_of[j]
            if partner_truth is None or partner_truth != t_pair[t]:
                found.append("pairing: chance" if t_pair[t] is None else "pairing: wrong partner")
        elif t_pair[t] is not None and t_pair[t] in event_of_truth:
            found.append("pairing: missed")
        if np.sign(located_dist[i]) != np.sign(t_dist[t]):
            found.append(f"across (true {t_dist[t] / 1000:+.2f} km, located {located_dist[i] / 1000:+.2f} km)")
        if j < 0 and att.kind[i] == "impact" and kind == "impact":
            found.append("direction (unpaired impact)")
        return found or ["none found"]

    def describe(i: int) -> str:
        t = truth_of[i]
        p_launch = att.p_kind[i] if att.kind[i] == "launch" else 1.0 - att.p_kind[i]
        j = int(att.partner[i])
        s = (f"{att.event_ids[i]} {att.kind[i]} pL={p_launch:.2f} side={att.side[i]}/{att.p_side[i]:.2f} "
             f"party={att.firing_party[i]}/{att.p_firing_party[i]:.3f} w={att.weapon[i]} "
             f"partner={att.event_ids[j] if j >= 0 else '-'} line {located_dist[i] / 1000:+.2f} km n={len(att.pick_ids[i])}")
        if t is None:
            s += " | TRUTH none"
        else:
            r = src.get(t, {})
            s += (f" | T{t} {t_kind[t]} {t_party[t]} {r.get('weapon', '')} {r.get('level_db', '')} dB pair=T{t_pair[t]} "
                  f"(event {att.event_ids[event_of_truth[t_pair[t]]] if t_pair[t] in event_of_truth else '-'}) "
                  f"mission={r.get('mission_id', '')} line {t_dist[t] / 1000:+.2f} km")
        picks = ", ".join(f"{'clutter' if s_ == '-1' else 'T' + s_}:{c}" for s_, c in sources(i).most_common())
        return s + f"\n      picks: {picks}"

    first_causes: Counter[str] = Counter()
    print(f"== {scen} / {args.fused}")
    n, correct, found = at(op)
    print(f"op {op:.4f}: {n} verdicts, {correct} right, recall {found}/{len(detectable)}; at >= 0.5: {at(0.5)}")
    print(f"\n== wrong verdicts at >= {args.min:g}, by confidence")
    for v, hits, ok in sorted(rows, key=lambda r: -r[0].confidence):
        if ok or v.confidence < args.min:
            continue
        events_ = [index_of[e] for e in dict.fromkeys((v.event_id, v.impact_event_id)) if e]
        cause = [c for i in events_ for c in causes(i)]
        first = cause[0].split(" (")[0]
        first_causes[first] += 1
        mark = " *ABOVE OP*" if v.confidence >= op else ""
        print(f"\n{v.confidence:.4f}{mark} {v.rule} named {v.firing_party}; rules {[(r, round(c, 3)) for r, c in v.rules_fired]}")
        print(f"    cause: {'; '.join(cause)}")
        for i in events_:
            print("    " + describe(i))
        print("    why:", v.reason[: args.reason])

    print("\n== firing party wrong on paired launches > 1 km from the line (true position)")
    for i, t in enumerate(truth_of):
        if t is None or not att.firing_party[i] or att.kind[i] != "launch" or att.partner[i] < 0 or abs(t_dist[t]) <= 1000.0:
            continue
        if att.firing_party[i] == t_party[t]:
            continue
        cause = causes(i) + [f"partner: {c}" for c in causes(int(att.partner[i]))]
        first_causes["firing party: " + cause[0].split(" (")[0]] += 1
        print(f"\n{att.p_firing_party[i]:.4f} named {att.firing_party[i]}, true {t_party[t]}")
        print(f"    cause: {'; '.join(cause)}")
        print("    " + describe(i))
        print("    " + describe(int(att.partner[i])))
        print("    why:", att.reason[i][: args.reason])

    print("\n== cases by first cause")
    for cause, count in first_causes.most_common():
        print(f"  {count:3d} {cause}")
    if args.pickle:
        with open(args.pickle, "wb") as stream:
            pickle.dump({"att": att, "verdicts": verdicts, "truth_of": truth_of}, stream)


if __name__ == "__main__":
    main()
