#!/usr/bin/env bash
# Build the macOS desk: dist/Kulturpunkt Desk.app and a disk image beside it.
# Run on a Mac with Python 3.11+ (PyInstaller builds for the machine it runs on).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q -e ".[packaging]"
.venv/bin/python -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/kulturpunkt_desk.spec
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' kulturpunkt_desk/__init__.py)
"dist/Kulturpunkt Desk.app/Contents/MacOS/kulturpunkt-desk" --version
# Unsigned: the team's IT signs and notarises with the region's Developer ID before handing out.
hdiutil create -quiet -volname "Kulturpunkt Desk" -srcfolder "dist/Kulturpunkt Desk.app" \
  -ov -format UDZO "dist/kulturpunkt-desk-$VERSION-macos.dmg"
echo "Bygget: dist/Kulturpunkt Desk.app og dist/kulturpunkt-desk-$VERSION-macos.dmg"
