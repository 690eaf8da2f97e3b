"""Files posted in a deal's thread in the pipeline channel become its documents.

Slack tells twice about such a file: a ``message`` event (subtype file_share,
with ``thread_ts``) and a ``file_shared`` event, whose thread only ``files.info``
reveals. Either is enough; the event id and the (deal, file) pair make every
repeat a no-op. The kind is guessed from the file's name.
"""

from __future__ import annotations

import logging

from slack_sdk.errors import SlackApiError

from models import AlreadyDone, get_deal, get_workspace
from models.documents import attach_document, deal_of_thread, guess_kind
from models.requests import claim_request
from ui.documents import attached_text

from ..record import read_files
from ..runtime import Runtime

logger = logging.getLogger(__name__)


def register(app, runtime: Runtime) -> None:
    @app.event("message")
    @runtime.after_ack
    def message_posted(body, event, client):
        if event.get("subtype") != "file_share":
            return
        thread_ts = event.get("thread_ts")
        if not thread_ts or thread_ts == event.get("ts"):
            return
        file_ids = [f["id"] for f in event.get("files") or [] if f.get("id")]
        where = (event.get("channel"), thread_ts)
        _attach_posted(runtime, client, body, event.get("user"), where, file_ids)

    @app.event("file_shared")
    @runtime.after_ack
    def file_shared(body, event, client):
        file_id = event.get("file_id") or (event.get("file") or {}).get("id")
        channel = event.get("channel_id")
        if channel != _pipeline_channel(runtime, body["team_id"]):
            return
        thread_ts = _thread_of(client, file_id, channel)
        if thread_ts:
            where = (channel, thread_ts)
            _attach_posted(
                runtime, client, body, event.get("user_id"), where, [file_id]
            )


def _pipeline_channel(runtime, team_id: str) -> str | None:
    """Where deal threads are; files shared elsewhere are not looked up."""
    with runtime.transaction() as session:
        return get_workspace(session, team_id).channel_id or runtime.default_channel


def _thread_of(client, file_id: str | None, channel: str | None) -> str | None:
    """The thread the file was shared into in ``channel``, from ``files.info``."""
    if not file_id or not channel:
        return None
    try:
        file = client.files_info(file=file_id)["file"]
    except SlackApiError as error:
        logger.warning("files.info for %s failed: %s", file_id, error.response)
        return None
    for shares in (file.get("shares") or {}).values():
        for share in shares.get(channel) or []:
            if share.get("thread_ts"):
                return share["thread_ts"]
    return None


def _attach_posted(runtime, client, body, user_id, where, file_ids) -> None:
    """Attach the files to the deal whose thread they were posted in, if any."""
    team_id = body["team_id"]
    channel, thread_ts = where
    if not user_id or not file_ids:
        return
    person = runtime.people.get(team_id, user_id, client)
    with runtime.transaction() as session:
        workspace = get_workspace(session, team_id)
        deal = deal_of_thread(
            session, workspace, user_id, channel, thread_ts, person.is_admin
        )
        if deal is None:
            return
    found = read_files(client, file_ids)
    try:
        with runtime.transaction() as session:
            claim_request(session, team_id, f"event:{body.get('event_id')}")
            workspace = get_workspace(session, team_id)
            deal = get_deal(session, workspace, user_id, deal.id, person.is_admin)
            attached = [
                attach_document(
                    session, deal, file, guess_kind(file.name), "thread", user_id
                )
                for file in found
            ]
            new = [document for document, created in attached if created]
            text = attached_text(deal, new, person.localizer()) if new else None
    except AlreadyDone:
        return
    if text:
        logger.info("Attached %s files from a thread to deal %s", len(new), deal.id)
        client.chat_postEphemeral(
            channel=channel, user=user_id, thread_ts=thread_ts, text=text
        )
