"""Flows the notes, documents and history surfaces share: the card's part about
the deal's record, a history page, one note shown whole, reading files from
Slack and telling the user what was done. Each takes an open session or none."""

from __future__ import annotations

import logging

from slack_sdk.errors import SlackApiError
from sqlalchemy import func, select

from models.documents import SlackFile, deal_documents, missing_kinds
from models.history import timeline
from models.interactions import InteractionRevision, recent_interactions
from ui import history, notes
from ui.blocks import actions
from ui.documents import CARD_DOCUMENTS, card_documents

logger = logging.getLogger(__name__)

CARD_NOTES = 3


def record_blocks(session, deal, loc) -> list[dict]:
    """Blocks for the card; ``deal`` was read through its visibility rule."""
    recent = recent_interactions(session, deal, limit=CARD_NOTES)
    documents = deal_documents(session, deal, limit=CARD_DOCUMENTS)
    missing = missing_kinds(session, deal)
    buttons = notes.record_buttons(deal, loc)
    return [
        *notes.card_notes(recent, loc),
        *card_documents(documents, missing, loc),
        actions(*buttons, block_id=f"deal_record:{deal.id}"),
    ]


def history_blocks(session, deal, person, offset: int = 0) -> list[dict]:
    """A page of the deal's history as the person may see it."""
    page = timeline(
        session,
        deal,
        limit=history.PAGE_SIZE,
        offset=offset,
        include_deleted=person.is_admin,
    )
    return history.history_blocks(deal, page, person.localizer())


def note_view(session, note, deal, person) -> dict:
    """The modal showing ``note`` whole, with Edit and Delete if the person may."""
    edits = session.scalar(
        select(func.count())
        .select_from(InteractionRevision)
        .where(InteractionRevision.interaction_id == note.id)
    )
    may_change = person.is_admin or note.author_id == person.user_id
    return notes.note_view_modal(
        note, deal, person.localizer(), can_change=may_change, edits=edits
    )


def read_files(client, file_ids) -> list[SlackFile]:
    """What ``files.info`` says of each file; a file Slack cannot find is left out."""
    found = []
    for file_id in list(dict.fromkeys(file_ids))[:10]:
        try:
            file = client.files_info(file=file_id)["file"]
        except SlackApiError as error:
            logger.warning(
                "files.info for %s failed: %s", file_id, error.response.get("error")
            )
            continue
        found.append(slack_file(file))
    return found


def slack_file(file: dict) -> SlackFile:
    return SlackFile(
        id=file["id"],
        name=file.get("name") or file.get("title") or file["id"],
        mimetype=file.get("mimetype") or "",
        size=int(file.get("size") or 0),
        permalink=file.get("permalink") or "",
    )
