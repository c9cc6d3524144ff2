"""The team store: a PostgreSQL server the team's bookmarks, notes and codes are synced with.

    team = TeamServer.connect(settings)          # [team] url / user, or TIPREADER_TEAM_URL
    team.init()                                  # an admin: create or upgrade the schema
    report = sync(team, local, bookmarks, codes) # push own changes, pull everyone's

Reached with psycopg 3. Local first (:mod:`.local`): a push sends the own items that differ
from what the server has, in transactions of :data:`BATCH` items, and records them as sent
only after the server committed; a push cut off (the server killed, the network gone) leaves
them waiting for the next one, and a repeated push of the same content changes nothing
(``fingerprint``), so a sync that died half-way neither loses nor duplicates an item.

A note edited on two machines of the same author since they last synced is kept twice: the
second push finds the server's version moved and stores its text as a new item whose
``parent`` is the first (never one overwriting the other). A teammate's own note on the same
paragraph is their item, with the first note as ``parent``: both versions are kept and shown.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import psycopg

from tipreader.safetext import visible

from .local import Item, LocalItems
from .team_schema import LATEST, SCHEMA, migrate, schema_version

ENV_URL = "TIPREADER_TEAM_URL"
BATCH = 200
CONNECT_TIMEOUT = 5


class TeamError(Exception):
    """The team server cannot be used (unreachable, refused, not initialised); one line."""


@dataclass(frozen=True, slots=True)
class TeamSettings:
    """Where the team server is and who this user is there."""

    url: str
    user: str | None = None

    @property
    def display(self) -> str:
        """The URL without its password, safe to show (a URL or user name with terminal escapes is
        shown escaped: it comes from a settings file or the environment, maybe a colleague's)."""
        try:
            info = psycopg.conninfo.conninfo_to_dict(self.url)
        except psycopg.Error:  # a malformed URL: connecting says why
            return "the team server (its URL cannot be read)"
        who = self.user or info.get("user") or "?"
        return visible(f"{who}@{info.get('host') or 'localhost'}:{info.get('port') or 5432}/{info.get('dbname') or ''}",
                       newlines=False)


def team_settings(config: Any | None = None) -> TeamSettings | None:
    """The team settings: ``TIPREADER_TEAM_URL`` wins over the settings' ``[team] url``; None
    when neither is set (tipreader then works alone, as ever)."""
    url = os.environ.get(ENV_URL, "").strip() or (getattr(config, "team_url", None) or "")
    if not url:
        return None
    return TeamSettings(url=url, user=getattr(config, "team_user", None))


def _ts(value: float) -> datetime:
    return datetime.fromtimestamp(value, tz=UTC)


@dataclass(slots=True)
class SyncReport:
    """What one sync did."""

    pushed: int = 0
    unchanged: int = 0  # the server had them already (a push repeated after a cut)
    conflicts: int = 0  # kept as a second version
    pulled: int = 0  # teammates' items fetched (the user's own come back too, and are not counted)
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)


_COLUMNS = ("id", "kind", "author", "ref_id", "anchor", "para_index", "text_hash", "quote", "code", "body",
            "parent", "version", "deleted", "created_at", "updated_at")


