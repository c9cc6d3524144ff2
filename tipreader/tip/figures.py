"""The counts researchers tabulate, from a submission's answers, each with its sentence and period.

Precision before coverage: a count is taken only where the number directly counts the
thing (``12 prosecutions``, ``convicted five traffickers``, ``identified 41 victims``,
``were both sentenced``), never from a number merely near a word. Hedged counts
(``potential victims``, ``up to 30``, ``about 200``, ranges ``6-20``), one group of a
list (``two French citizens ... and an Algerian``), money traffickers pay, and numbers
that read as years are left out. Prison terms a court imposed are figures too (kind
``prison_term``, in months), never penalties a law allows. :data:`VERSION` changes with
the extractor's rules, so that stores extracted by an older one are extracted again. Each
figure keeps the paragraph (index in ``Cable.paragraphs``), the offsets of the number in
the paragraph's text, the sentence, and the period the sentence names (``2008``,
``during the reporting period``) or ``""`` when it names none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from tipreader.cable import Cable

VERSION = "3"  # session 7: "X and 25 others", "its first conviction", cases that began proceedings, distinct terms
KINDS = ("investigations", "prosecutions", "convictions", "sentenced", "prison_term", "victims_identified",
         "victims_assisted", "shelters", "funding_usd")
_SMALL = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
          "seventeen eighteen nineteen twenty").split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_WORDNUM = r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|" \
           + "|".join(sorted(_SMALL[1:], key=len, reverse=True)) + ")"
N = rf"(?:a\s+total\s+of\s+)?(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d+|{_WORDNUM})"
Z = N.replace("(?P<n>", "(?P<n>no|")  # "no investigations", "convicted no traffickers": a count of zero
B = N.replace("(?P<n>", "(?P<n>both|")  # "both defendants were convicted": two (not "both traffickers and officials")
# one person: "convicted a trafficker", "a fourth defendant was sentenced" (in the verb forms only)
_ONE = r"an?(?:\s+(?:second|third|fourth|fifth|sixth))?|another"
A = N.replace("(?P<n>", rf"(?P<n>{_ONE}|")
ZBA = N.replace("(?P<n>", rf"(?P<n>no|both|{_ONE}|")
_HEDGE = re.compile(r"(?:about|approximately|around|nearly|almost|up to|over|more than|less than|fewer than|some|as much as|"
                    r"under|as many as|"
                    r"an estimated|estimated|at least|roughly|some)\s+$", re.IGNORECASE)
_QUAL = r"(?:new\s+|additional\s+|separate\s+|criminal\s+|formal\s+|active\s+|ongoing\s+|open\s+)?(?:(?:human\s+|sex\s+|labou?r\s+)?trafficking(?:-related)?\s+|TIP(?:-related)?\s+|TIP\s+)?"
_WHO = (r"(?:other\s+)?(?:alleged\s+|suspected\s+|accused\s+|former\s+)?(?-i:[A-Z][a-z]+\s+)?"
        r"(?:(?:sex\s+|labou?r\s+)?traffickers?|persons?|people|individuals?|others|members|nationals|citizens|"
        r"defendants?|suspects?|offenders?|men|women|man|woman|perpetrators?|(?:government\s+|public\s+)?officials?|"
        r"(?:police\s+)?officers?|policem[ae]n)")
_FROM = r"(?:\s+\([^)]{1,200}\)|\s+(?:from|of|at|in)\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}?[\w'-]+)?"  # "officials from the Ministry"
_WERE = r"(?:was|were|have\s+been|has\s+been|had\s+been)"
# a named person and a count of others: "against Chauvin and 25 others" is 26 persons (group "plus" adds the one)
_AND_OTHERS = (r"(?P<plus>(?-i:[A-Z][a-z'-]+)(?:\s+(?-i:[A-Z][a-z'-]+)){0,2})\s+and\s+" + N[N.index("(?P<n>"):]
               + r"\s+(?:others|other\s+(?:defendants|suspects|persons|people|individuals|officials|traffickers|men|women))\b")
_VICTIMS = r"(?:(?:child|children|adolescents?|women|men|girls|boys|minors?|foreign|adult|or|and)\s+){0,3}"
_PATTERNS: dict[str, list[re.Pattern[str]]] = {
    "investigations": [
        re.compile(rf"\b{Z}\s+{_QUAL}investigations?\b", re.IGNORECASE),
        re.compile(rf"\b(?:investigated|opened|initiated|conducted)\s+{Z}\s+{_QUAL}(?:cases?|investigations?)\b", re.IGNORECASE),
        re.compile(rf"\b{N}\s+{_QUAL}cases?\s+{_WERE}\s+investigated\b", re.IGNORECASE),
        re.compile(rf"\b{N}\s+{_QUAL}cases?\s+(?:were\s+|had\s+been\s+)?opened\b", re.IGNORECASE),
        re.compile(rf"\b{N}\s+{_WHO}{_FROM}\s+(?:is|are|was|were)\s+(?:also\s+)?(?:being\s+investigated|under\s+investigation)\b"),
        # "fired one former Ministry of Foreign Affairs official, who is being investigated"; "Two other non-official
        # Costa Ricans of Asian origin are also under investigation"
        re.compile(rf"\b{N}\s+(?:other\s+)?(?:former\s+|non-official\s+|alleged\s+|suspected\s+)?"
                   rf"(?:(?-i:[A-Z][\w'-]*)\s+(?:(?:of|and|for)\s+)?){{1,5}}?(?:{_WHO}|(?-i:[A-Z][a-z]+s))"
                   r"(?:\s+of\s+[\w-]+\s+origin)?,?\s+(?:who\s+)?(?:is|are|was|were)\s+(?:also\s+)?"
                   r"(?:being\s+investigated|under\s+investigation)\b", re.IGNORECASE),
    ],
    "prosecutions": [
        re.compile(rf"\b{Z}\s+{_QUAL}(?:prosecutions?|trials?)\b", re.IGNORECASE),
        re.compile(rf"\bprosecuted\s+(?:and\s+convicted\s+)?{Z}\s+(?:{_QUAL}cases|{_WHO})\b", re.IGNORECASE),
        re.compile(rf"\b{N}\s+{_WHO}{_FROM}\s+(?:{_WERE}\s+)?(?:ultimately\s+|formally\s+|later\s+|also\s+)?(?:being\s+)?"
                   r"(?:prosecuted|indicted|charged)\b", re.IGNORECASE),
        re.compile(rf"\b(?:formally\s+)?(?:charged|indicted)\s+{N}\s+(?:of\s+the\s+\S+\s+)?{_WHO}\b", re.IGNORECASE),
        re.compile(rf"\bindictments?\s+(?:of|against)\s+{N}\s+{_WHO}\b", re.IGNORECASE),
        re.compile(rf"\b(?:initiated|brought|filed|opened)\s+(?:criminal\s+)?(?:proceedings|charges|cases)\s+against\s+"
                   rf"(?:all\s+)?{N}\b", re.IGNORECASE),
        re.compile(rf"\btrial\s+(?:of|involving|against)\s+{N}\s+{_WHO}\b", re.IGNORECASE),
        re.compile(rf"\b{N}\s+(?:other\s+)?(?:[\w-]+\s+){{0,3}}cases\s+(?:{_WERE}\s+(?:filed|brought\s+to\s+(?:court|trial))|"
                   r"(?:began|entered|went\s+to)\s+(?:judicial\s+proceedings|trial|court))\b", re.IGNORECASE),
        re.compile(rf"\b(?:proceed(?:ings)?|charges|cases?|indictments?|trial)\s+against\s+{_AND_OTHERS}", re.IGNORECASE),
        re.compile(rf"\b(?:charged|indicted|prosecuted)\s+{_AND_OTHERS}", re.IGNORECASE),
        re.compile(rf"\breferred\s+{N}\s+(?!victims)(?:[\w-]+\s+){{0,3}}?to\s+(?:a\s+|the\s+)?(?:[\w-]+\s+){{0,3}}?"
                   r"(?:court|prosecutors?)\b", re.IGNORECASE),
    ],
    "convictions": [
        re.compile(rf"\b{Z}\s+{_QUAL}convictions?\b", re.IGNORECASE),
        re.compile(rf"\bconvict(?:ed|ing)\s+(?:and\s+sentenc(?:ed|ing)\s+)?{ZBA}\s+{_WHO}\b", re.IGNORECASE),
        re.compile(rf"\b{_WERE}\s+(?P<n>both)\s+convicted\b", re.IGNORECASE),  # "the two suspects were both convicted"
        re.compile(rf"\b{N}\s+{_QUAL}cases\s+(?:ended|resulted)\s+in\s+(?:a\s+)?convictions?\b", re.IGNORECASE),
        re.compile(rf"\b{B}\s+{_WHO}{_FROM}\s+{_WERE}\s+convicted\b", re.IGNORECASE),
        re.compile(rf"\bconvicted\s+{_AND_OTHERS}", re.IGNORECASE),
        # "Three of those cases were successfully prosecuted": a prosecution that succeeded is a conviction
        re.compile(rf"\b{N}\s+(?:of\s+(?:those|these|the)\s+)?{_QUAL}(?:[\w-]+\s+){{0,2}}?cases\s+{_WERE}\s+"
                   r"successfully\s+prosecuted\b", re.IGNORECASE),
        # "obtained its first conviction" is one (not "its first convictions", nor "has yet to obtain")
        re.compile(rf"\b(?:obtained|secured|won|achieved|recorded|saw|resulted\s+in)\s+(?:its|their|the(?:\s+[\w-]+['’]s)?|a)\s+"
                   rf"(?P<n>first)(?:-ever)?\s+{_QUAL}conviction\b(?!s)", re.IGNORECASE),
    ],
    "sentenced": [
        re.compile(rf"\bsentenced\s+{A}\s+{_WHO}\b", re.IGNORECASE),
        re.compile(rf"\bsentenced\s+{_AND_OTHERS}", re.IGNORECASE),
        re.compile(r"\bsentenced\s+(?P<n>both)\s+(?:to|of)\b", re.IGNORECASE),  # "the court sentenced both to two years"
        re.compile(rf"\b{_WERE}\s+(?P<n>both)\s+sentenced\b", re.IGNORECASE),
        re.compile(rf"\b{B}\s+{_WHO}{_FROM}\s+{_WERE}\s+sentenced\b", re.IGNORECASE),
        re.compile(rf"\b(?P<n>{_ONE})\s+{_WHO}{_FROM}\s+(?:was|has\s+been|had\s+been)\s+sentenced\b", re.IGNORECASE),
        re.compile(rf"\bhanded\s+down\s+{N}\s+(?:prison\s+|jail\s+)?sentences\b", re.IGNORECASE),
        re.compile(rf"\b{N}\s+{_WHO}\s+received\s+(?:a\s+|an\s+)?(?:[\w-]+\s+){{0,2}}(?:prison\s+|jail\s+)?sentences?\b",
                   re.IGNORECASE),
    ],
    "victims_identified": [
        re.compile(rf"\b(?:identified|rescued|freed|found)\s+{N}\s+{_VICTIMS}{_QUAL}victims\b", re.IGNORECASE),
        re.compile(rf"\b{N}\s+{_QUAL}victims\s+{_WERE}\s+(?:identified|rescued|freed)\b", re.IGNORECASE),
        re.compile(rf"\b{N}\s+identified\s+{_QUAL}victims\b", re.IGNORECASE),
        re.compile(rf"\bidentified\s+\S+\s+{_QUAL}cases\s+involving\s+{N}\s+{_QUAL}victims\b", re.IGNORECASE),
        re.compile(rf"\b(?:rescued|identified)\s+\S+\s+{_QUAL}victims,\s+including\s+{N}\s+"
                   r"(?:minors|children|women|men|girls|boys|foreigners|foreign\s+nationals)\b", re.IGNORECASE),
    ],
    "victims_assisted": [
        re.compile(rf"\b(?:assisted|sheltered|helped|served|repatriated|referred|protected)\s+{N}\s+{_VICTIMS}{_QUAL}victims\b",
                   re.IGNORECASE),
        re.compile(rf"\b{N}\s+{_QUAL}victims\s+{_WERE}\s+(?:assisted|sheltered|housed|repatriated|"
                   r"provided\s+with|referred)\b", re.IGNORECASE),
        re.compile(rf"\b(?:assistance|shelter|services|care)\s+to\s+{N}\s+{_QUAL}victims\b", re.IGNORECASE),
        re.compile(rf"\b{N}\s+{_QUAL}victims\s+(?:that\s+|whom\s+)?(?:they|it|the\s+\w+)\s+(?:have|had|has)\s+"
                   r"(?:assisted|helped|sheltered|served)\b", re.IGNORECASE),
        re.compile(rf"\b(?:assist|help|shelter|protect)(?:ed)?\s+the\s+{N}\s+(?:women|girls|children|minors|victims)\b",
                   re.IGNORECASE),
    ],
    "shelters": [
        re.compile(rf"\b{N}\s+(?:government-run\s+|state-run\s+|NGO-run\s+|specialized\s+|temporary\s+)?shelters\b",
                   re.IGNORECASE),
    ],
    "funding_usd": [
        re.compile(r"(?:(?:US)?\$\s?|\bUSD\s?)(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
                   r"(?:\s?(?P<mult>million|billion|trillion|mn|m|k)\b)?(?![\d:.,]\d|\w)", re.IGNORECASE),
    ],
}
# the weakest form, tried after every other kind: "24 trafficking victims" (no verb) counts victims identified,
# unless a stronger pattern ("provided assistance to 38 trafficking victims") took the number
# a prison term imposed (in months): "sentenced him to two years in prison", "received a seven-year sentence";
# never a penalty the law allows ("punishable by 10 years", "could be sentenced to 20 years") nor probation
_TERM_N = rf"(?P<n>\d+(?:\.5)?|{_WORDNUM})"
_TERM_AFTER = r"\b(?P<mm>\s+and\s+(?P<m>\d+|" + _WORDNUM + r")\s+months?\b)?" \
              r"(?!['’]?\s+(?:of\s+)?(?:probation|community|suspended))"
_TERMS = [
    re.compile(rf"\bsentenced\s+(?:[^.;]{{0,80}}?\s)??to\s+{_TERM_N}[\s-]+(?P<u>years?|months?){_TERM_AFTER}", re.IGNORECASE),
    re.compile(rf"\b(?:received|given|handed\s+down|imposed)\s+(?:a|an)\s+{_TERM_N}[\s-](?P<u>year|month)\s+"
               r"(?:prison\s+|jail\s+)?(?:sentences?|terms?)\b", re.IGNORECASE),
    # after "sentenced" earlier in the sentence: "... 12 months' and the wife to four months'", "and to 15 years for ..."
    re.compile(rf"\s(?:and|while|but)\s+(?:(?:the\s+)?[\w-]+\s+)?to\s+{_TERM_N}[\s-]+(?P<u>years?|months?){_TERM_AFTER}",
               re.IGNORECASE),
]
_SENTENCED = re.compile(r"\bsentenced\b", re.IGNORECASE)
_MAY_BE = re.compile(r"\b(?:be|could|can|may|might|would|will|shall|should|must|faces?|facing|risks?)\s+(?:\w+\s+){0,2}$",
                     re.IGNORECASE)
_LAST = [("victims_identified", re.compile(rf"\b{N}\s+(?:trafficking|TIP)\s+victims\b", re.IGNORECASE))]
# "6-20 victims", "two or three cases", "between 10 and 15 victims", "ranging from one to seven years" are ranges
# (hedges); "from 5 to 12" is a change
_RANGE_BEFORE = re.compile(rf"(?:(?P<from>(?<!ranging\s)(?<!ranged\s)\bfrom\s+)?\b(?:\d[\d,]*|{_WORDNUM})\s*(?:-|–|to|or)|\bbetween\s+(?:\d[\d,]*|{_WORDNUM})"
                           r"\s+and)\s*$", re.IGNORECASE)
_OFFENDERS = r"(?:traffickers?|persons?|people|individuals?|others|members|nationals|citizens|defendants?|suspects?|" \
             r"offenders?|men|women|man|woman|perpetrators?|officials?)"
_VICTIM_NOUNS = r"(?:victims|minors|children|girls|boys|women|men|persons|people|nationals|citizens)"


def _more_of(nouns: str) -> re.Pattern[str]:
    """A list that goes on with another group of the same sort: ", and an Algerian citizen", "and two women"."""
    return re.compile(rf"^(?:\s*\([^)]*\)|\s*,[^,.;]{{1,80}},)?\s*,?\s+(?:and|as\s+well\s+as|plus)\s+(?:an?|{_WORDNUM}|\d+)\s+"
                      rf"(?:other\s+|more\s+)?(?:(?-i:[A-Z][a-z]+)\b|(?:[\w-]+\s+)?{nouns}\b)", re.IGNORECASE)


# a count of one group in a list of groups: "convicted two French citizens, A and B, and an Algerian citizen" (3, not 2);
# "identified 40 victims and 12 traffickers" is two counts
_LISTS = [(re.compile(rf"\b{_OFFENDERS}$", re.IGNORECASE), _more_of(_OFFENDERS)),
          (re.compile(rf"\b{_VICTIM_NOUNS}$", re.IGNORECASE), _more_of(_VICTIM_NOUNS))]
# ... and the last group of such a list: "six active officials from the PDI and two former officials were charged"
_LIST_BEFORE = re.compile(rf"\b(?:\d+|{_WORDNUM})\s+(?:[\w-]+\s+){{0,2}}?{_OFFENDERS}\b[^.;,]{{0,60}}?\s(?:and|as\s+well\s+as|plus)\s+$",
                          re.IGNORECASE)
_PERSONS_AFTER = re.compile(rf"\s+(?:[\w-]+\s+){{0,2}}?{_OFFENDERS}\b", re.IGNORECASE)
# "to ensure that no investigations or the mission will be compromised": a goal, not a count of zero
_NO_GOAL = re.compile(r"^\s+(?:or|nor|will|would|could|should|may|might|can|shall|must)\b", re.IGNORECASE)
# second-hand: "he understands he has been sentenced to 25 years", "heard ... that he had been ... sentenced"
_HEARSAY = re.compile(r"\b(?:understands?|understood|heard|allegedly|claim(?:s|ed)?|rumou?red)\b[^.;]*$", re.IGNORECASE)
_HEARD_FROM = re.compile(r"\bheard\s+(?:from|that)\b", re.IGNORECASE)  # "heard from other prisoners ... that he had been"
_NEGATED = re.compile(r"\b(?:not|never|yet\s+to|failed\s+to|unable\s+to)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_SINGULAR = re.compile(r"(?<!under\s)\b(?:investigation|prosecution|conviction|trial|case)$", re.IGNORECASE)
_DATE_BEFORE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+$")
_ORDERED = [(kind, pattern) for kind, patterns in _PATTERNS.items() for pattern in patterns] + _LAST \
    + [("prison_term", pattern) for pattern in _TERMS]
_UNITS = {"funding_usd": "USD", "prison_term": "months"}
_MULT = {"": 1, "k": 1_000, "m": 1_000_000, "mn": 1_000_000, "million": 1_000_000, "billion": 1_000_000_000,
         "trillion": 1_000_000_000_000}
# funding: money given, budgeted or spent, in a sentence about the fight against trafficking
_FUNDING_CONTEXT = re.compile(r"\b(?:fund\w*|budget\w*|allocat\w*|grants?|donat\w*|earmark\w*|financ\w*|spent|"
                              r"contribut\w*|provided|dedicat\w*|award\w*)\b", re.IGNORECASE)
_FUNDING_TOPIC = re.compile(r"traffick|\bTIP\b|victims?\b|shelters?\b|exploitation|coalition|G/TIP|"
                            r"awareness|anti-trafficking|(?:child|forced)\s+labou?r", re.IGNORECASE)
_NOT_FUNDING = re.compile(r"\b(?:cost\w*|price\w*|deficit|GDP|cash|seiz\w*|invest\w*|bribes?|transactions?|worth|"
                          r"salar\w*|fines?|fined|smuggl\w*|narcotics|drug\w*|loans?|guarant\w*|revenue\w*|(?<!non-)profits?|"
                          r"debts?|ransom\w*)\b|"
                          # money that traffickers, recruiters or employers pay, lend or demand is not funding
                          r"\b(?:traffickers?|recruiters?|smugglers?|pimps?|brokers?|employers?)\b[^.;]{0,80}?\b(?:provid\w*|paid|pays?|"
                          r"gave|give[sn]?|offer\w*|lent|lend\w*|charg\w*|demand\w*)\b", re.IGNORECASE)
_NUMBER_TOKEN = re.compile(rf"\$?\d[\d,.]*|\b{_WORDNUM}\b|\bno\s+(?=(?:[\w-]+\s+){{0,3}}?(?:investigations?|"
                           r"prosecutions?|convictions?|traffickers|victims|cases)\b)", re.IGNORECASE)
# list lines are sentences too; "U.S. Labor", "Mr. Smith", "J. Doe" end none
_SENTENCE = re.compile(r"(?<=[.!?])(?<!\b[A-Z]\.)(?<!\b(?:Mr|Ms|Dr|No|St)\.)(?<!\bMrs\.)[\"')\]]?[ \t]+(?=[A-Z(\"'-])"
                       r"|\s*\n\s*")
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_PERIODS = [
    re.compile(rf"\b(?:between|from)\s+(?:{_MONTH}\s+)?(?:19|20)\d\d\s+(?:and|to|through)\s+(?:{_MONTH}\s+)?(?:19|20)\d\d\b"),
    re.compile(rf"\b(?:from|between)\s+{_MONTH}(?:\s+\d{{1,2}},?)?\s+(?:(?:19|20)\d\d\s+)?(?:to|and|through)\s+{_MONTH}"
               rf"(?:\s+\d{{1,2}},?)?\s+(?:19|20)\d\d\b"),
    re.compile(r"\b(?:during|in|over)\s+the\s+(?:current\s+|last\s+|previous\s+|past\s+)?reporting\s+period\b", re.IGNORECASE),
    re.compile(rf"\b(?i:since)\s+(?:the\s+)?(?:{_MONTH}\s+)?(?:19|20)\d\d\b"),
    re.compile(rf"\b(?i:in|during|throughout|for)\s+(?:all\s+of\s+)?(?:calendar\s+year\s+|fiscal\s+year\s+|FY\s*|{_MONTH}\s+)?"
               r"(?:19|20)\d\d\b"),
    re.compile(r"\b(?:in|during|over)\s+the\s+(?:last|past|previous)\s+(?:year|twelve months|12 months)\b", re.IGNORECASE),
    re.compile(r"\b(?:this|last)\s+year\b", re.IGNORECASE),
]


@dataclass(frozen=True, slots=True)
class Figure:
    """One count from an answer: what it counts, the value, where it is and what period it covers."""

    ref_id: str
    q_index: int  # position of the question in Cable.questions
    paragraph: int  # paragraph index in Cable.paragraphs
    kind: str
    value: int
    unit: str  # "count", "USD" or "months" (a prison term)
    period: str
    sentence: str
    start: int  # offsets of the number in the paragraph's text
    end: int

    def row(self) -> tuple:
        """The store's column order (without country and year)."""
        return (self.ref_id, self.q_index, self.paragraph, self.kind, self.value, self.unit, self.period,
                self.sentence, self.start, self.end)


