"""Alembic revisions of the feedback log (one file per revision, applied in order)."""
