"""Organisations named beside their kind: ``two carriers - VARIG and VASP``, ``TAM, GOL, AND
BRA - ALL WELL-RUN AIRLINES``, ``the newspaper Dawn``, ``banks such as Barclays and Lloyds``.

No list knows most airlines, newspapers or local parties, and in capitals case says nothing,
but the kind written beside a name does. :func:`kind_named_orgs` returns the spans and the
names, so the extractor can find the same names everywhere else in the cable (``VARIG'S
DEBT``: the airline, not a person with a possessive).

A press review names its papers the same way: after a quoted headline (``"Hue and Cry Over ..."
(Islam)``), before ``editorial`` (``The English Daily Times editorial``) and after ``English
language`` (``English language Dawn suggested``); a language or demonym before the name is not in it.
"""

from __future__ import annotations

import re

from .ent_data import demonyms, gazetteer, is_common_word, is_inflected_word, known_acronyms
from .ent_text import Token

# The kind, in the plural (before or after a list of names) and in the singular (before one name).
PLURAL_KINDS = frozenset(
    """airlines carriers companies firms banks newspapers dailies broadcasters channels parties ngos
    militias cartels""".split()
)
SINGULAR_KINDS = frozenset("airline carrier newspaper daily firm channel broadcaster militia cartel".split())
_KINDS = PLURAL_KINDS | SINGULAR_KINDS
# A quick test before the tokens: plain substrings (a case-insensitive regex cost 6 % of extraction).
_GATE = tuple(w for k in ("irline", "arrier", "ompanies", "irm", "anks", "ewspaper", "ailies", "aily", "roadcaster",
                          "hannel", "arties", "NGO", "ilitia", "artel") for w in (k, k.upper()))
_INTRODUCERS = frozenset("such as including like namely".split())  # "banks such as HSBC": skipped
_COUNTS = frozenset("all both two three four five several other".split())  # "... - ALL WELL-RUN AIRLINES"
_LIST_GAPS = (" ", " - ", " -- ", ": ", " — ", " – ")
_NOT_NAMES = frozenset(
    """the a an its their his her our this that these those which who and or but is are was were has have had
    will would in on at of for to by with from as such""".split()
)


def _name_at(tokens: list[Token], i: int, upper: bool) -> int | None:
    """Index of the last token of a name starting at ``i``, or None."""
    tok = tokens[i]
    if tok.key in _NOT_NAMES or not tok.text[:1].isalpha() or len(tok.text) < 2:
        return None
    if upper:  # one word no list knows, and no country or well-known place
        if is_common_word(tok.key) or tok.key in gazetteer().places:
            return None
        return i
    if tok.upper:
        return None  # "banks such as RBS": an acronym stays one (the gold's convention)
    if not tok.cap or tok.sent:  # mid-sentence capitals name it, even an ordinary word ("the newspaper Dawn")
        return None
    last = i
    while last + 1 < len(tokens) and last - i < 2 and tokens[last + 1].gap == " " and tokens[last + 1].cap \
            and tokens[last + 1].key not in _NOT_NAMES and not tokens[last].poss:
        last += 1  # "Daily Times", "ABN Amro"
    return last


def _names_after(tokens: list[Token], j: int, upper: bool, single: bool) -> list[tuple[int, int]]:
    """Names listed from token ``j``: ``X``, ``X and Y``, ``X, Y, and Z`` (token index ranges)."""
    out: list[tuple[int, int]] = []
    n = len(tokens)
    while j < n:
        last = _name_at(tokens, j, upper)
        if last is None:
            break
        out.append((j, last))
        if single or last + 1 >= n or tokens[last].poss:
            break
        nxt = tokens[last + 1]
        if nxt.key == "and" and last + 3 < n and tokens[last + 2].key == "or" and tokens[last + 2].gap == "/" \
                and tokens[last + 3].gap == " ":
            single = True  # "LOCAL CARRIERS GOL AND/OR TAM"
            j = last + 3
        elif nxt.key == "and" and nxt.gap in (" ", ", ") and last + 2 < n and tokens[last + 2].gap == " ":
            single = True  # the name after "and" ends the list ("..., and Merck, Sharp & Dohme")
            j = last + 2
        elif nxt.gap == ", ":
            j = last + 1
        else:
            break
    return out


def _names_before(tokens: list[Token], k: int, upper: bool) -> list[tuple[int, int]]:
    """Single-word names listed just before ``- ALL ... AIRLINES`` (``k``: the kind word)."""
    j = k
    while j > 0 and k - j < 4 and tokens[j].gap in (" ", "-"):
        j -= 1
    if j == 0 or j == k or tokens[j].gap.strip() not in ("-", "--", ",", "—", "–") or tokens[j].key not in _COUNTS:
        return []  # "X, Y, AND Z - ALL ... AIRLINES", not "Labor and State, NGOs"
    out: list[tuple[int, int]] = []
    i = j - 1
    while i >= 0:
        if _name_at(tokens, i, upper) != i:
            break
        out.append((i, i))
        gap = tokens[i].gap
        if i >= 2 and tokens[i - 1].key == "and" and gap == " " and tokens[i - 1].gap in (" ", ", "):
            i -= 2
        elif gap == ", " and i >= 1:
            i -= 1
        else:
            break
    return out[::-1] if len(out) >= 2 else []


