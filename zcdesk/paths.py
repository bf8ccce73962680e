"""Where zcdesk keeps its files: user data folder, databases, bundled resources."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "zcdesk"
ENV_DATABASE_URL = "ZCDESK_DATABASE_URL"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def default_database_url() -> str:
    """The real database: $ZCDESK_DATABASE_URL, else SQLite in the user data folder."""
    return os.environ.get(ENV_DATABASE_URL) or sqlite_url(data_dir() / "zcdesk.sqlite3")


def demo_database_path() -> Path:
    # A separate file: the demo never touches the real database.
    return data_dir() / "demo.sqlite3"


def resources_dir() -> Path:
    """resources/ in a checkout or an installed package, or inside the frozen bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "zcdesk" / "resources"
    import zcdesk.resources

    return Path(zcdesk.resources.__file__).parent


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
