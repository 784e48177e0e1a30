"""Two questions before a payment changes: paying what is already paid names the date it
was paid, and cancelling a payment names the amount. Each says it can be undone."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QMessageBox, QWidget

from kulturpunkt_desk.domain.dates import short_date
from kulturpunkt_desk.domain.money import format_kr

UNDO_HINT = "Du kan fortryde med Ctrl+Z."


def ask(parent: QWidget | None, title: str, text: str, yes: str) -> bool:
    """Yes (named `yes`) or Annullér; Annullér is the default, as Enter must not pay twice."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    no_button = box.addButton("Annullér", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no_button)
    box.exec()
    return box.clickedButton() is yes_button


def confirm_paying_again(parent: QWidget | None, what: str, paid_on: date) -> bool:
    text = (
        f"{what} er allerede betalt {short_date(paid_on)}.\n\n"
        f"Vil du registrere betalingen med den nye dato i stedet? {UNDO_HINT}"
    )
    return ask(parent, "Allerede betalt", text, "Registrér ny dato")


def confirm_cancelling(parent: QWidget | None, what: str, amount_ore: int) -> bool:
    text = (
        f"Vil du annullere betalingen af {format_kr(amount_ore)} for {what}?\n\n"
        f"Den registreres derefter som ikke betalt. {UNDO_HINT}"
    )
    return ask(parent, "Annullér betaling", text, "Annullér betalingen")
