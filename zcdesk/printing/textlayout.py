"""Line breaking for Chinese text, drawing runs, and a light table-cell flowable.

Platypus Paragraphs parse markup and re-break lines whenever a table is split
over pages; a 1,000-row list would do that many thousand times. Cells here are
broken once, by character widths, with the usual rules: Chinese breaks between
any two characters, a Latin word or number stays whole when it can, and closing
punctuation never starts a line (nor opening punctuation end one). A person's name
breaks only between its parts (阿卜杜·热合曼 → 阿卜杜· / 热合曼), never inside one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from zcdesk.printing.fonts import Line, Run, TextKit

NO_LINE_START = set("，。、；：！？）》」』】〕’”%·…—,.;:!?)]}")
NO_LINE_END = set("（《「『【〔‘“([{")
_WORD = re.compile(r"[A-Za-z0-9À-ɏ_'’.*\-/&+#@]+|\s+|.", re.S)
NAME_SEPARATORS = set("·•・‧.．-－ \u3000")
NAME_FIELDS = ("姓名",)  # fields whose text is a person's name (see break_lines)

ASCENT = 0.86  # WenQuanYi Micro Hei: baseline below the top of a line of `size`


def _tokens(line: Line) -> list[Line]:
    tokens: list[Line] = []
    for font, text in line:
        for match in _WORD.finditer(text):
            tokens.append(((font, match.group()),))
    return tokens


def _name_tokens(line: Line) -> list[Line]:
    """A name's parts as whole tokens (each may mix fonts), separators alone."""
    tokens: list[Line] = []
    part: list[Run] = []
    for font, text in line:
        for ch in text:
            if ch in NAME_SEPARATORS:
                if part:
                    tokens.append(_join([(r,) for r in part]))
                    part = []
                tokens.append(((font, ch),))
            else:
                part.append((font, ch))
    if part:
        tokens.append(_join([(r,) for r in part]))
    return tokens


def _join(tokens: Sequence[Line]) -> Line:
    runs: list[list[str]] = []
    for token in tokens:
        for font, text in token:
            if runs and runs[-1][0] == font:
                runs[-1][1] += text
            else:
                runs.append([font, text])
    return tuple((font, text) for font, text in runs)


def _strip(tokens: list[Line]) -> list[Line]:
    while tokens and tokens[0][0][1].isspace():
        tokens = tokens[1:]
    while tokens and tokens[-1][0][1].isspace():
        tokens = tokens[:-1]
    return tokens


def _split_chars(kit: TextKit, token: Line, width: float, size: float) -> list[Line]:
    """A word wider than the line, cut between characters (its runs kept apart)."""
    pieces: list[Line] = []
    current: list[Line] = []
    used = 0.0
    for font, text in token:
        for ch in text:
            w = kit.width(((font, ch),), size)
            if current and used + w > width:
                pieces.append(_join(current))
                current, used = [], 0.0
            current.append(((font, ch),))
            used += w
    if current:
        pieces.append(_join(current))
    return pieces


SOFT_BREAK_AFTER = set("、，；。：！？）")
SOFT_KEEP = 0.5  # a line broken at a soft break keeps at least this share of the width


def _break_at(cur: list[Line], widths: list[float], token: Line, token_w: float,
              width: float, soft: bool) -> int:
    """How many tokens of `cur` stay on the line when `token` does not fit."""
    full = sum(widths)
    best_soft = best_hard = 0
    moved = token_w
    for k in range(len(cur), 0, -1):
        nxt = token if k == len(cur) else cur[k]
        if moved > width:
            break
        if nxt[0][1][0] not in NO_LINE_START and cur[k - 1][-1][1][-1] not in NO_LINE_END:
            if not best_hard:
                best_hard = k
            if soft and cur[k - 1][-1][1][-1] in SOFT_BREAK_AFTER and \
                    full - moved + token_w >= SOFT_KEEP * width:
                best_soft = k
                break
        moved += widths[k - 1]
    return best_soft or best_hard or len(cur)


def break_lines(kit: TextKit, text: str, width: float, size: float,
                field: str = "") -> list[Line]:
    """`text` broken into lines no wider than `width` at font size `size`; the text
    of a name field (NAME_FIELDS) breaks only between the name's parts."""
    name = field in NAME_FIELDS
    key = (text, width, size, name)
    cached = kit.line_cache.get(key)
    if cached is None:
        runs = kit.runs(text, field)
        if kit.width(runs, size) <= width:
            cached = [runs] if runs else [()]
        elif name:
            cached = _break_lines(kit, runs, width, size, soft=False, name=True)
        else:
            # break after punctuation where that costs no extra line
            cached = _break_lines(kit, runs, width, size, soft=True)
            hard = _break_lines(kit, runs, width, size, soft=False)
            if len(hard) < len(cached):
                cached = hard
        kit.line_cache[key] = cached
    return cached


