"""E-mail channel against a local SMTP server (aiosmtpd on 127.0.0.1)."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from email import message_from_bytes
from email.message import Message
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from truceline.model.cases import Violation
from truceline.notify.channels import ChannelConfigError, Directory, Endpoint, RetryPolicy, SmtpSettings, load_directory
from truceline.notify.outbox import Outbox
from truceline.protocol.agreement import AgreementError, load_document
from truceline.protocol.store import DurableEngine
from truceline.store import connect

T0 = 1772344800.0


class Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[list[str], Message]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append((list(envelope.rcpt_tos), message_from_bytes(envelope.content)))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture()
def smtp_server() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    port = _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


def test_email_is_sent_with_a_stable_message_id(tmp_path: Path, smtp_server: tuple[Inbox, int]) -> None:
    inbox, port = smtp_server
    connection = connect(tmp_path / "t.sqlite")
    directory = Directory(
        recipients={"fr-liaison": (Endpoint(channel="email", address="liaison@fr.example"),)},
        smtp=SmtpSettings(host="127.0.0.1", port=_free_port(), sender="truceline@monitor.example"),  # nothing listens: first attempt fails
        retry=RetryPolicy(max_attempts=3, base_delay_s=5.0),
    )
    outbox = Outbox(connection, directory)
    engine = DurableEngine(connection, document=load_document("ukraine-2026")[1], sinks=[outbox.enqueue])
    engine.handle(Violation(at_s=T0, event_id="ev-3", firing_party="RU", target_party="UA", sector="donetsk", time_s=T0, confidence=0.99, status="verified", rule="impact-across-line"))

    [failed] = outbox.dispatch(T0)
    assert failed.outcome == "retry" and "SMTP 127.0.0.1" in failed.detail
    outbox.directory = Directory(recipients=directory.recipients, smtp=SmtpSettings(host="127.0.0.1", port=port, sender="truceline@monitor.example"), retry=directory.retry)
    assert failed.next_attempt_s is not None
    [sent] = outbox.dispatch(failed.next_attempt_s)
    assert sent.outcome == "sent"

    [(rcpt, message)] = inbox.messages
    assert rcpt == ["liaison@fr.example"]
    assert message["Subject"] == "[ukraine-2026] case-ev-3 stage 1: Diplomatic warning"
    assert message["X-Truceline-Delivery"] == "ukraine-2026/case-ev-3/stage-1/fr-liaison/email"
    assert message["Message-ID"].endswith("@monitor.example>")
    body = message.get_payload(decode=True).decode()  # type: ignore[union-attr]
    assert "Ukraine (defending party) must act to stop the violation by 2026-03-02T06:00:00Z [political]" in body


def test_directory_file_errors_are_located(tmp_path: Path) -> None:
    path = tmp_path / "channels.yaml"
    path.write_text("recipients:\n  uk-liaison:\n    - webhook: ftp://x\n      secret_env: S\n", encoding="utf-8")
    with pytest.raises(AgreementError, match=r"channels.yaml:3:16: recipients.uk-liaison\[0\].webhook: 'ftp://x' is not an http:// or https:// URL"):
        load_directory(path, {})
    path.write_text("recipients:\n  uk-liaison:\n    - webhook: https://x.example/h\n      secret_env: S\n", encoding="utf-8")
    with pytest.raises(ChannelConfigError, match="environment variable S"):
        load_directory(path, {})
    directory = load_directory(path, {"S": "whsec_c2VjcmV0"})
    assert directory.endpoints("uk-liaison")[0].secret == b"secret"
