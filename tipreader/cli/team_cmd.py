"""`tipreader team init|status|push|pull|sync|add-member|local-server`: the team store from the shell.

The server is the settings' ``[team] url`` (and ``user``), or ``TIPREADER_TEAM_URL``. Without
one, tipreader works alone as ever and these commands say how to set one.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import time

from tipreader.cli.common import error_line, safe_text

_RAW = argparse.RawDescriptionHelpFormatter


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``team`` and its actions to the ``tipreader`` parser."""
    p = sub.add_parser(
        "team", help="share bookmarks, notes and codes on a team server (PostgreSQL)",
        description="Share bookmarks, notes and coded passages with a team through a PostgreSQL server. "
        "Set it in the settings ([team] url = \"postgresql://NAME:PASSWORD@HOST/DB\", user = \"NAME\") or "
        "with TIPREADER_TEAM_URL. Your own items are always written locally first; push sends them, pull "
        "fetches everyone's. The server lets each member change only their own items.",
        epilog="examples:\n  tipreader team local-server          # a throwaway server to try it\n"
        "  tipreader team init                  # once, as the server's admin\n"
        "  tipreader team add-member ana        # a login for a teammate (--read-only for readers)\n"
        "  tipreader team sync                  # push then pull\n  tipreader team status",
        formatter_class=_RAW)
    tsub = p.add_subparsers(dest="team_command", metavar="ACTION", required=True)
    s = tsub.add_parser("init", help="create or upgrade the team schema (admin; idempotent)",
                        description="Create the team schema on the server, or apply the migrations it lacks. "
                        "Running it again changes nothing. Needs a login that may create roles and schemas.")
    s.set_defaults(func=run_init)
    s = tsub.add_parser("status", help="where the server is, what it holds, whether this machine is in sync")
    s.add_argument("--json", action="store_true", help="as one JSON object")
    s.set_defaults(func=run_status)
    for name, help_ in (("push", "send your new and changed items"), ("pull", "fetch everyone's items"),
                        ("sync", "push, then pull")):
        s = tsub.add_parser(name, help=help_, description=help_[0].upper() + help_[1:] + ".")
        s.set_defaults(func=run_sync, push=name in ("push", "sync"), pull=name in ("pull", "sync"))
    s = tsub.add_parser("add-member", help="create a teammate's login (admin)",
                        description="Create (or reset) a teammate's login on the server. A writer may add and "
                        "change their own items; --read-only may only read. The password is read from "
                        "TIPREADER_MEMBER_PASSWORD, else generated and printed.")
    s.add_argument("name")
    s.add_argument("--read-only", action="store_true", help="may read everything, write nothing")
    s.set_defaults(func=run_add_member)
    s = tsub.add_parser("local-server", help="start a throwaway local PostgreSQL to try the team store",
                        description="initdb a PostgreSQL cluster in a temporary folder, start it on a free local "
                        "port, create the team schema and print the URL; Ctrl-C stops it and deletes it.")
    s.set_defaults(func=run_local_server)


def _settings():
    from tipreader.config import load_config
    from tipreader.userdata.team import team_settings

    settings = team_settings(load_config())
    if settings is None:
        error_line("no team server set: add [team] url = \"postgresql://...\" to the settings "
                   "(tipreader config edit) or set TIPREADER_TEAM_URL")
    return settings


def _guard(fn):
    def run(args: argparse.Namespace) -> int:
        from tipreader.userdata.team import TeamError

        try:
            return fn(args)
        except TeamError as err:
            error_line(str(err))
            return 1

    run.__doc__ = fn.__doc__
    return run


@_guard
def run_init(args: argparse.Namespace) -> int:
    """`tipreader team init`."""
    from tipreader.userdata.team import TeamError, TeamServer

    settings = _settings()
    if settings is None:
        return 1
    import psycopg

    with TeamServer.connect(settings) as server:
        try:
            applied = server.init()
        except psycopg.Error as err:
            raise TeamError(f"cannot create the team schema on {settings.display}: {' '.join(str(err).split())}") from err
    print(f"team schema on {settings.display}: " + (f"applied migration(s) {', '.join(map(str, applied))}"
                                                    if applied else "already up to date"))
    return 0


def _local_and_own():
    from tipreader.library.bookmarks import BookmarkStore
    from tipreader.userdata.local import LocalItems

    local = LocalItems.open()
    with BookmarkStore.open() as store:
        bookmarks = store.all()
    return local, bookmarks, _own_codes(local)


def _own_codes(local) -> list:
    """The user's coded passages (read on the team tables' own connection)."""
    from tipreader.userdata.codes import own_codes

    return list(own_codes(local.con))


@_guard
def run_sync(args: argparse.Namespace) -> int:
    """`tipreader team push|pull|sync`."""
    from tipreader.userdata.team import TeamServer, sync

    settings = _settings()
    if settings is None:
        return 1
    local, bookmarks, codes = _local_and_own()
    try:
        with TeamServer.connect(settings) as server:
            report = sync(server, local, bookmarks, codes, push=args.push, pull=args.pull)
    finally:
        local.close()
    parts = []
    if args.push:
        parts.append(f"pushed {report.pushed}" + (f" ({report.conflicts} kept as a second version)"
                                                  if report.conflicts else ""))
    if args.pull:
        parts.append(f"pulled {report.pulled} from teammates")
    print(f"team {settings.display}: " + ", ".join(parts) + f" in {report.seconds:.1f}s")
    return 0


