"""Persistence of the tutor: the feedback log (SQLAlchemy 2 + Alembic migrations).

``Store(url)`` opens (and migrates) the log; everything the teacher dashboard shows is read
through it. Layer 6 of DESIGN.md: imports only schema, config and errors.
"""

from tutor.store.feedback_log import Store, detail_dict, make_engine, migrate
from tutor.store.records import (HINT_FLAGS, ClassAnalytics, HintShown, Review, ReviewConflict,
                                 SubmissionDetail, SubmissionFilter, SubmissionPage,
                                 SubmissionSummary)

__all__ = ["Store", "SubmissionFilter", "SubmissionPage", "SubmissionSummary", "SubmissionDetail",
           "HintShown", "Review", "ReviewConflict", "ClassAnalytics", "HINT_FLAGS", "detail_dict",
           "make_engine", "migrate"]
