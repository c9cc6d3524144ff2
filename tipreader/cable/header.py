"""Routing header + the body's preamble → :class:`HeaderInfo`.

The preamble is what stands before the cable's prose: the classification line,
SIPDIS and other caveats, addressee lines (``DEPT FOR ...``), E.O., TAGS, SUBJECT,
REF and "Classified By". Its elements come in many orders, so the scan records
every element it meets until the first numbered paragraph (or until prose has
clearly begun) and puts ``body_start`` on the first line after the last one.
Only the header and the first ~150 lines are looked at.
"""

from __future__ import annotations

import re

from . import classification as cls
from . import dtg, ids, refs
from ._types import HeaderInfo, Line, RawCable
from .model import ParseWarning, Reference
from .origins import addressees, origin_for_post, origin_from_fm, post_for_routing
from .printout import printout_subject

SCAN_LINES = 150
_NUMBERED = re.compile(r"^\s*\d{1,2}\s?\.(?:\s|\(|$)|^\s*\d{1,2}\s?\)\s+\(")
_EO = re.compile(r"^\s*(?:E\s?\.\s?[O0]\s?\.?|EO\b)\s*(?=\d{4,5}|:|N/A)|^\s*DECL\s*:", re.I)
# "TAGS:", "TAGE:", "Tags:"; without the colon only in capitals ("TAGS PGOV, PINS")
_TAGS = re.compile(r"^\s*(?:(?i:TAG[SE]?)\s*[:.]|TAG[SE]?(?=\s+[A-Z]{2})|TAGS\s*$)\s*")
# "SUBJECT:", "Subj:", "SUBJECT - "; without a colon only in capitals ("Subject to ..." is prose)
_SUBJECT = re.compile(r"^\s*(?:(?i:SUBJ(?:ECT)?)\s*[:.-]|SUBJECT(?=\s+[A-Z]))\s*")
_REF = re.compile(
    r"^\s*(?:REFS?|REFTELS?|REFERENCES?|REF\(S\))\s*:|"
    r"^\s*REFS?\.?\s+(?:\(?[A-Z][.)]\s|\([A-Z]\)|\d{2,4}\s+[A-Z]|[A-Z]{3,}(?:\s+[A-Z]+)?\s+\d)",
    re.I,
)
_CLASSIFIED_BY = re.compile(r"^\s*(?:\(U\)\s*)?(?:CLASSI(?:FI|I)ED|CLASSIFICATION)\s+BY\b\s*:?\s*", re.I)
# Lines of a pasted record or routing header: "id: 60170", "refid: ...", "VZCZC...",
# "DE RUEHPE #1406 1011934", "RUEHBO/AMEMBASSY BOGOTA 3248", "--- header ends ---", "...".
_PASTED = re.compile(
    r"^\s*(?:VZCZC|ZZ[A-Z]|[RPOZ]{2}\s+RUE|DE\s+[A-Z]{4,8}\s*#|ZN[YR]\s|BT\s*$|NNNN|"
    r"(?:NIACT|[RPOZ])(?:\s+[RPOZ])?\s+\d{6}\s?Z|FM\s|TO\s|INFO\s|ACTION\s|PAGE\s+\d+\s|"
    r"[A-Z]{4,8}/[A-Z]|(?:id|date|refid|origin|classification|destination|header):|-+\s*header ends|"
    r"<<\d+>>|.{0,40}\.\.\.\s*$)",
)
_HEADER_ENDS = re.compile(r"^\s*-{5,}\s*header ends\s*-{5,}\s*$")
_LONG_LINE = 300
# where prose starts after an element on a collapsed line: ". (C) Pol/Econ Chief delivered..."
# "REF: STATE 146857 (U) Pol/Econ Chief ...", "reasons 1.4 b, d (C) Embassy ...", "(d). -- (C) During ...":
# after a word the prose must start like a sentence (not "(C) STATE 3", a third reference)
_MARKING = r"\((?:U|C|S|SBU|[CS]//?NF|SBU//?NF)\)"
_PROSE_AFTER = re.compile(
    rf"(?<=[.)])\s+(?=(?:--\s*)?(?:\d{{1,2}}\.\s*)?{_MARKING}\s+[A-Z])|(?<=\w)\s+(?=(?:\d{{1,2}}\.\s*)?{_MARKING}\s+[A-Z][a-z])"
    r"|(?<=\w)\s+(?=1\.\s+[A-Z][a-z])"  # an unmarked first paragraph: "BRASILIA 1544 1. Summary. The ..."
)
_PARA_NUMBER_BEFORE = re.compile(r"\s(\d{1,2}\.)$")
_HEADING = re.compile(r"^\s*(?:-{3,}|={3,}|SUMMARY\b|COMMENT\b|BACKGROUND\b|\d{1,2}\.(?:\s|\(|$))", re.I)
_INLINE = re.compile(
    r"(?:\s+|(?<=\d)(?=TAGS\s*:|SUBJECT\s*:))"  # `DECL: 06/05/2026TAGS: MOPS ...` (06ANKARA3352)
    r"(?=(?:E\.\s?O\.\s?\d{4,5}|TAG[SE]?\s*:|SUBJ(?:ECT)?\s*:|REFS?\s*:|REFTEL\s*:|CLASSI(?:FI|I)ED\s+BY\b))",
    re.I,
)
# Caveats and the E.O. line glued to the caption's serial: `ANKARA 003352SIPDISSIPDISNOFORNE.O. 12958: ...`
_GLUED_AFTER_SERIAL = re.compile(r"(?<=\d)(?:(?:SIPDIS|SENSITIVE|NOFORN)\s*)+")
_ELEMENT_START = re.compile(r"E\.\s?O\.|TAGS\s*:|SUBJECT\s*:")
_INLINE_NOT_EO = re.compile(
    r"\s+(?=(?:TAG[SE]?\s*:|SUBJ(?:ECT)?\s*:|REFS?\s*:|REFTEL\s*:))",
    re.I,
)
_EO_PREFIX = re.compile(r"^\s*(?:E\s?\.\s?[O0]\s?\.?|EO)\s*", re.I)
_CAVEAT_IN_LINE = re.compile(r"(SIPDIS|SENSITIVE|NOFORN)(?=\b|SIPDIS|SENSITIVE|NOFORN|E\.\s?O\.)")
_ADDRESSEE = re.compile(
    r"^\s*[\w/.,&'()+: -]{1,60}?\b(?:FOR|PASS(?:\s+TO)?|ALSO)\b|^\s*(?:AIDAC|USAID|FROM\s)", re.I
)
_TAG_SPLIT = re.compile(r"[\s,;]+")
_TAG_TOKENS = re.compile(r"^[A-Z0-9][A-Z0-9 ,;/&.-]*$")
# Caveat words run into the element after them when a scrape lost the newlines.
_GLUED_CAVEATS = re.compile(r"^\s*(?:(?:SIPDIS|SENSITIVE|NOFORN)\s*)+(?=E\.\s?O\.|TAG[SE]?\s*:|SUBJ(?:ECT)?\s*:)")
_PARTIAL = re.compile(r"partial extract", re.I)


