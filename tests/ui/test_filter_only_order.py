"""Issue 14, defect 9: a query of filters only lists newest first, and ``tag:KTIP`` lists the annual
TIP submissions first. Real Costa Rica cables of 2009 (tests/fixtures via the shared set): 09SANJOSE127
is the post's ninth annual TIP report (part 1 of 2); 09SANJOSE40 (a TIP hero nomination), 09SANJOSE55
(a child-labour report), 09SANJOSE389 and 09SANJOSE590 (trafficking rings) are not submissions.
Ranked by BM25, the submission came last (its tags are the longest)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tipreader.library import Library
from tipreader.library.query import asks_tag, filters_only, parse_query
from tipreader.ui.app import TipReaderApp
from tipreader.ui.source import LibrarySource
from tipreader.ui.widgets.hit_list import HitList

COSTA_RICA = ("09SANJOSE127", "09SANJOSE40", "09SANJOSE55", "09SANJOSE389", "09SANJOSE590")
QUERY = 'tag:KTIP date:2009 origin:"san jose"'


@pytest.fixture
def lib(shared_cables):
    library = Library.open()
    report = library.import_paths([shared_cables / "wikileaks-html" / f"{r}.html" for r in COSTA_RICA], workers=1)
    assert not report.errors
    yield library
    library.close()


def test_filters_only_and_asks_tag_read_the_query():
    assert filters_only(parse_query(QUERY)) and asks_tag(parse_query(QUERY), "KTIP")
    assert filters_only(parse_query("origin:mexico -trafficking person:calderon"))
    assert not filters_only(parse_query("tag:KTIP shelter")) and not filters_only(parse_query('subject:"tip report"'))
    assert not asks_tag(parse_query("-tag:KTIP origin:mexico"), "KTIP") and not asks_tag(parse_query("tag:KT*"), "KTIP")


def test_tag_ktip_lists_the_submission_first_then_newest_first(lib):
    hits = lib.search(QUERY, limit=10)
    assert hits[0].ref_id == "09SANJOSE127"
    rest = [h.date for h in hits[1:]]
    assert len(rest) == 4 and rest == sorted(rest, reverse=True)
    # paging keeps the same order across the two groups
    paged = [h.ref_id for o in range(5) for h in lib.search(QUERY, limit=1, offset=o)]
    assert paged == [h.ref_id for h in hits]


def test_other_filter_only_queries_are_newest_first_and_words_still_rank(lib):
    dates = [h.date for h in lib.search('date:2009 origin:"san jose"', limit=10)]
    assert len(dates) == 5 and dates == sorted(dates, reverse=True)
    assert lib.search("tag:KTIP snakehead", limit=10)[0].ref_id == "09SANJOSE389"  # words: by relevance


def test_the_cli_lists_the_submission_first(lib):
    out = subprocess.run([sys.executable, "-m", "tipreader", "search", QUERY], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split()[0] == "09SANJOSE127", out.stdout


async def test_the_library_screen_lists_the_submission_first(lib):
    app = TipReaderApp(source=LibrarySource(lib))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.screen.query_one("#library-search").value = QUERY
        await pilot.pause(0.1)
        await app.workers.wait_for_complete()
        await pilot.pause()
        ids = [r.ref_id for r in app.screen.query_one(HitList).rows]
        assert ids[0] == "09SANJOSE127" and len(ids) == 5
