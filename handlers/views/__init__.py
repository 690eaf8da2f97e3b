"""Modal submissions, one module per feature, each with ``register(app, runtime)``."""

from __future__ import annotations

from ..runtime import Runtime
from . import customers, notes, pipeline, settings

FEATURES = (pipeline, settings, customers, notes)


def register(app, runtime: Runtime) -> None:
    for feature in FEATURES:
        feature.register(app, runtime)
