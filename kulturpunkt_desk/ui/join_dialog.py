"""Filer > Flet en fil ind i teamets database…: a consultant's own file joins the server's.

The plan is shown before anything is written: how many records come along, and every
record that looks like one the team has. For each the user says "den samme" (pair) or
"to forskellige" (keep both); a record with a name the team's rules allow only once (a
programme, an area in a programme) can only be paired. Joining is one transaction.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QGridLayout,
    QLabel,
    QMessageBox,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kulturpunkt_desk.domain.danish import count
from kulturpunkt_desk.domain.services.joining import Decision, JoinPlan, join, plan_join
from kulturpunkt_desk.storage.startup import start_desk

from .context import DeskContext
from .dialog_buttons import ok_cancel
from .failure import in_box, told_on_failure


class JoinDialog(QDialog):
    """The plan, and a choice for every record that looks like one of the team's."""

    def __init__(self, plan: JoinPlan, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Flet en fil ind i teamets database")
        self.plan = plan
        copied = sum(plan.new.values())
        intro = QLabel(
            f"Fra {file_name} kommer {count(copied, 'post')} med, som teamet ikke har. "
            f"{count(plan.shared, 'post')} har teamet allerede (deres udgave gælder). "
            "Intet skrives, før du trykker «Flet ind»."
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        self.choices: dict[str, tuple[QRadioButton, QRadioButton]] = {}
        asked = [c for c in plan.candidates if c.asks]
        if asked:
            layout.addWidget(QLabel("<b>Poster, der ligner teamets</b>"))
            grid_holder = QWidget()
            grid = QGridLayout(grid_holder)
            for row, candidate in enumerate(asked):
                grid.addWidget(QLabel(candidate.label), row, 0)
                same = QRadioButton("Den samme")
                other = QRadioButton("To forskellige")
                same.setAccessibleName(f"{candidate.label}: den samme som teamets")
                other.setAccessibleName(f"{candidate.label}: to forskellige")
                group = QButtonGroup(self)
                group.addButton(same)
                group.addButton(other)
                same.setChecked(True)
                if candidate.certain:
                    other.setEnabled(False)
                    other.setToolTip("Teamet kan kun have én med dette navn")
                grid.addWidget(same, row, 1)
                grid.addWidget(other, row, 2)
                self.choices[candidate.laptop_id] = (same, other)
            scroll = QScrollArea()
            scroll.setAccessibleName("Poster, der ligner teamets")
            scroll.setWidgetResizable(True)
            scroll.setWidget(grid_holder)
            layout.addWidget(scroll, 1)
        layout.addWidget(ok_cancel(self, "&Flet ind"))

    def decisions(self) -> dict[str, Decision]:
        return {
            key: "pair" if same.isChecked() else "keep_both"
            for key, (same, _other) in self.choices.items()
        }


def join_a_file(ctx: DeskContext, parent: QWidget) -> None:
    """Ask for the file, show the plan, join on the user's word."""
    if ctx.db.backend.is_file:
        QMessageBox.information(
            parent,
            "Flet en fil ind",
            "Forbind først til teamets server (Filer > Forbind til server…); "
            "så kan din egen fil flettes ind i teamets database.",
        )
        return
    chosen, _ = QFileDialog.getOpenFileName(
        parent, "Vælg din egen databasefil", "", "Kulturpunkt-database (*.sqlite)"
    )
    if chosen:
        _join(ctx, Path(chosen), parent)


def _join(ctx: DeskContext, path: Path, parent: QWidget) -> None:
    with told_on_failure(in_box(parent, "Filen kan ikke flettes ind")):
        laptop = start_desk(path, create=False, read_only=True)
        try:
            plan = plan_join(laptop.db, ctx.db, {})
            dialog = JoinDialog(plan, path.name, parent)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            done = join(laptop.db, ctx.db, dialog.decisions())
        finally:
            laptop.close()
        # The join's writes went through the change journal: the views hear of them.
        left = (
            f" {count(len(done.left_out), 'post')} kunne ikke komme med." if done.left_out else ""
        )
        QMessageBox.information(
            parent,
            "Flettet ind",
            f"{count(sum(done.new.values()), 'post')} er flettet ind i teamets database.{left}",
        )
