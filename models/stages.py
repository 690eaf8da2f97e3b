"""The stages of a workspace's sales cycle and the operations that edit them.

Every workspace has its open stages, in order, and the two outcomes Won and Lost.
Removed stages are archived rather than deleted so the history that mentions them
stays readable.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, String, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from .base import Base, get_row
from .errors import N_, Conflict, InvalidInput, NotFound

OPEN = "open"
WON = "won"
LOST = "lost"
MAX_OPEN_STAGES = 12
MAX_STAGE_NAME = 40

DEFAULT_STAGES = [
    (N_("Lead"), 10, OPEN),
    (N_("Qualified"), 25, OPEN),
    (N_("Proposal"), 50, OPEN),
    (N_("Negotiation"), 75, OPEN),
    (N_("Won"), 100, WON),
    (N_("Lost"), 0, LOST),
]


class Stage(Base):
    __tablename__ = "stages"
    __table_args__ = (Index("ix_stages_team_position", "team_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(ForeignKey("workspaces.team_id"))
    name: Mapped[str] = mapped_column(String(MAX_STAGE_NAME))
    position: Mapped[int]
    probability: Mapped[int]
    kind: Mapped[str] = mapped_column(String(8), default=OPEN)
    archived: Mapped[bool] = mapped_column(default=False)

    @property
    def is_closed(self) -> bool:
        return self.kind != OPEN

    def __repr__(self) -> str:
        return f"<Stage {self.id} {self.name!r} {self.kind} {self.probability}%>"


def seed_default_stages(session: Session, team_id: str) -> None:
    for position, (name, probability, kind) in enumerate(DEFAULT_STAGES):
        session.add(
            Stage(
                team_id=team_id,
                name=name,
                position=position,
                probability=probability,
                kind=kind,
            )
        )


def pipeline(session: Session, team_id: str) -> list[Stage]:
    """The active stages: open ones in order, then Won, then Lost."""
    kind_order = {OPEN: 0, WON: 1, LOST: 2}
    stages = session.scalars(
        select(Stage).where(Stage.team_id == team_id, Stage.archived.is_(False))
    ).all()
    return sorted(stages, key=lambda s: (kind_order[s.kind], s.position, s.id))


def open_stages(session: Session, team_id: str) -> list[Stage]:
    return [stage for stage in pipeline(session, team_id) if stage.kind == OPEN]


def outcome_stage(session: Session, team_id: str, kind: str) -> Stage:
    return next(stage for stage in pipeline(session, team_id) if stage.kind == kind)


def get_stage(session: Session, team_id: str, stage_id: int) -> Stage:
    stage = get_row(session, Stage, stage_id)
    if stage is None or stage.team_id != team_id or stage.archived:
        raise NotFound(N_("That stage no longer exists."))
    return stage


def find_stage(session: Session, team_id: str, text: str, label=None) -> Stage | None:
    """The active stage called ``text``, ignoring case and accents.

    ``label`` gives a stage's name as the user sees it (e.g. translated); both it
    and the stored name match. A unique prefix matches too.
    """
    from .search import fold

    wanted = fold(text)
    if not wanted:
        return None
    stages = pipeline(session, team_id)

    def names(stage: Stage) -> set[str]:
        return {fold(stage.name), fold(label(stage))} if label else {fold(stage.name)}

    exact = [s for s in stages if wanted in names(s)]
    if exact:
        return exact[0]
    prefixed = [s for s in stages if any(n.startswith(wanted) for n in names(s))]
    return prefixed[0] if len(prefixed) == 1 else None


def next_stage(session: Session, stage: Stage) -> Stage | None:
    """The open stage after ``stage``, or Won after the last open one."""
    if stage.is_closed:
        return None
    stages = open_stages(session, stage.team_id)
    later = [s for s in stages if (s.position, s.id) > (stage.position, stage.id)]
    return later[0] if later else outcome_stage(session, stage.team_id, WON)


def _validate(name: str, probability: int) -> str:
    from .search import tidy_name

    name = tidy_name(name)
    errors = {}
    if not name:
        errors["name"] = N_("Give the stage a name.")
    elif len(name) > MAX_STAGE_NAME:
        errors["name"] = N_("A stage name has at most 40 characters.")
    if not 0 <= probability <= 100:
        errors["probability"] = N_("Win probability is a whole percentage, 0 to 100.")
    if errors:
        raise InvalidInput(errors)
    return name


def _check_unique(session: Session, team_id: str, name: str, stage_id=None) -> None:
    from .search import fold

    for stage in pipeline(session, team_id):
        if stage.id != stage_id and fold(stage.name) == fold(name):
            raise InvalidInput({"name": N_("Another stage already has that name.")})


def add_stage(session: Session, team_id: str, name: str, probability: int) -> Stage:
    name = _validate(name, probability)
    _check_unique(session, team_id, name)
    stages = open_stages(session, team_id)
    if len(stages) >= MAX_OPEN_STAGES:
        raise Conflict(N_("A pipeline can have at most 12 open stages."))
    position = max((s.position for s in stages), default=-1) + 1
    stage = Stage(
        team_id=team_id, name=name, position=position, probability=probability
    )
    session.add(stage)
    session.flush()
    return stage


def edit_stage(session: Session, stage: Stage, name: str, probability: int) -> None:
    name = _validate(name, probability)
    _check_unique(session, stage.team_id, name, stage.id)
    stage.name = name
    if stage.kind == OPEN:
        stage.probability = probability


def move_stage(session: Session, stage: Stage, offset: int) -> None:
    """Move an open stage ``offset`` places earlier (negative) or later."""
    stages = open_stages(session, stage.team_id)
    if stage not in stages:
        raise Conflict(N_("Won and Lost always close the pipeline."))
    index = stages.index(stage)
    target = max(0, min(len(stages) - 1, index + offset))
    stages.insert(target, stages.pop(index))
    for position, each in enumerate(stages):
        each.position = position


def deals_in_stage(session: Session, stage: Stage) -> int:
    from .deals import Deal

    return session.scalar(
        select(func.count()).select_from(Deal).where(Deal.stage_id == stage.id)
    )


def remove_stage(
    session: Session, stage: Stage, actor_id: str, move_to: Stage | None = None
) -> int:
    """Archive an open stage; its deals go to ``move_to`` or it must be empty.

    Moving the deals records a stage change for each, like any other move.
    Returns how many deals were moved.
    """
    from .deals import Deal, move_deal

    if stage.kind != OPEN:
        raise Conflict(N_("Won and Lost cannot be removed."))
    if len(open_stages(session, stage.team_id)) == 1:
        raise Conflict(N_("A pipeline needs at least one open stage."))
    count = deals_in_stage(session, stage)
    if count and move_to is None:
        raise Conflict(
            N_("%(stage)s is not empty (deals: %(count)s). Move them first."),
            stage=stage.name,
            count=count,
        )
    if move_to is not None and (move_to.id == stage.id or move_to.archived):
        raise InvalidInput({"move_to": N_("Choose another stage for its deals.")})

    if count:
        deals = session.scalars(select(Deal).where(Deal.stage_id == stage.id)).all()
        for deal in deals:
            move_deal(session, deal, move_to, actor_id)
    stage.archived = True
    return count
