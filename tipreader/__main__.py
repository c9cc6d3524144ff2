"""`tipreader` and `python -m tipreader`: the command-line entry point."""

from tipreader.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
