"""A compact horizontal timeline of the programme's phases with today marked.

Phases are bars on as few lanes as will hold them without overlap; months are ticked
along the bottom; a red line marks today (at the right edge, if the round is over).
Hovering a bar shows its title and dates. Colour is never the only sign: past phases are
ticked "✓", the current ones have a bold title and a heavy outline, and a screen reader
hears every phase with its dates and state and where today falls (the strip takes focus).
Sizes follow the font, so a larger system font gives taller lanes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QLocale, QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QHelpEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QStyle, QStyleOptionFocusRect, QToolTip, QWidget

from kulturpunkt_desk.domain.dates import long_date
from kulturpunkt_desk.domain.overblik_data import Phase as Phase  # the snapshot's own

from .. import palette

PAST, CURRENT, FUTURE = (QColor(c) for c in palette.TIMELINE_FILLS)
TODAY = QColor(palette.WARNING)
DONE_MARK = "✓ "


@dataclass(frozen=True)
class PhaseLook:
    fill: QColor
    outline: float  # pen width
    bold: bool
    title: str


def lanes_for(phases: list[Phase]) -> list[int]:
    """A lane per phase, first free lane first, so bars never overlap."""
    ends: list[date] = []
    lanes = []
    for phase in phases:
        lane = next((n for n, end in enumerate(ends) if end < phase.starts_on), len(ends))
        if lane == len(ends):
            ends.append(phase.ends_on)
        else:
            ends[lane] = phase.ends_on
        lanes.append(lane)
    return lanes


class TimelineStrip(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.phases: list[Phase] = []
        self.lanes: list[int] = []
        self.today = date.today()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        # Reachable with Tab, so a screen reader can read the description below.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Tidslinje"))

    def set_phases(self, phases: list[Phase], today: date) -> None:
        self.phases = sorted(phases, key=lambda p: (p.starts_on, p.ends_on))
        self.lanes = lanes_for(self.phases)
        self.today = today
        self.setAccessibleDescription(self.description())
        self.updateGeometry()
        self.update()

    def current(self) -> list[Phase]:
        return [p for p in self.phases if p.starts_on <= self.today <= p.ends_on]

    def state(self, phase: Phase) -> str:
        if phase.ends_on < self.today:
            return self.tr("afsluttet")
        if phase.starts_on <= self.today:
            return self.tr("i gang")
        return self.tr("kommende")

    def look(self, phase: Phase) -> PhaseLook:
        """How a bar is drawn; the three states differ in more than their fill colour."""
        if phase.ends_on < self.today:
            return PhaseLook(PAST, 1.0, False, DONE_MARK + phase.title)
        if phase.starts_on <= self.today:
            return PhaseLook(CURRENT, 2.5, True, phase.title)
        return PhaseLook(FUTURE, 1.0, False, phase.title)

    def description(self) -> str:
        """The strip in words: today's place, then every phase with its dates and state."""
        if not self.phases:
            return ""
        current = ", ".join(p.title for p in self.current())
        lines = [
            self.tr("I dag er {0}: {1}.").format(long_date(self.today), current)
            if current
            else self.tr("I dag er {0}: mellem faserne.").format(long_date(self.today))
        ]
        lines += [
            self.tr("{0}: {1} – {2}, {3}.").format(
                p.title, long_date(p.starts_on), long_date(p.ends_on), self.state(p)
            )
            for p in self.phases
        ]
        return "\n".join(lines)

    def lane_height(self) -> int:
        return self.fontMetrics().height() + 8

    def axis_height(self) -> int:
        return 2 * self.fontMetrics().height() + 6

    def sizeHint(self) -> QSize:
        lanes = max(self.lanes, default=0) + 1
        return QSize(600, lanes * self.lane_height() + self.axis_height() + 8)

    def minimumSizeHint(self) -> QSize:
        return QSize(300, self.sizeHint().height())

    # --- geometry ---------------------------------------------------------------------

    def _span(self) -> tuple[date, date]:
        start = min(p.starts_on for p in self.phases)
        end = max(max(p.ends_on for p in self.phases), self.today)
        return date(start.year, start.month, 1), end

    def _x(self, day: date) -> float:
        start, end = self._span()
        days = max((end - start).days, 1)
        return 4 + (self.width() - 8) * (day - start).days / days

    def _bar(self, n: int) -> QRectF:
        phase = self.phases[n]
        left, right = self._x(phase.starts_on), self._x(phase.ends_on)
        top = 4 + self.lanes[n] * self.lane_height()
        return QRectF(left, top, max(right - left, 6), self.lane_height() - 4)

    # --- painting -----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.phases:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        bold = self.font()
        bold.setBold(True)
        rects = [self._bar(n) for n in range(len(self.phases))]
        for n, phase in enumerate(self.phases):
            rect = rects[n]
            # A label may run past a short bar, up to the next bar in its lane.
            following = [
                r.left() for m, r in enumerate(rects) if self.lanes[m] == self.lanes[n] and m > n
            ]
            room = min(following, default=self.width()) - rect.left() - 6
            look = self.look(phase)
            p.setPen(QPen(QColor(palette.TIMELINE_OUTLINE), look.outline))
            p.setBrush(look.fill)
            p.drawRoundedRect(rect, 3, 3)
            p.setPen(QColor(palette.INK))
            p.setFont(bold if look.bold else self.font())
            text = p.fontMetrics().elidedText(look.title, Qt.TextElideMode.ElideRight, int(room))
            label = QRectF(rect.left() + 3, rect.top(), room, rect.height())
            p.drawText(label, Qt.AlignmentFlag.AlignVCenter, text)
        p.setFont(self.font())
        self._paint_axis(p, metrics)
        x = self._x(self.today)
        bottom = self.height() - self.axis_height() + metrics.height()
        p.setPen(QPen(TODAY, 2))
        p.drawLine(int(x), 0, int(x), bottom)
        label = self.tr("I dag")
        width = metrics.horizontalAdvance(label)
        left = min(max(x - width / 2, 0), self.width() - width)
        p.drawText(int(left), self.height() - 2, label)
        if self.hasFocus():
            option = QStyleOptionFocusRect()
            option.initFrom(self)
            self.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, option, p, self)
        p.end()

    def _paint_axis(self, p: QPainter, metrics: QFontMetrics) -> None:
        start, end = self._span()
        y = self.height() - self.axis_height() + 4
        p.setPen(QColor(palette.TIMELINE_AXIS))
        p.drawLine(4, y, self.width() - 4, y)
        month_width = (self.width() - 8) / max((end - start).days / 30.4, 1)
        # Room for a short month name in the font as it is now (34 pixels at 9 points).
        name_width = metrics.horizontalAdvance("sep.") + 8
        step = 1 if month_width > name_width else 2 if 2 * month_width > name_width else 3
        day, n = start, 0
        while day <= end:
            x = int(self._x(day))
            p.drawLine(x, y, x, y + 4)
            if n % step == 0:
                name = self.locale().standaloneMonthName(day.month, QLocale.FormatType.ShortFormat)
                text = name + (f" {day:%y}" if day.month == 1 or n == 0 else "")
                p.drawText(x + 2, y + 4 + metrics.ascent(), text)
            day = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
            n += 1

    def event(self, event: object) -> bool:
        if isinstance(event, QHelpEvent):
            point = QPoint(event.pos())
            for n, phase in enumerate(self.phases):
                if self._bar(n).contains(point):
                    QToolTip.showText(
                        event.globalPos(),
                        f"{phase.title}\n{phase.starts_on:%d.%m.%Y} – {phase.ends_on:%d.%m.%Y}",
                        self,
                    )
                    return True
            QToolTip.hideText()
            return True
        return super().event(event)  # type: ignore[arg-type]
