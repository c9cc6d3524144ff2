"""tipreader.tip: report years, submission detection, topics (and a user's file), alignment's
honesty (unaligned rather than wrong), word diffs, figures from sentences, the store's sync."""

from __future__ import annotations

from pathlib import Path

import pytest

from tipreader.cable import parse_file
from tipreader.tip.align import THRESHOLD, Aligner, Item
from tipreader.tip.compare import diff_words
from tipreader.tip.figures import display, from_text, parse_number
from tipreader.tip.submissions import detect, report_year
from tipreader.tip.topics import load_topics
from tests.conftest import SAMPLES


@pytest.mark.parametrize(("subject", "date", "year", "source"), [
    ("SIXTH ANNUAL ANTI-TRAFFICKING IN PERSONS (TIP) REPORT FOR ICELAND", "2006-03-02T12:49:00Z", 2006, "subject ordinal"),
    ("COSTA RICA?S 7TH ANNUAL TIP REPORT SUBMISSION", "2007-03-16T22:32:00Z", 2007, "subject ordinal"),
    ("LIBYA 2009 TIP REPORT SUBMISSION REF: 08 STATE 132759", "2009-02-17T13:44:00Z", 2009, "subject year"),
    # the year names the period covered; sent in February 2005, it feeds the 2005 report
    ("COSTA RICA'S 2004 TRAFFICKING IN PERSONS REPORT", "2005-02-28T18:06:00Z", 2005, "cable date"),
    # sent in November: the next year's report
    ("TRAFFICKING IN PERSONS REPORT SUBMISSION", "2008-11-20T10:00:00Z", 2009, "cable date"),
])
def test_report_year(subject: str, date: str, year: int, source: str) -> None:
    assert report_year(subject, date) == (year, source)


def test_detect_mexico_and_not_an_interim_assessment(shared_cables: Path) -> None:
    mexico = detect(parse_file(SAMPLES / "08MEXICO721.txt")[0])
    assert mexico is not None and (mexico.country, mexico.region, mexico.report_year) == ("Mexico", "WHA", 2008)
    assert (mexico.part, mexico.parts) == (1, 1)
    part2 = detect(parse_file(shared_cables / "wikileaks-html" / "09REYKJAVIK50.html")[0])
    assert part2 is not None and (part2.country, part2.report_year, part2.part, part2.parts) == ("Iceland", 2009, 2, 2)
    for ref in ("08SANJOSE911", "09SANJOSE55", "10CAIRO209"):  # interim assessment, child-labour reports
        assert detect(parse_file(shared_cables / "wikileaks-html" / f"{ref}.html")[0]) is None


def test_user_topics_extend_and_bad_file_is_reported(tmp_path: Path) -> None:
    good = tmp_path / "topics.toml"
    good.write_text('[[topic]]\nkey = "prevention.labor-recruiters"\ntitle = "Labor recruiters"\n'
                    'question = "Does the government regulate labor recruiters?"\nwords = ["recruiters"]\n')
    topics, problems = load_topics([good])
    assert not problems and "prevention.labor-recruiters" in {t.key for t in topics}
    bad = tmp_path / "bad.toml"
    bad.write_text("[[topic]\nkey = ")
    topics, problems = load_topics([bad])
    assert len(problems) == 1 and str(bad) in problems[0]
    assert "prosecution.laws" in {t.key for t in topics}  # the bundled list stands


def test_unrelated_answer_is_unaligned_not_keyed() -> None:
    aligner = Aligner(load_topics([])[0])
    item = Item("X:2009", 2009, "prosecution", "Z", "", "The ambassador hosted a reception for the national day.")
    aligner.align([item])
    assert item.topic is None and item.method == "unaligned" and item.confidence < THRESHOLD


def test_numbering_keys_letter_only_answers_of_the_same_year() -> None:
    aligner = Aligner(load_topics([])[0])
    teacher = Item("A:2009", 2009, "prevention", "D", "Does the government have a national plan of action to address "
                   "trafficking in persons?", "Yes.")
    pupil = Item("B:2009", 2009, "prevention", "D", "", "Work began in 2008 under the ministry's lead.")
    aligner.align([teacher, pupil])
    assert teacher.topic == pupil.topic == "prevention.national-plan"
    assert teacher.method == "question" and pupil.method == "numbering"


