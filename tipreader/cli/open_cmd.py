"""`tipreader open FILE|REF_ID` and the bare `tipreader`: start the app."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``open`` command."""
    p = sub.add_parser(
        "open",
        help="open a cable in the reader",
        description="Open a cable file (parsed on the fly, not imported) or a library REF_ID in the reader.",
        epilog="examples:\n  tipreader open 08MEXICO721\n  tipreader open sample_cables/08MEXICO721.txt",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("target", help="a cable file or a ref_id in the library")
    p.set_defaults(func=lambda args: run_app(args.target))


def _library_source(seed: bool = False, quiet: bool = True):
    """The library as a reader's :class:`~tipreader.ui.source.CableSource`, or None when it cannot be opened.

    With ``seed`` an empty library first imports the bundled sample cables (first start),
    so ``tipreader open 08MEXICO721`` works on a fresh install.
    """
    from tipreader.ui.source import LibrarySource

    try:
        from tipreader.library import Library

        library = Library.open()
        if seed:
            library.ensure_seeded()
        return LibrarySource(library)
    except Exception:  # no library yet, or a broken one: the reader still opens files
        if not quiet:
            raise  # the app says why (library_failed)
        return None


def run_app(target: str | None) -> int:
    """Open ``target`` in the reader (or the start screen when None); the exit status."""
    from tipreader.cable.model import CableError
    from tipreader.cli.common import error_line
    from tipreader.ui.app import TipReaderApp
    from tipreader.ui.source import load

    cable = None
    source = None
    if target is not None:
        source = None if Path(target).is_file() else _library_source(seed=True)
        try:
            cable = load(target, source)
        except CableError as err:
            error_line(err, err.source or target)
            return 1
    # The library is opened after the first paint (its import costs ~0.1 s) unless a ref_id needed it.
    app = TipReaderApp(cable=cable, source=source or (lambda: _library_source(seed=True, quiet=False)))
    app.run()
    return app.return_code or 0
