#!/usr/bin/env bash
# Runs a command inside the headless services the tests expect, and stops them afterwards:
#  - a private HOME and XDG folders, so nothing touches the user's own data;
#  - the offscreen Qt platform;
#  - a D-Bus session with an unlocked gnome-keyring (the real Secret Service);
#  - a PulseAudio daemon with a null sink, when PulseAudio is installed.
set -euo pipefail

if [ "${VOICEAI_IN_TEST_SERVICES:-}" != "1" ]; then
  export VOICEAI_IN_TEST_SERVICES=1
  sandbox=$(mktemp -d /tmp/voiceai-tests.XXXXXX)
  trap 'rm -rf "$sandbox"' EXIT
  export HOME="$sandbox/home" XDG_RUNTIME_DIR="$sandbox/run"
  export XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share" XDG_CACHE_HOME="$HOME/.cache"
  mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
  export QT_QPA_PLATFORM=offscreen
  unset OPENAI_API_KEY OPENAI_BASE_URL OPENAI_ORG_ID OPENAI_PROJECT_ID OPENAI_API_VERSION
  status=0
  dbus-run-session -- "$0" "$@" || status=$?
  exit $status
fi

# Inside the D-Bus session: unlock a fresh login keyring for the Secret Service.
eval "$(printf 'voiceai-test' | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)" || true
export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK 2>/dev/null || true

pulse_started=0
if command -v pulseaudio >/dev/null 2>&1; then
  if pulseaudio --daemonize=yes --exit-idle-time=-1 --log-target=stderr >/dev/null 2>&1; then
    pulse_started=1
    pactl load-module module-null-sink sink_name=nullsink >/dev/null 2>&1 || true
    pactl set-default-sink nullsink >/dev/null 2>&1 || true
  fi
fi

status=0
"$@" || status=$?

if [ $pulse_started = 1 ]; then
  pulseaudio --kill >/dev/null 2>&1 || true
fi
exit $status