def _kind(text: str) -> str | None:
    """Which preamble element ``text`` starts, if any."""
    if _SUBJECT.match(text):
        return "subject"
    if _EO.match(text):
        return "eo"
    if _TAGS.match(text):
        return "tags"
    if _REF.match(text):
        return "ref"
    if _CLASSIFIED_BY.match(text):
        return "classby"
    return None


def _prose_start(text: str) -> int | None:
    """Where the prose starts in a line that opens with a preamble element, or None.

    The prose starts at its paragraph marking ("(C) Embassy ..."), or at the paragraph
    number right before it ("... (D) 1.(C) Summary", "... previous 1. (SBU) Summary");
    a "--" before the marking is dropped.
    """
    found = _PROSE_AFTER.search(text)
    if found is None:
        return None
    number = _PARA_NUMBER_BEFORE.search(text, 0, found.start())
    if number:
        return number.start(1)
    start = found.end()
    while text.startswith(("-", " "), start):
        start += 1
    return start


def _after_pasted_record(lines: list[Line]) -> int:
    """Where the full text starts when WikiLeaks put a cut preview, then its own record
    ("id: 65100", "refid: ...", the routing header, "--- header ends ---"), before it."""
    for i, line in enumerate(lines[:150]):
        if "header ends" in line.text and _HEADER_ENDS.match(line.text):
            return i + 1
    return 0