def test_diff_words_marks_added_and_removed() -> None:
    ops = diff_words("There were no victims identified.", "There were three victims identified in 2009.")
    assert ("-", "no") in ops and ("+", "three") in ops and ("=", "There were") in ops
    assert ("+", "identified in 2009.") in ops or any(op == "+" and "2009" in t for op, t in ops)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Police conducted three investigations during the reporting period.",
     [("investigations", 3, "during the reporting period")]),
    ("In all of 2004, prosecutors opened 18 trafficking investigations and obtained convictions in two cases.",
     [("investigations", 18, "In all of 2004")]),
    ("The court sentenced one trafficker to life and the other to fifteen years in prison.",
     [("sentenced", 1, ""), ("prison_term", 180, "")]),
    ("--Congress approved a $7 million USD budget to construct shelters.", [("funding_usd", 7_000_000, "")]),
    # forms found missing on fresh text (figures_blind2's first run): singular after "one", "no" as zero,
    # two verbs sharing one count, nationals/members/others, "being charged", "handed down", USD, U.S. inside a sentence
    ("Police opened one labor trafficking investigation, compared to no investigations the year before.",
     [("investigations", 1, ""), ("investigations", 0, "")]),
    ("Prosecutors charged and the courts convicted no traffickers in 2006.", [("convictions", 0, "in 2006")]),
    ("Authorities prosecuted and convicted no traffickers in 2006.",
     [("prosecutions", 0, "in 2006"), ("convictions", 0, "in 2006")]),
    ("A trial involving three Moldovan nationals opened in May.", [("prosecutions", 3, "")]),
    ("It is one of four trafficking trials now under way.", [("prosecutions", 4, "")]),
    ("The judge sentenced nine members of the ring to prison.", [("sentenced", 9, "")]),
    ("Six officials from the Ministry of Labor were sentenced on Monday.", [("sentenced", 6, "")]),
    ("The court handed down five sentences.", [("sentenced", 5, "")]),
    ("Two defendants received a ten-year sentence.", [("sentenced", 2, ""), ("prison_term", 120, "")]),
    ("The raid ended with 12 people ultimately being charged with trafficking.", [("prosecutions", 12, "")]),
    ("The unit rescued 40 TIP victims, including 15 minors.",
     [("victims_identified", 40, ""), ("victims_identified", 15, "")]),
    ("Police referred 9 victims to an NGO shelter.", [("victims_assisted", 9, "")]),
    ("The prosecutor referred four clerks to the criminal court for trial.", [("prosecutions", 4, "")]),
    ("The post implemented a $3 million U.S. Labor Department grant to fight forced labor.",
     [("funding_usd", 3_000_000, "")]),
    ("Funding: USD 120,000 to train judges on trafficking cases.", [("funding_usd", 120_000, "")]),
    # hedged, potential, or a year: left out
    ("The coalition worked on approximately 30 potential trafficking victims.", []),
    ("Police investigated about 40 cases.", []),
    ("In 2007 prosecutions rose.", []),
    ("The rescue of 2008 victims made the news.", []),
    ("The Immigration Director rejected a $2.5 million bribe.", []),
    ("Two victims assisted the police in 2008.", []),
    ("They were detained after the group's June 10 conviction.", []),  # a date, not ten convictions
    ("For the other four prosecution units, NAS provided computers.", []),  # victims who helped, not victims helped
    ("The law sets penalties of up to eight years' imprisonment for trafficking.", []),
    ("The unit made 206 arrests and trained 34 officers on trafficking.", []),
    ("MAG, like other NGOs, awaits $1.5 million in demining money.", []),  # money, but not against trafficking
    ("A grant to a non-profit group of $40,000 funds victim shelters.", [("funding_usd", 40_000, "")]),
    # session 5's spot check outside the gold (real sentences): a range, traffickers' money, one group of a list
    ("At an informal meeting of government and non-governmental institutions in January 2008, the attendees said that "
     "each of them had come into contact with 6-20 trafficking victims over the last four years.", []),  # 08REYKJAVIK36
    ("These threats are targeted specifically at the families because the traffickers, in the case of the Romanian "
     "victims, provided USD 10,000 to the families as economic assistance, and the victims are then obliged to pay off "
     "the debt via commercial sex work.", []),  # 05SANJOSE488
    ("In May, a Paris court convicted two French citizens, Ahmed Laidouni and David Courtailler, and an Algerian "
     "citizen, Mohamed Baadache, for organizing recruitment networks for terrorist training camps in Afghanistan.",
     []),  # 04PARIS8983: three were convicted
    ("Police opened two or three investigations and identified between 10 and 15 victims.", []),
    ("Convictions rose from 5 to 12 convictions in 2008.", [("convictions", 12, "in 2008")]),  # a change, not a range
    ("Police identified 40 victims and arrested 12 traffickers.", [("victims_identified", 40, "")]),
    ("The court convicted three men and two women.", []),
    ("In July 2009, six active officials from the PDI and two former officials were charged with facilitating underage "
     "prostitution.", []),  # 10SANTIAGO254: eight were charged
    # implicit counts and prison terms (figures_blind2's misses, 09CAIRO2083, 09REYKJAVIK82, 08PARAMARIBO242)
    ("The court sentenced both to two years in prison.", [("sentenced", 2, ""), ("prison_term", 24, "")]),
    ("In March, a court sentenced a police officer to 15 years in prison for shooting a motorist following a dispute.",
     [("sentenced", 1, ""), ("prison_term", 180, "")]),  # 09CAIRO624
    ("The husband was sentenced to 12 months' and the wife to four months' imprisonment.",
     [("prison_term", 12, ""), ("prison_term", 4, "")]),  # 09STATE60550
    ("In that case, one defendant was sentenced to 7.5 years in prison, two others received a seven-year sentence, and "
     "a fourth defendant was sentenced to five years.",
     [("sentenced", 1, ""), ("sentenced", 1, ""), ("sentenced", 2, ""), ("prison_term", 90, ""), ("prison_term", 60, ""),
      ("prison_term", 84, "")]),
    ("The two main suspects in this case, Remilio Kemper and Rawin Badloe, were both sentenced to three years and six "
     "months imprisonment and received additional fines of 100,000 SRD (approximately U.S. $36,000) each.",
     [("sentenced", 2, ""), ("prison_term", 42, "")]),
    ("The court convicted both traffickers and two officials.", []),  # "both ... and": not two
    ("The government has never convicted a trafficker.", []),
    # penalties the law allows, ranges and probation are not prison terms imposed
    ("Traffickers could be sentenced to 20 years in prison; offenders shall be sentenced to 10 years.", []),
    ("An Egyptian judge sentenced eleven members of the network to 2-5 years in jail.", [("sentenced", 11, "")]),
    ("The court acquitted four of the 15 men and sentenced the rest to prison terms ranging from one to seven years.",
     []),  # 08MANAMA471
    ("He was sentenced to three years' probation.", []),
    # h17's blind judging of the outsider sample (/work/coord/figures_sample_judged.tsv): a goal, hearsay
    ("All personnel on the task force should be properly vetted to ensure that no investigations or the mission of the "
     "task force will be compromised.", []),  # 06BELGRADE1681
    ("One detainee's trial has reportedly been completed and he understands he has been sentenced to 25 years "
     "imprisonment.", []),  # 08TRIPOLI685
    ("The prosecutor reported that no investigations were opened in 2008.", [("investigations", 0, "in 2008")]),
    # session 7: figures_blind2's remaining written forms (09QUITO233, 05SANJOSE2881, 10KABUL348, 09SANJOSE389)
    ("(C) Guayas province Prosecutor Antonio Gagliardo decided March 24 to allow cases to proceed against Chauvin and "
     "25 others implicated in the UIES's Border Hurricane operation against narcotraffickers.", [("prosecutions", 26, "")]),
    ("The court convicted Smith, Jones and 3 others.", []),  # five at least: "3 others" plus one would be short
    ("Three additional money- laundering cases began judicial proceedings in 2005.", [("prosecutions", 3, "in 2005")]),
    ("Three of those cases were successfully prosecuted in 2005.", [("convictions", 3, "in 2005")]),
    ("(SBU) The Anti-Corruption Unit (ACU) of the Afghan Attorney General's Office on January 25 obtained its first "
     "conviction since its establishment in April 2009.", [("convictions", 1, "")]),
    ("The unit has yet to obtain its first conviction; it obtained its first convictions in May.", []),
    ("In San Jose, the Costa Rican government has fired one former Ministry of Foreign Affairs official, who is being "
     "investigated for tampering with the visa process.", [("investigations", 1, "")]),
    ("Two other non-official Costa Ricans of Asian origin are also under investigation.", [("investigations", 2, "")]),
    # forms figures_recall3 found missing (after its first run; its cables are tuned on since)
    ("As reported ref B, Juma'a Boufayed was released shortly before a state security court convicted his brother and "
     "10 others of planning to overthrow the government.", [("convictions", 11, "")]),  # 08TRIPOLI882
    ("(Note: As reported ref A, Idriss Boufayed and 10 other members of a group of self-described regime critics were "
     "convicted on June 10 of planning to foment rebellion.)", [("convictions", 11, "")]),  # 08TRIPOLI925
    ("Separately, the public trial against suspected terrorist Djamel Beghal and five accomplices accused of plotting "
     "to attack US interests began.", [("prosecutions", 6, "")]),  # 05PARIS104
    ("The court convicted the three men and 2 others.", []),
    ("Two of the defendants were sentenced to 20 years in prison, one to 15 years, and the fourth to 13 years.",
     [("sentenced", 2, ""), ("prison_term", 240, ""), ("prison_term", 180, ""), ("prison_term", 156, "")]),  # 09BELGRADE399
    ("Two of the 12 defendants were sentenced.", [("sentenced", 2, "")]),  # a part of a total: not 12
    ("Two other defendants in the same case who were tried in absentia were convicted on similar charges and sentenced "
     "to five years' imprisonment.", [("convictions", 2, ""), ("sentenced", 2, ""), ("prison_term", 60, "")]),
    ("In December 2005, a jury in Para state convicted Sales to 27 years, and his partner, Batista, to 18 years.",
     [("prison_term", 324, "In December 2005"), ("prison_term", 216, "")]),  # 08BRASILIA640
    ("Feijoli Da Cunha was also convicted to 27 years in prison, but his sentence was reduced to 18 years.",
     [("prison_term", 324, ""), ("prison_term", 216, "")]),
    ("Boufayed received a sentence of 25 years; his 40-year sentence remains a landmark.",
     [("prison_term", 300, ""), ("prison_term", 480, "")]),
    ("The charges against the six individuals allegedly involved in the murder were filed on December 7.",
     [("prosecutions", 6, "")]),  # 09SANTIAGO937
    ("The ongoing investigation against the four ex-GTMO detainees is progressing well.", [("investigations", 4, "")]),
    ("Five Costa Rican immigration officials are under investigation.", [("investigations", 5, "")]),  # 07SANJOSE69
    ("In January 2008 Egyptian courts convicted nine HIV-positive men of debauchery.", [("convictions", 9, "In January 2008")]),
    ("The court sentenced him to 5 years, up to 10 years less than the prosecutor asked.", [("prison_term", 60, "")]),
    ("His lawyer said he could be sentenced to 20 years, and the others to 15 years.", []),
    ("Four of the defendants were found of guilty of intentional killing and sentenced to death by hanging.",
     [("convictions", 4, ""), ("sentenced", 4, "")]),  # 09STATE67105
    ("Three men were found not guilty.", []),
    ("The Justice Minister noted that Bahrain had prosecuted 280 trafficking-related crimes over the past year.",
     [("prosecutions", 280, "over the past year")]),  # 09MANAMA680
    # found by comparing the extractor before/after on every ../shared cable (session 7)
    ("Beghal and his five accomplices were convicted on March 15.", [("convictions", 6, "")]),  # 05PARIS2333
    ("The former president, Alexander Tomov, and three co-defendants were also charged.", []),  # 10SOFIA32: four
    ("Public officials convicted of receiving bribes are subject to prison sentences from two to six years.",
     []),  # 07SANJOSE63: the law's penalty
    ("However, his two-month sentence was suspended.", []),  # 09MILAN176
    ("The note contradicts al-Rimi's understanding that he was sentenced on June 16, 2008 to 25 years' imprisonment.",
     []),  # 09TRIPOLI76
    # "the number of X was N" (09SANTIAGO391, recall_expected.tsv) and "active police officials" (10SANTIAGO254)
    ("The total number of convictions remained relatively constant at ten.", [("convictions", 10, "")]),
    ("The number of prosecutions rose to 12 in 2008; the number of victims identified by police was 45.",
     [("prosecutions", 12, "in 2008"), ("victims_identified", 45, "")]),
    ("The number of convictions was up 20 percent; the number of shelters was about 10.", []),
    ("The number of prosecutions rose from 5 to 12.", []),
    ("Six active police officials were charged in July 2009 and are awaiting trial.", [("prosecutions", 6, "in July 2009")]),
])
def test_figures_from_sentences(sentence: str, expected: list) -> None:
    assert [(k, v, p) for k, v, _, p, *_ in from_text(sentence)] == expected


