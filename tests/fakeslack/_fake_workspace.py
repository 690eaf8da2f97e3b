"""`FakeWorkspace`: the fake's data and how tests reach it, without the server.

A test arranges the cast (users, channels, files, messages others wrote), then
inspects what the bot left behind (messages, ephemerals, modal stacks, Home
tabs). `SlackSender` uses the last group of methods to issue trigger_ids and
response_urls and to play the user's part in modals. Every method takes the
lock the HTTP threads take, and returns copies, never live state.
"""

from __future__ import annotations

import copy
import mimetypes
import threading
from collections.abc import Callable, Iterable
from typing import Any

from ._errors import SlackError
from ._hooks import ResponseUrls
from ._methods import State
from ._views import ViewStore
from ._workspace import Channel, Workspace, member_set, new_user

HOST = "127.0.0.1"


class FakeWorkspace:
    """Users, channels, files, messages and views of one fake workspace."""

    def __init__(
        self,
        team_id: str,
        bot_user_id: str,
        bot_id: str,
        app_id: str,
        clock: Callable[[], float],
        trigger_lifetime: float,
    ) -> None:
        self.team_id = team_id
        self.bot_user_id = bot_user_id
        self.app_id = app_id
        self.clock = clock
        self.problems: list[str] = []
        self._lock = threading.Condition()
        self._port: int | None = None
        self._contents: dict[str, bytes] = {}
        workspace = Workspace(clock, team_id, bot_user_id, bot_id)
        views = ViewStore(clock, team_id, app_id, bot_id, trigger_lifetime)
        self.state = State(workspace, views)
        self._hooks = ResponseUrls(clock, workspace)

    @property
    def root_url(self) -> str:
        """The server's address, http://127.0.0.1:PORT, once it is listening."""
        if self._port is None:
            raise RuntimeError("the fake is not started")
        return f"http://{HOST}:{self._port}"

    # --- the cast ----------------------------------------------------------------

    def add_user(
        self,
        user_id: str,
        name: str,
        tz: str = "Europe/Prague",
        tz_offset: int = 3600,
        locale: str = "cs-CZ",
        is_admin: bool = False,
        **more: Any,
    ) -> dict:
        """A workspace member; `more` takes real_name, email, tz_label, is_bot."""
        user = new_user(
            user_id,
            name,
            self.team_id,
            tz=tz,
            tz_offset=tz_offset,
            locale=locale,
            is_admin=is_admin,
            **more,
        )
        with self._lock:
            self.state.workspace.users[user_id] = user
        return copy.deepcopy(user)

    def add_channel(
        self,
        channel_id: str,
        name: str,
        members_bot: bool = True,
        archived: bool = False,
        *,
        is_private: bool = False,
        members: Iterable[str] | None = None,
    ) -> None:
        """A channel; `members=None` counts every user as a member."""
        channel = Channel(
            channel_id,
            name,
            members_bot,
            archived,
            is_private,
            member_set(members),
            created=int(self.clock()),
        )
        with self._lock:
            self.state.workspace.channels[channel_id] = channel

    def add_file(
        self,
        file_id: str,
        name: str,
        filetype: str = "pdf",
        size: int | None = None,
        user: str = "U_ALICE",
        mimetype: str | None = None,
        permalink: str | None = None,
        *,
        title: str | None = None,
        content: bytes = b"",
    ) -> dict:
        """A file for files.info; `content` is served at its url_private.

        Needs the fake started, since the file's URLs name its port.
        """
        url = f"{self.root_url}/files/{file_id}/{name}"
        now = int(self.clock())
        guessed = mimetypes.guess_type(name)[0] or "application/octet-stream"
        file = {
            "id": file_id,
            "created": now,
            "timestamp": now,
            "name": name,
            "title": title or name,
            "filetype": filetype,
            "user": user,
            "mimetype": mimetype or guessed,
            "size": len(content) if size is None else size,
            "url_private": url,
            "url_private_download": url,
            "permalink": permalink or f"https://fake.slack.com/files/{file_id}",
            "is_external": False,
            "mode": "hosted",
            "channels": [],
        }
        with self._lock:
            self.state.workspace.files[file_id] = file
            self._contents[file_id] = content
        return copy.deepcopy(file)

    def add_message(
        self, channel: str, text: str, user: str = "U_ALICE", **fields: Any
    ) -> dict:
        """A message someone wrote, e.g. to start a thread or for a shortcut."""
        with self._lock:
            message = {"user": user, "text": text, **fields}
            return copy.deepcopy(self.state.workspace.add(channel, message))

    def user(self, user_id: str) -> dict | None:
        with self._lock:
            return copy.deepcopy(self.state.workspace.users.get(user_id))

    def channel(self, channel_id: str) -> dict | None:
        with self._lock:
            channel = self.state.workspace.channels.get(channel_id)
            return channel.to_api() if channel else None

    # --- what the bot left behind ---------------------------------------------------

    def messages(self, channel: str) -> list[dict]:
        """Messages in a channel (a user id reads the bot's DM with that user)."""
        with self._lock:
            try:
                return self.state.workspace.messages(channel)
            except SlackError:
                return []

    def thread(self, channel: str, ts: str) -> list[dict]:
        """A thread's parent message and its replies, oldest first."""
        with self._lock:
            return self.state.workspace.thread(channel, ts)

    def ephemerals(self, user: str | None = None) -> list[dict]:
        """Ephemeral messages, from chat.postEphemeral and response_urls."""
        with self._lock:
            shown = self.state.workspace.ephemerals
            return [copy.deepcopy(e) for e in shown if user in (None, e["user"])]

    def dm_channel(self, user: str) -> str | None:
        """The bot's DM channel with the user, if one was opened."""
        with self._lock:
            return self.state.workspace.dm_of(user)

    def open_views(self, user: str) -> list[dict]:
        """The user's modal stack, bottom first."""
        with self._lock:
            return self.state.views.stack(user)

    def view(self, view_id: str) -> dict | None:
        """A modal or Home view by id, as it is now."""
        with self._lock:
            return copy.deepcopy(self.state.views.views.get(view_id))

    def view_is_open(self, view_id: str) -> bool:
        """Whether a view exists and was not closed (Home tabs stay open)."""
        with self._lock:
            return self.state.views.is_open(view_id)

    def home(self, user: str) -> dict | None:
        """The Home tab view last published for the user."""
        with self._lock:
            return self.state.views.home(user)

    def note_problems(self, where: str, problems: list[str]) -> None:
        """Record what Slack would refuse where the bot gets no error back."""
        with self._lock:
            self.problems += [f"{where}: {problem}" for problem in problems]

    # --- what SlackSender uses -----------------------------------------------------

    def issue_trigger(self, user: str = "U_ALICE") -> str:
        """A trigger_id for the user: usable once, for 3 seconds."""
        with self._lock:
            return self.state.views.issue_trigger(user)

    def issue_response_url(
        self,
        channel: str | None = None,
        message_ts: str | None = None,
        user: str | None = None,
    ) -> str:
        """A response_url for an interaction in `channel` on `message_ts`."""
        with self._lock:
            return self._hooks.issue(self.root_url, channel, message_ts, user)

    def new_ts(self) -> str:
        """A fresh unique timestamp, as used for action_ts."""
        with self._lock:
            return self.state.workspace.new_ts()

    def open_dm(self, user: str) -> str:
        """The app's DM channel with the user, opening it if need be."""
        with self._lock:
            return self.state.workspace.open_dm(user)

    def set_view_state(self, view_id: str, values: dict) -> None:
        with self._lock:
            self.state.views.set_state(view_id, values)

    def apply_view_response(self, view_id: str, body: Any) -> list[str]:
        """Apply a view_submission answer; returns problems Slack would show."""
        with self._lock:
            return self.state.views.apply_submission_response(view_id, body)

    def close_view(self, view_id: str, is_cleared: bool = False) -> None:
        """The user closes a modal (or, with is_cleared, the whole stack)."""
        with self._lock:
            views = self.state.views
            if is_cleared:
                views.clear(views.owners.get(view_id, ""))
            else:
                views.close(view_id)
