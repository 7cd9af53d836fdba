"""The transactional outbox, the dispatcher that empties it, and the append-only delivery log.

:meth:`Outbox.enqueue` is a transaction sink of :class:`truceline.protocol.store.DurableEngine`:
it runs inside the engine's ``BEGIN IMMEDIATE`` transaction, so a notification is stored exactly
when the state change that caused it is. It writes the notification once (its id is the primary
key: a second copy aborts the whole transaction) and one *delivery* per recipient endpoint. The
delivery id (``<notification id>/<recipient>/<channel>[/<n>]``) is the ``webhook-id`` header and
the e-mail ``Message-ID`` seed: constant across retries, so receivers can drop duplicates.

:func:`dispatch` (time is an argument) sends every delivery whose time has come, each attempt in
its own transaction after the network call: success marks it ``sent``; failure schedules a retry
with exponential back-off and seeded jitter; after ``max_attempts`` failures it is ``dead``
(dead-lettered, listed by ``truceline protocol outbox --status dead``). Every attempt is appended
to ``notify_log``. A recipient with no endpoint gets one ``unrouted`` delivery, so nothing is
silently dropped.
"""

from __future__ import annotations

import json
import random
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import rfc8785

from truceline.model.cases import Notification, Output, canonical_json, output_from_record, to_record
from truceline.notify.channels import DeliveryError, Directory, Endpoint, RetryPolicy, send_email, send_webhook
from truceline.protocol.decide import format_time
from truceline.store import Migration, migrate, write_transaction

MIGRATIONS = [
    Migration(
        version=1,
        sql="""
CREATE TABLE notify_outbox (
    notification_id TEXT PRIMARY KEY,
    created_at_s REAL NOT NULL,
    body TEXT NOT NULL
);
CREATE TABLE notify_deliveries (
    delivery_id TEXT PRIMARY KEY,
    notification_id TEXT NOT NULL REFERENCES notify_outbox (notification_id),
    recipient TEXT NOT NULL,
    channel TEXT NOT NULL CHECK (channel IN ('webhook', 'email', 'none')),
    address TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'dead', 'unrouted')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_s REAL NOT NULL,
    last_error TEXT NOT NULL DEFAULT '',
    sent_at_s REAL
);
CREATE INDEX notify_deliveries_due ON notify_deliveries (status, next_attempt_s);
CREATE TABLE notify_log (
    seq INTEGER PRIMARY KEY,
    delivery_id TEXT NOT NULL REFERENCES notify_deliveries (delivery_id),
    attempt INTEGER NOT NULL,
    at_s REAL NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('sent', 'retry', 'dead')),
    detail TEXT NOT NULL
);
CREATE TRIGGER notify_log_no_update BEFORE UPDATE ON notify_log
BEGIN SELECT RAISE(ABORT, 'notify_log is append-only'); END;
CREATE TRIGGER notify_log_no_delete BEFORE DELETE ON notify_log
BEGIN SELECT RAISE(ABORT, 'notify_log is append-only'); END;
""",
    )
]


@dataclass(frozen=True, slots=True, kw_only=True)
class Delivery:
    delivery_id: str
    notification_id: str
    recipient: str
    channel: str
    address: str
    status: str
    attempts: int
    next_attempt_s: float
    last_error: str
    sent_at_s: float | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Attempt:
    delivery_id: str
    attempt: int
    at_s: float
    outcome: str  # sent | retry | dead
    detail: str
    next_attempt_s: float | None


def backoff_s(policy: RetryPolicy, delivery_id: str, attempt: int, seed: int) -> float:
    """Delay before retry number ``attempt`` (1-based): ``base * 2**(attempt-1)`` capped at
    ``max_delay_s``, stretched by a jitter factor drawn from a generator seeded with
    ``(seed, delivery_id, attempt)`` — deterministic, yet different across deliveries."""
    exponential = min(policy.max_delay_s, policy.base_delay_s * 2.0 ** (attempt - 1))
    draw = random.Random(f"{seed}:{delivery_id}:{attempt}").random()
    return exponential * (1.0 + policy.jitter * draw)


