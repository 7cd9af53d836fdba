"""Measure the evidence ledger against its targets and print what was measured.

Targets (issue 6): append >= 20,000 entries/s in batches with durable commits; an inclusion proof
in < 1 ms at 10^6 entries; a checkpoint signed in < 5 ms; a 1,000-entry bundle verified in < 1 s.

    PYTHONPATH=src python benchmarks/bench_ledger.py [--entries 1000000] [--batch 1000]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from truceline.ledger import Ledger, entry_bytes, export_bundle, open_checkpoint, signer_from_seed, verify_bundle
from truceline.ledger.note import Checkpoint, sign_note
from truceline.store import connect


def _payload(i: int) -> dict[str, object]:
    return {"event_id": f"e{i}", "lat": 48.0 + i * 1e-6, "lon": 37.5, "n_picks": 7, "side": "RU", "p_side": 0.93}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=1_000_000, help="log size for the proof benchmark")
    parser.add_argument("--batch", type=int, default=1_000, help="entries per durable commit")
    parser.add_argument("--proofs", type=int, default=2_000, help="inclusion proofs to time")
    arguments = parser.parse_args()
    signer = signer_from_seed("bench.example/truceline", bytes(range(32)))
    rng = random.Random(6)
    with tempfile.TemporaryDirectory() as folder:
        connection = connect(Path(folder) / "bench.sqlite")
        ledger = Ledger(connection)
        sync = connection.execute("PRAGMA synchronous").fetchone()[0]
        journal = connection.execute("PRAGMA journal_mode").fetchone()[0]
        print(f"store: SQLite journal_mode={journal} synchronous={sync} (2 = FULL: every commit is fsynced)")
        print(f"load average at start (1, 5, 15 min): {os.getloadavg()}, CPUs: {os.cpu_count()}")

        # 1. append rate, one durable commit per batch
        batches = []
        started = time.perf_counter()
        cpu_started = time.process_time()
        appended = 0
        while appended < arguments.entries:
            count = min(arguments.batch, arguments.entries - appended)
            batch = [("event", 1.7e9 + appended + i, _payload(appended + i)) for i in range(count)]
            t0 = time.perf_counter()
            ledger.append_many(batch)
            batches.append((time.perf_counter() - t0, count))
            appended += count
        total = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
        rate = appended / sum(seconds for seconds, _ in batches)
        print(
            f"append: {appended} entries in batches of {arguments.batch} (one commit each): "
            f"{rate:,.0f} entries/s (wall {total:.1f} s incl. building payloads; "
            f"{appended / cpu:,.0f} entries per CPU-second of this process)"
        )
        tenth = max(1, len(batches) // 10)
        for label, part in (("first", batches[:tenth]), ("last", batches[-tenth:])):
            print(
                f"  {label} {sum(n for _, n in part)} entries: "
                f"{sum(n for _, n in part) / sum(s for s, _ in part):,.0f} entries/s"
            )
        sample = [("event", 1.7e9 + i, _payload(i)) for i in range(20_000)]
        t0 = time.perf_counter()
        for entry_type, time_s, payload in sample:
            entry_bytes(entry_type, time_s, payload)
        print(f"  of which canonical JSON alone: {len(sample) / (time.perf_counter() - t0):,.0f} entries/s")

        # 2. inclusion proofs at full size
        size = ledger.size()
        timings = []
        for _ in range(arguments.proofs):
            index = rng.randrange(size)
            t0 = time.perf_counter()
            ledger.prove_inclusion(index, size)
            timings.append(time.perf_counter() - t0)
        timings.sort()
        print(
            f"inclusion proof at {size} entries: median {statistics.median(timings) * 1e3:.3f} ms, "
            f"p99 {timings[int(len(timings) * 0.99)] * 1e3:.3f} ms, max {timings[-1] * 1e3:.3f} ms "
            f"over {len(timings)} random indices"
        )

        # 3. checkpoints
        t0 = time.perf_counter()
        ledger.checkpoint(signer)
        full = time.perf_counter() - t0
        print(f"checkpoint with full audit (rehash all {size} entries): {full:.2f} s")
        sign_times, quick_times = [], []
        root = ledger.root(size)
        for i in range(50):
            t0 = time.perf_counter()
            sign_note(Checkpoint(origin=signer.name, size=size, root_hash=root).text(), [signer])
            sign_times.append(time.perf_counter() - t0)
            ledger.append_many([("event", 2e9 + j, _payload(j)) for j in range(100 * i, 100 * i + 100)])
            t0 = time.perf_counter()
            ledger.checkpoint(signer, full_audit=False)
            quick_times.append(time.perf_counter() - t0)
        print(f"checkpoint signing (Ed25519 signed note): median {statistics.median(sign_times) * 1e3:.3f} ms")
        print(
            "checkpoint incremental (rehash 100 new entries, consistency with the last checkpoint, sign, store): "
            f"median {statistics.median(quick_times) * 1e3:.3f} ms"
        )

        # 4. a 1,000-entry bundle
        size = ledger.size()
        indices = sorted(rng.sample(range(size), 1_000))
        previous = ledger.latest_checkpoint()
        ledger.append_many([("event", 3e9, _payload(0))])
        t0 = time.perf_counter()
        export_bundle(ledger, Path(folder) / "bundle", indices, signer, previous_checkpoint=previous)
        exported = time.perf_counter() - t0
        t0 = time.perf_counter()
        report = verify_bundle(Path(folder) / "bundle", key=signer.verifier)
        verified = time.perf_counter() - t0
        assert report.ok, report.message
        assert open_checkpoint(previous or "", signer.verifier).size == size
        print(f"bundle of {len(report.entries)} entries: export {exported:.2f} s (incl. full audit); verify {verified:.3f} s")
        print(f"verify said: OK: {report.message}")
        print(f"load average at end (1, 5, 15 min): {os.getloadavg()}")


if __name__ == "__main__":
    main()
