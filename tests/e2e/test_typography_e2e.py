"""End to end over stdio: a French .txt, a French .md and a bilingual document."""

from __future__ import annotations

from lsprotocol import types as lsp
from pytest_lsp import LanguageClient

from .lsputil import apply_edits, by_rule, diagnostics, edits_for, encoding_of, open_doc, position

N, B = "\u202f", "\u00a0"

FRENCH_TXT = (
    "Le comité a rendu son avis hier soir. Vous utilisez Deepseek?\n"
    "Il est 12:30 et la page https://exemple.fr/a?b=1 répond. Super :-)\n"
)
FRENCH_MD = (
    "---\nlang: fr\n---\n\n# Guide\n\n"
    "Lancez `pip install x;y` puis lisez la documentation: elle est courte.\n\n"
    "```python\nx = a if b else c  # pas ici: du code\n```\n"
)
BILINGUAL = (
    "Le journal affiche le message d’erreur suivant, qui revient chaque nuit\u00a0:\n\n"
    "Error: the connection was refused by the server. Is the database running?\n\n"
    "Nous avons vérifié la configuration et le mot de passe avait expiré. Pourquoi?\n"
)


def enc(client: LanguageClient) -> str:
    return encoding_of(client, client.init_result)  # type: ignore[attr-defined]


async def _fix_all(client: LanguageClient, uri: str) -> list[lsp.TextEdit]:
    start = lsp.Position(line=0, character=0)
    result = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            range=lsp.Range(start=start, end=start),
            context=lsp.CodeActionContext(diagnostics=[], only=["source.fixAll"]),
        )
    )
    actions = [a for a in result or [] if isinstance(a, lsp.CodeAction)]
    assert len(actions) == 1
    action = actions[0]
    if action.edit is None:
        action = await client.code_action_resolve_async(action)
    return edits_for(action.edit, uri)


async def test_french_txt(client: LanguageClient) -> None:
    uri = "untitled:lettre.txt"
    open_doc(client, uri, FRENCH_TXT)
    diags = await diagnostics(client, uri, 1)
    assert [d.code for d in diags] == ["french-missing-space"]
    d = diags[0]
    assert d.range.start == position(FRENCH_TXT, FRENCH_TXT.index("k?"), enc(client))
    fixed = apply_edits(FRENCH_TXT, await _fix_all(client, uri), enc(client))
    assert fixed == FRENCH_TXT.replace("Deepseek?", f"Deepseek{N}?")


async def test_french_markdown(client: LanguageClient) -> None:
    uri = "untitled:guide.md"
    open_doc(client, uri, FRENCH_MD, "markdown")
    diags = await diagnostics(client, uri, 1)
    assert [d.code for d in diags] == ["french-missing-space"]
    assert diags[0].range.start.line == FRENCH_MD.count("\n", 0, FRENCH_MD.index("documentation:"))
    fixed = apply_edits(FRENCH_MD, await _fix_all(client, uri), enc(client))
    assert fixed == FRENCH_MD.replace("documentation:", f"documentation{B}:")


async def test_bilingual_document(client: LanguageClient) -> None:
    uri = "untitled:incident.txt"
    open_doc(client, uri, BILINGUAL)
    diags = await diagnostics(client, uri, 1)
    assert [d.code for d in diags] == ["french-missing-space"]
    assert by_rule(diags, "french-missing-space")[0].range.start.line == 4
