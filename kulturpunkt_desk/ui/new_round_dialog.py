""" "Ny runde": the next round of the programme shown, from a small dialog; the desk then
shows the new round. Undo (Ctrl+Z) removes it again and shows the old one."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kulturpunkt_desk.domain.dates import parse_short_date, short_date
from kulturpunkt_desk.domain.errors import DeskError, ValidationError
from kulturpunkt_desk.domain.services import programmes
from kulturpunkt_desk.domain.services.next_round import NewRoundData, new_round, round_start

from .context import DeskContext
from .dialog_buttons import ok_cancel


def _show_programme(ctx: DeskContext, programme_id: str) -> None:
    programmes.choose_programme(ctx.db, programme_id)
    ctx.programme_id = programme_id


def _next_name(name: str, years: int) -> str:
    """«Kulturpunkt 2025-26» -> «Kulturpunkt 2027-28» when rounds are two years apart."""
    words = name.rsplit(" ", 1)
    if len(words) == 2 and len(words[1]) == 7 and words[1][4] == "-":
        first, last = words[1][:4], words[1][5:]
        if first.isdigit() and last.isdigit():
            start = int(first) + years
            return f"{words[0]} {start}-{(int(last) + years) % 100:02d}"
    return f"{name} (ny runde)"


class NewRoundDialog(QDialog):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Ny runde")
        programme = programmes.current_programme(ctx.db)
        if programme is None:
            raise DeskError("Der er intet program at lave en ny runde af.")
        self.from_id = programme.id
        old_start = round_start(ctx.db, programme.id)
        years = max(programme.end_year - programme.start_year + 1, 1)
        suggested = old_start.replace(year=old_start.year + years)
        self.name = QLineEdit(_next_name(programme.name, years))
        self.start = QLineEdit(short_date(suggested))
        self.start.setPlaceholderText("DD.MM.ÅÅÅÅ")
        self.carry = QCheckBox("Tag &lokalområderne med som kandidater (med deres personer)")
        self.carry.setChecked(True)
        self.error = QLabel()
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow("&Navn:", self.name)
        form.addRow("&Start:", self.start)
        form.addRow("", self.carry)
        intro = QLabel(
            f"Ny runde ud fra {programme.name} (startede {short_date(old_start)}): samme "
            "indstillinger og aftaletekst, tidsplanen flyttet lige så langt som starten. "
            "Intet af den gamle rundes penge, sparring eller evalueringer kommer med."
        )
        intro.setWordWrap(True)
        buttons = ok_cancel(self, "&Opret runde", self.create)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def create(self) -> bool:
        try:
            starts_on: date = parse_short_date(self.start.text(), "starts_on", "Start")
            data = NewRoundData(self.name.text().strip(), starts_on, self.carry.isChecked())
            # One undo entry: the new round and showing it (undo shows the earlier round).
            with self.ctx.undo_entry(f"Ny runde: {data.name}"):
                new_id = new_round(self.ctx.db, self.from_id, data)
                _show_programme(self.ctx, new_id)
        except ValidationError as exc:
            self.error.setText("Ikke oprettet: " + " ".join(exc.errors.values()))
            return False
        except DeskError as exc:
            self.error.setText(f"Ikke oprettet: {exc}")
            return False
        self.accept()
        return True
