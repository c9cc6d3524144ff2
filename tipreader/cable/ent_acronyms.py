"""Acronyms: mentions, and their expansions where the cable defines them.

Definitions found (``Definition``):

* ``long form (ACR)`` by Schwartz–Hearst letter matching, with a window wide
  enough for long Spanish forms (``Centro Nacional de ... delincuencia (CENAPI)``);
* when the letters do not match (``National Migration Institute (INM)``, Spanish
  acronyms with English long forms), the run of capitalised words before the
  bracket, or a phrase opening with an organisation word (``Secretary of
  government (SEGOB)``);
* ``ACR (long form)``, a missing bracket (``Secretary of Labor STPS)``);
* with no bracket anywhere, a capitalised phrase elsewhere in the cable whose
  initials spell the acronym (``Memorandum of Understanding`` … ``MOU``).

Mentions: upper-case tokens of two or more capitals (``NGOs`` and ``USAID's``
included), ``GoT``/``MoD``-style government and ministry abbreviations, slash compounds split into
their parts (``ICE/USAID``) unless a part is a single letter (``G/TIP``) or the
whole is defined (``MRE/DDS``). Paragraph markings, structural words
(``QUESTION``, ``REF``) and redactions are not acronyms. In upper-case
paragraphs only known, defined, vowel-less or ``GO?``-style tokens count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .ent_data import fold, gazetteer, is_common_word, known_acronyms, org_words, vocab
from .ent_text import is_government_acronym

STRUCTURAL = frozenset(
    """QUESTION QUESTIONS POST RESPONSE RESPONSES REF REFS REFTEL REFTELS SUBJECT SUMMARY COMMENT
    END NOTE TEXT BEGIN PARA PARAS TAGS SIPDIS NOFORN UNCLAS UNCLASSIFIED CONFIDENTIAL SECRET
    SENSITIVE CLASSIFIED ACTION INFO DECL DECLASSIFY BT NNNN EXDIS LIMDIS NODIS STADIS ORCON
    PROPIN FOUO SBU NF REL TS SECTION PAGE OF AND THE FOR TO IN ON BY AT AS OR NOT NO YES
    QUOTE UNQUOTE ENDQUOTE PART APPENDIX ANNEX ATTACHMENT TEL FAX""".split()
)
MARKINGS = frozenset("SBU C U S TS NF FOUO NOFORN REL ORCON PROPIN SI TK".split())
CONNECTORS = frozenset(
    "of for and the on against in to de del la las los el e y para da do dos das du des van von al".split()
)
# Both patterns open with a capital before any assertion, so the engine can skip to capitals
# quickly; they match what "(?<![\w&'’/])(?:Go[A-Z]{1,2}|[A-Z][A-Z0-9&]*[A-Z0-9]|[A-Z])..." and
# "(?:\b[A-Z][A-Z'’.&-]+\b[\s,:;/-]+){3,}..." match.
_CANDIDATE = re.compile(
    r"[A-Z](?<![\w&'’/][A-Z])(?:(?<=[GM])o[A-Z]{1,2}|[A-Z0-9&]*[A-Z0-9]|)(?:/(?:[A-Z][A-Z0-9&]*))*(?:s\b)?(?![\w&]|/\w)"
)
_CAPS_RUN = re.compile(r"[A-Z](?<!\w[A-Z])[A-Z'’.&-]+\b[\s,:;/-]+(?:\b[A-Z][A-Z'’.&-]+\b[\s,:;/-]+){2,}[A-Z][A-Z'’.&-]+\b")
_HONORIFICS = frozenset("MR MS MRS DR ST GEN COL LT SEN REP GOV AMB PROF MSGR".split())
_ROMAN = re.compile(r"^[IVXL]+$")
_WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]\"“”]|--|\.\s")
_DEF_AFTER = re.compile(r"\(\s*((?:[GM]o[A-Z]{1,2}|[A-Z][A-Za-z0-9&]*[A-Z0-9])(?:[/-][A-Z][A-Za-z0-9&]*)*s?)\s*(?:\)|(?=[,;\s]))")
# "(?<![(\w])([A-Z][A-Z0-9&]+s?)\)" and "\b([A-Z][A-Z0-9&]{1,9})s?\s\(...\)", written to open with a capital.
_DEF_MISSING_OPEN = re.compile(r"([A-Z](?<![(\w][A-Z])[A-Z0-9&]+s?)\)")
_DEF_BEFORE = re.compile(r"([A-Z](?<!\w[A-Z])[A-Z0-9&]{1,9})s?\s\(([^()]{3,150})\)")


@dataclass(frozen=True, slots=True)
class Definition:
    """An acronym defined in the text: where, and the long form's span."""

    acronym: str  # as written, without a plural "s"
    expansion: str
    paragraph: int
    start: int  # the long form's span in the paragraph
    end: int


