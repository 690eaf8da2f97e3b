"""Builders for the bodies Slack sends to an app, fed by the fake's state.

Field names and shapes follow the real payloads (see SLACK.md section 1).
Triggers and response_urls are issued by the fake, so whatever the bot does with
them is checked there. The builders only build: sending is `SlackSender`'s job.
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from . import _values
from ._fake import FakeSlack

DM_NAME = "directmessage"


@dataclass
class Context:
    """Who is sending: the workspace and app every payload names."""

    fake: FakeSlack
    team_id: str
    team_domain: str
    api_app_id: str
    token: str
    _event_ids: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    def team(self) -> dict[str, Any]:
        return {"id": self.team_id, "domain": self.team_domain}

    def user(self, user_id: str) -> dict[str, Any]:
        known = self.fake.user(user_id) or {}
        name = known.get("name", user_id.lower())
        return {"id": user_id, "username": name, "name": name, "team_id": self.team_id}

    def channel(self, channel_id: str) -> dict[str, Any]:
        known = self.fake.channel(channel_id) or {}
        return {"id": channel_id, "name": known.get("name") or DM_NAME}

    def resolve_channel(self, channel: str) -> str:
        """A user id stands for the bot's DM with that user, if one is open."""
        return self.fake.dm_channel(channel) or channel

    def common(self, kind: str, user: str) -> dict[str, Any]:
        """Keys every interaction payload carries."""
        return {
            "type": kind,
            "token": self.token,
            "team": self.team(),
            "user": self.user(user),
            "api_app_id": self.api_app_id,
            "is_enterprise_install": False,
            "enterprise": None,
        }

    def next_event_id(self) -> str:
        return f"Ev{next(self._event_ids):010d}"


def find_element(blocks: Any, action_id: str) -> tuple[str, dict] | None:
    """The (block_id, element) carrying `action_id`, wherever it sits."""
    for block in blocks or []:
        candidates = list(block.get("elements") or [])
        candidates += [block[k] for k in ("accessory", "element") if k in block]
        for element in candidates:
            if isinstance(element, dict) and element.get("action_id") == action_id:
                return block.get("block_id", ""), element
    return None


def find_message(ctx: Context, channel: str, action_id: str | None) -> dict | None:
    """The newest message in `channel` holding `action_id` (or just the newest)."""
    history = ctx.fake.messages(channel)
    for message in reversed(history):
        if action_id is None or find_element(message.get("blocks"), action_id):
            return message
    return None


def pick_message(
    ctx: Context,
    channel: str,
    message: dict | str | None,
    action_id: str | None,
    *,
    create: bool,
) -> dict:
    """The message an interaction is about, found in or added to the fake."""
    if isinstance(message, dict):
        if "ts" in message:
            return message
        if not create:
            raise ValueError("a message without ts must be in the fake")
        fields = {k: v for k, v in message.items() if k != "text"}
        return ctx.fake.add_message(channel, message.get("text", ""), **fields)
    history = ctx.fake.messages(channel)
    if isinstance(message, str):
        for stored in history:
            if stored["ts"] == message:
                return stored
        raise ValueError(f"no message {message!r} in {channel}")
    found = find_message(ctx, channel, action_id)
    if found is None:
        raise ValueError(f"no message in {channel} has {action_id!r}")
    return found


def resolve_view(ctx: Context, view: str | dict | None, user: str) -> dict:
    """A view by id, as a dict, or the top of the user's modal stack."""
    if isinstance(view, dict):
        stored = ctx.fake.view(view["id"]) if view.get("id") else None
        return stored or copy.deepcopy(view)
    if view is None:
        stack = ctx.fake.open_views(user)
        if not stack:
            raise ValueError(f"{user} has no modal open")
        return stack[-1]
    stored = ctx.fake.view(view)
    if stored is None:
        raise ValueError(f"the fake has no view {view!r}")
    return stored


def full_state(view: dict, values: dict[str, dict[str, Any]]) -> dict:
    """state.values as Slack sends it: every input block, entered or not.

    Refuses block_ids and action_ids the view does not have, since Slack could
    never send them and they are almost always a typo in the test.
    """
    inputs = {
        b.get("block_id"): b for b in view.get("blocks", []) if b.get("type") == "input"
    }
    state: dict[str, dict[str, Any]] = {}
    for block_id, block in inputs.items():
        element = block.get("element", {})
        action_id = element.get("action_id", "")
        state[block_id] = {action_id: _values.empty_state(element)}
    for block_id, actions in values.items():
        block = inputs.get(block_id)
        if block is None:
            raise ValueError(f"view has no input block {block_id!r}")
        for action_id, element_state in actions.items():
            if block.get("element", {}).get("action_id") != action_id:
                raise ValueError(f"block {block_id!r} has no action {action_id!r}")
            state[block_id] = {action_id: element_state}
    return state


def action(
    ctx: Context,
    action_id: str,
    blocks: Any,
    *,
    value: Any,
    block_id: str | None,
    selected_option: Any,
    extra: dict | None,
) -> dict:
    """One entry of `actions`, filled from the element when the fake knows it."""
    found = find_element(blocks, action_id)
    element = found[1] if found else {}
    kind = element.get("type") or ("static_select" if selected_option else "button")
    entry: dict[str, Any] = {
        "action_id": action_id,
        "block_id": block_id or (found[0] if found else f"b_{action_id}"),
        "type": kind,
        "action_ts": ctx.fake.new_ts(),
    }
    if kind == "button":
        entry["text"] = element.get("text", {"type": "plain_text", "text": "Button"})
    if value is None and "value" in element:
        value = element["value"]
    if value is not None:
        entry["value"] = value
    if selected_option is not None:
        entry["selected_option"] = selected_option
    entry.update(extra or {})
    return entry


def message_container(channel: str, message: dict) -> dict:
    return {
        "type": "message",
        "message_ts": message["ts"],
        "channel_id": channel,
        "is_ephemeral": False,
    }


def view_container(view: dict) -> dict:
    return {"type": "view", "view_id": view["id"]}


def event_envelope(ctx: Context, event: dict, event_id: str | None) -> dict:
    """An `event_callback` as the Events API delivers it."""
    now = int(ctx.fake.clock())
    event = {"event_ts": f"{now}.000000", **event}
    bot = ctx.fake.bot_user_id
    return {
        "token": ctx.token,
        "team_id": ctx.team_id,
        "api_app_id": ctx.api_app_id,
        "event": event,
        "type": "event_callback",
        "event_id": event_id or ctx.next_event_id(),
        "event_time": now,
        "authorizations": [
            {
                "enterprise_id": None,
                "team_id": ctx.team_id,
                "user_id": bot,
                "is_bot": True,
                "is_enterprise_install": False,
            }
        ],
        "authed_users": [bot],
        "is_ext_shared_channel": False,
        "event_context": f"4-fake-{ctx.team_id}",
    }
