"""End to end over stdio: a French gettext catalogue (languageId ``po``)."""

from __future__ import annotations

from lsprotocol import types as lsp
from pytest_lsp import LanguageClient

from .lsputil import apply_edits, diagnostics, edits_for, encoding_of, open_doc, position

B = "\u00a0"

CATALOGUE = (
    '# French translation.\n#\nmsgid ""\nmsgstr ""\n"Language: fr\\n"\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    "#: main.py:10\n#, python-format\n"
    'msgid "Unknown event name: \\"%s\\"\\n"\n'
    'msgstr "Événement inconnu: \\"%s\\"\\n"\n\n'
    'msgid "  The Sphinx documentation generator."\n'
    'msgstr "  Le générateur de documentation Sphinx."\n'
)


async def test_french_catalogue(client: LanguageClient) -> None:
    encoding = encoding_of(client, client.init_result)  # type: ignore[attr-defined]
    uri = "untitled:fr.po"
    open_doc(client, uri, CATALOGUE, "po")
    diags = await diagnostics(client, uri, 1)
    # the English msgid is not judged French; the msgid's leading spaces are layout
    assert [d.code for d in diags] == ["french-missing-space"]
    d = diags[0]
    where = CATALOGUE.index("u: \\")  # the last letter before ":" in the msgstr
    assert d.range.start == position(CATALOGUE, where, encoding)
    assert d.range.end == position(CATALOGUE, where + 2, encoding)
    result = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            range=d.range,
            context=lsp.CodeActionContext(diagnostics=[d], only=[lsp.CodeActionKind.QuickFix]),
        )
    )
    actions = [a for a in result or [] if isinstance(a, lsp.CodeAction) and a.diagnostics]
    assert actions
    action = actions[0]
    if action.edit is None:
        action = await client.code_action_resolve_async(action)
    fixed = apply_edits(CATALOGUE, edits_for(action.edit, uri), encoding)
    # inside the string, escapes intact, the no-break space written as itself
    assert fixed == CATALOGUE.replace("inconnu: ", f"inconnu{B}: ")
