"""Store.import_roster's bulk path: the pre-check is written with the rows, every new
applicant has its packet and its own `applicant_added` event with the row number,
and re-importing changes nothing that was received at the counter."""

from __future__ import annotations

import datetime as dt

import pytest

from zcdesk.domain.idnumber import check_digit
from zcdesk.domain.records import ApplicantForm
from zcdesk.store import Store

pytestmark = pytest.mark.both_backends


def _number(seq: int) -> str:
    first17 = f"33010219{80 + seq % 15:02d}0{1 + seq % 9}1{seq % 9}{seq % 1000:03d}"
    return first17 + check_digit(first17)


def _forms(count: int) -> list[tuple[int, ApplicantForm]]:
    educations = [("大学本科", "学士"), ("硕士研究生", "硕士"), ("大学专科", ""), ("", "")]
    rows = []
    for seq in range(count):
        education, degree = educations[seq % len(educations)]
        rows.append((seq + 3, ApplicantForm(
            name=f"申报人{seq}", id_number=_number(seq),
            unit=f" 杭州{'萧山' if seq % 5 == 0 else '上城'}测试有限公司{seq % 3} ",
            education=education, degree=degree,
            graduated_on=dt.date(2000 + seq % 20, 7, 1) if seq % 7 else None,
            work_start=dt.date(2000 + seq % 20, 8, 1 + seq % 20),
            # The catalogue matches by name and issuer (domain.md), so the PMI is named.
            qualification="PMP" if seq % 4 else "不存在的证书", qualification_issuer="PMI",
            qualified_on=dt.date(2015, 1 + seq % 12, 1))))
    return rows


def test_precheck_is_written_with_the_rows(store: Store) -> None:
    rows = _forms(40)
    report = store.import_roster(rows, source="花名册.xlsx")
    assert report.new == 40
    assert store.refresh_eligibility() == 0  # nothing left without a pre-check
    written = {r.id_number: (r.eligibility, r.reasons) for r in store.packet_reports()}
    assert store.refresh_eligibility(everyone=True) == 40
    again = {r.id_number: (r.eligibility, r.reasons) for r in store.packet_reports()}
    assert written == again  # the same as the full pre-check computes
    assert {verdict for verdict, _ in written.values()} >= {"eligible", "ineligible"}


def test_every_new_applicant_has_its_event_and_packet(store: Store) -> None:
    rows = _forms(25)
    store.import_roster(rows, source="名单 “A”.xlsx")
    added = [e for e in store.audit() if e.kind == "applicant_added"]
    assert len(added) == 25
    by_number = {e.id_number: e for e in added}
    for row_number, form in rows:
        event = by_number[form.id_number]
        assert event.detail == {"source": "roster", "file": "名单 “A”.xlsx", "row": row_number}
        packet = store.lookup(form.id_number).packet
        assert packet is not None
        history = store.history(packet.applicant.id)
        assert [e.kind for e in history] == ["applicant_added"]
    assert len(store.packet_reports()) == 25


def test_reimport_updates_precheck_and_keeps_the_counter(store: Store) -> None:
    rows = _forms(12)
    store.import_roster(rows)
    changed = [(row, ApplicantForm(**{**vars(form), "education": "博士研究生", "degree": "博士"}))
               for row, form in rows[:3]]
    report = store.import_roster(changed + rows[3:])
    assert (report.new, report.updated, report.unchanged) == (0, 3, 9)
    assert store.refresh_eligibility() == 0
    written = {r.id_number: (r.eligibility, r.reasons) for r in store.packet_reports()}
    store.refresh_eligibility(everyone=True)
    assert written == {r.id_number: (r.eligibility, r.reasons) for r in store.packet_reports()}
    assert store.import_roster(changed + rows[3:]).unchanged == 12
