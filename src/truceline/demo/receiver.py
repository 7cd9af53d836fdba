"""A loopback webhook sink for the demo: accepts Standard Webhooks POSTs on 127.0.0.1 and logs them.

Each delivery is checked against the shared secret (``webhook-signature``) and appended to a
JSON Lines log as ``{"webhook_id", "recipient", "type", "subject", "signature_ok"}`` — the
fields that do not depend on the port it happened to listen on.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from truceline.notify.channels import verify


class WebhookSink:
    """``with WebhookSink(secret, log_path) as sink: sink.url ...`` — serves until the block ends."""

    def __init__(self, secret: bytes, log_path: Path) -> None:
        self.secret = secret
        self.log_path = log_path
        self.received: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        sink = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                length = int(self.headers.get("content-length", "0"))
                body = self.rfile.read(length)
                headers = {k.lower(): v for k, v in self.headers.items()}
                try:
                    ok = verify(sink.secret, headers, body)
                    payload = json.loads(body)
                except (KeyError, ValueError):
                    ok, payload = False, {}
                record = {
                    "webhook_id": headers.get("webhook-id", ""),
                    "recipient": payload.get("recipient", ""),
                    "type": payload.get("type", ""),
                    "subject": payload.get("data", {}).get("subject", ""),
                    "signature_ok": ok,
                }
                with sink._lock:
                    sink.received.append(record)
                self.send_response(204 if ok else 401)
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (keep stderr quiet)
                return

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, name="truceline-webhook-sink", daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/truceline"

    def __enter__(self) -> WebhookSink:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()
        with self._lock:
            lines = sorted(json.dumps(r, sort_keys=True) for r in self.received)
        self.log_path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
