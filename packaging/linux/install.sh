#!/bin/sh
# Put Beställningsassistenten in this user's application menu (no root needed):
#   ./install.sh            from inside the unpacked folder
#   ./install.sh --remove   takes it out again (the folder itself stays where you put it)
# The folder can live anywhere (e.g. ~/Applications/Bestallningsassistenten-0.1.0); the menu entry
# points at it by its absolute path, so run this again after moving the folder.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
bin="$HOME/.local/bin"
if [ "${1:-}" = "--remove" ]; then
    rm -f "$apps/bestallningsassistenten.desktop" "$icons/bestallningsassistenten.png" "$bin/bestallning"
    echo "Borttaget ur programmenyn."
    exit 0
fi
mkdir -p "$apps" "$icons" "$bin"
cp "$here/bestallningsassistenten.png" "$icons/bestallningsassistenten.png"
sed "s|^Exec=bestallning$|Exec=\"$here/bestallning\"|" "$here/bestallningsassistenten.desktop" \
    > "$apps/bestallningsassistenten.desktop"
ln -sf "$here/bestallning" "$bin/bestallning"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$apps" || true
echo "Beställningsassistenten finns nu i programmenyn, och kommandot bestallning i $bin."
