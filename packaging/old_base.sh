#!/usr/bin/env bash
# Build the .deb on an old base: Ubuntu 20.04 "focal" (glibc 2.31, the base of
# 银河麒麟 Kylin V10), in a debootstrapped chroot, and try it in a fresh one.
#
#   sudo packaging/old_base.sh            build: dist/old-base/zcdesk_<version>_<arch>.deb
#   sudo packaging/old_base.sh verify     install that .deb in a fresh focal chroot and
#                                         run --version and --self-check (offscreen)
#   sudo packaging/old_base.sh all        both
#
# Why: built on Debian 12 the bundle needs glibc >= 2.36 (its libstdc++, libgcc_s and
# libpython come from the build machine), which Kylin V10 (2.31) and UOS 20 (2.28) lack.
# Here everything the bundle carries is built on focal or comes from wheels that fit it:
#   - CPython 3.11 from Debian's source tarball (python3.11_*.orig.tar.gz, upstream code),
#     --enable-shared, installed in /opt/python3.11 (rpath there), no PGO/LTO;
#   - SQLite from Debian 12's sqlite3 source, installed in the same prefix: focal's 3.31 is
#     too old for the migrations' plain ALTER TABLE ... DROP COLUMN (3.35);
#   - pip picks the newest PySide6 (< 6.12, pyproject.toml) whose wheels fit glibc 2.31;
#   - libxcb-cursor.so.0 (Qt >= 6.5's xcb plugin links it; focal has no libxcb-cursor0) is
#     taken from Debian 12's libxcb-cursor0 (apt-get download, glibc floor 2.8) and put in
#     the bundle next to libQt6XcbQpa.so.6; packaging/deb.py then does not depend on it.
# numpy is PyPI's (with OpenBLAS, ~30 MB more); ZCDESK_SLIM_NUMPY=1 builds the slim one
# in the chroot (scripts/package numpy, ~5 min more).
#
# Needs: a Debian host (root: debootstrap, chroot, mount), debootstrap, curl, gpg, git, and
# http://archive.ubuntu.com/ubuntu + http://deb.debian.org/debian (deb-src for sources).
# The Ubuntu archive keyring comes from archive.ubuntu.com's pool over plain HTTP; it is
# checked against the pinned fingerprints below before debootstrap uses it (so the focal
# packages are verified by apt/debootstrap as usual; no --no-check-gpg).
#
# Idempotent: the chroot is kept in ${ZCDESK_OLD_BASE_ROOT:-/var/tmp/zcdesk-focal} and
# each stage leaves a marker in it (var/lib/zcdesk-old-base/); a second run only copies
# the working tree again, re-installs it and rebuilds the bundle and the .deb. Downloads
# (sources, pip's cache, the minbase snapshot) are kept in <root>-cache. Remove both
# folders to start over. The working tree is copied with `git ls-files` (tracked and
# untracked-but-not-ignored files, without .venv, dist, build, bench/out); git is only read.
# Details and what was verified: docs/old-base.md.
set -euo pipefail

REPO=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
CHROOT=${ZCDESK_OLD_BASE_ROOT:-/var/tmp/zcdesk-focal}
CACHE=${CHROOT}-cache
VERIFY_ROOT=${CHROOT}-verify
SUITE=focal
UBUNTU_MIRROR=http://archive.ubuntu.com/ubuntu
DEBIAN_MIRROR=http://deb.debian.org/debian
KEYRING_DEB=pool/main/u/ubuntu-keyring/ubuntu-keyring_2020.02.11.2_all.deb
# Ubuntu Archive Automatic Signing Keys (2012) and (2018)
KEY_FINGERPRINTS=(790BC7277767219C42C86F933B4FE6ACC0B21F32 F6ECB3762474EDA9D21B7022871920D1991BC93C)
PREFIX=/opt/python3.11
SRC_IN_CHROOT=/src/zcdesk
VENV_IN_CHROOT=/src/venv
OUT=$REPO/dist/old-base
NICE=(nice -n 10)
MARKS=var/lib/zcdesk-old-base
# Compiled in front of every C file of SQLite, CPython (and the slim numpy): see below.
OLD_LIBM_HEADER=/usr/local/include/zcdesk-glibc-2.28.h

