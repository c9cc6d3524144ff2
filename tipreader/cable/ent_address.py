"""Routing and address lines: the offices and people a cable is sent to or passed to.

``STATE FOR EEB/ESC AND EUR/WE TREASURY FOR DEPUTY SECRETARY KIMMITT AND IA/OEE/W.LINDQUIST``,
``DEPT FOR SA/PAB (PASI), EUR/WE (D.MENNUTI), S/P (VAN CLEVE)``, ``NSC FOR ABRAMS/DORAN``:

* office symbols are ACRONYMs, a compound split into its parts (``EUR/WE`` → ``EUR``, ``WE``)
  unless a part is one letter (``S/P``, ``INR/B``, ``A/S`` stay whole);
* people: a name in parentheses, after a title (``A/S POSNER``, ``DEPUTY SECRETARY KIMMITT``) or
  a dash, an initial glued to a surname (``W.LINDQUIST``), a surname written as one capitals
  word after ``FOR`` that is no known acronym (``WCRAFT``, ``ABRAMS/DORAN``);
* ``TREASURY``, ``JUSTICE`` (a department named by one word), ``DEPT OF TREASURY`` and ``X BUREAU`` are
  organisations;
  a post's name (``LONDON FOR KOLKER``) is left to the place finder.

A line counts as an address only when it opens with office words before ``FOR``/``PASS``
(``THE MINISTER ASKED FOR HELP`` does not), and holds no lower-case word but ``and``.
"""

from __future__ import annotations

import re

from .ent_data import first_names, gazetteer, is_common_word, known_acronyms, titles, tokens_of

Span = tuple[int, int, str]
_GATE = re.compile(r"^((?:[A-Z][A-Z/]* ){0,3}?)(?:FOR|PASS) ")
_PIECE = re.compile(r"\(|\)|[,;:]| - |[A-Za-z][A-Za-z.'/-]*[A-Za-z]|[A-Za-z]")
# the executive departments an address line names by one word: bodies (``TREASURY FOR ...``)
_DEPARTMENTS = frozenset({"TREASURY", "JUSTICE", "COMMERCE", "ENERGY", "LABOR", "AGRICULTURE", "TRANSPORTATION"})
_SEPARATORS = frozenset({"(", ")", ",", ";", ":", " - ", "AND", "and", "FOR", "PASS", "TO", "ALSO", "INFO", "ACTION",
                         "DEPT", "DEPARTMENT", "STATE", "SECSTATE", "PLEASE", "PASSED", "AMEMBASSY", "USDOC", "ALL",
                         "THE"}) | _DEPARTMENTS
_OPENERS = frozenset({"DEPT", "DEPARTMENT", "STATE", "SECSTATE", "USDOC", "PASS", "DOD", "USAID", "AID", "THE"}) \
    | _DEPARTMENTS
_ORG_TAILS = frozenset({"BUREAU", "OFFICE"})
_DEPT_OF = re.compile(r"\b(?:DEPT|DEPARTMENT) OF (?:" + "|".join(sorted(_DEPARTMENTS)) + r")\b")  # DEPT OF TREASURY
_INITIAL = re.compile(r"^[A-Z]\.[A-Z]{2,}$")  # W.LINDQUIST


def _office(word: str) -> bool:
    """An office symbol or a word that sends (``DEPT``, ``EUR/WE``, ``USTR``, ``DRL``)."""
    return (word in _OPENERS or "/" in word or len(word) == 1 or word in known_acronyms()
            or not any(c in "AEIOUY" for c in word) or word.lower() in gazetteer().places)  # "LONDON FOR KOLKER"


def _is_address(text: str) -> re.Match[str] | None:
    if len(text) > 260 or "FOR " not in text and "PASS " not in text:
        return None
    m = _GATE.match(text)
    if not m or not all(_office(w) for w in _DEPT_OF.sub("DEPT", m.group(1)).split()):
        return None
    if not m.group(1):  # "FOR NEA, NEA/ELA AND DRL": an office must follow (not "FOR THE RECORD, ...")
        after = text[m.end():].split(maxsplit=1)
        if len(text) > 120 or not after or after[0].strip(",;:") in ("THE", "A") or not _office(after[0].strip(",;:")):
            return None
    if any(w.islower() and w != "and" for w in re.findall(r"[A-Za-z]+", text)):
        return None
    return m


