"""Entities in a cable: people, organisations, acronyms, places, dates, money, references.

``extract_entities(paragraphs)`` takes the paragraphs of one cable (``Paragraph``
objects or plain strings, in order) and returns :class:`Entity` objects whose
offsets index each paragraph's text. ``glossary(entities)`` maps each defined
acronym to its expansion. Pure functions: no I/O beyond the bundled word lists.

How it works, in short (details in the ``ent_*`` modules):

1. Each paragraph is tokenised; a paragraph written in capitals is handled
   conservatively (acronyms only when known, defined in the cable, vowel-less or
   ``GO?``; places from the gazetteer minus ordinary words; people only after a
   title or a given name; no capitalisation-based organisation runs).
2. Acronym definitions are collected over the whole cable first, so a
   definition after the first use still expands every mention.
3. Pattern finders (dates, money, ...), acronyms, people, organisations, places
   and laws propose spans; overlaps are resolved longest first, then by type
   priority (a PERSON beats a LOCATION on the same words: ``Montenegro``).
4. Surname-only mentions are linked to the full name (``canonical``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from operator import itemgetter

from . import ent_acronyms as acr
from . import ent_patterns as pat
from .ent_canonical import RawEntity, canonicalise
from .ent_address import address_entities
from .ent_appositive import definitions_in
from .ent_context import (contact_persons, context_orgs, hyphen_given_persons, particle_persons, possessive_persons,
                          ref_line_persons, unknown_name_persons)
from .ent_data import first_names, gazetteer, is_common_word, known_acronyms, org_words
from .ent_kinds import kind_named_orgs, press_named_orgs
from .ent_learned import NameBook, org_short_forms
from .ent_upper_orgs import capitals_short_forms
from .ent_names import find_locations, find_orgs, long_form_type
from .ent_places import find_airports, find_places
from .ent_repeated import repeated_name_persons
from .ent_initials import with_initials
from .ent_persons import PersonSpan, find_persons, link_mentions, mention_index, surname_variants
from .ent_text import capitalised, is_upper_text, tokenize
from .model import Cable, Entity, Paragraph

TYPES = ("PERSON", "ORG", "ACRONYM", "LOCATION", "DATE", "MONEY", "PERCENT", "PHONE", "CABLE_REF", "LAW")
_PRIORITY = {
    "CABLE_REF": 9,
    "PHONE": 8,
    "MONEY": 8,
    "PERCENT": 7,
    "DATE": 6,
    "LAW": 6,
    "ORG": 5,  # a known organisation name beats a person's name on the same words
    "PERSON": 4.5,
    "LOCATION": 3,
    "ACRONYM": 1,
}
_MOU = re.compile(r"\bMemorandum of Understanding\b|\bMEMORANDUM OF UNDERSTANDING\b")
_SIGNATURE = re.compile(r"(?:^|[.!?]\s+)([A-Z][A-Za-z'’-]+(?: [A-Z][A-Za-z'’-]+)?)\s*$")

Span = tuple[int, int, str]
# span, type, and the mention (ACRONYM) or canonical name (PERSON), or (canonical, learned) for a NameBook name
Candidate = tuple[int, int, str, "str | tuple[str, bool] | None"]
_PATTERN_FINDERS = (pat.find_dates, pat.find_money, pat.find_percent, pat.find_phones, pat.find_laws, pat.find_cable_refs)
_DIGIT = re.compile(r"\d")  # every pattern entity has one
_START = itemgetter(0)


def _inputs(paragraphs: Sequence[Paragraph] | Sequence[str]) -> list[tuple[int, str, str]]:
    out = []
    for n, p in enumerate(paragraphs):
        if isinstance(p, Paragraph):
            out.append((p.index, p.text, p.kind))
        else:
            out.append((n, str(p), "body"))
    return out


def _resolve(spans: list[Candidate], size: int) -> list[Candidate]:
    """Keep non-overlapping spans, longest first, then by type priority, then leftmost."""
    by_start = sorted(spans, key=_START)
    end = -1
    for s, e, _, _ in by_start:
        if e <= s or s < end:
            break
        end = e
    else:
        return by_start  # nothing overlaps: every span is kept
    chosen: list[Candidate] = []
    occupied = bytearray(size + 1)
    for s, e, t, extra in sorted(spans, key=lambda x: (-(x[1] - x[0]), -_PRIORITY[x[2]], x[0])):
        if e <= s or occupied.find(1, s, e) != -1:
            continue
        chosen.append((s, e, t, extra))
        occupied[s:e] = b"\x01" * (e - s)
    chosen.sort(key=lambda x: x[0])
    return chosen


def _signature(text: str, kind: str, is_last: bool) -> tuple[int, int] | None:
    """The signing officer's name closing the cable ("JEFFREY", "... Lagos. SANDERS")."""
    if not (is_last or kind == "signature"):
        return None
    m = _SIGNATURE.search(text.strip())
    if not m:
        return None
    name = m.group(1)
    if name.upper() in acr.STRUCTURAL or name in known_acronyms() or len(name) < 3:
        return None
    folded = name.lower()
    if any(w in org_words().heads for w in folded.split()):
        return None  # "EMBASSY SANAA": the post, not its signing officer
    if folded in gazetteer().places or (is_common_word(folded) and kind != "signature") or folded.startswith("minimize"):
        return None
    if m.start(1) > 0 and not name.isupper():
        return None  # only an all-caps word can close a sentence-bearing paragraph
    offset = len(text) - len(text.lstrip())
    return offset + m.start(1), offset + m.end(1)


