"""Safe text for the screen: cable strings become plain Rich ``Text``, never markup.

Everything a cable says passes through :func:`clean` before it is shown: ANSI/OSC
escape sequences are dropped whole, other control characters dropped, bidi overrides
and zero-width characters shown, tabs become spaces. Nothing here parses Rich markup, so ``[bold]`` in a cable stays ``[bold]``.
"""

from __future__ import annotations

from rich.text import Text

from tipreader.safetext import visible

def clean(value: str | None, *, newlines: bool = True) -> str:
    """``value`` safe for the screen (:func:`tipreader.safetext.visible`, the one sanitiser):
    escapes and control characters removed, bidi and zero-width characters shown, tabs as
    spaces. Newlines are kept when ``newlines`` is true, otherwise they become spaces.
    """
    if not value:
        return ""
    value = value.replace("\t", "    ").replace("\r\n", "\n").replace("\r", "\n")
    return visible(value, newlines=newlines)


def plain(value: str | None, style: str = "", *, newlines: bool = True) -> Text:
    """A Rich ``Text`` holding ``value`` literally (cleaned), in ``style``."""
    return Text(clean(value, newlines=newlines), style=style)


def one_line(value: str | None, limit: int = 60) -> str:
    """The first ``limit`` characters of ``value`` on one line, with an ellipsis when cut."""
    flat = " ".join(clean(value, newlines=False).split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rstrip()
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(",;:.-") + "…"


# The TAGS a reader of these cables meets most, with the names State uses for them.
TAG_NAMES: dict[str, str] = {
    "KTIP": "Trafficking in persons",
    "KCRM": "Criminal activity",
    "KWMN": "Women's issues",
    "KFRD": "Fraud prevention",
    "KCOR": "Corruption",
    "KJUS": "Justice and the legal system",
    "KDEM": "Democratization",
    "KHIV": "HIV/AIDS",
    "KPAO": "Public affairs office",
    "KISL": "Islamic affairs",
    "KIRF": "International religious freedom",
    "KPKO": "Peacekeeping operations",
    "KTFN": "Terrorist financing",
    "KNNP": "Nuclear non-proliferation",
    "KOLY": "Olympic games",
    "KMDR": "Media reaction",
    "KSEP": "Science and engineering",
    "KWBG": "West Bank and Gaza",
    "KCRS": "Crime and narcotics (report)",
    "KSUM": "Summit meetings",
    "ELAB": "Labor",
    "ECON": "Economic conditions",
    "EFIN": "Financial and monetary affairs",
    "ETRD": "Foreign trade",
    "EAID": "Foreign economic assistance",
    "PGOV": "Internal governmental affairs",
    "PREL": "External political relations",
    "PHUM": "Human rights",
    "PREF": "Refugees",
    "PTER": "Terrorists and terrorism",
    "PINR": "Intelligence",
    "PINS": "National security",
    "PARM": "Arms controls and disarmament",
    "SMIG": "Migration",
    "SOCI": "Social conditions",
    "SNAR": "Narcotics",
    "SCUL": "Cultural affairs",
    "SENV": "Environment",
    "ASEC": "Security",
    "AMGT": "Management operations",
    "CASC": "Assistance to citizens",
    "CVIS": "Visas",
    "CMGT": "Consular management",
    "OTRA": "Travel",
    "OVIP": "Visits of important persons",
    "MARR": "Military and defense arrangements",
    "MOPS": "Military operations",
    "UNGA": "UN General Assembly",
    "UNSC": "UN Security Council",
    "USUN": "US Mission to the UN",
}


def tag_name(tag: str) -> str | None:
    """The name of a TAGS code (``KTIP`` → "Trafficking in persons"), None when unknown."""
    return TAG_NAMES.get(tag.strip().upper())


def classification_style(classification: str | None) -> str:
    """A Rich style for a classification: the higher the level, the hotter the colour."""
    level = (classification or "").upper()
    if level.startswith("TOP SECRET"):
        return "tip.class-top-secret"
    if level.startswith("SECRET"):
        return "tip.class-secret"
    if level.startswith("CONFIDENTIAL"):
        return "tip.class-confidential"
    if "FOR OFFICIAL USE" in level or "SENSITIVE" in level:
        return "tip.class-sensitive"
    if level.startswith("UNCLASSIFIED"):
        return "tip.class-unclassified"
    return "tip.muted"


def marking_style(marking: str | None) -> str:
    """A style for a paragraph marking badge such as ``SBU`` or ``S//NF``."""
    mark = (marking or "").upper()
    if mark.startswith("TS"):
        return "tip.mark-top-secret"
    if mark.startswith("S"):
        return "tip.mark-secret" if not mark.startswith("SBU") else "tip.mark-sensitive"
    if mark.startswith("C"):
        return "tip.mark-confidential"
    if mark.startswith("U"):
        return "tip.mark-unclassified"
    return "reverse"
