"""Organisation names in a paragraph written in capitals, where case says nothing.

A head word (``COURT``, ``COUNCIL``, ``PARTY``, ``AUTHORITY`` ...) after modifiers
(``SUPREME CONSTITUTIONAL COURT``, ``NATIONAL AIRPORT AUTHORITY``), after words no list knows
(``SHURA COUNCIL``, ``AL WAFD PARTY``, ``ALI ABAD CLINIC``) or ``PEOPLE'S`` (``PEOPLE'S
ASSEMBLY``); ``GOVERNMENT OF ICELAND``, ``MINISTRY OF DEFENSE``. A person's word before the head
(``LULA ADMINISTRATION``, ``GAMAL PARTY``) is no name.
"""

from __future__ import annotations

from collections.abc import Iterable

from .ent_data import demonyms, first_names, gazetteer, geo, is_common_word, org_words, place_key
from .ent_text import Token, is_government_acronym

ORG_STOP = frozenset(
    """the a an this that these those in on at by for with from according under since during after before
    while although however both all many some other each every its his her their our post when if as also
    members agencies including include includes and but or nor so yet then thus there here dear visit
    through into over between among about against toward towards via across within without upon despite""".split()
)
UPPER_MODIFIERS = frozenset(
    """supreme constitutional national federal central high prime state general republican democratic
    socialist labor labour popular islamic foreign interior defense defence justice finance economy
    european african arab international interagency inter-agency military criminal administrative
    appeals electoral security intelligence communist liberal conservative progressive revolutionary patriotic
    workers peasants civil aviation development airport""".split()
)


def capitals_orgs(tokens: list[Token]) -> list[tuple[int, int, str]]:
    """ORG spans of one paragraph in capitals (see the module docstring)."""
    ow = org_words()
    gaz = gazetteer()
    out: list[tuple[int, int, str]] = []
    for j, tok in enumerate(tokens):  # "SUPREME COURT OF APPEALS", "CONSTITUTIONAL COURT", "PRIME MINISTRY"
        if tok.key in _UNIT_HEADS and (unit := _unit_start(tokens, j)) is not None:
            out.append((tokens[unit].start, tok.end, "ORG"))  # "HEAD OF THE BUSINESS PROMOTION OFFICE"
            continue
        if tok.key == "government" and j >= 2 and tokens[j - 2].key == "u" and tokens[j - 1].key == "s" \
                and tokens[j - 1].gap == "." and tok.gap == ". ":
            out.append((tokens[j - 2].start, tok.end, "ORG"))  # "THE U.S. GOVERNMENT", like "U.S. Congress"
            continue
        if tok.key not in ow.heads or tok.key in ("government", "office", "service", "services", "group", "network", "union", "society"):
            continue
        i = j
        while i > 0 and j - i < 3 and tokens[i - 1].key in UPPER_MODIFIERS and tokens[i].gap == " ":
            i -= 1
        if tok.key in _NAMED_HEADS:  # "ALI ABAD CLINIC", "NATIONAL IRANIAN OIL COMPANY": named after a person or place
            i = _named_head_start(tokens, j, i)
        elif i == j:
            i = _proper_head_start(tokens, j)
        end = j
        if j + 2 < len(tokens) and tokens[j + 1].key == "of" and tokens[j + 2].key in UPPER_MODIFIERS | {"appeals", "cassation"}:
            end = j + 2
        if i < j:
            out.append((tokens[i].start, tokens[end].end, "ORG"))
    for i, tok in enumerate(tokens[:-2]):  # "GOVERNMENT OF ICELAND", "MINISTRY OF DEFENSE"
        if tok.key in ow.firsts and tokens[i + 1].key == "of":
            k = " ".join(t.key for t in tokens[i + 2 : i + 4]) if i + 3 < len(tokens) else ""
            for n, key in ((2, k), (1, tokens[i + 2].key)):
                if key and key in gaz.places or (tok.key != "government" and is_common_word(key) and n == 1
                                                 and key not in ORG_STOP):  # not "CENTER OF THIS", "OFFICE OF THE"
                    out.append((tok.start, tokens[i + 1 + n].end, "ORG"))
                    break
    return out


