"""The installable desk: build the Linux one-folder bundle and run the built program.

It builds with PyInstaller (about a minute here) and then runs packaging/test_bundle.sh,
which starts the built desk offscreen and has it create, check and show a database.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(sys.platform != "linux", reason="the Linux bundle is built on Linux")
def test_built_desk_creates_checks_and_shows_a_database() -> None:
    env = {**os.environ, "PYTHON": sys.executable}
    build = subprocess.run(
        ["bash", "packaging/build_linux.sh"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    run = subprocess.run(
        ["bash", "packaging/test_bundle.sh"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert "FEJL" not in run.stdout


@pytest.mark.skipif(sys.platform != "win32", reason="the Windows bundle is built on Windows")
def test_built_windows_desk_creates_checks_and_shows_a_database() -> None:
    """The same steps on Windows: PyInstaller, then packaging/windows/test_bundle.ps1."""
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--distpath",
            "dist",
            "--workpath",
            "build/pyinstaller",
            "packaging/kulturpunkt_desk.spec",
        ],
        cwd=ROOT,
        capture_output=True,
        encoding="utf-8",
        errors="replace",
        timeout=900,
        check=False,
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    script = ROOT / "packaging" / "windows" / "test_bundle.ps1"
    run = subprocess.run(
        ["powershell", "-NoProfile", "-ExecutionPolicy", "Bypass", "-File", str(script)],
        cwd=ROOT,
        capture_output=True,
        encoding="utf-8",
        errors="replace",
        timeout=600,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert "FEJL" not in run.stdout