def test_figure_offsets_point_at_the_number() -> None:
    text = "First sentence. The government prosecuted a total of eight individuals on charges of trafficking."
    (kind, value, unit, period, start, end, sentence), = from_text(text)
    assert text[start:end] == "eight" and (kind, value, unit) == ("prosecutions", 8, "count")
    assert sentence.startswith("The government prosecuted")
    text = "Prosecutors brought charges against Chauvin and 25 others."  # the app marks the whole count
    (_k, value, _u, _p, start, end, _s), = from_text(text)
    assert (text[start:end], value) == ("Chauvin and 25 others", 26)


def test_display_values() -> None:
    assert [display(v, u) for v, u in ((1_250_000, "USD"), (1234, "count"), (24, "months"), (42, "months"),
                                       (9, "months"), (12, "months"))] == [
        "$1,250,000", "1,234", "2 years", "3 years 6 months", "9 months", "1 year"]


def test_parse_number() -> None:
    assert [parse_number(x) for x in ("1,234", "seven", "twenty-one", "forty", "first", "zzz")] == [1234, 7, 21, 40, 1, None]


def test_sync_is_incremental(shared_cables: Path) -> None:
    from tipreader.library import Library
    from tipreader.tip import store

    lib = Library.open()
    try:
        lib.import_paths([SAMPLES / "08MEXICO721.txt", shared_cables / "wikileaks-html" / "09TRIPOLI154.html"],
                         workers=1, entities=False)
        first = store.sync(lib)
        assert (first.checked, first.submissions) == (2, 2) and first.realigned == 63
        again = store.sync(lib)
        assert (again.checked, again.realigned) == (0, 0)
        lib.import_paths([shared_cables / "wikileaks-html" / "09REYKJAVIK50.html"], workers=1, entities=False)
        third = store.sync(lib)
        assert (third.checked, third.submissions) == (1, 1) and third.realigned == 63 + 33  # PREVENTION E (`-- E:`) is its own item
    finally:
        lib.close()


