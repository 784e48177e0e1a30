"""File names Windows accepts: the one rule for every name the desk makes from typed text.

Area, municipality and attachment names are typed by people, and the team's laptops run
Windows, whose rules are the strictest of the three systems: no <>:"/\\|?* or control
characters, no trailing dot or space (Explorer silently drops them, so the file cannot be
opened again by the name it was saved under), no device names (CON, PRN, AUX, NUL, COM1-9,
LPT1-9, also as "nul.pdf"), at most 255 characters, and a whole path under MAX_PATH unless
the machine has long paths switched on. Windows also ignores case, so "Fjordglimt.pdf" and
"FJORDGLIMT.pdf" are one file: `unique_file_name` keeps a batch of names apart.

Every layer may call this (storage names backups, documents name PDFs), hence its place.
"""

from __future__ import annotations

import re
from pathlib import PurePath

MAX_NAME_BYTES = 255  # ext4 and APFS count UTF-8 bytes, NTFS UTF-16 units: bytes are stricter
MAX_PATH = 259  # Windows' MAX_PATH is 260 characters including the terminating NUL
MAX_SUFFIX = 8  # ".pdf", ".xlsx", ".sqlite": longer tails after a dot are part of the name

_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\ud800-\udfff]+')
# Device names, also with any extension; COM¹ and friends count as digits on Windows.
RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"} | {
    f"{port}{digit}" for port in ("COM", "LPT") for digit in "0123456789¹²³"
}


def is_reserved(name: str) -> bool:
    """Whether Windows takes `name` for a device: the part before the first dot counts."""
    return name.split(".")[0].rstrip(" ").upper() in RESERVED


def windows_file_name(
    name: str, *, max_length: int = MAX_NAME_BYTES, folder: PurePath | None = None
) -> str:
    """`name` as a file name Windows, macOS and Linux all accept, æøå kept.

    Unsafe characters become "_", leading and trailing spaces, dots and underscores go, a
    device name gets "_" in front, and the name is cut (keeping its suffix such as ".pdf")
    to `max_length` characters, 255 bytes and, given the `folder` it goes into, a whole
    path under Windows' MAX_PATH where that leaves room for a name at all.
    """
    cleaned = _UNSAFE.sub("_", name).strip(" ._") or "uden navn"
    stem, suffix = split_suffix(cleaned)
    return _fit(stem, suffix, max_length, folder)


def unique_file_name(name: str, used: set[str], *, folder: PurePath | None = None) -> str:
    """`name`, or "name (2).pdf" when a name equal but for case is taken; records it.

    `name` should come from `windows_file_name`; the numbered form is cut to fit again.
    """
    stem, suffix = split_suffix(name)
    candidate, n = _fit(stem, suffix, MAX_NAME_BYTES, folder), 1
    while candidate.casefold() in used:
        n += 1
        candidate = _fit(stem, f" ({n}){suffix}", MAX_NAME_BYTES, folder)
    used.add(candidate.casefold())
    return candidate


def split_suffix(name: str) -> tuple[str, str]:
    """("Samarbejdsaftale - Fjordglimt", ".pdf"); no suffix when there is no short one."""
    stem, dot, suffix = name.rpartition(".")
    if dot and stem and 0 < len(suffix) <= MAX_SUFFIX:
        return stem, dot + suffix
    return name, ""


def _fit(stem: str, ending: str, max_length: int, folder: PurePath | None) -> str:
    stem = _shorten(stem, ending, max_length, folder)
    if is_reserved(stem + ending):
        stem = _shorten("_" + stem, ending, max_length, folder)
    return stem + ending


def _shorten(stem: str, ending: str, max_length: int, folder: PurePath | None) -> str:
    room = max_length
    if folder is not None:  # the separator and the name must fit after the folder
        room = min(room, MAX_PATH - _utf16_length(str(folder)) - 1)
    stem = stem[: max(room - len(ending), 0)]
    while stem and not _fits(stem + ending, room):
        stem = stem[:-1]
    # A name cut to nothing still needs a character: the path is then over MAX_PATH,
    # which only a folder of nearly 260 characters can cause.
    return stem.rstrip(" .") or "_"


def _fits(name: str, room: int) -> bool:
    return _utf16_length(name) <= room and len(name.encode("utf-8")) <= MAX_NAME_BYTES


def _utf16_length(text: str) -> int:
    """Length as Windows counts it: characters outside the BMP (emoji) count twice."""
    return len(text.encode("utf-16-le")) // 2
