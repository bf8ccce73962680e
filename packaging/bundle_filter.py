"""What the PyInstaller bundle keeps, per platform (used by build.spec, tested on its own).

PyInstaller's PySide6 hooks collect every Qt library, plugin and translation that the
used modules might reach. The bundle needs far fewer: these rules drop the rest by the
file's destination path inside the bundle. The two layouts differ:

  Linux  (PySide6 wheel for manylinux):  PySide6/Qt/lib/libQt6Core.so.6
                                          PySide6/Qt/plugins/platforms/libqxcb.so
                                          PySide6/Qt/translations/qt_zh_CN.qm
  Windows (PySide6 wheel for win_amd64): PySide6/Qt6Core.dll
                                          PySide6/plugins/platforms/qwindows.dll
                                          PySide6/translations/qt_zh_CN.qm

tests/test_packaging_bundle_filter.py runs `keep` over recorded file lists of both.
This file is loaded by path (build.spec, the tests): `packaging` is also the name of a
PyPI package, so packaging/ is deliberately not a Python package.
"""

from __future__ import annotations

import posixpath
import re
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Literal

Platform = Literal["linux", "win32"]

# Qt Python modules the app does not use. Excluding them keeps PyInstaller's
# PySide6 hooks from collecting their libraries, plugins, QML and translations.
# Used: QtCore QtGui QtWidgets QtMultimedia QtPdf QtPdfWidgets QtPrintSupport QtSvg
# (+ QtNetwork, QtDBus, QtConcurrent, QtOpenGL: shared-library dependencies of those).
UNUSED_QT = (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtAxContainer", "QtBluetooth", "QtCanvasPainter", "QtCharts", "QtDataVisualization",
    "QtDesigner", "QtGraphs", "QtGraphsWidgets", "QtHelp", "QtHttpServer", "QtLabsStyleKit",
    "QtLocation", "QtMultimediaWidgets", "QtNetworkAuth", "QtNfc", "QtOpenGL",
    "QtOpenGLWidgets", "QtPositioning", "QtQml", "QtQmlFeatures", "QtQuick", "QtQuick3D",
    "QtQuickControls2", "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects", "QtScxml",
    "QtSensors", "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql", "QtStateMachine",
    "QtTest", "QtTextToSpeech", "QtUiTools", "QtWebChannel", "QtWebEngineCore",
    "QtWebEngineQuick", "QtWebEngineWidgets", "QtWebSockets", "QtWebView", "QtXml",
)
# Python modules found in the build environment but not used at run time:
# PIL.ImageTk needs tkinter; readline (GNU, GPL-3.0) only serves an interactive prompt.
UNUSED_PYTHON = ("tkinter", "_tkinter", "PIL.ImageTk", "PIL.ImageQt", "readline")
# numpy's parts that `import numpy` leaves unloaded (numpy 2 loads them on first use)
# and zcdesk never asks for: random numbers, FFT, polynomials, f2py,
# the test helpers. numpy.linalg stays (numpy.matrixlib imports it), numpy.ma too
# (np.unique asks for it).
UNUSED_NUMPY = ("numpy.random", "numpy.fft", "numpy.polynomial", "numpy.f2py",
                "numpy.testing", "numpy.distutils", "numpy.ctypeslib")
# pypinyin: zcdesk reads only its single-character table, pinyin_dict.json
# (zcdesk/domain/collation.py), which build.spec adds as data. The package would bring
# its 2.5 MB phrase table and segmenters along.
UNUSED_PINYIN = ("pypinyin",)


def excludes(*, postgres: bool = True, system_libpq: bool = False) -> list[str]:
    """Analysis(excludes=…): modules PyInstaller must not follow.

    postgres=False builds a single-desk bundle without psycopg (a postgresql:// URL is
    then refused in words, see zcdesk/store/engine.py). system_libpq=True (Linux) keeps
    psycopg's pure-Python part and leaves out psycopg_binary, its own libpq, OpenSSL,
    Kerberos and LDAP (12 MB): psycopg then loads the system's libpq, which the .deb
    recommends (libpq5), and says so in words when it is missing.
    """
    unused = [f"PySide6.{m}" for m in UNUSED_QT] + [*UNUSED_PYTHON, *UNUSED_NUMPY,
                                                    *UNUSED_PINYIN]
    if not postgres:
        return [*unused, "psycopg", "psycopg_binary", "psycopg_c", "psycopg_pool"]
    return [*unused, "psycopg_binary", "psycopg_c"] if system_libpq else unused