def parse_number(text: str) -> int | None:
    """``"1,234"`` → 1234, ``"twenty-one"`` → 21, ``"five"`` → 5, ``"both"`` → 2, ``"a second"`` → 1,
    ``"first"`` (as in "its first conviction") → 1."""
    t = " ".join(text.lower().replace(",", "").split())
    if t == "no":
        return 0
    if t == "both":
        return 2
    if t == "first":  # "obtained its first conviction": one
        return 1
    if re.fullmatch(_ONE, t):
        return 1
    if t.isdigit():
        return int(t)
    if t in _SMALL:
        return _SMALL.index(t)
    head, _, tail = t.partition("-")
    if head in _TENS:
        return _TENS[head] + (_SMALL.index(tail) if tail in _SMALL[1:10] else 0)
    return None


def _months(m: re.Match[str]) -> int | None:
    """The prison term a :data:`_TERMS` match states, in months (``7.5 years`` → 90)."""
    raw = m.group("n")
    whole = float(raw) if "." in raw else parse_number(raw)
    extra = parse_number(m["m"]) if m.groupdict().get("m") else 0
    if whole is None or extra is None or not 0 < whole <= 99:
        return None
    return round(whole * (12 if m.group("u").lower().startswith("y") else 1)) + extra


def display(value: int, unit: str) -> str:
    """A figure as people write it: ``$1,250,000``, ``1,234``, ``2 years``, ``3 years 6 months``, ``9 months``."""
    if unit == "USD":
        return f"${value:,}"
    if unit != "months":
        return f"{value:,}"
    years, months = divmod(value, 12)
    parts = [f"{years} year{'s' if years != 1 else ''}"] if years else []
    return " ".join(parts + ([f"{months} month{'s' if months != 1 else ''}"] if months or not years else []))


