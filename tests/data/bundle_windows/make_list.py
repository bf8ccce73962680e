"""Write files.txt: the files PyInstaller's Analysis hands build.spec on Windows.

    pip download --platform win_amd64 --python-version 3.11 --only-binary=:all: --no-deps \
        -d WHEELS PySide6-Essentials==6.11.3 PySide6-Addons==6.11.3 shiboken6==6.11.3 \
        pillow psycopg-binary numpy python-calamine SQLAlchemy MarkupSafe charset-normalizer
    python tests/data/bundle_windows/make_list.py WHEELS

Recorded without a Windows machine: PySide6's runtime files (DLLs, plugins, translations,
WebEngine resources) from the Windows wheels' own layout, as PyInstaller's Qt hooks collect
them (Qt under PySide6/ directly, plugins under PySide6/plugins/), plus the CPython and
other packages' Windows files of the same bundle, and zcdesk's data from the Linux list.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Python bindings of the modules zcdesk imports (the other .pyd are excluded in the spec)
USED_BINDINGS = ("QtCore", "QtGui", "QtWidgets", "QtMultimedia", "QtPdf", "QtPdfWidgets",
                 "QtPrintSupport", "QtSvg", "QtNetwork", "QtDBus", "QtConcurrent")
PYTHON = (
    "python311.dll", "VCRUNTIME140.dll", "VCRUNTIME140_1.dll", "base_library.zip",
    "_ssl.pyd", "_hashlib.pyd", "libcrypto-3.dll", "libssl-3.dll", "_sqlite3.pyd",
    "sqlite3.dll", "libffi-8.dll", "_ctypes.pyd", "_lzma.pyd", "_bz2.pyd", "select.pyd",
    "unicodedata.pyd", "_decimal.pyd", "_socket.pyd", "_overlapped.pyd", "_asyncio.pyd",
    "_queue.pyd", "_multiprocessing.pyd", "_uuid.pyd", "pyexpat.pyd", "_elementtree.pyd",
    "_wmi.pyd", "ucrtbase.dll",
)
# Compiled parts of the other bundled packages, from their own Windows wheels
# (pillow, psycopg-binary, numpy, python-calamine, SQLAlchemy, MarkupSafe,
# charset-normalizer), downloaded into the same folder.
OTHER_PACKAGES = ("PIL", "psycopg_binary", "psycopg_binary.libs", "numpy", "numpy.libs",
                  "python_calamine", "sqlalchemy", "markupsafe", "charset_normalizer")


def main(wheels: Path) -> None:
    rows: list[tuple[str, str]] = [(name, "BINARY") for name in PYTHON]
    for wheel in sorted(wheels.glob("*win_amd64.whl")):
        for name in zipfile.ZipFile(wheel).namelist():
            top, _, rest = name.partition("/")
            if (top in OTHER_PACKAGES and name.endswith((".dll", ".pyd"))
                    and "/tests/" not in name and "_tests." not in name):
                rows.append((name, "EXTENSION" if name.endswith(".pyd") else "BINARY"))
            if top == "shiboken6" and name.endswith((".dll", ".pyd")):
                rows.append((name, "EXTENSION" if name.endswith(".pyd") else "BINARY"))
            if top != "PySide6":
                continue
            if "/" not in rest and rest.endswith(".dll"):
                rows.append((name, "BINARY"))
            elif "/" not in rest and rest.endswith(".pyd") and rest[:-4] in USED_BINDINGS:
                rows.append((name, "EXTENSION"))
            elif rest.startswith("plugins/"):
                rows.append((name, "BINARY"))
            elif rest.startswith(("translations/", "resources/")):
                rows.append((name, "DATA"))
    linux = (HERE.parent / "bundle_linux" / "files.txt").read_text(encoding="utf-8")
    for line in linux.splitlines():
        dest, kind = line.split("\t")
        if dest.startswith(("zcdesk/", "licenses/")):
            rows.append((dest, kind))
    text = "".join(f"{dest}\t{kind}\n" for dest, kind in sorted(set(rows)))
    (HERE / "files.txt").write_text(text, encoding="utf-8")
    print(f"{len(rows)} files")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
