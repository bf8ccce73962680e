"""Render the PDFs with poppler and read their barcodes back with zbar.

Skipped (with the reason) where pdftoppm or zbarimg is not installed; on Debian:
apt-get install poppler-utils zbar-tools.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.test_printing_support import (
    CITY,
    ITEMS,
    POINT,
    ROUND,
    TODAY,
    batch,
    packet,
    summary,
)
from zcdesk.domain.checklist import RejectReason
from zcdesk.printing import (
    PdfResult,
    PrintOptions,
    covers_pdf,
    notice_pdf,
    receipt_pdf,
    report_pdf,
    transmittal_pdf,
)

OPTIONS = PrintOptions(today=TODAY)
needs_pdftoppm = pytest.mark.skipif(shutil.which("pdftoppm") is None,
                                    reason="pdftoppm (poppler-utils) is not installed")
needs_zbar = pytest.mark.skipif(shutil.which("zbarimg") is None or
                                shutil.which("pdftoppm") is None,
                                reason="zbarimg (zbar-tools) or pdftoppm is not installed")


def render(result: PdfResult, folder: Path, dpi: int = 60, top: float = 0) -> list[Path]:
    """Each page as a grey PNG; `top` > 0 renders only that many inches from the top."""
    pdf = folder / "doc.pdf"
    pdf.write_bytes(result.data)
    crop = ["-x", "0", "-y", "0", "-W", str(int(8.3 * dpi)), "-H", str(int(top * dpi))] \
        if top else []
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", *crop, str(pdf),
                    str(folder / "p")], check=True, capture_output=True)
    return sorted(folder.glob("p-*.png"))


def decode(png: Path, symbology: str) -> list[str]:
    out = subprocess.run(["zbarimg", "-q", "--raw", "-Sdisable", f"-S{symbology}.enable",
                          str(png)], capture_output=True, text=True)
    return out.stdout.split()


def ink(png: Path) -> float:
    """Share of dark pixels (a blank page has none)."""
    from PIL import Image

    with Image.open(png) as image:
        histogram = image.convert("L").histogram()
    return sum(histogram[:128]) / sum(histogram)


def documents() -> dict[str, PdfResult]:
    mixed = summary([packet(1), packet(2, registration=1, rejected=(
        ("registration", 1, RejectReason.NO_STAMP, ""),))])
    full = batch([packet(n) for n in range(1, 30)])
    return {
        "receipt": receipt_pdf(mixed, POINT, ROUND, ITEMS, OPTIONS),
        "notice": notice_pdf(mixed, POINT, ROUND, ITEMS, OPTIONS),
        "covers": covers_pdf(list(full.packets[:3]), POINT, ROUND, ITEMS, OPTIONS),
        "transmittal": transmittal_pdf(full, POINT, CITY, ROUND, ITEMS, OPTIONS),
        "report": report_pdf(full, POINT, CITY, ROUND, ITEMS, OPTIONS),
    }


@needs_pdftoppm
def test_every_document_renders(tmp_path: Path) -> None:
    for name, result in documents().items():
        folder = tmp_path / name
        folder.mkdir()
        pngs = render(result, folder)
        assert len(pngs) == result.pages, name
        for png in pngs:
            assert 0.003 < ink(png) < 0.5, (name, png.name)


@needs_zbar
def test_receipt_barcodes_decode(tmp_path: Path) -> None:
    result = receipt_pdf(summary([packet(1), packet(2)]), POINT, ROUND, ITEMS, OPTIONS)
    (png,) = render(result, tmp_path, dpi=150)
    assert decode(png, "code128") == ["SC-2025H1-00042"]


@needs_zbar
def test_cover_qr_and_code128_decode(tmp_path: Path) -> None:
    packets = [packet(123), packet(45678, point_code="CITYXY")]  # QR versions 1 and 2
    pngs = render(covers_pdf(packets, POINT, ROUND, ITEMS, OPTIONS), tmp_path, dpi=200, top=2.6)
    for png, p in zip(pngs, packets, strict=True):
        assert decode(png, "qrcode") == [p.code]
        assert decode(png, "code128") == [p.code]
    assert packets[0].code == "SC-2025H1-P000123"
