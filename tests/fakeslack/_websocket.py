"""The server side of RFC 6455 WebSockets, as much as Socket Mode needs.

Why the standard library and not a WebSocket package: the fake needs only the
opening handshake, text frames, ping/pong and close, over plain ``ws://`` on
loopback, in a thread, which is about a hundred lines. A package such as
``websockets`` is asyncio-first (the fake is threads) and would be one more
test dependency for the whole team to keep current. Writing the frames here
also lets the fake refuse what Slack refuses, e.g. unmasked client frames.

Not supported, because slack_sdk's clients never send them: extensions
(permessage-deflate), subprotocols, binary messages. A frame breaking the
protocol raises ``ProtocolError``; the caller closes with status 1002.
"""

from __future__ import annotations

import base64
import hashlib
import socket
import struct
import threading
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

ACCEPT_GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
MAX_HANDSHAKE = 16 * 1024
MAX_MESSAGE = 1024 * 1024  # Slack's envelopes are far smaller

CONTINUATION, TEXT, BINARY = 0x0, 0x1, 0x2
CLOSE, PING, PONG = 0x8, 0x9, 0xA

NORMAL_CLOSURE = 1000
GOING_AWAY = 1001
PROTOCOL_ERROR = 1002
NO_STATUS = 1005


class ProtocolError(Exception):
    """The peer broke RFC 6455; the connection is closed with 1002."""


class HandshakeError(Exception):
    """The opening request is not a WebSocket upgrade; answered with 400."""


@dataclass(frozen=True)
class Upgrade:
    """An opening handshake request: where it asks to go, and its key."""

    path: str
    query: dict[str, str]
    key: str


@dataclass(frozen=True)
class Message:
    """A whole message (fragments joined) or a control frame."""

    opcode: int
    data: bytes

    @property
    def text(self) -> str:
        return self.data.decode("utf-8")

    def close_code(self) -> int:
        """The status code a CLOSE frame carries (1005 when it carries none)."""
        if len(self.data) < 2:
            return NO_STATUS
        return struct.unpack("!H", self.data[:2])[0]


def accept_key(key: str) -> str:
    """Sec-WebSocket-Accept for a Sec-WebSocket-Key (RFC 6455 section 4.2.2)."""
    digest = hashlib.sha1(key.encode() + ACCEPT_GUID).digest()
    return base64.b64encode(digest).decode()


def frame(opcode: int, data: bytes) -> bytes:
    """One final, unmasked frame, as a server sends (RFC 6455 section 5.2)."""
    head = bytes([0x80 | opcode])
    size = len(data)
    if size < 126:
        head += bytes([size])
    elif size < 1 << 16:
        head += bytes([126]) + struct.pack("!H", size)
    else:
        head += bytes([127]) + struct.pack("!Q", size)
    return head + data


