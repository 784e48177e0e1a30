"""Where the shipped resources (fonts, templates, icons) are found, installed or bundled."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """`resources/` beside the package in a checkout, or inside a PyInstaller bundle."""
    bundled = getattr(sys, "_MEIPASS", None)
    if bundled:
        return Path(bundled) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def default_agreement_text() -> str:
    return resource("templates", "samarbejdsaftale.txt").read_text(encoding="utf-8")
