"""The packaging files: icons for every platform, the menu entry, the spec and the installer."""

from __future__ import annotations

import ast
import configparser
import importlib.util
import struct
from pathlib import Path

from kulturpunkt_desk.cli import TOPIC_MODULES
from kulturpunkt_desk.ui.main_window import VIEWS

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "resources" / "icons"
PNG = b"\x89PNG\r\n\x1a\n"


def test_windows_icon_holds_every_size_from_16_to_256() -> None:
    data = (ICONS / "kulturpunkt.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for n in range(count):
        width, _h, _c, _r, _p, _b, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * n
        )
        assert data[offset : offset + 8] == PNG and offset + length <= len(data)
        sizes.add(width or 256)
    assert {16, 32, 48, 256} <= sizes


def test_macos_icon_is_a_valid_icns_with_retina_sizes() -> None:
    data = (ICONS / "kulturpunkt.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    kinds, at = set(), 8
    while at < len(data):
        kind, length = data[at : at + 4], struct.unpack(">I", data[at + 4 : at + 8])[0]
        assert data[at + 8 : at + 16] == PNG
        kinds.add(kind)
        at += length
    assert at == len(data) and {b"ic07", b"ic08", b"ic09", b"ic10"} <= kinds


def test_linux_menu_entry_is_danish_and_filed_under_office() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(PACKAGING / "linux" / "dk.rn.kulturpunktdesk.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Name"] == "Kulturpunkt Desk"
    assert "lokalområder" in desktop["Comment[da]"]
    assert "Office" in desktop["Categories"].split(";")
    assert desktop["Icon"] == "dk.rn.kulturpunktdesk"
    assert (PACKAGING / "linux" / f"{desktop['Icon']}.png").read_bytes()[:8] == PNG


def test_spec_is_python_that_reads_the_version_and_bundles_resources_and_migrations() -> None:
    text = (PACKAGING / "kulturpunkt_desk.spec").read_text(encoding="utf-8")
    ast.parse(text)
    assert "__version__" in text and "dk.rn.kulturpunktdesk" in text
    assert '"resources"' in text and '"kulturpunkt_desk/storage/migrations"' in text
    assert 'StringStruct("CompanyName", COMPANY)' in text and "Region Nordjylland" in text
    assert '"CFBundleDevelopmentRegion": "da"' in text
    assert 'collect_submodules(\n    "kulturpunkt_desk"' in text


def test_modules_imported_by_name_live_in_the_package_the_spec_collects() -> None:
    names = list(TOPIC_MODULES) + [f"kulturpunkt_desk.ui.views.{v.module}" for v in VIEWS]
    for name in names:
        assert name.startswith("kulturpunkt_desk.")
        assert importlib.util.find_spec(name) is not None, name


def test_windows_installer_is_danish_per_user_with_version_from_a_define() -> None:
    text = (PACKAGING / "windows" / "kulturpunkt_desk.iss").read_text(encoding="utf-8")
    assert 'MessagesFile: "compiler:Languages\\Danish.isl"' in text
    assert "PrivilegesRequired=lowest" in text
    assert "AppVersion={#AppVersion}" in text and "#ifndef AppVersion" in text
    assert "{autoprograms}" in text and "Tasks: desktopicon" in text
    build = (PACKAGING / "windows" / "build_windows.ps1").read_text(encoding="utf-8")
    assert "/DAppVersion=$version" in build
