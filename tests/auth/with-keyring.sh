#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# with-keyring.sh COMMAND [ARG…] — runs COMMAND against a real Secret Service: GNOME Keyring,
# unlocked, on a private D-Bus session bus. HOME and the XDG directories point into a
# throwaway directory (exported as TANDEM_KEYRING_SANDBOX and deleted afterwards), so a test
# never sees or changes the user's own keyring, settings or session. Exits with COMMAND's
# status. Debian packages: dbus-daemon dbus-bin gnome-keyring libsecret-1-0.
set -eu

say() { printf 'with-keyring.sh: %s\n' "$*" >&2; }

if [ "${TANDEM_KEYRING_STAGE:-}" = inner ]; then
    # Inside dbus-run-session: DBUS_SESSION_BUS_ADDRESS names the private bus.
    log=$TANDEM_KEYRING_SANDBOX/gnome-keyring.log
    # --unlock reads the password of the "login" keyring from stdin, creating it (in the
    # sandbox's XDG_DATA_HOME) as the default collection. --foreground keeps the daemon our
    # child, so it can be stopped before the sandbox is deleted.
    printf '%s' tandem-test | gnome-keyring-daemon --foreground --unlock --components=secrets \
        >"$log" 2>&1 &
    daemon=$!
    # shellcheck disable=SC2317 # run by the EXIT trap
    stop_daemon() { kill "$daemon" 2>/dev/null || true; wait "$daemon" 2>/dev/null || true; }
    trap stop_daemon EXIT

    # Ready means: our daemon owns the service name and the default collection exists (a
    # write before that would try to create one and prompt for a password). The name is
    # checked through the bus first: a call to the service before our daemon owns it would
    # make the bus start a second, locked one from its .service file.
    owned() {
        dbus-send --session --print-reply=literal --dest=org.freedesktop.DBus \
            /org/freedesktop/DBus org.freedesktop.DBus.NameHasOwner \
            string:org.freedesktop.secrets 2>/dev/null | grep -q true
    }
    has_default() {
        dbus-send --session --print-reply=literal --dest=org.freedesktop.secrets \
            /org/freedesktop/secrets org.freedesktop.Secret.Service.ReadAlias \
            string:default 2>/dev/null | grep -q /org/freedesktop/secrets/collection/
    }
    ready=
    for _ in $(seq 200); do
        kill -0 "$daemon" 2>/dev/null || break
        if owned && has_default; then
            ready=1
            break
        fi
        sleep 0.1
    done
    if [ -z "$ready" ]; then
        say "the Secret Service did not come up; gnome-keyring-daemon said:"
        cat "$log" >&2
        exit 1
    fi

    unset TANDEM_KEYRING_STAGE
    status=0
    "$@" || status=$?
    exit "$status"
fi

[ $# -gt 0 ] || { say "usage: with-keyring.sh COMMAND [ARG…]"; exit 2; }
for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
    command -v "$tool" >/dev/null 2>&1 || {
        say "$tool not found (Debian: apt install dbus-daemon dbus-bin gnome-keyring libsecret-1-0)"
        exit 1
    }
done

sandbox=$(mktemp -d "${TMPDIR:-/tmp}/tandem-keyring.XXXXXX")
trap 'rm -rf "$sandbox"' EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM
mkdir -p "$sandbox/home" "$sandbox/config" "$sandbox/data" "$sandbox/cache" "$sandbox/state" \
         "$sandbox/runtime"
chmod 700 "$sandbox/runtime"

export HOME="$sandbox/home"
export XDG_CONFIG_HOME="$sandbox/config"
export XDG_DATA_HOME="$sandbox/data"
export XDG_CACHE_HOME="$sandbox/cache"
export XDG_STATE_HOME="$sandbox/state"
export XDG_RUNTIME_DIR="$sandbox/runtime"
export TANDEM_KEYRING_SANDBOX="$sandbox"
# Nothing of the user's session may leak in: no bus, no display to pop a prompt up on, no
# desktop hint that would make QtKeychain pick KWallet instead of the Secret Service.
unset DBUS_SESSION_BUS_ADDRESS DISPLAY WAYLAND_DISPLAY GNOME_KEYRING_CONTROL SSH_AUTH_SOCK \
      XDG_CURRENT_DESKTOP XDG_SESSION_DESKTOP DESKTOP_SESSION GNOME_DESKTOP_SESSION_ID \
      KDE_FULL_SESSION KDE_SESSION_VERSION 2>/dev/null || true

status=0
TANDEM_KEYRING_STAGE=inner dbus-run-session -- "$0" "$@" || status=$?
exit "$status"
