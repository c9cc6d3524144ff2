"""Give every answer of a submission a topic key, with a confidence, or say it is unaligned.

Three sources of evidence, strongest first:

1. **The restated question.** A submission that restates its questions is matched
   question by question against the topic list (TF-IDF cosine over stems, a bonus when
   the topic's area fits the part the question is in), each topic at most once per
   submission, best pairs first.
2. **The year's numbering.** The questions restated by the library's submissions of a
   report year teach that year's numbering — (part, letter) → topic — which keys the
   same year's submissions that give only letters (``A. (SBU) answer``). A neighbouring
   year's numbering counts too, for less.
3. **The answer's own words** (its opening lines echo the question), alone only for a
   confident match, and as a check of the numbering: an answer whose words clearly name
   another topic is not keyed by the letter alone.

Below :data:`THRESHOLD` the answer is ``unaligned`` (its best candidate is kept apart,
never presented as its key): a wrong key is worse than none.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .textsim import Vectorizer, tokens
from .topics import Topic

THRESHOLD = 0.5
AREA_BONUS = 0.08
_KIND_WORDS = (
    ("scene", ("setting the scene", "scene")),
    ("partnerships", ("partnership",)),
    ("prosecution", ("prosecution", "investigation", "law enforcement", "prosecut")),
    ("protection", ("protection", "assistance to victims", "victim")),
    ("prevention", ("prevention", "prevent")),
    ("overview", ("overview", "situation", "activities to eliminate")),
)
_PART_AREAS = {
    "overview": ("situation", "government"),
    "scene": ("government",),
    "prevention": ("prevention", "government"),
    "prosecution": ("prosecution",),
    "protection": ("protection",),
    "partnerships": ("partnerships",),
}
_HEAD_END = re.compile(r"(?<=[?.])\s+(?=[A-Z(])")
_LEAD_LABEL = re.compile(r"^\s*([A-Z][A-Za-z ,;/&()'-]{3,80}):\s")


def part_kind(title: str) -> str | None:
    """The questionnaire section a part's title names: overview, scene, prevention, ... or None."""
    low = title.lower()
    for kind, words in _KIND_WORDS:
        if any(w in low for w in words):
            return kind
    return None


@dataclass(slots=True)
class Item:
    """An answer to align; ``group`` identifies its submission (one country, one report year)."""

    group: str
    year: int
    kind: str | None  # part_kind of its part
    letter: str
    question: str
    answer: str
    ref: str = ""  # the caller's handle on the answer (ref_id and position)
    topic: str | None = None
    confidence: float = 0.0
    method: str = "unaligned"  # "question" | "numbering" | "answer" | "unaligned"
    candidate: str | None = None  # the best guess when unaligned
    _scores: list[float] = field(default_factory=list, repr=False)
    _options: list[tuple[float, int, str]] = field(default_factory=list, repr=False)  # (confidence, topic, method)