class _Preamble:
    """The state of one preamble scan."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self.start = _after_pasted_record(lines)
        self.n = min(len(lines), self.start + SCAN_LINES)
        self.class_line: cls.ClassLine | None = None
        self.class_index: int | None = None
        self.caveats: list[str] = []
        self.eo: str | None = None
        self.tags: list[str] = []
        self.subject: str | None = None
        self.classified_by: str | None = None
        self.ref_blocks: list[list[str]] = []
        self.end = -1  # index after the last preamble element
        self.first_para: int | None = None
        self.cut: tuple[int, int] | None = None  # (line, characters): a preamble element opens that body line
        self.pending: list[tuple[int, str]] = []  # caveat words on lines not yet known to be preamble

    def text(self, i: int) -> str:
        return self.lines[i].text

    def _block(self, i: int, limit: int = 6) -> int:
        """End (exclusive) of a block starting at ``i``: until blank, element or paragraph."""
        j = i + 1
        while j < self.n and j - i < limit:
            t = self.text(j)
            if not t.strip() or _kind(t) or _NUMBERED.match(t) or cls.CAVEAT_LINE.match(t) or _HEADING.match(t):
                break
            j += 1
        return j

    def _ref_end(self, i: int) -> int:
        j, last = i + 1, i + 1
        while j < self.n and j - i < 40:
            t = self.text(j)
            if not t.strip():
                j += 1
                continue
            if _kind(t) or _NUMBERED.match(t):
                break
            if refs.PAGE_LINE.match(t) or ids.PAGE_MARKER.match(t):
                j += 1
                continue
            blank_before = not self.text(j - 1).strip()
            if blank_before and not refs.is_ref_item_line(t):
                break
            if not blank_before and (_HEADING.match(t) or cls.CAVEAT_LINE.match(t)):
                break
            j += 1
            last = j
        return last

    def scan(self) -> None:
        i, since_anchor, anchors = self.start, 0, 0
        self.end = self.start - 1 if self.start else -1
        while i < self.n:
            t = self.text(i)
            if not t.strip():
                i += 1
                continue
            if t.startswith("Cable dated:"):  # `Cable dated:2006-06-08T06:52:00S E C R E T SECTION 01 OF 04 ...`
                dated = dtg.CABLE_DATED.match(t)
                t = t[dated.end() :] if dated else t
            if _NUMBERED.match(t):
                self.first_para = i
                return
            kind = _kind(t)
            glued = _GLUED_CAVEATS.match(t) if kind is None else None
            if glued and _kind(t[glued.end() :]):  # "NOFORNE.O. 12958: ...", "SIPDISSIPDISNOFORNE.O. ..."
                self.caveats.extend(_CAVEAT_IN_LINE.findall(glued.group(0)))
                anchors += 1
                since_anchor = 0
                element = t[glued.end() :]
                self._handle(_kind(element) or "eo", element)
                self.end = max(self.end, i + 1)
                i += 1
                continue
            if kind is None:
                found = cls.match_class_line(t)
                if found:
                    if self.class_line is None or (found.serial and not self.class_line.serial):
                        self.class_line, self.class_index = found, i
                    self.caveats.extend(found.caveats)
                    self.end = max(self.end, i + 1)
                    rest = _INLINE.search(t)
                    glued_rest = _GLUED_AFTER_SERIAL.search(t)
                    if glued_rest and rest and rest.start() < glued_rest.start():
                        glued_rest = None
                    if glued_rest:  # `... ANKARA 003352SIPDISSIPDISNOFORNE.O. 12958: ...`
                        self.caveats.extend(_CAVEAT_IN_LINE.findall(glued_rest.group(0)))
                        start = glued_rest.end() if _ELEMENT_START.match(t, glued_rest.end()) else rest.start() if rest else -1
                        if start >= 0:
                            anchors += 1
                            self._handle(_kind(t[start:].strip()) or "eo", t[start:])
                    elif rest:  # "C o n f i d e n t i a l ... 004223 e.o. 12958 ... tags: ... subject: ..."
                        anchors += 1
                        self._handle(_kind(t[rest.start():].strip()) or "eo", t[rest.start():])
                    i += 1
                    continue
                if cls.CAVEAT_LINE.match(t):
                    self.caveats.extend(cls.caveats_in(t))
                    if since_anchor == 0 or anchors == 0:
                        self.end = max(self.end, i + 1)
                    i += 1
                    continue
                # "SIPDIS SENSITIVE SIPDIS USDOC FOR ...", "... MMITTELHAUSER SENSITIVE SIPDIS",
                # "SIPDISSIPDISNOFORNE.O. 12958": kept if the line proves to be in the preamble
                self.pending.extend((i, word) for word in _CAVEAT_IN_LINE.findall(t))
                if _PASTED.match(t):
                    pass  # a pasted record or routing header between preview and full text
                elif not _ADDRESSEE.match(t) or since_anchor > 25:
                    since_anchor += 1
                if (anchors and since_anchor > 10) or (not anchors and i > 80):
                    return
                i += 1
                continue
            prev = self.text(i - 1).rstrip() if i else ""
            if (kind == "ref" and ":" not in t.split(None, 1)[0] and prev and i - 1 >= self.end and _kind(prev) is None
                    and prev[-1] not in ".:;)" and any(c.islower() for c in prev)):
                return  # `... keyed to the questions in` / `Ref A.  Ref B was ...`: a sentence of the body
            anchors += 1
            since_anchor = 0
            if kind == "ref":
                j = self._ref_end(i)
                kept = [self.text(k) for k in range(i, j) if not refs.PAGE_LINE.match(self.text(k))]
            else:
                j = self._block(i, limit=4 if kind == "classby" else 6) if kind in ("subject", "classby") else i + 1
                if kind == "tags":
                    j = self._tag_lines(i)
                kept = [self.text(k) for k in range(i, j)]
            long_at = next((k for k in range(i + 1, j) if len(self.text(k)) > _LONG_LINE), None)
            if long_at is not None:  # the element's own lines end where a run-together body line starts
                j = long_at
                kept = [self.text(k) for k in range(i, j) if not refs.PAGE_LINE.match(self.text(k))]
                cut = _prose_start(self.text(long_at))
                head = self.text(long_at)[:cut].rstrip(" -") if cut is not None else ""
                if head and len(head) < 120:  # "REASON: 1.4 (b), (d) (S) Ambassador ..."
                    self._handle(kind, " ".join(x.strip() for x in kept) + " " + head.strip())
                    self.end = max(self.end, long_at)
                    self.first_para = long_at
                    self._cut_at(long_at)
                    return
            if len(self.text(i)) > _LONG_LINE:
                # a collapsed body: the element runs on into the prose on the same line;
                # read the element, but the line stays in the body
                joined = " ".join(x.strip() for x in kept)
                cut = _prose_start(joined)
                self._handle(kind, joined[:cut].rstrip(" -") if cut is not None else joined)
                self.end = max(self.end, i)
                self.first_para = i
                self._cut_at(i)
                return
            self._handle(kind, " ".join(x.strip() for x in kept))
            self.end = max(self.end, j)
            i = j

    def _cut_at(self, i: int) -> None:
        """Line ``i`` holds the end of an element, then the prose: the body keeps only the prose."""
        cut = _prose_start(self.text(i))
        if cut is not None:
            self.cut = (i, cut)

    def _tag_lines(self, i: int) -> int:
        j = i + 1
        while j < self.n and j - i < 4:
            nxt = self.text(j).strip()
            if not nxt or _kind(nxt) or _NUMBERED.match(nxt) or cls.CAVEAT_LINE.match(nxt):
                break
            if not _TAG_TOKENS.match(nxt) or any(len(w) > 12 for w in _TAG_SPLIT.split(nxt)):
                break
            j += 1
        return j

    def _handle(self, kind: str, text: str) -> None:
        """One element's text, split where another element runs into it on the same line."""
        # "Classified by ...; reasons: E.O. 12958 1.4 (b)" names the order, it is no E.O. line
        pieces = (_INLINE_NOT_EO if kind == "classby" else _INLINE).split(text)
        head, rest = pieces[0], pieces[1:]
        if kind == "subject":
            subject = " ".join(_SUBJECT.sub("", head, count=1).split())
            if subject:
                self.subject = subject  # the last one wins: a pasted metadata dump comes first
        elif kind == "eo":
            eo = " ".join(_EO_PREFIX.sub("", head, count=1).split()).strip(" ;,")
            if eo and (self.eo is None or self.eo != eo):
                self.eo = eo
        elif kind == "tags":
            for tag in _TAG_SPLIT.split(_TAGS.sub("", head, count=1).strip()):
                tag = tag.strip(".").upper()
                if tag and tag not in self.tags:
                    self.tags.append(tag)
        elif kind == "ref":
            self.ref_blocks.append([head])
        elif kind == "classby" and (self.classified_by is None or self.classified_by.endswith("...")):
            text = _CLASSIFIED_BY.sub("", _CLASSIFIED_BY.sub("", head, count=1), count=1)
            self.classified_by = " ".join(text.split()) or None
        for piece in rest:
            sub = _kind(piece)
            if sub:
                self._handle(sub, piece)

    def preamble_caveats(self) -> list[str]:
        """The caveats, with those of addressee lines that lie inside the preamble."""
        found = list(self.caveats)
        found.extend(word for i, word in self.pending if i < self.end)
        return list(dict.fromkeys(found))

    def body_start(self) -> int:
        if self.end < 0 or (self.start and self.end < self.start):
            start = self.first_para if self.first_para is not None else self.start
        else:
            start = self.end
        while start < len(self.lines):
            t = self.lines[start].text
            if t.strip() and not cls.CAVEAT_LINE.match(t) and not (
                self.end >= 0 and refs.PAGE_LINE.match(t) and not _NUMBERED.match(t)
            ):
                break
            start += 1
        if self.first_para is not None and start > self.first_para:
            start = self.first_para
        return min(start, len(self.lines))


