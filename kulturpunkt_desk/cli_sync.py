"""`kulturpunkt-desk sync --db FILE [--server URL]`: a laptop copy of the team's database
the first time, and after that the laptop's work sent and the colleagues' brought."""

from __future__ import annotations

import argparse
from pathlib import Path

from kulturpunkt_desk.domain.errors import DeskError


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    sync = sub.add_parser(
        "sync",
        parents=[common],
        help="synkronisér den bærbare kopi med teamets server (første gang: lav kopien)",
    )
    sync.add_argument(
        "--server",
        metavar="ADRESSE",
        help="teamets server, postgresql+psycopg://login@vært/database; "
        "standard: den server, kopien blev lavet fra",
    )
    sync.set_defaults(handler=cmd_sync)


def cmd_sync(args: argparse.Namespace) -> int:
    from kulturpunkt_desk.cli import prepare_server_login, resolve_db
    from kulturpunkt_desk.domain.services.sync import sync
    from kulturpunkt_desk.domain.services.sync.laptop_files import remembered_server

    laptop = resolve_db(args)
    if not isinstance(laptop, Path):
        raise DeskError(
            "sync arbejder på en fil på den bærbare: angiv --db FIL, og første gang "
            "--server postgresql+psycopg://login@vært/database."
        )
    server = args.server or remembered_server(laptop)
    if server:
        # The password from the keyring, else asked on the terminal, as for --db URL.
        prepare_server_login(
            argparse.Namespace(db=server, uden_tls=getattr(args, "uden_tls", False))
        )
    report = sync(laptop, args.server)
    if report.first_copy:
        print(
            f"Bærbar kopi lavet: {laptop}. Åbn den i Kulturpunkt Desk som enhver databasefil, "
            "og synkronisér igen, når du er på nettet."
        )
    print(report.summary())
    if report.open_conflicts:
        print(f"Se konflikterne med: kulturpunkt-desk conflicts --db {laptop}")
    return 0
