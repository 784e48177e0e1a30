"""Where the shipped resources (fonts, templates, icons) are found, installed or bundled."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """Inside a PyInstaller bundle; `_resources/` in an installed package (setup.py copies
    them there when a wheel is built); else `resources/` beside the package in a checkout."""
    bundled = getattr(sys, "_MEIPASS", None)
    if bundled:
        return Path(bundled) / "resources"
    installed = Path(__file__).resolve().parent / "_resources"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def default_agreement_text() -> str:
    return resource("templates", "samarbejdsaftale.txt").read_text(encoding="utf-8")
