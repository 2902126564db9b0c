"""The register: people, awards, initiatives, issued decisions, identity settlements, audit log.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None



def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("os_user", sa.String(100), nullable=False),
        sa.Column("command", sa.Text, nullable=False),
        sa.Column("action", sa.String(50), nullable=False),
        sa.Column("tdkt_version", sa.String(20), nullable=False),
        sa.Column("ruleset", sa.String(100), nullable=True),
        sa.Column("inputs", sa.Text, nullable=False, server_default="[]"),
        sa.Column("details", sa.Text, nullable=False, server_default="{}"),
    )
    op.create_table(
        "reg_people",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("name_exact", sa.Text, nullable=False, index=True),
        sa.Column("name_fold", sa.Text, nullable=False, index=True),
        sa.Column("birth_date", sa.Date, nullable=True),
        sa.Column("birth_year", sa.Integer, nullable=True),
        sa.Column("gender", sa.String(10), nullable=True),
        sa.Column("cccd", sa.String(20), nullable=True, unique=True),
        sa.Column("staff_code", sa.String(50), nullable=True, unique=True),
        sa.Column("position", sa.Text, nullable=True),
        sa.Column("unit", sa.Text, nullable=True),
        sa.Column("unit_exact", sa.Text, nullable=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("entry_id", sa.Integer, nullable=True),
    )
    op.create_table(
        "reg_decisions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("round_id", sa.String(20), nullable=False, index=True),
        sa.Column("award", sa.String(100), nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("signer", sa.Text, nullable=True),
        sa.Column("current", sa.Integer, nullable=False, server_default="1"),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("entry_id", sa.Integer, nullable=True),
    )
    op.create_table(
        "reg_awards",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("reg_people.id"), nullable=False, index=True),
        sa.Column("award", sa.String(100), nullable=True),
        sa.Column("award_text", sa.Text, nullable=True),
        sa.Column("year", sa.Integer, nullable=True),
        sa.Column("period_from", sa.Integer, nullable=True),
        sa.Column("period_to", sa.Integer, nullable=True),
        sa.Column("decision_number", sa.Text, nullable=True),
        sa.Column("decision_date", sa.Date, nullable=True),
        sa.Column("unit", sa.Text, nullable=True),
        sa.Column("round_id", sa.String(20), nullable=True),
        sa.Column("decision_id", sa.Integer, sa.ForeignKey("reg_decisions.id"), nullable=True),
        sa.Column("source", sa.Text, nullable=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("entry_id", sa.Integer, nullable=True),
    )
    op.create_table(
        "reg_initiatives",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("reg_people.id"), nullable=False, index=True),
        sa.Column("kind", sa.String(20), nullable=False, server_default="sang_kien"),
        sa.Column("title", sa.Text, nullable=True),
        sa.Column("title_fold", sa.Text, nullable=True),
        sa.Column("level", sa.String(20), nullable=True),
        sa.Column("year", sa.Integer, nullable=True),
        sa.Column("decision", sa.Text, nullable=True),
        sa.Column("used_for", sa.String(100), nullable=True),
        sa.Column("award_row", sa.Integer, sa.ForeignKey("reg_awards.id"), nullable=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("entry_id", sa.Integer, nullable=True),
    )
    op.create_table(
        "reg_settlements",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("key", sa.String(40), nullable=False, index=True),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("reg_people.id"), nullable=True),
        sa.Column("label", sa.Text, nullable=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("entry_id", sa.Integer, nullable=True),
    )
    # The audit log is append-only: the database itself refuses to change or remove an entry.
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION tdkt_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$"
        )
        op.execute(
            "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
            "FOR EACH ROW EXECUTE FUNCTION tdkt_audit_log_append_only()"
        )
        op.execute(
            "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
            "FOR EACH STATEMENT EXECUTE FUNCTION tdkt_audit_log_append_only()"
        )
    else:
        for event in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_log_no_{event.lower()} BEFORE {event} ON audit_log "
                "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log")
        op.execute("DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS tdkt_audit_log_append_only()")
    for table in ("reg_settlements", "reg_initiatives", "reg_awards", "reg_decisions", "reg_people", "audit_log"):
        op.drop_table(table)
