"""Teacher reviews judge the hints the student saw: a flag (``ok``, ``gives_away``,
``wrong_step``, ``confusing``) and what the hint should have said. Older reviews keep NULL in
both (the hints were not judged).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # nullable columns: SQLite adds them in place, no table copy
    op.add_column("reviews", sa.Column("hint_flag", sa.String(20)))
    op.add_column("reviews", sa.Column("corrected_hint", sa.Text))


def downgrade() -> None:
    with op.batch_alter_table("reviews") as batch:
        batch.drop_column("corrected_hint")
        batch.drop_column("hint_flag")
