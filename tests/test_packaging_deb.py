"""The .deb (scripts/package deb): its control data, its files, and the program it installs.

Needs the PyInstaller bundle dist/zcdesk/ (minutes to build; CI builds it and then runs
this file). The .deb is taken from dist/ when it is newer than the bundle, else built
(uncompressed) into a temporary folder. It is unpacked into a throwaway root (dpkg-deb -x), and also
installed and removed with dpkg in a throwaway admin root, where the user's data must
survive the removal."""

from __future__ import annotations

import configparser
import importlib.util
import json
import os
import shutil
import struct
import subprocess
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "zcdesk"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
    "version"]

# CI sets ZCDESK_REQUIRE_BUNDLE=1 after building: a missing bundle is then a failure.
if os.environ.get("ZCDESK_REQUIRE_BUNDLE") and not (BUNDLE / "zcdesk").is_file():
    raise RuntimeError("ZCDESK_REQUIRE_BUNDLE is set but dist/zcdesk/zcdesk is missing")

pytestmark = [
    pytest.mark.skipif(not (BUNDLE / "zcdesk").is_file(),
                       reason="dist/zcdesk not built (.venv/bin/pyinstaller --noconfirm "
                              "--clean build.spec; CI builds it and runs this file)"),
    pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="dpkg-deb missing"),
]


def load_deb_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("deb", ROOT / "packaging" / "deb.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def deb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    module = load_deb_module()
    built = module.deb_path(ROOT / "dist", VERSION, module.architecture())
    if built.is_file() and built.stat().st_mtime >= (BUNDLE / "zcdesk").stat().st_mtime:
        return built
    # the same package, uncompressed: seconds instead of minutes of xz
    return module.build(BUNDLE, tmp_path_factory.mktemp("deb"), compression="none")


@pytest.fixture(scope="module")
def unpacked(deb: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("root")
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    return root


def field(deb: Path, name: str) -> str:
    return subprocess.run(["dpkg-deb", "-f", str(deb), name], capture_output=True,
                          text=True, check=True).stdout.strip()


def depends(deb: Path) -> set[str]:
    return {d.split()[0] for d in field(deb, "Depends").split(", ")}


def test_control_names_package_version_arch_and_qt_system_libraries(deb: Path) -> None:
    assert deb.name == f"zcdesk_{VERSION}_{field(deb, 'Architecture')}.deb"
    assert field(deb, "Package") == "zcdesk"
    assert field(deb, "Version") == VERSION
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True,
                          text=True).stdout.strip()
    assert field(deb, "Architecture") == arch
    # Qt's xcb platform plugin, OpenGL, fonts, D-Bus, sound and CUPS
    assert {"libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-xkb1",
            "libxkbcommon-x11-0", "libegl1", "libgl1", "libfontconfig1", "libdbus-1-3",
            "libglib2.0-0", "libpulse0", "libcups2"} <= depends(deb)
    assert int(field(deb, "Installed-Size")) > 50_000  # KiB: the whole bundle
    # the glibc the bundle was built against: dpkg refuses an older system up front
    assert field(deb, "Depends").startswith("libc6 (>= 2.")


def test_contents_owned_by_root_with_bundle_wrapper_menu_icons_and_licence(deb: Path
                                                                            ) -> None:
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True,
                             check=True).stdout.splitlines()
    paths = {line.split()[5].removeprefix(".") for line in listing}
    owners = {line.split()[1] for line in listing}
    assert owners == {"root/root"}
    assert {
        "/opt/zcdesk/zcdesk", "/usr/bin/zcdesk", "/usr/share/applications/zcdesk.desktop",
        "/usr/share/icons/hicolor/48x48/apps/zcdesk.png",
        "/usr/share/icons/hicolor/128x128/apps/zcdesk.png",
        "/usr/share/icons/hicolor/256x256/apps/zcdesk.png",
        "/usr/share/icons/hicolor/scalable/apps/zcdesk.svg",
        "/usr/share/doc/zcdesk/copyright", "/usr/share/doc/zcdesk/THIRD_PARTY_NOTICES.md",
        "/opt/zcdesk/_internal/licenses/LICENSE",
    } <= paths
    # nothing outside the package's own places
    assert all(p.startswith(("/opt/zcdesk", "/usr/")) or p == "/" or p in ("/opt/", "/opt")
               for p in paths)


def test_no_maintainer_script_so_nothing_touches_user_data(deb: Path, tmp_path: Path
                                                           ) -> None:
    control = tmp_path / "control"
    subprocess.run(["dpkg-deb", "-e", str(deb), str(control)], check=True)
    assert sorted(p.name for p in control.iterdir()) == ["control", "md5sums"]


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", header[16:24])


def test_menu_entry_and_icons(unpacked: Path) -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(unpacked / "usr/share/applications/zcdesk.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Name[zh_CN]"] == "职称材料受理"
    assert "Office" in desktop["Categories"].split(";")
    assert desktop["Type"] == "Application" and desktop["Terminal"] == "false"
    assert desktop["Icon"] == "zcdesk"
    assert (unpacked / desktop["Exec"].split()[0].lstrip("/")).is_file()
    for size in (48, 128, 256):
        icon = unpacked / f"usr/share/icons/hicolor/{size}x{size}/apps/zcdesk.png"
        assert png_size(icon) == (size, size)
    wrapper = (unpacked / "usr/bin/zcdesk").read_text()
    assert 'exec /opt/zcdesk/zcdesk "$@"' in wrapper
    assert os.access(unpacked / "usr/bin/zcdesk", os.X_OK)
    copyright_text = (unpacked / "usr/share/doc/zcdesk/copyright").read_text()
    assert "License: Apache-2.0" in copyright_text and "Apache License" in copyright_text


