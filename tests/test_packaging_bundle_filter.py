"""build.spec's filter (packaging/bundle_filter.py) over recorded bundle file lists.

tests/data/bundle_linux/files.txt is what PyInstaller's Analysis collected in a real Linux
build; tests/data/bundle_windows/files.txt is the same bundle on Windows, recorded from
the Windows wheels' layout (each folder has the script that wrote it)."""

from __future__ import annotations

import ast
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "packaging" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


bundle_filter = load("bundle_filter")


def recorded(platform: str) -> dict[str, str]:
    folder = "bundle_windows" if platform == "win32" else "bundle_linux"
    lines = (DATA / folder / "files.txt").read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t") for line in lines)


def kept(platform: str) -> set[str]:
    return {d for d in recorded(platform) if bundle_filter.keep(d, platform)}


def check(platform: str, keep: list[str], drop: list[str]) -> None:
    files, shipped = recorded(platform), kept(platform)
    missing = [f for f in keep + drop if f not in files]
    assert missing == [], f"not in the recorded list (re-record it?): {missing}"
    assert [f for f in keep if f not in shipped] == []
    assert [f for f in drop if f in shipped] == []


def test_linux_keeps_the_qt_the_app_uses_and_drops_the_rest() -> None:
    qt = "PySide6/Qt/"
    check(
        "linux",
        keep=[
            qt + "lib/libQt6Core.so.6", qt + "lib/libQt6Gui.so.6",
            qt + "lib/libQt6Widgets.so.6", qt + "lib/libQt6PrintSupport.so.6",
            qt + "lib/libQt6Pdf.so.6", qt + "lib/libQt6Multimedia.so.6",
            qt + "lib/libQt6Svg.so.6", qt + "lib/libQt6XcbQpa.so.6",
            qt + "lib/libicudata.so.73",
            qt + "plugins/platforms/libqxcb.so", qt + "plugins/platforms/libqoffscreen.so",
            qt + "plugins/printsupport/libcupsprintersupport.so",
            qt + "translations/qt_zh_CN.qm", qt + "translations/qtbase_zh_CN.qm",
            qt + "translations/qtmultimedia_zh_CN.qm",
            "libpython3.11.so.1.0", "libsqlite3.so.0",
            "zcdesk/resources/fonts/wqy-microhei.ttc",
            "zcdesk/resources/fonts/hanamin-ext-b-f.ttf.gz",
            "zcdesk/store/migrations/env.py", "licenses/LICENSE",
        ],
        drop=[
            qt + "plugins/platforms/libqwayland.so", qt + "plugins/platforms/libqeglfs.so",
            qt + "plugins/platformthemes/libqgtk3.so",
            qt + "plugins/multimedia/libffmpegmediaplugin.so",
            qt + "translations/qt_de.qm", qt + "translations/qtbase_ja.qm",
            "PIL/_avif.cpython-311-x86_64-linux-gnu.so",
            "PIL/_webp.cpython-311-x86_64-linux-gnu.so",
            "PIL/_imagingft.cpython-311-x86_64-linux-gnu.so",
            # system libraries the .deb depends on instead
            "libcups.so.2", "libpulse.so.0", "libxcb-cursor.so.0", "libX11.so.6",
            "libgnutls.so.30", "libfontconfig.so.1", "libdbus-1.so.3",
            "zcdesk/resources/sounds/make_sounds.py",
        ],
    )
    shipped = kept("linux")
    assert not [d for d in shipped if "/qml/" in d or "libQt6Quick" in d or "libQt6Qml" in d]
    assert not [d for d in shipped if d.startswith(qt + "translations/")
                and not d.endswith("zh_CN.qm")]


def test_linux_keeps_what_python_itself_links() -> None:
    shipped = kept("linux")
    for name in ("libcrypto.so.3", "libssl.so.3", "libffi.so.8", "libbz2.so.1.0",
                 "liblzma.so.5", "libz.so.1"):
        if name in recorded("linux"):
            assert name in shipped, name


def test_windows_keeps_the_qt_the_app_uses_and_drops_the_rest() -> None:
    check(
        "win32",
        keep=[
            "PySide6/Qt6Core.dll", "PySide6/Qt6Gui.dll", "PySide6/Qt6Widgets.dll",
            "PySide6/Qt6PrintSupport.dll", "PySide6/Qt6Pdf.dll",
            "PySide6/Qt6Multimedia.dll", "PySide6/Qt6Svg.dll", "PySide6/Qt6Network.dll",
            "PySide6/pyside6.abi3.dll", "PySide6/QtCore.pyd", "PySide6/msvcp140.dll",
            "PySide6/vcruntime140.dll", "shiboken6/shiboken6.abi3.dll",
            "PySide6/plugins/platforms/qwindows.dll",
            "PySide6/plugins/platforms/qoffscreen.dll",
            "PySide6/plugins/styles/qmodernwindowsstyle.dll",
            "PySide6/plugins/imageformats/qsvg.dll",
            "PySide6/translations/qt_zh_CN.qm", "PySide6/translations/qtbase_zh_CN.qm",
            "python311.dll", "libcrypto-3.dll",
            "PIL/_imaging.cp311-win_amd64.pyd",
            "zcdesk/resources/fonts/wqy-microhei.ttc",
        ],
        drop=[
            "PySide6/Qt6Quick.dll", "PySide6/Qt6Qml.dll", "PySide6/Qt6WebEngineCore.dll",
            "PySide6/Qt6Designer.dll", "PySide6/Qt6QuickControls2Material.dll",
            "PySide6/Qt6MultimediaQuick.dll", "PySide6/Qt6Sql.dll",
            "PySide6/pyside6qml.abi3.dll", "PySide6/opengl32sw.dll",
            "PySide6/avcodec-61.dll", "PySide6/avformat-61.dll",
            "PySide6/plugins/multimedia/ffmpegmediaplugin.dll",
            "PySide6/plugins/platforms/qdirect2d.dll",
            "PySide6/plugins/sqldrivers/qsqlite.dll",
            "PySide6/translations/qt_de.qm", "PySide6/translations/qtbase_ja.qm",
            "PIL/_avif.cp311-win_amd64.pyd", "PIL/_webp.cp311-win_amd64.pyd",
        ],
    )
    shipped = kept("win32")
    assert not [d for d in shipped if d.startswith("PySide6/resources/")]  # WebEngine .pak
    assert not [d for d in shipped if "qtwebengine_locales" in d]