# Qt libraries of unused modules that plugin dependency scans still drag in (the
# part after "Qt6"). FFmpeg goes too: QSoundEffect plays WAV through the platform's
# audio (PulseAudio/PipeWire, WASAPI) without a media backend plugin, and the FFmpeg
# backend plugin also links QtQuick. Use QSoundEffect for sounds; QMediaPlayer would
# need plugins/multimedia back.
_UNUSED_QT_LIBS = (
    r"(3D|Bluetooth|CanvasPainter|Charts|DataVisualization|Designer|EglFS|EglFsKms"
    r"|FFmpegStub|Graphs|Help|HttpServer|Labs|Location|Lottie|MultimediaQuick"
    r"|MultimediaWidgets|NetworkAuth|Nfc|PdfQuick|Positioning|Qml|Quick|RemoteObjects"
    r"|Scxml|Sensors|SerialBus|SerialPort|ShaderTools|SpatialAudio|Sql|StateMachine|Test"
    r"|TextToSpeech|UiTools|VirtualKeyboard|Wayland|WebChannel|WebEngine|WebSockets"
    r"|WebView|WlShell|Xml)"
)
_FFMPEG = r"(avcodec|avformat|avutil|swresample|swscale)"

# Pillow is only there because reportlab imports PIL.Image (for images in PDFs, which
# zcdesk does not draw). PIL.Image needs _imaging; the optional codecs and the font,
# colour-management and Tk modules are never loaded, and their libraries
# (libavif, libwebp, harfbuzz, freetype, lcms2) go with them.
_PIL_OPTIONAL = r"PIL/_(avif|webp|imagingcms|imagingft|imagingtk|imagingmath|imagingmorph)\."

# Files dropped by their basename, per platform.
_DROP_NAMES: dict[Platform, re.Pattern[str]] = {
    "linux": re.compile(rf"libQt6{_UNUSED_QT_LIBS}|lib{_FFMPEG}\."),
    "win32": re.compile(
        rf"Qt6{_UNUSED_QT_LIBS}[^/]*\.dll$|{_FFMPEG}-\d+\.dll$"
        # pyside6qml: the QML binding library. opengl32sw: Mesa's software OpenGL,
        # a fallback for Qt Quick; Qt Widgets paint without OpenGL. d3dcompiler: ditto.
        r"|pyside6qml\.abi3\.dll$|opengl32sw\.dll$|d3dcompiler_\d+\.dll$",
        re.IGNORECASE,
    ),
}

# Where the Qt files live inside the bundle.
_QT_ROOT: dict[Platform, str] = {"linux": "PySide6/Qt/", "win32": "PySide6/"}
_PLATFORM_PLUGINS: dict[Platform, str] = {
    # the desktop's, plus offscreen and minimal for headless runs (--self-check, CI)
    "linux": r"libq(xcb|offscreen|minimal)\.so$",
    "win32": r"q(windows|offscreen|minimal)\.dll$",
}
_UNUSED_PLUGIN_DIRS = (
    r"(wayland-[^/]*|egldeviceintegrations|qmltooling|qmllint|sqldrivers|texttospeech"
    r"|position|sensors|canbus|geoservices|renderers|sceneparsers|geometryloaders"
    r"|assetimporters|webview|designer|renderplugins|scxmldatamodel|multimedia|generic"
    r"|networkinformation|tls|vectorimageformats)/"
)


