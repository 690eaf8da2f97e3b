"""What Dealbot remembers of a Slack user: locale, time zone, admin rights."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import String
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Mapped, Session, mapped_column

from .base import Base, UTCDateTime, utcnow

PROFILE_TTL = timedelta(hours=12)


class UserProfile(Base):
    __tablename__ = "user_profiles"

    team_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(255), default="")
    locale: Mapped[str | None] = mapped_column(String(16))
    tz: Mapped[str | None] = mapped_column(String(64))
    is_admin: Mapped[bool] = mapped_column(default=False)
    fetched_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def is_fresh(self) -> bool:
        return utcnow() - self.fetched_at < PROFILE_TTL

    def __repr__(self) -> str:
        return f"<UserProfile {self.team_id}/{self.user_id} {self.locale} {self.tz}>"


def store_profile(
    session: Session,
    team_id: str,
    user_id: str,
    *,
    name: str,
    locale: str | None,
    tz: str | None,
    is_admin: bool,
) -> UserProfile:
    """Insert or refresh a profile in one statement, so two requests storing the
    same new user at once (two processes, say) cannot collide."""
    values = {
        "name": name,
        "locale": locale,
        "tz": tz,
        "is_admin": is_admin,
        "fetched_at": utcnow(),
    }
    insert = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}[
        session.get_bind().dialect.name
    ]
    session.execute(
        insert(UserProfile)
        .values(team_id=team_id, user_id=user_id, **values)
        .on_conflict_do_update(index_elements=["team_id", "user_id"], set_=values)
    )
    return session.get(UserProfile, (team_id, user_id), populate_existing=True)
