"""Modal submissions: the deal form, the lost reason, settings and stages."""

from __future__ import annotations

import logging

from slack_sdk.errors import SlackApiError

from models import (
    AlreadyDone,
    Conflict,
    DealbotError,
    DealInput,
    InvalidInput,
    NotFound,
    create_deal,
    get_deal,
    get_workspace,
    lose_stage,
    move_deal,
    update_deal,
)
from models.deal_parties import set_deal_parties
from models.errors import N_
from models.stages import add_stage, edit_stage, get_stage, remove_stage
from models.workspace import update_settings
from ui import ids, notices
from ui.common import deal_title
from ui.modals import OTHER_REASON

from .. import forms
from ..commands.pipeline import stages_view
from ..deals import card_blocks
from ..runtime import Runtime
from .customers import deal_parties

logger = logging.getLogger(__name__)

DEAL_FIELDS = {
    "name": ids.DEAL_NAME,
    "customer": ids.DEAL_CUSTOMER,
    "company": ids.DEAL_COMPANY,
    "contacts": ids.DEAL_CONTACTS,
    "value": ids.DEAL_VALUE,
    "currency": ids.DEAL_CURRENCY,
    "stage": ids.DEAL_STAGE,
    "description": ids.DEAL_DESCRIPTION,
}
SETTINGS_FIELDS = {
    "default_currency": ids.SETTINGS_CURRENCY,
    "language": ids.SETTINGS_LANGUAGE,
    "visibility": ids.SETTINGS_VISIBILITY,
    "lost_reasons": ids.SETTINGS_LOST_REASONS,
}
STAGE_FIELDS = {
    "name": ids.STAGE_EDIT_NAME,
    "probability": ids.STAGE_EDIT_PROBABILITY,
    "move_to": ids.STAGE_MOVE_TO,
}


def register(app, runtime: Runtime) -> None:
    @app.view(ids.DEAL_MODAL)
    def deal_submitted(ack, body, view, client):
        person = runtime.reader(body, client)
        loc = person.localizer()
        team_id = body["team"]["id"]
        meta = forms.metadata(view)
        data = _deal_input(view, person.user_id, str(loc.locale))
        try:
            with runtime.transaction() as session:
                workspace = get_workspace(session, team_id)
                if meta.get("deal"):
                    deal = get_deal(
                        session,
                        workspace,
                        person.user_id,
                        int(meta["deal"]),
                        person.is_admin,
                    )
                    update_deal(session, deal, data, person.user_id)
                else:
                    deal = create_deal(
                        session,
                        workspace,
                        data,
                        person.user_id,
                        request_key=f"view:{view['id']}",
                    )
                if (parties := deal_parties(view)) is not None:
                    set_deal_parties(session, deal, parties, person.user_id)
                blocks = card_blocks(session, deal, loc)
                text = deal_title(deal)
        except InvalidInput as error:
            ack(
                response_action="errors",
                errors=notices.field_errors(error, loc, DEAL_FIELDS),
            )
            return
        except AlreadyDone:
            ack()
            return
        except DealbotError as error:
            ack(
                response_action="errors",
                errors={ids.DEAL_NAME: notices.translated_error(error, loc)},
            )
            return
        ack()
        runtime.wake_outbox()
        _tell(client, meta.get("channel"), person.user_id, text, blocks)

    @app.view(ids.LOST_MODAL)
    def lost_submitted(ack, body, view, client):
        person = runtime.reader(body, client)
        loc = person.localizer()
        meta = forms.metadata(view)
        reason = forms.selected(view, ids.LOST_REASON)
        detail = forms.text(view, ids.LOST_DETAIL)
        if reason == OTHER_REASON and not detail:
            ack(
                response_action="errors",
                errors={ids.LOST_DETAIL: loc._("Say why the deal was lost.")},
            )
            return
        words = [loc._(reason) if reason and reason != OTHER_REASON else "", detail]
        full_reason = ": ".join(w for w in words if w)
        try:
            with runtime.transaction() as session:
                workspace = get_workspace(session, body["team"]["id"])
                deal = get_deal(
                    session,
                    workspace,
                    person.user_id,
                    int(meta["deal"]),
                    person.is_admin,
                )
                move_deal(
                    session,
                    deal,
                    lose_stage(session, deal),
                    person.user_id,
                    full_reason,
                    request_key=f"view:{view['id']}",
                )
                blocks = card_blocks(session, deal, loc)
                text = loc._("%(deal)s is closed as lost.", deal=deal.ref)
        except AlreadyDone:
            ack()
            return
        except DealbotError as error:
            ack(
                response_action="errors",
                errors={ids.LOST_REASON: notices.translated_error(error, loc)},
            )
            return
        ack()
        runtime.wake_outbox()
        _tell(client, meta.get("channel"), person.user_id, text, blocks)

    @app.view(ids.SETTINGS_MODAL)
    def settings_submitted(ack, body, view, client):
        person = runtime.reader(body, client)
        loc = person.localizer()
        if not person.is_admin:
            ack(
                response_action="errors",
                errors={
                    ids.SETTINGS_CURRENCY: loc._(
                        N_("Only a workspace admin can do that.")
                    )
                },
            )
            return
        team_id = body["team"]["id"]
        try:
            with runtime.transaction() as session:
                update_settings(
                    session,
                    get_workspace(session, team_id),
                    channel_id=forms.selected_conversation(view, ids.SETTINGS_CHANNEL),
                    default_currency=forms.text(view, ids.SETTINGS_CURRENCY),
                    language=forms.selected(view, ids.SETTINGS_LANGUAGE) or "en",
                    visibility=forms.selected(view, ids.SETTINGS_VISIBILITY) or "all",
                    lost_reasons=forms.text(
                        view, ids.SETTINGS_LOST_REASONS
                    ).splitlines(),
                )
        except InvalidInput as error:
            ack(
                response_action="errors",
                errors=notices.field_errors(error, loc, SETTINGS_FIELDS),
            )
            return
        ack()
        runtime.people.forget(team_id)

    @app.view(ids.STAGE_EDIT_MODAL)
    def stage_form_submitted(ack, body, view, client):
        person = runtime.reader(body, client)
        loc = person.localizer()
        meta = forms.metadata(view)
        team_id = body["team"]["id"]
        try:
            if not person.is_admin:
                raise InvalidInput({"name": N_("Only a workspace admin can do that.")})
            with runtime.transaction() as session:
                _apply_stage_form(session, team_id, view, meta, person.user_id)
        except InvalidInput as error:
            errors = notices.field_errors(error, loc, STAGE_FIELDS)
            ack(
                response_action="errors",
                errors=errors
                or {ids.STAGE_EDIT_NAME: notices.translated_error(error, loc)},
            )
            return
        except (Conflict, NotFound) as error:
            field = (
                ids.STAGE_MOVE_TO
                if meta.get("mode") == "remove"
                else ids.STAGE_EDIT_NAME
            )
            block = field if field in view["state"]["values"] else None
            if block is None:
                ack(
                    response_action="update",
                    view=stages_view(
                        runtime, team_id, person, notices.translated_error(error, loc)
                    ),
                )
            else:
                ack(
                    response_action="errors",
                    errors={block: notices.translated_error(error, loc)},
                )
            return
        ack()
        runtime.wake_outbox()
        if meta.get("root"):
            client.views_update(
                view_id=meta["root"], view=stages_view(runtime, team_id, person)
            )


