"""Run by tests/test_crash_safety.py: receive actions until killed.

After each action the store has committed, it prints `done EVENT-ID` and
flushes: the parent checks that every event reported here survived SIGKILL.
"""

from __future__ import annotations

import sys

from zcdesk.store import InputError, Store


def main(url: str, total: int) -> int:
    store = Store.open(url, operator="crash", desk="crash")
    packets = [row.packet_id for row in store.packet_rows()]
    done = store.audit()
    start = sum(1 for e in done if e.kind in ("accept", "reject"))
    print("ready", flush=True)
    for n in range(start, total):
        packet = packets[n % len(packets)]
        item = "evaluation" if n % 2 else "registration"
        try:
            result = store.accept(packet, item, 1)
        except InputError:  # the item is complete: hand a copy back instead
            result = store.reject(packet, item, 1, "缺水印")
        print(f"done {result.event_id}", flush=True)
    print("finished", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], int(sys.argv[2])))