log() { printf '\n=== %s  %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { echo "old_base: $*" >&2; exit 1; }

# --- chroot plumbing -------------------------------------------------------------------

MOUNTED=()
mount_chroot() {  # /proc, /dev, /sys and pip's cache for the commands run inside
    local root=$1
    local target
    for target in proc dev dev/pts sys; do
        mountpoint -q "$root/$target" && continue
        case $target in
            proc) mount -t proc proc "$root/proc" ;;
            sys) mount -t sysfs sys "$root/sys" ;;
            *) mount --bind "/$target" "$root/$target" ;;
        esac
        MOUNTED=("$root/$target" "${MOUNTED[@]}")
    done
    cp -L /etc/resolv.conf "$root/etc/resolv.conf"
}
unmount_all() {
    local target
    for target in "${MOUNTED[@]}"; do umount -l "$target" 2>/dev/null || true; done
    MOUNTED=()
}
trap unmount_all EXIT

in_root() {  # in_root ROOT COMMAND...: a clean environment, as a login would have
    local root=$1
    shift
    chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=dumb \
        DEBIAN_FRONTEND=noninteractive PIP_DISABLE_PIP_VERSION_CHECK=1 \
        PIP_CERT=/etc/ssl/certs/ca-certificates.crt \
        PATH=$PREFIX/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@"
}
in_chroot() { in_root "$CHROOT" "$@"; }

