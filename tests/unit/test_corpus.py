"""Every file of ../shared/cables goes through the whole parser without a stray exception.

No paragraph of any of them carries teletype page debris or ends with a heading.

One test loops over the ~5,200 files (not one case per file) so the run stays short.
For every WikiLeaks page the cable's ref_id must equal the page's own metadata
table; the same must hold when the page is first reduced to raw text.
"""

from __future__ import annotations

import html
import re
from pathlib import Path


from tipreader.cable import Cable, CableError, iter_path, parse_text
from tipreader.cable.headings import is_capitals_title
from tipreader.cable.ids import repair_ref_id

_TABLE_ID = re.compile(r"<table class='cable'>.*?<a href='/cable/\d{4}/\d{2}/([^'.]+)\.html'>", re.S)
_PRE = re.compile(r"<code><pre>(.*?)</pre></code>", re.S)
_TAG = re.compile(r"<[^>]+>")


def _files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def _pages(root: Path) -> list[Path]:
    return sorted(p for d in ("wikileaks-html", "wikileaks-html-fullpage") for p in (root / d).glob("*.html"))


def _table_id(page: str) -> str:
    m = _TABLE_ID.search(page)
    assert m, "page without a metadata table"
    return m.group(1)


def _id_ok(cable: Cable, want: str) -> bool:
    """Equal to the table, or repaired from a malformed table id with a warning."""
    return cable.ref_id == want or any(w.code == "repaired-id" for w in cable.warnings)


def reduce_page(page: str) -> str:
    """A WikiLeaks page → raw text: the two <pre> blocks, markup and pilcrows taken out."""
    blocks = [html.unescape(_TAG.sub("", b.replace("&#x000A;", "\n"))).replace("\u00b6", "") for b in _PRE.findall(page)]
    return "\n".join(blocks)


# Teletype debris that must never reach a paragraph: the routing block of an old page
# break (`INFO LOG-00 NP-00 ...`) and its page header (`PAGE 03 HARARE 05461 01 OF 02`,
# `PAGE 02 RUEHFRA0170`); "on page 16 of the paper" is prose and allowed.
_DEBRIS = re.compile(r"\bINFO\s+LOG-\d\d|\bPAGE \d{2,3}\s+(?:[A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*)?\s+\d{3,6}\b|R[A-Z]{5,6}\d{3,5}\b)")
_TRAILING_RULE = re.compile(r"-{5,}\s*$")


# Paragraphs that still end with a heading-shaped line (a capitals title, or a rule with a
# title before it on the same line after a sentence). Measured 2026-12-04 (p13): 175; 2026-12-05:
# 82 (rules broken in two by a space, `U.S.` in rule headings); session 7: 37 (titles before their rule on an
# unwrapped line: longer ones, `U.S.` or an ellipsis inside, a closing parenthesis before); session 8: 17 (a framed
# title's upper rule after a sentence, titles ending in `U.S.`, U+2028 line separators, section numerals, redactions
# and double hyphens before or inside framed titles); then 0 (wrapped capitals titles with a comma or colon, long
# agenda titles, titles after `;` / `:`, spaced-dash frames `- - -`, END SUMMARY before a title, table rows no titles).
# It stays 0: a new glued heading is a defect.
GLUED_CEILING = 0


# lost-line warnings over the WikiLeaks pages (which lose no lines in scraping; what is flagged
# are cables whose own text stops mid-sentence, or a stray blank line). Measured 2026-12-05 (p13):
# 50 places, with every place of a paragraph reported and the Mexico scrape's 17 found. May only go down.
# 51 since q12 (session 7): each `Q:` / `A:` exchange is a paragraph of its own, and 08KUWAIT128's interview answer
# `Kuwait is an independent country and has sovereignty` (no full stop: the cable's own text) now ends a paragraph.
LOST_ON_PAGES_CEILING = 51


def fidelity_problems(cable: Cable) -> tuple[list[str], list[str]]:
    """(debris in a paragraph, headings glued to a paragraph's end: a capitals title or a rule as its last line)."""
    problems: list[str] = []
    glued_found: list[str] = []
    for para in cable.paragraphs:
        if para.kind in ("heading", "signature"):
            continue
        text = para.text
        if _DEBRIS.search(text):
            problems.append(f"{cable.ref_id} ¶{para.index}: debris {_DEBRIS.search(text).group(0)!r}")
        last = text.rsplit("\n", 1)[-1]
        lowers = sum(c.islower() for c in text)
        glued = "\n" in text and is_capitals_title(last) and lowers > 0.3 * sum(c.isalpha() for c in text)
        if glued or _TRAILING_RULE.search(text):
            glued_found.append(f"{cable.ref_id} ¶{para.index}: heading glued to its end: {last[-60:]!r}")
    return problems, glued_found


