"""Options for external selects (typeaheads), one module per feature, each with
``register(app, runtime)``.

Slack waits about three seconds for options and shows nothing if they are
late, so these handlers answer from one indexed query and never call Slack
before they have answered.
"""

from __future__ import annotations

from ..runtime import Runtime
from . import customers, deals

FEATURES = (customers, deals)


def register(app, runtime: Runtime) -> None:
    for feature in FEATURES:
        feature.register(app, runtime)
