"""End to end over stdio: diagnostics, positions, edits, code actions, formatting."""

from __future__ import annotations

import asyncio

import pytest
from lsprotocol import types as lsp
from pytest_lsp import LanguageClient

from .lsputil import (
    apply_edits,
    by_rule,
    diagnostics,
    edits_for,
    encoding_of,
    open_doc,
    position,
    uses_pull,
)

FRENCH = "Le dé\u200bpôt est prêt.\nIl  faut le dire.   \n\n\n\nFin du texte.\n"


def enc(client: LanguageClient) -> str:
    return encoding_of(client, client.init_result)  # type: ignore[attr-defined]


async def test_position_encoding_negotiated(client: LanguageClient) -> None:
    expected = "utf-8" if client.profile == "neovim@v0.11.0" else "utf-16"  # type: ignore[attr-defined]
    assert enc(client) == expected


async def test_diagnostics_on_open_french(client: LanguageClient) -> None:
    uri = "untitled:fr.txt"
    open_doc(client, uri, FRENCH)
    diags = await diagnostics(client, uri, 1)
    assert {d.code for d in diags} == {
        "invisible-character",
        "doubled-space",
        "trailing-whitespace",
        "blank-lines",
    }
    zw = by_rule(diags, "invisible-character")[0]
    assert zw.range.start == position(FRENCH, FRENCH.index("\u200b"), enc(client))
    assert "U+200B ZERO WIDTH SPACE inside a word" in zw.message
    assert zw.severity == lsp.DiagnosticSeverity.Warning
    assert zw.code_description is not None and "invisible-character" in zw.code_description.href


@pytest.mark.parametrize(
    "line",
    [
        "Salut 😀 le\u200bmonde",
        "𝒟𝒟𝒟 x  y",
        "émoji 👨‍👩‍👧 puis  deux espaces",
    ],
)
async def test_exact_ranges_after_astral_characters(client: LanguageClient, line: str) -> None:
    text = line + "\n"
    uri = "untitled:astral.txt"
    open_doc(client, uri, text)
    diags = [d for d in await diagnostics(client, uri, 1) if d.code != "final-newline"]
    assert len(diags) == 1
    d = diags[0]
    fault = text.index("\u200b") if "\u200b" in text else text.index("  ")
    length = 1 if "\u200b" in text else 2
    assert d.range.start == position(text, fault, enc(client))
    assert d.range.end == position(text, fault + length, enc(client))


async def test_incremental_edit_adds_then_removes_fault(client: LanguageClient) -> None:
    uri = "untitled:edit.txt"
    text = "Bonjour 😀 tout le monde.\n"
    open_doc(client, uri, text)
    assert await diagnostics(client, uri, 1) == []
    # Insert a second space after "tout" (after an astral character on the line).
    at = position(text, text.index("tout") + 4, enc(client))
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[
                lsp.TextDocumentContentChangePartial(range=lsp.Range(start=at, end=at), text=" ")
            ],
        )
    )
    text2 = text.replace("tout ", "tout  ")
    diags = await diagnostics(client, uri, 2)
    assert [d.code for d in diags] == ["doubled-space"]
    assert diags[0].range.start == position(text2, text2.index("  "), enc(client))
    # Remove it again.
    s = position(text2, text2.index("  "), enc(client))
    e = position(text2, text2.index("  ") + 1, enc(client))
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=3),
            content_changes=[
                lsp.TextDocumentContentChangePartial(range=lsp.Range(start=s, end=e), text="")
            ],
        )
    )
    assert await diagnostics(client, uri, 3) == []


