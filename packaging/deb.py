"""Build dist/zcdesk_<version>_<arch>.deb from the PyInstaller bundle dist/zcdesk/.

    scripts/package deb        (after .venv/bin/pyinstaller --noconfirm --clean build.spec)

The package (for Debian 12 and the Debian-based 统信 UOS / 银河麒麟 desktops):
  /opt/zcdesk/                               the bundle, as built
  /usr/bin/zcdesk                            a wrapper that runs /opt/zcdesk/zcdesk
  /usr/share/applications/zcdesk.desktop    the menu entry 职称材料受理 (Office)
  /usr/share/icons/hicolor/{48x48,128x128,256x256}/apps/zcdesk.png, scalable/apps/zcdesk.svg
  /usr/share/doc/zcdesk/copyright           Apache-2.0 + where the third-party notices are
  /usr/share/doc/zcdesk/THIRD_PARTY_NOTICES.md

No maintainer scripts: dpkg's own file triggers (hicolor-icon-theme, desktop-file-utils)
refresh the icon cache and the menu, and nothing ever touches the user's data folder
(~/.local/share/zcdesk): removing or purging the package keeps every database and backup.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "zcdesk"
INSTALL_DIR = Path("opt") / PACKAGE
ICON_SIZES = (48, 128, 256)

# The system libraries the bundle does not carry (packaging/bundle_filter.py,
# SYSTEM_LIBS): Qt's xcb platform plugin and OpenGL, fonts, GLib, D-Bus, sound
# (QtMultimedia links libpulse), printing (QtPrintSupport's CUPS plugin). The same
# list as scripts/setup installs for a checkout. Names as in Debian 12, UOS 20 and
# Kylin V10 (all Debian-based). libc6 comes first, with the newest glibc symbol
# version the bundle uses (glibc_floor): the build machine's libraries and PySide6's
# wheels set it, and dpkg then refuses a system too old to start the program.
DEPENDS = (
    "libstdc++6",
    "libegl1",
    "libgl1",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libfontconfig1",
    "libfreetype6",
    "libglib2.0-0",
    "libdbus-1-3",
    "libx11-6",
    "libx11-xcb1",
    "libxcb1",
    "libxcb-cursor0",
    "libxcb-glx0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-shm0",
    "libxcb-sync1",
    "libxcb-xfixes0",
    "libxcb-xinerama0",
    "libxcb-xkb1",
    "libpulse0",
    "libasound2",
    "libcups2",
)
# Libraries a bundle built on an older base carries itself because that base has no
# package for them (packaging/old_base.sh): Ubuntu 20.04 (Kylin V10's base) has no
# libxcb-cursor0, which Qt >= 6.5's xcb plugin links. Such a bundle does not depend on
# the package, or apt would refuse to install it there.
CARRIED_BY_BUNDLE = {"libxcb-cursor0": "libxcb-cursor.so.0"}
# libpq5: the PostgreSQL client library psycopg loads for an office whose desks share
# a PostgreSQL database (the bundle carries no libpq of its own); a single desk on
# SQLite does without, so it is recommended (apt installs it), not required.
RECOMMENDS = ("fonts-noto-cjk | fonts-wqy-microhei", "libpq5")

DESKTOP_ENTRY = """\
[Desktop Entry]
Type=Application
Version=1.0
Name=zcdesk
Name[zh_CN]=职称材料受理
GenericName=Title Application Counter
GenericName[zh_CN]=职称纸质材料受理窗口
Comment=Counter desk for the paper packets of the title recognition
Comment[zh_CN]=核对评审表、登记表，打印回执与补正告知单
Exec=/usr/bin/zcdesk
Icon=zcdesk
Terminal=false
Categories=Office;
Keywords=zcdesk;职称;受理;回执;
StartupWMClass=zcdesk
"""

WRAPPER = """\
#!/bin/sh
# zcdesk is installed in /opt/zcdesk (a PyInstaller bundle); this puts it on PATH.
exec /opt/zcdesk/zcdesk "$@"
"""


def project_version() -> str:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return str(data["project"]["version"])


def architecture() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()


def glibc_floor(bundle: Path) -> str:
    """The newest GLIBC_x.y symbol version any ELF file of the bundle needs."""
    newest = (2, 17)
    for path in bundle.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        with path.open("rb") as f:
            if f.read(4) != b"\x7fELF":
                continue
        out = subprocess.run(["objdump", "-T", str(path)], capture_output=True,
                             text=True).stdout
        for match in re.finditer(r"GLIBC_(\d+)\.(\d+)", out):
            newest = max(newest, (int(match[1]), int(match[2])))
    return f"{newest[0]}.{newest[1]}"


def system_depends(bundle: Path) -> list[str]:
    """DEPENDS without the packages whose library the bundle carries at its top level."""
    internal = bundle / "_internal"
    return [package for package in DEPENDS
            if not (package in CARRIED_BY_BUNDLE
                    and (internal / CARRIED_BY_BUNDLE[package]).is_file())]


def deb_path(dist: Path, version: str, arch: str) -> Path:
    return dist / f"{PACKAGE}_{version}_{arch}.deb"


def _installed_size_kib(root: Path) -> int:
    total = 0
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += (path.stat().st_size + 1023) // 1024
    return total


def copyright_text() -> str:
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    return (
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        "Upstream-Name: zcdesk\n"
        "Comment: /opt/zcdesk bundles Python, Qt for Python (LGPL-3.0) and other\n"
        " libraries and fonts under their own licences: see THIRD_PARTY_NOTICES.md in\n"
        " this folder and /opt/zcdesk/_internal/licenses/.\n"
        "\n"
        "Files: *\n"
        "Copyright: zcdesk authors\n"
        "License: Apache-2.0\n"
        + "".join(f" {line}\n" if line.strip() else " .\n" for line in licence.splitlines())
    )


def control_text(version: str, arch: str, installed_kib: int, glibc: str,
                 system: Sequence[str] = DEPENDS) -> str:
    depends = [f"libc6 (>= {glibc})", *system]
    return (
        f"Package: {PACKAGE}\n"
        f"Version: {version}\n"
        f"Architecture: {arch}\n"
        "Maintainer: zcdesk maintainers <zcdesk@localhost>\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {', '.join(depends)}\n"
        f"Recommends: {', '.join(RECOMMENDS)}\n"
        "Section: misc\n"
        "Priority: optional\n"
        "Description: 职称纸质材料受理窗口 (counter desk for title recognition packets)\n"
        " zcdesk checks the paper packets of the international-qualification title\n"
        " recognition (评审表, 登记表) against the checklist at a district acceptance\n"
        " point, records what came, prints receipts, notices and cover sheets, and\n"
        " prepares the documents for the city bureau. Installed in /opt/zcdesk; user\n"
        " data stays in ~/.local/share/zcdesk and is kept when the package is removed.\n"
    )


def stage(bundle: Path, root: Path) -> None:
    """Lay out the package's files under `root`."""
    shutil.copytree(bundle, root / INSTALL_DIR, symlinks=True)
    wrapper = root / "usr" / "bin" / PACKAGE
    wrapper.parent.mkdir(parents=True)
    wrapper.write_text(WRAPPER)
    wrapper.chmod(0o755)
    applications = root / "usr" / "share" / "applications"
    applications.mkdir(parents=True)
    (applications / f"{PACKAGE}.desktop").write_text(DESKTOP_ENTRY, encoding="utf-8")
    icons = ROOT / "resources" / "icons"
    hicolor = root / "usr" / "share" / "icons" / "hicolor"
    for size in ICON_SIZES:
        target = hicolor / f"{size}x{size}" / "apps" / f"{PACKAGE}.png"
        target.parent.mkdir(parents=True)
        shutil.copyfile(icons / f"zcdesk-{size}.png", target)
    scalable = hicolor / "scalable" / "apps" / f"{PACKAGE}.svg"
    scalable.parent.mkdir(parents=True)
    shutil.copyfile(icons / "zcdesk.svg", scalable)
    doc = root / "usr" / "share" / "doc" / PACKAGE
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(copyright_text(), encoding="utf-8")
    shutil.copyfile(ROOT / "THIRD_PARTY_NOTICES.md", doc / "THIRD_PARTY_NOTICES.md")
    # dpkg wants sane modes whatever the builder's umask
    for path in root.rglob("*"):
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            path.chmod(0o755 if os.access(path, os.X_OK) else 0o644)


