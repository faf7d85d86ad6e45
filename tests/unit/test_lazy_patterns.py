"""Patterns compiled at their first use, and the cheap pre-tests that skip them.

A pre-test ``max(text) < FIRST`` stands for "the pattern finds nothing": these
tests prove that no character below ``FIRST`` is in the class, and that the first
character is (so the bound is not looser than needed), and that the pre-tested
paths answer as the plain regular expressions do.
"""

from __future__ import annotations

import re

import pytest

from textsweep.engine import language
from textsweep.engine.rules import chinese, japanese
from textsweep.engine.structure import layout, plain


@pytest.mark.parametrize(
    ("first", "classes"),
    [
        (layout._FIRST_WIDE, [layout.WIDE_CLASS]),
        (
            language.FIRST_EAST_ASIAN,
            [language.HAN_CLASS, language.KANA_CLASS, language.HANGUL_CLASS],
        ),
    ],
)
def test_nothing_below_the_bound_is_in_the_classes(first: str, classes: list[str]) -> None:
    below = "".join(map(chr, range(ord(first))))
    for cls in classes:
        assert re.search(cls, below) is None, cls
    assert any(re.fullmatch(cls, first) for cls in classes)


def _columns_by_regex(line: str, offsets: list[int]) -> set[int]:
    wide = [m.start() for m in re.finditer(layout.WIDE_CLASS, line[: offsets[-1]])]
    return {o + sum(1 for w in wide if w < o) for o in offsets}


@pytest.mark.parametrize(
    "line",
    [
        "a  b   c",
        "",
        "\u10ff\u10ff  x",
        "\u1100  x  y",
        "名前  値  x",
        "ab  名前  値",
        "x\U00020000  y  z",
        "Привет  мир  x",
        "\uffe6  \uffe7  x",
    ],
)
def test_display_columns_equal_the_regex_way(line: str) -> None:
    for k in range(len(line) + 1):
        offsets = list(range(k + 1))
        assert layout._display_columns(line, offsets) == _columns_by_regex(line, offsets)


@pytest.mark.parametrize(
    "text",
    ["Привет мир", "Γειά σου κόσμε", "中文English", "日本語のテキスト", "한국어 텍스트", "ᄀ ok"],
)
def test_script_counts_equal_the_regex_way(text: str) -> None:
    han = len(re.findall(language.HAN_CLASS, text))
    kana = len(re.findall(language.KANA_CLASS, text))
    hangul = len(re.findall(language.HANGUL_CLASS, text))
    fast = language._script(text, len(text))
    language._east_asian.cache_clear()
    patterns = language._east_asian()
    assert [len(p.findall(text)) for p in patterns] == [han, kana, hangul]
    assert fast == language._script(text, len(text))


_SIGN_SAMPLES = [",", "日,", "中文,English.", "a,中,", ",,日.,", "日本語.x,y", "中!?;:", "", "x."]


def test_lazy_patterns_are_the_old_ones() -> None:
    # the signs' patterns now lead with the sign (the look-behind after it): they
    # match where the look-behind-first patterns did, from any starting position
    old_signs = [
        (chinese._sign(), re.compile(rf"(?<=[{chinese.HAN}])[,;:!?.]")),
        (japanese._sign(), re.compile(rf"(?<=[{japanese._JA}])[,.]")),
    ]
    for new, old in old_signs:
        for text in _SIGN_SAMPLES:
            for pos in range(len(text) + 1):
                assert [m.span() for m in new.finditer(text, pos)] == [
                    m.span() for m in old.finditer(text, pos)
                ]
    assert chinese._cjk_after().match("，")
    assert japanese._sign().search("日本,")
    assert plain.record_re().match("Name: value")


def test_precomputed_images_equal_the_decoded_ones() -> None:
    from textsweep.engine.encoding import mojibake

    assert mojibake._images() == mojibake._computed_images()


def test_precomputed_byte_images_equal_the_decoded_ones() -> None:
    assert plain._IMAGES == plain._byte_images()


def test_straight_phrase_matches_as_the_look_behind_first_pattern() -> None:
    """german-quotes-mixed's phrase pattern leads with the quote: same matches."""
    from textsweep.engine.rules import german

    old = re.compile(r'(?<![^\s(\[])"([^\W\d_]+(?: [^\W\d_]+)+)"(?![^\W\d_])')
    samples = ['"ab cd"', 'x"ab cd"', '("ab cd")', '["ab cd"] "e f"', '""ab cd"', 'é"ab cd"']
    for text in [*samples, "\n".join(samples), 'Er sagte "so genannt" und "ls -l".']:
        for pos in range(len(text) + 1):
            new = german._STRAIGHT_PHRASE.finditer(text, pos)
            assert [(m.span(), m.groups()) for m in new] == [
                (m.span(), m.groups()) for m in old.finditer(text, pos)
            ]
