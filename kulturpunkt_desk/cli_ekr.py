"""Sub-commands for Europæisk Kulturregion (EKR), the standing partnership beside Kulturpunkt.

kulturpunkt-desk ekr setup --db PATH                       opret partnerskabet
kulturpunkt-desk ekr year --db PATH --year YYYY            opret et budgetår
kulturpunkt-desk ekr population --db PATH --year YYYY --csv FIL [--basis-date DATO] [--period P]
kulturpunkt-desk ekr invoice --db PATH --year YYYY --date DATO [--due DATO]
kulturpunkt-desk ekr pay --db PATH --year YYYY --member NAVN --date DATO
kulturpunkt-desk ekr unpaid --db PATH --year YYYY
kulturpunkt-desk ekr contributions --db PATH --year YYYY --out FIL  (.pdf, .csv, .xlsx)
kulturpunkt-desk ekr letters --db PATH --year YYYY --out MAPPE
kulturpunkt-desk ekr propose-wheel --db PATH --year YYYY [--save]
kulturpunkt-desk ekr yearwheel --db PATH --year YYYY --out FIL.ics
kulturpunkt-desk ekr status --db PATH --year YYYY --out FIL.pdf
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kulturpunkt_desk.cli_parser import add_out_option
from kulturpunkt_desk.cli_parser import date_argument as _date
from kulturpunkt_desk.domain.danish import count

if TYPE_CHECKING:
    from kulturpunkt_desk.storage.engine import Database

Work = Callable[["Database", int, argparse.Namespace], int]


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    ekr = sub.add_parser("ekr", help="Europæisk Kulturregion: bidrag, årshjul og status")
    what = ekr.add_subparsers(dest="ekr_command", metavar="HVAD", required=True)

    def command(
        name: str, help_text: str, work: Work, *, year: bool = True, writes: bool = True
    ) -> Any:
        parser = what.add_parser(name, parents=[common], help=help_text)
        if year:
            parser.add_argument(
                "--year", type=int, required=True, metavar="ÅÅÅÅ", help="året, fx 2026"
            )
        parser.set_defaults(handler=lambda args: _with_partnership(args, work, writes))
        return parser

    command("setup", "opret partnerskabet med region, 19 kommuner og CDEU", _setup, year=False)
    year = command("year", "opret et budgetår (nøgle og ramme kopieres fra året før)", _year)
    year.add_argument(
        "--basis-date", type=_date, metavar="DATO", help="indbyggertallenes opgørelsesdato"
    )
    population = command(
        "population", "indlæs indbyggertal fra Danmarks Statistik (CSV)", _population
    )
    population.add_argument(
        "--csv", type=Path, required=True, metavar="FIL", help="CSV-filen fra Danmarks Statistik"
    )
    population.add_argument(
        "--basis-date", type=_date, metavar="DATO", help="indbyggertallenes opgørelsesdato"
    )
    population.add_argument(
        "--period", metavar="PERIODE", help="fx 2017K4, når filen har flere perioder"
    )
    invoice = command("invoice", "fakturér årets bidrag (låser nøgle og ramme)", _invoice)
    invoice.add_argument(
        "--date", type=_date, required=True, metavar="DATO", help="fakturadatoen, fx 15.01.2026"
    )
    invoice.add_argument("--due", type=_date, metavar="DATO", help="standard: 31. marts")
    pay = command("pay", "registrér en kommunes betaling", _pay)
    pay.add_argument("--member", required=True, metavar="NAVN", help="kommunens navn")
    pay.add_argument("--date", type=_date, required=True, metavar="DATO", help="betalingsdatoen")
    command("unpaid", "vis hvem der ikke har betalt efter første kvartal", _unpaid, writes=False)
    contributions = command(
        "contributions",
        "bidragstabel for et år (.pdf, .csv eller .xlsx)",
        _contributions,
        writes=False,
    )
    add_out_option(
        contributions,
        "filen; .pdf, .csv (dansk Excel) eller .xlsx",
        suffixes=(".pdf", ".csv", ".xlsx"),
    )
    letters = command("letters", "bidragsbreve som PDF, ét pr. kommune", _letters, writes=False)
    add_out_option(letters, "mappen til brevene (oprettes om nødvendigt)", folder=True)
    propose = command("propose-wheel", "foreslå årshjulet ud fra værtsrotationen", _propose)
    propose.add_argument("--save", action="store_true", help="gem forslaget som årets årshjul")
    wheel = command(
        "yearwheel", "årshjulet som kalenderfil til Outlook (.ics)", _yearwheel, writes=False
    )
    add_out_option(wheel, "kalenderfilen (.ics)", suffixes=(".ics",))
    status = command("status", "statusoverblik til direktørmødet (.pdf)", _status, writes=False)
    add_out_option(status, "PDF-filen", suffixes=(".pdf",))


def _with_partnership(args: argparse.Namespace, work: Work, writes: bool) -> int:
    """Open the database, find the partnership (set it up for `setup`), run `work`, close.

    Through the desk's one start-up path (cli.open_session): checks, lock, schema."""
    from kulturpunkt_desk.cli import open_session
    from kulturpunkt_desk.domain.errors import DeskError
    from kulturpunkt_desk.domain.services import ekr_partnership

    session = open_session(args, writes=writes, create=work is _setup)
    db = session.db
    try:
        partnership = ekr_partnership.current_partnership(db)
        if work is _setup:
            return _setup(db, partnership.id if partnership else 0, args)
        if partnership is None:
            raise DeskError("Databasen har intet EKR-partnerskab. Opret det med `ekr setup`.")
        return work(db, partnership.id, args)
    finally:
        session.close()


