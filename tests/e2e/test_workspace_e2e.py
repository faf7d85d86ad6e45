"""The real server over stdio, on a whole workspace: ``workspace/diagnostic`` and the
``textsweep.server.checkWorkspace`` / ``textsweep.server.fixWorkspace`` commands.

The files are checked the way ``textsweep check`` checks them (the tests compare
with the CLI run on the same tree), open documents are reported from the buffer.
"""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import pytest_lsp
from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcRequestCancelled
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from .conftest import SERVER, make_client
from .lsputil import apply_edits, open_doc

DOUBLED = "Il  faut le dire.\nUne ligne propre.\n"
TRAILING = "A line that ends badly.   \nAnother line.\n"
CLEAN = "Nothing to see here.\n"
#: Real prose with one problem per file, varied so files differ.
PROSE = (
    "Le dépôt est prêt ; il sera livré à Orléans demain.\n"
    "The report was  sent on time, as agreed.\n"
    "Una línea correcta.\n"
)


def vscode_pull() -> lsp.ClientCapabilities:
    """VS Code as it is now: pull diagnostics, workspace diagnostics with refresh."""
    caps = client_capabilities("visual-studio-code")
    assert caps.text_document is not None and caps.workspace is not None
    caps.text_document.diagnostic = lsp.DiagnosticClientCapabilities(
        dynamic_registration=True, related_document_support=False
    )
    caps.workspace.diagnostics = lsp.DiagnosticWorkspaceClientCapabilities(refresh_support=True)
    return caps


PROFILES = {
    "vscode-pull": vscode_pull,
    "visual-studio-code": lambda: client_capabilities("visual-studio-code"),
    "neovim@v0.11.0": lambda: client_capabilities("neovim@v0.11.0"),
    "neovim@v0.7.0": lambda: client_capabilities("neovim@v0.7.0"),
}


def make_ws_client() -> LanguageClient:
    """The e2e client, also keeping partial results and applying workspace edits to
    the files on disk (as an editor would save them)."""
    client = make_client()
    client.partials = {}  # type: ignore[attr-defined]
    client.applied_edits = []  # type: ignore[attr-defined]
    client.refuse_edits = False  # type: ignore[attr-defined]
    default_progress = client.protocol.fm.features[lsp.PROGRESS]

    def progress(params: lsp.ProgressParams) -> None:
        value = params.value
        if isinstance(value, dict) and "items" in value:
            client.partials.setdefault(params.token, []).extend(value["items"])  # type: ignore[attr-defined]
            return
        default_progress(params)

    client.protocol.fm.features[lsp.PROGRESS] = progress

    @client.feature(lsp.WORKSPACE_APPLY_EDIT)
    def apply_edit(params: lsp.ApplyWorkspaceEditParams) -> lsp.ApplyWorkspaceEditResult:
        client.applied_edits.append(params)  # type: ignore[attr-defined]
        if client.refuse_edits:  # type: ignore[attr-defined]
            return lsp.ApplyWorkspaceEditResult(applied=False, failure_reason="refused")
        enc = "utf-16"
        for change in params.edit.document_changes or []:
            assert isinstance(change, lsp.TextDocumentEdit)
            path = Path(change.text_document.uri.removeprefix("file://"))
            text = path.read_bytes().decode("utf-8")
            edits = [e for e in change.edits if isinstance(e, lsp.TextEdit)]
            path.write_bytes(apply_edits(text, edits, enc).encode("utf-8"))
        return lsp.ApplyWorkspaceEditResult(applied=True)

    return client


CONFIG = ClientServerConfig(server_command=SERVER, client_factory=make_ws_client)


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    ws = tmp_path / "ws"
    ws.mkdir()
    (ws / ".git").mkdir()
    return ws


async def start(client: LanguageClient, workspace: Path, profile: str) -> None:
    await client.initialize_session(
        lsp.InitializeParams(
            capabilities=PROFILES[profile](),
            root_uri=workspace.as_uri(),
            workspace_folders=[lsp.WorkspaceFolder(uri=workspace.as_uri(), name="ws")],
        )
    )
    client.profile = profile  # type: ignore[attr-defined]


