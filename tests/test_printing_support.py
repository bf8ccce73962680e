"""Helpers for the printing tests: reading PDFs back, hand-built records, a test font.

No tests here; the test_printing_*.py modules import from it.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from zcdesk.domain.checklist import ChecklistItem, RejectReason, Scope
from zcdesk.domain.completeness import CopyEvent, CopyKind, compute_state
from zcdesk.domain.idnumber import check_digit
from zcdesk.domain.records import (
    ApplicantInfo,
    BatchInfo,
    BatchView,
    PacketView,
    PointInfo,
    RoundInfo,
    VisitInfo,
    VisitSummary,
)

ITEMS = [
    ChecklistItem("evaluation", "专业技术职务任职资格评审表", "评审表", Scope.PACKET, 2,
                  ("watermark", "original"), 10),
    ChecklistItem("registration", "杭州市国际职业资格比照认定职称资格登记表", "登记表",
                  Scope.PACKET, 2, ("watermark", "stamp", "original"), 20),
]
POINT = PointInfo(1, "SC", "上城区发展改革和经济信息化局", "上城区", "89500538",
                  "上城区望潮路 77 号东楼 1706 室", "district")
CITY = PointInfo(8, "CITY", "杭州市经信局职改办", "市职改办", "85257157",
                 "杭州市上城区解放东路 18 号市民中心 B 座 612", "city")
ROUND = RoundInfo(1, "2025H1", "2025 上半年度", dt.date(2025, 3, 31), dt.date(2025, 4, 14),
                  dt.date(2025, 4, 30), dt.date(2025, 5, 30), dt.date(2025, 6, 30))
TODAY = dt.date(2025, 5, 18)
SUBSET_NAME = re.compile(r"^/?[A-Z]{6}\+")


# --------------------------------------------------------------- reading PDFs
def pages_text(data: bytes) -> list[str]:
    """Each page's text with all whitespace removed (table cells wrap anywhere)."""
    reader = PdfReader(io.BytesIO(data))
    return ["".join(page.extract_text().split()) for page in reader.pages]


def squash(text: str) -> str:
    return "".join(text.split())


def all_text(data: bytes) -> str:
    return "".join(pages_text(data))


def fonts(data: bytes) -> list[dict[str, Any]]:
    """Every font used on any page: base name, subtype, embedded file kind."""
    reader = PdfReader(io.BytesIO(data))
    found: dict[str, dict[str, Any]] = {}

    def visit(resources: Any) -> None:
        if resources is None:
            return
        resources = resources.get_object()
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            found[str(font["/BaseFont"])] = {
                "subtype": str(font["/Subtype"]),
                "embedded": next((k for k in ("/FontFile2", "/FontFile3", "/FontFile")
                                  if k in descriptor), None),
            }
        for xobject in (resources.get("/XObject") or {}).values():
            visit(xobject.get_object().get("/Resources"))

    for page in reader.pages:
        visit(page.get("/Resources"))
    return [{"name": name, **info} for name, info in found.items()]


@dataclass(frozen=True)
class Chunk:
    text: str
    x: float
    y: float
    size: float
    page: int


def text_chunks(data: bytes) -> list[Chunk]:
    """Each shown string with its position and effective font size."""
    reader = PdfReader(io.BytesIO(data))
    chunks: list[Chunk] = []
    for number, page in enumerate(reader.pages, start=1):
        def visitor(text: str, cm: list[float], tm: list[float], font: Any, size: float,
                    number: int = number) -> None:
            if not text.strip():
                return
            # text space → user space: tm × cm
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            scale = (tm[0] * cm[0] + tm[1] * cm[2]) or 1.0
            chunks.append(Chunk(text.strip("\n"), x, y, size * scale, number))

        page.extract_text(visitor_text=visitor)
    return chunks


# ------------------------------------------------------------- making records
def id_number(n: int, region: str = "330102") -> str:
    first17 = f"{region}{1970 + n % 30}{1 + n % 12:02d}{1 + n % 28:02d}{n % 1000:03d}"
    return first17 + check_digit(first17)


def applicant(n: int, *, name: str = "", unit: str = "", qualification: str = "",
              number: str = "") -> ApplicantInfo:
    return ApplicantInfo(
        id=n, id_kind="居民身份证", id_number=number or id_number(n), name=name or f"测试{n}",
        gender="男", unit=unit or "杭州汽轮机股份有限公司", position="工程师",
        work_start=dt.date(2012, 7, 1), specialty="机电制造", field_years=12,
        education="大学本科", degree="学士", school="浙江大学", graduated_on=dt.date(2012, 7, 1),
        qualification=qualification or "项目管理专业人士资格认证（PMP）",
        qualification_issuer="美国项目管理协会", qualified_on=dt.date(2020, 5, 15),
        title="工程师", series="制造业")


def packet(n: int, *, evaluation: int = 2, registration: int = 2,
           rejected: tuple[tuple[str, int, RejectReason, str], ...] = (),
           point_code: str = "SC", **kwargs: str) -> PacketView:
    events = [CopyEvent(CopyKind.ACCEPT, "evaluation", evaluation),
              CopyEvent(CopyKind.ACCEPT, "registration", registration)]
    events += [CopyEvent(CopyKind.REJECT, code, copies, reason, text)
               for code, copies, reason, text in rejected]
    state = compute_state(ITEMS, [e for e in events if e.copies])
    return PacketView(n, 1, applicant(n, **kwargs), state, "2025H1", point_code,
                      f"SC-2025H1-{n % 500 + 1:05d}")


def batch(packets: list[PacketView], batch_no: str = "SC-2025H1-B007") -> BatchView:
    info = BatchInfo(7, batch_no, "SC", "2025H1", dt.datetime(2025, 5, 18, 10, 0), "小王",
                     "窗口1", len(packets))
    return BatchView(info, tuple(packets))


def summary(packets: list[PacketView], receipt_no: str = "SC-2025H1-00042") -> VisitSummary:
    visit = VisitInfo(42, receipt_no, "赵老师", "0571-88880000", "杭州汽轮机股份有限公司",
                      dt.datetime(2025, 5, 18, 9, 30), dt.datetime(2025, 5, 18, 9, 48), "小王",
                      "窗口1", "SC", "2025H1")
    return VisitSummary(visit, tuple(packets))


# ---------------------------------------------------------------- a test font
def build_fallback_font(path: Path, chars: str) -> Path:
    """A tiny TrueType font with a box glyph for each of `chars` (needs fontTools)."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    def box() -> Any:
        pen = TTGlyphPen(None)
        pen.moveTo((100, -80))
        pen.lineTo((100, 800))
        pen.lineTo((900, 800))
        pen.lineTo((900, -80))
        pen.closePath()
        pen.moveTo((180, 0))
        pen.lineTo((820, 0))
        pen.lineTo((820, 720))
        pen.lineTo((180, 720))
        pen.closePath()
        return pen.glyph()

    names = [".notdef"] + [f"u{ord(c):X}" for c in chars]
    fb = FontBuilder(1000, isTTF=True)
    fb.setupGlyphOrder(names)
    fb.setupCharacterMap({ord(c): f"u{ord(c):X}" for c in chars})
    fb.setupGlyf({name: box() for name in names})
    fb.setupHorizontalMetrics({name: (1000, 100) for name in names})
    fb.setupHorizontalHeader(ascent=880, descent=-120)
    fb.setupNameTable({"familyName": "ZcTestFallback", "styleName": "Regular"})
    fb.setupOS2(sTypoAscender=880, usWinAscent=880, usWinDescent=120)
    fb.setupPost()
    fb.save(str(path))
    return path
