"""Where a cable comes from, named as WikiLeaks names it.

WikiLeaks' "Origin" cell reads ``Embassy Mexico``, ``Consulate Monterrey``,
``Secretary of State``, ``USUN New York``... The tables below were learnt from the
5,044 cable-viewer pages in ``../shared/cables/wikileaks-html`` (FM line and DE
routing indicator against the Origin cell; see ``benchmarks/header_agreement.py``)
and completed with a few posts known from the wider Cablegate set.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Routing indicator of the sending station (``DE RUEHME #0721/01 ...``) → the post
# as WikiLeaks spells it inside a reference id (``08MEXICO721``).
ROUTING_POSTS: dict[str, str] = {
    "RUCNAI": "PARTO", "RUCNDT": "USUNNEWYORK", "RUEHAB": "ABIDJAN", "RUEHAC": "ASUNCION",
    "RUEHAD": "ABUDHABI", "RUEHAE": "ASMARA", "RUEHAG": "HAMBURG", "RUEHAH": "ASHGABAT",
    "RUEHAK": "ANKARA", "RUEHAM": "AMMAN", "RUEHAR": "ACCRA", "RUEHAS": "ALGIERS",
    "RUEHAT": "AMSTERDAM", "RUEHBC": "BASRAH", "RUEHBH": "NASSAU", "RUEHBI": "MUMBAI",
    "RUEHBJ": "BEIJING", "RUEHBK": "BANGKOK", "RUEHBM": "BUCHAREST", "RUEHBN": "MELBOURNE",
    "RUEHBO": "BOGOTA", "RUEHBP": "BAMAKO", "RUEHBR": "BRASILIA", "RUEHBS": "BRUSSELS",
    "RUEHBU": "BUENOSAIRES", "RUEHBUL": "KABUL", "RUEHBW": "BELGRADE", "RUEHBY": "CANBERRA",
    "RUEHC": "STATE", "RUEHCG": "CHENNAI", "RUEHCH": "CHISINAU", "RUEHCI": "CALCUTTA",
    "RUEHCL": "CASABLANCA", "RUEHCP": "COPENHAGEN", "RUEHCV": "CARACAS", "RUEHDBU": "DUSHANBE",
    "RUEHDE": "DUBAI", "RUEHDG": "SANTODOMINGO", "RUEHDIR": "RPODUBAI", "RUEHDJ": "DJIBOUTI",
    "RUEHDK": "DAKAR", "RUEHDL": "DUBLIN", "RUEHDM": "DAMASCUS", "RUEHDO": "DOHA",
    "RUEHDR": "DARESSALAAM", "RUEHDS": "ADDISABABA", "RUEHEG": "CAIRO", "RUEHEGA": "CAIRO",
    "RUEHEK": "BISHKEK", "RUEHFN": "FREETOWN", "RUEHFR": "PARIS", "RUEHFRA": "PARIS",
    "RUEHGB": "BAGHDAD", "RUEHGD": "GUADALAJARA", "RUEHGH": "SHANGHAI", "RUEHGO": "RANGOON",
    "RUEHGP": "SINGAPORE", "RUEHGT": "GUATEMALA", "RUEHGV": "GENEVA", "RUEHHE": "HELSINKI",
    "RUEHHI": "HANOI", "RUEHHO": "HERMOSILLO", "RUEHIL": "ISLAMABAD", "RUEHIN": "AITTAIPEI",
    "RUEHIT": "ISTANBUL", "RUEHJA": "JAKARTA", "RUEHJB": "BUJUMBURA", "RUEHJI": "JEDDAH",
    "RUEHJM": "JERUSALEM", "RUEHKA": "DHAKA", "RUEHKB": "BAKU", "RUEHKH": "KHARTOUM",
    "RUEHKI": "KINSHASA", "RUEHKL": "KUALALUMPUR", "RUEHKM": "KAMPALA", "RUEHKO": "TOKYO",
    "RUEHKT": "KATHMANDU", "RUEHKU": "KUWAIT", "RUEHKV": "KYIV", "RUEHLA": "BARCELONA",
    "RUEHLB": "BEIRUT", "RUEHLE": "LUXEMBOURG", "RUEHLGB": "KIGALI", "RUEHLI": "LISBON",
    "RUEHLJ": "LJUBLJANA", "RUEHLM": "COLOMBO", "RUEHLO": "LONDON", "RUEHLP": "LAPAZ",
    "RUEHLU": "LUANDA", "RUEHMA": "MALABO", "RUEHMC": "MONTERREY", "RUEHMD": "MADRID",
    "RUEHME": "MEXICO", "RUEHMIL": "MILAN", "RUEHMK": "MANAMA", "RUEHMN": "MONTEVIDEO",
    "RUEHMO": "MOSCOW", "RUEHMS": "MUSCAT", "RUEHMU": "MANAGUA", "RUEHMZ": "MUNICH",
    "RUEHNE": "NEWDELHI", "RUEHNO": "USNATO", "RUEHNP": "NAPLES", "RUEHNR": "NAIROBI",
    "RUEHNT": "TASHKENT", "RUEHNY": "OSLO", "RUEHOR": "GABORONE", "RUEHOS": "LAGOS",
    "RUEHOT": "OTTAWA", "RUEHOU": "OUAGADOUGOU", "RUEHPE": "LIMA", "RUEHPF": "PHNOMPENH",
    "RUEHPG": "PRAGUE", "RUEHPL": "PORTLOUIS", "RUEHPO": "PARAMARIBO", "RUEHPS": "PRISTINA",
    "RUEHPU": "PORTAUPRINCE", "RUEHPW": "PESHAWAR", "RUEHQT": "QUITO", "RUEHRA": "RIGA",
    "RUEHRB": "RABAT", "RUEHRG": "RECIFE", "RUEHRH": "RIYADH", "RUEHRI": "RIODEJANEIRO",
    "RUEHRK": "REYKJAVIK", "RUEHRL": "BERLIN", "RUEHRO": "ROME", "RUEHROV": "VATICAN",
    "RUEHRY": "CONAKRY", "RUEHSA": "PRETORIA", "RUEHSB": "HARARE", "RUEHSF": "SOFIA",
    "RUEHSG": "SANTIAGO", "RUEHSH": "SHENYANG", "RUEHSI": "TBILISI", "RUEHSJ": "SANJOSE",
    "RUEHSK": "MINSK", "RUEHSL": "BRATISLAVA", "RUEHSM": "STOCKHOLM", "RUEHSN": "SANSALVADOR",
    "RUEHSO": "SAOPAULO", "RUEHSP": "PORTOFSPAIN", "RUEHSQ": "SKOPJE", "RUEHSR": "STRASBOURG",
    "RUEHSW": "BERN", "RUEHTA": "ASTANA", "RUEHTC": "THEHAGUE", "RUEHTG": "TEGUCIGALPA",
    "RUEHTH": "ATHENS", "RUEHTL": "TALLINN", "RUEHTO": "MAPUTO", "RUEHTRO": "TRIPOLI",
    "RUEHTU": "TUNIS", "RUEHTV": "TELAVIV", "RUEHUB": "HAVANA", "RUEHUJA": "ABUJA",
    "RUEHUL": "SEOUL", "RUEHUNV": "UNVIEVIENNA", "RUEHUP": "BUDAPEST", "RUEHVB": "ZAGREB",
    "RUEHVI": "VIENNA", "RUEHVJ": "SARAJEVO", "RUEHVK": "VLADIVOSTOK", "RUEHVL": "VILNIUS",
    "RUEHWL": "WELLINGTON", "RUEHWN": "BRIDGETOWN", "RUEHWR": "WARSAW", "RUEHYD": "YAOUNDE",
    "RUEHYE": "YEREVAN", "RUEHYN": "SANAA", "RUEHZP": "PANAMA",
}

# Posts (compact, as in a reference id) whose WikiLeaks origin is not "Embassy <Name>".
_CONSULATES = (
    "Adana|Istanbul|Sao Paulo|Rio De Janeiro|Recife|Mumbai|Chennai|Hyderabad|Karachi|Lahore|"
    "Peshawar|Jeddah|Dhahran|Dubai|Jerusalem|Hong Kong|Shanghai|Guangzhou|Shenyang|Chengdu|"
    "Wuhan|Monterrey|Guadalajara|Tijuana|Ciudad Juarez|Hermosillo|Matamoros|Nuevo Laredo|"
    "Nogales|Merida|Toronto|Montreal|Vancouver|Calgary|Halifax|Quebec|Frankfurt|Munich|"
    "Hamburg|Dusseldorf|Leipzig|Milan|Naples|Florence|Barcelona|Marseille|Strasbourg|Lyon|"
    "Amsterdam|Krakow|St Petersburg|Yekaterinburg|Vladivostok|Casablanca|Lagos|Cape Town|"
    "Durban|Johannesburg|Melbourne|Sydney|Perth|Osaka Kobe|Naha|Sapporo|Fukuoka|Nagoya|"
    "Chiang Mai|Ho Chi Minh City|Curacao|Guayaquil|Auckland|Belfast|Edinburgh|Thessaloniki|"
    "Ponta Delgada|Hamilton|Kolkata"
).split("|")

POST_ORIGINS: dict[str, str] = {
    **{name.upper().replace(" ", ""): f"Consulate {name}" for name in _CONSULATES},
    "CALCUTTA": "Consulate Kolkata",
    "KIEV": "Embassy Kyiv",
    "KYIV": "Embassy Kyiv",
    "STATE": "Secretary of State",
    "SECSTATE": "Secretary of State",
    "USUNNEWYORK": "USUN New York",
    "USNATO": "Mission USNATO",
    "USEUBRUSSELS": "USEU Brussels",
    "GENEVA": "US Mission Geneva",
    "UNVIEVIENNA": "UNVIE",
    "HAVANA": "US Interests Section Havana",
    "AITTAIPEI": "American Institute Taiwan, Taipei",
    "TAIPEI": "American Institute Taiwan, Taipei",
    "RPODUBAI": "Iran RPO Dubai",
    "IRANRPODUBAI": "Iran RPO Dubai",
    "BASRAH": "REO Basrah",
    "PARTO": "US Delegation, Secretary",
    "SECTO": "US Delegation, Secretary",
    "EFTOLONDON": "Embassy London",
    "EFTOTRIPOLI": "Embassy Tripoli",
    "USOSCE": "Mission USOSCE",
}

# FM lines whose origin is not "<kind> <Name>" by the prefix rules below.
_FM_EXACT: dict[str, str] = {
    "SECSTATE WASHDC": "Secretary of State",
    "SECSTATE WASHINGTON DC": "Secretary of State",
    "USMISSION USUN NEW YORK": "USUN New York",
    "USUN NEW YORK": "USUN New York",
    "USMISSION USNATO": "Mission USNATO",
    "USEU BRUSSELS": "USEU Brussels",
    "USMISSION UNVIE VIENNA": "UNVIE",
    "USMISSION GENEVA": "US Mission Geneva",
    "USINT HAVANA": "US Interests Section Havana",
    "AIT TAIPEI": "American Institute Taiwan, Taipei",
    "RPO DUBAI": "Iran RPO Dubai",
    "IRAN RPO DUBAI": "Iran RPO Dubai",
    "REO BASRAH": "REO Basrah",
    "USLO TRIPOLI": "Embassy Tripoli",
    "USMISSION USOSCE": "Mission USOSCE",
}
_FM_PREFIXES = (("AMEMBASSY ", "Embassy"), ("AMCONSUL ", "Consulate"), ("USMISSION ", "US Mission"))
_FM_CLEAN = re.compile(r"^[A-Z]{4,8}/|\s+(?:NIACT\s+)?(?:IMMEDIATE|PRIORITY|ROUTINE|FLASH)\b.*$|\s+\d+\s*$")
_ADDRESS_LINE = re.compile(r"^(FM|FROM|TO|INFO)\s+(.*)$")
_ROUTING_END = re.compile(r"^(BT|ZEN|ZEM|NNNN)\b")
_NOT_LETTERS = re.compile(r"[^A-Z]")
_NAME_FIX = {"Kiev": "Kyiv", "Calcutta": "Kolkata"}
_ROUTED_POSTS = frozenset(ROUTING_POSTS.values())


def compact_post(name: str) -> str:
    """``NEW DELHI`` → ``NEWDELHI``: a post as it appears inside a reference id."""
    return _NOT_LETTERS.sub("", name.upper())


def origin_for_post(post: str) -> str | None:
    """A post (``SAO PAULO`` or ``SAOPAULO``) → WikiLeaks origin; embassies by default."""
    key = compact_post(post)
    if not key:
        return None
    known = POST_ORIGINS.get(key)
    if known:
        return known
    if " " not in post.strip() and len(key) > 12:
        return None  # a run-together name we cannot split into words
    name = " ".join(w.capitalize() for w in post.split())
    return f"Embassy {_NAME_FIX.get(name, name)}"


def clean_fm(fm: str) -> str:
    """An FM line's addressee without routing prefix, precedence or serial."""
    text = " ".join(fm.split()).upper()
    prev = None
    while prev != text:
        prev, text = text, _FM_CLEAN.sub("", text).strip()
    return text


