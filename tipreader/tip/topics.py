"""The topic list: the bundled ``data/topics.toml`` and the user's own additions.

A user extends or overrides it with ``topics.toml`` in the data folder
(``$TIPREADER_HOME``) or beside the settings file; see the bundled file's header for
the layout. A malformed user file is reported (``problems``) and left out; the bundled
list is always there.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

BUNDLED = Path(__file__).with_name("data") / "topics.toml"
AREAS = ("situation", "government", "prosecution", "protection", "prevention", "partnerships")


@dataclass(frozen=True, slots=True)
class Topic:
    """One questionnaire topic: a stable key (``prosecution.labor-trafficking-penalties``)."""

    key: str
    title: str
    question: str
    words: tuple[str, ...] = ()

    @property
    def area(self) -> str:
        """The part of the questionnaire it belongs to (``prosecution``)."""
        return self.key.split(".", 1)[0]


_READ: dict[Path, tuple[tuple[int, int], list[Topic]]] = {}  # path → ((mtime, size), its topics)


def _read(path: Path) -> list[Topic]:
    """The topics of one file, parsed again only when the file changed (the compare view names its
    topic on every open)."""
    stat = path.stat()
    cached = _READ.get(path)
    if cached is not None and cached[0] == (stat.st_mtime_ns, stat.st_size):
        return cached[1]
    topics = _parse(path)
    _READ[path] = ((stat.st_mtime_ns, stat.st_size), topics)
    return topics


def _parse(path: Path) -> list[Topic]:
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    out = []
    for i, item in enumerate(data.get("topic", []), 1):
        key = str(item.get("key", "")).strip()
        if "." not in key or not item.get("question"):
            raise ValueError(f"topic {i}: needs a key like 'area.name' and a question")
        words = item.get("words", [])
        if not isinstance(words, list):
            raise ValueError(f"topic {key}: 'words' must be a list")
        out.append(Topic(key, str(item.get("title") or key), str(item["question"]), tuple(str(w) for w in words)))
    return out


def user_topic_files() -> list[Path]:
    """Where a user's own ``topics.toml`` is looked for (existing files only)."""
    candidates = []
    home = os.environ.get("TIPREADER_HOME")
    if home:
        candidates.append(Path(home).expanduser() / "topics.toml")
    config = os.environ.get("TIPREADER_CONFIG")
    if config:
        candidates.append(Path(config).expanduser().parent / "topics.toml")
    else:
        import platformdirs

        candidates.append(Path(platformdirs.user_config_dir("tipreader", appauthor=False)) / "topics.toml")
    return [p for p in dict.fromkeys(candidates) if p.is_file()]


def load_topics(extra: list[Path] | None = None) -> tuple[list[Topic], list[str]]:
    """(topics, problems): the bundled topics with the user's files applied over them."""
    topics = {t.key: t for t in _read(BUNDLED)}
    problems = []
    for path in user_topic_files() if extra is None else extra:
        try:
            for t in _read(path):
                topics[t.key] = t
        except (OSError, ValueError, tomllib.TOMLDecodeError) as err:
            problems.append(f"{path}: {err}; its topics are left out")
    return list(topics.values()), problems
