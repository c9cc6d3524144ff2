"""People: names after titles or given names, aliases, and surname-only mentions.

* A title (``President``, ``Attorney General``, ``Poloff``, ``FM``, ``U.S.
  Citizen,``) or a lower-case role noun (``his assistant``) followed by
  capitalised words: the words are the name, the title is left out.
* A known given name followed by capitalised words (``Maria Guadalupe Morfin Otero``).
* A second name joined by "and" or a comma to a found one (``Joe Petrosinelli
  and Atiba Adams``).
* ``a.k.a. "Sony"``: an alias, linked to the name before it.
* Later mentions of a surname (or of a one-word name found after a title) are
  linked to the full name through ``canonical``.
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter
from functools import lru_cache

from .ent_acronyms import CONNECTORS
from .ent_data import (demonyms, first_names, gazetteer, is_common_word, is_inflected_word, known_acronyms, org_words, titles,
                       vocab)
from .ent_text import Token, capitalised

PARTICLES = frozenset("de da do dos das del van von bin bint al el la le di du y ibn abu".split())
_NAME_STOP = frozenset(
    """the a an this that these those in on at by for with from and or but of to said says told
    embassy government ministry post mission according telecon telcon memcon email e-mail""".split()
)
_ALIAS = re.compile(r"\b(?:a\.k\.a\.?|aka|alias)\s*[\"“']?([A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3})[\"”']?")
_ROUTING = frozenset("amconsul amembassy secstate usmission washdc dept priority immediate routine southcom centcom eucom pacom".split())
_ROUTING_RE = re.compile(r"^(?:RUE|RHE|RHM|RUZ|RUC|RUF)[A-Z]{2,}$")
_ROLE_COMMA = frozenset({"citizen", "citizens", "national", "nationals"})
_END = attrgetter("end")
_MONTHS = frozenset("""january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""".split())


@dataclass(slots=True)
class PersonSpan:
    """A PERSON candidate; ``full`` is True for a name found by title/given name (not a link)."""

    start: int
    end: int
    text: str
    canonical: str | None = None
    full: bool = True


_STOPS: set[str] = set()


def _is_name_token(tok: Token, upper: bool) -> bool:
    if not _STOPS:
        _STOPS.update(_NAME_STOP, titles().head_last, org_words().heads)
    if tok.key in _STOPS:
        return False
    if upper:
        return not is_common_word(tok.key) and len(tok.text) > 1
    return tok.cap and not (tok.upper and len(tok.text) > 1)


def _name_at(tokens: list[Token], i: int, upper: bool, min_tokens: int = 1) -> int | None:
    """Index of the last token of a name starting at ``i`` (initials and particles allowed)."""
    if i >= len(tokens) or not _is_name_token(tokens[i], upper) or tokens[i].key in PARTICLES \
            or upper and is_inflected_word(tokens[i].key):  # "SECRETARY GENERAL PRUDENTLY HAS"
        return None
    if len(tokens[i].text) == 1 and not tokens[i + 1 : i + 2]:
        return None
    last = i
    count = 1
    k = i + 1
    while k < len(tokens) and count < 5 and not tokens[k - 1].poss:
        tok, gap = tokens[k], tokens[k].gap
        initial_gap = len(tokens[k - 1].text) == 1 and gap in (". ", ".")
        if not (gap in (" ", "-") or initial_gap):
            break
        if tok.key in PARTICLES and (not tok.cap or upper) and k + 1 < len(tokens) and _is_name_token(tokens[k + 1], upper):
            k += 1
            continue
        if not _is_name_token(tok, upper) or upper and is_inflected_word(tok.key):
            break
        if tok.key in _MONTHS and k + 1 < len(tokens) and tokens[k + 1].key.isdigit():
            break  # "Nikulas Hannigan February 24": the date is not in the name
        last = k
        count += 1
        k += 1
    if len(tokens[last].text) == 1:  # a trailing initial is not a surname
        last -= 1
    if last < i or last - i + 1 < min_tokens:
        return None
    return last


@lru_cache(maxsize=1)
def _head_lengths() -> dict[str, tuple[int, ...]]:
    """Last word of a title → the title lengths (in tokens) ending with it, longest first."""
    out: dict[str, set[int]] = {}
    for head in titles().heads:
        out.setdefault(head[-1], set()).add(len(head))
    return {w: tuple(sorted(n, reverse=True)) for w, n in out.items()}


def _title_end(tokens: list[Token], i: int, upper: bool) -> int | None:
    """If a title ends at token ``i``, the index where the name may start, else None."""
    t = titles()
    tok = tokens[i]
    if tok.key not in t.head_last and tok.key not in t.roles:
        return None
    for n in _head_lengths().get(tok.key, ()):  # longest first, as titles() allows
        if n > i + 1:
            continue
        seq = tokens[i - n + 1 : i + 1]
        if tuple(x.key for x in seq) in t.heads and (upper or seq[0].cap or len(seq[0].text) <= 3):
            if n > 1 and not all(x.gap in (" ", "/", "-") for x in seq[1:]):
                continue
            return i + 1
    if tok.key in t.roles and not tok.cap:
        return i + 1
    return None


def _plausible(seq: list[Token]) -> bool:
    """A found name is not a place, a nationality, an ordinary word or routing text."""
    places = gazetteer().places
    if " ".join(t.key for t in seq) in places:
        return False
    if len(seq) >= 2 and " ".join(t.key for t in seq[-2:]) in places:
        return False
    if seq[-1].key in places and seq[0].key not in first_names():
        return False  # "Vargas Brazil"; but "Manuel Montenegro" is a name
    known = known_acronyms()
    dem = demonyms()
    if any(t.text in known or t.key in _ROUTING or _ROUTING_RE.match(t.text) for t in seq):
        return False
    return not all(is_common_word(t.key) or t.key in dem for t in seq)


def _skip_office(tokens: list[Token], i: int, upper: bool) -> int:
    """After "Minister of", skip the office's ordinary words ("Foreign Affairs"; in capitals a list,
    "DEVELOPMENT, INDUSTRY, AND COMMERCE"); the name's index."""
    j = i + 1
    if j < len(tokens) and tokens[j].key == "the":
        j += 1
    k = j
    while k < len(tokens) and k - j < 6 and is_common_word(tokens[k].key) and tokens[k].key not in first_names() \
            and (upper or tokens[k].cap or tokens[k].key in ("and", "of", "for")) \
            and (tokens[k].gap == " " or upper and k > j and tokens[k].gap == ", " and _listed_on(tokens, k)):
        k += 1
    return k if k > j else i


