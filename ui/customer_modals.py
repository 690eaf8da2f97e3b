"""The contact and company forms, and the pickers the deal form borrows.

A picker is an ``external_select``: Slack asks the options handler for what
matches as the rep types, and the chosen option's value carries a record id
(``id:12``) or a name typed for a record not registered yet (``new:Acme``).
"""

from __future__ import annotations

import json

from . import ids
from .blocks import button, input_block, modal, option, plain, section, text_input
from .i18n import Localizer
from .text import escaped_cut

PICKED_ID = "id:"
PICKED_NEW = "new:"
MIN_QUERY_LENGTH = 1


def picked(value: str | None) -> tuple[int | None, str]:
    """(record id, "") or (None, typed name) from a picker option's value."""
    value = value or ""
    if value.startswith(PICKED_ID) and value[len(PICKED_ID) :].isdigit():
        return int(value[len(PICKED_ID) :]), ""
    if value.startswith(PICKED_NEW):
        return None, " ".join(value[len(PICKED_NEW) :].split())
    return None, ""


def record_option(name: str, record_id: int, description: str = "") -> dict:
    chosen = option(name, f"{PICKED_ID}{record_id}")
    if description:
        chosen["description"] = plain(description, 75)
    return chosen


def picker(
    action_id: str, placeholder: str, *, initial=None, multi=False, limit=None
) -> dict:
    """An external select; ``initial`` is one option, or a list when ``multi``."""
    element = {
        "type": "multi_external_select" if multi else "external_select",
        "action_id": action_id,
        "placeholder": plain(placeholder, 150),
        "min_query_length": MIN_QUERY_LENGTH,
    }
    if multi and initial:
        element["initial_options"] = initial[:100]
    elif initial:
        element["initial_option"] = initial
    if multi and limit:
        element["max_selected_items"] = limit
    return element


def company_picker(loc: Localizer, company=None) -> dict:
    initial = record_option(company.name, company.id) if company else None
    return picker(ids.COMPANY_PICKER, loc._("Type a company's name"), initial=initial)


def deal_party_inputs(loc: Localizer, *, company=None, contacts=()) -> list[dict]:
    """The deal form's company and contacts pickers, pre-filled when editing."""
    chosen = [record_option(contact.name, contact.id) for contact in contacts]
    return [
        input_block(
            ids.DEAL_COMPANY,
            loc._("Customer company"),
            company_picker(loc, company),
            optional=True,
            hint=loc._("From the register; or type a new name and pick “New company”."),
        ),
        input_block(
            ids.DEAL_CONTACTS,
            loc._("Contacts"),
            picker(
                ids.CONTACT_PICKER,
                loc._("Type a name or an e-mail"),
                initial=chosen,
                multi=True,
            ),
            optional=True,
            hint=loc._("Give each one a role on the deal card."),
        ),
    ]


def _duplicate_notice(loc: Localizer, duplicate, kind: str) -> dict:
    """The record already registered, offered instead of a second one."""
    return section(
        "⚠️ "
        + loc._(
            "*%(name)s* is already in the register.",
            name=escaped_cut(duplicate.name, 200),
        ),
        accessory=button(
            loc._("Use existing"), ids.USE_EXISTING, f"{kind}:{duplicate.id}"
        ),
        block_id=ids.DUPLICATE_NOTICE,
    )


def _text(block_id: str, label: str, initial: str, limit: int, **options) -> dict:
    multiline = options.pop("multiline", False)
    return input_block(
        block_id,
        label,
        text_input(ids.INPUT, initial=initial, max_length=limit, multiline=multiline),
        **options,
    )


def contact_modal(
    loc: Localizer, *, contact=None, company=None, duplicate=None, metadata=None
) -> dict:
    """A new contact when ``contact`` is None; otherwise its edit form."""
    field = (lambda name: getattr(contact, name)) if contact else (lambda name: "")
    blocks = [_duplicate_notice(loc, duplicate, "contact")] if duplicate else []
    blocks += [
        _text(ids.CONTACT_NAME, loc._("Name"), field("name"), 200),
        input_block(
            ids.CONTACT_COMPANY,
            loc._("Company"),
            company_picker(loc, company),
            optional=True,
        ),
        _text(ids.CONTACT_JOB_TITLE, loc._("Job title"), field("job_title"), 200,
              optional=True),
        _text(ids.CONTACT_EMAIL, loc._("E-mail"), field("email"), 254, optional=True),
        _text(ids.CONTACT_PHONE, loc._("Phone"), field("phone"), 50, optional=True),
        _text(ids.CONTACT_NOTES, loc._("Notes"), field("notes"), 3000,
              optional=True, multiline=True),
    ]  # fmt: skip
    return modal(
        ids.CONTACT_MODAL,
        loc._("Edit contact") if contact else loc._("New contact"),
        blocks,
        submit=loc._("Save"),
        close=loc._("Cancel"),
        private_metadata=json.dumps(metadata or {}),
    )


def company_modal(loc: Localizer, *, company=None, duplicate=None, metadata=None):
    """A new company when ``company`` is None; otherwise its edit form."""
    field = (lambda name: getattr(company, name)) if company else (lambda name: "")
    blocks = [_duplicate_notice(loc, duplicate, "company")] if duplicate else []
    blocks += [
        _text(ids.COMPANY_NAME, loc._("Name"), field("name"), 200),
        _text(ids.COMPANY_REGISTRATION, loc._("Registration number"),
              field("registration_no"), 40, optional=True),
        _text(ids.COMPANY_VAT, loc._("VAT number"), field("vat_no"), 40,
              optional=True),
        _text(ids.COMPANY_ADDRESS, loc._("Address"), field("address"), 500,
              optional=True, multiline=True),
        _text(ids.COMPANY_WEBSITE, loc._("Website"), field("website"), 300,
              optional=True),
        _text(ids.COMPANY_NOTES, loc._("Notes"), field("notes"), 3000,
              optional=True, multiline=True),
    ]  # fmt: skip
    return modal(
        ids.COMPANY_MODAL,
        loc._("Edit company") if company else loc._("New company"),
        blocks,
        submit=loc._("Save"),
        close=loc._("Cancel"),
        private_metadata=json.dumps(metadata or {}),
    )
