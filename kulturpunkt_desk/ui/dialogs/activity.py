"""The activity form: date, title, participants, target groups as comma-separated words
and sectors as check boxes. (The grant, instalment, payment, interest and agreement forms
live in dialogs/grants.py and dialogs/agreements.py.)"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kulturpunkt_desk.domain.models import (
    ACTIVITY_ORIGIN_LABELS,
    LOCAL_GOAL_EXAMPLE_LABELS,
    SECTOR_LABELS,
    Activity,
    ActivityOrigin,
    LocalGoalExample,
    Sector,
)
from kulturpunkt_desk.domain.services import activities
from kulturpunkt_desk.domain.services.activities import ActivityData

from ..context import DeskContext
from ..widgets.choice_buttons import ChoiceButtons
from ..widgets.fields import DateField
from ..widgets.form import FormDialog
from .area_dialogs import text_box


class ActivityDialog(FormDialog):
    def __init__(
        self,
        ctx: DeskContext,
        area_id: str,
        activity: Activity | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Redigér aktivitet") if activity else self.tr("Ny aktivitet"), parent
        )
        self.editing(activity)
        self.ctx, self.area_id, self.activity = ctx, area_id, activity
        a = activity
        self.held = self.add_field("held_on", self.tr("&Dato"), DateField(a.held_on if a else None))
        self.title = self.add_field("title", self.tr("&Titel"), QLineEdit(a.title if a else ""))
        self.description = self.add_field(
            "description", self.tr("&Beskrivelse"), text_box(a.description if a else "", 3)
        )
        self.participants = QSpinBox()
        self.participants.setRange(0, 1_000_000)
        self.participants.setValue(a.participants if a else 0)
        self.add_field("participants", self.tr("Deltage&re"), self.participants)
        self.target_groups = self.add_field(
            "target_groups",
            self.tr("&Målgrupper"),
            QLineEdit(", ".join(a.target_groups) if a else ""),
        )
        self.target_groups.setPlaceholderText(self.tr("kommasepareret, fx børnefamilier, seniorer"))
        sectors = QWidget()
        grid = QGridLayout(sectors)
        grid.setContentsMargins(0, 0, 0, 0)
        self.sector_boxes: dict[Sector, QCheckBox] = {}
        chosen = set(a.sectors) if a else set()
        for n, sector in enumerate(Sector):
            box = QCheckBox(self.tr(SECTOR_LABELS[sector]))
            box.setChecked(sector.value in chosen)
            self.sector_boxes[sector] = box
            grid.addWidget(box, n // 3, n % 3)
        self.add_field("sectors", self.tr("&Sektorer"), sectors)
        origins: list[tuple[ActivityOrigin | None, str]] = [(None, "Ikke angivet")]
        origins += list(ACTIVITY_ORIGIN_LABELS.items())
        self.origin: ChoiceButtons[ActivityOrigin | None] = ChoiceButtons(origins)
        self.origin.set_value(a.origin if a else None)
        self.add_field("origin", "Ny eller &eksisterende", self.origin)
        examples = QWidget()
        column = QVBoxLayout(examples)
        column.setContentsMargins(0, 0, 0, 0)
        self.example_boxes: dict[LocalGoalExample, QCheckBox] = {}
        served = set(a.goal_examples) if a else set()
        for example, label in LOCAL_GOAL_EXAMPLE_LABELS.items():
            box = QCheckBox(label)
            box.setChecked(example.value in served)
            self.example_boxes[example] = box
            column.addWidget(box)
        examples.setFocusProxy(next(iter(self.example_boxes.values())))
        self.add_field("goal_examples", "Tjener &lokale mål", examples)
        self.resize(560, self.sizeHint().height())

    def data(self) -> ActivityData:
        return ActivityData(
            held_on=self.held.required_value(),
            title=self.title.text(),
            description=self.description.toPlainText(),
            participants=self.participants.value(),
            target_groups=self.target_groups.text().split(","),
            sectors=[s for s, box in self.sector_boxes.items() if box.isChecked()],
            origin=self.origin.value(),
            goal_examples=[e for e, box in self.example_boxes.items() if box.isChecked()],
        )

    def save(self) -> None:
        if self.activity is None:
            activities.add_activity(self.ctx.db, self.area_id, self.data())
        else:
            activities.update_activity(self.ctx.db, self.activity.id, self.data())
