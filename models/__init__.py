"""Dealbot's domain: SQLAlchemy models and the operations on them.

Nothing in this package imports Slack; every rule here is testable on its own.
"""

from . import customers, documents, interactions  # noqa: F401  (tables)
from .base import Base, utcnow
from .db import make_engine, make_session_factory, ping, transaction
from .deal_refs import DealRef, get_deal, resolve_ref, visible_deals
from .deals import (
    Deal,
    DealInput,
    StageChange,
    create_deal,
    lose_stage,
    move_deal,
    reopen_stage,
    stage_history,
    update_deal,
    win_stage,
)
from .errors import (
    AlreadyDone,
    AmbiguousRef,
    Conflict,
    DealbotError,
    Forbidden,
    InvalidInput,
    NotFound,
)
from .outbox import OutboxMessage
from .people import UserProfile, store_profile
from .requests import RequestKey
from .stages import Stage, pipeline
from .workspace import Workspace, get_workspace

__all__ = [
    "AlreadyDone",
    "AmbiguousRef",
    "Base",
    "Conflict",
    "Deal",
    "DealInput",
    "DealRef",
    "DealbotError",
    "Forbidden",
    "InvalidInput",
    "NotFound",
    "OutboxMessage",
    "RequestKey",
    "Stage",
    "StageChange",
    "UserProfile",
    "Workspace",
    "create_deal",
    "get_deal",
    "get_workspace",
    "lose_stage",
    "make_engine",
    "make_session_factory",
    "move_deal",
    "ping",
    "pipeline",
    "reopen_stage",
    "resolve_ref",
    "stage_history",
    "store_profile",
    "transaction",
    "update_deal",
    "utcnow",
    "visible_deals",
    "win_stage",
]
