"""The year wheel's proposal as a preview: the team moves dates, hosts and places, and only
«Gem årshjulet» saves it (one undo entry)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from kulturpunkt_desk.domain.models import PartnerMember
from kulturpunkt_desk.domain.services import ekr_partnership, ekr_wheel
from kulturpunkt_desk.domain.services.ekr_wheel import WheelMeetingData

from .context import DeskContext
from .widgets.fields import DateField
from .widgets.form import FormDialog


class MeetingRow(QWidget):
    """One proposed meeting: date, host and place, each named for the screen reader."""

    def __init__(self, data: WheelMeetingData, members: list[PartnerMember]) -> None:
        super().__init__()
        self.data = data
        self.held_on = DateField(data.held_on)
        self.host = QComboBox()
        self.host.addItem(self.tr("(ingen vært)"), None)
        for member in members:
            self.host.addItem(member.name, member.id)
        self.host.setCurrentIndex(max(0, self.host.findData(data.host_id)))
        self.place = QLineEdit(data.place)
        title = data.title
        self.held_on.setAccessibleName(self.tr("Dato for {0}").format(title))
        self.host.setAccessibleName(self.tr("Vært for {0}").format(title))
        self.place.setAccessibleName(self.tr("Sted for {0}").format(title))
        self.place.setPlaceholderText(self.tr("Sted"))
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.held_on)
        box.addWidget(self.host, 1)
        box.addWidget(self.place, 1)
        self.setFocusProxy(self.held_on)

    def value(self) -> WheelMeetingData:
        return replace(
            self.data,
            held_on=self.held_on.required_value(),
            host_id=self.host.currentData(),
            place=self.place.text(),
        )


class WheelPreviewDialog(FormDialog):
    def __init__(
        self, ctx: DeskContext, partnership_id: str, year: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Forslag til årshjul for {0}").format(year), parent)
        self.ctx, self.partnership_id, self.year = ctx, partnership_id, year
        proposal = ekr_wheel.propose_wheel(ctx.db, partnership_id, year)
        members = ekr_partnership.list_members(ctx.db, partnership_id)
        intro = QLabel(
            self.tr(
                "Forslaget følger værtsrotationen. Ret datoer, værter og steder, før det "
                "gemmes; intet er gemt endnu."
            )
        )
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.rows: list[MeetingRow] = []
        for n, data in enumerate(proposal, start=1):
            row = MeetingRow(data, members)
            label = f"&{n} {data.title}" if n <= 9 else data.title
            self.add_field(f"meeting_{n}", label, row)
            self.rows.append(row)
        self.buttons.button(self.buttons.StandardButton.Save).setText(self.tr("Gem årshjulet"))

    def save(self) -> None:
        meetings = [row.value() for row in self.rows]
        with self.ctx.undo_entry(self.tr("Opret årshjul for {0}").format(self.year)):
            ekr_wheel.create_wheel(self.ctx.db, self.partnership_id, self.year, meetings)
