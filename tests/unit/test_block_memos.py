"""The per-block memos (language detections, mixed-script words, doubled-space runs,
sentence gaps, character sets…) give exactly what a cold start gives, after edits
of every kind: a paragraph changing language, paragraphs split and joined, and the
document-level majorities (two spaces after sentences, apostrophes, Chinese
spacing) tipping from one side to the other.

Unlike the findings cache (``test_incremental.py``) these memos cannot be switched
off, so each edited text is linted warm (the memos filled by the versions before
it) and again after :func:`.caches.clear_caches`, and both must agree.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest

from textsweep.engine import Config, Document, document, lint
from textsweep.engine.caches import clear_caches
from textsweep.engine.language import language_map
from textsweep.engine.linter import LintCancelled, lint_capped
from textsweep.engine.structure import _spans

FR = (
    "Le dépôt est prêt : vous pouvez l’ouvrir dès maintenant. Nous avons corrigé "
    "les erreurs les plus graves et la documentation est à jour !"
)
EN = (
    "The release is ready and you can download it today. We fixed the worst bugs, "
    "and the manual is up to date for this version of the tool."
)
DE = "Die Datei ist nicht lesbar, weil der Pfad falsch ist und die Rechte fehlen."
ZH = "我们发布了新版本Debian系统，欢迎试用 Linux 内核。"
RU = "Это файл для проверки, где есть слово рор в тексте."

PARAGRAPHS = [
    FR,
    EN,
    DE,
    ZH,
    RU,
    "Run the build.  It writes HTML.  Open the index.  Done.",
    "L'eau et l’air, l'arbre et l'herbe.",
    "Log in at p\u0430ypal.com or g\u03bfogle today, caf&eacute; and d\u00c3\u00a9p\u00c3\u00b4t.",
    "Le  chat dort.   Really  two spaces.",
    "    indented  code  line\n\t  mixed indent",
    "Tie\u0302\u0301ng Vie\u0323\u0302t et de\u0301po\u0302t",
    "textsweep: language=en",
    "| a  | b  |\n|----|----|\n| 1  | 2  |",
    "```\nLe  code ; ici\n\nThe  code here\n```",
]

SNIPPETS = [
    "\n\n",
    "\n",
    " ",
    "  ",
    ".  Next",
    "\n\u200b\n",
    " " + FR + " ",
    " " + EN + " ",
    " " + DE + " ",
    ZH,
    "'",
    "’",
    "l'eau ",
    "中文English",
    "中文 English",
    "р",
    "\u0301",
    "&eacute;",
    "Ã©",
    "\r\n",
    "textsweep: language=fr\n",
    # a fence opened in one block makes the next blocks code (Markdown): what a
    # block's key must see beyond its own text
    "\n```\n",
    "`",
    "<!-- ",
    " -->",
]


def _document(rng: random.Random) -> str:
    paras = [rng.choice(PARAGRAPHS) for _ in range(60)]
    return "\n\n".join(paras) + "\n"


def _edits(text: str, rng: random.Random, count: int) -> Iterator[str]:
    for _ in range(count):
        pos = rng.randrange(len(text) + 1)
        kind = rng.randrange(5)
        if kind == 0:
            text = text[:pos] + rng.choice(SNIPPETS) + text[pos:]
        elif kind == 1:
            text = text[:pos] + text[pos + rng.randrange(1, 30) :]
        elif kind == 2:  # join two paragraphs
            at = text.find("\n\n", pos)
            if at >= 0:
                text = text[:at] + " " + text[at + 2 :]
        elif kind == 3:  # a paragraph becomes another language
            at = text.find("\n\n", pos)
            end = text.find("\n\n", at + 2)
            if at >= 0 and end >= 0:
                text = text[: at + 2] + rng.choice([FR, EN, DE, ZH]) + text[end:]
        else:  # tip a majority: many paragraphs of one habit at once
            habit = rng.choice(
                [
                    "One.  Two.  Three.  Four.",
                    "l'eau l'air l'arbre",
                    "l’eau l’air l’arbre",
                    "中文English混排中文Linux内核",
                    "中文 English 混排中文 Linux 内核",
                ]
            )
            text = text[:pos] + ("\n\n" + habit) * 4 + "\n\n" + text[pos:]
        yield text


def _findings(text: str, language_id: str) -> list[tuple[object, ...]]:
    doc = Document(text, language_id)
    lmap = language_map(doc, Config())
    # the map itself too: a paragraph's language inside code shows in no finding
    seen: list[tuple[object, ...]] = [(lmap.majority,), *map(tuple, lmap.paragraphs)]
    return seen + [tuple(f) for f in lint(doc, Config())]


@pytest.fixture(autouse=True)
def _small_blocks(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Blocks of two paragraphs and the character set built block by block even for
    short texts, so that a test document has many blocks."""
    monkeypatch.setattr(_spans, "BLOCK_SPREAD", 2)
    monkeypatch.setattr(document, "_CHARS_AT_ONCE", 0)
    clear_caches()
    yield
    clear_caches()


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("language_id", ["plaintext", "markdown"])
def test_warm_memos_match_a_cold_start(seed: int, language_id: str) -> None:
    rng = random.Random(seed)
    text = _document(rng)
    _findings(text, language_id)
    for edited in _edits(text, rng, 15):
        warm = _findings(edited, language_id)
        clear_caches()
        assert warm == _findings(edited, language_id)