def _listed_on(tokens: list[Token], k: int) -> bool:
    """Token ``k`` after a comma goes on a list of office words that ``and`` closes within three words."""
    return any(t.key == "and" for t in tokens[k : k + 3])


def _after_aside(tokens: list[Token], start: int) -> int:
    """After a title, a bracketed aside of six words at most is skipped: the index of the word after it."""
    if tokens[start].gap != " (":
        return start
    for k in range(start + 1, min(start + 7, len(tokens))):
        if tokens[k].gap.startswith(")"):
            return k if tokens[k].gap == ") " else start
        if tokens[k].gap not in (" ", ", ", "-"):
            break
    return start


@lru_cache(maxsize=1)
def _triggers() -> frozenset[str]:
    t = titles()
    return t.head_last | t.roles


@lru_cache(maxsize=1)
def _openers() -> frozenset[str]:
    return _triggers() | first_names()


def find_persons(tokens: list[Token], text: str, upper: bool) -> list[PersonSpan]:
    """Full names (and aliases) in one paragraph."""
    t = titles()
    names = first_names()
    out: list[PersonSpan] = []
    taken_until = -1
    triggers = _triggers()
    openers = _openers()
    i = 0  # the next token a name may start at
    for c in [j for j, x in enumerate(tokens) if x.key in openers]:  # titles, roles, given names
        if c < i:
            continue
        i = c
        tok = tokens[i]
        start = _title_end(tokens, i, upper) if tok.key in triggers and not tok.poss else None
        if start is not None and start < len(tokens) and i > taken_until:
            start = _after_aside(tokens, start)  # "VICE-PRESIDENT (AND ALSO DEFMIN) ALENCAR"
            nxt = tokens[start]
            role = tok.key in t.roles and not tok.cap
            gap_ok = nxt.gap in (" ", ") ") or (nxt.gap == ". " and len(tok.text) <= 4) or (nxt.gap == ", " and tok.key in _ROLE_COMMA)
            if gap_ok and not role and nxt.key in ("of", "for"):
                start = _skip_office(tokens, start, upper)  # "Minister of Foreign Affairs Gisladottir"
                nxt = tokens[start] if start < len(tokens) else nxt
                gap_ok = start < len(tokens) and nxt.gap == " "
            while gap_ok and start < len(tokens) - 1 and _title_end(tokens, start, upper) == start + 1 and tokens[start].cap \
                    and not tokens[start].poss:
                start += 1  # "Governor Mallam Ibrahim Shekarau", "Dr. ..."
                nxt = tokens[start]
            last = _name_at(tokens, start, upper, 2 if role else 1) if gap_ok else None
            if last is not None and _plausible(tokens[start : last + 1]):
                out.append(PersonSpan(tokens[start].start, tokens[last].end, text[tokens[start].start : tokens[last].end]))
                taken_until = last
                i = last + 1
                continue
        if i > taken_until and tok.key in names and (tok.cap and not tok.upper or upper and not is_common_word(tok.key)):
            last = _name_at(tokens, i, upper, 2)
            if last is not None and _plausible(tokens[i : last + 1]):
                out.append(PersonSpan(tok.start, tokens[last].end, text[tok.start : tokens[last].end]))
                taken_until = last
                i = last + 1
                continue
    out.extend(_coordinated(tokens, text, out, upper))
    has_alias = "aka" in text or "a.k.a" in text or "alias" in text  # words _ALIAS needs
    for m in _ALIAS.finditer(text) if has_alias else ():
        before = [p for p in out if p.end <= m.start()]
        canonical = before[-1].text if before else None
        out.append(PersonSpan(m.start(1), m.end(1), m.group(1), canonical=canonical))
    return out


