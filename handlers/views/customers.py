"""Submissions of the contact and company forms, and reading the deal form's
company and contacts pickers.

A duplicate is answered on the field that collides, naming the record already
registered; the form then shows that record with a "Use existing" button.
"""

from __future__ import annotations

import logging

from slack_sdk.errors import SlackApiError

from models import AlreadyDone, InvalidInput, NotFound
from models.customer_register import (
    CompanyInput,
    ContactInput,
    create_company,
    create_contact,
    edit_company,
    edit_contact,
    find_or_create_company,
    get_company,
    get_contact,
)
from models.deal_parties import DealParties
from models.errors import Duplicate
from ui import customer_modals, ids, notices
from ui.customer_modals import picked

from .. import forms
from ..runtime import Runtime

logger = logging.getLogger(__name__)

CONTACT_FIELDS = {
    "name": ids.CONTACT_NAME,
    "company": ids.CONTACT_COMPANY,
    "job_title": ids.CONTACT_JOB_TITLE,
    "email": ids.CONTACT_EMAIL,
    "phone": ids.CONTACT_PHONE,
    "notes": ids.CONTACT_NOTES,
}
COMPANY_FIELDS = {
    "name": ids.COMPANY_NAME,
    "registration_no": ids.COMPANY_REGISTRATION,
    "vat_no": ids.COMPANY_VAT,
    "address": ids.COMPANY_ADDRESS,
    "website": ids.COMPANY_WEBSITE,
    "notes": ids.COMPANY_NOTES,
}


def _picked(view: dict, block_id: str, action_id: str) -> list[str]:
    """The values chosen in a picker: one for a select, any for a multi-select."""
    state = view["state"]["values"].get(block_id, {}).get(action_id, {})
    chosen = state.get("selected_options") or [state.get("selected_option")]
    return [option["value"] for option in chosen if option]


def deal_parties(view: dict) -> DealParties | None:
    """The company and contacts picked in the deal form; None if it has no
    pickers (then the deal's links are left as they are)."""
    if ids.DEAL_COMPANY not in view["state"]["values"]:
        return None
    company_id, new_company = None, ""
    for value in _picked(view, ids.DEAL_COMPANY, ids.COMPANY_PICKER):
        company_id, new_company = picked(value)
    contacts = [picked(v) for v in _picked(view, ids.DEAL_CONTACTS, ids.CONTACT_PICKER)]
    return DealParties(
        company_id=company_id,
        new_company=new_company,
        contact_ids=tuple(dict.fromkeys(cid for cid, _ in contacts if cid)),
        new_contacts=tuple(dict.fromkeys(name for cid, name in contacts if name)),
    )


def register(app, runtime: Runtime) -> None:
    @app.view(ids.CONTACT_MODAL)
    def contact_submitted(ack, body, view, client):
        _submitted(runtime, ack, body, view, client, _save_contact, CONTACT_FIELDS)

    @app.view(ids.COMPANY_MODAL)
    def company_submitted(ack, body, view, client):
        _submitted(runtime, ack, body, view, client, _save_company, COMPANY_FIELDS)


def _submitted(runtime, ack, body, view, client, save, fields) -> None:
    """Save the form; answer errors on their fields, a duplicate with its record."""
    person = runtime.reader(body, client)
    loc = person.localizer()
    team_id = body["team"]["id"]
    meta = forms.metadata(view)
    try:
        with runtime.transaction() as session:
            save(session, team_id, view, meta, person.user_id)
    except InvalidInput as error:
        ack(response_action="errors", errors=notices.field_errors(error, loc, fields))
        return
    except Duplicate as duplicate:
        field = fields[duplicate.field]
        # Field errors are plain text: the name is shown as typed, unescaped.
        message = loc._(duplicate.message, **duplicate.params)
        ack(response_action="errors", errors={field: message})
        _offer_existing(runtime, client, view, team_id, loc, duplicate)
        return
    except AlreadyDone:
        ack()
        return
    except NotFound as error:
        ack(
            response_action="errors",
            errors={fields["name"]: notices.translated_error(error, loc)},
        )
        return
    ack()


def _offer_existing(runtime, client, view, team_id, loc, duplicate) -> None:
    """Show the registered record in the form, with a "Use existing" button.

    Inputs keep what the rep typed: the blocks and their ids stay the same.
    """
    meta = forms.metadata(view)
    with runtime.transaction() as session:
        if view["callback_id"] == ids.CONTACT_MODAL:
            own = meta.get("contact")
            shown = customer_modals.contact_modal(
                loc,
                contact=get_contact(session, team_id, int(own)) if own else None,
                duplicate=get_contact(session, team_id, duplicate.existing_id),
                metadata=meta,
            )
        else:
            own = meta.get("company")
            shown = customer_modals.company_modal(
                loc,
                company=get_company(session, team_id, int(own)) if own else None,
                duplicate=get_company(session, team_id, duplicate.existing_id),
                metadata=meta,
            )
    try:
        client.views_update(view_id=view["id"], hash=view.get("hash"), view=shown)
    except SlackApiError as error:
        logger.warning(
            "Could not offer the existing record: %s", error.response.get("error")
        )


def _save_contact(session, team_id: str, view: dict, meta: dict, actor_id: str):
    company_id, new_company = None, ""
    for value in _picked(view, ids.CONTACT_COMPANY, ids.COMPANY_PICKER):
        company_id, new_company = picked(value)
    if new_company:
        try:
            company = find_or_create_company(session, team_id, new_company, actor_id)
        except InvalidInput as error:
            raise InvalidInput({"company": next(iter(error.errors.values()))}) from None
        company_id = company.id
    data = ContactInput(
        name=forms.text(view, ids.CONTACT_NAME),
        company_id=company_id,
        job_title=forms.text(view, ids.CONTACT_JOB_TITLE),
        email=forms.text(view, ids.CONTACT_EMAIL),
        phone=forms.text(view, ids.CONTACT_PHONE),
        notes=forms.text(view, ids.CONTACT_NOTES),
    )
    if meta.get("contact"):
        contact = get_contact(session, team_id, int(meta["contact"]))
        edit_contact(session, contact, data)
    else:
        create_contact(session, team_id, data, actor_id, f"view:{view['id']}")


def _save_company(session, team_id: str, view: dict, meta: dict, actor_id: str):
    data = CompanyInput(
        name=forms.text(view, ids.COMPANY_NAME),
        registration_no=forms.text(view, ids.COMPANY_REGISTRATION),
        vat_no=forms.text(view, ids.COMPANY_VAT),
        address=forms.text(view, ids.COMPANY_ADDRESS),
        website=forms.text(view, ids.COMPANY_WEBSITE),
        notes=forms.text(view, ids.COMPANY_NOTES),
    )
    if meta.get("company"):
        edit_company(session, get_company(session, team_id, int(meta["company"])), data)
    else:
        create_company(session, team_id, data, actor_id, f"view:{view['id']}")
