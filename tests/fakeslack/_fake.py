"""`FakeSlack`: Slack's Web API on 127.0.0.1, for the bot under test to call.

Start it, point the bot's `SLACK_API_URL` at `fake.base_url`, give the bot the
same token, and assert on what it did::

    with FakeSlack() as fake:
        fake.add_user("U_ALICE", "alice")
        fake.add_channel("C_SALES", "sales")
        ...  # start the bot with SLACK_API_URL=fake.base_url
        call = fake.wait_for("chat.postMessage")[0]

Each request is answered in this order: a failure queued by `fail_next`, then
`unknown_method`, the token (`not_authed` / `invalid_auth`), the method's scope
(`missing_scope`), and finally the method itself (`_methods.py`). All state sits
behind one condition variable, so requests are handled one at a time and
`wait_for` wakes as soon as a call is recorded.
"""

from __future__ import annotations

import copy
import mimetypes
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any

from ._calls import Call, Failure, default_error, summarize, wait_until
from ._errors import SlackError
from ._hooks import HookPost, ResponseUrls
from ._http import FakeSlackServer, bearer_token, decode_args
from ._methods import METHODS, State
from ._views import TRIGGER_LIFETIME, ViewStore
from ._workspace import Channel, Workspace, member_set, new_user

DEFAULT_SCOPES = (
    "commands",
    "chat:write",
    "im:write",
    "users:read",
    "files:read",
    "channels:read",
)
HOST = "127.0.0.1"


