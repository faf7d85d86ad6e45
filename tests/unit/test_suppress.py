"""Inline suppression directives."""

from __future__ import annotations

from textsweep.engine import Document, fix_all, lint


def rules_by_line(text: str, language_id: str = "plaintext") -> list[tuple[int, str]]:
    doc = Document(text, language_id)
    return [(doc.line_of(f.start), f.rule) for f in lint(doc)]


def test_disable_next_line_for_one_rule() -> None:
    text = (
        "<!-- textsweep: disable-next-line doubled-space -->\n"
        "Deux  espaces et un dé\u200bpôt.\n"
        "Encore  deux.\n"
    )
    assert rules_by_line(text, "markdown") == [(1, "invisible-character"), (2, "doubled-space")]


def test_disable_line_and_all_rules() -> None:
    text = "a  b\u200bc  # textsweep: disable-line\nx  y\n"
    assert rules_by_line(text) == [(1, "doubled-space")]


def test_disable_enable_block() -> None:
    text = (
        "% textsweep: disable doubled-space, trailing-whitespace\n"
        "Un  tableau   aligné   \n"
        "% textsweep: enable\n"
        "Fin  ici.\n"
    )
    assert rules_by_line(text, "latex") == [(3, "doubled-space")]


def test_disable_without_enable_runs_to_the_end() -> None:
    text = "ok\n# textsweep: disable\na  b\nc  d\n"
    assert rules_by_line(text) == []


def test_fix_all_respects_suppression() -> None:
    text = "// textsweep: disable-next-line\na  b\nc  d\n"
    assert fix_all(Document(text)).text == "// textsweep: disable-next-line\na  b\nc d\n"


def test_the_word_alone_is_not_a_directive() -> None:
    assert rules_by_line("textsweep disables nothing  here\n") == [(0, "doubled-space")]
