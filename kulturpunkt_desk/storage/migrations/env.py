"""Alembic environment. Run from code (storage.migrate), which hands over a connection."""

from __future__ import annotations

from alembic import context

# The one expected upward import: Alembic compares against the models' metadata.
from kulturpunkt_desk.domain.models import Base

config = context.config
connection = config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them; batch mode does that
    compare_type=True,
)
with context.begin_transaction():
    if config.attributes.get("create_from_models"):
        # A new database is made from the models and only stamped at the newest revision:
        # the migrations are for databases that exist (storage/migrate.create_schema).
        Base.metadata.create_all(connection)
    context.run_migrations()
