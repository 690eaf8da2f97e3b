"""Buttons on the deal card, the deal list and the App Home."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

from models import (
    DealbotError,
    get_deal,
    get_workspace,
    move_deal,
    reopen_stage,
    win_stage,
)
from models.errors import N_, Conflict, NotFound
from models.stages import get_stage, next_stage
from ui import deal_card, ids, modals, notices
from ui.deal_list import parse_page_value
from ui.home import SCOPE_ALL, SCOPE_MINE

from ..commands.pipeline import parse_list_filter
from ..deals import (
    card_blocks,
    edit_deal_modal,
    list_blocks,
    new_deal_modal,
    publish_home,
)
from ..replies import open_or_push, tell
from ..runtime import Runtime

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class CardClick:
    """What a click on a deal card says: which deal, and the stage involved.

    Buttons carry the stage the reader saw (``seen``), so a double click or a stale
    card moves the deal once; the Move to… menu carries where to (``target``).
    """

    deal_id: int
    seen: int | None = None
    target: int | None = None

    @classmethod
    def of(cls, action: dict) -> CardClick:
        """Read a click; a value this bot did not write names no deal."""
        try:
            if action.get("type") == "static_select":
                deal_id, _, target = action["selected_option"]["value"].partition(":")
                return cls(int(deal_id), target=int(target))
            deal_id, _, seen = action.get("value", "").partition(":")
            return cls(int(deal_id), seen=int(seen) if seen.isdigit() else None)
        except (ValueError, KeyError, TypeError) as error:
            raise NotFound(
                N_("That deal does not exist or is not visible to you.")
            ) from error


def _next(session, deal, click):
    stage = next_stage(session, deal.stage)
    if stage is None:
        raise Conflict(N_("This deal is already closed."))
    return stage


def _chosen(session, deal, click):
    return get_stage(session, deal.team_id, click.target)


def _won(session, deal, click):
    return win_stage(session, deal)


def _reopened(session, deal, click):
    return reopen_stage(session, deal)


MOVES = {
    ids.DEAL_NEXT_STAGE: _next,
    ids.DEAL_MOVE_TO: _chosen,
    ids.DEAL_WON: _won,
    ids.DEAL_REOPEN: _reopened,
}


def register(app, runtime: Runtime) -> None:
    for action_id, destination in MOVES.items():
        app.action(action_id)(runtime.after_ack(_mover(runtime, destination)))

    @app.action(ids.DEAL_LOST)
    @runtime.right_after_ack
    def lost_clicked(body, action, client, respond):
        person = runtime.reader(body, client)

        def form(session, workspace, deal):
            return modals.lost_modal(deal, person.localizer(), workspace.lost_reasons)

        _open_deal_form(runtime, body, action, client, respond, person, form)

    @app.action(ids.DEAL_EDIT)
    @runtime.right_after_ack
    def edit_clicked(body, action, client, respond):
        person = runtime.reader(body, client)

        def form(session, workspace, deal):
            return edit_deal_modal(session, deal, person, "")

        _open_deal_form(runtime, body, action, client, respond, person, form)

    @app.action(ids.DEAL_OPEN)
    @runtime.right_after_ack
    def open_clicked(body, action, client, respond):
        person = runtime.reader(body, client)
        loc = person.localizer()
        try:
            with runtime.reading() as session:
                deal = _visible_deal(session, body, person, int(action["value"]))
                blocks = card_blocks(session, deal, loc)
                view = deal_card.card_modal(deal, loc, blocks)
                text = deal_card.card_fallback_text(deal, loc)
        except DealbotError as error:
            tell(body, respond, client, notices.translated_error(error, loc))
            return
        if body["container"]["type"] == "message":
            respond(blocks=blocks, text=text, replace_original=False)
        else:
            open_or_push(client, body, view)

    @app.action(ids.LIST_PREVIOUS)
    @app.action(ids.LIST_NEXT)
    @runtime.after_ack
    def page_clicked(body, action, client, respond):
        person = runtime.reader(body, client)
        team_id = body["team"]["id"]
        key, page = parse_page_value(action["value"])
        with runtime.reading() as session:
            deal_filter, title = parse_list_filter(
                session, team_id, key, person.user_id, person.localizer()
            )
            blocks = list_blocks(
                session, team_id, person, deal_filter, key, title, page
            )
        respond(blocks=blocks, text=title, replace_original=True)

    @app.action(ids.HOME_MINE)
    @app.action(ids.HOME_ALL)
    @runtime.after_ack
    def scope_clicked(body, action, client):
        person = runtime.reader(body, client)
        scope = SCOPE_ALL if action["value"] == SCOPE_ALL else SCOPE_MINE
        publish_home(runtime, client, body["team"]["id"], person, scope)

    @app.action(ids.HOME_NEW_DEAL)
    @runtime.right_after_ack
    def new_clicked(body, client):
        person = runtime.reader(body, client)
        view = new_deal_modal(runtime, person, body["team"]["id"])
        client.views_open(trigger_id=body["trigger_id"], view=view)


def _visible_deal(session, body, person, deal_id):
    workspace = get_workspace(session, body["team"]["id"])
    return get_deal(session, workspace, person.user_id, deal_id, person.is_admin)


def _open_deal_form(runtime, body, action, client, respond, person, form):
    """Open a form about the clicked deal (lost reason, edit), or say why not."""
    try:
        deal_id = CardClick.of(action).deal_id
        with runtime.transaction() as session:
            workspace = get_workspace(session, body["team"]["id"])
            deal = get_deal(
                session, workspace, person.user_id, deal_id, person.is_admin
            )
            view = form(session, workspace, deal)
    except DealbotError as error:
        tell(body, respond, client, notices.translated_error(error, person.localizer()))
        return
    view["private_metadata"] = json.dumps(
        {"deal": deal_id, "channel": (body.get("channel") or {}).get("id")}
    )
    open_or_push(client, body, view)


def _mover(runtime, destination):
    """A listener that moves the clicked deal to ``destination(session, deal, click)``
    and shows the card again where the click came from."""

    def move_clicked(body, action, client, respond):
        person = runtime.reader(body, client)
        loc = person.localizer()
        notice = None
        try:
            click = CardClick.of(action)
            with runtime.transaction() as session:
                deal = _visible_deal(session, body, person, click.deal_id)
                try:
                    with session.begin_nested():
                        if click.seen is not None and deal.stage_id != click.seen:
                            raise Conflict(
                                N_(
                                    "Someone already moved this deal; "
                                    "here is where it is now."
                                )
                            )
                        stage = destination(session, deal, click)
                        move_deal(session, deal, stage, person.user_id)
                except DealbotError as error:
                    notice = notices.translated_error(error, loc)
                blocks = card_blocks(session, deal, loc)
                text = deal_card.card_fallback_text(deal, loc)
        except DealbotError as error:
            tell(body, respond, client, notices.translated_error(error, loc))
            return

        if notice is None:
            runtime.wake_outbox()
        else:
            blocks.insert(
                0, {"type": "context", "elements": [{"type": "mrkdwn", "text": notice}]}
            )
        view = deal_card.card_modal(deal, loc, blocks)
        _show_card_again(runtime, body, client, respond, person, blocks, text, view)

    return move_clicked


def _show_card_again(runtime, body, client, respond, person, blocks, text, view):
    if body["container"]["type"] == "message":
        respond(blocks=blocks, text=text, replace_original=True)
    elif body["view"]["type"] == "home":
        scope = body["view"].get("private_metadata") or SCOPE_MINE
        publish_home(runtime, client, body["team"]["id"], person, scope)
    else:
        client.views_update(view_id=body["view"]["id"], view=view)
