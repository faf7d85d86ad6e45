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


# ---------------------------------------------------------------------- placement

from textsweep.engine import Finding  # noqa: E402
from textsweep.engine.suppress import file_directive, line_directive  # noqa: E402


def _apply(text: str, fix: object) -> str:
    assert fix is not None
    start, end, new = fix.start, fix.end, fix.replacement  # type: ignore[attr-defined]
    return text[:start] + new + text[end:]


def _first(text: str, language_id: str, rule: str) -> tuple[Document, Finding]:
    doc = Document(text, language_id)
    return doc, next(f for f in lint(doc) if f.rule == rule)


def _gone(text: str, language_id: str, rule: str) -> bool:
    return all(f.rule != rule for f in lint(Document(text, language_id)))


def test_markdown_line_directive_is_a_trailing_comment() -> None:
    text = "# Titre\n\nDeux  espaces ici,\net une autre ligne.\n"
    doc, f = _first(text, "markdown", "doubled-space")
    new = _apply(text, line_directive(doc, f))
    assert new == (
        "# Titre\n\nDeux  espaces ici, <!-- textsweep: disable-line doubled-space -->\n"
        "et une autre ligne.\n"
    )
    assert _gone(new, "markdown", "doubled-space")


def test_markdown_trailing_blanks_go_above_a_paragraphs_first_line() -> None:
    # a trailing comment would turn trailing spaces into inner ones
    text = "Intro.\n\nFin de ligne   \nsuite du paragraphe.\n"
    doc, f = _first(text, "markdown", "trailing-whitespace")
    new = _apply(text, line_directive(doc, f))
    assert new == (
        "Intro.\n\n<!-- textsweep: disable-next-line trailing-whitespace -->\n"
        "Fin de ligne   \nsuite du paragraphe.\n"
    )
    assert _gone(new, "markdown", "trailing-whitespace")


def test_markdown_inside_a_paragraph_the_directive_ends_the_line_above() -> None:
    # a comment line there would split the paragraph in two
    text = "Premier vers,\nFin de ligne   \nsuite.\n"
    doc, f = _first(text, "markdown", "trailing-whitespace")
    new = _apply(text, line_directive(doc, f))
    assert new == (
        "Premier vers, <!-- textsweep: disable-next-line trailing-whitespace -->\n"
        "Fin de ligne   \nsuite.\n"
    )
    assert _gone(new, "markdown", "trailing-whitespace")


def test_markdown_code_block_gets_no_line_directive() -> None:
    text = "Texte.\n\n```\na  b\n```\n"
    doc = Document(text, "markdown")
    f = Finding(text.index("a  b") + 1, text.index("a  b") + 3, "doubled-space", "x")
    assert line_directive(doc, f) is None
    assert file_directive(doc, "doubled-space") is not None


def test_markdown_file_directive_goes_after_front_matter() -> None:
    text = "---\ntitle: Note\n---\nDeux  espaces.\n"
    doc = Document(text, "markdown")
    new = _apply(text, file_directive(doc, "doubled-space"))
    assert new == (
        "---\ntitle: Note\n---\n<!-- textsweep: disable doubled-space -->\n\nDeux  espaces.\n"
    )
    assert _gone(new, "markdown", "doubled-space")


def test_latex_trailing_comment_keeps_the_space_before_percent() -> None:
    text = "Un  mot\nsuivi.\n"
    doc, f = _first(text, "latex", "doubled-space")
    new = _apply(text, line_directive(doc, f))
    # "mot %…" keeps the inter-word space that "mot%…" would eat
    assert new == "Un  mot % textsweep: disable-line doubled-space\nsuivi.\n"
    assert _gone(new, "latex", "doubled-space")


def test_latex_verbatim_gets_no_line_directive_and_file_goes_after_magic() -> None:
    text = "% !TeX program = lualatex\n\\begin{verbatim}\na  b\n\\end{verbatim}\n"
    doc = Document(text, "latex")
    at = text.index("a  b")
    assert line_directive(doc, Finding(at + 1, at + 3, "doubled-space", "x")) is None
    new = _apply(text, file_directive(doc, "doubled-space"))
    assert new.startswith("% !TeX program = lualatex\n% textsweep: disable doubled-space\n")


def test_python_comment_and_string_lines() -> None:
    text = 'x = 1  # un  commentaire\ns = """Deux  espaces\ndans  la docstring\nici  enfin."""\n'
    doc = Document(text, "python")
    found = [f for f in lint(doc) if f.rule == "doubled-space"]
    assert len(found) == 4
    new = _apply(text, line_directive(doc, found[0]))
    assert new.startswith("x = 1  # un  commentaire  # textsweep: disable-line doubled-space\n")
    # the first docstring line ends inside the string: the directive goes above
    new = _apply(text, line_directive(doc, found[1]))
    assert new.startswith(
        "x = 1  # un  commentaire\n# textsweep: disable-next-line doubled-space\n"
    )
    assert len([f for f in lint(Document(new, "python")) if f.rule == "doubled-space"]) == 3
    # inside the string on both sides: no line directive at all
    assert line_directive(doc, found[2]) is None
    # after the closing quotes: a trailing comment
    new = _apply(text, line_directive(doc, found[3]))
    assert new.endswith('ici  enfin."""  # textsweep: disable-line doubled-space\n')
    assert len([f for f in lint(Document(new, "python")) if f.rule == "doubled-space"]) == 3