def test_every_file_parses_and_pages_keep_their_ref_id(shared_cables: Path) -> None:
    files = _files(shared_cables)
    assert len(files) > 5000
    pages = set(_pages(shared_cables))
    problems: list[str] = []
    glued: list[str] = []
    lost_on_pages = 0
    for path in files:
        try:
            items = list(iter_path(path))
        except Exception as err:
            problems.append(f"{path}: {type(err).__name__}: {err}")
            continue
        assert items, path
        for item in items:
            if isinstance(item, Cable):
                debris, glued_here = fidelity_problems(item)
                problems.extend(debris)
                glued.extend(glued_here)
        if path not in pages:
            continue
        lost_on_pages += sum(w.code == "lost-line" for c in items if isinstance(c, Cable) for w in c.warnings)
        want = _table_id(path.read_text(encoding="utf-8"))
        first = items[0]
        if isinstance(first, CableError):
            problems.append(f"{path}: CableError: {first}")
        elif not _id_ok(first, want):
            problems.append(f"{path}: ref_id {first.ref_id!r} != table {want!r}")
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:30])
    assert len(glued) <= GLUED_CEILING, f"{len(glued)} glued headings:\n" + "\n".join(glued[:30])
    assert lost_on_pages <= LOST_ON_PAGES_CEILING, lost_on_pages


# Pages whose raw text cannot give WikiLeaks' id, each read by hand. WikiLeaks formed
# these ids from other evidence (its database), and the text disagrees or lacks a part.
KNOWN_DISAGREEMENTS = {
    "04MADRID4827": "partial extract with no routing line, classification line or page marker: no serial",
    "05PARIS4749": "partial extract with no serial anywhere in the text",
    "08STATE43817": "no DE line and no section line: the STATE serial is not in the text",
    "05LIMA3609": "the routing line says #3571; WikiLeaks' id differs from its own text",
    "05MUSCAT679": "the body is another post's cable (BEIJING 2305)",
    "05SOFIA1280": "the body is a PARIS cable",
    "06REYKJAVIK40": "routing #0401 and a garbled 'REYKJAVIK 00040QSITIVE'; WikiLeaks took the garbled one",
    "08SECTION01GF02BISHIEK21": "malformed id whose post is misspelt (BISHIEK) beyond repair",
    "09ASUNCION595": "a pasted database row of another cable (09ASUNCION561) stands first",
    "10ASUNCION71": "a pasted database row of another cable (09ASUNCION13) stands first",
    "09BANGKOK706": "the body is a TAIPEI cable",
    "09HAVANA132": "the body is a MOSCOW cable",
    "09PARTO40301": "WikiLeaks joined the routing serial and the time group into the id",
    "09PARTO41305": "WikiLeaks joined the routing serial and the time group into the id",
    "88BAGHDAD28": "the body is a STATE cable",
}


def _raw_id_ok(cable: Cable, want: str) -> bool:
    """The id read from raw text agrees with WikiLeaks' table.

    A malformed table id must come out repaired; where the text states no year, post
    and serial must agree (the year is left out, with a warning; a guess goes to ``year_guess``).
    """
    if cable.ref_id == repair_ref_id(want)[0]:
        return True
    codes = {w.code for w in cable.warnings}
    if "no-year" in codes:  # never a guessed year in the id
        return cable.ref_id == want[2:]
    return False


def test_pages_reduced_to_raw_text_keep_their_ref_id(shared_cables: Path) -> None:
    problems: list[str] = []
    pages = _pages(shared_cables)
    for path in pages:
        page = path.read_text(encoding="utf-8")
        want = _table_id(page)
        if want in KNOWN_DISAGREEMENTS:
            continue
        try:
            cable = parse_text(reduce_page(page), str(path))
        except CableError as err:
            problems.append(f"{path}: CableError: {err}")
            continue
        if not _raw_id_ok(cable, want):
            problems.append(f"{path}: ref_id {cable.ref_id!r} != table {want!r}")
    assert not problems, f"{len(problems)} of {len(pages)} pages:\n" + "\n".join(problems[:30])
