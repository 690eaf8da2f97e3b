"""The fake workspace's data: users, channels, messages and files.

Pure state with Slack's rules for it, no HTTP. Methods raise `SlackError` with the
code Slack would return, so `_methods.py` stays a thin translation of arguments.
Callers hold the fake's lock; nothing here locks.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ._errors import SlackError

TS_STEP_MICROS = 100  # gap between consecutive message timestamps
DM_PREFIX = "D"
USER_PREFIXES = ("U", "W")


@dataclass
class Channel:
    """A conversation the bot may post to; `members=None` means everyone."""

    id: str
    name: str
    members_bot: bool = True
    archived: bool = False
    is_private: bool = False
    members: set[str] | None = None
    user: str | None = None  # the other side of a DM
    created: int = 0

    @property
    def is_im(self) -> bool:
        return self.user is not None

    def has_member(self, user_id: str) -> bool:
        return self.members is None or user_id in self.members

    def to_api(self) -> dict[str, Any]:
        """The channel object as conversations.info returns it."""
        if self.is_im:
            return {
                "id": self.id,
                "is_im": True,
                "user": self.user,
                "created": self.created,
                "is_user_deleted": False,
            }
        return {
            "id": self.id,
            "name": self.name,
            "is_channel": not self.is_private,
            "is_group": False,
            "is_im": False,
            "is_private": self.is_private,
            "is_archived": self.archived,
            "is_member": self.members_bot,
            "created": self.created,
        }


@dataclass
class Workspace:
    """Users, channels with their messages, ephemeral messages and files."""

    clock: Callable[[], float]
    team_id: str
    bot_user_id: str
    bot_id: str
    users: dict[str, dict] = field(default_factory=dict)
    channels: dict[str, Channel] = field(default_factory=dict)
    history: dict[str, list[dict]] = field(default_factory=dict)
    ephemerals: list[dict] = field(default_factory=list)
    files: dict[str, dict] = field(default_factory=dict)
    _dms: dict[str, str] = field(default_factory=dict)
    _last_micros: int = 0

    def new_ts(self) -> str:
        """A message timestamp, unique and increasing, like "1700000000.000100"."""
        now = int(self.clock() * 1_000_000)
        self._last_micros = max(now, self._last_micros + TS_STEP_MICROS)
        seconds, micros = divmod(self._last_micros, 1_000_000)
        return f"{seconds}.{micros:06d}"

    # --- users and channels -------------------------------------------------

    def user(self, user_id: Any) -> dict:
        if user_id not in self.users:
            raise SlackError("user_not_found")
        return self.users[user_id]

    def channel(self, channel_id: Any) -> Channel:
        """A channel by id; a user id stands for the bot's DM with that user."""
        if isinstance(channel_id, str) and channel_id.startswith(USER_PREFIXES):
            if channel_id in self.users:
                return self.channels[self.open_dm(channel_id)]
        if channel_id not in self.channels:
            raise SlackError("channel_not_found")
        return self.channels[channel_id]

    def open_dm(self, user_id: str) -> str:
        """The bot's DM channel with a user, the same id every time."""
        self.user(user_id)
        if user_id not in self._dms:
            channel_id = f"{DM_PREFIX}{len(self._dms) + 1:08d}"
            self.channels[channel_id] = Channel(
                channel_id, "", user=user_id, created=int(self.clock())
            )
            self._dms[user_id] = channel_id
        return self._dms[user_id]

    def dm_of(self, user_id: str) -> str | None:
        return self._dms.get(user_id)

    # --- messages -------------------------------------------------------------

    def post(self, channel_id: Any, fields: dict[str, Any]) -> dict:
        """Store a message from the bot, enforcing where it may post."""
        channel = self.channel(channel_id)
        if channel.archived:
            raise SlackError("is_archived")
        if not channel.members_bot and not channel.is_im:
            raise SlackError("not_in_channel")
        thread_ts = fields.get("thread_ts")
        if thread_ts:
            fields = {**fields, "thread_ts": self._thread_parent(channel, thread_ts)}
        message = {
            "type": "message",
            "user": self.bot_user_id,
            "bot_id": self.bot_id,
            "team": self.team_id,
            **fields,
            "ts": self.new_ts(),
        }
        self.history.setdefault(channel.id, []).append(message)
        return {"channel": channel.id, **message}

    def add(self, channel_id: str, message: dict) -> dict:
        """Store a message someone else wrote (a test seeding the history)."""
        channel = self.channel(channel_id)
        stored = {"type": "message", "ts": self.new_ts(), **message}
        self.history.setdefault(channel.id, []).append(stored)
        return stored

    def find(self, channel_id: Any, ts: Any) -> tuple[Channel, dict]:
        channel = self.channel(channel_id)
        for message in self.history.get(channel.id, []):
            if message["ts"] == ts:
                return channel, message
        raise SlackError("message_not_found")

    def update(self, channel_id: Any, ts: Any, fields: dict[str, Any]) -> dict:
        """Replace a bot message's content; others' messages cannot be edited."""
        channel, message = self.find(channel_id, ts)
        if message.get("user") != self.bot_user_id:
            raise SlackError("cant_update_message")
        for key in ("text", "blocks", "attachments"):
            message.pop(key, None)
        message.update(fields)
        message["edited"] = {"user": self.bot_user_id, "ts": self.new_ts()}
        return {"channel": channel.id, **message}

    def delete(self, channel_id: Any, ts: Any) -> None:
        channel, message = self.find(channel_id, ts)
        self.history[channel.id].remove(message)

    def post_ephemeral(self, channel_id: Any, user_id: Any, fields: dict) -> str:
        channel = self.channel(channel_id)
        self.user(user_id)
        if not channel.members_bot and not channel.is_im:
            # A bot outside a channel cannot whisper into it either.
            raise SlackError("not_in_channel")
        if not channel.has_member(user_id):
            raise SlackError("user_not_in_channel")
        ts = self.new_ts()
        self.ephemerals.append(
            {"channel": channel.id, "user": user_id, "ts": ts, **fields}
        )
        return ts

    def messages(self, channel_id: str) -> list[dict]:
        """Copies of every message in a channel, thread replies included.

        A user id reads the bot's DM with that user, empty if none was opened.
        """
        if channel_id in self.users and self.dm_of(channel_id) is None:
            return []
        channel = self.channel(channel_id)
        return copy.deepcopy(self.history.get(channel.id, []))

    def thread(self, channel_id: str, ts: str) -> list[dict]:
        """The parent message followed by its replies, oldest first."""
        return [
            m
            for m in self.messages(channel_id)
            if m["ts"] == ts or m.get("thread_ts") == ts
        ]

    def permalink(self, channel_id: Any, ts: Any) -> str:
        channel, message = self.find(channel_id, ts)
        return (
            f"https://fake-{self.team_id.lower()}.slack.com/archives/"
            f"{channel.id}/p{message['ts'].replace('.', '')}"
        )

    def _thread_parent(self, channel: Channel, thread_ts: str) -> str:
        """A reply to a reply joins the parent's thread, as in Slack."""
        for message in self.history.get(channel.id, []):
            if message["ts"] == thread_ts:
                return message.get("thread_ts", thread_ts)
        raise SlackError("thread_not_found")

    # --- files -----------------------------------------------------------------

    def file(self, file_id: Any) -> dict:
        if file_id not in self.files:
            raise SlackError("file_not_found")
        return self.files[file_id]


def new_user(
    user_id: str,
    name: str,
    team_id: str,
    *,
    tz: str,
    tz_offset: int,
    locale: str,
    is_admin: bool,
    real_name: str | None = None,
    email: str | None = None,
    tz_label: str | None = None,
    is_bot: bool = False,
) -> dict:
    """A user object shaped like users.info's, with `locale` kept aside."""
    real_name = real_name or name.replace(".", " ").title()
    profile = {
        "real_name": real_name,
        "display_name": name,
        "email": email or f"{name}@example.com",
    }
    return {
        "id": user_id,
        "team_id": team_id,
        "name": name,
        "deleted": False,
        "real_name": real_name,
        "tz": tz,
        "tz_label": tz_label or tz,
        "tz_offset": tz_offset,
        "is_admin": is_admin,
        "is_owner": False,
        "is_bot": is_bot,
        "is_app_user": False,
        "profile": profile,
        "locale": locale,
    }


def member_set(members: Iterable[str] | None) -> set[str] | None:
    return None if members is None else set(members)
