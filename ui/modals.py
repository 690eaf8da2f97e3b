"""Smaller modals: the lost reason and the workspace settings."""

from __future__ import annotations

from . import ids
from .blocks import input_block, modal, option, section, static_select, text_input
from .common import deal_title
from .i18n import Localizer

OTHER_REASON = "__other__"


def lost_modal(deal, loc: Localizer, reasons: list[str]) -> dict:
    choices = [option(loc._(reason), reason) for reason in reasons]
    choices.append(option(loc._("Other"), OTHER_REASON))
    blocks = [
        section(loc._("Why was %(deal)s lost?", deal=deal_title(deal))),
        input_block(
            ids.LOST_REASON,
            loc._("Reason"),
            static_select(ids.INPUT, loc._("Choose a reason"), choices),
        ),
        input_block(
            ids.LOST_DETAIL,
            loc._("Details"),
            text_input(ids.INPUT, multiline=True, max_length=400),
            optional=True,
            hint=loc._("Who won, at what price, what we learned."),
        ),
    ]
    return modal(
        ids.LOST_MODAL,
        loc._("Deal lost"),
        blocks,
        submit=loc._("Close as lost"),
        close=loc._("Cancel"),
        private_metadata=str(deal.id),
    )


def settings_modal(workspace, loc: Localizer, *, channel_id: str | None) -> dict:
    languages = [option("English", "en"), option("Čeština", "cs")]
    visibility = [
        option(loc._("Everyone sees every deal"), "all"),
        option(loc._("Reps see their own deals; admins see all"), "own"),
    ]
    channel = {
        "type": "conversations_select",
        "action_id": ids.INPUT,
        "filter": {"include": ["public", "private"], "exclude_bot_users": True},
    }
    if channel_id:
        channel["initial_conversation"] = channel_id
    blocks = [
        input_block(
            ids.SETTINGS_CHANNEL,
            loc._("Pipeline channel"),
            channel,
            optional=True,
            hint=loc._("Every new deal and stage change is posted here."),
        ),
        input_block(
            ids.SETTINGS_CURRENCY,
            loc._("Default currency"),
            text_input(ids.INPUT, initial=workspace.default_currency, max_length=3),
        ),
        input_block(
            ids.SETTINGS_LANGUAGE,
            loc._("Workspace language"),
            static_select(
                ids.INPUT,
                loc._("Language"),
                languages,
                initial=_initial(languages, workspace.language),
            ),
        ),
        input_block(
            ids.SETTINGS_VISIBILITY,
            loc._("Who sees which deals"),
            static_select(
                ids.INPUT,
                loc._("Visibility"),
                visibility,
                initial=_initial(visibility, workspace.visibility),
            ),
            hint=loc._(
                "The pipeline channel hears of every deal: when reps see only "
                "their own, choose a channel only managers are in."
            ),
        ),
        input_block(
            ids.SETTINGS_LOST_REASONS,
            loc._("Reasons for lost deals"),
            text_input(
                ids.INPUT,
                multiline=True,
                max_length=3000,
                initial="\n".join(workspace.lost_reasons),
            ),
            optional=True,
            hint=loc._("One per line."),
        ),
    ]
    return modal(
        ids.SETTINGS_MODAL,
        loc._("Dealbot settings"),
        blocks,
        submit=loc._("Save"),
        close=loc._("Cancel"),
    )


def _initial(options: list[dict], value: str):
    return next((o for o in options if o["value"] == value), None)
