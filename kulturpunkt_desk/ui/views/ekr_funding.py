"""EKR money per year: the distribution key, each municipality's contribution, invoicing
and payments ("registrér betaling"), who has not paid after the first quarter, and the
year's documents (contributions table, letters, status summary)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kulturpunkt_desk.domain.danish import count
from kulturpunkt_desk.domain.dates import long_date, short_date
from kulturpunkt_desk.domain.money import format_kr, parse_kr
from kulturpunkt_desk.domain.services import ekr_frame_rule, ekr_funding
from kulturpunkt_desk.domain.services.ekr_funding import ContributionRow, ContributionTable
from kulturpunkt_desk.domain.services.ekr_population_csv import decode, file_periods

from .. import palette, preferences
from ..context import DeskContext
from ..documents_actions import ask_save_path, documents_folder, make_document, open_document
from ..failure import told_on_failure
from ..models.record_table import WARNING_COLOUR, Column, RecordTableModel
from ..payment_questions import confirm_cancelling, confirm_paying_again
from ..widgets.fields import DateField
from ..widgets.record_table import RecordTable
from .ekr_common import EkrTab


def _state(row: ContributionRow) -> str:
    from kulturpunkt_desk.documents.ekr_contributions import payment_state

    return payment_state(row)


class FundingTab(EkrTab):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.table_data: ContributionTable | None = None
        self.year = QComboBox()
        self.year.currentIndexChanged.connect(lambda _i: self._load_year())
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.rule_label = QLabel()
        self.rule_label.setWordWrap(True)
        self.rule_label.setAccessibleName(self.tr("Fordelingsreglen"))
        self.late_label = QLabel()
        self.late_label.setStyleSheet(palette.style(palette.WARNING))
        self.late_label.setWordWrap(True)
        self.model: RecordTableModel[ContributionRow] = RecordTableModel(
            [
                Column(self.tr("Kommune"), lambda r: r.name),
                Column(
                    self.tr("Indbyggere"),
                    lambda r: "" if r.population is None else f"{r.population:,}".replace(",", "."),
                    lambda r: r.population,
                    right=True,
                ),
                Column(
                    self.tr("Bidrag"),
                    lambda r: format_kr(r.amount_ore),
                    lambda r: r.amount_ore,
                    True,
                ),
                Column(
                    self.tr("Faktureret"),
                    lambda r: short_date(r.invoiced_on),
                    lambda r: r.invoiced_on,
                ),
                Column(self.tr("Forfald"), lambda r: short_date(r.due_on), lambda r: r.due_on),
                Column(self.tr("Betalt"), lambda r: short_date(r.paid_on), lambda r: r.paid_on),
                Column(
                    self.tr("Status"),
                    lambda r: self.tr(_state(r)),
                    colour=lambda r: WARNING_COLOUR if r.overdue else None,
                ),
            ],
            lambda r: r.member_id,
        )
        self.table = RecordTable(self.model)
        self.table.setAccessibleName(self.tr("Bidrag"))

        self.on_date = DateField()
        self.on_date.setAccessibleName(self.tr("Dato"))
        self.pay_button = QPushButton(self.tr("Registrér betaling"))
        self.pay_button.clicked.connect(self.register_payment)
        self.undo_pay_button = QPushButton(self.tr("Fortryd betaling"))
        self.undo_pay_button.clicked.connect(self.undo_payment)
        self.invoice_button = QPushButton(self.tr("Fakturér året"))
        self.invoice_button.clicked.connect(self.invoice)
        self.frame_button = QPushButton(self.tr("Ret ramme…"))
        self.frame_button.clicked.connect(self.edit_frame)
        self.population_button = QPushButton(self.tr("Ret indbyggertal…"))
        self.population_button.clicked.connect(self.edit_population)
        self.import_button = QPushButton(self.tr("Indlæs indbyggertal…"))
        self.import_button.clicked.connect(self.import_population)
        self.new_year_button = QPushButton()
        self.new_year_button.clicked.connect(self.new_year)
        self.export_button = QPushButton(self.tr("Gem bidragstabel…"))
        self.export_button.clicked.connect(self.export_table)
        self.letters_button = QPushButton(self.tr("Bidragsbreve…"))
        self.letters_button.clicked.connect(self.make_letters)
        self.status_button = QPushButton(self.tr("Statusoverblik til direktørmødet…"))
        self.status_button.clicked.connect(self.make_status)

        # Three short rows rather than one long one: the view must fit a laptop's half screen.
        top = QHBoxLayout()
        year_label = QLabel(self.tr("&År"))
        year_label.setBuddy(self.year)
        top.addWidget(year_label)
        top.addWidget(self.year)
        top.addWidget(self.new_year_button)
        top.addStretch(1)
        actions = QGridLayout()
        actions.addWidget(QLabel(self.tr("Dato")), 0, 0)
        actions.addWidget(self.on_date, 0, 1)
        actions.addWidget(self.pay_button, 0, 2)
        actions.addWidget(self.undo_pay_button, 0, 3)
        actions.addWidget(self.invoice_button, 0, 4)
        actions.addWidget(self.population_button, 1, 2)
        actions.addWidget(self.import_button, 1, 3)
        actions.addWidget(self.frame_button, 1, 4)
        actions.setColumnStretch(5, 1)
        documents = QHBoxLayout()
        for button in (self.export_button, self.letters_button, self.status_button):
            documents.addWidget(button)
        documents.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.rule_label)
        layout.addWidget(self.late_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addLayout(documents)

    # --- loading --------------------------------------------------------------------------

    def reload(self) -> None:
        chosen = self.year.currentData()
        years = [fy.year for fy in ekr_funding.list_funding_years(self.ctx.db, self.partnership_id)]
        self.year.blockSignals(True)
        self.year.clear()
        for year in years:
            self.year.addItem(str(year), year)
        wanted = (
            chosen
            if chosen in years
            else (date.today().year if date.today().year in years else None)
        )
        self.year.setCurrentIndex(years.index(wanted) if wanted in years else len(years) - 1)
        self.year.blockSignals(False)
        next_year = (max(years) + 1) if years else date.today().year
        self.new_year_button.setText(self.tr("Nyt budgetår {0}").format(next_year))
        self.new_year_button.setProperty("year", next_year)
        self._load_year()

    def _load_year(self) -> None:
        year = self.year.currentData()
        keep = self.table.keep_selection()
        if year is None:
            self.table_data = None
            self.model.set_rows([])
            self.summary.setText(self.tr("Der er intet budgetår endnu."))
            self.late_label.hide()
            return
        t = ekr_funding.contributions_table(self.ctx.db, self.partnership_id, int(year))
        self.table_data = t
        self.model.set_rows(t.rows)
        self.table.fit_columns()
        self.table.restore_selection(keep)
        basis = (
            self.tr(", indbyggertal pr. {0}").format(long_date(t.basis_date))
            if t.basis_date
            else ""
        )
        state = (
            self.tr("Faktureret {0}; nøgle og ramme er låst.").format(short_date(t.invoiced_on))
            if t.invoiced_on
            else self.tr("Ikke faktureret endnu.")
        )
        self.summary.setText(
            " · ".join(
                [
                    self.tr("Kommunernes ramme {0}{1}").format(format_kr(t.frame_ore), basis),
                    self.tr("{0} medfinansierer med {1}").format(
                        t.region_name, format_kr(t.region_match_ore)
                    ),
                    self.tr("Budget {0}").format(format_kr(t.budget_ore)),
                    self.tr("Betalt {0}").format(format_kr(t.paid_ore)),
                ]
            )
            + "\n"
            + state
            + (f"\n{t.note}" if t.note else "")
        )
        self._show_rule(int(year))
        late = [r.name for r in t.rows if r.overdue]
        self.late_label.setText(
            self.tr("Ikke betalt efter første kvartal: {0}").format(", ".join(late))
        )
        self.late_label.setVisible(bool(late))
        self.invoice_button.setEnabled(t.invoiced_on is None)
        self.population_button.setEnabled(t.invoiced_on is None)
        self.frame_button.setEnabled(t.invoiced_on is None)
        self.import_button.setEnabled(t.invoiced_on is None)

    def _show_rule(self, year: int) -> None:
        """The rule of 1 kr. per inhabitant less about 1 %: rate, difference, warning."""
        rules = ekr_frame_rule.frame_rules(self.ctx.db, self.partnership_id)
        rule = next((r for r in rules if r.year == year), None)
        if rule is None:
            self.rule_label.hide()
            return
        # Every year's rate on hover; the chosen year's in the label.
        self.rule_label.setToolTip("\n".join(r.summary for r in rules))
        text = self.tr("Fordelingsregel: {0}").format(rule.summary)
        if rule.warning:
            # Said in words ("Advarsel"), not by colour alone.
            text += "\n" + self.tr("Advarsel: {0}").format(rule.warning)
            self.rule_label.setStyleSheet(palette.style(palette.WARNING))
        else:
            self.rule_label.setStyleSheet("")
        self.rule_label.setText(text)
        self.rule_label.show()

    def current_row(self) -> ContributionRow | None:
        row = self.table.current_record()
        return row if isinstance(row, ContributionRow) else None

    # --- actions ----------------------------------------------------------------------------

    def _run(self, action: Callable[[], object], done: str) -> None:
        with told_on_failure(self.message.error) as outcome:
            action()
        if outcome.failed:
            return
        self.message.info(done)

    def register_payment(self) -> None:
        row = self.current_row()
        if row is None or row.contribution_id is None:
            self.message.error(self.tr("Vælg den kommune, der har betalt."))
            return
        cid, paid_on = row.contribution_id, self.on_date.required_value()
        what = self.tr("Bidraget fra {0}").format(row.name)
        if row.paid_on is not None and not confirm_paying_again(self, what, row.paid_on):
            return
        self._run(
            lambda: ekr_funding.record_payment(self.ctx.db, cid, paid_on),
            self.tr("Betaling fra {0} registreret {1}.").format(row.name, short_date(paid_on)),
        )

    def undo_payment(self) -> None:
        row = self.current_row()
        if row is None or row.contribution_id is None:
            return
        cid = row.contribution_id
        if not confirm_cancelling(
            self, self.tr("bidraget fra {0}").format(row.name), row.amount_ore
        ):
            return
        self._run(
            lambda: ekr_funding.undo_payment(self.ctx.db, cid),
            self.tr("Betalingen fra {0} er fjernet.").format(row.name),
        )

    def invoice(self) -> None:
        if self.table_data is None:
            return
        fy, when = self.table_data.funding_year_id, self.on_date.required_value()
        self._run(
            lambda: ekr_funding.invoice_year(self.ctx.db, fy, when),
            self.tr("Året er faktureret; nøgle og ramme er nu låst."),
        )

    def new_year(self) -> None:
        year = int(self.new_year_button.property("year"))
        self._run(
            lambda: ekr_funding.create_funding_year(self.ctx.db, self.partnership_id, year),
            self.tr("Budgetåret {0} er oprettet med sidste års nøgle og standardrammen.").format(
                year
            ),
        )
        self.year.setCurrentIndex(self.year.findData(year))

    def edit_population(self) -> None:
        row = self.current_row()
        if row is None or self.table_data is None:
            return
        value, ok = QInputDialog.getInt(
            self, self.tr("Indbyggertal"), row.name, row.population or 0, 0, 10_000_000
        )
        if ok:
            fy = self.table_data.funding_year_id
            self._run(
                lambda: ekr_funding.set_populations(self.ctx.db, fy, {row.member_id: value}),
                self.tr("Indbyggertallet for {0} er rettet.").format(row.name),
            )

    def edit_frame(self) -> None:
        if self.table_data is None:
            return
        text, ok = QInputDialog.getText(
            self,
            self.tr("Kommunernes ramme"),
            self.tr("Ramme for {0} (kr.)").format(self.table_data.year),
            text=format_kr(self.table_data.frame_ore).removesuffix(" kr."),
        )
        if ok:
            self.set_frame(text)

    def set_frame(self, text: str) -> None:
        """Set the year's frame from Danish text ("1.300.000"); shares follow at once."""
        if self.table_data is None:
            return
        fy = self.table_data.funding_year_id
        self._run(
            lambda: ekr_funding.set_frame(self.ctx.db, fy, parse_kr(text, "frame_ore", "Ramme")),
            self.tr("Rammen er rettet; bidragene er fordelt igen."),
        )

    def import_population(self) -> None:
        if self.table_data is None:
            return
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Indbyggertal fra Danmarks Statistik"),
            "",
            self.tr("CSV-filer (*.csv *.txt)"),
        )
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path, period: str | None = None) -> None:
        """Read the file; when it holds several periods, ask which (or take `period`)."""
        if self.table_data is None:
            return
        fy = self.table_data.funding_year_id
        with told_on_failure(self.message.error) as outcome:
            text = decode(path.read_bytes())
            periods = file_periods(text)
            if period is None and len(periods) > 1:
                period, ok = QInputDialog.getItem(
                    self,
                    self.tr("Vælg periode"),
                    self.tr("Filen har tal for flere perioder. Hvilken skal bruges?"),
                    periods,
                    0,
                    False,
                )
                if not ok:
                    return
            result = ekr_funding.import_populations(self.ctx.db, fy, text, period=period)
        if outcome.failed:
            return
        text = self.tr("Indlæste indbyggertal for {0} ({1}).").format(
            count(len(result.figures), "kommune"), result.column
        )
        if result.unknown_names:
            text += " " + self.tr("Ukendte navne sprunget over: {0}.").format(
                ", ".join(result.unknown_names)
            )
        if result.missing_names:
            text += " " + self.tr("Filen mangler: {0}.").format(", ".join(result.missing_names))
        self.message.info(text)

    def export_table(self) -> None:
        from kulturpunkt_desk.documents.ekr_contributions import export_contributions

        year = self.year.currentData()
        if year is None:
            return
        path = ask_save_path(
            self,
            self.tr("Gem bidragstabel"),
            f"Bidrag {year}.xlsx",
            self.tr("Excel (*.xlsx);;CSV (*.csv);;PDF (*.pdf)"),
        )
        if path and make_document(
            self, lambda: export_contributions(self.ctx.db, self.partnership_id, int(year), path)
        ):
            open_document(path)

    def make_letters(self) -> None:
        from kulturpunkt_desk.documents.ekr_letters import render_all_letters

        year = self.year.currentData()
        if year is None:
            return
        start = preferences.start_folder(documents_folder())  # the folder used last
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Mappe til bidragsbrevene"), str(start)
        )
        if folder:
            preferences.remember_folder(Path(folder))
        if folder and make_document(
            self,
            lambda: render_all_letters(self.ctx.db, self.partnership_id, int(year), Path(folder))[
                0
            ],
        ):
            open_document(Path(folder))

    def make_status(self) -> None:
        from kulturpunkt_desk.documents.ekr_status import render_status_summary

        year = self.year.currentData() or date.today().year
        path = ask_save_path(
            self, self.tr("Gem statusoverblik"), f"EKR status {year}.pdf", self.tr("PDF (*.pdf)")
        )
        if path and make_document(
            self, lambda: render_status_summary(self.ctx.db, self.partnership_id, int(year), path)
        ):
            open_document(path)