def _drop_paths(platform: Platform) -> re.Pattern[str]:
    qt = _QT_ROOT[platform]
    patterns = [
        qt + r"qml/",
        qt + r"libexec/",  # QtWebEngineProcess (Linux)
        qt + r"resources/",  # WebEngine .pak files
        qt + r"plugins/platforms/(?!" + _PLATFORM_PLUGINS[platform] + ")",
        qt + r"plugins/" + _UNUSED_PLUGIN_DIRS,
        # image formats: PNG is built into QtGui; the window icon is SVG. The rest
        # (JPEG, TIFF, WebP, GIF, ICO, ICNS, TGA, WBMP, PDF) never load.
        qt + r"plugins/imageformats/(?!(lib)?qsvg\.(so|dll)$)",
        qt + r"plugins/platforminputcontexts/(lib)?qtvirtualkeyboardplugin\.",
        # translations: Simplified Chinese Qt strings only (ui/app.py loads them).
        # qt_zh_CN.qm is a meta catalogue naming qtbase_ and qtmultimedia_zh_CN:
        # without either part it fails to load, so both stay.
        qt + r"translations/(?!(qt|qtbase|qtmultimedia)_zh_CN\.qm$)",
        _PIL_OPTIONAL,
        r"(^|/)__pycache__/",
        r"\.pyc$",
        r"^zcdesk/resources/sounds/make_sounds\.py$",  # generator, not needed at run time
    ]
    if platform == "linux":
        # the gtk3 theme needs the system GTK (absent on minimal installs; Qt falls back)
        patterns.append(qt + r"plugins/platformthemes/libqgtk3\.so")
    return re.compile("|".join(patterns))


_DROP_PATHS: dict[Platform, re.Pattern[str]] = {p: _drop_paths(p) for p in ("linux", "win32")}

# Linux: system libraries that PyInstaller copied from the build machine although the
# .deb depends on the Debian packages that provide them (packaging/deb.py, DEPENDS):
# the desktop's X11/xcb, fontconfig, GLib, D-Bus, CUPS and PulseAudio stacks and
# what they link. The system's own copies match its configuration (cupsd, the sound
# server) and its security updates. What Python itself links (libssl, libcrypto,
# libsqlite3, libffi, libbz2, liblzma, libz, libuuid) stays in.
SYSTEM_LIBS = re.compile(
    r"lib(X11|X11-xcb|Xau|Xdmcp|xcb(-[a-z-]+)?|xkbcommon(-x11)?|fontconfig|freetype|expat"
    r"|png16|brotli(common|dec|enc)|glib-2\.0|gthread-2\.0|gobject-2\.0|gio-2\.0|gmodule-2\.0"
    r"|pcre2-8|dbus-1|systemd|cap|lz4|zstd|gcrypt|gpg-error|cups|gnutls|unistring|p11-kit"
    r"|tasn1|nettle|hogweed|gmp|idn2|krb5|krb5support|k5crypto|gssapi_krb5|com_err|keyutils"
    r"|avahi-(client|common)|pulse|pulse-simple|pulsecommon-[\d.]+|sndfile|vorbis|vorbisenc"
    r"|FLAC|opus|ogg|mpg123|mp3lame|asyncns|asound|EGL|GL|GLX|GLdispatch|OpenGL)\.so"
)


def keep(dest: str, platform: Platform) -> bool:
    """Whether the file at `dest` (its path inside the bundle) is shipped."""
    dest = dest.replace("\\", "/")
    name = dest.rsplit("/", 1)[-1]
    if _DROP_NAMES[platform].match(name) or _DROP_PATHS[platform].search(dest):
        return False
    return not (platform == "linux" and "/" not in dest and SYSTEM_LIBS.match(name))


def filter_toc(entries: Iterable[tuple[str, str, str]], platform: Platform
               ) -> list[tuple[str, str, str]]:
    """PyInstaller TOC entries (dest, source, typecode) that `keep` keeps."""
    return [e for e in entries if keep(e[0], platform)]


def _needed(path: str) -> set[str]:
    """DT_NEEDED sonames of an ELF file (objdump comes with binutils, which PyInstaller
    needs on Linux)."""
    out = subprocess.run(["objdump", "-p", path], capture_output=True, text=True).stdout
    return {line.split()[1] for line in out.splitlines() if line.strip().startswith("NEEDED")}