def isolated_env(home: Path) -> dict[str, str]:
    return {**os.environ, "HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
            "XDG_DATA_HOME": str(home / "data"), "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_CACHE_HOME": str(home / "cache"), "XDG_STATE_HOME": str(home / "state")}


def test_unpacked_program_passes_its_self_check(unpacked: Path, tmp_path: Path) -> None:
    program = unpacked / "opt/zcdesk/zcdesk"
    env = isolated_env(tmp_path)
    version = subprocess.run([str(program), "--version"], env=env, capture_output=True,
                             text=True, timeout=120)
    assert version.returncode == 0, version.stderr
    assert VERSION in version.stdout
    check = subprocess.run([str(program), "--self-check"], env=env, capture_output=True,
                           text=True, timeout=300)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "self-check ok" in check.stdout


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_unpacked_program_opens_a_postgresql_database_through_the_system_libpq(
        deb: Path, unpacked: Path, db_url: str, backend: str, tmp_path: Path) -> None:
    """The bundle carries psycopg without a libpq of its own: a desk on PostgreSQL loads
    the system's (libpq5, which the .deb recommends)."""
    assert "libpq5" in field(deb, "Recommends")
    bundle = unpacked / "opt/zcdesk"
    assert not list(bundle.rglob("psycopg_binary*"))
    program = bundle / "zcdesk"
    result = subprocess.run([str(program), "--create", "--db", db_url, "status", "--json"],
                            env=isolated_env(tmp_path), capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout) == []  # a new database: no packets yet


def needed_outside(bundle: Path) -> set[str]:
    """Sonames the bundle's ELF files need that the bundle does not carry."""
    inside = {p.name for p in bundle.rglob("*")}
    needed: set[str] = set()
    for path in bundle.rglob("*"):
        if path.is_symlink() or not path.is_file() or ".so" not in path.name:
            continue
        out = subprocess.run(["objdump", "-p", str(path)], capture_output=True,
                             text=True).stdout
        needed |= {line.split()[1] for line in out.splitlines()
                   if line.strip().startswith("NEEDED")}
    return needed - inside


def dependency_closure(roots: set[str]) -> set[str]:
    out = subprocess.run(["dpkg-query", "-W", "-f", "${Package}\t${Depends}, ${Pre-Depends}\n"],
                         capture_output=True, text=True, check=True).stdout
    graph: dict[str, set[str]] = {}
    for line in out.splitlines():
        name, _, deps = line.partition("\t")
        graph[name] = {alt.split()[0].split(":")[0] for d in deps.split(",") if d.strip()
                       for alt in d.split("|") if alt.strip()}
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        package = todo.pop()
        if package not in seen:
            seen.add(package)
            todo.extend(graph.get(package, ()))
    return seen


@pytest.mark.skipif(shutil.which("dpkg-query") is None, reason="not a Debian system")
def test_every_library_the_bundle_needs_comes_from_a_declared_dependency(
        deb: Path, unpacked: Path) -> None:
    """What the bundle no longer carries (bundle_filter.SYSTEM_LIBS) must arrive with
    Depends: each such soname on this machine belongs to a package in their closure."""
    closure = dependency_closure(depends(deb))
    libraries = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True,
                               check=True).stdout
    where = {}
    for line in libraries.splitlines()[1:]:
        name, _, path = line.strip().partition(" => ")
        if "x86-64" in name or "AArch64" in name or "64bit" in name or "," not in name:
            where.setdefault(name.split()[0], path)
    problems = []
    for soname in sorted(needed_outside(unpacked / "opt/zcdesk")):
        path = where.get(soname)
        if path is None:
            problems.append(f"{soname}: not on this system")
            continue
        owner = subprocess.run(["dpkg", "-S", os.path.realpath(path)], capture_output=True,
                               text=True)
        if owner.returncode != 0:
            owner = subprocess.run(["dpkg", "-S", path], capture_output=True, text=True)
        package = owner.stdout.split(":")[0].strip()
        if package not in closure:
            problems.append(f"{soname}: from {package or '?'}, not in Depends' closure")
    assert problems == []


@pytest.mark.skipif(shutil.which("dpkg") is None, reason="dpkg missing")
def test_install_and_remove_in_a_throwaway_root_keeps_user_data(deb: Path, tmp_path: Path
                                                                ) -> None:
    root = tmp_path / "root"
    admin = root / "var/lib/dpkg"
    for folder in ("info", "updates", "triggers"):
        (admin / folder).mkdir(parents=True)
    (admin / "status").write_text("")
    (admin / "available").write_text("")
    user_data = root / "home/clerk/.local/share/zcdesk/zcdesk.sqlite3"
    user_data.parent.mkdir(parents=True)
    user_data.write_bytes(b"SQLite format 3\x00 the office's data")
    dpkg = ["dpkg", f"--root={root}", f"--admindir={admin}", "--force-not-root",
            "--force-depends", "--force-script-chrootless", "--log=/dev/null"]
    subprocess.run([*dpkg, "--install", str(deb)], check=True, capture_output=True)
    assert (root / "opt/zcdesk/zcdesk").is_file()
    assert (root / "usr/share/applications/zcdesk.desktop").is_file()
    subprocess.run([*dpkg, "--purge", "zcdesk"], check=True, capture_output=True)
    assert not (root / "opt/zcdesk").exists()
    assert not (root / "usr/bin/zcdesk").exists()
    assert not (root / "usr/share/applications/zcdesk.desktop").exists()
    assert user_data.read_bytes() == b"SQLite format 3\x00 the office's data"
