"""The feedback log: :class:`Store` saves every checked submission and serves the teacher app.

Works on any SQLAlchemy URL (SQLite file by default). Opening a store runs the packaged Alembic
migrations up to the newest revision, so an upgraded tutor keeps a school's old logs.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from sqlalchemy import (Select, and_, case, create_engine, delete, event, exists, func, or_, select,
                        text, update)
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, aliased, selectinload, sessionmaker
from sqlalchemy.pool import StaticPool

from tutor.errors import TutorConfigError, TutorInputError
from tutor.schema import (ERROR_CATEGORIES, Feedback, Hint, Problem, StandardMatch, Step, Submission,
                          Verdict, to_dict)
from tutor.store import analytics
from tutor.store.records import (HINT_FLAGS, MAX_COMMENT_CHARS, ClassAnalytics, HintShown,
                                 Review, ReviewConflict, SubmissionDetail, SubmissionFilter,
                                 SubmissionPage, SubmissionSummary, hint_judgment, hint_text)
from tutor.store.tables import HintShownRow, ReviewRow, StandardRow, SubmissionRow, utcnow

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
MAX_PAGE_SIZE = 500
#: Seconds between the checkpoints that fold the SQLite ``-wal`` file into the log file while
#: the app runs (it is also folded in when the store is closed and after a deletion).
CHECKPOINT_EVERY_S = 60.0
#: Unset marker: ``add_review`` without ``seen_review_id`` saves whatever was saved before.
_UNSET: Any = object()
_CHUNK = 500  # ids per IN (...) query: stays under every database's parameter limit


def _utc(value: dt.datetime) -> dt.datetime:
    """Naive UTC from the database -> aware UTC for callers."""
    return value.replace(tzinfo=dt.timezone.utc)


def make_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite files get their folder created, WAL and thread sharing.

    Raises:
        TutorConfigError: the URL cannot be parsed or its driver is not installed.
    """
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise TutorConfigError(f"database_url {url!r} is not a SQLAlchemy URL: {exc}") from exc
    kwargs: dict[str, Any] = {}
    if parsed.get_backend_name() == "sqlite":
        # Gradio handlers run in worker threads; one connection may serve several of them.
        kwargs["connect_args"] = {"check_same_thread": False}
        if parsed.database in (None, "", ":memory:"):
            kwargs["poolclass"] = StaticPool  # one in-memory database shared by every session
        else:
            _create_private(Path(parsed.database).expanduser())
    try:
        engine = create_engine(parsed, **kwargs)
    except (NoSuchModuleError, ModuleNotFoundError) as exc:
        raise TutorConfigError(f"no database driver for {parsed.drivername!r}: {exc}") from exc
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        @event.listens_for(engine, "connect")
        def _wal(dbapi_conn, _record) -> None:  # readers do not block the student's writes
            dbapi_conn.execute("PRAGMA journal_mode=WAL")
            # deleted rows are overwritten with zeros, not left readable in free pages
            dbapi_conn.execute("PRAGMA secure_delete=ON")
    return engine


