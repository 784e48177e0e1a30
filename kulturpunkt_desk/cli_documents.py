"""Sub-commands that make documents: agreements, the status summary, the evaluation report
and an area's dossier.

    kulturpunkt-desk agreement --db PATH (--area NAME | --all) --out PATH [--combined] [--draft]
    kulturpunkt-desk export status --db PATH --out FILE      (.pdf, .csv or .xlsx)
    kulturpunkt-desk export evaluation --db PATH --out FILE.pdf
    kulturpunkt-desk dossier --db PATH --area NAME --out FILE.zip
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from kulturpunkt_desk.cli_parser import add_out_option

if TYPE_CHECKING:
    from kulturpunkt_desk.domain.services.agreement_rule import LeftOut
    from kulturpunkt_desk.storage.engine import Database


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    agreement = sub.add_parser(
        "agreement", parents=[common], help="udskriv samarbejdsaftaler som PDF"
    )
    which = agreement.add_mutually_exclusive_group(required=True)
    which.add_argument("--area", metavar="NAVN", help="ét lokalområde (navnet)")
    which.add_argument("--all", action="store_true", help="alle udvalgte lokalområder")
    add_out_option(
        agreement,
        "PDF-filen; med --all en mappe (én PDF pr. lokalområde) eller med --combined én PDF",
        suffixes=(".pdf",),
        folder_when=lambda args: bool(args.all) and not args.combined,
        accepts_folder=True,
    )
    agreement.add_argument(
        "--combined", action="store_true", help="med --all: alle aftaler i én PDF til udskrift"
    )
    agreement.add_argument(
        "--draft",
        action="store_true",
        help="et udkast med UDKAST på hver side for et område, der endnu ikke kan få en aftale",
    )
    agreement.set_defaults(handler=cmd_agreement)

    export = sub.add_parser("export", help="gem statusoverblik eller evalueringsrapport")
    what = export.add_subparsers(dest="what", metavar="HVAD", required=True)
    status = what.add_parser(
        "status", parents=[common], help="statusoverblik til ledelsen (.pdf, .csv eller .xlsx)"
    )
    add_out_option(
        status, "filen; .pdf, .csv (dansk Excel) eller .xlsx", suffixes=(".pdf", ".csv", ".xlsx")
    )
    status.set_defaults(handler=cmd_export_status)
    evaluation = what.add_parser(
        "evaluation", parents=[common], help="udkast til evalueringsrapport (.pdf)"
    )
    add_out_option(evaluation, "PDF-filen", suffixes=(".pdf",))
    evaluation.set_defaults(handler=cmd_export_evaluation)

    dossier = sub.add_parser(
        "dossier", parents=[common], help="revisionsmappe for ét lokalområde (.zip)"
    )
    dossier.add_argument("--area", required=True, metavar="NAVN", help="lokalområdets navn")
    add_out_option(dossier, "ZIP-filen", suffixes=(".zip",))
    dossier.set_defaults(handler=cmd_dossier)


def _with_programme(
    args: argparse.Namespace, work: Callable[[Database, int], int], *, writes: bool = False
) -> int:
    """Open the database (cli.open_session: checks, lock or read-only beside an open desk),
    find the current programme and run `work`; always close. A command that `writes` is
    refused beside an open desk instead of reading read-only."""
    from kulturpunkt_desk.cli import open_session
    from kulturpunkt_desk.domain.errors import DeskError
    from kulturpunkt_desk.domain.services import programmes

    session = open_session(args, writes=writes)
    db = session.db
    try:
        programme = programmes.current_programme(db)
        if programme is None:
            raise DeskError("Databasen har intet program endnu. Opret et med `init`.")
        return work(db, programme.id)
    finally:
        session.close()


def cmd_agreement(args: argparse.Namespace) -> int:
    from kulturpunkt_desk.documents.agreement import (
        render_agreement,
        render_all_agreements,
        suggested_file_name,
    )
    from kulturpunkt_desk.domain.errors import DeskError
    from kulturpunkt_desk.domain.services import areas
    from kulturpunkt_desk.domain.services.agreement_rule import agreement_candidates

    def work(db: Database, programme_id: int) -> int:
        out = Path(args.out)
        if args.area:
            if args.combined:
                raise DeskError("--combined hører sammen med --all.")
            area = areas.find_area(db, programme_id, args.area)
            if out.is_dir() or not out.suffix:
                out = out / suggested_file_name(db, area.id, draft=args.draft)
            written = [render_agreement(db, area.id, out, draft=args.draft)]
        else:
            written = render_all_agreements(
                db, programme_id, out, combined=args.combined, drafts=args.draft
            )
        for path in written:
            print(f"Gemt: {path}")
        if not args.area:
            _print_left_out(agreement_candidates(db, programme_id).left_out, args.draft)
        return 0

    return _with_programme(args, work)


def _print_left_out(left_out: list[LeftOut], drafts: bool) -> None:
    """Which areas got no agreement, and why (with --draft: which got a draft instead)."""
    for area in left_out:
        if drafts and not area.declined:
            print(f"Udkast: {area.reason}")
        else:
            print(f"Udeladt: {area.reason}")


def cmd_export_status(args: argparse.Namespace) -> int:
    from kulturpunkt_desk.documents.status_summary import export_status

    def work(db: Database, programme_id: int) -> int:
        print(f"Gemt: {export_status(db, programme_id, Path(args.out))}")
        return 0

    return _with_programme(args, work)


def cmd_export_evaluation(args: argparse.Namespace) -> int:
    from kulturpunkt_desk.documents.evaluation_report import render_evaluation_report
    from kulturpunkt_desk.domain.errors import DeskError

    def work(db: Database, programme_id: int) -> int:
        if Path(args.out).suffix.lower() != ".pdf":
            raise DeskError("Evalueringsrapporten gemmes som PDF: giv en fil, der ender på .pdf.")
        print(f"Gemt: {render_evaluation_report(db, programme_id, Path(args.out))}")
        return 0

    return _with_programme(args, work)


def cmd_dossier(args: argparse.Namespace) -> int:
    from kulturpunkt_desk.documents.dossier import build_dossier
    from kulturpunkt_desk.domain.services import areas

    def work(db: Database, programme_id: int) -> int:
        area = areas.find_area(db, programme_id, args.area)
        print(f"Gemt: {build_dossier(db, area.id, Path(args.out))}")
        return 0

    return _with_programme(args, work)