def test_language_map_follows_a_paragraph_that_changes_language() -> None:
    text = "\n\n".join([FR, EN, FR]) + "\n"
    doc = Document(text)
    assert [p.language for p in language_map(doc, Config()).paragraphs] == ["fr", "en", "fr"]
    edited = text.replace(EN, DE)
    assert [p.language for p in language_map(Document(edited), Config()).paragraphs] == [
        "fr",
        "de",
        "fr",
    ]
    joined = edited.replace(DE + "\n\n", DE + " ")
    paras = language_map(Document(joined), Config()).paragraphs
    assert len(paras) == 2


def test_character_set_is_the_texts() -> None:
    rng = random.Random(3)
    text = _document(rng)
    for edited in _edits(text, rng, 10):
        assert Document(edited).chars == frozenset(edited)


def test_block_cuts_tile_the_text() -> None:
    rng = random.Random(5)
    text = _document(rng)
    for edited in _edits(text, rng, 10):
        cuts = _spans.block_cuts(edited)
        assert cuts[0] == 0 and cuts[-1] == len(edited)
        assert cuts == sorted(set(cuts))
        # the same cuts as a fresh scan (the identity cache holds no stale answer)
        assert cuts == _spans._cut(edited, 0, len(edited))


def test_a_cancelled_lint_stops() -> None:
    doc = Document("Le  chat dort.\n" * 50)
    with pytest.raises(LintCancelled):
        lint_capped(doc, Config(), None, cancelled=lambda: True)
    calls = 0

    def later() -> bool:
        nonlocal calls
        calls += 1
        return calls > 3

    with pytest.raises(LintCancelled):
        lint_capped(doc, Config(), None, cancelled=later)
    assert lint_capped(doc, Config(), None, cancelled=lambda: False).findings == lint(doc)


def test_texts_too_long_to_memoise_are_scanned_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """Above ``MAX_MEMO_TEXT`` the same block scans run unmemoised: same findings,
    and nothing of the text is kept."""
    from textsweep.engine import language
    from textsweep.engine.rules import confusables, whitespace

    rng = random.Random(8)
    text = _document(rng)
    want = _findings(text, "plaintext")
    clear_caches()
    monkeypatch.setattr(_spans, "MAX_MEMO_TEXT", 1000)
    _spans._RECENT.clear()
    assert _findings(text, "plaintext") == want
    assert not language._BLOCKS
    for memo in (confusables._block_mixed, whitespace._doubled_between_words):
        assert memo.cache_info().currsize == 0


# Block scans skipped when the block's character set says there is nothing to find.

_EVERY_CHARACTER = "".join(map(chr, range(0x110000)))


def _class_set(pattern: str) -> set[str]:
    import re

    return set(re.findall(pattern, _EVERY_CHARACTER))


def test_the_sets_hold_what_the_classes_match() -> None:
    from textsweep.engine import chars
    from textsweep.engine.encoding import mojibake

    assert chars.UNSEEN == _class_set(chars._UNSEEN.pattern)
    assert mojibake._UNSEEN_SET == _class_set(mojibake._UNSEEN_CHAR.pattern)
    assert mojibake._SPECIAL_SET == _class_set(mojibake._SPECIAL.pattern)


BLOCKS = [
    "plain words\n\nand more\n",
    "caf\u00e9 \u200bhidden\n",
    "soft\u00adhyphen only\n",
    "tags \U000e0041 here\n",
    "a\x01control\n",
    "legacy \x92 quote and \u201cdouble\u201d\n",
    "don\x92t and it\x92s fine, Stra\x9ee\n",
    "Š and ™ and \u2018\n",
    "",
]


@pytest.mark.parametrize("block", BLOCKS)
def test_block_scans_skipped_by_the_character_set_find_what_the_scans_find(block: str) -> None:
    from textsweep.engine.encoding import mojibake
    from textsweep.engine.structure import layout

    clear_caches()
    assert mojibake._block_unseen_fn(block) == tuple(
        m.start() for m in mojibake._UNSEEN_CHAR.finditer(block)
    )
    assert mojibake._block_votes_fn(block) == mojibake._votes(block)
    # the layout of a block read as clean or not: the same as the regex decides
    assert document.block_holds_any(block, layout.UNSEEN) == (layout.drop_unseen(block) != block)


@pytest.mark.parametrize(
    "block",
    ["one\n\ntwo\n \t\nthree\n", "a\r\n\r\nb\r\rc\n", "x\n&nbsp;\ny\n\u200b\nz", "", "no break"],
)
def test_block_breaks_are_the_paragraph_breaks_and_cut_layout_and_language_alike(
    block: str,
) -> None:
    from textsweep.engine import language
    from textsweep.engine.structure import breaks, layout

    clear_caches()
    want = tuple(m.span() for m in _spans.paragraph_break(block).finditer(block))
    assert breaks.block_breaks(block) == want
    # the language detection's paragraphs are the text between those breaks
    found = [(s, e) for s, e, _ in language._detect_block(block, [], [])]
    cuts = [0, *[x for span in want for x in span], len(block)]
    assert found == [(s, e) for s, e in zip(cuts[::2], cuts[1::2], strict=True) if e > s]
    assert layout._block_layout(block) == layout._block_layout.fn(block)