def _name_like(word: str) -> bool:
    return word.isalpha() and word not in known_acronyms() and any(c in "AEIOUY" for c in word)


def _compound(word: str, start: int, after_for: bool) -> list[Span]:
    parts = word.split("/")
    if any(len(p) == 1 for p in parts):
        return [(start, start + len(word), "ACRONYM")]  # S/P, INR/B, A/S: one symbol
    people = after_for and all(len(p) >= 5 and _name_like(p) and not is_common_word(p.lower()) for p in parts)
    out: list[Span] = []
    pos = start
    for n, p in enumerate(parts):
        last_name = after_for and n == len(parts) - 1 and len(p) >= 6 and _name_like(p) and not is_common_word(p.lower())
        kind = "PERSON" if people or last_name or _INITIAL.match(p) else "ACRONYM"  # DEA/WAGNER, not DRL/NESCA
        out.append((pos, pos + len(p), kind))
        pos += len(p) + 1
    return out


def _strip_title(words: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], list[Span]]:
    """The words without a leading title (``A/S``, ``DEPUTY SECRETARY``); the title's ACRONYM span if any."""
    heads = titles().heads
    for n in range(min(3, len(words) - 1), 0, -1):
        if tuple(k for _, w in words[:n] for k in tokens_of(w)) in heads:
            first, word = words[0]
            spans = [(first, first + len(word), "ACRONYM")] if n == 1 and ("/" in word or word in known_acronyms()) else []
            return words[n:], spans
    return words, []


def address_entities(text: str) -> list[Span]:
    """ACRONYM, PERSON and ORG spans of a routing or address line (see the module docstring)."""
    m = _is_address(text)
    if not m:
        return []
    out: list[Span] = []
    segments: list[tuple[list[tuple[int, str]], str]] = []  # words, and the separator before them
    words: list[tuple[int, str]] = []
    before = ""
    depts = [d.span() for d in _DEPT_OF.finditer(text)]
    out.extend((a, b, "ORG") for a, b in depts)
    for piece in _PIECE.finditer(text):
        word = piece.group()
        if word in _SEPARATORS or word == "OF" and any(a < piece.start() < b for a, b in depts):
            if words:
                segments.append((words, before))
            words, before = [], word
            if word in _DEPARTMENTS:
                out.append((piece.start(), piece.end(), "ORG"))
        else:
            words.append((piece.start(), word))
    if words:
        segments.append((words, before))
    start_for = m.end(1)
    places = gazetteer().places
    for words, sep in segments:
        after_for = words[0][0] > start_for
        if " ".join(w for _, w in words).lower() in places:
            continue  # "PRETORIA FOR DEA; THE HAGUE FOR DEA": the posts are the place finder's
        if words[-1][1] in _ORG_TAILS and len(words) > 1:
            first, word = words[0]
            if "/" in word:  # AID/ASIA BUREAU
                head = word.rpartition("/")[0]
                out.extend(_compound(head, first, False))
                first += len(head) + 1
            out.append((first, words[-1][0] + len(words[-1][1]), "ORG"))
            continue
        rest, title = _strip_title(words)
        out.extend(title)
        if len(rest) == 1 and "/" in rest[0][1] and not title:
            out.extend(_compound(rest[0][1], rest[0][0], after_for))
            continue
        named = bool(title) or sep in ("(", " - ") or after_for and len(rest) > 1
        if named and rest and all(_name_like(w.replace(".", "")) for _, w in rest):
            out.append((rest[0][0], rest[-1][0] + len(rest[-1][1]), "PERSON"))
            continue
        run = 0
        while run < len(rest) and _name_like(rest[run][1]) and rest[run][1].lower() not in places:
            run += 1
        if after_for and run >= 2:  # "CAROLYN COLDREN FAA MIAMI": a name, then the office and its place
            out.append((rest[0][0], rest[run - 1][0] + len(rest[run - 1][1]), "PERSON"))
            rest = rest[run:]
        for start, word in rest:
            if word.lower() in places:
                continue  # "PASS TO FAA MIAMI FOR ...": the office's place
            if _INITIAL.match(word) or after_for and _name_like(word) and not is_common_word(word.lower()) and (
                    len(word) >= 4 or word.lower() in first_names()):
                out.append((start, start + len(word), "PERSON"))
            elif word.isupper() and 2 <= len(word) <= 6 and not is_common_word(word.lower()):
                out.append((start, start + len(word), "ACRONYM"))
    return out
