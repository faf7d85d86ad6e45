"""Invisible, bidi and control characters on real-looking text."""

from __future__ import annotations

from .helpers import findings, fixed


def test_zero_width_space_in_french_word() -> None:
    text = "Le cons\u200beil municipal se réunira jeudi.\n"
    [f] = findings("invisible-character", text)
    assert (f.start, f.end) == (7, 8)
    assert f.message == "U+200B ZERO WIDTH SPACE inside a word: remove it"
    assert fixed("invisible-character", text) == "Le conseil municipal se réunira jeudi.\n"


def test_bom_at_start_is_left_to_encoding_rules_but_flagged_elsewhere() -> None:
    assert findings("invisible-character", "\ufeffBonjour\n") == []
    assert findings("invisible-character", "Bonjour\ufeff\n")


def test_legitimate_joiners_are_left_alone() -> None:
    for text in (
        "Notre famille 👩\u200d👩\u200d👦 en vacances 🏳\ufe0f\u200d🌈.\n",
        "نمی\u200cخواهم بروم\n",
        "हिन्दी क्\u200dष\n",
        "ພາສາ\u200bລາວ\n",
    ):
        assert findings("invisible-character", text) == [], text


def test_joiners_in_latin_text_are_flagged() -> None:
    assert len(findings("invisible-character", "Auf\u200clage und in\u200dfo\n")) == 2


def test_bidi_controls_in_code_and_english() -> None:
    code = 'if access_level != "user\u202e \u2066// Check if admin\u2069 \u2066":\n'
    assert len(findings("bidi-control", code, "python")) == 4
    assert fixed("bidi-control", "Total\u200f: 12\n") == "Total: 12\n"


def test_bidi_in_hebrew_prose_only_unbalanced() -> None:
    assert findings("bidi-control", "שלום \u2067abc\u2069 עולם\n") == []
    [f] = findings("bidi-control", "שלום \u202eabc עולם\n")
    assert f.start == 5
    assert not f.fixes[0].safe


def test_control_characters() -> None:
    text = "Rapport\x00 final\x1b[1m gras\x1b[0m\x7f\n"
    found = findings("control-character", text)
    assert len(found) == 4
    assert "Terminal escape sequence ESC[1m" in found[1].message
    # The quick fix offers removing the whole colour code (not safe for fix-all).
    assert [(x.replacement, x.safe) for x in found[1].fixes] == [("", True), ("", False)]
    assert found[1].fixes[1].end - found[1].fixes[1].start == 4


def test_form_feed_at_line_start_is_fine() -> None:
    assert findings("control-character", "page 1\n\fpage 2\n") == []
    assert findings("control-character", "page 1\fpage 2\n")