@pytest_lsp.fixture(config=CONFIG, params=["vscode-pull", "neovim@v0.11.0"])
async def client(lsp_client: LanguageClient, workspace: Path, request: Any) -> Any:
    await start(lsp_client, workspace, request.param)
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=CONFIG)
async def vscode(lsp_client: LanguageClient, workspace: Path) -> Any:
    await start(lsp_client, workspace, "vscode-pull")
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=CONFIG, params=["visual-studio-code", "neovim@v0.7.0"])
async def push_client(lsp_client: LanguageClient, workspace: Path, request: Any) -> Any:
    await start(lsp_client, workspace, request.param)
    yield
    await lsp_client.shutdown_session()


def write(root: Path, files: dict[str, str | bytes]) -> None:
    for name, content in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            p.write_bytes(content)
        else:
            p.write_text(content, encoding="utf-8", newline="")


def cli_check(root: Path) -> dict[str, list[str]]:
    """URI → rule ids, as ``textsweep check`` reports the tree (JSON format)."""
    import json

    out = subprocess.run(
        [sys.executable, "-m", "textsweep", "check", "--format", "json", "--jobs", "1", "."],
        capture_output=True,
        text=True,
        cwd=root,
    )
    data = json.loads(out.stdout)
    files = data["files"] if isinstance(data, dict) else data
    got: dict[str, list[str]] = {}
    for f in files:
        if f.get("findings"):
            uri = (root / f["path"]).resolve().as_uri()
            got[uri] = [x["rule"] for x in f["findings"]]
    return got


async def pull(
    client: LanguageClient, previous: dict[str, str] | None = None, **kw: Any
) -> list[lsp.WorkspaceDocumentDiagnosticReport]:
    report = await asyncio.wait_for(
        client.workspace_diagnostic_async(
            lsp.WorkspaceDiagnosticParams(
                previous_result_ids=[
                    lsp.PreviousResultId(uri=u, value=v) for u, v in (previous or {}).items()
                ],
                **kw,
            )
        ),
        60,
    )
    return list(report.items)


def codes(report: Any) -> list[str]:
    return [str(d.code) for d in report.items]


def by_uri(items: list[Any]) -> dict[str, Any]:
    out = {r.uri: r for r in items}
    assert len(out) == len(items), "a file reported twice"
    return out


TREE: dict[str, str | bytes] = {
    "a.txt": DOUBLED,
    "b.md": CLEAN,
    "sub/c.txt": TRAILING,
    "ignored.txt": DOUBLED,
    "image.bin": b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR" + bytes(200),
    ".gitignore": "ignored.txt\n",
}


async def test_workspace_diagnostic_is_the_cli_check_with_open_buffers(
    client: LanguageClient, workspace: Path
) -> None:
    write(workspace, TREE)
    expected = cli_check(workspace)
    assert set(expected) == {(workspace / n).as_uri() for n in ("a.txt", "sub/c.txt")}
    # a.txt is open, and its buffer differs from the disk: the buffer counts.
    a_uri = (workspace / "a.txt").as_uri()
    open_doc(client, a_uri, TRAILING, version=3)
    items = by_uri(await pull(client))
    assert (workspace / "ignored.txt").as_uri() not in items
    assert not codes(
        items.get((workspace / "image.bin").as_uri(), lsp.FullDocumentDiagnosticReport([]))
    )
    c = items[(workspace / "sub/c.txt").as_uri()]
    assert c.kind == "full" and c.version is None
    assert codes(c) == expected[c.uri]
    a = items[a_uri]
    assert a.version == 3 and codes(a) == ["trailing-whitespace"]
    assert codes(items[(workspace / "b.md").as_uri()]) == []


async def test_unchanged_files_are_reported_unchanged(
    client: LanguageClient, workspace: Path
) -> None:
    write(workspace, TREE)
    first = by_uri(await pull(client))
    ids = {u: r.result_id for u, r in first.items() if r.result_id}
    assert len(ids) == len(first) >= 4
    second = by_uri(await pull(client, ids))
    assert set(second) == set(first)
    assert {r.kind for r in second.values()} == {"unchanged"}
    # One file edited on disk (same size, other content), one deleted.
    c = workspace / "sub" / "c.txt"
    c.write_text(TRAILING.replace("badly.   ", "badly.\t\t\t"), encoding="utf-8")
    (workspace / "b.md").unlink()
    third = by_uri(await pull(client, {u: r.result_id for u, r in second.items()}))
    full = {u: r for u, r in third.items() if r.kind == "full"}
    assert set(full) == {c.as_uri(), (workspace / "b.md").as_uri()}
    assert codes(full[c.as_uri()]) == ["trailing-whitespace"]
    assert full[c.as_uri()].result_id != ids[c.as_uri()]
    assert codes(full[(workspace / "b.md").as_uri()]) == []


