"""A killed process loses nothing it confirmed, and the database stays sound."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, text

from zcdesk.store import Store
from zcdesk.store.backup import integrity_problems

ACTIONS = 1000
KILLS = 20
ROOT = Path(__file__).resolve().parent.parent


def test_sigkill_at_random_moments_loses_no_confirmed_action(store: Store,
                                                             people: dict[str, int],
                                                             db_url: str) -> None:
    store.close()
    rng = random.Random(11643)
    confirmed: set[int] = set()
    kills = 0
    finished = False
    while not finished:
        worker = subprocess.Popen(
            [sys.executable, "-m", "tests.crash_worker", db_url, str(ACTIONS)],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert worker.stdout is not None
        lines = [worker.stdout.readline().strip()]  # "ready": the store is open
        if kills < KILLS:
            # A random moment within its first ~10-40 actions: 20 kills always fit.
            time.sleep(rng.uniform(0.05, 0.3))
            worker.send_signal(signal.SIGKILL)
        out, err = worker.communicate(timeout=120)
        kills += worker.returncode == -signal.SIGKILL
        lines += out.splitlines()
        confirmed.update(int(line.split()[1]) for line in lines if line.startswith("done "))
        finished = "finished" in lines
        assert worker.returncode in (0, -signal.SIGKILL), err

    path = Path(db_url.removeprefix("sqlite:///"))
    assert integrity_problems(path) == []
    engine = create_engine(db_url)
    with engine.connect() as conn:
        stored = set(conn.execute(text(
            "SELECT id FROM event WHERE kind IN ('accept', 'reject')")).scalars())
        copies = conn.execute(text(
            "SELECT count(*) FROM event WHERE kind IN ('accept', 'reject')")).scalar()
    engine.dispose()
    assert kills == KILLS
    assert confirmed <= stored  # everything reported done is there
    assert copies == ACTIONS  # and nothing twice: the run resumed where it stopped
    assert Store.open(db_url).check() == []
