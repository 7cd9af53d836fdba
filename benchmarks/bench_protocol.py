"""Benchmark of the escalation engine and its outbox. Prints what it measured; asserts nothing.

1. Engine throughput, facts per second: the in-memory engine on a seeded random stream, and the
   durable engine (SQLite, WAL, synchronous=FULL, one transaction per fact with its outbox rows).
2. Deadline to delivery: a stage-1 deadline is made to fall due a moment from now (wall clock);
   a minimal runner sleeps until ``Engine.next_due_s()``, ticks the engine, and dispatches the
   outbox to a webhook receiver on 127.0.0.1. Measured: from the deadline falling due to the
   overdue notification arriving at the receiver (first and last of its recipients).

Run: PYTHONPATH=src python benchmarks/bench_protocol.py [--facts N] [--durable-facts N] [--trials N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from truceline.model.cases import ClockTick, Notification, Violation
from truceline.notify.channels import Directory, Endpoint, RetryPolicy
from truceline.notify.outbox import Outbox
from truceline.protocol.agreement import load_agreement, load_document
from truceline.protocol.engine import Engine
from truceline.protocol.scenario import random_stream
from truceline.protocol.store import DurableEngine
from truceline.store import connect

H = 3600.0


def engine_throughput(n_facts: int, seed: int) -> tuple[int, int, float]:
    agreement = load_agreement("ukraine-2026")
    facts = random_stream(seed, n_facts)
    engine = Engine(agreement)
    outputs = 0
    start = time.perf_counter()
    for fact in facts:
        outputs += len(engine.handle(fact))
    return len(facts), outputs, time.perf_counter() - start


def durable_throughput(n_facts: int, seed: int, folder: Path, batch: int = 1) -> tuple[int, int, float]:
    document = load_document("ukraine-2026")[1]
    connection = connect(folder / f"durable-{batch}.sqlite")
    outbox = Outbox(connection, Directory(recipients={}))
    engine = DurableEngine(connection, document=document, sinks=[outbox.enqueue])
    facts = random_stream(seed, n_facts)
    outputs = 0
    start = time.perf_counter()
    for first in range(0, len(facts), batch):
        outputs += sum(len(o) for o in engine.handle_batch(facts[first : first + batch]))
    elapsed = time.perf_counter() - start
    connection.close()
    return len(facts), outputs, elapsed


class Receiver(BaseHTTPRequestHandler):
    arrivals: dict[str, float] = {}

    def do_POST(self) -> None:  # noqa: N802 (http.server naming)
        arrived = time.time()
        self.rfile.read(int(self.headers.get("content-length", "0")))
        Receiver.arrivals.setdefault(self.headers["webhook-id"], arrived)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def deadline_to_delivery(trials: int, folder: Path, lead_s: float = 0.2) -> tuple[list[float], list[float], list[float]]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    document = load_document("ukraine-2026")[1]
    recipients = [r["id"] for r in document["recipients"]]
    directory = Directory(recipients={r: (Endpoint(channel="webhook", address=url, secret=b"bench-secret"),) for r in recipients}, retry=RetryPolicy())
    first_s: list[float] = []
    last_s: list[float] = []
    wake_s: list[float] = []
    try:
        for trial in range(trials):
            connection = connect(folder / f"latency-{trial}.sqlite")
            outbox = Outbox(connection, directory)
            engine = DurableEngine(connection, document=document, sinks=[outbox.enqueue])
            now = time.time()
            # The violation happened 24 h - lead_s ago and was verified just now: the stage-1
            # deadline (opening + 24 h) falls due lead_s from now.
            engine.handle(Violation(at_s=now, event_id=f"ev-{trial}", firing_party="RU", target_party="UA", sector="donetsk", time_s=now - 24 * H + lead_s, confidence=0.99, status="verified", rule="impact-across-line"))
            outbox.dispatch(time.time())  # the stage-1 notification goes out at once
            due = engine.engine.next_due_s()
            assert due is not None
            # The runner: sleep until the next decision falls due, tick, dispatch.
            time.sleep(max(0.0, due - time.time()))
            woke = time.time()
            produced = engine.handle(ClockTick(at_s=woke))
            outbox.dispatch(time.time())
            overdue = [o for o in produced if isinstance(o, Notification) and o.category == "overdue"]
            ids = [d.delivery_id for d in outbox.deliveries("sent") if d.notification_id in {n.notification_id for n in overdue}]
            arrivals = [Receiver.arrivals[i] for i in ids]
            first_s.append(min(arrivals) - due)
            last_s.append(max(arrivals) - due)
            wake_s.append(woke - due)
            connection.close()
    finally:
        server.shutdown()
    return first_s, last_s, wake_s


def describe(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return f"median {statistics.median(ordered) * 1000:.2f} ms, p95 {p95 * 1000:.2f} ms, max {ordered[-1] * 1000:.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=int, default=20000)
    parser.add_argument("--durable-facts", type=int, default=2000)
    parser.add_argument("--trials", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-protocol-") as tmp:
        folder = Path(tmp)
        n, outputs, elapsed = engine_throughput(args.facts, args.seed)
        print(f"in-memory engine: {n} facts -> {outputs} outputs in {elapsed:.3f} s = {n / elapsed:.0f} facts/s")
        n, outputs, elapsed = durable_throughput(args.durable_facts, args.seed, folder)
        print(f"durable engine, one transaction per fact (SQLite WAL, synchronous=FULL, outbox): {n} facts -> {outputs} outputs in {elapsed:.3f} s = {n / elapsed:.0f} facts/s")
        n, outputs, elapsed = durable_throughput(args.facts, args.seed, folder, batch=500)
        print(f"durable engine, 500 facts per transaction: {n} facts -> {outputs} outputs in {elapsed:.3f} s = {n / elapsed:.0f} facts/s")
        first, last, wake = deadline_to_delivery(args.trials, folder)
        print(f"deadline due -> runner wakes ({args.trials} trials): {describe(wake)}")
        print(f"deadline due -> overdue notification at local webhook receiver, first recipient: {describe(first)}")
        print(f"deadline due -> overdue notification at local webhook receiver, last of its recipients: {describe(last)}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