def _coordinated(tokens: list[Token], text: str, found: list[PersonSpan], upper: bool) -> list[PersonSpan]:
    """Names joined to a found name by "and" or a comma: "Joe Petrosinelli and Atiba Adams"."""
    if not found:
        return []
    places = gazetteer().places
    by_end = {p.end: p for p in found}
    extra: list[PersonSpan] = []
    # The tokens ending a found name, in order (names found here join the queue).
    queue = [i for i in (bisect_left(tokens, e, key=_END) for e in by_end) if i < len(tokens) and tokens[i].end in by_end]
    heapq.heapify(queue)
    visited: set[int] = set()
    while queue:
        idx = heapq.heappop(queue)
        if idx in visited:
            continue
        visited.add(idx)
        tok = tokens[idx]
        if tok.end not in by_end or idx + 1 >= len(tokens):
            continue
        j = idx + 1
        if tokens[j].key in ("and", "or") and tokens[j].gap == " " and (upper or not tokens[j].cap):
            j += 1
        elif tokens[j].gap != ", ":
            continue
        if j >= len(tokens) or tokens[j].gap != " " and j != idx + 1:
            continue
        last = _name_at(tokens, j, upper, 2)
        if last is None or last - j > 2 or any(x.key in places or is_common_word(x.key) for x in tokens[j : last + 1]):
            continue
        if upper and not all(_unknown_word(x) or x.key in first_names() for x in tokens[j : last + 1]):
            continue
        span = PersonSpan(tokens[j].start, tokens[last].end, text[tokens[j].start : tokens[last].end])
        extra.append(span)
        by_end[span.end] = span
        heapq.heappush(queue, last)
    return extra


def surname_variants(name: str) -> list[str]:
    """How a full name may be shortened: last word, last two words, the paternal surname."""
    words = name.split()
    if len(words) < 2:
        return [name]
    out = [words[-1]]
    if len(words) >= 3:
        out.append(" ".join(words[-2:]))
        out.append(words[-2])
    places = gazetteer().places
    dem = demonyms()
    keep = []
    for w in out:
        k = w.lower()
        if len(w) > 2 and k not in CONNECTORS and (k not in places or " " not in k) and k not in dem and not is_common_word(k):
            keep.append(w)
    return keep


