"""The `kulturpunkt-desk` command: opens the desk, or runs the same services without a window.

Topic modules (cli_*.py) add their own sub-commands through `register(subparsers)`.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kulturpunkt_desk import __version__
from kulturpunkt_desk.cli_parser import DanishArgumentParser, check_out_option

if TYPE_CHECKING:
    from kulturpunkt_desk.storage.engine import Database
    from kulturpunkt_desk.storage.startup import DeskSession

# Sub-command modules; each has register(subparsers, db_option).
TOPIC_MODULES: list[str] = [
    "kulturpunkt_desk.cli_safety",
    "kulturpunkt_desk.cli_documents",
    "kulturpunkt_desk.cli_ekr",
    "kulturpunkt_desk.cli_week",
    "kulturpunkt_desk.cli_forms",  # after cli_safety: adds `import form`
    "kulturpunkt_desk.cli_rounds",
    "kulturpunkt_desk.cli_people",
    "kulturpunkt_desk.cli_server",
    "kulturpunkt_desk.cli_sync",
]

Handler = Callable[[argparse.Namespace], int]


def db_option() -> argparse.ArgumentParser:
    """The shared --db option (a parent parser), so it works before or after a sub-command."""
    parent = DanishArgumentParser(add_help=False)
    parent.add_argument(
        "--db",
        default=argparse.SUPPRESS,
        metavar="STI",
        help="databasefilen eller en server (postgresql+psycopg://login@vært/database); "
        "standard: KULTURPUNKT_DB eller filen i brugerens datamappe",
    )
    parent.add_argument(
        "--uden-tls",
        action="store_true",
        default=argparse.SUPPRESS,
        help="forbind til en anden computers server UDEN kryptering (frarådes; kun med vilje)",
    )
    return parent


def resolve_db(args: argparse.Namespace) -> Path | str:
    """The --db file (a Path) or server URL (text), else KULTURPUNKT_DB, else the default."""
    from kulturpunkt_desk.storage.paths import db_target

    return db_target(getattr(args, "db", None))


def open_session(args: argparse.Namespace, *, writes: bool, create: bool = False) -> DeskSession:
    """Open the --db file through the desk's one start-up path, as the window does.

    storage/startup.start_desk recognises the file before anything is written (a damaged
    or foreign file is refused untouched), takes the desk lock and checks the schema. A
    command that only reads may still run beside an open desk: it then reads read-only.
    `create` makes a database only where no file exists.
    """
    from kulturpunkt_desk.storage.desk_lock import DeskLockedError, LockUnavailableError
    from kulturpunkt_desk.storage.startup import start_desk

    path = resolve_db(args)
    try:
        # A backup before a command writes; a file just made needs none.
        exists = isinstance(path, Path) and path.exists()
        return start_desk(path, create=create, startup_backup=writes and exists)
    except (DeskLockedError, LockUnavailableError):
        if writes:
            raise
        return start_desk(path, create=False, read_only=True)


def build_parser() -> argparse.ArgumentParser:
    common = db_option()
    parser = DanishArgumentParser(
        prog="kulturpunkt-desk",
        description="Kulturpunkt Desk: lokalområder, tilskud, sparring og evaluering.",
        parents=[common],
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"Kulturpunkt Desk {__version__}",
        help="vis versionsnummeret og afslut",
    )
    # Hidden: the packaged desk's test shows the window once and quits (packaging/test_bundle.sh).
    parser.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="KOMMANDO")

    init = sub.add_parser(
        "init", parents=[common], help="opret en database med Kulturpunkt 2025-26"
    )
    init.add_argument("--demo", action="store_true", help="fyld 11 opdigtede lokalområder på")
    init.set_defaults(handler=cmd_init)

    check = sub.add_parser("check", parents=[common], help="kontrollér databasefilen")
    check.set_defaults(handler=cmd_check)

    for name in TOPIC_MODULES:
        importlib.import_module(name).register(sub, common)
    return parser


def cmd_init(args: argparse.Namespace) -> int:
    from kulturpunkt_desk.domain.services import programmes

    session = open_session(args, writes=True, create=True)
    db = session.db
    path = db.name if isinstance(resolve_db(args), str) else resolve_db(args)
    try:
        if programmes.list_programmes(db):
            print(
                f"{path} har allerede et program; intet er ændret. "
                "Vælg en anden fil med --db for at starte forfra.",
                file=sys.stderr,
            )
            return 1
        print(f"{fill_new_database(db, demo=args.demo)} i {path}")
        return 0
    finally:
        session.close()


def fill_new_database(db: Database, *, demo: bool) -> str:
    """Kulturpunkt 2025-26 (and with `demo` the fictional areas and EKR) in an empty
    database; says what it made."""
    from kulturpunkt_desk.domain.demo import load_demo
    from kulturpunkt_desk.domain.ekr_demo import load_ekr_demo
    from kulturpunkt_desk.domain.services import programmes
    from kulturpunkt_desk.resources import default_agreement_text

    programme_id = programmes.create_programme(
        db, programmes.kulturpunkt_2025_26(), default_agreement_text()
    )
    if demo:
        load_demo(db, programme_id)
        load_ekr_demo(db)  # Europæisk Kulturregion beside Kulturpunkt, in the same file
    what = "med demodata (opdigtede navne)" if demo else "uden lokalområder"
    return f"Oprettede Kulturpunkt 2025-26 {what}"


def cmd_check(args: argparse.Namespace) -> int:
    from kulturpunkt_desk.storage.check import check_server
    from kulturpunkt_desk.storage.restore import check_and_offer

    target = resolve_db(args)
    report = check_server(target) if isinstance(target, str) else check_and_offer(target)
    for line in report.lines:
        print(line)
    return 0 if report.sound else 1


def cmd_open(args: argparse.Namespace) -> int:
    from kulturpunkt_desk.ui.app import run

    return run(resolve_db(args), smoke_test=getattr(args, "smoke_test", False))


def main(argv: Sequence[str] | None = None) -> int:
    """Parse (exit 2 on a usage mistake), check --out, run; a user's mistake is told in
    Danish with exit 1 and leaves no half-written --out behind."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = getattr(args, "handler", cmd_open)
    out = getattr(args, "out", None)
    new_out = out is not None and not Path(out).exists()
    code = 1
    try:
        check_out_option(args)
        prepare_server_login(args)
        code = handler(args)
        return code
    except Exception as exc:
        print(f"Fejl: {explain_for_cli(exc)}", file=sys.stderr)
        return 1
    finally:
        if code != 0 and new_out and Path(out).is_file():
            Path(out).unlink()  # a failed command leaves no partial file


