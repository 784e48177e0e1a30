"""Safe file names for documents named after areas (names are typed by users)."""

from __future__ import annotations

import re

# Characters Windows, macOS or Linux refuse or treat specially in a file name.
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')


def safe_name(name: str, max_length: int = 120) -> str:
    """A typed name usable as a file name on every system: æøå kept, unsafe characters _."""
    cleaned = _UNSAFE.sub("_", name).strip(" ._") or "uden navn"
    if len(cleaned) <= max_length:
        return cleaned
    stem, dot, suffix = cleaned.rpartition(".")
    if dot and len(suffix) <= 8:
        return stem[: max_length - len(suffix) - 1].rstrip(" ._") + "." + suffix
    return cleaned[:max_length].rstrip(" ._")


def file_name(kind: str, name: str, suffix: str = ".pdf", max_length: int = 80) -> str:
    """ "Samarbejdsaftale - Fjordglimt.pdf": readable, æøå kept, unsafe characters replaced."""
    stem = f"{kind} - {safe_name(name)}"[:max_length].rstrip(" ._")
    return stem + suffix


def unique_name(name: str, used: set[str]) -> str:
    """`name`, or "name (2).ext" when it is taken already (case-insensitively); records it."""
    stem, dot, suffix = name.rpartition(".")
    if not dot or not stem:
        stem, dot, suffix = name, "", ""
    candidate, n = name, 1
    while candidate.lower() in used:
        n += 1
        candidate = f"{stem} ({n}){dot}{suffix}"
    used.add(candidate.lower())
    return candidate


def with_case_number(case_number: str, name: str) -> str:
    """ "25-001234 Samarbejdsaftale - Fjordglimt.pdf": the region's case number first, so the
    case system files the document by a drag and drop; `name` unchanged without one."""
    number = safe_name(case_number, 40) if case_number.strip() else ""
    return f"{number} {name}" if number else name
