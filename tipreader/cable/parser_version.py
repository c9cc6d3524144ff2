"""The parser's version: which parse a library's stored cables came from.

:data:`PARSER_VERSION` is bumped by hand whenever a change makes the parser give other
output for some cable (other paragraphs, headings, questions, header values, warnings),
as :data:`~tipreader.cable.model_data.MODEL_VERSION` follows the model's shape. The
library records it when it is created and after a full rebuild; a library whose cables
were parsed by another version suggests a rebuild (the app offers it, the CLI says it in
one line), so users get today's parse of the cables they already have. The cables stay
readable meanwhile: the model did not change, only what the parser puts in it.

``tests/unit/test_parser_version.py`` holds a digest of the parse output of
``sample_cables/`` next to the version it was taken with: a change of that output
without a bump here fails it, with a message saying what to do.
"""

from __future__ import annotations

PARSER_VERSION = 10