def _article_before(tokens: list[Token], k: int, upper: bool) -> bool:
    """``the`` or ``a`` before the kind word ``k``, with up to three modifiers between: ordinary
    words or demonyms (``THE AILING BRAZILIAN CARRIER VARIG``, ``the Dutch airline KLM``)."""
    nationalities = demonyms()
    i = k - 1
    while i >= 0 and k - i <= 4 and tokens[i + 1].gap in (" ", "-"):
        tok = tokens[i]
        if tok.key in ("the", "a"):
            return True
        ordinary = is_common_word(tok.key) or is_inflected_word(tok.key)  # "AILING"
        if tok.poss or tok.key in _NOT_NAMES or not (tok.key in nationalities or ordinary and (upper or not tok.cap)):
            return False
        i -= 1
    return False


def kind_named_orgs(tokens: list[Token], text: str, upper: bool) -> list[tuple[int, int, str]]:
    """ORG spans of names written beside their kind (see the module docstring)."""
    out: list[tuple[int, int, str]] = []
    if not any(w in text for w in _GATE):
        return out
    n = len(tokens)
    for k in [k for k, t in enumerate(tokens) if t.key in _KINDS]:
        tok = tokens[k]
        key = tok.key
        if key in PLURAL_KINDS:
            found = _names_before(tokens, k, upper)
            j = k + 1
            while j < n and tokens[j].key in _INTRODUCERS and tokens[j].gap == " ":
                j += 1  # "banks such as", not "NGOs, including" (what follows may be anything)
            if j < n and tokens[j].gap in _LIST_GAPS and not tok.poss:
                after = _names_after(tokens, j, upper, single=False)
                if len(after) >= 2 or j > k + 1 and after:
                    found += after
        elif key in SINGULAR_KINDS and k + 1 < n and tokens[k + 1].gap == " " and not tok.poss and _article_before(tokens, k, upper):
            found = _names_after(tokens, k + 1, upper, single=True)
        else:
            continue
        out.extend((tokens[a].start, tokens[b].end, "ORG") for a, b in found)
    return out


# "Hue and Cry Over Release of Dr. Khan" (Islam): a headline of five words or more closed by a quote, then the
# paper's name in brackets (a shorter quote then a bracket is a translation: "Zero Fome" (Zero Hunger))
_CITATION = re.compile(r"(?<=\S)[\"”] ?\(([A-Z][a-z][\w'’-]*(?: [A-Z][a-z][\w'’-]*){0,2})\)")
_HEADLINE_WORDS = 5
# "English language Dawn suggested": the paper, then what it said
_LANGUAGE_PAPER = re.compile(r"\b[A-Z][a-z]+[- ]language ((?:The )?[A-Z][a-z][\w'’-]*(?: [A-Z][a-z][\w'’-]*){0,2}) "
                             r"(?:suggested|reported|wrote|said|says|argued|noted|claimed|stated|commented|editorial)")
# "The English Daily Times editorial", "Semana Magazine's editorial"
_EDITORIAL = re.compile(r"\b(?:[Tt]he ((?:[A-Z][a-z][\w-]* ){1,3})|((?:[A-Z][a-z][\w-]* ){0,2}[A-Z][a-z][\w-]*)['’]s )"
                        r"editorial\b")


def _headline(text: str, quote_at: int) -> bool:
    opening = max(text.rfind('"', 0, quote_at), text.rfind("“", 0, quote_at))
    return opening >= 0 and len(text[opening + 1 : quote_at].split()) >= _HEADLINE_WORDS


def press_named_orgs(text: str, upper: bool) -> list[tuple[int, int, str]]:
    """ORG spans of papers a press review cites (see the module docstring); mixed-case text only."""
    # each pattern only where its literal is (a quote before a bracket, "language", "editorial"): the scans
    # of every word boundary cost ~4 % of extraction when run on every paragraph with a bracket
    cited = "(" in text and ('"' in text or "”" in text)
    if upper or not (cited or "language" in text or "editorial" in text):
        return []
    places = gazetteer().places
    spans = [m.span(1) for m in _CITATION.finditer(text) if _headline(text, m.start())] if cited else []
    if "language" in text:
        spans += [m.span(1) for m in _LANGUAGE_PAPER.finditer(text)]
    if "editorial" in text:
        spans += [m.span(1) if m.group(1) else m.span(2) for m in _EDITORIAL.finditer(text)]
    out: list[tuple[int, int, str]] = []
    for start, end in spans:
        end = start + len(text[start:end].rstrip())
        words = text[start:end].split()
        while words and (words[0] in ("The", "A") or words[0].lower() in demonyms()):
            start += len(words.pop(0)) + 1  # "The English Daily Times": the paper is "Daily Times"
        name = " ".join(words)
        if not words or name.lower() in places or name in known_acronyms() or len(words) == 1 and is_common_word(name.lower()):
            continue
        out.append((start, end, "ORG"))
    return out