trust_host_cas() {  # the host's own CAs (a TLS-inspecting proxy) for pip in the chroot
    compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null || return 0
    mkdir -p "$CHROOT/usr/local/share/ca-certificates"
    cp /usr/local/share/ca-certificates/*.crt "$CHROOT/usr/local/share/ca-certificates/"
    in_chroot update-ca-certificates >/dev/null
}

remove_tree() {  # never through a leftover bind mount of the host's /dev or /proc
    local dir=$1
    grep -q " $dir/" /proc/mounts && die "$dir still has mounts: umount them first"
    rm -rf --one-file-system "$dir"
}

done_mark() { [[ -e "$CHROOT/$MARKS/$1" ]]; }
set_mark() { mkdir -p "$CHROOT/$MARKS" && date -u +%FT%TZ >"$CHROOT/$MARKS/$1"; }

write_sources() {  # focal + updates + security, main and universe
    cat >"$1/etc/apt/sources.list" <<EOF
deb $UBUNTU_MIRROR $SUITE main universe
deb $UBUNTU_MIRROR $SUITE-updates main universe
deb $UBUNTU_MIRROR $SUITE-security main universe
EOF
}

# --- stages ----------------------------------------------------------------------------

fetch_keyring() {
    local keyring=$CACHE/ubuntu-archive-keyring.gpg
    [[ -s $keyring ]] && return
    log "Ubuntu archive keyring"
    local tmp
    tmp=$(mktemp -d)
    curl -fsS -o "$tmp/keyring.deb" "$UBUNTU_MIRROR/$KEYRING_DEB"
    dpkg-deb -x "$tmp/keyring.deb" "$tmp/x"
    local fingerprints fpr
    fingerprints=$(gpg --show-keys --with-colons "$tmp/x/usr/share/keyrings/ubuntu-archive-keyring.gpg" \
        2>/dev/null | awk -F: '$1 == "fpr" {print $10}')
    for fpr in "${KEY_FINGERPRINTS[@]}"; do
        grep -qx "$fpr" <<<"$fingerprints" || die "keyring lacks the pinned key $fpr"
    done
    cp "$tmp/x/usr/share/keyrings/ubuntu-archive-keyring.gpg" "$keyring"
    rm -rf "$tmp"
}

fetch_sources() {  # Debian 12's python3.11, sqlite3 sources and libxcb-cursor0, on the host
    local dir=$CACHE/src
    mkdir -p "$dir/apt/lists/partial"
    if ! compgen -G "$dir/python3.11_*.orig.tar.*" >/dev/null \
        || ! compgen -G "$dir/sqlite3_*.orig.tar.*" >/dev/null; then
        log "Debian sources: python3.11, sqlite3"
        echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg]" \
            "$DEBIAN_MIRROR bookworm main" >"$dir/apt/src.list"
        local opts=(-o "Dir::Etc::SourceList=$dir/apt/src.list" -o Dir::Etc::SourceParts=/dev/null
            -o "Dir::State::Lists=$dir/apt/lists" -o APT::Sandbox::User=root)
        apt-get "${opts[@]}" update -qq
        (cd "$dir" && apt-get "${opts[@]}" source --download-only python3.11 sqlite3)
    fi
    if ! compgen -G "$dir/libxcb-cursor0_*.deb" >/dev/null; then
        log "libxcb-cursor0 (Debian 12, from the host's apt)"
        (cd "$dir" && apt-get -o APT::Sandbox::User=root download libxcb-cursor0)
    fi
}

debootstrap_base() {
    done_mark debootstrap && return
    log "debootstrap $SUITE (minbase) into $CHROOT"
    command -v debootstrap >/dev/null || die "debootstrap missing: apt-get install debootstrap"
    remove_tree "$CHROOT"
    "${NICE[@]}" debootstrap --variant=minbase --components=main,universe \
        --keyring="$CACHE/ubuntu-archive-keyring.gpg" "$SUITE" "$CHROOT" "$UBUNTU_MIRROR"
    write_sources "$CHROOT"
    # the pristine base, for `verify` (a desktop that never saw the build's packages)
    tar -C "$CHROOT" --one-file-system -cf "$CACHE/$SUITE-minbase.tar" .
    set_mark debootstrap
}

# What builds Python and SQLite, plus the runtime libraries of Qt's plugins so that
# PyInstaller can follow their links (the same list as packaging/deb.py's DEPENDS).
BUILD_PACKAGES=(build-essential pkg-config ca-certificates curl xz-utils file binutils tcl
    icu-devtools
    libssl-dev zlib1g-dev libbz2-dev liblzma-dev libffi-dev uuid-dev
    libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 libglib2.0-0
    libdbus-1-3 libx11-6 libx11-xcb1 libxcb1 libxcb-glx0 libxcb-icccm4 libxcb-image0
    libxcb-keysyms1 libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0
    libxcb-shm0 libxcb-sync1 libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1 libpulse0
    libasound2 libcups2)

install_build_deps() {
    done_mark build-deps && return
    log "build dependencies (apt, in the chroot)"
    in_chroot apt-get update -qq
    in_chroot "${NICE[@]}" apt-get install -y -qq --no-install-recommends "${BUILD_PACKAGES[@]}" \
        >"$CACHE/apt-build-deps.log" 2>&1 || { tail -30 "$CACHE/apt-build-deps.log"; exit 1; }
    set_mark build-deps
}

# glibc 2.29 gave exp, exp2, log, log2 and pow new symbol versions (faster code, no SVID
# error handling); built on focal, libpython, libsqlite3 and math.so would need 2.29 for
# them alone, and CPython's configure finds sem_clockwait (2.30). Binding the old
# versions (the same results through a thin compat wrapper) and leaving sem_clockwait out
# keeps the whole bundle at the glibc 2.28 of PySide6's manylinux_2_28 wheels: UOS 20.
write_old_libm_header() {
    mkdir -p "$CHROOT$(dirname "$OLD_LIBM_HEADER")"
    {
        echo "/* packaging/old_base.sh: pre-2.29 glibc versions of these libm functions */"
        local fn
        for fn in exp exp2 log log2 pow; do
            echo "__asm__(\".symver $fn,$fn@GLIBC_2.2.5\");"
        done
    } >"$CHROOT$OLD_LIBM_HEADER"
}

