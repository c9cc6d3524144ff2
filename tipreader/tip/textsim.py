"""Word vectors for aligning questions to topics: tokens, crude stems, TF-IDF and cosine.

Small on purpose: the texts compared are questionnaire questions and the first lines of
answers, and the topic list is a few dozen entries; no dependency earns its keep here.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

_WORD = re.compile(r"[a-z][a-z'-]*[a-z]|[a-z]")
_STOP = frozenset("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each either etc few for from
further had has have having he her here hers him his how i if in into is it its itself just
may me might more most much must my no nor not now of off on once only or other our out over own
per please post posts provide same shall she should so some specifically such than that the
their them then there these they this those through to too under until up upon very was we were
what when where whether which while who whom why will with would you your e g ie eg if so
country government gov't governments country's government's trafficking traffic trafficked
persons person tip anti-trafficking anti-tip efforts any reporting period year years during
""".split())
_SUFFIXES = ("ations", "ation", "ings", "ing", "ions", "ion", "ies", "ied", "ers", "er", "es", "ed", "s", "ly")


def stem(word: str) -> str:
    """A crude stem: common suffixes off, then at most seven letters (``prosecutions`` → ``prosecu``)."""
    for suffix in _SUFFIXES:
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    return word[:7]


def tokens(text: str) -> list[str]:
    """The stems of the content words of ``text``."""
    return [stem(w) for w in _WORD.findall(text.lower().replace("\u2019", "'")) if w not in _STOP and len(w) > 1]


class Vectorizer:
    """TF-IDF over a fixed set of documents (the topics); other texts are mapped into it."""

    def __init__(self, documents: Iterable[Iterable[str]]) -> None:
        docs = [Counter(d) for d in documents]
        n = len(docs) or 1
        df: Counter[str] = Counter()
        for d in docs:
            df.update(d.keys())
        self.idf = {t: math.log((1 + n) / (1 + c)) + 1.0 for t, c in df.items()}
        self.vectors = [self.vector(d) for d in docs]

    def vector(self, toks: Iterable[str] | Counter[str]) -> dict[str, float]:
        """A normalised TF-IDF vector (terms unknown to the documents are left out)."""
        counts = toks if isinstance(toks, Counter) else Counter(toks)
        vec = {t: (1.0 + math.log(c)) * self.idf[t] for t, c in counts.items() if t in self.idf}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {t: v / norm for t, v in vec.items()}

    def scores(self, toks: Iterable[str]) -> list[float]:
        """Cosine similarity of ``toks`` with each document, in order."""
        q = self.vector(toks)
        return [sum(w * d.get(t, 0.0) for t, w in q.items()) for d in self.vectors]
