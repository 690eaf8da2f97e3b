"""The Web API methods the fake answers, each a function of (state, args).

A handler reads the already-decoded arguments, checks them the way Slack does,
changes the workspace or the view store, and returns the success body without
`ok` (the caller adds it). Refusals are raised as `SlackError`. `METHODS` maps
each method name to its handler and the bot scope it needs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import blockkit
from ._errors import SlackError, problems_error
from ._views import ViewStore
from ._workspace import Workspace

MAX_POST_TEXT = 40000
MAX_UPDATE_TEXT = 4000
MAX_ATTACHMENTS = 100
MESSAGE_FIELDS = (
    "text",
    "blocks",
    "attachments",
    "thread_ts",
    "metadata",
    "reply_broadcast",
    "mrkdwn",
    "unfurl_links",
    "unfurl_media",
)
TRUE_VALUES = {True, "1", "true", "True"}


@dataclass
class State:
    """Everything a handler may read or change."""

    workspace: Workspace
    views: ViewStore
    team_name: str = "Fake Team"
    bot_name: str = "dealbot"
    home_tab_enabled: bool = True
    scopes: list[str] = field(default_factory=list)


Handler = Callable[[State, dict], dict]


@dataclass(frozen=True)
class Method:
    handler: Handler
    scope: str | None


METHODS: dict[str, Method] = {}


def _method(name: str, scope: str | None = None) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        METHODS[name] = Method(handler, scope)
        return handler

    return register


def _require(args: dict, name: str, error: str = "invalid_arguments") -> Any:
    """An argument Slack insists on; its absence gives the method's own error."""
    value = args.get(name)
    if value in (None, ""):
        if error == "invalid_arguments":
            raise problems_error(error, [f"[ERROR] missing required field: {name}"])
        raise SlackError(error)
    return value


def is_true(value: Any) -> bool:
    """Form bodies carry booleans as "1"/"true"; JSON bodies as true."""
    return value in TRUE_VALUES


# --- identity and people ----------------------------------------------------------


@_method("auth.test")
def auth_test(state: State, args: dict) -> dict:
    ws = state.workspace
    return {
        "url": f"https://fake-{ws.team_id.lower()}.slack.com/",
        "team": state.team_name,
        "user": state.bot_name,
        "team_id": ws.team_id,
        "user_id": ws.bot_user_id,
        "bot_id": ws.bot_id,
        "is_enterprise_install": False,
    }


@_method("users.info", scope="users:read")
def users_info(state: State, args: dict) -> dict:
    user = dict(state.workspace.user(_require(args, "user", "user_not_found")))
    if not is_true(args.get("include_locale")):
        user.pop("locale", None)
    return {"user": user}


@_method("conversations.open", scope="im:write")
def conversations_open(state: State, args: dict) -> dict:
    """One-to-one DMs only; the fake does not model group DMs."""
    ws = state.workspace
    if args.get("channel"):
        return {"channel": ws.channel(args["channel"]).to_api()}
    users = args.get("users")
    if isinstance(users, str):
        users = [u.strip() for u in users.split(",") if u.strip()]
    if not users:
        raise SlackError("users_list_not_supplied")
    if len(users) > 1:
        raise problems_error(
            "invalid_arguments", ["[ERROR] the fake opens one-to-one DMs only"]
        )
    already_open = ws.dm_of(users[0]) is not None
    channel = ws.channels[ws.open_dm(users[0])]
    body = channel.to_api() if is_true(args.get("return_im")) else {"id": channel.id}
    return {"channel": body, "no_op": already_open, "already_open": already_open}


@_method("conversations.info", scope="channels:read")
def conversations_info(state: State, args: dict) -> dict:
    channel_id = _require(args, "channel", "channel_not_found")
    return {"channel": state.workspace.channel(channel_id).to_api()}


@_method("conversations.history", scope="channels:history")
def conversations_history(state: State, args: dict) -> dict:
    """A channel's messages, newest first, between ``oldest`` and ``latest``.

    Like Slack, a bot reads only channels it is a member of.
    """
    channel = state.workspace.channel(_require(args, "channel", "channel_not_found"))
    if not channel.members_bot and not channel.is_im:
        raise SlackError("not_in_channel")
    latest = float(args.get("latest") or "inf")
    oldest = float(args.get("oldest") or 0)
    inclusive = str(args.get("inclusive", "0")).lower() in ("1", "true")
    limit = int(args.get("limit") or 100)
    found = [
        message
        for message in reversed(state.workspace.messages(channel.id))
        if not message.get("thread_ts") or message["thread_ts"] == message["ts"]
        if (oldest <= float(message["ts"]) <= latest)
        and (inclusive or float(message["ts"]) not in (oldest, latest))
    ]
    return {"messages": found[:limit], "has_more": len(found) > limit}


@_method("conversations.replies", scope="channels:history")
def conversations_replies(state: State, args: dict) -> dict:
    """A thread, parent first, between ``oldest`` and ``latest`` like Slack."""
    channel = state.workspace.channel(_require(args, "channel", "channel_not_found"))
    if not channel.members_bot and not channel.is_im:
        raise SlackError("not_in_channel")
    thread = state.workspace.thread(
        channel.id, _require(args, "ts", "thread_not_found")
    )
    if not thread:
        raise SlackError("thread_not_found")
    latest = float(args.get("latest") or "inf")
    oldest = float(args.get("oldest") or 0)
    limit = int(args.get("limit") or 100)
    found = [m for m in thread if oldest <= float(m["ts"]) <= latest]
    return {"messages": found[:limit], "has_more": len(found) > limit}


