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


def tell_where_started(client, channel, user_id: str, text: str, blocks=None) -> None:
    """Show a result where the user started: ephemerally in that channel, or else
    in a DM, e.g. when the bot is not a member of the channel."""
    if channel and channel.startswith(("C", "G")):
        try:
            client.chat_postEphemeral(
                channel=channel, user=user_id, text=text, blocks=blocks
            )
            return
        except SlackApiError as error:
            logger.info(
                "Ephemeral reply in %s refused (%s); sending a DM",
                channel,
                error.response.get("error"),
            )
    try:
        dm = client.conversations_open(users=user_id)["channel"]["id"]
        client.chat_postMessage(channel=dm, text=text, blocks=blocks)
    except SlackApiError as error:
        logger.warning("Could not tell %s: %s", user_id, error.response.get("error"))