build_sqlite() {
    done_mark sqlite-glibc-2.28 && return
    write_old_libm_header
    log "SQLite from Debian 12's source into $PREFIX"
    local tarball
    tarball=$(ls "$CACHE"/src/sqlite3_*.orig.tar.* | grep -v -- -www | head -1)
    rm -rf "$CHROOT/usr/src/sqlite" && mkdir -p "$CHROOT/usr/src/sqlite"
    tar -C "$CHROOT/usr/src/sqlite" --strip-components=1 -xf "$tarball"
    # Debian's compile options that matter to Python's sqlite3 module
    local cflags="-O2 -include $OLD_LIBM_HEADER"
    cflags+=" -DSQLITE_ENABLE_COLUMN_METADATA -DSQLITE_ENABLE_FTS5 -DSQLITE_ENABLE_RTREE"
    cflags+=" -DSQLITE_ENABLE_DBSTAT_VTAB -DSQLITE_ENABLE_UNLOCK_NOTIFY -DSQLITE_SECURE_DELETE"
    in_chroot sh -euc "cd /usr/src/sqlite
        ./configure --prefix=$PREFIX --disable-static --disable-tcl CFLAGS='$cflags' >/dev/null
        ${NICE[*]} make -j$(nproc) >/dev/null
        make install >/dev/null"
    set_mark sqlite-glibc-2.28
}

build_python() {
    done_mark python-glibc-2.28 && return
    write_old_libm_header
    log "CPython from Debian's source tarball into $PREFIX (--enable-shared, no PGO)"
    local tarball
    tarball=$(ls "$CACHE"/src/python3.11_*.orig.tar.* | head -1)
    rm -rf "$CHROOT/usr/src/python" && mkdir -p "$CHROOT/usr/src/python"
    tar -C "$CHROOT/usr/src/python" --strip-components=1 -xf "$tarball"
    in_chroot sh -euc "cd /usr/src/python
        ./configure --prefix=$PREFIX --enable-shared --with-ensurepip=install \
            CPPFLAGS='-I$PREFIX/include' CFLAGS_NODIST='-include $OLD_LIBM_HEADER' \
            ac_cv_func_sem_clockwait=no \
            LDFLAGS='-L$PREFIX/lib -Wl,-rpath,$PREFIX/lib' >/dev/null
        ${NICE[*]} make -j$(nproc) >/dev/null
        make install >/dev/null"
    # the modules the app needs, and the SQLite it must use
    in_chroot "$PREFIX/bin/python3.11" -c '
import sqlite3, ssl, ctypes, lzma, bz2, zlib, uuid, hashlib
assert sqlite3.sqlite_version_info >= (3, 35), sqlite3.sqlite_version
print("python", __import__("sys").version.split()[0], "sqlite", sqlite3.sqlite_version,
      ssl.OPENSSL_VERSION)'
    set_mark python-glibc-2.28
    rm -rf "${CHROOT:?}$VENV_IN_CHROOT"  # a new Python: a new venv
}

copy_tree() {
    log "working tree -> $CHROOT$SRC_IN_CHROOT"
    local dest=$CHROOT$SRC_IN_CHROOT
    rm -rf "$dest" && mkdir -p "$dest"
    # tracked + untracked-but-not-ignored files (read-only git), minus deleted ones
    git -C "$REPO" ls-files -z --cached --others --exclude-standard \
        | grep -zvE '^(\.venv|dist|build|bench/out)/' \
        | (cd "$REPO" && while IFS= read -r -d '' path; do
            [[ -e $path || -L $path ]] && printf '%s\0' "$path"
        done) \
        | tar -C "$REPO" --null -T - -cf - | tar -C "$dest" -xf -
    ln -s "$VENV_IN_CHROOT" "$dest/.venv"  # scripts/package looks for .venv/bin/python
}