def origin_from_fm(fm: str) -> str | None:
    """``AMEMBASSY MEXICO`` → ``Embassy Mexico``; None when the sender is unknown."""
    text = clean_fm(fm)
    if not text:
        return None
    if text in _FM_EXACT:
        return _FM_EXACT[text]
    if text.startswith("USDEL SECRETARY"):
        return "US Delegation, Secretary"
    for prefix, kind in _FM_PREFIXES:
        if text.startswith(prefix):
            words = text[len(prefix):].split()
            if len(words) > 1 and len(words[-1]) == 2 and known_post(" ".join(words[:-1])):
                words.pop()  # the country code of older FM lines: "AMEMBASSY ROME IT"
            name = " ".join(w.capitalize() for w in words)
            name = _NAME_FIX.get(name, name)
            if kind == "Embassy" and name == "Usun New York":
                return "USUN New York"
            return f"{kind} {name}" if name else None
    return None


def known_post(name: str) -> bool:
    """True when ``name`` (``SAO PAULO``, ``SAOPAULO``) is a post these tables know."""
    key = compact_post(name)
    return key in POST_ORIGINS or key in _ROUTED_POSTS


def post_for_routing(indicator: str) -> str | None:
    """``RUEHME`` → ``MEXICO`` (the post as written in reference ids), when known."""
    return ROUTING_POSTS.get(indicator.upper())


def addressees(routing: str, ends: Callable[[str], bool]) -> tuple[str | None, list[str], list[str]]:
    """FM, TO and INFO of a routing header, routing prefixes (``RUEHC/``) removed.

    TO and INFO lists are read only after the FM line (a partial extract's note
    has an unrelated ``INFO LOG-00 ...`` distribution list before it); ``ends``
    says which line closes the header (the classification line, E.O., ...).
    """
    fm: str | None = None
    to: list[str] = []
    info: list[str] = []
    target: list[str] | None = None
    for raw_line in routing.splitlines():
        line = raw_line.strip()
        if not line:
            continue
        match = _ADDRESS_LINE.match(line)
        if match and (match.group(1) in ("FM", "FROM") or fm is not None):
            word, rest = match.groups()
            if word in ("FM", "FROM"):
                if fm is None and word == "FM":
                    fm = clean_fm(rest)
                target = None
                continue
            target = to if word == "TO" else info
            line = rest
        elif target is None:
            continue
        if _ROUTING_END.match(line) or ends(line):
            target = None
            continue
        name = clean_fm(line)
        if name:
            target.append(name)
    return fm, to, info
