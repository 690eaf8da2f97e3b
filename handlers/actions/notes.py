"""Buttons of the deal's record: Add note, History and Attach on the card, a
note's Open, Edit and Delete, and the history's Previous and Next."""

from __future__ import annotations

import json
import logging

from models import DealbotError, get_deal, get_workspace
from models.interactions import delete_interaction, get_interaction
from ui import documents, ids, notes, notices
from ui.blocks import modal
from ui.common import deal_title
from ui.history import parse_page_value

from ..record import history_blocks, note_view
from ..replies import open_or_push, tell
from ..runtime import Runtime, actor

logger = logging.getLogger(__name__)


def register(app, runtime: Runtime) -> None:
    def on_deal(action_id):
        """A card button about one deal: load it as the clicker may see it."""

        def decorator(show):
            @app.action(action_id)
            @runtime.right_after_ack
            def handle(body, action, client, respond):
                person = runtime.reader(body, client)
                team_id, _ = actor(body)
                try:
                    with runtime.transaction() as session:
                        workspace = get_workspace(session, team_id)
                        deal = get_deal(
                            session,
                            workspace,
                            person.user_id,
                            int(action["value"]),
                            person.is_admin,
                        )
                        send = show(session, deal, person, body)
                except DealbotError as error:
                    _refuse(body, respond, client, person, error)
                    return
                send(client, respond)

            return show

        return decorator

    # Each returns what to send once the transaction is over.
    @on_deal(ids.DEAL_ADD_NOTE)
    def _add_note(session, deal, person, body):
        metadata = {"deal": deal.id, "channel": _channel(body)}
        view = notes.note_modal(person.localizer(), deal=deal, metadata=metadata)
        return lambda client, respond: open_or_push(client, body, view)

    @on_deal(ids.DEAL_ATTACH)
    def _attach(session, deal, person, body):
        metadata = {"deal": deal.id, "channel": _channel(body)}
        view = documents.attach_modal(person.localizer(), deal=deal, metadata=metadata)
        return lambda client, respond: open_or_push(client, body, view)

    @on_deal(ids.DEAL_HISTORY)
    def _history(session, deal, person, body):
        blocks = history_blocks(session, deal, person)
        return lambda client, respond: _show_history(
            client, body, respond, deal, person, blocks, replace=False
        )

    @app.action(ids.HISTORY_PREVIOUS)
    @app.action(ids.HISTORY_NEXT)
    @runtime.after_ack
    def page_clicked(body, action, client, respond):
        person = runtime.reader(body, client)
        deal_id, offset = parse_page_value(action["value"])
        try:
            with runtime.reading() as session:
                workspace = get_workspace(session, actor(body)[0])
                deal = get_deal(
                    session, workspace, person.user_id, deal_id, person.is_admin
                )
                blocks = history_blocks(session, deal, person, offset)
        except DealbotError as error:
            _refuse(body, respond, client, person, error)
            return
        _show_history(client, body, respond, deal, person, blocks, replace=True)

    @app.action(ids.NOTE_OPEN)
    @runtime.right_after_ack
    def note_opened(body, action, client, respond):
        person = runtime.reader(body, client)
        _show_view(
            body,
            respond,
            client,
            person,
            build=lambda: _note_view(runtime, body, person, int(action["value"])),
            show=lambda view: open_or_push(client, body, view),
        )

    @app.action(ids.NOTE_EDIT)
    @runtime.right_after_ack
    def edit_clicked(body, action, client, respond):
        person = runtime.reader(body, client)
        _show_view(
            body,
            respond,
            client,
            person,
            build=lambda: _edit_form(runtime, body, person, int(action["value"])),
            show=lambda view: client.views_push(
                trigger_id=body["trigger_id"], view=view
            ),
        )

    @app.action(ids.NOTE_DELETE)
    @runtime.right_after_ack
    def delete_clicked(body, action, client, respond):
        person = runtime.reader(body, client)
        _show_view(
            body,
            respond,
            client,
            person,
            build=lambda: _delete(runtime, body, person, int(action["value"])),
            show=lambda view: client.views_update(
                view_id=body["view"]["id"], view=view
            ),
        )


def _show_view(body, respond, client, person, *, build, show) -> None:
    """Build a view about a note and show it, or say why it cannot be shown."""
    try:
        view = build()
    except DealbotError as error:
        _refuse(body, respond, client, person, error)
        return
    show(view)


def _edit_form(runtime, body, person, note_id: int) -> dict:
    """The note form filled with the note, to push over the note's view."""
    with runtime.transaction() as session:
        workspace = get_workspace(session, actor(body)[0])
        note = get_interaction(
            session, workspace, person.user_id, note_id, person.is_admin
        )
        metadata = {"note": note.id, "parent": body["view"]["id"]}
        return notes.note_modal(person.localizer(), note=note, metadata=metadata)


def _delete(runtime, body, person, note_id: int) -> dict:
    """Delete the note softly; its view as the deleter now sees it."""
    with runtime.transaction() as session:
        workspace = get_workspace(session, actor(body)[0])
        note = get_interaction(
            session, workspace, person.user_id, note_id, person.is_admin
        )
        delete_interaction(session, note, person.user_id, person.is_admin)
        deal = get_deal(
            session, workspace, person.user_id, note.deal_id, person.is_admin
        )
        view = note_view(session, note, deal, person)
    logger.info("Note %s deleted by %s", note_id, person.user_id)
    return view


def _note_view(runtime, body, person, note_id: int) -> dict:
    with runtime.transaction() as session:
        workspace = get_workspace(session, actor(body)[0])
        note = get_interaction(
            session, workspace, person.user_id, note_id, person.is_admin
        )
        deal = get_deal(
            session, workspace, person.user_id, note.deal_id, person.is_admin
        )
        return note_view(session, note, deal, person)


def _refuse(body, respond, client, person, error) -> None:
    """Say why the click changed nothing: gone, hidden, or not the user's to do."""
    tell(body, respond, client, notices.translated_error(error, person.localizer()))


def _channel(body: dict) -> str | None:
    return (body.get("channel") or {}).get("id")


def _show_history(client, body, respond, deal, person, blocks, *, replace) -> None:
    """In the message clicked, or as a modal when clicked inside one."""
    loc = person.localizer()
    if (body.get("container") or {}).get("type") == "message":
        text = loc._("History of %(deal)s", deal=deal_title(deal))
        respond(blocks=blocks, text=text, replace_original=replace)
        return
    view = modal(
        ids.HISTORY_MODAL,
        loc._("History"),
        blocks,
        close=loc._("Close"),
        private_metadata=json.dumps({"deal": deal.id}),
    )
    if replace:
        client.views_update(view_id=body["view"]["id"], view=view)
    else:
        open_or_push(client, body, view)
