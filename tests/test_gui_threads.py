"""Worker threads pause Python's cyclic GC while they run (see zcdesk/ui/threads.py)."""

from __future__ import annotations

import gc
import threading

import pytest

from zcdesk.ui.threads import start_thread, workers_running


def test_gc_is_off_while_any_worker_runs_and_back_on_after() -> None:
    assert gc.isenabled()
    release_first, release_second = threading.Event(), threading.Event()
    seen: list[bool] = []

    def work(release: threading.Event) -> None:
        seen.append(gc.isenabled())
        release.wait(5)

    first = start_thread(work, release_first, name="t1")
    second = start_thread(work, release_second, name="t2")
    assert not gc.isenabled() and workers_running() == 2
    release_first.set()
    first.join(5)
    assert not gc.isenabled()  # the second still runs
    release_second.set()
    second.join(5)
    assert gc.isenabled() and workers_running() == 0 and seen == [False, False]


@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
def test_a_failing_worker_still_resumes_the_gc() -> None:
    def boom() -> None:
        raise RuntimeError("worker failed")

    thread = start_thread(boom, name="t3")
    thread.join(5)
    assert gc.isenabled() and workers_running() == 0
