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


def test_cache_follows_the_majority_language() -> None:
    """A segment judged in a mostly French document must not serve one that is not:
    english-french-spacing only offers to remove a no-break space before ``:`` in a
    French document, and the majority was not in the key, so the fix of the last
    paragraph was safe or not by which document was linted before (the order
    property found it, in a run of examples)."""
    tail = "\n\n日本語 Le titre\u202f: la suite\n"
    french = (
        "Il faut le lire et le relire, c'est très important pour nous tous, oui vraiment." + tail
    )
    other = (
        "\tx = 1\n Un paragraphe.\n\nUn autre.\n ¡Qué sorpresa! Nadie lo esperaba.\n"
        " dépôt Noël 設定を保存しました。次に「再起動」を押します。" + tail
    )
    # both end with the same segment (the same block, line before and languages)
    assert _spans.block_cuts(french)[-2] == french.index("日")
    assert _spans.block_cuts(other)[-2] == other.index("日")
    config = Config(language="en")
    incremental.clear()
    lint(Document(french, "latex"), config)
    _compare(other, "latex", config)


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


#: Lines for a long paragraph without a blank line (a list, a log): faults of the
#: line and character rules on many of them.
_LINES = [
    "ligne ",
    "ligne",
    "Le  dé\u200bpôt est prêt\u00a0",
    " \tindenté",
    "x\u2003y et z",
    "Caf&eacute; cr&egrave;me",
    "Cafe\u0301 à Zu\u0308rich",
    "fin\u2060de\u00adligne\t",
    "tag\U000e0049\U000e0067\U000e006e fin",
    "\ufeffmilieu",
    "`&amp;` reste",
    "- item  deux",
]


def _long_paragraph(seed: int, lines: int, eol: str = "\n") -> str:
    rng = random.Random(seed)
    return "".join(rng.choice(_LINES) + eol for _ in range(lines))


