#!/usr/bin/env bash
# Build the Linux desk as one folder: dist/kulturpunkt-desk/ (and a .tar.gz beside it).
#
#   bash packaging/build_linux.sh            # uses .venv/ in the checkout (made if missing)
#   PYTHON=/work/venv/bin/python bash packaging/build_linux.sh
#
# Then test it with: bash packaging/test_bundle.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

if [ -z "${PYTHON:-}" ]; then
  if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
  fi
  PYTHON=$ROOT/.venv/bin/python
  # The desk's dependencies and PyInstaller (the `packaging` extra).
  "$PYTHON" -m pip install -q -e ".[packaging]"
else
  # An environment that already runs the desk; it only needs PyInstaller. The spec takes
  # the package from this checkout (pathex), whatever is installed there.
  "$PYTHON" -m pip install -q "pyinstaller>=6.0"
fi

VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' kulturpunkt_desk/__init__.py)
start=$(date +%s)
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/kulturpunkt_desk.spec
seconds=$(( $(date +%s) - start ))

# What a Linux desktop needs to show the desk in its menu, beside the program.
BUNDLE=dist/kulturpunkt-desk
mkdir -p "$BUNDLE/share/applications" "$BUNDLE/share/icons/hicolor/256x256/apps"
cp packaging/linux/dk.rn.kulturpunktdesk.desktop "$BUNDLE/share/applications/"
cp packaging/linux/dk.rn.kulturpunktdesk.png "$BUNDLE/share/icons/hicolor/256x256/apps/"
cp packaging/linux/install.sh "$BUNDLE/"

tar -C dist -czf "dist/kulturpunkt-desk-$VERSION-linux-$(uname -m).tar.gz" kulturpunkt-desk
echo "Bygget Kulturpunkt Desk $VERSION på ${seconds} s: $BUNDLE ($(du -sh "$BUNDLE" | cut -f1)," \
  "tar.gz $(du -h dist/kulturpunkt-desk-"$VERSION"-linux-*.tar.gz | cut -f1))"