def _setup(db: Database, existing: int, args: argparse.Namespace) -> int:
    from kulturpunkt_desk.domain.services.ekr_setup import establish_ekr

    if existing:
        print("Partnerskabet findes allerede; intet er ændret.")
        return 1
    establish_ekr(db)
    print("Oprettede Europæisk Kulturregion med Region Midtjylland, 19 kommuner og CDEU.")
    return 0


def _year(db: Database, pid: int, args: argparse.Namespace) -> int:
    from kulturpunkt_desk.domain.money import format_kr
    from kulturpunkt_desk.domain.services import ekr_funding

    ekr_funding.create_funding_year(db, pid, args.year, args.basis_date)
    table = ekr_funding.contributions_table(db, pid, args.year)
    print(f"Oprettede budgetåret {args.year} med en ramme på {format_kr(table.frame_ore)}")
    return 0


def _population(db: Database, pid: int, args: argparse.Namespace) -> int:
    from kulturpunkt_desk.domain.errors import DeskError
    from kulturpunkt_desk.domain.services import ekr_frame_rule, ekr_funding
    from kulturpunkt_desk.domain.services.ekr_population_csv import decode, file_periods

    fy = ekr_funding.funding_year_id(db, pid, args.year)
    text = decode(Path(args.csv).read_bytes())
    periods = file_periods(text)
    if args.period is None and len(periods) > 1:
        raise DeskError(
            f"Filen har tal for flere perioder ({', '.join(periods)}); vælg én med --period."
        )
    result = ekr_funding.import_populations(db, fy, text, args.basis_date, args.period)
    print(f"Indlæste indbyggertal for {count(len(result.figures), 'kommune')} ({result.column}).")
    for name in result.unknown_names:
        print(f"Ukendt kommune (sprunget over): {name}")
    for name in result.missing_names:
        print(f"Filen mangler: {name}")
    for name in ekr_funding.contributions_table(db, pid, args.year).missing_population:
        print(f"Mangler stadig indbyggertal: {name}")
    rule = ekr_frame_rule.frame_rule(db, pid, args.year)
    if rule is not None:
        print(rule.summary)
        if rule.warning:
            print(f"Advarsel: {rule.warning}")
    return 0


