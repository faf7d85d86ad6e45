"""Fixes that interact: two rules reading the same characters differently, rules
switched off, and the server's copy of a document under hostile edits."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from textsweep.engine import Document, Fix, apply_fixes, fix_all, lint, parse_settings
from textsweep.lsp.documents import OpenDocument
from textsweep.lsp.protocol import bad_change


def test_entity_semicolon_is_not_french_punctuation() -> None:
    text = "La s&eacute;curité des données est assurée.\n"
    doc = Document(text)
    assert not [f for f in lint(doc) if f.rule.startswith("french")]
    assert fix_all(doc).text == "La sécurité des données est assurée.\n"


def test_entities_of_every_kind_in_french_prose() -> None:
    text = "Le d&#233;p&ocirc;t&nbsp;: caf&eacute;&#8239;! Et l&amp;eacute;t&eacute;.\n"
    fixed = fix_all(Document(text, "plaintext"), parse_settings({"language": "fr"})[0]).text
    assert "é p" not in fixed and "&" not in fixed.replace("&eacute;", "")
    assert fixed.startswith("Le dépôt\u00a0: café\u202f! Et l")


def test_a_leaked_space_entity_is_a_space_beside_a_guillemet() -> None:
    """``mot&nbsp;»`` is ``mot\u00a0»`` once repaired: not a ``;`` glued to ``»``."""
    text = "Il dit «&nbsp;mot&nbsp;» et&nbsp;: fin.\n"
    config = parse_settings({"language": "fr"})[0]
    found = lint(Document(text), config)
    assert {f.rule for f in found} == {"html-entity"}, [(f.rule, f.start) for f in found]
    assert fix_all(Document(text), config).text == "Il dit «\u00a0mot\u00a0» et\u00a0: fin.\n"


def test_touching_fixes_of_two_rules_wait_for_a_relint() -> None:
    entity = Fix(4, 12, "é")
    space_after = Fix(12, 12, " ")  # computed on the text before the entity fix
    owners = {entity: "html-entity", space_after: "french-space-after"}
    result = apply_fixes("La s&eacute;curité", owners, owners.__getitem__)
    assert result.text == "La sécurité"
    assert result.skipped == (space_after,)
    # The same rule's neighbouring fixes go together (a run of invisible characters).
    zw1, zw2 = Fix(1, 2, ""), Fix(2, 3, "")
    same = {zw1: "invisible-character", zw2: "invisible-character"}
    assert apply_fixes("a\u200b\u200bb", same, same.__getitem__).text == "ab"


def test_a_skipped_fix_still_claims_its_characters() -> None:
    spaces = Fix(3, 5, " ")
    entity = Fix(5, 17, "é")  # touches the spaces: skipped this pass
    inside = Fix(16, 16, "\u202f")  # inside the skipped entity: must wait too
    owners = {spaces: "doubled-space", entity: "html-entity", inside: "french-missing-space"}
    result = apply_fixes("oui  &amp;eacute;", owners, owners.__getitem__)
    assert result.text == "oui &amp;eacute;"
    assert fix_all(Document("oui  &amp;eacute;\n")).text == "oui é\n"


def test_fix_all_of_one_rule_never_fixes_a_rule_switched_off() -> None:
    config, _ = parse_settings({"rules": {"trailing-whitespace": "off", "final-newline": "off"}})
    text = "Une ligne   \r\nDeux\nTrois  \nFin  "
    fixed = fix_all(Document(text), config, only_rule="mixed-line-endings")
    assert fixed.text == "Une ligne   \nDeux\nTrois  \nFin  "
    # A rule that is off fixes nothing even when asked for by name.
    assert fix_all(Document(text), config, only_rule="trailing-whitespace").text == text


def _change(start: tuple[int, int], end: tuple[int, int], text: Any) -> Any:
    pos = [SimpleNamespace(line=line, character=ch) for line, ch in (start, end)]
    return SimpleNamespace(range=SimpleNamespace(start=pos[0], end=pos[1]), text=text)


def test_deleting_a_low_surrogate_keeps_the_high_one() -> None:
    od = OpenDocument("untitled:a", "plaintext", 1, "🙂ab\u200bcd\n")
    od.apply(_change((0, 1), (0, 2), ""), "utf-16")
    assert od.text == "\ud83dab\u200bcd\n"
    assert list(od.snapshot().line_starts) == [0, 7]
    lone = [f for f in lint(od.snapshot()) if f.rule == "control-character"]
    assert [(f.start, f.fixes[0].safe) for f in lone] == [(0, False)]
    # Typing the half back makes the emoji whole again.
    od.apply(_change((0, 1), (0, 1), "\ude42"), "utf-16")
    assert od.text == "🙂ab\u200bcd\n"


def test_a_range_from_inside_one_emoji_to_inside_another() -> None:
    od = OpenDocument("untitled:b", "plaintext", 1, "a🙂b\nc😀d\n")
    od.apply(_change((0, 2), (1, 2), ""), "utf-16")
    # High half of 🙂 (D83D) + low half of 😀 (DE00): the editor's buffer holds
    # D83D DE00, which is 😀, and so do we, as one character.
    assert od.text == "a😀d\n"
    od.apply(_change((0, 1), (0, 3), "x"), "utf-16")
    assert od.text == "axd\n"
    od = OpenDocument("untitled:b", "plaintext", 1, "a🙂b\nc🌍d\n")
    od.apply(_change((0, 2), (1, 2), ""), "utf-16")
    # 🌍 is D83C DF0D: D83D DF0D is another character, U+1F70D, as in the editor.
    assert od.text == "a\U0001f70dd\n"
    # Same positions in UTF-8 or UTF-32 never split a character.
    od = OpenDocument("untitled:c", "plaintext", 1, "a🙂b\n")
    od.apply(_change((0, 1), (0, 2), ""), "utf-32")
    assert od.text == "ab\n"


def test_ill_typed_changes_are_named() -> None:
    uri = {"uri": "untitled:a", "version": 2}

    def params(change: Any) -> dict[str, Any]:
        return {"textDocument": uri, "contentChanges": [change]}

    assert bad_change(params({"text": "ok"})) is None
    assert "text is null" in str(bad_change(params({"text": None})))
    assert "text is 42" in str(bad_change(params({"text": 42})))
    rng = {"start": {"line": 0, "character": -1}, "end": {"line": 0, "character": 0}}
    assert "character is -1" in str(bad_change(params({"range": rng, "text": ""})))
    rng = {"start": {"line": 0, "character": 0}, "end": {"line": 2**31, "character": 0}}
    assert "2147483648" in str(bad_change(params({"range": rng, "text": ""})))
    rng = {"start": {"line": 0, "character": 0}, "end": {"line": True, "character": 0}}
    assert bad_change(params({"range": rng, "text": ""})) is not None
    assert bad_change({"textDocument": uri, "contentChanges": "x"}) is not None


def test_a_stale_document_shows_nothing_until_its_whole_text_comes() -> None:
    od = OpenDocument("untitled:s", "plaintext", 1, "Le  texte.\n")
    od.stale = "contentChanges[0].text is null"
    assert od.snapshot().text == ""
    od.apply(_change((0, 0), (0, 0), "X"), "utf-16")
    assert od.text == "Le  texte.\n"  # the last good text, untouched
    od.apply(SimpleNamespace(text="Tout neuf.\n"), "utf-16")
    assert od.stale is None and od.snapshot().text == "Tout neuf.\n"


def test_trimmed_edits_never_cut_a_crlf() -> None:
    from textsweep.engine.fixes import trim_edits

    # CRLF → LF trimmed to "delete the CR" would need a position between CR and LF,
    # which LSP cannot express: the client clamps it and the CR stays.
    [edit] = trim_edits("Une ligne\r\nDeux\n", [Fix(9, 11, "\n")])
    assert (edit.start, edit.end, edit.replacement) == (9, 11, "\n")
    [edit] = trim_edits("ab\r\n", [Fix(0, 4, "aX\r\n")])
    assert (edit.start, edit.end, edit.replacement) == (1, 2, "X")
