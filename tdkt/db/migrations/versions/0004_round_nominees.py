"""A validate run's nominees, one row each (``round_nominees``), instead of inside its JSON payload.

A round's results are stored in batches of nominees in one transaction, in time and memory linear
in the list, and read back the same (issue 18). ``round_runs.nominees`` is the number of rows a run
has there; NULL means the payload holds its nominees itself (a run stored without a list). Every
validate run already stored moves its nominees here and keeps ``"nominees": []`` in its payload.

Revision ID: 0004
Revises: 0003
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

BATCH = 500


def upgrade() -> None:
    op.create_table(
        "round_nominees",
        sa.Column("run_id", sa.Integer, sa.ForeignKey("round_runs.id"), primary_key=True),
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("data", sa.Text, nullable=False),
    )
    with op.batch_alter_table("round_runs") as batch:
        batch.add_column(sa.Column("nominees", sa.Integer, nullable=True))
    conn = op.get_bind()
    runs = sa.table("round_runs", sa.column("id", sa.Integer), sa.column("kind", sa.String),
                    sa.column("payload", sa.Text), sa.column("nominees", sa.Integer))
    rows = sa.table("round_nominees", sa.column("run_id", sa.Integer), sa.column("seq", sa.Integer),
                    sa.column("data", sa.Text))
    ids = [r for (r,) in conn.execute(sa.select(runs.c.id).where(runs.c.kind == "validate").order_by(runs.c.id))]
    for run_id in ids:  # one run in memory at a time
        payload = json.loads(conn.execute(sa.select(runs.c.payload).where(runs.c.id == run_id)).scalar_one())
        nominees = payload.get("nominees") if isinstance(payload, dict) else None
        if not isinstance(nominees, list):
            continue
        for start in range(0, len(nominees), BATCH):
            conn.execute(rows.insert(), [{"run_id": run_id, "seq": start + k, "data": json.dumps(n, ensure_ascii=False)}
                                         for k, n in enumerate(nominees[start:start + BATCH])])
        payload["nominees"] = []
        conn.execute(sa.update(runs).where(runs.c.id == run_id)
                     .values(payload=json.dumps(payload, ensure_ascii=False), nominees=len(nominees)))


def downgrade() -> None:
    conn = op.get_bind()
    runs = sa.table("round_runs", sa.column("id", sa.Integer), sa.column("payload", sa.Text),
                    sa.column("nominees", sa.Integer))
    rows = sa.table("round_nominees", sa.column("run_id", sa.Integer), sa.column("seq", sa.Integer),
                    sa.column("data", sa.Text))
    ids = [r for (r,) in conn.execute(sa.select(runs.c.id).where(runs.c.nominees.is_not(None)))]
    for run_id in ids:
        payload = json.loads(conn.execute(sa.select(runs.c.payload).where(runs.c.id == run_id)).scalar_one())
        payload["nominees"] = [json.loads(d) for (d,) in conn.execute(
            sa.select(rows.c.data).where(rows.c.run_id == run_id).order_by(rows.c.seq))]
        conn.execute(sa.update(runs).where(runs.c.id == run_id).values(payload=json.dumps(payload, ensure_ascii=False)))
    op.drop_table("round_nominees")
    with op.batch_alter_table("round_runs") as batch:
        batch.drop_column("nominees")