class TeamServer:
    """One connection to the team server (autocommit; explicit transactions for writes)."""

    def __init__(self, con: psycopg.Connection, settings: TeamSettings) -> None:
        self.con = con
        self.settings = settings
        self._user: str | None = None
        self._schema: int | None = None

    @classmethod
    def connect(cls, settings: TeamSettings, timeout: float = CONNECT_TIMEOUT) -> TeamServer:
        """Connect; :class:`TeamError` (one line, no password in it) when the server cannot be reached."""
        kwargs: dict[str, Any] = {"autocommit": True, "connect_timeout": max(1, int(timeout)),
                                  "application_name": "tipreader"}
        if settings.user:
            kwargs["user"] = settings.user
        try:
            con = psycopg.connect(settings.url, **kwargs)
        except psycopg.Error as err:
            raise TeamError(f"cannot reach the team server {settings.display}: {_cause(err)}") from err
        return cls(con, settings)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> TeamServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def user(self) -> str:
        """The login name items are written under (``current_user``)."""
        if self._user is None:
            row = self.con.execute("SELECT current_user").fetchone()
            self._user = str(row[0]) if row else "?"
        return self._user

    def init(self) -> list[int]:
        """Create or upgrade the schema (an admin's job: needs the right to create roles)."""
        return migrate(self.con)

    def require_schema(self) -> int:
        """The server's schema version; :class:`TeamError` when ``team init`` never ran there."""
        if self._schema is not None:
            return self._schema
        version = schema_version(self.con)
        if version is None:
            raise TeamError(f"the team server {self.settings.display} has no tipreader schema: "
                            "an admin runs `tipreader team init` first")
        if version > LATEST:
            raise TeamError(f"the team server's schema ({version}) is newer than this tipreader's ({LATEST}): upgrade")
        self._schema = version
        return version

    def identity(self) -> str:
        """Which team store this is: the cluster's system identifier, the database and when
        ``team init`` created the schema there. Another server, a re-created one or a restored
        copy in a new cluster has another identity (its items and transaction ids are not the
        ones this machine synced with)."""
        row = self.con.execute(
            "SELECT (SELECT system_identifier FROM pg_control_system())::text, current_database(), "
            f"(SELECT applied_at FROM {SCHEMA}.migrations WHERE version = 1)::text").fetchone()
        return "/".join(str(v) for v in row) if row else "?"

    def add_member(self, name: str, password: str, read_only: bool = False) -> None:
        """Create a login role for a teammate (an admin's job), writer or read-only."""
        from psycopg import sql

        from .team_schema import READER, WRITER

        with self.con.transaction():
            exists = self.con.execute("SELECT 1 FROM pg_roles WHERE rolname=%s", (name,)).fetchone()
            verb = "ALTER" if exists else "CREATE"
            self.con.execute(sql.SQL(verb + " ROLE {} LOGIN PASSWORD {}").format(sql.Identifier(name),
                                                                                   sql.Literal(password)))
            self.con.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(READER if read_only else WRITER),
                                                              sql.Identifier(name)))
            if read_only:
                self.con.execute(sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(WRITER), sql.Identifier(name)))

    def counts(self) -> dict[str, int]:
        """Items on the server by kind (not deleted): bookmarks, notes (bookmarks with text), codes."""
        row = self.con.execute(
            f"SELECT count(*) FILTER (WHERE kind='bookmark'), count(*) FILTER (WHERE kind='bookmark' AND body<>''), "
            f"count(*) FILTER (WHERE kind='code') FROM {SCHEMA}.items WHERE NOT deleted").fetchone()
        return {"bookmarks": row[0], "notes": row[1], "codes": row[2]} if row else {}

    def push(self, items: list[dict]) -> tuple[list[tuple[str, str, str, int, str | None]], SyncReport]:
        """Send ``items`` (from :meth:`LocalItems.outgoing`), one transaction per :data:`BATCH`
        (a few round trips each); the (key, uid, fingerprint, version, parent) of each committed item."""
        report = SyncReport()
        done: list[tuple[str, str, str, int, str | None]] = []
        for start in range(0, len(items), BATCH):
            with self.con.transaction():
                batch_done = self._push_batch(items[start:start + BATCH], report)
            done.extend(batch_done)
        report.pushed = len(done) - report.unchanged
        return done, report

    def _push_batch(self, batch: list[dict], report: SyncReport) -> list[tuple[str, str, str, int, str | None]]:
        con = self.con
        current = {str(r[0]): (r[1], r[2]) for r in con.execute(
            f"SELECT id, version, fingerprint FROM {SCHEMA}.items WHERE id = ANY(%s::uuid[]) FOR UPDATE",
            ([item["uid"] for item in batch],))}
        inserts: list[tuple] = []
        updates: list[tuple] = []
        done: list[tuple[str, str, str, int, str | None]] = []
        for item in batch:
            values = (item["kind"], item["ref_id"], item["anchor"], item["para_index"], item["text_hash"],
                      item["quote"], item["code"], item["body"], item.get("parent"), item["fingerprint"],
                      item["deleted"], _ts(item["created"]), _ts(item["updated"]))
            uid, version = item["uid"], 1
            if item["uid"] not in current:
                inserts.append((uid, *values))
            elif current[uid][1] == item["fingerprint"]:  # a push repeated after a cut: already there
                report.unchanged += 1
                version = current[uid][0]
            elif current[uid][0] == item["base_version"]:
                updates.append((*values, uid))
                version = current[uid][0] + 1
            else:  # the server's copy moved since this machine last saw it (edited elsewhere): keep both
                report.conflicts += 1
                uid = str(uuid.uuid4())
                inserts.append((uid, *values[:8], item["uid"], *values[9:]))
            done.append((item["key"], uid, item["fingerprint"], version, item.get("parent")))
        with con.cursor() as cur:
            if inserts:
                cur.executemany(f"INSERT INTO {SCHEMA}.items (id, kind, ref_id, anchor, para_index, text_hash, quote, "
                                "code, body, parent, fingerprint, deleted, created_at, updated_at) "
                                "VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)", inserts)
            if updates:
                cur.executemany(f"UPDATE {SCHEMA}.items SET kind=%s, ref_id=%s, anchor=%s, para_index=%s, "
                                "text_hash=%s, quote=%s, code=%s, body=%s, parent=%s, fingerprint=%s, deleted=%s, "
                                "created_at=%s, updated_at=%s, version=version+1 WHERE id=%s", updates)
        return done

    def pull(self, cursor: str | None) -> tuple[list[Item], str]:
        """Items written by transactions that finished since ``cursor`` (all when None), and the
        new cursor (the oldest transaction still running now: none below it can appear later)."""
        with self.con.transaction():
            horizon = str(self.con.execute("SELECT pg_snapshot_xmin(pg_current_snapshot())").fetchone()[0])  # type: ignore[index]
            rows = self.con.execute(
                f"SELECT {', '.join(_COLUMNS)} FROM {SCHEMA}.items WHERE xid >= %s::xid8 AND xid < %s::xid8",
                (cursor or "0", horizon)).fetchall()
        items = [Item(str(r[0]), r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9],
                      str(r[10]) if r[10] else None, r[11], bool(r[12]), r[13].timestamp(), r[14].timestamp())
                 for r in rows]
        return items, horizon


