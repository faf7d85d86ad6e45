"""The scans that find candidates first (a literal or a short class) and then try
the rule's own regex only there must find exactly what that regex finds alone."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from textsweep.engine import Config, Document
from textsweep.engine.markup import markup_of
from textsweep.engine.prose import _GLUED_STOP, _glued_stops, _space_before_matches
from textsweep.engine.registry import get_rule
from textsweep.engine.rules import english, german, italian, spanish
from textsweep.engine.rules.whitespace import _TRAILING_SET

SPACE_PIECES = ["a", "bc", " ", "  ", "\t", "\u00a0", "\u202f", "\u2009", "\u200b", "\u202a",
                "\u2066", "\x01", "\n", ",", ".", ";", ":", "!", "?", "«", "»", '"', "(", "-",
                "1", "é"]  # fmt: skip
WORD_PIECES = ["ab", "c", "Xy", "É", "é", "²", "½", "ß", ".", ".", ".", "_", "1", "/", "@",
               "-", "(", ":", "\n", "~", "\\", " "]  # fmt: skip


def _bounds(text: str, data: st.DataObject) -> tuple[int, int]:
    start = data.draw(st.integers(0, len(text)))
    return start, data.draw(st.integers(start, len(text)))


@given(st.lists(st.sampled_from(SPACE_PIECES), max_size=30).map("".join), st.data())
def test_space_before_from_signs_equals_the_regex(text: str, data: st.DataObject) -> None:
    start, end = _bounds(text, data)
    for mod in (english, german, italian, spanish):
        pattern: re.Pattern[str] = mod._space_before_re()
        want = [(m.span(), m.span(1)) for m in pattern.finditer(text, start, end)]
        got = [(m.span(), m.span(1)) for m in _space_before_matches(pattern, text, start, end)]
        assert got == want


@given(st.lists(st.sampled_from(WORD_PIECES), max_size=30).map("".join), st.data())
def test_glued_stops_from_dots_equal_the_regex(text: str, data: st.DataObject) -> None:
    start, end = _bounds(text, data)
    want = [(m.span(1), m.span(2)) for m in _GLUED_STOP.finditer(text, start, end)]
    assert [(m.span(1), m.span(2)) for m in _glued_stops(text, start, end)] == want


@given(
    st.lists(
        st.sampled_from(["a", " ", "  ", "\t", "\u00a0", "\u3000", "\u2005", "\r", "\n", "\r\n"]),
        max_size=20,
    ).map("".join),
    st.sampled_from(["plaintext", "markdown"]),
)
def test_trailing_whitespace_equals_a_look_at_every_line_end(text: str, language: str) -> None:
    # the rule as first written: the character before each line's end, in turn
    doc = Document(text, language)
    rule = get_rule("trailing-whitespace")
    hard_break = markup_of(doc).hard_break
    want = []
    for _, end in doc.lines():
        if end == 0 or text[end - 1] not in _TRAILING_SET:
            continue
        start = end - 1
        while start > 0 and text[start - 1] in _TRAILING_SET:
            start -= 1
        if hard_break is None or not hard_break(text, start, end):
            want.append((start, end))
    assert [(f.start, f.end) for f in rule.check(rule, doc, Config())] == want


END_PIECES = ["a", " ", "  ", "\t", "\u00a0", "\u3000", "\u2005", "\u200b", "\r", "\n",
              "\r\n", "\u2028", "é"]  # fmt: skip


@given(st.lists(st.sampled_from(END_PIECES), max_size=20).map("".join))
def test_trailing_ends_are_the_ends_of_the_class_led_regex(text: str) -> None:
    from textsweep.engine.rules import whitespace

    # the regex the rule used: a blank before a line break or the end of the text
    led_by_blanks = re.compile(f"[{whitespace._TRAILING_CLASS}](?=[\r\n]|\\Z)")
    want = [m.end() for m in led_by_blanks.finditer(text)]
    assert list(whitespace._trailing_ends(text)) == want


RUN_PIECES = ["a", " ", "  ", "   ", "\t", "\r", "\n", "\u00a0", "\u3000", "\u200b", "é", "|"]


@given(st.lists(st.sampled_from(RUN_PIECES), max_size=25).map("".join))
def test_a_run_after_a_visible_character_is_found_from_the_run(text: str) -> None:
    from textsweep.engine.structure import layout

    led_by_the_character = re.compile(r"[^ \t\r\n\u00a0]  ")
    want = led_by_the_character.search(text) is not None
    assert (layout._AFTER_VISIBLE_RUN.search(text) is not None) == want


def test_ascii_words_are_the_words_of_ascii() -> None:
    from textsweep.engine.structure import plain

    one = re.compile(plain._WORD.pattern.replace("{2,}", ""))
    for c in map(chr, range(128)):
        assert (one.fullmatch(c) is not None) == ("a" <= c.lower() <= "z")


CODE_PIECES = ["ab", "x", "Qz", "_", "1", "é", "Ã©", "’", " ", "=", "(", ")", ";", "{", "}",
               "<", ">", "|", "&", "$", "::", "'", "-", "[", "]"]  # fmt: skip


@given(st.lists(st.sampled_from(CODE_PIECES), max_size=30).map("".join))
def test_looks_like_code_counts_ascii_words_as_the_unicode_regex(text: str) -> None:
    from textsweep.engine.structure import plain

    if text.isascii():
        assert plain._WORD_ASCII.findall(text) == plain._WORD.findall(text)
    stripped = text.strip()
    symbols = plain._code_symbols(stripped)
    if plain._CODE_START.match(text) or symbols < 4 or "&" in text:
        return
    if stripped.endswith(";") and ("(" in stripped or "::" in stripped):
        return
    want = symbols * 2 >= len(plain._WORD.findall(stripped))
    assert plain.looks_like_code(text) == want


GLUED_PIECES = ["a", "Bé", "1", "_", " ", ",", ";", ":", "!", "?", "»", "»»", ",,", "!»", "«",
                ".", "\n", "ß"]  # fmt: skip


@given(st.lists(st.sampled_from(GLUED_PIECES), max_size=30).map("".join), st.data())
def test_glued_signs_led_by_one_class_equal_the_alternation(text: str, data: st.DataObject) -> None:
    from textsweep.engine import prose

    start, end = _bounds(text, data)
    alternation = re.compile(r"([,;:!?]+»?|»)(?=[^\W\d_])")
    want = [(m.span(), m.span(1)) for m in alternation.finditer(text, start, end)]
    got = [(m.span(), m.span(1)) for m in prose._GLUED_AFTER.finditer(text, start, end)]
    assert got == want


@given(st.lists(st.sampled_from(SPACE_PIECES), max_size=30).map("".join), st.data())
@example("mot\t, mot \u200b; fin ,", None)
def test_signs_after_a_space_are_found_from_the_signs(
    text: str, data: st.DataObject | None
) -> None:
    from textsweep.engine import prose

    start, end = _bounds(text, data) if data is not None else (0, len(text))
    led_by_spaces = re.compile(
        f"[ \\t\u00a0\u202f\u2009\u2007{prose._INVISIBLE_CLASS}{prose.BIDI_CLASS}"
        f"{prose.TAG_CLASS}][,.;:!?]"
    )
    want = [m.start() for m in led_by_spaces.finditer(text, start, end)]
    # the space before each sign, kept where it lies inside the bounds
    got = [m.start() - 1 for m in prose._SIGN_AFTER_SPACE.finditer(text, start, end)]
    assert [p for p in got if p >= start] == want


def test_code_lines_read_through_invisible_characters_only_where_a_block_holds_some() -> None:
    from textsweep.engine.caches import clear_caches
    from textsweep.engine.structure import plain

    clear_caches()
    # ``$\u200b make`` is the prompt ``$ make`` once the ZWSP is gone
    assert plain.looks_like_code("$\u200b make all")
    assert not plain.looks_like_code("$\u200b make all", clean=True)
    block = "Run this:\n$\u200b make all\n"
    line = block.index("$")
    assert (line, len(block) - 1) in plain._block_spans.fn(block)
    for text in (
        "$ make all",
        "x = f(a);",
        "Une phrase, avec {des} [signes] = <ici>.",
        "a | b | c",
    ):
        assert plain.looks_like_code(text, clean=True) == plain.looks_like_code(text)


def test_line_start_reads_lf_crlf_and_lone_cr() -> None:
    from textsweep.engine.chars import line_start

    for text in ("a\nb\rc\r\nd", "\r\r\n\nx", "plain", "\n", "a\rb\nc"):
        for i in range(len(text) + 1):
            want = max(text.rfind("\n", 0, i), text.rfind("\r", 0, i)) + 1
            assert line_start(text, i) == want, (text, i)
