"""`tipreader open FILE|REF_ID` and the bare `tipreader`: start the app."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "open",
        help="open a cable in the reader",
        description="Open a cable file (parsed on the fly, not imported) or a library REF_ID in the reader.",
        epilog="examples:\n  tipreader open 08MEXICO721\n  tipreader open sample_cables/08MEXICO721.txt",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("target", help="a cable file or a ref_id in the library")
    p.set_defaults(func=lambda args: run_app(args.target))


def run_app(target: str | None) -> int:
    from tipreader.ui.app import TipReaderApp

    app = TipReaderApp(target=target)
    app.run()
    return app.return_code or 0
