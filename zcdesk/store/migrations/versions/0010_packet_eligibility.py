"""packet.eligibility: the pre-check belongs to the packet of its round

Revision ID: 0010
Revises: 0009

Until 0009 the verdict was stored once per applicant, so making a new round
current rewrote what an earlier round's lists showed (#11: history stays true).
Each packet now keeps the verdict of its own round. Every existing packet takes
the verdict its applicant had: the only one ever computed for it. The current
round's verdicts are computed anew on first use when the applicant had none.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_COLUMNS = ("eligibility", "eligibility_reasons")


def upgrade() -> None:
    op.add_column("packet", sa.Column("eligibility", sa.String(16), nullable=True))
    op.add_column("packet", sa.Column("eligibility_reasons", sa.JSON(), nullable=True))
    for column in _COLUMNS:
        op.execute(f"UPDATE packet SET {column} = (SELECT applicant.{column} FROM applicant"
                   " WHERE applicant.id = packet.applicant_id)")
    # Plain DROP COLUMN (SQLite >= 3.35), as 0008/0009: no batch copy of a referenced table.
    for column in reversed(_COLUMNS):
        op.execute(f"ALTER TABLE applicant DROP COLUMN {column}")


def downgrade() -> None:
    op.add_column("applicant", sa.Column("eligibility", sa.String(16), nullable=True))
    op.add_column("applicant", sa.Column("eligibility_reasons", sa.JSON(), nullable=True))
    # The applicant keeps no verdict of its own again: computed anew on first use.
    for column in reversed(_COLUMNS):
        op.execute(f"ALTER TABLE packet DROP COLUMN {column}")
