"""tipreader: a terminal reader for US diplomatic cables."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("tipreader")
except PackageNotFoundError:  # running from a source tree without an install
    __version__ = "0.0.0"
