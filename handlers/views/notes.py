"""Submissions of the note form and the attach modal.

A note is saved under the view's id, so a double submit or a redelivery makes one
note. Files are read from Slack (``files.info``) only after the submission is
acknowledged, so the modal closes at once however many files there are.
"""

from __future__ import annotations

import logging
from datetime import time

from slack_sdk.errors import SlackApiError

from models import (
    AlreadyDone,
    DealbotError,
    InvalidInput,
    get_deal,
    get_workspace,
)
from models.documents import attach_document
from models.interactions import (
    Interaction,
    NoteInput,
    edit_interaction,
    get_interaction,
    keep_source_text,
    log_interaction,
    set_permalink,
)
from models.requests import claim_request
from ui import ids, notices
from ui.common import deal_title
from ui.customer_modals import picked
from ui.documents import attached_text
from ui.text import unescape

from .. import forms
from ..deals import card_blocks
from ..record import note_view, read_files
from ..replies import tell_where_started
from ..runtime import Runtime

logger = logging.getLogger(__name__)

NOTE_FIELDS = {
    "kind": ids.NOTE_KIND,
    "day": ids.NOTE_DATE,
    "participants": ids.NOTE_PARTICIPANTS,
    "contacts": ids.NOTE_CONTACTS,
    "others_present": ids.NOTE_OTHERS,
    "summary": ids.NOTE_SUMMARY,
    "outcome": ids.NOTE_OUTCOME,
    "next_steps": ids.NOTE_NEXT_STEPS,
}


def element(view: dict, block_id: str) -> dict:
    """The state of an input's element, whatever its action_id."""
    states = view["state"]["values"].get(block_id) or {}
    return next(iter(states.values()), {})


def picked_deal(view: dict, block_id: str) -> int | None:
    option = element(view, block_id).get("selected_option") or {}
    value = option.get("value") or ""
    return int(value) if value.isdigit() else None


def note_input(view: dict, tz: str | None) -> NoteInput:
    """What the note form holds; contacts typed as new go to "others present"."""
    contact_ids, new_names = _contacts(view)
    others = [forms.text(view, ids.NOTE_OTHERS), *new_names]
    people = element(view, ids.NOTE_PARTICIPANTS).get("selected_users") or []
    return NoteInput(
        kind=forms.selected(view, ids.NOTE_KIND) or "",
        day=forms.selected_date(view, ids.NOTE_DATE),
        at=_time_of_day(element(view, ids.NOTE_TIME).get("selected_time")),
        tz=tz,
        summary=forms.text(view, ids.NOTE_SUMMARY),
        outcome=forms.text(view, ids.NOTE_OUTCOME),
        next_steps=forms.text(view, ids.NOTE_NEXT_STEPS),
        participant_user_ids=people,
        contact_ids=contact_ids,
        others_present=", ".join(name for name in others if name),
    )


def _time_of_day(raw: str | None) -> time | None:
    """A timepicker's "HH:MM"; None when empty or not a time."""
    try:
        return time.fromisoformat(raw) if raw else None
    except ValueError:
        return None


def _contacts(view: dict) -> tuple[list[int], list[str]]:
    """Registered contacts picked (ids), and names offered as "new contact"."""
    contact_ids, new_names = [], []
    for option in element(view, ids.NOTE_CONTACTS).get("selected_options") or []:
        record_id, name = picked(option.get("value"))
        if record_id:
            contact_ids.append(record_id)
        elif name:
            new_names.append(name)
    return contact_ids, new_names


def register(app, runtime: Runtime) -> None:
    @app.view(ids.NOTE_MODAL)
    def note_submitted(ack, body, view, client):
        person = runtime.reader(body, client)
        loc = person.localizer()
        meta = forms.metadata(view)
        deal_id = meta.get("deal") or picked_deal(view, ids.NOTE_DEAL)
        if not deal_id and not meta.get("note"):
            ack(
                response_action="errors",
                errors={ids.NOTE_DEAL: loc._("Choose the deal.")},
            )
            return
        try:
            saved = _save_note(runtime, body, view, person, meta, deal_id)
        except InvalidInput as error:
            errors = notices.field_errors(error, loc, NOTE_FIELDS)
            ack(response_action="errors", errors=errors)
            return
        except AlreadyDone:
            ack()
            return
        except DealbotError as error:
            values = view["state"]["values"]
            block = ids.NOTE_DEAL if ids.NOTE_DEAL in values else ids.NOTE_SUMMARY
            message = notices.translated_error(error, loc)
            ack(response_action="errors", errors={block: message})
            return
        ack()
        _after_note(runtime, client, person, meta, saved)

    @app.view(ids.ATTACH_MODAL)
    def attach_submitted(ack, body, view, client):
        person = runtime.reader(body, client)
        meta = forms.metadata(view)
        files = meta.get("files") or [
            f["id"] for f in element(view, ids.ATTACH_FILES).get("files") or []
        ]
        errors = _attach_errors(runtime, body, view, person, meta, files)
        if errors:
            ack(response_action="errors", errors=errors)
            return
        ack()
        _attach(runtime, client, body, view, person, meta, files)


