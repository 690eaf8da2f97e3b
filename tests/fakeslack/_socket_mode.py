"""Slack's side of Socket Mode: connection URLs, the hello, envelopes and acks.

The app calls `apps.connections.open` with its app-level token (`xapp-...`) and
gets a single-use `ws://127.0.0.1:PORT/link/?ticket=...`. On connecting it is
greeted with `{"type": "hello", ...}`; from then on the test sends envelopes

    {"envelope_id", "type": "slash_commands" | "interactive" | "events_api",
     "payload", "accepts_response_payload", "retry_attempt"?, "retry_reason"?}

and the app answers each with an ack, `{"envelope_id", "payload"?}`. Envelopes
go to the newest open connection. Shapes follow SLACK.md section 1.5, i.e.
slack_sdk's `socket_mode/request.py` and its mock Socket Mode server.

Each connection is served by a daemon thread; the WebSocket framing itself is
in `_websocket.py`. Acks are kept by envelope id behind a condition variable,
so `wait_ack` wakes as soon as one arrives.
"""

from __future__ import annotations

import json
import secrets
import socket
import threading
import uuid
from collections.abc import Callable
from typing import Any

from ._calls import wait_until
from ._errors import SlackError
from ._websocket import (
    CLOSE,
    GOING_AWAY,
    NO_STATUS,
    NORMAL_CLOSURE,
    PING,
    PROTOCOL_ERROR,
    TEXT,
    HandshakeError,
    Message,
    ProtocolError,
    WebSocket,
)

LINK_PATH = "/link/"
ENVELOPE_TYPES = ("slash_commands", "interactive", "events_api")
ACCEPT_POLL_SECONDS = 0.05  # how soon stop() ends the accepting thread
APPROXIMATE_CONNECTION_TIME = 18060  # what Slack's hello says, in seconds

Problems = Callable[[str, list[str]], None]


def check_app_token(token: str | None, expected: str) -> None:
    """Refuse what Slack refuses at `apps.connections.open`.

    No token is `not_authed`; a bot or user token is `not_allowed_token_type`
    (only app-level tokens may open connections); another app's `xapp-` token
    is `invalid_auth`.
    """
    if token is None:
        raise SlackError("not_authed")
    if not token.startswith("xapp-"):
        raise SlackError("not_allowed_token_type")
    if token != expected:
        raise SlackError("invalid_auth")


class Connection:
    """One connected client: its WebSocket and where it stands."""

    def __init__(self, websocket: WebSocket) -> None:
        self.websocket = websocket
        self.open = True
        self.retiring = False  # told to reconnect; closed once it has


