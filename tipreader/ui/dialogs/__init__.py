"""The reader's dialogs."""
