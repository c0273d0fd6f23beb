#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# check.sh [ctest options…] — builds Tandem and runs the whole test suite (./run test) in a
# Debian 13 (trixie) chroot, so the code is built against trixie's Qt 6.8 and libraries.
# Not part of ./run test or CI: the first run downloads a Debian system with the build
# dependencies (about 600 MB; 3 GB on disk with the build). Needs root (debootstrap, chroot,
# mount); re-runs itself with sudo. The clang-format layout check does not run inside (no
# git there, and trixie's clang-format is not the version 14 the layout is checked with).
#
# The chroot is made once with debootstrap and kept in build/trixie-root (delete that folder
# to start afresh); the build folder lives inside it (/tandem-build), so it never clashes
# with the host's build/. The source tree is mounted read-only at /tandem-src. Everything
# mounted is unmounted on exit, also on failure or Ctrl+C.
#   TANDEM_TRIXIE_ROOT    where the chroot is kept (default: build/trixie-root)
#   TANDEM_TRIXIE_MIRROR  the Debian mirror (default: http://deb.debian.org/debian)
#   TANDEM_PRESET         the CMake preset used inside (default: dev)
# Exits with the status of ./run test inside the chroot.
set -euo pipefail

src=$(cd "$(dirname "$0")/../.." && pwd)
suite=trixie
target=${TANDEM_TRIXIE_ROOT:-$src/build/trixie-root}
mirror=${TANDEM_TRIXIE_MIRROR:-http://deb.debian.org/debian}
preset=${TANDEM_PRESET:-dev}
inner_src=/tandem-src
inner_build=/tandem-build/$preset

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf 'check.sh: %s\n' "$*" >&2; exit 1; }

if ((EUID != 0)); then
    command -v sudo >/dev/null || die "needs root (debootstrap, chroot, mount), and sudo is missing"
    exec sudo --preserve-env=TANDEM_TRIXIE_ROOT,TANDEM_TRIXIE_MIRROR,TANDEM_PRESET "$0" "$@"
fi
[[ $(uname -s) == Linux ]] || die "needs Linux"
if ! grep -qiE '^(ID|ID_LIKE)=.*debian' /etc/os-release 2>/dev/null; then
    die "installs debootstrap with apt-get: run it on Debian or Ubuntu"
fi

mkdir -p "$(dirname "$target")"
target=$(cd "$(dirname "$target")" && pwd)/$(basename "$target")

# --- mounts -------------------------------------------------------------------------------
mounted=() # mount points, in the order mounted; unmounted in reverse

mount_in() { # mount_in POINT MOUNT-ARGS… — POINT is inside the chroot
    local point=$target$1
    shift
    mkdir -p "$point"
    mount "$@" "$point"
    mounted+=("$point")
    # Nothing mounted below the chroot may propagate back to the host's tree.
    mount --make-rprivate "$point"
}

