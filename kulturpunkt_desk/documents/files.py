"""Safe file names for documents named after areas (names are typed by users)."""

from __future__ import annotations

import re
import unicodedata

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


# Direction overrides (U+202E makes "fdp.exe" read "exe.pdf"), zero-width and other format
# characters, controls and private-use characters: invisible, or not what they seem.
_INVISIBLE = {"Cc", "Cf", "Co", "Cn", "Zl", "Zp"}


def visible_text(text: str) -> str:
    """`text` without characters a reader cannot see or that change how the rest reads."""
    return "".join(ch for ch in text if unicodedata.category(ch) not in _INVISIBLE)
