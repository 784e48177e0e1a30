"""Migration 0010 (the sync's tables) on the team's PostgreSQL server: a server database
at 0009 upgrades with its data, to exactly the models' schema, and back."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from postgres_server import Databases
from sqlalchemy import inspect, text

from kulturpunkt_desk.domain.models import Base
from kulturpunkt_desk.domain.services import programmes
from kulturpunkt_desk.storage.migrate import (
    alembic_config,
    head_revision,
    open_database,
    schema_revision,
)

pytestmark = pytest.mark.postgresql_only

SYNC_TABLES = ("sync_conflict", "sync_receipt", "laptop_sync")


def test_a_server_database_at_0009_upgrades_to_the_models_schema(
    postgres_server: Databases,
) -> None:
    url = postgres_server.fresh()
    try:
        server = open_database(url)
        programmes.create_programme(server, programmes.kulturpunkt_2025_26(), "Aftale")
        with server.engine.begin() as conn:  # as a server of the desk before 0010 was
            for table in SYNC_TABLES:
                conn.execute(text(f'DROP TABLE "{table}"'))
            conn.execute(text("UPDATE alembic_version SET version_num = '0009'"))
        server.dispose()

        server = open_database(url)  # the desk's start upgrades a server it may upgrade
        try:
            assert schema_revision(server) == head_revision() == "0010"
            with server.engine.connect() as conn:
                assert set(SYNC_TABLES) <= set(inspect(conn).get_table_names())
                assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
            assert [p.name for p in programmes.list_programmes(server)] == ["Kulturpunkt 2025-26"]

            cfg = alembic_config()
            with server.engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.downgrade(cfg, "0009")
            with server.engine.connect() as conn:
                assert not set(SYNC_TABLES) & set(inspect(conn).get_table_names())
        finally:
            server.dispose()
    finally:
        postgres_server.drop(url)