async def test_edit_below_unicode_line_separator_lands_on_the_right_line(
    client: LanguageClient,
) -> None:
    # U+2028 and form feed are not LSP line breaks: line 1 is "b  c".
    text = "a\u2028x\fy\nb c\n"
    uri = "untitled:ls.txt"
    open_doc(client, uri, text)
    await diagnostics(client, uri, 1)
    at = lsp.Position(line=1, character=1)
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[
                lsp.TextDocumentContentChangePartial(range=lsp.Range(start=at, end=at), text=" ")
            ],
        )
    )
    diags = by_rule(await diagnostics(client, uri, 2), "doubled-space")
    assert len(diags) == 1
    assert diags[0].range.start == lsp.Position(line=1, character=1)


async def _actions(
    client: LanguageClient,
    uri: str,
    rng: lsp.Range,
    diags: list[lsp.Diagnostic],
    only: list[str] | None = None,
) -> list[lsp.CodeAction]:
    result = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            range=rng,
            context=lsp.CodeActionContext(diagnostics=diags, only=only),  # type: ignore[arg-type]
        )
    )
    return [a for a in result or [] if isinstance(a, lsp.CodeAction)]


async def _resolved(client: LanguageClient, action: lsp.CodeAction) -> lsp.CodeAction:
    if action.edit is None:
        action = await client.code_action_resolve_async(action)
    return action


async def test_quickfix_applied(client: LanguageClient) -> None:
    uri = "untitled:qf.txt"
    open_doc(client, uri, FRENCH)
    diags = await diagnostics(client, uri, 1)
    zw = by_rule(diags, "invisible-character")[0]
    actions = await _actions(client, uri, zw.range, [zw], ["quickfix"])
    preferred = [a for a in actions if a.is_preferred]
    assert len(preferred) == 1
    assert preferred[0].kind == lsp.CodeActionKind.QuickFix
    new = apply_edits(FRENCH, edits_for(preferred[0].edit, uri), enc(client))
    assert new == FRENCH.replace("\u200b", "")


async def test_fix_all_of_one_rule(client: LanguageClient) -> None:
    text = "Un  deux  trois.\nQuatre  cinq.\nSix\u200bsept.\n"
    uri = "untitled:rule.txt"
    open_doc(client, uri, text)
    diags = await diagnostics(client, uri, 1)
    first = by_rule(diags, "doubled-space")[0]
    actions = await _actions(client, uri, first.range, [first], ["quickfix"])
    fix_rule = [a for a in actions if a.title.startswith("Fix all doubled-space")]
    assert len(fix_rule) == 1
    action = await _resolved(client, fix_rule[0])
    new = apply_edits(text, edits_for(action.edit, uri), enc(client))
    assert new == "Un deux trois.\nQuatre cinq.\nSix\u200bsept.\n"


async def test_source_fix_all(client: LanguageClient) -> None:
    uri = "untitled:fixall.txt"
    open_doc(client, uri, FRENCH)
    await diagnostics(client, uri, 1)
    start = lsp.Position(line=0, character=0)
    actions = await _actions(client, uri, lsp.Range(start=start, end=start), [], ["source.fixAll"])
    assert [a.kind for a in actions] == ["source.fixAll.textsweep"]
    action = await _resolved(client, actions[0])
    new = apply_edits(FRENCH, edits_for(action.edit, uri), enc(client))
    assert new == "Le dépôt est prêt.\nIl faut le dire.\n\nFin du texte.\n"


async def test_only_filter_excludes_quickfixes(client: LanguageClient) -> None:
    uri = "untitled:only.txt"
    open_doc(client, uri, FRENCH)
    diags = await diagnostics(client, uri, 1)
    zw = by_rule(diags, "invisible-character")[0]
    actions = await _actions(client, uri, zw.range, [zw], ["source.fixAll.textsweep"])
    assert all(a.kind == "source.fixAll.textsweep" for a in actions)
    assert len(actions) == 1