def _given_names(persons: list[list[PersonSpan]]) -> tuple[dict[str, str], dict[str, list[tuple[int, str]]]]:
    """Given name → the one full name of the cable that opens with it; and for a given name two
    full names open with, each paragraph where one of them is named, in order."""
    names: dict[str, set[str]] = {}
    where: dict[str, list[tuple[int, str]]] = {}
    for n, plist in enumerate(persons):
        for p in plist:
            words = p.text.split()
            if p.canonical is None and len(words) >= 2 and words[0].lower() in first_names() \
                    and not is_common_word(words[0].lower()):
                names.setdefault(words[0], set()).add(p.text)
                if not any(is_common_word(w.lower()) for w in words[1:]):  # not "Lula Remains" (a headline)
                    where.setdefault(words[0], []).append((n, p.text))
    unique = {given: next(iter(full)) for given, full in names.items() if len(full) == 1}
    return unique, {given: where[given] for given, full in names.items() if len(full) > 1 and given in where}


def _latest_names(shared: dict[str, list[tuple[int, str]]], n: int) -> dict[str, str]:
    """For given names two full names share (``GAMAL MUBARAK``, ``GAMAL ABDEL NASSER``): in paragraph
    ``n``, the full name last named in an earlier paragraph, the person a bare ``GAMAL`` then means
    (none before either is named, nor when the latest paragraph names both)."""
    out: dict[str, str] = {}
    for given, named in shared.items():
        before = [(k, full) for k, full in named if k < n]
        if before and len({full for k, full in before if k == before[-1][0]}) == 1:
            out[given] = before[-1][1]
    return out


_MONTH_ABBREVIATIONS = frozenset("jan feb mar apr may jun jul aug sep sept oct nov dec".split())


def _family_first(person: PersonSpan, upper: bool) -> str | None:
    """``Yang Yi`` (after a title): a two-word name whose second word is a short given name (three
    letters at most) is written family name first; the family name alone then names the person (``Yang said``)."""
    words = person.text.split()
    if upper or person.canonical is not None or len(words) != 2 or len(words[1]) > 3 or not words[1][:1].isupper():
        return None
    family, given = words
    k = family.lower()
    if len(family) < 2 or k in first_names() or is_common_word(k) or k in gazetteer().places \
            or any(c.isupper() for c in family[1:]) or given.lower().rstrip(".") in _MONTH_ABBREVIATIONS:
        return None  # not "FonMin Gul", "Manzanares Oct"
    return family