class FakeSlack:
    """A fake Slack workspace and Web API; see the module docstring."""

    def __init__(
        self,
        bot_token: str = "xoxb-test-token",
        team_id: str = "T0001",
        bot_user_id: str = "UBOT",
        scopes: Iterable[str] = DEFAULT_SCOPES,
        *,
        bot_id: str = "B0001",
        app_id: str = "A0001",
        clock: Callable[[], float] = time.time,
        home_tab_enabled: bool = True,
        trigger_lifetime: float = TRIGGER_LIFETIME,
    ) -> None:
        self.bot_token = bot_token
        self.team_id = team_id
        self.bot_user_id = bot_user_id
        self.app_id = app_id
        self.clock = clock
        self._lock = threading.Condition()
        self._calls: list[Call] = []
        self._failures: dict[str, list[Failure]] = {}
        self._contents: dict[str, bytes] = {}
        self._server: FakeSlackServer | None = None
        self.problems: list[str] = []
        workspace = Workspace(clock, team_id, bot_user_id, bot_id)
        views = ViewStore(clock, team_id, app_id, bot_id, trigger_lifetime)
        self.state = State(
            workspace, views, home_tab_enabled=home_tab_enabled, scopes=list(scopes)
        )
        self._hooks = ResponseUrls(clock, workspace)
        self.add_user(bot_user_id, "dealbot", is_bot=True)

    # --- lifecycle -------------------------------------------------------------

    def start(self) -> FakeSlack:
        """Listen on a free port of 127.0.0.1 in a daemon thread."""
        self._server = FakeSlackServer((HOST, 0), self)
        thread = threading.Thread(
            target=self._server.serve_forever, name="fakeslack", daemon=True
        )
        thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FakeSlack:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def root_url(self) -> str:
        if self._server is None:
            raise RuntimeError("FakeSlack is not started")
        return f"http://{HOST}:{self._server.server_address[1]}"

    @property
    def base_url(self) -> str:
        """What the bot gets as SLACK_API_URL."""
        return f"{self.root_url}/api/"

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
        """A channel; `members=None` lets every user receive ephemerals there."""
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
        """A file for files.info; `content` is served at its url_private."""
        url = f"{self.root_url}/files/{file_id}/{name}"
        now = int(self.clock())
        file = {
            "id": file_id,
            "created": now,
            "timestamp": now,
            "name": name,
            "title": title or name,
            "filetype": filetype,
            "user": user,
            "mimetype": mimetype
            or mimetypes.guess_type(name)[0]
            or "application/octet-stream",
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
        """A message someone wrote, e.g. for a thread or a message shortcut."""
        with self._lock:
            stored = self.state.workspace.add(
                channel, {"user": user, "text": text, **fields}
            )
            return copy.deepcopy(stored)

    def user(self, user_id: str) -> dict | None:
        with self._lock:
            return copy.deepcopy(self.state.workspace.users.get(user_id))

    def channel(self, channel_id: str) -> dict | None:
        with self._lock:
            channel = self.state.workspace.channels.get(channel_id)
            return channel.to_api() if channel else None

    # --- what the bot did ----------------------------------------------------------

    @property
    def calls(self) -> list[Call]:
        with self._lock:
            return list(self._calls)

    def calls_to(self, method: str) -> list[Call]:
        with self._lock:
            return [c for c in self._calls if c.method == method]

    def wait_for(
        self,
        method: str,
        count: int = 1,
        timeout: float = 5.0,
        predicate: Callable[[Call], bool] | None = None,
    ) -> list[Call]:
        """Block until `count` calls to `method` (matching `predicate`) arrived.

        Counts every call since the start or the last `reset()`, and returns
        them all; raises AssertionError, listing the calls seen, on timeout.
        """

        def matching() -> list[Call]:
            return [
                c
                for c in self._calls
                if c.method == method and (predicate is None or predicate(c))
            ]

        return wait_until(
            self._lock,
            matching,
            count,
            timeout,
            lambda: f"{method}; calls: {summarize(self._calls)}",
        )

    @property
    def hook_posts(self) -> list[HookPost]:
        with self._lock:
            return list(self._hooks.posts)

    def responses(self, url: str) -> list[HookPost]:
        """Posts made to one response_url, refused ones included."""
        with self._lock:
            return [p for p in self._hooks.posts if p.url == url]

    def wait_for_response(
        self, url: str | None = None, count: int = 1, timeout: float = 5.0
    ) -> list[HookPost]:
        """Block until `count` posts reached `url` (any response_url if None)."""

        def matching() -> list[HookPost]:
            return [p for p in self._hooks.posts if url is None or p.url == url]

        return wait_until(
            self._lock,
            matching,
            count,
            timeout,
            lambda: f"response_url posts to {url or 'any url'}",
        )

    def note_problems(self, where: str, problems: list[str]) -> None:
        """Record what Slack would refuse where the bot gets no error back."""
        with self._lock:
            self.problems += [f"{where}: {problem}" for problem in problems]

    def reset(self) -> None:
        """Forget calls, posts, problems and queued failures; keep the workspace."""
        with self._lock:
            self._calls.clear()
            self.problems.clear()
            self._hooks.posts.clear()
            self._failures.clear()

    def messages(self, channel: str) -> list[dict]:
        """Messages in a channel (a user id reads the bot's DM with that user)."""
        with self._lock:
            try:
                return self.state.workspace.messages(channel)
            except SlackError:
                return []

    def thread(self, channel: str, ts: str) -> list[dict]:
        with self._lock:
            return self.state.workspace.thread(channel, ts)

    def ephemerals(self, user: str | None = None) -> list[dict]:
        """Ephemeral messages, from chat.postEphemeral and response_urls."""
        with self._lock:
            return [
                copy.deepcopy(e)
                for e in self.state.workspace.ephemerals
                if user is None or e["user"] == user
            ]

    def dm_channel(self, user: str) -> str | None:
        """The bot's DM channel with the user, if the bot opened one."""
        with self._lock:
            return self.state.workspace.dm_of(user)

    def open_dm(self, user: str) -> str:
        """The app's DM channel with the user, opening it if need be."""
        with self._lock:
            return self.state.workspace.open_dm(user)

    def open_views(self, user: str) -> list[dict]:
        """The user's modal stack, bottom first."""
        with self._lock:
            return self.state.views.stack(user)

    def view(self, view_id: str) -> dict | None:
        with self._lock:
            view = self.state.views.views.get(view_id)
            return copy.deepcopy(view)

    def home(self, user: str) -> dict | None:
        """The Home tab view last published for the user."""
        with self._lock:
            return self.state.views.home(user)

    # --- failure injection ---------------------------------------------------------

    def fail_next(
        self,
        method: str,
        status: int = 429,
        error: str | None = None,
        retry_after: int | None = 1,
        times: int = 1,
    ) -> None:
        """Answer the next `times` calls to `method` with this failure.

        429 gives `ratelimited` and a Retry-After header; 5xx gives
        `internal_error`; status 200 with an `error` fakes any API error.
        """
        failure = Failure(status, error or default_error(status), retry_after, times)
        with self._lock:
            self._failures.setdefault(method, []).append(failure)

    # --- what SlackSender uses -----------------------------------------------------

    def issue_trigger(self, user: str = "U_ALICE") -> str:
        with self._lock:
            return self.state.views.issue_trigger(user)

    def issue_response_url(
        self,
        channel: str | None = None,
        message_ts: str | None = None,
        user: str | None = None,
    ) -> str:
        with self._lock:
            return self._hooks.issue(self.root_url, channel, message_ts, user)

    def new_ts(self) -> str:
        with self._lock:
            return self.state.workspace.new_ts()

    def set_view_state(self, view_id: str, values: dict) -> None:
        with self._lock:
            self.state.views.set_state(view_id, values)

    def apply_view_response(self, view_id: str, body: Any) -> list[str]:
        """Apply a view_submission answer; returns problems Slack would show."""
        with self._lock:
            return self.state.views.apply_submission_response(view_id, body)

    def close_view(self, view_id: str, is_cleared: bool = False) -> None:
        with self._lock:
            views = self.state.views
            if is_cleared:
                views.clear(views.owners.get(view_id, ""))
            else:
                views.close(view_id)

    # --- request handling (called from the HTTP threads) ---------------------------

    def handle_api(
        self, method: str, raw: bytes, headers: dict[str, str]
    ) -> tuple[int, dict, dict[str, str]]:
        arrived = self.clock()
        with self._lock:
            try:
                args = decode_args(raw, headers.get("content-type", ""))
                status, body, extra = self._answer(method, args, headers)
            except SlackError as refusal:
                args, status, body, extra = {}, 200, refusal.body(), {}
            extra["x-oauth-scopes"] = ",".join(self.state.scopes)
            self._calls.append(Call(method, args, headers, arrived, status, body))
            self._lock.notify_all()
            return status, body, extra

    def handle_hook(self, url: str, raw: bytes) -> tuple[int, dict]:
        with self._lock:
            answer = self._hooks.receive(url, raw)
            post = self._hooks.posts[-1]
            if post.error:
                details = post.reply.get("response_metadata", {})
                self.note_problems(
                    "response_url", details.get("messages", [post.error])
                )
            self._lock.notify_all()
            return answer

    def download(self, file_id: str, token: str | None) -> bytes | None:
        with self._lock:
            if token != self.bot_token:
                return None
            return self._contents.get(file_id)

    def _answer(
        self, method: str, args: dict, headers: dict[str, str]
    ) -> tuple[int, dict, dict[str, str]]:
        queued = self._failures.get(method)
        if queued:
            failure = queued[0]
            failure.times -= 1
            if failure.times <= 0:
                queued.pop(0)
            return failure.answer()
        spec = METHODS.get(method)
        if spec is None:
            raise SlackError("unknown_method")
        token = bearer_token(headers)
        if token is None:
            raise SlackError("not_authed")
        if token != self.bot_token:
            raise SlackError("invalid_auth")
        if spec.scope and spec.scope not in self.state.scopes:
            raise SlackError(
                "missing_scope", needed=spec.scope, provided=",".join(self.state.scopes)
            )
        accepted = {"x-accepted-oauth-scopes": spec.scope or ""}
        return 200, {"ok": True, **spec.handler(self.state, args)}, accepted
