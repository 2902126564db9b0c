"""Tables of the register (SQLAlchemy Core). Migrations in ``migrations/`` create and change them."""

from __future__ import annotations

from sqlalchemy import Column, Date, DateTime, ForeignKey, Integer, MetaData, String, Table, Text

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
    # A validate run: how many nominees it has in round_nominees (its payload keeps "nominees": []);
    # NULL: the payload holds its nominees itself (a run stored without a list). Migration 0004.
    Column("nominees", Integer, nullable=True),
)

# A validate run's nominees, one JSON object each in list order (seq 0, 1, …): stored in batches,
# so that a round's results take time and memory linear in the list (migration 0004, issue 18).
round_nominees = Table(
    "round_nominees",
    metadata,
    Column("run_id", Integer, ForeignKey("round_runs.id"), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("data", Text, nullable=False),
)

# --- The register (sổ theo dõi khen thưởng), migration 0002 -------------------------------------
# Owned by tdkt.register. A person or collective is one row of reg_people; what they received is in
# reg_awards; sáng kiến and what they were used for in reg_initiatives; decisions tdkt recorded as
# signed in reg_decisions; the officer's identity settlements in reg_settlements; and every command
# that changed the register in audit_log (append-only: triggers refuse UPDATE and DELETE).

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime, nullable=False),
    Column("os_user", String(100), nullable=False),
    Column("command", Text, nullable=False),  # the command line, e.g. "tdkt register import a.xlsx"
    Column("action", String(50), nullable=False),  # stable ASCII: register.import, register.issue, …
    Column("tdkt_version", String(20), nullable=False),
    Column("ruleset", String(100), nullable=True),
    Column("inputs", Text, nullable=False, default="[]"),  # JSON [{path, sha256}]
    Column("details", Text, nullable=False, default="{}"),  # JSON: counts, ids
)

reg_people = Table(
    "reg_people",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(20), nullable=False),  # individual | collective | household
    Column("name", Text, nullable=False),  # NFC, as first recorded
    Column("name_exact", Text, nullable=False, index=True),  # NFC, case-folded, single spaces
    Column("name_fold", Text, nullable=False, index=True),  # no diacritics: finds look-alikes
    Column("birth_date", Date, nullable=True),
    Column("birth_year", Integer, nullable=True),
    Column("gender", String(10), nullable=True),
    Column("cccd", String(20), nullable=True, unique=True),
    Column("staff_code", String(50), nullable=True, unique=True),
    Column("position", Text, nullable=True),
    Column("unit", Text, nullable=True),
    Column("unit_exact", Text, nullable=True),
    Column("created_at", DateTime, nullable=False),
    Column("entry_id", Integer, nullable=True),  # audit_log.id of the command that created it
)

reg_decisions = Table(
    "reg_decisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("round_id", String(20), nullable=False, index=True),
    Column("award", String(100), nullable=False),
    Column("number", Integer, nullable=False),
    Column("date", Date, nullable=False),
    Column("signer", Text, nullable=True),
    Column("current", Integer, nullable=False, default=1),
    Column("created_at", DateTime, nullable=False),
    Column("entry_id", Integer, nullable=True),
)

reg_awards = Table(
    "reg_awards",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("person_id", Integer, ForeignKey("reg_people.id"), nullable=False, index=True),
    Column("award", String(100), nullable=True),  # award id when known
    Column("award_text", Text, nullable=True),  # as written
    Column("year", Integer, nullable=True),
    Column("period_from", Integer, nullable=True),
    Column("period_to", Integer, nullable=True),
    Column("decision_number", Text, nullable=True),
    Column("decision_date", Date, nullable=True),
    Column("award_type", String(30), nullable=True),  # loại hình (cong_trang, dot_xuat…); NULL: not stated (0003)
    Column("unit", Text, nullable=True),  # the unit at the time of the award
    Column("round_id", String(20), nullable=True),
    Column("decision_id", Integer, ForeignKey("reg_decisions.id"), nullable=True),
    Column("source", Text, nullable=True),  # "file, sheet, row" or "issue 2022-1"
    Column("created_at", DateTime, nullable=False),
    Column("entry_id", Integer, nullable=True),
)

reg_initiatives = Table(
    "reg_initiatives",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("person_id", Integer, ForeignKey("reg_people.id"), nullable=False, index=True),
    Column("kind", String(20), nullable=False, default="sang_kien"),
    Column("title", Text, nullable=True),
    Column("title_fold", Text, nullable=True),
    Column("level", String(20), nullable=True),
    Column("year", Integer, nullable=True),
    Column("decision", Text, nullable=True),
    Column("used_for", String(100), nullable=True),  # award id (or text) it supported
    Column("award_row", Integer, ForeignKey("reg_awards.id"), nullable=True),
    Column("created_at", DateTime, nullable=False),
    Column("entry_id", Integer, nullable=True),
)

reg_settlements = Table(
    "reg_settlements",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(40), nullable=False, index=True),  # identity key of a nominee or row
    Column("person_id", Integer, ForeignKey("reg_people.id"), nullable=True),  # None: a new person
    Column("label", Text, nullable=True),  # who it was, for people reading the log
    Column("created_at", DateTime, nullable=False),
    Column("entry_id", Integer, nullable=True),
)
