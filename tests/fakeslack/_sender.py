"""`SlackSender`: sends the bot what Slack would send, signed as Slack signs.

Every method builds a real-shaped body (form-encoded for commands, `payload=`
for interactivity, JSON for events), signs the exact bytes, POSTs them to the bot
and returns the `requests.Response`. trigger_ids and response_urls come from the
fake, so what the bot does with them is checked there; `sender.last` keeps what
was sent. Negative tests pass `sign=False` or `timestamp=` to any method.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import requests

from . import _payloads as build
from ._events import EventSender
from ._fake import FakeSlack
from ._transport import json_or_none
from .blockkit import validate_message

VERIFICATION_TOKEN = "fake-verification-token"


class SlackSender(EventSender):
    """Plays Slack's side of the conversation with the bot at `bot_url`."""

    def __init__(
        self,
        bot_url: str,
        signing_secret: str,
        fake: FakeSlack,
        team_id: str | None = None,
        *,
        team_domain: str = "fake-team",
        api_app_id: str | None = None,
        timeout: float = 10.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        ctx = build.Context(
            fake,
            team_id or fake.team_id,
            team_domain,
            api_app_id or fake.app_id,
            VERIFICATION_TOKEN,
        )
        super().__init__(bot_url, signing_secret, ctx, timeout, clock)

    # --- slash commands and shortcuts ------------------------------------------

    def command(
        self,
        text: str,
        user: str = "U_ALICE",
        command: str = "/deal",
        channel: str = "C_SALES",
        *,
        sign: bool = True,
        timestamp: int | None = None,
    ) -> requests.Response:
        """A slash command, with a fresh trigger_id and response_url."""
        channel = self.ctx.resolve_channel(channel)
        trigger = self.fake.issue_trigger(user)
        url = self.fake.issue_response_url(channel, None, user)
        fields = {
            "token": self.ctx.token,
            "team_id": self.ctx.team_id,
            "team_domain": self.ctx.team_domain,
            "channel_id": channel,
            "channel_name": self.ctx.channel(channel)["name"],
            "user_id": user,
            "user_name": self.ctx.user(user)["name"],
            "command": command,
            "text": text,
            "api_app_id": self.ctx.api_app_id,
            "is_enterprise_install": "false",
            "response_url": url,
            "trigger_id": trigger,
        }
        response = self._send_form(fields, sign, timestamp, trigger=trigger, url=url)
        self._check_ack_blocks(response, "slash command ack")
        return response

    def shortcut(
        self,
        callback_id: str,
        user: str = "U_ALICE",
        *,
        sign: bool = True,
        timestamp: int | None = None,
    ) -> requests.Response:
        """A global shortcut: a trigger_id but no response_url."""
        trigger = self.fake.issue_trigger(user)
        payload = {
            **self.ctx.common("shortcut", user),
            "callback_id": callback_id,
            "trigger_id": trigger,
            "action_ts": self.fake.new_ts(),
        }
        return self._send_payload(payload, sign, timestamp, trigger=trigger)

    def message_shortcut(
        self,
        callback_id: str,
        message: dict | str | None = None,
        channel: str = "C_SALES",
        user: str = "U_ALICE",
        *,
        sign: bool = True,
        timestamp: int | None = None,
    ) -> requests.Response:
        """A message shortcut; a message dict without `ts` is added to the fake."""
        channel = self.ctx.resolve_channel(channel)
        chosen = build.pick_message(self.ctx, channel, message, None, create=True)
        trigger = self.fake.issue_trigger(user)
        url = self.fake.issue_response_url(channel, chosen["ts"], user)
        payload = {
            **self.ctx.common("message_action", user),
            "callback_id": callback_id,
            "trigger_id": trigger,
            "action_ts": self.fake.new_ts(),
            "message_ts": chosen["ts"],
            "message": chosen,
            "channel": self.ctx.channel(channel),
            "response_url": url,
        }
        return self._send_payload(payload, sign, timestamp, trigger=trigger, url=url)

    # --- interactivity -------------------------------------------------------------

    def block_action(
        self,
        action_id: str,
        value: Any = None,
        user: str = "U_ALICE",
        block_id: str | None = None,
        container: str = "message",
        view: str | dict | None = None,
        message: dict | str | None = None,
        selected_option: dict | None = None,
        extra: dict | None = None,
        *,
        channel: str = "C_SALES",
        sign: bool = True,
        timestamp: int | None = None,
    ) -> requests.Response:
        """A click or selection on an element in a message or a view.

        The element is looked up by action_id in the message (by default the
        newest one in `channel` that has it) or the view (by default the top
        of the user's stack), supplying its block_id, type and button value.
        `extra` is merged into the action, e.g. {"selected_date": "2025-01-31"}.
        """
        trigger = self.fake.issue_trigger(user)
        payload = {**self.ctx.common("block_actions", user), "trigger_id": trigger}
        if container == "view":
            shown = build.resolve_view(self.ctx, view, user)
            url = None
            payload.update(container=build.view_container(shown), view=shown)
        else:
            channel = self.ctx.resolve_channel(channel)
            shown = build.pick_message(
                self.ctx, channel, message, action_id, create=False
            )
            url = self.fake.issue_response_url(channel, shown["ts"], user)
            payload.update(
                container=build.message_container(channel, shown),
                channel=self.ctx.channel(channel),
                message=shown,
                state={"values": {}},
                response_url=url,
            )
        payload["actions"] = [
            build.action(
                self.ctx,
                action_id,
                shown.get("blocks"),
                value=value,
                block_id=block_id,
                selected_option=selected_option,
                extra=extra,
            )
        ]
        return self._send_payload(payload, sign, timestamp, trigger=trigger, url=url)

    def view_submission(
        self,
        view: str | dict | None,
        values: dict[str, dict[str, Any]] | None = None,
        user: str = "U_ALICE",
        *,
        sign: bool = True,
        timestamp: int | None = None,
    ) -> requests.Response:
        """Submit a modal with `values` ({block_id: {action_id: state}}).

        Inputs not named are sent empty, as Slack does. After a 200 the bot's
        answer (close, errors, update, push, clear) is applied to the fake's
        stack; anything Slack would refuse lands in `fake.problems`. A view
        already closed can be sent again, as a double click or a redelivery
        does; the fake's stack is then left alone.
        """
        shown = build.resolve_view(self.ctx, view, user)
        state = build.full_state(shown, values or {})
        is_open = self.fake.view_is_open(shown.get("id", ""))
        if is_open:
            self.fake.set_view_state(shown["id"], state)
        shown["state"] = {"values": state}
        trigger = self.fake.issue_trigger(user)
        payload = {
            **self.ctx.common("view_submission", user),
            "view": shown,
            "trigger_id": trigger,
            "response_urls": [],
        }
        response = self._send_payload(payload, sign, timestamp, trigger=trigger)
        if is_open and response.status_code == 200:
            answer = json_or_none(response)
            problems = self.fake.apply_view_response(shown["id"], answer)
            self.fake.note_problems("view_submission answer", problems)
        return response

    def view_closed(
        self,
        view: str | dict | None = None,
        user: str = "U_ALICE",
        is_cleared: bool = False,
        *,
        sign: bool = True,
        timestamp: int | None = None,
    ) -> requests.Response | None:
        """The user closes a modal; Slack tells the bot only if notify_on_close.

        Returns None, having sent nothing, when the view did not ask to be told.
        """
        shown = build.resolve_view(self.ctx, view, user)
        if shown.get("id"):
            self.fake.close_view(shown["id"], is_cleared)
        if not shown.get("notify_on_close"):
            return None
        payload = {
            **self.ctx.common("view_closed", user),
            "view": shown,
            "is_cleared": is_cleared,
        }
        return self._send_payload(payload, sign, timestamp)

    def options(
        self,
        action_id: str,
        value: str,
        user: str = "U_ALICE",
        view: str | dict | None = None,
        *,
        block_id: str | None = None,
        channel: str = "C_SALES",
        sign: bool = True,
        timestamp: int | None = None,
    ) -> requests.Response:
        """A block_suggestion: the user typed `value` in an external select."""
        payload = {
            **self.ctx.common("block_suggestion", user),
            "action_id": action_id,
            "value": value,
        }
        if view is not None:
            shown = build.resolve_view(self.ctx, view, user)
            payload.update(container=build.view_container(shown), view=shown)
        else:
            channel = self.ctx.resolve_channel(channel)
            shown = build.pick_message(self.ctx, channel, None, action_id, create=False)
            payload.update(
                container=build.message_container(channel, shown),
                channel=self.ctx.channel(channel),
                message=shown,
            )
        found = build.find_element(shown.get("blocks"), action_id)
        payload["block_id"] = block_id or (found[0] if found else f"b_{action_id}")
        return self._send_payload(payload, sign, timestamp)

    def _check_ack_blocks(self, response: requests.Response, where: str) -> None:
        """Blocks in an ack body are shown by Slack, so they must be valid too."""
        answer = json_or_none(response)
        if isinstance(answer, dict) and "blocks" in answer:
            self.fake.note_problems(where, validate_message(answer["blocks"]))