def test_the_linux_patterns_alone_would_keep_the_windows_qt() -> None:
    """The issue's finding: Linux names matched nothing on Windows. The per-platform
    rules drop most of Qt's DLLs there."""
    files = recorded("win32")
    qt_dlls = [d for d in files if d.startswith("PySide6/Qt6") and d.endswith(".dll")]
    linux_rules_keep = [d for d in qt_dlls if bundle_filter.keep(d, "linux")]
    windows_rules_keep = [d for d in qt_dlls if bundle_filter.keep(d, "win32")]
    assert len(linux_rules_keep) == len(qt_dlls)
    assert len(windows_rules_keep) < len(qt_dlls) / 3


def test_linux_system_library_rule_is_linux_only_and_top_level_only() -> None:
    assert not bundle_filter.keep("libcups.so.2", "linux")
    assert bundle_filter.keep("pillow.libs/libxcb-9065bb12.so.1.1.0", "linux")
    assert bundle_filter.keep("libcups.so.2", "win32")


def test_dangling_symlinks_go_with_their_target() -> None:
    binaries = [("pillow.libs/libjpeg-1.so", "/src/libjpeg", "BINARY"),
                ("libjpeg-1.so", "pillow.libs/libjpeg-1.so", "SYMLINK")]
    datas = [("libavif-2.so", "pillow.libs/libavif-2.so", "SYMLINK")]
    new_binaries, new_datas = bundle_filter.drop_dangling_symlinks(binaries, datas)
    assert new_binaries == binaries
    assert new_datas == []


def test_excludes_name_the_unused_qt_modules_and_psycopg_only_when_asked() -> None:
    assert "PySide6.QtQuick" in bundle_filter.excludes()
    assert "PySide6.QtWidgets" not in bundle_filter.excludes()
    assert "psycopg" not in bundle_filter.excludes()
    assert "psycopg" in bundle_filter.excludes(postgres=False)


def test_linux_bundle_keeps_psycopg_but_not_its_own_libpq() -> None:
    linux = bundle_filter.excludes(system_libpq=True)
    assert "psycopg" not in linux and "psycopg_binary" in linux
    assert "psycopg_binary" not in bundle_filter.excludes()  # Windows brings its libpq


def test_unused_numpy_and_pypinyin_parts_stay_out_but_what_the_list_uses_is_kept() -> None:
    excluded = bundle_filter.excludes()
    assert {"numpy.random", "numpy.fft", "pypinyin"} <= set(excluded)
    # np.unique reaches numpy.ma, numpy.matrixlib imports numpy.linalg
    assert "numpy.ma" not in excluded and "numpy.linalg" not in excluded
    assert "numpy" not in excluded


@pytest.mark.parametrize(("dest", "platform", "kept"), [
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", "linux", True),
    ("PySide6/Qt/plugins/imageformats/libqjpeg.so", "linux", False),
    ("PySide6/Qt/plugins/imageformats/libqwebp.so", "linux", False),
    ("PySide6/plugins/imageformats/qsvg.dll", "win32", True),
    ("PySide6/plugins/imageformats/qtiff.dll", "win32", False),
])
def test_only_the_svg_image_format_plugin_is_kept(dest: str, platform: str, kept: bool
                                                   ) -> None:
    assert bundle_filter.keep(dest, platform) is kept  # type: ignore[arg-type]


def test_windows_version_info_is_a_pyinstaller_version_file() -> None:
    text = bundle_filter.windows_version_info("0.1.0", "职称纸质材料受理窗口", "Apache-2.0")
    tree = ast.parse(text, mode="eval")  # PyInstaller evaluates the file as an expression
    assert isinstance(tree.body, ast.Call) and tree.body.func.id == "VSVersionInfo"
    assert "filevers=(0, 1, 0, 0)" in text
    assert "StringStruct('ProductVersion', '0.1.0')" in text
    assert "职称纸质材料受理窗口" in text


@pytest.mark.parametrize("spec_text", [(ROOT / "build.spec").read_text(encoding="utf-8")])
def test_spec_uses_the_filter_and_builds_two_executables_on_windows(spec_text: str) -> None:
    assert "bundle_filter.filter_toc(a.binaries, PLATFORM)" in spec_text
    assert "bundle_filter.filter_toc(a.datas, PLATFORM)" in spec_text
    assert '_exe("zcdesk", console=False), _exe("zcdesk-cli", console=True)' in spec_text
    assert "zcdesk.ico" in spec_text
    assert (ROOT / "resources" / "icons" / "zcdesk.ico").is_file()