def key(acr: str) -> str:
    """The glossary key of a mention: "NGOs" → "NGO", "USAID" → "USAID"."""
    if "- " in acr:
        acr = acr.replace("- ", "-")  # "CAFTA- DR": a line broke after the hyphen
    if len(acr) > 2 and acr.endswith("s") and acr[:-1].replace("/", "").replace("-", "").isupper():
        return acr[:-1]
    return acr


def _letters(acr: str) -> str:
    return "".join(c for c in key(acr).lower() if c.isalnum())


def _schwartz_hearst(letters: str, words: list[tuple[int, int, str]], text: str) -> int | None:
    """Index of the first word of the shortest long form matching ``letters``, or None."""
    if not words:
        return None
    base = words[0][0]
    long_text = text[base : words[-1][1]].lower()
    starts = {s - base for s, _, _ in words}
    starts |= {m.start() + 1 for m in re.finditer(r"[-/][a-z]", long_text)}
    s_i, l_i = len(letters) - 1, len(long_text) - 1
    while s_i >= 0:
        ch = letters[s_i]
        while l_i >= 0 and (long_text[l_i] != ch or (s_i == 0 and l_i not in starts)):
            l_i -= 1
        if l_i < 0:
            return None
        l_i -= 1
        s_i -= 1
    pos = l_i + 1 + base
    for i, (s, e, _) in enumerate(words):
        if s <= pos < e:
            return i
    return None


def _is_cap(word: str) -> bool:
    return word[:1].isupper() or word.lower() in CONNECTORS


def _capital_run(words: list[tuple[int, int, str]], text: str) -> int | None:
    """First word of the run of capitalised words ending at the bracket, if it names something."""
    orgs = org_words()
    places = gazetteer().places
    i = len(words)
    while i > 0:
        _s, _e, w = words[i - 1]
        if i < len(words) and w[-2:] in ("'s", "’s") and fold(w[:-2]) in places:
            break  # "Mexico's Foreign Relations Secretariat": the owner is not in the name
        last_lower_head = i == len(words) and fold(w) in orgs.heads
        if not (_is_cap(w) or last_lower_head):
            break
        i -= 1
    while i < len(words) and (
        words[i][2].lower() in CONNECTORS
        or words[i][2][-2:] in ("'s", "’s") and not is_common_word(fold(words[i][2][:-2]))
    ):
        i += 1  # "Erdogan's Justice and Development Party": the owner is not in the name
    run = words[i:]
    if len(run) < 2:
        run = []
    caps = sum(1 for _, _, w in run if w[:1].isupper())
    has_head = any(fold(w) in orgs.heads for _, _, w in run)
    if run and (caps >= 2 or (has_head and caps >= 1)):
        return i
    # "Secretary of government (SEGOB)": a short phrase opening with an organisation word.
    for j in range(max(0, len(words) - 5), len(words)):
        if fold(words[j][2]) in orgs.firsts and words[j][2][:1].isupper():
            return j
    return None


_UPPER_STOP = frozenset(
    """the a an this that these those is are was were be been has have had will would can could may might
    by with from to in on at as than their its his her our your what which who whom whose how why when where
    said says say told include includes including also such like between among about after before during
    local""".split()  # "THE LOCAL CIVIL AVIATION AUTHORITY (DAC)": "local" describes, it does not name
)