def _deal_input(view: dict, user_id: str, locale: str) -> DealInput:
    stage = forms.selected(view, ids.DEAL_STAGE)
    return DealInput(
        name=forms.text(view, ids.DEAL_NAME),
        customer=forms.text(view, ids.DEAL_CUSTOMER),
        value=forms.text(view, ids.DEAL_VALUE),
        currency=forms.text(view, ids.DEAL_CURRENCY),
        close_date=forms.selected_date(view, ids.DEAL_CLOSE_DATE),
        owner_id=forms.selected_user(view, ids.DEAL_OWNER) or user_id,
        stage_id=int(stage) if stage and stage.isdigit() else None,
        description=forms.text(view, ids.DEAL_DESCRIPTION),
        locale=locale,
    )


def _apply_stage_form(session, team_id, view, meta, actor_id) -> None:
    stage = (
        get_stage(session, team_id, int(meta["stage"])) if meta.get("stage") else None
    )
    if meta.get("mode") == "remove":
        target = forms.selected(view, ids.STAGE_MOVE_TO)
        move_to = get_stage(session, team_id, int(target)) if target else None
        remove_stage(session, stage, actor_id, move_to)
        return
    name = forms.text(view, ids.STAGE_EDIT_NAME)
    raw = forms.text(view, ids.STAGE_EDIT_PROBABILITY)
    probability = (
        forms.whole_number(raw) if raw else (stage.probability if stage else -1)
    )
    if probability is None:
        raise InvalidInput(
            {"probability": N_("Win probability is a whole percentage, 0 to 100.")}
        )
    if stage is None:
        add_stage(session, team_id, name, probability)
    else:
        edit_stage(session, stage, name, probability)


def _tell(client, channel: str | None, user_id: str, text: str, blocks) -> None:
    """Show the result to the user where they started, or else in a DM.

    An ephemeral message needs the bot in that channel; where it is not (a DM
    with someone else, a channel it was never invited to), the DM still works.
    """
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
    dm = client.conversations_open(users=user_id)["channel"]["id"]
    client.chat_postMessage(channel=dm, text=text, blocks=blocks)
