"""The ground rules of the code, checked on every run: lint, types and layering."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "kulturpunkt_desk"


def imports_of(folder: Path) -> set[tuple[Path, str]]:
    found = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {(path, alias.name) for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                found.add((path, node.module))
    return found


@pytest.mark.parametrize("layer", ["domain", "storage", "documents"])
def test_lower_layers_never_import_qt(layer: str) -> None:
    offenders = [
        f"{p.relative_to(ROOT)}: {m}" for p, m in imports_of(PACKAGE / layer) if "PySide6" in m
    ]
    assert offenders == []


def test_domain_never_imports_ui_or_documents() -> None:
    offenders = [
        f"{p.relative_to(ROOT)}: {m}"
        for p, m in imports_of(PACKAGE / "domain")
        if m.startswith(("kulturpunkt_desk.ui", "kulturpunkt_desk.documents"))
    ]
    assert offenders == []


def test_ui_builds_no_sql() -> None:
    offenders = [
        f"{p.relative_to(ROOT)}: {m}"
        for p, m in imports_of(PACKAGE / "ui")
        if m == "sqlalchemy" or m.startswith("sqlalchemy.")
    ]
    assert offenders == []


def run_tool(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_ruff_lint_and_format_are_clean() -> None:
    lint = run_tool("ruff", "check", ".")
    assert lint.returncode == 0, lint.stdout + lint.stderr
    fmt = run_tool("ruff", "format", "--check", ".")
    assert fmt.returncode == 0, fmt.stdout + fmt.stderr


# The team runs Windows and the desk is built for macOS too: code under
# `if sys.platform == "win32":` is only type-checked when mypy is told that platform.
@pytest.mark.parametrize("platform", ["linux", "win32", "darwin"])
def test_mypy_is_clean_on_domain_storage_and_documents(platform: str) -> None:
    targets = [
        str(PACKAGE / name)
        for name in ("domain", "storage", "documents")
        if (PACKAGE / name).exists()
    ]
    # One cache per platform, so the three runs do not invalidate each other's.
    cache = f".mypy_cache/{platform}"
    result = run_tool("mypy", "--platform", platform, "--cache-dir", cache, *targets)
    assert result.returncode == 0, result.stdout + result.stderr
