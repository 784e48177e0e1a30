"""PySide6's import hook without the source of every module kept in memory.

PySide6 replaces `builtins.__import__` to support `from __feature__ import ...`: after each
import it asks whether the new module uses PySide6 by reading its whole source through
`inspect.getsource`, which keeps every line of every module in `linecache` for the rest of
the run. For SQLAlchemy alone that is 19 MB (46 MB instead of 27 MB for its import), a
tenth of the desk's memory (issue 15: at most 150 MB). `lighten()` puts a plain file read
in that question's place: the same answer (does the file hold "PySide6"?), nothing kept.
The desk itself uses no `__feature__`.
"""

from __future__ import annotations

import sys
from types import ModuleType


def lighten() -> bool:
    """Install the lighter question; False when this PySide6 has no such hook (then
    nothing is changed)."""
    feature = sys.modules.get("shibokensupport.feature")
    upstream = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or upstream is None or getattr(upstream, "lightened", False):
        return feature is not None and upstream is not None

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return bool(upstream(module))  # built-in, compiled or zipped: as PySide6 does
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return bool(upstream(module))

    uses_pyside.lightened = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
    return True
