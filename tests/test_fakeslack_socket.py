"""Tests of the fake's Socket Mode: tokens, the WebSocket server, envelopes, acks.

The client is slack_sdk's built-in `SocketModeClient`, the one Bolt's default
`SocketModeHandler` (and so the bot) uses. What the SDK will not do, such as
sending an unmasked frame or reusing a URL, is done with a raw socket.
"""

from __future__ import annotations

import base64
import json
import os
import socket
import struct
import time
from urllib.parse import urlsplit

import pytest
import requests
from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.socket_mode import SocketModeClient
from slack_sdk.socket_mode.response import SocketModeResponse

from tests.fakeslack import Ack, FakeSlack, SocketSender, plain

BOT_TOKEN = "xoxb-test-token"
APP_TOKEN = "xapp-test-token"


@pytest.fixture
def fake():
    with FakeSlack(bot_token=BOT_TOKEN, app_token=APP_TOKEN) as fake:
        fake.add_user("U_ALICE", "alice")
        fake.add_channel("C_SALES", "sales")
        yield fake


def open_connection(fake, token=APP_TOKEN) -> str:
    web = WebClient(base_url=fake.base_url)
    return web.apps_connections_open(app_token=token)["url"]


def error_of(call) -> str:
    with pytest.raises(SlackApiError) as failure:
        call()
    return failure.value.response["error"]


class SdkClient:
    """slack_sdk's built-in Socket Mode client, keeping what it received."""

    def __init__(self, fake: FakeSlack, answer=None) -> None:
        self.messages: list[dict] = []
        self.requests = []
        self.answer = answer  # ack payload, or None for a bare ack
        self.fake = fake
        self.client = SocketModeClient(
            app_token=APP_TOKEN,
            web_client=WebClient(base_url=fake.base_url),
            auto_reconnect_enabled=False,
        )
        self.client.message_listeners.append(self._keep)
        self.client.socket_mode_request_listeners.append(self._ack)

    def close(self) -> None:
        close_quickly(self.fake, self.client)

    def _keep(self, client, message, raw_message) -> None:
        self.messages.append(message)

    def _ack(self, client, request) -> None:
        self.requests.append(request)
        response = SocketModeResponse(request.envelope_id, payload=self.answer)
        client.send_socket_mode_response(response)


@pytest.fixture
def sdk(fake):
    client = SdkClient(fake)
    client.client.connect()
    assert fake.socket_connected(timeout=5)
    yield client
    client.close()


# --- apps.connections.open ----------------------------------------------------------


def test_the_app_token_opens_a_loopback_websocket_url(fake):
    url = open_connection(fake)

    parts = urlsplit(url)
    assert (parts.scheme, parts.hostname, parts.path) == ("ws", "127.0.0.1", "/link/")
    assert parts.query.startswith("ticket=")
    assert fake.calls_to("apps.connections.open")[0].ok


def test_a_bot_token_may_not_open_a_connection(fake):
    assert error_of(lambda: open_connection(fake, BOT_TOKEN)) == (
        "not_allowed_token_type"
    )


def test_another_app_token_is_invalid_auth(fake):
    assert error_of(lambda: open_connection(fake, "xapp-someone-else")) == (
        "invalid_auth"
    )


def test_opening_a_connection_without_a_token_is_not_authed(fake):
    response = requests.post(fake.base_url + "apps.connections.open", timeout=5)

    assert response.json() == {"ok": False, "error": "not_authed"}


def test_an_app_token_may_not_call_bot_methods(fake):
    web = WebClient(token=APP_TOKEN, base_url=fake.base_url)

    assert error_of(web.auth_test) == "not_allowed_token_type"


# --- the connection -------------------------------------------------------------------


def test_a_new_connection_is_greeted_with_hello(fake, sdk):
    assert wait_for(lambda: sdk.messages)
    hello = sdk.messages[0]
    assert hello["type"] == "hello"
    assert hello["num_connections"] == 1
    assert hello["connection_info"] == {"app_id": fake.app_id}


def test_nobody_is_connected_until_a_client_comes(fake):
    assert fake.socket_connected(timeout=0.05) is False
    with pytest.raises(RuntimeError, match="no Socket Mode client"):
        fake.socket_send("events_api", {})


