"""What the store hands back: plain dataclasses the teacher app and exports read.

Times are timezone-aware UTC ``datetime`` objects.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

from tutor.errors import TutorInputError
from tutor.schema import Hint, Problem, StandardMatch, Step, Verdict

VERDICTS = ("correct", "incorrect", "unsure")
#: Longest review comment kept (a pasted essay or a stuck key is refused with a message).
MAX_COMMENT_CHARS = 5000
#: What a teacher can say about the hints the student saw: stored code -> the teacher's words,
#: which read after "The hints the student saw:" (the review form's choices, the drill-down, the
#: CSV, the class view). In this order everywhere.
HINT_FLAGS = {
    "ok": "fine",
    "gives_away": "give away the answer",
    "wrong_step": "point at the wrong step",
    "confusing": "confusing or wrong",
}
#: Longest corrected hint kept (what the hint should have said: a hint, not an essay).
MAX_CORRECTED_HINT_CHARS = 600


def hint_text(flag: str | None, corrected: str | None, limit: int = 200) -> str:
    """A review's judgment of the hints in words: ``hints: give away the answer, should say:
    “Look at step 2 …”`` (the corrected hint cut at ``limit`` characters), or ``""`` when the
    hints were not judged."""
    if flag is None:
        return ""
    said = f"hints: {HINT_FLAGS.get(flag, flag)}"
    if corrected:
        cut = corrected if len(corrected) <= limit else corrected[:limit - 1] + "…"
        said += f", should say: “{cut}”"
    return said


def hint_judgment(flag: str | None, corrected: str | None) -> tuple[str | None, str | None]:
    """A review's hint flag and corrected hint as stored: the hint cleaned as the comment is
    (surrounding spaces dropped; empty = none).

    Raises:
        TutorInputError: an unknown flag, a corrected hint that is too long, or one without a
            flag saying what was wrong with the hints.
    """
    flag = (flag or "").strip() or None
    corrected = (corrected or "").strip() or None
    if flag is not None and flag not in HINT_FLAGS:
        raise TutorInputError(f"unknown hint flag {flag!r}; use one of: "
                              + "; ".join(f"{k} ({w})" for k, w in HINT_FLAGS.items()))
    if corrected is None:
        return flag, None
    if len(corrected) > MAX_CORRECTED_HINT_CHARS:
        raise TutorInputError(f"the corrected hint is {len(corrected):,} characters long; keep it "
                              f"to {MAX_CORRECTED_HINT_CHARS:,} or fewer (nothing was saved)")
    if flag in (None, "ok"):
        # a better hint for hints said to be fine (or not judged) is a contradiction to ask about
        raise TutorInputError("you wrote what the hint should have said, so choose what was wrong "
                              "with the hints the student saw (e.g. give away the answer), or "
                              "clear the corrected hint; nothing was saved")
    return flag, corrected


def same_id(a: str | None, b: str | None) -> bool:
    """Whether two student ids or class codes name the same one: surrounding spaces and case
    ignored ("7a" and " 7A" are one class; students type them)."""
    return (a or "").strip().casefold() == (b or "").strip().casefold()


def _as_datetime(value: str | dt.date | dt.datetime | None, end: bool) -> dt.datetime | None:
    """A filter bound as naive UTC; a bare date means the whole day (``end``: exclusive bound)."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        text = value.strip()
        try:
            value = dt.date.fromisoformat(text) if len(text) <= 10 else dt.datetime.fromisoformat(text)
        except ValueError as exc:
            raise TutorInputError(f"'{text}' is not a date; write it as YYYY-MM-DD") from exc
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
        return value
    day = dt.datetime.combine(value, dt.time())
    return day + dt.timedelta(days=1) if end else day


@dataclass
class SubmissionFilter:
    """Which submissions a teacher looks at; every field is optional (``None`` = any).

    Attributes:
        class_code: class code, case ignored ("7a" finds "7A").
        student_id: student id, case ignored.
        date_from: first day (or instant) included, UTC; ``date``, ``datetime`` or
            ``"YYYY-MM-DD"``.
        date_to: last day included (a bare date covers that whole day), UTC.
        problem: problem-bank id, or words contained in the problem text (case-insensitive).
        standard: a standard the problem addresses; a domain or cluster prefix (``"5.NF"``)
            matches every standard under it.
        error_category: one of :data:`tutor.schema.ERROR_CATEGORIES`: the category a teacher
            corrected it to where the latest review disagrees, else the tutor's.
        verdict: ``"correct"``, ``"incorrect"`` or ``"unsure"``: the teacher's corrected label
            where the latest review disagrees (a step = incorrect, none = correct), else the
            tutor's (as the class view counts them).
        unreviewed_only: only submissions no teacher has reviewed yet.

    Raises:
        TutorInputError: a date that cannot be read or an unknown verdict.
    """

    class_code: str | None = None
    student_id: str | None = None
    date_from: str | dt.date | dt.datetime | None = None
    date_to: str | dt.date | dt.datetime | None = None
    problem: str | None = None
    standard: str | None = None
    error_category: str | None = None
    verdict: str | None = None
    unreviewed_only: bool = False

    def __post_init__(self) -> None:
        for name in ("class_code", "student_id", "problem", "standard", "error_category", "verdict"):
            value = getattr(self, name)
            setattr(self, name, (value.strip() or None) if isinstance(value, str) else value)
        if self.verdict is not None and self.verdict not in VERDICTS:
            raise TutorInputError(f"verdict must be one of {', '.join(VERDICTS)}")
        self.start = _as_datetime(self.date_from, end=False)
        self.end = _as_datetime(self.date_to, end=True)
        if self.start and self.end and self.start >= self.end:
            raise TutorInputError("the 'from' date is after the 'to' date")


