"""The Qt desktop UI: the only package that imports PySide6.

Layouts live in forms/*.ui (Qt Designer) and are compiled into
zcdesk/ui/forms/ui_*.py by scripts/compile_forms.py; the classes here use
them by composition (`self.ui = Ui_X(); self.ui.setupUi(self)`).
"""
