"""Property: after any run of edits, the incremental lint (the findings cache, the
block memos, the scans made from the previous text's) gives exactly what a full
lint of the same text gives. ``test_incremental.py`` walks fixed edits over the
corpus; here hypothesis picks the text, the edits and the file type, and shrinks a
failure to a short run of edits."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from .test_fix_properties import BLOCKS, SNIPPETS, WORDS, _config, common, language
from .test_incremental import _compare

_REAL = sorted((Path(__file__).resolve().parents[1] / "realtext" / "files").rglob("*.txt"))
#: Real text cut into paragraphs: a slice of them spans several blocks (cache segments).
_PARAGRAPHS = [p for f in _REAL for p in f.read_text(encoding="utf-8").split("\n\n") if p.strip()]

piece = st.sampled_from(BLOCKS) | st.sampled_from(SNIPPETS) | st.sampled_from(WORDS)
#: (where, as a share of the text; what; its argument)
edit = st.tuples(
    st.floats(0, 1),
    st.sampled_from(["insert", "delete", "copy", "split", "join"]),
    piece,
    st.integers(1, 400),
)


def _apply(text: str, where: float, kind: str, what: str, size: int) -> str:
    pos = int(where * len(text))
    if kind == "insert":
        return text[:pos] + what + text[pos:]
    if kind == "delete":
        return text[:pos] + text[pos + size :]
    if kind == "copy":  # a stretch of the text again elsewhere (a paste)
        src = int(where * size) % (len(text) + 1)
        return text[:pos] + text[src : src + size] + text[pos:]
    if kind == "split":  # a new paragraph break
        return text[:pos] + "\n\n" + text[pos:]
    nl = text.find("\n", pos)  # join: the next line break goes
    return text if nl < 0 else text[:nl] + " " + text[nl + 1 :]


@common
@given(
    st.integers(0, max(len(_PARAGRAPHS) - 1, 0)),
    st.integers(20, 90),
    st.lists(edit, min_size=1, max_size=5),
    st.sampled_from(["plaintext", "plaintext", "markdown", "latex", "html"]),
    language,
)
def test_the_incremental_lint_after_edits_is_a_full_lint(
    first: int, count: int, edits: list[tuple[float, str, str, int]], lang_id: str, lang: str
) -> None:
    text = "\n\n".join(_PARAGRAPHS[first : first + count]) + "\n"
    config = _config(lang)
    _compare(text, lang_id, config)
    for where, kind, what, size in edits:
        text = _apply(text, where, kind, what, size)
        _compare(text, lang_id, config)


def test_the_real_paragraphs_are_there() -> None:
    """The property needs many paragraphs to cross block boundaries."""
    assert len(_PARAGRAPHS) > 500
