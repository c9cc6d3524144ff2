"""The query language parser: valid queries → trees, malformed ones → QueryError only."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tipreader.library import search
from tipreader.library.query import (
    And, DateRange, Not, Or, Phrase, QueryError, Word, parse_query, positive_words,
)


@pytest.mark.parametrize(
    ("text", "tree"),
    [
        ("trafficking", Word("trafficking")),
        ("trafficked women", And((Word("trafficked"), Word("women")))),
        ('"forced labor"', Phrase("forced labor")),
        ("traff*", Word("traff", prefix=True)),
        ("a OR b", Or((Word("a"), Word("b")))),
        ("a AND b", And((Word("a"), Word("b")))),
        ("a and b", And((Word("a"), Word("and"), Word("b")))),  # lower-case operators are words
        ("visa -asylum", And((Word("visa"), Not(Word("asylum"))))),
        ("NOT asylum", Not(Word("asylum"))),
        ("(a OR b) c", And((Or((Word("a"), Word("b"))), Word("c")))),
        ("id:08MEXICO721", Word("08MEXICO721", "id")),
        ("origin:mexico", Word("mexico", "origin")),
        ('origin:"embassy mexico"', Phrase("embassy mexico", "origin")),
        ("tag:KTIP", Word("KTIP", "tag")),
        ("class:secret", Word("secret", "class")),
        ("classification:secret", Word("secret", "class")),
        ("subject:visa", Word("visa", "subject")),
        ("-tag:KTIP", Not(Word("KTIP", "tag"))),
        ("date:2008", DateRange(20080101, 20081231)),
        ("date:2008-02", DateRange(20080201, 20080229)),
        ("date:2008-01..2008-06", DateRange(20080101, 20080630)),
        ("date:2007-05-03", DateRange(20070503, 20070503)),
        ("date:2009..", DateRange(20090101, None)),
        ("date:..2001", DateRange(None, 20011231)),
        ("E.O. 12958:", And((Word("E.O."), Word("12958:")))),
        ("subject:(visa OR asylum*)", Or((Word("visa", "subject"), Word("asylum", "subject", True)))),
        ('tag:(KTIP -"PHUM")', And((Word("KTIP", "tag"), Not(Phrase("PHUM", "tag"))))),
    ],
)
def test_valid_queries(text, tree):
    assert parse_query(text) == tree


def test_a_full_combination():
    tree = parse_query('"human rights" (origin:ankara OR origin:istanbul) date:2003..2005 -tag:KTIP subject:imam*')
    assert isinstance(tree, And) and len(tree.items) == 5
    assert positive_words(tree) == [
        Phrase("human rights"), Word("ankara", "origin"), Word("istanbul", "origin"), Word("imam", "subject", True)
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty query"),
        ("   ", "empty query"),
        ("(visa", "unclosed '('"),
        ("visa)", "unmatched ')'"),
        ("()", "empty parentheses"),
        ('"forced labor', "unclosed quote"),
        ('""', "empty phrase"),
        ("visa AND", "ends with an operator"),
        ("OR visa", "needs a word on each side"),
        ("visa NOT", "needs something after it"),
        ("colour:red", "unknown field 'colour:'"),
        ("origin:", "needs a value"),
        ("date:2008-13", "month 13"),
        ("date:2008-02-30", "day 30"),
        ("date:08", "not a date"),
        ("date:2009..2008", "starts after it ends"),
        ("date:..", "at least one end"),
        ("a*b", "only allowed at the end"),
        ("t*", "at least 2 characters"),
    ],
)
def test_malformed_queries_say_what_is_wrong(text, message):
    with pytest.raises(QueryError) as info:
        parse_query(text)
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_punctuation_only_is_a_query_error_not_an_engine_error():
    with pytest.raises(QueryError, match="nothing to search for"):
        search.build("-- ...")


_ALPHABET = st.sampled_from(list('ab xyZ"()*-:.é') + ["AND", "OR", "NOT", "date:", "id:", "tag:", "origin:", "..", "2008", "-01"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_ALPHABET, max_size=12).map("".join))
def test_any_text_parses_or_raises_query_error(text):
    try:
        search.build(text)  # parse and compile to an engine query
    except QueryError as err:
        assert str(err) and "\n" not in str(err)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_arbitrary_unicode_parses_or_raises_query_error(text):
    try:
        search.build(text)
    except QueryError:
        pass
