"""Sub-commands for personal data, so the whole GDPR flow can be scripted.

    kulturpunkt-desk person export --db PATH --person NAVN --out FIL   (.json or .pdf)
    kulturpunkt-desk person anonymise --db PATH --person NAVN [--delete-attachments]
    kulturpunkt-desk retention --db PATH [--date DATO]

`person anonymise` exits 0 only when the file holds no trace of the person any more; while
another desk keeps the -wal busy (or a trace is left) it says so and exits 1.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from kulturpunkt_desk.cli_parser import add_out_option
from kulturpunkt_desk.cli_parser import date_argument as _date

if TYPE_CHECKING:
    from kulturpunkt_desk.domain.models import Person
    from kulturpunkt_desk.storage.engine import Database


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    person = sub.add_parser("person", help="én persons oplysninger: indsigt og anonymisering")
    what = person.add_subparsers(dest="person_command", metavar="HVAD", required=True)
    export = what.add_parser(
        "export",
        parents=[common],
        help="alt, hvad Kulturpunkt Desk har om personen (.json eller .pdf)",
    )
    export.add_argument("--person", required=True, metavar="NAVN", help="personens fulde navn")
    add_out_option(export, "filen; .json (maskinlæsbar) eller .pdf", suffixes=(".json", ".pdf"))
    export.set_defaults(handler=cmd_export)
    anonymise = what.add_parser(
        "anonymise", parents=[common], help="slet personens oplysninger for altid"
    )
    anonymise.add_argument("--person", required=True, metavar="NAVN", help="personens fulde navn")
    anonymise.add_argument(
        "--delete-attachments",
        action="store_true",
        help="slet også de bilag, der nævner personen (ellers beholdes og nævnes de)",
    )
    anonymise.set_defaults(handler=cmd_anonymise)
    keep = sub.add_parser(
        "retention", parents=[common], help="personer, hvis slettefrist er udløbet"
    )
    keep.add_argument(
        "--date", type=_date, metavar="DATO", help="opgørelsesdagen (standard: i dag)"
    )
    keep.set_defaults(handler=cmd_retention)


def _find_person(db: Database, name: str) -> Person:
    from kulturpunkt_desk.domain.errors import NotFoundError
    from kulturpunkt_desk.domain.services import people

    wanted = " ".join(name.split()).casefold()
    found = [p for p in people.list_people(db, name.strip()) if p.name.casefold() == wanted]
    if not found:
        raise NotFoundError(f"--person: ingen person hedder «{name}».")
    if len(found) > 1:
        raise NotFoundError(
            f"--person: {len(found)} personer hedder «{name}»; ret det i Kulturpunkt Desk."
        )
    return found[0]


def cmd_export(args: argparse.Namespace) -> int:
    from kulturpunkt_desk.cli import resolve_db
    from kulturpunkt_desk.domain.services.personal_data import export_person_json
    from kulturpunkt_desk.storage.startup import start_desk

    session = start_desk(resolve_db(args), create=False, read_only=True)
    try:
        person = _find_person(session.db, args.person)
        out = Path(args.out)
        if out.suffix.lower() == ".pdf":
            from kulturpunkt_desk.documents.person_export import write_person_pdf

            write_person_pdf(session.db, person.id, out)
        else:
            export_person_json(session.db, person.id, out)
        print(f"Gemt: {out}")
        return 0
    finally:
        session.close()


def cmd_anonymise(args: argparse.Namespace) -> int:
    from kulturpunkt_desk.cli import resolve_db
    from kulturpunkt_desk.domain.services import personal_data
    from kulturpunkt_desk.storage.startup import start_desk

    session = start_desk(resolve_db(args), create=False)
    try:
        person = _find_person(session.db, args.person)
        result = personal_data.anonymise_person(session.db, person.id)
        print(
            f"{args.person} er anonymiseret: {result.records_scrubbed} andre poster og "
            f"{result.audit_entries_scrubbed} linjer i ændringsloggen er renset."
        )
        for mention in result.attachments:
            print(f"Bilag der nævner personen: {mention.filename} ({mention.area_name})")
        if result.attachments and args.delete_attachments:
            ids = [m.attachment_id for m in result.attachments]
            print(f"Slettede {personal_data.delete_attachments(session.db, ids)} bilag.")
        elif result.attachments:
            print(
                "Bilagene er beholdt; slet dem med --delete-attachments eller i Kulturpunkt Desk."
            )
        if result.backups_with_old_data:
            print(
                f"{result.backups_with_old_data} ældre sikkerhedskopier indeholder stadig "
                "oplysningerne, til de udskiftes."
            )
        if not result.file_purged:
            print(
                "Databasefilen er endnu IKKE renset: den er åben i en anden Kulturpunkt Desk, "
                "eller der er stadig spor af personen i den. Luk den anden Kulturpunkt Desk og kør "
                "kommandoen igen, eller tryk «Rens databasefilen» i programmet."
            )
            return 1
        print("Databasefilen er renset: der er intet spor af personen i den.")
        return 0
    finally:
        session.close()


def cmd_retention(args: argparse.Namespace) -> int:
    from kulturpunkt_desk.cli import resolve_db
    from kulturpunkt_desk.domain.dates import short_date
    from kulturpunkt_desk.domain.services.retention import people_due_for_deletion
    from kulturpunkt_desk.storage.startup import start_desk

    session = start_desk(resolve_db(args), create=False, read_only=True)
    try:
        due = people_due_for_deletion(session.db, args.date)
        for item in due:
            programmes = ", ".join(item.programmes)
            print(f"{item.name}: slettefrist {short_date(item.due_on)} ({programmes})")
        if not due:
            print("Ingen personer har en udløbet slettefrist.")
        return 0
    finally:
        session.close()
