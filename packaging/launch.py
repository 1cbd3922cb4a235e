"""The bundle's entry point: the same ``biofeedback`` command as the wheel's script (no arguments
opens the app; ``biofeedback.exe analyze FILE`` etc. work from a terminal)."""

import sys

from biofeedback.__main__ import gui_main

if __name__ == "__main__":
    sys.exit(gui_main())