async def test_lazy_resolve_only_for_clients_that_support_it(client: LanguageClient) -> None:
    uri = "untitled:lazy.txt"
    open_doc(client, uri, FRENCH)
    await diagnostics(client, uri, 1)
    start = lsp.Position(line=0, character=0)
    [action] = await _actions(client, uri, lsp.Range(start=start, end=start), [], ["source"])
    caps = client.capabilities
    rs = caps.text_document.code_action.resolve_support if caps and caps.text_document else None
    if rs and "edit" in rs.properties:
        assert action.edit is None and action.data is not None
    else:
        assert action.edit is not None


async def test_formatting_applies_safe_fixes(client: LanguageClient) -> None:
    uri = "untitled:fmt.txt"
    open_doc(client, uri, FRENCH)
    edits = await client.text_document_formatting_async(
        lsp.DocumentFormattingParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            options=lsp.FormattingOptions(tab_size=4, insert_spaces=True),
        )
    )
    assert edits
    assert apply_edits(FRENCH, edits, enc(client)) == (
        "Le dépôt est prêt.\nIl faut le dire.\n\nFin du texte.\n"
    )


async def test_hover_names_the_character(client: LanguageClient) -> None:
    uri = "untitled:hover.txt"
    open_doc(client, uri, FRENCH)
    await diagnostics(client, uri, 1)
    at = position(FRENCH, FRENCH.index("\u200b"), enc(client))
    hover = await client.text_document_hover_async(
        lsp.HoverParams(text_document=lsp.TextDocumentIdentifier(uri=uri), position=at)
    )
    assert hover is not None
    assert isinstance(hover.contents, lsp.MarkupContent)
    assert "U+200B ZERO WIDTH SPACE" in hover.contents.value
    assert "invisible-character" in hover.contents.value
    nothing = await client.text_document_hover_async(
        lsp.HoverParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            position=lsp.Position(line=5, character=1),
        )
    )
    assert nothing is None


async def test_pull_clients_get_no_pushes(client: LanguageClient) -> None:
    uri = "untitled:pull.txt"
    open_doc(client, uri, FRENCH)
    diags = await diagnostics(client, uri, 1)
    assert diags
    await asyncio.sleep(0.3)
    if uses_pull(client):
        assert client.push_count == 0  # type: ignore[attr-defined]
    else:
        assert client.push_count >= 1  # type: ignore[attr-defined]


async def test_cap_on_published_findings(client: LanguageClient) -> None:
    client.set_configuration({"textsweep": {"maxFindings": 5}})
    client.workspace_did_change_configuration(
        lsp.DidChangeConfigurationParams(settings={"textsweep": {"maxFindings": 5}})
    )
    # One sentence per paragraph: twelve lines in a row with the two spaces at the same
    # column would be an aligned table, which is layout, not prose.
    text = "\n".join(f"Le mot{i}  suivant.\n" for i in range(12))
    uri = "untitled:cap.txt"
    open_doc(client, uri, text)
    diags = await diagnostics(client, uri, 1)
    assert len(diags) == 6
    assert diags[-1].code == "too-many-findings"
    assert "7 more" in diags[-1].message
    # fix-all still fixes every one, not only the published five.
    start = lsp.Position(line=0, character=0)
    [action] = await _actions(client, uri, lsp.Range(start=start, end=start), [], ["source"])
    action = await _resolved(client, action)
    new = apply_edits(text, edits_for(action.edit, uri), enc(client))
    assert "  " not in new


async def test_rule_switched_off_and_bad_setting_warned(client: LanguageClient) -> None:
    settings = {
        "textsweep": {
            "rules": {"doubled-space": "off", "no-such-rule": True},
            "maxFindings": "many",
        }
    }
    client.set_configuration(settings)
    client.workspace_did_change_configuration(lsp.DidChangeConfigurationParams(settings=settings))
    uri = "untitled:cfg.txt"
    open_doc(client, uri, FRENCH)
    diags = await diagnostics(client, uri, 1)
    assert by_rule(diags, "doubled-space") == []
    assert by_rule(diags, "invisible-character")
    for _ in range(100):
        if client.messages:
            break
        await asyncio.sleep(0.05)
    warnings = [m for m in client.messages if m.type == lsp.MessageType.Warning]
    assert len(warnings) == 1
    assert "no-such-rule" in warnings[0].message and "maxFindings" in warnings[0].message


