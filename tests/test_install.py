"""A normal, non-editable install (a wheel) carries the resources and works: `init --demo`,
an agreement and the window, from a fresh virtual environment outside the checkout."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ["pyproject.toml", "setup.py", "README.md", "kulturpunkt_desk", "resources"]


def run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built from a clean copy of the sources (the checkout stays untouched)."""
    source = tmp_path_factory.mktemp("source")
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(
                ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy2(ROOT / name, source / name)
    out = tmp_path_factory.mktemp("wheel")
    run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", out, source, cwd=source)
    (built,) = out.glob("kulturpunkt_desk-*.whl")
    return built


def test_the_wheel_carries_fonts_template_icons_and_migrations(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "kulturpunkt_desk/_resources/fonts/DejaVuSans.ttf",
        "kulturpunkt_desk/_resources/templates/samarbejdsaftale.txt",
        "kulturpunkt_desk/_resources/icons/kulturpunkt.png",
        "kulturpunkt_desk/storage/migrations/env.py",
    ):
        assert needed in names
    assert any(n.startswith("kulturpunkt_desk/storage/migrations/versions/0001") for n in names)


def test_an_installed_desk_makes_a_demo_an_agreement_and_shows_its_window(
    wheel: Path, tmp_path: Path
) -> None:
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    # The dependencies (PySide6 is 200 MB) come from this environment, the desk from the
    # wheel: a .pth adds this site-packages after the new one, where nothing editable is.
    purelib = Path(
        subprocess.check_output(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], text=True
        ).strip()
    )
    (purelib / "desk-dependencies.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
    )
    pip = [sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps"]
    run(*pip, "--no-index", wheel, cwd=tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    env = {**os.environ, "KULTURPUNKT_DATA_DIR": str(work / "data"), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONPATH", None)
    where = run(
        python, "-c", "import kulturpunkt_desk; print(kulturpunkt_desk.__file__)", cwd=work, env=env
    )
    assert Path(where.strip()).is_relative_to(venv)
    desk = [venv / ("Scripts/kulturpunkt-desk.exe" if os.name == "nt" else "bin/kulturpunkt-desk")]
    assert "demodata" in run(*desk, "init", "--db", "demo.sqlite", "--demo", cwd=work, env=env)
    run(
        *desk,
        "agreement",
        "--db",
        "demo.sqlite",
        "--area",
        "Fjordglimt",
        "--out",
        "a.pdf",
        cwd=work,
        env=env,
    )
    assert (work / "a.pdf").read_bytes().startswith(b"%PDF")
    shown = run(*desk, "--db", "demo.sqlite", "--smoke-test", cwd=work, env=env)
    assert "vinduet er vist med 11 lokalområder" in shown
