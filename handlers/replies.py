"""Telling the person who clicked something, wherever they clicked it."""

from __future__ import annotations

import logging

from slack_sdk.errors import SlackApiError

logger = logging.getLogger(__name__)


def tell(body: dict, respond, client, text: str) -> None:
    """A short message to the actor: ephemeral under a message, else in a DM."""
    if (
        body.get("response_url")
        or (body.get("container") or {}).get("type") == "message"
    ):
        respond(text=text, response_type="ephemeral", replace_original=False)
        return
    user_id = (body.get("user") or {}).get("id") or body.get("user_id")
    try:
        dm = client.conversations_open(users=user_id)["channel"]["id"]
        client.chat_postMessage(channel=dm, text=text)
    except SlackApiError as error:
        logger.warning("Could not reach %s: %s", user_id, error.response.get("error"))


def open_or_push(client, body: dict, view: dict) -> None:
    """Open ``view``, or push it if the click came from inside a modal."""
    container = body.get("container") or {}
    if container.get("type") == "view" and body["view"]["type"] == "modal":
        client.views_push(trigger_id=body["trigger_id"], view=view)
    else:
        client.views_open(trigger_id=body["trigger_id"], view=view)
