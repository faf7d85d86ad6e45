"""A document over ``textsweep.maxFileSize``, through the real server over stdio.

It gets the cheap checks only, one information diagnostic saying so (pushed or
pulled alike), a formatting that applies only the cheap rules' fixes, and every
check again once an edit brings it under the limit.
"""

from __future__ import annotations

from lsprotocol import types as lsp
from pytest_lsp import LanguageClient

from .lsputil import apply_edits, by_rule, diagnostics, encoding_of, open_doc

# A zero-width space and trailing blanks (cheap), a doubled space and too many
# blank lines (need the file's structure): 58 characters.
TEXT = "Le dé\u200bpôt est prêt.   \nIl  faut le dire.\n\n\n\nFin du texte.\n"
LIMIT = 40


async def _limit(client: LanguageClient, limit: int) -> None:
    settings = {"textsweep": {"maxFileSize": limit}}
    client.set_configuration(settings)
    client.workspace_did_change_configuration(lsp.DidChangeConfigurationParams(settings=settings))


async def test_over_the_limit_cheap_checks_and_one_notice(client: LanguageClient) -> None:
    await _limit(client, LIMIT)
    uri = "untitled:big.txt"
    open_doc(client, uri, TEXT)
    diags = await diagnostics(client, uri, 1)
    codes = sorted(str(d.code) for d in diags)
    assert codes == ["file-too-large", "invisible-character", "trailing-whitespace"]
    [notice] = by_rule(diags, "file-too-large")
    assert notice.severity == lsp.DiagnosticSeverity.Information
    assert notice.range.start == lsp.Position(line=0, character=0)
    assert "58 characters, over textsweep.maxFileSize (40)" in notice.message

    # Fix on save: only the cheap rules' fixes (the doubled space stays).
    edits = await client.text_document_formatting_async(
        lsp.DocumentFormattingParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            options=lsp.FormattingOptions(tab_size=4, insert_spaces=True),
        )
    )
    enc = encoding_of(client, client.init_result)  # type: ignore[attr-defined]
    assert apply_edits(TEXT, edits, enc) == (
        "Le dépôt est prêt.\nIl  faut le dire.\n\n\n\nFin du texte.\n"
    )

    # An edit that brings it under the limit: every check, no notice.
    short = "Il  faut le dire.\n"
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=short)],
        )
    )
    diags = await diagnostics(client, uri, 2)
    assert [d.code for d in diags] == ["doubled-space"]


async def test_default_limit_leaves_ordinary_files_alone(client: LanguageClient) -> None:
    uri = "untitled:ordinary.txt"
    open_doc(client, uri, TEXT)
    diags = await diagnostics(client, uri, 1)
    assert not by_rule(diags, "file-too-large")
    assert by_rule(diags, "doubled-space") and by_rule(diags, "blank-lines")