@_method("files.info", scope="files:read")
def files_info(state: State, args: dict) -> dict:
    file = state.workspace.file(_require(args, "file", "file_not_found"))
    return {
        "file": dict(file),
        "comments": [],
        "response_metadata": {"next_cursor": ""},
    }


# --- messages -------------------------------------------------------------------


def _check_content(args: dict, max_text: int) -> dict:
    """The message fields to store, after Slack's checks on text and blocks."""
    text, blocks = args.get("text"), args.get("blocks")
    attachments = args.get("attachments")
    if not text and not blocks and not attachments:
        raise SlackError("no_text")
    if text and len(text) > max_text:
        raise SlackError("msg_too_long")
    if blocks is not None:
        if not isinstance(blocks, list):
            raise SlackError("invalid_blocks_format")
        problems = blockkit.validate_message(blocks)
        if problems:
            raise problems_error("invalid_blocks", problems)
    if attachments is not None:
        _check_attachments(attachments)
    return {k: args[k] for k in MESSAGE_FIELDS if args.get(k) is not None}


def _check_attachments(attachments: Any) -> None:
    if not isinstance(attachments, list):
        raise SlackError("invalid_attachments")
    if len(attachments) > MAX_ATTACHMENTS:
        raise SlackError("too_many_attachments")
    for index, attachment in enumerate(attachments):
        if isinstance(attachment, dict) and "blocks" in attachment:
            root = f"/attachments/{index}/blocks"
            problems = blockkit.validate_message(attachment["blocks"], root)
            if problems:
                raise problems_error("invalid_blocks", problems)


@_method("chat.postMessage", scope="chat:write")
def chat_post_message(state: State, args: dict) -> dict:
    channel = _require(args, "channel", "channel_not_found")
    fields = _check_content(args, MAX_POST_TEXT)
    message = state.workspace.post(channel, fields)
    channel_id = message.pop("channel")
    return {"channel": channel_id, "ts": message["ts"], "message": message}


@_method("chat.update", scope="chat:write")
def chat_update(state: State, args: dict) -> dict:
    channel = _require(args, "channel", "channel_not_found")
    ts = _require(args, "ts", "message_not_found")
    state.workspace.find(channel, ts)
    fields = _check_content(args, MAX_UPDATE_TEXT)
    fields.pop("thread_ts", None)
    message = state.workspace.update(channel, ts, fields)
    channel_id = message.pop("channel")
    return {
        "channel": channel_id,
        "ts": ts,
        "text": message.get("text", ""),
        "message": message,
    }


@_method("chat.delete", scope="chat:write")
def chat_delete(state: State, args: dict) -> dict:
    channel = _require(args, "channel", "channel_not_found")
    ts = _require(args, "ts", "message_not_found")
    state.workspace.delete(channel, ts)
    return {"channel": state.workspace.channel(channel).id, "ts": ts}


@_method("chat.postEphemeral", scope="chat:write")
def chat_post_ephemeral(state: State, args: dict) -> dict:
    channel = _require(args, "channel", "channel_not_found")
    user = _require(args, "user", "user_not_found")
    fields = _check_content(args, MAX_POST_TEXT)
    return {"message_ts": state.workspace.post_ephemeral(channel, user, fields)}


@_method("chat.getPermalink")
def chat_get_permalink(state: State, args: dict) -> dict:
    channel = _require(args, "channel", "channel_not_found")
    ts = _require(args, "message_ts", "message_not_found")
    return {"channel": channel, "permalink": state.workspace.permalink(channel, ts)}


# --- views ------------------------------------------------------------------------


def _check_view(view: Any, kind: str) -> dict:
    """Block Kit problems give invalid_arguments; size over 250 KB its own code."""
    problems = blockkit.validate_view(view)
    if not problems and view.get("type") != kind:
        problems = [f"[ERROR] must be {kind} [json-pointer:/view/type]"]
    if problems:
        raise problems_error("invalid_arguments", problems)
    if blockkit.view_size(view) > blockkit.MAX_VIEW_BYTES:
        raise SlackError("view_too_large")
    return view


@_method("views.open")
def views_open(state: State, args: dict) -> dict:
    trigger = state.views.check_trigger(_require(args, "trigger_id"))
    view = _check_view(_require(args, "view"), "modal")
    return {"view": state.views.open(trigger, view)}


@_method("views.push")
def views_push(state: State, args: dict) -> dict:
    trigger = state.views.check_trigger(_require(args, "trigger_id"))
    view = _check_view(_require(args, "view"), "modal")
    return {"view": state.views.push(trigger, view)}


@_method("views.update")
def views_update(state: State, args: dict) -> dict:
    view_id, external_id = args.get("view_id"), args.get("external_id")
    if not view_id and not external_id:
        raise problems_error(
            "invalid_arguments", ["[ERROR] view_id or external_id is required"]
        )
    current = state.views.find(view_id, external_id)
    view = _check_view(_require(args, "view"), current["type"])
    return {"view": state.views.update(view, view_id, external_id, args.get("hash"))}


@_method("views.publish")
def views_publish(state: State, args: dict) -> dict:
    if not state.home_tab_enabled:
        raise SlackError("not_enabled")
    user = _require(args, "user_id")
    state.workspace.user(user)
    view = _check_view(_require(args, "view"), "home")
    return {"view": state.views.publish(user, view, args.get("hash"))}
