"""End to end over stdio: a German, a Spanish and an Italian document, each
detected by its prose, flagged on the right characters and fixed."""

from __future__ import annotations

from lsprotocol import types as lsp
from pytest_lsp import LanguageClient

from .lsputil import apply_edits, by_rule, diagnostics, edits_for, encoding_of, open_doc, position

GERMAN = (
    "Das Paket ist nicht installiert, aber es funktioniert trotzdem ?\n"
    "Er sagte: „Hallo” und ging um 12:30 nach Hause.\n"
)
SPANISH = (
    "El paquete no está instalado en el sistema, pero funciona bien.\n"
    "Vienes mañana con todos los amigos de tu hermana?\n"
)
ITALIAN = "Il pacchetto non è installato nel sistema, ma funziona lo stesso ; davvero?!\n"


def enc(client: LanguageClient) -> str:
    return encoding_of(client, client.init_result)  # type: ignore[attr-defined]


async def _actions(
    client: LanguageClient, uri: str, rng: lsp.Range, diags: list[lsp.Diagnostic], only: str
) -> list[lsp.CodeAction]:
    result = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            range=rng,
            context=lsp.CodeActionContext(diagnostics=diags, only=[only]),
        )
    )
    out = []
    for a in result or []:
        if isinstance(a, lsp.CodeAction):
            if a.edit is None:
                a = await client.code_action_resolve_async(a)
            out.append(a)
    return out


async def _fix_all(client: LanguageClient, uri: str) -> list[lsp.TextEdit]:
    start = lsp.Position(line=0, character=0)
    (action,) = await _actions(client, uri, lsp.Range(start=start, end=start), [], "source.fixAll")
    return edits_for(action.edit, uri)


async def test_german_document(client: LanguageClient) -> None:
    uri = "untitled:brief.txt"
    open_doc(client, uri, GERMAN)
    diags = await diagnostics(client, uri, 1)
    assert sorted(str(d.code) for d in diags) == ["german-quotes", "german-space-before"]
    (space,) = by_rule(diags, "german-space-before")
    assert space.range.start == position(GERMAN, GERMAN.index(" ?"), enc(client))
    assert space.range.end == position(GERMAN, GERMAN.index(" ?") + 2, enc(client))
    (quote,) = by_rule(diags, "german-quotes")
    assert quote.range.start == position(GERMAN, GERMAN.index("”"), enc(client))
    fixed = apply_edits(GERMAN, await _fix_all(client, uri), enc(client))
    assert fixed == GERMAN.replace(" ?", "?").replace("”", "“")


async def test_spanish_document(client: LanguageClient) -> None:
    uri = "untitled:carta.txt"
    open_doc(client, uri, SPANISH)
    diags = await diagnostics(client, uri, 1)
    (hint,) = by_rule(diags, "spanish-inverted-marks")
    assert hint.severity == lsp.DiagnosticSeverity.Hint
    assert hint.range.start == position(SPANISH, SPANISH.index("Vienes"), enc(client))
    # never applied by fix-all: no fix-all action, or one that leaves the ? alone
    start = lsp.Position(line=0, character=0)
    for a in await _actions(client, uri, lsp.Range(start=start, end=start), [], "source.fixAll"):
        assert apply_edits(SPANISH, edits_for(a.edit, uri), enc(client)) == SPANISH
    actions = await _actions(client, uri, hint.range, [hint], "quickfix")
    insert = [a for a in actions if "¿" in a.title]
    assert len(insert) == 1
    fixed = apply_edits(SPANISH, edits_for(insert[0].edit, uri), enc(client))
    assert fixed == SPANISH.replace("Vienes", "¿Vienes")


async def test_italian_document(client: LanguageClient) -> None:
    uri = "untitled:lettera.txt"
    open_doc(client, uri, ITALIAN)
    diags = await diagnostics(client, uri, 1)
    assert [d.code for d in diags] == ["italian-space-before"]
    assert diags[0].range.start == position(ITALIAN, ITALIAN.index(" ;"), enc(client))
    fixed = apply_edits(ITALIAN, await _fix_all(client, uri), enc(client))
    assert fixed == ITALIAN.replace(" ;", ";")


CHINESE = "我们发布了新版本 ，欢迎试用,谢谢.\n"
JAPANESE = "設定を保存しました.次に再起動します,たぶん.\n"


async def test_chinese_document(client: LanguageClient) -> None:
    uri = "untitled:zh.txt"
    open_doc(client, uri, CHINESE)
    diags = await diagnostics(client, uri, 1)
    assert sorted(str(d.code) for d in diags) == [
        "chinese-fullwidth-punctuation",
        "chinese-fullwidth-punctuation",
        "chinese-space-around-punctuation",
    ]
    (space,) = by_rule(diags, "chinese-space-around-punctuation")
    assert space.range.start == position(CHINESE, CHINESE.index(" ，"), enc(client))
    fixed = apply_edits(CHINESE, await _fix_all(client, uri), enc(client))
    assert fixed == "我们发布了新版本，欢迎试用，谢谢。\n"


async def test_chinese_one_liner_spacing_is_a_hint_never_applied(client: LanguageClient) -> None:
    text = "中文English混排\n"
    uri = "untitled:zh-mix.txt"
    open_doc(client, uri, text)
    diags = await diagnostics(client, uri, 1)
    assert [d.code for d in diags] == ["chinese-latin-spacing"] * 2
    assert all(d.severity == lsp.DiagnosticSeverity.Hint for d in diags)
    start = lsp.Position(line=0, character=0)
    for a in await _actions(client, uri, lsp.Range(start=start, end=start), [], "source.fixAll"):
        assert apply_edits(text, edits_for(a.edit, uri), enc(client)) == text
    actions = await _actions(client, uri, diags[0].range, [diags[0]], "quickfix")
    insert = [a for a in actions if "space" in a.title.lower()]
    assert insert
    assert apply_edits(text, edits_for(insert[0].edit, uri), enc(client)) == "中文 English混排\n"


async def test_japanese_document(client: LanguageClient) -> None:
    uri = "untitled:ja.txt"
    open_doc(client, uri, JAPANESE)
    diags = await diagnostics(client, uri, 1)
    assert [d.code for d in diags] == ["japanese-fullwidth-punctuation"] * 3
    fixed = apply_edits(JAPANESE, await _fix_all(client, uri), enc(client))
    assert fixed == "設定を保存しました。次に再起動します、たぶん。\n"
