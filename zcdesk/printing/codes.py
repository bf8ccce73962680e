"""Code 128 and QR codes drawn straight into the page as one filled path each.

reportlab's barcode widgets draw every bar or module as its own rectangle with
its own formatting work (a QR code costs milliseconds); here the bar and module
runs become integer rectangles under one scaling matrix: a few hundred bytes of
page content per code. The Code 128 encoding itself is reportlab's.
"""

from __future__ import annotations

from string import ascii_lowercase, ascii_uppercase

import segno
from reportlab.graphics.barcode.code128 import Code128
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from zcdesk.printing.fonts import TextKit

# A fixed QR mask: choosing the "best" of the eight costs ~1.5 ms a code and
# gains nothing for these short codes (every mask is valid; the test suite and
# the benchmark decode them). Mask 6 is the one segno itself picks most often.
QR_MASK = 6
QR_QUIET = 4  # modules of white around a QR code
CODE128_QUIET = 10  # modules of white either side of a Code 128


def code128_bars(value: str) -> tuple[list[tuple[int, int]], int]:
    """(start, width) of each bar in modules, and the total width in modules."""
    barcode = Code128(value, humanReadable=False, quiet=0)
    if barcode.validate() != value:
        raise ValueError(f"Code 128 不能编码“{value}”")
    barcode.encode()
    bars: list[tuple[int, int]] = []
    left = 0
    for c in barcode.decompose():
        if c in ascii_uppercase:
            w = ord(c) - 64
            bars.append((left, w))
            left += w
        elif c in ascii_lowercase:
            left += ord(c) - 96
    return bars, left


def code128_width(value: str, module: float) -> float:
    return code128_bars(value)[1] * module


def _num(v: float) -> str:
    text = f"{v:.3f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"


def draw_code128(canvas: Canvas, x: float, y: float, value: str, module: float,
                 height: float) -> float:
    """Bars of `value` with the lower-left corner at (x, y); returns the width."""
    bars, total = code128_bars(value)
    path = " ".join(f"{s} 0 {w} 1 re" for s, w in bars)
    canvas.addLiteral(f"q 0 g {_num(module)} 0 0 {_num(height)} {_num(x)} {_num(y)} cm "
                      f"{path} f Q")
    return total * module


def draw_qr(canvas: Canvas, x: float, y: float, value: str, size: float) -> None:
    """A QR code of `value` filling size × size (quiet zone inside) from (x, y)."""
    matrix = segno.make_qr(value, error="m", mask=QR_MASK).matrix
    n = len(matrix)
    module = size / (n + 2 * QR_QUIET)
    parts = []
    for r, row in enumerate(matrix):
        yy = n - 1 - r
        c = 0
        while c < n:
            if row[c]:
                start = c
                while c < n and row[c]:
                    c += 1
                parts.append(f"{start} {yy} {c - start} 1 re")
            else:
                c += 1
    ox, oy = x + QR_QUIET * module, y + QR_QUIET * module
    canvas.addLiteral(f"q 0 g {_num(module)} 0 0 {_num(module)} {_num(ox)} {_num(oy)} cm "
                      f"{' '.join(parts)} f Q")


class Code128Flowable(Flowable):
    """A Code 128 with its text below in the bundled font, for platypus stories."""

    def __init__(self, kit: TextKit, value: str, *, module: float = 0.75,
                 bar_height: float = 26.0, text_size: float = 8.0) -> None:
        super().__init__()
        self.kit = kit
        self.value = value
        self.module = module
        self.bar_height = bar_height
        self.text_size = text_size
        self.width = code128_width(value, module) + 2 * CODE128_QUIET * module
        self.height = bar_height + text_size * 1.5

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        quiet = CODE128_QUIET * self.module
        draw_code128(self.canv, quiet, self.text_size * 1.5, self.value, self.module,
                     self.bar_height)
        self.canv.setFont(self.kit.main.name, self.text_size)
        self.canv.drawCentredString(self.width / 2, 1.5, self.value)


class QrFlowable(Flowable):
    """A QR code of `value`, size × size with its quiet zone, and a caption below."""

    def __init__(self, kit: TextKit, value: str, size: float, caption: str = "",
                 text_size: float = 7.5) -> None:
        super().__init__()
        self.kit = kit
        self.value = value
        self.size = size
        self.caption = caption
        self.text_size = text_size
        self.width = size
        self.height = size + (text_size * 1.4 if caption else 0)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        below = self.height - self.size
        draw_qr(self.canv, 0, below, self.value, self.size)
        if self.caption:
            self.canv.setFont(self.kit.main.name, self.text_size)
            self.canv.drawCentredString(self.size / 2, 1.5, self.caption)
