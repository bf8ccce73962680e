"""batch.file_sha256, city_batch.file_sha256: the transmittal file's own hash;
city_batch.round_name

Revision ID: 0012
Revises: 0011

The paper list printed the manifest's SHA-256, which no one can check with
`sha256sum` on the .zip (#13). The zip is now written byte for byte the same every
time, so its hash is known when the batch is closed: kept in batch.file_sha256 and
printed beside the manifest's. Every batch already closed gets it here, from its
frozen manifest (the file an export writes from now on). The city desk keeps the
hash of the file it imported (city_batch.file_sha256; empty for imports before
this revision) and takes either hash when the list is scanned. Its 接收回执 names
the round (2025 上半年度, not 2025H1): city_batch.round_name, from each manifest.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ("batch", "city_batch"):
        op.add_column(table, sa.Column("file_sha256", sa.String(64), nullable=False,
                                       server_default=""))
    from zcdesk.importing.transmittal_file import file_sha256  # the writer of the file

    conn = op.get_bind()
    batch = sa.table("batch", sa.column("id", sa.Integer()), sa.column("manifest", sa.JSON()),
                     sa.column("file_sha256", sa.String(64)))
    rows = conn.execute(sa.select(batch.c.id, batch.c.manifest)
                        .where(batch.c.manifest.is_not(None))).all()
    for batch_id, manifest in rows:
        if manifest:
            conn.execute(sa.update(batch).where(batch.c.id == batch_id)
                         .values(file_sha256=file_sha256(manifest)))
    op.add_column("city_batch", sa.Column("round_name", sa.String(64), nullable=False,
                                          server_default=""))
    city = sa.table("city_batch", sa.column("id", sa.Integer()),
                    sa.column("manifest", sa.JSON()), sa.column("round_name", sa.String(64)))
    for city_id, manifest in conn.execute(sa.select(city.c.id, city.c.manifest)).all():
        name = str(((manifest or {}).get("round") or {}).get("name", ""))[:64]
        if name:
            conn.execute(sa.update(city).where(city.c.id == city_id).values(round_name=name))


def downgrade() -> None:
    op.drop_column("city_batch", "round_name")
    for table in ("batch", "city_batch"):
        op.drop_column(table, "file_sha256")
