"""Indstillinger: what a team sets up once, in one form.

For the whole team (saved in the database file): the region's sender details and CVR, who
signs for the region (the programme's own fields, the same as the letter block's form),
the number of backups kept and how many days ahead Overblik looks. For this laptop (saved
in the user's preferences): the folder documents are saved in. Every setting and its
default is declared once in `domain/settings.py`; saving goes through the undo stack.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from kulturpunkt_desk.domain import settings
from kulturpunkt_desk.domain.services import team_settings
from kulturpunkt_desk.domain.services.team_settings import TeamSettings

from . import preferences, scale
from .context import DeskContext
from .documents_actions import documents_folder
from .views.programme_settings import ProgrammeSettingsDialog

# The team-wide numbers in the form: (setting, label with its Alt-letter, unit).
NUMBERS: list[tuple[settings.IntSetting, str, str]] = [
    (settings.BACKUP_KEEP, "H&øjst antal sikkerhedskopier", " kopier"),
    (settings.COMING_DAYS, "Overblikkets &kommende dage", " dage"),
]

# What is saved: the team's settings and this laptop's documents folder ("" = default).
Saved = tuple[TeamSettings, str]


class SettingsDialog(ProgrammeSettingsDialog):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle("Indstillinger")
        self.team_before = team_settings.team_settings(ctx.db, ctx.programme_id)
        self.folder_before = preferences.text(settings.DOCUMENTS_FOLDER)
        self.form.insertRow(0, _heading("Regionen (for hele teamet, gemt i databasen)"))
        self.form.addRow(_heading("Sikkerhedskopier og Overblik (for hele teamet)"))
        self.numbers: dict[str, QSpinBox] = {}
        for spec, label, unit in NUMBERS:
            spin = QSpinBox()
            spin.setRange(spec.minimum, spec.maximum)
            spin.setSuffix(unit)
            spin.setValue(self.team_before.values[spec.key])
            spin.setToolTip(f"Standard: {spec.default}{unit}")
            self.numbers[spec.key] = spin
            self.add_field(spec.key, label, spin)
        self.form.addRow(_heading("Denne computer"))
        self.folder = QLineEdit(self.folder_before)
        self.folder.setPlaceholderText(str(documents_folder()))
        self.folder.setMinimumWidth(scale.chars_wide(self.folder, 40))
        choose = QPushButton("&Vælg mappe…")
        choose.clicked.connect(self.choose_folder)
        row = QWidget()
        row.setFocusProxy(self.folder)  # Alt+N and the screen reader go to the folder's text
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.folder, 1)
        box.addWidget(choose)
        self.add_field(settings.DOCUMENTS_FOLDER.key, "Mappe til dokume&nter", row)

    def choose_folder(self) -> None:
        start = self.folder.text() or str(documents_folder())
        chosen = QFileDialog.getExistingDirectory(self, "Mappe til dokumenter", start)
        if chosen:
            self.folder.setText(chosen)

    def saved(self) -> Saved:
        values = {key: spin.value() for key, spin in self.numbers.items()}
        team = TeamSettings(self.data(), values)
        return team, self.folder.text().strip()

    def save(self) -> None:
        team, folder = self.saved()
        ctx = self.ctx
        more = {}
        if folder and folder != self.folder_before and not Path(folder).is_dir():
            more[settings.DOCUMENTS_FOLDER.key] = "Mappe til dokumenter: mappen findes ikke."
        # Every wrong field named at once, before anything is written or put on the stack.
        team_settings.check_team_settings(team, more)
        # One undo entry: the team's settings (journaled writes) and this laptop's folder.
        ctx.with_preference(
            "Ret indstillinger",
            lambda: team_settings.save_team_settings(ctx.db, ctx.programme_id, team),
            settings.DOCUMENTS_FOLDER,
            folder,
        )


def _heading(text: str) -> QLabel:
    label = QLabel(f"<b>{text}</b>")
    label.setAccessibleName(text)
    return label
