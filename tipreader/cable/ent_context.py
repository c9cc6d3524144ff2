"""People and organisations found by their context rather than by a list.

* Contact lines: ``POC: ...``, ``The point of contact (for X) is Pol/Econ Officer Chris
  Andino``, ``please contact Mr. Ahmed Saleh``: the capitalised run after the cue, less its
  titles, is a person.
* Arabic names joined by a particle: ``Nasser bin Hamad``, ``Ahmed al-Harazi``,
  ``Abu Bakr``, ``Fatima Abdel Rahman`` (not places: ``Salah ad Din``; not bodies:
  ``Ansar al-Islam``).
* The post and other missions: ``Embassy Sanaa``, ``Consulate General Jerusalem``.
* An organisation introduced as one: ``the local NGO ABCD``, ``the NGO Caritas``, ``an
  association called Hope``: the name after the word is an organisation (an all-capitals
  one too, which is then an organisation wherever the cable uses it).
* In all-capitals text, ``MINISTRY OF HUMAN RIGHTS``: the office's words after ``OF``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .ent_data import (ARTICLES, demonyms, first_names, fold, gazetteer, geo, is_common_word, known_acronyms, org_words,
                       place_key, titles, vocab)
from .ent_text import Token

_CONTACT = re.compile(
    r"\b(?:POC|P\.O\.C\.|[Pp]oint[s]? of [Cc]ontact|POINTS? OF CONTACT|[Cc]ontact [Pp]erson|CONTACT PERSON|"
    r"[Pp]lease contact|PLEASE CONTACT|[Cc]ontact(?:ed)?|CONTACT)\b"
)
_NAME_PARTICLES = frozenset("bin bint ibn abu abou al el ould ben".split())
_SPLIT_PARTICLES = frozenset("bin bint ibn ould".split())  # always between two names
_NOT_PERSON_FIRST = frozenset(
    """ansar jaish hizb jamaat jamaa harakat majlis dar bayt beit bani beni wadi jabal jebel ras bab bir tal tel
    umm um sharm hay souq suq masjid madinat minat kafr deir dayr ain ayn qasr shatt akhbar ahl awlad saut sawt
    dawlat jabhat liwa katibat""".split()
)
_PARTICLE_GATE = re.compile(r"\b(?:bint?|ibn|[Aa]bou?|ould|ben)\b|\b[AaEe]l-")
_MISSION_HEADS = ("embassy", "consulate", "mission", "amembassy", "amconsulate")
_ORG_GATE_WORDS = ("mbassy", "MBASSY", "onsulate", "ONSULATE", "Mission", "MISSION", "NGO", "rganization", "rganisation", "ssociation",
                   "oundation", "roup", "MINISTR")
_INTRO_WORDS = frozenset("ngo ngos organization organisation association foundation group".split())
_CALLED = frozenset("called named".split())
_UPPER_OFFICE_STOP = frozenset(
    """IN ON AT BY TO FOR WITH FROM THE A AN SAID SAYS TOLD HAS HAVE HAD IS ARE WAS WERE WILL WOULD CAN COULD
    OFFICIALS OFFICIAL STAFF REPRESENTATIVE REPRESENTATIVES SPOKESMAN SPOKESPERSON MINISTER DIRECTOR HEAD
    THAT WHICH WHO AS ALSO AND OF LETTER LETTERS REQUEST DECISION DECREE REPORT STATEMENT""".split()
)
# a list person-title words in all their forms: skipped at the start of a contact's name
_TITLE_EXTRA = frozenset("officer officers pol econ polecon poloff econoff mr mrs ms dr specialist assistant".split())


def _title_word(tok: Token) -> bool:
    t = titles()
    return tok.key in t.head_last or tok.key in t.roles or tok.key in _TITLE_EXTRA or (tok.key,) in t.heads


def _name_like(tok: Token, upper: bool) -> bool:
    if upper:
        return tok.text[:1].isalpha() and len(tok.text) > 1 and not is_common_word(tok.key)
    return tok.cap and not (tok.upper and len(tok.text) > 1)


def contact_persons(tokens: list[Token], text: str, upper: bool) -> list[tuple[int, int]]:
    """Names in contact lines (see the module docstring)."""
    out: list[tuple[int, int]] = []
    if "ontact" not in text and "ONTACT" not in text and "POC" not in text and "P.O.C" not in text:
        return out
    for m in _CONTACT.finditer(text):
        k = next((j for j, t in enumerate(tokens) if t.start >= m.end()), None)
        if k is None:
            continue
        for j in range(k, min(k + 10, len(tokens))):  # "... for TIP issues is", "POC:"
            if tokens[j].key in ("is", "are", "was", "remains") and not tokens[j].cap:
                k = j + 1
                break
            if ":" in tokens[j].gap:
                k = j
                break
        if k < len(tokens) and tokens[k].key in ("mr", "mrs", "ms", "dr"):
            k += 1
        run: list[int] = []
        j = k
        while j < len(tokens) and len(run) < 9:
            tok = tokens[j]
            if run and tok.gap not in (" ", "/", "-", ". ", "."):
                break
            if _name_like(tok, upper) or tok.key in _NAME_PARTICLES and run:
                run.append(j)
                j += 1
                continue
            break
        while run and _title_word(tokens[run[0]]):
            run.pop(0)  # "Pol/Econ Officer Chris Andino"
        while run and tokens[run[-1]].key in _NAME_PARTICLES:
            run.pop()
        if len(run) < 2 or len(run) > 5 or any(_title_word(tokens[r]) for r in run):
            continue
        names = [tokens[r] for r in run]
        if any(t.text in known_acronyms() or t.key in gazetteer().places for t in names):
            continue
        out.append((names[0].start, names[-1].end))
    return out


# "Kim Jong-il", "Jang Song-taek": a family name, then a given name whose second syllable is
# joined by a hyphen in lower case (Korean romanisation: onset, vowel, final consonant)
_SYLLABLE = r"(?:ch|kk|tt|pp|ss|jj|[bcdghjkmnprstwy])?[wy]?(?:ae|eo|eu|oe|ui|[aeiou])(?:ng|[nklmpt])?"
_GIVEN_BEFORE = re.compile(r"\b([A-Z][a-z]{1,5}) [A-Z][a-z]{1,5}$")  # "Kim Jong", before the hyphen
_GIVEN_AFTER = re.compile(_SYLLABLE + r"(?=['’][sS]?\b|[^\w'’-]|$)")  # "il", after it


def hyphen_given_persons(text: str, upper: bool) -> list[tuple[int, int, str]]:
    """Names like ``Kim Jong-il``: ``(start, end, family name)``; the family name alone then
    names the same person (``Kim said ...``)."""
    out: list[tuple[int, int, str]] = []
    if upper:
        return out
    at = text.find("-", 2)
    while at != -1:  # the hyphens first (a fast scan), then the words around each
        if text[at + 1 : at + 2].islower() and text[at - 1].islower():
            before = _GIVEN_BEFORE.search(text, max(0, at - 13), at)
            after = _GIVEN_AFTER.match(text, at + 1) if before else None
            if before and after and text[before.start() - 1 : before.start()] not in ("-", "'", "’"):
                family = before.group(1)
                k = family.lower()
                if not (is_common_word(k) or k in gazetteer().places or k in ARTICLES or k in org_words().heads):
                    out.append((before.start(), after.end(), family))
        at = text.find("-", at + 1)
    return out


# a REF item naming the people of an e-mail or a call: "REF: CARNIE-QUANRUD E-MAIL DATED 10.01.2009"
_REF_MESSAGE = re.compile(
    r"(?:^REFS?:?\s+|(?<=\s)\(?[A-H][.)]\s+)([A-Z][A-Za-z'’]+(?:[-/][A-Z][A-Za-z'’]+)*)\s+"
    r"(?:E-?MAILS?|EMAILS?|TELCONS?|TELECONS?|MEMCONS?|PHONECONS?|LETTERS?|FAX|[Ee]-?mails?|[Tt]elcons?|[Ll]etters?)\b")


def ref_line_persons(text: str) -> list[tuple[int, int]]:
    """People named in a REF line as the writers or parties of a message (``CARNIE-QUANRUD E-MAIL``,
    ``B. Smith/Jones telcon``): each surname joined by ``-`` or ``/``, none a known acronym, place
    or ordinary word (``STATE E-MAIL`` names no one)."""
    if not text.lstrip().startswith(("REF", "Ref")):
        return []
    places = gazetteer().places
    out: list[tuple[int, int]] = []
    for m in _REF_MESSAGE.finditer(text.lstrip()):
        offset = len(text) - len(text.lstrip())
        pos = m.start(1) + offset
        parts = re.split(r"([-/])", m.group(1))
        names = parts[::2]
        if not all(len(w) >= 3 and w.upper() not in known_acronyms() and fold(w) not in places
                   and not is_common_word(fold(w)) and any(c in "AEIOUYaeiouy" for c in w) for w in names):
            continue
        for i, w in enumerate(parts):
            if i % 2 == 0:
                out.append((pos, pos + len(w)))
            pos += len(w)
    return out


def particle_persons(tokens: list[Token], text: str, upper: bool) -> list[tuple[int, int]]:
    """Arabic names joined by a particle: ``Nasser bin Hamad``, ``Ahmed al-Harazi``."""
    out: list[tuple[int, int]] = []
    if upper or not ("l-" in text or "bin" in text or "ibn" in text or "bu " in text or "bou " in text
                     or "ould" in text or "ben " in text) or not _PARTICLE_GATE.search(text):
        return out
    n = len(tokens)
    done = -1
    for i, tok in enumerate(tokens):
        if i <= done or tok.key not in _NAME_PARTICLES or not (0 < i < n - 1):
            continue
        prev, nxt = tokens[i - 1], tokens[i + 1]
        split = tok.key in _SPLIT_PARTICLES or tok.key in ("abu", "abou")
        if upper:
            continue  # in capitals "AL" and "BIN" begin too many other things
        if tok.key in ("abu", "abou") and tok.cap and _name_like(nxt, False) and nxt.gap in (" ", "-") and not tok.poss \
                and not (_name_like(prev, False) and len(prev.text) > 1 and (
                    not prev.sent or prev.key in first_names() or _unknown(prev))):
            first = i  # "Abu Seada": the name begins with the particle
        else:
            if not (_name_like(prev, False) and _name_like(nxt, False)) or prev.poss or tok.poss:
                continue
            if not split and not (tok.gap == " " and nxt.gap == "-"):
                continue  # "al-" joined to the name after it, lower case: "Ahmed al-Harazi"
            if prev.key in _NOT_PERSON_FIRST or prev.sent and prev.key not in first_names() and not split \
                    and not _unknown(prev):
                continue
            first = i - 1
            before = tokens[first - 1] if first else None
            if before is not None and _name_like(before, False) and tokens[first].gap == " " and not _title_word(before) \
                    and len(before.text) > 1 \
                    and (not before.sent or before.key in first_names() or _unknown(before)):
                first -= 1  # "Abdullah Saleh al-Ashtal"
        last = i + 1
        while last + 1 < n and tokens[last + 1].gap in (" ", "-") and (
                _name_like(tokens[last + 1], False) and last - first < 5
                or tokens[last + 1].key in _NAME_PARTICLES and last + 2 < n and _name_like(tokens[last + 2], False)):
            last += 1
        words = tokens[first : last + 1]
        if any(_title_word(t) or t.text in known_acronyms() for t in words):
            continue
        if place_key(text[words[0].start : words[-1].end]) in geo().keys:
            continue  # "Salah ad Din"
        if all(is_common_word(t.key) or t.key in ARTICLES or t.key in _NAME_PARTICLES for t in words):
            continue
        out.append((words[0].start, words[-1].end))
        done = last
    return out


def context_orgs(tokens: list[Token], text: str, upper: bool) -> list[tuple[int, int, str]]:
    """Missions, introduced organisations, and capitals offices (see the module docstring)."""
    out: list[tuple[int, int, str]] = []
    if not any(w in text for w in _ORG_GATE_WORDS):
        return out
    n = len(tokens)
    places = gazetteer().places
    gkeys = geo().keys
    for i, tok in enumerate(tokens):
        key = tok.key
        if key in _MISSION_HEADS and (tok.cap or upper) and i + 1 < n:
            j = i + 1
            if key == "consulate" and j < n and tokens[j].key == "general" and tokens[j].gap == " ":
                j += 1
            if j < n and tokens[j].gap == " " and (tokens[j].cap or upper):
                for m in (3, 2, 1):  # "Embassy Sanaa", "Embassy Mexico City"
                    seq = tokens[j : j + m]
                    if len(seq) == m and all(t.gap == " " for t in seq) and (
                            " ".join(t.key for t in seq) in places or place_key(" ".join(t.text for t in seq)) in gkeys):
                        out.append((tok.start, seq[-1].end, "ORG"))
                        break
        elif key in _INTRO_WORDS and i + 1 < n:
            j = i + 1
            if j < n and tokens[j].key in _CALLED:
                j += 1
            if j >= n or tokens[j].gap not in (" ", " “", ' "', " '"):
                continue
            nxt = tokens[j]
            if not upper and nxt.upper and len(nxt.text) > 1 and nxt.text not in known_acronyms():
                out.append((nxt.start, nxt.end, "ORG"))  # "the local NGO ABCD"
            elif not upper and tokens[i].key not in ("group",) and nxt.cap and not nxt.upper and not is_common_word(nxt.key) \
                    and fold(nxt.text) not in places:
                last = j
                while last + 1 < n and last - j < 4 and tokens[last + 1].gap == " " and tokens[last + 1].cap \
                        and not tokens[last].poss:
                    last += 1
                out.append((nxt.start, tokens[last].end, "ORG"))  # "the NGO Caritas"
        elif upper and key in ("ministry", "ministries") and i + 2 < n and tokens[i + 1].key == "of":
            j = i + 2
            last = None
            while j < n and j - i < 6 and tokens[j].gap == " " and tokens[j].text not in _UPPER_OFFICE_STOP:
                last = j
                if j + 2 < n and tokens[j + 1].text == "AND" and tokens[j + 2].text not in _UPPER_OFFICE_STOP:
                    j += 2
                    last = j
                j += 1
            if last is not None:
                out.append((tok.start, tokens[last].end, "ORG"))
    return out


_NOT_NAMES = frozenset(
    """islam islamic muslim muslims sunni sunnis shia shiite shiites shi'a sufi wahhabi salafi christian christians
    catholic catholics orthodox protestant evangelical buddhist buddhists hindu hindus sikh sikhs jewish druze
    alawite alawites coptic copts maronite january february march april may june july august september october
    november december monday tuesday wednesday thursday friday saturday sunday ramadan eid hajj""".split()
)
# words that open the names of places, businesses and media, not of people
_NOT_PERSON_OPENERS = frozenset(
    """san santa santo sao barrio sanatorio hospital prensa radio diario ediciones editorial petrolera grupo banco
    colegio escuela club hotel plaza avenida av calle puerto villa ciudad isla rio lago monte cerro playa bahia
    costa nueva nuevo""".split()
)
# Spanish/Portuguese adjectives and nouns that end party, programme and newspaper names
# ("Polo Democratico", "Campo Majoritario", "Bolsa Familia", "Correio Brasiliense").
_NOT_NAME_ENDINGS = ("ico", "ica", "ario", "aria", "ense", "ista", "istas", "iano", "iana", "ilia", "ismo", "ada", "ado")


@lru_cache(maxsize=1)
def _place_stems() -> frozenset[str]:
    """Stems of one-word place names and the last words of longer ones ("leban", "rica")."""
    out = set()
    for key in gazetteer().places:
        w = key.split()[-1]
        if len(w) >= 4:
            out.add(w[:-1] if w[-1] in "aeiouy" or len(w) > 5 else w)
    return frozenset(out)


@lru_cache(maxsize=65536)
def _demonym_like(key: str) -> bool:
    """``Lebanese``, ``Rican``, ``Indians``: a people, not a person."""
    k = key[:-1] if key.endswith("s") else key
    if k in demonyms() or key in demonyms():
        return True
    if not k.endswith(("an", "ese", "i", "ish", "ian", "er", "ite")):
        return False
    stems = _place_stems()
    return any(k[:n] in stems for n in range(3, min(len(k), 9)))


@lru_cache(maxsize=65536)
def _unknown_key(k: str) -> bool:
    ow = org_words()
    return (
        len(k) > 2 and not k.isdigit() and k not in vocab() and k not in gazetteer().places and k not in first_names()
        and k not in ow.heads and k not in ow.firsts and k not in _NOT_NAMES and not _demonym_like(k)
    )


def _unknown(tok: Token) -> bool:
    """A capitalised word no list knows and the cables never write in lower case."""
    return tok.cap and not tok.upper and _unknown_key(tok.key) and not _title_word(tok)


_SURNAME_PARTICLES = frozenset("de da del der van von di du la le ter ten".split())


def possessive_persons(tokens: list[Token], upper: bool) -> list[tuple[int, int]]:
    """In all-capitals text, a word no list knows written with a possessive (``CHAVEZ'S FORMER
    PARTNER``): a person's name, then found wherever the cable repeats it. Not a place, an
    acronym, an organisation or office word, an ordinary word, nor one without a vowel."""
    if not upper:
        return []
    gkeys = geo().keys
    out = []
    for i, t in enumerate(tokens):
        if t.poss and len(t.key) >= 4 and t.key.isalpha() and any(c in "aeiouy" for c in t.key) \
                and _unknown_key(t.key) and t.text not in known_acronyms() and place_key(t.text) not in gkeys \
                and not _title_word(t):
            first = i
            while first and tokens[first - 1].key in _SURNAME_PARTICLES and tokens[first].gap == " ":
                first -= 1  # "DE KLERK'S", "VAN DER BERG'S"
            out.append((tokens[first].start, t.end))
    return out


def unknown_name_persons(tokens: list[Token], text: str, upper: bool, caps: list[int] | None = None) -> list[tuple[int, int]]:
    """Two or three capitalised words no list knows (``Uhuru Kenyatta``), or a name with a middle
    initial (``Zachary N. Mwaura``): a person's name in mixed-case text."""
    out: list[tuple[int, int]] = []
    if upper:
        return out
    n = len(tokens)
    done = -1
    for i in (caps if caps is not None else range(n)):
        if i <= done or i >= n - 1:
            continue
        tok = tokens[i]
        if not tok.cap or tok.upper or tok.poss:
            continue
        j = i + 1
        # "Zachary N. Mwaura": a name, an initial, a name
        if len(tokens[j].text) == 1 and tokens[j].upper and tokens[j].gap == " " and j + 1 < n \
                and tokens[j + 1].gap == ". " and tokens[j + 1].cap and not tokens[j + 1].upper and len(tokens[j + 1].text) > 2 \
                and not is_common_word(tok.key) and not is_common_word(tokens[j + 1].key) and not _title_word(tok) \
                and tok.key not in gazetteer().places:
            out.append((tok.start, tokens[j + 1].end))
            done = j + 1
            continue
        if not _unknown(tok) or tok.key in _NOT_PERSON_OPENERS:
            continue
        last = i
        while last + 1 < n and last - i < 2 and tokens[last + 1].gap == " " and not tokens[last].poss and _unknown(tokens[last + 1]):
            last += 1
        if last > i and tokens[last].key.endswith(_NOT_NAME_ENDINGS):
            last = i  # "Polo Democratico": a party's name
        if last > i and tokens[i - 1].key in _NOT_NAMES | {"costa", "puerto", "sri", "el", "new"} if i else False:
            last = i  # "Costa Rican police"
        if last > i:
            before = tokens[i - 1] if i else None
            after = tokens[last + 1] if last + 1 < n else None
            if not (before is not None and before.key == "the" and not before.cap or after is not None and after.gap == " "
                    and after.cap and not after.upper):
                if place_key(text[tok.start : tokens[last].end]) not in geo().keys:
                    out.append((tok.start, tokens[last].end))
        done = last
    return out
