"""The register of companies and contacts: checks, duplicates, search, deals."""

from __future__ import annotations

import pytest

from models import Deal, InvalidInput, NotFound, get_workspace
from models import customer_register as register
from models.customer_register import (
    CompanyInput,
    ContactInput,
    create_company,
    create_contact,
    edit_company,
    edit_contact,
    get_contact,
)
from models.customer_search import (
    prefix_bound,
    search_companies,
    search_contacts,
    search_words,
)
from models.deal_parties import (
    DealParties,
    deal_contacts,
    set_contact_role,
    set_deal_parties,
)
from models.errors import Duplicate
from tests.factories import ALICE, make_deal


@pytest.fixture
def other_team(sessions):
    from tests.conftest import _team_numbers

    team = f"TOTHER{next(_team_numbers)}"
    with sessions() as session, session.begin():
        get_workspace(session, team)
    return team


def company(session, team_id, name="Žlutý kůň s.r.o.", **fields):
    return create_company(session, team_id, CompanyInput(name=name, **fields), ALICE)


def contact(session, team_id, name="Nováková Jana", **fields):
    return create_contact(session, team_id, ContactInput(name=name, **fields), ALICE)


def names(records) -> list[str]:
    return [record.name for record in records]


def test_words_are_folded_and_split_on_punctuation():
    assert search_words("Žlutý kůň, s.r.o.") == ["zluty", "kun", "s", "r", "o"]
    assert search_words("Łukasz Ørsted") == ["lukasz", "orsted"]


def test_prefix_bound_is_the_next_string_after_every_extension():
    assert prefix_bound("novak") == "noval"
    assert prefix_bound("a\U0010ffff") == "b"
    assert prefix_bound("\ud7ff") == "\ue000"


def test_unaccented_prefix_finds_the_accented_contact(session, team_id):
    contact(session, team_id, "Nováková Jana")
    contact(session, team_id, "Petr Svoboda")

    assert names(search_contacts(session, team_id, "novak")) == ["Nováková Jana"]
    assert names(search_contacts(session, team_id, "JANA nov")) == ["Nováková Jana"]
    assert search_contacts(session, team_id, "jana svob") == []


def test_unaccented_prefix_finds_the_accented_company(session, team_id):
    company(session, team_id, "Žlutý kůň s.r.o.")
    company(session, team_id, "Zelená louka a.s.")

    assert names(search_companies(session, team_id, "zluty")) == ["Žlutý kůň s.r.o."]
    assert names(search_companies(session, team_id, "z")) == [
        "Zelená louka a.s.",
        "Žlutý kůň s.r.o.",
    ]


def test_a_contact_is_found_by_email_and_by_its_company(session, team_id):
    firm = company(session, team_id, "Žlutý kůň s.r.o.")
    contact(
        session, team_id, "Jana Nováková", email="jana.n@kun.cz", company_id=firm.id
    )

    assert names(search_contacts(session, team_id, "jana.n")) == ["Jana Nováková"]
    assert names(search_contacts(session, team_id, "zlut")) == ["Jana Nováková"]


def test_wildcards_in_a_query_match_nothing_special(session, team_id):
    company(session, team_id, "Acme")

    assert search_companies(session, team_id, "%") == []
    assert search_companies(session, team_id, "_") == []
    assert search_companies(session, team_id, "   ") == []


def test_same_company_name_ignoring_case_and_accents_is_a_duplicate(session, team_id):
    first = company(session, team_id, "Žlutý kůň s.r.o.")

    with pytest.raises(Duplicate) as refused:
        company(session, team_id, "ZLUTY  kun S.R.O.")

    assert refused.value.existing is first
    assert refused.value.field == "name"


def test_same_email_in_another_case_is_a_duplicate(session, team_id):
    first = contact(session, team_id, "Jana Nováková", email="Jana@Kun.cz")

    with pytest.raises(Duplicate) as refused:
        contact(session, team_id, "J. Nováková", email="jana@KUN.CZ")

    assert refused.value.existing is first
    assert refused.value.field == "email"


def test_contacts_without_email_may_share_a_name(session, team_id):
    contact(session, team_id, "Jan Novák")
    contact(session, team_id, "Jan Novák")

    assert len(search_contacts(session, team_id, "jan novak")) == 2


def test_a_concurrent_duplicate_caught_by_the_constraint_is_offered(
    session, team_id, monkeypatch
):
    first = company(session, team_id, "Acme")
    real = register.company_named
    calls = []

    def misses_once(*args):
        calls.append(args)
        return None if len(calls) == 1 else real(*args)

    monkeypatch.setattr(register, "company_named", misses_once)

    with pytest.raises(Duplicate) as refused:
        company(session, team_id, "ACME")

    assert refused.value.existing.id == first.id
    assert names(search_companies(session, team_id, "acme")) == ["Acme"]


def test_bad_input_is_refused_field_by_field(session, team_id):
    with pytest.raises(InvalidInput) as refused:
        contact(session, team_id, " ", email="jana@", phone="call me", notes="x" * 3001)

    assert set(refused.value.errors) == {"name", "email", "phone", "notes"}

    with pytest.raises(InvalidInput) as refused:
        company(session, team_id, "N" * 201, website="not a site", vat_no="C" * 41)

    assert set(refused.value.errors) == {"name", "website", "vat_no"}