async def test_partial_results_and_work_done_progress(
    vscode: LanguageClient, workspace: Path
) -> None:
    # Enough files for the worker processes.
    write(workspace, {f"notes/n{i:03}.txt": PROSE.replace("time", f"time {i}") for i in range(60)})
    vscode.progress_reports["work"] = []
    items = await pull(vscode, partial_result_token="part", work_done_token="work")
    assert items == []  # everything came as partial results
    partial = vscode.partials["part"]  # type: ignore[attr-defined]
    uris = [p["uri"] for p in partial]
    assert len(uris) == len(set(uris)) == 60
    expected = cli_check(workspace)
    assert {p["uri"]: [d["code"] for d in p["items"]] for p in partial} == expected
    kinds = [type(v).__name__ for v in vscode.progress_reports["work"]]
    assert kinds[0] == "WorkDoneProgressBegin" and kinds[-1] == "WorkDoneProgressEnd"


async def test_cancel_stops_the_check(vscode: LanguageClient, workspace: Path) -> None:
    # enough files that the check is still running when the cancel arrives, also on
    # a loaded machine (with 600, a fresh-clone CI run once answered before it did)
    n = 2000
    write(workspace, {f"d{i % 7}/n{i:04}.txt": PROSE * 40 + f"{i}\n" for i in range(n)})
    msg_id = "ws-cancel"
    fut = vscode.protocol.send_request(
        lsp.WORKSPACE_DIAGNOSTIC,
        lsp.WorkspaceDiagnosticParams(previous_result_ids=[], partial_result_token="big"),
        msg_id=msg_id,
    )

    async def first_partial() -> None:
        while not vscode.partials.get("big"):  # type: ignore[attr-defined]
            await asyncio.sleep(0.01)

    await asyncio.wait_for(first_partial(), 60)
    vscode.protocol.notify(lsp.CANCEL_REQUEST, lsp.CancelParams(id=msg_id))
    with pytest.raises(JsonRpcRequestCancelled):
        await asyncio.wait_for(asyncio.wrap_future(fut), 60)
    seen = len(vscode.partials["big"])  # type: ignore[attr-defined]
    await asyncio.sleep(0.5)
    # The queued files were dropped: few or no reports after the answer.
    assert len(vscode.partials["big"]) < n  # type: ignore[attr-defined]
    assert len(vscode.partials["big"]) - seen <= 64  # type: ignore[attr-defined]
    # And the server still answers.
    small = workspace / "d0" / "n0000.txt"
    open_doc(vscode, small.as_uri(), DOUBLED)
    report = await vscode.text_document_diagnostic_async(
        lsp.DocumentDiagnosticParams(text_document=lsp.TextDocumentIdentifier(uri=small.as_uri()))
    )
    assert [d.code for d in report.items] == ["doubled-space"]


async def test_refresh_after_settings_and_ignore_file_changes(
    vscode: LanguageClient, workspace: Path
) -> None:
    write(workspace, TREE)
    first = by_uri(await pull(vscode))
    ids = {u: r.result_id for u, r in first.items()}
    a_uri = (workspace / "a.txt").as_uri()
    assert codes(first[a_uri]) == ["doubled-space"]
    pyproject = workspace / "pyproject.toml"
    pyproject.write_text('[tool.textsweep]\nrules = { "doubled-space" = "off" }\n', "utf-8")
    before = vscode.diagnostic_refresh_count
    vscode.workspace_did_change_watched_files(
        lsp.DidChangeWatchedFilesParams(
            changes=[lsp.FileEvent(uri=pyproject.as_uri(), type=lsp.FileChangeType.Created)]
        )
    )

    async def refreshed(count: int) -> None:
        while vscode.diagnostic_refresh_count <= count:
            await asyncio.sleep(0.02)

    await asyncio.wait_for(refreshed(before), 10)
    second = by_uri(await pull(vscode, ids))
    assert second[a_uri].kind == "full" and codes(second[a_uri]) == []
    # .gitignore changed: refresh, and the newly ignored file is emptied.
    (workspace / ".gitignore").write_text("ignored.txt\na.txt\n", "utf-8")
    before = vscode.diagnostic_refresh_count
    vscode.workspace_did_change_watched_files(
        lsp.DidChangeWatchedFilesParams(
            changes=[
                lsp.FileEvent(
                    uri=(workspace / ".gitignore").as_uri(), type=lsp.FileChangeType.Changed
                )
            ]
        )
    )
    await asyncio.wait_for(refreshed(before), 10)
    third = by_uri(await pull(vscode, {u: r.result_id for u, r in second.items()}))
    assert third[a_uri].kind == "full" and codes(third[a_uri]) == []
    assert third[a_uri].result_id is None