async def test_severity_override(client: LanguageClient) -> None:
    settings = {"textsweep": {"rules": {"invisible-character": "error"}}}
    client.set_configuration(settings)
    client.workspace_did_change_configuration(lsp.DidChangeConfigurationParams(settings=settings))
    uri = "untitled:sev.txt"
    open_doc(client, uri, FRENCH)
    diags = by_rule(await diagnostics(client, uri, 1), "invisible-character")
    assert diags[0].severity == lsp.DiagnosticSeverity.Error


async def test_close_clears_pushed_diagnostics(client: LanguageClient) -> None:
    if uses_pull(client):
        pytest.skip("pull clients drop diagnostics themselves")
    uri = "untitled:close.txt"
    open_doc(client, uri, FRENCH)
    assert await diagnostics(client, uri, 1)
    client.text_document_did_close(
        lsp.DidCloseTextDocumentParams(text_document=lsp.TextDocumentIdentifier(uri=uri))
    )
    for _ in range(100):
        if list(client.diagnostics.get(uri, [None])) == []:
            break
        await asyncio.sleep(0.02)
    assert list(client.diagnostics[uri]) == []


async def test_burst_of_keystrokes_costs_one_lint(client: LanguageClient) -> None:
    if uses_pull(client):
        pytest.skip("pull clients ask when they want")
    uri = "untitled:burst.txt"
    text = "Début.\n"
    open_doc(client, uri, text)
    await diagnostics(client, uri, 1)
    before = client.push_count  # type: ignore[attr-defined]
    line_len = len("Début.")
    for i, ch in enumerate("  fin du  mot"):
        at = lsp.Position(line=0, character=line_len + i)
        client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(
                text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=2 + i),
                content_changes=[
                    lsp.TextDocumentContentChangePartial(range=lsp.Range(start=at, end=at), text=ch)
                ],
            )
        )
    last = 2 + len("  fin du  mot") - 1
    diags = await diagnostics(client, uri, last)
    await asyncio.sleep(0.4)
    # One lint for the burst; a loaded machine may split it once (the debounce is
    # 75 ms), but never one lint per keystroke (13 here).
    assert client.push_count - before <= 2  # type: ignore[attr-defined]
    assert [d.code for d in diags] == ["doubled-space", "doubled-space"]


async def test_editorconfig_read_and_reread_on_save(client: LanguageClient, tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / ".editorconfig").write_text("root = true\n", encoding="utf-8")
    txt = tmp_path / "note.txt"
    txt.write_text("Fin de ligne   \n", encoding="utf-8")
    uri = txt.as_uri()
    open_doc(client, uri, txt.read_text(encoding="utf-8"))
    assert by_rule(await diagnostics(client, uri, 1), "trailing-whitespace")
    # The project stops caring about trailing whitespace; the editor saves .editorconfig.
    ec = tmp_path / ".editorconfig"
    ec.write_text("root = true\n[*.txt]\ntrim_trailing_whitespace = false\n", encoding="utf-8")
    open_doc(client, ec.as_uri(), ec.read_text(encoding="utf-8"), "properties")
    before = client.push_count  # type: ignore[attr-defined]
    client.text_document_did_save(
        lsp.DidSaveTextDocumentParams(text_document=lsp.TextDocumentIdentifier(uri=ec.as_uri()))
    )
    for _ in range(200):
        if uses_pull(client) or (
            client.push_count > before  # type: ignore[attr-defined]
            and not by_rule(client.diagnostics.get(uri, []), "trailing-whitespace")
        ):
            break
        await asyncio.sleep(0.02)
    assert by_rule(await diagnostics(client, uri, 1), "trailing-whitespace") == []