def _one_line(err: BaseException) -> str:
    text = " ".join(str(err).split())
    return text or type(err).__name__


def _cause(err: BaseException) -> str:
    """Why a connection failed, without libpq's wrapping and advice: ``Connection refused``,
    ``password authentication failed for user "ben"``, ``connection timeout expired``."""
    lines = str(err).strip().splitlines()
    cause = lines[0].rsplit("failed: ", 1)[-1].removeprefix("FATAL:").strip() if lines else ""
    return cause or _one_line(err)


def sync(server: TeamServer, local: LocalItems, bookmarks: Sequence, codes: Sequence = (), *,
         push: bool = True, pull: bool = True) -> SyncReport:
    """Push this user's changes, then pull everyone's; :class:`TeamError` when the server is lost
    (what was committed before stays recorded, the rest is sent next time)."""
    started = time.monotonic()
    report = SyncReport()
    try:
        server.require_schema()
        identity = server.identity()
        if local.state("server") not in (None, identity):  # another server than the last sync's
            local.forget_server()  # so everything is sent there and everything of theirs fetched
        state = {"user": server.user, "synced_at": str(time.time()), "server": identity}  # written with the sync's own records
        if push:
            items = local.outgoing(bookmarks, codes)
            for start in range(0, len(items), BATCH):  # record each committed batch at once
                done, part = server.push(items[start:start + BATCH])
                local.mark_pushed(done, state if pull is False and start + BATCH >= len(items) else None)
                report.pushed += part.pushed
                report.unchanged += part.unchanged
                report.conflicts += part.conflicts
            if not items and not pull and local.state("user") != state["user"]:
                local.mark_pushed([], state)
        if pull:
            pulled, cursor = server.pull(local.state("cursor"))
            local.store_pulled(pulled, cursor, state)
            report.pulled = sum(1 for item in pulled if item.author != server.user)
    except psycopg.Error as err:
        raise TeamError(f"the team server {server.settings.display} failed: {_one_line(err)}") from err
    report.seconds = time.monotonic() - started
    return report
