"""Buttons and menus of the register: new and edit buttons on the list, "Use
existing" in a form, and a contact's role on the deal card."""

from __future__ import annotations

import logging

from models import DealbotError, get_deal, get_workspace
from models.customer_register import get_company, get_contact
from models.deal_parties import set_contact_role
from ui import customer_modals, deal_card, ids, notices
from ui.blocks import context

from .. import forms
from ..deals import card_blocks
from ..runtime import Runtime

logger = logging.getLogger(__name__)


def register(app, runtime: Runtime) -> None:
    @app.action(ids.CONTACT_NEW)
    @runtime.right_after_ack
    def new_contact_clicked(body, client):
        loc = runtime.reader(body, client).localizer()
        view = customer_modals.contact_modal(loc, metadata=_where(body))
        _open_or_push(client, body, view)

    @app.action(ids.COMPANY_NEW)
    @runtime.right_after_ack
    def new_company_clicked(body, client):
        loc = runtime.reader(body, client).localizer()
        view = customer_modals.company_modal(loc, metadata=_where(body))
        _open_or_push(client, body, view)

    @app.action(ids.CONTACT_EDIT)
    @runtime.right_after_ack
    def edit_contact_clicked(body, action, client):
        view = _edit_form(runtime, body, client, "contact", int(action["value"]))
        _open_or_push(client, body, view)

    @app.action(ids.COMPANY_EDIT)
    @runtime.right_after_ack
    def edit_company_clicked(body, action, client):
        view = _edit_form(runtime, body, client, "company", int(action["value"]))
        _open_or_push(client, body, view)

    @app.action(ids.USE_EXISTING)
    @runtime.right_after_ack
    def use_existing_clicked(body, action, client):
        """Turn the form into the existing record's own edit form."""
        kind, _, record_id = action["value"].partition(":")
        view = _edit_form(runtime, body, client, kind, int(record_id))
        client.views_update(
            view_id=body["view"]["id"], hash=body["view"].get("hash"), view=view
        )

    @app.action(ids.DEAL_CONTACT_ROLE)
    @runtime.after_ack
    def role_chosen(body, action, client, respond):
        deal_id, contact_id, role = action["selected_option"]["value"].split(":")
        _set_role(runtime, body, client, respond, int(deal_id), int(contact_id), role)


def _where(body: dict) -> dict:
    """Where the form was opened from, to keep in its private_metadata."""
    if body.get("view"):
        return {"channel": forms.metadata(body["view"]).get("channel")}
    return {"channel": (body.get("channel") or {}).get("id")}


def _edit_form(runtime, body, client, kind: str, record_id: int) -> dict:
    """The edit form of a contact or company of the clicking user's workspace."""
    loc = runtime.reader(body, client).localizer()
    team_id = body["team"]["id"]
    meta = _where(body)
    with runtime.transaction() as session:
        if kind == "contact":
            contact = get_contact(session, team_id, record_id)
            meta["contact"] = contact.id
            return customer_modals.contact_modal(
                loc, contact=contact, company=contact.company, metadata=meta
            )
        company = get_company(session, team_id, record_id)
        meta["company"] = company.id
        return customer_modals.company_modal(loc, company=company, metadata=meta)


def _set_role(runtime, body, client, respond, deal_id, contact_id, role) -> None:
    """Give the contact its role, then show the card again where it was."""
    person = runtime.reader(body, client)
    loc = person.localizer()
    notice = None
    with runtime.transaction() as session:
        workspace = get_workspace(session, body["team"]["id"])
        deal = get_deal(session, workspace, person.user_id, deal_id, person.is_admin)
        try:
            with session.begin_nested():
                set_contact_role(session, deal, contact_id, role, person.user_id)
        except DealbotError as error:
            notice = notices.translated_error(error, loc)
        blocks = card_blocks(session, deal, loc)
        text = deal_card.card_fallback_text(deal, loc)
        view = deal_card.card_modal(deal, loc, blocks)
    if notice:
        blocks.insert(0, context(notice))
    if body["container"]["type"] == "message":
        respond(blocks=blocks, text=text, replace_original=True)
    elif body["view"]["type"] == "modal":
        client.views_update(view_id=body["view"]["id"], view=view)


def _open_or_push(client, body, view) -> None:
    """Open ``view``, or push it if the click came from inside a modal."""
    if body.get("view") and body["view"].get("type") == "modal":
        client.views_push(trigger_id=body["trigger_id"], view=view)
    else:
        client.views_open(trigger_id=body["trigger_id"], view=view)
