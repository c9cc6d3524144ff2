"""Places from the derived gazetteer (``geo.txt``), matched the way cables spell them.

:func:`find_places` complements :func:`ent_names.find_locations` (the hand lists,
exact spellings) with:

* the cities and first-level subdivisions of ``geo.txt`` (see ``tools/build_places.py``),
  looked up by :func:`ent_data.place_key`, so ``Sana'a``/``SANAA``/``San'a``,
  ``al-Hudaydah``/``Hudayda`` and ``Ta'izz``/``Taiz`` are found whatever the
  transliteration; an ``al-``/``Al ``/``Ash`` article before the name is part of
  the span;
* tier ``A`` names wherever they are capitalised; tier ``B`` names (towns), names that
  are also given names or ordinary words, and any name in an all-capitals paragraph
  only in a place context: after ``in``/``from``/``near``..., before
  ``governorate``/``province``/``district``..., after ``the town of``, or beside
  another place in a list;
* names no list knows, by context alone: ``Xyz governorate``, ``the village of Xyz``;
* airports by name in mixed case (:func:`find_airports`): ``Maputo International Airport``
  (in capitals, ``AT THE AIRPORT`` cannot be told from a name).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .ent_data import (ARTICLES, demonyms, first_names, geo, is_common_word, known_acronyms, org_words, place_key, titles,
                       vocab)
from .ent_text import Token

PREPS = frozenset("in to from at near into through via across toward towards outside inside within around between".split())
SUFFIXES = frozenset(
    """governorate governorates province provinces district districts region municipality state city town village
    villages area county emirate wilaya wilayat oblast prefecture department camp""".split()
)
# "the town of X", "the governorate of X": X is a place.
OF_NOUNS = frozenset("town city village governorate province district region municipality emirate wilaya capital port".split())
_CONNECT = frozenset({"al", "el", "as", "ash", "ad", "ar", "at", "az", "an", "bin", "bani", "abu", "de", "del", "la", "of"})
_FUNCTION = frozenset("""the a an this that these those his her its their our during after before since while when
    if as but and or for by with on of both all many some most each every""".split())
_FIRST_KEYS: dict[str, int] = {}  # token key → may open a place, 0/1/2 (the words repeat; kept small)
_LIST_GAPS = frozenset({", ", ",", " and ", ", and ", " or ", "/", " & "})


_key = place_key  # remembered (names repeat within and across cables)


@lru_cache(maxsize=1)
def _not_alone() -> frozenset[str]:
    """Words that are a place only in context: given names, titles, organisation words."""
    t = titles()
    ow = org_words()
    return frozenset(first_names() | t.head_last | t.roles | ow.heads | ow.firsts | ow.alone | SUFFIXES | OF_NOUNS)


_CONTEXT_BEFORE = PREPS | ARTICLES | {"of", "and", "or"}


def _capital(tok: Token, upper: bool) -> bool:
    if upper:
        return tok.text[:1].isalpha()
    return tok.cap and not (tok.upper and len(tok.text) > 1)


def _context_before(tokens: list[Token], i: int, placed: list[tuple[int, int, str]], upper: bool = False) -> bool:
    if i == 0:
        return False
    prev = tokens[i - 1]
    # a capitalised preposition mid-sentence opens a name ("Out In Africa"), except in capitals, where all are
    if prev.key in PREPS and (upper or not (prev.cap and not prev.sent)) and tokens[i].gap in (" ", "\n"):
        return not (prev.key == "to" and i >= 2 and tokens[i - 2].key == "according")
    if prev.key == "of" and i >= 2 and tokens[i - 2].key in OF_NOUNS:
        return True
    if prev.key in ("and", "or") and i >= 2 and placed and placed[-1][1] == tokens[i - 2].end:
        return True  # "Taiz and Ibb"
    gap = tokens[i].gap
    return gap in _LIST_GAPS and bool(placed) and placed[-1][1] == prev.end


def _in_longer_name(tokens: list[Token], first: int, last: int) -> bool:
    """True when a one-word match is only a piece of a longer capitalised name."""
    if first and tokens[first].gap in (" ", "-") and tokens[first - 1].cap and not tokens[first - 1].upper \
            and tokens[first - 1].key not in PREPS and tokens[first - 1].key not in _FUNCTION and not tokens[first - 1].poss:
        return True
    if last + 1 < len(tokens):
        nxt = tokens[last + 1]
        if nxt.gap in (" ", "-") and nxt.cap and not nxt.upper and nxt.key not in SUFFIXES and not tokens[last].poss:
            return True
    return False


_ELIDED = ("d'", "d’", "l'", "l’")  # "Cote d'Ivoire", "Val d’Oise": an elided article, then the name


def _match_at(tokens: list[Token], start: int, upper: bool) -> tuple[int, str, str] | None:
    """The longest gazetteer name starting at token ``start``: (last token index, canonical, tier)."""
    g = geo()
    best = None
    text = ""
    n = len(tokens)
    for j in range(start, min(n, start + g.max_tokens + 1)):
        tok = tokens[j]
        if j > start:
            if tok.gap not in (" ", "-") or tokens[j - 1].poss:
                break
            if not (_capital(tok, upper) or tok.key in _CONNECT or tok.text[:2] in _ELIDED and tok.text[2:3].isupper()):
                break
            text += tok.gap
        text += tok.text
        if tok.key in _CONNECT and j > start:
            continue
        hit = g.keys.get(_key(text))
        if hit is not None:
            best = (j, hit[0], hit[1])
    return best


def find_places(tokens: list[Token], text: str, upper: bool, caps: list[int] | None = None) -> list[tuple[int, int, str]]:
    """LOCATION spans from ``geo.txt`` and from place context (see the module docstring)."""
    out: list[tuple[int, int, str]] = []
    n = len(tokens)
    firsts = geo().firsts
    cache = _FIRST_KEYS
    if len(cache) > 200_000:
        cache.clear()
    if upper:  # in capitals every place needs a context: look only there
        positions: Iterable[int] = [
            j for j in range(n) if j and (tokens[j - 1].key in _CONTEXT_BEFORE or tokens[j].gap in _LIST_GAPS)
            or j + 1 < n and tokens[j + 1].key in SUFFIXES]
    else:
        positions = range(n) if caps is None else caps
    candidates = []
    for i in positions:
        k = tokens[i].key
        ok = cache.get(k)
        if ok is None:  # 1: a place's first word (not an ordinary one), or an article; 2: an ordinary word that
            # opens a place's name ("WESTERN CAPE": a candidate when the name goes on); 0: neither
            first_word = place_key(k) in firsts
            ok = cache[k] = 1 if k in ARTICLES or first_word and not is_common_word(k) else 2 if first_word else 0
        if ok == 1 or i + 1 < n and (ok == 2 and (upper or tokens[i + 1].cap or tokens[i + 1].gap == "-") or tokens[i + 1].key in SUFFIXES) \
                or i >= 2 and tokens[i - 2].key in OF_NOUNS:
            candidates.append(i)  # a place's first word, before "governorate", after "the town of"
    if not candidates:
        return out
    done = -1
    not_alone = _not_alone()
    for i in candidates:
        if i <= done:
            continue
        tok = tokens[i]
        if not _capital(tok, upper) or len(tok.text) < 3 and tok.key not in ARTICLES:
            continue
        first = i
        if tok.key in ARTICLES:  # "Al Anbar", "AL-HUDAYDAH", "As-Sulaymaniyah"
            if i + 1 >= n or tokens[i + 1].gap not in (" ", "-") or not _capital(tokens[i + 1], upper):
                continue
            if tokens[i + 1].gap != "-" and tok.key not in ("al", "el"):
                continue  # "As Afghanistan transitions ...": an English word
            i += 1
        elif i and tokens[i - 1].key in ARTICLES and tok.gap == "-" and not tokens[i - 1].cap:
            first = i - 1  # "al-Anbar"
        hit = _match_at(tokens, i, upper)
        if is_common_word(tokens[i].key) and i == first and not (hit and hit[0] > i) \
                and (upper or cache.get(tokens[i].key) != 1):
            if upper or not (i + 1 < n and tokens[i + 1].key in SUFFIXES or i >= 2 and tokens[i - 2].key in OF_NOUNS):
                continue  # an ordinary word alone is no place ("WESTERN CAPE" goes on; "WESTERN" alone does not)
        last = hit[0] if hit else i
        nxt = tokens[last + 1] if last + 1 < n else None
        if hit is None:
            # no list knows it: "Xyz governorate", "the village of Xyz"
            last = i
            while last + 1 < n and last - i < 2 and tokens[last + 1].gap == " " and _capital(tokens[last + 1], upper) \
                    and tokens[last + 1].key not in SUFFIXES:
                last += 1
            nxt = tokens[last + 1] if last + 1 < n else None
            by_suffix = nxt is not None and nxt.key in SUFFIXES - {"state", "city", "area", "camp", "department"} \
                and nxt.gap == " " and not tokens[last].poss
            by_of = i >= 2 and tokens[i - 1].key == "of" and tokens[i - 2].key in OF_NOUNS and not tokens[i - 2].cap
            words = tokens[i : last + 1]
            if not (by_suffix or by_of) or any(is_common_word(w.key) or w.key in not_alone or w.key in demonyms() for w in words):
                continue
            if upper and not by_suffix:
                continue
            if by_of and not by_suffix:
                last = i  # one word after "the town of"
                nxt = tokens[i + 1] if i + 1 < n else None
        else:
            tier = hit[2]
            single = last == i
            if single and tokens[i].key in demonyms():
                continue  # "the Somali situation"
            if not upper and single and _in_longer_name(tokens, first, last):
                continue  # "San Nicholas", "Nord Stream", "Atef Obeid", "Guantanamo Bay"
            needs_context = tier == "B" or upper or single and (
                tokens[i].key in not_alone or is_common_word(tokens[i].key))
            if not upper and single and tokens[i].sent and is_common_word(tokens[i].key):
                needs_context = True
            if upper and single and (vocab().get(tokens[i].key, 0) >= 5 or tokens[i].text in known_acronyms()):
                needs_context = not (nxt is not None and nxt.key in SUFFIXES)  # "IN THE BAY", "TO FAA": no place
                if needs_context:
                    continue
            if needs_context:
                has_suffix = nxt is not None and nxt.key in SUFFIXES and nxt.gap == " " and not tokens[last].poss
                if not (has_suffix or _context_before(tokens, first, out, upper)):
                    continue
        end = tokens[last].end
        if nxt is not None and nxt.key in SUFFIXES and nxt.gap == " " and (nxt.cap or upper) and not tokens[last].poss \
                and not nxt.key.endswith("s"):  # "LIMPOPO AND MPUMALANGA PROVINCES": the plural names no one place
            end = nxt.end  # "Ibb Governorate", "KANO STATE"
            last += 1
        out.append((tokens[first].start, end, "LOCATION"))
        done = last
    return out


_AIRPORT = re.compile(r"\b((?:[A-Z][\w'’-]*[ -]){1,4})(Airport|Airfield|Air Base)\b")
_NOT_IN_NAME = frozenset("the a an at in to from near of and via by into this that his her their its".split())


def find_airports(text: str) -> list[tuple[int, int, str]]:
    """``Maputo International Airport``, ``Bagram Airfield``, ``Incirlik Air Base``: a place, the
    capitalised words before the word (a leading ``The``/``At`` ... left out)."""
    out: list[tuple[int, int, str]] = []
    if "Airport" not in text and "Air" not in text:
        return out
    for m in _AIRPORT.finditer(text):
        start = m.start()
        for word in m.group(1).split(" "):
            if word.lower() not in _NOT_IN_NAME:
                break
            start += len(word) + 1
        if start < m.start(2):
            out.append((start, m.end(), "LOCATION"))
    return out
