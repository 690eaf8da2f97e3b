"""The App Home tab: the board is published fresh every time it is opened."""

from __future__ import annotations

from ui.home import SCOPE_ALL, SCOPE_MINE

from .deals import publish_home
from .runtime import Runtime


def register(app, runtime: Runtime) -> None:
    @app.event("app_home_opened")
    @runtime.after_ack
    def home_opened(body, event, client):
        if event.get("tab") != "home":
            return
        person = runtime.reader(body, client)
        previous = (event.get("view") or {}).get("private_metadata")
        scope = previous if previous in (SCOPE_MINE, SCOPE_ALL) else SCOPE_MINE
        publish_home(runtime, client, body["team_id"], person, scope)
