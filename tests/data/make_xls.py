"""Regenerate roster.xls (Excel 97-2003) with LibreOffice; the .xls is committed.

    apt-get install -y libreoffice-calc-nogui
    .venv/bin/python -m tests.data.make_xls

CI only reads the committed file: it does not need LibreOffice.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.data.builders import HEADERS, person, write_xlsx

HERE = Path(__file__).parent
XLS = HERE / "roster.xls"


def source_rows() -> list[list[object]]:
    rows: list[list[object]] = [HEADERS]
    rows += [person(i) for i in range(5)]
    broken = person(5)
    broken[4] = 330102199001011234  # an ID number stored as a number: digits lost
    rows.append(broken)
    padded = person(6)
    padded[1] = "张　三"  # a name padded with an ideographic space
    padded[7] = "2011.07"
    rows.append(padded)
    return rows


def main() -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("LibreOffice (soffice) is not installed")
    with tempfile.TemporaryDirectory() as tmp:
        source = write_xlsx(Path(tmp) / "roster.xlsx", source_rows(),
                            title="2025 上半年度花名册（.xls 测试）", merges=["A1:Q1"])
        subprocess.run([soffice, "--headless", "--convert-to", "xls", "--outdir", tmp,
                        str(source)], check=True, capture_output=True, timeout=120)
        shutil.copyfile(Path(tmp) / "roster.xls", XLS)
    print(f"wrote {XLS} ({XLS.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
