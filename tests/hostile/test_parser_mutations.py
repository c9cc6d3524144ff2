"""Mutation fuzzer of the parser over real cables (issue 17, "keep them fixed").

Real cables in every shape we read (raw text, scraped pages, WikiLeaks HTML, CSV) are
damaged the ways files get damaged: lines deleted, lines or blocks swapped, the file
truncated, junk bytes inserted (controls, NUL, invalid UTF-8, escape sequences), header
lines duplicated (TAGS, SUBJECT, REF, the date-time group). Every mutant must give
cables or one-line errors, never an exception, within a time bound. Fixed seed; the
inputs are counted so the closing note can report them.
"""

from __future__ import annotations

import random
import re
import signal
import time
from pathlib import Path

from tipreader.cable import Cable, CableError, iter_bytes

SAMPLES = Path(__file__).resolve().parents[2] / "sample_cables"
SEED = 17
MUTANTS_PER_CABLE = 40
BOUND_SECONDS = 5.0  # one mutant; the largest sample parses in ~0.05 s
JUNK = [b"\x00", b"\xff\xfe", b"\xc3(", b"\x1b]52;c;aGk=\x07", b"\x1b[2J", b"\r", b"\x0c", b"\xe2\x80\xae",
        b"<html>", b"</td>", b"\"", b",", b"\n\n\n", b"(", b"1. (C)", b"REF: A. 08STATE1234", b"\t" * 50]
HEADER = re.compile(rb"^(?:TAGS|SUBJECT|SUBJ|REF|E\.O\.|CLASSIFIED BY|[A-Z] \d{6}Z|FM |TO ).*$", re.M)


class _TooSlow(Exception):
    pass


def _alarm(signum, frame):  # noqa: ARG001 - the signal handler's signature
    raise _TooSlow


def _mutate(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    op = rng.choice(("delete", "swap", "truncate", "junk", "duplicate", "blocks", "many"))
    if op == "delete" and len(lines) > 2:
        start = rng.randrange(len(lines))
        del lines[start:start + rng.randint(1, 8)]
    elif op == "swap" and len(lines) > 2:
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    elif op == "truncate":
        return data[: rng.randrange(max(1, len(data)))]
    elif op == "junk":
        pos = rng.randrange(len(data) + 1)
        piece = rng.choice(JUNK) if rng.random() < 0.7 else bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
        return data[:pos] + piece + data[pos:]
    elif op == "duplicate":
        heads = list(HEADER.finditer(data))
        if heads:
            m = rng.choice(heads)
            return data[:m.end()] + b"\n" + m.group() * rng.randint(1, 3) + data[m.end():]
    elif op == "blocks" and len(lines) > 10:
        cut = sorted(rng.sample(range(len(lines)), 3))
        lines = lines[:cut[0]] + lines[cut[1]:cut[2]] + lines[cut[0]:cut[1]] + lines[cut[2]:]
    elif op == "many":
        for _ in range(rng.randint(2, 6)):
            data = _mutate(data, rng)
        return data
    return b"\n".join(lines)


def test_mutated_real_cables_give_cables_or_one_line_errors():
    rng = random.Random(SEED)
    originals = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".html", ".csv"))
    assert len(originals) >= 10
    counts = {"inputs": 0, "cables": 0, "errors": 0}
    slowest = 0.0
    old = signal.signal(signal.SIGALRM, _alarm)
    try:
        for path in originals:
            data = path.read_bytes()
            for n in range(MUTANTS_PER_CABLE):
                mutant = _mutate(data, rng)
                name = f"{path.name}#{n}"
                start = time.perf_counter()
                signal.setitimer(signal.ITIMER_REAL, BOUND_SECONDS)
                try:
                    items = list(iter_bytes(mutant, name))
                except _TooSlow:
                    raise AssertionError(f"{name}: no answer within {BOUND_SECONDS}s") from None
                finally:
                    signal.setitimer(signal.ITIMER_REAL, 0)
                slowest = max(slowest, time.perf_counter() - start)
                counts["inputs"] += 1
                for item in items:
                    if isinstance(item, CableError):
                        counts["errors"] += 1
                        assert str(item) and "\n" not in str(item), (name, str(item))
                    else:
                        assert isinstance(item, Cable), (name, item)
                        counts["cables"] += 1
    finally:
        signal.signal(signal.SIGALRM, old)
    assert counts["inputs"] == len(originals) * MUTANTS_PER_CABLE
    print(f"parser mutation fuzzer: {counts} slowest {slowest:.2f}s")  # shown with -s
