"""The HTTP side of the fake: routing, body decoding and writing answers.

Paths served on 127.0.0.1:
- `POST /api/<method>` (also GET with a query string): the Web API;
- `POST /hooks/...`: response_urls issued by the fake;
- `GET /files/<file_id>/<name>`: `url_private` downloads, with the bot token.
The handler only translates; what to answer is decided by `FakeSlack`.
"""

from __future__ import annotations

import json
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from ._errors import SlackError

if TYPE_CHECKING:
    from ._fake import FakeSlack

API_PATH = "/api/"
HOOKS_PATH = "/hooks/"
FILES_PATH = "/files/"
JSON_TYPE = "application/json"
# Fields that form-encoded calls carry as JSON strings.
JSON_FIELDS = ("blocks", "view", "attachments", "metadata")


def decode_args(raw: bytes, content_type: str) -> dict[str, Any]:
    """Arguments of a Web API call, whichever of Slack's encodings it used."""
    if content_type.startswith(JSON_TYPE):
        try:
            args = json.loads(raw or b"{}")
        except ValueError as bad:
            raise SlackError("invalid_json") from bad
        if not isinstance(args, dict):
            raise SlackError("invalid_json")
    else:
        args = decode_form(raw.decode("utf-8", "replace"))
    for key in JSON_FIELDS:
        if isinstance(args.get(key), str):
            try:
                args[key] = json.loads(args[key])
            except ValueError:
                pass  # left as a string: the method reports the bad format
    return args


def decode_form(text: str) -> dict[str, str]:
    """A form body or query string as a flat dict (last value wins)."""
    parsed = parse_qs(text, keep_blank_values=True)
    return {key: values[-1] for key, values in parsed.items()}


def bearer_token(headers: dict[str, str]) -> str | None:
    """The token of an `Authorization: Bearer ...` header, if any."""
    value = headers.get("authorization", "")
    scheme, _, token = value.partition(" ")
    if scheme.lower() != "bearer":
        return None
    return token.strip() or None


class FakeSlackServer(ThreadingHTTPServer):
    """A threading server that knows the fake it serves."""

    daemon_threads = True
    # Slack takes every connection at once; the default backlog of 5 would make
    # a busy bot's calls wait for the fake, not for the bot.
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], fake: FakeSlack) -> None:
        super().__init__(address, RequestHandler)
        self.fake = fake


class RequestHandler(BaseHTTPRequestHandler):
    """Routes each request to the fake and writes its JSON answer."""

    server: FakeSlackServer
    protocol_version = "HTTP/1.1"

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self._route(urlsplit(self.path).path, raw)

    def do_GET(self) -> None:  # noqa: N802
        parts = urlsplit(self.path)
        if parts.path.startswith(FILES_PATH):
            self._download(parts.path[len(FILES_PATH) :])
        else:
            self._route(parts.path, parts.query.encode(), form=True)

    def _route(self, path: str, raw: bytes, form: bool = False) -> None:
        fake = self.server.fake
        headers = {k.lower(): v for k, v in self.headers.items()}
        if form:
            headers["content-type"] = "application/x-www-form-urlencoded"
        if path.startswith(API_PATH):
            method = path[len(API_PATH) :]
            status, body, extra = fake.handle_api(method, raw, headers)
            self._reply(status, body, extra)
        elif path.startswith(HOOKS_PATH):
            status, body = fake.handle_hook(fake.root_url + path, raw)
            self._reply(status, body)
        else:
            self._reply(HTTPStatus.NOT_FOUND, {"ok": False, "error": "not_found"})

    def _download(self, rest: str) -> None:
        headers = {k.lower(): v for k, v in self.headers.items()}
        file_id = rest.split("/", 1)[0]
        content = self.server.fake.download(file_id, bearer_token(headers))
        if content is None:
            self._reply(HTTPStatus.FORBIDDEN, {"ok": False, "error": "forbidden"})
            return
        self._send(HTTPStatus.OK, content, "application/octet-stream", {})

    def _reply(self, status: int, body: dict, headers: dict | None = None) -> None:
        data = json.dumps(body).encode()
        self._send(status, data, f"{JSON_TYPE}; charset=utf-8", headers or {})

    def _send(
        self, status: int, data: bytes, content_type: str, headers: dict[str, str]
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        """Silent: the recorded calls are the log."""
