"""`zcdesk pg setup`: an owner role and a desk role for an office's PostgreSQL (#12).

The owner owns every table, sequence and function: only it may change the schema
(migrations), or disable a trigger. Desks connect as the desk role, which may read
and write the working tables but only SELECT and INSERT on `event` and `event_seal`
(no UPDATE, DELETE or TRUNCATE), and has no CREATE on the schema: no DDL at all. A desk's
password, or a desk PC, is then no way to edit the audit trail.

Run once, by a superuser (or the database's owner with CREATEROLE), after the first
start has created the schema; running it again changes nothing that is already so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import make_url

from zcdesk.store.errors import InputError

APPEND_ONLY = ("event", "event_seal")
_ROLE = re.compile(r"[a-z_][a-z0-9_]{0,62}")


@dataclass(frozen=True)
class PgSetup:
    database: str
    owner: str
    desk: str
    created: tuple[str, ...]  # roles made now (the others existed)

    def words(self) -> str:
        made = f"新建角色：{'、'.join(self.created)}。" if self.created else "角色均已存在。"
        return (f"数据库 {self.database}：所有者角色 {self.owner}，窗口角色 {self.desk}。{made}\n"
                f"各窗口电脑请以 {self.desk} 连接（例如 postgresql://{self.desk}:密码@服务器/"
                f"{self.database}）；升级本程序后请先以 {self.owner} 运行一次以升级数据库。")


def setup_roles(url: str, *, owner: str = "zcdesk_owner", desk: str = "zcdesk_desk",
                owner_password: str | None = None, desk_password: str | None = None
                ) -> PgSetup:
    """Create the two roles (when missing), give the owner every object of the schema
    and the desk role only what a desk needs. One transaction: all or nothing."""
    for role in (owner, desk):
        if not _ROLE.fullmatch(role):
            raise InputError(f"角色名“{role}”应为小写字母、数字和下划线（以字母开头）。")
    if owner == desk:
        raise InputError("所有者角色与窗口角色不能相同。")
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        raise InputError("zcdesk pg setup 只用于 PostgreSQL 数据库（--db postgresql://…）。")
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    engine = create_engine(parsed)
    try:
        with engine.begin() as conn:
            created = tuple(r for r, pw in ((owner, owner_password), (desk, desk_password))
                            if _ensure_role(conn, r, pw))
            _grant(conn, owner, desk, parsed.database or "")
    except InputError:
        raise
    except Exception as exc:  # a missing right, an unreachable server: in words
        raise InputError(f"设置 PostgreSQL 角色失败，没有作任何改动：{exc}") from exc
    finally:
        engine.dispose()
    return PgSetup(parsed.database or "", owner, desk, created)


def _ensure_role(conn: Connection, role: str, password: str | None) -> bool:
    exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).first()
    if not exists:
        conn.execute(text(f'CREATE ROLE "{role}" LOGIN'))
    if password:
        # ALTER ROLE takes no bound parameter. libpq hashes the password here (SCRAM, as
        # psql's \password does), so the clear text never reaches the server or its log.
        from psycopg import sql

        raw = conn.connection.driver_connection
        verifier = raw.pgconn.encrypt_password(password.encode(), role.encode()).decode()
        raw.execute(sql.SQL("ALTER ROLE {} PASSWORD {}").format(sql.Identifier(role),
                                                                sql.Literal(verifier)))
    return not exists


def _grant(conn: Connection, owner: str, desk: str, database: str) -> None:
    tables = conn.execute(text(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).scalars().all()
    if "event" not in tables:
        raise InputError("该数据库还没有 zcdesk 的表：请先打开一次程序（或运行任一 zcdesk 命令）"
                         "建立数据库，再设置角色。")
    sequences = conn.execute(text(
        "SELECT sequencename FROM pg_sequences WHERE schemaname = 'public'")).scalars().all()
    functions = conn.execute(text(
        "SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n"
        " ON n.oid = p.pronamespace WHERE n.nspname = 'public'"
        " AND p.proname LIKE 'zcdesk%'")).scalars().all()
    q = f'"{owner}"'
    d = f'"{desk}"'
    conn.execute(text(f'ALTER DATABASE "{database}" OWNER TO {q}'))
    conn.execute(text(f"ALTER SCHEMA public OWNER TO {q}"))
    for table in tables:
        conn.execute(text(f'ALTER TABLE public."{table}" OWNER TO {q}'))
    for sequence in sequences:
        conn.execute(text(f'ALTER SEQUENCE public."{sequence}" OWNER TO {q}'))
    for function in functions:
        conn.execute(text(f"ALTER FUNCTION {function} OWNER TO {q}"))
    # The desk: no DDL (no CREATE on the schema), the working tables, the trail append-only.
    conn.execute(text("REVOKE CREATE ON SCHEMA public FROM PUBLIC"))
    conn.execute(text(f"REVOKE ALL ON SCHEMA public FROM {d}"))
    conn.execute(text(f"GRANT USAGE ON SCHEMA public TO {d}"))
    conn.execute(text(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {d}"))
    conn.execute(text(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public"
                      f" TO {d}"))
    for table in (*APPEND_ONLY, "alembic_version"):
        conn.execute(text(f'REVOKE UPDATE, DELETE, TRUNCATE ON public."{table}" FROM {d}'))
    conn.execute(text(f'REVOKE INSERT ON public."alembic_version" FROM {d}'))
    conn.execute(text(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {d}"))
    conn.execute(text(f"ALTER DEFAULT PRIVILEGES FOR ROLE {q} IN SCHEMA public"
                      f" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {d}"))
    conn.execute(text(f"ALTER DEFAULT PRIVILEGES FOR ROLE {q} IN SCHEMA public"
                      f" GRANT USAGE, SELECT ON SEQUENCES TO {d}"))
