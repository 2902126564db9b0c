"""The loại hình of every award in the register (công trạng, đột xuất, chuyên đề…; NULL: not stated).

NĐ 152/2025 Điều 4 k3: a đột xuất or chuyên đề award is not the basis of a higher công trạng award, so
the chains (Bằng khen Thủ tướng, Huân chương) need the type of the award they build on.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reg_awards") as batch:
        batch.add_column(sa.Column("award_type", sa.String(30), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("reg_awards") as batch:
        batch.drop_column("award_type")
