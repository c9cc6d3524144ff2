"""Expansions other cables give an acronym a cable uses without defining it.

Used by the reader (the Entities tab says "(from other cables)") and ``tipreader entities``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

from tipreader.cable.ent_acronyms import key as acronym_key
from tipreader.cable.ent_appositive import definitions_in
from tipreader.cable.ent_text import is_upper_text
from tipreader.cable.model import Cable

_LEARNT: dict[tuple[str, str], str | None] = {}


def learn_expansions(library: object, acronyms: Iterable[str], exclude: str = "", per_acronym: int = 8,
                     cancelled: Callable[[], bool] = lambda: False) -> dict[str, str | None]:
    """acronym → the expansion other cables of ``library`` give it (the most frequent), or None.

    ``library`` needs ``search(query, limit)`` (hits with ``ref_id``) and ``get(ref_id)``.
    Only the paragraphs using the acronym are read, in at most ``per_acronym`` cables;
    answers are remembered for the session. Errors of the library count as "not found".
    """
    root = str(getattr(library, "root", id(library)))
    cables: dict[str, Cable | None] = {}
    out: dict[str, str | None] = {}
    for acr in acronyms:
        if cancelled():
            break
        k = acronym_key(acr)
        if (root, k) in _LEARNT:
            out[k] = _LEARNT[(root, k)]
            continue
        word = re.compile(rf"(?<![\w&]){re.escape(k)}s?(?![\w&])")
        counts: Counter[str] = Counter()
        try:
            hits = library.search(_query_word(k), limit=per_acronym + 1)  # type: ignore[attr-defined]
        except Exception:
            hits = []
        for hit in hits:
            ref = getattr(hit, "ref_id", None)
            if not ref or ref.upper() == exclude.upper():
                continue
            if ref not in cables:
                try:
                    cables[ref] = library.get(ref)  # type: ignore[attr-defined]
                except Exception:
                    cables[ref] = None
            cable = cables[ref]
            for para in cable.paragraphs if cable is not None else ():
                text = para.text or ""
                if not word.search(text):
                    continue
                for d in definitions_in(para.index, text, is_upper_text(text)):
                    if d.acronym == k:
                        counts[" ".join(d.expansion.split())] += 1
        found = counts.most_common(1)[0][0] if counts else None
        _LEARNT[(root, k)] = out[k] = found
    return out


def _query_word(acronym: str) -> str:
    """The library query for an acronym: its letters as a word (``G/TIP`` → ``G TIP``)."""
    return " ".join(w for w in re.split(r"[^A-Za-z0-9]+", acronym) if w) or acronym
