"""Sub-commands for the team's PostgreSQL server, run by the region's IT (and `restore`).

    kulturpunkt-desk server init --db postgresql+psycopg://admin@host/db [--demo]
    kulturpunkt-desk server add-user NAME --db postgresql+psycopg://admin@host/db
        [--password-stdin]
    kulturpunkt-desk server join --db postgresql+psycopg://login@host/db --from FILE
        (a consultant's own file, once: cli_join.py)
    kulturpunkt-desk restore --db postgresql+psycopg://... --from FILE.sqlite
        --erstat-serverens-data

`backup --db URL --out FILE.sqlite` is the ordinary `backup` (cli_safety.py). A password is
never an argument: it comes from the keyring, a prompt, or (a new login's) standard input.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from kulturpunkt_desk.cli_join import register_join
from kulturpunkt_desk.domain.errors import DeskError

CONFIRM_RESTORE = "--erstat-serverens-data"


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    server = sub.add_parser("server", help="opsæt teamets database på en PostgreSQL-server (IT)")
    server_sub = server.add_subparsers(dest="what", metavar="HVAD", required=True)
    init = server_sub.add_parser(
        "init",
        parents=[common],
        help="opret (eller opgradér) databasens tabeller og team-rollen kulturpunkt_team",
    )
    init.add_argument("--demo", action="store_true", help="fyld 11 opdigtede lokalområder på")
    init.set_defaults(handler=cmd_server_init)
    add_user = server_sub.add_parser(
        "add-user", parents=[common], help="opret et login til en konsulent i teamet"
    )
    add_user.add_argument("name", metavar="LOGIN", help="konsulentens login, fx anne.holm")
    add_user.add_argument(
        "--password-stdin",
        action="store_true",
        help="læs det nye logins adgangskode fra standard-input (ellers spørges der)",
    )
    add_user.set_defaults(handler=cmd_server_add_user)
    register_join(server_sub, common)

    restore = sub.add_parser(
        "restore",
        parents=[common],
        help="erstat alle data i serverens database med en sikkerhedskopi (.sqlite)",
    )
    restore.add_argument(
        "--from", dest="source", type=Path, required=True, metavar="FIL", help="kopien"
    )
    restore.add_argument(
        CONFIRM_RESTORE,
        dest="confirmed",
        action="store_true",
        help="bekræft, at alle serverens data erstattes (der tages først en sikkerhedskopi)",
    )
    restore.set_defaults(handler=cmd_restore)


def server_target(args: argparse.Namespace, command: str) -> str:
    """The --db URL; a file is refused with the reason."""
    from kulturpunkt_desk.cli import resolve_db

    target = resolve_db(args)
    if not isinstance(target, str):
        raise DeskError(
            f"{command} er til en database på en server: angiv --db "
            "postgresql+psycopg://login@vært/database."
        )
    return target


def cmd_server_init(args: argparse.Namespace) -> int:
    from kulturpunkt_desk.cli import fill_new_database, open_session
    from kulturpunkt_desk.domain.services import programmes
    from kulturpunkt_desk.storage.server_connection import login_for
    from kulturpunkt_desk.storage.server_probe import server_transaction
    from kulturpunkt_desk.storage.server_roles import (
        TEAM_ROLE,
        check_may_administer,
        grant_team_rights,
    )

    url = server_target(args, "server init")
    # The administrator's rights first: a consultant's login never creates the schema.
    with server_transaction(login_for(url)) as conn:
        check_may_administer(conn)
    session = open_session(args, writes=True, create=True)  # creates or upgrades the schema
    db = session.db
    try:
        if not programmes.list_programmes(db):
            print(fill_new_database(db, demo=args.demo))
        elif args.demo:
            print("Databasen har allerede et program; der er ikke fyldt demodata på.")
        with db.engine.begin() as conn:
            grant_team_rights(conn)
    finally:
        session.close()
    print(
        f"{db.name} er klar. Team-rollen {TEAM_ROLE} må læse og skrive alle rækker. "
        f"Opret et login pr. konsulent: kulturpunkt-desk server add-user LOGIN --db {url}"
    )
    return 0


def _new_password(args: argparse.Namespace, name: str) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(f"Adgangskode til det nye login {name}: ")
    if getpass.getpass("Skriv den igen: ") != first:
        raise DeskError("De to adgangskoder er ikke ens; login er ikke oprettet.")
    return first


def cmd_server_add_user(args: argparse.Namespace) -> int:
    from kulturpunkt_desk.storage.server_connection import login_for
    from kulturpunkt_desk.storage.server_probe import server_transaction
    from kulturpunkt_desk.storage.server_roles import add_login, check_login_name

    address = login_for(server_target(args, "server add-user"))
    check_login_name(args.name)
    password = _new_password(args, args.name)
    with server_transaction(address) as conn:
        add_login(conn, args.name, password)
    print(
        f"Login {args.name} er oprettet i teamet. Giv konsulenten adgangskoden ad en sikker "
        "vej; den skrives i Filer > Forbind til server… og kan gemmes i nøgleringen."
    )
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from kulturpunkt_desk.cli import open_session
    from kulturpunkt_desk.domain.services.team_backup import restore_into_server

    server_target(args, "restore")
    if not args.confirmed:
        print(
            f"Fejl: restore erstatter ALLE data i serverens database med indholdet af "
            f"{args.source}, for hele teamet. Tilføj {CONFIRM_RESTORE} for at bekræfte "
            "(der tages først en sikkerhedskopi af serveren). Intet er ændret.",
            file=sys.stderr,
        )
        return 1
    session = open_session(args, writes=True)
    try:
        report = restore_into_server(session.db, args.source)
    finally:
        session.close()
    print(
        f"Serverens data er erstattet med {args.source} ({sum(report.rows.values())} rækker). "
        f"Sikkerhedskopi af serveren fra før: {report.safety_backup}"
    )
    return 0
