"""The activity tabs of an area's page: sparring log and activities, evaluation and
attachments, and the area's history. See area_sections.py for the shared Section."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMessageBox,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kulturpunkt_desk.domain.dates import date_time
from kulturpunkt_desk.domain.models import (
    CORE_ELEMENT_LABELS,
    LOCAL_GOAL_EXAMPLE_LABELS,
    SECTOR_LABELS,
    SESSION_FORM_LABELS,
    Activity,
    ActivityOrigin,
    Area,
    Attachment,
    CoreElement,
    LocalGoalExample,
    Sector,
    SparringSession,
)
from kulturpunkt_desk.domain.money import format_kr
from kulturpunkt_desk.domain.services import area_history, evaluations
from kulturpunkt_desk.domain.services.area_history import HistoryLine

from .. import palette, scale
from ..context import DeskContext
from ..dialogs.activity import ActivityDialog
from ..models.record_table import Column, RecordTableModel
from ..undo import confirm_and_delete
from ..widgets.record_table import RecordTable
from .area_sections import Section, button_column, local_time, on_delete_key, short

# Short enough for a table column; the form shows the whole wording.
ORIGIN_SHORT = {ActivityOrigin.EXISTING: "Bygger videre", ActivityOrigin.NEW: "Ny"}
EXAMPLE_SHORT = {
    LocalGoalExample.ACROSS_ASSOCIATIONS: "Samarbejde på tværs",
    LocalGoalExample.COORDINATING_FORUM: "Koordinerende forum",
    LocalGoalExample.OTHER_SECTORS: "Andre sektorer",
    LocalGoalExample.NEW_TARGET_GROUPS: "Nye målgrupper",
}


class SparringSection(Section):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        t = self.tr
        self.sessions: RecordTableModel[SparringSession] = RecordTableModel(
            [
                Column(t("Dato"), lambda s: short(s.held_on), lambda s: s.held_on),
                Column(t("Form"), lambda s: t(SESSION_FORM_LABELS[s.form])),
                Column(
                    t("Kerneelementer"),
                    lambda s: ", ".join(
                        t(CORE_ELEMENT_LABELS[CoreElement(e)]) for e in s.core_elements
                    ),
                ),
                Column(
                    t("Opfølgning"),
                    lambda s: self._open_follow_ups(s),
                ),
                Column(t("Noter"), lambda s: " ".join(s.notes.split())),
            ],
            lambda s: s.id,
        )
        self.session_table = RecordTable(self.sessions)
        self.session_table.setAccessibleName(self.tr("Sparringsmøder"))
        self.session_table.activated_id.connect(
            lambda session_id: ctx.open_record("sparring_session", session_id)
        )
        hint = QLabel(t("Dobbeltklik åbner mødet i Sparring, hvor det kan redigeres."))
        hint.setStyleSheet(palette.style(palette.HINT))
        hint.setWordWrap(True)
        hint.setMaximumWidth(scale.chars_wide(hint, 30))
        sessions_row = QVBoxLayout()
        sessions_row.addWidget(hint)
        sessions_row.addStretch()
        self.activities: RecordTableModel[Activity] = RecordTableModel(
            [
                Column(t("Dato"), lambda a: short(a.held_on), lambda a: a.held_on),
                Column(t("Titel"), lambda a: a.title),
                Column(
                    t("Deltagere"), lambda a: str(a.participants), lambda a: a.participants, True
                ),
                Column(t("Målgrupper"), lambda a: ", ".join(a.target_groups)),
                Column(
                    t("Sektorer"),
                    lambda a: ", ".join(t(SECTOR_LABELS[Sector(s)]) for s in a.sectors),
                ),
                Column("Ny eller eksisterende", lambda a: ORIGIN_SHORT.get(a.origin, "")),
                Column(
                    "Tjener lokale mål",
                    lambda a: ", ".join(
                        EXAMPLE_SHORT[LocalGoalExample(e)] for e in a.goal_examples
                    ),
                    tooltip=lambda a: "\n".join(
                        LOCAL_GOAL_EXAMPLE_LABELS[LocalGoalExample(e)] for e in a.goal_examples
                    ),
                ),
            ],
            lambda a: a.id,
        )
        self.activity_table = RecordTable(self.activities)
        self.activity_table.setAccessibleName(self.tr("Aktiviteter"))
        self.activity_table.activated_id.connect(lambda _id: self.edit_activity())
        on_delete_key(self.activity_table, self.delete_activity)
        activities_row = button_column(
            (t("&Ny aktivitet…"), self.new_activity),
            (t("Redigér a&ktivitet…"), self.edit_activity),
            (t("&Slet aktivitet…"), self.delete_activity),
        )
        splitter = QSplitter()
        splitter.setOrientation(splitter.orientation().Vertical)
        splitter.addWidget(self.titled(t("Sparringslog"), self.session_table, sessions_row))
        splitter.addWidget(self.titled(t("Aktiviteter"), self.activity_table, activities_row))
        QVBoxLayout(self).addWidget(splitter)

    def _open_follow_ups(self, session: SparringSession) -> str:
        count = sum(1 for f in session.follow_ups if not f.done_on)
        if not count:
            return ""
        return self.tr("1 åben") if count == 1 else self.tr("{0} åbne").format(count)

    def load(self, area: Area) -> None:
        super().load(area)
        self.sessions.set_rows(sorted(area.sessions, key=lambda s: s.held_on, reverse=True))
        self.activities.set_rows(list(area.activities))
        self.session_table.fit_columns()
        self.activity_table.fit_columns()

    def new_activity(self) -> None:
        if self.area:
            self.run(ActivityDialog(self.ctx, self.area.id, None, self))

    def edit_activity(self) -> None:
        activity = self.activity_table.current_record()
        if activity is not None and self.area:
            self.run(ActivityDialog(self.ctx, self.area.id, activity, self))

    def delete_activity(self) -> None:
        activity = self.activity_table.current_record()
        if activity is not None:
            label = self.tr("aktiviteten «{0}»").format(activity.title)
            confirm_and_delete(self.ctx, self, Activity, activity.id, label)


class EvaluationSection(Section):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        t = self.tr
        self.text = QTextBrowser()
        self.text.setAccessibleName(self.tr("Evaluering"))
        self.attachments: RecordTableModel[Attachment] = RecordTableModel(
            [
                Column(t("Fil"), lambda a: a.filename),
                Column(t("Beskrivelse"), lambda a: a.description),
                Column(t("Tilføjet"), lambda a: short(a.added_on), lambda a: a.added_on),
                Column(
                    t("Størrelse"),
                    lambda a: f"{max(1, round(a.size_bytes / 1024))} kB",
                    lambda a: a.size_bytes,
                    True,
                ),
            ],
            lambda a: a.id,
        )
        self.table = RecordTable(self.attachments)
        self.table.setAccessibleName(self.tr("Bilag"))
        self.table.activated_id.connect(lambda _id: self.open_attachment())
        on_delete_key(self.table, self.delete_attachment)
        row = button_column(
            (t("&Tilføj fil…"), self.add_attachment),
            (t("Å&bn fil"), self.open_attachment),
            (t("&Slet bilag…"), self.delete_attachment),
        )
        splitter = QSplitter()
        splitter.setOrientation(splitter.orientation().Vertical)
        evaluation = QWidget()
        box = QVBoxLayout(evaluation)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(QLabel(f"<b>{t('Evaluering')}</b>"))
        box.addWidget(self.text)
        splitter.addWidget(evaluation)
        splitter.addWidget(self.titled(t("Bilag"), self.table, row))
        QVBoxLayout(self).addWidget(splitter)

    def load(self, area: Area) -> None:
        super().load(area)
        self.attachments.set_rows(sorted(area.attachments, key=lambda a: a.added_on))
        self.table.fit_columns()
        if not area.evaluations:
            self.text.setPlainText(
                self.tr("Der er ikke modtaget en evaluering fra lokalområdet endnu.")
            )
            return
        parts = []
        for e in sorted(area.evaluations, key=lambda e: e.received_on):
            parts.append(f"<h3>{self.tr('Modtaget {0}').format(short(e.received_on))}</h3>")
            if e.summary:
                parts.append(f"<p>{_html(e.summary)}</p>")
            figures = self.tr(
                "Aktiviteter: {0} · deltagere: {1} · frivillige: {2} · nye samarbejdspartnere: "
                "{3} · forbrug: {4}"
            ).format(
                e.activities_held,
                e.participants_total,
                e.volunteers,
                e.new_partners,
                format_kr(e.declared_spending_ore),
            )
            parts.append(f"<p>{_html(figures)}</p>")
            for answer in sorted(e.answers, key=lambda a: list(CoreElement).index(a.element)):
                label = self.tr(CORE_ELEMENT_LABELS[answer.element])
                parts.append(f"<p><b>{_html(label)}</b><br>{_html(answer.answer)}</p>")
        self.text.setHtml("".join(parts))

    def add_attachment(self) -> None:
        if self.area is None:
            return
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Tilføj bilag til {0}").format(self.area.name)
        )
        if name:
            area_id = self.area.id
            self.call(lambda: evaluations.add_attachment(self.ctx.db, area_id, Path(name)) and None)

    def open_attachment(self) -> None:
        attachment = self.table.current_record()
        if attachment is None:
            return
        # Checked first: a path that leads out of the attachment store is never opened.
        if not evaluations.verify_attachment(self.ctx.db, attachment):
            QMessageBox.warning(
                self,
                self.tr("Filen mangler"),
                self.tr(
                    "Bilaget findes ikke længere i bilagsmappen, det er ændret, eller det "
                    "peger uden for bilagsmappen:\n{0}"
                ).format(attachment.filename),
            )
            return
        path = evaluations.attachment_path(self.ctx.db, attachment)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def delete_attachment(self) -> None:
        attachment = self.table.current_record()
        if attachment is not None:
            label = self.tr("bilaget «{0}»").format(attachment.filename)
            confirm_and_delete(self.ctx, self, Attachment, attachment.id, label)


def _html(text: str) -> str:
    return escape(text).replace("\n", "<br>")


class HistorySection(Section):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        t = self.tr
        self.model: RecordTableModel[HistoryLine] = RecordTableModel(
            [
                Column(
                    t("Tidspunkt"),
                    lambda h: date_time(local_time(h.at)),
                    lambda h: h.at.timestamp(),
                ),
                Column(t("Bruger"), lambda h: h.user),
                Column(t("Ændring"), lambda h: h.text, tooltip=lambda h: h.text),
            ],
            lambda h: 0,
        )
        self.table = RecordTable(self.model)
        self.table.setAccessibleName(self.tr("Historik"))
        QVBoxLayout(self).addWidget(self.table)

    def load(self, area: Area) -> None:
        super().load(area)
        self.model.set_rows(area_history.area_history(self.ctx.db, area.id))
        self.table.fit_columns(max_width=200)
