"""Reading the pipeline: filtered pages of deals and per-stage totals."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from sqlalchemy import BigInteger, case, func, select, type_coerce

from .base import MONEY_SCALE, utcnow
from .deal_refs import visible_deals
from .deals import Deal
from .stages import LOST, OPEN, WON, Stage, pipeline

CLOSED_RECENTLY = timedelta(days=30)


@dataclass(frozen=True)
class DealFilter:
    """Which deals a list shows: by owner, by stage, by outcome, or every one."""

    owner_id: str | None = None
    stage_id: int | None = None
    kind: str | None = OPEN  # open, won, lost, or None for all


@dataclass
class StageTotal:
    stage: Stage
    count: int = 0
    amounts: list[tuple[Decimal, str]] = field(default_factory=list)
    weighted: list[tuple[Decimal, str]] = field(default_factory=list)


def _filtered(session, workspace, user_id, is_admin, deal_filter: DealFilter):
    statement = visible_deals(session, workspace, user_id, is_admin).join(Deal.stage)
    if deal_filter.owner_id:
        statement = statement.where(Deal.owner_id == deal_filter.owner_id)
    if deal_filter.stage_id:
        statement = statement.where(Deal.stage_id == deal_filter.stage_id)
    if deal_filter.kind:
        statement = statement.where(Stage.kind == deal_filter.kind)
    return statement


def deal_page(
    session, workspace, user_id, deal_filter, page, page_size, is_admin=False
):
    """One page of deals and the number of all that match."""
    statement = _filtered(session, workspace, user_id, is_admin, deal_filter)
    total = session.scalar(select(func.count()).select_from(statement.subquery()))
    if deal_filter.kind in (WON, LOST):
        order = (Deal.stage_entered_at.desc(), Deal.number.desc())
    else:
        order = (
            Stage.kind,
            Deal.close_date.is_(None),
            Deal.close_date,
            Deal.value.desc(),
            Deal.number,
        )
    deals = session.scalars(
        statement.order_by(*order).limit(page_size).offset(page * page_size)
    ).all()
    return deals, total


def stage_totals(
    session, workspace, user_id, deal_filter, is_admin=False, closed_since=None
) -> list[StageTotal]:
    """Count, total and weighted total per stage and currency, in pipeline order."""
    statement = _filtered(session, workspace, user_id, is_admin, deal_filter)
    if closed_since is not None:
        statement = statement.where(
            (Stage.kind == OPEN) | (Deal.stage_entered_at >= closed_since)
        )
    matching = statement.with_only_columns(
        Deal.stage_id, Deal.currency, Deal.value, Stage.probability
    ).subquery()
    rows = session.execute(
        select(
            matching.c.stage_id,
            matching.c.currency,
            func.count(),
            # Raw ten-thousandths, so the sums stay exact integers in SQL.
            type_coerce(func.sum(matching.c.value), BigInteger),
            type_coerce(
                func.sum(matching.c.value * matching.c.probability), BigInteger
            ),
        ).group_by(matching.c.stage_id, matching.c.currency)
    ).all()

    totals = {
        stage.id: StageTotal(stage) for stage in pipeline(session, workspace.team_id)
    }
    for stage_id, currency, count, raw_sum, raw_weighted in rows:
        total = totals.get(stage_id)
        if total is None:
            continue
        total.count += count
        total.amounts.append((Decimal(int(raw_sum)) / MONEY_SCALE, currency))
        total.weighted.append(
            (Decimal(int(raw_weighted)) / MONEY_SCALE / 100, currency)
        )
    return list(totals.values())


def board(session, workspace, user_id, owner_id=None, is_admin=False, per_stage=10):
    """Per stage: totals and first deals; closed stages show the last 30 days."""
    since = utcnow() - CLOSED_RECENTLY
    deal_filter = DealFilter(owner_id=owner_id, kind=None)
    columns = stage_totals(session, workspace, user_id, deal_filter, is_admin, since)

    ranked = (
        _filtered(session, workspace, user_id, is_admin, deal_filter)
        .add_columns(
            func.row_number()
            .over(
                partition_by=Deal.stage_id,
                order_by=(
                    case(
                        (Stage.kind == OPEN, Deal.close_date), else_=None
                    ).nulls_last(),
                    Deal.stage_entered_at.desc(),
                    Deal.number,
                ),
            )
            .label("rank")
        )
        .where((Stage.kind == OPEN) | (Deal.stage_entered_at >= since))
    )
    ranked = ranked.subquery()
    top = session.scalars(
        select(Deal)
        .join(ranked, ranked.c.id == Deal.id)
        .where(ranked.c.rank <= per_stage)
        .order_by(ranked.c.rank)
    ).all()
    by_stage: dict[int, list[Deal]] = {}
    for deal in top:
        by_stage.setdefault(deal.stage_id, []).append(deal)
    return [(column, by_stage.get(column.stage.id, [])) for column in columns]


__all__ = [
    "DealFilter",
    "StageTotal",
    "board",
    "deal_page",
    "stage_totals",
    "WON",
    "LOST",
]
