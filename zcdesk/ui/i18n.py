"""Translation hook for every user-visible string written in code."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

CONTEXT = "zcdesk"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)
