"""Steps many end-to-end tests take: open the deal form, fill it in, submit it."""

from __future__ import annotations

from tests.fakeslack import date, plain, users


def open_new_deal(slack, fake, text="new", user="U_ALICE") -> dict:
    opened = len(fake.calls_to("views.open"))
    response = slack.command(text, user=user)
    assert response.status_code == 200
    fake.wait_for("views.open", count=opened + 1)
    return fake.open_views(user)[-1]


def submit_deal(slack, view, user="U_ALICE", **values):
    fields = {
        "deal_name": {"value": plain(values.get("name", "40 laptops for Acme"))},
        "deal_customer": {"value": plain(values.get("customer", "Acme s.r.o."))},
        "deal_value": {"value": plain(values.get("value", "12500"))},
        "deal_currency": {"value": plain(values.get("currency", "EUR"))},
        "deal_close_date": {"value": date(values.get("close", "2027-03-31"))},
        "deal_owner": {"value": users(values.get("owner", user))},
        "deal_description": {"value": plain(values.get("description", ""))},
    }
    return slack.view_submission(view["id"], fields, user=user)


def create_deal(slack, fake, user="U_ALICE", **values) -> None:
    """Create a deal through the modal and wait until the user is shown its card."""
    shown = len(fake.calls_to("chat.postEphemeral"))
    view = open_new_deal(slack, fake, user=user)
    response = submit_deal(slack, view, user=user, **values)
    assert response.status_code == 200, response.text
    assert (
        not response.content.strip()
        or response.json().get("response_action") != "errors"
    )
    fake.wait_for("chat.postEphemeral", count=shown + 1)


def channel_posts(fake, channel, needle: str) -> list:
    return [
        call
        for call in fake.calls_to("chat.postMessage")
        if call.args.get("channel") == channel and needle in call.args.get("text", "")
    ]