async def test_added_folder_is_checked_after_a_refresh(
    vscode: LanguageClient, workspace: Path, tmp_path: Path
) -> None:
    write(workspace, {"a.txt": DOUBLED})
    other = tmp_path / "other"
    write(other, {".git/HEAD": "ref: refs/heads/main\n", "b.txt": TRAILING})
    assert set(by_uri(await pull(vscode))) == {(workspace / "a.txt").as_uri()}
    before = vscode.diagnostic_refresh_count
    vscode.workspace_did_change_workspace_folders(
        lsp.DidChangeWorkspaceFoldersParams(
            event=lsp.WorkspaceFoldersChangeEvent(
                added=[lsp.WorkspaceFolder(uri=other.as_uri(), name="other")], removed=[]
            )
        )
    )

    async def refreshed() -> None:
        while vscode.diagnostic_refresh_count <= before:
            await asyncio.sleep(0.02)

    await asyncio.wait_for(refreshed(), 10)
    items = by_uri(await pull(vscode))
    assert set(items) == {(workspace / "a.txt").as_uri(), (other / "b.txt").as_uri()}
    assert codes(items[(other / "b.txt").as_uri()]) == ["trailing-whitespace"]


async def test_max_files(vscode: LanguageClient, workspace: Path) -> None:
    write(workspace, {"a.txt": DOUBLED, "b.txt": DOUBLED, "c.txt": DOUBLED})
    vscode.set_configuration({"workspace": {"maxFiles": 2}}, section="textsweep")
    assert await pull(vscode) == []
    assert await pull(vscode) == []
    said = [m.message for m in vscode.messages if "maxFiles" in m.message]
    assert len(said) == 1 and "more than 2 files" in said[0]
    vscode.set_configuration({"workspace": {"maxFiles": 3}}, section="textsweep")
    assert len(await pull(vscode)) == 3


async def test_check_workspace_publishes_closed_files(
    push_client: LanguageClient, workspace: Path
) -> None:
    write(workspace, TREE)
    expected = cli_check(workspace)
    got = await push_client.workspace_execute_command_async(
        lsp.ExecuteCommandParams(command="textsweep.server.checkWorkspace", arguments=[])
    )
    assert got == {"files": 4, "problems": sum(len(v) for v in expected.values())}
    published = {u: [str(d.code) for d in ds] for u, ds in push_client.diagnostics.items() if ds}
    assert published == expected
    caps = push_client.capabilities
    if caps and caps.window and caps.window.work_done_progress:
        (reports,) = push_client.progress_reports.values()
        assert type(reports[-1]).__name__ == "WorkDoneProgressEnd"


async def test_check_workspace_does_not_push_to_a_pull_client(
    vscode: LanguageClient, workspace: Path
) -> None:
    """A pull client lists pushed diagnostics beside pulled ones: VS Code showed every
    problem twice. It gets the counts and a refresh instead."""
    write(workspace, TREE)
    expected = cli_check(workspace)
    before = vscode.diagnostic_refresh_count
    got = await vscode.workspace_execute_command_async(
        lsp.ExecuteCommandParams(command="textsweep.server.checkWorkspace", arguments=[])
    )
    assert got == {"files": 4, "problems": sum(len(v) for v in expected.values())}
    await asyncio.sleep(0.3)
    assert not {u for u, ds in vscode.diagnostics.items() if ds}
    assert vscode.diagnostic_refresh_count > before


def cli_fix_counts(root: Path) -> dict[str, int]:
    """Relative path → fixes ``textsweep fix --check`` would apply."""
    out = subprocess.run(
        [sys.executable, "-m", "textsweep", "fix", "--check", "."],
        capture_output=True,
        text=True,
        cwd=root,
    )
    counts: dict[str, int] = {}
    for line in out.stderr.splitlines():
        path, sep, rest = line.partition(": ")
        if sep and rest.endswith("would be applied"):
            counts[path] = int(rest.split()[0])
    return counts


