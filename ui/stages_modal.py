"""The stage editor: the pipeline's stages with a menu each, and the small forms
pushed on top of it to add, edit or remove one."""

from __future__ import annotations

import json

from . import ids
from .blocks import (
    actions,
    button,
    context,
    input_block,
    modal,
    option,
    section,
    static_select,
    text_input,
)
from .common import stage_label
from .i18n import Localizer
from .text import escape

EDIT = "edit"
UP = "up"
DOWN = "down"
REMOVE = "remove"


def stages_modal(
    loc: Localizer,
    stages,
    counts: dict[int, int],
    *,
    editable: bool,
    notice: str | None = None,
) -> dict:
    blocks = []
    if notice:
        blocks.append(section(notice))
    for number, stage in enumerate(stages, start=1):
        text = "*{}. {}* · {} · {}".format(
            number,
            escape(stage_label(stage, loc)),
            loc.percent(stage.probability),
            loc.n_("%(count)s deal", "%(count)s deals", counts.get(stage.id, 0)),
        )
        accessory = _row_menu(loc, stage) if editable else None
        blocks.append(
            section(text, accessory=accessory, block_id=f"{ids.STAGE_ROW}:{stage.id}")
        )
    if editable:
        blocks.append(
            actions(button(loc._("Add stage"), ids.STAGE_ADD, "add", style="primary"))
        )
    else:
        blocks.append(context(loc._("Only a workspace admin can change the stages.")))
    return modal(
        ids.STAGES_MODAL, loc._("Pipeline stages"), blocks, close=loc._("Done")
    )


def _row_menu(loc: Localizer, stage) -> dict:
    choices = [option(loc._("Rename or re-weight"), f"{EDIT}:{stage.id}")]
    if not stage.is_closed:
        choices += [
            option(loc._("Move up"), f"{UP}:{stage.id}"),
            option(loc._("Move down"), f"{DOWN}:{stage.id}"),
            option(loc._("Remove"), f"{REMOVE}:{stage.id}"),
        ]
    return {"type": "overflow", "action_id": ids.STAGE_ACTIONS, "options": choices}


def stage_form(loc: Localizer, *, root_view_id: str, stage=None) -> dict:
    """Add a stage (``stage`` None) or rename and re-weight one."""
    metadata = json.dumps(
        {"root": root_view_id, "stage": stage.id if stage else None, "mode": EDIT}
    )
    blocks = [
        input_block(
            ids.STAGE_EDIT_NAME,
            loc._("Stage name"),
            text_input(
                ids.INPUT,
                initial=stage_label(stage, loc) if stage else "",
                max_length=40,
            ),
        ),
    ]
    if stage is None or not stage.is_closed:
        blocks.append(
            input_block(
                ids.STAGE_EDIT_PROBABILITY,
                loc._("Win probability (%)"),
                text_input(
                    ids.INPUT,
                    initial=str(stage.probability) if stage else "",
                    max_length=3,
                ),
                hint=loc._("Used for the weighted pipeline value, 0 to 100."),
            )
        )
    title = loc._("Edit stage") if stage else loc._("Add stage")
    return modal(
        ids.STAGE_EDIT_MODAL,
        title,
        blocks,
        submit=loc._("Save"),
        close=loc._("Back"),
        private_metadata=metadata,
    )


def remove_form(
    loc: Localizer, *, root_view_id: str, stage, count: int, targets
) -> dict:
    metadata = json.dumps({"root": root_view_id, "stage": stage.id, "mode": REMOVE})
    name = escape(stage_label(stage, loc))
    if not count:
        blocks = [
            section(
                loc._("Remove the stage *%(stage)s*? It holds no deals.", stage=name)
            )
        ]
    else:
        blocks = [
            section(
                loc.n_(
                    "*%(stage)s* still holds %(count)s deal. Choose where it goes.",
                    "*%(stage)s* still holds %(count)s deals. Choose where they go.",
                    count,
                    stage=name,
                )
            ),
            input_block(
                ids.STAGE_MOVE_TO,
                loc._("Move its deals to"),
                static_select(
                    ids.INPUT,
                    loc._("Stage"),
                    [option(stage_label(s, loc), str(s.id)) for s in targets],
                ),
            ),
        ]
    return modal(
        ids.STAGE_EDIT_MODAL,
        loc._("Remove stage"),
        blocks,
        submit=loc._("Remove"),
        close=loc._("Back"),
        private_metadata=metadata,
    )
