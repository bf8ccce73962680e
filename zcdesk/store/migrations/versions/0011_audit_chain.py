"""audit chain and stored lockout: events sealed by a hash chain; wrong PINs counted
in the database

Revision ID: 0011
Revises: 0010

`event_seal` holds one SHA-256 per event (store.audit_chain), `audit_chain` the
head; the seals are append-only like the events (0005). Every existing event is
sealed here, in id order. On PostgreSQL a trigger hands out event ids without gaps
(the writers take one advisory lock, so max(id) + 1 is safe), and the sealing table
refuses UPDATE, DELETE and TRUNCATE. The operator gets `failed_logins` and
`locked_until`: the lockout outlives a restart and holds on every desk.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

MESSAGE = "event rows are append-only (zcdesk audit trail)"


def upgrade() -> None:
    op.create_table(
        "event_seal",
        sa.Column("event_id", sa.Integer(), sa.ForeignKey("event.id"), primary_key=True,
                  autoincrement=False),
        sa.Column("hash", sa.String(64), nullable=False))
    op.create_table(
        "audit_chain",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("last_event_id", sa.Integer(), nullable=False),
        sa.Column("last_hash", sa.String(64), nullable=False))
    op.add_column("operator", sa.Column("failed_logins", sa.Integer(), nullable=False,
                                        server_default="0"))
    op.add_column("operator", sa.Column("locked_until", sa.DateTime(), nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        op.execute("""
            CREATE TRIGGER event_seal_append_only BEFORE UPDATE OR DELETE ON event_seal
            FOR EACH ROW EXECUTE FUNCTION zcdesk_refuse_event_change()""")
        op.execute("""
            CREATE TRIGGER event_seal_no_truncate BEFORE TRUNCATE ON event_seal
            FOR EACH STATEMENT EXECUTE FUNCTION zcdesk_refuse_event_change()""")
        op.execute("""
            CREATE FUNCTION zcdesk_gapless_event_id() RETURNS trigger AS $$
            BEGIN
                NEW.id := COALESCE((SELECT max(id) FROM event), 0) + 1;
                RETURN NEW;
            END;
            $$ LANGUAGE plpgsql""")
        op.execute("""
            CREATE TRIGGER event_gapless_id BEFORE INSERT ON event
            FOR EACH ROW EXECUTE FUNCTION zcdesk_gapless_event_id()""")
    else:
        for action in ("UPDATE", "DELETE"):
            op.execute(f"""
                CREATE TRIGGER event_seal_no_{action.lower()} BEFORE {action} ON event_seal
                BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""")
    from zcdesk.store.audit_chain import seal  # the same sealing as every later write

    seal(op.get_bind())


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER event_gapless_id ON event")
        op.execute("DROP FUNCTION zcdesk_gapless_event_id()")
        op.execute("DROP TRIGGER event_seal_no_truncate ON event_seal")
        op.execute("DROP TRIGGER event_seal_append_only ON event_seal")
    else:
        for action in ("update", "delete"):
            op.execute(f"DROP TRIGGER event_seal_no_{action}")
    op.execute("ALTER TABLE operator DROP COLUMN locked_until")
    op.execute("ALTER TABLE operator DROP COLUMN failed_logins")
    op.drop_table("audit_chain")
    op.drop_table("event_seal")
