"""The deal card: every field of one deal, its recent history and its buttons."""

from __future__ import annotations

from . import ids
from .blocks import (
    actions,
    button,
    confirm,
    context,
    fields_section,
    header,
    modal,
    option,
    section,
    static_select,
)
from .common import deal_title, labeled, money, stage_change_line, stage_label, user
from .i18n import Localizer
from .text import escape, escaped_cut

DESCRIPTION_LIMIT = 2800


def deal_card(
    deal, loc: Localizer, *, stages, next_stage, history, record=()
) -> list[dict]:
    """Blocks for ``deal``; ``stages`` are the active ones, ``history`` newest first.

    ``record`` are the blocks of the deal's notes and documents, shown above the
    buttons.
    """
    blocks = [header(f"{deal.ref} {deal.name}")]
    blocks.append(fields_section(_fields(deal, loc)))
    if deal.description:
        blocks.append(
            section(
                labeled(
                    loc._("Request"), escaped_cut(deal.description, DESCRIPTION_LIMIT)
                )
            )
        )
    if history:
        blocks.append(
            context(*[stage_change_line(change, loc) for change in history[:5]])
        )
    blocks.extend(record)
    blocks.append(card_actions(deal, loc, stages=stages, next_stage=next_stage))
    return blocks


def _fields(deal, loc: Localizer) -> list[str]:
    days = max(0, (loc.today() - deal.stage_entered_at.astimezone(loc.tz).date()).days)
    probability = loc.percent(deal.stage.probability)
    stage = f"{escape(stage_label(deal.stage, loc))} · {probability}"
    fields = [
        labeled(loc._("Customer"), escaped_cut(deal.customer, 1500) or "—"),
        labeled(loc._("Value"), money(loc, deal.value, deal.currency)),
        labeled(loc._("Stage"), stage),
        labeled(loc._("Owner"), user(deal.owner_id)),
        labeled(loc._("Expected close"), loc.date(deal.close_date)),
        labeled(loc._("In stage for"), loc.n_("%(count)s day", "%(count)s days", days)),
    ]
    if deal.lost_reason:
        fields.append(
            labeled(loc._("Lost because"), escaped_cut(deal.lost_reason, 1500))
        )
    return fields


def card_actions(deal, loc: Localizer, *, stages, next_stage) -> dict:
    value = str(deal.id)
    # Moves carry the stage the reader saw, so a double click moves only once.
    seen = f"{deal.id}:{deal.stage_id}"
    if deal.stage.is_closed:
        elements = [button(loc._("Reopen"), ids.DEAL_REOPEN, seen)]
    else:
        elements = []
        if next_stage is not None:
            elements.append(
                button(
                    loc._("Next stage: %(stage)s", stage=stage_label(next_stage, loc)),
                    ids.DEAL_NEXT_STAGE,
                    seen,
                    style="primary",
                )
            )
        targets = [s for s in stages if s.id != deal.stage_id and not s.is_closed]
        if targets:
            elements.append(
                static_select(
                    ids.DEAL_MOVE_TO,
                    loc._("Move to…"),
                    [option(stage_label(s, loc), f"{deal.id}:{s.id}") for s in targets],
                )
            )
        elements.append(
            button(
                loc._("Won"),
                ids.DEAL_WON,
                seen,
                confirm=confirm(
                    loc._("Mark as won?"),
                    loc._("%(deal)s will be closed as won.", deal=deal.ref),
                    loc._("Won"),
                    loc._("Cancel"),
                ),
            )
        )
        elements.append(button(loc._("Lost"), ids.DEAL_LOST, value, style="danger"))
    elements.append(button(loc._("Edit"), ids.DEAL_EDIT, value))
    return actions(*elements, block_id=f"deal_card:{deal.id}")


def card_fallback_text(deal, loc: Localizer) -> str:
    return f"{deal_title(deal)} · {escape(stage_label(deal.stage, loc))}"


def card_modal(deal, loc: Localizer, blocks: list[dict]) -> dict:
    """The card in a modal, for when it is opened from the App Home."""
    return modal(
        ids.DEAL_CARD_MODAL,
        loc._("Deal %(ref)s", ref=deal.ref),
        blocks,
        close=loc._("Close"),
        private_metadata=str(deal.id),
    )
