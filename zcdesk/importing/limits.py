"""How large an imported file may be: the one place for every import limit.

Sized from real files with margin: a 200,000-applicant roster (title + header rows
above it, 17 columns) passes every limit; a file beyond them is not a roster but
a mistake or an attack, and is refused before the spreadsheet library sees it
(python-calamine allocates rows × columns cells at once and aborts the process
when that fails: one cell at XFD1048576 asks for 550 GB).
"""

from __future__ import annotations

from typing import Final

MiB: Final = 1024 * 1024

# The whole file, any format. A 200,000-row .xlsx is ≈ 21 MB; a CSV of it ≈ 40 MB.
MAX_FILE_BYTES: Final = 128 * MiB

# One sheet: rows and columns of its used range (from A1), and their product.
# 200,000 applicants + title and header rows, with margin.
MAX_ROWS: Final = 250_000
# A roster has ≈ 20 columns; 200 leaves room for notes and hidden helper columns.
MAX_COLUMNS: Final = 200
# Rows × columns of the used range: what the reader allocates (≈ 32 bytes a cell in
# calamine, 8 more in Python). 250,000 rows × 24 columns.
MAX_CELLS: Final = 6_000_000

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
