"""Rounds, settings and stored round results.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rounds",
        sa.Column("id", sa.String(20), primary_key=True),
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("years", sa.String(100), nullable=False, server_default=""),
        sa.Column("members", sa.Integer, nullable=True),
        sa.Column("title", sa.Text, nullable=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "round_runs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("round_id", sa.String(20), nullable=False, index=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("award", sa.String(100), nullable=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("tdkt_version", sa.String(20), nullable=False),
        sa.Column("ruleset", sa.String(100), nullable=True),
        sa.Column("inputs", sa.Text, nullable=False, server_default="[]"),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("current", sa.Integer, nullable=False, server_default="1"),
    )


def downgrade() -> None:
    op.drop_table("round_runs")
    op.drop_table("settings")
    op.drop_table("rounds")