install_project() {
    log "venv + pip install -e '.[build,postgres]'"
    mkdir -p "$CACHE/pip" "$CHROOT/root/.cache/pip"
    mountpoint -q "$CHROOT/root/.cache/pip" \
        || { mount --bind "$CACHE/pip" "$CHROOT/root/.cache/pip"
             MOUNTED=("$CHROOT/root/.cache/pip" "${MOUNTED[@]}"); }
    [[ -x $CHROOT$VENV_IN_CHROOT/bin/python ]] \
        || in_chroot "$PREFIX/bin/python3.11" -m venv "$VENV_IN_CHROOT"
    in_chroot "$VENV_IN_CHROOT/bin/python" -m pip install -q --upgrade pip
    in_chroot sh -euc "cd $SRC_IN_CHROOT && ${NICE[*]} .venv/bin/pip install -q -e '.[build,postgres]' \
        >/tmp/pip-install.log 2>&1 || { tail -40 /tmp/pip-install.log; exit 1; }"
    if [[ ${ZCDESK_SLIM_NUMPY:-0} == 1 ]]; then
        # CXXFLAGS too: numpy/linalg/_umath_linalg is C++ (it kept exp/log@2.29 without)
        in_chroot sh -euc "cd $SRC_IN_CHROOT && CFLAGS='-include $OLD_LIBM_HEADER' \
            CXXFLAGS='-include $OLD_LIBM_HEADER' \
            ZCDESK_WHEEL_CACHE=/root/.cache/pip/zcdesk-wheels-glibc-2.28-cxx \
            ${NICE[*]} scripts/package numpy"
    fi
    in_chroot "$VENV_IN_CHROOT/bin/python" -c \
        'import PySide6, numpy; print("PySide6", PySide6.__version__, "numpy", numpy.__version__)'
}

build_bundle_and_deb() {
    log "PyInstaller bundle (build.spec)"
    in_chroot sh -euc "cd $SRC_IN_CHROOT && ${NICE[*]} .venv/bin/pyinstaller --noconfirm --clean \
        build.spec >/tmp/pyinstaller.log 2>&1 || { tail -40 /tmp/pyinstaller.log; exit 1; }"
    local internal=$CHROOT$SRC_IN_CHROOT/dist/zcdesk/_internal needed
    needed=$(objdump -p "$internal/PySide6/Qt/lib/libQt6XcbQpa.so.6")
    if [[ $needed == *"NEEDED               libxcb-cursor.so.0"* ]]; then
        # focal has no libxcb-cursor0: the bundle carries it next to Qt's libraries
        # (libqxcb.so's RUNPATH $ORIGIN/../../lib) and at the top of _internal like the
        # other Qt libraries; packaging/deb.py sees it and leaves it out of Depends
        local deb
        deb=$(ls "$CACHE"/src/libxcb-cursor0_*.deb | head -1)
        dpkg-deb --fsys-tarfile "$deb" | tar -C "$internal/PySide6/Qt/lib" -xf - \
            --wildcards --transform='s,.*/,,' './usr/lib/*/libxcb-cursor.so.0.*'
        mv "$internal"/PySide6/Qt/lib/libxcb-cursor.so.0.* "$internal/PySide6/Qt/lib/libxcb-cursor.so.0"
        ln -sfn PySide6/Qt/lib/libxcb-cursor.so.0 "$internal/libxcb-cursor.so.0"
    fi
    log ".deb (scripts/package deb)"
    in_chroot sh -euc "cd $SRC_IN_CHROOT && scripts/package deb"
    mkdir -p "$OUT"
    rm -f "$OUT"/zcdesk_*.deb
    cp "$CHROOT$SRC_IN_CHROOT"/dist/zcdesk_*.deb "$OUT/"
    report_bundle "$CHROOT$SRC_IN_CHROOT/dist/zcdesk" | tee "$OUT/bundle-report.txt"
}

