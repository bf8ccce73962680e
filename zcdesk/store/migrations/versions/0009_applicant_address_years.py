"""applicant: the unit's address, and the years of dates a roster gives as a year alone

Revision ID: 0009
Revises: 0008

The pre-check reads the unit's address (district of the workplace) and, when a
roster writes "2010" for a date, that year (the date stays NULL). Existing
applicants get an empty address and no years: nothing is guessed.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_YEARS = ("work_start_year", "graduated_year", "qualified_year")


def upgrade() -> None:
    op.add_column("applicant", sa.Column("unit_address", sa.String(200), nullable=False,
                                         server_default=""))
    for column in _YEARS:
        op.add_column("applicant", sa.Column(column, sa.SmallInteger(), nullable=True))


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite >= 3.35), as 0008: no batch copy of a referenced table.
    for column in (*reversed(_YEARS), "unit_address"):
        op.execute(f"ALTER TABLE applicant DROP COLUMN {column}")
