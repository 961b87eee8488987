"""``python -m archivist``, and the entry point of the packaged app."""

import sys

from archivist.cli import main

if __name__ == "__main__":
    # In the packaged (frozen) app, batch imports spawn worker processes that re-run this
    # executable, and only freeze_support() turns that run into a worker instead of a second
    # CLI; elsewhere it does nothing, so multiprocessing (20 ms to import) is loaded only there.
    if getattr(sys, "frozen", False):
        import multiprocessing

        multiprocessing.freeze_support()
    sys.exit(main())
