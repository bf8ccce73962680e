"""What the clerk hears (and sees) after a scan: ok, warning, error.

Sounds are WAV files played with QtMultimedia's QSoundEffect, created lazily on
first use. When QtMultimedia, the file or the audio device is missing the
system beep stands in; nothing here ever raises.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from zcdesk.paths import resource

SOUND_FILES = {"ok": "ok.wav", "error": "error.wav", "warn": "error.wav"}
FLASH_MS = 700
FLASH_STYLE = "QLineEdit#scanEdit { border-color: #c62828; background: #ffebee; }"


class Feedback:
    """Audible signals; `played` records every call for tests and diagnostics."""

    def __init__(self, *, muted: bool = False) -> None:
        self.muted = muted
        self.played: list[str] = []
        self._effects: dict[str, Any] = {}  # file name -> QSoundEffect | None

    def ok(self) -> None:
        self._signal("ok")

    def warn(self) -> None:
        self._signal("warn")

    def error(self) -> None:
        self._signal("error")

    def _signal(self, kind: str) -> None:
        self.played.append(kind)
        if self.muted:
            return
        try:
            effect = self._effect(SOUND_FILES[kind])
            if effect is None:
                QApplication.beep()
            else:
                effect.play()
        except Exception:  # a sound must never break the counter
            with contextlib.suppress(Exception):
                QApplication.beep()

    def _effect(self, file_name: str) -> Any:
        if file_name in self._effects:
            effect = self._effects[file_name]
            if effect is not None and _is_broken(effect):
                self._effects[file_name] = None
                return None
            return effect
        effect = _make_effect(resource("sounds", file_name))
        self._effects[file_name] = effect
        return effect


def _make_effect(path: Path) -> Any:
    if not path.is_file() or QApplication.instance() is None:
        return None
    try:
        from PySide6.QtMultimedia import QSoundEffect
    except ImportError:
        return None
    effect = QSoundEffect(QApplication.instance())
    effect.setSource(QUrl.fromLocalFile(str(path)))
    effect.setVolume(0.8)
    return effect


def _is_broken(effect: Any) -> bool:
    from PySide6.QtMultimedia import QSoundEffect

    return bool(effect.status() == QSoundEffect.Status.Error)


def set_level(label: QLabel, level: str) -> None:
    """Give the scan message its colour: level is ok, warn, error or info.

    Re-polishing costs a style-sheet pass, so it happens only on a change.
    """
    if label.property("level") == level:
        return
    label.setProperty("level", level)
    style = label.style()
    style.unpolish(label)
    style.polish(label)
    label.update()


def flash_error(widget: QWidget) -> None:
    """Turn the scan field red for a moment, so a refusal is seen as well as heard."""
    widget.setStyleSheet(FLASH_STYLE)

    def restore() -> None:
        with contextlib.suppress(RuntimeError):  # the widget may be gone
            widget.setStyleSheet("")

    QTimer.singleShot(FLASH_MS, widget, restore)
