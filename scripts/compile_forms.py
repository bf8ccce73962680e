"""Compile forms/*.ui (Qt Designer) into zcdesk/ui/forms/ui_*.py with pyside6-uic.

    .venv/bin/python scripts/compile_forms.py           # regenerate every form
    .venv/bin/python scripts/compile_forms.py --check   # exit 1 if any is stale

The generated files are committed: the app never loads .ui files at run time.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMS = ROOT / "forms"
OUTPUT = ROOT / "zcdesk" / "ui" / "forms"


def uic_command() -> list[str]:
    """pyside6-uic next to this interpreter (the venv), else the one on PATH."""
    here = Path(sys.executable).parent
    for name in ("pyside6-uic", "pyside6-uic.exe"):
        candidate = here / name
        if candidate.exists():
            return [str(candidate)]
    found = shutil.which("pyside6-uic")
    if found:
        return [found]
    raise FileNotFoundError("pyside6-uic not found; install PySide6 in this environment")


def target_for(ui_file: Path) -> Path:
    return OUTPUT / f"ui_{ui_file.stem}.py"


def compile_form(ui_file: Path) -> str:
    """The Python code pyside6-uic generates for one .ui file."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / target_for(ui_file).name
        subprocess.run([*uic_command(), str(ui_file), "-o", str(out)], check=True)
        return out.read_text(encoding="utf-8")


def ui_files() -> list[Path]:
    return sorted(FORMS.glob("*.ui"))


def stale_forms() -> list[Path]:
    """.ui files whose compiled module is missing or differs from a fresh compile."""
    stale = []
    for ui_file in ui_files():
        target = target_for(ui_file)
        if not target.exists() or target.read_text(encoding="utf-8") != compile_form(ui_file):
            stale.append(ui_file)
    return stale


def orphans() -> list[Path]:
    """Compiled modules whose .ui file is gone."""
    sources = {target_for(f).name for f in ui_files()}
    return [p for p in sorted(OUTPUT.glob("ui_*.py")) if p.name not in sources]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="only report stale or orphaned compiled forms")
    args = parser.parse_args(argv)
    if args.check:
        bad = [str(p.relative_to(ROOT)) for p in stale_forms() + orphans()]
        for path in bad:
            print(f"stale: {path}")
        return 1 if bad else 0
    OUTPUT.mkdir(parents=True, exist_ok=True)
    for ui_file in ui_files():
        target = target_for(ui_file)
        code = compile_form(ui_file)
        if not target.exists() or target.read_text(encoding="utf-8") != code:
            target.write_text(code, encoding="utf-8")
            print(f"compiled {ui_file.relative_to(ROOT)} -> {target.relative_to(ROOT)}")
    for orphan in orphans():
        orphan.unlink()
        print(f"removed {orphan.relative_to(ROOT)} (no .ui file)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
