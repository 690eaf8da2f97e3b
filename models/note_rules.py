"""Small rules a note's input follows: its time, its contacts, its source link.

Kept apart from ``interactions`` so that module stays about the notes themselves.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session

from .customers import Contact

MAX_PERMALINK = 500


def occurred_at(day: date, at: time | None, tz_name: str | None) -> datetime:
    """The UTC instant of a wall-clock ``day`` and ``at`` in the zone ``tz_name``.

    A wall time the clocks skip in spring is read with the offset in force before
    the change (02:30 in Prague that night is 03:30 summer time); one they repeat
    in autumn is its first occurrence. An unknown zone is read as UTC.
    """
    try:
        zone = ZoneInfo(tz_name) if tz_name else ZoneInfo("UTC")
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    local = datetime.combine(day, at or time(0), tzinfo=zone)
    return local.astimezone(UTC)


def own_contacts(session: Session, team_id: str, contact_ids) -> list | None:
    """The contact ids, if every one is a contact of this workspace; else None."""
    wanted = list(dict.fromkeys(int(i) for i in contact_ids or []))
    if not wanted:
        return []
    found = set(
        session.scalars(
            select(Contact.id).where(Contact.team_id == team_id, Contact.id.in_(wanted))
        )
    )
    return wanted if found == set(wanted) else None


def safe_permalink(url: str | None) -> str | None:
    """Keep only a plain https link that fits, so it can be shown as a link."""
    url = (url or "").strip()
    if not url.startswith("https://") or len(url) > MAX_PERMALINK:
        return None
    return None if any(c in url for c in "<>| \n") else url
