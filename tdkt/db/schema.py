"""Tables of the register (SQLAlchemy Core). Migrations in ``migrations/`` create and change them."""

from __future__ import annotations

from sqlalchemy import Column, Date, DateTime, Integer, MetaData, String, Table, Text

metadata = MetaData()

# A review round (đợt xét): "2022-1" = đợt 1 năm 2022.
rounds = Table(
    "rounds",
    metadata,
    Column("id", String(20), primary_key=True),
    Column("date", Date, nullable=False),
    Column("years", String(100), nullable=False, default=""),  # "2021" or "2019,2020,2021"
    Column("members", Integer, nullable=True),
    Column("title", Text, nullable=True),
    Column("created_at", DateTime, nullable=False),
)

# Key/value settings of the workspace (e.g. the current round).
settings = Table(
    "settings",
    metadata,
    Column("key", String(100), primary_key=True),
    Column("value", Text, nullable=False),
)

# Stored results of a round (validation verdicts, tally results): the newest of each kind is the
# current one; earlier ones stay as history (a re-run needs --force).
round_runs = Table(
    "round_runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("round_id", String(20), nullable=False, index=True),
    Column("kind", String(20), nullable=False),  # validate | tally
    Column("award", String(100), nullable=True),
    Column("created_at", DateTime, nullable=False),
    Column("tdkt_version", String(20), nullable=False),
    Column("ruleset", String(100), nullable=True),
    Column("inputs", Text, nullable=False, default="[]"),  # JSON [{path, sha256}]
    Column("payload", Text, nullable=False),  # JSON document (the command's JSON output)
    Column("current", Integer, nullable=False, default=1),
)
