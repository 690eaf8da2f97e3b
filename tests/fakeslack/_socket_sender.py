"""`SocketSender`: what `SlackSender` sends, delivered over Socket Mode instead.

Every method of `SlackSender` (command, block_action, view_submission, event,
...) builds the same payload, with trigger_ids and response_urls from the fake;
only the last step differs: instead of a signed POST, the payload goes to the
connected app as an envelope, and the method waits for the app's ack. The ack
is returned as an `Ack`, which answers `status_code`, `content`, `text` and
`json()` like the `requests.Response` of HTTP mode, so the sender's own
follow-ups (checking ack blocks, applying a view_submission answer to the modal
stack) and the end-to-end test helpers work on both transports unchanged.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ._fake import FakeSlack
from ._sender import SlackSender
from ._transport import Sent

INTERACTIVE_TYPES = (
    "block_actions",
    "block_suggestion",
    "message_action",
    "shortcut",
    "view_closed",
    "view_submission",
)
# The interactive payloads whose ack may carry an answer (options, or a
# response_action); slash commands may always answer, events never.
ANSWERABLE_TYPES = ("block_suggestion", "view_submission")


def envelope_type(payload: dict) -> tuple[str, bool]:
    """The envelope type a payload travels in, and whether it accepts an answer.

    url_verification and ssl_check are HTTP handshakes with no Socket Mode
    counterpart, so they are refused.
    """
    if "command" in payload:
        return "slash_commands", True
    kind = payload.get("type")
    if kind == "event_callback":
        return "events_api", False
    if kind in INTERACTIVE_TYPES:
        return "interactive", kind in ANSWERABLE_TYPES
    raise ValueError(f"Slack sends {kind or 'this request'} only over HTTP")


@dataclass(frozen=True)
class Ack:
    """The app's ack of one envelope, read like an HTTP response to it.

    An ack is success by itself (the app sends none when Bolt could not handle
    the request, and `SocketSender` then fails the test), so `status_code` is
    200; the body is the ack's `payload` as JSON, or empty when it had none.
    """

    envelope_id: str
    payload: dict | None

    status_code = 200

    @property
    def content(self) -> bytes:
        return b"" if self.payload is None else json.dumps(self.payload).encode()

    @property
    def text(self) -> str:
        return self.content.decode()

    def json(self) -> Any:
        if self.payload is None:
            raise ValueError("the ack carried no payload")
        return self.payload


class SocketSender(SlackSender):
    """Plays Slack's side of Socket Mode with the app connected to `fake`."""

    def __init__(
        self,
        fake: FakeSlack,
        team_id: str | None = None,
        *,
        team_domain: str = "fake-team",
        api_app_id: str | None = None,
        timeout: float = 10.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        # No URL and no signing secret: envelopes go over the app's own socket.
        super().__init__(
            "",
            "",
            fake,
            team_id,
            team_domain=team_domain,
            api_app_id=api_app_id,
            timeout=timeout,
            clock=clock,
        )

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
    ) -> Ack:
        """Deliver `payload` in an envelope and wait up to `timeout` for the ack.

        A redelivery (`retry_num` of `event`) becomes the envelope's
        retry_attempt and retry_reason, as Slack numbers them in Socket Mode.
        """
        if not sign or timestamp is not None:
            raise ValueError("Socket Mode envelopes are not signed")
        kind, accepts = envelope_type(payload)
        retry = headers or {}
        envelope_id = self.fake.socket_send(
            kind,
            payload,
            accepts,
            retry_attempt=int(retry.get("X-Slack-Retry-Num", 0)),
            retry_reason=retry.get("X-Slack-Retry-Reason"),
        )
        self.last = Sent(
            json.dumps(payload).encode(), {}, payload, trigger, url, envelope_id
        )
        ack = self.fake.socket_wait_ack(envelope_id, self.timeout)
        return Ack(envelope_id, ack.get("payload"))