def build(bundle: Path, dist: Path, compression: str = "xz") -> Path:
    """Build the .deb into `dist`; compression "none" is for quick test builds."""
    if not (bundle / PACKAGE).is_file():
        raise SystemExit(f"{bundle}/{PACKAGE} missing: build the bundle first "
                         "(.venv/bin/pyinstaller --noconfirm --clean build.spec)")
    version, arch = project_version(), architecture()
    output = deb_path(dist, version, arch)
    with tempfile.TemporaryDirectory(prefix="zcdesk-deb-") as tmp:
        root = Path(tmp) / "root"
        stage(bundle, root)
        debian = root / "DEBIAN"
        debian.mkdir()
        (debian / "control").write_text(
            control_text(version, arch, _installed_size_kib(root), glibc_floor(bundle),
                         system_depends(bundle)),
            encoding="utf-8")
        md5 = subprocess.run(
            ["find", ".", "-path", "./DEBIAN", "-prune", "-o", "-type", "f", "-printf",
             "%P\\0"], cwd=root, capture_output=True, check=True).stdout
        sums = subprocess.run(["xargs", "-0", "--no-run-if-empty", "md5sum"], input=md5,
                              cwd=root, capture_output=True, check=True).stdout
        (debian / "md5sums").write_bytes(sums)
        (debian / "control").chmod(0o644)
        (debian / "md5sums").chmod(0o644)
        output.unlink(missing_ok=True)
        # fakeroot: files owned by root:root in the archive without building as root
        command = ["dpkg-deb", "--root-owner-group", f"-Z{compression}", "--build",
                   str(root), str(output)]
        if os.geteuid() != 0 and shutil.which("fakeroot"):
            command.insert(0, "fakeroot")
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / PACKAGE)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    args = parser.parse_args(argv)
    output = build(args.bundle, args.dist)
    print(output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