def _invoice(db: Database, pid: int, args: argparse.Namespace) -> int:
    from kulturpunkt_desk.domain.services import ekr_funding

    ekr_funding.invoice_year(
        db, ekr_funding.funding_year_id(db, pid, args.year), args.date, args.due
    )
    print(f"Bidragene for {args.year} er faktureret; nøgle og ramme for året er nu låst.")
    return 0


def _pay(db: Database, pid: int, args: argparse.Namespace) -> int:
    from kulturpunkt_desk.domain.errors import DeskError
    from kulturpunkt_desk.domain.services import ekr_funding

    wanted = args.member.strip().casefold()
    rows = ekr_funding.contributions_table(db, pid, args.year).rows
    row = next((r for r in rows if r.name.casefold() in (wanted, f"{wanted} kommune")), None)
    if row is None or row.contribution_id is None:
        raise DeskError(f"Ingen bidrag for «{args.member}» i {args.year}.")
    ekr_funding.record_payment(db, row.contribution_id, args.date)
    print(f"Registrerede betaling fra {row.name}.")
    return 0


def _unpaid(db: Database, pid: int, args: argparse.Namespace) -> int:
    from kulturpunkt_desk.domain.dates import short_date
    from kulturpunkt_desk.domain.money import format_kr
    from kulturpunkt_desk.domain.services import ekr_funding

    late = ekr_funding.unpaid_after_quarter(db, pid, args.year)
    for row in late:
        print(f"{row.name}: {format_kr(row.amount_ore)} (forfaldt {short_date(row.due_on)})")
    if not late:
        print("Ingen kommuner mangler at betale efter første kvartal.")
    return 0


def _contributions(db: Database, pid: int, args: argparse.Namespace) -> int:
    from kulturpunkt_desk.documents.ekr_contributions import export_contributions

    print(f"Gemte {export_contributions(db, pid, args.year, args.out)}")
    return 0


def _letters(db: Database, pid: int, args: argparse.Namespace) -> int:
    from kulturpunkt_desk.documents.ekr_letters import render_all_letters
    from kulturpunkt_desk.domain.errors import DeskError
    from kulturpunkt_desk.domain.services import ekr_funding

    rows = ekr_funding.contributions_table(db, pid, args.year).rows
    if not any(row.contribution_id is not None for row in rows):
        raise DeskError(f"Der er ingen bidrag for {args.year} at skrive breve om; intet er gemt.")
    paths = render_all_letters(db, pid, args.year, args.out)
    print(f"Gemte {len(paths)} bidragsbreve i {args.out}")
    return 0


def _propose(db: Database, pid: int, args: argparse.Namespace) -> int:
    from kulturpunkt_desk.domain.dates import short_date
    from kulturpunkt_desk.domain.services import ekr_partnership, ekr_wheel

    proposal = ekr_wheel.propose_wheel(db, pid, args.year)
    names = {m.id: m.name for m in ekr_partnership.list_members(db, pid)}
    for m in proposal:
        print(f"{short_date(m.held_on)}  {m.title}  (vært: {names.get(m.host_id or 0, '-')})")
    if args.save:
        ekr_wheel.create_wheel(db, pid, args.year, proposal)
        print(f"Gemte årshjulet for {args.year}; justér det i Kulturpunkt Desk.")
    return 0


def _yearwheel(db: Database, pid: int, args: argparse.Namespace) -> int:
    from kulturpunkt_desk.documents.ekr_calendar import write_wheel_calendar
    from kulturpunkt_desk.domain.errors import DeskError
    from kulturpunkt_desk.domain.services import ekr_wheel

    if not ekr_wheel.list_wheel(db, pid, args.year):
        raise DeskError(
            f"Årshjulet for {args.year} har ingen møder; intet er gemt. "
            "Foreslå det med `ekr propose-wheel --save`."
        )
    print(f"Gemte {write_wheel_calendar(db, pid, args.year, args.out)}")
    return 0


def _status(db: Database, pid: int, args: argparse.Namespace) -> int:
    from kulturpunkt_desk.documents.ekr_status import render_status_summary

    print(f"Gemte {render_status_summary(db, pid, args.year, args.out)}")
    return 0
