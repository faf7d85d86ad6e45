"""The language map assembled block by block (:func:`language._compute_by_blocks`,
its blocks reused while they stay in place and moved after an edit) is the map
assembled paragraph by paragraph."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from textsweep.engine import Config, Document, language

TESTS = Path(__file__).resolve().parents[1]
REAL = sorted((TESTS / "realtext" / "files").rglob("*.txt"))
CORPUS = sorted(
    p for p in (TESTS / "data" / "corpus").rglob("*") if p.is_file() and p.suffix != ".py"
)


def _map(
    text: str, config: Config, by_blocks: bool, language_id: str = "plaintext"
) -> tuple[object, ...]:
    language.BY_BLOCKS = by_blocks
    try:
        m = language.language_map(Document(text, language_id), config)
    finally:
        language.BY_BLOCKS = True
    return (m.majority, m.paragraphs)


def _edits(text: str, rng: random.Random) -> list[str]:
    out = []
    for _ in range(10):
        pos = rng.randrange(len(text) + 1)
        kind = rng.randrange(4)
        if kind == 0:
            text = (
                text[:pos]
                + rng.choice(["x", "\n\n", "Le chat est là. ", "中文", "The end.\n"])
                + text[pos:]
            )
        elif kind == 1:
            text = text[:pos] + text[pos + rng.randrange(1, 400) :]
        elif kind == 2:
            other = rng.randrange(len(text) + 1)
            text = text[:pos] + text[other : other + 3000] + text[pos:]
        else:
            text = text[:pos] + "\n\n" + text[pos:]
        out.append(text)
    return out


@pytest.mark.parametrize(
    "config",
    [Config(), Config(language="fr-CA"), Config(language="ja")],
    ids=["auto", "fr-CA", "ja"],
)
def test_block_assembly_equals_the_paragraph_walk(config: Config) -> None:
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in CORPUS + REAL[::3])
    rng = random.Random(repr(config))
    for edited in [text, *_edits(text, rng)]:
        assert _map(edited, config, True) == _map(edited, config, False)
        assert _map(edited, config, True, "markdown") == _map(edited, config, False, "markdown")


@pytest.mark.parametrize("path", CORPUS + REAL[::5], ids=lambda p: p.name)
def test_each_file(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert _map(text, Config(), True) == _map(text, Config(), False)


def test_short_and_empty_texts() -> None:
    for text in ("", "\n", "ok", "Oui.\n\nNo.\n", "¿Qué?", "概要\n\nこれは日本語です。"):
        assert _map(text, Config(), True) == _map(text, Config(), False)