async def test_fix_workspace(vscode: LanguageClient, workspace: Path, tmp_path: Path) -> None:
    buffer = TRAILING + "Plus  un.\n"
    tree: dict[str, str | bytes] = {
        **TREE,
        "latin1.txt": "Il  était une fois à Orléans.\n".encode("latin-1"),
        "d/e.txt": "Deux  espaces.  Et encore.   \n",
    }
    write(workspace, tree)
    # What `textsweep fix` makes of the same tree, sub/c.txt holding the buffer.
    expected = tmp_path / "expected"
    shutil.copytree(workspace, expected)
    (expected / "sub" / "c.txt").write_text(buffer, encoding="utf-8")
    counts = cli_fix_counts(expected)
    assert set(counts) == {"a.txt", "sub/c.txt", "d/e.txt"}
    subprocess.run([sys.executable, "-m", "textsweep", "fix", "."], cwd=expected, check=False)
    before = {p: p.read_bytes() for p in workspace.rglob("*") if p.is_file()}
    # sub/c.txt is open with an unsaved edit: its buffer is what gets fixed.
    c_uri = (workspace / "sub" / "c.txt").as_uri()
    open_doc(vscode, c_uri, buffer, version=7)

    async def run(*args: Any) -> Any:
        return await vscode.workspace_execute_command_async(
            lsp.ExecuteCommandParams(command="textsweep.server.fixWorkspace", arguments=list(args))
        )

    total = sum(counts.values())
    assert await run({"dryRun": True}) == {"files": 3, "fixes": total}
    assert {p: p.read_bytes() for p in before} == before
    assert vscode.applied_edits == []  # type: ignore[attr-defined]
    # Refused by the client: reported so, nothing written by the server.
    vscode.refuse_edits = True  # type: ignore[attr-defined]
    assert await run() == {"applied": False, "files": 3, "fixes": total}
    assert {p: p.read_bytes() for p in before} == before
    (params,) = vscode.applied_edits  # type: ignore[attr-defined]
    assert params.label == f"textsweep: fix {total} problems in 3 files"
    changes = params.edit.document_changes
    assert [c.text_document.uri for c in changes] == [
        c_uri,
        (workspace / "a.txt").as_uri(),
        (workspace / "d" / "e.txt").as_uri(),
    ]
    assert [c.text_document.version for c in changes] == [7, None, None]
    # The open document's edits turn its buffer into what `textsweep fix` writes.
    fixed_buffer = apply_edits(buffer, list(changes[0].edits), "utf-16")
    assert fixed_buffer == (expected / "sub" / "c.txt").read_text(encoding="utf-8")
    # Applied (the buffer saved first, then closed): the tree ends as `textsweep fix` leaves it.
    vscode.refuse_edits = False  # type: ignore[attr-defined]
    (workspace / "sub" / "c.txt").write_text(buffer, encoding="utf-8")
    vscode.text_document_did_close(
        lsp.DidCloseTextDocumentParams(text_document=lsp.TextDocumentIdentifier(uri=c_uri))
    )
    assert await run({"dryRun": False}) == {"applied": True, "files": 3, "fixes": total}
    for p in before:
        rel = p.relative_to(workspace)
        assert p.read_bytes() == (expected / rel).read_bytes(), rel
    # Not UTF-8: left alone, as the CLI leaves it.
    assert (workspace / "latin1.txt").read_bytes() == before[workspace / "latin1.txt"]


async def test_project_exclude_applies_to_the_workspace(
    client: LanguageClient, workspace: Path
) -> None:
    """``exclude`` in ``.textsweep.toml`` keeps files out of the workspace check,
    exactly as ``textsweep check`` leaves them out."""
    tree = dict(TREE)
    tree[".textsweep.toml"] = 'exclude = ["sub/"]\n'
    write(workspace, tree)
    expected = cli_check(workspace)
    assert set(expected) == {(workspace / "a.txt").as_uri()}
    items = by_uri(await pull(client))
    assert (workspace / "sub/c.txt").as_uri() not in items
    assert codes(items[(workspace / "a.txt").as_uri()]) == expected[(workspace / "a.txt").as_uri()]


async def test_editor_exclude_applies_to_the_workspace(
    vscode: LanguageClient, workspace: Path
) -> None:
    """``textsweep.exclude`` from the editor's settings is honoured by the walk too."""
    write(workspace, TREE)
    vscode.set_configuration({"exclude": ["sub/"]}, section="textsweep")
    items = by_uri(await pull(vscode))
    assert (workspace / "a.txt").as_uri() in items
    assert (workspace / "sub/c.txt").as_uri() not in items
