"""Alembic environment: migrations run on the connection tdkt.db.upgrade hands over."""

from __future__ import annotations

from alembic import context

from tdkt.db.schema import metadata

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - tdkt always passes a connection
    from sqlalchemy import create_engine

    connection = create_engine(config.get_main_option("sqlalchemy.url") or "").connect()

context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