report_bundle() {  # size, newest GLIBC symbol version, the .deb's Depends
    local bundle=$1 newest
    newest=$(find "$bundle" -type f -exec sh -c 'head -c4 "$1" | grep -q ELF && objdump -T "$1"' \
        _ {} \; 2>/dev/null | grep -o 'GLIBC_[0-9][0-9.]*' | sort -uV | tail -1)
    echo "bundle: $(du -sh "$bundle" | cut -f1) ($(du -sb "$bundle" | cut -f1) bytes)"
    echo "newest glibc symbol version: $newest"
    local deb
    deb=$(ls "$OUT"/zcdesk_*.deb | head -1)
    echo "deb: $(basename "$deb") $(du -h "$deb" | cut -f1)"
    dpkg-deb -f "$deb" Depends
}

# --- verify: a fresh focal, as a Kylin V10 user would install it ------------------------

verify() {
    local deb
    deb=$(ls "$OUT"/zcdesk_*.deb 2>/dev/null | head -1) || true
    [[ -n $deb ]] || die "no .deb in $OUT: build first"
    [[ -s $CACHE/$SUITE-minbase.tar ]] || die "no minbase snapshot: build first"
    log "fresh $SUITE chroot in $VERIFY_ROOT"
    remove_tree "$VERIFY_ROOT" && mkdir -p "$VERIFY_ROOT"
    tar -C "$VERIFY_ROOT" -xf "$CACHE/$SUITE-minbase.tar"
    mount_chroot "$VERIFY_ROOT"
    cp "$deb" "$VERIFY_ROOT/tmp/"
    log "apt-get install ./$(basename "$deb")"
    in_root "$VERIFY_ROOT" apt-get update -qq
    in_root "$VERIFY_ROOT" apt-get install -y -q "/tmp/$(basename "$deb")"
    log "libraries Qt's xcb plugin cannot find (none expected)"
    in_root "$VERIFY_ROOT" sh -c 'cd /opt/zcdesk/_internal && LD_LIBRARY_PATH=$PWD \
        ldd libQt6XcbQpa.so.6 PySide6/Qt/plugins/platforms/libqxcb.so | grep "not found" || echo none'
    log "zcdesk --version"
    in_root "$VERIFY_ROOT" /opt/zcdesk/zcdesk --version
    log "zcdesk --self-check (offscreen)"
    in_root "$VERIFY_ROOT" env QT_QPA_PLATFORM=offscreen /opt/zcdesk/zcdesk --self-check
    log "zcdesk --self-check on X11 (Xvfb, Qt's xcb plugin with the bundled libxcb-cursor)"
    in_root "$VERIFY_ROOT" apt-get install -y -qq --no-install-recommends xvfb xauth \
        >"$CACHE/apt-verify-xvfb.log" 2>&1 || { tail -30 "$CACHE/apt-verify-xvfb.log"; exit 1; }
    in_root "$VERIFY_ROOT" sh -euc 'Xvfb :7 -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
        xvfb=$!
        sleep 2
        status=0
        DISPLAY=:7 QT_QPA_PLATFORM=xcb LD_DEBUG=libs /opt/zcdesk/zcdesk --self-check \
            2>/tmp/ld-debug.log || status=$?
        kill $xvfb
        [ $status = 0 ] || exit $status
        grep -o "calling init: .*libxcb-cursor.so.0" /tmp/ld-debug.log | sort -u | grep . \
            || { echo "the xcb plugin did not load libxcb-cursor.so.0" >&2; exit 1; }'
    log "verified on $(in_root "$VERIFY_ROOT" sh -c '. /etc/os-release; echo $PRETTY_NAME'),"\
" glibc $(in_root "$VERIFY_ROOT" ldd --version | head -1 | awk '{print $NF}')"
}

build() {
    mkdir -p "$CACHE"
    fetch_keyring
    fetch_sources
    debootstrap_base
    mount_chroot "$CHROOT"
    install_build_deps
    trust_host_cas
    build_sqlite
    build_python
    copy_tree
    install_project
    build_bundle_and_deb
}

[[ $(id -u) == 0 ]] || die "run as root (debootstrap, chroot and mount need it)"
case "${1:-build}" in
    build) build ;;
    verify) verify ;;
    all) build && unmount_all && verify ;;
    -h | --help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' ;;
    *) die "usage: packaging/old_base.sh [build|verify|all]" ;;
esac
