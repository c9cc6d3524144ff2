"""The rules of :mod:`tipreader.tip.figures`: the patterns that recognise a count, a prison term or money given,
and the guards that reject a number that only looks like one (hedges, ranges, one group of a list, a part of a
total, goals, hearsay, negation, dates), with the sentence splitter and the period patterns."""

from __future__ import annotations

import re

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
_WHO = (r"(?:other\s+)?(?:alleged\s+|suspected\s+|accused\s+|former\s+|active\s+|serving\s+)?(?:[a-z]+-[\w-]+\s+)?(?-i:[A-Z][a-z]+\s+)?"
        r"(?:(?:sex\s+|labou?r\s+)?traffickers?|persons?|people|individuals?|others|members|nationals|citizens|"
        r"defendants?|co-defendants|suspects?|offenders?|men|women|man|woman|perpetrators?|detainees|accomplices|activists|"
        r"(?:government\s+|public\s+|police\s+)?officials?|(?:police\s+)?officers?|policem[ae]n)")
_FROM = r"(?:\s+\([^)]{1,200}\)|\s+(?:from|of|at|in)\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}?[\w'-]+)?"  # "officials from the Ministry"
_WERE = r"(?:was|were|have\s+been|has\s+been|had\s+been)"
_OF_THE = rf"(?:of\s+the\s+(?:(?:\d+|{_WORDNUM})\s+)?)?"  # "Two of the (12) defendants were sentenced"
_WHO_DID = r"(?:,?\s+who\s+(?:were|was)\s+[^,.;]{1,60}?,?)?"  # "Two other defendants ... who were tried in absentia were"
# a named person and a count of others: "against Chauvin and 25 others" is 26 persons (group "plus" adds the one)
_AND_OTHERS = (r"(?P<plus>(?-i:[A-Z][a-z'-]+)(?:\s+(?-i:[A-Z][a-z'-]+)){0,2}|(?:his|her|their)\s+[a-z-]+)\s+and\s+(?:his\s+|her\s+)?"
               + N[N.index("(?P<n>"):] + r"\s+(?:others|other\s+(?:defendants|suspects|persons|people|individuals|officials|"
               r"traffickers|men|women|members|activists)|accomplices|co-defendants|associates)\b")
_DESCRIBED = r"(?:(?-i:[a-z][\w-]*)\s+){0,3}?"  # "against suspected terrorist Djamel Beghal and five accomplices"


def _and_others(verb: str) -> re.Pattern[str]:
    """``verb`` then a named person and a count of others: "convicted his brother and 10 others" (11)."""
    return re.compile(rf"\b{verb}\s+{_DESCRIBED}{_AND_OTHERS}", re.IGNORECASE)


