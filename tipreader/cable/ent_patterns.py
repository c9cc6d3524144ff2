"""Pattern entities: DATE, MONEY, PERCENT, PHONE, CABLE_REF and numbered LAW references.

Each finder yields ``(start, end, type)`` spans over one paragraph text. Patterns
are case-insensitive where cables vary (``JULY 30, 2007``, ``$7 MILLION``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .ent_data import gazetteer, tokens_of

_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sep(?:t(?:ember)?)?\.?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_DASH = r"\s?[-–]\s?"
_MD = rf"{_MONTH}\s{_DAY}"  # July 30
_DM = rf"{_DAY}\s{_MONTH}"  # 30 July
_DATE_RE = re.compile(
    rf"""\b(?:
      {_MD}{_DASH}(?:{_MD}|{_DAY}),?\s{_YEAR}         # July 30-August 3, 2007 / June 4-6, 2007
    | {_DAY}{_DASH}{_DM},?\s{_YEAR}                     # 4-6 June 2007
    | {_MD},?\s{_YEAR}                                  # July 30, 2007
    | {_DM},?\s{_YEAR}                                  # 30 July 2007
    | {_MONTH}{_DASH}{_MONTH},?\s{_YEAR}                # July-August 2007
    | {_MONTH},?\s{_YEAR}                               # July 2007
    | {_MD}{_DASH}(?:{_MD}|{_DAY})                      # December 20-21
    | {_MD}                                             # July 30
    | {_DM}                                             # 30 July
    | \d{{1,2}}/\d{{1,2}}/(?:{_YEAR}|\d\d)              # 09/02/1956
    | (?:[12]\d|3[01]|0?[1-9])\.(?:1[0-2]|0?[1-9])\.{_YEAR}  # 10.01.2009 (day.month.year)
    | {_YEAR}-[01]\d-[0-3]\d                             # 2008-03-11
    | [0-3]\d[0-2]\d[0-5]\dZ\s{_MONTH}\s\d\d            # 112219Z MAR 08 (DTG)
    | (?:19|20)\d0['’]?s                                 # 1960s, 1990's
    | [2-9]0s                                            # the 90s (kept only after a decade cue)
    | {_YEAR}(?:{_DASH}(?:{_YEAR}|\d\d)(?!\d))?         # 2007, 2006-2007
    )(?![\w/])""",
    re.X | re.I,
)
_DATE_START = re.compile(r"\b(?:\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)", re.I)
# The same hint over lower-cased text, without re.I (several times faster to scan).
_DATE_START_LOW = re.compile(r"\b(?:\d|jan|feb|ma[ry]|apr|ju[nl]|aug|sep|oct|nov|dec)")
_DIGIT = re.compile(r"\d")  # every pattern entity has a digit
# Before a two-digit decade ("the 90s", "late '80s", "mid-70s"); ages ("their 40s") have none.
_DECADE_CUE = re.compile(r"(?:\bthe|\blate|\bearly|\bmid)[\s-]'?$", re.I)
# A bare year followed by these is a count, not a date ("2000 people").
_NOT_YEAR_AFTER = re.compile(
    r"\s?(?:%|percent|people|persons|victims|officials|migrants|men|women|children|troops|"
    r"soldiers|km|kilomet|miles|meters|dollars|usd|euros|pesos|hours|cases|tons)\b",
    re.I,
)

_AMOUNT = r"\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|thousand|trillion|mn|bn|mln|m|b)\b)?"
_CUR_WORD = r"(?:USD|US\s?dollars|U\.S\.\s?dollars|dollars|EUR|euros?|pesos|naira|rupees|GBP|pounds)"
_CODES = ("USD", "EUR", "GBP", "MXN")  # written before an amount ("USD 5 million")
# Currencies written after an amount ("3 BILLION REAIS", "500 million dinars"), as pattern words; not
# "pounds" (weight) nor "won"/"rand" (words). The one list both the pattern and its gate are made of.
_AFTER_AMOUNT = ("dollars", "euros?", "pesos", "naira", "rupees", "USD", "EUR", "reais", "reals", "rubles", "roubles",
                 "yuan", "renminbi", "yen", "dinars?", "dirhams?", "riyals?", "rials?", "shekels?", "liras?",
                 "shillings?", "cedis?", "francs", "bolivares", "bolivars", "soles", "quetzales", "colones",
                 "lempiras", "cordobas", "kwacha", "birr", "taka", "rupiah", "ringgit", "baht", "afghanis", "leva",
                 "lei", "zlotys?", "forints?", "hryvnias?", "tenge", "manat", "somoni", "kyats?")
_MONEY_RE = re.compile(
    rf"""(?:(?:US|U\.S\.)?\$\s?{_AMOUNT}(?:\s?{_CUR_WORD}\b)?
        | \b(?:{"|".join(_CODES)})\s?{_AMOUNT}
        | \b{_AMOUNT}\s(?:U\.S\.\s|US\s)?(?:{"|".join(_AFTER_AMOUNT)})\b)""",
    re.X | re.I,
)
# Where a money match may start, over lower-cased text.
_MONEY_START_LOW = re.compile(r"[$\d]|us|u\.s\.|eur|gbp|mxn")
# Over lower-cased text: a word every money match without a "$" opens with (a currency, at a word's start:
# "rial", not "material"), made of the same lists as the pattern.
_MONEY_GATE = re.compile(
    r"(?<![a-z])(?:" + "|".join(sorted({w.lower().removesuffix("s?") for w in _CODES + _AFTER_AMOUNT})) + ")")
# r"\b\d+(?:[.,]\d+)?\s?(?:%|percent\b|per\scent\b)" with re.I, written to open with a digit (fast scan).
_PERCENT_RE = re.compile(r"\d(?<!\w\d)\d*(?:[.,]\d+)?\s?(?:%|[Pp][Ee][Rr][Cc][Ee][Nn][Tt]\b|[Pp][Ee][Rr]\s[Cc][Ee][Nn][Tt]\b)")
_PHONE_RE = re.compile(
    r"""(?<![\w)])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)\s?){0,3}\d{2,4}[\s.-]\d{3,4}(?:[\s.-]\d{3,4})?
        (?:,?\s?(?:ext|x)\.?\s?\d{1,5})?(?![\w-])""",
    re.X | re.I,
)
# International numbers written in groups of any length: "+967-1-755-2000", "+20 2 2797 3300".
_INTL_PHONE_RE = re.compile(r"\+\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){2,5}(?:,?\s?(?:ext|x)\.?\s?\d{1,5})?(?![\w-])", re.I)
_BARE_PHONE_RE = re.compile(r"(?<![\w/.,-])\d{7,8}(?:/\d{1,2})?(?![\w.,-]\d|\w)")
_BARE_PHONE_CUE = re.compile(r"\b(?:tel|telephone|phone|fax|cell|mobile|tels|phones)\b", re.I)
_PHONE_GATE = re.compile(r"\d\d[\s.-]\d\d\d|\+\d|\d{7}")  # contained in every phone match
_PHONE_WORD = re.compile(r"(?:phone|tel|telephone|fax|cell|mobile|call|number|reached)\b[^.]*$", re.I)
_EO_DOTS = re.compile(r"e\.\s?o\.")  # over lower-cased text
_LAW_RE = re.compile(
    r"""\b(?:E\.\s?O\.|EO|Executive\sOrder)\s\d{5}\b
      | \bArticles?\s\d+[A-Za-z]?(?:\s(?:section|paragraph|para\.?|clause)\s\d*\s?)?(?:\s?\([a-z0-9]{1,4}\))*""",
    re.X | re.I,
)
# A numbered law, capitalised: "Law No. 64 of 2010 on Combating Human Trafficking", "Federal Law No. 51
# of 2006", "Royal Decree M/40", "Law 3/2008", "Resolution 1325".
_LAW_WORDS = ("Law ", "law no", "law No", "law num", "Decree", "Ordinance", "Proclamation", "Resolution ", "Act ", "Bill ")
_NUMBERED_LAW_GATE = re.compile(
    r"(?:Law|Decree|Ordinance|Proclamation|Resolution|Act|Bill)\s(?:No|Number|#|[A-Z]?/?\d)|\blaw\s(?:[Nn]o\.|[Nn]umber)\s?\d")
_NUMBERED_LAW_RE = re.compile(
    r"""(?:\b(?:Federal|Royal|Presidential|Ministerial|Organic|National|Legislative|Emergency|Penal|Labou?r)\s)?
        \b(?:(?:Law|Decree|Decree-Law|Decree\sLaw|Ordinance|Proclamation|Resolution|Act|Bill)
        \s(?:No\.?\s?|Number\s|\#\s?)?|law\s(?:[Nn]o\.\s?|[Nn]umber\s))[A-Z]?/?\d+(?:[/-]\d+)?(?:\s(?:of|[Oo]f)\s(?:19|20)\d\d)?
        (?:\s(?:on|for|against|concerning|regarding|to\sCombat|to\sPrevent)(?:\s(?:the|and|of|in|on|for|[A-Z][\w'’-]+))*\s[A-Z][\w'’-]+)?""",
    re.X,
)
_CABLE_POSTS = ("STATE", "SECSTATE", "USUN", "USNATO", "USEU", "UNVIE", "USOSCE", "USCINCSO")
_REF_GATE = re.compile(r"[A-Z][A-Z]\s\d")  # contained in every _REF_RE match
_REF_RE = re.compile(r"\b(?:((?:19|20)?\d\d)\s)?([A-Z][A-Z]+(?:\s[A-Z][A-Z]+){0,2})\s(\d{1,6})\b")


def find_dates(text: str) -> Iterator[tuple[int, int, str]]:
    """Absolute dates, ranges, DTGs and years."""
    if not _DIGIT.search(text):
        return
    low = text.lower()
    if len(low) == len(text):  # offsets agree: scan the lower-cased copy
        hint_search, hay = _DATE_START_LOW.search, low
    else:
        hint_search, hay = _DATE_START.search, text
    pos = 0
    while True:
        hint = hint_search(hay, pos)
        if not hint:
            return
        m = _DATE_RE.match(text, hint.start())
        if not m:
            pos = hint.end()
            continue
        pos = m.end()
        s, e = m.span()
        word = m.group()
        if word[-1] in "sS" and len(word) <= 4 and not _DECADE_CUE.search(text, max(0, s - 7), s):
            continue  # "in their 40s" is an age; "the late 90s" a decade
        if word.isdigit():
            if text[s - 1 : s] in "$#" or _NOT_YEAR_AFTER.match(text, e) or text[e : e + 1] in ",." and text[e + 1 : e + 2].isdigit():
                continue
            if s and (text[s - 1].isdigit() or text[s - 1] in ",."):
                continue
        yield s, e, "DATE"


def find_money(text: str) -> Iterator[tuple[int, int, str]]:
    """Amounts of money ("$7 million USD", "USD 5 million"); "X-$Y" ranges are two."""
    if not _DIGIT.search(text):
        return
    low = text.lower()
    if "$" not in text and not _MONEY_GATE.search(low):
        return
    if len(low) != len(text):
        for m in _MONEY_RE.finditer(text):
            yield m.start(), m.end(), "MONEY"
        return
    # As _MONEY_RE.finditer, trying the pattern only where a match may start.
    search, match = _MONEY_START_LOW.search, _MONEY_RE.match
    pos = 0
    while hint := search(low, pos):
        found = match(text, hint.start())
        if found:
            yield found.start(), found.end(), "MONEY"
            pos = found.end()
        else:
            pos = hint.start() + 1


def find_percent(text: str) -> Iterator[tuple[int, int, str]]:
    """Percentages ("80%", "50 percent")."""
    if not _DIGIT.search(text) or "%" not in text and "per" not in text.lower():
        return
    for m in _PERCENT_RE.finditer(text):
        yield m.start(), m.end(), "PERCENT"


def find_phones(text: str) -> Iterator[tuple[int, int, str]]:
    """Telephone and fax numbers with at least seven digits, with their extension."""
    if not _PHONE_GATE.search(text):
        return
    intl = []
    if "+" in text:
        for m in _INTL_PHONE_RE.finditer(text):
            if sum(c.isdigit() for c in m.group()) >= 7:
                intl.append(m.span())
                yield m.start(), m.end(), "PHONE"
    for m in _BARE_PHONE_RE.finditer(text):  # "TEL: 7196138/9, 7189265": seven or eight digits after a phone word
        if _BARE_PHONE_CUE.search(text, max(0, m.start() - 60), m.start()):
            intl.append(m.span())
            yield m.start(), m.end(), "PHONE"
    for m in _PHONE_RE.finditer(text):
        if any(a <= m.start() < b for a, b in intl):
            continue
        digits = sum(c.isdigit() for c in m.group())
        group = m.group()
        if digits < 7 or ("(" not in group and "+" not in group and digits < 10 and not _PHONE_WORD.search(text, max(0, m.start() - 40), m.start())):
            continue
        if re.fullmatch(r"\d{1,2}/\d{1,2}/\d{2,4}", group) or re.fullmatch(r"[\d,]+", group.replace(" ", "")):
            continue
        yield m.start(), m.end(), "PHONE"


def find_laws(text: str) -> Iterator[tuple[int, int, str]]:
    """Executive orders and article references ("E.O. 12958", "Article 6 (a)")."""
    if not _DIGIT.search(text):
        return
    low = text.lower()
    numbered = _NUMBERED_LAW_GATE.search(text) if any(w in text for w in _LAW_WORDS) else None
    if not (numbered or "rticle" in low or "xecutive order" in low or "eo " in low or ("o." in low and _EO_DOTS.search(low))):
        return
    for m in _LAW_RE.finditer(text):
        yield m.start(), m.start() + len(m.group().rstrip()), "LAW"
    for m in _NUMBERED_LAW_RE.finditer(text, max(0, numbered.start() - 40) if numbered else len(text)):
        yield m.start(), m.end(), "LAW"


def _is_post(name: str) -> bool:
    if name in _CABLE_POSTS:
        return True
    key = " ".join(tokens_of(name))
    return key in gazetteer().places


def find_cable_refs(text: str) -> Iterator[tuple[int, int, str]]:
    """References to other cables: "2006 STATE 202745", "09 SANAA 1936", "ANKARA 1532"."""
    if not _REF_GATE.search(text):
        return
    for m in _REF_RE.finditer(text):
        year, post, number = m.groups()
        words = post.split()
        # Other capitals may precede the post ("REF ANKARA 1532"): try the tail words.
        for k in range(len(words)):
            name = " ".join(words[k:])
            if _is_post(name):
                break
        else:
            continue
        n = int(number)
        if not (year and k == 0):
            if len(number) < 3 or (1900 <= n <= 2030 and name not in _CABLE_POSTS):
                continue
            start = m.start(2) + len(post) - len(name)
        else:
            start = m.start(1)
        yield start, m.end(), "CABLE_REF"
