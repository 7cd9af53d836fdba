"""Webhook channel against a local HTTP server that fails the first attempts."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from truceline.model.cases import Violation
from truceline.notify.channels import Directory, Endpoint, RetryPolicy, secret_bytes, sign, verify
from truceline.notify.outbox import Outbox, backoff_s
from truceline.protocol.agreement import load_document
from truceline.protocol.store import DurableEngine
from truceline.store import connect

T0 = 1772344800.0
SECRET = "whsec_" + base64.b64encode(b"0123456789abcdef0123456789abcdef").decode()


def test_signature_matches_the_standard_webhooks_test_vector() -> None:
    key = secret_bytes("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
    body = b'{"test": 2432232314}'
    assert sign(key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body) == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
    headers = {"webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek", "webhook-timestamp": "1614265330", "webhook-signature": "v1,bm9wZQ== v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="}
    assert verify(key, headers, body)
    assert not verify(key, headers, body + b" ")


def test_backoff_is_exponential_capped_and_seeded() -> None:
    policy = RetryPolicy(max_attempts=8, base_delay_s=30.0, max_delay_s=300.0, jitter=0.5)
    for attempt, base in [(1, 30.0), (2, 60.0), (3, 120.0), (4, 240.0), (5, 300.0), (6, 300.0)]:
        delay = backoff_s(policy, "d-1", attempt, seed=3)
        assert base <= delay < base * 1.5
        assert delay == backoff_s(policy, "d-1", attempt, seed=3)
    assert backoff_s(policy, "d-1", 1, seed=3) != backoff_s(policy, "d-2", 1, seed=3), "jitter spreads deliveries apart"
    assert backoff_s(policy, "d-1", 1, seed=3) != backoff_s(policy, "d-1", 1, seed=4)


def _setup(tmp_path: Path, url: str, policy: RetryPolicy) -> tuple[DurableEngine, Outbox]:
    connection = connect(tmp_path / "t.sqlite")
    directory = Directory(recipients={"uk-liaison": (Endpoint(channel="webhook", address=url, secret=secret_bytes(SECRET)),)}, retry=policy)
    outbox = Outbox(connection, directory)
    engine = DurableEngine(connection, document=load_document("ukraine-2026")[1], sinks=[outbox.enqueue])
    # A verified violation in the UK-led Kherson sector: stage 1 goes to the UK liaison officer.
    engine.handle(
        Violation(at_s=T0, event_id="ev-9", firing_party="RU", target_party="UA", sector="kherson", time_s=T0 - 600,
                  confidence=0.95, status="verified", rule="impact-across-line")
    )
    return engine, outbox


def test_retries_until_the_receiver_accepts(tmp_path: Path, httpserver: HTTPServer) -> None:
    received: list[tuple[dict[str, str], bytes]] = []

    def handler(request: Request) -> Response:
        received.append(({k.lower(): v for k, v in request.headers.items()}, request.get_data()))
        return Response("busy", status=503) if len(received) <= 2 else Response("", status=204)

    httpserver.expect_request("/hook", method="POST").respond_with_handler(handler)
    policy = RetryPolicy(max_attempts=5, base_delay_s=30.0, max_delay_s=3600.0, jitter=0.5)
    _, outbox = _setup(tmp_path, httpserver.url_for("/hook"), policy)
    [delivery] = [d for d in outbox.deliveries() if d.channel == "webhook"]
    assert delivery.delivery_id == "ukraine-2026/case-ev-9/stage-1/uk-liaison/webhook"

    first = outbox.dispatch(T0 + 1, seed=11)
    assert [(a.outcome, a.attempt) for a in first] == [("retry", 1)]
    retry_at = first[0].next_attempt_s
    assert retry_at is not None and T0 + 1 + 30 <= retry_at < T0 + 1 + 45
    assert outbox.dispatch(retry_at - 1, seed=11) == [], "not before its back-off"
    second = outbox.dispatch(retry_at, seed=11)
    assert [(a.outcome, a.attempt) for a in second] == [("retry", 2)]
    assert second[0].next_attempt_s is not None and 60 <= second[0].next_attempt_s - retry_at < 90
    third = outbox.dispatch(second[0].next_attempt_s, seed=11)
    assert [(a.outcome, a.attempt) for a in third] == [("sent", 3)]
    assert outbox.dispatch(second[0].next_attempt_s + 10_000, seed=11) == [], "sent once, never again"

    assert len(received) == 3
    ids = {headers["webhook-id"] for headers, _ in received}
    assert ids == {delivery.delivery_id}, "webhook-id is constant across retries"
    stamps = [int(headers["webhook-timestamp"]) for headers, _ in received]
    assert stamps == [int(T0 + 1), int(retry_at), int(second[0].next_attempt_s)]
    for headers, body in received:
        assert headers["webhook-signature"].startswith("v1,")
        assert verify(secret_bytes(SECRET), headers, body)
        assert headers["content-type"] == "application/json"
    payload: dict[str, Any] = json.loads(received[0][1])
    assert payload["type"] == "truceline.stage" and payload["recipient"] == "uk-liaison"
    assert payload["data"]["notification_id"] == "ukraine-2026/case-ev-9/stage-1"
    assert "lead nation UK of sector kherson" in payload["data"]["routing"]
    [sent] = outbox.deliveries("sent")
    assert sent.attempts == 3 and sent.last_error == ""
    assert [a.outcome for a in outbox.log()] == ["retry", "retry", "sent"]


def test_dead_letter_after_max_attempts(tmp_path: Path, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/down", method="POST").respond_with_data("broken", status=500)
    _, outbox = _setup(tmp_path, httpserver.url_for("/down"), RetryPolicy(max_attempts=3, base_delay_s=10.0, jitter=0.0))
    now = T0
    outcomes = []
    for _ in range(5):
        attempts = outbox.dispatch(now)
        outcomes += [a.outcome for a in attempts]
        now += 1000
    assert outcomes == ["retry", "retry", "dead"]
    [dead] = outbox.deliveries("dead")
    assert dead.attempts == 3 and "HTTP 500" in dead.last_error
    assert len(httpserver.log) == 3


def test_unreachable_receiver_is_retried(tmp_path: Path) -> None:
    _, outbox = _setup(tmp_path, "http://127.0.0.1:9/nothing-listens-here", RetryPolicy(max_attempts=2, base_delay_s=1.0))
    [attempt] = outbox.dispatch(T0)
    assert attempt.outcome == "retry" and "127.0.0.1:9" in attempt.detail


def test_enqueue_must_run_in_the_state_change_transaction(tmp_path: Path) -> None:
    _, outbox = _setup(tmp_path, "http://127.0.0.1:9/x", RetryPolicy())
    with pytest.raises(RuntimeError, match="inside"):
        outbox.enqueue(outbox.connection, [])


def test_unrouted_until_a_directory_names_the_recipient(tmp_path: Path) -> None:
    _, outbox = _setup(tmp_path, "http://127.0.0.1:9/x", RetryPolicy())
    unrouted = {d.recipient for d in outbox.deliveries("unrouted")}
    assert "monitoring-cell" in unrouted and "uk-liaison" not in unrouted
    later = Outbox(outbox.connection, Directory(recipients={"monitoring-cell": (Endpoint(channel="email", address="cell@example.org"),)}))
    assert later.route_unrouted() == 1
    assert later.route_unrouted() == 0, "routing twice adds nothing"
    assert [d.delivery_id for d in later.deliveries("pending") if d.recipient == "monitoring-cell"] == ["ukraine-2026/case-ev-9/stage-1/monitoring-cell/email"]
