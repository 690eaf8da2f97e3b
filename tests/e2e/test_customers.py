"""The register over HTTP: contacts and companies by modal, duplicates refused,
the typeahead, and a deal that shows its company and contacts on its card."""

from __future__ import annotations

from tests.e2e.conftest import answer, texts
from tests.e2e.helpers import open_new_deal
from tests.fakeslack import external, option, plain, users


def open_form(slack, fake, text: str) -> dict:
    opened = len(fake.calls_to("views.open"))
    assert slack.command(text).status_code == 200
    fake.wait_for("views.open", count=opened + 1)
    return fake.open_views("U_ALICE")[-1]


def register_contact(slack, fake, name="Jana Nováková", company=None, **fields):
    view = open_form(slack, fake, "contact new")
    values = {"contact_name": {"value": plain(name)}}
    if company:
        values["contact_company"] = {"company_picker": external(company)}
    for field, value in fields.items():
        values[f"contact_{field}"] = {"value": plain(value)}
    return view, slack.view_submission(view["id"], values)


def register_company(slack, fake, name: str):
    view = open_form(slack, fake, "company new")
    return view, slack.view_submission(
        view["id"], {"company_name": {"value": plain(name)}}
    )


def options(slack, action_id: str, query: str, view: dict) -> list[dict]:
    response = slack.options(action_id, query, view=view)
    assert response.status_code == 200
    found = response.json()["options"]
    assert len(found) <= 100
    for offered in found:
        assert len(offered["text"]["text"]) <= 75
        assert 1 <= len(offered["value"]) <= 150
    return found


def test_a_contact_registered_by_modal_is_listed_with_its_new_company(slack, fake):
    view, response = register_contact(
        slack, fake, company="new:Žlutý kůň s.r.o.", email="jana@kun.cz"
    )

    assert response.status_code == 200 and response.content in (b"", b"{}")
    assert view["id"] not in [v["id"] for v in fake.open_views("U_ALICE")]
    slack.command("contacts novak")
    listing = texts(answer(slack)["blocks"])
    assert "Jana Nováková" in listing and "Žlutý kůň s.r.o." in listing
    assert "jana@kun.cz" in listing


def test_a_duplicate_email_is_refused_on_the_field_and_the_existing_offered(
    slack, fake
):
    register_contact(slack, fake, email="jana@kun.cz")
    updates = len(fake.calls_to("views.update"))

    view, response = register_contact(slack, fake, "J. Nováková", email="JANA@kun.cz")

    refusal = response.json()
    assert refusal["response_action"] == "errors"
    assert "Jana Nováková" in refusal["errors"]["contact_email"]
    fake.wait_for("views.update", count=updates + 1)
    offered = fake.open_views("U_ALICE")[-1]
    assert "Use existing" in texts(offered["blocks"])
    slack.block_action("customer_use_existing", container="view", view=offered)
    fake.wait_for("views.update", count=updates + 2)
    existing = fake.open_views("U_ALICE")[-1]
    assert existing["title"]["text"] == "Edit contact"
    name = next(b for b in existing["blocks"] if b["block_id"] == "contact_name")
    assert name["element"]["initial_value"] == "Jana Nováková"
    slack.command("contacts jana")
    assert texts(answer(slack)["blocks"]).count("Nováková") == 1


def test_a_company_named_again_without_accents_is_a_duplicate(slack, fake):
    register_company(slack, fake, "Žlutý kůň s.r.o.")

    _, response = register_company(slack, fake, "ZLUTY KUN s.r.o.")

    refusal = response.json()
    assert refusal["response_action"] == "errors"
    assert "Žlutý kůň s.r.o." in refusal["errors"]["company_name"]


def test_bad_input_is_answered_on_each_field(slack, fake):
    _, response = register_contact(slack, fake, " ", email="jana@", phone="ring")

    refusal = response.json()
    assert refusal["response_action"] == "errors"
    assert set(refusal["errors"]) == {"contact_name", "contact_email", "contact_phone"}


def test_typeahead_offers_the_accented_record_for_an_unaccented_query(slack, fake):
    register_contact(slack, fake, company="new:Žlutý kůň s.r.o.")
    deal_form = open_new_deal(slack, fake)
    profiles_read = len(fake.calls_to("users.info"))

    companies = options(slack, "company_picker", "zluty", deal_form)
    contacts = options(slack, "contact_picker", "novak", deal_form)
    nothing = options(slack, "company_picker", "<@U_BOB> Nowhere", deal_form)

    assert [o["text"]["text"] for o in companies][:1] == ["Žlutý kůň s.r.o."]
    assert companies[0]["value"].startswith("id:")
    assert "New company" in companies[-1]["text"]["text"]
    assert [o["text"]["text"] for o in contacts][:1] == ["Jana Nováková"]
    assert len(nothing) == 1
    assert nothing[0]["value"] == "new:<@U_BOB> Nowhere"
    assert len(fake.calls_to("users.info")) == profiles_read


