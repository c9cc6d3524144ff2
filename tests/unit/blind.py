"""The questionnaire cables set aside for the blind check (annotated by reading, tests/fixtures/questionnaire_blind/)."""

BLIND_REFS = frozenset({"05SANJOSE488", "07REYKJAVIK49", "10REYKJAVIK31", "06SANTIAGO439", "08SANJOSE911", "10CAIRO209"})
