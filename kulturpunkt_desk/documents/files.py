"""Safe file names for documents named after areas (names are typed by users)."""

from __future__ import annotations

import re

# Characters Windows, macOS or Linux refuse or treat specially in a file name.
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')


def file_name(kind: str, name: str, suffix: str = ".pdf", max_length: int = 80) -> str:
    """ "Samarbejdsaftale - Fjordglimt.pdf": readable, æøå kept, unsafe characters replaced."""
    cleaned = _UNSAFE.sub("_", name).strip(" ._") or "uden navn"
    stem = f"{kind} - {cleaned}"[:max_length].rstrip(" ._")
    return stem + suffix
