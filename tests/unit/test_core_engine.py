"""Engine contract: fixes, documents, positions, settings."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from textsweep.engine import (
    Config,
    Document,
    Finding,
    Fix,
    Severity,
    apply_fixes,
    fix_all,
    lint,
    parse_settings,
)
from textsweep.lsp.positions import offsets_to_positions, position_to_offset, units


def test_apply_fixes_one_pass_skips_overlaps() -> None:
    text = "abcdef"
    result = apply_fixes(text, [Fix(1, 3, "X"), Fix(2, 4, "Y"), Fix(5, 6, "Z")])
    assert result.text == "aXdeZ"
    assert result.skipped == (Fix(2, 4, "Y"),)
    assert len(result.applied) == 2


def test_apply_fixes_two_insertions_at_one_point() -> None:
    result = apply_fixes("ab", [Fix(1, 1, "X"), Fix(1, 1, "Y")])
    assert result.text in ("aXb", "aYb")
    assert len(result.skipped) == 1


def test_apply_fixes_rejects_out_of_range() -> None:
    result = apply_fixes("ab", [Fix(1, 9, "X")])
    assert result.text == "ab" and len(result.skipped) == 1


_fix = st.builds(
    lambda a, b, r, who: (Fix(min(a, b), max(a, b), r), who),
    st.integers(-1, 22),
    st.integers(0, 22),
    st.sampled_from(["", " ", "X", "\u00a0YZ"]),
    st.sampled_from(["rule-a", "rule-b"]),
)


@given(st.text("ab \n", max_size=20), st.lists(_fix, max_size=8), st.booleans())
def test_apply_fixes_fast_path_agrees_with_the_walk(
    text: str, pairs: list[tuple[Fix, str]], owned: bool
) -> None:
    from textsweep.engine.fixes import _apart, _in_order

    owners = dict(reversed(pairs))
    ordered = sorted(owners, key=lambda f: (f.start, f.end, f.replacement))
    walk = _in_order(text, ordered, owners.__getitem__ if owned else None)
    fast = _apart(text, ordered)
    if fast is not None:  # only for fixes that neither touch nor leave the text
        assert fast == walk
        assert not walk.skipped
    assert apply_fixes(text, owners, owners.__getitem__ if owned else None) == walk


def test_apply_fixes_fast_path_is_taken_for_fixes_apart() -> None:
    from textsweep.engine.fixes import _apart

    text = "ligne \n" * 4
    fixes = [Fix(i * 7 + 5, i * 7 + 6, "") for i in range(4)]
    result = _apart(text, fixes)
    assert result is not None and result.text == "ligne\n" * 4
    assert result.applied == tuple(fixes)
    # touching (an insertion where the last fix ends) or out of the text: the walk
    assert _apart(text, [Fix(5, 6, ""), Fix(6, 6, "X")]) is None
    assert _apart(text, [Fix(5, 6, ""), Fix(27, 29, "")]) is None
    assert _apart(text, [Fix(-1, 0, "")]) is None


def test_findings_sort_by_position_and_are_immutable() -> None:
    a = Finding(5, 6, "b-rule", "m")
    b = Finding(1, 2, "z-rule", "m")
    c = Finding(5, 6, "a-rule", "m")
    assert sorted([a, b, c]) == [b, c, a]
    try:
        a.start = 3  # type: ignore[misc]
    except AttributeError:
        pass
    else:
        raise AssertionError("findings must be frozen")


def test_line_index_breaks_only_at_lsp_breaks() -> None:
    text = "a\u2028b\x85c\fd\ve\r\nf\rg\nh"
    doc = Document(text)
    assert doc.line_count == 4
    assert [text[s:e] for s, e in doc.lines()] == ["a\u2028b\x85c\fd\ve", "f", "g", "h"]
    assert doc.line_of(text.index("f")) == 1


def test_fix_all_reaches_a_fixed_point() -> None:
    # Removing the ZWSP makes a doubled space, which the second pass fixes.
    doc = Document("Bonjour \u200b tout le monde.\n")
    result = fix_all(doc)
    assert result.text == "Bonjour tout le monde.\n"
    assert result.passes >= 2
    assert fix_all(Document(result.text)).text == result.text


def test_unsafe_fixes_are_not_applied_by_fix_all() -> None:
    text = " \tIndentation mixte.\n"
    assert fix_all(Document(text)).text == text


def test_settings_parse_and_warn() -> None:
    config, warnings = parse_settings(
        {
            "rules": {
                "doubled-space": "error",
                "blank-lines": False,
                "nope": True,
                "odd-space": "loud",
            },
            "maxFindings": 0,
            "blankLines": {"prose": 2, "code": -1, "other": 1},
            "colour": "blue",
        }
    )
    assert config.rules == {"doubled-space": Severity.ERROR, "blank-lines": False}
    assert config.blank_lines_prose == 2 and config.blank_lines_code == 2
    assert config.max_findings == 1000
    joined = " | ".join(warnings)
    for word in ("nope", "loud", "maxFindings", "blankLines.code", "blankLines.other", "colour"):
        assert word in joined


def test_settings_garbage_falls_back_to_defaults() -> None:
    for raw in (None, 42, "x", [1, 2]):
        config, _ = parse_settings(raw)
        assert config == Config()


def test_a_crashing_rule_does_not_hide_the_others(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from textsweep.engine import registry

    def boom(*_: object) -> list[Finding]:
        raise RuntimeError("bug")

    broken = registry.Rule("zz-broken", "test", Severity.ERROR, "always fails", boom)
    monkeypatch.setitem(registry._RULES, "zz-broken", broken)
    found = lint(Document("a  b\n"))
    assert [f.rule for f in found] == ["doubled-space"]


# ------------------------------------------------------------------ positions

TEXT = st.text(
    alphabet=st.sampled_from([*list("ab \r\n\t"), "é", "😀", "𝒟", "\u2028", "\x85", "中"]),
    max_size=60,
)


@given(TEXT, st.sampled_from(["utf-8", "utf-16", "utf-32"]))
def test_positions_round_trip(text: str, encoding: str) -> None:
    doc = Document(text)
    offsets = list(range(len(text) + 1))
    pos = offsets_to_positions(doc, offsets, encoding)
    for off in offsets:
        line, col = pos[off]
        # Independent reference: the column is the encoded length of the line prefix.
        start = doc.line_starts[line]
        prefix = text[start:off]
        ref = {
            "utf-8": len(prefix.encode()),
            "utf-16": len(prefix.encode("utf-16-le")) // 2,
            "utf-32": len(prefix),
        }[encoding]
        if off <= doc.line_span(line)[1]:
            assert col == ref
            assert position_to_offset(doc, line, col, encoding) == off


def test_position_inside_a_surrogate_pair_snaps_to_the_character() -> None:
    doc = Document("😀x")
    assert position_to_offset(doc, 0, 1, "utf-16") == 0
    assert position_to_offset(doc, 0, 2, "utf-16") == 1
    assert units("😀", "utf-8") == 4


def test_positions_on_one_huge_line_are_linear() -> None:
    # 200k findings on one line: must finish quickly (a per-offset rescan would not).
    text = "a  " * 200_000
    doc = Document(text)
    offsets = list(range(1, len(text), 3))
    pos = offsets_to_positions(doc, offsets, "utf-16")
    assert pos[offsets[-1]] == (0, offsets[-1])


def test_lint_capped_counts_past_the_cap() -> None:
    from textsweep.engine.linter import lint_capped

    text = "a  b " * 50 + "x\u200by\n"
    full = lint(Document(text))
    capped = lint_capped(Document(text), None, 10)
    assert capped.findings == full[:10]
    assert (capped.total, capped.exact) == (len(full), True)
    bounded = lint_capped(Document(text), None, 10, count_budget=5)
    assert bounded.exact is False and bounded.total < len(full)


def test_empty_array_settings_mean_empty_object() -> None:
    # Neovim encodes `settings = { textsweep = {} }` as an empty JSON array.
    assert parse_settings([]) == (Config(), [])
    assert parse_settings({"rules": []}) == (Config(), [])


def test_utf16_columns_of_a_long_text_count_astral_characters() -> None:
    """Columns counted from the astral characters' offsets (found block by block in a
    long text, memoised) agree with the UTF-16 encoding of each line prefix, also
    for a text edited from the first (its unchanged blocks come from the memo)."""
    para = "Un 😀 emoji\ud800 ici, 𝄞 là.\nsecond line 🎵🎵 x\n\n"
    text = para * 3000  # over the size below which a text is read at once
    for t in (text, text[:70_000] + "🎉y" + text[70_000:]):
        doc = Document(t)
        offsets = [*range(0, len(t) + 1, 7), len(t) + 5, -3]
        pos = offsets_to_positions(doc, offsets, "utf-16")
        for off in offsets:
            o = min(max(off, 0), len(t))
            line, col = pos[o]
            start = doc.line_starts[line]
            assert col == len(t[start:o].encode("utf-16-le", "surrogatepass")) // 2
