"""The record's subcommands: ``note``, ``history`` and ``attach``."""

from __future__ import annotations

from models import get_workspace, resolve_ref
from ui import documents, notes
from ui.common import deal_title

from ..record import history_blocks


def subcommands() -> dict:
    """The words after ``/deal`` for a deal's notes, documents and history."""
    return {"note": _note, "history": _history, "attach": _attach}


def _note(runtime, command, rest, person, client, respond):
    with runtime.transaction() as session:
        workspace = get_workspace(session, command["team_id"])
        deal = resolve_ref(session, workspace, person.user_id, rest, person.is_admin)
        metadata = {"deal": deal.id, "channel": command.get("channel_id")}
        view = notes.note_modal(person.localizer(), deal=deal, metadata=metadata)
    client.views_open(trigger_id=command["trigger_id"], view=view)


def _attach(runtime, command, rest, person, client, respond):
    with runtime.transaction() as session:
        workspace = get_workspace(session, command["team_id"])
        deal = resolve_ref(session, workspace, person.user_id, rest, person.is_admin)
        metadata = {"deal": deal.id, "channel": command.get("channel_id")}
        view = documents.attach_modal(person.localizer(), deal=deal, metadata=metadata)
    client.views_open(trigger_id=command["trigger_id"], view=view)


def _history(runtime, command, rest, person, client, respond):
    loc = person.localizer()
    with runtime.reading() as session:
        workspace = get_workspace(session, command["team_id"])
        deal = resolve_ref(session, workspace, person.user_id, rest, person.is_admin)
        blocks = history_blocks(session, deal, person)
        text = loc._("History of %(deal)s", deal=deal_title(deal))
    respond(blocks=blocks, text=text)
