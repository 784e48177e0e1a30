"""Safe file names for documents named after areas (names are typed by users).

The rule itself (what Windows accepts) lives in storage/file_names.py; every name made
here goes through it.
"""

from __future__ import annotations

import unicodedata
from pathlib import PurePath

from kulturpunkt_desk.storage.file_names import unique_file_name, windows_file_name


def safe_name(name: str, max_length: int = 120) -> str:
    """A typed name usable as a file name on every system: æøå kept, unsafe characters _."""
    return windows_file_name(name, max_length=max_length)


def file_name(
    kind: str,
    name: str,
    suffix: str = ".pdf",
    max_length: int = 80,
    folder: PurePath | None = None,
) -> str:
    """ "Samarbejdsaftale - Fjordglimt.pdf": readable, æøå kept, unsafe characters replaced;
    with the `folder` it goes into, short enough for a path under Windows' MAX_PATH."""
    stem = f"{kind} - {name.strip(' ._') or 'uden navn'}"[:max_length]
    return windows_file_name(stem + suffix, folder=folder)


def unique_name(name: str, used: set[str], folder: PurePath | None = None) -> str:
    """`name`, or "name (2).ext" when it is taken already (case-insensitively); records it."""
    return unique_file_name(name, used, folder=folder)


def with_case_number(case_number: str, name: str) -> str:
    """ "25-001234 Samarbejdsaftale - Fjordglimt.pdf": the region's case number first, so the
    case system files the document by a drag and drop; `name` unchanged without one."""
    number = safe_name(case_number, 40) if case_number.strip() else ""
    return windows_file_name(f"{number} {name}") if number else name


# Direction overrides (U+202E makes "fdp.exe" read "exe.pdf"), zero-width and other format
# characters, controls and private-use characters: invisible, or not what they seem.
_INVISIBLE = {"Cc", "Cf", "Co", "Cn", "Zl", "Zp"}


def visible_text(text: str) -> str:
    """`text` without characters a reader cannot see or that change how the rest reads."""
    return "".join(ch for ch in text if unicodedata.category(ch) not in _INVISIBLE)
