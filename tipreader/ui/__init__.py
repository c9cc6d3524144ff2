"""The Textual app: a client of ``tipreader.cable`` and ``tipreader.library``."""
