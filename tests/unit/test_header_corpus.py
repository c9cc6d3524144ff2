"""The header stage's own derivations against WikiLeaks' metadata tables, over the whole set.

A guard against regressions, not a benchmark: the figures are printed by
``benchmarks/header_agreement.py``. The floors sit a little under what the
parser reaches (ref_id 90.5 %; counting the year-less ids of cables whose text
states no year, 99.8 %; with the Created date 99.8 %; origin 99.9 %; classification 98.9 %); the
misses are cables whose text disagrees with WikiLeaks' table or that state no date at
all (their id has no year rather than a guessed one).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from tipreader.cable import header, pages
from tipreader.cable._types import RawCable
from tipreader.cable.ids import table_ref_id

_TD = re.compile(r"<td>\s*(.*?)\s*</td>", re.S)
_PRE = re.compile(r"<code><pre>(.*?)</pre></code>", re.S)
_TAG = re.compile(r"<[^>]+>")


def test_derived_fields_agree_with_the_wikileaks_tables(shared_cables: Path) -> None:
    files = sorted((shared_cables / "wikileaks-html").glob("*.html"))
    assert len(files) > 5000
    agree = {"ref_id": 0, "ref_id_or_yearless": 0, "ref_id_dated": 0, "origin": 0, "classification": 0}
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        cells = [html.unescape(_TAG.sub("", c)).strip() for c in _TD.findall(text)[:5]]
        ref_id, created, _, classification, origin = cells
        pres = [html.unescape(_TAG.sub("", p.replace("&#x000A;", "\n"))).replace("\u00b6", "") for p in _PRE.findall(text)]
        head, body = (pres + ["", ""])[:2]
        lines = pages.clean_lines(body)
        info = header.parse_header(RawCable(str(path), "wikileaks-html", head, body), lines)
        want = table_ref_id(ref_id)
        if want is None:  # WikiLeaks' id is malformed past knowing: nothing to compare the id with
            want = info.ref_id or ""
        agree["ref_id"] += info.ref_id == want
        # where the text states no year the id is year-less, never guessed: post and serial agree
        agree["ref_id_or_yearless"] += info.ref_id == want or (info.ref_id is not None and info.ref_id == want[2:])
        agree["origin"] += info.origin == origin
        agree["classification"] += info.classification == classification
        if info.ref_id != want:
            raw = RawCable(str(path), "wikileaks-html", head, body, {"created": created})
            info = header.parse_header(raw, lines)
        agree["ref_id_dated"] += info.ref_id == want
    share = {k: v / len(files) for k, v in agree.items()}
    assert share["ref_id"] > 0.90, share
    assert share["ref_id_or_yearless"] > 0.99, share
    assert share["ref_id_dated"] > 0.99, share
    assert share["origin"] > 0.995, share
    assert share["classification"] > 0.98, share
