"""The server keeps one copy of each open document: its own store, not pygls' too.

Driven in process through the protocol's frame dispatcher (the path stdio takes),
so pygls' notification dispatch and our sync handlers run for real.
"""

from __future__ import annotations

import asyncio
import io
import json
from typing import Any

from pygls.io_ import StdoutWriter

from textsweep.lsp.handlers import create_server
from textsweep.lsp.server import TextsweepServer

URI = "untitled:big.txt"
TEXT = "Le dépôt est prêt.\nUne\u200b ligne de plus.\n"


def _send(server: TextsweepServer, method: str, params: Any, msg_id: int | None = None) -> None:
    msg: dict[str, Any] = {"jsonrpc": "2.0", "method": method, "params": params}
    if msg_id is not None:
        msg["id"] = msg_id
    server.protocol._dispatch(json.dumps(msg).encode(), None)  # type: ignore[attr-defined]


async def _session() -> TextsweepServer:
    server = create_server()
    server.protocol.set_writer(StdoutWriter(io.BytesIO()))
    _send(server, "initialize", {"processId": None, "rootUri": None, "capabilities": {}}, 1)
    _send(server, "initialized", {})
    await asyncio.sleep(0)
    return server


async def test_open_edit_close_leave_no_copy_in_the_pygls_workspace() -> None:
    server = await _session()
    _send(
        server,
        "textDocument/didOpen",
        {"textDocument": {"uri": URI, "languageId": "plaintext", "version": 1, "text": TEXT}},
    )
    await asyncio.sleep(0)
    assert server.docs[URI].text == TEXT
    assert server.workspace.text_documents == {}
    change = {
        "range": {"start": {"line": 1, "character": 3}, "end": {"line": 1, "character": 4}},
        "text": "",
    }
    _send(
        server,
        "textDocument/didChange",
        {"textDocument": {"uri": URI, "version": 2}, "contentChanges": [change]},
    )
    await asyncio.sleep(0)
    assert server.docs[URI].text == TEXT.replace("\u200b", "")
    assert server.docs[URI].version == 2
    assert server.workspace.text_documents == {}
    _send(server, "textDocument/didClose", {"textDocument": {"uri": URI}})
    await asyncio.sleep(0)
    assert URI not in server.docs
    for task in list(server.tasks.values()):
        task.cancel()
    server.executor.shutdown(wait=False)
