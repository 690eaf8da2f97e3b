"""By default every rep sees every deal; a workspace can restrict that."""

from __future__ import annotations

from tests.e2e.conftest import answer, texts
from tests.e2e.helpers import create_deal
from tests.fakeslack import conversation, plain, select


def restrict(slack, fake) -> None:
    opened = len(fake.calls_to("views.open"))
    slack.command("settings")
    fake.wait_for("views.open", count=opened + 1)
    slack.view_submission(
        fake.open_views("U_ALICE")[-1]["id"],
        {
            "settings_channel": {"value": conversation("C_SALES")},
            "settings_currency": {"value": plain("EUR")},
            "settings_language": {"value": select("en")},
            "settings_visibility": {"value": select("own")},
        },
    )


def test_everyone_sees_every_deal_by_default(slack, fake):
    create_deal(slack, fake, name="Carol's secret deal", user="U_CAROL")

    slack.command("show 1", user="U_ALICE")

    assert "Carol's secret deal" in texts(answer(slack)["blocks"])


def test_restricted_workspace_hides_other_reps_deals_except_from_admins(slack, fake):
    restrict(slack, fake)
    create_deal(slack, fake, name="Carol's secret deal", user="U_CAROL")

    slack.command("show 1", user="U_BOB")
    hidden = answer(slack)
    slack.command("list all", user="U_BOB")
    bobs_list = texts(answer(slack)["blocks"])
    slack.command("show 1", user="U_ALICE")
    admin_view = texts(answer(slack)["blocks"])

    assert "Carol's secret deal" not in str(hidden)
    assert "Carol's secret deal" not in bobs_list
    assert "Carol's secret deal" in admin_view


def test_settings_are_for_admins_only(slack, fake):
    slack.command("settings", user="U_CAROL")

    assert "Only a workspace admin" in answer(slack)["text"]
