"""The status summary's bar chart as SVG, with the alternative text that goes with it.

Plain SVG text keeps the chart engine-free: Typst places it in the tagged PDF with its
alternative text. Paid bars are hatched as well as lighter, so the two series differ by more
than colour; both colours have at least 3:1 contrast against the page (WCAG 1.4.11).
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from kulturpunkt_desk.domain.money import ORE_PER_KRONE, format_kr

AWARDED = "#1F4E79"
PAID = "#5B8FCB"
AXIS = "#555F6B"
GRID = "#DDE3EA"
FONT = "DejaVu Sans"


def money_per_area_svg(
    names: Sequence[str], awarded_ore: Sequence[int], paid_ore: Sequence[int]
) -> str:
    """Grouped bars, awarded and paid (kr.) per area, with a legend and a value axis."""
    width, height = 420.0, 250.0
    left, right, top, bottom = 52.0, 8.0, 34.0, 72.0
    plot_w, plot_h = width - left - right, height - top - bottom
    top_kr = _axis_top(max([*awarded_ore, *paid_ore, 0]) // ORE_PER_KRONE)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="{FONT}">',
        "<defs>"
        '<pattern id="hatch" width="5" height="5" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)">'
        f'<rect width="5" height="5" fill="{PAID}"/>'
        '<line x1="0" y1="0" x2="0" y2="5" stroke="#FFFFFF" stroke-width="1.6"/>'
        "</pattern></defs>",
    ]
    for step in range(5):
        value = top_kr * step // 4
        y = top + plot_h - plot_h * step / 4
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" '
            f'stroke="{GRID if step else AXIS}" stroke-width="0.6"/>'
        )
        parts.append(
            f'<text x="{left - 4}" y="{y + 3:.1f}" font-size="8" fill="{AXIS}" '
            f'text-anchor="end">{_thousands(value)}</text>'
        )
    parts.append(f'<text x="4" y="{top - 10}" font-size="8" fill="{AXIS}">kr.</text>')
    group = plot_w / max(len(names), 1)
    bar = min(group * 0.36, 18.0)
    for i, name in enumerate(names):
        x0 = left + group * i + (group - 2 * bar - 1) / 2
        for j, (amount, fill) in enumerate(((awarded_ore[i], AWARDED), (paid_ore[i], PAID))):
            h = plot_h * (amount // ORE_PER_KRONE) / top_kr
            paint = "url(#hatch)" if j else fill
            parts.append(
                f'<rect x="{x0 + j * (bar + 1):.1f}" y="{top + plot_h - h:.1f}" '
                f'width="{bar:.1f}" height="{h:.1f}" fill="{paint}"/>'
            )
        cx, cy = left + group * i + group / 2, top + plot_h + 8
        parts.append(
            f'<text x="{cx:.1f}" y="{cy:.1f}" font-size="7.5" fill="{AXIS}" text-anchor="end" '
            f'transform="rotate(-35 {cx:.1f} {cy:.1f})">{escape(_short(name))}</text>'
        )
    for k, (label, paint) in enumerate((("Bevilget", AWARDED), ("Udbetalt", "url(#hatch)"))):
        x = width - right - 150 + k * 78
        parts.append(f'<rect x="{x}" y="6" width="10" height="10" fill="{paint}"/>')
        parts.append(f'<text x="{x + 14}" y="14.5" font-size="8.5" fill="#000000">{label}</text>')
    parts.append("</svg>")
    return "".join(parts)


def money_per_area_alt(
    names: Sequence[str], awarded_ore: Sequence[int], paid_ore: Sequence[int]
) -> str:
    """What the chart shows, in words, for a screen reader."""
    if not names:
        return "Søjlediagram over bevilget og udbetalt beløb pr. lokalområde; der er ingen."
    per_area = "; ".join(
        f"{name}: bevilget {format_kr(a)}, udbetalt {format_kr(p)}"
        for name, a, p in zip(names, awarded_ore, paid_ore, strict=True)
    )
    # Amounts end in "kr.", so the sentence needs no full stop of its own.
    return f"Søjlediagram over bevilget og udbetalt beløb pr. lokalområde. {per_area}"


def _axis_top(largest_kr: int) -> int:
    """A round top for the value axis, a little above the largest bar."""
    for top in (10_000, 20_000, 40_000, 60_000, 80_000, 100_000):
        if largest_kr <= top * 0.95:
            return top
    magnitude = int(10 ** (len(str(largest_kr)) - 1))
    return (largest_kr // magnitude + 1) * magnitude


def _thousands(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _short(name: str, limit: int = 18) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"