def _short_capitals(texts: list[str], upper: list[bool]) -> list[bool]:
    """A line too short to judge (``GAMAL MUBARAK``, a heading) with no lower-case letter is in
    capitals when most of the cable's paragraphs are."""
    mixed = sum(1 for text, up in zip(texts, upper) if not up and text != text.upper())
    if sum(upper) <= mixed:
        return upper
    return [up or (text == text.upper() and any(c.isalpha() for c in text)) for text, up in zip(texts, upper)]


def _word_like_name(word: str) -> bool:
    """An all-capitals name read as a word (``DIVAS``, ``ACOPE``), not spelled out as letters (``GIA``)."""
    return word.isupper() and len(word) >= 5 and sum(c in "AEIOU" for c in word) >= 2 and word not in known_acronyms()


def _nothing() -> None:
    """The checkpoint of an extraction nobody stops."""


def _checked(items: list[tuple[int, str, str]], checkpoint: Callable[[], None]) -> Iterator[tuple[int, str, str]]:
    """``items``, calling ``checkpoint`` before each one."""
    for item in items:
        checkpoint()
        yield item


def extract_entities(paragraphs: Sequence[Paragraph] | Sequence[str], learned: NameBook | None = None,
                     checkpoint: Callable[[], None] = _nothing) -> list[Entity]:
    """All entities of one cable's paragraphs, in paragraph and offset order.

    ``learned``: names other cables taught the library (:mod:`ent_learned`), found here
    too where nothing else claims the words (their entities have ``learned`` True).
    ``checkpoint``: called between the steps and before each paragraph of every pass over them
    (well under a millisecond apart); an exception it raises stops the extraction (the reader
    stops the extraction for a cable the user left).
    """
    items = _inputs(paragraphs)
    tokens = [tokenize(text) for _, text, _ in _checked(items, checkpoint)]
    upper = _short_capitals([text for _, text, _ in items], [is_upper_text(text) for _, text, _ in items])
    caps = [capitalised(t) for t in tokens]

    # 1. Acronym definitions over the whole cable: first definition of each key wins.
    checkpoint()
    definitions: list[acr.Definition] = []
    for (index, text, _), up in zip(_checked(items, checkpoint), upper):
        definitions.extend(definitions_in(index, text, up))
    gloss: dict[str, str] = {}
    for d in definitions:
        gloss.setdefault(d.acronym, d.expansion)
    defined = set(gloss)

    # 2. Acronym mentions, then phrases elsewhere that spell an undefined one (MOU).
    checkpoint()
    mentions = [acr.find_mentions(text, up, defined) for (_, text, _), up in zip(_checked(items, checkpoint), upper)]
    undefined = {acr.key(w) for ms in mentions for _, _, w in ms} - defined
    for a, exp in acr.implicit_definitions(undefined, [(text, tokens[n]) for n, (_, text, _) in enumerate(items)], caps).items():
        gloss.setdefault(a, exp)

    # 3. People: full names first, then surname-only mentions across the cable.
    checkpoint()
    persons = [find_persons(tokens[n], text, upper[n]) for n, (_, text, _) in enumerate(_checked(items, checkpoint))]
    last = len(items) - 1
    for n, (_, text, kind) in enumerate(items):
        sig = _signature(text, kind, n == last)
        if sig:
            persons[n].append(PersonSpan(sig[0], sig[1], text[sig[0] : sig[1]]))
    families: dict[str, str] = {}  # "Kim" → "Kim Jong-il": a family name written first
    for plist, up in zip(persons, upper):  # names after a title ("Deputy Director Yang Yi")
        for p in plist:
            family = _family_first(p, up)
            if family:
                families.setdefault(family, p.text)
    repeated = repeated_name_persons(tokens, upper)  # "LAKHDAR BRAHIMI" ... "BRAHIMI"
    routing: dict[int, list[tuple[int, int, str, str]]] = {}  # office symbols ("CA/EX") and bodies of address lines
    checkpoint()
    for n, (_, text, _) in enumerate(_checked(items, checkpoint)):
        plist = persons[n]
        for s, e, kind in address_entities(text):
            if kind == "PERSON":
                plist[:] = [p for p in plist if not (p.start < e and s < p.end)]
                plist.append(PersonSpan(s, e, text[s:e]))
            else:
                routing.setdefault(n, []).append((s, e, kind, text[s:e]))
        for s, e, family in hyphen_given_persons(text, upper[n]):
            plist[:] = [p for p in plist if not (p.start < e and s < p.end)]  # "Kim Jong" cut at the hyphen
            plist.append(PersonSpan(s, e, text[s:e]))
            families.setdefault(family, text[s:e])
        found = contact_persons(tokens[n], text, upper[n]) + particle_persons(tokens[n], text, upper[n]) + repeated[n]
        found += ref_line_persons(text)
        found += [(s, e) for s, e in possessive_persons(tokens[n], upper[n]) if text[s:e] not in defined]
        for s, e in found + unknown_name_persons(tokens[n], text, upper[n], caps[n]):
            if not any(p.start < e and s < p.end for p in plist):
                plist.append(PersonSpan(s, e, text[s:e]))
    # organisations introduced as such ("the local NGO ABCD"): an all-capitals one is an ORG everywhere
    checkpoint()
    org_context = [context_orgs(tokens[n], text, upper[n]) for n, (_, text, _) in enumerate(_checked(items, checkpoint))]
    named_orgs = {w for n, spans_ in enumerate(org_context) for s, e, _ in spans_ if _word_like_name(w := items[n][1][s:e])}
    known: dict[str, str] = {}
    for plist in persons:
        for p in plist:
            if p.canonical is None:
                for v in surname_variants(p.text):
                    known.setdefault(v, p.text)
    for family, name in families.items():
        known.setdefault(family, name)
    unique_given, shared_given = _given_names(persons)
    for given, name in unique_given.items():
        known.setdefault(given, name)  # "GAMAL" after "GAMAL MUBARAK": the one person of the cable so named
    if any(upper):
        for word, name in [(w, n) for w, n in known.items() if w.isupper() and " " not in w]:
            if len(word) >= 4 and not is_common_word(word.lower() + "s"):
                known.setdefault(word + "S", name)  # "TANTAWIS": a capitals possessive without its apostrophe
    by_surname = mention_index(known)
    checkpoint()
    shared_index: tuple[dict[str, str], dict] = ({}, {})  # the last per-paragraph names and their index
    for n, (_, text, _) in enumerate(_checked(items, checkpoint)):
        taken = [(p.start, p.end) for p in persons[n]]
        latest = _latest_names(shared_given, n) if shared_given else None
        if latest and any(given not in known for given in latest):
            here = known | {given: name for given, name in latest.items() if given not in known}
            if here != shared_index[0]:  # the names change only where another full name is given
                shared_index = (here, mention_index(here))
            persons[n].extend(link_mentions(tokens[n], text, here, taken, upper[n], shared_index[1], caps[n]))
        else:
            persons[n].extend(link_mentions(tokens[n], text, known, taken, upper[n], by_surname, caps[n]))
        if "." in text:
            persons[n] = with_initials(text, persons[n])

    # 4. Everything else, resolved per paragraph; organisations first, for their short forms ("Betas").
    checkpoint()
    raw: list[RawEntity] = []
    defs_by_par: dict[int, list[acr.Definition]] = {}
    for d in definitions:
        defs_by_par.setdefault(d.paragraph, []).append(d)
    orgs = [find_orgs(tokens[n], text, upper[n], caps[n]) for n, (_, text, _) in enumerate(_checked(items, checkpoint))]
    book = NameBook()
    for n, (_, text, _) in enumerate(_checked(items, checkpoint)):  # "two carriers - VARIG and VASP": the airlines, wherever named
        for s, e, _ in kind_named_orgs(tokens[n], text, upper[n]) + press_named_orgs(text, upper[n]):
            book.add(text[s:e], "ORG", text[s:e])
    org_names: dict[str, bool] = {}  # organisation name → written in capitals somewhere
    for n, found_orgs in enumerate(orgs):
        for s, e, t in found_orgs:
            if t == "ORG":
                name = items[n][1][s:e]
                org_names[name] = org_names.get(name, False) or upper[n]
    for short, name in capitals_short_forms(name for name, in_capitals in org_names.items() if in_capitals):
        book.add(short, "ORG", name)  # "AL WAFD" after "AL WAFD PARTY"
    for short, name in org_short_forms(org_names):
        book.add(short, "ORG", name)
    checkpoint()
    for n, (index, text, _) in enumerate(_checked(items, checkpoint)):
        up = upper[n]
        spans: list[Candidate] = []
        for s, e, t, name, elsewhere in book.find(tokens[n], up, caps[n]) + (
                learned.find(tokens[n], up, caps[n]) if learned else []):
            spans.append((s, e, t, (name, elsewhere)))
        if _DIGIT.search(text):
            for finder in _PATTERN_FINDERS:
                spans.extend((s, e, t, None) for s, e, t in finder(text))
        spans.extend((s, e, "ORG" if w in named_orgs else "ACRONYM", w) for s, e, w in mentions[n])
        spans.extend((s, e, t, w if t == "ACRONYM" else None) for s, e, t, w in routing.get(n, ()))
        spans.extend((s, e, t, None) for s, e, t in org_context[n])
        for p in persons[n]:
            spans.append((p.start, p.end, "PERSON", p.canonical or known.get(p.text, p.text)))
        spans.extend((s, e, t, None) for s, e, t in orgs[n])
        spans.extend((s, e, t, None) for s, e, t in find_locations(tokens[n], text, up, caps[n]))
        spans.extend((s, e, t, None) for s, e, t in find_places(tokens[n], text, up, caps[n]))
        spans.extend((s, e, t, None) for s, e, t in find_airports(text))
        if "emorandum" in text or "EMORANDUM" in text:
            spans.extend((m.start(), m.end(), "LAW", None) for m in _MOU.finditer(text))
        for d in defs_by_par.get(index, ()):
            long_type = long_form_type(d.expansion)
            if long_type:
                spans.append((d.start, d.end, long_type, None))
        if not spans:
            continue
        for s, e, t, payload in _resolve(spans, len(text)):
            expansion: str | None = None
            canonical: str | None = None
            from_library: bool = False
            if isinstance(payload, tuple):
                canonical, from_library = payload  # a name of the book
            elif t == "ACRONYM":
                expansion = gloss.get(acr.key(payload or ""))
            elif t == "PERSON":
                canonical = payload
            raw.append((t, text[s:e], index, s, e, expansion, canonical, from_library))
    checkpoint()
    return canonicalise(raw)


def glossary(entities: Iterable[Entity]) -> dict[str, str]:
    """Acronym → expansion, for the acronyms the cable defines (keys without plural "s")."""
    out: dict[str, str] = {}
    for ent in entities:
        if ent.type == "ACRONYM" and ent.expansion:
            out.setdefault(acr.key(ent.text), ent.expansion)
    return out


def cable_entities(cable: Cable, checkpoint: Callable[[], None] = _nothing) -> tuple[Entity, ...]:
    """The entities of a parsed cable's paragraphs (``checkpoint``: as for :func:`extract_entities`)."""
    return tuple(extract_entities(cable.paragraphs, checkpoint=checkpoint))


def known_expansion(acronym: str) -> str | None:
    """A usual expansion from the bundled list, for acronyms a cable leaves undefined."""
    return known_acronyms().get(acr.key(acronym))
