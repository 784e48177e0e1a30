"""Python's garbage collector tuned for a desktop program.

The collector's full pass walks every container object alive. After start-up those are
the modules, Qt wrappers and SQLAlchemy's mapper set-up, which live as long as the desk:
`settle_after_start` moves them out of its sight (gc.freeze) once the first window is
shown. A view's refresh builds thousands of short-lived objects at once, which would start
collections in the middle of it: `paused` holds the collector off until the refresh ends;
the next allocations then collect as usual.
"""

from __future__ import annotations

import gc
import linecache
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

# The youngest generation is collected after this many allocations (Python's default is
# 700): a refresh of a long list passes 700 within a millisecond.
YOUNG_THRESHOLD = 20_000


def settle_after_start() -> None:
    """Keep everything alive so far out of later collections.

    No collection first: on the large database a full one takes 70-85 ms of CPU at this
    point, freezing takes microseconds, and what start-up left as garbage is small."""
    gc.freeze()
    # Source lines read for PySide6's import hook before it was lightened
    # (ui/pyside_imports.py); a traceback reads what it needs again.
    linecache.clearcache()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)


@contextmanager
def paused() -> Iterator[None]:
    """No collection inside the block (nested blocks are fine)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def without_collection(fn: Callable[P, R]) -> Callable[P, R]:
    """`fn` runs inside paused()."""

    @wraps(fn)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with paused():
            return fn(*args, **kwargs)

    return run
