"""The stage editor's buttons: add a stage, and each stage's menu."""

from __future__ import annotations

from models.errors import Conflict
from models.stages import deals_in_stage, get_stage, move_stage, pipeline
from ui import ids, notices, stages_modal

from ..commands.pipeline import stages_view
from ..runtime import Runtime, actor


def register(app, runtime: Runtime) -> None:
    @app.action(ids.STAGE_ADD)
    @runtime.right_after_ack
    def add_clicked(body, client):
        person = runtime.reader(body, client)
        view = stages_modal.stage_form(
            person.localizer(), root_view_id=body["view"]["id"]
        )
        client.views_push(trigger_id=body["trigger_id"], view=view)

    @app.action(ids.STAGE_ACTIONS)
    @runtime.right_after_ack
    def menu_chosen(body, action, client):
        person = runtime.reader(body, client)
        verb, _, stage_id = action["selected_option"]["value"].partition(":")
        team_id, _ = actor(body)
        root = body["view"]["id"]
        if not person.is_admin or not stage_id.isdigit():
            client.views_update(
                view_id=root, view=stages_view(runtime, team_id, person)
            )
        elif verb in (stages_modal.UP, stages_modal.DOWN):
            notice = _reorder(runtime, team_id, int(stage_id), verb, person.localizer())
            view = stages_view(runtime, team_id, person, notice)
            client.views_update(view_id=root, view=view)
        else:
            form = _form(
                runtime, team_id, int(stage_id), verb, root, person.localizer()
            )
            client.views_push(trigger_id=body["trigger_id"], view=form)


def _reorder(runtime, team_id, stage_id, verb, loc) -> str | None:
    """Move the stage one place; a notice when it cannot move."""
    with runtime.transaction() as session:
        try:
            stage = get_stage(session, team_id, stage_id)
            move_stage(session, stage, -1 if verb == stages_modal.UP else 1)
        except Conflict as error:
            return notices.translated_error(error, loc)
    return None


def _form(runtime, team_id, stage_id, verb, root, loc) -> dict:
    """The pushed form that edits or removes one stage."""
    with runtime.transaction() as session:
        stage = get_stage(session, team_id, stage_id)
        if verb == stages_modal.EDIT:
            return stages_modal.stage_form(loc, root_view_id=root, stage=stage)
        targets = [s for s in pipeline(session, team_id) if s.id != stage.id]
        return stages_modal.remove_form(
            loc,
            root_view_id=root,
            stage=stage,
            count=deals_in_stage(session, stage),
            targets=targets,
        )
