"""Alembic migrations of the feedback log, shipped inside the package.

:func:`tutor.store.migrate` runs them on every :class:`tutor.store.Store` open, so an installed
tutor upgrades a school's existing database in place and keeps its old logs. To add a
revision: write ``versions/NNNN_<what>.py`` by hand (``down_revision`` = the previous head)
and update ``tutor/store/tables.py`` to match.
"""
