"""Retake the README's pictures of the printouts from the demo (page 1 of each, 110 dpi).

    .venv/bin/python scripts/docs_screenshots.py [OUT_DIR]   # default: docs/

The demo is built afresh in a temporary folder (a round around today), each document is
printed through the command line as a clerk would, and pdftoppm (poppler-utils) turns its
first page into docs/<name>.png. Nothing of the user's own data is read or written.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

DPI = 110  # legible in the README on a normal screen (A4 at 110 dpi: 910 × 1286 px)
ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "docs"
    if shutil.which("pdftoppm") is None:
        print("pdftoppm is missing: apt-get install poppler-utils", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="zcdesk-docs-") as tmp:
        home = Path(tmp)
        for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            os.environ[name] = str(home / name.lower())
        return _take(home, out)


def _take(home: Path, out: Path) -> int:
    from zcdesk.cli import main as zcdesk
    from zcdesk.store import Store
    from zcdesk.store.demo import DEMO_OPERATORS, seed_demo

    url = f"sqlite:///{home / 'demo.sqlite3'}"
    store = Store.open(url, operator=None)
    try:
        seed_demo(store)
        due = store.corrections_due()
        visit = due[0].receipt_no  # a visit with something missing: receipt and notice
        handed = next(b.batch_no for b in store.batches() if b.handover is not None)
        packet = store.batch(handed).packets[0].applicant.id_number
        unit = store.units_to_return()[0][0] if store.units_to_return() else ""
    finally:
        store.close()
    jobs = [("receipt", ["print", "receipt", visit]), ("notice", ["print", "notice", visit]),
            ("cover", ["print", "cover", packet]),
            ("transmittal", ["print", "transmittal", handed]),
            ("report", ["print", "report", handed])]
    if unit:
        jobs.append(("return_list", ["return", "list", unit, "--pdf"]))
    out.mkdir(parents=True, exist_ok=True)
    admin, pin, _role = DEMO_OPERATORS[0]  # printing writes files: an operator and a PIN
    os.environ["ZCDESK_PIN"] = pin
    for name, args in jobs:
        pdf = home / f"{name}.pdf"
        flag = [] if args[-1] == "--pdf" else ["-o"]
        if zcdesk(["--db", url, "--operator", admin, *args, *flag, str(pdf)]) != 0:
            print(f"{name}: the command failed", file=sys.stderr)
            return 1
        subprocess.run(["pdftoppm", "-png", "-r", str(DPI), "-f", "1", "-l", "1",
                        "-singlefile", str(pdf), str(out / name)], check=True)
        print(f"{out / name}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
