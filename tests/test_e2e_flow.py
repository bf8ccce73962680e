"""A packet's whole life through the command line, the way the two offices use it.

District SC (the test database, both backends): roster import → the counter
receives copies (one packet stays incomplete and is left out of the batch) →
batch with its 送评报告单 and 花名册 → close → transmittal list printed with the
hash → transmittal file → hand-over. City bureau (its own SQLite file, no
network between the offices): import the file → check-in by scanning, with one
packet missing and one that was not on the list → report and receipt. District
again: decisions from a spreadsheet → forms back → return list → signed for by
the unit → archived; `status --json` shows each packet's stage. Plus the tamper
checks: an altered file or a paper list that does not match is refused, and the
city database is left as it was.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.data.builders import HEADERS, person, write_xlsx
from zcdesk.cli import main
from zcdesk.domain.receipt import PacketCode
from zcdesk.importing.transmittal_file import qr_payload

pytestmark = pytest.mark.both_backends

Run = Callable[..., tuple[int, str, str]]
B1 = "SC-2025H1-B001"
STRANGER = str(PacketCode("SC", "2025H1", 999))  # a packet the district never listed


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def ok(result: tuple[int, str, str]) -> str:
    code, out, err = result
    assert code == 0, err
    return out


@pytest.fixture
def city(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    """The city bureau's desk: its own database."""
    url = f"sqlite:///{tmp_path / 'city.sqlite3'}"

    def run(*args: str) -> tuple[int, str, str]:
        try:
            code = main(["--db", url, *args])  # no operator yet: set-up mode, no PIN
        except SystemExit as exc:
            code = int(exc.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    ok(run("--create", "desk", "--point", "CITY", "--name", "市职改办"))
    return run


def test_from_roster_to_archive(cli: Run, city: Run, tmp_path: Path) -> None:
    district = cli
    ok(district("desk", "--point", "SC", "--name", "窗口1"))

    # --- roster: four applicants; 0 and 1 work for the same unit
    rows = [person(i) for i in range(4)]
    rows[1][5] = rows[0][5]
    unit_a, unit_c = str(rows[0][5]), str(rows[2][5])
    names = [str(r[1]) for r in rows]
    ids = [str(r[4]) for r in rows]
    roster = write_xlsx(tmp_path / "花名册.xlsx", [HEADERS, *rows], title="2025 上半年度花名册",
                        merges=["A1:Q1"])
    assert json.loads(ok(district("roster", "import", str(roster), "--json")))["new"] == 4

    # --- the counter: three complete, the fourth brings only the 评审表
    for number in ids[:3]:
        ok(district("receive", number, "evaluation", "2"))
        ok(district("receive", number, "登记表", "2"))
    ok(district("receive", ids[3], "evaluation", "2"))

    # --- the batch: the incomplete packet is left out
    made = json.loads(ok(district("batch", "new", "--json")))
    assert made["batch_no"] == B1 and made["packets"] == 3
    assert names[3] not in {p["name"] for p in made["packet_list"]}
    codes = [p["code"] for p in made["packet_list"]]
    ok(district("batch", "item", B1, "送评报告单", "1"))
    ok(district("batch", "item", B1, "花名册", "1"))
    ok(district("batch", "close", B1))
    sha = json.loads(ok(district("batch", "show", B1, "--json")))["sha256"]
    assert len(sha) == 64

    transmittal = tmp_path / "移交清单.pdf"
    ok(district("print", "transmittal", B1, "-o", str(transmittal)))
    printed = text_of(transmittal)
    assert B1 in printed and names[0] in printed and names[3] not in printed
    assert sha in "".join(printed.split())  # printed in groups of four

    sent = tmp_path / "移交.zip"
    assert sha in ok(district("batch", "export", B1, str(sent)))
    ok(district("batch", "handover", B1, "--by", "小王", "--to", "市局李科"))

    # --- the city bureau: import, scan the list's QR and all packets but one, plus a stranger
    assert "已导入批次" in ok(city("city", "import", str(sent), "--sha256", sha))
    code, out, _ = city("city", "checkin", qr_payload(B1, sha), codes[0], codes[1], STRANGER)
    assert code == 1  # the stranger is a discrepancy a person must look at
    assert [line.split()[0] for line in out.splitlines()] == ["移交清单", "签收", "签收", "清单外"]
    report = json.loads(ok(city("city", "report", B1, "--json")))
    assert [p["code"] for p in report["missing"]] == [codes[2]]
    assert report["unexpected"] == [STRANGER]
    assert (report["batch"]["received"], report["batch"]["list_checked"]) == (2, True)
    receipt = tmp_path / "接收回执.pdf"
    ok(city("city", "report", B1, "--pdf", str(receipt)))
    text = text_of(receipt)
    assert B1 in text and codes[2] in text and STRANGER in text

    # --- tampering at the city desk: refused, nothing written
    before = ok(city("city", "list", "--json"))
    altered = _altered(sent, tmp_path / "altered.zip")
    code, _, err = city("city", "import", str(altered))
    assert code == 1 and "改动" in err and "拒绝" in err
    code, out, _ = city("city", "checkin", qr_payload(B1, "0" * 64))
    assert code == 1 and "不一致" in out
    assert ok(city("city", "list", "--json")) == before

    # --- the decisions come back as a spreadsheet
    day = dt.date(2025, 7, 15)
    decisions = write_xlsx(tmp_path / "评审结果.xlsx", [
        ["姓名", "证件号码", "评审结果", "评审日期", "文号"],
        [names[0], ids[0], "通过", day, "杭经信职改〔2025〕12号"],
        [names[1], ids[1], "不通过", day, "杭经信职改〔2025〕12号"],
        [names[2], ids[2], "通过", day, "杭经信职改〔2025〕12号"],
    ])
    imported = json.loads(ok(district("decision", "import", str(decisions), "--json")))
    assert (imported["recorded"], imported["refused"]) == (3, [])

    # --- the forms come back and go back to the units
    assert "3 个" in ok(district("return", "back", "--batch", B1))
    units = {u["unit"]: u["packets"] for u in
             json.loads(ok(district("return", "list", "--json")))}
    assert units == {unit_a: 2, unit_c: 1}
    slip = tmp_path / "返还清单.pdf"
    ok(district("return", "list", unit_a, "--pdf", str(slip)))
    assert names[0] in text_of(slip) and names[1] in text_of(slip)
    done = json.loads(ok(district("return", "record", unit_a, "--by", "小王", "--to", "人事处",
                                  "--json")))
    assert len(done["lines"]) == 2 and done["received_by"] == "人事处"
    assert "2 个" in ok(district("return", "archive", "--unit", unit_a))

    # --- where every packet is now
    status = {r["name"]: r for r in json.loads(ok(district("status", "--json")))}
    assert {n: (status[n]["stage"], status[n]["decision"]) for n in names} == {
        names[0]: ("archived", "passed"), names[1]: ("archived", "failed"),
        names[2]: ("back", "passed"), names[3]: ("counter", None)}
    assert status[names[3]]["status"] == "partial"
    assert json.loads(ok(district("batch", "list", "--json")))[0]["status"] == "handed_over"


def test_tampered_files_at_the_cli(cli: Run, city: Run, tmp_path: Path) -> None:
    """A changed, truncated or foreign file is refused with a clear message; the city
    database is unchanged; the real file still goes in afterwards."""
    district = cli
    ok(district("desk", "--point", "SC"))
    rows = [person(i) for i in range(2)]
    roster = write_xlsx(tmp_path / "r.xlsx", [HEADERS, *rows])
    ok(district("roster", "import", str(roster)))
    for row in rows:
        ok(district("receive", str(row[4]), "evaluation", "2"))
        ok(district("receive", str(row[4]), "registration", "2"))
    ok(district("batch", "new"))
    ok(district("batch", "item", B1, "report", "1"))
    ok(district("batch", "item", B1, "roster", "1"))
    ok(district("batch", "close", B1))
    sent = tmp_path / "sent.zip"
    sha = json.loads(ok(district("batch", "export", B1, str(sent), "--json")))["sha256"]

    truncated = tmp_path / "cut.zip"
    truncated.write_bytes(sent.read_bytes()[:200])
    foreign = tmp_path / "foreign.zip"
    with zipfile.ZipFile(foreign, "w") as archive:
        archive.writestr("readme.txt", "hello")
    cases = [(_altered(sent, tmp_path / "altered.zip"), "改动"), (truncated, "损坏"),
             (foreign, "缺少")]
    for path, words in cases:
        code, out, err = city("city", "import", str(path))
        assert (code, out) == (1, "") and words in err, err
    code, _, err = city("city", "import", str(sent), "--sha256", "f" * 64)
    assert code == 1 and "纸质移交清单" in err
    assert json.loads(ok(city("city", "list", "--json"))) == []
    code, out, _ = city("audit", "--json")
    assert not [e for e in json.loads(out) if e["kind"].startswith("city_")]

    ok(city("city", "import", str(sent), "--sha256", sha))
    assert json.loads(ok(city("city", "list", "--json")))[0]["expected"] == 2


def _altered(source: Path, target: Path) -> Path:
    """The same zip with one applicant renamed in the manifest (its checksum kept)."""
    with zipfile.ZipFile(source) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    data = json.loads(members["manifest.json"])
    data["packets"][0]["name"] += "改"
    members["manifest.json"] = json.dumps(data, ensure_ascii=False, sort_keys=True,
                                          separators=(",", ":")).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    target.write_bytes(buffer.getvalue())
    return target
