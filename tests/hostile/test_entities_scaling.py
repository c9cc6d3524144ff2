"""Person linking is linear in the number of mentions (issue 17, item 5).

A cable naming "Mr. Smith" over and over (300 KB) took 26 s to parse with its entities,
1 MB about 290 s: every linked mention was checked against every span taken before it.
Four times the mentions must cost about four times the CPU, not sixteen (CPU time, and a
ratio with room for noise: not a timing of this machine).
"""

from __future__ import annotations

import time

from tipreader.cable.entities import extract_entities
from tipreader.cable.model import Paragraph


def _cpu_for(mentions: int) -> tuple[float, int]:
    para = Paragraph(0, 1, "C", 1, " ".join(["Mr. Smith met the minister."] * mentions))
    start = time.process_time()
    found = extract_entities((para,))
    return time.process_time() - start, sum(1 for e in found if e.type == "PERSON")


def test_linking_repeated_mentions_scales_linearly():
    _cpu_for(50)  # warm the extractor's lists
    small, n_small = _cpu_for(1500)
    big, n_big = _cpu_for(6000)
    assert n_small == 1500 and n_big == 6000  # every mention is found
    assert big / small < 8, f"4x the mentions cost {big / small:.1f}x the CPU ({small:.2f}s -> {big:.2f}s)"
