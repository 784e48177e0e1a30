"""The desk's own colours, in one place, each with the backgrounds it is drawn on.

Text must reach a contrast of 4.5:1 against its background and graphics (bars, lines,
outlines) 3:1, as WCAG 2.1 AA asks; tests/test_palette.py computes every pair listed in
USES. A colour never carries a meaning alone: every coloured state also says it in words
or a symbol (the warning mark in tables, "✓" on past phases, "✔"/"✘" on conditions).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

# The light backgrounds Qt draws: Fusion's window (Windows' #f0f0f0 is lighter), the base
# of inputs and tables, and the alternate rows.
WINDOW = "#efefef"
BASE = "#ffffff"
ALTERNATE_BASE = "#f7f7f7"

WARNING = "#b00020"  # overdue, missing, errors; also the timeline's line for today
MUTED = "#666666"  # not yet, not due, hints
HINT = "#555555"  # explanatory text under a list
SUCCESS = "#1b5e20"  # every area represented, a condition met
IMPORT_ERROR = "#9b1c1c"  # a bad cell in the spreadsheet preview
PLACEHOLDER_KNOWN = "#1a5fb4"  # a known {placeholder} in the agreement template
HIGHLIGHT_BACKGROUND = "#fff4c2"  # the primary contact's row
INK = "#1a1a1a"  # text drawn on the desk's own fills
PLACEHOLDER_TEXT = "#666666"  # Qt's default (half-transparent black) reads at 4.0:1

# The timeline: light fills keep the phase titles readable; the outline and the axis set
# the bars off the window.
TIMELINE_PAST = "#dde3ea"
TIMELINE_CURRENT = "#f6c75c"
TIMELINE_FUTURE = "#b9d3ec"
TIMELINE_OUTLINE = "#4a5a6a"
TIMELINE_AXIS = "#595959"
TIMELINE_FILLS = (TIMELINE_PAST, TIMELINE_CURRENT, TIMELINE_FUTURE)

# Engagement in Europæisk Kulturregion's themes, strongest first.
LEVEL_LEADING = "#1f4e79"
LEVEL_ACTIVE = "#8fb3d9"
LEVEL_FOLLOWING = "#dde7f1"
ON_DARK = "#ffffff"


@dataclass(frozen=True)
class ColourUse:
    what: str
    colour: str
    backgrounds: tuple[str, ...]
    kind: Literal["text", "graphic"] = "text"


TABLE_BACKGROUNDS = (BASE, ALTERNATE_BASE, HIGHLIGHT_BACKGROUND)

USES: list[ColourUse] = [
    ColourUse("warning text in tables", WARNING, TABLE_BACKGROUNDS),
    ColourUse("warning and error text in forms", WARNING, (WINDOW,)),
    ColourUse("muted text in tables", MUTED, TABLE_BACKGROUNDS),
    ColourUse("muted hints", MUTED, (WINDOW,)),
    ColourUse("hints", HINT, (WINDOW, BASE)),
    ColourUse("success text", SUCCESS, (WINDOW, BASE)),
    ColourUse("bad cell in the import preview", IMPORT_ERROR, TABLE_BACKGROUNDS),
    ColourUse("known placeholder in the template", PLACEHOLDER_KNOWN, (BASE,)),
    ColourUse("unknown placeholder in the template", WARNING, (BASE,)),
    ColourUse("placeholder text in empty fields", PLACEHOLDER_TEXT, (BASE,)),
    ColourUse("text on the primary contact's row", INK, (HIGHLIGHT_BACKGROUND,)),
    ColourUse(
        "phase titles on the timeline",
        INK,
        (*TIMELINE_FILLS, WINDOW),
    ),
    ColourUse("timeline bar outlines", TIMELINE_OUTLINE, (WINDOW,), "graphic"),
    ColourUse("timeline axis and months", TIMELINE_AXIS, (WINDOW,)),
    ColourUse("timeline line for today", WARNING, (WINDOW, *TIMELINE_FILLS), "graphic"),
    ColourUse("leading engagement", ON_DARK, (LEVEL_LEADING,)),
    ColourUse("active and following engagement", INK, (LEVEL_ACTIVE, LEVEL_FOLLOWING, BASE)),
]


def style(colour: str, *, bold: bool = False) -> str:
    """A style sheet for a label in one of the palette's colours."""
    return f"color: {colour};" + (" font-weight: bold;" if bold else "")


def apply_to(app: QApplication) -> None:
    """Darken the placeholder text on a light system palette (a dark one keeps its own)."""
    palette = app.palette()
    if palette.color(QPalette.ColorRole.Base).lightness() > 160:
        palette.setColor(QPalette.ColorRole.PlaceholderText, QColor(PLACEHOLDER_TEXT))
        app.setPalette(palette)
