"""Slack listeners, one module per surface, each with ``register(app, runtime)``.

Handlers ack, parse, call the domain in ``models``, render with ``ui`` and send.
Errors a user can fix are answered where they happen; anything else reaches the
single error handler registered here, which logs it and says sorry.
"""

from __future__ import annotations

import logging

from slack_sdk.errors import SlackApiError

from . import actions, commands, events, home, options, shortcuts, views
from .runtime import Runtime, actor

logger = logging.getLogger(__name__)

__all__ = ["Runtime", "register_all"]


def register_all(app, runtime: Runtime) -> None:
    for module in (commands, views, actions, options, shortcuts, events, home):
        module.register(app, runtime)

    @app.error
    def on_error(error, body, respond, client):
        logger.error("Unhandled error while handling a Slack request", exc_info=error)
        _apologize(runtime, body or {}, respond, client)


def _apologize(runtime: Runtime, body: dict, respond, client) -> None:
    """Tell the user something went wrong, if there is a way to reach them."""
    from ui.notices import oops

    try:
        team_id, user_id = actor(body)
        loc = runtime.people.get(team_id, user_id, client).localizer()
    except (KeyError, TypeError, SlackApiError):
        return
    try:
        if body.get("response_url") or body.get("response_urls"):
            respond(text=oops(loc), response_type="ephemeral", replace_original=False)
    except SlackApiError:
        logger.warning("Could not tell the user about the error")