def _unknown_word(tok: Token) -> bool:
    return (
        len(tok.text) > 1
        and tok.key not in vocab()
        and tok.key not in gazetteer().places
        and tok.key not in titles().head_last
        and tok.text not in known_acronyms()
        and not is_inflected_word(tok.key)
    )


def mention_index(known: dict[str, str]) -> dict[str, list[tuple[list[str], str]]]:
    """``known`` (surname variant → full name) keyed by the variant's first word, longest first.

    Built once per cable and passed to :func:`link_mentions` for each paragraph.
    """
    by_first: dict[str, list[tuple[list[str], str]]] = {}
    for variant, canonical in known.items():
        parts = [p.lower() for p in _VARIANT_WORDS.findall(variant)]
        by_first.setdefault(parts[0], []).append((parts, canonical))
    return {w: sorted(c, key=lambda c: -len(c[0])) for w, c in by_first.items()}


_VARIANT_WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def link_mentions(
    tokens: list[Token],
    text: str,
    known: dict[str, str],
    taken: list[tuple[int, int]],
    upper: bool,
    index: dict[str, list[tuple[list[str], str]]] | None = None,
    caps: list[int] | None = None,
) -> list[PersonSpan]:
    """Mentions of known surnames/one-word names not inside a found name → linked spans.

    ``index`` is :func:`mention_index` of ``known`` (computed here when not given);
    ``caps`` is :func:`ent_text.capitalised` of ``tokens``, when the caller has it.
    """
    out: list[PersonSpan] = []
    if not known:
        return out
    by_first = mention_index(known) if index is None else index
    if upper:
        positions: Sequence[int] = range(len(tokens))
    else:
        positions = capitalised(tokens) if caps is None else caps
    overlaps = _Overlaps(taken)
    for i in [j for j in positions if tokens[j].text.lower() in by_first]:
        tok = tokens[i]
        cands = by_first[tok.text.lower()]
        if not cands:
            continue
        if upper and is_common_word(tok.key):
            continue
        for parts, canonical in cands:
            seq = tokens[i : i + len(parts)]
            if [x.text.lower() for x in seq] != parts or any(x.gap not in (" ", "-") for x in seq[1:]):
                continue
            s, e = seq[0].start, seq[-1].end
            if i and tokens[i - 1].key in PARTICLES and tokens[i].gap in (" ", "-") and (upper or not tokens[i - 1].cap or
                                                                                   tokens[i].gap == "-"):
                s = tokens[i - 1].start  # "DE KLERK", "van der Berg": the particle is part of the surname
            if overlaps(s, e):
                break
            j = i
            while upper and j > 0 and i - j < 2 and tokens[j].gap == " " and _unknown_word(tokens[j - 1]):
                j -= 1  # "ERLA OSK ARNARDOTTIR": given names no list knows, in capitals
            if j < i:
                s = tokens[j].start
                canonical = text[s:e]
            out.append(PersonSpan(s, e, text[s:e], canonical=canonical, full=j < i))
            taken.append((s, e))
            overlaps.add(e)
            break
    return out


class _Overlaps:
    """``(s, e)`` starts or ends inside a taken span (``a <= s < b or a < e <= b``), answered in
    O(log n) instead of a scan of every taken span (a cable naming "Mr. Smith" 10,000 times
    took minutes: the scan made linking quadratic).

    The spans taken before the loop are sorted by start with running maxima of their ends;
    the spans the loop adds start at or before any later candidate (tokens are visited in
    order), so for those only the greatest end matters.
    """

    def __init__(self, taken: list[tuple[int, int]]) -> None:
        spans = sorted(taken)
        self.starts = [a for a, _ in spans]
        self.max_end: list[int] = []
        top = -1
        for _, b in spans:
            top = max(top, b)
            self.max_end.append(top)
        self.added_end = -1

    def add(self, end: int) -> None:
        """A span the loop took (its start is at or before every later candidate's)."""
        self.added_end = max(self.added_end, end)

    def __call__(self, s: int, e: int) -> bool:
        if s < self.added_end:
            return True
        k = bisect_right(self.starts, s)  # spans with a <= s: does one end after s?
        if k and self.max_end[k - 1] > s:
            return True
        k = bisect_left(self.starts, e)  # spans with a < e: does one end at or after e?
        return bool(k) and self.max_end[k - 1] >= e

