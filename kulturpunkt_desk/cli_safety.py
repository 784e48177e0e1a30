"""Sub-commands that keep data safe: `backup` and `import areas`.

    kulturpunkt-desk backup --db PATH [--out FILE]
    kulturpunkt-desk import areas FILE --db PATH [--dry-run]

`import areas` always prints the preview; it writes nothing and exits 1 when any row is
bad, and with --dry-run it writes nothing at all.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kulturpunkt_desk.cli_parser import add_out_option


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    backup = sub.add_parser(
        "backup", parents=[common], help="tag en sikkerhedskopi af databasen (SQLites backup-API)"
    )
    add_out_option(
        backup,
        "hvor kopien skal ligge (standard: datamappens backups/, de nyeste N gemmes)",
        suffixes=(".sqlite", ".db", ".sqlite3"),
        required=False,
    )
    backup.set_defaults(handler=cmd_backup)

    imp = sub.add_parser("import", help="indlæs data fra et regneark")
    imp_sub = imp.add_subparsers(dest="what", metavar="HVAD", required=True)
    areas = imp_sub.add_parser(
        "areas",
        parents=[common],
        help="lokalområder med tilskudsmodtager og primær kontaktperson fra CSV eller XLSX",
    )
    areas.add_argument("file", type=Path, metavar="FIL", help="regnearket (.csv eller .xlsx)")
    areas.add_argument(
        "--dry-run", action="store_true", help="vis kun, hvad der ville blive oprettet"
    )
    areas.set_defaults(handler=cmd_import_areas)


def cmd_backup(args: argparse.Namespace) -> int:
    from kulturpunkt_desk.cli import open_session
    from kulturpunkt_desk.storage.backup import copy_database

    # The one start-up path refuses a damaged or foreign file before anything is copied;
    # beside an open desk the backup only reads.
    session = open_session(args, writes=False)
    try:
        target = copy_database(session.path, Path(args.out)) if args.out else session.backup_now()
    finally:
        session.close()
    print(f"Sikkerhedskopi gemt: {target}")
    return 0


def cmd_import_areas(args: argparse.Namespace) -> int:
    from kulturpunkt_desk.cli import resolve_db
    from kulturpunkt_desk.domain.services import import_areas as importer
    from kulturpunkt_desk.domain.services.programmes import current_programme
    from kulturpunkt_desk.storage.startup import start_desk

    # read_only for a dry run: it must not even make a start-up backup or take the lock.
    session = start_desk(resolve_db(args), create=False, read_only=args.dry_run)
    try:
        programme = current_programme(session.db)
        if programme is None:
            print("Fejl: databasen har intet program at importere til.", file=sys.stderr)
            return 1
        preview = importer.preview_import(session.db, programme.id, args.file)
        print(f"{args.file}: {len(preview.areas)} lokalområde(r) kan oprettes i {programme.name}.")
        for planned in preview.areas:
            contact = f", kontakt: {planned.contact.name}" if planned.contact else ""
            print(
                f"  række {planned.row}: {planned.area.name} ({planned.area.municipality}){contact}"
            )
        if preview.ignored_columns:
            print("Kolonner der ikke indlæses: " + ", ".join(preview.ignored_columns))
        if not preview.ok:
            print(f"Intet er importeret: {len(preview.problems)} fejl.", file=sys.stderr)
            for problem in preview.problems:
                print(f"  {problem}", file=sys.stderr)
            return 1
        if args.dry_run:
            print("Prøvekørsel (--dry-run): intet er gemt.")
            return 0
        ids = importer.import_areas(session.db, programme.id, args.file, preview=preview)
        print(f"Importeret: {len(ids)} lokalområde(r).")
        return 0
    finally:
        session.close()
