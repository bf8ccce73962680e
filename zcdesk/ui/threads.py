"""Worker threads of the window, with Python's cyclic garbage collector paused.

A full test run crashed (SIGSEGV) with the GUI thread "Garbage-collecting" inside a
nested event loop while a worker compiled SQL in SQLAlchemy's compiled extensions.
Collecting cycles (Qt wrappers, sessions, connections of earlier work) while another
thread is inside those extensions is what the crash reports have in common, so no
automatic collection runs while any worker does: the workers are short (an import,
a list read, a backup) and reference counting still frees almost everything.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from typing import Any

_lock = threading.Lock()
_running = 0
_was_enabled = True


def _pause() -> None:
    global _running, _was_enabled
    with _lock:
        if _running == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _running += 1


def _resume() -> None:
    global _running
    with _lock:
        _running -= 1
        if _running == 0 and _was_enabled:
            gc.enable()


def pause_gc() -> None:
    """Work is about to run on a long-lived worker (ui.store_call): no collection now."""
    _pause()


def resume_gc() -> None:
    _resume()


def start_thread(target: Callable[..., Any], *args: Any, name: str) -> threading.Thread:
    """Start `target(*args)` in a daemon thread; cyclic GC is off until it returns."""

    def run() -> None:
        try:
            target(*args)
        finally:
            _resume()

    _pause()  # before the thread exists, so no collection can slip in at its start
    thread = threading.Thread(target=run, name=name, daemon=True)
    try:
        thread.start()
    except BaseException:
        _resume()
        raise
    return thread


def workers_running() -> int:
    return _running
