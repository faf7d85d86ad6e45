"""End to end over stdio: a Python identifier spoofed with a Cyrillic letter."""

from __future__ import annotations

from lsprotocol import types as lsp
from pytest_lsp import LanguageClient

from .lsputil import apply_edits, by_rule, diagnostics, edits_for, encoding_of, open_doc, position

SOURCE = (
    '# Проверка имени: 東京\nname = input()\nif n\u0430me == 1:\n    print("Привет, 世界 👋")\n'
)


async def test_spoofed_python_identifier_is_flagged_and_fixed(client: LanguageClient) -> None:
    enc = encoding_of(client, client.init_result)  # type: ignore[attr-defined]
    uri = "untitled:spoof.py"
    open_doc(client, uri, SOURCE, "python")
    diags = by_rule(await diagnostics(client, uri, 1), "mixed-script-confusable")
    assert len(diags) == 1
    d = diags[0]
    start = SOURCE.index("n\u0430me")
    assert d.range.start == position(SOURCE, start, enc)
    assert d.range.end == position(SOURCE, start + 4, enc)
    assert d.severity == lsp.DiagnosticSeverity.Warning
    assert "Identifier" in d.message and "CYRILLIC SMALL LETTER A" in d.message
    result = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            range=d.range,
            context=lsp.CodeActionContext(diagnostics=[d], only=["quickfix"]),
        )
    )
    actions = [a for a in result or [] if isinstance(a, lsp.CodeAction) and a.is_preferred]
    assert len(actions) == 1
    action = actions[0]
    if action.edit is None:
        action = await client.code_action_resolve_async(action)
    fixed = apply_edits(SOURCE, edits_for(action.edit, uri), enc)
    assert fixed == SOURCE.replace("n\u0430me", "name")
