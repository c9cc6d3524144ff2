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
    pairs: list[list[tuple[int, int, str]]] = [[] for _ in tokens]
    surnames: set[str] = set()
    for n, (toks, up) in enumerate(zip(tokens, upper)):
        if not up:
            continue
        for i in range(1, len(toks)):
            prev, tok = toks[i - 1], toks[i]
            if tok.gap == " " and not prev.poss and _unknown(prev) and _unknown(tok) and prev.key not in first_names() \
                    and not prev.key.endswith(("ing", "ed", "ly")) and f"{prev.key} {tok.key}" not in gazetteer().places \
                    and place_key(f"{prev.key} {tok.key}") not in geo().keys:  # not "COSTA RICA"
                pairs[n].append((prev.start, tok.end, tok.key))
                surnames.add(tok.key)
    if not surnames:
        return [[] for _ in tokens]
    alone: set[str] = set()  # written without the word before it being part of a pair
    counted: set[str] = set()  # "124 TAKEOFFS": a thing counted, not a name
    for n, toks in enumerate(tokens):
        paired_ends = {e for _, e, _ in pairs[n]}
        for i, tok in enumerate(toks):
            if tok.key in surnames:
                if tok.end not in paired_ends:
                    alone.add(tok.key)
                if i and toks[i - 1].key.isdigit():
                    counted.add(tok.key)
    return [[(s, e) for s, e, surname in found if surname in alone and surname not in counted] for found in pairs]
