"""The one sanitiser: text from cables, notes, settings and file names made safe for a terminal.

A cable (or a file name, or a note) may carry what a terminal obeys instead of shows:
ANSI/OSC escape sequences (retitle the window, write the clipboard, clear the screen),
other control characters, and characters that change how text *reads* without being
seen: bidi overrides and isolates (U+202E turns ``txt.exe`` into ``exe.txt``) and
zero-width characters. The CLI and the app both show text through :func:`visible`;
``show --original`` on a terminal uses :func:`caret` (controls spelt ``^[`` as less does).
Plain Python, no dependencies: every layer may use it.
"""

from __future__ import annotations

import re

# ESC sequences: CSI ... final byte, OSC ... BEL or ST, DCS/SOS/PM/APC strings, two-byte escapes.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"
    r"|\x1b[@-Z\\-_]?"
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Characters that are not seen but change what is read: bidi embeddings, overrides, isolates
# and marks; zero-width spaces and joiners, word joiner, invisible operators, BOM; lone
# surrogates (bytes that were not text).
INVISIBLE = re.compile("[\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ud800-\udfff]")
SHOWN_FOR_INVISIBLE = "\ufffd"  # one visible character for one invisible one: offsets stay valid
_UNSAFE = re.compile(f"{_ESCAPES.pattern}|{_CONTROLS.pattern}|{INVISIBLE.pattern}")
# Whether _UNSAFE matches anywhere, asked as one character class (every escape starts with ESC, a
# control character): a text is scanned once, not tried against each alternative at each place.
_ANY_UNSAFE = re.compile(f"[{_CONTROLS.pattern[1:-1]}{INVISIBLE.pattern[1:-1]}]")


def visible(text: str | None, *, newlines: bool = True, keep_length: bool = False) -> str:
    """``text`` safe to show: escape sequences and control characters removed (tab kept;
    newlines kept, or spaces when ``newlines`` is false), invisible characters shown as
    U+FFFD. With ``keep_length`` every removed character becomes a space instead, so
    offsets into ``text`` (marks, highlights) stay valid."""
    if not text:
        return ""
    if not _ANY_UNSAFE.search(text) and (newlines or "\n" not in text) and not (keep_length and "\t" in text):
        return text

    def one(m: re.Match[str]) -> str:
        s = m.group()
        if s == "\n":
            return "\n" if newlines else " "
        if INVISIBLE.fullmatch(s):
            return SHOWN_FOR_INVISIBLE
        return " " * len(s) if keep_length else ""

    out = _UNSAFE.sub(one, text)
    if keep_length:  # one line of a list: a tab is a space too
        out = out.replace("\t", " ")
    return out if newlines else out.replace("\n", " ")


def caret(text: str) -> str:
    """``text`` with control characters spelt out as ``less`` does (``ESC`` → ``^[``,
    ``DEL`` → ``^?``, C1 ``\\x9b`` → ``<9B>``), invisible characters as ``<U+202E>``;
    tabs and newlines kept."""

    def one(m: re.Match[str]) -> str:
        c = m.group()
        n = ord(c)
        if n < 0x20:
            return "^" + chr(n + 0x40)
        if n == 0x7F:
            return "^?"
        if n <= 0x9F:
            return f"<{n:02X}>"
        return f"<U+{n:04X}>"

    return re.sub(f"[\x00-\x08\x0b-\x1f\x7f-\x9f]|{INVISIBLE.pattern}", one, text)
