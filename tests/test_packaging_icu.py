"""The slim ICU data library (packaging/icu_data.py) answers what QtCore asks of ICU.

The slim library is built from the venv's PySide6 and loaded in front of it
(LD_PRELOAD: its icudt73_dat symbol replaces the full one), then Qt is asked for a
time-zone name in Chinese, the GBK/GB18030/Big5 converters and a collator."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("icu_data", ROOT / "packaging" / "icu_data.py")
assert spec and spec.loader
icu_data = importlib.util.module_from_spec(spec)
spec.loader.exec_module(icu_data)

PROBE = """
from PySide6.QtCore import QCollator, QLocale, QStringDecoder, QTimeZone
tz = QTimeZone(b"Asia/Shanghai")
print(tz.displayName(QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName,
                     QLocale("zh_CN")))
print(",".join(n for n in ("GB18030", "GBK", "Big5") if QStringDecoder(n).isValid()))
print(QCollator(QLocale("zh_CN")).compare("b", "a"))
"""


def test_items_kept_are_root_english_chinese_zones_and_chinese_converters() -> None:
    kept = ["root.res", "pool.res", "zh.res", "zh_Hans_CN.res", "en_US.res",
            "zoneinfo64.res", "metaZones.res", "zone/zh.res", "zone/root.res",
            "zone/pool.res", "cnvalias.icu", "gb18030.cnv", "windows-936-2000.cnv",
            "coll/ucadata.icu", "coll/root.res", "supplementalData.res"]
    dropped = ["de.res", "ja.res", "zone/fr.res", "coll/zh.res", "brkitr/cjdict.dict",
               "curr/zh.res", "lang/zh.res", "ibm-37_P100-1995.cnv", "unames.icu",
               "translit/root.res", "rfc3491.spp"]
    assert [i for i in kept if not icu_data.is_kept(i)] == []
    assert [i for i in dropped if icu_data.is_kept(i)] == []


def venv_icu_library() -> Path | None:
    try:
        import PySide6
    except ImportError:
        return None
    found = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    return found[0] if found else None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux bundle only")
def test_qt_works_on_the_slim_icu_data(tmp_path: Path) -> None:
    library = venv_icu_library()
    if library is None:
        pytest.skip("this PySide6 has no bundled ICU")
    if not icu_data.tools_available():
        pytest.skip("icupkg missing (Debian: apt-get install icu-devtools)")
    slim = icu_data.slim_library(library, tmp_path / "icu")
    assert slim.stat().st_size < library.stat().st_size / 5
    env = {**os.environ, "LD_PRELOAD": str(slim), "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    zone, converters, order = out.stdout.splitlines()
    assert zone == "中国标准时间"
    assert converters == "GB18030,GBK,Big5"
    assert order == "1"
