#!/usr/bin/env bash
# Install the unpacked desk for the current user: the program in ~/.local/opt, a menu entry
# and an icon. Run from the unpacked folder: ./install.sh   (remove again: ./install.sh --remove)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
TARGET=$HOME/.local/opt/kulturpunkt-desk
DESKTOP=$DATA/applications/dk.rn.kulturpunktdesk.desktop
ICON=$DATA/icons/hicolor/256x256/apps/dk.rn.kulturpunktdesk.png

if [ "${1:-}" = "--remove" ]; then
  rm -rf "$TARGET" "$DESKTOP" "$ICON" "$HOME/.local/bin/kulturpunkt-desk"
  echo "Kulturpunkt Desk er fjernet (dine databaser og sikkerhedskopier er ikke rørt)."
  exit 0
fi
if [ "$HERE" != "$TARGET" ]; then
  rm -rf "$TARGET"
  mkdir -p "$(dirname "$TARGET")"
  cp -a "$HERE" "$TARGET"
fi
mkdir -p "$(dirname "$DESKTOP")" "$(dirname "$ICON")" "$HOME/.local/bin"
cp "$TARGET/share/icons/hicolor/256x256/apps/dk.rn.kulturpunktdesk.png" "$ICON"
sed "s|^Exec=.*|Exec=$TARGET/kulturpunkt-desk|" \
  "$TARGET/share/applications/dk.rn.kulturpunktdesk.desktop" > "$DESKTOP"
ln -sf "$TARGET/kulturpunkt-desk" "$HOME/.local/bin/kulturpunkt-desk"
echo "Kulturpunkt Desk er installeret i $TARGET og findes i programmenuen."
