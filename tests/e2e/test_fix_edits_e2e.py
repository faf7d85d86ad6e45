"""Fix-all with more edits than the server sends one by one: merged neighbours,
still applying to exactly the fixed text (formatting and the fix-all action)."""

from __future__ import annotations

from lsprotocol import types as lsp
from pytest_lsp import LanguageClient

from .lsputil import col_units, diagnostics, edits_for, encoding_of, lines_of, open_doc

#: 5,000 trailing spaces, on lines with a non-ASCII and an astral character (so
#: UTF-8 and UTF-16 columns differ from code points).
TEXT = "Ligne été \U0001f600 \n" * 5000
FIXED = TEXT.replace(" \n", "\n")
#: :data:`textsweep.lsp.server.MAX_FIX_EDITS` (not imported: the server is another process).
LIMIT = 4096


def enc(client: LanguageClient) -> str:
    return encoding_of(client, client.init_result)  # type: ignore[attr-defined]


def apply_edits(text: str, edits: list[lsp.TextEdit], encoding: str) -> str:
    """:func:`.lsputil.apply_edits`, linear (that one rescans the text per edit)."""
    lines = lines_of(text)
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)  # the test text has LF breaks only

    def offset(pos: lsp.Position) -> int:
        units = 0
        for i, ch in enumerate(lines[pos.line]):
            if units >= pos.character:
                return starts[pos.line] + i
            units += col_units(ch, encoding)
        return starts[pos.line] + len(lines[pos.line])

    spans = sorted((offset(e.range.start), offset(e.range.end), e.new_text) for e in edits)
    out, pos = [], 0
    for s, e, new in spans:
        assert s >= pos, "overlapping edits"
        out += [text[pos:s], new]
        pos = e
    return "".join([*out, text[pos:]])


async def test_formatting_merges_many_edits(client: LanguageClient) -> None:
    uri = "untitled:many.txt"
    open_doc(client, uri, TEXT)
    edits = await client.text_document_formatting_async(
        lsp.DocumentFormattingParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            options=lsp.FormattingOptions(tab_size=4, insert_spaces=True),
        )
    )
    assert edits is not None
    # merged, but local: not one edit per fix, not one for the whole document
    assert 1 < len(edits) <= LIMIT
    assert apply_edits(TEXT, edits, enc(client)) == FIXED


async def test_fix_all_action_merges_many_edits(client: LanguageClient) -> None:
    uri = "untitled:many-action.txt"
    open_doc(client, uri, TEXT)
    await diagnostics(client, uri, 1)
    start = lsp.Position(line=0, character=0)
    result = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            range=lsp.Range(start=start, end=start),
            context=lsp.CodeActionContext(diagnostics=[], only=["source.fixAll"]),
        )
    )
    [action] = [a for a in result or [] if isinstance(a, lsp.CodeAction)]
    if action.edit is None:
        action = await client.code_action_resolve_async(action)
    assert action.title == "textsweep: fix all safe problems in this document"
    edits = edits_for(action.edit, uri)
    assert 1 < len(edits) <= LIMIT
    assert apply_edits(TEXT, edits, enc(client)) == FIXED


async def test_formatting_again_after_a_change(client: LanguageClient) -> None:
    """Asked twice about one version, the server answers alike; about the next
    version, with that version's edits (never the last answer again)."""
    uri = "untitled:again.txt"
    text = "Un  deux.\nTrois \n"
    open_doc(client, uri, text)
    params = lsp.DocumentFormattingParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri),
        options=lsp.FormattingOptions(tab_size=4, insert_spaces=True),
    )
    first = await client.text_document_formatting_async(params)
    assert first is not None
    assert await client.text_document_formatting_async(params) == first
    assert apply_edits(text, first, enc(client)) == "Un deux.\nTrois\n"
    end = lsp.Position(line=2, character=0)
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[
                lsp.TextDocumentContentChangePartial(
                    range=lsp.Range(start=end, end=end), text="Quatre  cinq.\n"
                )
            ],
        )
    )
    text += "Quatre  cinq.\n"
    again = await client.text_document_formatting_async(params)
    assert again is not None
    assert apply_edits(text, again, enc(client)) == "Un deux.\nTrois\nQuatre cinq.\n"
