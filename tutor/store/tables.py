"""Tables of the feedback log (SQLAlchemy 2 declarative models).

One row of ``submissions`` per checked solution; child tables hold the standards matched,
the hint levels the student actually saw, and teacher reviews. Times are naive UTC
``datetime`` values (SQLite keeps no time zone; every writer here uses UTC).

The schema is created and upgraded only by the Alembic revisions in ``tutor/migrations``;
these classes must describe the schema at the head revision.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> dt.datetime:
    """Current time as naive UTC (the log's convention)."""
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class SubmissionRow(Base):
    """One checked solution with the tutor's verdict (never changed after saving)."""

    __tablename__ = "submissions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)
    student_id: Mapped[str | None] = mapped_column(String(200), index=True)
    class_code: Mapped[str | None] = mapped_column(String(100), index=True)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("submissions.id", ondelete="SET NULL"), index=True)
    problem_id: Mapped[str | None] = mapped_column(String(200), index=True)
    problem_text: Mapped[str] = mapped_column(Text)
    problem_grade: Mapped[str | None] = mapped_column(String(10))  # the grade the tutor used
    reference_solution: Mapped[list[str] | None] = mapped_column(JSON)
    final_answer: Mapped[str | None] = mapped_column(Text)
    solution_text: Mapped[str] = mapped_column(Text)
    steps: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    verdict_label: Mapped[str] = mapped_column(String(20), index=True)
    first_error_step: Mapped[int | None] = mapped_column(Integer)
    error_category: Mapped[str | None] = mapped_column(String(100), index=True)
    explanation: Mapped[str | None] = mapped_column(Text)
    marks: Mapped[list[str]] = mapped_column(JSON, default=list)
    step_error_probs: Mapped[list[float]] = mapped_column(JSON, default=list)
    verdict: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # full Verdict dict
    hints: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)  # hints generated
    timings: Mapped[dict[str, float]] = mapped_column(JSON, default=dict)
    warnings: Mapped[list[str]] = mapped_column(JSON, default=list)

    standards: Mapped[list["StandardRow"]] = relationship(
        back_populates="submission", cascade="all, delete-orphan", order_by="StandardRow.rank")
    hints_shown: Mapped[list["HintShownRow"]] = relationship(
        back_populates="submission", cascade="all, delete-orphan", order_by="HintShownRow.shown_at")
    reviews: Mapped[list["ReviewRow"]] = relationship(
        back_populates="submission", cascade="all, delete-orphan", order_by="ReviewRow.id")


class StandardRow(Base):
    """A standard matched to a submission: the problem's own (role "problem") or one to review
    for the first wrong step (role "prerequisite")."""

    __tablename__ = "submission_standards"
    __table_args__ = (Index("ix_submission_standards_code_role", "code", "role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    submission_id: Mapped[int] = mapped_column(
        ForeignKey("submissions.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(20))
    rank: Mapped[int] = mapped_column(Integer, default=0)
    code: Mapped[str] = mapped_column(String(50))
    description: Mapped[str] = mapped_column(Text, default="")
    grade: Mapped[str] = mapped_column(String(10), default="")
    domain: Mapped[str] = mapped_column(String(50), default="")
    cluster: Mapped[str] = mapped_column(String(50), default="")
    score: Mapped[float] = mapped_column(Float, default=0.0)

    submission: Mapped[SubmissionRow] = relationship(back_populates="standards")


class HintShownRow(Base):
    """One hint level the student actually saw, and when."""

    __tablename__ = "hints_shown"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    submission_id: Mapped[int] = mapped_column(
        ForeignKey("submissions.id", ondelete="CASCADE"), index=True)
    level: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    shown_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    submission: Mapped[SubmissionRow] = relationship(back_populates="hints_shown")


class ReviewRow(Base):
    """A teacher's review of one submission; the tutor's verdict stays in ``submissions``.

    ``first_error_step`` / ``error_category`` hold the label the teacher stands behind: the
    tutor's own for an "agree" review, the teacher's correction otherwise. ``hint_flag`` (a
    code of :data:`tutor.store.records.HINT_FLAGS`) and ``corrected_hint`` judge the hints the
    student saw; both are NULL when the hints were not judged (and on reviews before 0004).
    """

    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    submission_id: Mapped[int] = mapped_column(
        ForeignKey("submissions.id", ondelete="CASCADE"), index=True)
    reviewer: Mapped[str] = mapped_column(String(200))
    agree: Mapped[bool] = mapped_column(Boolean)
    first_error_step: Mapped[int | None] = mapped_column(Integer)
    error_category: Mapped[str | None] = mapped_column(String(100))
    comment: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)
    hint_flag: Mapped[str | None] = mapped_column(String(20))
    corrected_hint: Mapped[str | None] = mapped_column(Text)

    submission: Mapped[SubmissionRow] = relationship(back_populates="reviews")
