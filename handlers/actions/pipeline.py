"""Buttons and menus: on the deal card, the deal list, the App Home and the
stage editor."""

from __future__ import annotations

import json
import logging

from models import (
    Conflict,
    DealbotError,
    get_deal,
    get_workspace,
    move_deal,
    reopen_stage,
    win_stage,
)
from models.errors import N_
from models.stages import deals_in_stage, get_stage, move_stage, next_stage, pipeline
from ui import deal_card, ids, modals, notices, stages_modal
from ui.deal_list import parse_page_value
from ui.home import SCOPE_ALL, SCOPE_MINE

from ..commands.pipeline import parse_list_filter, stages_view
from ..deals import (
    card_blocks,
    edit_deal_modal,
    list_blocks,
    new_deal_modal,
    publish_home,
)
from ..runtime import Runtime, actor

logger = logging.getLogger(__name__)


def register(app, runtime: Runtime) -> None:
    def on_card(action_id):
        """Register a card action that changes a deal, then shows the card again."""

        def decorator(change):
            @app.action(action_id)
            def handle(ack, body, action, client, respond):
                ack()
                person = runtime.reader(body, client)
                deal_id, _, seen_stage = _selected_value(action).partition(":")
                _change_deal(
                    runtime,
                    body,
                    client,
                    respond,
                    person,
                    int(deal_id),
                    seen_stage,
                    change,
                )

            return change

        return decorator

    @on_card(ids.DEAL_NEXT_STAGE)
    def _next(session, deal, person, target):
        stage = next_stage(session, deal.stage)
        if stage is None:
            raise Conflict(N_("This deal is already closed."))
        move_deal(session, deal, stage, person.user_id)

    @on_card(ids.DEAL_MOVE_TO)
    def _move_to(session, deal, person, target):
        move_deal(
            session, deal, get_stage(session, deal.team_id, int(target)), person.user_id
        )

    @on_card(ids.DEAL_WON)
    def _won(session, deal, person, target):
        move_deal(session, deal, win_stage(session, deal), person.user_id)

    @on_card(ids.DEAL_REOPEN)
    def _reopen(session, deal, person, target):
        move_deal(session, deal, reopen_stage(session, deal), person.user_id)

    @app.action(ids.DEAL_LOST)
    def lost_clicked(ack, body, action, client):
        ack()
        person = runtime.reader(body, client)
        with runtime.transaction() as session:
            workspace = get_workspace(session, body["team"]["id"])
            deal = get_deal(
                session,
                workspace,
                person.user_id,
                int(action["value"]),
                person.is_admin,
            )
            view = modals.lost_modal(deal, person.localizer(), workspace.lost_reasons)
        view["private_metadata"] = json.dumps(
            {"deal": deal.id, "channel": (body.get("channel") or {}).get("id")}
        )
        _open_or_push(client, body, view)

    @app.action(ids.DEAL_EDIT)
    def edit_clicked(ack, body, action, client):
        ack()
        person = runtime.reader(body, client)
        with runtime.transaction() as session:
            workspace = get_workspace(session, body["team"]["id"])
            deal = get_deal(
                session,
                workspace,
                person.user_id,
                int(action["value"]),
                person.is_admin,
            )
            meta = json.dumps(
                {"deal": deal.id, "channel": (body.get("channel") or {}).get("id")}
            )
            view = edit_deal_modal(session, deal, person, meta)
        _open_or_push(client, body, view)

    @app.action(ids.DEAL_OPEN)
    def open_clicked(ack, body, action, client, respond):
        ack()
        person = runtime.reader(body, client)
        loc = person.localizer()
        with runtime.transaction() as session:
            workspace = get_workspace(session, body["team"]["id"])
            deal = get_deal(
                session,
                workspace,
                person.user_id,
                int(action["value"]),
                person.is_admin,
            )
            blocks = card_blocks(session, deal, loc)
            view = deal_card.card_modal(deal, loc, blocks)
            text = deal_card.card_fallback_text(deal, loc)
        if body["container"]["type"] == "message":
            respond(blocks=blocks, text=text, replace_original=False)
        else:
            _open_or_push(client, body, view)

    @app.action(ids.LIST_PREVIOUS)
    @app.action(ids.LIST_NEXT)
    def page_clicked(ack, body, action, client, respond):
        ack()
        person = runtime.reader(body, client)
        key, page = parse_page_value(action["value"])
        with runtime.transaction() as session:
            deal_filter, title = parse_list_filter(
                session, body["team"]["id"], key, person.user_id, person.localizer()
            )
            blocks = list_blocks(
                session, body["team"]["id"], person, deal_filter, key, title, page
            )
        respond(blocks=blocks, text=title, replace_original=True)

    @app.action(ids.HOME_MINE)
    @app.action(ids.HOME_ALL)
    def scope_clicked(ack, body, action, client):
        ack()
        person = runtime.reader(body, client)
        scope = SCOPE_ALL if action["value"] == SCOPE_ALL else SCOPE_MINE
        publish_home(runtime, client, body["team"]["id"], person, scope)

    @app.action(ids.HOME_NEW_DEAL)
    def new_clicked(ack, body, client):
        ack()
        person = runtime.reader(body, client)
        view = new_deal_modal(runtime, person, body["team"]["id"])
        client.views_open(trigger_id=body["trigger_id"], view=view)

    @app.action(ids.STAGE_ADD)
    def add_stage_clicked(ack, body, client):
        ack()
        person = runtime.reader(body, client)
        view = stages_modal.stage_form(
            person.localizer(), root_view_id=body["view"]["id"]
        )
        client.views_push(trigger_id=body["trigger_id"], view=view)

    @app.action(ids.STAGE_ACTIONS)
    def stage_menu(ack, body, action, client):
        ack()
        person = runtime.reader(body, client)
        verb, _, stage_id = action["selected_option"]["value"].partition(":")
        _stage_menu(runtime, client, body, person, verb, int(stage_id))