@_guard
def run_status(args: argparse.Namespace) -> int:
    """`tipreader team status`."""
    from tipreader.userdata.team import TeamError, TeamServer

    settings = _settings()
    if settings is None:
        return 1
    local, bookmarks, codes = _local_and_own()
    try:
        waiting = len(local.outgoing(bookmarks, codes))
        synced_at = local.state("synced_at")
        teammates = len(local.team_items())
        synced_with = local.state("server")
    finally:
        local.close()
    out: dict = {"server": settings.display, "reachable": False, "waiting_to_push": waiting,
                 "last_sync": float(synced_at) if synced_at else None, "teammates_items_here": teammates}
    try:
        with TeamServer.connect(settings) as server:
            out.update(reachable=True, user=server.user, schema=server.require_schema(), **server.counts())
            if synced_with not in (None, server.identity()):  # the last sync was with another server
                out.update(waiting_to_push=len(bookmarks) + len(codes), another_server=True)
                waiting = out["waiting_to_push"]
    except TeamError as err:
        out["error"] = str(err)
    out["in_sync"] = out["reachable"] and waiting == 0
    if args.json:
        sys.stdout.write(json.dumps(out) + "\n")
        return 0 if out["reachable"] else 1
    w = sys.stdout.write
    w(f"Server:        {out['server']} ({'reachable' if out['reachable'] else 'NOT reachable'})\n")
    if out["reachable"]:
        w(f"Signed in as:  {out['user']} (schema {out['schema']})\n")
        w(f"On the server: {out['bookmarks']:,} bookmarks ({out['notes']:,} with notes), {out['codes']:,} codes\n")
    else:
        w(f"               {safe_text(out.get('error', ''))}\n")
    last = time.strftime("%Y-%m-%d %H:%M", time.localtime(out["last_sync"])) if out["last_sync"] else "never"
    w(f"This machine:  {waiting:,} item(s) waiting to be pushed; last sync {last}; "
      f"{teammates:,} teammates' items here\n")
    if out.get("another_server"):
        w("               (the last sync was with another team server: the next sends all your items here)\n")
    w(f"In sync:       {'yes' if out['in_sync'] else 'no'}\n")
    return 0 if out["reachable"] else 1


@_guard
def run_add_member(args: argparse.Namespace) -> int:
    """`tipreader team add-member NAME`."""
    import os
    import secrets

    import psycopg

    from tipreader.userdata.team import TeamError, TeamServer

    settings = _settings()
    if settings is None:
        return 1
    password = os.environ.get("TIPREADER_MEMBER_PASSWORD") or secrets.token_urlsafe(12)
    with TeamServer.connect(settings) as server:
        try:
            server.require_schema()
            server.add_member(args.name, password, read_only=args.read_only)
        except psycopg.Error as err:
            raise TeamError(f"cannot add {args.name}: {' '.join(str(err).split())}") from err
    role = "read-only member" if args.read_only else "member"
    print(f"{args.name} is a {role} of {settings.display}")
    if "TIPREADER_MEMBER_PASSWORD" not in os.environ:
        print(f"password: {password}")
        url = _member_url(settings.url, args.name, password)
        if url:
            print(f"Their settings (in the file `tipreader config path` names):\n[team]\nurl = \"{url}\"\n"
                  f"user = \"{args.name}\"")
    return 0


def _member_url(admin_url: str, name: str, password: str) -> str | None:
    """The server URL of ``admin_url`` signed in as ``name`` (None when it is not a URL)."""
    from urllib.parse import quote, urlsplit, urlunsplit

    parts = urlsplit(admin_url.strip())
    if parts.scheme not in ("postgresql", "postgres") or not parts.netloc:
        return None
    place = parts.netloc.rsplit("@", 1)[-1]
    return urlunsplit((parts.scheme, f"{quote(name, safe='')}:{quote(password, safe='')}@{place}", parts.path,
                       parts.query, ""))


def run_local_server(args: argparse.Namespace) -> int:
    """`tipreader team local-server`: runs until Ctrl-C (or SIGTERM), then removes everything."""
    import psycopg

    from tipreader.userdata.pg_local import ClusterError, LocalCluster
    from tipreader.userdata.team_schema import migrate

    try:
        cluster = LocalCluster.create()
    except ClusterError as err:
        error_line(str(err).splitlines()[0])
        return 1
    try:
        cluster.start()
        with psycopg.connect(cluster.url(), autocommit=True) as con:
            migrate(con)
        print(f"team server running (data in {cluster.folder}); Ctrl-C stops and deletes it. Use:\n"
              f"  export TIPREADER_TEAM_URL='{cluster.url()}'\n"
              "then `tipreader team add-member NAME` for each teammate.", flush=True)
        signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
        while cluster.postmaster_pid() is not None:
            time.sleep(1)
        error_line("the local server stopped")
        return 1
    except ClusterError as err:
        error_line(str(err).splitlines()[0])
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        cluster.destroy()
