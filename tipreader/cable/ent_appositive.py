"""Acronyms defined by apposition, without brackets: ``CIVILIAN INTELLIGENCE SERVICE, DISIP, AND``,
``THE NATIONAL INSTITUTE FOR COOPERATIVE EDUCATION, INCE)``, ``the National Migration Institute, INM,``.

The acronym follows the long form after a comma and is closed by a comma, a bracket or a full
stop. Its letters may follow another language's order (``INCE``: Instituto Nacional de Cooperacion
Educativa), so they are not required to spell the long form; instead the long form must hold an
organisation word (``SERVICE``, ``INSTITUTE``), and an acronym the bundled list knows is taken for
an item of a list (``the Ministry of Health, UNICEF, and WHO``), not a definition.
"""

from __future__ import annotations

import re

from .ent_acronyms import MARKINGS, STRUCTURAL, Definition, _long_form, _schwartz_hearst, find_definitions
from .ent_data import fold, is_common_word, known_acronyms, org_words

_APPOSITIVE = re.compile(r"[a-zA-Z], ([A-Z][A-Z&]{2,7})(?=\)|, |\.(?:\s|$)|;)")
# "FORMER DIRECTOR OF CIVILIAN INTELLIGENCE SERVICE": the office holder's title is not in the name
_TITLE_OF = re.compile(
    r"(?:\w+ ){0,2}(?:director|head|chief|president|chairman|member|editor|leader|founder|official|spokesman|"
    r"representative|secretary|commander)s? (?:of|for|at) (?:the )?", re.I)
_MODIFIER_BEFORE = re.compile(r"(?:NATIONAL|FEDERAL|CENTRAL|STATE|National|Federal|Central|State) $")


def appositive_definitions(paragraph: int, text: str, upper: bool) -> list[Definition]:
    """Definitions ``long form, ACR`` in one paragraph (see the module docstring)."""
    out: list[Definition] = []
    if ", " not in text:
        return out
    heads = org_words().heads
    for m in _APPOSITIVE.finditer(text):
        acr = m.group(1)
        if acr in known_acronyms() or acr in STRUCTURAL or acr in MARKINGS or is_common_word(acr.lower()):
            continue
        span = _long_form(acr, text[: m.start(1) - 2], text, upper)
        if span is None:
            continue
        s, e = span
        title = _TITLE_OF.match(text, s, e)
        if title:
            s = title.end()
        before = _MODIFIER_BEFORE.search(text, max(0, s - 9), s)
        if before:
            s = before.start()  # "NATIONAL INSTITUTE FOR ...": the letters matched from INSTITUTE on
        if not upper and s >= 2 and text[s - 1] == " " and text[s - 2 : s - 1].isalpha() \
                and text[text.rfind(" ", 0, s - 1) + 1 : s - 1][:1].isupper():
            continue  # "the Popular Party think tank, FAES": the long form would start inside a name
        words = text[s:e].split()
        if len(words) < 2 or not any(fold(w) in heads for w in words) or _in_list(text, s, m.end(1), upper):
            continue
        out.append(Definition(acr, text[s:e], paragraph, s, e))
    return out


_GOES_ON = frozenset("the a an its his her their is was has had which who that said".split())


def _in_list(text: str, start: int, end: int, upper: bool) -> bool:
    """True when ``long form, ACR`` are items of a list: another item right before the long form
    (``Solicitor General, the Ministry of Justice, FUNAI``) or a name right after the acronym
    (``TURKISH ARMED FORCES, JANDARMA, TURKISH NATIONAL POLICE``, ``Department of Defense, JCS, and
    State Department``); ``SERVICE, DISIP, AND THE CURRENT ...`` goes on with the sentence."""
    comma = text.rfind(", ", max(0, start - 40), start)
    if comma >= 0:
        between = text[comma + 2 : start].split()
        if len(between) <= 2 and not any(w.lower() == "and" for w in between):
            return True
    after = text[end + 2 : end + 40].split()
    if not after or text[end : end + 2] != ", ":
        return False
    word = after[0].strip(",.;:()")
    if word.lower() == "and" and len(after) > 1:
        word = after[1].strip(",.;:()")
    return not (word.lower() in _GOES_ON or not upper and word[:1].islower())


# "a so-called Variable Specific Impulse Magnetoplasma Rocket, or VASIMR": "or" names the acronym
_OR_ACRONYM = re.compile(r"[a-zA-Z], or ([A-Z][A-Z&]{2,7})(?=[).,;:]|\s|$)")


def or_definitions(paragraph: int, text: str, upper: bool) -> list[Definition]:
    """``long form, or ACR``: the long form's letters must spell the acronym (Schwartz–Hearst), since
    no organisation word is required here (a device, a programme, a law)."""
    out: list[Definition] = []
    if ", or " not in text:
        return out
    for m in _OR_ACRONYM.finditer(text):
        acr = m.group(1)
        if acr in STRUCTURAL or acr in MARKINGS or is_common_word(acr.lower()):
            continue
        before = text[: m.start(1) - 5]
        words = [(w.start(), w.end(), w.group()) for w in _WORD.finditer(before)][-(len(acr) * 2 + 2) :]
        at = _schwartz_hearst(acr.lower(), words, text) if words else None
        if at is None:
            continue
        chosen = words[at:]
        if len(chosen) < 2 or not all(w[2][:1].isupper() or w[2].lower() in ("of", "and", "for", "the") for w in chosen):
            continue  # the long form is a capitalised name
        out.append(Definition(acr, text[chosen[0][0] : chosen[-1][1]], paragraph, chosen[0][0], chosen[-1][1]))
    return out


_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def definitions_in(paragraph: int, text: str, upper: bool) -> list[Definition]:
    """Every acronym definition of one paragraph: bracketed ones (:func:`ent_acronyms.find_definitions`)
    first, then appositions, then ``long form, or ACR``. The one entry point for the extractor and for expansions learnt from
    other cables."""
    return (find_definitions(paragraph, text, upper) + appositive_definitions(paragraph, text, upper)
            + or_definitions(paragraph, text, upper))
