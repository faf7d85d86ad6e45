"""french-consistency counts no-break spaces per segment (cached, summed): its
findings must equal those of the whole-document count, whichever segments the
cache held, and a minority in one segment must still be told from the others."""

from __future__ import annotations

import random

from textsweep.engine import Config, Document, incremental, lint
from textsweep.engine.model import Finding

NBSP, NNBSP = "\u00a0", "\u202f"
SENTENCES = [
    "Le comité se réunit mardi{s}; nous comptons sur vous.",
    "Vous venez{s}? Il faut répondre avant jeudi.",
    "Quelle surprise{s}! Personne ne l’attendait.",
    "Il a dit «{s}oui{s}» puis il est parti.",
    "Voici la liste{s}: pain, lait, œufs.",
    "Le dépôt est prêt ; la réunion a lieu mardi.",
]


def _paragraph(rng: random.Random, narrow_share: float) -> str:
    words = [
        rng.choice(SENTENCES).format(s=NNBSP if rng.random() < narrow_share else NBSP)
        for _ in range(3)
    ]
    return " ".join(words)


def _consistency(text: str, config: Config) -> list[Finding]:
    return [f for f in lint(Document(text), config) if f.rule == "french-consistency"]


def _compare(text: str, config: Config) -> list[Finding]:
    got = _consistency(text, config)
    incremental.set_enabled(False)
    try:
        want = _consistency((text + ".")[:-1], config)
    finally:
        incremental.set_enabled(True)
    assert got == want
    return got


def test_segment_counts_match_the_whole_document() -> None:
    rng = random.Random(12)
    paragraphs = [_paragraph(rng, 0.9) for _ in range(300)]
    config = Config(language="fr")
    incremental.clear()
    text = "\n\n".join(paragraphs) + "\n"
    assert _compare(text, config)  # a few U+00A0 among U+202F: told
    assert _compare(text, config)  # every segment from the cache
    told = 0
    for _ in range(12):
        i = rng.randrange(len(paragraphs))
        # swing one paragraph, or a whole run of them, to the other kind
        share = rng.choice([0.0, 1.0, 0.5])
        for k in range(i, min(i + rng.choice([1, 40, 120]), len(paragraphs))):
            paragraphs[k] = _paragraph(rng, share)
        told += len(_compare("\n\n".join(paragraphs) + "\n", config))
    assert told


def test_repeated_segments_are_counted_each_time() -> None:
    """A text of one paragraph repeated: equal segments share one cached tally, and
    each still counts toward the majority."""
    config = Config(language="fr")
    # 2,000 U+202F and 4,000 U+00A0, then 3,000 U+202F: U+202F wins only when
    # every repeated segment counts
    repeated = "Oui\u202f? Non\u00a0? Si\u00a0?\n\n" * 2000
    after = "Oui\u202f? Non\u202f? Si\u202f?\n\n" * 1000
    text = repeated + after
    found = _compare(text, config)
    assert len(found) == 4000
    assert all(text[f.start] == NBSP for f in found)
