"""The command line in Danish: argparse's own texts, and the one check of every `--out`.

argparse writes its usage line, headings and errors through `argparse._` (gettext) with no
catalog for Danish; `DanishArgumentParser` swaps in `DANISH` while it builds, parses and
formats, and leaves argparse as it was for anyone else in the process. A user's mistake in
the arguments exits with 2, as argparse does; the message names the option.

`add_out_option` gives a command its `--out` and records what the command writes (which
extensions, or a folder); `check_out` refuses, before anything is opened or written, an
`--out` that cannot be right: a wrong extension, a folder where a file is meant (or the
other way round), a path under a file, a place the user may not write. A new command gets
the check by adding its `--out` through `add_out_option`.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from kulturpunkt_desk.domain.errors import DeskError

# argparse's messages (Python 3.11-3.13) in Danish; anything missing stays as argparse wrote it.
DANISH: dict[str, str] = {
    "usage: ": "brug: ",
    "positional arguments": "argumenter",
    "options": "tilvalg",
    "optional arguments": "tilvalg",
    "show this help message and exit": "vis denne hjælp og afslut",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fejl: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "the following arguments are required: %s": "disse skal angives: %s",
    "one of the arguments %s is required": "et af disse skal angives: %s",
    "unrecognized arguments: %s": "ukendte argumenter: %s",
    "not allowed with argument %s": "kan ikke bruges sammen med %s",
    "ignored explicit argument %r": "værdien %r hører ikke til her",
    "expected one argument": "mangler en værdi",
    "expected at most one argument": "højst én værdi",
    "expected at least one argument": "mindst én værdi",
    "expected %s argument": "mangler %s værdi",
    "expected %s arguments": "mangler %s værdier",
    "ambiguous option: %(option)s could match %(matches)s": (
        "tvetydigt tilvalg: %(option)s kan være %(matches)s"
    ),
    "unexpected option string: %s": "uventet tilvalg: %s",
    "invalid %(type)s value: %(value)r": "ugyldig værdi: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ukendt valg: %(value)r (vælg mellem %(choices)s)"
    ),
    "invalid choice: %(value)r (choose from %(choices)s)\n": (
        "ukendt valg: %(value)r (vælg mellem %(choices)s)\n"
    ),
    "can't open '%(filename)s': %(error)s": "kan ikke åbne «%(filename)s»: %(error)s",
    "%(prog)s: error: %(message)s": "%(prog)s: fejl: %(message)s",
}


def _danish(text: str) -> str:
    return DANISH.get(text, text)


def _danish_n(singular: str, plural: str, n: int) -> str:
    return _danish(singular if n == 1 else plural)


@contextmanager
def _in_danish() -> Iterator[None]:
    """argparse's gettext in Danish for the duration (restored after, also on exit)."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._ = _danish  # type: ignore[attr-defined]
    argparse.ngettext = _danish_n  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


class DanishArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose usage, headings and errors are Danish. Sub-commands made with
    `add_subparsers().add_parser(...)` are Danish too (argparse uses the parent's class)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        with _in_danish():
            super().__init__(*args, **kwargs)

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        with _in_danish():
            return super().parse_args(args, namespace)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        with _in_danish():
            return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        with _in_danish():
            return super().format_usage()

    def format_help(self) -> str:
        with _in_danish():
            return super().format_help()

    def error(self, message: str) -> NoReturn:
        with _in_danish():
            super().error(message)


def date_argument(text: str) -> date:
    """An argparse type: 18.06.2025 or 2025-06-18 (a usage mistake otherwise, in Danish)."""
    try:
        if "." in text:
            day, month, year = (int(x) for x in text.split("."))
            return date(year, month, day)
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"«{text}» er ikke en dato; skriv fx 18.06.2025") from None


# --- --out --------------------------------------------------------------------------------


@dataclass(frozen=True)
class OutSpec:
    """What a command writes at `--out`: a file with one of `suffixes`, or a folder."""

    suffixes: tuple[str, ...] = ()
    folder: bool = False
    # Where other options decide (agreement --all without --combined writes a folder).
    folder_when: Callable[[argparse.Namespace], bool] | None = None
    # A file is meant, but an existing folder is taken too (the file is named inside it).
    accepts_folder: bool = False

    def describe(self) -> str:
        if self.folder:
            return "en mappe"
        if len(self.suffixes) < 2:
            return "".join(self.suffixes)
        return ", ".join(self.suffixes[:-1]) + " eller " + self.suffixes[-1]


def add_out_option(
    parser: argparse.ArgumentParser,
    help_text: str,
    *,
    suffixes: tuple[str, ...] = (),
    folder: bool = False,
    folder_when: Callable[[argparse.Namespace], bool] | None = None,
    accepts_folder: bool = False,
    required: bool = True,
) -> None:
    """Give `parser` an `--out` that `check_out` checks before the command runs."""
    parser.add_argument(
        "--out",
        type=Path,
        required=required,
        metavar="MAPPE" if folder else "FIL",
        help=help_text,
    )
    parser.set_defaults(out_spec=OutSpec(suffixes, folder, folder_when, accepts_folder))


def _writable_folder(folder: Path) -> bool:
    return os.access(folder, os.W_OK | os.X_OK)


def check_out_option(args: argparse.Namespace) -> None:
    """`check_out` for a parsed command line whose command has an `--out` (else nothing)."""
    spec = getattr(args, "out_spec", None)
    out = getattr(args, "out", None)
    if isinstance(spec, OutSpec) and out is not None:
        folder = spec.folder_when(args) if spec.folder_when is not None else spec.folder
        check_out(Path(out), spec, folder=folder)


def check_out(out: Path, spec: OutSpec, *, folder: bool | None = None) -> None:
    """Refuse an `--out` that cannot be right, in Danish, naming `--out`; write nothing.

    `folder` overrides the spec's choice where another option decides (agreement --all).
    """
    wants_folder = spec.folder if folder is None else folder
    if spec.accepts_folder and out.is_dir():
        wants_folder = True
    shown = str(out)
    if wants_folder:
        if out.exists() and not out.is_dir():
            raise DeskError(f"--out: «{shown}» er en fil; angiv en mappe.")
        existing = out if out.is_dir() else _nearest_existing(out)
        if not existing.is_dir():
            raise DeskError(f"--out: «{shown}» ligger under filen «{existing}», ikke en mappe.")
        if not _writable_folder(existing):
            raise DeskError(f"--out: du har ikke lov til at skrive i mappen «{existing}».")
        return
    if out.is_dir():
        raise DeskError(
            f"--out: «{shown}» er en mappe; angiv en fil, der ender på {spec.describe()}."
        )
    if spec.suffixes and out.suffix.lower() not in spec.suffixes:
        found = f"«{out.suffix}»" if out.suffix else "ingen endelse"
        raise DeskError(
            f"--out: «{out.name}» skal ende på {spec.describe()} (har {found}); "
            "endelsen bestemmer, hvad der gemmes."
        )
    parent = _nearest_existing(out.parent)
    if not parent.is_dir():
        raise DeskError(f"--out: «{shown}» ligger under filen «{parent}», ikke en mappe.")
    if not _writable_folder(parent) or (out.exists() and not os.access(out, os.W_OK)):
        raise DeskError(f"--out: du har ikke lov til at skrive «{shown}».")


def _nearest_existing(path: Path) -> Path:
    """`path` or the nearest folder (or file) above it that exists."""
    current = path if path.is_absolute() else Path.cwd() / path
    while not current.exists() and current != current.parent:
        current = current.parent
    return current
