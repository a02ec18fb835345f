"""The problem's grade: the grade the tutor used for a submission (the problem's own, else the
one the student picked, else the class grade). Older rows keep NULL (grade not recorded).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-10
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a nullable column: SQLite adds it in place, no table copy
    op.add_column("submissions", sa.Column("problem_grade", sa.String(10)))


def downgrade() -> None:
    with op.batch_alter_table("submissions") as batch:
        batch.drop_column("problem_grade")
