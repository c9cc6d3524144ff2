"""HTML containers: WikiLeaks cable-viewer pages (trimmed or whole) and PlusD record pages.

The pages are machine-generated and regular, so the reader finds the parts it
needs with plain string searches and parses only those small parts: the
metadata table with :mod:`html.parser`, the ``<code><pre>`` blocks by removing
the few tags WikiLeaks puts in them (TAGS links, ``<a id='parN'>¶</a>``
paragraph anchors) and unescaping entities once.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from ._types import RawCable
from .fmt_text import PARTIAL_NOTE, split_header
from .model import CableError, ParseWarning

_PRE_OPEN = "<code><pre>"
_PRE_CLOSE = "</pre></code>"
_TABLE_OPEN = "<table class='cable'>"

# WikiLeaks' paragraph anchors, with the pilcrow they carry.
_PILCROW_ANCHOR = re.compile(r"<a\s+id=['\"]?par[^'\">]*['\"]?[^>]*>\s*\u00b6?\s*</a>", re.IGNORECASE)
# The only tags found inside the <pre> blocks: links (TAGS), emphasis, line breaks.
_INLINE_TAG = re.compile(r"</?(?:a|b|i|u|em|strong|span|font|br)\b[^<>]*>", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_H3 = re.compile(r"<h3>\s*Viewing cable\s+([^<,]*)(?:,\s*([^<]*))?</h3>", re.IGNORECASE)


def unescape_entities(text: str) -> str:
    """Unescape ``&...;`` entities only; a bare ``&`` (``R&D``) is cable text and stays."""
    if "&" not in text:
        return text
    if "&#x000A;" in text:
        text = text.replace("&#x000A;", "\n")
    return _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)


def pre_text(fragment: str) -> str:
    """The text of a ``<pre>`` block: anchors and pilcrows out, links to text, entities unescaped."""
    if "<" in fragment:
        fragment = _PILCROW_ANCHOR.sub("", fragment)
        fragment = _INLINE_TAG.sub("", fragment)
    text = unescape_entities(fragment)
    if "\u00b6" in text:
        text = text.replace("\u00b6", "")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


class _CellParser(HTMLParser):
    """Collects the text of each ``<th>`` and ``<td>`` of a small table."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.heads: list[str] = []
        self.cells: list[str] = []
        self._buf: list[str] | None = None
        self._tag = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("th", "td"):
            self._buf, self._tag = [], tag

    def handle_endtag(self, tag: str) -> None:
        if tag in ("th", "td") and self._buf is not None:
            text = " ".join("".join(self._buf).split())
            (self.heads if self._tag == "th" else self.cells).append(text)
            self._buf = None

    def handle_data(self, data: str) -> None:
        if self._buf is not None:
            self._buf.append(data)


def _iso_minutes(value: str) -> str | None:
    m = re.match(r"^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})", value.strip())
    if not m:
        return None
    return f"{m.group(1)}T{int(m.group(2)):02d}:{m.group(3)}:00Z"


_TABLE_KEYS = {
    "reference id": "ref_id",
    "created": "created",
    "released": "released",
    "classification": "classification",
    "origin": "origin",
}


def _wikileaks_meta(page: str, start: int, end: int) -> dict[str, object]:
    parser = _CellParser()
    parser.feed(page[start:end])
    parser.close()
    meta: dict[str, object] = {}
    for head, cell in zip(parser.heads, parser.cells):
        key = _TABLE_KEYS.get(head.lower())
        if not key or not cell:
            continue
        if key in ("created", "released"):
            meta[key] = _iso_minutes(cell) or cell
        else:
            meta[key] = cell
    return meta


def is_wikileaks_page(text: str) -> bool:
    """A WikiLeaks cable-viewer page (trimmed or whole)."""
    return _TABLE_OPEN in text or ("Viewing cable" in text and _PRE_OPEN in text)


def _pre_blocks(page: str, start: int) -> list[str]:
    blocks = []
    pos = start
    while True:
        i = page.find(_PRE_OPEN, pos)
        if i < 0:
            break
        j = page.find(_PRE_CLOSE, i)
        if j < 0:  # a truncated page: take what is there
            blocks.append(page[i + len(_PRE_OPEN) :])
            break
        blocks.append(page[i + len(_PRE_OPEN) : j])
        pos = j + len(_PRE_CLOSE)
    return blocks