stop_chroot_processes() {
    # A daemon a test left behind (dbus, gnome-keyring, chromium) would keep the mounts busy.
    local p pids=()
    for p in /proc/[0-9]*; do
        [[ $(readlink "$p/root" 2>/dev/null) == "$target" ]] && pids+=("${p#/proc/}")
    done
    ((${#pids[@]})) || return 0
    echo "Stopping what is still running in the chroot: ${pids[*]}" >&2
    kill "${pids[@]}" 2>/dev/null || true
    sleep 1
    kill -KILL "${pids[@]}" 2>/dev/null || true
}

unmount_all() {
    ((${#mounted[@]})) || return 0
    stop_chroot_processes
    local i
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
        umount "${mounted[i]}" 2>/dev/null || umount -l "${mounted[i]}" \
            || echo "check.sh: could not unmount ${mounted[i]}" >&2
    done
    mounted=()
}

any_mount_below() { # any_mount_below DIR — true while something is mounted inside DIR
    awk -v d="$1/" 'index($5, d) == 1 { found = 1 } END { exit !found }' /proc/self/mountinfo
}

# shellcheck disable=SC2317 # run by the EXIT trap
cleanup() {
    local status=$?
    unmount_all
    [[ -n ${partial:-} && -d $partial ]] && ! any_mount_below "$partial" && rm -rf "$partial"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

# Left over from a run that was killed before its trap could run?
any_mount_below "$target" && die "something is still mounted below $target (an earlier run \
that was killed?): see 'grep $target /proc/self/mountinfo' and unmount it first"

# --- the chroot ---------------------------------------------------------------------------
started=$(date +%s)
created_in=
if [[ ! -e $target/.tandem-ready ]]; then
    if ! command -v debootstrap >/dev/null; then
        say "Installing debootstrap"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap
    fi
    [[ -e /usr/share/debootstrap/scripts/$suite ]] \
        || die "this debootstrap does not know $suite: upgrade debootstrap"
    say "Creating a Debian 13 ($suite) chroot in $target (once; it is kept for later runs)"
    partial=$target.partial
    rm -rf "$partial" "$target"
    # libc-bin's C.UTF-8 locale is enough; ca-certificates for an https mirror.
    debootstrap --variant=minbase --include=ca-certificates "$suite" "$partial" "$mirror"
    # No service starts inside (dbus, for one): the tests start what they need themselves.
    printf '#!/bin/sh\nexit 101\n' >"$partial/usr/sbin/policy-rc.d"
    chmod 755 "$partial/usr/sbin/policy-rc.d"
    # D-Bus (dbus-run-session, in the keychain tests) wants a machine id.
    tr -d '-' </proc/sys/kernel/random/uuid >"$partial/etc/machine-id"
    echo 'APT::Install-Recommends "false";' >"$partial/etc/apt/apt.conf.d/90tandem"
    touch "$partial/.tandem-ready"
    mv "$partial" "$target"
    partial=
    created_in=$(($(date +%s) - started))
    say "Chroot created in ${created_in}s"
else
    say "Reusing the $suite chroot in $target"
fi

# --- into it ------------------------------------------------------------------------------
cp -L /etc/resolv.conf "$target/etc/resolv.conf" # apt-get inside needs name resolution
mount_in /proc -t proc proc
mount_in /sys --rbind /sys
mount -o remount,bind,ro "$target/sys" 2>/dev/null || true
mount_in /dev --bind /dev
mount_in /dev/pts --bind /dev/pts
mount_in /dev/shm -t tmpfs -o mode=1777,nosuid,nodev tmpfs # Chromium's shared memory
mount_in /run -t tmpfs -o mode=755,nosuid,nodev tmpfs
mkdir -p "$target/run/lock" "$target/run/user" && chmod 1777 "$target/run/lock"
mount_in /tmp -t tmpfs -o mode=1777,nosuid,nodev tmpfs
mount_in "$inner_src" --bind "$src"
mount -o remount,bind,ro "$target$inner_src"
mkdir -p "$target$inner_build"

say "Running ./run test in the chroot (source: $src, read-only; build: $target$inner_build)"
log=$target/tandem-build/check-$preset.log
run_started=$(date +%s)
# A clean environment: nothing of the host's session (display, bus, build settings) leaks in.
set +e
# shellcheck disable=SC2016 # expanded by the shell inside
env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
    LANG=C.UTF-8 TERM="${TERM:-dumb}" TANDEM_PRESET="$preset" TANDEM_BUILD_DIR="$inner_build" \
    chroot "$target" /bin/bash -c 'cd "$1" && shift && exec ./run test "$@"' \
    check.sh "$inner_src" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
run_took=$(($(date +%s) - run_started))
unmount_all

# --- summary ------------------------------------------------------------------------------
# shellcheck disable=SC2016 # a dpkg-query format
qt=$(chroot "$target" dpkg-query -W -f='${Version}' qt6-base-dev 2>/dev/null || echo unknown)
echo
say "Debian 13 ($suite) check: $( ((status == 0)) && echo PASSED || echo "FAILED (status $status)")"
echo "  Debian:       $(cat "$target/etc/debian_version")"
echo "  Qt:           $qt"
[[ -n $created_in ]] && echo "  Chroot made:  ${created_in}s"
echo "  ./run test:   ${run_took}s (packages, build and suite)"
summary=$(grep -E '^[0-9]+% tests passed' "$log" || true)
[[ -n $summary ]] && echo "  Suite:        $summary"
sed -n '/^The following tests FAILED:/,/^Errors while running/p' "$log" | sed 's/^/  /'
echo "  Log:          $log"
exit "$status"
