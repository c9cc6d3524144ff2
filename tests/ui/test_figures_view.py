"""The figures view (issue 18): ``f`` in the compare view lists the counts the country's submissions
report, each with its sentence; Enter opens the cable at the paragraph with the number marked; ``q``
comes back. At 80×24.

Library: Iceland's submissions 2006-2010 and Libya's 2009 (shared cables). 10REYKJAVIK31 says: "The
government prosecuted a total of eight individuals on charges of trafficking ..." (prosecutions 8).
"""

from __future__ import annotations

from screen_wait import wait_for_screen

from tipreader.tip import store
from tipreader.ui.app import TipReaderApp
from tipreader.ui.screens.compare import CompareScreen
from tipreader.ui.screens.figures import FiguresScreen
from tipreader.ui.screens.reader import ReaderScreen
from tipreader.ui.source import LibrarySource
from tipreader.ui.widgets.entry_list import EntryList


async def test_f_lists_figures_enter_opens_the_number_marked_q_back(iceland_library) -> None:
    store.sync(iceland_library)
    cable = iceland_library.get("10REYKJAVIK31")
    app = TipReaderApp(cable=cable, source=LibrarySource(iceland_library))
    async with app.run_test(size=(80, 24)) as pilot:
        reader = app.screen
        reader.jump_to(cable.questions[0].paragraph_index)
        await pilot.pause()
        await pilot.press("c")
        await wait_for_screen(app, pilot, CompareScreen)
        await pilot.press("f")
        await wait_for_screen(app, pilot, FiguresScreen)
        figures = app.screen
        assert "Iceland" in figures.title_text
        lst = figures.query_one(EntryList)
        heads = [e.head.plain for e in lst.entries]
        assert all(" · Iceland" not in h and h[:4].isdigit() for h in heads)  # year first, one country
        years = [int(h[:4]) for h in heads]
        assert years == sorted(years)  # year by year
        wanted = next(i for i, h in enumerate(heads) if h.startswith("2010 · 10REYKJAVIK31") and "prosecutions 8" in h)
        entry = lst.entries[wanted]
        assert entry.body.plain.startswith("The government prosecuted a total of eight individuals")
        marked = [entry.body.plain[s.start:s.end] for s in entry.body.spans if "reverse" in str(s.style)]
        assert marked == ["eight"]
        # K: one kind at a time
        await pilot.press("K")
        await pilot.pause()
        assert figures.kind_filter is not None and len(lst.entries) == len(figures.shown) < len(heads)
        assert all(f" · {figures.kind_filter.replace('_', ' ')} " in e.head.plain for e in lst.entries)
        while not any("prosecutions 8" in e.head.plain for e in lst.entries):
            await pilot.press("K")
            await pilot.pause()
        lst.select(next(i for i, e in enumerate(lst.entries) if "prosecutions 8" in e.head.plain))
        await pilot.press("enter")
        await wait_for_screen(app, pilot, ReaderScreen)
        opened = app.screen
        assert opened is not reader and opened.cable.ref_id == "10REYKJAVIK31"
        view = opened.text_view
        current = view.matches[view.current]
        assert view.blocks[current.block].text.plain[current.start:current.end] == "eight"
        para = opened.cable.paragraphs[current.para].text
        assert "prosecuted a total of eight individuals" in " ".join(para.split())
        await pilot.press("q")
        await wait_for_screen(app, pilot, FiguresScreen)
        assert app.screen is figures
        await pilot.press("q")
        await wait_for_screen(app, pilot, CompareScreen)


async def test_figures_from_the_palette_on_a_library_never_tip_synced(iceland_library) -> None:
    # the palette's "TIP: figures" in the reader, on a library whose TIP pass never ran: the pass runs first
    app = TipReaderApp(cable=iceland_library.get("10REYKJAVIK31"), source=LibrarySource(iceland_library))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"figures reported")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_for_screen(app, pilot, FiguresScreen)
        lst = app.screen.query_one(EntryList)
        assert any(e.head.plain.startswith("2010 · 10REYKJAVIK31") and "prosecutions 8" in e.head.plain
                   for e in lst.entries)
