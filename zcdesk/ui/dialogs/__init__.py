"""Dialogs, each behind a `launch(parent, ...) -> result | None` seam.

The main window only calls `launch`; tests monkeypatch it.
"""
