"""Where notifications go and how: the channel directory, Standard Webhooks signing, senders.

The agreement names recipients (``uk-liaison``); the *directory* (a YAML file kept apart from
the agreement, because it holds addresses and secret names) says how to reach each one::

    smtp: {host: 127.0.0.1, port: 25, sender: truceline@example.org}
    retry: {max_attempts: 6, base_delay_s: 30, max_delay_s: 3600, jitter: 0.5}
    recipients:
      uk-liaison:
        - webhook: https://liaison.example.org/truceline
          secret_env: TRUCELINE_SECRET_UK_LIAISON    # value "whsec_<base64>" or any string
        - email: duty-officer@example.org

Webhooks follow the Standard Webhooks convention: headers ``webhook-id`` (the delivery id,
constant across retries — the receiver's idempotency key), ``webhook-timestamp`` (integer Unix
seconds of the attempt) and ``webhook-signature`` (``v1,`` + base64 HMAC-SHA256 of
``id.timestamp.body`` keyed with the secret).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import smtplib
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Any, Literal

from truceline.model.errors import TrucelineError
from truceline.protocol.agreement import validate_yaml

ChannelKind = Literal["webhook", "email"]


class DeliveryError(TrucelineError):
    """One attempt to deliver failed (the dispatcher retries, then dead-letters)."""


class ChannelConfigError(TrucelineError):
    """The channel directory refers to something that is not there (a secret variable, say)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Endpoint:
    channel: ChannelKind
    address: str  # URL or e-mail address
    secret: bytes = b""


@dataclass(frozen=True, slots=True, kw_only=True)
class RetryPolicy:
    max_attempts: int = 6
    base_delay_s: float = 30.0
    max_delay_s: float = 3600.0
    jitter: float = 0.5  # each delay is stretched by a factor in [1, 1 + jitter)


@dataclass(frozen=True, slots=True, kw_only=True)
class SmtpSettings:
    host: str = "127.0.0.1"
    port: int = 25
    sender: str = "truceline@localhost"
    timeout_s: float = 10.0


@dataclass(frozen=True, slots=True, kw_only=True)
class Directory:
    recipients: Mapping[str, tuple[Endpoint, ...]]
    retry: RetryPolicy = RetryPolicy()
    smtp: SmtpSettings = SmtpSettings()
    webhook_timeout_s: float = 10.0

    def endpoints(self, recipient: str) -> tuple[Endpoint, ...]:
        return self.recipients.get(recipient, ())


DIRECTORY_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "smtp": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "host": {"type": "string", "minLength": 1},
                "port": {"type": "integer", "minimum": 1},
                "sender": {"type": "string", "minLength": 3},
                "timeout_s": {"type": "number", "exclusiveMinimum": 0},
            },
        },
        "retry": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "max_attempts": {"type": "integer", "minimum": 1},
                "base_delay_s": {"type": "number", "minimum": 0},
                "max_delay_s": {"type": "number", "minimum": 0},
                "jitter": {"type": "number", "minimum": 0},
            },
        },
        "webhook_timeout_s": {"type": "number", "exclusiveMinimum": 0},
        "recipients": {
            "type": "object",
            "additionalProperties": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {
                        "webhook": {"type": "string", "pattern": "^https?://"},
                        "secret": {"type": "string", "minLength": 1},
                        "secret_env": {"type": "string", "minLength": 1},
                        "email": {"type": "string", "pattern": "^[^@\\s]+@[^@\\s]+$"},
                    },
                    "oneOf": [{"required": ["webhook"]}, {"required": ["email"]}],
                },
            },
        },
    },
}


def secret_bytes(secret: str) -> bytes:
    """Standard Webhooks secrets are ``whsec_`` + base64; anything else is used as UTF-8."""
    if secret.startswith("whsec_"):
        return base64.b64decode(secret[len("whsec_") :])
    return secret.encode("utf-8")