def test_good_websites_and_phones_are_accepted(session, team_id):
    for site in ("acme.cz", "https://www.acme.cz/kontakt?x=1", "http://žlutý-kůň.cz"):
        company(session, team_id, f"Firm {site}", website=site)

    contact(session, team_id, "Jana", phone="+420 601 234 567", email="j@acme.co.uk")


def test_renaming_a_company_moves_its_search_words_deals_and_contacts(session, team_id):
    firm = company(session, team_id, "Acme")
    contact(session, team_id, "Jana Nováková", company_id=firm.id)
    deal = make_deal(session, team_id)
    set_deal_parties(session, deal, DealParties(company_id=firm.id), ALICE)

    edit_company(session, firm, CompanyInput(name="Žlutý kůň"))

    assert search_companies(session, team_id, "acme") == []
    assert names(search_companies(session, team_id, "kun")) == ["Žlutý kůň"]
    assert names(search_contacts(session, team_id, "zlut")) == ["Jana Nováková"]
    session.refresh(deal)
    assert deal.customer == "Žlutý kůň"


def test_editing_a_contact_to_anothers_email_is_a_duplicate(session, team_id):
    jana = contact(session, team_id, "Jana", email="jana@acme.cz")
    petr = contact(session, team_id, "Petr", email="petr@acme.cz")

    with pytest.raises(Duplicate) as refused:
        edit_contact(session, petr, ContactInput(name="Petr", email="JANA@acme.cz"))

    assert refused.value.existing.id == jana.id
    edit_contact(session, petr, ContactInput(name="Petr Svoboda", email="petr@acme.cz"))
    assert names(search_contacts(session, team_id, "svob")) == ["Petr Svoboda"]


def test_another_workspace_sees_none_of_the_register(session, team_id, other_team):
    firm = company(session, team_id, "Žlutý kůň s.r.o.")
    jana = contact(session, team_id, "Nováková Jana", email="jana@kun.cz")

    assert search_companies(session, other_team, "zluty") == []
    assert search_contacts(session, other_team, "novak") == []
    with pytest.raises(NotFound):
        get_contact(session, other_team, jana.id)
    with pytest.raises(InvalidInput):
        contact(session, other_team, "Petr", company_id=firm.id)
    company(session, other_team, "Žlutý kůň s.r.o.")  # not a duplicate there
    contact(session, other_team, "Jana", email="jana@kun.cz")


def test_a_deal_links_its_company_and_contacts_with_roles(session, team_id):
    firm = company(session, team_id, "Žlutý kůň s.r.o.")
    jana = contact(session, team_id, "Jana Nováková", company_id=firm.id)
    petr = contact(session, team_id, "Petr Svoboda", company_id=firm.id)
    deal = make_deal(session, team_id, customer="typed name")

    parties = DealParties(company_id=firm.id, contact_ids=(jana.id, petr.id))
    set_deal_parties(session, deal, parties, ALICE)
    set_contact_role(session, deal, jana.id, "decision_maker", ALICE)
    set_deal_parties(
        session, deal, DealParties(company_id=firm.id, contact_ids=(jana.id,)), ALICE
    )

    assert (deal.company_id, deal.customer) == (firm.id, "Žlutý kůň s.r.o.")
    links = deal_contacts(session, deal)
    assert [(link.contact.name, link.role) for link in links] == [
        ("Jana Nováková", "decision_maker")
    ]
    with pytest.raises(InvalidInput):
        set_contact_role(session, deal, jana.id, "boss", ALICE)


def test_a_typed_company_is_registered_once_and_reused(session, team_id):
    first = make_deal(session, team_id, name="First")
    second = make_deal(session, team_id, name="Second")

    set_deal_parties(
        session,
        first,
        DealParties(new_company="Nová Firma", new_contacts=("Eva Malá",)),
        ALICE,
    )
    set_deal_parties(session, second, DealParties(new_company="NOVA firma"), ALICE)

    assert first.company_id == second.company_id
    assert second.customer == "Nová Firma"
    [link] = deal_contacts(session, first)
    assert link.contact.company_id == first.company_id


def test_a_typed_customer_matching_a_registered_company_links_to_it(session, team_id):
    firm = company(session, team_id, "Acme s.r.o.")
    deal = make_deal(session, team_id, customer="ACME s.r.o.")

    set_deal_parties(session, deal, DealParties(), ALICE)

    assert deal.company_id == firm.id


def test_another_workspaces_company_or_contact_cannot_be_linked(
    session, team_id, other_team
):
    theirs = company(session, other_team, "Their firm")
    their_contact = contact(session, other_team, "Their person")
    deal = make_deal(session, team_id)

    with pytest.raises(InvalidInput) as refused:
        set_deal_parties(session, deal, DealParties(company_id=theirs.id), ALICE)
    assert "company" in refused.value.errors
    with pytest.raises(InvalidInput) as refused:
        set_deal_parties(
            session, deal, DealParties(contact_ids=(their_contact.id,)), ALICE
        )
    assert "contacts" in refused.value.errors
    assert session.get(Deal, deal.id).company_id is None
