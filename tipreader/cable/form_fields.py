"""A form answered field by field: ``A. Date and time of alarm: 29.12.2007 at 02:16:18``, ``B. Sigma level: (No
response)`` (08TASHKENT43, a questionnaire filled in as a form). Each lettered line is the form's field, up to the
first ``: ``, then its value: the field is the question, the value the answer, which ends with its line (what
follows the form -- ``Examination Report`` and its text -- is no field's answer).

Only when every lettered item of the cable without a question of its own is written so (five at least) and the
values are short (their median at most 80 characters): lettered answers under topic titles
(``B. Punishment of labor trafficking offenses: ...``, layout 3 of a TIP submission) answer at length and keep
their title as the opening of the answer.
"""

from __future__ import annotations

import re
from statistics import median
from typing import TYPE_CHECKING

from .roman_parts import roman_heading

if TYPE_CHECKING:
    from .items import Item

# the field (kept with its colon, as written): from a capital up to the first `: ` (a `(...)` note may hold one); a field may ask (`Who is ...?: `)
_FIELD = re.compile(r"^([A-Z](?:\([^)\n]{0,300}\)|[^\n:])*?):\s+(?=\S)")
_MIN_FIELDS = 5
_MAX_MEDIAN = 80


def split_fields(items: list[Item]) -> None:
    """Set question and answer of each field of a form (see the module doc); leave other layouts alone."""
    candidates = [it for it in items if it.letters and not it.question
                  and roman_heading(f"{it.letter}. {it.answer.split(chr(10), 1)[0]}") is None]  # `II. Shipment ...`
    if len(candidates) < _MIN_FIELDS:
        return
    fields = []
    for it in candidates:
        line = it.answer.split("\n", 1)[0]
        m = _FIELD.match(line)
        if m is None:
            return
        fields.append((it, m))
    if median(len(it.answer.split("\n\n", 1)[0]) - m.end() for it, m in fields) > _MAX_MEDIAN:
        return
    for it, m in fields:
        it.question, it.answer, it.field = m.group(0).strip(), it.answer[m.end() :], True
