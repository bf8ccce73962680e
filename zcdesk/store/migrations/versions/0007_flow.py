"""after the counter: batch life, hand-over, city desk, decisions, returns, calendar

Revision ID: 0007
Revises: 0006

Also seeds 2025's public holidays and make-up working days (国务院办公厅关于2025年
部分节假日安排的通知) as data; the office lead edits them for later years.
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_HOLIDAYS_2025 = {
    "元旦": [(1, 1)],
    "春节": [(1, 28), (1, 29), (1, 30), (1, 31), (2, 1), (2, 2), (2, 3), (2, 4)],
    "清明节": [(4, 4), (4, 5), (4, 6)],
    "劳动节": [(5, 1), (5, 2), (5, 3), (5, 4), (5, 5)],
    "端午节": [(5, 31), (6, 1), (6, 2)],
    "国庆节、中秋节": [(10, d) for d in range(1, 9)],
}
_WORKDAYS_2025 = {"春节调休": [(1, 26), (2, 8)], "劳动节调休": [(4, 27)],
                  "国庆节调休": [(9, 28), (10, 11)]}


def _add_fk_column(table: str, column: str, target: str) -> None:
    """SQLite cannot add a constraint later, but takes REFERENCES in ADD COLUMN."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"ALTER TABLE {table} ADD COLUMN {column} INTEGER REFERENCES {target}(id)")
    else:
        op.add_column(table, sa.Column(column, sa.Integer(), nullable=True))
        op.create_foreign_key(f"fk_{table}_{column}", table, target, [column], ["id"])


def upgrade() -> None:
    op.create_table(
        "handback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), sa.ForeignKey("unit.id"), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("handed_by", sa.String(64), nullable=False),
        sa.Column("received_by", sa.String(64), nullable=False),
        sa.Column("operator", sa.String(64), nullable=False),
        sa.Column("desk", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_handback_unit_id", "handback", ["unit_id"])

    op.add_column("packet", sa.Column("stage", sa.String(16), nullable=False,
                                      server_default="counter"))
    op.create_index("ix_packet_stage", "packet", ["stage"])
    _add_fk_column("packet", "handback_id", "handback")
    op.add_column("visit", sa.Column("correction_due", sa.Date(), nullable=True))
    _add_fk_column("event", "batch_id", "batch")
    op.create_index("ix_event_batch_id", "event", ["batch_id"])

    for column in (
        sa.Column("status", sa.String(16), nullable=False, server_default="open"),
        sa.Column("version", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("items", sa.JSON(), nullable=False, server_default="{}"),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("closed_by", sa.String(64), nullable=False, server_default=""),
        sa.Column("sha256", sa.String(64), nullable=False, server_default=""),
        sa.Column("manifest", sa.JSON(), nullable=True),
        sa.Column("handed_by", sa.String(64), nullable=False, server_default=""),
        sa.Column("received_by", sa.String(64), nullable=False, server_default=""),
        sa.Column("handed_over_at", sa.DateTime(), nullable=True),
    ):
        op.add_column("batch", column)

    op.create_table(
        "decision",
        sa.Column("packet_id", sa.Integer(), sa.ForeignKey("packet.id"), nullable=False),
        sa.Column("result", sa.String(8), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("document_no", sa.String(64), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("operator", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("packet_id"),
    )
    calendar = op.create_table(
        "calendar_day",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("name", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("day"),
    )
    op.create_table(
        "city_batch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_no", sa.String(32), nullable=False),
        sa.Column("point_code", sa.String(8), nullable=False),
        sa.Column("point_name", sa.String(64), nullable=False),
        sa.Column("round_code", sa.String(16), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("operator", sa.String(64), nullable=False),
        sa.Column("desk", sa.String(64), nullable=False),
        sa.Column("list_checked_at", sa.DateTime(), nullable=True),
        sa.Column("manifest", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("batch_no"),
    )
    op.create_table(
        "city_packet",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("city_batch_id", sa.Integer(), sa.ForeignKey("city_batch.id"),
                  nullable=False),
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("id_number", sa.String(32), nullable=False),
        sa.Column("unit", sa.String(200), nullable=False),
        sa.Column("qualification", sa.String(100), nullable=False),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("checked_in_at", sa.DateTime(), nullable=True),
        sa.Column("checked_in_by", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
    )
    op.create_index("ix_city_packet_city_batch_id", "city_packet", ["city_batch_id"])
    op.create_table(
        "city_scan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(64), nullable=False),
        sa.Column("city_batch_id", sa.Integer(), sa.ForeignKey("city_batch.id"),
                  nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("operator", sa.String(64), nullable=False),
        sa.Column("desk", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_city_scan_code", "city_scan", ["code"])

    rows = [{"day": dt.date(2025, m, d), "kind": "holiday", "name": name}
            for name, days in _HOLIDAYS_2025.items() for m, d in days]
    rows += [{"day": dt.date(2025, m, d), "kind": "workday", "name": name}
             for name, days in _WORKDAYS_2025.items() for m, d in days]
    op.bulk_insert(calendar, rows)


def downgrade() -> None:
    op.drop_index("ix_city_scan_code", "city_scan")
    op.drop_table("city_scan")
    op.drop_index("ix_city_packet_city_batch_id", "city_packet")
    op.drop_table("city_packet")
    op.drop_table("city_batch")
    op.drop_table("calendar_day")
    op.drop_table("decision")
    with op.batch_alter_table("batch") as batch:
        for name in ("handed_over_at", "received_by", "handed_by", "manifest", "sha256",
                     "closed_by", "closed_at", "items", "version", "status"):
            batch.drop_column(name)
    op.drop_index("ix_event_batch_id", "event")
    op.drop_index("ix_packet_stage", "packet")
    if op.get_bind().dialect.name == "sqlite":
        # SQLite drops a column with a REFERENCES clause only by copying the table;
        # the copy of `event` must not lose its append-only triggers (0005).
        for action in ("update", "delete"):
            op.execute(f"DROP TRIGGER event_no_{action}")
        with op.batch_alter_table("event") as batch:
            batch.drop_column("batch_id")
        for action in ("UPDATE", "DELETE"):
            op.execute(f"""
                CREATE TRIGGER event_no_{action.lower()} BEFORE {action} ON event
                BEGIN SELECT RAISE(ABORT, 'event rows are append-only (zcdesk audit trail)');
                END""")
        with op.batch_alter_table("packet") as batch:
            batch.drop_column("handback_id")
    else:
        op.drop_constraint("fk_event_batch_id", "event", type_="foreignkey")
        op.drop_constraint("fk_packet_handback_id", "packet", type_="foreignkey")
        op.drop_column("event", "batch_id")
        op.drop_column("packet", "handback_id")
    op.drop_column("visit", "correction_due")
    op.drop_column("packet", "stage")
    op.drop_index("ix_handback_unit_id", "handback")
    op.drop_table("handback")
