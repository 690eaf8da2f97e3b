"""Modal submissions that shape the workspace: settings and the stage forms."""

from __future__ import annotations

from models import Conflict, InvalidInput, NotFound, get_workspace
from models.errors import N_
from models.stages import add_stage, edit_stage, get_stage, remove_stage
from models.workspace import update_settings
from ui import ids, notices

from .. import forms
from ..commands.pipeline import stages_view
from ..runtime import Runtime

SETTINGS_FIELDS = {
    "default_currency": ids.SETTINGS_CURRENCY,
    "language": ids.SETTINGS_LANGUAGE,
    "visibility": ids.SETTINGS_VISIBILITY,
    "lost_reasons": ids.SETTINGS_LOST_REASONS,
}
STAGE_FIELDS = {
    "name": ids.STAGE_EDIT_NAME,
    "probability": ids.STAGE_EDIT_PROBABILITY,
    "move_to": ids.STAGE_MOVE_TO,
}


def register(app, runtime: Runtime) -> None:
    @app.view(ids.SETTINGS_MODAL)
    def settings_submitted(ack, body, view, client):
        person = runtime.reader(body, client)
        loc = person.localizer()
        if not person.is_admin:
            ack(
                response_action="errors",
                errors={
                    ids.SETTINGS_CURRENCY: loc._(
                        N_("Only a workspace admin can do that.")
                    )
                },
            )
            return
        team_id = body["team"]["id"]
        try:
            with runtime.transaction() as session:
                update_settings(
                    session,
                    get_workspace(session, team_id),
                    channel_id=forms.selected_conversation(view, ids.SETTINGS_CHANNEL),
                    default_currency=forms.text(view, ids.SETTINGS_CURRENCY),
                    language=forms.selected(view, ids.SETTINGS_LANGUAGE) or "en",
                    visibility=forms.selected(view, ids.SETTINGS_VISIBILITY) or "all",
                    lost_reasons=forms.text(
                        view, ids.SETTINGS_LOST_REASONS
                    ).splitlines(),
                )
        except InvalidInput as error:
            ack(
                response_action="errors",
                errors=notices.field_errors(error, loc, SETTINGS_FIELDS),
            )
            return
        ack()
        runtime.people.forget(team_id)

    @app.view(ids.STAGE_EDIT_MODAL)
    def stage_form_submitted(ack, body, view, client):
        person = runtime.reader(body, client)
        loc = person.localizer()
        meta = forms.metadata(view)
        team_id = body["team"]["id"]
        try:
            if not person.is_admin:
                raise InvalidInput({"name": N_("Only a workspace admin can do that.")})
            with runtime.transaction() as session:
                _apply_stage_form(session, team_id, view, meta, person.user_id)
        except InvalidInput as error:
            errors = notices.field_errors(error, loc, STAGE_FIELDS)
            ack(
                response_action="errors",
                errors=errors
                or {ids.STAGE_EDIT_NAME: notices.translated_error(error, loc)},
            )
            return
        except (Conflict, NotFound) as error:
            field = (
                ids.STAGE_MOVE_TO
                if meta.get("mode") == "remove"
                else ids.STAGE_EDIT_NAME
            )
            block = field if field in view["state"]["values"] else None
            if block is None:
                ack(
                    response_action="update",
                    view=stages_view(
                        runtime, team_id, person, notices.translated_error(error, loc)
                    ),
                )
            else:
                ack(
                    response_action="errors",
                    errors={block: notices.translated_error(error, loc)},
                )
            return
        ack()
        runtime.wake_outbox()
        if meta.get("root"):
            client.views_update(
                view_id=meta["root"], view=stages_view(runtime, team_id, person)
            )


def _apply_stage_form(session, team_id, view, meta, actor_id) -> None:
    stage = (
        get_stage(session, team_id, int(meta["stage"])) if meta.get("stage") else None
    )
    if meta.get("mode") == "remove":
        target = forms.selected(view, ids.STAGE_MOVE_TO)
        move_to = get_stage(session, team_id, int(target)) if target else None
        remove_stage(session, stage, actor_id, move_to)
        return
    name = forms.text(view, ids.STAGE_EDIT_NAME)
    raw = forms.text(view, ids.STAGE_EDIT_PROBABILITY)
    probability = (
        forms.whole_number(raw) if raw else (stage.probability if stage else -1)
    )
    if probability is None:
        raise InvalidInput(
            {"probability": N_("Win probability is a whole percentage, 0 to 100.")}
        )
    if stage is None:
        add_stage(session, team_id, name, probability)
    else:
        edit_stage(session, stage, name, probability)
