"""People in capitals named by repetition: ``MEETING WITH LAKHDAR BRAHIMI`` ... ``BRAHIMI ALSO SAID``.

In a paragraph written in capitals case says nothing, and a name with no title or known given
name before it is not found. Two words no list knows, side by side, are a person's full name when
the cable writes the second alone elsewhere (and never counts it: ``124 TAKEOFFS``): that is how
cables name a person after the first mention. A verb's form is no given name (``BEATIFYING PIUS``). The surname mentions are then linked as for any full name.
"""

from __future__ import annotations

from .ent_context import _demonym_like
from .ent_data import first_names, gazetteer, geo, is_inflected_word, known_acronyms, org_words, place_key, titles, vocab
from .ent_persons import _NAME_STOP
from .ent_text import Token


def _unknown(tok: Token) -> bool:
    """A word no list knows: no ordinary word (nor its plural or inflection), place, acronym,
    people, organisation or title word."""
    k = tok.key
    ow = org_words()
    words = vocab()
    return (len(k) >= 4 and k.isalpha() and any(c in "aeiouy" for c in k) and k not in words
            and not (k.endswith("s") and k[:-1] in words) and not is_inflected_word(k)
            and k not in gazetteer().places and place_key(k) not in geo().keys and tok.text not in known_acronyms()
            and not _demonym_like(k) and k not in ow.heads and k not in ow.firsts and k not in titles().head_last
            and k not in _NAME_STOP)


def repeated_name_persons(tokens: list[list[Token]], upper: list[bool]) -> list[list[tuple[int, int]]]:
    """Per paragraph, the ``(start, end)`` of capitals full names the cable repeats by surname."""
    alone: dict[str, int] = {}  # surname key → times written without the word before it being unknown
    pairs: list[list[tuple[int, int, str]]] = []
    counted: set[str] = set()
    for toks, up in zip(tokens, upper):
        found: list[tuple[int, int, str]] = []
        for i, tok in enumerate(toks):
            prev = toks[i - 1] if i else None
            paired = up and prev is not None and tok.gap == " " and not prev.poss and _unknown(prev) and _unknown(tok) \
                and prev.key not in first_names() and not prev.key.endswith(("ing", "ed", "ly"))
            if paired and prev is not None and f"{prev.key} {tok.key}" not in gazetteer().places \
                    and place_key(f"{prev.key} {tok.key}") not in geo().keys:  # not "COSTA RICA"
                found.append((prev.start, tok.end, tok.key))
            elif tok.key.isalpha() and len(tok.key) >= 4:
                alone[tok.key] = alone.get(tok.key, 0) + 1
            if prev is not None and prev.key.isdigit():
                counted.add(tok.key)  # "124 TAKEOFFS": a thing counted, not a name
        pairs.append(found)
    return [[(s, e) for s, e, surname in found if alone.get(surname) and surname not in counted] for found in pairs]