def _upper_run(words: list[tuple[int, int, str]], letters: str) -> tuple[int, int] | None:
    """In capitals: the words back to a stop word, when they name an organisation."""
    i = len(words)
    while i > 0 and words[i - 1][2].lower().replace("’", "'").removesuffix("'s") not in _UPPER_STOP:
        i -= 1
    while i < len(words) and (words[i][2].lower() in CONNECTORS or is_government_acronym(words[i][2])
                              or words[i][2][-2:] in ("'S", "’S")):
        i += 1  # "THE GOB CIVIL AVIATION AUTHORITY (DAC)", "GOB'S NATIONAL ...": the owner is not in the name
    run = words[i:]
    heads = org_words().heads | org_words().firsts
    if 2 <= len(run) <= len(letters) + 3 and any(fold(w.removesuffix("'S").removesuffix("’S")) in heads for _, _, w in run):
        return run[0][0], run[-1][1]
    return None


_LIST_ITEM = re.compile(r"\s*(?:and |AND |& )?[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2}")


def _listed_long_form(letters: str, before: str, clause_start: int, text: str) -> tuple[int, int] | None:
    """A long form whose words are listed with commas: ``Customs, Excise, and Preventative Service
    (CEPS)``, ``the International Organization for Peace, Care, and Relief (IOPCR)``: back over
    list items of one to three capitalised words to the clause the list opens in; the initials of
    the last capitalised words (connectors skipped) must spell the acronym, across a comma."""
    start = clause_start
    for step in range(len(letters)):
        if start < 2 or before[start - 1 : start + 1] != ", ":
            if step == 0:
                return None
            break  # the list opens the clause
        prev = 0
        for m in _CLAUSE_BREAK.finditer(before, 0, start - 1):
            prev = m.end()
        item = before[prev : start - 1]
        start = prev
        if not _LIST_ITEM.fullmatch(item):
            break  # the clause the list opens in
    else:
        return None
    words = [(m.start() + start, m.end() + start, m.group()) for m in _WORDS.finditer(before[start:])]
    content = [w for w in words if w[2].lower() not in CONNECTORS]
    if len(content) < len(letters) or len(letters) < 3:
        return None
    chosen = content[-len(letters) :]
    if "".join(w[2][0].lower() for w in chosen) != letters or not all(w[2][:1].isupper() for w in chosen) \
            or ", " not in text[chosen[0][0] : chosen[-1][1]]:
        return None
    return chosen[0][0], chosen[-1][1]


def _long_form(acr: str, before: str, text: str, upper: bool) -> tuple[int, int] | None:
    """The long form of ``acr`` at the end of ``before`` (text up to the bracket)."""
    clause_start = 0
    for m in _CLAUSE_BREAK.finditer(before):
        clause_start = m.end()
    letters = _letters(acr)
    if len(letters) < 2:
        return None
    words = [(m.start() + clause_start, m.end() + clause_start, m.group()) for m in _WORDS.finditer(before[clause_start:])]
    if not upper:  # another acronym ends the long form: "USAID's TIP Shelter Project"
        for i in range(len(words) - 1, -1, -1):
            if words[i][2].isupper() and len(words[i][2]) > 1:
                words = words[i + 1 :]
                break
    if not words:
        return None
    window = words[-(len(letters) * 2 + 6) :]
    at = _schwartz_hearst(letters, window, text)
    if at is None:
        listed = _listed_long_form(letters, before, clause_start, text)
        if listed:
            return listed
    if at is not None:
        chosen = window[at:]
        ok = len(chosen) >= 2 or len(letters) <= 2 or "-" in chosen[0][2]
        if upper:
            ok = ok and len(chosen) <= len(letters) + 2 and chosen[0][2].lower() not in CONNECTORS
        elif ok and window[-1][2][:1].isupper() and not chosen[0][2][:1].isupper():
            ok = False  # "agents from Mexico's Federal Investigation Agency (AFI)"
        if ok and chosen[0][2].lower() in CONNECTORS:
            ok = False
        if ok:
            return chosen[0][0], chosen[-1][1]
    if upper:
        return _upper_run(window, letters)
    j = _capital_run(window, text)
    if j is not None:
        return window[j][0], window[-1][1]
    return None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    span = text[start:end]
    for suffix in ("'s", "’s", "'S", "’S", "'", "’"):
        if span.endswith(suffix):
            end -= len(suffix)
            break
    return start, end


_CAP_WORDS_BEFORE = re.compile(r"(?:[A-Z][\w'’.]*[ -])+$")


