"""A fake of Slack for Dealbot's tests: the Web API, and Slack's side of HTTP.

- `FakeSlack` serves the Web API on 127.0.0.1, checks what Slack checks (token,
  scopes, Block Kit, trigger_id lifetime, view hashes, response_url limits) and
  records every call.
- `SlackSender` sends the bot signed slash commands, interactions and events,
  with trigger_ids and response_urls issued by the fake.
- Socket Mode: `apps.connections.open` (app-level token) gives a ws:// URL the
  fake serves; `SocketSender` sends the same payloads as envelopes over it and
  returns the bot's `Ack`s.
- `blockkit.validate_message` / `validate_view` are the Block Kit rules alone.
- `plain`, `date`, `select`, ... build the element states of `view.state.values`.
"""

from ._calls import Call
from ._clock import ManualClock
from ._errors import SlackError
from ._fake import DEFAULT_SCOPES, FakeSlack
from ._hooks import HookPost
from ._sender import SlackSender
from ._socket_sender import Ack, SocketSender
from ._transport import Sent, signature
from ._values import (
    channel,
    checkboxes,
    conversation,
    date,
    email,
    external,
    files,
    multi_static,
    multi_users,
    number,
    option,
    plain,
    radio,
    select,
    time_of_day,
    users,
)
from .blockkit import validate_message, validate_view, view_size

__all__ = [
    "DEFAULT_SCOPES",
    "Ack",
    "Call",
    "FakeSlack",
    "HookPost",
    "ManualClock",
    "Sent",
    "SlackError",
    "SlackSender",
    "SocketSender",
    "channel",
    "checkboxes",
    "conversation",
    "date",
    "email",
    "external",
    "files",
    "multi_static",
    "multi_users",
    "number",
    "option",
    "plain",
    "radio",
    "select",
    "signature",
    "time_of_day",
    "users",
    "validate_message",
    "validate_view",
    "view_size",
]
