"""Admins edit the pipeline's stages in a modal; reps can only look."""

from __future__ import annotations

from tests.e2e.conftest import answer, texts
from tests.e2e.helpers import create_deal
from tests.fakeslack import plain, select


def open_stages(slack, fake, user="U_ALICE") -> dict:
    opened = len(fake.calls_to("views.open"))
    slack.command("stages", user=user)
    fake.wait_for("views.open", count=opened + 1)
    return fake.open_views(user)[-1]


def test_admin_adds_a_stage_through_a_pushed_form(slack, fake):
    root = open_stages(slack, fake)

    slack.block_action("stage_add", container="view", view=root["id"])
    fake.wait_for("views.push")
    form = fake.open_views("U_ALICE")[-1]
    refused = slack.view_submission(
        form["id"],
        {
            "stage_edit_name": {"value": plain("Contract review")},
            "stage_edit_probability": {"value": plain("150")},
        },
    )
    assert "stage_edit_probability" in refused.json()["errors"]
    slack.view_submission(
        form["id"],
        {
            "stage_edit_name": {"value": plain("Contract review")},
            "stage_edit_probability": {"value": plain("90")},
        },
    )

    updated = fake.wait_for(
        "views.update", predicate=lambda c: c.args.get("view_id") == root["id"]
    )
    assert "Contract review" in texts(updated[-1].args["view"]["blocks"])


def test_a_stage_holding_deals_is_removed_only_with_somewhere_to_move_them(slack, fake):
    create_deal(slack, fake, name="In the lead stage")
    root = open_stages(slack, fake)
    row = next(b for b in root["blocks"] if "Lead" in b.get("text", {}).get("text", ""))
    remove = next(
        o for o in row["accessory"]["options"] if o["value"].startswith("remove")
    )

    pushes = len(fake.calls_to("views.push"))
    slack.block_action(
        "stage_actions",
        container="view",
        view=root["id"],
        block_id=row["block_id"],
        selected_option=remove,
    )
    fake.wait_for("views.push", count=pushes + 1)
    form = fake.open_views("U_ALICE")[-1]
    assert "still holds 1 deal" in texts(form["blocks"])
    qualified = next(
        o
        for b in form["blocks"]
        if b.get("block_id") == "stage_move_to"
        for o in b["element"]["options"]
        if o["text"]["text"] == "Qualified"
    )
    slack.view_submission(
        form["id"],
        {
            "stage_move_to": {"value": select(qualified["value"], "Qualified")},
        },
    )

    fake.wait_for(
        "views.update", predicate=lambda c: c.args.get("view_id") == root["id"]
    )
    slack.command("show 1")
    card = texts(answer(slack)["blocks"])
    assert "Lead → Qualified" in card


def test_a_rep_sees_the_stages_but_cannot_change_them(slack, fake):
    view = open_stages(slack, fake, user="U_BOB")

    assert not any("accessory" in block for block in view["blocks"])
    assert all(b.get("type") != "actions" for b in view["blocks"])
