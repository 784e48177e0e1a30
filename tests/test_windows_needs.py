"""What the desk needs on Windows is declared and used, checked here on Linux.

Windows has no time-zone database for zoneinfo (the `tzdata` package brings one), and its
default text encoding is the ANSI code page, not UTF-8: a file written without an explicit
encoding there loses æøå or cannot be read back on another computer.
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
import tomllib
import zoneinfo
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
WINDOWS = {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt"}


def dependencies() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [Requirement(text) for text in project["dependencies"]]


def test_tzdata_is_a_dependency_on_windows() -> None:
    tzdata = [r for r in dependencies() if r.name == "tzdata"]
    assert tzdata and all(r.marker is None or r.marker.evaluate(WINDOWS) for r in tzdata)


@pytest.fixture
def no_system_time_zones() -> Iterator[None]:
    """As on Windows: zoneinfo finds no time-zone files on the system."""
    zoneinfo.reset_tzpath(to=[])
    zoneinfo.ZoneInfo.clear_cache()
    try:
        yield
    finally:
        zoneinfo.reset_tzpath()
        zoneinfo.ZoneInfo.clear_cache()


def test_copenhagen_time_is_known_without_a_system_time_zone_database(
    no_system_time_zones: None,
) -> None:
    assert zoneinfo.TZPATH == ()
    zone = zoneinfo.ZoneInfo("Europe/Copenhagen")
    assert datetime(2026, 7, 1, 12, tzinfo=zone).utcoffset() == timedelta(hours=2)
    assert datetime(2026, 1, 15, 12, tzinfo=zone).utcoffset() == timedelta(hours=1)


def text_opened_without_encoding(source: str) -> list[int]:
    """Lines where a text file is opened or a text pipe read without naming the encoding."""

    def keyword(node: ast.Call, name: str) -> bool:
        return any(k.arg == name for k in node.keywords)

    def mode(node: ast.Call, position: int) -> str | None:
        for k in node.keywords:
            if k.arg == "mode" and isinstance(k.value, ast.Constant):
                return str(k.value.value)
        if len(node.args) > position and isinstance(node.args[position], ast.Constant):
            return str(node.args[position].value)
        return None

    lines = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or keyword(node, "encoding"):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        if name in {"read_text", "write_text", "TextIOWrapper"}:
            lines.append(node.lineno)
        elif name in {"open", "fdopen", "NamedTemporaryFile", "TemporaryFile"}:
            # open(path) defaults to text; Path.open(), dialog.open() are told by the mode.
            given = mode(node, 1 if isinstance(func, ast.Name) else 0)
            default_text = isinstance(func, ast.Name) and func.id == "open"
            if (given is None and default_text) or (given is not None and "b" not in given):
                lines.append(node.lineno)
        elif name in {"run", "Popen", "check_output"} and keyword(node, "text"):
            lines.append(node.lineno)
    return lines


def test_every_text_file_the_desk_opens_names_its_encoding() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in sorted((ROOT / "kulturpunkt_desk").rglob("*.py"))
        for line in text_opened_without_encoding(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_the_encoding_check_finds_a_file_opened_without_one() -> None:
    assert text_opened_without_encoding("open('x')\nPath('x').read_text()\n") == [1, 2]
    assert text_opened_without_encoding("open('x', 'rb')\nd.open()\n") == []


# Every command that reads or writes a text file, run where a default encoding is an error.
COMMANDS = """
import sys
from kulturpunkt_desk.cli import main
db = sys.argv[1]
folder = sys.argv[2]
runs = [
    ["init", "--db", db, "--demo"],
    ["check", "--db", db],
    ["backup", "--db", db],
    ["export", "status", "--db", db, "--out", folder + "/status.csv"],
    ["export", "status", "--db", db, "--out", folder + "/status.xlsx"],
    ["export", "evaluation", "--db", db, "--out", folder + "/evaluering.pdf"],
    ["agreement", "--db", db, "--all", "--out", folder + "/aftaler"],
    ["dossier", "--db", db, "--area", "Fjordglimt", "--out", folder + "/mappe.zip"],
    ["import", "areas", folder + "/omraader.csv", "--db", db, "--dry-run"],
    ["ekr", "contributions", "--db", db, "--year", "2026", "--out", folder + "/bidrag.csv"],
    ["ekr", "letters", "--db", db, "--year", "2026", "--out", folder + "/breve"],
    ["ekr", "yearwheel", "--db", db, "--year", "2026", "--out", folder + "/hjul.ics"],
]
for args in runs:
    code = main(args)
    print("kørt:", args[0], args[1], code, flush=True)
"""


def test_commands_never_fall_back_to_the_default_text_encoding(tmp_path: Path) -> None:
    (tmp_path / "omraader.csv").write_text(
        "Navn;Kommune;Tilskudsmodtager;Kontaktperson\nÅby Øst;Læsø;Åby Borgerforening;Søren Ærø\n",
        encoding="utf-8",
    )
    env = {**os.environ, "KULTURPUNKT_DATA_DIR": str(tmp_path / "data")}
    env.pop("PYTHONWARNINGS", None)
    run = subprocess.run(
        [
            sys.executable,
            "-X",
            "warn_default_encoding",
            "-W",
            "error::EncodingWarning",
            # openpyxl only names its temporary file this way (it is closed at once and
            # then written as UTF-8 XML by name), so no text goes through the default.
            "-W",
            "ignore::EncodingWarning:openpyxl.worksheet._writer",
            "-c",
            COMMANDS,
            str(tmp_path / "k.sqlite"),
            str(tmp_path),
        ],
        capture_output=True,
        encoding="utf-8",
        env={**env, "PYTHONIOENCODING": "utf-8"},
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-3000:]
    assert "EncodingWarning" not in run.stderr
    finished = [line for line in run.stdout.splitlines() if line.startswith("kørt:")]
    assert len(finished) == 12 and all(line.endswith(" 0") for line in finished), run.stdout


def test_the_windows_bundle_carries_the_time_zone_database() -> None:
    spec = (ROOT / "packaging" / "kulturpunkt_desk.spec").read_text(encoding="utf-8")
    assert re.search(r'if IS_WINDOWS:\n(\s+#.*\n)*\s+hiddenimports \+= \["tzdata"\]', spec)