class SocketModeServer:
    """Serves Socket Mode WebSockets on 127.0.0.1; see the module docstring."""

    def __init__(self, host: str, app_id: str, note_problems: Problems) -> None:
        self.host = host
        self.app_id = app_id
        self.note_problems = note_problems
        self._cond = threading.Condition()
        self._listener: socket.socket | None = None
        self._tickets: set[str] = set()
        self._connections: list[Connection] = []
        self._acks: dict[str, dict] = {}
        self._sent: set[str] = set()
        self._opened = 0

    # --- lifecycle -------------------------------------------------------------

    def start(self) -> None:
        """Listen on a free port, accepting in a daemon thread."""
        listener = socket.create_server((self.host, 0))
        listener.settimeout(ACCEPT_POLL_SECONDS)
        self._listener = listener
        threading.Thread(
            target=self._accept_forever,
            args=(listener,),
            name="fakeslack-socket-mode",
            daemon=True,
        ).start()

    def stop(self) -> None:
        """Stop accepting and close every connection."""
        listener, self._listener = self._listener, None
        if listener is not None:
            listener.close()
        self.close_all()

    @property
    def port(self) -> int:
        if self._listener is None:
            raise RuntimeError("the Socket Mode server is not started")
        return self._listener.getsockname()[1]

    # --- what the fake and the tests call -------------------------------------------

    def issue_url(self) -> str:
        """A fresh connection URL, as `apps.connections.open` returns."""
        ticket = secrets.token_hex(16)
        with self._cond:
            self._tickets.add(ticket)
        return f"ws://{self.host}:{self.port}{LINK_PATH}?ticket={ticket}"

    def connected(self, timeout: float) -> bool:
        """Whether a client is connected (and greeted), waiting up to `timeout`."""
        with self._cond:
            return self._cond.wait_for(self._newest, timeout) is not None

    def send(
        self,
        kind: str,
        payload: dict,
        accepts_response_payload: bool = False,
        *,
        retry_attempt: int | None = None,
        retry_reason: str | None = None,
    ) -> str:
        """Send one envelope to the newest connection; returns its envelope_id."""
        if kind not in ENVELOPE_TYPES:
            raise ValueError(f"envelope type {kind!r} is not one of {ENVELOPE_TYPES}")
        envelope_id = str(uuid.uuid4())
        envelope: dict[str, Any] = {
            "envelope_id": envelope_id,
            "type": kind,
            "payload": payload,
            "accepts_response_payload": accepts_response_payload,
        }
        if kind == "events_api":  # Slack numbers every delivery, the first is 0
            envelope["retry_attempt"] = retry_attempt or 0
            envelope["retry_reason"] = retry_reason or ""
        with self._cond:
            connection = self._newest()
            if connection is None:
                raise RuntimeError("no Socket Mode client is connected")
            self._sent.add(envelope_id)
        connection.websocket.send_text(json.dumps(envelope))
        return envelope_id

    def wait_ack(self, envelope_id: str, timeout: float) -> dict:
        """The ack the client sent for an envelope; AssertionError on timeout."""
        return wait_until(
            self._cond,
            lambda: [self._acks[envelope_id]] if envelope_id in self._acks else [],
            1,
            timeout,
            lambda: f"the ack of envelope {envelope_id}",
        )[0]

    def disconnect(self, reason: str = "refresh_requested") -> None:
        """Ask the newest client to reconnect, as Slack does before a refresh.

        Like Slack, the server closes the old link once the client has opened
        its new one.
        """
        with self._cond:
            connection = self._newest()
            if connection is None:
                return
            connection.retiring = True
        message = {"type": "disconnect", "reason": reason}
        connection.websocket.send_text(json.dumps(message))

    def close_all(self, code: int = GOING_AWAY) -> None:
        """Close every connection from the server's side (1001: going away)."""
        with self._cond:
            connections = [c for c in self._connections if c.open]
        for connection in connections:
            self._close(connection, code)

    @property
    def connections_opened(self) -> int:
        """How many connections were accepted since the start."""
        with self._cond:
            return self._opened

    # --- serving ----------------------------------------------------------------

    def _accept_forever(self, listener: socket.socket) -> None:
        while self._listener is listener:
            try:
                sock, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return  # closed by stop()
            sock.settimeout(None)
            threading.Thread(
                target=self._serve,
                args=(WebSocket(sock),),
                name="fakeslack-socket-connection",
                daemon=True,
            ).start()

    def _serve(self, websocket: WebSocket) -> None:
        """One connection's thread: handshake, hello, then read until it ends."""
        connection = None
        try:
            connection = self._handshake(websocket)
            if connection is not None:
                self._read_messages(connection)
        except ProtocolError as error:
            self.note_problems("socket mode", [str(error)])
            if connection is not None:
                self._close(connection, PROTOCOL_ERROR, "protocol error")
        except OSError:
            pass  # the client went away
        finally:
            if connection is not None:
                self._forget(connection)
            websocket.shutdown()

    def _handshake(self, websocket: WebSocket) -> Connection | None:
        """Upgrade a request carrying a ticket we issued, then say hello."""
        try:
            upgrade = websocket.read_upgrade()
        except HandshakeError as error:
            websocket.refuse(400, "Bad Request")
            self.note_problems("socket mode handshake", [str(error)])
            return None
        ticket = upgrade.query.get("ticket", "")
        with self._cond:
            valid = upgrade.path == LINK_PATH and ticket in self._tickets
            self._tickets.discard(ticket)  # a URL connects once
        if not valid:
            websocket.refuse(401, "Unauthorized")
            return None
        websocket.accept(upgrade)
        with self._cond:
            self._opened += 1
            connection = Connection(websocket)
            self._connections.append(connection)
            websocket.send_text(json.dumps(self._hello()))
            retired = [c for c in self._connections if c.retiring]
            self._cond.notify_all()
        for old in retired:
            self._close(old, NORMAL_CLOSURE)
        return connection

    def _hello(self) -> dict:
        return {
            "type": "hello",
            "num_connections": sum(c.open for c in self._connections),
            "debug_info": {
                "host": "fakeslack",
                "build_number": 1,
                "approximate_connection_time": APPROXIMATE_CONNECTION_TIME,
            },
            "connection_info": {"app_id": self.app_id},
        }

    def _read_messages(self, connection: Connection) -> None:
        websocket = connection.websocket
        while True:
            message = websocket.receive()
            if message is None:
                return
            if message.opcode == PING:
                websocket.send_pong(message.data)
            elif message.opcode == CLOSE:
                code = message.close_code()
                self._close(connection, NORMAL_CLOSURE if code == NO_STATUS else code)
                return
            elif message.opcode == TEXT:
                self._take_ack(message)
            # PONG: nothing to do; BINARY: Slack ignores it, and so do we

    def _take_ack(self, message: Message) -> None:
        """Keep `{"envelope_id", "payload"?}`; anything else is a problem."""
        try:
            ack = json.loads(message.text)
        except ValueError:
            ack = None
        envelope_id = ack.get("envelope_id") if isinstance(ack, dict) else None
        with self._cond:
            known = envelope_id in self._sent
            if known:
                self._acks.setdefault(envelope_id, ack)
                self._cond.notify_all()
        if not known:
            text = message.data.decode("utf-8", "replace")
            self.note_problems("socket mode", [f"not an ack of ours: {text}"])

    def _close(self, connection: Connection, code: int, reason: str = "") -> None:
        """Send CLOSE (answering one, or starting) and drop the connection."""
        with self._cond:
            if not connection.open:
                return
            connection.open = False
        try:
            connection.websocket.send_close(code, reason)
        except OSError:
            pass  # the client is already gone
        connection.websocket.shutdown()

    def _forget(self, connection: Connection) -> None:
        with self._cond:
            connection.open = False
            self._connections.remove(connection)
            self._cond.notify_all()

    def _newest(self) -> Connection | None:
        """The most recent open connection (call with the condition held)."""
        live = [c for c in self._connections if c.open]
        return live[-1] if live else None
