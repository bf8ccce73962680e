"""Events are append-only: the database itself refuses UPDATE and DELETE.

The app never changes an event (a mistake is reversed by a new one); these
triggers make that hold for any other program touching the file or server too.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

MESSAGE = "event rows are append-only (zcdesk audit trail)"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"""
            CREATE FUNCTION zcdesk_refuse_event_change() RETURNS trigger AS $$
            BEGIN
                RAISE EXCEPTION '{MESSAGE}';
            END;
            $$ LANGUAGE plpgsql""")
        op.execute("""
            CREATE TRIGGER event_append_only BEFORE UPDATE OR DELETE ON event
            FOR EACH ROW EXECUTE FUNCTION zcdesk_refuse_event_change()""")
        op.execute("""
            CREATE TRIGGER event_no_truncate BEFORE TRUNCATE ON event
            FOR EACH STATEMENT EXECUTE FUNCTION zcdesk_refuse_event_change()""")
        return
    for action in ("UPDATE", "DELETE"):
        op.execute(f"""
            CREATE TRIGGER event_no_{action.lower()} BEFORE {action} ON event
            BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER event_no_truncate ON event")
        op.execute("DROP TRIGGER event_append_only ON event")
        op.execute("DROP FUNCTION zcdesk_refuse_event_change()")
        return
    for action in ("update", "delete"):
        op.execute(f"DROP TRIGGER event_no_{action}")
