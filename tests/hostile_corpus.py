"""Hostile input files for the importers, generated here (never committed as binaries).

    .venv/bin/python -m tests.hostile_corpus write DIR   # the files, to look at
    .venv/bin/python -m tests.hostile_corpus run DIR     # each through every reader

`build(directory)` writes every file and returns their paths. `run` reads each file
with the roster, disqualification-list, decisions and transmittal readers in a forked
child (an abort inside python-calamine then kills only the child), under an address
space limit, and prints one JSON line per file: how the child ended, its peak RSS and
its time. tests/test_hostile_files.py runs it; bench/bench_hostile.py reports it.

The zip writer here writes what it is told, lies included: sizes, CRCs, methods and
flags that do not match the data, members deflated from a stream never held whole.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import sys
import time
import traceback
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).parent
XLS = HERE / "data" / "roster.xls"  # the committed Excel 97-2003 roster, patched below
MiB = 1024 * 1024
# The child's address space: the readers' own (≈ 0.3 GB of mappings after import) plus
# 500 MB. A file that needs more makes an allocation fail: calamine aborts, Python
# raises MemoryError; either is reported as a failure.
HEADROOM = 500 * MiB


# ------------------------------------------------------------------ zip writing
@dataclass
class Member:
    name: str
    data: bytes | None = b""  # None: `stream` gives the content
    stream: tuple[bytes, int, bytes, bytes] | None = None  # (chunk, times, head, tail)
    method: int = 8
    flags: int = 0x800
    declared: int | None = None  # the size written in the headers (default: the true one)
    crc: int | None = None
    stored_method: int | None = None  # the method written in the headers, if not `method`


def _content(member: Member) -> tuple[bytes, int, int]:
    """(raw bytes as stored, true size, CRC)."""
    if member.stream is not None:
        chunk, times, head, tail = member.stream
        packer = zlib.compressobj(9, zlib.DEFLATED, -15)
        parts, crc = [packer.compress(head)], zlib.crc32(head)
        for _ in range(times):
            parts.append(packer.compress(chunk))
            crc = zlib.crc32(chunk, crc)
        parts += [packer.compress(tail), packer.flush()]
        crc = zlib.crc32(tail, crc)
        return b"".join(parts), len(head) + len(chunk) * times + len(tail), crc
    data = member.data or b""
    if member.method == 8:
        packer = zlib.compressobj(6, zlib.DEFLATED, -15)
        return packer.compress(data) + packer.flush(), len(data), zlib.crc32(data)
    return data, len(data), zlib.crc32(data)


def zip_bytes(members: Iterable[Member]) -> bytes:
    out = bytearray()
    directory = bytearray()
    count = 0
    for member in members:
        raw, size, crc = _content(member)
        name = member.name.encode()
        method = member.method if member.stored_method is None else member.stored_method
        declared = size if member.declared is None else member.declared
        crc = crc if member.crc is None else member.crc
        offset = len(out)
        out += struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, member.flags, method, 0, 0x21,
                           crc, len(raw), declared, len(name), 0) + name + raw
        directory += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, member.flags, method,
                                 0, 0x21, crc, len(raw), declared, len(name), 0, 0, 0, 0,
                                 0, offset) + name
        count += 1
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count & 0xFFFF, count & 0xFFFF,
                      len(directory), len(out), 0)
    return bytes(out + directory + end)


# ------------------------------------------------------------------ .xlsx
_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HEADER_ROW = ('<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c>'
              '<c r="B1" t="inlineStr"><is><t>证件号码</t></is></c>'
              '<c r="C1" t="inlineStr"><is><t>工作单位</t></is></c></row>')


def sheet_xml(rows: str, *, before: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?><worksheet {_NS}>{before}'
            f"<sheetData>{rows}</sheetData></worksheet>").encode()


def xlsx_members(sheets: list[Member], *, targets: list[str] | None = None,
                 extra: Iterable[Member] = ()) -> list[Member]:
    """A workbook around `sheets` (their names are the parts; `targets` can point the
    workbook's relationships elsewhere)."""
    targets = targets or [m.name for m in sheets]
    listed = "".join(f'<sheet name="S{i}" sheetId="{i}" r:id="rId{i}"/>'
                     for i in range(1, len(targets) + 1))
    rels = "".join(f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" Target="/{t}"/>'
                   for i, t in enumerate(targets, start=1))
    pkg = "http://schemas.openxmlformats.org/package/2006"
    return [
        Member("[Content_Types].xml", (
            f'<?xml version="1.0"?><Types xmlns="{pkg}/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxml'
            'formats-officedocument.spreadsheetml.sheet.main+xml"/></Types>').encode()),
        Member("_rels/.rels", (
            f'<?xml version="1.0"?><Relationships xmlns="{pkg}/relationships">'
            f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>").encode()),
        Member("xl/workbook.xml", (
            f'<?xml version="1.0"?><workbook {_NS} xmlns:r="{_REL}"><sheets>{listed}</sheets>'
            "</workbook>").encode()),
        Member("xl/_rels/workbook.xml.rels", (
            f'<?xml version="1.0"?><Relationships xmlns="{pkg}/relationships">{rels}'
            "</Relationships>").encode()),
        *sheets, *extra]


def xlsx(rows: str, *, before: str = "") -> bytes:
    return zip_bytes(xlsx_members([Member("xl/worksheets/sheet1.xml",
                                          sheet_xml(rows, before=before))]))


def cell_bomb(ref: str) -> bytes:
    """The header row and one more cell at `ref` (XFD1048576: the 550 GB abort)."""
    row = "".join(ch for ch in ref if ch.isdigit()) or "2"
    return xlsx(HEADER_ROW + f'<row r="{row}"><c r="{ref}"><v>1</v></c></row>')


def _sheet_bomb(total: int) -> Member:
    """A worksheet of `total` bytes of valid-looking rows (deflates ≈ 1000:1)."""
    head = sheet_xml(HEADER_ROW).split(b"</sheetData>")[0]
    chunk = b"<!-- " + b"x" * (MiB - 9) + b" -->"
    return Member("xl/worksheets/sheet1.xml", None,
                  (chunk, total // MiB, head, b"</sheetData></worksheet>"))


# ------------------------------------------------------------------ OLE (.xls and encrypted .xlsx)
def ole(streams: dict[str, bytes]) -> bytes:
    """A compound file (version 3, 512-byte sectors) holding `streams`, each padded to
    4096 bytes or more so that none lives in the mini stream."""
    bodies = [(name, data + b"\x00" * max(0, 4096 - len(data))) for name, data in
              streams.items()]
    sectors_of = [(len(body) + 511) // 512 for _, body in bodies]
    dir_sectors = (len(bodies) + 1 + 3) // 4
    data_sectors = sum(sectors_of) + dir_sectors
    fat_sectors = (data_sectors + 1 + 127) // 128
    while (data_sectors + fat_sectors + 127) // 128 > fat_sectors:
        fat_sectors += 1
    fat = [0xFFFFFFFD] * fat_sectors
    first_dir = len(fat)
    fat += [len(fat) + i + 1 for i in range(dir_sectors - 1)] + [0xFFFFFFFE]
    starts = []
    for count in sectors_of:
        starts.append(len(fat))
        fat += [len(fat) + i + 1 for i in range(count - 1)] + [0xFFFFFFFE]
    fat += [0xFFFFFFFF] * (fat_sectors * 128 - len(fat))
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<LLLLLLLL", header, 0x2C, fat_sectors, first_dir, 0, 4096,
                     0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
    difat = list(range(fat_sectors)) + [0xFFFFFFFF] * (109 - fat_sectors)
    struct.pack_into("<109L", header, 0x4C, *difat)

    def entry(name: str, kind: int, start: int, size: int, child: int, right: int) -> bytes:
        encoded = (name + "\x00").encode("utf-16-le")
        raw = bytearray(128)
        raw[:len(encoded)] = encoded
        struct.pack_into("<HBB3L", raw, 64, len(encoded), kind, 1, 0xFFFFFFFF, right, child)
        struct.pack_into("<LL", raw, 116, start, size)
        return bytes(raw)

    entries = [entry("Root Entry", 5, 0xFFFFFFFE, 0, 1 if bodies else 0xFFFFFFFF, 0xFFFFFFFF)]
    for index, ((name, body), start) in enumerate(zip(bodies, starts, strict=True), start=1):
        right = index + 1 if index < len(bodies) else 0xFFFFFFFF
        entries.append(entry(name, 2, start, len(body), 0xFFFFFFFF, right))
    directory = b"".join(entries).ljust(dir_sectors * 512, b"\x00")
    stream_bytes = b"".join(body.ljust(n * 512, b"\x00")
                            for (_, body), n in zip(bodies, sectors_of, strict=True))
    return bytes(header) + struct.pack(f"<{len(fat)}L", *fat) + directory + stream_bytes


def patched_xls(row: int, col: int, *, dimensions: tuple[int, int] | None = None) -> bytes:
    """The committed .xls with its first LABELSST cell moved to (row, col), 0-based."""
    data = bytearray(XLS.read_bytes())
    at = data.find(b"\xfd\x00\x0a\x00")
    struct.pack_into("<HH", data, at + 4, row, col)
    if dimensions is not None:
        dim = data.find(b"\x00\x02\x0e\x00")
        struct.pack_into("<LLHH", data, dim + 4, 0, dimensions[0], 0, dimensions[1])
    return bytes(data)


# ------------------------------------------------------------------ transmittal files
def transmittal(manifest: bytes, **member: object) -> bytes:
    """A transmittal zip whose checksum matches `manifest` (a valid hash proves nothing)."""
    checksum = f"{hashlib.sha256(manifest).hexdigest()}  manifest.json\n".encode()
    return zip_bytes([Member("manifest.json", manifest, **member),  # type: ignore[arg-type]
                      Member("manifest.sha256", checksum)])


def good_manifest(**changes: object) -> dict[str, object]:
    from tests.test_transmittal_file import manifest_dict
    return manifest_dict(count=2, **changes)


def canonical(manifest: object) -> bytes:
    return json.dumps(manifest, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")).encode()


# ------------------------------------------------------------------ the corpus
def _files() -> dict[str, Callable[[], bytes]]:
    big_int = b"1" + b"0" * 5000
    files: dict[str, Callable[[], bytes]] = {
        # --- .xlsx: cells and ranges calamine would allocate for
        "xfd1048576.xlsx": lambda: cell_bomb("XFD1048576"),
        "xfd1_only.xlsx": lambda: xlsx('<row r="1"><c r="XFD1"><v>1</v></c></row>'),
        "row_1048576.xlsx": lambda: xlsx(HEADER_ROW + '<row r="1048576"><c r="A1048576">'
                                         "<v>1</v></c></row>"),
        "gr_250000_area.xlsx": lambda: cell_bomb("GR249999"),
        "dimension_huge.xlsx": lambda: xlsx(HEADER_ROW, before='<dimension ref="A1:XFD1048576"/>'),
        "row_tag_only.xlsx": lambda: xlsx(HEADER_ROW + '<row r="900000"/>'
                                          '<row><c><v>1</v></c></row>'),
        "cells_without_r.xlsx": lambda: xlsx(HEADER_ROW + "<row>" + "<c><v>1</v></c>" * 300
                                             + "</row>"),
        "rows_without_r.xlsx": lambda: xlsx(HEADER_ROW + '<row r="249990"/>'
                                            + "<row><c><v>1</v></c></row>" * 20),
        "duplicate_r.xlsx": lambda: xlsx(HEADER_ROW + '<row r="2"><c r="A2" r="XFD2"><v>1</v>'
                                         "</c></row>"),
        "odd_quoting.xlsx": lambda: xlsx(HEADER_ROW + "<row r='2'><c r = 'xfd2' ><v>1</v>"
                                         "</c></row>"),
        "gt_in_attribute.xlsx": lambda: xlsx(HEADER_ROW + '<row r="2"><c r="A2" x=">" '
                                             'r="XFD2"><v>1</v></c></row>'),
        "prefixed_tags.xlsx": lambda: xlsx(HEADER_ROW + '<x:row xmlns:x="urn:x" r="2">'
                                           '<x:c r="XFD2"><x:v>1</x:v></x:c></x:row>'),
        "leading_zeros.xlsx": lambda: xlsx(HEADER_ROW + '<row r="2"><c r="A0001048576">'
                                           "<v>1</v></c></row>"),
        "bad_reference.xlsx": lambda: xlsx(HEADER_ROW + '<row r="2"><c r="$A$2"><v>1</v></c>'
                                           "</row>"),
        "bomb_in_theme.xlsx": lambda: zip_bytes(xlsx_members(
            [Member("xl/theme/theme1.xml", sheet_xml(
                HEADER_ROW + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'))])),
        "bomb_as_png.xlsx": lambda: zip_bytes(xlsx_members(
            [Member("xl/media/image1.png", sheet_xml(
                HEADER_ROW + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'))])),
        # --- .xlsx: sizes
        "sheet_zip_bomb_300mb.xlsx": lambda: zip_bytes(xlsx_members([_sheet_bomb(300 * MiB)])),
        "sheet_declared_small.xlsx": lambda: zip_bytes(xlsx_members(
            [_lie(_sheet_bomb(40 * MiB), 4096)])),
        "shared_strings_bomb.xlsx": lambda: zip_bytes(xlsx_members(
            [Member("xl/worksheets/sheet1.xml", sheet_xml(HEADER_ROW))],
            extra=[Member("xl/sharedStrings.xml", None,
                          (b"<si><t>" + b"x" * (MiB - 15) + b"</t></si>", 300,
                           f"<sst {_NS}>".encode(), b"</sst>"))])),
        "styles_bomb.xlsx": lambda: zip_bytes(xlsx_members(
            [Member("xl/worksheets/sheet1.xml", sheet_xml(HEADER_ROW))],
            extra=[Member("xl/styles.xml", None, (b" " * MiB, 64, f"<styleSheet {_NS}>".encode(),
                                                  b"</styleSheet>"))])),
        "many_sheets.xlsx": lambda: zip_bytes(xlsx_members(
            [Member(f"xl/worksheets/sheet{i}.xml", sheet_xml("")) for i in range(1, 152)])),
        "many_members.xlsx": lambda: zip_bytes(xlsx_members(
            [Member("xl/worksheets/sheet1.xml", sheet_xml(HEADER_ROW))],
            extra=[Member(f"xl/media/{i:05d}.png", b"", method=0) for i in range(30_000)])),
        "method_99.xlsx": lambda: zip_bytes(xlsx_members(
            [Member("xl/worksheets/sheet1.xml", sheet_xml(HEADER_ROW), stored_method=99)])),
        "method_bzip2.xlsx": lambda: zip_bytes(xlsx_members(
            [Member("xl/worksheets/sheet1.xml", sheet_xml(HEADER_ROW), stored_method=12)])),
        "encrypted_member.xlsx": lambda: zip_bytes(xlsx_members(
            [Member("xl/worksheets/sheet1.xml", sheet_xml(HEADER_ROW), flags=0x801)])),
        "wrong_crc.xlsx": lambda: zip_bytes(xlsx_members(
            [Member("xl/worksheets/sheet1.xml", sheet_xml(HEADER_ROW), crc=1234)])),
        "truncated.xlsx": lambda: cell_bomb("C2")[:700],
        "truncated_directory.xlsx": lambda: cell_bomb("C2")[:-30],
        "not_a_zip.xlsx": lambda: b"PK\x03\x04" + b"\x00" * 200,
        "xlsb_marker.xlsx": lambda: zip_bytes([Member("xl/workbook.bin", b"\x00" * 40)]),
        "ods_marker.xlsx": lambda: zip_bytes([
            Member("mimetype", b"application/vnd.oasis.opendocument.spreadsheet", method=0),
            Member("content.xml", b"<office:document-content/>")]),
        "docx.xlsx": lambda: zip_bytes([Member("word/document.xml", b"<w:document/>")]),
        "encrypted_ooxml.xlsx": lambda: ole({"EncryptionInfo": b"\x04\x00\x04\x00" + b"\x00" * 60,
                                             "EncryptedPackage": os.urandom(5000)}),
        "ole_not_a_workbook.xls": lambda: ole({"WordDocument": b"\xec\xa5" + b"\x00" * 100}),
        "ole_garbage.xls": lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(3000),
        "ole_header_only.xls": lambda: ole({})[:512],
        "huge_sparse.xlsx": lambda: b"",  # written sparse by build(): 129 MB of nothing
        # --- .xls (BIFF8)
        "xls_col_65535.xls": lambda: patched_xls(0xFFFF, 0xFFFF),
        "xls_iv65536.xls": lambda: patched_xls(0xFFFF, 0xFF),
        "xls_dimensions.xls": lambda: patched_xls(0, 0, dimensions=(0xFFFFFFFF, 0xFFFF)),
        "xls_truncated.xls": lambda: XLS.read_bytes()[:3000],
        # --- HTML saved as .xls
        "html_span_bomb.xls": lambda: _html('<td rowspan="1000" colspan="1000">x</td>' * 50),
        "html_rowspan_huge.xls": lambda: _html('<td rowspan="99999999999999999999">x</td>'),
        "html_colspan_huge.xls": lambda: _html('<td colspan="100000">x</td>'),
        "html_many_wide_cells.xls": lambda: _html('<td colspan="200">x</td>', rows=40_000),
        "html_unclosed.xls": lambda: ("<html><table><tr><td>姓名<td>证件号码" * 2000).encode(),
        # --- CSV and text
        "csv_wide_line.csv": lambda: b"\xe5\xa7\x93\xe5\x90\x8d,\xe8\xaf\x81\xe4\xbb\xb6\xe5"
                                     b"\x8f\xb7\xe7\xa0\x81\n" + b"," * 5_000_000 + b"\n",
        "csv_many_lines.csv": lambda: "姓名,证件号码\n".encode() + b"a,b\n" * 300_000,
        "csv_huge_field.csv": lambda: "姓名,证件号码\n\"".encode() + b"x" * 2_000_000 + b"\"\n",
        "csv_nul.csv": lambda: "姓名,证件号码\n".encode() + b"\x00" * 5000,
        "csv_bad_utf8.csv": lambda: b"\xff\xfe\xfd\xfc" * 1000 + b"\x80\x81",
        "csv_utf16_odd.csv": lambda: b"\xff\xfe" + "姓名,证件号码\n".encode("utf-16-le") + b"\x00",
        "csv_bom_only.csv": lambda: b"\xef\xbb\xbf",
        "csv_bidi_names.csv": lambda: ("姓名,证件号码,工作单位\n\u202e三张,110101199003070011,"
                                       "某公司\n\u2066李四\u2069,110101199003070012,\u200b\n"
                                       ).encode(),
        # --- transmittal files
        "t_method_99.zip": lambda: transmittal(canonical(good_manifest()), stored_method=99),
        "t_encrypted_flag.zip": lambda: transmittal(canonical(good_manifest()), flags=0x801),
        "t_huge_int.zip": lambda: transmittal(
            canonical(good_manifest()).replace(b'"version":1', b'"version":' + big_int)),
        "t_huge_count.zip": lambda: transmittal(canonical(good_manifest(
            totals={"packets": 10 ** 15, "forms": -1}))),
        "t_nan.zip": lambda: transmittal(canonical(good_manifest()).replace(
            b'"version":1', b'"version":NaN')),
        "t_deep_json.zip": lambda: transmittal(b"[" * 200_000 + b"]" * 200_000),
        "t_deep_in_field.zip": lambda: transmittal(canonical(good_manifest()).replace(
            b'"closed_by":"', b'"x":' + b"[" * 100_000 + b"]" * 100_000 + b',"closed_by":"')),
        "t_60mb_manifest.zip": lambda: zip_bytes([
            Member("manifest.json", None, (b"0" * MiB, 60, b"", b"")),
            Member("manifest.sha256", f"{_zeros_sha(60)}  manifest.json\n".encode())]),
        "t_declared_small.zip": lambda: zip_bytes([
            _lie(Member("manifest.json", None, (b" " * MiB, 70, b"", b"")), 2048),
            Member("manifest.sha256", b"0" * 64 + b"  manifest.json\n")]),
        "t_many_members.zip": lambda: zip_bytes(
            [Member(f"m{i}", b"", method=0) for i in range(50_000)]),
        "t_bidi_name.zip": lambda: transmittal(canonical(good_manifest()).replace(
            "申报人1".encode(), "\u202e申报人1".encode())),
        "t_truncated.zip": lambda: transmittal(canonical(good_manifest()))[:300],
        "t_not_utf8.zip": lambda: transmittal(b"\xff\xfe" + canonical(good_manifest())),
    }
    return files


def _html(cells: str, rows: int = 1) -> bytes:
    body = "<tr><td>姓名</td><td>证件号码</td></tr>" + f"<tr>{cells}</tr>" * rows
    return f"<html><body><table>{body}</table></body></html>".encode()


def _lie(member: Member, declared: int) -> Member:
    member.declared = declared
    return member


def _zeros_sha(mib: int) -> str:
    digest = hashlib.sha256()
    for _ in range(mib):
        digest.update(b"0" * MiB)
    return digest.hexdigest()


def build(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, make in _files().items():
        path = directory / name
        if name == "huge_sparse.xlsx":
            with path.open("wb") as handle:
                handle.write(b"PK\x03\x04")
                handle.truncate(129 * MiB)  # sparse: no disk used, refused by its size
        else:
            path.write_bytes(make())
        paths.append(path)
    return paths


# ------------------------------------------------------------------ running them
ALLOWED = ("RosterUnreadable", "ImportCancelled", "TransmittalError")


def _read_all(path: Path) -> list[str]:
    """Every reader on `path`; what each said (a result or an allowed error)."""
    import datetime as dt

    from zcdesk.importing.bans import read_bans
    from zcdesk.importing.decisions import read_decisions
    from zcdesk.importing.errors import ImportCancelled, RosterUnreadable
    from zcdesk.importing.roster import read_roster
    from zcdesk.importing.transmittal_file import TransmittalError, read_transmittal

    today = dt.date(2025, 5, 18)
    readers: list[Callable[[], object]] = [
        lambda: read_roster(path, today=today), lambda: read_bans(path, today=today),
        lambda: read_decisions(path, today=today), lambda: read_transmittal(path)]
    said = []
    for reader in readers:
        try:
            result = reader()
            said.append(type(result).__name__)
        except (RosterUnreadable, ImportCancelled, TransmittalError) as exc:
            said.append(f"{type(exc).__name__}: {str(exc)[:80]}")
    return said


def run(paths: list[Path]) -> Iterable[dict[str, object]]:
    """Each file in a forked child under RLIMIT_AS; one report per file (POSIX only)."""
    import resource

    import zcdesk.importing.bans
    import zcdesk.importing.decisions
    import zcdesk.importing.transmittal_file  # noqa: F401  # imported once, before the forks

    base = _address_space()
    for path in paths:
        start = time.perf_counter()
        reader, writer = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: read, report, leave without cleanup
            os.close(reader)
            code = 0
            try:
                resource.setrlimit(resource.RLIMIT_AS, (base + HEADROOM, base + HEADROOM))
                said: object = _read_all(path)
            except BaseException:
                said, code = traceback.format_exc()[-2000:], 3
            os.write(writer, json.dumps(said, ensure_ascii=False).encode())
            os._exit(code)
        os.close(writer)
        with os.fdopen(reader, "rb") as pipe:
            message = pipe.read()
        _, status, usage = os.wait4(pid, 0)
        yield {"file": path.name, "size": path.stat().st_size,
               "exit": os.waitstatus_to_exitcode(status),
               "seconds": round(time.perf_counter() - start, 3),
               "max_rss_mb": round(usage.ru_maxrss / 1024, 1),
               "said": json.loads(message) if message else None}


def _address_space() -> int:
    """This process's mapped bytes now (the child's starting point)."""
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("write", "run"):
        print(__doc__)
        return 2
    paths = build(Path(argv[1]))
    if argv[0] == "write":
        print(f"wrote {len(paths)} files to {argv[1]}")
        return 0
    failed = 0
    for report in run(paths):
        print(json.dumps(report, ensure_ascii=False), flush=True)
        failed += report["exit"] != 0
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
