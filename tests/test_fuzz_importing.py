"""Fuzzing the import entry points: no input raises anything but the readers' own errors.

Every input goes through a real entry point (read_roster, read_bans, read_decisions,
read_transmittal) and must give a result or RosterUnreadable / TransmittalError —
never another exception, never an abort (python-calamine aborts the process on a
sheet it cannot allocate: the workbook checks must stop every such input before it).
Structured inputs come from hypothesis (derandomized: the same inputs on every run),
byte-level mutations from a seeded generator (cheaper per input). The last test
checks that ≥ 10,000 inputs were tried in all and prints the count (pytest -s).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import random
import tempfile
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import hostile_corpus as hc
from tests.data.builders import HEADERS, person, write_xlsx
from zcdesk.domain.text_rules import INVISIBLE, text_problem
from zcdesk.importing.bans import read_bans
from zcdesk.importing.decisions import read_decisions
from zcdesk.importing.errors import RosterUnreadable
from zcdesk.importing.roster import read_roster
from zcdesk.importing.transmittal_file import TransmittalError, read_transmittal

TODAY = dt.date(2025, 5, 18)
TRIED: Counter[str] = Counter()  # inputs tried, by test
FUZZ = settings(deadline=None, derandomize=True, database=None, print_blob=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.filter_too_much])
SHEET_READERS: tuple[Callable[[Path], object], ...] = (
    lambda p: read_roster(p, today=TODAY), lambda p: read_bans(p, today=TODAY),
    lambda p: read_decisions(p, today=TODAY))


@pytest.fixture(scope="module")
def work() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as tmp:
        yield Path(tmp)


def _read_sheet(path: Path, data: bytes, which: int) -> None:
    """One input through one of the three sheet readers; only RosterUnreadable may come."""
    path.write_bytes(data)
    try:
        SHEET_READERS[which % 3](path)
    except RosterUnreadable as exc:
        assert exc.message.strip()


def _read_transmittal(path: Path, data: bytes) -> None:
    path.write_bytes(data)
    try:
        read_transmittal(path)
    except TransmittalError as exc:
        assert str(exc).strip()


def _mutations(base: bytes, rng: random.Random) -> bytes:
    """A few random edits: flipped bytes, a cut, a copied or deleted stretch."""
    data = bytearray(base)
    for _ in range(rng.randint(1, 4)):
        kind = rng.random()
        at = rng.randrange(len(data)) if data else 0
        if kind < 0.5 and data:
            data[at] ^= 1 << rng.randrange(8)
        elif kind < 0.6:
            del data[at:]
        elif kind < 0.8:
            size = rng.randint(1, 64)
            data[at:at] = data[rng.randrange(len(data)):][:size] if data else b""
        elif data:
            del data[at:at + rng.randint(1, 64)]
    return bytes(data)


def _seeded(name: str, base: bytes, count: int, path: Path,
            read: Callable[[Path, bytes, int], None]) -> None:
    rng = random.Random(f"{name}-2025")
    for index in range(count):
        data = _mutations(base, rng)
        try:
            read(path, data, index)
        except BaseException:
            (path.parent / f"failing-{name}-{index}.bin").write_bytes(data)
            raise
        TRIED[name] += 1


# ------------------------------------------------------------------ byte mutations
def _small_xlsx(work: Path) -> bytes:
    rows: list[list[object]] = [HEADERS, *(person(i) for i in range(4))]
    return write_xlsx(work / "base.xlsx", rows, title="花名册", merges=["A1:Q1"]).read_bytes()


def test_mutated_xlsx_bytes(work: Path) -> None:
    _seeded("xlsx-bytes", _small_xlsx(work), 2000, work / "m.xlsx", _read_sheet)


def test_mutated_xls_bytes(work: Path) -> None:
    _seeded("xls-bytes", hc.XLS.read_bytes(), 1500, work / "m.xls", _read_sheet)


def test_mutated_transmittal_bytes(work: Path) -> None:
    base = hc.transmittal(hc.canonical(hc.good_manifest()))
    _seeded("transmittal-bytes", base, 1000, work / "m.zip",
            lambda p, d, _: _read_transmittal(p, d))


def test_mutated_xlsx_members(work: Path) -> None:
    """The sheet XML itself mutated, re-zipped with true sizes and CRCs: only the
    workbook checks stand between these bytes and calamine."""
    with zipfile.ZipFile(io.BytesIO(_small_xlsx(work))) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    sheet = next(n for n in parts if n.startswith("xl/worksheets/"))
    rng = random.Random("xlsx-members-2025")
    path = work / "mm.xlsx"
    for index in range(1000):
        changed = dict(parts)
        changed[sheet] = _mutations(parts[sheet], rng)
        data = hc.zip_bytes(hc.Member(n, d) for n, d in changed.items())
        _read_sheet(path, data, index)
        TRIED["xlsx-members"] += 1


# ------------------------------------------------------------------ structured: .xlsx cells
_COLUMNS = st.one_of(st.sampled_from(["A", "B", "C", "Z", "AA", "GR", "GS", "ZZ", "XFD"]),
                     st.text("ABCDEFGHIJXYZabcxyz$", min_size=0, max_size=4))
_ROWS = st.one_of(st.integers(0, 30), st.sampled_from([19_999, 20_000, 20_001, 30_000, 166_666,
                                                       199_999, 200_000, 200_001, 250_001,
                                                       1_048_576, 2 ** 32]),
                  st.integers(0, 10 ** 12))


@st.composite
def _cell(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["plain", "no_r", "odd", "dup", "prefixed", "zeros"]))
    ref = f"{draw(_COLUMNS)}{draw(_ROWS)}"
    value = draw(st.sampled_from(["<v>1</v>", '<is><t>张三</t></is>', "", "<v>1e400</v>",
                                  "<v>-1.7976931348623157e308</v>", "<v>NaN</v>",
                                  "<v>2019.1</v>", '<is><t>\u202e三张</t></is>']))
    t = ' t="inlineStr"' if value.startswith("<is>") else ""
    if kind == "no_r":
        return f"<c{t}>{value}</c>" * draw(st.integers(1, 260))
    if kind == "odd":
        return f"<c\tr = '{ref}'{t}>{value}</c>"
    if kind == "dup":
        return f'<c r="A1" r="{ref}"{t}>{value}</c>'
    if kind == "prefixed":
        return f'<x:c xmlns:x="urn:x" r="{ref}"{t}>{value}</x:c>'
    if kind == "zeros":
        return f'<c r="A{"0" * draw(st.integers(1, 8))}{draw(_ROWS)}"{t}>{value}</c>'
    return f'<c r="{ref}"{t}>{value}</c>'


@st.composite
def _sheet(draw: st.DrawFn) -> tuple[str, str]:
    rows = [hc.HEADER_ROW]
    for _ in range(draw(st.integers(0, 4))):
        r = draw(st.one_of(st.none(), _ROWS))
        attr = "" if r is None else f' r="{r}"'
        cells = "".join(draw(st.lists(_cell(), max_size=4)))
        rows.append(f"<row{attr}>{cells}</row>")
    dimension = draw(st.one_of(st.just(""), st.builds(
        lambda c, r: f'<dimension ref="A1:{c}{r}"/>', _COLUMNS, _ROWS)))
    return "".join(rows), dimension


@settings(FUZZ, max_examples=1200)
@given(_sheet(), st.integers(0, 2))
def test_structured_xlsx_sheets(work: Path, sheet: tuple[str, str], which: int) -> None:
    rows, dimension = sheet
    _read_sheet(work / "s.xlsx", hc.xlsx(rows, before=dimension), which)
    TRIED["xlsx-sheets"] += 1


# ------------------------------------------------------------------ structured: HTML, CSV
_SPAN = st.one_of(st.integers(-2, 5).map(str), st.sampled_from(
    ["", "x", "0", "200", "201", "1000", "250000", "250001", "99999999999999999999", "٣"]))


@st.composite
def _html(draw: st.DrawFn) -> bytes:
    rows = ["<tr><td>姓名</td><th>证件号码</th><td>工作单位</td></tr>"]
    for _ in range(draw(st.integers(0, 6))):
        cells = []
        for _ in range(draw(st.integers(0, 5))):
            attrs = ""
            if draw(st.booleans()):
                attrs += f' rowspan="{draw(_SPAN)}"'
            if draw(st.booleans()):
                attrs += f" colspan={draw(_SPAN)}"
            cells.append(f"<td{attrs}>{draw(st.text(max_size=8))}</td>")
        rows.append("<tr>" + "".join(cells) + ("</tr>" if draw(st.booleans()) else ""))
    nested = draw(st.booleans())
    body = "".join(rows)
    if nested:
        body = body.replace("<td>工作单位</td>", "<td><table><tr><td>x</td></tr></table></td>")
    return f"<html><table>{body}</table></html>".encode(draw(st.sampled_from(
        ["utf-8", "gb18030", "utf-16"])), "replace")


@settings(FUZZ, max_examples=1300)
@given(_html(), st.integers(0, 2))
def test_structured_html_tables(work: Path, data: bytes, which: int) -> None:
    _read_sheet(work / "h.xls", data, which)
    TRIED["html"] += 1


_CSV_CELL = st.one_of(st.text(max_size=12), st.sampled_from(
    ["\u202e三张", "\u200b", "\ufeff", "\x00", "李\u2066四", "1" * 40, "=1+1", '"', "\r"]))


@settings(FUZZ, max_examples=1300)
@given(st.lists(st.lists(_CSV_CELL, max_size=6), max_size=8),
       st.sampled_from([",", "\t", ";", "|"]),
       st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]), st.integers(0, 2),
       st.binary(max_size=8))
def test_structured_csv(work: Path, rows: list[list[str]], delimiter: str, encoding: str,
                        which: int, junk: bytes) -> None:
    header = ["姓名", "证件号码", "工作单位", "决定日期", "评审结果", "评审日期"]
    text = "\n".join(delimiter.join(row) for row in [header, *rows])
    _read_sheet(work / "c.csv", text.encode(encoding, "replace") + junk, which)
    TRIED["csv"] += 1


# ------------------------------------------------------------------ structured: transmittal
_JSON_VALUE = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-10 ** 30, 10 ** 30),
              st.floats(allow_nan=False), st.text(max_size=10)),
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(st.text(max_size=6), inner, max_size=3)),
    max_leaves=8)
_FIELDS = ["format", "version", "batch_no", "point", "round", "closed_at", "closed_by",
           "batch_items", "item_names", "packets", "totals"]
_PACKET_FIELDS = ["code", "name", "id_kind", "id_number", "unit", "qualification", "items"]


@st.composite
def _manifest(draw: st.DrawFn) -> bytes:
    manifest = json.loads(hc.canonical(hc.good_manifest()))
    for _ in range(draw(st.integers(0, 3))):
        if draw(st.booleans()):
            manifest[draw(st.sampled_from(_FIELDS))] = draw(_JSON_VALUE)
        else:
            packet = manifest["packets"][0] if isinstance(manifest.get("packets"), list) \
                and manifest["packets"] and isinstance(manifest["packets"][0], dict) else {}
            packet[draw(st.sampled_from(_PACKET_FIELDS))] = draw(_JSON_VALUE)
    data = hc.canonical(manifest)
    trick = draw(st.sampled_from(["none", "bigint", "nan", "deep", "cut"]))
    if trick == "bigint":
        data = data.replace(b'"version":1', b'"version":' + b"9" * draw(st.integers(15, 6000)))
    elif trick == "nan":
        data = data.replace(b'"version":1', b'"version":' + draw(st.sampled_from(
            [b"NaN", b"Infinity", b"-Infinity", b"1e999"])))
    elif trick == "deep":
        depth = draw(st.integers(500, 50_000))
        data = data.replace(b'"closed_by":', b'"d":' + b"[" * depth + b"]" * depth
                            + b',"closed_by":')
    elif trick == "cut":
        data = data[:draw(st.integers(0, len(data)))]
    return data


@settings(FUZZ, max_examples=1300)
@given(_manifest(), st.sampled_from([0, 8, 12, 99]), st.booleans())
def test_structured_transmittal(work: Path, manifest: bytes, method: int,
                                encrypted: bool) -> None:
    data = hc.transmittal(manifest, stored_method=method if method != 8 else None,
                          flags=0x801 if encrypted else 0x800)
    _read_transmittal(work / "t.zip", data)
    TRIED["transmittal"] += 1


# ------------------------------------------------------------------ text rules
@settings(FUZZ, max_examples=500)
@given(st.text(max_size=20), st.sampled_from(["姓名", "工作单位"]))
def test_text_rules_never_accept_invisible_characters(value: str, word: str) -> None:
    problem = text_problem(value, word)
    if INVISIBLE.search(value) or not value.strip():
        assert problem is not None and word in problem
    else:
        assert problem is None
    TRIED["text"] += 1


# ------------------------------------------------------------------ the count
def test_inputs_tried_in_all() -> None:
    expected = {"xlsx-bytes", "xls-bytes", "transmittal-bytes", "xlsx-members",
                "xlsx-sheets", "html", "csv", "transmittal", "text"}
    if set(TRIED) != expected:
        pytest.skip("counted only when the whole module runs")
    total = sum(TRIED.values())
    print(f"\nfuzz inputs tried: {total:,} ({dict(TRIED)})")
    assert total >= 10_000
