"""Indexes for the counter's start at 500,000 applicants: event.visit_id, packet.round_id

Revision ID: 0013
Revises: 0012

The window is usable once its store is attached, and attaching asked two things
that read every row at 500,000 applicants (#15): the corrections still due
(visits joined to their events by `event.visit_id`, which had no index: 0.5 s)
and the packets per round (a GROUP BY on `packet.round_id`, led by no index:
0.2 s). The list itself and the status counts read one round's packets too.
"""

from __future__ import annotations

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_event_visit", "event", ["visit_id"])
    op.create_index("ix_packet_round_status", "packet", ["round_id", "status"])


def downgrade() -> None:
    op.drop_index("ix_packet_round_status", table_name="packet")
    op.drop_index("ix_event_visit", table_name="event")