Sender = Callable[[Endpoint, str, Notification, float], str]


def webhook_body(notification: Notification, recipient: str) -> bytes:
    """Standard Webhooks payload shape: ``{type, timestamp, data}``, canonical JSON."""
    return rfc8785.dumps(
        {
            "type": f"truceline.{notification.category}",
            "timestamp": format_time(notification.at_s),
            "recipient": recipient,
            "data": to_record(notification),
        }
    )


def delivery_ids(notification_id: str, recipient: str, endpoints: Sequence[Endpoint]) -> list[tuple[str, Endpoint]]:
    """``<notification id>/<recipient>/<channel>``, with ``/<n>`` for a second endpoint of one channel."""
    named = []
    for n, endpoint in enumerate(endpoints):
        repeat = any(e.channel == endpoint.channel for e in endpoints[:n])
        named.append((f"{notification_id}/{recipient}/{endpoint.channel}" + (f"/{n}" if repeat else ""), endpoint))
    return named


class Outbox:
    """The outbox tables in one SQLite connection, and the routing of recipients to endpoints."""

    def __init__(self, connection: sqlite3.Connection, directory: Directory) -> None:
        self.connection = connection
        self.directory = directory
        migrate(connection, "notify", MIGRATIONS)

    # ---------------------------------------------------------------- enqueue (inside the engine's transaction)

    def enqueue(self, connection: sqlite3.Connection, outputs: Sequence[Output]) -> None:
        """Transaction sink: store each notification and its deliveries. Must run inside a transaction."""
        if not connection.in_transaction:
            raise RuntimeError("Outbox.enqueue must run inside the state change's transaction")
        for output in outputs:
            if not isinstance(output, Notification):
                continue
            connection.execute(
                "INSERT INTO notify_outbox (notification_id, created_at_s, body) VALUES (?, ?, ?)",
                (output.notification_id, output.at_s, canonical_json(output).decode()),
            )
            rows = []
            for recipient in output.recipients:
                endpoints = self.directory.endpoints(recipient)
                if not endpoints:
                    rows.append((f"{output.notification_id}/{recipient}/none", output.notification_id, recipient, "none", "", "unrouted", output.at_s))
                for delivery_id, endpoint in delivery_ids(output.notification_id, recipient, endpoints):
                    rows.append((delivery_id, output.notification_id, recipient, endpoint.channel, endpoint.address, "pending", output.at_s))
            connection.executemany(
                "INSERT INTO notify_deliveries (delivery_id, notification_id, recipient, channel, address, status, next_attempt_s)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                rows,
            )

    # ---------------------------------------------------------------- queries

    def deliveries(self, status: str | None = None) -> list[Delivery]:
        sql = "SELECT delivery_id, notification_id, recipient, channel, address, status, attempts, next_attempt_s, last_error, sent_at_s FROM notify_deliveries"
        params: tuple[str, ...] = ()
        if status is not None:
            sql += " WHERE status = ?"
            params = (status,)
        rows = self.connection.execute(sql + " ORDER BY next_attempt_s, delivery_id", params).fetchall()
        return [Delivery(delivery_id=r[0], notification_id=r[1], recipient=r[2], channel=r[3], address=r[4], status=r[5], attempts=r[6], next_attempt_s=r[7], last_error=r[8], sent_at_s=r[9]) for r in rows]

    def notification(self, notification_id: str) -> Notification:
        row = self.connection.execute("SELECT body FROM notify_outbox WHERE notification_id = ?", (notification_id,)).fetchone()
        output = output_from_record(json.loads(row[0]))
        assert isinstance(output, Notification)
        return output

    def log(self) -> list[Attempt]:
        rows = self.connection.execute("SELECT delivery_id, attempt, at_s, outcome, detail FROM notify_log ORDER BY seq").fetchall()
        return [Attempt(delivery_id=r[0], attempt=r[1], at_s=r[2], outcome=r[3], detail=r[4], next_attempt_s=None) for r in rows]

    def next_due_s(self) -> float | None:
        row = self.connection.execute("SELECT MIN(next_attempt_s) FROM notify_deliveries WHERE status = 'pending'").fetchone()
        return None if row[0] is None else float(row[0])

    # ---------------------------------------------------------------- dispatch

    def send_one(self, delivery: Delivery, notification: Notification, now_s: float) -> str:
        endpoint = next((e for e in self.directory.endpoints(delivery.recipient) if e.channel == delivery.channel and e.address == delivery.address), None)
        if endpoint is None:
            raise DeliveryError(f"recipient {delivery.recipient} no longer has {delivery.channel} endpoint {delivery.address} in the directory")
        if endpoint.channel == "webhook":
            return send_webhook(endpoint, delivery.delivery_id, webhook_body(notification, delivery.recipient), now_s, self.directory.webhook_timeout_s)
        return send_email(self.directory.smtp, endpoint.address, delivery.delivery_id, notification.subject, notification.body, now_s)

    def route_unrouted(self) -> int:
        """Give ``unrouted`` deliveries the endpoints the directory now has for their recipient.

        The ``unrouted`` row stays (the record that the notification once had nowhere to go);
        returns how many deliveries were added.
        """
        routed = 0
        with write_transaction(self.connection):
            for delivery in self.deliveries("unrouted"):
                endpoints = self.directory.endpoints(delivery.recipient)
                for delivery_id, endpoint in delivery_ids(delivery.notification_id, delivery.recipient, endpoints):
                    cursor = self.connection.execute(
                        "INSERT OR IGNORE INTO notify_deliveries (delivery_id, notification_id, recipient, channel, address, status, next_attempt_s)"
                        " VALUES (?, ?, ?, ?, ?, 'pending', ?)",
                        (delivery_id, delivery.notification_id, delivery.recipient, endpoint.channel, endpoint.address, delivery.next_attempt_s),
                    )
                    routed += cursor.rowcount
        return routed

    def dispatch(self, now_s: float, *, seed: int = 0, limit: int | None = None) -> list[Attempt]:
        """Attempt every pending delivery due at ``now_s``; return what happened, in order."""
        due = [d for d in self.deliveries("pending") if d.next_attempt_s <= now_s]
        attempts: list[Attempt] = []
        for delivery in due[:limit]:
            notification = self.notification(delivery.notification_id)
            number = delivery.attempts + 1
            try:
                detail = self.send_one(delivery, notification, now_s)
                outcome, next_s, status = "sent", None, "sent"
            except DeliveryError as failure:
                detail = str(failure)
                if number >= self.directory.retry.max_attempts:
                    outcome, next_s, status = "dead", None, "dead"
                else:
                    outcome, status = "retry", "pending"
                    next_s = now_s + backoff_s(self.directory.retry, delivery.delivery_id, number, seed)
            with write_transaction(self.connection):
                self.connection.execute(
                    "UPDATE notify_deliveries SET status = ?, attempts = ?, next_attempt_s = ?, last_error = ?, sent_at_s = ?"
                    " WHERE delivery_id = ? AND status = 'pending'",
                    (status, number, next_s if next_s is not None else delivery.next_attempt_s, "" if outcome == "sent" else detail, now_s if outcome == "sent" else None, delivery.delivery_id),
                )
                self.connection.execute(
                    "INSERT INTO notify_log (delivery_id, attempt, at_s, outcome, detail) VALUES (?, ?, ?, ?, ?)",
                    (delivery.delivery_id, number, now_s, outcome, detail),
                )
            attempts.append(Attempt(delivery_id=delivery.delivery_id, attempt=number, at_s=now_s, outcome=outcome, detail=detail, next_attempt_s=next_s))
        return attempts
