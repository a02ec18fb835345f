"""Errors the tutor raises on purpose.

Two kinds only, so shells (browser, CLI) know what to show:

* :class:`TutorInputError` — the student's (or teacher's) input cannot be used; its message is
  written for that person, in plain words, and is shown as is.
* :class:`TutorConfigError` — the installation is mis-configured (missing model file, bad
  database URL, unknown quantization); its message tells the school's IT person what to fix.
"""


class TutorError(Exception):
    """Base class of every error the tutor raises deliberately."""


class TutorInputError(TutorError, ValueError):
    """Bad user input; ``str(error)`` is a plain-words message safe to show in the UI."""


class TutorConfigError(TutorError, RuntimeError):
    """Bad installation or settings; ``str(error)`` says what to change."""
