"""The entity extractor's version: which extractor a library's stored names came from.

:data:`ENTITY_VERSION` is bumped by hand whenever a change makes ``extract_entities`` give
other output for some cable (other spans, types, expansions, canonical forms), as
:data:`~tipreader.cable.parser_version.PARSER_VERSION` follows the parse. The entity pass
records it beside each cable's entities; a library holding names of another version says
"names: re-extract suggested" (``library stats``, one line from the CLI, a notification in the
app) and ``tipreader library entities`` (or the app's palette) finds them again with today's
extractor. The cables and their old names stay usable meanwhile.

``tests/unit/test_entity_version.py`` holds a digest of the extractor's output on
``sample_cables/`` next to the version it was taken with: a change of that output without a
bump here fails it, with a message saying what to do. A change meant to be faster only must
leave the output as it is (``tests/tools/entity_digests.py --check``: 0 changed).
"""

from __future__ import annotations

ENTITY_VERSION = 7
