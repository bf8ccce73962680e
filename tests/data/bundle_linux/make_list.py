"""Write files.txt: the files PyInstaller's Analysis handed build.spec in a real Linux build.

    .venv/bin/pyinstaller --noconfirm --clean build.spec
    .venv/bin/python tests/data/bundle_linux/make_list.py build/build/Analysis-00.toc

Analysis-00.toc is PyInstaller's record of the Analysis before the spec filters it:
every binary, extension, data file and symlink the hooks collected (Python modules
inside the archive are left out: the filter never sees them).
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = {"BINARY", "EXTENSION", "DATA", "SYMLINK"}


def entries(node: object) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    if isinstance(node, (list, tuple)):
        if len(node) == 3 and all(isinstance(x, str) for x in node) and node[2] in KINDS:
            return [(str(node[0]), str(node[2]))]
        for child in node:
            found.extend(entries(child))
    return found


def main(toc: Path) -> None:
    rows = sorted(set(entries(ast.literal_eval(toc.read_text(encoding="utf-8")))))
    rows = [(d, k) for d, k in rows if "__pycache__" not in d]
    (HERE / "files.txt").write_text("".join(f"{d}\t{k}\n" for d, k in rows),
                                    encoding="utf-8")
    print(f"{len(rows)} files")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
