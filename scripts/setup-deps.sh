#!/usr/bin/env bash
# Installs the Debian packages VoiceAI Supervisor needs to build, run and test.
# Idempotent: when every package is already present it only checks and returns.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev libqt6opengl6-dev qt6-declarative-dev libxkbcommon-dev
  qt6-charts-dev qt6-multimedia-dev qtkeychain-qt6-dev qt6-svg-dev
  qt6-speech-dev qt6-speech-flite-plugin
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libqt6sql6-sqlite qt6-qpa-plugins libsimdjson-dev
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-pulseaudio
  xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools
  pulseaudio pulseaudio-utils
  libespeak-ng-dev espeak-ng-data libpocketsphinx-dev pocketsphinx-en-us libflac-dev
  desktop-file-utils appstream
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "setup: installing ${#missing[@]} package(s): ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