def _selected_value(action: dict) -> str:
    """A button's value, or a select's chosen ``deal:stage`` pair."""
    if action.get("type") == "static_select":
        deal_id, _, stage_id = action["selected_option"]["value"].partition(":")
        return f"{deal_id}:{stage_id}"
    return action.get("value", "")


def _change_deal(runtime, body, client, respond, person, deal_id, extra, change):
    """Apply ``change`` to the deal, then show its card where the click came from."""
    loc = person.localizer()
    notice = None
    with runtime.transaction() as session:
        workspace = get_workspace(session, body["team"]["id"])
        deal = get_deal(session, workspace, person.user_id, deal_id, person.is_admin)
        stale = extra.isdigit() and body["actions"][0]["action_id"] != ids.DEAL_MOVE_TO
        try:
            if stale and deal.stage_id != int(extra):
                raise Conflict(
                    N_("Someone already moved this deal; here is where it is now.")
                )
            with session.begin_nested():
                change(session, deal, person, extra)
        except DealbotError as error:
            notice = notices.translated_error(error, loc)
        blocks = card_blocks(session, deal, loc)
        text = deal_card.card_fallback_text(deal, loc)
        view = deal_card.card_modal(deal, loc, blocks)
    if notice is None:
        runtime.wake_outbox()
    else:
        blocks.insert(
            0, {"type": "context", "elements": [{"type": "mrkdwn", "text": notice}]}
        )
    container = body["container"]["type"]
    if container == "message":
        respond(blocks=blocks, text=text, replace_original=True)
    elif body["view"]["type"] == "home":
        publish_home(
            runtime,
            client,
            body["team"]["id"],
            person,
            body["view"].get("private_metadata") or SCOPE_MINE,
        )
    else:
        client.views_update(view_id=body["view"]["id"], view=view)


def _open_or_push(client, body, view) -> None:
    """Open ``view``, or push it if the click came from inside a modal."""
    if body["container"]["type"] == "view" and body["view"]["type"] == "modal":
        client.views_push(trigger_id=body["trigger_id"], view=view)
    else:
        client.views_open(trigger_id=body["trigger_id"], view=view)


def _stage_menu(runtime, client, body, person, verb, stage_id) -> None:
    team_id, _ = actor(body)
    root = body["view"]["id"]
    loc = person.localizer()
    if not person.is_admin:
        client.views_update(view_id=root, view=stages_view(runtime, team_id, person))
        return
    notice = None
    with runtime.transaction() as session:
        stage = get_stage(session, team_id, stage_id)
        if verb in (stages_modal.UP, stages_modal.DOWN):
            try:
                move_stage(session, stage, -1 if verb == stages_modal.UP else 1)
            except Conflict as error:
                notice = notices.translated_error(error, loc)
        elif verb == stages_modal.EDIT:
            pushed = stages_modal.stage_form(loc, root_view_id=root, stage=stage)
        else:
            targets = [s for s in pipeline(session, team_id) if s.id != stage.id]
            pushed = stages_modal.remove_form(
                loc,
                root_view_id=root,
                stage=stage,
                count=deals_in_stage(session, stage),
                targets=targets,
            )
    if verb in (stages_modal.EDIT, stages_modal.REMOVE):
        client.views_push(trigger_id=body["trigger_id"], view=pushed)
    else:
        client.views_update(
            view_id=root, view=stages_view(runtime, team_id, person, notice)
        )