def directory_from_mapping(document: Mapping[str, Any], environ: Mapping[str, str]) -> Directory:
    recipients: dict[str, tuple[Endpoint, ...]] = {}
    for rid, entries in (document.get("recipients") or {}).items():
        endpoints = []
        for entry in entries:
            if "webhook" in entry:
                if "secret_env" in entry:
                    if entry["secret_env"] not in environ:
                        raise ChannelConfigError(f"recipient {rid}: environment variable {entry['secret_env']} (the webhook secret) is not set")
                    secret = secret_bytes(environ[entry["secret_env"]])
                elif "secret" in entry:
                    secret = secret_bytes(entry["secret"])
                else:
                    raise ChannelConfigError(f"recipient {rid}: webhook {entry['webhook']} needs secret_env (or secret) to sign with")
                endpoints.append(Endpoint(channel="webhook", address=entry["webhook"], secret=secret))
            else:
                endpoints.append(Endpoint(channel="email", address=entry["email"]))
        recipients[str(rid)] = tuple(endpoints)
    return Directory(
        recipients=recipients,
        retry=RetryPolicy(**document.get("retry", {})),
        smtp=SmtpSettings(**document.get("smtp", {})),
        webhook_timeout_s=float(document.get("webhook_timeout_s", 10.0)),
    )


def load_directory(path: str | Path, environ: Mapping[str, str]) -> Directory:
    """The channel directory of a YAML file, located errors as ``FILE:LINE:COL: message``."""
    text = Path(path).read_text(encoding="utf-8")
    return directory_from_mapping(validate_yaml(str(path), text, DIRECTORY_SCHEMA), environ)


# ----------------------------------------------------------------------------- webhook


def sign(secret: bytes, message_id: str, timestamp: int, body: bytes) -> str:
    """The Standard Webhooks signature header value: ``v1,<base64 HMAC-SHA256(id.timestamp.body)>``."""
    signed = message_id.encode() + b"." + str(timestamp).encode() + b"." + body
    digest = hmac.new(secret, signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def verify(secret: bytes, headers: Mapping[str, str], body: bytes) -> bool:
    """Check a received webhook (for receivers and tests); any listed v1 signature may match."""
    expected = sign(secret, headers["webhook-id"], int(headers["webhook-timestamp"]), body)
    return any(hmac.compare_digest(expected, candidate) for candidate in headers["webhook-signature"].split(" "))


def webhook_headers(secret: bytes, delivery_id: str, timestamp: int, body: bytes) -> dict[str, str]:
    return {
        "content-type": "application/json",
        "webhook-id": delivery_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": sign(secret, delivery_id, timestamp, body),
    }


def send_webhook(endpoint: Endpoint, delivery_id: str, body: bytes, now_s: float, timeout_s: float) -> str:
    """POST once; a 2xx answer is success, anything else raises :class:`DeliveryError`."""
    request = urllib.request.Request(
        endpoint.address, data=body, method="POST", headers=webhook_headers(endpoint.secret, delivery_id, int(now_s), body)
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout_s) as response:  # noqa: S310 (http/https only, checked by schema)
            return f"HTTP {response.status}"
    except urllib.error.HTTPError as bad:
        raise DeliveryError(f"HTTP {bad.code} from {endpoint.address}") from None
    except (urllib.error.URLError, OSError) as bad:
        raise DeliveryError(f"{endpoint.address}: {getattr(bad, 'reason', bad)}") from None


# ----------------------------------------------------------------------------- e-mail


def email_message(settings: SmtpSettings, to: str, delivery_id: str, subject: str, text: str, now_s: float) -> EmailMessage:
    message = EmailMessage()
    message["From"] = settings.sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime(datetime.fromtimestamp(now_s, tz=timezone.utc))
    domain = settings.sender.rpartition("@")[2] or "localhost"
    message["Message-ID"] = f"<{hashlib.sha256(delivery_id.encode()).hexdigest()[:32]}@{domain}>"  # same id on every retry
    message["X-Truceline-Delivery"] = delivery_id
    message.set_content(text)
    return message


def send_email(settings: SmtpSettings, to: str, delivery_id: str, subject: str, text: str, now_s: float) -> str:
    message = email_message(settings, to, delivery_id, subject, text, now_s)
    try:
        with smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout_s) as smtp:
            smtp.send_message(message)
    except (smtplib.SMTPException, OSError) as bad:
        raise DeliveryError(f"SMTP {settings.host}:{settings.port}: {bad}") from None
    return f"SMTP accepted by {settings.host}:{settings.port}"