def _routing_text(raw: RawCable, lines: list[Line], stop: int) -> str:
    if raw.header.strip():
        return raw.header
    return "\n".join(ln.text for ln in lines[: min(stop, 80)])


def parse_header(raw: RawCable, lines: list[Line]) -> HeaderInfo:
    """Read ids, dates, origin, classification, TAGS, SUBJECT, REF; set ``body_start``."""
    info = HeaderInfo()
    meta = raw.meta or {}
    pre = _Preamble(lines)
    pre.scan()
    found = cls.find_class_line(raw.body)
    if found and (pre.class_line is None or (found.serial and not pre.class_line.serial)):
        pre.class_line = found
        pre.caveats[:0] = list(found.caveats)
    info.body_start = pre.body_start()
    if pre.cut is not None and pre.cut[0] == info.body_start:
        info.body_cut = pre.cut[1]
    stop = pre.class_index if pre.class_index is not None else info.body_start
    routing = _routing_text(raw, lines, stop or info.body_start)
    head_lines = "\n".join(ln.text for ln in lines[: max(info.body_start, 5)])
    # WikiLeaks pasted a record of its own database into some bodies ("refid: 06LIMA1406")
    dump_zone = "\n".join(ln.text for ln in lines[:80])[:6000]

    # date and precedence
    info.date, info.precedence = dtg.parse_dtg(routing)
    if info.date is None and raw.header.strip():
        info.date, info.precedence = dtg.parse_dtg(head_lines)
    info.precedence = dtg.precedence_with_niact(info.precedence, routing)
    if info.date is None:
        info.date = dtg.parse_cable_dated(routing[:4000]) or dtg.parse_cable_dated(head_lines[:4000])
    if info.date is None:
        info.date = dtg.parse_lone_dtg(routing) or dtg.parse_lone_dtg(head_lines)
    if info.date is None:  # a later section's routing block inside the text (an old telex print)
        info.date, info.precedence = dtg.parse_section_dtg(raw.body)
    if info.date is None:
        info.date = dtg.normalise_created(meta.get("created"))
    if info.date is None:
        info.date = dtg.parse_stated_date(routing[:3000]) or dtg.parse_stated_date(dump_zone)
    year = info.date[2:4] if info.date else None
    meta_id = meta.get("ref_id") if isinstance(meta.get("ref_id"), str) else None
    if info.date is None:
        info.warnings.append(ParseWarning("no-date", "no date-time group or date found"))
        # the year of a metadata id, else: the E.O. line's declassification date is almost always ten years on
        id_year = re.match(r"^\s*(\d{2}|\d{4})[A-Za-z]", meta_id or "")
        decl = dtg.parse_decl(pre.eo) if pre.eo else None
        if id_year:
            year = id_year.group(1)[-2:]
        elif decl and 1975 <= int(decl[:4]) - 10 <= 2010:
            # a guess (wrong about one time in ten): never put into the id, kept apart
            info.year_guess = int(decl[:4]) - 10

    # addressees and origin
    fm, to, cc = addressees(routing, lambda line: bool(cls.match_class_line(line) or _kind(line)))
    info.fm, info.to, info.info = fm, tuple(to), tuple(cc)
    de = ids.ROUTING_LINE.search(routing)
    if not (de or fm or dtg.DTG_LINE.search(routing)):
        info.warnings.append(ParseWarning("missing-header", "the cable has no routing header"))
    elif not (fm or to):  # a scrape that kept the DE line and the DTG but lost the rest (08MEXICO721)
        info.warnings.append(ParseWarning("missing-header", "the routing header lost its FM and TO lines"))

    # reference id
    cl = pre.class_line

    def from_text(year: str | None) -> str | None:
        return ids.derive_ref_id(year, routing, cl.post if cl else None, cl.serial if cl else None, raw.body[:20000])

    if meta_id and meta_id.strip():
        info.ref_id, repaired = ids.repair_ref_id(meta_id)
        if repaired:  # WikiLeaks' form stays in the metadata: the library finds the cable by it too
            info.ref_id = ids.settle_malformed(meta_id, info.ref_id, from_text(year))
            info.warnings.append(ParseWarning("repaired-id", f"malformed id {meta_id.strip()} read as {info.ref_id}"))
    else:
        info.ref_id = from_text(year)
        pasted = None if info.ref_id and info.date else ids.PASTED_ID.search(dump_zone)
        if pasted:  # no date to form the id with, but WikiLeaks' own record is pasted in
            info.ref_id = ids.repair_ref_id(pasted.group(1))[0]
        if not info.ref_id and not year:
            # The text states no year anywhere (a partial extract): keep post and serial
            # rather than lose the cable, and say so.
            undated = from_text("00")
            if undated:
                info.ref_id = undated[2:]
                guess = f"; {info.year_guess}? (ten years before the declassification date)" if info.year_guess else ""
                info.warnings.append(
                    ParseWarning("no-year", f"the text states no year: id given as {info.ref_id}{guess}")
                )

    origin = meta.get("origin")
    # a scraper's "** Dhahran" lost the kind of post: derive it from the text instead
    if isinstance(origin, str) and origin.strip() and origin.strip()[0].isalpha():
        info.origin = " ".join(origin.split())
    else:
        info.origin = origin_from_fm(fm) if fm else None
        if info.origin is None and de:
            post = post_for_routing(de.group(1))
            info.origin = origin_for_post(post) if post else None
        if info.origin is None and pre.class_line and pre.class_line.post:
            info.origin = origin_for_post(pre.class_line.post)
        if info.origin is None and info.ref_id:
            m = re.match(r"^\d{2}([A-Z]+)\d", info.ref_id)
            info.origin = origin_for_post(m.group(1)) if m else None

    # classification and caveats
    caveats = pre.preamble_caveats()
    info.caveats = tuple(caveats)
    meta_cls = cls.normalise_meta_classification(meta.get("classification"))
    level = pre.class_line.level if pre.class_line else cls.level_from_routing(routing)
    info.classification = meta_cls or cls.wikileaks_classification(level, caveats)
    if info.classification is None:
        window = lines[info.body_start : info.body_start + 400]
        info.classification = cls.classification_from_markings([ln.text for ln in window])

    # E.O., TAGS, SUBJECT, Classified By, REF
    info.eo = pre.eo
    info.declassify = dtg.parse_decl(pre.eo) if pre.eo else None
    info.tags = tuple(pre.tags)
    subject = pre.subject or printout_subject(routing)
    if not subject:
        for key in ("subject", "title"):
            if isinstance(meta.get(key), str) and meta[key].strip():
                subject = " ".join(meta[key].split())
                break
    info.subject = subject
    info.classified_by = pre.classified_by
    references: list[Reference] = []
    seen: set[tuple[str, str]] = set()
    for block in pre.ref_blocks:
        for ref in refs.parse_ref_block(block, year, info.ref_id):
            seen_key = (ref.label, ref.ref_id or ref.text.upper())
            if seen_key not in seen:  # a pasted metadata dump can repeat the REF line
                seen.add(seen_key)
                references.append(ref)
    if not references and isinstance(meta.get("references"), list):
        for item in meta["references"]:
            if isinstance(item, str) and item.strip():
                text = item.strip()
                rid = text if ids.WELL_FORMED.match(text) else None
                references.append(Reference(label="", text=text, ref_id=rid))
    # WikiLeaks' cut preview of the preamble ("B. SECSTATE 1...") repeats items in full later
    references = [r for r in references if not r.text.endswith("...")]
    info.references = tuple(references)

    info.partial = bool(meta.get("partial")) or bool(
        _PARTIAL.search(raw.header[:2000]) or _PARTIAL.search(head_lines[:2000])
    )
    return info