def test_store_of_an_older_extractor_is_refigured(shared_cables: Path) -> None:
    """A tip.sqlite3 written by an older extractor (a wrong figure in it) gets its figures again at the next sync."""
    import sqlite3

    from tipreader.library import Library
    from tipreader.tip import store
    from tipreader.tip.figures import VERSION

    lib = Library.open()
    try:
        lib.import_paths([shared_cables / "wikileaks-html" / "08REYKJAVIK36.html"], workers=1, entities=False)
        assert store.sync(lib).refigured == 1
        con = sqlite3.connect(store.db_path(lib))
        with con:
            con.execute("INSERT INTO figures SELECT ref_id, q_index, paragraph_index, 'victims_identified', 20, unit, "
                        "period, '6-20 trafficking victims', start, end, country, report_year FROM figures LIMIT 1")
            con.execute("UPDATE meta SET value='1' WHERE key='figures'")
        assert store.sync(lib).refigured == 1
        kinds = con.execute("SELECT kind, value FROM figures").fetchall()
        assert ("victims_identified", 20) not in kinds and kinds
        assert con.execute("SELECT value FROM meta WHERE key='figures'").fetchone() == (VERSION,)
        assert store.sync(lib).refigured == 0  # up to date: nothing done again
        con.close()
    finally:
        lib.close()


