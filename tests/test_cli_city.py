"""`zcdesk city …`: a district's transmittal file imported and checked in at the city desk.

The district runs on the test database (`store`, both backends); the city desk
has its own SQLite file, as the two offices share no network.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from zcdesk.cli import main
from zcdesk.domain.receipt import PacketCode
from zcdesk.importing.transmittal_file import qr_payload
from zcdesk.store import Store

pytestmark = pytest.mark.both_backends

B1 = "SC-2025H1-B001"
Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def sent(store: Store, people: dict[str, int], tmp_path: Path) -> tuple[Path, str, list[str]]:
    """A closed batch of 张三, 李四, 王五 written to a transmittal file: (file, sha, codes)."""
    for pid in people.values():
        for item in ("evaluation", "registration"):
            store.accept(pid, item, 2)
    store.new_batch()
    for item in ("report", "roster"):
        store.batch_accept(B1, item, 1)
    view = store.close_batch(B1)
    target = tmp_path / "移交.zip"
    sha = store.export_batch(B1, target)
    return target, sha, [p.code for p in view.packets]


@pytest.fixture
def city(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    url = f"sqlite:///{tmp_path / 'city.sqlite3'}"

    def run(*args: str) -> tuple[int, str, str]:
        try:
            code = main(["--db", url, *args])
        except SystemExit as exc:
            code = int(exc.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    assert run("--create", "desk", "--point", "CITY", "--name", "市职改办1")[0] == 0
    return run


def listed(city: Run) -> list[dict]:
    code, out, _ = city("city", "list", "--json")
    assert code == 0
    return json.loads(out)


def test_import_checkin_report(sent, city: Run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path, sha, codes = sent
    code, out, err = city("city", "import", str(path), "--sha256", sha.upper())
    assert code == 0, err
    assert "已导入批次" in out and B1 in out
    code, out, _ = city("city", "import", str(path), "--json")
    again = json.loads(out)
    assert code == 0 and again["new"] is False and "已导入过" in again["message"]

    stranger = str(PacketCode("SC", "2025H1", 999))
    code, out, err = city("city", "checkin", qr_payload(B1, sha), codes[0], codes[1].lower(),
                          stranger, "hello")
    assert code == 1 and "被拒绝或不在清单中" in err
    lines = out.splitlines()
    assert len(lines) == 5
    assert lines[0].startswith("移交清单") and lines[1].startswith("签收")
    assert lines[2].startswith("签收") and lines[3].startswith("清单外")
    assert lines[4].startswith("拒绝")
    code, out, _ = city("city", "checkin", codes[0], "--json")
    assert code == 0 and json.loads(out)[0]["kind"] == "already"

    [info] = listed(city)
    assert (info["expected"], info["received"], info["missing"], info["unexpected"],
            info["list_checked"]) == (3, 2, 1, 1, True)
    code, out, _ = city("city", "report", B1, "--json")
    report = json.loads(out)
    assert [p["code"] for p in report["missing"]] == [codes[2]]
    assert report["unexpected"] == [stranger]
    assert report["batch_items"] == {"report": 1, "roster": 1}
    code, out, _ = city("city", "report", B1)
    assert code == 0 and "未到 1 袋" in out and stranger in out

    receipt = tmp_path / "回执.pdf"
    code, _, err = city("city", "report", B1, "--pdf", str(receipt))
    assert code == 0, err
    text = "\n".join(page.extract_text() for page in PdfReader(receipt).pages)
    assert B1 in text and stranger in text

    code, out, _ = city("city", "undo", codes[1])
    assert code == 0 and "已撤销" in out
    assert listed(city)[0]["received"] == 1
    code, _, err = city("city", "undo", codes[1])
    assert code == 1 and "尚未签收" in err


def test_tampered_file_is_refused_and_nothing_written(sent, city: Run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path, _, _ = sent
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["manifest.json"] = members["manifest.json"].replace("张三".encode(), "张四".encode())
    altered = tmp_path / "altered.zip"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    altered.write_bytes(buffer.getvalue())
    code, _, err = city("city", "import", str(altered))
    assert code == 1 and "改动" in err and "拒绝" in err
    assert listed(city) == []

    flipped = tmp_path / "flipped.zip"
    data = bytearray(path.read_bytes())
    data[len(data) // 3] ^= 0xFF
    flipped.write_bytes(bytes(data))
    code, _, err = city("city", "import", str(flipped))
    assert code == 1 and "移交文件" in err
    code, _, err = city("city", "import", str(path), "--sha256", "0" * 64)
    assert code == 1 and "不一致" in err
    code, _, err = city("city", "import", str(tmp_path / "nothing.zip"))
    assert code == 1 and "找不到" in err
    assert listed(city) == []


def test_the_district_desk_cannot_check_in(sent, cli) -> None:  # type: ignore[no-untyped-def]
    path, _, codes = sent
    for args in (("import", str(path)), ("checkin", codes[0]), ("list",)):
        code, _, err = cli("city", *args)
        assert code == 1 and "不是市级受理端" in err


def test_report_of_unknown_batch(city: Run) -> None:
    code, _, err = city("city", "report", "SC-2025H1-B404")
    assert code == 1 and "B404" in err
    code, out, _ = city("city", "list")
    assert code == 0 and "还没有导入" in out


def test_the_desks_batch_outlives_the_process(sent, city: Run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Each `zcdesk city checkin` is a new process: a stranger still joins the batch
    whose number (or list) was scanned last at this desk, not the latest import."""
    from tests.test_transmittal_file import write_file

    path, _, _ = sent
    b2 = tmp_path / "b2.zip"
    write_file(b2, "SC-2025H1-B002", codes=["SC-2025H1-P000100"])
    assert city("city", "import", str(path))[0] == 0
    assert city("city", "import", str(b2))[0] == 0
    assert city("city", "checkin", B1)[0] == 0
    code, out, _ = city("city", "checkin", "SC-2025H1-P000999", "--json")
    assert code == 1 and json.loads(out)[0]["batch_no"] == B1
    code, out, _ = city("city", "list")
    assert f"本机当前批次：{B1}" in out


def test_strangers_of_no_batch_are_listed(city: Run) -> None:
    code, out, _ = city("city", "checkin", "GS-2025H1-P000001", "--json")
    assert code == 1 and json.loads(out)[0]["batch_no"] is None
    code, out, _ = city("city", "list")
    assert code == 0 and "未归入批次的清单外材料袋 1 袋" in out
    assert "GS-2025H1-P000001" in out
    [row] = listed(city)
    assert row["batch_no"] is None and row["codes"] == ["GS-2025H1-P000001"]
