"""The real server over stdio, opening what is not a file or not the client's to read.

Before: ``didOpen`` of ``file:///dev/stdin`` made the server read its own input and go
deaf, two FIFOs blocked both worker threads for good, ``/dev/zero`` was read until
memory ran out, and ``reloadWithEncoding`` returned the bytes of any file the process
could read.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import pytest_lsp
from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcException
from pytest_lsp import LanguageClient, client_capabilities

from .conftest import CONFIG
from .lsputil import diagnostics, open_doc

#: Windows-1252 French: the encoding features need the bytes on disk.
LATIN = "Le dépôt est prêt à être livré à Orléans.\n"
MESSY = "Deux  espaces ici.\n"


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    ws = tmp_path / "ws"
    ws.mkdir()
    return ws


@pytest_lsp.fixture(config=CONFIG)
async def client(lsp_client: LanguageClient, workspace: Path) -> Any:
    await lsp_client.initialize_session(
        lsp.InitializeParams(
            capabilities=client_capabilities("visual-studio-code"),
            root_uri=workspace.as_uri(),
            workspace_folders=[lsp.WorkspaceFolder(uri=workspace.as_uri(), name="ws")],
        )
    )
    yield
    await lsp_client.shutdown_session()


async def _still_answers(client: LanguageClient, workspace: Path) -> None:
    """A plain document opened afterwards is linted: the server is neither deaf nor stuck."""
    p = workspace / "after.txt"
    p.write_text(MESSY, "utf-8")
    open_doc(client, p.as_uri(), MESSY)
    diags = await diagnostics(client, p.as_uri(), 1, timeout=30)
    assert [d.code for d in diags] == ["doubled-space"]


async def _info(client: LanguageClient, uri: str) -> Any:
    return await client.protocol.send_request_async("textsweep/documentInfo", {"uri": uri})


async def test_dev_stdin_is_not_read(client: LanguageClient, workspace: Path) -> None:
    open_doc(client, "file:///dev/stdin", MESSY)
    assert [d.code for d in await diagnostics(client, "file:///dev/stdin", 1)] == ["doubled-space"]
    assert (await _info(client, "file:///dev/stdin")).encoding is None
    await _still_answers(client, workspace)


async def test_fifos_do_not_block_the_workers(client: LanguageClient, workspace: Path) -> None:
    for name in ("p1.txt", "p2.txt", "p3.txt"):
        os.mkfifo(workspace / name)
        open_doc(client, (workspace / name).as_uri(), MESSY)
    for name in ("p1.txt", "p2.txt", "p3.txt"):
        uri = (workspace / name).as_uri()
        await diagnostics(client, uri, 1, timeout=30)
        assert (await _info(client, uri)).encoding is None
    await _still_answers(client, workspace)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
async def test_devices_are_not_read(client: LanguageClient, workspace: Path, device: str) -> None:
    uri = Path(device).as_uri()
    open_doc(client, uri, MESSY)
    await diagnostics(client, uri, 1, timeout=30)
    assert (await _info(client, uri)).encoding is None
    await _still_answers(client, workspace)


async def test_extension_requests_read_nothing_outside_the_workspace(
    client: LanguageClient, workspace: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_bytes(LATIN.encode("cp1252"))
    # The client claims a text that is not the file's: its bytes are not read.
    uri = secret.as_uri()
    open_doc(client, uri, "Rien à voir.\n")
    await diagnostics(client, uri, 1)
    assert (await _info(client, uri)).encoding is None
    answer = await client.protocol.send_request_async("textsweep/encodingCandidates", {"uri": uri})
    assert answer.candidates == []
    with pytest.raises(JsonRpcException, match="not available"):
        await client.protocol.send_request_async(
            "textsweep/reloadWithEncoding", {"uri": uri, "encoding": "windows-1252"}
        )
    # Never opened: refused, whatever the file.
    with pytest.raises(JsonRpcException, match="open document"):
        await client.protocol.send_request_async(
            "textsweep/reloadWithEncoding",
            {"uri": Path("/etc/passwd").as_uri(), "encoding": "latin-1"},
        )


async def test_bytes_read_inside_the_workspace_or_when_the_client_showed_them(
    client: LanguageClient, workspace: Path, tmp_path: Path
) -> None:
    inside = workspace / "lettre.txt"
    inside.write_bytes(LATIN.encode("cp1252"))
    open_doc(client, inside.as_uri(), "Texte modifié avant l'ouverture.\n")
    await diagnostics(client, inside.as_uri(), 1)
    assert (await _info(client, inside.as_uri())).encoding == "windows-1252"

    outside = tmp_path / "shown.txt"
    outside.write_bytes(LATIN.encode("cp1252"))
    open_doc(client, outside.as_uri(), LATIN.encode("cp1252").decode("utf-8", "replace"))
    await diagnostics(client, outside.as_uri(), 1)
    assert (await _info(client, outside.as_uri())).encoding == "windows-1252"


async def test_hostile_editorconfig_glob_does_not_freeze_the_server(
    client: LanguageClient, workspace: Path
) -> None:
    """12 stars in brackets never returned in the editorconfig package's matcher."""
    (workspace / ".editorconfig").write_text(
        "root = true\n[" + "*" * 12 + "x]\nindent_size = 2\n[*.txt]\n"
        "trim_trailing_whitespace = false\n",
        "utf-8",
    )
    deep = workspace / "some" / "deep" / "directory" / "structure" / "with"
    deep.mkdir(parents=True)
    p = deep / "a-rather-long-file-name.txt"
    text = "Des espaces en fin de ligne.   \nDeux  espaces.\n"
    p.write_text(text, "utf-8")
    open_doc(client, p.as_uri(), text)
    diags = await diagnostics(client, p.as_uri(), 1, timeout=30)
    # The [*.txt] section applied: trailing spaces are this project's business.
    assert [d.code for d in diags] == ["doubled-space"]