def _create_private(path: Path) -> None:
    """Create the folder and an empty SQLite log readable by this user only (mode 600; SQLite
    gives its ``-wal`` and ``-shm`` files the log's mode). An existing log keeps its mode."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        return
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        pass
    except OSError as exc:  # a platform without these modes: SQLite creates it itself
        log.debug("could not create %s as mode 600: %s", path, exc)


def backup_sqlite(url: str, destination: str | Path) -> Path:
    """Copy a SQLite feedback log to ``destination`` with SQLite's online backup API: a
    consistent copy even while the app writes, including what still sits in the ``-wal`` file
    (copying ``feedback.sqlite3`` alone with ``cp`` can miss every recent review).

    Returns:
        The destination path.

    Raises:
        TutorConfigError: the log is not a SQLite file (use that database's own backup tool)
            or does not exist yet.
        TutorInputError: the destination cannot be written or already exists.
    """
    import sqlite3

    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise TutorConfigError(f"database_url {url!r} is not a SQLAlchemy URL: {exc}") from exc
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        raise TutorConfigError(f"the feedback log {parsed.render_as_string(hide_password=True)!r} is not a "
                               "SQLite file; back it up with that database's own tools")
    source = Path(parsed.database).expanduser()
    if not source.exists():
        raise TutorConfigError(f"there is no feedback log at {source} yet (nothing to back up)")
    dest = Path(destination).expanduser()
    if dest.is_dir():  # a folder: a dated file in it
        stamp = dt.datetime.now().strftime("%Y-%m-%d-%H%M%S")
        dest = dest / f"feedback-{stamp}.sqlite3"
    if dest.exists():
        raise TutorInputError(f"{dest} already exists; choose a new file name (or give a folder: "
                              "the copy is then named feedback-<date>-<time>.sqlite3 in it)")
    try:
        src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise TutorConfigError(f"cannot open the feedback log {source}: {exc}") from exc
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        _create_private(dest)  # a copy of every student's work: this user only
        out = sqlite3.connect(dest)
        try:
            src.backup(out)
        finally:
            out.close()
    except (OSError, sqlite3.Error) as exc:
        dest.unlink(missing_ok=True)  # no half-written copy to trip the next attempt
        side = "read the feedback log" if isinstance(exc, sqlite3.DatabaseError) and not isinstance(
            exc, sqlite3.OperationalError) else f"write the backup to {dest}"
        raise TutorInputError(f"could not {side}: {exc}") from exc
    finally:
        src.close()
    return dest


def alembic_config(engine_url: str | None = None):
    """An Alembic ``Config`` pointing at the packaged migrations (no alembic.ini needed)."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine_url:
        cfg.set_main_option("sqlalchemy.url", engine_url.replace("%", "%%"))
    return cfg


def migrate(engine: Engine, revision: str = "head") -> None:
    """Upgrade the database behind ``engine`` to ``revision`` (default: the newest).

    Raises:
        TutorConfigError: the database cannot be reached or upgraded.
    """
    from alembic import command

    cfg = alembic_config()
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
    except OperationalError as exc:
        raise TutorConfigError(f"cannot open or upgrade the feedback log: {exc.orig}") from exc


def _summary(row: Any, standards: list[str], level: int, review: str) -> SubmissionSummary:
    text = " ".join(row.problem_text.split())
    return SubmissionSummary(
        id=row.id, created_at=_utc(row.created_at), student_id=row.student_id,
        class_code=row.class_code, problem_id=row.problem_id,
        problem=text if len(text) <= 90 else text[:87] + "...", verdict=row.verdict_label,
        first_error_step=row.first_error_step, error_category=row.error_category,
        standards=standards, hints_shown=level, review=review, parent_id=row.parent_id,
        grade=row.problem_grade)


def _trimmed(value: str | None) -> str | None:
    """A student id or class code as saved: surrounding spaces dropped, empty = none."""
    return (value.strip() or None) if isinstance(value, str) else value


def _folded(column: Any) -> Any:
    """A student id or class code column compared without regard to case or surrounding spaces
    (also for rows saved before ids were trimmed); compare it with ``func.lower(value)``, so both
    sides go through the database's own ``lower`` (SQLite's folds ASCII letters only)."""
    return func.lower(func.trim(column))


def review_text(agree: bool, step: int | None, category: str | None) -> str:
    """A review as the table's "Review" cell: ``agree``, ``disagree: step 3, Missing step`` or
    ``disagree: no error``."""
    if agree:
        return "agree"
    return f"disagree: step {step}, {category or 'no category'}" if step else "disagree: no error"


def _review(r: ReviewRow) -> Review:
    return Review(id=r.id, submission_id=r.submission_id, reviewer=r.reviewer, agree=r.agree,
                  first_error_step=r.first_error_step, error_category=r.error_category,
                  comment=r.comment, created_at=_utc(r.created_at), hint_flag=r.hint_flag,
                  corrected_hint=r.corrected_hint)


def _match(s: StandardRow) -> StandardMatch:
    return StandardMatch(code=s.code, description=s.description, grade=s.grade, domain=s.domain,
                         cluster=s.cluster, score=s.score, role=s.role)  # type: ignore[arg-type]


# Columns of a review-table line (the big JSON columns are left out).
_SUMMARY_COLS = (SubmissionRow.id, SubmissionRow.created_at, SubmissionRow.student_id,
                 SubmissionRow.class_code, SubmissionRow.problem_id, SubmissionRow.problem_text,
                 SubmissionRow.verdict_label, SubmissionRow.first_error_step,
                 SubmissionRow.error_category, SubmissionRow.parent_id, SubmissionRow.problem_grade)
_DETAIL_LOAD = (selectinload(SubmissionRow.standards), selectinload(SubmissionRow.hints_shown),
                selectinload(SubmissionRow.reviews))


def _detail(row: SubmissionRow) -> SubmissionDetail:
    """A :class:`SubmissionDetail` of a loaded row (``resubmissions`` left empty)."""
    return SubmissionDetail(
        id=row.id, created_at=_utc(row.created_at), student_id=row.student_id,
        class_code=row.class_code, parent_id=row.parent_id,
        problem=Problem(text=row.problem_text, reference_solution=row.reference_solution,
                        final_answer=row.final_answer, id=row.problem_id,
                        grade=row.problem_grade),
        solution_text=row.solution_text, steps=[Step.from_dict(d) for d in row.steps],
        verdict=Verdict.from_dict(row.verdict) if row.verdict else Verdict(
            label=row.verdict_label, first_error_step=row.first_error_step,  # type: ignore[arg-type]
            marks=row.marks, step_error_probs=row.step_error_probs,
            error_category=row.error_category, explanation=row.explanation),
        standards=[_match(m) for m in row.standards if m.role == "problem"],
        prerequisites=[_match(m) for m in row.standards if m.role == "prerequisite"],
        hints=[Hint.from_dict(h) for h in row.hints],
        hints_shown=[HintShown(h.level, h.text, _utc(h.shown_at)) for h in row.hints_shown],
        timings=dict(row.timings), warnings=list(row.warnings),
        reviews=[_review(r) for r in row.reviews])


class Store:
    """The feedback log behind the tutor and the teacher dashboard.

    Args:
        url: any SQLAlchemy URL, e.g. ``"sqlite:///~/.cache/tutor/feedback.sqlite3"`` or
            ``"postgresql+psycopg://user@host/tutor"``; ``"sqlite://"`` is an in-memory log.
        migrate_schema: run the Alembic migrations to the newest revision (default ``True``).

    Raises:
        TutorConfigError: bad URL, missing driver, or a database that cannot be opened.
    """

    def __init__(self, url: str, migrate_schema: bool = True) -> None:
        self.url = url
        self.engine = make_engine(url)
        if migrate_schema:
            migrate(self.engine)
        self._session = sessionmaker(self.engine, expire_on_commit=False)
        self._sqlite_file = (self.engine.dialect.name == "sqlite"
                             and self.engine.url.database not in (None, "", ":memory:"))
        self._last_checkpoint = time.monotonic()
        self._checkpoint_lock = threading.Lock()

    def close(self) -> None:
        """Fold the ``-wal`` file into the log (SQLite) and release the database connections.
        Called when the app stops, so that ``feedback.sqlite3`` alone holds everything."""
        self.checkpoint()
        self.engine.dispose()

    def checkpoint(self, mode: str = "TRUNCATE") -> bool:
        """Copy what sits in a SQLite log's ``-wal`` file into the log file itself.

        Args:
            mode: ``"TRUNCATE"`` (also empties the ``-wal`` file, so deleted text leaves it;
                waits for writers) or ``"PASSIVE"`` (never waits; what it cannot copy now is
                copied next time).

        Returns:
            Whether everything was copied (always ``True`` for other databases).
        """
        if not self._sqlite_file:
            return True
        mode = mode.upper()
        if mode not in ("PASSIVE", "FULL", "RESTART", "TRUNCATE"):
            raise ValueError(f"unknown checkpoint mode {mode!r}")
        with self._checkpoint_lock:
            self._last_checkpoint = time.monotonic()
            try:
                with self.engine.connect() as conn:
                    busy, _, _ = conn.execute(text(f"PRAGMA wal_checkpoint({mode})")).one()
                    conn.commit()
            except OperationalError as exc:
                log.warning("could not fold the -wal file into the feedback log: %s", exc.orig)
                return False
        if busy:
            log.info("feedback log checkpoint (%s) left pages for later: a reader was busy", mode)
        return not busy

    def _maybe_checkpoint(self) -> None:
        """A PASSIVE checkpoint at most every :data:`CHECKPOINT_EVERY_S` seconds (after writes):
        the log file keeps up with the day's work, not only at a clean stop."""
        if self._sqlite_file and time.monotonic() - self._last_checkpoint >= CHECKPOINT_EVERY_S:
            self.checkpoint("PASSIVE")

    # ----------------------------------------------------------------- writing (student side)
    def save(self, submission: Submission, feedback: Feedback, parent_id: int | None = None,
             *, created_at: dt.datetime | None = None) -> int:
        """Log one checked submission in one transaction; returns its id.

        Args:
            submission: what the student sent (problem, solution text, student id, class code).
            feedback: the tutor's answer (verdict, steps, standards, hints, timings).
            parent_id: id of the earlier submission this one revises (same browser session);
                an id that no longer exists (the student's data was deleted) is dropped.
            created_at: when it was checked (UTC; default now) — for imports and demo data.
        """
        with self._session.begin() as s:
            sid = self._add(s, submission, feedback, parent_id, created_at)
        self._maybe_checkpoint()
        return sid

    def save_many(self, items: list[tuple[Submission, Feedback, int | None, dt.datetime | None]]) -> list[int]:
        """Log many ``(submission, feedback, parent_id, created_at)`` in ONE transaction
        (imports, demo data, benchmarks); returns their ids in order."""
        with self._session.begin() as s:
            return [self._add(s, *item) for item in items]

    def _add(self, s: Session, submission: Submission, feedback: Feedback, parent_id: int | None,
             created_at: dt.datetime | None) -> int:
        v, p = feedback.verdict, submission.problem
        if parent_id is not None and s.get(SubmissionRow, parent_id) is None:
            log.warning("parent submission %s not found; saving without it", parent_id)
            parent_id = None
        if created_at is not None and created_at.tzinfo is not None:
            created_at = created_at.astimezone(dt.timezone.utc).replace(tzinfo=None)
        row = SubmissionRow(
            created_at=created_at or utcnow(), student_id=_trimmed(submission.student_id),
            class_code=_trimmed(submission.class_code), parent_id=parent_id, problem_id=p.id,
            problem_text=p.text, problem_grade=p.grade, reference_solution=p.reference_solution,
            final_answer=p.final_answer, solution_text=submission.solution_text,
            steps=[{"number": st.number, "text": st.text, "raw": st.raw} for st in feedback.steps],
            verdict_label=v.label, first_error_step=v.first_error_step,
            error_category=v.error_category, explanation=v.explanation, marks=list(v.marks),
            step_error_probs=[float(x) for x in v.step_error_probs],
            # default=str: evidence may hold numpy/sympy values that JSON cannot take as they are
            verdict=json.loads(json.dumps(to_dict(v), default=str)),
            hints=[{"level": h.level, "kind": h.kind, "text": h.text, "source": h.source}
                   for h in feedback.hints],
            timings={k: float(t) for k, t in feedback.timings.items()},
            warnings=list(feedback.warnings))
        for role, matches in (("problem", feedback.standards), ("prerequisite", feedback.prerequisites)):
            for rank, m in enumerate(matches):
                row.standards.append(StandardRow(
                    role=role, rank=rank, code=m.code, description=m.description,
                    grade=m.grade, domain=m.domain, cluster=m.cluster, score=float(m.score)))
        s.add(row)
        s.flush()
        return row.id

    def log_hint_shown(self, submission_id: int, level: int, text: str) -> None:
        """Record that the student saw hint ``level`` (1–3) with ``text``, now (UTC)."""
        with self._session.begin() as s:
            if s.get(SubmissionRow, int(submission_id)) is None:  # deleted meanwhile: not fatal
                log.warning("hint shown for unknown submission %s not logged", submission_id)
                return
            s.add(HintShownRow(submission_id=submission_id, level=int(level), text=text,
                               shown_at=utcnow()))

    # ----------------------------------------------------------------- reading (teacher side)
    def _filtered(self, f: SubmissionFilter, *columns: Any) -> Select:
        S = SubmissionRow
        q = select(*columns) if columns else select(S)
        if f.class_code:  # case and spaces ignored: students type "7a" and "7A "
            q = q.where(_folded(S.class_code) == func.lower(f.class_code))
        if f.student_id:
            q = q.where(_folded(S.student_id) == func.lower(f.student_id))
        if f.start:
            q = q.where(S.created_at >= f.start)
        if f.end:
            q = q.where(S.created_at < f.end)
        if f.problem:
            words = f.problem.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            q = q.where(or_(S.problem_id == f.problem,
                            S.problem_text.ilike(f"%{words}%", escape="\\")))
        if f.standard:
            code = f.standard.replace("%", "").replace("_", "\\_")
            q = q.where(exists().where(
                StandardRow.submission_id == S.id, StandardRow.role == "problem",
                or_(StandardRow.code == f.standard, StandardRow.code.like(f"{code}.%", escape="\\"))))
        if f.error_category or f.verdict:
            # the teacher's correction wins where the latest review disagrees (as in the class view)
            R = aliased(ReviewRow)
            latest = (select(func.max(ReviewRow.id)).where(ReviewRow.submission_id == S.id)
                      .correlate(S).scalar_subquery())
            q = q.outerjoin(R, and_(R.submission_id == S.id, R.id == latest))
            corrected = and_(R.id.is_not(None), R.agree.is_(False))
            if f.error_category:
                q = q.where(case((corrected, R.error_category), else_=S.error_category)
                            == f.error_category)
            if f.verdict:
                label = case((and_(corrected, R.first_error_step.is_(None)), "correct"),
                             (corrected, "incorrect"), else_=S.verdict_label)
                q = q.where(label == f.verdict)
        if f.unreviewed_only:
            q = q.where(~exists().where(ReviewRow.submission_id == S.id))
        return q

    def list_submissions(self, filters: SubmissionFilter | None = None, page: int = 1,
                         page_size: int = 50, **criteria: Any) -> SubmissionPage:
        """One page of the review table, newest first.

        Args:
            filters: a :class:`SubmissionFilter`; or give its fields as keyword ``criteria``
                (``class_code=``, ``student_id=``, ``date_from=``, ``date_to=``, ``problem=``,
                ``standard=``, ``error_category=``, ``verdict=``, ``unreviewed_only=``).
            page: 1-based page number (past the end gives an empty page).
            page_size: rows per page, 1–500.

        Returns:
            :class:`SubmissionPage` with ``rows`` and ``total`` (matches over all pages).

        Raises:
            TutorInputError: bad filter values or page numbers.
        """
        f = filters or SubmissionFilter(**criteria)
        if page < 1 or not 1 <= page_size <= MAX_PAGE_SIZE:
            raise TutorInputError(f"page must be ≥ 1 and page size between 1 and {MAX_PAGE_SIZE}")
        S = SubmissionRow
        cols = _SUMMARY_COLS
        with self._session() as s:
            total = s.scalar(self._filtered(f, func.count(S.id)))
            rows = s.execute(self._filtered(f, *cols).order_by(S.created_at.desc(), S.id.desc())
                             .offset((page - 1) * page_size).limit(page_size)).all()
            return SubmissionPage(rows=self._summaries(s, rows), total=int(total or 0),
                                  page=page, page_size=page_size)

    def _summaries(self, s: Session, rows: list[Any]) -> list[SubmissionSummary]:
        """Summaries of ``rows`` with their standards, hint level and review: 3 queries."""
        ids = [r.id for r in rows]
        codes: dict[int, list[str]] = {i: [] for i in ids}
        levels: dict[int, int] = {}
        reviews: dict[int, str] = {}
        for chunk in (ids[i:i + _CHUNK] for i in range(0, len(ids), _CHUNK)):
            for sid, code in s.execute(
                    select(StandardRow.submission_id, StandardRow.code)
                    .where(StandardRow.submission_id.in_(chunk), StandardRow.role == "problem")
                    .order_by(StandardRow.submission_id, StandardRow.rank)):
                codes[sid].append(code)
            for sid, level in s.execute(
                    select(HintShownRow.submission_id, func.max(HintShownRow.level))
                    .where(HintShownRow.submission_id.in_(chunk))
                    .group_by(HintShownRow.submission_id)):
                levels[sid] = level
            for sid, agree, step, category in s.execute(
                    select(ReviewRow.submission_id, ReviewRow.agree, ReviewRow.first_error_step,
                           ReviewRow.error_category)
                    .where(ReviewRow.submission_id.in_(chunk))
                    .order_by(ReviewRow.id)):
                # the latest wins; a disagreement says what the teacher corrected it to
                reviews[sid] = review_text(agree, step, category)
        return [_summary(r, codes[r.id], levels.get(r.id, 0), reviews.get(r.id, "")) for r in rows]

    def get_submission(self, submission_id: int) -> SubmissionDetail:
        """Everything about one submission (drill-down), with its whole resubmission chain.

        Raises:
            TutorInputError: no submission has this id.
        """
        with self._session() as s:
            row = s.get(SubmissionRow, int(submission_id), options=_DETAIL_LOAD)
            if row is None:
                raise TutorInputError(f"there is no submission with id {submission_id}")
            detail = _detail(row)
            detail.resubmissions = self._resubmissions(s, row.id)
            return detail

    def _resubmissions(self, s: Session, root: int) -> list[SubmissionSummary]:
        S, cols = SubmissionRow, _SUMMARY_COLS
        found, frontier = [], [root]
        while frontier and len(found) < 1000:  # a chain longer than that is not a person
            children = s.execute(select(*cols).where(S.parent_id.in_(frontier[:_CHUNK]))).all()
            found.extend(children)
            frontier = [c.id for c in children]
        found.sort(key=lambda r: (r.created_at, r.id))
        return self._summaries(s, found)

    def add_review(self, submission_id: int, reviewer: str, agree: bool,
                   first_error_step: int | None = None, error_category: str | None = None,
                   comment: str = "", seen_review_id: int | None = _UNSET, *,
                   hint_flag: str | None = None, corrected_hint: str | None = None) -> int:
        """Save a teacher's review (who and when); the tutor's verdict is kept as it was.

        Args:
            submission_id: the submission reviewed.
            reviewer: the teacher's name (the log-in user name in the app).
            agree: ``True`` = the tutor's verdict is right (its first error step and category
                are recorded as the label; the two arguments below are ignored).
            first_error_step: when disagreeing, the right 1-based first wrong step, or
                ``None`` for "the solution is correct".
            error_category: when disagreeing and a step is wrong, one of
                :data:`tutor.schema.ERROR_CATEGORIES` (required: a wrong step without one would
                be exported with no category and counted under "Other"); dropped when the
                solution is correct (``first_error_step`` is ``None``).
            comment: free text (what is really wrong, why the tutor missed it), at most
                :data:`MAX_COMMENT_CHARS` characters.
            seen_review_id: the id of the latest review the teacher saw when opening the
                submission (``None``: there was none). When another review was saved since,
                nothing is saved and :class:`ReviewConflict` says which (two tabs or two
                teachers must not overwrite each other unseen). Left out: no such check.
            hint_flag: the teacher's judgment of the hints the student saw, a key of
                :data:`~tutor.store.records.HINT_FLAGS`, or ``None`` (not judged). Independent
                of ``agree``: the verdict can be right while a hint was poor.
            corrected_hint: what the hint should have said (surrounding spaces dropped, at most
                :data:`~tutor.store.records.MAX_CORRECTED_HINT_CHARS` characters); needs a
                ``hint_flag`` other than ``"ok"``.

        Returns:
            The review id.

        Raises:
            ReviewConflict: a review newer than ``seen_review_id`` exists.
            TutorInputError: unknown submission, empty reviewer, step out of range, unknown
                category, a wrong step without a category, a comment that is too long; an
                unknown hint flag, a corrected hint that is too long or has no flag saying what
                was wrong, hints judged on a submission whose student saw none.
        """
        reviewer = (reviewer or "").strip()
        if not reviewer:
            raise TutorInputError("a review needs the reviewer's name")
        comment = (comment or "").strip()
        if len(comment) > MAX_COMMENT_CHARS:
            raise TutorInputError(f"the comment is {len(comment):,} characters long; keep it to "
                                  f"{MAX_COMMENT_CHARS:,} or fewer (nothing was saved)")
        hint_flag, corrected_hint = hint_judgment(hint_flag, corrected_hint)
        with self._session.begin() as s:
            row = s.get(SubmissionRow, int(submission_id))
            if row is None:
                raise TutorInputError(f"there is no submission with id {submission_id}")
            if seen_review_id is not _UNSET:
                newest = s.scalars(select(ReviewRow).where(ReviewRow.submission_id == row.id)
                                   .order_by(ReviewRow.id.desc()).limit(1)).first()
                if newest is not None and newest.id != seen_review_id:
                    latest = _review(newest)
                    raise ReviewConflict(
                        f"{latest.reviewer} saved a review of submission {row.id} at "
                        f"{latest.created_at:%H:%M} UTC, after you opened it: "
                        f"{review_text(latest.agree, latest.first_error_step, latest.error_category)}"
                        + (f"; {hint_text(latest.hint_flag, latest.corrected_hint)}"
                           if latest.hint_flag else "")
                        + (f" ({latest.comment[:200]})" if latest.comment else "")
                        + ". Yours was not saved", latest)
            if agree:
                first_error_step, error_category = row.first_error_step, row.error_category
            else:
                if first_error_step is not None and not 1 <= int(first_error_step) <= len(row.steps):
                    raise TutorInputError(
                        f"the first wrong step must be between 1 and {len(row.steps)} "
                        "(or 0 or empty when the solution is correct)")
                error_category = (error_category or "").strip() or None
                if first_error_step is None:
                    error_category = None  # a correct solution has no error category
                elif error_category is None:
                    raise TutorInputError(
                        f"step {first_error_step} is marked as the first wrong step, so choose its "
                        "error category (e.g. Calculation error), or set the first wrong step to 0 "
                        "if the solution is correct; nothing was saved")
                elif error_category not in ERROR_CATEGORIES:
                    raise TutorInputError(f"unknown error category {error_category!r}; use one of: "
                                          + "; ".join(ERROR_CATEGORIES))
            if hint_flag is not None and not s.scalar(
                    select(exists().where(HintShownRow.submission_id == row.id))):
                raise TutorInputError(f"the student saw no hints for submission {row.id}, so there "
                                      "are none to judge; leave the hints not judged (nothing was "
                                      "saved)")
            review = ReviewRow(submission_id=row.id, reviewer=reviewer, agree=bool(agree),
                               first_error_step=first_error_step, error_category=error_category,
                               comment=comment, created_at=utcnow(), hint_flag=hint_flag,
                               corrected_hint=corrected_hint)
            s.add(review)
            s.flush()
            return review.id

    def latest_reviews(self) -> list[Review]:
        """The latest review of every reviewed submission, oldest first."""
        with self._session() as s:
            latest = (select(ReviewRow.submission_id, func.max(ReviewRow.id).label("rid"))
                      .group_by(ReviewRow.submission_id).subquery())
            rows = s.scalars(select(ReviewRow).join(latest, ReviewRow.id == latest.c.rid)
                             .order_by(ReviewRow.created_at, ReviewRow.id)).all()
            return [_review(r) for r in rows]

    def delete_student(self, student_id: str) -> int:
        """Delete every submission of ``student_id`` (case ignored, as the filters match it)
        with its hints, standards and reviews. On SQLite the deleted rows are overwritten
        (``secure_delete``) and the ``-wal`` file is folded in and emptied, so the deleted text
        is left in neither file.

        Returns:
            The number of submissions deleted (0 when the student has none).
        """
        student_id = (student_id or "").strip()
        if not student_id:
            raise TutorInputError("give the student id whose data should be deleted")
        with self._session.begin() as s:
            ids = list(s.scalars(select(SubmissionRow.id)
                                 .where(_folded(SubmissionRow.student_id) == func.lower(student_id))))
            for chunk in (ids[i:i + _CHUNK] for i in range(0, len(ids), _CHUNK)):
                # Explicit child deletes: SQLite enforces no ON DELETE unless asked to.
                s.execute(update(SubmissionRow).where(SubmissionRow.parent_id.in_(chunk))
                          .values(parent_id=None))
                for table in (HintShownRow, StandardRow, ReviewRow):
                    s.execute(delete(table).where(table.submission_id.in_(chunk)))
                s.execute(delete(SubmissionRow).where(SubmissionRow.id.in_(chunk)))
        log.info("deleted %d submissions of one student", len(ids))
        if ids and not self.checkpoint("TRUNCATE"):
            log.warning("the deleted student's work may stay in the -wal file until the next "
                        "checkpoint (a reader was busy)")
        return len(ids)

    # ----------------------------------------------------------------- exports and analytics
    def iter_details(self, filters: SubmissionFilter | None = None) -> Iterator[SubmissionDetail]:
        """Every filtered submission in full, newest first (for exports); ``resubmissions``
        holds only the submissions that directly revise each one. Reads in chunks."""
        S = SubmissionRow
        with self._session() as s:
            ids = list(s.scalars(self._filtered(filters or SubmissionFilter(), S.id)
                                 .order_by(S.created_at.desc(), S.id.desc())))
            for chunk in (ids[i:i + _CHUNK] for i in range(0, len(ids), _CHUNK)):
                rows = {r.id: r for r in s.scalars(select(S).where(S.id.in_(chunk)).options(*_DETAIL_LOAD))}
                children = s.execute(select(*_SUMMARY_COLS).where(S.parent_id.in_(chunk))
                                     .order_by(S.created_at, S.id)).all()
                by_parent: dict[int, list[SubmissionSummary]] = {}
                for child in self._summaries(s, children):
                    by_parent.setdefault(child.parent_id, []).append(child)
                for i in chunk:
                    detail = _detail(rows[i])
                    detail.resubmissions = by_parent.get(i, [])
                    yield detail
                s.expunge_all()  # keep memory flat on big exports

    def export_jsonl(self, out: IO[str] | str | Path, filters: SubmissionFilter | None = None) -> int:
        """Write the filtered submissions as JSON lines (full detail); returns rows written."""
        return self._write(out, filters, _write_jsonl)

    def export_csv(self, out: IO[str] | str | Path, filters: SubmissionFilter | None = None) -> int:
        """Write the filtered submissions as CSV (one row each); returns rows written.

        Cells starting with ``= + - @`` get a leading ``'`` so spreadsheets do not run
        student text as a formula.
        """
        return self._write(out, filters, _write_csv)

    def _write(self, out, filters, writer) -> int:
        if isinstance(out, (str, Path)):
            # every student's work: readable by this user only (mode 600 where the platform has it)
            fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with open(fd, "w", encoding="utf-8", newline="") as fh:
                return writer(fh, self.iter_details(filters))
        return writer(out, self.iter_details(filters))

    def class_analytics(self, filters: SubmissionFilter | None = None) -> ClassAnalytics:
        """Class view numbers over the filtered submissions (see :class:`ClassAnalytics`)."""
        S = SubmissionRow
        f = filters or SubmissionFilter()
        with self._session() as s:
            rows = s.execute(self._filtered(f, S.id, S.created_at, S.student_id, S.verdict_label,
                                            S.error_category, S.parent_id)).all()
            ids = [r.id for r in rows]
            stds: dict[int, dict[str, list[str]]] = {i: {"problem": [], "prerequisite": []} for i in ids}
            descriptions: dict[str, str] = {}
            latest: dict[int, ReviewRow] = {}
            for chunk in (ids[i:i + _CHUNK] for i in range(0, len(ids), _CHUNK)):
                for sid, role, code, desc in s.execute(
                        select(StandardRow.submission_id, StandardRow.role, StandardRow.code,
                               StandardRow.description).where(StandardRow.submission_id.in_(chunk))):
                    stds[sid].setdefault(role, []).append(code)
                    descriptions.setdefault(code, desc)
                for r in s.scalars(select(ReviewRow).where(ReviewRow.submission_id.in_(chunk))
                                   .order_by(ReviewRow.id)):
                    latest[r.submission_id] = r
        attempts = []
        # one student, however the id was typed ("Ana", "ana "): shown as first typed
        spelling: dict[str, str] = {}
        for r in sorted(rows, key=lambda r: (r.created_at, r.id)):
            if r.student_id and r.student_id.strip():
                spelling.setdefault(r.student_id.strip().casefold(), r.student_id.strip())
        for r in rows:
            label, category = r.verdict_label, r.error_category
            rev = latest.get(r.id)
            if rev is not None and not rev.agree:  # the teacher's correction wins
                label = "incorrect" if rev.first_error_step else "correct"
                category = rev.error_category
            attempts.append(analytics.Attempt(
                created_at=r.created_at,
                student_id=spelling.get((r.student_id or "").strip().casefold()), label=label,
                error_category=category, first_attempt=r.parent_id is None,
                standards=stds[r.id]["problem"], prerequisites=stds[r.id]["prerequisite"],
                hint_flag=rev.hint_flag if rev is not None else None))
        return ClassAnalytics(
            total=len(attempts),
            errors_by_standard=analytics.errors_by_standard(attempts, descriptions),
            errors_by_category=analytics.errors_by_category(attempts),
            over_time=analytics.over_time(attempts),
            mastery=analytics.mastery(attempts),
            prerequisites=analytics.prerequisites_implicated(attempts, descriptions),
            hint_flags=analytics.hint_flags(attempts))


def detail_dict(d: SubmissionDetail) -> dict[str, Any]:
    """A JSON-ready dict of one submission (the JSONL export's line)."""
    iso = lambda t: t.isoformat()  # noqa: E731
    return {
        "id": d.id, "created_at": iso(d.created_at), "student_id": d.student_id,
        "class_code": d.class_code, "parent_id": d.parent_id, "problem": to_dict(d.problem),
        "solution_text": d.solution_text, "steps": [to_dict(s) for s in d.steps],
        "verdict": to_dict(d.verdict), "standards": [to_dict(m) for m in d.standards],
        "prerequisites": [to_dict(m) for m in d.prerequisites],
        "hints": [to_dict(h) for h in d.hints],
        "hints_shown": [{"level": h.level, "text": h.text, "shown_at": iso(h.shown_at)}
                        for h in d.hints_shown],
        "timings": d.timings, "warnings": d.warnings,
        "resubmissions": [r.id for r in d.resubmissions],
        "reviews": [{**{k: v for k, v in r.__dict__.items() if k != "created_at"},
                     "created_at": iso(r.created_at)} for r in d.reviews],
    }


def _write_jsonl(fh: IO[str], details: Iterator[SubmissionDetail]) -> int:
    n = 0
    for d in details:
        fh.write(json.dumps(detail_dict(d), ensure_ascii=False) + "\n")
        n += 1
    return n


CSV_COLUMNS = ("id", "created_at", "student_id", "class_code", "problem_id", "grade", "problem",
               "solution", "verdict", "first_error_step", "error_category", "explanation",
               "standards", "prerequisites", "hint_levels_shown", "parent_id", "review",
               "reviewer", "reviewed_first_error_step", "reviewed_error_category", "review_comment",
               "review_hints", "review_corrected_hint", "hint_texts_shown", "notes_shown")


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value  # spreadsheet formula injection guard
    return value


def _write_csv(fh: IO[str], details: Iterator[SubmissionDetail]) -> int:
    w = csv.writer(fh)
    w.writerow(CSV_COLUMNS)
    n = 0
    for d in details:
        r = d.latest_review
        v = d.verdict
        w.writerow([_cell(x) for x in (
            d.id, d.created_at.isoformat(), d.student_id or "", d.class_code or "",
            d.problem.id or "", d.problem.grade or "", d.problem.text, d.solution_text, v.label,
            v.first_error_step if v.first_error_step is not None else "", v.error_category or "",
            v.explanation or "", " ".join(m.code for m in d.standards),
            " ".join(m.code for m in d.prerequisites),
            # no levels for a correct solution: its praise and "next challenge" are not help
            # the student needed (as the dashboard's Hints column); their texts are kept
            "" if v.label == "correct" else " ".join(str(h.level) for h in d.hints_shown),
            d.parent_id or "",
            ("agree" if r.agree else "disagree") if r else "", r.reviewer if r else "",
            (r.first_error_step or "") if r else "", (r.error_category or "") if r else "",
            r.comment if r else "",
            # the teacher's words for the hint flag (the JSONL keeps the stored code)
            HINT_FLAGS.get(r.hint_flag, r.hint_flag) if r and r.hint_flag else "",
            (r.corrected_hint or "") if r else "",
            "\n".join(f"{h.level}: {h.text}" for h in d.hints_shown), " / ".join(d.warnings))])
        n += 1
    return n


def csv_text(store: Store, filters: SubmissionFilter | None = None) -> str:
    """The CSV export as a string (small tables, tests)."""
    buf = io.StringIO()
    store.export_csv(buf, filters)
    return buf.getvalue()
