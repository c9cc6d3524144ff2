"""Interviews and press guidance: `Q:` / `A:` exchanges the cable labels itself are question/answer pairs.

Coordinator's decision (session 7): the cable labels them, so pairing them invents nothing (layout 7);
they are no TIP submission. Each exchange is a paragraph of its own (a `Q:` line after a blank line
starts one, as a lettered item does); the cable numbers none of them, so they are numbered in order
within the cable's paragraph they stand in (`7.1`, `7.2`), or by the number of a `Q2:` label.
Expected values written by reading the cables (../shared).
"""

from __future__ import annotations

from pathlib import Path

from tipreader.cable import Cable
from tipreader.cable.parse import parse_file
from tipreader.tip.submissions import detect


def cable(shared: Path, ref: str) -> Cable:
    return parse_file(shared / "wikileaks-html" / f"{ref}.html")[0]


def by_label(c: Cable) -> dict:
    return {q.label: q for q in c.questions}


def test_press_guidance_exchanges_pair_one_by_one(shared_cables: Path) -> None:
    """09STATE2552 ¶7: 32 `Q:` questions, each answered in the blocks below it (no `A:` label)."""
    c = cable(shared_cables, "09STATE2552")
    q = by_label(c)
    assert list(q) == [f"7.{n}" for n in range(1, 33)]
    assert [(p.label, p.title_source) for p in c.parts] == [("7", "standard")]
    first = q["7.1"]
    assert first.question == "What specifically did A.Q. Khan and his network transfer? What did these people do to trigger sanctions?"
    assert first.answer.startswith("These entities were sanctioned for engaging in nuclear-related proliferation activities")
    assert first.answer.endswith("does not reflect recent proliferation activity by the network.")
    # a question with no question word still is one: the cable labels it `Q:`
    assert q["7.24"].question.startswith("Didn,t the Khan network include many more people")
    assert q["7.24"].answer.startswith("The decision to impose sanctions is based on a thorough review")
    assert detect(c) is None


def test_the_titles_over_the_next_exchange_are_not_an_answers_tail(shared_cables: Path) -> None:
    """09STATE2552: `Country Specific Questions` / `Pakistan`, `Switzerland`, `Sanctions Decisions:` head the
    next exchange; `End Press Guidance.` closes the last. None is answer text; no word is lost."""
    q = by_label(cable(shared_cables, "09STATE2552"))
    assert q["7.12"].answer.endswith("Treasury,s Office of Foreign Asset Control,s website.")
    assert q["7.12"].after == "Country Specific Questions\n\nPakistan"
    assert (q["7.21"].after, q["7.23"].answer, q["7.23"].after) == ("Switzerland", "We have no comment.", "Sanctions Decisions:")
    assert q["7.32"].answer == "Questions remain as to whether there were other customers."
    assert q["7.32"].after == "End Press Guidance."


def test_numbered_q_and_a_labels(shared_cables: Path) -> None:
    """05SANJOSE2158: `Q1: ...` / `A1: ...` (Q1 inside ¶4, Q2-Q6 numbered paragraphs 5-9): neither label is text."""
    c = cable(shared_cables, "05SANJOSE2158")
    q = by_label(c)
    assert list(q) == ["4.1", "5", "6", "7", "8", "9"]
    assert q["4.1"].question.startswith("Are host country products receiving lower prices")
    assert q["4.1"].answer.startswith("Prices in the apparel market are declining")
    assert q["9"].question.startswith("Overall, if not already addressed, does Post think")
    assert q["9"].answer.startswith("With respect to the threat due to low labor costs in China")


def test_tip_press_guidance_is_paired_but_no_submission(shared_cables: Path) -> None:
    """09STATE60490: the Department's press guidance on Argentina's TIP ranking, `Q1:` ... `Q3:` with `A:`."""
    c = cable(shared_cables, "09STATE60490")
    q = by_label(c)
    assert list(q) == ["11.1", "11.2", "11.3"]
    assert q["11.1"].question == "Why was Argentina given a ranking of Tier 2 Watch List?"
    assert q["11.3"].answer.endswith("improve data collection.")
    assert detect(c) is None


