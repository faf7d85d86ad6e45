"""A keystroke's segments that take the last cut's keys again (the blocks moved or
left in place, see :func:`.incremental._cut_segments`) hold exactly the keys a cut
from scratch gives, whatever the edit changed around them: the lines before and
after, the paragraphs' languages, the non-prose spans."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from textsweep.engine import incremental
from textsweep.engine.config import Config
from textsweep.engine.document import Document
from textsweep.engine.language import language_map
from textsweep.engine.regions import non_prose

_REAL = sorted((Path(__file__).resolve().parents[1] / "realtext" / "files").rglob("*.txt"))
#: edits that change what keys hold: languages (a French or Japanese line), non-prose
#: spans (a URL, code), the lines around a cut (blank lines), or only move the rest
_EDITS = [
    "x",
    "\n\n",
    "Le dépôt est prêt ; la réunion a lieu mardi, n’est-ce pas ?\n\n",
    "これはペンです。\n\n",
    " https://example.org/a/b ",
    "`code` et /usr/bin/env ",
    "\n",
    "",
]


def _keys(doc: Document, config: Config, languages: bool) -> list[tuple[int, int, object]]:
    lmap = language_map(doc, config) if languages else None
    segs = incremental._cut_segments(doc, lmap, non_prose(doc))
    return [(s.start, s.end, s.key) for s in segs]


@pytest.mark.parametrize("seed", range(6))
def test_reused_segment_keys_equal_fresh_ones(seed: int) -> None:
    rng = random.Random(seed)
    base = "\n\n".join(p.read_text(encoding="utf-8") for p in _REAL)
    text = (base * (1 + 200_000 // len(base)))[:200_000]
    config = Config()
    incremental._LAST_CUT.clear()
    for languages in (True, False):
        _keys(Document(text), config, languages)
    for _ in range(6):
        at = rng.randrange(len(text))
        size = rng.choice([0, 0, 1, 40, 3000])
        text = text[:at] + rng.choice(_EDITS) + text[at + size :]
        for languages in (True, False):
            reused = _keys(Document(text), config, languages)
            kept = dict(incremental._LAST_CUT)
            incremental._LAST_CUT.clear()
            fresh = _keys(Document(text), config, languages)
            assert reused == fresh
            incremental._LAST_CUT.update(kept)
