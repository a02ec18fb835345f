"""Run the tutor in the browser: ``python app.py [--port N]`` (same as ``tutor serve``).

Opens http://127.0.0.1:7860 (or ``--port`` / ``$TUTOR_PORT``) on this machine only.
"""

import sys

from tutor.cli import main

if __name__ == "__main__":
    sys.exit(main(["serve", *sys.argv[1:]]))