def test_an_exchange_ends_at_the_next_numbered_paragraph(shared_cables: Path) -> None:
    """09SANJOSE688: `7. Question: ... Answer: ...`, then `8. Thank you for the opportunity to respond.`:
    the thanks are the cable's closing paragraph, not the last answer's tail."""
    q = by_label(cable(shared_cables, "09SANJOSE688"))
    assert q["7"].answer.endswith("do not hold stock in Intel.")
    assert "Thank you" not in q["7"].answer


def test_exchanges_run_together_stay_text(shared_cables: Path) -> None:
    """06MINSK311: `Q (Liberacion): ...` / `A: ...` / `Q (RIA Novisti): ...` with no blank line between the
    exchanges: ¶10 and ¶11 hold several each, so none of theirs is paired (an answer must end where the next
    begins); ¶13 holds one exchange alone: a pair."""
    q = by_label(cable(shared_cables, "06MINSK311"))
    assert list(q) == ["13"]
    assert q["13"].question.startswith("Thanks to your election rivals")
    assert q["13"].answer.endswith("with the help of spin-doctors.")


def test_inline_numbered_labels_split_only_in_sequence() -> None:
    """`... questions: Q1: ...? A1: Yes. Q2: ...` puts each question on a line of its own; a label cut by a line break
    (`... Cuba? Post Response to Question` / `4): Yes.`) is put together. A lone `Q3:` in a sentence, or labels that
    do not run 1, 2, 3, leave the lines as they are; `5. Q2:` opens its line already."""
    from tipreader.cable._types import Line
    from tipreader.cable.exchanges import split_inline_questions

    def texts(*raw: str) -> list[str]:
        return [line.text for line in split_inline_questions([Line(text=t, page=1) for t in raw])]

    assert texts("2. (SBU) Answers to reftel questions: Q1: Is it? A1: Yes. Q2: And this? A2: No.") == [
        "2. (SBU) Answers to reftel questions:", "", "Q1: Is it? A1: Yes.", "", "Q2: And this? A2: No."]
    assert texts("Question 1): Is it?", "", "Post Response to Question 1): Yes. Question", "", "2): And this? Post Response to Question",
                 "", "2): No.") == ["Question 1): Is it?", "", "Post Response to Question 1): Yes.", "", "Question 2): And this?",
                                    "", "Post Response to Question 2): No."]
    kept = ("As he said: Q3: is the question. A3: the answer. Q5: another.",)
    assert texts(*kept) == list(kept)
    kept = ("5. Q2: The USG has approved?", "", "6. Q3: Has competition?")
    assert texts("4. Intro:", "", "Q1: Is it? A1: Yes.", "", *kept)[4:] == list(kept)


def test_exchanges_labelled_q_and_a_with_a_period(shared_cables: Path) -> None:
    """`Q. Can the U.S. Embassy visit ...?` / `A. The helicopters are ...`, each its own paragraph (Blue Lantern
    replies: 06BOGOTA1970, blind set 5 after its first run; 09MEXICO3376): exchanges the cable labels, paired as
    `Q:` / `A:` ones, under the cable's paragraph that holds them; the heading after them is no answer's tail."""
    c = parse_file(shared_cables / "wikileaks-html" / "06BOGOTA1970.html")[0]
    assert [q.label for q in c.questions] == ["3.1", "3.2"]
    first, second = c.questions
    assert first.question.startswith("Prior to being brought to the court's attention, what is the history")
    assert first.answer.startswith("The helicopters were first used as Israeli military-ambulance helicopters")
    assert second.question == "Can the U.S. Embassy visit the site where the helicopters are being stored?"
    assert second.answer.endswith("verify tail numbers and identiplates on both helicopters.")
    assert "NEXT STEPS" not in second.answer
    q = {x.label: x for x in parse_file(shared_cables / "wikileaks-html" / "09MEXICO3376.html")[0].questions}
    assert q["2.1"].question == "Did the GOM receive all 1030 AR-15 type rifles exported under license 050016624?"
    assert q["2.1"].answer.startswith("SEDENA received 507 rifles on 21 December 2006 and 523 rifles on 5 January 2007.")
    assert (q["2.4"].question, q["2.4"].answer) == ("Did the GOM authorize the re-transfer of any of these rifles?", "No")
