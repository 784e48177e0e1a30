"""Sizes measured in the user's font, so a larger system font or scaling enlarges everything.

Pixel numbers written into a view stay the same when the system font grows to 18 points,
so headings ended smaller than body text and lists were cut. Everything sized here follows
the widget's own font: headings as a factor of it, heights in lines, widths in characters.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

# Room for a text field's frame and inner margins around its lines.
FRAME = 12


def heading(label: QLabel, factor: float = 1.3) -> QLabel:
    """Bold, and `factor` times the font the label would otherwise have."""
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(True)
    label.setFont(font)
    return label


def lines_high(widget: QWidget, lines: float) -> int:
    """The height of `lines` lines of the widget's text, with its frame."""
    return int(widget.fontMetrics().lineSpacing() * lines) + FRAME


def chars_wide(widget: QWidget, chars: int) -> int:
    """The width of `chars` average characters, at most the screen's width."""
    width = widget.fontMetrics().averageCharWidth() * chars
    screen = widget.screen()
    return min(width, screen.availableGeometry().width() - 40) if screen else width
