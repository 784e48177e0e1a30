"""The desk's colours are readable: WCAG 2.1 AA contrast for every colour on its backgrounds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kulturpunkt_desk.ui import palette

UI = Path(__file__).resolve().parent.parent / "kulturpunkt_desk" / "ui"
MINIMUM = {"text": 4.5, "graphic": 3.0}


def luminance(colour: str) -> float:
    """Relative luminance as WCAG 2.1 defines it."""
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_is_computed_as_wcag_defines_it() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("use", palette.USES, ids=lambda u: u.what)
def test_every_colour_reaches_aa_contrast_on_its_backgrounds(use: palette.ColourUse) -> None:
    ratios = {bg: round(contrast(use.colour, bg), 2) for bg in use.backgrounds}
    assert all(ratio >= MINIMUM[use.kind] for ratio in ratios.values()), ratios


def test_the_views_take_their_colours_from_the_palette() -> None:
    """A colour written into a view escapes the contrast check above."""
    literal = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b|QColor\(\"[a-z]+\"\)")
    offenders = [
        f"{path.relative_to(UI)}:{n}: {line.strip()}"
        for path in UI.rglob("*.py")
        if path.name != "palette.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if literal.search(line.split("  #")[0])
    ]
    assert offenders == []
