"""Reading the platform's roster and the disqualification list; writing the export.

Qt-free and store-free: only zcdesk.domain and file libraries (python-calamine
to read workbooks, openpyxl to write .xlsx).
"""
