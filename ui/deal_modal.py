"""The modal that creates or edits a deal."""

from __future__ import annotations

from . import ids
from .blocks import input_block, modal, option, plain, static_select, text_input
from .common import stage_label
from .customer_modals import deal_party_inputs
from .i18n import Localizer

COMMON_CURRENCIES = ("EUR", "CZK", "USD", "GBP", "PLN", "CHF", "SEK", "HUF")


def deal_modal(
    loc: Localizer,
    *,
    stages,
    default_currency: str,
    owner_id: str,
    name: str = "",
    deal=None,
    company=None,
    contacts=(),
) -> dict:
    """A new deal when ``deal`` is None; otherwise the edit form, pre-filled.

    ``company`` and ``contacts`` are the registered ones the deal links to.
    """
    currency = deal.currency if deal else default_currency
    stage_id = deal.stage_id if deal else stages[0].id
    blocks = [
        input_block(
            ids.DEAL_NAME,
            loc._("Deal name"),
            text_input(
                ids.INPUT,
                initial=deal.name if deal else name,
                max_length=200,
                placeholder=loc._("e.g. 40 laptops for Acme"),
            ),
        ),
        input_block(
            ids.DEAL_CUSTOMER,
            loc._("Customer"),
            text_input(
                ids.INPUT,
                initial=deal.customer if deal and not company else "",
                max_length=200,
                placeholder=loc._("Company name"),
            ),
            optional=True,
            hint=loc._("Only for a customer not in the register."),
        ),
        input_block(
            ids.DEAL_VALUE,
            loc._("Value"),
            text_input(
                ids.INPUT,
                initial=_amount_text(deal),
                max_length=40,
                placeholder="12500",
            ),
        ),
        input_block(
            ids.DEAL_CURRENCY,
            loc._("Currency"),
            text_input(ids.INPUT, initial=currency, max_length=3),
            hint=loc._(
                "ISO 4217 code, e.g. %(examples)s",
                examples=", ".join(COMMON_CURRENCIES[:4]),
            ),
        ),
        input_block(
            ids.DEAL_CLOSE_DATE,
            loc._("Expected close date"),
            _datepicker(deal.close_date if deal else None, loc),
            optional=True,
        ),
        input_block(
            ids.DEAL_OWNER,
            loc._("Owner"),
            {
                "type": "users_select",
                "action_id": ids.INPUT,
                "initial_user": deal.owner_id if deal else owner_id,
            },
        ),
        input_block(
            ids.DEAL_STAGE,
            loc._("Stage"),
            static_select(
                ids.INPUT,
                loc._("Stage"),
                [option(stage_label(s, loc), str(s.id)) for s in stages],
                initial=next(
                    (
                        option(stage_label(s, loc), str(s.id))
                        for s in stages
                        if s.id == stage_id
                    ),
                    None,
                ),
            ),
        ),
        input_block(
            ids.DEAL_DESCRIPTION,
            loc._("What the customer asked for"),
            text_input(
                ids.INPUT,
                initial=deal.description if deal else "",
                multiline=True,
                max_length=3000,
                placeholder=loc._("RFP, RFQ, scope, quantities, deadlines"),
            ),
            optional=True,
        ),
        *deal_party_inputs(loc, company=company, contacts=contacts),
    ]
    title = loc._("Edit deal") if deal else loc._("New deal")
    return modal(
        ids.DEAL_MODAL,
        title,
        blocks,
        submit=loc._("Save"),
        close=loc._("Cancel"),
        private_metadata=str(deal.id) if deal else "",
    )


def _amount_text(deal) -> str:
    if deal is None:
        return ""
    return format(deal.value.normalize(), "f")


def _datepicker(value, loc: Localizer) -> dict:
    element = {
        "type": "datepicker",
        "action_id": ids.INPUT,
        "placeholder": plain(loc._("Pick a date")),
    }
    if value:
        element["initial_date"] = value.isoformat()
    return element