def _compound_start(text: str, start: int) -> int:
    """A long form does not begin inside a hyphenated name: ``United States-Central America-...
    Agreement (CAFTA-DR)`` starts at ``United``."""
    if start < 2 or text[start - 1] != "-" or not text[start - 2].isalnum():
        return start
    m = _CAP_WORDS_BEFORE.search(text, max(0, start - 80), start)
    if not m:
        return start
    words = m.group().split(" ")
    skip = 1 if words[0] in ("The", "A", "An", "THE") else 0
    return m.start() + sum(len(w) + 1 for w in words[:skip])


def find_definitions(paragraph: int, text: str, upper: bool = False) -> list[Definition]:
    """Bracketed definitions in one paragraph, in order."""
    out: list[Definition] = []
    if ")" not in text and "(" not in text:
        return out
    for m in _DEF_AFTER.finditer(text):
        acr = key(m.group(1))
        if sum(c.isupper() for c in acr) < 2 or acr in MARKINGS or acr in STRUCTURAL:
            continue
        if upper and len(acr) >= 6 and sum(c in "AEIOU" for c in acr) >= 3 and acr not in known_acronyms():
            continue  # "(YARGITAY)": a name in capitals, not an acronym
        if upper and text[m.end() - 1 : m.end()] != ")" and is_common_word(fold(acr)) and acr not in known_acronyms():
            continue  # "HOSPITAL (STILL FUNCTIONING, ...)": an aside in capitals opens with a word
        span = _long_form(acr, text[: m.start()], text, upper)
        if span:
            s, e = _trim(text, *span)
            s = _compound_start(text, s)
            out.append(Definition(acr, text[s:e], paragraph, s, e))
    for m in _DEF_MISSING_OPEN.finditer(text):
        open_at = text.rfind("(", 0, m.start())
        if open_at >= 0 and ")" not in text[open_at : m.start()]:
            continue
        acr = key(m.group(1))
        span = _long_form(acr, text[: m.start()], text, upper)
        if span and acr not in STRUCTURAL:
            s, e = _trim(text, *span)
            out.append(Definition(acr, text[s:e], paragraph, s, e))
    for m in _DEF_BEFORE.finditer(text):
        acr, inner = m.group(1), m.group(2)
        letters = _letters(acr)
        words = [(m.start(2) + w.start(), m.start(2) + w.end(), w.group()) for w in _WORDS.finditer(inner)]
        if acr in STRUCTURAL or len(words) < 2 or words[0][2][:1].lower() != letters[:1] or is_common_word(acr.lower()):
            continue
        if _schwartz_hearst(letters, words, text) == 0:
            out.append(Definition(acr, inner.strip(), paragraph, words[0][0], words[-1][1]))
    out.sort(key=lambda d: d.start)
    return out


def implicit_definitions(acronyms: set[str], paragraphs: list[tuple[str, list]], caps: list[list[int]] | None = None) -> dict[str, str]:
    """Capitalised phrases whose initials spell an undefined acronym ("Memorandum of Understanding").

    ``paragraphs`` holds each paragraph's text and tokens (:func:`ent_text.tokenize`);
    ``caps``, when given, each paragraph's :func:`ent_text.capitalised` token indices.
    """
    wanted = {a for a in acronyms if 3 <= len(a) <= 8 and a.isupper()}
    found: dict[str, str] = {}
    if not wanted:
        return found
    prefixes = {a[:n] for a in wanted for n in range(1, len(a) + 1)}
    first_letters = {a[0] for a in wanted}
    for n, (text, tokens) in enumerate(paragraphs):
        positions = caps[n] if caps is not None else [j for j, x in enumerate(tokens) if x.cap]
        for i in [j for j in positions if tokens[j].text[0] in first_letters]:
            tok = tokens[i]
            if tok.upper and len(tok.text) > 1:
                continue
            initials_all = initials_content = ""
            for k in range(i, min(i + 10, len(tokens))):
                t = tokens[k]
                if k > i and (t.gap != " " or tokens[k - 1].poss):
                    break
                if t.key in CONNECTORS and not t.cap:
                    initials_all += t.text[0].upper()
                elif t.cap and not (t.upper and len(t.text) > 1):
                    initials_all += t.text[0]
                    initials_content += t.text[0]
                else:
                    break
                if initials_all not in prefixes and initials_content not in prefixes:
                    break
                if t.cap:
                    for cand in (initials_all, initials_content):
                        if cand in wanted and cand not in found:
                            found[cand] = text[tok.start : t.end]
    return found


