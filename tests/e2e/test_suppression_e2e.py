"""End to end: "Disable <rule> for this line / file / in this project", applied as the
editor would, then re-linted; and ``exclude`` silencing an open document."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from lsprotocol import types as lsp
from pytest_lsp import LanguageClient

from textsweep.settings import SettingsResolver

from .lsputil import apply_edits, by_rule, diagnostics, encoding_of, open_doc, uses_pull

RULE = "doubled-space"
DOCS = {
    "plaintext": ("note.txt", "Deux  espaces ici.\nUne autre  ligne.\n"),
    "markdown": ("note.md", "# Titre\n\nDeux  espaces ici.\nUne autre  ligne.\n"),
    "python": ("note.py", 'x = 1  # deux  espaces\ny = "une autre  phrase ici"\n'),
    "latex": ("note.tex", "\\section{Titre}\nDeux  espaces ici.\nUne autre  ligne.\n"),
}


def repo(root: Path, files: dict[str, str]) -> None:
    (root / ".git").mkdir()
    for name, content in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(content, encoding="utf-8", newline="")


def apply_workspace_edit(
    edit: lsp.WorkspaceEdit | None, texts: dict[str, str], enc: str
) -> dict[str, str]:
    """The texts after ``edit`` (created files start empty), as a client applies it."""
    assert edit is not None
    out = dict(texts)
    for change in edit.document_changes or []:
        if isinstance(change, lsp.CreateFile):
            out.setdefault(change.uri, "")
        else:
            assert isinstance(change, lsp.TextDocumentEdit)
            uri = change.text_document.uri
            edits = [e for e in change.edits if isinstance(e, lsp.TextEdit)]
            out[uri] = apply_edits(out[uri], edits, enc)
    for uri, edits in (edit.changes or {}).items():
        out[uri] = apply_edits(out[uri], list(edits), enc)
    return out


async def actions_for(
    client: LanguageClient, uri: str, diag: lsp.Diagnostic
) -> dict[str, lsp.CodeAction]:
    result = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            range=diag.range,
            context=lsp.CodeActionContext(diagnostics=[diag], only=["quickfix"]),
        )
    )
    return {a.title: a for a in result or [] if isinstance(a, lsp.CodeAction)}


def change(client: LanguageClient, uri: str, text: str, version: int) -> None:
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


async def settled(
    client: LanguageClient, uri: str, check: object, timeout: float = 10.0
) -> list[lsp.Diagnostic]:
    """Diagnostics once ``check`` holds (pushes after a settings change come late)."""

    async def wait() -> list[lsp.Diagnostic]:
        while True:
            diags = await diagnostics(client, uri)
            if check(diags):  # type: ignore[operator]
                return diags
            await asyncio.sleep(0.05)

    return await asyncio.wait_for(wait(), timeout)


@pytest.mark.parametrize("language_id", sorted(DOCS))
async def test_line_and_file_actions_switch_the_rule_off(
    client: LanguageClient, tmp_path: Path, language_id: str
) -> None:
    enc = encoding_of(client, client.init_result)  # type: ignore[attr-defined]
    name, text = DOCS[language_id]
    repo(tmp_path, {name: text})
    uri = (tmp_path / name).as_uri()
    open_doc(client, uri, text, language_id)
    diags = by_rule(await diagnostics(client, uri, 1), RULE)
    assert len(diags) == 2
    actions = await actions_for(client, uri, diags[0])
    line = actions.get(f"Disable {RULE} for this line")
    whole = actions.get(f"Disable {RULE} for this file")
    project = actions.get(f"Disable {RULE} in this project (.textsweep.toml)")
    assert project is not None
    if language_id == "plaintext":
        # no comment syntax: a directive would be text
        assert line is None and whole is None
        return
    assert line is not None and whole is not None
    assert line.kind == lsp.CodeActionKind.QuickFix and not line.is_preferred
    # for this line: that finding goes, the other stays, nothing is "unused"
    new = apply_workspace_edit(line.edit, {uri: text}, enc)[uri]
    assert new.count(f"textsweep: disable-line {RULE}") + new.count(
        f"textsweep: disable-next-line {RULE}"
    ) == 1 and len(new.splitlines()) in (len(text.splitlines()), len(text.splitlines()) + 1)
    change(client, uri, new, 2)
    after = await diagnostics(client, uri, 2)
    assert len(by_rule(after, RULE)) == 1
    assert by_rule(after, RULE)[0].range.start.line > diags[0].range.start.line
    assert by_rule(after, "unused-directive") == []
    # for this file: none left
    new = apply_workspace_edit(whole.edit, {uri: text}, enc)[uri]
    change(client, uri, new, 3)
    after = await diagnostics(client, uri, 3)
    assert by_rule(after, RULE) == [] and by_rule(after, "unused-directive") == []
    assert len(after) == len(await diagnostics(client, uri, 3))


def watched(client: LanguageClient, path: Path, kind: lsp.FileChangeType) -> None:
    client.workspace_did_change_watched_files(
        lsp.DidChangeWatchedFilesParams(changes=[lsp.FileEvent(uri=path.as_uri(), type=kind)])
    )


async def test_project_action_creates_textsweep_toml(
    client: LanguageClient, tmp_path: Path
) -> None:
    enc = encoding_of(client, client.init_result)  # type: ignore[attr-defined]
    name, text = DOCS["plaintext"]
    repo(tmp_path, {f"docs/{name}": text})
    uri = (tmp_path / "docs" / name).as_uri()
    open_doc(client, uri, text)
    diags = by_rule(await diagnostics(client, uri, 1), RULE)
    action = (await actions_for(client, uri, diags[0]))[
        f"Disable {RULE} in this project (.textsweep.toml)"
    ]
    config = tmp_path / ".textsweep.toml"  # at the repository root
    assert action.edit is not None and action.edit.document_changes is not None
    assert isinstance(action.edit.document_changes[0], lsp.CreateFile)
    files = apply_workspace_edit(action.edit, {}, enc)
    assert list(files) == [config.as_uri()]
    config.write_text(files[config.as_uri()], encoding="utf-8")
    watched(client, config, lsp.FileChangeType.Created)
    after = await settled(client, uri, lambda ds: not by_rule(ds, RULE))
    assert after == [] or all(d.code != RULE for d in after)
    resolved, warnings = SettingsResolver().config_for(str(tmp_path / "docs" / name))
    assert warnings == [] and resolved.rules[RULE] is False


async def test_project_action_edits_pyproject_keeping_the_rest(
    client: LanguageClient, tmp_path: Path
) -> None:
    enc = encoding_of(client, client.init_result)  # type: ignore[attr-defined]
    name, text = DOCS["markdown"]
    pyproject = '[project]\r\nname = "notes"  # the name\r\n\r\n[tool.ruff]\r\nline-length = 99\r\n'
    repo(tmp_path, {name: text, "pyproject.toml": pyproject})
    uri = (tmp_path / name).as_uri()
    open_doc(client, uri, text, "markdown")
    diags = by_rule(await diagnostics(client, uri, 1), RULE)
    action = (await actions_for(client, uri, diags[0]))[
        f"Disable {RULE} in this project (pyproject.toml)"
    ]
    target = tmp_path / "pyproject.toml"
    new = apply_workspace_edit(action.edit, {target.as_uri(): pyproject}, enc)[target.as_uri()]
    assert new == pyproject + "\r\n[tool.textsweep.rules]\r\ndoubled-space = false\r\n"
    target.write_bytes(new.encode("utf-8"))
    watched(client, target, lsp.FileChangeType.Changed)
    after = await settled(client, uri, lambda ds: not by_rule(ds, RULE))
    assert by_rule(after, RULE) == []


async def test_excluded_document_gets_no_diagnostics_and_no_actions(
    client: LanguageClient, tmp_path: Path
) -> None:
    text = DOCS["plaintext"][1]
    repo(
        tmp_path,
        {
            "pyproject.toml": '[tool.textsweep]\nexclude = ["vendor/"]\n',
            "vendor/lib.txt": text,
            "own.txt": text,
        },
    )
    excluded, own = (tmp_path / "vendor" / "lib.txt").as_uri(), (tmp_path / "own.txt").as_uri()
    open_doc(client, own, text)
    assert len(by_rule(await diagnostics(client, own, 1), RULE)) == 2
    open_doc(client, excluded, text)
    assert await diagnostics(client, excluded, 1) == []
    rng = lsp.Range(start=lsp.Position(0, 0), end=lsp.Position(0, 10))
    result = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=excluded),
            range=rng,
            context=lsp.CodeActionContext(diagnostics=[]),
        )
    )
    assert not result
    formatted = await client.text_document_formatting_async(
        lsp.DocumentFormattingParams(
            text_document=lsp.TextDocumentIdentifier(uri=excluded),
            options=lsp.FormattingOptions(tab_size=4, insert_spaces=True),
        )
    )
    assert not formatted
    assert uses_pull(client) or list(client.diagnostics.get(excluded, [None])) == []


async def test_editor_settings_exclude_and_overrides(
    client: LanguageClient, tmp_path: Path
) -> None:
    text = DOCS["plaintext"][1]
    repo(tmp_path, {"a.txt": text, "b.md": text, "c.rst": text})
    settings = {
        "textsweep": {
            "exclude": ["*.txt"],
            "overrides": [{"files": ["*.md"], "rules": {RULE: "off"}}],
        }
    }
    client.set_configuration(settings)
    client.workspace_did_change_configuration(lsp.DidChangeConfigurationParams(settings=settings))
    uris = {n: (tmp_path / n).as_uri() for n in ("a.txt", "b.md", "c.rst")}
    open_doc(client, uris["a.txt"], text)
    open_doc(client, uris["b.md"], text, "markdown")
    open_doc(client, uris["c.rst"], text, "restructuredtext")
    assert await diagnostics(client, uris["a.txt"], 1) == []
    assert by_rule(await diagnostics(client, uris["b.md"], 1), RULE) == []
    assert len(by_rule(await diagnostics(client, uris["c.rst"], 1), RULE)) == 2
