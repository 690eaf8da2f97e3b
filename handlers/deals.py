"""Flows several surfaces share: rendering a deal card, the list, the Home board,
and opening the deal modal. Each loads what it needs in its own session."""

from __future__ import annotations

from models import get_workspace, pipeline, stage_history
from models.deal_parties import deal_company, deal_contacts
from models.reports import DealFilter, board, deal_page, stage_totals
from models.stages import LOST, next_stage, open_stages
from ui import deal_card, deal_list, deal_modal, home
from ui.deal_list import PAGE_SIZE

from .parties import party_blocks
from .record import record_blocks


def card_blocks(session, deal, loc) -> list[dict]:
    return deal_card.deal_card(
        deal,
        loc,
        stages=pipeline(session, deal.team_id),
        next_stage=next_stage(session, deal.stage),
        history=stage_history(session, deal),
        record=[*party_blocks(session, deal, loc), *record_blocks(session, deal, loc)],
    )


def new_deal_modal(runtime, person, team_id: str, name: str = "", metadata="") -> dict:
    with runtime.transaction() as session:
        workspace = get_workspace(session, team_id)
        view = deal_modal.deal_modal(
            person.localizer(),
            stages=open_stages(session, team_id),
            default_currency=workspace.default_currency,
            owner_id=person.user_id,
            name=name,
        )
    view["private_metadata"] = metadata
    return view


def edit_deal_modal(session, deal, person, metadata: str) -> dict:
    view = deal_modal.deal_modal(
        person.localizer(),
        stages=[
            stage
            for stage in pipeline(session, deal.team_id)
            if stage.kind != LOST or stage.id == deal.stage_id
        ],
        default_currency=deal.currency,
        owner_id=deal.owner_id,
        deal=deal,
        company=deal_company(session, deal),
        contacts=[link.contact for link in deal_contacts(session, deal)],
    )
    view["private_metadata"] = metadata
    return view


def list_blocks(
    session, team_id, person, deal_filter: DealFilter, key: str, title: str, page: int
) -> list[dict]:
    workspace = get_workspace(session, team_id)
    deals, total = deal_page(
        session,
        workspace,
        person.user_id,
        deal_filter,
        page,
        PAGE_SIZE,
        person.is_admin,
    )
    totals = [
        (t.stage, t.count, t.amounts)
        for t in stage_totals(
            session, workspace, person.user_id, deal_filter, person.is_admin
        )
        if t.count
    ]
    return deal_list.deal_list(
        deals,
        person.localizer(),
        title=title,
        filter_key=key,
        page=page,
        total=total,
        stage_totals=totals,
    )


def home_view(runtime, team_id: str, person, scope: str) -> dict:
    with runtime.reading() as session:
        workspace = get_workspace(session, team_id)
        owner = person.user_id if scope == home.SCOPE_MINE else None
        columns = [
            home.Column(total.stage, deals, total.count, total.amounts, total.weighted)
            for total, deals in board(
                session, workspace, person.user_id, owner, person.is_admin
            )
        ]
        view = home.home_view(person.localizer(), scope=scope, columns=columns)
    view["private_metadata"] = scope
    return view


def publish_home(runtime, client, team_id: str, person, scope: str) -> None:
    client.views_publish(
        user_id=person.user_id, view=home_view(runtime, team_id, person, scope)
    )
