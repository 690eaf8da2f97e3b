"""A Slack workspace (team) and its Dealbot settings; every other row points here."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, String, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from .base import Base, UTCDateTime, utcnow
from .errors import N_, InvalidInput

DEFAULT_LOST_REASONS = [
    N_("Price"),
    N_("Lost to a competitor"),
    N_("No budget"),
    N_("No decision"),
    N_("Timing"),
]

VISIBILITY_ALL = "all"
VISIBILITY_OWN = "own"
LANGUAGES = ("en", "cs")


class Workspace(Base):
    __tablename__ = "workspaces"

    team_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    channel_id: Mapped[str | None] = mapped_column(String(32))
    default_currency: Mapped[str] = mapped_column(String(3), default="EUR")
    language: Mapped[str] = mapped_column(String(8), default="en")
    visibility: Mapped[str] = mapped_column(String(8), default=VISIBILITY_ALL)
    lost_reasons: Mapped[list[str]] = mapped_column(
        JSON, default=lambda: list(DEFAULT_LOST_REASONS)
    )
    next_deal_number: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"<Workspace {self.team_id} channel={self.channel_id}>"


def get_workspace(session: Session, team_id: str) -> Workspace:
    """The workspace row, created with its default stages on first use."""
    workspace = session.get(Workspace, team_id)
    if workspace is not None:
        return workspace

    from .stages import seed_default_stages

    try:
        with session.begin_nested():
            workspace = Workspace(team_id=team_id)
            session.add(workspace)
            session.flush()
            seed_default_stages(session, team_id)
            session.flush()
    except IntegrityError:
        # Another request created it at the same moment; use theirs.
        workspace = session.get(Workspace, team_id)
    return workspace


def allocate_deal_number(session: Session, team_id: str) -> int:
    """The next per-workspace deal number, safe against concurrent writers."""
    statement = (
        update(Workspace)
        .where(Workspace.team_id == team_id)
        .values(next_deal_number=Workspace.next_deal_number + 1)
        .returning(Workspace.next_deal_number)
    )
    return session.execute(statement).scalar_one() - 1


def update_settings(
    session: Session,
    workspace: Workspace,
    *,
    channel_id: str | None,
    default_currency: str,
    language: str,
    visibility: str,
    lost_reasons: list[str],
) -> None:
    from .money import normalize_currency

    errors = {}
    currency = normalize_currency(default_currency)
    if currency is None:
        errors["default_currency"] = N_(
            "Unknown currency code. Use ISO 4217, e.g. EUR."
        )
    if language not in LANGUAGES:
        errors["language"] = N_("Choose English or Czech.")
    if visibility not in (VISIBILITY_ALL, VISIBILITY_OWN):
        errors["visibility"] = N_("Choose who can see deals.")
    reasons = [r.strip() for r in lost_reasons if r.strip()]
    if any(len(r) > 60 for r in reasons):
        errors["lost_reasons"] = N_("Each reason has at most 60 characters.")
    if errors:
        raise InvalidInput(errors)

    workspace.channel_id = channel_id
    workspace.default_currency = currency
    workspace.language = language
    workspace.visibility = visibility
    workspace.lost_reasons = reasons[:50]
