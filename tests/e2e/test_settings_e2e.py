"""End to end: the server reads project settings files as the CLI does, and re-lints
open documents when one changes on disk (``workspace/didChangeWatchedFiles``)."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from lsprotocol import types as lsp
from pytest_lsp import LanguageClient

from .lsputil import by_rule, diagnostics, open_doc, uses_pull

TEXT = "Il  faut le dire.\nUne ligne qui finit mal.   \nFin du texte.\n"
RULE_OFF = '[tool.textsweep]\nrules = { "doubled-space" = "off" }\n'


def project(root: Path, files: dict[str, str]) -> Path:
    """A repository (``.git`` bounds the upward search) holding ``files``; the note."""
    (root / ".git").mkdir()
    for name, content in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(content, encoding="utf-8")
    note = root / "docs" / "note.txt"
    note.parent.mkdir(exist_ok=True)
    note.write_text(TEXT, encoding="utf-8")
    return note


def cli_rules(path: Path) -> list[str]:
    """Rule ids the CLI reports for ``path``, run from the repository root."""
    out = subprocess.run(
        [sys.executable, "-m", "textsweep", "check", str(path)],
        capture_output=True,
        text=True,
        cwd=path.parent.parent,
    )
    return [line.split()[2] for line in out.stdout.splitlines()]


async def settled(
    client: LanguageClient,
    uri: str,
    done: Callable[[Sequence[lsp.Diagnostic]], bool],
    timeout: float = 10.0,
) -> list[lsp.Diagnostic]:
    """Diagnostics once ``done`` holds for them (pushed ones may still be on their way)."""
    if uses_pull(client):
        return await diagnostics(client, uri)

    async def wait() -> list[lsp.Diagnostic]:
        while not (uri in client.diagnostics and done(client.diagnostics[uri])):
            await asyncio.sleep(0.02)
        return list(client.diagnostics[uri])

    return await asyncio.wait_for(wait(), timeout)


async def test_pyproject_turns_a_rule_off_in_the_editor_as_in_the_cli(
    client: LanguageClient, tmp_path: Path
) -> None:
    note = project(tmp_path, {"pyproject.toml": RULE_OFF})
    open_doc(client, note.as_uri(), TEXT)
    diags = await diagnostics(client, note.as_uri(), 1)
    assert by_rule(diags, "doubled-space") == []
    assert len(by_rule(diags, "trailing-whitespace")) == 1  # the rest still runs
    assert sorted(str(d.code) for d in diags) == sorted(cli_rules(note))


async def test_textsweep_toml_wins_over_pyproject_in_the_same_folder(
    client: LanguageClient, tmp_path: Path
) -> None:
    note = project(
        tmp_path,
        {
            "pyproject.toml": RULE_OFF,
            ".textsweep.toml": 'rules = { "trailing-whitespace" = "off" }\n',
        },
    )
    open_doc(client, note.as_uri(), TEXT)
    diags = await diagnostics(client, note.as_uri(), 1)
    assert [str(d.code) for d in diags] == ["doubled-space"] == cli_rules(note)


async def test_editor_settings_win_over_the_project_file(
    client: LanguageClient, tmp_path: Path
) -> None:
    note = project(tmp_path, {"pyproject.toml": RULE_OFF})
    settings = {"textsweep": {"rules": {"doubled-space": "error"}}}
    client.set_configuration(settings)
    client.workspace_did_change_configuration(lsp.DidChangeConfigurationParams(settings=settings))
    open_doc(client, note.as_uri(), TEXT)
    [doubled] = by_rule(await diagnostics(client, note.as_uri(), 1), "doubled-space")
    assert doubled.severity == lsp.DiagnosticSeverity.Error


async def test_changed_pyproject_relints_open_documents(
    client: LanguageClient, tmp_path: Path
) -> None:
    pyproject = tmp_path / "pyproject.toml"
    note = project(tmp_path, {"pyproject.toml": '[project]\nname = "notes"\n'})
    uri = note.as_uri()
    open_doc(client, uri, TEXT)
    assert len(by_rule(await diagnostics(client, uri, 1), "doubled-space")) == 1
    pyproject.write_text('[project]\nname = "notes"\n\n' + RULE_OFF, encoding="utf-8")
    client.workspace_did_change_watched_files(
        lsp.DidChangeWatchedFilesParams(
            changes=[lsp.FileEvent(uri=pyproject.as_uri(), type=lsp.FileChangeType.Changed)]
        )
    )
    diags = await settled(client, uri, lambda ds: not by_rule(ds, "doubled-space"))
    assert by_rule(diags, "doubled-space") == []
    assert by_rule(diags, "trailing-whitespace")
    # Deleted: back to the defaults.
    pyproject.unlink()
    client.workspace_did_change_watched_files(
        lsp.DidChangeWatchedFilesParams(
            changes=[lsp.FileEvent(uri=pyproject.as_uri(), type=lsp.FileChangeType.Deleted)]
        )
    )
    diags = await settled(client, uri, lambda ds: bool(by_rule(ds, "doubled-space")))
    assert len(by_rule(diags, "doubled-space")) == 1


async def test_other_watched_files_do_not_relint(client: LanguageClient, tmp_path: Path) -> None:
    if uses_pull(client):
        pytest.skip("counts pushes")
    note = project(tmp_path, {})
    open_doc(client, note.as_uri(), TEXT)
    await diagnostics(client, note.as_uri(), 1)
    await asyncio.sleep(0.3)
    before = client.push_count  # type: ignore[attr-defined]
    client.workspace_did_change_watched_files(
        lsp.DidChangeWatchedFilesParams(
            changes=[
                lsp.FileEvent(
                    uri=(tmp_path / "setup.cfg").as_uri(), type=lsp.FileChangeType.Created
                )
            ]
        )
    )
    await asyncio.sleep(0.4)
    assert client.push_count == before  # type: ignore[attr-defined]


async def test_settings_files_watched_when_the_client_can(client: LanguageClient) -> None:
    caps = client.capabilities
    watched = caps and caps.workspace and caps.workspace.did_change_watched_files
    can = bool(watched and watched.dynamic_registration)
    for _ in range(100):
        if client.registrations or not can:  # type: ignore[attr-defined]
            break
        await asyncio.sleep(0.02)
    regs = client.registrations  # type: ignore[attr-defined]
    if not can:
        assert regs == []
        return
    [reg] = regs
    assert reg.method == lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES
    globs = sorted(w["globPattern"] for w in reg.register_options["watchers"])
    # Settings files, and .gitignore files (they change the workspace's files).
    assert globs == ["**/.editorconfig", "**/.gitignore", "**/.textsweep.toml", "**/pyproject.toml"]
