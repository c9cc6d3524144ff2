"""A throwaway local PostgreSQL cluster: for trying a team library, and for the tests.

    cluster = LocalCluster.create()          # initdb into a temporary folder, free local port
    cluster.start()
    url = cluster.url("postgres")            # postgresql://postgres:...@127.0.0.1:PORT/postgres
    ...
    cluster.destroy()                        # stop (immediately) and delete the folder

PostgreSQL refuses to run as root; run as root (CI, containers) the server programs run as
the ``postgres`` user (``runuser -u postgres --``) and the folder belongs to it. Only the
Debian/Ubuntu (``/usr/lib/postgresql/N/bin``), Homebrew and PATH installations are looked
for: :func:`find_bindir`. The cluster listens on 127.0.0.1 only, password-authenticated
(SCRAM), with the superuser's password generated here.
"""

from __future__ import annotations

import glob
import os
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote


class ClusterError(RuntimeError):
    """The local server could not be created or started (the message says why, with its log)."""


def find_bindir() -> Path | None:
    """The folder of ``initdb``/``pg_ctl`` (PostgreSQL 15 preferred), or None when not installed."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: (not p.endswith("/15/bin"), p))
    candidates += sorted(glob.glob("/opt/homebrew/opt/postgresql@*/bin")) + sorted(glob.glob("/usr/local/opt/postgresql@*/bin"))
    which = shutil.which("initdb")
    if which:
        candidates.append(str(Path(which).parent))
    for c in candidates:
        if (Path(c) / "initdb").exists() and (Path(c) / "pg_ctl").exists():
            return Path(c)
    return None


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_server_user() -> list[str]:
    if os.geteuid() != 0:
        return []
    runuser = shutil.which("runuser")
    if runuser is None:
        raise ClusterError("running as root and `runuser` is missing: cannot start PostgreSQL as `postgres`")
    return [runuser, "-u", "postgres", "--"]


@dataclass
class LocalCluster:
    """A PostgreSQL cluster in ``folder`` on ``port``; ``password`` is the superuser's."""

    folder: Path
    port: int
    password: str
    bindir: Path

    @property
    def data(self) -> Path:
        return self.folder / "data"

    @property
    def log(self) -> Path:
        return self.folder / "server.log"

    @classmethod
    def create(cls, folder: Path | None = None, port: int | None = None) -> LocalCluster:
        """``initdb`` a new cluster (into a new temporary folder unless ``folder``)."""
        bindir = find_bindir()
        if bindir is None:
            raise ClusterError("PostgreSQL is not installed (no initdb found; Debian: apt-get install postgresql-15)")
        folder = Path(folder) if folder else Path(tempfile.mkdtemp(prefix="tipreader-pg-"))
        folder.mkdir(parents=True, exist_ok=True)
        password = secrets.token_urlsafe(16)
        pwfile = folder / "pw"
        pwfile.write_text(password + "\n")
        if os.geteuid() == 0:
            shutil.chown(folder, "postgres", "postgres")
            shutil.chown(pwfile, "postgres", "postgres")
        folder.chmod(0o700)
        cluster = cls(folder, port or free_port(), password, bindir)
        cluster._run([str(bindir / "initdb"), "-D", str(cluster.data), "-U", "postgres", "--auth=scram-sha-256",
                      f"--pwfile={pwfile}", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], "initdb")
        pwfile.unlink()
        return cluster

    def _run(self, cmd: list[str], what: str, timeout: float = 120) -> None:
        try:
            done = subprocess.run([*_as_server_user(), *cmd], capture_output=True, text=True, timeout=timeout,
                                  stdin=subprocess.DEVNULL, cwd=self.folder)
        except (OSError, subprocess.TimeoutExpired) as err:
            raise ClusterError(f"{what} failed: {err}") from err
        if done.returncode != 0:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise ClusterError(f"{what} failed ({done.returncode}): {done.stderr.strip() or done.stdout.strip()}\n{log}")

    def start(self) -> None:
        """Start the server and wait until it accepts connections. A watcher stops it and deletes
        its folder when this process ends in any way (a killed test run leaves no server behind)."""
        opts = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=on"
        self._run([str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-o", opts, "-w",
                   "-t", "60", "start"], "starting PostgreSQL")
        stop = shlex.join([*_as_server_user(), str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate",
                           "-w", "stop"])
        watch = (f"while [ -d /proc/{os.getpid()} ]; do sleep 1; done; "
                 f"if [ -f {shlex.quote(str(self.data / 'postmaster.pid'))} ]; then {stop}; fi; "
                 f"rm -rf {shlex.quote(str(self.folder))}")
        if not Path("/proc/self").exists():  # no /proc (macOS): no watcher; destroy() still cleans up
            return
        subprocess.Popen(["sh", "-c", watch], start_new_session=True, stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def postmaster_pid(self) -> int | None:
        """The running postmaster's process id, or None."""
        try:
            return int((self.data / "postmaster.pid").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return None

    def kill(self) -> None:
        """SIGKILL the postmaster (a crash, for the tests); its backends end when they notice."""
        pid = self.postmaster_pid()
        if pid is not None:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

    def stop(self) -> None:
        """Stop the server at once (no waiting for clients)."""
        if self.postmaster_pid() is not None:
            try:
                self._run([str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"],
                          "stopping PostgreSQL", timeout=60)
            except ClusterError:
                self.kill()

    def destroy(self) -> None:
        """Stop the server and delete its folder."""
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, user: str = "postgres", password: str | None = None, database: str = "postgres") -> str:
        """A connection URL (the superuser's password unless ``password``)."""
        pw = self.password if password is None else password
        return f"postgresql://{quote(user)}:{quote(pw)}@127.0.0.1:{self.port}/{database}"
