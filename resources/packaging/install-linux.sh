#!/bin/sh
# Install a built bundle for the current user on Linux: menu entry + icons.
#   sh resources/packaging/install-linux.sh [dist/qundesk]
# Copies the bundle to ~/.local/share/qundesk-app, links ~/.local/bin/qundesk, installs
# the .desktop entry and the hicolor icons. Nothing outside your home folder is touched.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
BUNDLE=${1:-dist/qundesk}
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
[ -x "$BUNDLE/qundesk" ] || { echo "no bundle at $BUNDLE (build it first)" >&2; exit 1; }
mkdir -p "$DATA"
rm -rf "$DATA/qundesk-app" && cp -r "$BUNDLE" "$DATA/qundesk-app"
mkdir -p "$HOME/.local/bin" "$DATA/applications"
ln -sf "$DATA/qundesk-app/qundesk" "$HOME/.local/bin/qundesk"
sed "s|^Exec=qundesk|Exec=$DATA/qundesk-app/qundesk|; s|^TryExec=qundesk|TryExec=$DATA/qundesk-app/qundesk|" \
  "$HERE/qundesk.desktop" > "$DATA/applications/qundesk.desktop"
for size in 16 24 32 48 64 128 256 512; do
  mkdir -p "$DATA/icons/hicolor/${size}x${size}/apps"
  cp "$HERE/icons/qundesk-$size.png" "$DATA/icons/hicolor/${size}x${size}/apps/qundesk.png"
done
mkdir -p "$DATA/icons/hicolor/scalable/apps"
cp "$HERE/../icons/app.svg" "$DATA/icons/hicolor/scalable/apps/qundesk.svg"
command -v update-desktop-database >/dev/null && update-desktop-database "$DATA/applications" || true
echo "installed: $DATA/applications/qundesk.desktop"
