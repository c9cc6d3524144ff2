"""Places, organisations and named laws found from the bundled lists and capitalisation.

LOCATION: longest match of the gazetteer over capitalised tokens (``Baja
California``, ``U.S.``, ``Kano State``); names in ``ambiguous.txt`` (Medina,
Mora, Most, Central) only after a locative preposition, in a list of places, or
before ", <place>" / "State".

ORG: known names (``org_names.txt``), single-word bodies (``Congress``), runs of
capitalised words ending in an organisation word (``Federal High Court``) or
opening with one before of/for/de (``Ministry of Foreign Relations ...``,
``Secretaria de Seguridad Publica``), and "the X trafficking organization".
Generic uses (``the Government``, ``Post``) stay untagged.

LAW: runs ending in Act, Law, Code, Protocol, Convention, Treaty ... and
``Memorandum of Understanding``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .ent_acronyms import CONNECTORS
from .ent_data import first_names, fold, gazetteer, is_common_word, org_words, titles, vocab
from .ent_text import Token, capitalised
from .ent_upper_orgs import ORG_STOP, capitals_orgs

LOC_PREPS = frozenset(
    "in to from at near into through via across between toward towards outside inside within throughout "
    "around of and en".split()
)
_DIRECTIONS = frozenset("""north south east west northern southern eastern western northeast northwest southeast
    southwest northeastern northwestern southeastern southwestern""".split())
LOC_SUFFIX = frozenset("state city province region department governorate district municipality".split())
LAW_HEADS = frozenset(
    "act law code protocol convention treaty constitution decree statute amendment accord charter covenant agreement".split()
)
_SPANISH_FIRSTS = frozenset(
    """casa grupo grupos fundacion asociacion instituto centro comision consejo partido frente movimiento
    banco universidad agencia secretaria ministerio procuraduria fiscalia direccion sistema corte alianza
    coordinadora red fundacao associacao bank""".split()
)
_IBERIAN_CONNECTORS = frozenset("de del la las los el y e para por da do dos das".split())
_JOIN_GAPS = frozenset({" ", "-", "\n"})
_CALENDAR = frozenset("""january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday""".split())
# "\bthe ...": opening with the literal lets the engine skip ahead to it.
_ORG_CONTEXT = re.compile(
    r"the(?<!\wthe) ((?:[A-Z][\w'’-]+ ){0,2}[A-Z][\w'’-]+) (?:(?:trafficking|criminal|crime|drug|smuggling|terrorist) )?"
    r"(?:organization|organisation|cartel|gang|network|syndicate|ring)\b"
)


def _gap_ok(gap: str) -> bool:
    return gap in _JOIN_GAPS or gap in (".", ". ") or gap == "  "


def _name_positions(tokens: list[Token], upper: bool, caps: list[int] | None) -> Sequence[int]:
    """Where a name may start: any token in capitals, else a capitalised one (``caps`` if known)."""
    if upper:
        return range(len(tokens))
    return capitalised(tokens) if caps is None else caps


def find_locations(tokens: list[Token], text: str, upper: bool, caps: list[int] | None = None) -> list[tuple[int, int, str]]:
    """LOCATION spans from the gazetteer (``caps``: :func:`ent_text.capitalised` of ``tokens``)."""
    gaz = gazetteer()
    out: list[tuple[int, int, str]] = []
    n_tok = len(tokens)
    starts = gaz.starts
    i = 0  # the next token a place may start at
    for c in [j for j in _name_positions(tokens, upper, caps) if tokens[j].key in starts]:  # only these can open a place
        if c < i:
            continue
        i = c
        tok = tokens[i]
        if not (tok.cap or upper) or (tok.upper and not upper and len(tok.text) > 1 and tok.text not in ("US", "UK", "UAE", "USA", "DRC", "PRC", "DPRK", "ROK", "NWFP", "FATA")):
            continue
        match = 0
        for n in gaz.starts.get(tok.key, ()):
            if n > n_tok - i:
                continue
            seq = tokens[i : i + n]
            k = " ".join([t.key for t in seq]) if n > 1 else tok.key
            if k not in gaz.places:  # the cheapest test first; all must hold
                continue
            if n > 1 and any(t.poss for t in seq[:-1]):
                continue
            if n > 1 and not all(_gap_ok(t.gap) for t in seq[1:]):
                continue
            if not upper and not all(t.cap or t.key in CONNECTORS for t in seq):
                continue
            match = n
            break
        if not match:
            continue
        seq = tokens[i : i + match]
        k = " ".join(t.key for t in seq)
        start, end = seq[0].start, seq[-1].end
        if text[end : end + 1] == "." and all(len(t.text) == 1 for t in seq):
            end += 1  # U.S.
        nxt = tokens[i + match] if i + match < n_tok else None
        has_suffix = nxt is not None and nxt.key in LOC_SUFFIX and (nxt.cap or upper) and nxt.gap == " "
        if k in gaz.ambiguous or (upper and match == 1 and is_common_word(k)):
            prev = tokens[i - 1] if i else None
            in_context = has_suffix or (
                prev is not None and prev.key in LOC_PREPS and prev.gap is not None and not prev.cap and tok.gap.strip() == ""
            )
            if not in_context and nxt is not None and nxt.gap.strip() in (",",) and (nxt.cap or upper):
                in_context = " ".join(t.key for t in tokens[i + match : i + match + 1]) in gaz.places
            if not in_context and out and tok.gap.strip() in (",", "and", ", and") and out[-1][1] == tokens[i - 1].end:
                in_context = True
            if k == "us" and upper or not in_context:
                i += match
                continue
        if has_suffix and nxt is not None and not seq[-1].poss and fold(k) not in ("mexico city",):
            end = nxt.end
            match += 1
        prev = tokens[i - 1] if i else None
        if prev is not None and prev.key in _DIRECTIONS and (prev.cap or upper) and tok.gap == " " and not prev.poss \
                and (not out or out[-1][1] <= prev.start):
            start = prev.start  # "SOUTH TEHRAN", "Northern Mozambique", "South East Asia": the region is the place
        out.append((start, end, "LOCATION"))
        i += match
    return out


def _name_token(tok: Token, upper: bool) -> bool:
    if upper:
        return True
    return tok.cap and not (tok.upper and len(tok.text) > 1 and tok.text not in ("U", "S"))


@lru_cache(maxsize=1)
def _org_keys() -> frozenset[str]:
    """Folded words that open a known organisation name or name one alone."""
    ow = org_words()
    return frozenset(ow.starts) | ow.alone


def find_orgs(tokens: list[Token], text: str, upper: bool, caps: list[int] | None = None) -> list[tuple[int, int, str]]:
    """ORG spans: known names, single-word bodies, keyword runs, "the X organization".

    ``caps``: :func:`ent_text.capitalised` of ``tokens``, when the caller has it.
    """
    ow = org_words()
    gaz = gazetteer()
    out: list[tuple[int, int, str]] = []
    n_tok = len(tokens)
    keys = _org_keys()
    if not upper and caps is None:
        caps = capitalised(tokens)
    for i in [j for j in _name_positions(tokens, upper, caps) if tokens[j].key in keys]:  # only these can open a name
        tok = tokens[i]
        if not (tok.cap or upper):
            continue
        for n in ow.starts.get(tok.key, ()):
            if n > n_tok - i:
                continue
            seq = tokens[i : i + n]
            k = " ".join([t.key for t in seq]) if n > 1 else tok.key
            if k not in ow.names:  # the cheapest test first; all must hold
                continue
            if n > 1 and (any(t.poss for t in seq[:-1]) or not all(_gap_ok(t.gap) for t in seq[1:])):
                continue
            if k in ow.names and (upper or all(t.cap or t.key in CONNECTORS for t in seq)):
                end = seq[-1].end
                start = tok.start
                if i >= 2 and tokens[i - 2].key == "u" and tokens[i - 1].key == "s" and tok.gap == ". ":
                    start = tokens[i - 2].start  # "U.S. Customs and Border Protection"
                nxt = tokens[i + n] if i + n < n_tok else None
                if nxt is not None and nxt.gap == " " and nxt.cap and nxt.key in gaz.places and not seq[-1].poss:
                    end = nxt.end  # "Pfizer Nigeria"
                out.append((start, end, "ORG"))
                break
        if tok.key in ow.alone and (tok.cap and not tok.upper or upper):
            out.append((tok.start, tok.end, "ORG"))
    if upper:
        out.extend(capitals_orgs(tokens))
    else:
        out.extend(_keyword_runs(tokens, caps if caps is not None else capitalised(tokens)))
        for m in _ORG_CONTEXT.finditer(text):
            out.append((m.start(1), m.end(1), "ORG"))
    if "-" in text:  # "Pakistan Muslim League-N": a faction's letter is in the name
        out = [(s, e + 2, t) if _FACTION.match(text, e) else (s, e, t) for s, e, t in out]
    return out


_FACTION = re.compile(r"-[A-Z](?![\w-]|\.\w)")  # not "Mercosul-U.S."


def _tight(gap: str) -> bool:
    return gap in _JOIN_GAPS


_PREPS = frozenset("of for on against to de del para da do dos das des du".split())


def _extend_right(tokens: list[Token], j: int) -> int:
    """From token j (an organisation or law word), take "of/for/de + capitalised words"; the last index.

    The first joining word must be a preposition ("Federal Penal Code and the Penal Proceedings
    Code" is two names); later ones may be "and", "in" ... ("Law to Prevent and Punish Trafficking
    in Persons").
    """
    n = len(tokens)
    end, k, first = j, j + 1, True
    while k < n and not tokens[k - 1].poss:
        k2 = k
        while k2 < n and _tight(tokens[k2].gap) and tokens[k2].key in CONNECTORS and (not tokens[k2].cap or tokens[k2].key in _PREPS):
            k2 += 1
        if k2 == k or k2 >= n or (first and tokens[k].key not in _PREPS):
            break
        if tokens[k].key in ("in", "to", "at") and k2 == k + 1 and tokens[k2].key in gazetteer().places:
            break  # "the Embassy of Somalia in Beijing", "the Somali Mission to Kenya": the place is not in the name
        if any(tokens[x].key == "the" for x in range(k, k2)) and tokens[k].key == "and":
            break  # "Ministry of Education and the National Council for Women": two bodies
        if not _name_token(tokens[k2], False) or not _tight(tokens[k2].gap) or tokens[k2].key in CONNECTORS \
                or tokens[k2].key in _CALENDAR:
            break  # "Mangal Airlines for the December flights": a date is no part of the name
        first = False
        end, k = k2, k2 + 1
        while k < n and _name_token(tokens[k], False) and tokens[k].key not in _PREPS and _tight(tokens[k].gap) and not tokens[k - 1].poss:
            if _person_follows(tokens, k):
                return end  # "the Egyptian Organization for Human Rights Hisham Kassem"
            end, k = k, k + 1
    return end


def _is_title(seq: list[Token]) -> bool:
    """True when the words (or all but a leading nationality) are a person's title."""
    heads = titles().heads
    keys = tuple(t.key for t in seq)
    return keys in heads or keys[1:] in heads and len(keys) > 2


def _person_follows(tokens: list[Token], k: int) -> bool:
    """True when tokens ``k``, ``k+1`` read as a person's name rather than more of an office's
    words: a given name, or two capitalised words the cables never write in lower case."""
    tok = tokens[k]
    if tok.key in first_names() and k + 1 < len(tokens) and tokens[k + 1].cap and tokens[k + 1].gap == " ":
        return True
    if k + 1 < len(tokens) and tokens[k + 1].cap and tokens[k + 1].gap == " " and tokens[k + 1].key in titles().head_last:
        return True  # "Ministry of External Affairs Joint Secretary ...": an office holder follows
    if k + 2 < len(tokens) and tokens[k + 1].key in ("al", "el") and tokens[k + 2].gap == "-" and tok.key not in vocab():
        return True  # "... Studies Bahey Al-Din Hassan"
    if k + 1 >= len(tokens) or tokens[k + 1].gap not in (" ", "-") or not tokens[k + 1].cap:
        return False
    places = gazetteer().places
    return all(t.key not in vocab() and t.key not in places and len(t.key) > 2 for t in tokens[k : k + 2])


@lru_cache(maxsize=1)
def _run_keys() -> frozenset[str]:
    ow = org_words()
    return ow.heads | ow.firsts | LAW_HEADS


# heads no person's office ends with ("the Egyptian Organization for Human Rights Hisham Kassem")
_NEVER_OFFICES = frozenset("organization organisation association foundation".split())


def _keyword_runs(tokens: list[Token], caps: list[int]) -> list[tuple[int, int, str]]:
    ow = org_words()
    places = gazetteer().places
    title_last = titles().head_last
    out: list[tuple[int, int, str]] = []
    keys = _run_keys()
    for j in [k for k in caps if tokens[k].key in keys]:  # capitalised organisation and law words
        tok = tokens[j]
        if not (tok.cap and not tok.upper):
            continue
        law = tok.key in LAW_HEADS
        if tok.key in ow.heads or law:
            i = j
            while i > 0:
                prev = tokens[i - 1]
                if not _gap_ok(tokens[i].gap) or prev.sent and prev.key in ORG_STOP:
                    break
                if "." in tokens[i].gap and len(prev.text) > 2:
                    break  # "... in Egypt. Government experts": a sentence ends
                if prev.poss and (prev.key in places or prev.key in ow.alone
                                  or prev.key not in title_last and not is_common_word(prev.key)):
                    break  # "Mexico's", "Parliament's Treasury Select Committee": the owner is not in the name
                if prev.key in ("and", "&") and i >= 2 and (tokens[i - 2].key in ow.heads or "," in tokens[i - 2].gap
                                                             or any(t.key == tok.key for t in tokens[max(0, i - 5) : i - 1])):
                    break  # "Bank Melli and Bank Mellat", "Finance Cell and Mission", "Kabo, Meridian and Mangal Airlines"
                if _name_token(prev, False) and prev.key not in ORG_STOP or prev.key in CONNECTORS and not prev.cap and i - 1 > 0 and _name_token(tokens[i - 2], False):
                    i -= 1
                elif prev.upper and len(prev.text) <= 3 and prev.key in places and tokens[i].gap == " " and "/" not in prev.gap:
                    i -= 1  # "UK Border Agency", "US Congress": a country's initials are in the name, as "U.S."
                    break
                else:
                    break
            while i < j and (tokens[i].key in CONNECTORS or law and tokens[i].key in places):
                if tokens[i].cap and tokens[i].key in ("al", "el") and tokens[i + 1].gap == "-":
                    break  # "the Al-Thawra Hospital"
                i += 1
            if law and i + 1 < j and tokens[i].key == "u" and tokens[i + 1].key == "s":
                i += 2  # "the U.S. Foreign Corrupt Practices Act": the country is not in the name
            end = _extend_right(tokens, j) if not tok.poss else j
            if end == j and i == j:
                if tok.key in _SPANISH_FIRSTS and (end := _name_after(tokens, j)) > j:
                    out.append((tok.start, tokens[end].end, "ORG"))  # "Bank Mellat": a head word, then its name
                continue
            after = tokens[end + 1] if end + 1 < len(tokens) else None
            if after is not None and after.gap == " " and after.cap and after.key in first_names() \
                    and tok.key not in _NEVER_OFFICES:
                continue  # "Deputy Chief of Mission Mark Tokola": a title before a name
            if " ".join(t.key for t in tokens[i : end + 1]) in places or tokens[i].key == "rule":
                continue  # "West Bank" is a place; "Rule of Law" is no law
            if _is_title(tokens[i : end + 1]):
                continue  # "Deputy Chief of Mission", "Member of Parliament": a person's office
            if tok.key == "administration" and i == j - 1 and tokens[i].key not in places and not law:
                continue  # "the Bush Administration": a person's government
            if i and tokens[i - 1].text in ("UN", "EU", "AU") and tokens[i].gap == " " and not law:
                i -= 1  # "UN Human Rights Council"
            if law:
                if end + 2 < len(tokens) and tokens[end + 1].key == "of" and tokens[end + 2].key.isdigit() \
                        and len(tokens[end + 2].key) == 4 and tokens[end + 2].gap == " ":
                    end += 2  # "the Trafficking Victims Protection Act of 2000": the year is in the name
                out.append((tokens[i].start, tokens[end].end, "LAW"))
            else:
                out.append((tokens[i].start, tokens[end].end, "ORG"))
        elif tok.key in ow.firsts and not tok.poss:
            end = _extend_right(tokens, j)
            if end == j and tok.key in _SPANISH_FIRSTS:
                end = _name_after(tokens, j)
            if end == j:
                continue
            after = tokens[end + 1] if end + 1 < len(tokens) else None
            if tok.key == "secretary" and (after is not None and after.cap and after.gap == " " or j and tokens[j - 1].key == "the"):
                continue  # "Secretary of State Rice", "the Secretary of Commerce": a person's title
            if tok.key in ("secretary", "minister") and end > j + 2 and tokens[end].key not in vocab() \
                    and tokens[end].key not in gazetteer().places:
                continue  # "Secretary of Defense Flournoy": the title, then the holder's name
            out.append((tok.start, tokens[end].end, "ORG"))
    return out


def _name_after(tokens: list[Token], j: int) -> int:
    """The last token of a name that follows the organisation word at ``j`` ("Fundacion Rahab",
    "Alianza Por Tus Derechos", "Grupo MBS", "Bank Mellat"); ``j`` when none does."""
    ow, title_last = org_words(), titles().head_last
    end, k = j, j + 1
    if k < len(tokens) and tokens[k].gap == " " and tokens[k].upper and 2 <= len(tokens[k].text) <= 5:
        end = k  # "Grupo MBS": a company named by its initials
    while k < len(tokens) and k - j <= 4 and _tight(tokens[k].gap) and (_name_token(tokens[k], False) or tokens[k].key in _IBERIAN_CONNECTORS and k + 1 < len(tokens) and tokens[k + 1].cap):
        if tokens[k].key in title_last or tokens[k].key in ow.firsts or tokens[k].key in ow.heads or tokens[k - 1].poss:
            break  # "Banco Sabadell President Jose Oliu", "Bank Melli Bank Mellat"
        if tokens[k].cap:
            end = k
        k += 1
    return end


def long_form_type(long_form: str) -> str | None:
    """ORG or LAW when a defined acronym's long form names one, else None."""
    words = long_form.replace("’", "'").split()
    if not words or not words[0][:1].isupper():
        if words and fold(words[-1]) in org_words().heads and len(words) >= 2:
            return "ORG"
        return None
    keys = [fold(w.strip("'s")) for w in words]
    ow = org_words()
    if keys[-1] in LAW_HEADS or long_form.lower().startswith("memorandum of understanding"):
        return "LAW"
    if any(k in ow.heads or k in ow.firsts for k in keys):
        return "ORG"
    if len(words) >= 3 and any(k in ("de", "del", "para", "da", "do") for k in keys):
        return "ORG"  # Spanish and Portuguese long forms name institutions
    return None
