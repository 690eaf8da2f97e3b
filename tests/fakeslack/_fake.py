"""`FakeSlack`: Slack's Web API on 127.0.0.1, for the bot under test to call.

Start it, point the bot's `SLACK_API_URL` at `fake.base_url`, give the bot the
same token, and assert on what it did::

    with FakeSlack() as fake:
        fake.add_user("U_ALICE", "alice")
        fake.add_channel("C_SALES", "sales")
        ...  # start the bot with SLACK_API_URL=fake.base_url
        call = fake.wait_for("chat.postMessage")[0]

Each request is answered in this order: a failure queued by `fail_next`, then
`unknown_method`, the token (`not_authed` / `invalid_auth`, or
`not_allowed_token_type` for an app-level token), the method's scope
(`missing_scope`), and finally the method itself (`_methods.py`). All state sits
behind one condition variable, so requests are handled one at a time and
`wait_for` wakes as soon as a call is recorded. The workspace's data and its
accessors are in `_fake_workspace.py`.

Socket Mode: `apps.connections.open`, with the app-level token `app_token`,
gives a ws:// URL on 127.0.0.1 (`_socket_mode.py`); once the app connected
(`socket_connected`), `socket_send` delivers envelopes and `socket_wait_ack`
returns the app's acks. `SocketSender` builds the payloads.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable

from ._calls import Call, Failure, default_error, summarize, wait_until
from ._errors import SlackError
from ._fake_workspace import HOST, FakeWorkspace
from ._hooks import HookPost
from ._http import FakeSlackServer, bearer_token, decode_args
from ._methods import METHODS
from ._socket_mode import SocketModeServer, check_app_token
from ._views import TRIGGER_LIFETIME

SHUTDOWN_POLL_SECONDS = 0.01  # how soon stop() returns; the default is 0.5 s
DEFAULT_SCOPES = (
    "commands",
    "chat:write",
    "im:write",
    "users:read",
    "files:read",
    "channels:read",
)
CONNECTIONS_OPEN = "apps.connections.open"


class FakeSlack(FakeWorkspace):
    """A fake Slack workspace served over HTTP; see the module docstring."""

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
        app_token: str = "xapp-test-token",
    ) -> None:
        super().__init__(team_id, bot_user_id, bot_id, app_id, clock, trigger_lifetime)
        self.bot_token = bot_token
        self.app_token = app_token
        self._socket = SocketModeServer(HOST, app_id, self.note_problems)
        self.state.scopes = list(scopes)
        self.state.home_tab_enabled = home_tab_enabled
        self._calls: list[Call] = []
        self._failures: dict[str, list[Failure]] = {}
        self._server: FakeSlackServer | None = None
        self.add_user(bot_user_id, "dealbot", is_bot=True)

    # --- lifecycle -------------------------------------------------------------

    def start(self) -> FakeSlack:
        """Listen on a free port of 127.0.0.1, served by a daemon thread."""
        self._server = FakeSlackServer((HOST, 0), self)
        self._port = self._server.server_address[1]
        thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": SHUTDOWN_POLL_SECONDS},
            name="fakeslack",
            daemon=True,
        )
        thread.start()
        self._socket.start()
        return self

    def stop(self) -> None:
        self._socket.stop()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FakeSlack:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        """What the bot gets as SLACK_API_URL: "http://127.0.0.1:PORT/api/"."""
        return f"{self.root_url}/api/"

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

    def reset(self) -> None:
        """Forget calls, posts, problems and queued failures; keep the workspace."""
        with self._lock:
            self._calls.clear()
            self.problems.clear()
            self._hooks.posts.clear()
            self._failures.clear()

    # --- Socket Mode ---------------------------------------------------------------

    def socket_connected(self, timeout: float = 5.0) -> bool:
        """Whether the app is connected in Socket Mode, waiting up to `timeout`.

        True once a client completed the handshake and was sent its hello; False,
        rather than an error, on timeout, so a caller can poll.
        """
        return self._socket.connected(timeout)

    def socket_send(
        self,
        type: str,  # named as the envelope's field
        payload: dict,
        accepts_response_payload: bool = False,
        *,
        retry_attempt: int | None = None,
        retry_reason: str | None = None,
    ) -> str:
        """Send one envelope to the newest connection; returns its envelope_id.

        `type` is `slash_commands`, `interactive` or `events_api`. Events carry
        retry_attempt and retry_reason (0 and "" on a first delivery), as
        Slack's do; `SocketSender` builds the payloads and waits for the acks.
        """
        return self._socket.send(
            type,
            payload,
            accepts_response_payload,
            retry_attempt=retry_attempt,
            retry_reason=retry_reason,
        )

    def socket_wait_ack(self, envelope_id: str, timeout: float = 5.0) -> dict:
        """The ack `{"envelope_id", "payload"?}` the app sent for an envelope.

        Raises AssertionError if none arrived within `timeout`.
        """
        return self._socket.wait_ack(envelope_id, timeout)

    def socket_disconnect(self, reason: str = "refresh_requested") -> None:
        """Tell the app to reconnect, as Slack does before it drops a link."""
        self._socket.disconnect(reason)

    def socket_close(self) -> None:
        """Close every Socket Mode connection from Slack's side (1001).

        A client with auto-reconnect opens a new one; a test client closing
        itself afterwards does not wait for its blocked read to time out.
        """
        self._socket.close_all()

    @property
    def socket_connections_opened(self) -> int:
        """How many Socket Mode connections the app has opened so far."""
        return self._socket.connections_opened

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

    # --- request handling (called from the HTTP threads) ---------------------------

    def handle_api(
        self, method: str, raw: bytes, headers: dict[str, str]
    ) -> tuple[int, dict, dict[str, str]]:
        """Answer one Web API call and record it; returns status, body, headers."""
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
        """Answer a POST to a response_url; a refusal is also a problem."""
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
        """A file's content for its url_private, only with the bot's token."""
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
        if method == CONNECTIONS_OPEN:
            check_app_token(bearer_token(headers), self.app_token)
            return 200, {"ok": True, "url": self._socket.issue_url()}, {}
        spec = METHODS.get(method)
        if spec is None:
            raise SlackError("unknown_method")
        token = bearer_token(headers)
        if token is None:
            raise SlackError("not_authed")
        if token.startswith("xapp-"):
            raise SlackError("not_allowed_token_type")
        if token != self.bot_token:
            raise SlackError("invalid_auth")
        if spec.scope and spec.scope not in self.state.scopes:
            raise SlackError(
                "missing_scope", needed=spec.scope, provided=",".join(self.state.scopes)
            )
        accepted = {"x-accepted-oauth-scopes": spec.scope or ""}
        return 200, {"ok": True, **spec.handler(self.state, args)}, accepted
