"""The bundled CJK font, fallback fonts for rare characters, and text checked against them.

Every string that reaches a PDF passes through a TextKit first. It splits the text
into runs of one font each: the bundled WenQuanYi Micro Hei for what it can draw
and, for rare characters (䶮 㛃 𠈌 𠮷 𪚥 𬌗 …), the first of these that has it:
the clerk's fallback font (`zcdesk desk --fallback-font`), the bundled extension
fonts (Hanazono Mincho for CJK Extension A–F, BabelStone Han for Extension G, see
resources/fonts/README.md), then a system font (SimSun-ExtB and SimSun-ExtG on
Windows, Hanazono / BabelStone Han on Linux, UOS and Kylin). The extension fonts are
loaded only when a document holds such a character.

When no font has the character, the bundled font's “〓” glyph stands in for it
(mapped to the real character in the PDF's text layer, so searching still finds
it) and the clerk is warned — and the document is refused (MissingGlyphs, naming
the field, the text and the character) unless the clerk confirmed printing it
anyway (PrintOptions.allow_missing_glyphs). Nothing is ever silently left blank.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import sys
import threading
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from glob import glob
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

import reportlab.pdfbase.ttfonts as _ttfonts
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from zcdesk.paths import resource

if TYPE_CHECKING:
    from zcdesk.printing.options import PrintOptions

MAIN_FONT = "ZcWenQuanYi"
SUBSTITUTE = "〓"  # printed for a character neither font can draw
FONT_FILES = ("wqy-microhei.ttc", "wqy-microhei.ttf")
# Bundled fonts for the CJK extensions, in the order they are asked. Stored gzipped
# (36.4 → 20.7 MB of the bundle): unpacked in memory on first need, ~0.2 s.
EXTENSION_FONTS = ("hanamin-ext-a.ttf.gz", "hanamin-ext-b-f.ttf.gz",
                   "babelstone-ext-g.ttf.gz")
# Fonts of the printing PC that may have what the bundled ones lack (globs; ~ and
# %WINDIR% expanded). Windows 10/11 ship SimSun-ExtB; Windows 11 (2023 on) SimSun-ExtG.
SYSTEM_FONTS = (
    "%WINDIR%/Fonts/simsunb.ttf", "%WINDIR%/Fonts/SimsunExtG.ttf",
    "%WINDIR%/Fonts/simsunextg.ttf", "%WINDIR%/Fonts/mingliub.ttc",
    "%LOCALAPPDATA%/Microsoft/Windows/Fonts/*ExtB*.tt[fc]",
    "/usr/share/fonts/truetype/hanazono/HanaMin[AB].ttf",
    "/usr/share/fonts/truetype/babelstone/BabelStoneHan.ttf",
    "/usr/share/fonts/fonts-cesi/CESI_*GB18030*.[Tt][Tt][Ff]",  # UOS
    "/usr/share/fonts/truetype/*/[Ss]im[Ss]un*[Ee]xt*.tt[fc]",
    "/usr/share/fonts/**/HanaMin[AB].ttf", "~/.local/share/fonts/**/HanaMin[AB].ttf",
    "~/.fonts/**/[Ss]im[Ss]un*[Ee]xt*.tt[fc]",
)

Run = tuple[str, str]  # (registered font name, text)
Line = tuple[Run, ...]

_lock = threading.RLock()


@dataclass(frozen=True)
class Face:
    """A registered TrueType font and the characters it really has."""

    name: str
    font: TTFont
    coverage: frozenset[str]  # characters with a glyph, as found at load time
    widths: dict[int, float]  # advance widths in 1/1000 em, by code point
    default_width: float

    def char_width(self, ch: str) -> float:
        return self.widths.get(ord(ch), self.default_width)


class FontUnusable(Exception):
    """A font file that cannot be read or has no TrueType outlines."""


def _load(name: str, path: Path) -> Face:
    try:
        # reportlab reads a font from a file-like object as well as from a path
        source: str | io.BytesIO = (io.BytesIO(gzip.decompress(path.read_bytes()))
                                    if path.suffix == ".gz" else str(path))
        font = TTFont(name, source, subfontIndex=0)
    except (TTFError, OSError, ValueError, KeyError, EOFError) as exc:
        raise FontUnusable(str(exc)) from exc
    face = font.face
    if not face.charToGlyph:
        raise FontUnusable("字体没有 Unicode 字符表")
    pdfmetrics.registerFont(font)
    coverage = frozenset(chr(cp) for cp, glyph in face.charToGlyph.items() if glyph)
    return Face(name, font, coverage, face.charWidths, float(face.defaultWidth))


_main: Face | None = None
_fallbacks: dict[tuple[str, int, int], Face] = {}


def bundled_font_path() -> Path:
    for filename in FONT_FILES:
        path = resource("fonts", filename)
        if path.is_file():
            return path
    raise FileNotFoundError(
        f"找不到程序自带的字体文件 {resource('fonts', FONT_FILES[0])}，无法生成 PDF。"
        "请重新安装 zcdesk。")


def main_face() -> Face:
    """The bundled WenQuanYi Micro Hei, registered once per process."""
    global _main
    with _lock:
        if _main is None:
            _patch_to_unicode()
            path = bundled_font_path()
            try:
                _main = _load(MAIN_FONT, path)
            except FontUnusable as exc:
                raise FileNotFoundError(f"程序自带的字体文件 {path} 无法读取：{exc}") from exc
        return _main


def fallback_face(path: Path) -> Face:
    """A TTF/TTC for rare characters (e.g. SimSun-ExtB), registered once per file version."""
    path = Path(path).expanduser()
    try:
        stat = path.stat()
    except OSError as exc:
        raise FontUnusable(f"文件不存在或无法读取（{exc.strerror}）") from exc
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    with _lock:
        face = _fallbacks.get(key)
        if face is None:
            main_face()
            digest = hashlib.sha1(repr(key).encode()).hexdigest()[:10]
            face = _load(f"ZcFallback{digest}", path)
            _fallbacks[key] = face
        return face


_rare_faces: list[Face] | None = None


def _system_font_paths() -> Iterator[Path]:
    windir = os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT") or "C:/Windows"
    local = os.environ.get("LOCALAPPDATA", "")
    for pattern in SYSTEM_FONTS:
        if pattern.startswith("%WINDIR%"):
            if sys.platform != "win32":
                continue
            pattern = pattern.replace("%WINDIR%", windir)
        elif pattern.startswith("%LOCALAPPDATA%"):
            if not local:
                continue
            pattern = pattern.replace("%LOCALAPPDATA%", local)
        for found in sorted(glob(os.path.expanduser(pattern), recursive=True)):
            yield Path(found)


def rare_faces() -> list[Face]:
    """The bundled extension fonts, then the system's, loaded on first need.

    A file that cannot be read is skipped (the character is then reported as
    missing, never printed blank)."""
    global _rare_faces
    with _lock:
        if _rare_faces is None:
            paths = [resource("fonts", name) for name in EXTENSION_FONTS]
            paths = [p for p in paths if p.is_file()] + list(_system_font_paths())
            faces: list[Face] = []
            seen: set[Path] = set()
            for path in paths:
                if path.resolve() in seen:
                    continue
                seen.add(path.resolve())
                try:
                    faces.append(fallback_face(path))
                except FontUnusable:
                    continue
            _rare_faces = faces
        return _rare_faces


def _alias_substitute(face: Face, ch: str) -> None:
    """Let `face` print `ch` with the SUBSTITUTE glyph (the text layer keeps `ch`)."""
    ttface = face.font.face
    cp = ord(ch)
    with _lock:
        if cp not in ttface.charToGlyph:
            ttface.charToGlyph[cp] = ttface.charToGlyph[ord(SUBSTITUTE)]
            ttface.charWidths[cp] = ttface.charWidths[ord(SUBSTITUTE)]


# --------------------------------------------------------------------- ToUnicode fix
def _utf16_hex(cp: int) -> str:
    if cp <= 0xFFFF:
        return f"{cp:04X}"
    cp -= 0x10000
    return f"{0xD800 + (cp >> 10):04X}{0xDC00 + (cp & 0x3FF):04X}"


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap, but with UTF-16 surrogate pairs beyond the BMP.

    reportlab writes <20BB7> for 𠮷, which is not valid UTF-16BE; readers then
    drop the character from the text layer. Everything else is as reportlab does.
    """
    return "\n".join([
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{_utf16_hex(v)}>" for i, v in enumerate(subset)),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ])


def _patch_to_unicode() -> None:
    _ttfonts.makeToUnicodeCMap = _to_unicode_cmap


# ------------------------------------------------------------------------ TextKit
def clean(text: str) -> str:
    """Control characters become spaces, invisible format characters go."""
    if text.isprintable():
        return text
    out = []
    for ch in text:
        category = unicodedata.category(ch)
        if category == "Cf":
            continue
        out.append(" " if category in ("Cc", "Zl", "Zp") else ch)
    return "".join(out)


class TextKit:
    """One document's fonts, and what the clerk must hear about its characters."""

    def __init__(self, fallback_font: Path | None = None, *,
                 allow_missing: bool = False) -> None:
        self.main = main_face()
        self.fallback: Face | None = None
        self.allow_missing = allow_missing  # the clerk confirmed printing 〓
        self.warnings: list[str] = []
        self.missing: list[str] = []
        self.refusals: list[str] = []  # 姓名“…”中的“…”字（U+…）: what MissingGlyphs names
        self._noted: set[tuple[str, str]] = set()
        self._runs: dict[str, Line] = {}
        # break_lines results by (text, width, size): units and qualifications repeat
        self.line_cache: dict[tuple[str, float, float, bool], list[Line]] = {}
        if fallback_font is not None:
            try:
                self.fallback = fallback_face(fallback_font)
            except FontUnusable as exc:
                self.warnings.append(f"备用字体“{fallback_font}”无法使用：{exc}。"
                                     f"内置字体缺少的字将印为“{SUBSTITUTE}”。")
        self.faces = {self.main.name: self.main}
        if self.fallback is not None:
            self.faces[self.fallback.name] = self.fallback
        self._rare: list[Face] | None = None  # fallback + extension fonts, on first need

    @classmethod
    def for_options(cls, options: PrintOptions) -> TextKit:
        """The kit a document printed with `options` uses."""
        return cls(options.fallback_font, allow_missing=options.allow_missing_glyphs)

    def _rare_chain(self) -> list[Face]:
        if self._rare is None:
            chain = [self.fallback] if self.fallback is not None else []
            chain += [f for f in rare_faces() if f is not self.fallback]
            self._rare = chain
            for face in chain:
                self.faces[face.name] = face
        return self._rare

    # -- splitting ------------------------------------------------------------
    def runs(self, text: str, field: str = "") -> Line:
        """`text` as runs of one font each (the fallback only where needed)."""
        text = clean(text)
        cached = self._runs.get(text)
        if cached is not None:
            return cached
        main = self.main
        if main.coverage.issuperset(text):
            result: Line = ((main.name, text),) if text else ()
        else:
            result = self._split(text, field)
        self._runs[text] = result
        return result

    def _split(self, text: str, field: str) -> Line:
        main = self.main
        runs: list[list[str]] = []
        for ch in text:
            if ch in main.coverage:
                font = main.name
            else:
                face = next((f for f in self._rare_chain() if ch in f.coverage), None)
                if face is not None:
                    font = face.name
                    if face is self.fallback:
                        self._note(ch, text, field, drawn=True)
                elif unicodedata.category(ch) in ("Zs", "Mn", "Me"):
                    font = main.name  # a space or mark the font lacks: nothing to write by hand
                else:
                    font = main.name
                    _alias_substitute(main, ch)
                    self._note(ch, text, field, drawn=False)
            if runs and runs[-1][0] == font:
                runs[-1][1] += ch
            else:
                runs.append([font, ch])
        return tuple((font, chunk) for font, chunk in runs)

    def _note(self, ch: str, text: str, field: str, *, drawn: bool) -> None:
        if (ch, text) in self._noted:
            return
        self._noted.add((ch, text))
        where = f"{field}“{text}”" if field else f"“{text}”"
        code = f"U+{ord(ch):04X}"
        if drawn:
            self.warnings.append(f"{where}中的“{ch}”字（{code}）内置字体缺字，已用备用字体打印。")
            return
        if ch not in self.missing:
            self.missing.append(ch)
        self.refusals.append(f"{where}中的“{ch}”字（{code}）")
        hint = "所有可用字体（内置字体、扩展区字体" + ("、备用字体" if self.fallback else "") \
            + "）均缺字"
        self.warnings.append(f"{where}中的“{ch}”字（{code}）{hint}，已印为“{SUBSTITUTE}”，"
                             "请在纸面上手写补正。")

    # -- measuring ------------------------------------------------------------
    def width(self, runs: Line, size: float) -> float:
        total = 0.0
        for font, chunk in runs:
            face = self.faces[font]
            widths, default = face.widths, face.default_width
            total += sum(widths.get(ord(ch), default) for ch in chunk)
        return total * size / 1000.0

    def text_width(self, text: str, size: float, field: str = "") -> float:
        return self.width(self.runs(text, field), size)

    # -- paragraph markup -----------------------------------------------------
    def markup(self, text: str, field: str = "") -> str:
        """XML-escaped text for a Paragraph, fallback runs wrapped in <font>."""
        parts = []
        for font, chunk in self.runs(text, field):
            if font == self.main.name:
                parts.append(escape(chunk))
            else:
                parts.append(f'<font name="{font}">{escape(chunk)}</font>')
        return "".join(parts)
