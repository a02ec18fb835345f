"""Feedback log: submissions with the tutor's verdict, matched standards, hints shown.

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "submissions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("student_id", sa.String(200)),
        sa.Column("class_code", sa.String(100)),
        sa.Column("parent_id", sa.Integer, sa.ForeignKey("submissions.id", ondelete="SET NULL")),
        sa.Column("problem_id", sa.String(200)),
        sa.Column("problem_text", sa.Text, nullable=False),
        sa.Column("reference_solution", sa.JSON),
        sa.Column("final_answer", sa.Text),
        sa.Column("solution_text", sa.Text, nullable=False),
        sa.Column("steps", sa.JSON, nullable=False),
        sa.Column("verdict_label", sa.String(20), nullable=False),
        sa.Column("first_error_step", sa.Integer),
        sa.Column("error_category", sa.String(100)),
        sa.Column("explanation", sa.Text),
        sa.Column("marks", sa.JSON, nullable=False),
        sa.Column("step_error_probs", sa.JSON, nullable=False),
        sa.Column("verdict", sa.JSON, nullable=False),
        sa.Column("hints", sa.JSON, nullable=False),
        sa.Column("timings", sa.JSON, nullable=False),
        sa.Column("warnings", sa.JSON, nullable=False),
    )
    for col in ("created_at", "student_id", "class_code", "parent_id", "problem_id",
                "verdict_label", "error_category"):
        op.create_index(f"ix_submissions_{col}", "submissions", [col])
    op.create_table(
        "submission_standards",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("submission_id", sa.Integer,
                  sa.ForeignKey("submissions.id", ondelete="CASCADE"), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("rank", sa.Integer, nullable=False),
        sa.Column("code", sa.String(50), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("grade", sa.String(10), nullable=False),
        sa.Column("domain", sa.String(50), nullable=False),
        sa.Column("cluster", sa.String(50), nullable=False),
        sa.Column("score", sa.Float, nullable=False),
    )
    op.create_index("ix_submission_standards_submission_id", "submission_standards", ["submission_id"])
    op.create_index("ix_submission_standards_code_role", "submission_standards", ["code", "role"])
    op.create_table(
        "hints_shown",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("submission_id", sa.Integer,
                  sa.ForeignKey("submissions.id", ondelete="CASCADE"), nullable=False),
        sa.Column("level", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("shown_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_hints_shown_submission_id", "hints_shown", ["submission_id"])


def downgrade() -> None:
    op.drop_table("hints_shown")
    op.drop_table("submission_standards")
    op.drop_table("submissions")