def test_an_envelope_is_acked_with_the_clients_payload(fake):
    client = SdkClient(fake, answer={"text": "Got it"})
    client.client.connect()
    try:
        assert fake.socket_connected(timeout=5)
        envelope_id = fake.socket_send("slash_commands", {"command": "/deal"}, True)

        ack = fake.socket_wait_ack(envelope_id, timeout=5)
    finally:
        client.close()

    assert ack == {"envelope_id": envelope_id, "payload": {"text": "Got it"}}
    request = client.requests[0]
    assert (request.type, request.payload) == ("slash_commands", {"command": "/deal"})
    assert request.accepts_response_payload is True


def test_a_bare_ack_has_no_payload(fake, sdk):
    envelope_id = fake.socket_send("interactive", {"type": "block_actions"})

    assert fake.socket_wait_ack(envelope_id, timeout=5) == {"envelope_id": envelope_id}


def test_events_are_numbered_as_deliveries(fake, sdk):
    first = fake.socket_send("events_api", {"type": "event_callback"})
    again = fake.socket_send(
        "events_api",
        {"type": "event_callback"},
        retry_attempt=1,
        retry_reason="timeout",
    )
    fake.socket_wait_ack(first, timeout=5)
    fake.socket_wait_ack(again, timeout=5)

    retries = sorted((r.retry_attempt, r.retry_reason) for r in sdk.requests)
    assert retries == [(0, ""), (1, "timeout")]


def test_waiting_for_an_ack_that_never_comes_fails(fake, sdk):
    with pytest.raises(AssertionError, match="the ack of envelope nope"):
        fake.socket_wait_ack("nope", timeout=0.05)


def test_an_unknown_envelope_type_is_refused(fake, sdk):
    with pytest.raises(ValueError, match="not one of"):
        fake.socket_send("hello", {})


def test_disconnect_makes_the_client_reconnect(fake, sdk):
    fake.socket_disconnect()

    assert wait_for(lambda: fake.socket_connections_opened == 2)
    assert len(fake.calls_to("apps.connections.open")) == 2
    envelope_id = fake.socket_send("interactive", {"type": "shortcut"})
    assert fake.socket_wait_ack(envelope_id, timeout=5)["envelope_id"] == envelope_id


# --- the WebSocket protocol, with a raw socket ---------------------------------------


class RawClient:
    """A hand-made WebSocket client, for what slack_sdk would never send."""

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        self.sock = socket.create_connection((parts.hostname, parts.port), timeout=5)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall(
            f"GET {parts.path}?{parts.query} HTTP/1.1\r\nHost: {parts.hostname}\r\n"
            "Upgrade: websocket\r\nConnection: Upgrade\r\n"
            f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n".encode()
        )
        self.file = self.sock.makefile("rb")
        self.status = int(self.file.readline().split()[1])
        while self.file.readline().strip():
            pass  # the rest of the headers

    def send(self, opcode: int, data: bytes, masked: bool = True) -> None:
        mask = os.urandom(4) if masked else b""
        body = bytes(b ^ mask[i % 4] for i, b in enumerate(data)) if masked else data
        head = bytes([0x80 | opcode, (0x80 if masked else 0) | len(data)])
        self.sock.sendall(head + mask + body)

    def receive(self) -> tuple[int, bytes]:
        first, second = self.file.read(2)
        size = second & 0x7F
        if size == 126:
            size = struct.unpack("!H", self.file.read(2))[0]
        return first & 0x0F, self.file.read(size)

    def close(self) -> None:
        self.file.close()
        self.sock.close()


@pytest.fixture
def raw(fake):
    client = RawClient(open_connection(fake))
    yield client
    client.close()


def test_the_handshake_is_accepted_and_a_ping_is_answered(raw):
    opcode, hello = raw.receive()
    raw.send(0x9, b"are you there")

    assert raw.status == 101
    assert (opcode, json.loads(hello)["type"]) == (0x1, "hello")
    assert raw.receive() == (0xA, b"are you there")


def test_a_reused_or_made_up_ticket_is_refused(fake):
    url = open_connection(fake)
    first = RawClient(url)
    second = RawClient(url)
    made_up = RawClient(url.split("ticket=")[0] + "ticket=guess")
    elsewhere = RawClient(open_connection(fake).replace("/link/", "/other/"))
    clients = (first, second, made_up, elsewhere)

    assert [c.status for c in clients] == [101, 401, 401, 401]
    for client in clients:
        client.close()


