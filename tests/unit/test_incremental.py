"""The per-paragraph findings cache gives exactly the findings of a full lint:
on a new document, on the same text again, and after edits of every kind."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from textsweep.engine import Config, Document, incremental, lint
from textsweep.engine.linter import lint_capped
from textsweep.engine.structure import _spans

RESCAN_MIN = _spans._RESCAN_MIN

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
FILES = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix != ".py")
LANGUAGE_IDS = {".md": "markdown", ".tex": "latex", ".rst": "restructuredtext", ".html": "html"}

SNIPPETS = [
    "Vous venez ?",
    "Il a dit «oui» puis",
    "  ",
    "   \n",
    "\n\n",
    "\n  \n",
    "Well , that was it .",
    "key:value; a,b,c",
    "`code ; here`",
    "https://exemple.fr/a?b=1",
    "```\nx = 1  ; y\n```\n",
    "textsweep: language=en\n",
    "\r\n",
    "«",
    "»",
    "chatbot-Il",
]


def _findings(doc: Document, config: Config) -> list[tuple[object, ...]]:
    return [tuple(f) for f in lint(doc, config)]


def _compare(text: str, language_id: str, config: Config) -> None:
    """The incremental lint (the findings cache, and scans made from the previous
    text's: the corpus files are short, so the size threshold is lowered) against
    a full one (no cache, every scan from scratch), in that order: the
    incremental one must start from the previous text's state."""
    _spans._RESCAN_MIN = 0
    try:
        got = _findings(Document(text, language_id), config)
    finally:
        _spans._RESCAN_MIN = RESCAN_MIN
    incremental.set_enabled(False)
    _spans._RESCAN_MIN = 1 << 60
    twin = (text + ".")[:-1]  # an equal str, not the same object: scans are found by identity
    try:
        want = _findings(Document(twin, language_id), config)
    finally:
        incremental.set_enabled(True)
        _spans._RESCAN_MIN = RESCAN_MIN
    assert got == want


def _edits(text: str, rng: random.Random) -> Iterator[str]:
    for _ in range(12):
        pos = rng.randrange(len(text) + 1)
        kind = rng.randrange(3)
        if kind == 0:
            text = text[:pos] + rng.choice(SNIPPETS) + text[pos:]
        elif kind == 1:
            text = text[:pos] + text[pos + rng.randrange(1, 40) :]
        else:
            other = rng.randrange(len(text) + 1)
            text = text[:pos] + text[other : other + 200] + text[pos:]
        yield text


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
@pytest.mark.parametrize("as_markdown", [False, True])
def test_cache_matches_a_full_lint(path: Path, as_markdown: bool) -> None:
    text = path.read_text(encoding="utf-8")
    language_id = "markdown" if as_markdown else LANGUAGE_IDS.get(path.suffix, "plaintext")
    config = Config()
    incremental.clear()
    _compare(text, language_id, config)  # cold: filled from a whole-document run
    _compare(text, language_id, config)  # warm: every paragraph from the cache
    rng = random.Random(path.name)
    for edited in _edits(text, rng):  # warm with misses: sub-documents
        _compare(edited, language_id, config)


def test_cache_follows_the_configuration() -> None:
    text = (CORPUS / "fr_article.bad.txt").read_text(encoding="utf-8")
    for config in (
        Config(),
        Config(language="fr-CA"),
        Config(options={"french": {"colon": "either"}}),
    ):
        _compare(text, "plaintext", config)


def test_capped_results_are_unchanged() -> None:
    text = "\n\n".join(
        (CORPUS / name).read_text(encoding="utf-8")
        for name in ("fr_article.bad.txt", "bilingual.bad.txt", "fr_dialogue.bad.txt")
    )
    incremental.set_enabled(False)
    try:
        want = lint_capped(Document(text), Config(), 5)
    finally:
        incremental.set_enabled(True)
    lint(Document(text), Config())
    assert lint_capped(Document(text), Config(), 5) == want


def test_markdown_simple_chunking_matches_the_general_walk() -> None:
    from textsweep.engine.structure import markdown

    pieces = [
        "\n",
        "\n\n",
        "   \n",
        "    code\n",
        "\tx\n",
        "  x\n",
        "\u00a0\n",
        "text\n",
        "  ",
        "x",
    ]
    rng = random.Random(4)
    texts = [(CORPUS / "fr_article.bad.txt").read_text(encoding="utf-8")]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 30))) for _ in range(2000)]
    for text in texts:
        for start in sorted({0, min(len(text), 3), text.find("\n") + 1}):
            assert markdown._chunks_simple(text, start) == markdown._chunks_general(text, start)


@pytest.mark.parametrize("language_id", ["plaintext", "markdown"])
def test_long_text_after_edits_matches_a_full_lint(language_id: str) -> None:
    """The corpus as one long text (many blocks: scans made from the previous
    text's, block memos, findings cache), edited here and there."""
    real = sorted((Path(__file__).resolve().parents[1] / "realtext" / "files").rglob("*.txt"))
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in FILES + real[::4])
    config = Config()
    _compare(text, language_id, config)
    rng = random.Random(language_id)
    for edited in _edits(text, rng):
        _compare(edited, language_id, config)


@pytest.mark.parametrize("share", [0.1, 0.6])
def test_repeated_segments_are_linted_once(share: float) -> None:
    """Segments missing from the cache whose keys repeat (one paragraph over and
    over) take the first one's findings, shifted: the same as linting each, both
    when the misses are linted as sub-documents and as the whole text."""
    real = sorted((Path(__file__).resolve().parents[1] / "realtext" / "files").rglob("*.txt"))
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in FILES + real[::4])
    body = "Le dépôt  est prêt\u200b ; la réunion a lieu mardi.  \nThe build  passes. "
    body += "x" * (-len(body) % _spans.BLOCK_SPREAD)  # a block of its own: many segments
    para = body + "\n\n"
    repeated = para * int(share * len(text) / len(para))
    config = Config()
    incremental.clear()
    _compare(text, "plaintext", config)
    cold = text.replace("e", "é")  # every segment new: the whole text is linted
    for edited in (
        text + "\n\n" + repeated,
        repeated + text,
        text[:5000] + repeated,
        cold + repeated,
    ):
        _compare(edited, "plaintext", config)
