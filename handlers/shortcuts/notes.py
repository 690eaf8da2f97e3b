"""The message shortcuts "Log to deal" and "Attach to deal".

Both open a modal at once (the trigger_id lives three seconds) with a deal
picker, since a message does not say which deal it is about.
"""

from __future__ import annotations

from models.documents import guess_kind
from models.interactions import MAX_TEXT
from ui import documents, ids, notes
from ui.text import unescape

from ..runtime import Runtime

MAX_FILES = 10


def register(app, runtime: Runtime) -> None:
    @app.shortcut(ids.SHORTCUT_LOG_TO_DEAL)
    @runtime.right_after_ack
    def log_to_deal(shortcut, client):
        person = runtime.reader(shortcut, client)
        message = shortcut.get("message") or {}
        author = message.get("user") or ""
        text = unescape(message.get("text"))
        metadata = {
            "channel": (shortcut.get("channel") or {}).get("id"),
            "message_ts": shortcut.get("message_ts") or message.get("ts"),
            "long": len(text) > MAX_TEXT,
        }
        if message.get("thread_ts") not in (None, metadata["message_ts"]):
            metadata["thread_ts"] = message["thread_ts"]
        view = notes.note_modal(
            person.localizer(),
            prefill=text,
            people=(author,) if author.startswith(("U", "W")) else (),
            metadata=metadata,
        )
        client.views_open(trigger_id=shortcut["trigger_id"], view=view)

    @app.shortcut(ids.SHORTCUT_ATTACH_TO_DEAL)
    @runtime.right_after_ack
    def attach_to_deal(shortcut, client, respond):
        person = runtime.reader(shortcut, client)
        loc = person.localizer()
        files = [
            {"id": f["id"], "name": f.get("name") or f.get("title") or f["id"]}
            for f in (shortcut.get("message") or {}).get("files") or []
            if f.get("id")
        ][:MAX_FILES]
        if not files:
            respond(
                text=loc._("That message has no files to attach."),
                response_type="ephemeral",
                replace_original=False,
            )
            return
        metadata = {
            "files": [f["id"] for f in files],
            "source": "shortcut",
            "channel": (shortcut.get("channel") or {}).get("id"),
        }
        view = documents.attach_modal(
            loc, files=files, kind=guess_kind(files[0]["name"]), metadata=metadata
        )
        client.views_open(trigger_id=shortcut["trigger_id"], view=view)
