#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked GNOME Keyring, so tests use the real
# Secret Service (keytar) without touching the developer's own keychain. Usage: scripts/with-keyring.sh CMD...
set -euo pipefail
if [ -z "${LEADPREP_IN_KEYRING:-}" ]; then
  if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
    echo "with-keyring: dbus-run-session or gnome-keyring-daemon missing (apt-get install dbus gnome-keyring); running without a keychain" >&2
    exec "$@"
  fi
  export LEADPREP_IN_KEYRING=1
  exec dbus-run-session -- "$0" "$@"
fi
# The password only unlocks this throwaway login keyring inside the private session.
printf 'leadprep-test\n' | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
exec "$@"
