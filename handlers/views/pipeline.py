"""Modal submissions about one deal: the deal form and the lost reason."""

from __future__ import annotations

import logging

from models import (
    AlreadyDone,
    Deal,
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
from ui import ids, notices
from ui.common import deal_title
from ui.modals import OTHER_REASON

from .. import forms
from ..deals import card_blocks
from ..replies import tell_where_started
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


def register(app, runtime: Runtime) -> None:
    @app.view(ids.DEAL_MODAL)
    def deal_submitted(ack, body, view, client):
        person = runtime.reader(body, client)
        data = _deal_input(view, person.user_id, str(person.localizer().locale))

        def save(session, workspace, meta):
            if meta.get("deal"):
                deal = _deal_of(session, workspace, person, meta)
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
            return deal, deal_title(deal)

        _save_and_show(
            runtime,
            ack,
            body,
            view,
            client,
            person,
            save,
            fields=DEAL_FIELDS,
            fallback_block=ids.DEAL_NAME,
        )

    @app.view(ids.LOST_MODAL)
    def lost_submitted(ack, body, view, client):
        person = runtime.reader(body, client)
        loc = person.localizer()
        reason = forms.selected(view, ids.LOST_REASON)
        detail = forms.text(view, ids.LOST_DETAIL)
        if reason == OTHER_REASON and not detail:
            ack(
                response_action="errors",
                errors={ids.LOST_DETAIL: loc._("Say why the deal was lost.")},
            )
            return
        words = [loc._(reason) if reason and reason != OTHER_REASON else "", detail]

        def save(session, workspace, meta):
            deal = _deal_of(session, workspace, person, meta)
            move_deal(
                session,
                deal,
                lose_stage(session, deal),
                person.user_id,
                ": ".join(w for w in words if w),
                request_key=f"view:{view['id']}",
            )
            return deal, loc._("%(deal)s is closed as lost.", deal=deal.ref)

        _save_and_show(
            runtime,
            ack,
            body,
            view,
            client,
            person,
            save,
            fields={},
            fallback_block=ids.LOST_REASON,
        )


def _deal_of(session, workspace, person, meta):
    """The deal a form is about, if the submitter may see it."""
    deal_id = meta.get("deal")
    if not str(deal_id).isdigit():
        raise NotFound(N_("That deal does not exist or is not visible to you."))
    return get_deal(session, workspace, person.user_id, int(deal_id), person.is_admin)


def _save_and_show(
    runtime, ack, body, view, client, person, save, *, fields, fallback_block
):
    """Run ``save(session, workspace, meta) -> (deal, text)`` in one transaction.

    Mistakes are answered on the form's fields and nothing is saved; a repeated
    submission closes the form and changes nothing; on success the form closes,
    the channel is owed its post, and the user sees the deal's card, drawn after
    the ack so Slack's form closes without waiting for it.
    """
    loc = person.localizer()
    meta = forms.metadata(view)
    try:
        with runtime.transaction() as session:
            workspace = get_workspace(session, body["team"]["id"])
            deal, text = save(session, workspace, meta)
            deal_id = deal.id
    except AlreadyDone:
        ack()
        return
    except InvalidInput as error:
        errors = notices.field_errors(error, loc, fields)
        ack(
            response_action="errors",
            errors=errors or {fallback_block: notices.translated_error(error, loc)},
        )
        return
    except DealbotError as error:
        ack(
            response_action="errors",
            errors={fallback_block: notices.translated_error(error, loc)},
        )
        return

    ack()
    runtime.wake_outbox()
    with runtime.reading() as session:
        blocks = card_blocks(session, session.get(Deal, deal_id), loc)
    tell_where_started(client, meta.get("channel"), person.user_id, text, blocks)


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
