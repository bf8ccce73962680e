"""A slim ICU data library for the Linux bundle (used by build.spec, tested on its own).

PySide6's manylinux wheel links QtCore against its own ICU 73; libicudata.so.73 is
32 MB of locale data for ~800 locales, break-iterator dictionaries and 230 legacy
character-set tables. QtCore calls ICU for only four things (its imported ICU symbols):

  u_strToUpper/u_strToLower   case mapping: tables compiled into libicuuc, no data items
  ucnv_*                      QStringConverter for non-UTF encodings (GBK, GB18030, Big5)
  ucal_*                      time-zone display names and canonical IDs (QTimeZone)
  ucol_*                      QCollator; zcdesk sorts with pypinyin, never with QCollator

So the bundle ships a libicudata.so.73 with the same soname and symbol (icudt73_dat)
holding only: the root, English and Chinese locale data, the shared pool, time-zone data,
the supplemental tables and the Chinese converters; the root collation (ucadata) stays,
so a QCollator still works in code-point-aware root order.

Made with ICU's own package tool (icupkg, Debian icu-devtools) and binutils' as/ld,
which PyInstaller already needs. Without icupkg the full library is kept, with a warning.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from pathlib import Path

LIBRARY = re.compile(r"libicudata\.so\.(\d+)$")
_LOCALE_ITEM = re.compile(r"^(?:(?P<tree>[a-z]+)/)?(?P<locale>[a-z]{2,3})(?:_\w+)?\.res$")
KEPT_LANGUAGES = {"zh", "en"}
# Trees of locale data that Qt's calls read (time-zone names), and the shared items
# every locale tree needs.
KEPT_TREES = {"", "zone"}
TREE_ITEMS = {"pool.res", "res_index.res", "root.res", "tzdbNames.res"}
# GBK and Big5 are extensions of the IBM tables after them (icupkg checks such links)
KEPT_CONVERTERS = {"cnvalias.icu", "gb18030.cnv", "windows-936-2000.cnv",
                   "ibm-1386_P100-2001.cnv", "windows-950-2000.cnv", "ibm-1373_P100-2002.cnv"}
# root collation only (see module doc)
KEPT_COLLATION = {"coll/ucadata.icu", "coll/root.res", "coll/res_index.res"}
# Items for properties and algorithms that QtCore does not call into.
DROPPED_TOP = re.compile(r"^(unames\.icu|confusables\.cfu|.*\.spp|uts46\.nrm)$")


def is_kept(item: str) -> bool:
    """Whether the ICU data item `item` (as icupkg -l names it) stays."""
    if item in KEPT_CONVERTERS or item in KEPT_COLLATION:
        return True
    tree, _, name = item.rpartition("/")
    if tree not in KEPT_TREES:
        return False
    if name.endswith(".cnv"):
        return False
    if name in TREE_ITEMS:
        return True
    locale = _LOCALE_ITEM.match(item)
    if locale:
        return locale["locale"] in KEPT_LANGUAGES
    return tree == "" and not DROPPED_TOP.match(name)


def tools_available() -> bool:
    return all(shutil.which(t) for t in ("icupkg", "nm", "objdump", "as", "ld"))


def _data_span(library: Path, symbol: str) -> tuple[int, int]:
    """File offset and size of `symbol` (the data blob) in the ELF `library`."""
    out = subprocess.run(["nm", "-D", "-S", str(library)], capture_output=True, text=True,
                         check=True).stdout
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[3] == symbol:
            address, size = int(parts[0], 16), int(parts[1], 16)
            break
    else:
        raise RuntimeError(f"{symbol} not found in {library}")
    headers = subprocess.run(["objdump", "-h", str(library)], capture_output=True, text=True,
                             check=True).stdout
    for line in headers.splitlines():
        parts = line.split()
        if len(parts) >= 6 and parts[1].startswith("."):
            vma, offset, length = int(parts[3], 16), int(parts[5], 16), int(parts[2], 16)
            if vma <= address < vma + length:
                return offset + address - vma, size
    raise RuntimeError(f"no section holds {symbol} in {library}")


def slim_library(library: Path, workdir: Path) -> Path:
    """Write workdir/libicudataNN.so.NN with only the kept items; return its path."""
    match = LIBRARY.search(library.name)
    if not match:
        raise ValueError(f"not an ICU data library: {library}")
    version = match[1]
    symbol = f"icudt{version}_dat"
    workdir.mkdir(parents=True, exist_ok=True)
    offset, size = _data_span(library, symbol)
    with library.open("rb") as f:
        f.seek(offset)
        blob = f.read(size)
    # icupkg wants the package's own name (icudt73l.dat): the full one in a subfolder
    (workdir / "full").mkdir(exist_ok=True)
    full = workdir / "full" / f"icudt{version}l.dat"
    full.write_bytes(blob)
    items = subprocess.run(["icupkg", "-l", str(full)], capture_output=True, text=True,
                           check=True).stdout.split()
    dropped = workdir / "dropped.txt"
    dropped.write_text("\n".join(i for i in items if not is_kept(i)) + "\n")
    slim = workdir / f"icudt{version}l.dat"
    subprocess.run(["icupkg", "-r", str(dropped), str(full), str(slim)], check=True,
                   capture_output=True)
    source = workdir / "icudata.s"
    # ICU reads the blob through the exported symbol; 16-byte alignment as ICU's own.
    source.write_text(
        f'\t.section .rodata\n\t.globl {symbol}\n\t.type {symbol}, @object\n'
        f'\t.balign 16\n{symbol}:\n\t.incbin "{slim.name}"\n'
        f'\t.size {symbol}, . - {symbol}\n'
        '\t.section .note.GNU-stack,"",@progbits\n'
    )
    subprocess.run(["as", "-o", "icudata.o", "icudata.s"], cwd=workdir, check=True)
    output = workdir / library.name
    subprocess.run(["ld", "-shared", "-soname", library.name, "-o", str(output),
                    "icudata.o"], cwd=workdir, check=True)
    return output


def slim_in_toc(binaries: Sequence[tuple[str, str, str]], workdir: Path | str
                ) -> list[tuple[str, str, str]]:
    """build.spec: point the bundle's libicudata entry at a slim copy."""
    result = list(binaries)
    if not tools_available():
        print("WARNING: icupkg (Debian: icu-devtools) not found: the full ICU data "
              "(32 MB) stays in the bundle")
        return result
    for index, (dest, source, kind) in enumerate(result):
        if LIBRARY.search(dest.rsplit("/", 1)[-1]):
            slim = slim_library(Path(source), Path(workdir))
            result[index] = (dest, str(slim), kind)
    return result


def summary(items: Iterable[str]) -> tuple[int, int]:
    """(kept, total) counts of a list of item names."""
    items = list(items)
    return sum(map(is_kept, items)), len(items)
