"""Property tests: whatever text or bytes come in, only CableError may come out."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tipreader.cable import CableError, parse_bytes, parse_text
from tipreader.cable import formats

# Pieces of every container shape, so random inputs reach past the detectors.
_PIECES = [
    "VZCZCXRO0166",
    "PP RUEHROV",
    "DE RUEHME #0721/01 0712219",
    "ZNY CCCCC ZZH",
    "R 112219Z MAR 08",
    "O R 161508Z FEB 10",
    "FM AMEMBASSY MEXICO",
    "TO RUEHC/SECSTATE WASHDC 1368",
    "INFO RUEHXC/ALL US CONSULATES",
    "RUEKJCS/SECDEF WASHDCS E C R E T ASHGABAT 000248",
    "UNCLAS SECTION 01 OF 11 MEXICO 000721",
    "C O N F I D E N T I A L",
    "E.O. 12958: N/A",
    "TAGS: PGOV",
    "SUBJECT: X",
    "REF: A. 2006 STATE 202745",
    "1. (SBU) Text",
    "MEXICO 00000721  002 OF 011",
    "This record is a partial extract of the original cable.",
    "Cable dated:2010-01-21T11:33:00",
    "Cablegate: Title",
    "\u00a9 Scoop Media",
    "08MEXICO721",
    "Tue Feb 24 00:00:00 +0100 2009",
    "SECRET//NOFORN",
    "Embassy Mexico",
    '136383,1/4/2008 22:01,08MEXICO23,"Embassy Mexico",UNCLASSIFIED,,"',
    '2007-09-11 09:44:00\t07BERN881\tEmbassy Bern\tSECRET\t\t',
    "id: 594",
    "header:",
    "----------------- header ends ----------------",
    "<table class='cable'><tr><th>Reference ID</th></tr><tr><td>08X1</td></tr></table>",
    "<h3>Viewing cable 08MEXICO23, SUBJECT</h3>",
    "<code><pre>",
    "</pre></code>",
    "<a id='par1' href='#par1'>\u00b6</a>",
    "&#x000A;",
    "&amp;",
    "&#xD800;",
    '<table id="synopsis">',
    "Canonical ID",
    '<div class="pane-header">Raw content</div><div class="pane-content"><div class="text-content">',
    "<html><body>",
    '"',
    '\\"',
    "\\",
    "|",
    ",",
    "\t",
    "\u00b6",
    "\x1b[31m",
    "\r\n",
    "",
]

cable_like_text = st.lists(
    st.one_of(st.sampled_from(_PIECES), st.text(max_size=20)),
    max_size=40,
).map(lambda parts: "\n".join(parts))

cable_like_bytes = st.one_of(
    st.binary(max_size=400),
    cable_like_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.tuples(cable_like_text, st.binary(max_size=8)).map(lambda p: p[0].encode("utf-8", "surrogatepass") + p[1]),
)

# More examples locally: TIPREADER_PROP_EXAMPLES=3000 pytest tests/unit/test_parse_properties.py
_EXAMPLES = int(os.environ.get("TIPREADER_PROP_EXAMPLES", "150"))
_SETTINGS = settings(max_examples=_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(st.one_of(st.text(max_size=300), cable_like_text))
def test_parse_text_raises_only_cable_error(text: str) -> None:
    try:
        parse_text(text, "prop")
    except CableError as err:
        assert "\n" not in str(err)


@_SETTINGS
@given(cable_like_bytes)
def test_parse_bytes_raises_only_cable_error(data: bytes) -> None:
    try:
        parse_bytes(data, "prop")
    except CableError as err:
        assert "\n" not in str(err)


@_SETTINGS
@given(cable_like_bytes)
def test_formats_yield_raw_cables_or_errors(data: bytes) -> None:
    for item in formats.read_bytes(data, "prop"):
        assert isinstance(item, (formats.RawCable, CableError))
        if isinstance(item, formats.RawCable):
            for text in (item.header, item.body):
                assert "\r" not in text and "\x1b" not in text and "\x00" not in text
