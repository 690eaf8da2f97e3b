"""Events API deliveries: `event_callback`, url_verification and ssl_check."""

from __future__ import annotations

from typing import Any

import requests

from ._payloads import event_envelope
from ._transport import Transport


class EventSender(Transport):
    """Sends the bot what Slack's Events API would."""

    def event(
        self,
        event: dict,
        event_id: str | None = None,
        retry_num: int | None = None,
        retry_reason: str = "http_timeout",
        *,
        sign: bool = True,
        timestamp: int | None = None,
    ) -> requests.Response:
        """An `event_callback`; `retry_num` marks a redelivery, as Slack's headers do.

        Give the same `event_id` to redeliver an event the bot already had.
        """
        envelope = event_envelope(self.ctx, event, event_id)
        headers = {}
        if retry_num is not None:
            headers = {
                "X-Slack-Retry-Num": str(retry_num),
                "X-Slack-Retry-Reason": retry_reason,
            }
        return self._send_json(envelope, sign, timestamp, headers=headers)

    def app_home_opened(
        self, user: str = "U_ALICE", tab: str = "home", **options: Any
    ) -> requests.Response:
        """The user opens the app's Home (or Messages) tab.

        The event carries the Home view only once one was published, as in Slack.
        """
        event = {
            "type": "app_home_opened",
            "user": user,
            "channel": self.fake.open_dm(user),
            "tab": tab,
        }
        home = self.fake.home(user)
        if home is not None:
            event["view"] = home
        return self.event(event, **options)

    def file_shared(
        self,
        file_id: str,
        user: str = "U_ALICE",
        channel: str = "C_SALES",
        **options: Any,
    ) -> requests.Response:
        """A file was shared; the bot is expected to call files.info for more."""
        event = {
            "type": "file_shared",
            "channel_id": channel,
            "file_id": file_id,
            "user_id": user,
            "file": {"id": file_id},
        }
        return self.event(event, **options)

    def url_verification(
        self, challenge: str, *, sign: bool = True, timestamp: int | None = None
    ) -> requests.Response:
        """The handshake Slack makes when the Events URL is configured."""
        document = {
            "token": self.ctx.token,
            "challenge": challenge,
            "type": "url_verification",
        }
        return self._send_json(document, sign, timestamp)

    def ssl_check(self) -> requests.Response:
        """Slack's certificate probe; Bolt answers it with an empty 200."""
        fields = {"ssl_check": "1", "token": self.ctx.token}
        return self._send_form(fields, sign=True, timestamp=None)