def _prunable(dest: str) -> bool:
    # top-level system libraries and the auditwheel folders (pillow.libs/ …)
    parent = dest.rsplit("/", 1)[0] if "/" in dest else ""
    return (parent == "" or parent.endswith(".libs")) and not dest.startswith("libpython")


def prune_orphans(binaries: Sequence[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Linux: drop shared libraries that only dropped files needed.

    PyInstaller has already added every dependency of everything the hooks collected
    (e.g. cairo/pango for the gtk3 theme plugin, libavif for Pillow's AVIF codec);
    keep only those still reachable from what is left."""
    candidates = {
        e[0].rsplit("/", 1)[-1]: e for e in binaries if e[2] == "BINARY" and _prunable(e[0])
    }
    todo = [e[1] for e in binaries if e[0].rsplit("/", 1)[-1] not in candidates]
    reached: set[str] = set()
    while todo:
        for soname in _needed(todo.pop()):
            if soname in candidates and soname not in reached:
                reached.add(soname)
                todo.append(candidates[soname][1])
    return [e for e in binaries if e[0].rsplit("/", 1)[-1] not in candidates
            or e[0].rsplit("/", 1)[-1] in reached]


def drop_dangling_symlinks(*tocs: Sequence[tuple[str, str, str]]
                           ) -> list[list[tuple[str, str, str]]]:
    """PyInstaller also records top-level SYMLINK entries (libavif… -> pillow.libs/…);
    drop those whose target was dropped above, so no dangling link is shipped."""
    shipped = {e[0] for toc in tocs for e in toc if e[2] != "SYMLINK"}

    def target(entry: tuple[str, str, str]) -> str:
        return posixpath.normpath(posixpath.join(posixpath.dirname(entry[0]), entry[1]))

    return [[e for e in toc if e[2] != "SYMLINK" or target(e) in shipped] for toc in tocs]


def strip_copies(binaries: Sequence[tuple[str, str, str]], workdir: Path
                 ) -> list[tuple[str, str, str]]:
    """Linux: point each binary at a copy stripped of its symbols (binutils' strip),
    except the auditwheel folders (numpy.libs/, pillow.libs/ …).

    A pyenv libpython and SQLAlchemy's Cython modules ship unstripped (~35 MB).
    PyInstaller's COLLECT(strip=True) strips everything, and a stripped
    numpy.libs/libscipy_openblas64_ then fails to load ("ELF load command
    address/offset not page-aligned"): those libraries were patched by auditwheel
    after their build and are shipped stripped already."""
    result = []
    for dest, source, kind in binaries:
        parent = dest.rsplit("/", 1)[0] if "/" in dest else ""
        if kind in ("BINARY", "EXTENSION") and not parent.endswith(".libs"):
            target = workdir / dest
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            target.chmod(0o755)
            if subprocess.run(["strip", str(target)], capture_output=True).returncode == 0:
                source = str(target)
        result.append((dest, source, kind))
    return result


def windows_version_info(version: str, description: str, copyright_text: str) -> str:
    """The text of a PyInstaller version file (EXE(version=…)) for the Windows .exe:
    Explorer's 属性 → 详细信息 shows product name, version and copyright from it."""
    numbers = [int(n) for n in re.findall(r"\d+", version)[:4]]
    numbers += [0] * (4 - len(numbers))
    quad = tuple(numbers)
    strings = {
        "CompanyName": "zcdesk",
        "FileDescription": description,
        "FileVersion": version,
        "InternalName": "zcdesk",
        "LegalCopyright": copyright_text,
        "OriginalFilename": "zcdesk.exe",
        "ProductName": "职称材料受理 (zcdesk)",
        "ProductVersion": version,
    }
    structs = ",\n        ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    # 0x0804 = zh-CN, 1200 = Unicode (UTF-16) code page
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={quad}, prodvers={quad}, mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([
      StringTable('080404b0', [
        {structs}])
    ]),
    VarFileInfo([VarStruct('Translation', [0x0804, 1200])])
  ]
)
"""
