"""round packs: each round keeps its pack (the TOML text as imported, and its SHA-256)

Revision ID: 0008
Revises: 0007

The 2025H1 row written by 0002 stays the same row (same id: its packets, visits,
batches and receipt counters keep pointing at it) and gets the shipped
resources/rounds/2025H1.toml. Should the row's dates no longer be the shipped
ones, the row wins: the stored pack is the shipped one with the row's dates, so
that what the round recorded stays true.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import tomllib

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

SHIPPED = "2025H1"
# pack [deadlines] key → round column (0001's names)
_DATES = {"applicant": "applicant_deadline", "employer": "employer_deadline",
          "district": "district_deadline", "paper": "paper_deadline", "cutoff": "cutoff_date"}


def _shipped_text() -> str:
    from zcdesk.paths import resource  # resources/ differs in a checkout and a bundle

    return resource("rounds", f"{SHIPPED}.toml").read_text(encoding="utf-8-sig")


def _as_date(value: object) -> dt.date:
    # SQLite hands a Date column back as text through a bare sa.Table
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _pack_for_row(text: str, row: sa.Row) -> str | None:
    """The shipped text, or (if the row was changed since 0002) the pack rewritten
    with the row's own name and dates."""
    data = tomllib.loads(text)
    want = {column: data["deadlines"][key] for key, column in _DATES.items()}
    have = {column: _as_date(getattr(row, column)) for column in _DATES.values()}
    if want == have and data["round"]["name"] == row.name:
        return text
    from dataclasses import replace

    from zcdesk.domain.round_pack import (
        Deadlines,
        RoundId,
        RoundPackError,
        dump_pack,
        load_pack,
    )

    try:
        pack = load_pack(text)
        deadlines = Deadlines(**{key: have[column] for key, column in _DATES.items()})
        rewritten = dump_pack(replace(pack, round=RoundId(row.code, row.name),
                                      deadlines=deadlines))
        load_pack(rewritten)  # dump_pack does not check: a pack that cannot be read is not kept
        return rewritten
    except RoundPackError:  # e.g. the row's dates out of order: `round import` fills it later
        return None


def upgrade() -> None:
    op.add_column("round", sa.Column("pack", sa.Text(), nullable=True))
    op.add_column("round", sa.Column("pack_sha256", sa.String(64), nullable=False,
                                     server_default=""))
    bind = op.get_bind()
    row = bind.execute(sa.text(
        "SELECT id, code, name, applicant_deadline, employer_deadline, district_deadline,"
        " paper_deadline, cutoff_date FROM round WHERE code = :code"), {"code": SHIPPED}).first()
    if row is None:  # a database whose rounds were made otherwise: nothing to fill
        return
    text = _pack_for_row(_shipped_text(), row)
    if text is None:
        return
    bind.execute(sa.text("UPDATE round SET pack = :pack, pack_sha256 = :sha WHERE id = :id"),
                 {"pack": text, "sha": hashlib.sha256(text.encode()).hexdigest(), "id": row.id})


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite >= 3.35): a batch copy of `round` would have to drop
    # a table that packets, visits and batches reference.
    for column in ("pack_sha256", "pack"):
        op.execute(f"ALTER TABLE round DROP COLUMN {column}")
