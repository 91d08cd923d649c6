#!/bin/sh
# Validates the desktop entry and the AppStream metainfo the package installs,
# and checks that they name each other and the icon consistently.
# Usage: validate-metadata.sh DESKTOP_FILE METAINFO_FILE ICON_FILE
set -eu
desktop=$1
metainfo=$2
icon=$3

for tool in desktop-file-validate appstreamcli; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "packaging test: '$tool' is missing; run scripts/setup-deps.sh (desktop-file-utils, appstream)" >&2
    exit 1
  fi
done

echo "desktop-file-validate $desktop"
desktop-file-validate "$desktop"
echo "appstreamcli validate --no-net $metainfo"
appstreamcli validate --no-net "$metainfo"

app_id=$(basename "$desktop" .desktop)
grep -q "<id>$app_id</id>" "$metainfo" || { echo "metainfo <id> is not $app_id" >&2; exit 1; }
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" \
  || { echo "metainfo launchable does not name $app_id.desktop" >&2; exit 1; }
grep -q "^Icon=$app_id\$" "$desktop" || { echo "desktop Icon= is not $app_id" >&2; exit 1; }
[ "$(basename "$icon")" = "$app_id.svg" ] || { echo "icon file is not named $app_id.svg" >&2; exit 1; }
grep -q "<svg" "$icon" || { echo "icon is not an SVG document" >&2; exit 1; }
grep -q "^Exec=voiceai-supervisor" "$desktop" || { echo "desktop Exec= does not start voiceai-supervisor" >&2; exit 1; }
echo "packaging metadata OK"