def test_an_unmasked_client_frame_closes_with_a_protocol_error(fake, raw):
    raw.receive()  # hello

    raw.send(0x1, b'{"envelope_id": "x"}', masked=False)

    opcode, data = raw.receive()
    assert (opcode, struct.unpack("!H", data[:2])[0]) == (0x8, 1002)
    assert fake.problems == ["socket mode: a client frame is not masked"]


def test_a_close_is_answered_with_a_close(raw, fake):
    raw.receive()  # hello

    raw.send(0x8, struct.pack("!H", 1000))

    assert raw.receive() == (0x8, struct.pack("!H", 1000))
    assert wait_for(lambda: not fake.socket_connected(timeout=0))


# --- SocketSender against a real Bolt app ---------------------------------------------


def modal(callback_id="deal_new"):
    return {
        "type": "modal",
        "callback_id": callback_id,
        "title": {"type": "plain_text", "text": "New deal"},
        "submit": {"type": "plain_text", "text": "Create"},
        "blocks": [
            {
                "type": "input",
                "block_id": "name",
                "label": {"type": "plain_text", "text": "Name"},
                "element": {"type": "plain_text_input", "action_id": "value"},
            }
        ],
    }


@pytest.fixture
def bolt(fake):
    """A minimal Bolt app connected to the fake by Bolt's default Socket Mode."""
    app = App(client=WebClient(token=BOT_TOKEN, base_url=fake.base_url))
    events = []

    @app.command("/deal")
    def open_form(ack, body, client):
        ack(text="Opening the form")
        client.views_open(trigger_id=body["trigger_id"], view=modal())

    @app.view("deal_new")
    def refuse_duplicate(ack, view):
        name = view["state"]["values"]["name"]["value"]["value"]
        ack(response_action="errors", errors={"name": f"{name} exists"})

    @app.event("app_mention")
    def keep(event):
        events.append(event)

    handler = SocketModeHandler(app, app_token=APP_TOKEN, auto_reconnect_enabled=False)
    handler.connect()
    assert fake.socket_connected(timeout=5)
    yield events
    close_quickly(fake, handler.client)


def test_bolt_acks_what_the_socket_sender_sends(fake, bolt):
    sender = SocketSender(fake)

    opened = sender.command("new")
    view_id = fake.wait_for("views.open")[0].response["view"]["id"]
    submitted = sender.view_submission(view_id, {"name": {"value": plain("Acme")}})

    assert isinstance(opened, Ack) and opened.json() == {"text": "Opening the form"}
    assert submitted.status_code == 200
    assert submitted.json() == {
        "response_action": "errors",
        "errors": {"name": "Acme exists"},
    }
    assert [v["id"] for v in fake.open_views("U_ALICE")] == [view_id]
    assert sender.last.envelope_id == submitted.envelope_id
    assert fake.problems == []


def test_events_reach_bolt_with_an_empty_ack(fake, bolt):
    sender = SocketSender(fake)

    ack = sender.event({"type": "app_mention", "user": "U_ALICE", "text": "hi"})

    assert ack.content == b""
    assert wait_for(lambda: bolt) and bolt[0]["text"] == "hi"


def test_the_socket_sender_refuses_what_only_http_has(fake, bolt):
    sender = SocketSender(fake)

    with pytest.raises(ValueError, match="only over HTTP"):
        sender.url_verification("abc")
    with pytest.raises(ValueError, match="not signed"):
        sender.command("help", sign=False)


# --- helpers --------------------------------------------------------------------------


def close_quickly(fake: FakeSlack, client: SocketModeClient) -> None:
    """Close an SDK client at once, where its own close() takes 1 to 4 s.

    Its reading thread sits in a recv with a 3 s timeout and its message loop
    polls a queue every second: the server's CLOSE frame wakes the first, and a
    None in the queue (which the loop skips) the second, once `closed` is set.
    """
    fake.socket_close()
    client.closed = True
    client.message_queue.put(None)
    client.close()


def wait_for(condition, timeout: float = 5.0) -> bool:
    """Poll `condition` until it holds; the SDK's threads give no other signal."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True
