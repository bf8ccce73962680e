"""Printed documents of the counter, as PDF bytes.

收件回执, 一次性补正告知单, 档案袋封面, 移交清单, 送评报告单, 返还清单 and the
city desk's 接收回执 — A4, drawn with the bundled WenQuanYi Micro Hei (embedded
as a subset, so the printing PC's fonts never matter). Every function returns a
PdfResult whose warnings the clerk must see (a rare character printed with the
fallback font, or not at all).

Layers: this package uses zcdesk.domain, reportlab and segno (and, for the
transmittal list's QR payload, zcdesk.importing.transmittal_file) — no Qt, no
database. The store produces the records; the UI and the command line print.
"""

from __future__ import annotations

from zcdesk.printing.city_receipt import city_receipt_pdf
from zcdesk.printing.content import needs_notice
from zcdesk.printing.covers import covers_pdf
from zcdesk.printing.notice import notice_pdf
from zcdesk.printing.options import MissingGlyphs, PdfResult, PrintCancelled, PrintOptions
from zcdesk.printing.receipt import receipt_pdf
from zcdesk.printing.report import report_pdf
from zcdesk.printing.return_list import return_list_pdf
from zcdesk.printing.transmittal import transmittal_pdf

__all__ = [
    "MissingGlyphs",
    "PdfResult",
    "PrintCancelled",
    "PrintOptions",
    "city_receipt_pdf",
    "covers_pdf",
    "needs_notice",
    "notice_pdf",
    "receipt_pdf",
    "report_pdf",
    "return_list_pdf",
    "transmittal_pdf",
]
