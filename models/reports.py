"""Reading the pipeline: filtered pages of deals and per-stage totals."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from sqlalchemy import BigInteger, func, select, type_coerce

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
    """One page of deals and the number of all that match.

    Closed deals come newest first; others by expected close date, the undated
    ones last. Each part is read in index order and stops at the page's end,
    so a page costs little however many deals match.
    """
    statement = _filtered(session, workspace, user_id, is_admin, deal_filter)
    total = _count(session, statement)
    start = page * page_size
    if deal_filter.kind in (WON, LOST):
        ordered = statement.order_by(Deal.stage_entered_at.desc(), Deal.number.desc())
        return session.scalars(ordered.offset(start).limit(page_size)).all(), total

    dated = statement.where(Deal.close_date.is_not(None))
    deals = session.scalars(
        dated.order_by(Deal.close_date, Deal.number).offset(start).limit(page_size)
    ).all()
    if len(deals) < page_size:  # past the dated deals: go on with the undated
        skip = max(0, start - _count(session, dated)) if not deals else 0
        deals += session.scalars(
            statement.where(Deal.close_date.is_(None))
            .order_by(Deal.number)
            .offset(skip)
            .limit(page_size - len(deals))
        ).all()
    return deals, total


def _count(session, statement) -> int:
    ids = statement.with_only_columns(Deal.id).order_by(None).subquery()
    return session.scalar(select(func.count()).select_from(ids))


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
    """Per stage: totals and first deals; closed stages show the last 30 days.

    Each column's first deals come from their own small query that walks an index
    (stage, close date) or (stage, date closed) and stops after ``per_stage``
    rows, so the board costs the same with a hundred deals or a hundred thousand.
    """
    since = utcnow() - CLOSED_RECENTLY
    deal_filter = DealFilter(owner_id=owner_id, kind=None)
    columns = stage_totals(session, workspace, user_id, deal_filter, is_admin, since)

    visible = visible_deals(session, workspace, user_id, is_admin)
    if owner_id:
        visible = visible.where(Deal.owner_id == owner_id)
    return [
        (column, _first_deals(session, visible, column.stage, since, per_stage))
        for column in columns
    ]


def _first_deals(session, visible, stage: Stage, since, limit: int) -> list[Deal]:
    """An open stage's deals by expected close (undated last); a closed stage's
    most recently closed."""
    in_stage = visible.where(Deal.stage_id == stage.id)
    if stage.kind != OPEN:
        return list(
            session.scalars(
                in_stage.where(Deal.stage_entered_at >= since)
                .order_by(Deal.stage_entered_at.desc(), Deal.number)
                .limit(limit)
            )
        )
    dated = list(
        session.scalars(
            in_stage.where(Deal.close_date.is_not(None))
            .order_by(Deal.close_date, Deal.number)
            .limit(limit)
        )
    )
    if len(dated) == limit:
        return dated
    undated = session.scalars(
        in_stage.where(Deal.close_date.is_(None))
        .order_by(Deal.number)
        .limit(limit - len(dated))
    )
    return dated + list(undated)


__all__ = [
    "DealFilter",
    "StageTotal",
    "board",
    "deal_page",
    "stage_totals",
    "WON",
    "LOST",
]
