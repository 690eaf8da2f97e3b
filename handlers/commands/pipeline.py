"""The pipeline's subcommands: new, list, show, move, won, lost, stages, settings."""

from __future__ import annotations

import json
import logging
import re

from models import (
    DealbotError,
    get_workspace,
    lose_stage,
    move_deal,
    resolve_ref,
    win_stage,
)
from models.reports import LOST, WON, DealFilter
from models.search import fold
from models.stages import deals_in_stage, find_stage, pipeline
from ui import help as help_ui
from ui import modals, stages_modal
from ui.common import stage_label
from ui.common import user as mention_of
from ui.text import escape, escaped_cut

from ..deals import card_blocks, list_blocks, new_deal_modal

logger = logging.getLogger(__name__)

USER_MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")
NUMBER_REF = re.compile(r"#?\d+")


def subcommands() -> dict:
    """The pipeline's words after ``/deal``."""
    return {
        "new": _new,
        "list": _list,
        "show": _show,
        "move": _move,
        "won": _won,
        "lost": _lost,
        "stages": _stages,
        "settings": _settings,
        "help": _help,
    }


def _help(runtime, command, rest, person, client, respond):
    loc = person.localizer()
    respond(blocks=help_ui.help_blocks(loc), text=loc._("Dealbot commands"))


def _new(runtime, command, rest, person, client, respond):
    metadata = json.dumps({"channel": command.get("channel_id")})
    view = new_deal_modal(runtime, person, command["team_id"], rest[:200], metadata)
    client.views_open(trigger_id=command["trigger_id"], view=view)


def _show(runtime, command, rest, person, client, respond):
    loc = person.localizer()
    with runtime.reading() as session:
        workspace = get_workspace(session, command["team_id"])
        deal = resolve_ref(session, workspace, person.user_id, rest, person.is_admin)
        blocks = card_blocks(session, deal, loc)
        text = f"{deal.ref} {escaped_cut(deal.name, 200)}"
    respond(blocks=blocks, text=text)


def _list(runtime, command, rest, person, client, respond):
    loc = person.localizer()
    with runtime.reading() as session:
        deal_filter, title = parse_list_filter(
            session, command["team_id"], rest, person.user_id, loc
        )
        blocks = list_blocks(
            session, command["team_id"], person, deal_filter, rest, title, page=0
        )
    respond(blocks=blocks, text=title)


def parse_list_filter(session, team_id, text, user_id, loc) -> tuple[DealFilter, str]:
    """``mine``, ``@user``, ``won``, ``lost``, ``all``, a stage, or nothing (open).

    The title comes back as mrkdwn: a mention shows as the colleague's name and
    a stage's name is escaped.
    """
    word = text.strip()
    lowered = fold(word)
    mention = USER_MENTION.fullmatch(word)
    if not word:
        return DealFilter(), loc._("Open deals")
    if lowered in ("mine", fold(loc._("mine"))):
        return DealFilter(owner_id=user_id), loc._("My open deals")
    if mention:
        return DealFilter(owner_id=mention.group(1)), loc._(
            "Open deals of %(user)s", user=mention_of(mention.group(1))
        )
    if lowered in ("all", fold(loc._("all"))):
        return DealFilter(kind=None), loc._("All deals")
    stage = find_stage(session, team_id, word, lambda s: stage_label(s, loc))
    if stage is not None and stage.kind in (WON, LOST):
        title = loc._("Won deals") if stage.kind == WON else loc._("Lost deals")
        return DealFilter(kind=stage.kind), title
    if stage is not None:
        return DealFilter(stage_id=stage.id, kind=None), loc._(
            "Deals in %(stage)s", stage=escape(stage_label(stage, loc))
        )
    raise DealbotError(
        loc._(
            "I can list `mine`, `@someone`, `won`, `lost`, `all` or a stage name; "
            "`%(word)s` is none of these.",
            word=escaped_cut(word, 40),
        )
    )