# the units of an office a person heads ("CHIEF OF THE IMMIGRATION DIVISION")
_UNIT_HEADS = frozenset("office division department unit section bureau directorate".split())
_UNIT_LEADERS = frozenset("head chief director deputy manager coordinator".split())


def _unit_start(tokens: list[Token], j: int) -> int | None:
    """``HEAD OF THE BUSINESS PROMOTION OFFICE``: after a leader's title, ``OF THE`` and one to three
    words, the unit named is an organisation; where its name starts, or None."""
    for k in range(j - 1, max(j - 4, 2) - 1, -1):
        if tokens[k - 1].key == "the" and tokens[k - 2].key == "of" and k >= 3 and tokens[k - 3].key in _UNIT_LEADERS:
            words = tokens[k:j]
            if all(t.gap == " " and t.key.isalpha() and t.key not in ORG_STOP for t in words[1:] + [tokens[j]]) \
                    and words[0].key not in ORG_STOP and words[0].key.isalpha():
                return k
            return None
    return None


# heads whose name is often a person's or a place's in capitals text
_NAMED_HEADS = frozenset("clinic hospital school university company corporation orphanage academy college".split())
_TRADES = frozenset("oil gas trading shipping mining construction petroleum steel cement airline".split())


def _named_head_start(tokens: list[Token], j: int, i: int) -> int:
    """Where a capitals name ending in head word ``j`` starts (``i``: after modifiers alone): words no
    list knows, demonyms, modifiers, and a trade word just before a company (``OIL COMPANY``)."""
    nationalities = demonyms()
    k = j
    while k > 0 and j - k < 4 and tokens[k].gap == " ":
        prev = tokens[k - 1]
        trade = k == j and prev.key in _TRADES and tokens[j].key in ("company", "corporation")
        if prev.poss or prev.key in ORG_STOP or not prev.key.isalpha() or not (
                trade or prev.key in UPPER_MODIFIERS or prev.key in nationalities or not is_common_word(prev.key)):
            break
        k -= 1
    return min(i, k)


_LEADER_HEADS = frozenset("administration government regime cabinet camp office mission delegation".split())


def _proper_head_start(tokens: list[Token], j: int) -> int:
    """In capitals, a head word after a word no list knows (``SHURA COUNCIL``, ``AL WAFD PARTY``) or
    after ``PEOPLE'S`` (``PEOPLE'S ASSEMBLY``): where the name starts (``j`` when it does not)."""
    if j == 0 or tokens[j].gap != " ":
        return j
    prev = tokens[j - 1]
    if prev.key in ("people", "peoples", "worker", "workers") and (prev.poss or prev.key.endswith("s")):
        return j - 1
    if prev.poss or len(prev.key) < 3 or not prev.key.isalpha() or prev.key in ORG_STOP or is_common_word(prev.key) \
            or prev.key in demonyms() or prev.key in first_names() or tokens[j].key in _LEADER_HEADS or prev.gap == "-":
        return j  # "GAMAL PARTY", "LULA ADMINISTRATION", "DOUSTE-BLAZY MISSION": a person's, not a name
    if prev.key.endswith(("ed", "ing")) or prev.key.endswith("s") and is_common_word(prev.key[:-1]) \
            or is_government_acronym(prev.text) or place_key(prev.key) in geo().keys:
        return j  # "REDRAFTED COUNCIL", "SPOTLIGHTS INTERNATIONAL", "GOB MINISTRIES", "ATLANTA CONSULATE"
    i = j - 1
    if i >= 1 and tokens[i - 1].key in ("al", "el") and tokens[i].gap in (" ", "-"):
        i -= 1  # "AL WAFD PARTY"
    return i


_PARTY_HEADS = frozenset("PARTY MOVEMENT FRONT BLOC".split())


def capitals_short_forms(names: Iterable[str]) -> list[tuple[str, str]]:
    """``AL WAFD PARTY`` → ("AL WAFD", ...): a capitals party named without its head word, when a
    word of the rest is one no list knows (not ``NATIONAL DEMOCRATIC``)."""
    out = []
    for name in names:
        words = name.split()
        if len(words) >= 2 and words[-1] in _PARTY_HEADS and any(
                w.isalpha() and not is_common_word(w.lower()) and w.lower() not in UPPER_MODIFIERS for w in words[:-1]):
            out.append((" ".join(words[:-1]), name))
    return out