def _periods(sentence: str) -> dict[int, str]:
    """Each period the sentence names, given to the number nearest to it: {number's start: period}.
    ("10 convictions during the reporting period, up from 2 convictions in 2005": 10 gets the
    reporting period, 2 gets 2005.)"""
    found: list[tuple[int, int, str]] = []
    for pattern in _PERIODS:
        for m in pattern.finditer(sentence):
            if not any(a < m.end() and m.start() < b for a, b, _ in found):
                found.append((m.start(), m.end(), m.group(0)))
    numbers = [m.start() for m in _NUMBER_TOKEN.finditer(sentence)
               if not any(a <= m.start() < b for a, b, _ in found)]
    out: dict[int, str] = {}
    for a, b, text in found:
        if numbers:
            nearest = min(numbers, key=lambda n: a - n if n < a else n - b)
            out.setdefault(nearest, text)
    return out


def _sentences(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for m in _SENTENCE.finditer(text):
        yield start, text[start:m.start()]
        start = m.end()
    if start < len(text):
        yield start, text[start:]


def from_text(text: str) -> Iterator[tuple[str, int, str, str, int, int, str]]:
    """(kind, value, unit, period, start, end, sentence) for each count in ``text``."""
    for s_start, sentence in _sentences(text):
        seen: set[tuple[int, int]] = set()
        periods: dict[int, str] | None = None
        funding = bool(_FUNDING_CONTEXT.search(sentence) and _FUNDING_TOPIC.search(sentence)
                       and not _NOT_FUNDING.search(sentence))
        for kind, pattern in _ORDERED:
            if kind == "funding_usd" and not funding:
                continue
            for m in pattern.finditer(sentence):
                span = (m.start("n"), m.end("n"))
                # "prosecuted and convicted no traffickers": one number, two kinds
                shared = span in seen and sentence[: m.start()].rstrip().lower().endswith(" and")
                if (span in seen and not shared) or _HEDGE.search(sentence[: m.start()][-20:]):
                    continue
                raw = m.group("n")
                before = sentence[: m.start("n")]
                plus = m.groupdict().get("plus")
                if plus and re.search(r"(?:,|\band)\s+$", sentence[: m.start("plus")]):
                    continue  # "Smith, Jones and 3 others": more than one named, the count would be short
                if _DATE_BEFORE.search(before) or (_SINGULAR.search(m.group(0))
                                                   and raw.lower() not in ("one", "1", "first")):
                    continue  # "the June 10 conviction" is a date; "four prosecution units" counts units
                if kind != "funding_usd" and (((r := _RANGE_BEFORE.search(before[-40:])) and not r.group("from"))
                                              or any(ends.search(m.group(0)) and more.search(sentence[m.end():m.end() + 120])
                                                     for ends, more in _LISTS)):
                    continue  # a range is a hedge; "two French citizens ... and an Algerian" is not two
                if kind != "funding_usd" and not plus and (_LIST_BEFORE.search(before[-120:])
                                              and _PERSONS_AFTER.match(sentence, m.end("n"))):
                    continue
                if kind != "funding_usd" and (
                        (raw.lower() == "no" and (_NO_GOAL.match(sentence, m.end())
                                                  or re.search(r"\bensur\w*\s+(?:that\s+)?$", before, re.IGNORECASE)))
                        or _HEARSAY.search(sentence[max(0, m.start() - 120):m.start()])
                        or _HEARD_FROM.search(sentence, 0, m.start())):
                    continue  # a goal ("ensure that no investigations ... will be"), second-hand ("he understands")
                if kind != "funding_usd" and (_NEGATED.search(sentence[max(0, m.start() - 40):m.start()])
                                              or (raw.lower() == "both" and re.match(r"\s+and\b", sentence[m.end():]))):
                    continue  # "has never convicted a trafficker"; "convicted both traffickers and officials"
                if kind == "funding_usd":
                    number = round(float(raw.replace(",", "")) * _MULT[(m.group("mult") or "").lower()])
                elif kind == "prison_term":
                    months = _months(m)
                    if (months is None or _MAY_BE.search(sentence[max(0, m.start() - 40):m.start()])
                            or (pattern is _TERMS[-1] and not _SENTENCED.search(before))):
                        continue
                    number = months
                else:
                    parsed = parse_number(raw)
                    if parsed is None or (1900 <= parsed <= 2030 and "," not in raw):
                        continue
                    number = parsed + (1 if plus else 0)  # "Chauvin and 25 others": 26
                seen.add(span)
                if periods is None:
                    periods = _periods(sentence)
                at = m.start("n") - (1 if kind == "funding_usd" and sentence[m.start("n") - 1:m.start("n")] == "$" else 0)
                period = periods.get(at, periods.get(m.start("n"), ""))
                a, b = (m.start(), m.end()) if kind == "funding_usd" else span  # "$1.25 million" whole
                if plus:
                    a, b = m.start("plus"), m.end()  # "Chauvin and 25 others" whole
                if kind == "prison_term":
                    a, b = span[0], m.end("mm") if m.groupdict().get("mm") else m.end("u")  # "two years", "3 years and 6 months"
                yield (kind, number, _UNITS.get(kind, "count"), period, s_start + a, s_start + b, " ".join(sentence.split()))


# a prison term told again of someone already named: "The court sentenced the registrar to two years in prison."
_RESTATED = re.compile(r"\bsentenced\s+(?:the|this|that|these|those)\s+(?:[\w-]+\s+){0,2}?to\b|"
                       r"\b(?:the|this|that|these|those)\s+(?:[\w-]+\s+){0,2}?(?:was|were|had\s+been|has\s+been)\s+sentenced\b",
                       re.IGNORECASE)


def from_cable(cable: Cable) -> list[Figure]:
    """Every figure in the answers of ``cable``'s questions. A count stated again in the same answer ("the
    six convictions") is one figure; a prison term of the same length is another person's term, and kept,
    unless its sentence tells it again of someone already named ("sentenced the registrar to two years")."""
    out: list[Figure] = []
    for q_index, q in enumerate(cable.questions):
        seen: set[tuple[str, int]] = set()
        for p in q.answer_paragraphs:
            if not 0 <= p < len(cable.paragraphs):
                continue
            text = cable.paragraphs[p].text
            for kind, value, unit, period, start, end, sentence in from_text(text):
                if (kind, value) in seen and (kind != "prison_term" or _RESTATED.search(sentence)):
                    continue
                seen.add((kind, value))
                out.append(Figure(cable.ref_id, q_index, p, kind, value, unit, period, sentence, start, end))
    return out


def span_in(sentence: str, kind: str, value: int) -> tuple[int, int] | None:
    """Where in ``sentence`` (as stored: spaces made single) the figure ``kind``/``value`` is written."""
    return next(((a, b) for k, v, _u, _p, a, b, _s in from_text(sentence) if (k, v) == (kind, value)), None)
