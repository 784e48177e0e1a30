"""The Windows installer and build script, read here since no Windows machine builds them.

What the region's IT needs: a signed installer and uninstaller, per-user or all-users as IT
chooses, silent deployment, upgrades that leave no old program files, user data kept on
uninstall, Windows 10 or newer; and a build that stops at its first failing step.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WINDOWS = ROOT / "packaging" / "windows"
NATIVE_CALL = re.compile(r"^\s*(&|python\b|\.venv\\|dist\\|powershell\b|signtool\b)", re.I)


def iss_sections() -> dict[str, list[str]]:
    """The script's lines by section, comments left out, preprocessor lines kept."""
    sections: dict[str, list[str]] = {"": []}
    current = ""
    for raw in (WINDOWS / "kulturpunkt_desk.iss").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        if re.fullmatch(r"\[\w+\]", line):
            current = line[1:-1]
            sections[current] = []
        else:
            sections[current].append(line)
    return sections


def setup_directives() -> dict[str, str]:
    lines = iss_sections()["Setup"]
    return dict(line.split("=", 1) for line in lines if "=" in line and not line.startswith("#"))


def test_installer_is_per_user_unless_it_chooses_all_users() -> None:
    setup = setup_directives()
    assert setup["PrivilegesRequired"] == "lowest"
    assert set(setup["PrivilegesRequiredOverridesAllowed"].split()) == {"dialog", "commandline"}
    assert setup["DefaultDirName"].startswith("{autopf}")


def test_installer_runs_on_windows_10_or_newer_only() -> None:
    assert setup_directives()["MinVersion"] == "10.0"


def test_installer_and_uninstaller_are_signed_when_a_certificate_is_given() -> None:
    lines = iss_sections()["Setup"]
    start, end = lines.index("#ifdef Sign"), lines.index("#endif")
    assert "SignTool=regionsign" in lines[start:end]
    assert "SignedUninstaller=yes" in lines[start:end]


def test_upgrade_removes_the_previous_versions_program_files() -> None:
    deletes = iss_sections()["InstallDelete"]
    assert 'Type: filesandordirs; Name: "{app}\\_internal"' in deletes
    assert all('Name: "{app}\\' in line for line in deletes)


def test_uninstall_keeps_the_users_data() -> None:
    sections = iss_sections()
    assert "UninstallDelete" not in sections
    assert not any(
        "{localappdata}" in line or "KulturpunktDesk" in line
        for s in sections.values()
        for line in s
    )


def test_build_script_stops_at_the_first_failing_step() -> None:
    script = (WINDOWS / "build_windows.ps1").read_text(encoding="ascii")
    assert '$ErrorActionPreference = "Stop"' in script
    assert "if ($LASTEXITCODE -ne 0) { throw" in script
    # Every native program runs inside Invoke-Step, which checks its exit code.
    body = script.split("function Invoke-Step", 1)[1].split("\n}\n", 1)[1]
    in_step, unchecked = 0, []
    for line in body.splitlines():
        if NATIVE_CALL.match(line) and not in_step and "Invoke-Step" not in line:
            unchecked.append(line)
        if line.lstrip().startswith("Invoke-Step") and line.rstrip().endswith("{"):
            in_step += 1
        elif in_step and line.strip() == "}":
            in_step -= 1
    assert unchecked == []
    assert script.count("Invoke-Step ") >= 6


def test_build_script_tests_the_bundle_and_signs_before_packaging() -> None:
    script = (WINDOWS / "build_windows.ps1").read_text(encoding="ascii")
    order = [script.index(s) for s in ("PyInstaller", "Signer programfilerne", "test_bundle.ps1")]
    assert order == sorted(order) and script.index('Inno Setup" {') > order[-1]
    assert "/DSign" in script and "/Sregionsign=" in script and "verify /pa" in script


def test_batch_wrapper_passes_the_exit_code_on() -> None:
    text = (WINDOWS / "build_windows.bat").read_bytes()
    assert b"\r\n" in text and b"build_windows.ps1" in text
    assert text.rstrip().endswith(b"exit /b %ERRORLEVEL%")


def test_windows_bundle_test_fails_when_a_step_fails() -> None:
    script = (WINDOWS / "test_bundle.ps1").read_text(encoding="ascii")
    assert "exit 1" in script and "$script:failed = $true" in script
    for step in ("--version", "init --demo", "check", "--smoke-test", "schema_0001"):
        assert step.split()[0] in script


def test_powershell_scripts_are_ascii_for_windows_powershell_5() -> None:
    for name in ("build_windows.ps1", "test_bundle.ps1", "build_windows.bat"):
        (WINDOWS / name).read_bytes().decode("ascii")
