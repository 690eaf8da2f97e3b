"""The outbox sender: delivers what the database says the bot owes Slack.

Each message is claimed with a lease (``models.outbox.claim_next``), delivered with
no transaction open, and then marked. Progress inside one message (the thread's
top message, the reply) is saved as it happens, so a retry never repeats a post
that already went out.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.error import URLError

from slack_sdk.errors import SlackApiError

from models import Deal, Workspace, transaction
from models.deals import get_stage_change
from models.outbox import (
    DEAL_UPDATE,
    DIRECT_MESSAGE,
    OutboxMessage,
    claim_next,
    finish,
    owe_direct_message,
    retry_later,
)
from ui import channel as channel_ui
from ui import notices
from ui.i18n import Localizer

logger = logging.getLogger(__name__)

MAX_PER_RUN = 200
UNREACHABLE = {"not_in_channel", "channel_not_found", "is_archived"}
ROOT_GONE = {"message_not_found", "cant_update_message", "thread_not_found"}
CHANNEL_UNREACHABLE = "channel_unreachable"


@dataclass
class _DealPost:
    channel: str
    root_ts: str | None
    summary_text: str
    summary_blocks: list
    reply_text: str | None
    progress: dict


def deliver_due(sessions, client, people, default_channel: str | None) -> int:
    """Deliver every message that is due; returns how many were handled."""
    handled = 0
    while handled < MAX_PER_RUN:
        with sessions() as session:
            message_id = claim_next(session)
        if message_id is None:
            return handled
        handled += 1
        try:
            _deliver_one(sessions, client, people, default_channel, message_id)
        except SlackApiError as error:
            _slack_failed(sessions, message_id, error, default_channel)
        except (URLError, OSError) as error:
            logger.warning(
                "Outbox message %s: Slack unreachable (%s)", message_id, error
            )
            _retry(sessions, message_id, None, type(error).__name__)
    return handled


def _deliver_one(sessions, client, people, default_channel, message_id) -> None:
    with transaction(sessions) as session:
        message = session.get(OutboxMessage, message_id)
        kind = message.kind
    if kind == DEAL_UPDATE:
        _deliver_deal_update(sessions, client, default_channel, message_id)
    elif kind == DIRECT_MESSAGE:
        _deliver_direct_message(sessions, client, people, message_id)
    else:
        logger.error("Outbox message %s has unknown kind %r", message_id, kind)
        _finish(sessions, message_id, "failed", "unknown kind")


def _deliver_deal_update(sessions, client, default_channel, message_id) -> None:
    with transaction(sessions) as session:
        post = _plan_deal_post(session, message_id, default_channel)
    if post is None:
        return

    fresh_root = post.root_ts is None
    if fresh_root:
        root = client.chat_postMessage(
            channel=post.channel, text=post.summary_text, blocks=post.summary_blocks
        )
        post.root_ts = root["ts"]
        _save_root(sessions, message_id, post.channel, post.root_ts)

    if post.reply_text and not post.progress.get("reply"):
        reply = client.chat_postMessage(
            channel=post.channel, thread_ts=post.root_ts, text=post.reply_text
        )
        _save_progress(sessions, message_id, reply=reply["ts"])
    if not fresh_root:
        client.chat_update(
            channel=post.channel,
            ts=post.root_ts,
            text=post.summary_text,
            blocks=post.summary_blocks,
        )
    _finish(sessions, message_id, "sent")
    logger.info("Posted deal update %s to %s", message_id, post.channel)


def _plan_deal_post(session, message_id, default_channel) -> _DealPost | None:
    message = session.get(OutboxMessage, message_id)
    deal = session.get(Deal, message.deal_id)
    workspace = session.get(Workspace, message.team_id)
    channel = workspace.channel_id or default_channel
    if deal is None or channel is None:
        finish(session, message, "skipped")
        return None

    loc = Localizer(workspace.language)
    text, blocks = channel_ui.deal_summary(deal, loc)
    event = message.payload.get("event")
    same_thread = deal.thread_channel == channel and deal.thread_ts
    if event == "created":
        reply = None
        text = channel_ui.created_text(deal, loc, message.actor_id)
    elif event == "moved":
        change = get_stage_change(session, message.payload["change_id"])
        reply = channel_ui.change_text(change, loc)
    else:
        reply = channel_ui.edited_text(deal, loc, message.actor_id)
    return _DealPost(
        channel=channel,
        root_ts=deal.thread_ts if same_thread else None,
        summary_text=text,
        summary_blocks=blocks,
        reply_text=reply,
        progress=dict(message.progress or {}),
    )


def _deliver_direct_message(sessions, client, people, message_id) -> None:
    with transaction(sessions) as session:
        message = session.get(OutboxMessage, message_id)
        team_id, user_id = message.team_id, message.actor_id
        payload = dict(message.payload)
    loc = people.get(team_id, user_id).localizer()
    if payload.get("notice") == CHANNEL_UNREACHABLE:
        blocks = notices.channel_unreachable(loc, payload["channel"], payload["error"])
    else:
        logger.error("Outbox message %s has unknown notice %r", message_id, payload)
        _finish(sessions, message_id, "failed", "unknown notice")
        return
    dm = client.conversations_open(users=user_id)["channel"]["id"]
    client.chat_postMessage(
        channel=dm, blocks=blocks, text=blocks[0]["text"]["text"][:3000]
    )
    _finish(sessions, message_id, "sent")


def _slack_failed(sessions, message_id, error: SlackApiError, default_channel) -> None:
    status = error.response.status_code
    code = error.response.get("error", "")
    if status == 429 or code in ("ratelimited", "rate_limited"):
        retry_after = error.response.headers.get("Retry-After") or "1"
        delay = float(retry_after) if str(retry_after).isdigit() else 1.0
        logger.warning(
            "Outbox message %s rate limited; retrying in %ss", message_id, delay
        )
        _retry(sessions, message_id, delay, code or "ratelimited")
    elif status >= 500 or code in (
        "fatal_error",
        "internal_error",
        "service_unavailable",
    ):
        logger.warning(
            "Outbox message %s: Slack answered %s; will retry", message_id, status
        )
        _retry(sessions, message_id, None, code or str(status))
    elif code in UNREACHABLE:
        _channel_unreachable(sessions, message_id, code, default_channel)
    elif code in ROOT_GONE:
        _forget_thread(sessions, message_id)
    else:
        logger.warning("Outbox message %s refused by Slack: %s", message_id, code)
        _finish(sessions, message_id, "failed", code)


def _retry(sessions, message_id, delay, error) -> None:
    with transaction(sessions) as session:
        message = session.get(OutboxMessage, message_id)
        backoff = delay if delay is not None else min(300, 2**message.attempts)
        retry_later(session, message, backoff, error)


def _channel_unreachable(sessions, message_id, code, default_channel) -> None:
    """Keep the change, drop the post, and tell whoever made it how to fix it."""
    with transaction(sessions) as session:
        message = session.get(OutboxMessage, message_id)
        workspace = session.get(Workspace, message.team_id)
        channel = workspace.channel_id or default_channel
        finish(session, message, "failed", code)
        if message.actor_id:
            owe_direct_message(
                session,
                message.team_id,
                message.actor_id,
                CHANNEL_UNREACHABLE,
                channel=channel,
                error=code,
            )
    logger.warning("Pipeline channel unreachable (%s); told the user", code)


def _forget_thread(sessions, message_id) -> None:
    """The thread's top message is gone: start a new thread on the next try."""
    with transaction(sessions) as session:
        message = session.get(OutboxMessage, message_id)
        deal = session.get(Deal, message.deal_id)
        if deal is not None:
            deal.thread_ts = None
        message.progress = {}
        retry_later(session, message, 0, "thread gone")


def _save_root(sessions, message_id, channel, ts) -> None:
    with transaction(sessions) as session:
        message = session.get(OutboxMessage, message_id)
        deal = session.get(Deal, message.deal_id)
        deal.thread_channel = channel
        deal.thread_ts = ts


def _save_progress(sessions, message_id, **steps) -> None:
    with transaction(sessions) as session:
        message = session.get(OutboxMessage, message_id)
        message.progress = {**(message.progress or {}), **steps}


def _finish(sessions, message_id, outcome, error=None) -> None:
    with transaction(sessions) as session:
        finish(session, session.get(OutboxMessage, message_id), outcome, error)