def test_a_deal_with_its_company_and_contacts_shows_them_on_its_card(slack, fake):
    register_contact(slack, fake, company="new:Žlutý kůň s.r.o.", job_title="CFO")
    form = open_new_deal(slack, fake, "new Laptops for Kůň")
    [company] = options(slack, "company_picker", "zlut", form)[:1]
    [jana] = options(slack, "contact_picker", "jana", form)[:1]
    shown = len(fake.calls_to("chat.postEphemeral"))

    picked = {
        "deal_company": {"company_picker": external(company["value"])},
        "deal_contacts": {
            "contact_picker": {
                "type": "multi_external_select",
                "selected_options": [
                    option(jana["value"], "Jana Nováková"),
                    option("new:Petr Malý", "➕ New contact: Petr Malý"),
                ],
            }
        },
    }
    response = slack.view_submission(
        form["id"],
        {**deal_fields(), **picked},
    )

    assert response.status_code == 200, response.text
    card = fake.wait_for("chat.postEphemeral", count=shown + 1)[-1].args
    shown_text = texts(card["blocks"])
    assert "Žlutý kůň s.r.o." in shown_text
    assert "Jana Nováková" in shown_text and "CFO" in shown_text
    assert "Petr Malý" in shown_text
    roles = [
        block["accessory"]
        for block in card["blocks"]
        if block.get("accessory", {}).get("action_id") == "deal_contact_role"
    ]
    assert len(roles) == 2
    slack.command("contacts petr")
    assert "Žlutý kůň s.r.o." in texts(answer(slack)["blocks"])


def test_a_contacts_role_chosen_on_the_card_is_kept(slack, fake):
    register_contact(slack, fake, "Eva Malá")
    form = open_new_deal(slack, fake, "new Role deal")
    [eva] = options(slack, "contact_picker", "eva", form)[:1]
    picked = {"deal_contacts": {"contact_picker": {
        "type": "multi_external_select",
        "selected_options": [option(eva["value"], "Eva Malá")],
    }}}  # fmt: skip
    slack.view_submission(form["id"], {**deal_fields("Role deal"), **picked})
    slack.command("show 1")
    card = answer(slack)
    fake.add_message("C_SALES", "card", user="UBOT", blocks=card["blocks"])
    role = next(
        o
        for block in card["blocks"]
        if block.get("accessory", {}).get("action_id") == "deal_contact_role"
        for o in block["accessory"]["options"]
        if o["text"]["text"] == "Decision maker"
    )

    slack.block_action("deal_contact_role", selected_option=role)

    updated = answer(slack)
    chosen = next(
        block["accessory"]
        for block in updated["blocks"]
        if block.get("accessory", {}).get("action_id") == "deal_contact_role"
    )
    assert chosen["initial_option"]["text"]["text"] == "Decision maker"


def deal_fields(name: str = "Laptops for Kůň") -> dict:
    """The deal form's required fields; no typed customer."""
    return {
        "deal_name": {"value": plain(name)},
        "deal_value": {"value": plain("12500")},
        "deal_currency": {"value": plain("EUR")},
        "deal_owner": {"value": users("U_ALICE")},
    }


def test_a_company_renamed_from_the_list_is_renamed_on_its_deals(slack, fake):
    register_company(slack, fake, "Acme")
    form = open_new_deal(slack, fake, "new Renamed deal")
    [acme] = options(slack, "company_picker", "acme", form)[:1]
    slack.view_submission(
        form["id"],
        {**deal_fields(), "deal_company": {"company_picker": external(acme["value"])}},
    )
    slack.command("contacts acme")
    listing = answer(slack)
    fake.add_message("C_SALES", "list", user="UBOT", blocks=listing["blocks"])
    opened = len(fake.calls_to("views.open"))

    slack.block_action("company_edit")
    fake.wait_for("views.open", count=opened + 1)
    edit = fake.open_views("U_ALICE")[-1]
    response = slack.view_submission(
        edit["id"], {"company_name": {"value": plain("Žlutý kůň a.s.")}}
    )

    assert response.status_code == 200 and response.content in (b"", b"{}")
    slack.command("show 1")
    assert "Žlutý kůň a.s." in texts(answer(slack)["blocks"])