def unmask(data: bytes, key: bytes) -> bytes:
    """Undo the client's XOR masking (RFC 6455 section 5.3)."""
    repeated = (key * (len(data) // 4 + 1))[: len(data)]
    return (int.from_bytes(data, "big") ^ int.from_bytes(repeated, "big")).to_bytes(
        len(data), "big"
    )


class WebSocket:
    """One accepted TCP connection, before and after the upgrade.

    Reading happens on one thread (the connection's); sending may happen on any,
    so writes are serialised by a lock.
    """

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self._buffer = b""
        self._send_lock = threading.Lock()

    # --- the opening handshake ---------------------------------------------------

    def read_upgrade(self) -> Upgrade:
        """Read the HTTP request and check it asks for a WebSocket."""
        head = self._read_until(b"\r\n\r\n", MAX_HANDSHAKE)
        if head is None:
            raise HandshakeError("no complete HTTP request")
        lines = head.decode("latin-1").split("\r\n")
        method, target, *_ = lines[0].split(" ") + ["", ""]
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        if method != "GET":
            raise HandshakeError(f"method {method!r}, not GET")
        if headers.get("upgrade", "").lower() != "websocket":
            raise HandshakeError("no Upgrade: websocket")
        if headers.get("sec-websocket-version") != "13":
            raise HandshakeError("Sec-WebSocket-Version is not 13")
        if not headers.get("sec-websocket-key"):
            raise HandshakeError("no Sec-WebSocket-Key")
        parts = urlsplit(target)
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        return Upgrade(parts.path, query, headers["sec-websocket-key"])

    def accept(self, upgrade: Upgrade) -> None:
        """Switch protocols: from here on, frames."""
        self._send_raw(
            "HTTP/1.1 101 Switching Protocols\r\n"
            "Upgrade: websocket\r\n"
            "Connection: Upgrade\r\n"
            f"Sec-WebSocket-Accept: {accept_key(upgrade.key)}\r\n\r\n"
        )

    def refuse(self, status: int, reason: str) -> None:
        """Answer the handshake with an HTTP error and no upgrade."""
        body = reason.encode()
        self._send_raw(
            f"HTTP/1.1 {status} {reason}\r\n"
            "Content-Type: text/plain\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n",
            body,
        )

    # --- frames ------------------------------------------------------------------

    def receive(self) -> Message | None:
        """The next control frame or whole data message; None once the peer left.

        Control frames may arrive between the fragments of a message and are
        returned at once; the fragments are joined.
        """
        opcode, parts = None, []
        while True:
            got = self._read_frame()
            if got is None:
                return None
            fin, frame_opcode, data = got
            if frame_opcode >= CLOSE:
                return Message(frame_opcode, data)
            if (frame_opcode == CONTINUATION) != (opcode is not None):
                raise ProtocolError("a continuation frame out of place")
            opcode = opcode if opcode is not None else frame_opcode
            parts.append(data)
            if sum(map(len, parts)) > MAX_MESSAGE:
                raise ProtocolError("message too big")
            if fin:
                return Message(opcode, b"".join(parts))

    def send_text(self, text: str) -> None:
        self._send_raw(frame(TEXT, text.encode()))

    def send_pong(self, data: bytes) -> None:
        self._send_raw(frame(PONG, data))

    def send_close(self, code: int, reason: str = "") -> None:
        """Send a CLOSE frame; the caller then shuts the connection."""
        self._send_raw(frame(CLOSE, struct.pack("!H", code) + reason.encode()))

    def shutdown(self) -> None:
        """Close the TCP connection, waking a thread blocked reading it."""
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass  # already gone
        self.sock.close()

    # --- bytes -------------------------------------------------------------------

    def _read_frame(self) -> tuple[bool, int, bytes] | None:
        head = self._read_exact(2)
        if head is None:
            return None
        fin, opcode = bool(head[0] & 0x80), head[0] & 0x0F
        if head[0] & 0x70:
            raise ProtocolError("reserved bits set without an extension")
        if not head[1] & 0x80:
            raise ProtocolError("a client frame is not masked")
        size = head[1] & 0x7F
        if size >= 126:
            wide = self._read_exact(2 if size == 126 else 8)
            if wide is None:
                return None
            size = int.from_bytes(wide, "big")
        if size > MAX_MESSAGE or (opcode >= CLOSE and (size > 125 or not fin)):
            raise ProtocolError("a frame too big or a fragmented control frame")
        key = self._read_exact(4)
        data = None if key is None else self._read_exact(size)
        if key is None or data is None:
            return None  # the peer left mid-frame
        return fin, opcode, unmask(data, key)

    def _read_exact(self, size: int) -> bytes | None:
        while len(self._buffer) < size:
            if not self._fill():
                return None
        chunk, self._buffer = self._buffer[:size], self._buffer[size:]
        return chunk

    def _read_until(self, marker: bytes, limit: int) -> bytes | None:
        while marker not in self._buffer:
            if len(self._buffer) > limit or not self._fill():
                return None
        head, _, self._buffer = self._buffer.partition(marker)
        return head

    def _fill(self) -> bool:
        try:
            chunk = self.sock.recv(65536)
        except OSError:
            return False
        self._buffer += chunk
        return bool(chunk)

    def _send_raw(self, data: str | bytes, more: bytes = b"") -> None:
        raw = data.encode("latin-1") if isinstance(data, str) else data
        with self._send_lock:
            self.sock.sendall(raw + more)
