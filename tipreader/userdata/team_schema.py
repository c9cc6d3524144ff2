"""The team server's schema: versioned migrations, applied once each, in order.

Everything a team shares is one table, ``tipreader.items``: bookmarks, notes and coded
passages, each keyed as a bookmark is (ref id + paragraph anchor + paragraph text hash),
with its author and times. The database enforces who may write what (row-level
security), not the client:

- role ``tipreader_reader``: may read every item;
- role ``tipreader_writer`` (a reader too): may insert, change and delete only items whose
  ``author`` is its own login name (``current_user``);
- members are login roles granted one of the two (``tipreader team add-member``).

Items are never deleted on the server: a removal is ``deleted = true`` so every other
machine learns of it. ``xid`` is the transaction that last wrote the row (set by a
trigger): ``pull`` reads the rows of transactions finished since its last visit (below the
current snapshot's ``xmin``), so a slow writer's rows are never skipped. ``version`` counts
the author's edits of one item; ``fingerprint`` makes a repeated push a no-op.
"""

from __future__ import annotations

from typing import Any

SCHEMA = "tipreader"
READER = "tipreader_reader"
WRITER = "tipreader_writer"

MIGRATIONS: list[tuple[int, str, str]] = [
    (1, "items, roles and row-level security", f"""
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{READER}') THEN CREATE ROLE {READER} NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{WRITER}') THEN CREATE ROLE {WRITER} NOLOGIN; END IF;
END $$;
GRANT {READER} TO {WRITER};
GRANT USAGE ON SCHEMA {SCHEMA} TO {READER};
CREATE TABLE {SCHEMA}.items (
    id uuid PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('bookmark', 'note', 'code')),
    author text NOT NULL DEFAULT current_user,
    ref_id text NOT NULL,
    anchor text NOT NULL,
    para_index integer,
    text_hash text NOT NULL,
    quote text NOT NULL DEFAULT '',
    code text,
    body text NOT NULL DEFAULT '',
    parent uuid,
    version integer NOT NULL DEFAULT 1,
    fingerprint text NOT NULL,
    deleted boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    xid xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX items_xid ON {SCHEMA}.items (xid);
CREATE INDEX items_ref ON {SCHEMA}.items (ref_id, anchor);
CREATE INDEX items_author ON {SCHEMA}.items (author);
CREATE FUNCTION {SCHEMA}.stamp_xid() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  NEW.xid := pg_current_xact_id();
  RETURN NEW;
END $f$;
CREATE TRIGGER items_xid_stamp BEFORE UPDATE ON {SCHEMA}.items FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.stamp_xid();
ALTER TABLE {SCHEMA}.items ENABLE ROW LEVEL SECURITY;
ALTER TABLE {SCHEMA}.items FORCE ROW LEVEL SECURITY;
CREATE POLICY items_read ON {SCHEMA}.items FOR SELECT TO {READER} USING (true);
CREATE POLICY items_insert ON {SCHEMA}.items FOR INSERT TO {WRITER} WITH CHECK (author = current_user);
CREATE POLICY items_update ON {SCHEMA}.items FOR UPDATE TO {WRITER}
    USING (author = current_user) WITH CHECK (author = current_user);
CREATE POLICY items_delete ON {SCHEMA}.items FOR DELETE TO {WRITER} USING (author = current_user);
GRANT SELECT ON {SCHEMA}.items TO {READER};
GRANT INSERT, UPDATE, DELETE ON {SCHEMA}.items TO {WRITER};
GRANT SELECT ON {SCHEMA}.migrations TO {READER};
"""),
]
LATEST = MIGRATIONS[-1][0]


def migrate(con: Any) -> list[int]:
    """Apply the migrations not yet applied (each in its own transaction); the versions applied.

    Idempotent: a second run applies nothing. Two admins running it at once are serialised
    by an advisory lock.
    """
    applied: list[int] = []
    with con.transaction():
        con.execute(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}")
        con.execute(f"CREATE TABLE IF NOT EXISTS {SCHEMA}.migrations "
                    "(version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())")
    for version, name, sql in MIGRATIONS:
        with con.transaction():
            con.execute("SELECT pg_advisory_xact_lock(74201604)")
            done = con.execute(f"SELECT 1 FROM {SCHEMA}.migrations WHERE version = %s", (version,)).fetchone()
            if done:
                continue
            con.execute(sql)
            con.execute(f"INSERT INTO {SCHEMA}.migrations (version, name) VALUES (%s, %s)", (version, name))
            applied.append(version)
    return applied


def schema_version(con: Any) -> int | None:
    """The highest migration applied on the server, or None when ``team init`` never ran there."""
    row = con.execute("SELECT to_regclass(%s)", (f"{SCHEMA}.migrations",)).fetchone()
    if row is None or row[0] is None:
        return None
    found = con.execute(f"SELECT max(version) FROM {SCHEMA}.migrations").fetchone()
    return found[0] if found else None
