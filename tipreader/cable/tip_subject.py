"""Whether a cable's subject names the annual Trafficking in Persons report it answers.

``NINTH ANNUAL ... (TIP) REPORT``, ``LIBYA 2009 TIP REPORT SUBMISSION``, ``POST INPUT FOR
TRAFFICKING IN PERSONS REPORT`` do; interim assessments, press guidance, demarches,
reactions to a published report, child-labour reports, funding proposals and watch-list
notes do not. Used by :mod:`tipreader.tip.submissions` (with the cable's questionnaire) and by
the library, which lists these cables first for ``tag:KTIP``.
"""

from __future__ import annotations

import re

_TIP_REPORT = re.compile(
    r"\b(?:TIP|TRAFFICKING\s+IN\s+PERSONS|TRAFFICKING)\b[\s)(A-Z'-]{0,40}?\bREPORT\b|\bTIP\s+SUBMISSION\b|"
    r"\bANNUAL\b.{0,40}\bTIP\b", re.IGNORECASE)
_NOT = re.compile(r"\bINTERIM\b|\bPRESS\s+GUIDANCE\b|\bDEMARCHE\b|\bREACTIONS?\b|\bCHILD\s+LABOU?R\b|"
                  r"\bPROPOSAL\b|\bFUNDS?\b|\bWATCH\s+LIST\b|\bSCENESETTER\b|\bROLLOUT\b|\bRELEASE\b", re.IGNORECASE)


def names_tip_report(subject: str | None) -> bool:
    """True when ``subject`` reads as an annual TIP report submission's (see the module doc)."""
    text = " ".join((subject or "").split())
    return bool(_TIP_REPORT.search(text)) and not _NOT.search(text)