def _break_lines(kit: TextKit, runs: Line, width: float, size: float, *,
                 soft: bool, name: bool = False) -> list[Line]:
    lines: list[list[Line]] = []
    cur: list[Line] = []
    widths: list[float] = []
    for token in (_name_tokens(runs) if name else _tokens(runs)):
        w = kit.width(token, size)
        is_space = token[0][1].isspace()
        if is_space and not cur:
            continue
        if sum(widths) + w <= width:
            cur.append(token)
            widths.append(w)
            continue
        if cur:
            k = _break_at(cur, widths, token, w, width, soft)
            lines.append(cur[:k])
            cur, widths = cur[k:], widths[k:]
            while cur and cur[0][0][1].isspace():
                cur, widths = cur[1:], widths[1:]
        if is_space and not cur:
            continue
        if w > width and not cur:
            *whole, rest = _split_chars(kit, token, width, size)
            lines.extend([piece] for piece in whole)
            cur, widths = [rest], [kit.width(rest, size)]
        else:
            cur.append(token)
            widths.append(w)
    if cur:
        lines.append(cur)
    if not name:
        _no_lone_last_char(lines)
    return [_join(_strip(tokens)) for tokens in lines]


def _no_lone_last_char(lines: list[list[Line]]) -> None:
    """公 / 司 → 公司 on the last line: a single character alone looks lost."""
    if len(lines) < 2:
        return
    last, before = _strip(lines[-1]), _strip(lines[-2])
    if len(last) != 1 or len(last[0][0][1]) != 1 or len(before) < 3:
        return
    moved = before[-1]
    if moved[0][1].isspace() or (last[0][0][1] in NO_LINE_START and len(before) < 4):
        return
    if moved[-1][1][-1] in NO_LINE_END:
        return
    lines[-2] = before[:-1]
    lines[-1] = [moved, *last]


def draw_runs(canvas: Canvas, x: float, y: float, line: Line, size: float,
              align: str = "left", kit: TextKit | None = None) -> None:
    """One line of runs with its baseline at y; align left, centre or right of x."""
    if not line:
        return
    if align != "left":
        assert kit is not None
        w = kit.width(line, size)
        x -= w / 2 if align == "centre" else w
    if len(line) == 1:
        font, text = line[0]
        canvas.setFont(font, size)
        canvas.drawString(x, y, text)
        return
    t = canvas.beginText(x, y)
    for font, text in line:
        t.setFont(font, size)
        t.textOut(text)
    canvas.drawText(t)


class RunLines(Flowable):
    """Pre-broken lines of runs: a table cell that needs no re-breaking."""

    def __init__(self, kit: TextKit, lines: list[Line], size: float, leading: float,
                 align: str = "left") -> None:
        super().__init__()
        self.kit = kit
        self.lines = lines
        self.size = size
        self.leading = leading
        self.align = align
        self.height = leading * len(lines)
        self.width = max((kit.width(line, size) for line in lines), default=0.0)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._avail = availWidth
        return availWidth, self.height

    def draw(self) -> None:
        x = {"left": 0.0, "centre": self._avail / 2, "right": self._avail}[self.align]
        y = self.height - (self.leading - self.size) / 2 - self.size * ASCENT
        for line in self.lines:
            draw_runs(self.canv, x, y, line, self.size, self.align, self.kit)
            y -= self.leading


def unbreakable_width(kit: TextKit, text: str, size: float, field: str = "") -> float:
    """The widest piece `text` cannot be broken inside: a name part for a name, a
    Latin word or number otherwise (a Chinese character alone)."""
    runs = kit.runs(text, field)
    tokens = _name_tokens(runs) if field in NAME_FIELDS else _tokens(runs)
    return max((kit.width(t, size) for t in tokens), default=0.0)


def fit_widths(natural: Sequence[float], minimum: Sequence[float], room: float) -> list[float]:
    """Column widths from their content, as browsers lay out automatic tables.

    Every column gets at least its `minimum` (its header, its widest unbreakable
    piece); when all fit on one line each gets its `natural` width and the spare
    room goes to the columns in proportion to it; otherwise the room above the
    minimums is shared in proportion to what each column still lacks. So an empty
    column keeps only its header's width and a long unit takes the room it needs.
    """
    minimum = [min(m, room) for m in minimum]
    natural = [max(n, m) for n, m in zip(natural, minimum, strict=True)]
    total_min, total_nat = sum(minimum), sum(natural)
    if total_nat <= room:
        spare = room - total_nat
        weight = total_nat or 1.0
        return [n + spare * n / weight for n in natural]
    if total_min >= room:
        return [m * room / total_min for m in minimum]
    lacking = [n - m for n, m in zip(natural, minimum, strict=True)]
    share = (room - total_min) / sum(lacking)
    return [m + gap * share for m, gap in zip(minimum, lacking, strict=True)]


def fits_plain(lines: list[Line], main_font: str) -> bool:
    """True when the lines use the bundled font only (a plain table string does)."""
    return all(font == main_font for line in lines for font, _ in line)


def line_text(line: Line) -> str:
    return "".join(text for _, text in line)


def cell(kit: TextKit, text: str, width: float, size: float, *, align: str = "left",
         field: str = "", leading: float | None = None) -> str | RunLines:
    """A table cell: a plain (multi-line) string when it can be, else RunLines.

    `width` is the room inside the cell's padding; the table's LEADING must equal
    `leading` (default size × 1.3) for plain strings and RunLines to line up alike.
    """
    lines = break_lines(kit, text, width, size, field)
    if fits_plain(lines, kit.main.name):
        return "\n".join(line_text(line) for line in lines)
    return RunLines(kit, lines, size, leading or size * 1.3, align)
