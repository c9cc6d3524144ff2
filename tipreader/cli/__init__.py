"""The command line: one module per command group, each with ``register(subparsers)``.

Exit codes: 0 ok, 1 some input failed, 2 usage error. Errors a user can cause are
one line on stderr (``tipreader: FILE: cause``), never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import signal
import sys
from typing import NoReturn

from tipreader import __version__

# Each module registers its subcommands; a module missing here is a feature not built yet.
COMMAND_MODULES = (
    "tipreader.cli.parse_cmd",
    "tipreader.cli.library_cmd",
    "tipreader.cli.open_cmd",
    "tipreader.cli.bookmarks_cmd",
    "tipreader.cli.entities_cmd",
    "tipreader.cli.config_cmd",
    "tipreader.cli.tip_cmd",
    "tipreader.cli.codes_cmd",
    "tipreader.cli.team_cmd",
)


class UsageError(Exception):
    """A usage error: exit status 2 with a one-line message."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse exits 2 already; keep its one-liner
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="tipreader",
        description="Read, search and bookmark US diplomatic cables in the terminal.",
        epilog="Run without a command to open the library screen. See `tipreader COMMAND --help`.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"tipreader {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as err:
            if err.name == name:
                continue
            raise
        module.register(sub)
    return parser


def paths_note(err: BaseException) -> str:
    """The one line for a library that needs a rebuild: where it is, why, and the command."""
    from tipreader.library import paths

    return f"{paths.library_dir()}: {err} (run `tipreader library rebuild`; your bookmarks and notes are kept)"


def _is_user_db_error(err: BaseException) -> bool:
    """``err`` is a damaged-user-database error (its module is loaded only when one can occur:
    importing the library package costs ~0.1 s that ``tipreader parse`` need not pay)."""
    safety = sys.modules.get("tipreader.library.userdb_safety")
    return safety is not None and isinstance(err, safety.UserDBError)


# commands that open the library (and its search engine); None is the app
_LIBRARY_COMMANDS = (None, "search", "show", "import", "library", "bookmarks", "open", "tip", "entities")
# arguments that name files: any bytes the filesystem allows (opened by their real name)
_PATH_ARGS = ("paths", "files", "output")
_PATH_OR_ID_ARGS = ("target", "file")  # a file when one exists by that name, else a ref id


def _check_text_args(args: argparse.Namespace) -> None:
    """Refuse, in one line, a text argument (a note, a ref id, a query) that is not valid
    UTF-8: the shell gave bytes no database or screen can take (``--note $'caf\\xe9'``)."""
    import os

    from tipreader.library.paths import display_path

    for dest, value in vars(args).items():
        values = value if isinstance(value, list) else [value]
        for v in values:
            if not isinstance(v, str) or dest in _PATH_ARGS or (dest in _PATH_OR_ID_ARGS and os.path.exists(v)):
                continue
            try:
                v.encode("utf-8")
            except UnicodeEncodeError:
                name = "--" + dest.replace("_", "-") if dest in ("note", "filter") else dest.upper().replace("_", "-")
                raise UsageError(f"{name} '{display_path(v)}' is not valid UTF-8 text: "
                                 "check the terminal's or the shell's encoding") from None


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from tipreader.cli.common import OutputError, divert_native_stderr, error_line, guard_stdout, silence_stdout

    try:
        _check_text_args(args)
        if args.command in _LIBRARY_COMMANDS:
            divert_native_stderr()  # an engine panic goes to the log, not over the screen
        if args.command is None:
            from tipreader.cli.open_cmd import run_app

            return run_app(None)
        saved = sys.stdout
        guard_stdout()
        try:
            status = int(args.func(args) or 0)
            sys.stdout.flush()  # a full disk shows here, not in the interpreter's last flush
        finally:
            sys.stdout = saved
        return status
    except OutputError as err:
        error_line(str(err))
        silence_stdout()
        return 1
    except UsageError as err:
        print(f"tipreader: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("tipreader: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `tipreader parse ... | head`: stop quietly, like other Unix tools.
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
        return 0
    except Exception as err:
        library = sys.modules.get("tipreader.library.library")
        damage = sys.modules.get("tipreader.library.damage")
        if damage is not None and isinstance(err, damage.LibraryDamaged):
            print(f"tipreader: {err}", file=sys.stderr)  # one line naming the file and the repair
            return 1
        if library is not None and isinstance(err, library.RebuildNeeded):
            print(f"tipreader: {paths_note(err)}", file=sys.stderr)
            return 1
        if not _is_user_db_error(err):
            raise
        # any command that opens the user database: one line, the file is never touched
        from tipreader.cli.common import user_db_error_line

        user_db_error_line(err)
        return 1
