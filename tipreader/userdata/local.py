"""The team's side of the local user database (``user.sqlite3``).

Local first: the user's bookmarks, notes and codes are written to the user database
(durably) before anything goes to a server; nothing waits on the network and nothing is
lost offline. This module keeps what syncing them needs:

- ``team_sync``: each own item pushed to the team server: its stable id (uuid), the
  fingerprint of what was pushed and the server's version of it. An item whose
  fingerprint differs from its row here is waiting to be pushed.
- ``team_items``: every item pulled from the server (teammates' bookmarks, notes and codes,
  and the user's own from other machines), with author and times.
- ``team_state``: the pull cursor, the last sync's outcome and the identity of the server it
  was with (:meth:`TeamServer.identity`: another server starts over, :meth:`LocalItems.forget_server`).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tipreader.library import paths
from tipreader.library.userdb_safety import UserDBError, UserTable

_SCHEMA = """
CREATE TABLE IF NOT EXISTS team_sync (
    key TEXT PRIMARY KEY, uid TEXT NOT NULL, fingerprint TEXT NOT NULL, version INTEGER NOT NULL, parent TEXT);
CREATE TABLE IF NOT EXISTS team_items (
    uid TEXT PRIMARY KEY, kind TEXT NOT NULL, author TEXT NOT NULL, ref_id TEXT NOT NULL, anchor TEXT NOT NULL,
    para_index INTEGER, text_hash TEXT NOT NULL, quote TEXT NOT NULL, code TEXT, body TEXT NOT NULL,
    parent TEXT, version INTEGER NOT NULL, deleted INTEGER NOT NULL, created REAL NOT NULL, updated REAL NOT NULL);
CREATE INDEX IF NOT EXISTS team_items_ref ON team_items(ref_id, anchor);
CREATE TABLE IF NOT EXISTS team_state (key TEXT PRIMARY KEY, value TEXT);
"""


@dataclass(frozen=True, slots=True)
class Item:
    """A shared item (bookmark with its note, or code) as the team store holds it."""

    uid: str
    kind: str  # "bookmark" | "code"
    author: str
    ref_id: str
    anchor: str
    para_index: int | None
    text_hash: str
    quote: str
    code: str | None
    body: str  # the note (Markdown), "" for none
    parent: str | None  # the item this one is another version of (a note edited by someone else)
    version: int
    deleted: bool
    created: float
    updated: float


def fingerprint(fields: dict) -> str:
    """What identifies an item's content (a repeated push of the same content changes nothing)."""
    keys = ("kind", "ref_id", "anchor", "text_hash", "code", "body", "deleted", "parent")
    return hashlib.sha1(json.dumps([fields.get(k) for k in keys], ensure_ascii=False).encode()).hexdigest()


