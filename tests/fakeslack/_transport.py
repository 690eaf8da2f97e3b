"""Signing and sending requests to the bot, as Slack does.

Slack signs the exact bytes it sends: `X-Slack-Signature` is
"v0=" + hex HMAC-SHA256(signing secret, "v0:{timestamp}:{body}") and
`X-Slack-Request-Timestamp` the Unix time. Bolt refuses a request whose
signature does not match or whose timestamp is more than 5 minutes off, so
`sign=False` and `timestamp=` make the negative tests.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import requests

from ._payloads import Context

FORM_TYPE = "application/x-www-form-urlencoded"
JSON_TYPE = "application/json"


def signature(secret: str, timestamp: str, body: bytes) -> str:
    """`X-Slack-Signature` for a body: v0 HMAC-SHA256 of "v0:{ts}:{body}"."""
    base = b"v0:" + timestamp.encode() + b":" + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Sent:
    """The last request sent to the bot, with the ids issued for it."""

    body: bytes
    headers: dict[str, str]
    payload: dict[str, Any]
    trigger_id: str | None = None
    response_url: str | None = None
    envelope_id: str | None = None  # Socket Mode only


class Transport:
    """Posts signed bodies to the bot and remembers the last one in `last`."""

    def __init__(
        self,
        bot_url: str,
        signing_secret: str,
        ctx: Context,
        timeout: float,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.bot_url = bot_url
        self.signing_secret = signing_secret
        self.ctx = ctx
        self.fake = ctx.fake
        self.timeout = timeout
        self.clock = clock
        self.last: Sent | None = None

    def post(
        self,
        body: bytes,
        content_type: str = JSON_TYPE,
        *,
        sign: bool = True,
        timestamp: int | None = None,
        headers: dict[str, str] | None = None,
    ) -> requests.Response:
        """Send raw bytes, e.g. a body tampered with after signing."""
        return self._send(body, content_type, {}, sign, timestamp, headers=headers)

    def _send_json(
        self, document: dict, sign: bool, timestamp: int | None, **more: Any
    ) -> requests.Response:
        body = json.dumps(document).encode()
        return self._send(body, JSON_TYPE, document, sign, timestamp, **more)

    def _send_form(
        self, fields: dict, sign: bool, timestamp: int | None, **more: Any
    ) -> requests.Response:
        body = urlencode(fields).encode()
        return self._send(body, FORM_TYPE, fields, sign, timestamp, **more)

    def _send_payload(
        self, payload: dict, sign: bool, timestamp: int | None, **more: Any
    ) -> requests.Response:
        """Interactivity: the JSON payload in one form field, `payload`."""
        body = urlencode({"payload": json.dumps(payload)}).encode()
        return self._send(body, FORM_TYPE, payload, sign, timestamp, **more)

    def _send(
        self,
        body: bytes,
        content_type: str,
        payload: dict,
        sign: bool,
        timestamp: int | None,
        trigger: str | None = None,
        url: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> requests.Response:
        sent_headers = {"Content-Type": content_type, **(headers or {})}
        if sign:
            ts = str(int(self.clock()) if timestamp is None else timestamp)
            sent_headers["X-Slack-Request-Timestamp"] = ts
            sent_headers["X-Slack-Signature"] = signature(self.signing_secret, ts, body)
        self.last = Sent(body, sent_headers, payload, trigger, url)
        return requests.post(
            self.bot_url, data=body, headers=sent_headers, timeout=self.timeout
        )


def json_or_none(response: requests.Response) -> Any:
    """The JSON a response carries, or None for an empty or non-JSON body."""
    if not response.content:
        return None
    try:
        return response.json()
    except ValueError:
        return None
