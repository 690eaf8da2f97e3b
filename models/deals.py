"""Deals, their stage history, and the operations that create and move them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
    select,
)
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from . import outbox
from .base import Base, Money, UTCDateTime, utcnow
from .errors import N_, Conflict, InvalidInput, NotFound
from .money import normalize_currency, parse_amount
from .requests import claim_request
from .search import fold, tidy_name
from .stages import LOST, OPEN, WON, Stage, get_stage, open_stages, outcome_stage
from .workspace import Workspace, allocate_deal_number

MAX_NAME = 200
MAX_CUSTOMER = 200
MAX_DESCRIPTION = 3000
MAX_REASON = 500


class Deal(Base):
    __tablename__ = "deals"
    __table_args__ = (
        UniqueConstraint("team_id", "number"),
        Index("ix_deals_team_stage", "team_id", "stage_id"),
        Index("ix_deals_team_owner", "team_id", "owner_id"),
        # Lists by close date, and the board's columns: open stages by close
        # date, closed ones by recency.
        Index("ix_deals_team_close", "team_id", "close_date", "number"),
        Index("ix_deals_stage_close", "stage_id", "close_date", "number"),
        Index("ix_deals_stage_entered", "stage_id", "stage_entered_at"),
        # Totals per stage and currency read from the index alone.
        Index("ix_deals_totals", "team_id", "stage_id", "currency", "value"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(ForeignKey("workspaces.team_id"))
    number: Mapped[int]
    name: Mapped[str] = mapped_column(String(MAX_NAME))
    name_folded: Mapped[str] = mapped_column(String(MAX_NAME), index=True)
    customer: Mapped[str] = mapped_column(String(MAX_CUSTOMER), default="")
    company_id: Mapped[int | None] = mapped_column(ForeignKey("companies.id"))
    value: Mapped[Decimal] = mapped_column(Money)
    currency: Mapped[str] = mapped_column(String(3))
    owner_id: Mapped[str] = mapped_column(String(32))
    close_date: Mapped[date | None]
    description: Mapped[str] = mapped_column(Text, default="")
    stage_id: Mapped[int] = mapped_column(ForeignKey("stages.id"))
    stage_entered_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    lost_reason: Mapped[str | None] = mapped_column(String(MAX_REASON))
    created_by: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        UTCDateTime, default=utcnow, onupdate=utcnow
    )
    thread_channel: Mapped[str | None] = mapped_column(String(32))
    thread_ts: Mapped[str | None] = mapped_column(String(32))

    stage: Mapped[Stage] = relationship(lazy="joined")

    @property
    def ref(self) -> str:
        return f"#{self.number}"

    def __repr__(self) -> str:
        return (
            f"<Deal {self.team_id}#{self.number} {self.name!r} stage={self.stage_id}>"
        )


class StageChange(Base):
    __tablename__ = "stage_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(String(32))
    deal_id: Mapped[int] = mapped_column(ForeignKey("deals.id"), index=True)
    from_stage_id: Mapped[int | None] = mapped_column(ForeignKey("stages.id"))
    to_stage_id: Mapped[int] = mapped_column(ForeignKey("stages.id"))
    actor_id: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str | None] = mapped_column(String(MAX_REASON))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    from_stage: Mapped[Stage | None] = relationship(foreign_keys=[from_stage_id])
    to_stage: Mapped[Stage] = relationship(foreign_keys=[to_stage_id])


@dataclass(frozen=True)
class DealInput:
    """What a rep typed into the deal modal, before it is checked."""

    name: str
    customer: str
    value: str
    currency: str
    close_date: date | None
    owner_id: str
    stage_id: int | None
    description: str
    locale: str = "en_US"


def _checked(session: Session, team_id: str, data: DealInput) -> dict:
    errors = {}
    name = tidy_name(data.name)
    if not name:
        errors["name"] = N_("Give the deal a name.")
    elif len(name) > MAX_NAME:
        errors["name"] = N_("A name has at most 200 characters.")
    currency = normalize_currency(data.currency)
    if currency is None:
        errors["currency"] = N_("Unknown currency code. Use ISO 4217, e.g. EUR or CZK.")
    value = None
    try:
        value = parse_amount(data.value, currency or "EUR", data.locale)
    except ValueError as error:
        errors["value"] = str(error)
    customer = (data.customer or "").strip()
    if len(customer) > MAX_CUSTOMER:
        errors["customer"] = N_("A customer has at most 200 characters.")
    description = (data.description or "").strip()
    if len(description) > MAX_DESCRIPTION:
        errors["description"] = N_("A description has at most 3000 characters.")
    stage = None
    if data.stage_id is not None:
        try:
            stage = get_stage(session, team_id, data.stage_id)
        except NotFound:
            errors["stage"] = N_("That stage no longer exists.")
    if errors:
        raise InvalidInput(errors)
    return {
        "name": name,
        "name_folded": fold(name),
        "customer": customer,
        "value": value,
        "currency": currency,
        "close_date": data.close_date,
        "owner_id": data.owner_id,
        "description": description,
        "stage": stage,
    }


def create_deal(
    session: Session,
    workspace: Workspace,
    data: DealInput,
    actor_id: str,
    request_key: str | None = None,
) -> Deal:
    """Check ``data``, save the deal in its first stage, and owe the channel a post."""
    fields = _checked(session, workspace.team_id, data)
    if fields["stage"] is not None and fields["stage"].is_closed:
        raise InvalidInput({"stage": N_("A new deal starts in an open stage.")})
    claim_request(session, workspace.team_id, request_key)

    stage = fields.pop("stage") or open_stages(session, workspace.team_id)[0]
    deal = Deal(
        team_id=workspace.team_id,
        number=allocate_deal_number(session, workspace.team_id),
        stage=stage,
        created_by=actor_id,
        **fields,
    )
    session.add(deal)
    session.flush()
    session.add(
        StageChange(
            team_id=deal.team_id,
            deal_id=deal.id,
            to_stage_id=stage.id,
            actor_id=actor_id,
        )
    )
    outbox.owe_deal_update(session, deal, "created", actor_id)
    return deal


def update_deal(session: Session, deal: Deal, data: DealInput, actor_id: str) -> None:
    """Change a deal's fields; a new stage is moved to, except Lost, which asks
    for its reason through ``/deal lost`` or the Lost button."""
    fields = _checked(session, deal.team_id, data)
    stage = fields.pop("stage")
    if stage is not None and stage.kind == LOST and stage.id != deal.stage_id:
        raise InvalidInput(
            {
                "stage": N_(
                    "Close a deal as lost with the Lost button, "
                    "which asks for the reason."
                )
            }
        )
    for key, value in fields.items():
        setattr(deal, key, value)
    if stage is not None and stage.id != deal.stage_id:
        move_deal(session, deal, stage, actor_id)
    else:
        outbox.owe_deal_update(session, deal, "edited", actor_id)


def move_deal(
    session: Session,
    deal: Deal,
    stage: Stage,
    actor_id: str,
    reason: str | None = None,
    request_key: str | None = None,
) -> StageChange:
    """Put ``deal`` in ``stage``, keep the change as history, owe the channel a post.

    The caller chose ``stage`` knowing the deal's stage as loaded; if someone moved
    the deal since, the move is refused rather than applied on top of theirs.
    """
    if stage.team_id != deal.team_id or stage.archived:
        raise NotFound(N_("That stage no longer exists."))
    _hold_still(session, deal)
    if stage.id == deal.stage_id:
        raise Conflict(
            N_("%(deal)s is already in %(stage)s."), deal=deal.ref, stage=stage.name
        )
    reason = (reason or "").strip()[:MAX_REASON] or None
    claim_request(session, deal.team_id, request_key)

    change = StageChange(
        team_id=deal.team_id,
        deal_id=deal.id,
        from_stage_id=deal.stage_id,
        to_stage_id=stage.id,
        actor_id=actor_id,
        reason=reason,
    )
    session.add(change)
    deal.stage = stage
    deal.stage_entered_at = utcnow()
    deal.lost_reason = reason if stage.kind == LOST else None
    session.flush()
    outbox.owe_deal_update(session, deal, "moved", actor_id, change_id=change.id)
    return change


def _hold_still(session: Session, deal: Deal) -> None:
    """Lock the deal's row until commit and check nobody moved it meanwhile.

    On PostgreSQL two transactions may have loaded the deal in the same stage; the
    row lock makes the second wait, and then it sees the first one's move. SQLite
    runs one writing transaction at a time, so there the check always passes.
    """
    current = session.scalar(
        select(Deal.stage_id).where(Deal.id == deal.id).with_for_update()
    )
    if current != deal.stage_id:
        session.refresh(deal)
        raise Conflict(N_("Someone already moved this deal; here is where it is now."))


def reopen_stage(session: Session, deal: Deal) -> Stage:
    """Where a closed deal goes back to: the open stage it left, else the first one."""
    last_open = session.scalar(
        select(Stage)
        .join(StageChange, StageChange.from_stage_id == Stage.id)
        .where(
            StageChange.deal_id == deal.id,
            Stage.kind == OPEN,
            Stage.archived.is_(False),
        )
        .order_by(StageChange.id.desc())
        .limit(1)
    )
    return last_open or open_stages(session, deal.team_id)[0]


def win_stage(session: Session, deal: Deal) -> Stage:
    return outcome_stage(session, deal.team_id, WON)


def lose_stage(session: Session, deal: Deal) -> Stage:
    return outcome_stage(session, deal.team_id, LOST)


def stage_history(session: Session, deal: Deal, limit: int = 5) -> list[StageChange]:
    return list(
        session.scalars(
            select(StageChange)
            .where(StageChange.deal_id == deal.id)
            .order_by(StageChange.id.desc())
            .limit(limit)
        )
    )


def get_stage_change(session: Session, change_id: int) -> StageChange | None:
    return session.get(StageChange, change_id)
