"""How large an imported file may be: the one place for every import limit.

Sized from measurements (bench/bench_import.py --memory, bench/README.md): a whole
`zcdesk roster import` must stay under 500 MB peak RSS and 30 s. A 200,000-row roster
(17 columns, the file openpyxl writes) takes 384 MB and 20 s; 166,666 rows × 24
columns (MAX_CELLS) 441 MB and 24 s; 250,000 rows ≈ 480 MB, too close to the limit.
A file beyond these limits is not a roster but a mistake or an attack, and is refused
before the spreadsheet library sees it (python-calamine allocates rows × columns cells
at once and aborts the process when that fails: one cell at XFD1048576 asks for 550 GB).
"""

from __future__ import annotations

from typing import Final

MiB: Final = 1024 * 1024

# The whole file, any format. A 200,000-row .xlsx is ≈ 21 MB; a CSV of it ≈ 40 MB.
MAX_FILE_BYTES: Final = 128 * MiB

# One sheet: rows and columns of its used range (from A1), and their product.
# 200,000 rows incl. the title and header rows.
MAX_ROWS: Final = 200_000
# A roster has ≈ 20 columns; 200 leaves room for notes and hidden helper columns.
MAX_COLUMNS: Final = 200
# Rows × columns of the used range: what the reader holds (≈ 95 bytes a cell at the
# peak, calamine's and Python's together). 200,000 rows × 20 columns; 24 columns up to
# 166,666 rows; 200 columns up to 20,000 rows.
MAX_CELLS: Final = 4_000_000

# .xlsx parts, inflated. openpyxl writes text inline: its 200,000-row roster's sheet
# is 189 MB (100,000 rows: 93 MB); Excel's own files are smaller (shared strings).
MAX_SHEET_XML: Final = 256 * MiB
# Every distinct text of the workbook; all 17 columns distinct for 250,000 rows ≈ 150 MB.
MAX_SHARED_STRINGS_XML: Final = 192 * MiB
# workbook.xml, styles.xml, theme, relationships…: kilobytes in practice. Any other
# part (pictures, calcChain…) is held to MAX_SHEET_XML: the workbook may name it a sheet.
MAX_OTHER_PART: Final = 16 * MiB
# Every member inflated, all together (each is inflated once, to be scanned).
MAX_TOTAL_INFLATED: Final = 512 * MiB
MAX_SHEETS: Final = 100
# The zip's central directory (its list of members): a workbook's is a few KB.
MAX_ZIP_DIRECTORY: Final = 1 * MiB
MAX_ZIP_MEMBERS: Final = 5_000
