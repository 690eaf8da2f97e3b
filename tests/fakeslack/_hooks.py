"""response_url endpoints: issued per interaction, usable 5 times in 30 minutes.

A post is checked like a message (Block Kit rules, text or blocks required) and
then applied: `delete_original` / `replace_original` change the message the
interaction came from, `response_type: in_channel` adds a message to the channel,
anything else becomes an ephemeral message for the user.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import blockkit
from ._errors import SlackError, problems_error
from ._workspace import Workspace

MAX_USES = 5
LIFETIME_SECONDS = 30 * 60
MAX_TEXT = 40000
HOOKS_PATH = "/hooks/"


@dataclass
class ResponseUrl:
    """One issued response_url and what it answers for."""

    url: str
    issued_at: float
    channel: str | None = None
    message_ts: str | None = None
    user: str | None = None
    uses: int = 0


@dataclass(frozen=True)
class HookPost:
    """A POST the bot made to a response_url, and how the fake answered."""

    url: str
    body: Any
    at: float
    status: int
    reply: dict

    @property
    def error(self) -> str | None:
        return self.reply.get("error")


@dataclass
class ResponseUrls:
    """The response_urls the fake has issued and the posts made to them."""

    clock: Callable[[], float]
    workspace: Workspace
    urls: dict[str, ResponseUrl] = field(default_factory=dict)
    posts: list[HookPost] = field(default_factory=list)

    def issue(
        self,
        root: str,
        channel: str | None = None,
        message_ts: str | None = None,
        user: str | None = None,
    ) -> str:
        """A new response_url under `root` ("http://127.0.0.1:PORT")."""
        url = f"{root}{HOOKS_PATH}T{secrets.token_hex(4)}/B{secrets.token_hex(8)}"
        self.urls[url] = ResponseUrl(url, self.clock(), channel, message_ts, user)
        return url

    def receive(self, url: str, raw: bytes) -> tuple[int, dict]:
        """Handle one POST; returns the HTTP status and JSON body to answer."""
        body: Any = None
        status, reply = 200, {"ok": True}
        try:
            body = json.loads(raw or b"null")
            self._accept(url, body)
        except SlackError as refusal:
            status, reply = _status_for(refusal.error), refusal.body()
        except ValueError:
            status, reply = 400, SlackError("invalid_payload").body()
        self.posts.append(HookPost(url, body, self.clock(), status, reply))
        return status, reply

    def _accept(self, url: str, body: Any) -> None:
        hook = self.urls.get(url)
        if hook is None:
            raise SlackError("invalid_url")
        if self.clock() - hook.issued_at > LIFETIME_SECONDS:
            raise SlackError("expired_url")
        if hook.uses >= MAX_USES:
            raise SlackError("used_url")
        _check_message(body)
        hook.uses += 1
        self._apply(hook, body)

    def _apply(self, hook: ResponseUrl, body: dict) -> None:
        """Change the workspace the way Slack would show this response."""
        content = {k: body[k] for k in ("text", "blocks", "thread_ts") if k in body}
        original = self._original(hook)
        if original and body.get("delete_original"):
            self.workspace.delete(hook.channel, hook.message_ts)
        elif original and body.get("replace_original"):
            self.workspace.update(hook.channel, hook.message_ts, content)
        elif body.get("response_type") == "in_channel":
            self._post_in_channel(hook, content)
        elif hook.user:
            ephemeral = {"channel": hook.channel, "user": hook.user}
            ephemeral.update(ts=self.workspace.new_ts(), via="response_url")
            self.workspace.ephemerals.append({**ephemeral, **content})

    def _post_in_channel(self, hook: ResponseUrl, content: dict) -> None:
        """Shown to everyone, as the app, whether or not the bot is a member."""
        if hook.channel in self.workspace.channels:
            ws = self.workspace
            self.workspace.add(
                hook.channel, {"user": ws.bot_user_id, "bot_id": ws.bot_id, **content}
            )

    def _original(self, hook: ResponseUrl) -> dict | None:
        """The message the interaction came from, if the fake knows it."""
        if not (hook.channel and hook.message_ts):
            return None
        try:
            return self.workspace.find(hook.channel, hook.message_ts)[1]
        except SlackError:
            return None


def _check_message(body: Any) -> None:
    """The same checks as chat.postMessage, minus the channel."""
    if not isinstance(body, dict):
        raise SlackError("invalid_payload")
    if body.get("delete_original"):
        return
    if not body.get("text") and not body.get("blocks"):
        raise SlackError("no_text")
    if len(body.get("text") or "") > MAX_TEXT:
        raise SlackError("msg_too_long")
    problems = blockkit.validate_message(body["blocks"]) if "blocks" in body else []
    if problems:
        raise problems_error("invalid_blocks", problems)


def _status_for(error: str) -> int:
    return 404 if error in {"invalid_url", "expired_url", "used_url"} else 400
