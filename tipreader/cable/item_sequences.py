"""How questionnaire items follow one another, beyond one item read alone.

- :func:`one_run`: letters running on unbroken from a later letter (``C)`` ... ``M)``), a reply that answers the
  tasker from one of its paragraphs on;
- :func:`repeats_label`: ``A. (U) Are ...?`` then ``A. (S/NF) The ...``, an answer written under its label again;
- :func:`dotted_exchanges`: ``Q.`` / ``A.`` paragraphs, exchanges the cable labels.
"""

from __future__ import annotations

from .items import Item


def one_run(lettered: list[Item]) -> bool:
    """Whether the items' letters run on unbroken in the cable's order (``C)``, ``D)`` ... ``M)``): a reply keyed to
    a tasker that answers from one of its paragraphs on (``BEGINNING WITH THE QUESTION IN PARAGRAPH C``, 01HAVANA4690)
    starts at that paragraph's letter, not at A."""
    ordered = sorted(lettered, key=lambda it: it.index)
    return all(
        len(a.letters[-1]) == 1 and len(b.letters[0]) == 1 and ord(b.letters[0]) == ord(a.letters[-1]) + 1
        for a, b in zip(ordered, ordered[1:])
    )


def repeats_label(current: Item, it: Item) -> bool:
    """Whether ``it`` is the answer of ``current`` written under the same label again: ``current`` restates a
    question and has no answer yet, ``it`` has the same letters and no question."""
    return (bool(current.letters) and it.letters == current.letters and it.path == current.path and not it.question
            and bool(current.question) and not current.answer and not current.extra and bool(it.answer))


def dotted_exchanges(items: dict[int, Item]) -> dict[int, Item]:
    """``Q. Can the U.S. Embassy visit ...?`` then ``A. The helicopters are ...`` (each its own paragraph, every
    ``Q.`` answered by the ``A.`` right after it): exchanges the cable labels, as ``Q:`` / ``A:`` ones (06BOGOTA1970)."""
    found: dict[int, Item] = {}
    for index, it in items.items():
        if it.letter != "Q" or it.shape != "A.":
            continue
        answer = items.get(index + 1)
        if answer is None or answer.letter != "A" or answer.shape != "A." or answer.question:
            return {}
        question = " ".join(x for x in (it.question, it.answer) if x)
        found[index] = Item(index, "", None, question, answer.answer, "question", [], answer_paras=[index + 1],
                            answered=True)
    return found if len(found) * 2 == sum(1 for it in items.values() if it.letter in "QA" and it.shape == "A.") else {}