def read_wikileaks(page: str, source: str, warnings: list[ParseWarning]) -> RawCable:
    """A WikiLeaks cable-viewer page → RawCable with the metadata table in ``meta``."""
    warns = list(warnings)
    t0 = page.find(_TABLE_OPEN)
    meta: dict[str, object] = {}
    after = 0
    if t0 >= 0:
        t1 = page.find("</table>", t0)
        t1 = len(page) if t1 < 0 else t1 + len("</table>")
        meta = _wikileaks_meta(page, t0, t1)
        after = t1
    h3 = _H3.search(page)
    if h3 and h3.group(2) and h3.group(2).strip():
        meta["title"] = " ".join(unescape_entities(h3.group(2)).split())
        meta.setdefault("subject", meta["title"])
    if h3 and "ref_id" not in meta and h3.group(1).strip():
        meta["ref_id"] = h3.group(1).strip()
    blocks = _pre_blocks(page, after)
    if not blocks or not any(b.strip() for b in blocks):
        raise CableError("HTML page holds no cable", source)
    if len(blocks) == 1:
        header, body = split_header(pre_text(blocks[0]))
    else:
        header, body = pre_text(blocks[0]), pre_text("\n".join(blocks[1:]))
    if PARTIAL_NOTE in header or PARTIAL_NOTE in body[:300]:
        meta["partial"] = True
    return RawCable(
        source=source,
        format="wikileaks-html",
        header=header.strip("\n"),
        body=body,
        meta=meta,
        warnings=tuple(warns),
    )


# --- PlusD record pages -----------------------------------------------------------


class _SynopsisParser(HTMLParser):
    """PlusD's synopsis table: ``<div class="s_key">Key:</div><div class="s_val">value</div>``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pairs: list[tuple[str, str]] = []
        self.title = ""
        self._key: str | None = None
        self._mode = ""
        self._buf: list[str] = []
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        cls = dict(attrs).get("class") or ""
        if tag == "div" and cls in ("s_key", "s_val"):
            self._mode, self._buf, self._depth = cls, [], 1
        elif tag == "div" and self._mode:
            self._depth += 1
        elif tag == "td" and dict(attrs).get("colspan") == "2" and not self.pairs:
            self._mode, self._buf, self._depth = "title", [], 1
        elif tag == "td" and self._mode == "title":
            self._depth += 1

    def handle_endtag(self, tag: str) -> None:
        if not self._mode or tag not in ("div", "td"):
            return
        self._depth -= 1
        if self._depth > 0:
            return
        text = " ".join("".join(self._buf).split())
        if self._mode == "s_key":
            self._key = text.rstrip(":").strip()
        elif self._mode == "s_val" and self._key:
            self.pairs.append((self._key, text))
            self._key = None
        elif self._mode == "title":
            self.title = text
        self._mode = ""

    def handle_data(self, data: str) -> None:
        if self._mode:
            self._buf.append(data)


_PLUSD_MONTHS = {m: i for i, m in enumerate("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(), 1)}
_PLUSD_DATE = re.compile(r"^(\d{4}) ([A-Z][a-z]{2})[a-z]* (\d{1,2}), (\d{1,2}):(\d{2})")
_RAW_CONTENT = re.compile(
    r'<div class="pane-header">Raw content</div>\s*<div class="pane-content">\s*<div class="text-content">'
)
_SITE_FOOTER = re.compile(r"^\*{3}\s*Current (?:Handling Restrictions|Classification)\s*\*{3}.*$", re.M)


def is_plusd_page(text: str) -> bool:
    """A WikiLeaks PlusD record page."""
    return 'id="synopsis"' in text and "Canonical ID" in text


def read_plusd(page: str, source: str, warnings: list[ParseWarning]) -> RawCable:
    """A PlusD record page → RawCable: synopsis table to ``meta``, the raw telegram split."""
    s0 = page.find('<table id="synopsis">')
    s1 = page.find("</table>", s0)
    parser = _SynopsisParser()
    parser.feed(page[s0 : s1 + 8] if s0 >= 0 and s1 >= 0 else "")
    parser.close()
    fields = dict(parser.pairs)
    meta: dict[str, object] = {}
    if fields.get("Canonical ID"):
        meta["ref_id"] = fields["Canonical ID"]
    m = _PLUSD_DATE.match(fields.get("Date", ""))
    if m and m.group(2) in _PLUSD_MONTHS:
        y, mon, d, hh, mm = m.groups()
        meta["created"] = f"{y}-{_PLUSD_MONTHS[mon]:02d}-{int(d):02d}T{int(hh):02d}:{mm}:00Z"
    for key, name in (("Original Classification", "classification"), ("From", "origin")):
        if fields.get(key) and not fields[key].startswith("--"):
            meta[name] = fields[key]
    if parser.title:
        meta["subject"] = parser.title
    raw = _RAW_CONTENT.search(page)
    if not raw:
        raise CableError("HTML page holds no cable (PlusD page without its raw content)", source)
    end = page.find("</div>", raw.end())
    text = unescape_entities(page[raw.end() : end if end >= 0 else len(page)])
    text = _SITE_FOOTER.sub("", text).rstrip() + "\n"
    if not text.strip():
        raise CableError("HTML page holds no cable", source)
    header, body = split_header(text)
    return RawCable(
        source=source, format="plusd-html", header=header, body=body, meta=meta, warnings=tuple(warnings)
    )