def _move(runtime, command, rest, person, client, respond):
    loc = person.localizer()
    with runtime.transaction() as session:
        workspace = get_workspace(session, command["team_id"])
        ref, stage = _split_ref_and_stage(session, workspace.team_id, rest, loc)
        deal = resolve_ref(session, workspace, person.user_id, ref, person.is_admin)
        if stage.kind == LOST:
            raise DealbotError(
                loc._("Use `/deal lost %(ref)s` to give the reason.", ref=deal.ref)
            )
        move_deal(session, deal, stage, person.user_id)
        blocks = card_blocks(session, deal, loc)
        text = loc._(
            "%(deal)s moved to %(stage)s",
            deal=deal.ref,
            stage=escape(stage_label(stage, loc)),
        )
    runtime.wake_outbox()
    respond(blocks=blocks, text=text)


def _split_ref_and_stage(session, team_id, text, loc):
    words = text.split()
    for cut_at in range(1, len(words)):
        stage = find_stage(
            session, team_id, " ".join(words[cut_at:]), lambda s: stage_label(s, loc)
        )
        if stage is not None:
            return " ".join(words[:cut_at]), stage
    names = ", ".join(escape(stage_label(s, loc)) for s in pipeline(session, team_id))
    raise DealbotError(
        loc._(
            "Say the deal and the stage, e.g. `/deal move #12 "
            "Proposal`. Stages: %(stages)s",
            stages=names,
        )
    )


def _won(runtime, command, rest, person, client, respond):
    loc = person.localizer()
    with runtime.transaction() as session:
        workspace = get_workspace(session, command["team_id"])
        deal = resolve_ref(session, workspace, person.user_id, rest, person.is_admin)
        move_deal(session, deal, win_stage(session, deal), person.user_id)
        blocks = card_blocks(session, deal, loc)
        text = loc._("%(deal)s is won. Congratulations!", deal=deal.ref)
    runtime.wake_outbox()
    respond(blocks=blocks, text=text)


def _lost(runtime, command, rest, person, client, respond):
    """With a reason after a numbered ref, close at once; otherwise ask in a modal."""
    loc = person.localizer()
    first, _, reason = rest.partition(" ")
    ref = first if NUMBER_REF.fullmatch(first) else rest
    reason = reason.strip() if NUMBER_REF.fullmatch(first) else ""
    with runtime.transaction() as session:
        workspace = get_workspace(session, command["team_id"])
        deal = resolve_ref(session, workspace, person.user_id, ref, person.is_admin)
        if not reason:
            view = modals.lost_modal(deal, loc, workspace.lost_reasons)
            view["private_metadata"] = json.dumps(
                {"deal": deal.id, "channel": command.get("channel_id")}
            )
        else:
            view = None
            move_deal(session, deal, lose_stage(session, deal), person.user_id, reason)
            blocks = card_blocks(session, deal, loc)
    if view is not None:
        client.views_open(trigger_id=command["trigger_id"], view=view)
        return
    runtime.wake_outbox()
    respond(blocks=blocks, text=loc._("%(deal)s is closed as lost.", deal=deal.ref))


def _stages(runtime, command, rest, person, client, respond):
    view = stages_view(runtime, command["team_id"], person)
    client.views_open(trigger_id=command["trigger_id"], view=view)


def stages_view(runtime, team_id, person, notice=None) -> dict:
    """The stage editor as ``person`` may use it: with menus for admins only."""
    with runtime.reading() as session:
        stages = pipeline(session, team_id)
        counts = {stage.id: deals_in_stage(session, stage) for stage in stages}
        return stages_modal.stages_modal(
            person.localizer(), stages, counts, editable=person.is_admin, notice=notice
        )


def _settings(runtime, command, rest, person, client, respond):
    loc = person.localizer()
    if not person.is_admin:
        respond(text=loc._("Only a workspace admin can change Dealbot's settings."))
        return
    with runtime.transaction() as session:
        workspace = get_workspace(session, command["team_id"])
        view = modals.settings_modal(
            workspace, loc, channel_id=workspace.channel_id or runtime.default_channel
        )
    client.views_open(trigger_id=command["trigger_id"], view=view)
