"""The register's Block Kit, as data: within Slack's limits, nothing smuggled in."""

from __future__ import annotations

from types import SimpleNamespace

from tests.fakeslack import validate_message, validate_view
from ui import customer_modals, customers
from ui.i18n import Localizer

LONG = "Žlutý kůň <@U123> <!channel> <http://evil|click> " * 8
LOC = Localizer("en")


def a_company(record_id=7, name=LONG):
    return SimpleNamespace(
        id=record_id, name=name, name_folded=name.casefold(), registration_no="1" * 40,
        vat_no="CZ" * 20, website="<https://x.cz|y>", address=LONG, notes=LONG,
    )  # fmt: skip


def a_contact(record_id=9, name=LONG, company=None):
    return SimpleNamespace(
        id=record_id, name=name, name_folded=name.casefold(), job_title=LONG,
        email="jana@kun.cz", phone="+420 601", notes=LONG,
        company=company or a_company(),
    )  # fmt: skip


def test_the_register_list_stays_within_limits_and_shows_no_mention():
    blocks = customers.register_list(
        LOC,
        query=LONG,
        companies=[a_company(i) for i in range(30)],
        contacts=[a_contact(i) for i in range(30)],
    )

    assert validate_message(blocks) == []
    shown = str(blocks)
    assert "<@U123>" not in shown and "<!channel>" not in shown
    assert "<http" not in shown


def test_options_fit_slacks_limits_and_carry_ids_not_names():
    companies = [a_company(i) for i in range(120)]

    offered = customers.company_options(LOC, LONG, companies)

    assert len(offered) <= 100
    assert all(len(o["text"]["text"]) <= 75 for o in offered)
    assert all(len(o["value"]) <= 150 for o in offered)
    assert offered[0]["value"] == "id:0"
    assert offered[-1]["value"].startswith("new:")


def test_no_new_company_is_offered_when_the_name_is_registered():
    acme = a_company(1, "Acme s.r.o.")

    offered = customers.company_options(LOC, "ACME s.r.o.", [acme])

    assert [o["value"] for o in offered] == ["id:1"]


def test_a_picked_value_is_an_id_or_a_typed_name():
    assert customer_modals.picked("id:12") == (12, "")
    assert customer_modals.picked("new:  Nová   firma ") == (None, "Nová firma")
    assert customer_modals.picked("id:x") == (None, "")
    assert customer_modals.picked(None) == (None, "")


def test_the_forms_are_valid_modals_new_and_filled_in():
    contact = a_contact()
    views = [
        customer_modals.contact_modal(LOC),
        customer_modals.contact_modal(
            LOC, contact=contact, company=contact.company, duplicate=a_contact(3)
        ),
        customer_modals.company_modal(LOC),
        customer_modals.company_modal(LOC, company=a_company(), duplicate=a_company()),
    ]

    for view in views:
        assert validate_view(view) == []


def test_the_card_section_lists_contacts_with_their_roles():
    deal = SimpleNamespace(id=5)
    links = [
        SimpleNamespace(contact=a_contact(i), role="technical" if i else "")
        for i in range(8)
    ]

    blocks = customers.deal_parties_blocks(deal, LOC, company=a_company(), links=links)

    assert validate_message(blocks) == []
    selects = [b["accessory"] for b in blocks if "accessory" in b]
    assert len(selects) == customers.CARD_CONTACTS
    assert "initial_option" not in selects[0]
    assert selects[1]["initial_option"]["value"] == "5:1:technical"
    assert "3 more" in str(blocks[-1])