def prepare_server_login(args: argparse.Namespace) -> None:
    """For a server --db: TLS off only with --uden-tls (warned), and the password from the
    keyring, else asked on the terminal (storage/server_connection.py)."""
    target = resolve_db(args)
    if not isinstance(target, str):
        return
    from kulturpunkt_desk.storage.server_connection import (
        ServerAddress,
        allow_without_tls,
        login_for,
        use_password,
    )

    if getattr(args, "uden_tls", False):
        print(allow_without_tls(ServerAddress.from_url(target, tls=False)[0]), file=sys.stderr)
    address = login_for(target)
    # PGPASSWORD: a script's password, read by libpq itself.
    if address.password() is None and sys.stdin.isatty() and "PGPASSWORD" not in os.environ:
        import getpass

        typed = getpass.getpass(f"Adgangskode for {address.describe()}: ")
        if typed:
            use_password(address, typed)


def explain_for_cli(exc: Exception) -> str:
    """The Danish message for a failure; an unexpected one is logged with its traceback."""
    from kulturpunkt_desk.storage.failures import user_error

    known = user_error(exc)
    if known is not None:
        return str(known)
    import logging

    from kulturpunkt_desk.storage.desk_log import LOGGER_NAME, configure_logging

    try:
        where = f" Detaljerne er skrevet i {configure_logging()}."
    except OSError:
        where = ""
    logging.getLogger(f"{LOGGER_NAME}.cli").error("Uventet fejl", exc_info=exc)
    return f"der skete en uventet fejl ({type(exc).__name__}: {exc}).{where}"


if __name__ == "__main__":
    raise SystemExit(main())
