"""Rare characters, the fallback font, and Chinese line breaking."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_printing_support import (
    CITY,
    ITEMS,
    POINT,
    ROUND,
    SUBSET_NAME,
    TODAY,
    all_text,
    batch,
    build_fallback_font,
    fonts,
    packet,
    summary,
)
from zcdesk.printing import (
    MissingGlyphs,
    PrintOptions,
    covers_pdf,
    receipt_pdf,
    transmittal_pdf,
)
from zcdesk.printing.fonts import SUBSTITUTE, TextKit, _utf16_hex, main_face
from zcdesk.printing.textlayout import NO_LINE_END, NO_LINE_START, break_lines, line_text

RARE = "𠮷"  # U+20BB7, outside the BMP
EXT_A = "㛃"  # U+36C3, CJK extension A
NOWHERE = "\U00031350"  # CJK extension H: in no bundled font (nor this machine's)


@pytest.fixture(scope="module")
def fallback(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("fontTools", reason="fontTools builds the test fallback font")
    return build_fallback_font(tmp_path_factory.mktemp("font") / "fallback.ttf", RARE + EXT_A)


@pytest.fixture(scope="module")
def fallback_rare_only(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("fontTools", reason="fontTools builds the test fallback font")
    return build_fallback_font(tmp_path_factory.mktemp("font2") / "rare.ttf", RARE)


def test_which_rare_characters_the_bundled_font_lacks() -> None:
    coverage = main_face().coverage
    assert RARE not in coverage and EXT_A not in coverage and "䶮" not in coverage
    for ch in "堃喆燊珺瑄頔龑犇赟淼祎玥旻昕彧曌垚鑫邨燚·（）—〓":
        assert ch in coverage, ch


def test_a_character_no_font_has_is_refused_unless_confirmed() -> None:
    name = f"吉{NOWHERE}祥"
    view = batch([packet(1, name=name)])
    with pytest.raises(MissingGlyphs) as refused:
        transmittal_pdf(view, POINT, CITY, ROUND, ITEMS, PrintOptions(today=TODAY))
    assert refused.value.characters == (NOWHERE,)
    assert f"姓名“{name}”中的“{NOWHERE}”字（U+31350）" in str(refused.value)
    result = transmittal_pdf(view, POINT, CITY, ROUND, ITEMS,
                             PrintOptions(today=TODAY, allow_missing_glyphs=True))
    assert result.missing_glyphs == (NOWHERE,)
    assert any(NOWHERE in w and "U+31350" in w and SUBSTITUTE in w and "手写" in w
               for w in result.warnings)
    # the text layer still says the character (drawn with the 〓 glyph, never blank)
    assert name in all_text(result.data)


def test_without_fallback_the_bundled_extension_fonts_draw_rare_characters() -> None:
    name = f"吉{RARE}{EXT_A}"
    result = transmittal_pdf(batch([packet(1, name=name)]), POINT, CITY, ROUND, ITEMS,
                             PrintOptions(today=TODAY))
    assert result.missing_glyphs == () and result.warnings == ()
    assert name in all_text(result.data)


def test_fallback_font_draws_the_rare_character(fallback: Path) -> None:
    name = f"吉{RARE}{EXT_A}"
    options = PrintOptions(fallback_font=fallback, today=TODAY)
    result = receipt_pdf(summary([packet(1, name=name)]), POINT, ROUND, ITEMS, options)
    assert result.missing_glyphs == ()
    assert any(f"姓名“{name}”中的“{RARE}”字" in w and "已用备用字体打印" in w
               for w in result.warnings)
    assert any(EXT_A in w for w in result.warnings)
    assert name in all_text(result.data)
    used = fonts(result.data)
    fallback_fonts = [f for f in used if "ZcTestFallback" in f["name"]]
    assert fallback_fonts and all(f["embedded"] == "/FontFile2" for f in used)
    assert all(SUBSET_NAME.match(f["name"]) for f in used)


def test_fallback_lacking_the_character_too(fallback_rare_only: Path) -> None:
    options = PrintOptions(fallback_font=fallback_rare_only, today=TODAY)
    name = f"{RARE}{EXT_A}"
    result = covers_pdf([packet(1, name=name)], POINT, ROUND, ITEMS, options)
    assert result.missing_glyphs == ()  # the bundled extension A font has it
    assert not any(f"“{EXT_A}”字" in w for w in result.warnings)
    assert any("已用备用字体打印" in w and RARE in w for w in result.warnings)
    assert name in all_text(result.data)


def test_rare_characters_in_a_list_cell(fallback: Path) -> None:
    unit = f"杭州{EXT_A}{RARE}科技有限公司" * 3
    result = transmittal_pdf(batch([packet(1, unit=unit), packet(2)]), POINT, CITY, ROUND,
                             ITEMS, PrintOptions(fallback_font=fallback, today=TODAY))
    assert result.missing_glyphs == ()
    assert "".join(unit.split()) in all_text(result.data)


def test_unusable_fallback_font_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "broken.ttf"
    bad.write_bytes(b"not a font")
    result = receipt_pdf(summary([packet(1, name=f"张{EXT_A}")]), POINT, ROUND, ITEMS,
                         PrintOptions(fallback_font=bad, today=TODAY))
    assert any("备用字体" in w and "无法使用" in w for w in result.warnings)
    assert result.missing_glyphs == ()  # the bundled extension A font has it
    missing = receipt_pdf(summary([packet(1)]), POINT, ROUND, ITEMS,
                          PrintOptions(fallback_font=tmp_path / "none.ttf", today=TODAY))
    assert any("无法使用" in w for w in missing.warnings)


def test_surrogate_pairs_in_the_to_unicode_map() -> None:
    assert _utf16_hex(0x20BB7) == "D842DFB7"
    assert _utf16_hex(0x36C3) == "36C3"


@pytest.mark.parametrize("text", [
    "杭州市上城区某某超长名称智能装备制造与工业互联网技术研究院有限责任公司",
    "防爆电气产品认证体系人员能力认证（IECEx CoPC），国际项目经理资质认证（C 级）。",
    "Alexander Maximilian von Habsburg-Lothringen Superlongwordwithoutanybreaks",
    "评审表 1 份（缺水印）；登记表 1 份（未盖章）、其他：照片与本人不符。",
])
@pytest.mark.parametrize("width", [40.0, 75.0, 120.0])
def test_break_lines(text: str, width: float) -> None:
    kit = TextKit()
    lines = break_lines(kit, text, width, 9.0)
    assert all(kit.width(line, 9.0) <= width + 1e-6 for line in lines)
    assert "".join(line_text(line) for line in lines).replace(" ", "") == text.replace(" ", "")
    for line in lines[1:]:
        assert line_text(line)[0] not in NO_LINE_START or width < 60
    for line in lines[:-1]:
        assert line_text(line)[-1] not in NO_LINE_END or width < 60


def test_break_lines_keeps_words_and_short_text() -> None:
    kit = TextKit()
    assert [line_text(x) for x in break_lines(kit, "评审表 2 份、登记表 1 份", 91, 9)] == \
        ["评审表 2 份、", "登记表 1 份"]
    assert [line_text(x) for x in break_lines(kit, "项目管理（PMP）", 500, 9)] == \
        ["项目管理（PMP）"]
    words = [line_text(x) for x in break_lines(kit, "Alexander Maximilian von", 70, 9)]
    assert words == ["Alexander", "Maximilian von"]