def _paragraph_edits(text: str, eol: str) -> Iterator[str]:
    """Edits of a long paragraph: in the middle, at the start and the end, a blank
    line inserted (two paragraphs) then removed, lines added and removed, a paste."""
    mid = text.index(eol, len(text) // 2) + len(eol)
    yield text[:mid] + "x" + text[mid:]
    yield "y" + text
    yield text + "z  "
    yield text[:-1]
    split = text[:mid] + eol + text[mid:]
    yield split
    yield text  # the blank line removed again
    yield text[:mid] + "une ligne\u200b " + eol + text[mid:]
    yield text[: mid - 40] + text[mid:]
    yield text[:mid] + text[1000:9000] + text[mid:]
    yield text[:mid] + eol + "  " + eol + text[mid:]  # a blank line of spaces


@pytest.mark.parametrize(("eol", "language_id"), [("\n", "plaintext"), ("\r\n", "markdown")])
def test_long_paragraph_pieces_match_a_full_lint(eol: str, language_id: str) -> None:
    """A paragraph of 80 KB without a blank line: the line and character rules
    read it in pieces, the paragraph rules whole; after each edit the cached
    findings are those of a full lint."""
    text = _long_paragraph(1, 7000, eol)
    assert len(text) > _spans.BLOCK_MAX  # one block, cut into pieces
    config = Config()
    incremental.clear()
    _compare(text, language_id, config)
    for edited in _paragraph_edits(text, eol):
        _compare(edited, language_id, config)


def test_pieces_with_small_pieces_match_a_full_lint(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pieces of a few lines (many cuts, many hits and shifts) in the corpus as one
    text and in long paragraphs, edited."""
    monkeypatch.setattr(incremental, "PIECE", 64)
    monkeypatch.setattr(incremental, "PIECE_MAX", 128)
    real = sorted((Path(__file__).resolve().parents[1] / "realtext" / "files").rglob("*.txt"))
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in FILES + real[::8])
    text += "\n\n" + _long_paragraph(2, 600) + "\n" + _long_paragraph(3, 300, "\r\n")
    text += _long_paragraph(10, 200, "\r") + _long_paragraph(11, 100, "\n\r")
    config = Config()
    incremental.clear()
    _compare(text, "plaintext", config)
    for edited in _edits(text, random.Random(5)):
        _compare(edited, "plaintext", config)
    for edited in _paragraph_edits(_long_paragraph(4, 900), "\n"):
        _compare(edited, "plaintext", config)
    # every piece starts with a BOM, flagged but at the very start of the text: a
    # piece linted without the line before would take it for the text's start
    for eol in ("\n", "\r", "\r\n"):
        for edited in _paragraph_edits(f"\ufeffa b {eol}" * 1200, eol):
            _compare(edited, "plaintext", config)


def test_piece_cuts_move_only_next_to_an_edit() -> None:
    """The pieces of a long paragraph before an edit are the same, and those after
    it the same text, shifted: an edit re-lints one or two pieces."""
    text = _long_paragraph(6, 20000)
    cuts = incremental._piece_starts(text, 0, len(text), crlf=False)
    assert cuts == incremental._piece_starts(text, 0, len(text), crlf=True)
    assert len(cuts) > 20
    assert all(text[c - 1] == "\n" for c in cuts)
    mid = text.index("\n", len(text) // 2) + 1
    for insert in ("x", "\n", "un\ndeux\n"):
        edited = text[:mid] + insert + text[mid:]
        moved = incremental._piece_starts(edited, 0, len(edited), crlf=False)
        before = [c for c in cuts if c <= mid]
        assert moved[: len(before)] == before
        after = [c + len(insert) for c in cuts if c > mid + incremental.PIECE]
        assert set(after) <= set(moved)


def test_character_rules_are_served_by_the_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """The character rules (invisible characters…) come from the cache: after an
    edit they run on the pieces that changed only, and their findings are a full
    lint's, with the hits shifted."""
    from textsweep.engine.rules import invisible

    seen: list[int] = []
    scan = invisible._invisible

    def counting(r: object, doc: Document) -> Iterator[object]:
        seen.append(len(doc.text))
        return scan(r, doc)  # type: ignore[arg-type]

    text = _long_paragraph(7, 12000)
    config = Config()
    incremental.clear()
    _compare(text, "plaintext", config)
    monkeypatch.setattr(invisible, "_invisible", counting)
    mid = text.index("\n", len(text) // 2) + 1
    edited = text[:mid] + "\u200b" + text[mid:]
    got = _findings(Document(edited), config)
    assert seen and max(seen) < 4 * incremental.PIECE  # a sub-document, not the text
    monkeypatch.setattr(invisible, "_invisible", scan)
    _compare(edited, "plaintext", config)
    assert got == _findings(Document(edited), config)
    assert any(f[2] == "invisible-character" and f[0] > mid for f in got)


@pytest.mark.parametrize(("limit", "budget"), [(50, 100), (50, 20_000), (3000, 10)])
def test_capped_lint_counts_cached_findings_as_a_full_lint(limit: int, budget: int) -> None:
    """The cache hands its findings over unread (:class:`incremental.Runs`): a capped
    lint counts them, up to the count budget, as it counts a rule's generator, and
    keeps them for the full lint of the same document that follows (fix-all)."""
    text = _long_paragraph(8, 6000) + "\n" + _long_paragraph(9, 300)
    mid = text.index("\n", len(text) // 2) + 1
    edited = text[:mid] + "x" + text[mid:]
    config = Config()
    incremental.set_enabled(False)
    try:
        want = lint_capped(Document(edited), config, limit, budget)
        want_all = _findings(Document(edited), config)
    finally:
        incremental.set_enabled(True)
    incremental.clear()
    lint(Document(text), config)  # cached: the pieces after the edit hit, shifted
    doc = Document(edited)
    assert lint_capped(doc, config, limit, budget) == want
    assert _findings(doc, config) == want_all


def test_doubled_space_from_the_cache_matches_a_full_lint() -> None:
    """doubled-space is served per segment (the two-space convention names the
    values; a run after ``Ã`` or ``Â`` asks the document's mojibake repairs): edits
    that flip the convention, add and remove mojibake, and move segments."""
    gaps = "Run the build.  It writes HTML.  Open the index.  Done now.\n\n"
    one = "Le  chat dort. Il  rêve.  Puis il part.\n\n"
    moji = "Il est allÃ  la gare. VoilÃ   tout. Â  x et y  z.\n\n"
    table = "a  b  c\n1  2  3\n\n"
    cut = "x" * _spans.BLOCK_SPREAD + "\n\n"  # a block ends after it: many segments
    text = (one * 4 + cut + gaps * 3 + cut + table + moji + cut + one * 6 + cut) * 40
    config = Config()
    incremental.clear()
    _compare(text, "plaintext", config)
    edits = [
        text.replace(gaps, gaps.replace(".  ", ". "), 100),  # the convention flips
        text,  # and back
        text.replace(moji, "", 6),  # mojibake gone from some segments
        text[:5000] + moji + text[5000:],
        text[:20000] + "x" + text[20000:],
        "  " + text + "Fin.  Ici  là",
    ]
    for edited in edits:
        _compare(edited, "plaintext", config)
        _compare(edited, "markdown", config)
