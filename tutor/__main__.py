"""``python -m tutor …``: the ``tutor`` command (same as ``python -m tutor.cli``)."""

import sys

from tutor.cli import main

if __name__ == "__main__":
    sys.exit(main())
