"""Finding deals: the one visibility rule, references like ``#12`` or a name,
and the typeahead's search. Every read of deals starts from ``visible_deals``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from .base import MAX_ID
from .deals import Deal
from .errors import N_, AmbiguousRef, NotFound
from .search import fold, like_pattern
from .workspace import VISIBILITY_OWN, Workspace


@dataclass(frozen=True)
class DealRef:
    """A deal named by number and name: plain values that outlive a session."""

    number: int
    name: str

    @property
    def ref(self) -> str:
        return f"#{self.number}"


def visible_deals(session: Session, workspace: Workspace, user_id: str, is_admin=False):
    """The one query every read of deals starts from: workspace and visibility rule."""
    statement = select(Deal).where(Deal.team_id == workspace.team_id)
    if workspace.visibility == VISIBILITY_OWN and not is_admin:
        statement = statement.where(
            or_(Deal.owner_id == user_id, Deal.created_by == user_id)
        )
    return statement


def get_deal(session: Session, workspace, user_id: str, deal_id: int, is_admin=False):
    """A deal by id, if it is in this workspace and visible to the user."""
    if not isinstance(deal_id, int) or not 0 < deal_id <= MAX_ID:
        raise NotFound(N_("That deal does not exist or is not visible to you."))
    deal = session.scalar(
        visible_deals(session, workspace, user_id, is_admin).where(Deal.id == deal_id)
    )
    if deal is None:
        raise NotFound(N_("That deal does not exist or is not visible to you."))
    return deal


_NUMBER_REF = re.compile(r"#?(\d{1,9})")


def resolve_ref(session: Session, workspace, user_id: str, ref: str, is_admin=False):
    """The one deal ``ref`` names: ``#12``, ``12`` or a unique part of its name."""
    ref = (ref or "").strip()
    if not ref:
        raise NotFound(N_("Say which deal: its number, like #12, or part of its name."))
    visible = visible_deals(session, workspace, user_id, is_admin)

    number = _NUMBER_REF.fullmatch(ref)
    if number:
        deal = session.scalar(visible.where(Deal.number == int(number.group(1))))
        if deal is not None:
            return deal

    matches = session.scalars(
        visible.where(Deal.name_folded.like(like_pattern(ref), escape="\\"))
        .order_by(Deal.number.desc())
        .limit(11)
    ).all()
    exact = [deal for deal in matches if deal.name_folded == fold(ref)]
    if len(exact) == 1:
        return exact[0]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise AmbiguousRef(ref, [DealRef(d.number, d.name) for d in matches[:10]])
    raise NotFound(N_("No deal matches “%(ref)s”."), ref=ref)


def search_deals(
    session: Session, workspace, user_id: str, text: str, is_admin=False, limit=20
) -> list[Deal]:
    """Visible deals whose number is ``text`` or whose name contains it (folded),
    the newest first: the typeahead of deal pickers."""
    visible = visible_deals(session, workspace, user_id, is_admin)
    text = (text or "").strip()
    number = _NUMBER_REF.fullmatch(text)
    if number:
        found = session.scalar(visible.where(Deal.number == int(number.group(1))))
        if found is not None:
            return [found]
    if text:
        visible = visible.where(Deal.name_folded.like(like_pattern(text), escape="\\"))
    return list(session.scalars(visible.order_by(Deal.number.desc()).limit(limit)))
