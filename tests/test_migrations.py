"""The migrations build exactly the schema the models describe."""

from __future__ import annotations

from alembic import command

from migrations import alembic_config


def test_migrations_match_the_models(engine, database_url):
    command.check(alembic_config(database_url))