def _attach(runtime, client, body, view, person, meta, files) -> None:
    """Read the files from Slack, keep them as documents, show the card."""
    team_id = body["team"]["id"]
    deal_id = meta.get("deal") or picked_deal(view, ids.ATTACH_DEAL)
    found = read_files(client, files)
    if not found:
        text = person.localizer()._("Slack did not let me read those files.")
        tell_where_started(client, meta.get("channel"), person.user_id, text)
        return
    try:
        text, blocks = _keep_files(runtime, team_id, view, person, deal_id, found)
    except AlreadyDone:
        return
    tell_where_started(client, meta.get("channel"), person.user_id, text, blocks)


def _keep_files(runtime, team_id, view, person, deal_id, found) -> tuple:
    loc = person.localizer()
    kind = forms.selected(view, ids.ATTACH_KIND)
    source = forms.metadata(view).get("source") or "modal"
    with runtime.transaction() as session:
        claim_request(session, team_id, f"view:{view['id']}")
        workspace = get_workspace(session, team_id)
        deal = get_deal(session, workspace, person.user_id, deal_id, person.is_admin)
        kept = [
            attach_document(session, deal, file, kind, source, person.user_id)[0]
            for file in found
        ]
        return attached_text(deal, kept, loc), card_blocks(session, deal, loc)


def _save_note(runtime, body, view, person, meta, deal_id) -> dict:
    """Log or edit the note in one transaction; what to tell afterwards."""
    loc = person.localizer()
    data = note_input(view, person.tz)
    with runtime.transaction() as session:
        workspace = get_workspace(session, body["team"]["id"])
        if meta.get("note"):
            note = get_interaction(
                session, workspace, person.user_id, int(meta["note"]), person.is_admin
            )
            edit_interaction(session, note, data, person.user_id, person.is_admin)
            deal = get_deal(
                session, workspace, person.user_id, note.deal_id, person.is_admin
            )
            text = loc._("Note on %(deal)s saved.", deal=deal_title(deal))
        else:
            deal = get_deal(
                session, workspace, person.user_id, int(deal_id), person.is_admin
            )
            note = log_interaction(
                session, deal, data, person.user_id, source_key=f"view:{view['id']}"
            )
            text = loc._("Note logged on %(deal)s.", deal=deal_title(deal))
        saved = {"note": note.id, "text": text}
        if meta.get("parent"):
            saved["view"] = note_view(session, note, deal, person)
        else:
            saved["blocks"] = card_blocks(session, deal, loc)
        return saved


def _after_note(runtime, client, person, meta, saved) -> None:
    """Keep the source message's link, refresh the note's view, tell the user."""
    if meta.get("message_ts") and meta.get("channel"):
        _keep_permalink(runtime, client, saved["note"], meta)
        if meta.get("long"):
            _keep_whole_message(runtime, client, saved["note"], meta)
    if meta.get("parent"):
        try:
            client.views_update(view_id=meta["parent"], view=saved["view"])
        except SlackApiError as error:
            logger.info("Note view already closed: %s", error.response.get("error"))
        return
    tell_where_started(
        client, meta.get("channel"), person.user_id, saved["text"], saved["blocks"]
    )


def _keep_permalink(runtime, client, note_id: int, meta: dict) -> None:
    try:
        link = client.chat_getPermalink(
            channel=meta["channel"], message_ts=meta["message_ts"]
        )["permalink"]
    except SlackApiError as error:
        logger.warning("No permalink for a logged message: %s", error.response["error"])
        return
    with runtime.transaction() as session:
        set_permalink(session, session.get(Interaction, note_id), link)


def _keep_whole_message(runtime, client, note_id: int, meta: dict) -> None:
    """A message too long for the form is kept whole on the note all the same."""
    where = {
        "channel": meta["channel"],
        "latest": meta["message_ts"],
        "inclusive": True,
    }
    try:
        if meta.get("thread_ts"):  # a reply: read its thread up to the message
            found = client.conversations_replies(ts=meta["thread_ts"], **where)
        else:
            found = client.conversations_history(limit=1, **where)
    except SlackApiError as error:
        logger.warning("Could not read a logged message: %s", error.response["error"])
        return
    for message in found["messages"]:
        if message.get("ts") == meta["message_ts"]:
            with runtime.transaction() as session:
                note = session.get(Interaction, note_id)
                keep_source_text(session, note, unescape(message.get("text")))


def _attach_errors(runtime, body, view, person, meta, files) -> dict:
    """Field errors to show before anything is attached; empty when all is well."""
    loc = person.localizer()
    values = view["state"]["values"]
    deal_id = meta.get("deal") or picked_deal(view, ids.ATTACH_DEAL)
    errors = {}
    if not files and ids.ATTACH_FILES in values:
        errors[ids.ATTACH_FILES] = loc._("Choose at least one file.")
    if not forms.selected(view, ids.ATTACH_KIND):
        errors[ids.ATTACH_KIND] = loc._("Choose what kind of document it is.")
    if not deal_id:
        errors[ids.ATTACH_DEAL] = loc._("Choose the deal.")
        return errors
    with runtime.transaction() as session:
        workspace = get_workspace(session, body["team"]["id"])
        try:
            get_deal(session, workspace, person.user_id, deal_id, person.is_admin)
        except DealbotError as error:
            block = ids.ATTACH_DEAL if ids.ATTACH_DEAL in values else ids.ATTACH_KIND
            errors[block] = notices.translated_error(error, loc)
    return errors
