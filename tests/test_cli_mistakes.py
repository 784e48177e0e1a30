"""No traceback for a user's mistake: every command's help and errors are Danish, every option
is explained, every --out is checked before anything is written, and a command that would
produce nothing says so. The checks walk the parser, so a new command is covered too."""

from __future__ import annotations

import argparse
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from kulturpunkt_desk import cli_parser
from kulturpunkt_desk.cli import build_parser, main
from kulturpunkt_desk.cli_parser import OutSpec

ENGLISH = ("usage:", "options:", "positional arguments", "show this help", "error:", "required")


def commands(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """Every parser in the tree with the words that reach it: (), ("init",), ("ekr", "pay")..."""
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from commands(child, (*path, name))


ALL = list(commands(build_parser()))
NAMES = [" ".join(path) or "kulturpunkt-desk" for path, _ in ALL]


@pytest.mark.parametrize(("path", "parser"), ALL, ids=NAMES)
def test_every_command_has_danish_help_and_every_option_a_help_text(
    path: tuple[str, ...], parser: argparse.ArgumentParser, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as done:
        main([*path, "--help"])
    assert done.value.code == 0
    text = capsys.readouterr().out
    assert text.startswith("brug: kulturpunkt-desk")
    assert not [word for word in ENGLISH if word in text]
    for action in parser._actions:
        if action.help == argparse.SUPPRESS:
            continue
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help for choice in action._choices_actions}
            assert all(helps.values()), f"{' '.join(path)}: a sub-command without help: {helps}"
            continue
        assert action.help, f"{' '.join(path)} {'/'.join(action.option_strings)} has no help"


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["agreement", "--all"], "disse skal angives: --out"),
        (["ekr", "pay", "--year", "sidste år"], "--year: ugyldig værdi: 'sidste år'"),
        (["eksport"], "ukendt valg: 'eksport'"),
        (["check", "--db", "x", "--hurtigt"], "ukendte argumenter: --hurtigt"),
        (["agreement", "--all", "--area", "A", "--out", "x.pdf"], "kan ikke bruges sammen med"),
        (["ekr", "invoice", "--year", "2026", "--date", "i går"], "ikke en dato"),
    ],
)
def test_a_usage_mistake_is_told_in_danish_with_exit_code_2(
    argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as done:
        main(argv)
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("brug: kulturpunkt-desk") and "kulturpunkt-desk" in err
    assert "fejl: " in err and expected in err
    assert not [word for word in ENGLISH if word in err]
    # argparse is left as it was for anyone else in the process (pytest parses with it too).
    assert argparse._("usage: ") == "usage: "  # type: ignore[attr-defined]


def filled(parser: argparse.ArgumentParser, tmp: Path) -> list[str]:
    """The command's required arguments with plausible values (never reached: --out fails)."""
    values = {"ÅÅÅÅ": "2026", "DATO": "01.01.2026", "NAVN": "Fjordglimt", "FIL": str(tmp / "a")}
    argv: list[str] = []
    for group in parser._mutually_exclusive_groups:
        if group.required:
            first = group._group_actions[0]
            argv += [first.option_strings[0], values.get(str(first.metavar), "x")]
    for action in parser._actions:
        if action.dest in ("out", "db") or not action.required:
            continue
        if action.option_strings:
            argv += [action.option_strings[0], values.get(str(action.metavar), "x")]
        else:
            argv.append(values.get(str(action.metavar), "x"))
    return argv


WITH_OUT = [
    (path, parser, parser.get_default("out_spec"))
    for path, parser in ALL
    if isinstance(parser.get_default("out_spec"), OutSpec)
]


def wrong_outs(spec: OutSpec, tmp: Path) -> list[tuple[str, Path, str]]:
    """(case, --out, what the message must say) for one kind of --out."""
    a_file = tmp / "notat.txt"
    a_file.write_text("x", encoding="utf-8")
    locked = tmp / "låst"
    locked.mkdir()
    suffix = spec.suffixes[0] if spec.suffixes else ""
    cases = [
        ("under a file", a_file / f"ud{suffix}", "ligger under filen"),
        ("unwritable place", locked / f"ud{suffix}", "ikke lov til at skrive"),
    ]
    if spec.folder:
        cases.append(("a file for a folder", a_file, "er en fil; angiv en mappe"))
    else:
        cases.append(("wrong extension", tmp / "ud.docx", f"skal ende på {spec.describe()}"))
        if not spec.accepts_folder:
            cases.append(("a folder for a file", tmp, "er en mappe; angiv en fil"))
    return cases


def test_every_command_that_writes_checks_its_out() -> None:
    """Every --out comes from add_out_option, so main() checks it before the command runs."""
    documents = {"agreement", "status", "evaluation", "dossier", "contributions", "letters"}
    assert documents <= {path[-1] for path, _, _ in WITH_OUT}
    unchecked = [
        " ".join(path)
        for path, parser in ALL
        if any(a.dest == "out" for a in parser._actions)
        and not isinstance(parser.get_default("out_spec"), OutSpec)
    ]
    assert unchecked == [], "give these --out through cli_parser.add_out_option"


@pytest.mark.parametrize(
    ("path", "parser", "spec"), WITH_OUT, ids=[" ".join(p) for p, *_ in WITH_OUT]
)
def test_a_wrong_out_is_refused_in_danish_before_anything_is_written(
    path: tuple[str, ...],
    parser: argparse.ArgumentParser,
    spec: OutSpec,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_access = cli_parser.os.access
    # Tests run as root here, for whom every folder is writable: deny the one marked locked.
    monkeypatch.setattr(
        cli_parser.os,
        "access",
        lambda p, mode: "låst" not in str(p) and real_access(p, mode),
    )
    db = tmp_path / "ingen.sqlite"
    for case, out, expected in wrong_outs(spec, tmp_path):
        before = sorted(p.name for p in tmp_path.rglob("*"))
        argv = [*path, *filled(parser, tmp_path), "--db", str(db), "--out", str(out)]
        assert main(argv) == 1, case
        err = capsys.readouterr().err
        assert err.startswith("Fejl: --out: "), (case, err)
        assert expected in err, (case, err)
        assert "Traceback" not in err
        assert sorted(p.name for p in tmp_path.rglob("*")) == before, case  # nothing written
    assert not db.exists()


@pytest.fixture
def demo_path(demo_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "demo.sqlite"
    shutil.copy(demo_template, target)
    return target


def test_a_missing_input_file_is_told_in_danish(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "findes-ikke.xlsx"
    assert main(["import", "areas", str(missing), "--db", str(demo_path), "--dry-run"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Fejl: ") and "findes-ikke.xlsx" in err and "Traceback" not in err


def test_an_unknown_area_leaves_no_file_behind(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "mappe.zip"
    argv = ["dossier", "--db", str(demo_path), "--area", "Atlantis", "--out", str(out)]
    assert main(argv) == 1
    assert "Atlantis" in capsys.readouterr().err
    assert not out.exists()


def test_agreements_for_a_programme_without_areas_say_so_instead_of_an_empty_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "tom.sqlite"
    assert main(["init", "--db", str(db)]) == 0
    folder = tmp_path / "aftaler"
    assert main(["agreement", "--db", str(db), "--all", "--out", str(folder)]) == 1
    assert "ingen lokalområder" in capsys.readouterr().err
    assert not folder.exists() or not any(folder.iterdir())
    combined = tmp_path / "alle.pdf"
    args = ["agreement", "--db", str(db), "--all", "--combined", "--out", str(combined)]
    assert main(args) == 1
    assert not combined.exists()


def test_an_unknown_year_is_told_and_leaves_no_file(
    ekr_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "ekr.sqlite"
    shutil.copy(ekr_template, db)
    out = tmp_path / "bidrag.pdf"
    argv = ["ekr", "contributions", "--db", str(db), "--year", "1999", "--out", str(out)]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.startswith("Fejl: ") and "1999" in err and "Traceback" not in err
    assert not out.exists()
