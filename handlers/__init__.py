"""Slack listeners, one module per surface, each with ``register(app, runtime)``.

Handlers ack, parse, call the domain in ``models``, render with ``ui`` and send.
Errors a user can fix are answered where they happen; anything else reaches the
single error handler registered here, which logs it and says sorry.
"""

from __future__ import annotations

import logging

from slack_sdk.errors import SlackApiError
from slack_sdk.webhook import WebhookClient

from ui.notices import oops, too_slow

from . import actions, commands, events, home, options, shortcuts, views
from .runtime import Runtime, actor

logger = logging.getLogger(__name__)

# Slack refuses a modal whose trigger_id is over three seconds old or used.
TRIGGER_ERRORS = {"expired_trigger_id", "exchanged_trigger_id", "invalid_trigger_id"}

__all__ = ["Runtime", "register_all"]


def register_all(app, runtime: Runtime) -> None:
    runtime.on_error = _on_error(runtime)

    @app.middleware
    def drop_nul_characters(body, next):
        """Slack text never needs NUL, and PostgreSQL refuses it in text columns."""
        _scrub(body)
        next()

    for module in (commands, views, actions, options, shortcuts, events, home):
        module.register(app, runtime)

    @app.error
    def on_error(error, body):
        runtime.on_error(error, body or {})


def _on_error(runtime: Runtime):
    """The one error handler: logs the traceback and says sorry to the user.

    Bolt calls it for errors in listeners; ``Runtime.after_ack`` for errors in
    work done after the ack.
    """

    def handle(error: Exception, body: dict) -> None:
        if _slack_error(error) in TRIGGER_ERRORS:
            logger.warning("A modal could not open in time: %s", _slack_error(error))
            _apologize(runtime, body, too_slow)
            return
        logger.error("Unhandled error while handling a Slack request", exc_info=error)
        _apologize(runtime, body, oops)

    return handle


def _slack_error(error: Exception) -> str | None:
    return error.response.get("error") if isinstance(error, SlackApiError) else None


def _apologize(runtime: Runtime, body: dict, message) -> None:
    """Tell the user something went wrong, if there is a way to reach them."""
    response_url = body.get("response_url") or next(
        (r.get("response_url") for r in body.get("response_urls") or []), None
    )
    if not response_url:
        return
    try:
        team_id, user_id = actor(body)
        loc = runtime.people.get(team_id, user_id).localizer()
        WebhookClient(response_url).send(
            text=message(loc), response_type="ephemeral", replace_original=False
        )
    except (KeyError, TypeError, SlackApiError, OSError):
        logger.warning("Could not tell the user about the error", exc_info=True)


def _scrub(node) -> None:
    """Remove NUL characters from every string in a parsed payload, in place."""
    items = node.items() if isinstance(node, dict) else enumerate(node)
    for key, value in list(items):
        if isinstance(value, str):
            if "\x00" in value:
                node[key] = value.replace("\x00", "")
        elif isinstance(value, dict | list):
            _scrub(value)
