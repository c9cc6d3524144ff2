"""The e-mail printout a cable was copied from: what its Subject line states.

Some cables were copied from the Department's e-mail distribution of telegrams, the message's
lines first (08TRIPOLI126):

    From: CBPC, EACTAPP [EACTAPP@state.sgov.gov]
    Sent: Monday, February 18, 2008 9:42 PM
    To: EACTTripoli(Main State Room 2530)
    Subject: TRIPOLI 00000126 R UN 18-FEB-08 WAHDA BANK PRIVATIZATION BID
    WON BY JORDAN-BASED ARAB BANK [7039621]

then the telegram itself (``VZCZC...``, its date-time group, the caption and preamble), which
give the id and the date as in any cable: the ``Sent:`` time is local and is not the cable's
date. The Subject line restates post, serial, precedence, classification, date and the
cable's subject; it stands for the subject where the cable lost its own SUBJECT line (09TRIPOLI63).
"""

from __future__ import annotations

import re

# `Subject: TRIPOLI 00000126 R UN 18-FEB-08 <subject, maybe wrapped> [7039621]`
_SUBJECT = re.compile(
    r"^Subject:[ \t]*[A-Z][A-Z .'-]*?[ \t]+\d{5,8}[ \t]+[A-Z]{1,2}[ \t]+[A-Z]{2}[ \t]+\d{2}-[A-Z]{3}-\d{2}[ \t]+"
    r"(\S.{2,300}?)[ \t]*\[\d{5,9}\]",
    re.MULTILINE | re.DOTALL,
)
_SENT = re.compile(r"^Sent:[ \t]+[A-Z][a-z]+day,", re.MULTILINE)


def printout_subject(text: str) -> str | None:
    """The subject an e-mail printout's preamble states (``Sent:`` line, then ``Subject:``), or None."""
    head = text[:3000]
    sent = _SENT.search(head)
    if sent is None:
        return None
    m = _SUBJECT.search(head, sent.end())
    return " ".join(m.group(1).split()) if m else None