def is_acronym(token: str, upper_text: bool, defined: set[str], before: str) -> bool:
    """Whether an upper-case token found by the candidate pattern is an acronym mention.

    ``before`` is the text before the token (its last character is enough).
    """
    k = key(token)
    if k in defined:
        return True
    return _is_acronym(k, upper_text, before.endswith(("(", "/")))


@lru_cache(maxsize=65536)
def _is_acronym(k: str, upper_text: bool, after_bracket: bool) -> bool:
    """:func:`is_acronym` for a key the cable does not define (memoised: the word lists are fixed)."""
    if len(k) < 2 or k in STRUCTURAL or set(k) == {"X"} or (_ROMAN.match(k) and k not in known_acronyms()):
        return False
    if after_bracket and (k in MARKINGS or "/" in k and all(p in MARKINGS for p in k.split("/"))):
        return False  # "(SBU)", "(S/NF)": a paragraph's classification marking
    if k.startswith(("Go", "Mo")) and not k.isupper():
        return True  # "GoT", "MoD": a government, a ministry
    known = known_acronyms()
    folded = fold(k)
    if upper_text:
        if k in known:
            return not is_common_word(folded) or len(k) <= 3 and vocab().get(folded, 0) < 500
        if len(k) >= 4 and k.endswith("S") and k[:-1] in known and not is_common_word(folded):
            return True  # "NGOS": the plural of a known acronym
        if is_government_acronym(k):
            return k != "GOD" and not is_common_word(folded)  # "GOE", not "GOOD"
        return 3 <= len(k) <= 5 and not any(c in "AEIOUY" for c in k)
    if k in known:
        return True
    return not (len(k) >= 4 and is_common_word(folded))


def find_mentions(text: str, upper_text: bool, defined: set[str]) -> list[tuple[int, int, str]]:
    """Acronym mentions ``(start, end, text)`` in one paragraph; compounds split into parts."""
    out: list[tuple[int, int, str]] = []
    runs: list[tuple[int, int]] | None = [] if upper_text else None  # found when first needed

    def in_run(pos: int) -> bool:  # a heading or subject line in capitals
        nonlocal runs
        if runs is None:
            runs = [r.span() for r in _CAPS_RUN.finditer(text)]
        return any(a <= pos < b for a, b in runs)

    for m in _CANDIDATE.finditer(text):
        word = m.group()
        start = m.start()
        if "/" in word and key(word) not in defined:
            parts = word.split("/")
            if all(len(p.rstrip("s")) >= 2 for p in parts):
                pos = start
                upper = upper_text or in_run(start)
                for p in parts:
                    if is_acronym(p, upper, defined, text[pos - 1 : pos] if pos else ""):
                        out.append((pos, pos + len(p), p))
                    pos += len(p) + 1
                continue
        elif "/" not in word and (len(word) < 2 or not word[1].isupper() and sum(map(str.isupper, word)) < 2):
            continue  # (a candidate opens with a capital: a second one settles it)
        if word in _HONORIFICS and text[m.end() : m.end() + 1] == ".":
            continue  # "MS. ARNARDOTTIR"
        if is_acronym(word, upper_text or in_run(start), defined, text[start - 1 : start] if start else ""):
            out.append((start, m.end(), word))
    compounds = [d for d in defined if "-" in d]
    return _with_compounds(text, out, compounds) if compounds else out


def _with_compounds(text: str, found: list[tuple[int, int, str]], compounds: list[str]) -> list[tuple[int, int, str]]:
    """Hyphenated acronyms the cable defines whole (``CAFTA-DR``) are one mention, not their
    parts; a line break after the hyphen (``CAFTA- DR`` once reflowed) is allowed."""
    spans = []
    for acr in compounds:
        pattern = r"-\s?".join(re.escape(part) for part in acr.split("-"))
        spans += [(m.start(), m.end(), m.group()) for m in re.finditer(rf"(?<![\w-]){pattern}s?(?![\w-])", text)]
    if not spans:
        return found
    kept = [f for f in found if not any(s < f[1] and f[0] < e for s, e, _ in spans)]
    return sorted(kept + spans)
