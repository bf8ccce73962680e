"""Bulk statements through SQLite's own driver, under a SQLAlchemy connection.

SQLAlchemy's per-row work (Row objects, bound-parameter processing) is most of the cost
of writing or reading 10,000 plain rows; sqlite3's cursor takes iterators of tuples and
returns tuples. The cursor runs in the connection's transaction, and its errors are
raised as SQLAlchemy would have raised them, since the store's callers catch those.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any, Final

from sqlalchemy import Connection

CHUNK: Final = 2_000


def is_sqlite(conn: Connection) -> bool:
    return conn.dialect.name == "sqlite"


def executemany(conn: Connection, sql: str, rows: Iterable[tuple[Any, ...]]) -> None:
    """One executemany of `rows` (an iterator is written as it is produced)."""
    cursor = _cursor(conn)
    try:
        cursor.executemany(sql, rows)
    except sqlite3.Error as exc:
        raise wrapped(sql, exc) from exc
    finally:
        cursor.close()


def rows(conn: Connection, sql: str, chunk: int = CHUNK) -> Iterator[tuple[Any, ...]]:
    """The rows of `sql` as plain tuples, fetched `chunk` at a time."""
    cursor = _cursor(conn)
    try:
        cursor.execute(sql)
        while batch := cursor.fetchmany(chunk):
            yield from batch
    except sqlite3.Error as exc:
        raise wrapped(sql, exc) from exc
    finally:
        cursor.close()


def wrapped(sql: str, exc: sqlite3.Error) -> Exception:
    """sqlite3's error as SQLAlchemy raises it."""
    from sqlalchemy.exc import DBAPIError

    return DBAPIError.instance(sql, None, exc, sqlite3.Error)


def _cursor(conn: Connection) -> Any:
    return conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