def test_python_file_directive_after_shebang_and_coding_line() -> None:
    text = "#!/usr/bin/env python\n# -*- coding: utf-8 -*-\n# un  mot\n"
    doc = Document(text, "python")
    new = _apply(text, file_directive(doc, "doubled-space"))
    assert new == (
        "#!/usr/bin/env python\n# -*- coding: utf-8 -*-\n"
        "# textsweep: disable doubled-space\n# un  mot\n"
    )
    assert _gone(new, "python", "doubled-space")


def test_html_file_directive_after_xml_declaration_and_doctype() -> None:
    text = '<?xml version="1.0"?>\n<!DOCTYPE html>\n<p>Deux  espaces.</p>\n'
    new = _apply(text, file_directive(Document(text, "html"), "doubled-space"))
    assert new == (
        '<?xml version="1.0"?>\n<!DOCTYPE html>\n'
        "<!-- textsweep: disable doubled-space -->\n<p>Deux  espaces.</p>\n"
    )


def test_plain_text_and_json_have_no_comment_syntax() -> None:
    for text, language_id in (("Deux  espaces.\n", "plaintext"), ('{"a":  1}\n', "json")):
        doc = Document(text, language_id)
        f = Finding(0, 1, "doubled-space", "x")
        assert line_directive(doc, f) is None
        assert file_directive(doc, "doubled-space") is None


def test_crlf_documents_get_crlf_directives_and_rst_a_blank_line() -> None:
    text = "Titre\r\n=====\r\n\r\nDeux  espaces.\r\n"
    doc = Document(text, "restructuredtext")
    new = _apply(text, file_directive(doc, "doubled-space"))
    assert new.startswith(".. textsweep: disable doubled-space\r\n\r\nTitre\r\n")
    doc, f = _first(text, "restructuredtext", "doubled-space")
    # reST: comments stand alone; above the paragraph's first line (after a blank)
    new = _apply(text, line_directive(doc, f))
    assert new.endswith(
        "\r\n\r\n.. textsweep: disable-next-line doubled-space\r\nDeux  espaces.\r\n"
    )


def test_blank_line_findings_get_no_line_directive() -> None:
    text = "Un.\n\n\n\nDeux.\n"
    doc, f = _first(text, "markdown", "blank-lines")
    assert text[f.start : f.end].strip() == "" and line_directive(doc, f) is None


# ---------------------------------------------------------------------- unused-directive


def unused(text: str, language_id: str = "plaintext") -> list[Finding]:
    return [f for f in lint(Document(text, language_id)) if f.rule == "unused-directive"]


def test_used_directives_are_not_reported() -> None:
    assert unused("a  b  # textsweep: disable-line doubled-space\n") == []
    assert unused("<!-- textsweep: disable-next-line -->\nDeux  espaces.\n", "markdown") == []
    text = "% textsweep: disable doubled-space\nUn  deux\n% textsweep: enable\n"
    assert unused(text, "latex") == []


def test_unused_and_unknown_directives_are_reported() -> None:
    text = "Propre. # textsweep: disable-line doubled-space\n"
    [f] = unused(text)
    assert "unused" in f.message
    # offered, never applied unread: fix-on-save would eat a directive written first
    assert f.safe_fix is None and fix_all(Document(text)).text == text
    [fix] = f.fixes
    assert text[: fix.start] + text[fix.end :] == "Propre.\n"
    [f] = unused("a  b  # textsweep: disable-line doubled-spaces\n")
    assert "unknown rule 'doubled-spaces'" in f.message and f.fixes == ()


def test_removal_takes_a_standalone_comment_line_whole() -> None:
    text = "# Titre\n\n<!-- textsweep: disable-next-line -->\nUne ligne propre.\n"
    [f] = unused(text, "markdown")
    [fix] = f.fixes
    assert text[: fix.start] + text[fix.end :] == "# Titre\n\nUne ligne propre.\n"
    text = "Fin.\n% textsweep: disable doubled-space"
    [f] = unused(text, "latex")
    assert text[: f.fixes[0].start] + text[f.fixes[0].end :] == "Fin."


def test_a_partly_used_directive_and_one_for_a_rule_switched_off_are_left_alone() -> None:
    assert unused("a  b  # textsweep: disable-line doubled-space, trailing-whitespace\n") == []
    doc = Document("Propre. # textsweep: disable-line doubled-space\n")
    from textsweep.engine import parse_settings

    config = parse_settings({"rules": {"doubled-space": "off"}})[0]
    assert [f for f in lint(doc, config) if f.rule == "unused-directive"] == []


def test_quoted_directives_are_not_reported() -> None:
    text = "Write `textsweep: disable-line doubled-space` after the text.\n"
    assert unused(text, "markdown") == []
    assert unused("The option textsweep: disable-line is documented.\n") == []


def test_a_directive_can_silence_unused_directive() -> None:
    text = "# textsweep: disable-line doubled-space  # textsweep: disable-line unused-directive\n"
    assert unused(text) == []


def test_markdown_table_rows_get_no_trailing_comment() -> None:
    # after the last pipe a comment would be one more cell
    text = "Intro.\n\n| a | b  c |\n|---|---|\n"
    doc = Document(text, "markdown")
    at = text.index("b  c") + 1
    fix = line_directive(doc, Finding(at, at + 2, "doubled-space", "x"))
    assert fix is not None and fix.replacement.startswith("<!-- textsweep: disable-next-line")
    assert _apply(text, fix) == (
        "Intro.\n\n<!-- textsweep: disable-next-line doubled-space -->\n| a | b  c |\n|---|---|\n"
    )
    # further down the table neither a comment line nor a trailing one fits
    text = "| a | b |\n|---|---|\n| c | d  e |\n"
    at = text.index("d  e") + 1
    assert (
        line_directive(Document(text, "markdown"), Finding(at, at + 2, "doubled-space", "x"))
        is None
    )
