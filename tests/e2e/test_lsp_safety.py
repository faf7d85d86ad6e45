"""Settings and edits through the real server: the server's copy equals the editor's
buffer after every edit the protocol allows, and a rule switched off fixes nothing."""

from __future__ import annotations

import pytest
from lsprotocol import types as lsp
from pytest_lsp import LanguageClient

from .lsputil import apply_edits, by_rule, diagnostics, edits_for, encoding_of, open_doc
from .test_lsp_core import _actions, _resolved


def enc(client: LanguageClient) -> str:
    return encoding_of(client, client.init_result)  # type: ignore[attr-defined]


async def test_fix_all_of_one_rule_leaves_rules_switched_off_alone(
    client: LanguageClient,
) -> None:
    settings = {"textsweep": {"rules": {"trailing-whitespace": "off", "final-newline": "off"}}}
    client.set_configuration(settings)
    client.workspace_did_change_configuration(lsp.DidChangeConfigurationParams(settings=settings))
    text = "Première ligne   \r\nDeuxième ligne\nTroisième ligne  \nQuatrième\rFin  "
    uri = "untitled:endings.txt"
    open_doc(client, uri, text)
    diags = await diagnostics(client, uri, 1)
    assert by_rule(diags, "trailing-whitespace") == []
    endings = by_rule(diags, "mixed-line-endings")
    assert len(endings) >= 2
    actions = await _actions(client, uri, endings[0].range, [endings[0]], ["quickfix"])
    [fix_rule] = [a for a in actions if a.title.startswith("Fix all mixed-line-endings")]
    action = await _resolved(client, fix_rule)
    new = apply_edits(text, edits_for(action.edit, uri), enc(client))
    # Only the line endings change: trailing blanks and the missing final newline stay.
    assert new == "Première ligne   \nDeuxième ligne\nTroisième ligne  \nQuatrième\nFin  "


def _units(text: str) -> list[str]:
    """The buffer as a UTF-16 editor holds it: one entry per code unit."""
    raw = text.encode("utf-16-le", "surrogatepass")
    return [raw[i : i + 2].decode("utf-16-le", "surrogatepass") for i in range(0, len(raw), 2)]


async def test_deleting_half_an_emoji_keeps_the_other_half_like_the_editor(
    client: LanguageClient,
) -> None:
    if enc(client) != "utf-16":
        pytest.skip("only a UTF-16 client can address half of an emoji")
    uri = "untitled:half.txt"
    text = "🙂ab\u200bcd\n"
    open_doc(client, uri, text)
    await diagnostics(client, uri, 1)
    # The editor deletes only the low surrogate of 🙂 (UTF-16 columns 1 to 2).
    buffer = _units(text)
    del buffer[1]
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[
                lsp.TextDocumentContentChangePartial(
                    range=lsp.Range(start=lsp.Position(0, 1), end=lsp.Position(0, 2)), text=""
                )
            ],
        )
    )
    diags = await diagnostics(client, uri, 2)
    [lone] = [d for d in by_rule(diags, "control-character") if "surrogate" in d.message]
    assert (lone.range.start.character, lone.range.end.character) == (0, 1)
    [zw] = by_rule(diags, "invisible-character")
    assert (zw.range.start.character, zw.range.end.character) == (3, 4)
    actions = await _actions(client, uri, zw.range, [zw], ["quickfix"])
    [preferred] = [a for a in actions if a.is_preferred]
    [edit] = edits_for(preferred.edit, uri)
    s, e = edit.range.start.character, edit.range.end.character
    buffer[s:e] = [edit.new_text]
    # The zero-width space goes, the letters stay: not "\ud83dab​d" nor a lost "b".
    assert "".join(buffer) == "\ud83dabcd\n"


async def test_restoring_the_half_makes_the_emoji_whole_again(client: LanguageClient) -> None:
    if enc(client) != "utf-16":
        pytest.skip("only a UTF-16 client can address half of an emoji")
    uri = "untitled:whole.txt"
    open_doc(client, uri, "🙂 ok\u200b\n")
    await diagnostics(client, uri, 1)
    for version, (start, end, new) in enumerate([(1, 2, ""), (1, 1, "\ude42")], start=2):
        client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(
                text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[
                    lsp.TextDocumentContentChangePartial(
                        range=lsp.Range(start=lsp.Position(0, start), end=lsp.Position(0, end)),
                        text=new,
                    )
                ],
            )
        )
    diags = await diagnostics(client, uri, 3)
    assert by_rule(diags, "control-character") == []
    [zw] = by_rule(diags, "invisible-character")
    assert zw.range.start.character == 5  # 🙂 counts two units again