_VICTIMS = r"(?:(?:child|children|adolescents?|women|men|girls|boys|minors?|foreign|adult|or|and)\s+){0,3}"
_PATTERNS: dict[str, list[re.Pattern[str]]] = {
    "investigations": [
        re.compile(rf"\b{Z}\s+{_QUAL}investigations?\b", re.IGNORECASE),
        re.compile(rf"\b(?:investigated|opened|initiated|conducted)\s+{Z}\s+{_QUAL}(?:cases?|investigations?)\b", re.IGNORECASE),
        re.compile(rf"\b{N}\s+{_QUAL}cases?\s+{_WERE}\s+investigated\b", re.IGNORECASE),
        re.compile(rf"\b{N}\s+{_QUAL}cases?\s+(?:were\s+|had\s+been\s+)?opened\b", re.IGNORECASE),
        re.compile(rf"\b{N}\s+{_WHO}{_FROM}\s+(?:is|are|was|were)\s+(?:also\s+)?(?:being\s+investigated|under\s+investigation)\b"),
        # "the investigation against four former GTMO detainees"
        re.compile(rf"\binvestigations?\s+(?:against|into|of)\s+(?:the\s+)?{N}\s+(?:[\w-]+\s+){{0,2}}?{_WHO}\b", re.IGNORECASE),
        # "fired one former Ministry of Foreign Affairs official, who is being investigated"; "Two other non-official
        # Costa Ricans of Asian origin are also under investigation"
        re.compile(rf"\b{N}\s+(?:other\s+)?(?:former\s+|non-official\s+|alleged\s+|suspected\s+)?"
                   rf"(?:[\w'-]+\s+(?:(?:of|and|for)\s+)?){{0,5}}?(?:{_WHO}|(?-i:[A-Z][a-z]+s))"
                   r"(?:\s+of\s+[\w-]+\s+origin)?,?\s+(?:who\s+)?(?:is|are|was|were)\s+(?:also\s+)?"
                   r"(?:being\s+investigated|under\s+investigation)\b", re.IGNORECASE),
    ],
    "prosecutions": [
        re.compile(rf"\b{Z}\s+{_QUAL}(?:prosecutions?|trials?)\b", re.IGNORECASE),
        # "prosecuted 280 trafficking-related crimes"
        re.compile(rf"\bprosecuted\s+(?:and\s+convicted\s+)?{Z}\s+(?:{_QUAL}(?:cases|crimes|offen[cs]es)|{_WHO})\b", re.IGNORECASE),
        re.compile(rf"\b{N}\s+{_WHO}{_FROM}\s+(?:{_WERE}\s+)?(?:ultimately\s+|formally\s+|later\s+|also\s+)?(?:being\s+)?"
                   r"(?:prosecuted|indicted|charged)\b", re.IGNORECASE),
        re.compile(rf"\b(?:formally\s+)?(?:charged|indicted)\s+{N}\s+(?:of\s+the\s+\S+\s+)?{_WHO}\b", re.IGNORECASE),
        re.compile(rf"\bindictments?\s+(?:of|against)\s+{N}\s+{_WHO}\b", re.IGNORECASE),
        re.compile(rf"\b(?:initiated|brought|filed|opened)\s+(?:criminal\s+)?(?:proceedings|charges|cases)\s+against\s+"
                   rf"(?:all\s+)?{N}\b", re.IGNORECASE),
        re.compile(rf"\btrial\s+(?:of|involving|against)\s+{N}\s+{_WHO}\b", re.IGNORECASE),
        re.compile(rf"\b{N}\s+(?:other\s+)?(?:[\w-]+\s+){{0,3}}cases\s+(?:{_WERE}\s+(?:filed|brought\s+to\s+(?:court|trial))|"
                   r"(?:began|entered|went\s+to)\s+(?:judicial\s+proceedings|trial|court))\b", re.IGNORECASE),
        _and_others(r"(?:proceed(?:ings)?|charges|cases?|indictments?|trial)\s+against"),
        # "the charges against the six individuals", "the trial of the 15 December riot defendants"
        re.compile(rf"\b(?:charges|indictments?|proceedings|trial)\s+(?:against|of)\s+(?:all\s+)?the\s+{N}\s+"
                   rf"(?:[\w-]+\s+){{0,2}}?{_WHO}\b", re.IGNORECASE),
        _and_others(r"(?:charged|indicted|prosecuted)"),
        re.compile(rf"\breferred\s+{N}\s+(?!victims)(?:[\w-]+\s+){{0,3}}?to\s+(?:a\s+|the\s+)?(?:[\w-]+\s+){{0,3}}?"
                   r"(?:court|prosecutors?)\b", re.IGNORECASE),
    ],
    "convictions": [
        re.compile(rf"\b{Z}\s+{_QUAL}convictions?\b", re.IGNORECASE),
        re.compile(rf"\bconvict(?:ed|ing)\s+(?:and\s+sentenc(?:ed|ing)\s+)?{ZBA}\s+{_WHO}\b", re.IGNORECASE),
        re.compile(rf"\b{_WERE}\s+(?P<n>both)\s+convicted\b", re.IGNORECASE),  # "the two suspects were both convicted"
        re.compile(rf"\b{N}\s+{_QUAL}cases\s+(?:ended|resulted)\s+in\s+(?:a\s+)?convictions?\b", re.IGNORECASE),
        re.compile(rf"\b{B}\s+{_OF_THE}{_WHO}{_FROM}{_WHO_DID}\s+{_WERE}\s+(?:convicted|found\s+(?:of\s+)?guilty)\b", re.IGNORECASE),
        _and_others("convicted"),
        re.compile(rf"\b{_AND_OTHERS}(?:\s+[^,.;]{{1,80}}?)?\s+{_WERE}\s+convicted\b", re.IGNORECASE),
        # "Three of those cases were successfully prosecuted": a prosecution that succeeded is a conviction
        re.compile(rf"\b{N}\s+(?:of\s+(?:those|these|the)\s+)?{_QUAL}(?:[\w-]+\s+){{0,2}}?cases\s+{_WERE}\s+"
                   r"successfully\s+prosecuted\b", re.IGNORECASE),
        # "obtained its first conviction" is one (not "its first convictions", nor "has yet to obtain")
        re.compile(rf"\b(?:obtained|secured|won|achieved|recorded|saw|resulted\s+in)\s+(?:its|their|the(?:\s+[\w-]+['’]s)?|a)\s+"
                   rf"(?P<n>first)(?:-ever)?\s+{_QUAL}conviction\b(?!s)", re.IGNORECASE),
    ],
    "sentenced": [
        re.compile(rf"\bsentenced\s+{A}\s+{_WHO}\b", re.IGNORECASE),
        _and_others("sentenced"),
        re.compile(r"\bsentenced\s+(?P<n>both)\s+(?:to|of)\b", re.IGNORECASE),  # "the court sentenced both to two years"
        re.compile(rf"\b{_WERE}\s+(?P<n>both)\s+sentenced\b", re.IGNORECASE),
        re.compile(rf"\b{B}\s+{_OF_THE}{_WHO}{_FROM}{_WHO_DID}\s+{_WERE}\s+(?:(?:convicted|found)\s+[^,.;]{{0,60}}?and\s+)?"
                   r"sentenced\b", re.IGNORECASE),
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
# "The total number of convictions remained relatively constant at ten", "the number of prosecutions rose to 12"
_NUMBER_OF = (r"\bnumber\s+of\s+(?:[\w-]+\s+){{0,2}}?{noun}\s+(?:[\w-]+\s+){{0,3}}?(?:was|were|is|stood\s+at|"
              r"remained\s+(?:[\w-]+\s+){{0,2}}?at|reached|(?:rose|increased|grew|fell|dropped|decreased|declined)\s+to|"
              r"totall?ed|came\s+to)\s+{n}\b(?!\s*(?:%|percent|per\s+cent))")
for _kind, _noun in (("investigations", "investigations"), ("prosecutions", "(?:prosecutions|indictments|trials)"),
                     ("convictions", "convictions"), ("victims_identified", "(?:identified\\s+victims|victims\\s+identified)"),
                     ("victims_assisted", "(?:victims\\s+assisted|assisted\\s+victims)"), ("shelters", "shelters")):
    _PATTERNS[_kind].append(re.compile(_NUMBER_OF.format(noun=_noun, n=N), re.IGNORECASE))
# the weakest form, tried after every other kind: "24 trafficking victims" (no verb) counts victims identified,
# unless a stronger pattern ("provided assistance to 38 trafficking victims") took the number
# a prison term imposed (in months): "sentenced him to two years in prison", "received a seven-year sentence";
# never a penalty the law allows ("punishable by 10 years", "could be sentenced to 20 years") nor probation
_TERM_N = rf"(?P<n>\d+(?:\.5)?|{_WORDNUM})"
_TERM_AFTER = r"\b(?P<mm>\s+and\s+(?P<m>\d+|" + _WORDNUM + r")\s+months?\b)?" \
              r"(?!['’]?\s+(?:of\s+)?(?:probation|community|suspended))"
_TERMS = [
    # "sentenced him to two years", "a jury convicted Sales to 27 years", "his sentence was reduced to 18 years"
    re.compile(rf"\b(?:sentenced|convicted|(?:sentence|term)\s+was\s+(?:reduced|increased|commuted))\s+(?:[^.;]{{0,80}}?\s)??"
               rf"to\s+{_TERM_N}[\s-]+(?P<u>years?|months?){_TERM_AFTER}", re.IGNORECASE),
    re.compile(rf"\b(?:received|given|handed\s+down|imposed)\s+(?:a|an)\s+{_TERM_N}[\s-](?P<u>year|month)\s+"
               r"(?:prison\s+|jail\s+)?(?:sentences?|terms?)\b", re.IGNORECASE),
    re.compile(rf"\b(?:received|given|handed\s+down|imposed)\s+(?:a|an)\s+(?:prison\s+|jail\s+)?sentence\s+of\s+{_TERM_N}\s+"
               rf"(?P<u>years?|months?){_TERM_AFTER}", re.IGNORECASE),  # "Boufayed received a sentence of 25 years"
    re.compile(rf"\b(?:his|her)\s+(?:full\s+|original\s+)?{_TERM_N}[\s-](?P<u>year|month)\s+(?:prison\s+|jail\s+)?"
               r"(?:sentence|term)\b(?!\s+(?:was|is|had\s+been)\s+suspended)", re.IGNORECASE),  # "his 40-year sentence remains"
    # after "sentenced" earlier in the sentence: "... 12 months' and the wife to four months'", "and to 15 years for ...",
    # "were sentenced to 20 years, one to 15 years", "convicted Sales to 27 years, and his partner, Batista, to 18 years"
    re.compile(rf"(?:,|\s(?:and|while|but))\s+(?:(?:the|his|her|their)\s+)?(?:(?!up\s)[\w-]+\s+)?(?:[\w-]+,\s+[\w' -]{{1,30}},\s+)?"
               rf"to\s+{_TERM_N}[\s-]+(?P<u>years?|months?){_TERM_AFTER}", re.IGNORECASE),
]
_SENTENCED = re.compile(r"\b(?:sentenced|convicted)\b", re.IGNORECASE)
_AND_SENTENCED = re.compile(r"\b(?:convicted|found)\b.*\band\s+sentenced$", re.IGNORECASE)
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
_HEARSAY = re.compile(r"\b(?:understand(?:s|ing)?|understood|heard|allegedly|claim(?:s|ed)?|rumou?red)\b[^.;]*$", re.IGNORECASE)
_HEARD_FROM = re.compile(r"\bheard\s+(?:from|that)\b", re.IGNORECASE)  # "heard from other prisoners ... that he had been"
_NEGATED = re.compile(r"\b(?:not|never|yet\s+to|failed\s+to|unable\s+to)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_SINGULAR = re.compile(r"(?<!under\s)\b(?:investigation|prosecution|conviction|trial|case)$", re.IGNORECASE)
_PART_OF = re.compile(rf"\b(?:\d+|{_WORDNUM}|all|none|most|some|many)\s+of\s+(?:the|these|those)\s+$", re.IGNORECASE)
# a count after a named person: "Beghal and his five accomplices were convicted" (six), "Tomov, and three co-defendants"
_NAMED_BEFORE = re.compile(r"(?-i:\b[A-Z][a-z'-]+),?\s+and\s+(?:his\s+|her\s+|their\s+)?$")
# a term the law sets: "officials convicted of bribery are subject to prison sentences from two to six years"
_STATUTE = re.compile(r"\b(?:subject\s+to|punishable|liable|fac(?:e|es|ing)|risks?)\b", re.IGNORECASE)
_KIND_NOUN = re.compile(r"\b(?:investigations?|prosecutions?|convictions?|trials?|sentences|cases|victims|shelters)$",
                        re.IGNORECASE)
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