class Aligner:
    """Aligns answers to a topic list (see the module doc)."""

    def __init__(self, topics: Sequence[Topic]) -> None:
        self.topics = list(topics)
        self.keys = [t.key for t in self.topics]
        self._all: list[Item] = []
        self.vec = Vectorizer(tokens(f"{t.title} {t.question} {' '.join(t.words)}") for t in self.topics)

    # --- evidence ---------------------------------------------------------------
    def _scores(self, text: str, kind: str | None) -> list[float]:
        whole = self.vec.scores(tokens(text))
        head_tokens = tokens(_HEAD_END.split(text, maxsplit=1)[0])
        if len(head_tokens) < 3:
            head_tokens = tokens(text)[:20]
        head = self.vec.scores(head_tokens)
        scores = [0.6 * h + 0.4 * w for h, w in zip(head, whole)]  # the opening sentence names the topic
        areas = _PART_AREAS.get(kind or "", ())
        return [s + (AREA_BONUS if s > 0 and t.area in areas else 0.0) for s, t in zip(scores, self.topics)]

    @staticmethod
    def _answer_head(answer: str) -> str:
        words = answer.split()
        head = " ".join(words[:45])
        m = _LEAD_LABEL.match(answer)
        return f"{m.group(1)} {m.group(1)} {head}" if m else head  # a leading "Label:" weighs double

    # --- the passes -------------------------------------------------------------
    def by_question(self, items: Iterable[Item]) -> None:
        """Pass 1: items with a restated question, matched one-to-one per submission."""
        groups: dict[str, list[Item]] = defaultdict(list)
        for it in items:
            if len(tokens(it.question)) >= 2:
                it._scores = self._scores(it.question, it.kind)
                groups[it.group].append(it)
        for members in groups.values():
            pairs = sorted(((s, i, k) for i, it in enumerate(members) for k, s in enumerate(it._scores) if s > 0),
                           reverse=True)
            taken: set[int] = set()
            done: set[int] = set()
            for s, i, k in pairs:
                if i in done or k in taken:
                    continue
                it = members[i]
                others = sorted((x for j, x in enumerate(it._scores) if j != k), reverse=True)
                second = others[0] if others else 0.0
                conf = _confidence(s, second, floor=0.18, full=0.40)
                self._set(it, k, conf, "question")
                done.add(i)
                taken.add(k)

    def by_numbering(self, items: Iterable[Item], teachers: Iterable[Item]) -> None:
        """Pass 2 and 3: items without a usable question, from the years' numbering and their words."""
        table: dict[tuple[int, str | None, str], Counter[str]] = defaultdict(Counter)
        for t in teachers:
            if t.method == "question" and t.topic and t.confidence >= 0.6:
                table[(t.year, t.kind, t.letter)][t.topic] += t.confidence  # type: ignore[assignment]  # float weights
            elif t.method == "answer" and t.topic and t.confidence >= 0.8:
                table[(t.year, t.kind, t.letter)][t.topic] += t.confidence / 2  # type: ignore[assignment] # weaker: no question restated
        years = sorted({y for y, _, _ in table})
        pending = [it for it in items if it.method != "question"]
        for it in pending:
            scores = self._scores(self._answer_head(it.answer) + " " + it.question, it.kind)
            order = sorted(range(len(scores)), key=lambda k: -scores[k])
            best, second = order[0], order[1]
            text_conf = _confidence(scores[best], scores[second], floor=0.16, full=0.45)
            text = text_conf * 0.85
            options = [(text, best, "answer")]
            if len(order) > 1:
                options.append((_confidence(scores[second], scores[order[2]] if len(order) > 2 else 0.0,
                                            floor=0.16, full=0.45) * 0.85 * 0.8, second, "answer"))
            numbered = _numbering(table, years, it)
            if numbered is not None and numbered[0] in self.keys:
                key, share, weight = numbered
                k = self.keys.index(key)
                rank = order.index(k)
                conf = share * weight + (0.1 if rank == 0 else 0.05 if rank < 3 else 0.0)  # the words agree
                if rank > 0 and text >= 0.6 and self.topics[best].area in _PART_AREAS.get(it.kind or "", ()):
                    conf *= 0.9 if weight == 1.0 else 0.7  # the answer clearly speaks of another topic of its part
                options.append((conf, k, "numbering"))
            it._options = sorted(options, reverse=True)
            self._set(it, it._options[0][1], it._options[0][0], it._options[0][2])
        self._one_each(pending)

    def _one_each(self, items: list[Item]) -> None:
        """A topic answers once per submission: where two answers claim one, the surer keeps it and
        the other takes its next option, or stays unaligned."""
        taken: dict[str, set[str]] = defaultdict(set)
        for it in self._all:
            if it.method == "question" and it.topic:
                taken[it.group].add(it.topic)
        for it in sorted(items, key=lambda x: -x._options[0][0]):
            for conf, k, method in it._options:
                if self.keys[k] not in taken[it.group]:
                    self._set(it, k, conf, method)
                    break
            else:
                self._set(it, it._options[0][1], 0.0, "unaligned")
            if it.topic:
                taken[it.group].add(it.topic)

    def _set(self, it: Item, k: int, conf: float, method: str) -> None:
        conf = round(min(1.0, max(0.0, conf)), 2)
        if conf >= THRESHOLD:
            it.topic, it.confidence, it.method, it.candidate = self.keys[k], conf, method, None
        else:
            it.topic, it.confidence, it.method, it.candidate = None, conf, "unaligned", self.keys[k]

    def align(self, items: Sequence[Item]) -> None:
        """Run every pass over ``items`` (all the library's submission answers, or one year's)."""
        for it in items:
            it.topic, it.confidence, it.method, it.candidate = None, 0.0, "unaligned", None
        self._all = list(items)
        self.by_question(items)
        self.by_numbering(items, items)
        self.by_numbering(items, [it for it in items if it.method in ("question", "answer")])  # confident answers teach too


def _confidence(best: float, second: float, *, floor: float, full: float) -> float:
    """From a best score and the runner-up: 0 at ``floor``, 1 at ``full`` with a clear margin."""
    if best <= floor:
        return 0.0
    level = min(1.0, (best - floor) / (full - floor))
    margin = min(1.0, (best - second) / max(best * 0.35, 1e-6))
    return level * (0.5 + 0.5 * margin)


def _numbering(table: dict[tuple[int, str | None, str], Counter[str]], years: list[int],
               it: Item) -> tuple[str, float, float] | None:
    """(topic, share of the votes, year weight) for ``it``'s part and letter from the nearest
    year(s) whose numbering has that letter (years equally near vote together)."""
    for distance in range(3):
        votes: Counter[str] = Counter()
        for y in {it.year - distance, it.year + distance}:
            votes.update(table.get((y, it.kind, it.letter), {}))
        if votes:
            key, n = votes.most_common(1)[0]
            return key, n / sum(votes.values()), (1.0, 0.7, 0.5)[distance]
    return None
