"""Events API listeners, one module per feature, each with
``register(app, runtime)``. Bolt acknowledges events itself, before they run."""

from __future__ import annotations

from ..runtime import Runtime
from . import documents

FEATURES = (documents,)


def register(app, runtime: Runtime) -> None:
    for feature in FEATURES:
        feature.register(app, runtime)
