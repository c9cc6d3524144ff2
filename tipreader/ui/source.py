"""Where the app gets cables: a file parsed on the fly, or a ref_id from a :class:`CableSource`.

The library (``tipreader.library``) plugs in here later: anything with ``get`` and
``has`` will do. Until then :class:`NoLibrary` answers "not here" to every ref_id.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Protocol, runtime_checkable

from tipreader.cable.model import Cable, CableError



@runtime_checkable
class CableSource(Protocol):
    """Looks cables up by ref_id (the library, in the finished app)."""

    def get(self, ref_id: str) -> Cable | None:
        """The cable ``ref_id``, or None when it is not there."""

    def has(self, ref_id: str) -> bool:
        """Whether ``ref_id`` is there (a reference is marked "in library" when it is)."""


class NoLibrary:
    """A source with nothing in it."""

    def get(self, ref_id: str) -> Cable | None:
        """Always None."""
        return None

    def has(self, ref_id: str) -> bool:
        """Always False."""
        return False


def load(target: str, source: CableSource | None = None) -> Cable:
    """The cable ``target`` names: a file path (parsed, not imported) or a ref_id in ``source``.

    Raises :class:`CableError` with a one-line message when neither works.
    """
    from tipreader.cable import parse_file

    path = Path(target).expanduser()
    if path.is_file():
        try:
            cables = parse_file(path)
        except CableError:
            raise
        except Exception as err:  # a parser bug must not take the app down with a traceback
            raise CableError(f"could not parse: {type(err).__name__}: {err}", str(path)) from err
        if not cables:
            raise CableError("no cable found in the file", str(path))
        return cables[0]
    if source is not None:
        cable = source.get(target.strip().upper())
        if cable is not None:
            return cable
    if path.suffix or "/" in target:
        raise CableError("no such file", target)
    raise CableError("not a file, and no cable with that ref_id in the library", target)


class Lookup(Protocol):
    """What :class:`LibrarySource` needs of a library (``tipreader.library.Library`` has it)."""

    def get(self, ref_id: str) -> Cable | None:
        """The stored cable ``ref_id``, or None."""

    def present(self, ref_ids: Iterable[str]) -> set[str]:
        """Which of ``ref_ids`` are stored."""


class LibrarySource:
    """Adapts a library (anything with ``get(ref_id)`` and ``present(ref_ids)``) to :class:`CableSource`.

    ``has`` answers from a cache filled one ``present`` call at a time, so a header
    panel with many references costs one query.
    """

    def __init__(self, library: Lookup) -> None:
        self.library = library
        self._known: dict[str, bool] = {}

    def get(self, ref_id: str) -> Cable | None:
        """The cable from the library, or None. A library that needs a rebuild, or a damaged
        stored cable, is a :class:`CableError` (one line for the user)."""
        from tipreader.library import RebuildNeeded
        from tipreader.library.codec import StoredDataError

        try:
            return self.library.get(ref_id)
        except (RebuildNeeded, StoredDataError) as err:
            raise CableError(str(err), ref_id) from err

    def has(self, ref_id: str) -> bool:
        """Whether the library holds ``ref_id``."""
        key = ref_id.strip().upper()
        if key not in self._known:
            self._known[key] = key in self.library.present([key])
        return self._known[key]

    def forget(self) -> None:
        """Forget what :meth:`has` learnt (after an import, references may be in the library now)."""
        self._known.clear()

    def prefetch(self, ref_ids: list[str]) -> None:
        """Ask the library about all ``ref_ids`` at once."""
        keys = [r.strip().upper() for r in ref_ids if r and r.strip().upper() not in self._known]
        if keys:
            found = self.library.present(keys)
            self._known.update({k: k in found for k in keys})