def test_first_run_false_figures_stay_out() -> None:
    """Every figure judged wrong in the first-run sample (tests/fixtures/tip_figures) is no longer extracted:
    thousands as $31K read as $31, a $1:550 exchange rate, private investments, seized cash, deficits..."""
    import csv

    from tests.conftest import FIXTURES

    rows = list(csv.DictReader((FIXTURES / "tip_figures" / "first_run_sample.tsv").open(encoding="utf-8"),
                               delimiter="\t"))
    wrong = [r for r in rows if r["right"] == "no"]
    assert len(wrong) == 27
    for r in wrong:
        got = {(k, v) for k, v, *_ in from_text(r["sentence"])}
        assert (r["kind"], int(r["value"])) not in got, r["sentence"]


def test_same_prison_term_of_two_persons_is_two_figures(shared_cables: Path) -> None:
    """09CAIRO2083's answer: two registrars each sentenced to two years are two terms; the sentence that tells the
    first one's term again ("sentenced the registrar") is not a third; a count said twice stays one figure."""
    from dataclasses import replace

    from tipreader.cable import parse_file
    from tipreader.tip.figures import from_cable

    cable, = parse_file(shared_cables / "wikileaks-html" / "10REYKJAVIK31.html")
    q = next(q for q in cable.questions if q.answer_paragraphs)
    text = ("On October 19, a court sentenced a marriage registrar to two years in prison for registering the marriages "
            "of under-age girls. The court sentenced the registrar to two years in prison. On October 22, the court "
            "convicted a second marriage registrar of the same offense and sentenced him to two years in prison. "
            "Police opened three investigations. The three investigations are ongoing.")
    first = q.answer_paragraphs[0]
    paragraphs = tuple(replace(p, text=text) if p.index == first else p for p in cable.paragraphs)
    parts = (replace(cable.parts[0], questions=(replace(q, answer_paragraphs=(first,)),)),)
    figures = [(f.kind, f.value) for f in from_cable(replace(cable, paragraphs=paragraphs, parts=parts))]
    assert sorted(figures) == [("investigations", 3), ("prison_term", 24), ("prison_term", 24)]
