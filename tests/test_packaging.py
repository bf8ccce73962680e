"""The package as installed: every subpackage listed, layers pointing one way."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "zcdesk"


def test_every_subpackage_is_listed_in_pyproject() -> None:
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
                 ["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in PACKAGE.rglob("__init__.py")}
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"


def imports_of(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_layers_point_one_way() -> None:
    """ui → store / printing / importing → domain; only ui imports Qt.

    The store may use importing's file formats (the transmittal file, the decisions
    spreadsheet) behind its facade; importing and printing never reach the store."""
    forbidden = {
        "domain": ("PySide6", "sqlalchemy", "alembic", "zcdesk.store", "zcdesk.ui",
                   "zcdesk.printing", "zcdesk.importing", "reportlab"),
        "store": ("PySide6", "zcdesk.ui", "zcdesk.printing"),
        "printing": ("PySide6", "sqlalchemy", "zcdesk.store", "zcdesk.ui"),
        "importing": ("PySide6", "sqlalchemy", "zcdesk.store", "zcdesk.ui"),
        "ui": ("sqlalchemy", "alembic", "zcdesk.cli"),
    }
    problems = []
    for layer, banned in forbidden.items():
        for path in (PACKAGE / layer).rglob("*.py"):
            for name in imports_of(path):
                if name.startswith(banned):
                    problems.append(f"{path.relative_to(ROOT)} imports {name}")
    assert problems == []