@dataclass
class SubmissionSummary:
    """One line of the teacher's review table.

    Attributes:
        id: submission id; created_at: when it was checked (UTC).
        standards: codes of the standards the problem addresses, best first.
        hints_shown: highest hint level the student saw (0 = none).
        review: ``"agree"``, ``"disagree: step 3, Missing step"``, ``"disagree: no error"`` or
            ``""`` (latest teacher review, with the corrected first wrong step and category).
        grade: the grade the tutor used (``None`` for logs from before it was kept).
    """

    id: int
    created_at: dt.datetime
    student_id: str | None
    class_code: str | None
    problem_id: str | None
    problem: str
    verdict: str
    first_error_step: int | None
    error_category: str | None
    standards: list[str]
    hints_shown: int
    review: str
    parent_id: int | None
    grade: str | None = None


@dataclass
class SubmissionPage:
    """One page of the review table: ``rows`` (newest first) out of ``total`` matches."""

    rows: list[SubmissionSummary]
    total: int
    page: int
    page_size: int

    @property
    def pages(self) -> int:
        """Number of pages (at least 1)."""
        return max(1, math.ceil(self.total / self.page_size))


@dataclass
class HintShown:
    """A hint level the student saw, with the time it was shown (UTC)."""

    level: int
    text: str
    shown_at: dt.datetime


@dataclass
class Review:
    """A teacher's review; ``first_error_step``/``error_category`` are the label they stand
    behind (the tutor's own when ``agree``).

    Attributes:
        hint_flag: the teacher's judgment of the hints the student saw, a key of
            :data:`HINT_FLAGS` (``"ok"``, ``"gives_away"``, ``"wrong_step"``, ``"confusing"``), or
            ``None``: not judged (also every review saved before hints could be judged).
        corrected_hint: what the hint should have said (at most
            :data:`MAX_CORRECTED_HINT_CHARS` characters), or ``None``; only with a flag other
            than ``"ok"``.
    """

    id: int
    submission_id: int
    reviewer: str
    agree: bool
    first_error_step: int | None
    error_category: str | None
    comment: str
    created_at: dt.datetime
    hint_flag: str | None = None
    corrected_hint: str | None = None


@dataclass
class SubmissionDetail:
    """Everything about one submission, for the drill-down view and exports.

    Attributes:
        verdict: the tutor's original verdict (reviews never change it).
        hints: the hints the tutor generated; ``hints_shown``: the levels the student saw.
        resubmissions: later submissions that revise this one, oldest first (the whole chain).
        reviews: teacher reviews, oldest first.
    """

    id: int
    created_at: dt.datetime
    student_id: str | None
    class_code: str | None
    parent_id: int | None
    problem: Problem
    solution_text: str
    steps: list[Step]
    verdict: Verdict
    standards: list[StandardMatch]
    prerequisites: list[StandardMatch]
    hints: list[Hint]
    hints_shown: list[HintShown]
    timings: dict[str, float]
    warnings: list[str]
    resubmissions: list[SubmissionSummary] = field(default_factory=list)
    reviews: list[Review] = field(default_factory=list)

    @property
    def latest_review(self) -> Review | None:
        return self.reviews[-1] if self.reviews else None


class ReviewConflict(TutorInputError):
    """A review was saved by someone else (another tab, another teacher) after the one saving
    opened the submission; nothing was saved. ``latest`` is that newer review."""

    def __init__(self, message: str, latest: Review) -> None:
        super().__init__(message)
        self.latest = latest


@dataclass
class ClassAnalytics:
    """Class view numbers over the filtered submissions (lists of JSON-ready dicts).

    A teacher's latest review overrides the tutor's label here ("effective" label).

    Attributes:
        total: submissions counted.
        errors_by_standard: ``{"standard", "description", "submissions", "incorrect",
            "error_rate"}`` per standard the problems address, most errors first.
        errors_by_category: ``{"error_category", "count"}``, most frequent first.
        over_time: ``{"day" (YYYY-MM-DD, UTC), "submissions", "incorrect"}`` per day.
        mastery: ``{"student_id", "standard", "first_attempts", "first_attempt_correct",
            "share_first_attempt_correct", "p_known"}`` per student × standard; ``p_known`` is
            the Bayesian Knowledge Tracing estimate (see :mod:`tutor.store.analytics`).
        prerequisites: ``{"standard", "description", "count"}``: prerequisite standards most
            often named for wrong steps.
        hint_flags: ``{"hint_flag" (code), "flag" (teacher words), "count", "share"}`` per flag
            the latest reviews give the hints students saw, most frequent first; ``share`` is
            of the submissions whose hints were judged (see
            :func:`tutor.store.analytics.hint_flags`).
    """

    total: int
    errors_by_standard: list[dict[str, Any]]
    errors_by_category: list[dict[str, Any]]
    over_time: list[dict[str, Any]]
    mastery: list[dict[str, Any]]
    prerequisites: list[dict[str, Any]]
    hint_flags: list[dict[str, Any]] = field(default_factory=list)