class LocalItems(UserTable):
    """Codes and the team tables of the user database, on their own connection (thread-safe)."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        try:
            self.con.execute("PRAGMA busy_timeout=30000")
            self.con.execute("PRAGMA journal_mode=WAL")
            self.con.execute("PRAGMA synchronous=FULL")
            self.con.executescript(_SCHEMA)
        except sqlite3.DatabaseError as err:
            raise UserDBError(f"{path}: {err}", path) from err

    @classmethod
    def open(cls, home: str | Path | None = None) -> LocalItems:
        """The local items of the user database under ``home`` (default: the data dir)."""
        return cls(paths.user_db_path(Path(home) if home else None))

    # --- team: what goes out ------------------------------------------------------
    def _own_items(self, bookmarks: Sequence, codes: Sequence) -> dict[str, dict]:
        """key → item fields of every own bookmark (with its note) and code."""
        out: dict[str, dict] = {}
        for b in bookmarks:
            out[f"bookmark:{b.ref_id}:{b.anchor}"] = {
                "kind": "bookmark", "ref_id": b.ref_id, "anchor": b.anchor, "para_index": b.para_index,
                "text_hash": b.text_hash, "quote": b.quote, "code": None, "body": b.note, "deleted": False,
                "created": b.created, "updated": b.updated}
        for c in codes:
            out[f"code:{c.ref_id}:{c.anchor}:{c.code}"] = {
                "kind": "code", "ref_id": c.ref_id, "anchor": c.anchor, "para_index": c.para_index,
                "text_hash": c.text_hash, "quote": c.quote, "code": c.code, "body": c.note, "deleted": False,
                "created": c.created, "updated": c.updated}
        return out

    def outgoing(self, bookmarks: Sequence, codes: Sequence = ()) -> list[dict]:
        """Own items not on the server as they are now (new, changed, or removed here): each
        with ``key``, ``uid``, ``base_version`` and ``fingerprint``. ``bookmarks``: the user's
        bookmarks (:meth:`BookmarkStore.all`); ``codes``: their coded passages (anything with
        ref_id, anchor, para_index, text_hash, quote, code, note, created, updated)."""
        items = self._own_items(bookmarks, list(codes))
        with self._lock:
            synced = {r[0]: (r[1], r[2], r[3], r[4]) for r in self.con.execute(
                "SELECT key, uid, fingerprint, version, parent FROM team_sync")}
            # a note on a paragraph a teammate annotated first is another version of theirs
            parents = {(r[0], r[1]): r[2] for r in self.con.execute(
                "SELECT ref_id, anchor, uid FROM team_items WHERE kind='bookmark' AND deleted=0 AND body<>'' "
                "AND uid NOT IN (SELECT uid FROM team_sync) ORDER BY created DESC")}
        out: list[dict] = []
        for key, fields in items.items():
            uid, fp, version, parent = synced.get(key, (None, None, 0, None))
            if uid is None and fields["kind"] == "bookmark" and fields["body"]:
                parent = parents.get((fields["ref_id"], fields["anchor"]))
            fields["parent"] = parent
            fields["fingerprint"] = fingerprint(fields)
            if fp != fields["fingerprint"]:
                out.append({**fields, "key": key, "uid": uid or str(uuid.uuid4()), "base_version": version})
        now = time.time()
        for key, (uid, fp, version, _parent) in synced.items():
            if key not in items:
                kind, ref_id, anchor, *code = key.split(":", 3)
                gone = {"kind": kind, "ref_id": ref_id, "anchor": anchor, "para_index": None, "text_hash": "",
                        "quote": "", "code": code[0] if code else None, "body": "", "deleted": True,
                        "created": now, "updated": now, "parent": None}
                gone["fingerprint"] = fingerprint(gone)
                if fp != gone["fingerprint"]:
                    out.append({**gone, "key": key, "uid": uid, "base_version": version})
        return out

    def mark_pushed(self, results: list[tuple[str, str, str, int, str | None]], state: dict[str, str] | None = None) -> None:
        """Record (key, uid, fingerprint, server version, parent) of items the server committed
        (and ``state`` values), in one local transaction."""
        with self._lock:
            self.con.execute("BEGIN IMMEDIATE")
            try:
                self.con.executemany("INSERT OR REPLACE INTO team_sync VALUES (?,?,?,?,?)", results)
                self.con.executemany("INSERT OR REPLACE INTO team_state VALUES (?, ?)", list((state or {}).items()))
                self.con.execute("COMMIT")
            except BaseException:
                self.con.execute("ROLLBACK")
                raise

    def forget_server(self) -> None:
        """Forget what was pushed to and pulled from the last team server (the settings now name
        another): the next sync sends every own item there and fetches everything from it.
        The user's own bookmarks and codes are untouched."""
        with self._lock:
            self.con.execute("BEGIN IMMEDIATE")
            try:
                self.con.execute("DELETE FROM team_sync")
                self.con.execute("DELETE FROM team_items")
                self.con.execute("DELETE FROM team_state WHERE key IN ('cursor', 'pulled_at', 'synced_at', 'server')")
                self.con.execute("COMMIT")
            except BaseException:
                self.con.execute("ROLLBACK")
                raise

    # --- team: what came in -------------------------------------------------------
    def store_pulled(self, items: list[Item], cursor: str, state: dict[str, str] | None = None) -> None:
        """Keep pulled items (replacing older copies by uid), the new pull cursor and ``state``, at once."""
        rows = [(i.uid, i.kind, i.author, i.ref_id, i.anchor, i.para_index, i.text_hash, i.quote, i.code, i.body,
                 i.parent, i.version, int(i.deleted), i.created, i.updated) for i in items]
        with self._lock:
            self.con.execute("BEGIN IMMEDIATE")
            try:
                self.con.executemany("INSERT OR REPLACE INTO team_items VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
                self.con.execute("INSERT OR REPLACE INTO team_state VALUES ('cursor', ?)", (cursor,))
                self.con.execute("INSERT OR REPLACE INTO team_state VALUES ('pulled_at', ?)", (str(time.time()),))
                self.con.executemany("INSERT OR REPLACE INTO team_state VALUES (?, ?)", list((state or {}).items()))
                self.con.execute("COMMIT")
            except BaseException:
                self.con.execute("ROLLBACK")
                raise

    def state(self, key: str) -> str | None:
        with self._lock:
            row = self.con.execute("SELECT value FROM team_state WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def set_state(self, key: str, value: str) -> None:
        with self._lock:
            self.con.execute("INSERT OR REPLACE INTO team_state VALUES (?, ?)", (key, value))

    def team_items(self, ref_id: str | None = None, *, others_only: bool = True) -> list[Item]:
        """Items pulled from the server and not deleted (of one cable when ``ref_id``); without
        the ones this machine pushed (``others_only``): teammates' items and own from elsewhere."""
        sql = "SELECT * FROM team_items WHERE deleted=0"
        args: tuple = ()
        if ref_id:
            sql += " AND ref_id=?"
            args = (ref_id.upper(),)
        if others_only:
            sql += " AND uid NOT IN (SELECT uid FROM team_sync)"
        with self._lock:
            rows = self.con.execute(sql + " ORDER BY updated", args).fetchall()
        return [Item(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], bool(r[12]), r[13], r[14])
                for r in rows]



def author_ref_ids(con: sqlite3.Connection, author: str) -> set[str]:
    """The cables with an item by ``author`` (case-insensitive), read from a user-database
    connection: teammates' items pulled here, and this user's own bookmarks and codes when
    ``author`` is their name on the team server (recorded at the last sync)."""
    name = author.strip().casefold()
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "team_items" not in tables or not name:
        return set()
    refs = {r[0] for r in con.execute(
        "SELECT DISTINCT ref_id FROM team_items WHERE deleted=0 AND lower(author)=?", (name,))}
    me = con.execute("SELECT value FROM team_state WHERE key='user'").fetchone()
    if me and me[0].casefold() == name:
        for table in ("bookmarks", "codes"):
            if table in tables:
                refs.update(r[0] for r in con.execute(f"SELECT DISTINCT ref_id FROM {table}"))
    return refs
