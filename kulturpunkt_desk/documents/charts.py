"""Charts for the status summary, drawn with reportlab's graphics (vector, fonts embedded)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kulturpunkt_desk.domain.money import ORE_PER_KRONE


def _thousands(value: float) -> str:
    return f"{value:,.0f}".replace(",", ".")


def money_per_area_chart(
    names: Sequence[str], awarded_ore: Sequence[int], paid_ore: Sequence[int], width: float
) -> Any:
    """Grouped bars: awarded and paid (kr.) per area, with a legend."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.shapes import Drawing, String

    from .layout import ACCENT, FONT, MUTED, register_fonts

    register_fonts()
    height = 190
    drawing = Drawing(width, height, initialFontName=FONT)  # no Helvetica anywhere
    chart = VerticalBarChart()
    chart.x, chart.y = 48, 52
    chart.width, chart.height = width - 60, height - 80
    chart.data = [
        [a / ORE_PER_KRONE for a in awarded_ore] or [0],
        [p / ORE_PER_KRONE for p in paid_ore] or [0],
    ]
    chart.groupSpacing = 6
    chart.barSpacing = 1
    chart.bars[0].fillColor = ACCENT
    chart.bars[1].fillColor = _light()
    chart.bars.strokeWidth = 0
    chart.valueAxis.valueMin = 0
    top = max([*chart.data[0], *chart.data[1], 1])
    chart.valueAxis.valueMax = top * 1.1
    chart.valueAxis.labelTextFormat = _thousands
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.strokeColor = MUTED
    chart.valueAxis.gridStrokeColor = _grid()
    chart.valueAxis.visibleGrid = 1
    chart.categoryAxis.categoryNames = [_short(n) for n in names] or [""]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.angle = 30
    chart.categoryAxis.labels.boxAnchor = "ne"
    chart.categoryAxis.labels.dy = -2
    chart.categoryAxis.strokeColor = MUTED
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = 48, height - 8
    legend.fontName = FONT
    legend.fontSize = 8
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 90
    legend.dx = legend.dy = 7
    legend.colorNamePairs = [(ACCENT, "Bevilget"), (_light(), "Udbetalt")]
    drawing.add(legend)
    drawing.add(String(4, height - 28, "kr.", fontName=FONT, fontSize=7, fillColor=MUTED))
    return drawing


def _short(name: str, limit: int = 18) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


def _light() -> Any:
    from reportlab.lib import colors

    return colors.HexColor("#8FB3D9")


def _grid() -> Any:
    from reportlab.lib import colors

    return colors.HexColor("#DDE3EA")
