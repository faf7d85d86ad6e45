"""Bad input never takes the server down, and it answers normally afterwards."""

from __future__ import annotations

import os
import re
import select
import subprocess
import sys
import time

import pytest
from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcException
from pytest_lsp import LanguageClient

from .conftest import SERVER
from .lsputil import by_rule, diagnostics, frame, open_doc, read_messages

JUNK = bytes(range(256)).decode("latin-1") * 40 + "\ud800"[:0] + "\x00\x00\ufffd\U0010ffff"


async def still_works(client: LanguageClient) -> None:
    uri = "untitled:alive.txt"
    open_doc(client, uri, "Encore  vivant.\n")
    assert by_rule(await diagnostics(client, uri, 1), "doubled-space")


async def test_unknown_method_is_method_not_found(client: LanguageClient) -> None:
    with pytest.raises(JsonRpcException) as err:
        await client.protocol.send_request_async("textsweep/noSuchThing", {})
    assert err.value.code == -32601
    await still_works(client)


async def test_requests_for_unopened_documents(client: LanguageClient) -> None:
    doc = lsp.TextDocumentIdentifier(uri="file:///nowhere/never-opened.txt")
    hover = await client.text_document_hover_async(
        lsp.HoverParams(text_document=doc, position=lsp.Position(line=0, character=0))
    )
    assert hover is None
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=doc,
            range=lsp.Range(start=lsp.Position(0, 0), end=lsp.Position(0, 0)),
            context=lsp.CodeActionContext(diagnostics=[]),
        )
    )
    assert not actions
    edits = await client.text_document_formatting_async(
        lsp.DocumentFormattingParams(text_document=doc, options=lsp.FormattingOptions(4, True))
    )
    assert not edits
    await still_works(client)


async def test_out_of_range_positions(client: LanguageClient) -> None:
    uri = "untitled:range.txt"
    open_doc(client, uri, "Court  texte.\n")
    await diagnostics(client, uri, 1)
    far = lsp.Position(line=10_000, character=10_000)
    hover = await client.text_document_hover_async(
        lsp.HoverParams(text_document=lsp.TextDocumentIdentifier(uri=uri), position=far)
    )
    assert hover is None
    await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            range=lsp.Range(start=far, end=far),
            context=lsp.CodeActionContext(diagnostics=[]),
        )
    )
    # An edit past the end clamps (LSP says so) instead of crashing.
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[
                lsp.TextDocumentContentChangePartial(range=lsp.Range(start=far, end=far), text="!")
            ],
        )
    )
    diags = await diagnostics(client, uri, 2)
    assert by_rule(diags, "doubled-space")
    await still_works(client)


async def test_binary_junk_is_linted_without_crashing(client: LanguageClient) -> None:
    uri = "untitled:junk.bin"
    open_doc(client, uri, JUNK)
    diags = await diagnostics(client, uri, 1)
    assert by_rule(diags, "control-character")
    await still_works(client)


def test_malformed_messages_are_skipped_and_stdout_stays_protocol() -> None:
    init = {
        "jsonrpc": "2.0",
        "id": 1,
        "method": "initialize",
        "params": {"processId": None, "rootUri": None, "capabilities": {}},
    }
    stream = b"".join(
        [
            frame(init),
            frame({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
            b"Content-Length: 12\r\n\r\n{not json!!}",
            frame(
                {
                    "jsonrpc": "2.0",
                    "id": 2,
                    "method": "textDocument/hover",
                    "params": {"textDocument": 5},
                }
            ),
            frame(
                {
                    "jsonrpc": "2.0",
                    "method": "textDocument/didOpen",
                    "params": {
                        "textDocument": {
                            "uri": "untitled:a.txt",
                            "languageId": "plaintext",
                            "version": 1,
                            "text": "a  b\n",
                        }
                    },
                }
            ),
            frame(
                {
                    "jsonrpc": "2.0",
                    "id": 3,
                    "method": "textDocument/formatting",
                    "params": {
                        "textDocument": {"uri": "untitled:a.txt"},
                        "options": {"tabSize": 4, "insertSpaces": True},
                    },
                }
            ),
        ]
    )
    proc = subprocess.Popen(
        SERVER, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdin is not None
    proc.stdin.write(stream)
    proc.stdin.flush()
    # Wait for the formatting answer before shutting down (a fixed sleep raced the
    # first lint on a loaded machine, and shutdown then cancelled the request).
    assert proc.stdout is not None
    seen = b""
    deadline = time.monotonic() + 120
    answered = re.compile(rb'"id":\s*3[,}]')
    while not answered.search(seen) and time.monotonic() < deadline:
        ready, _, _ = select.select([proc.stdout], [], [], 1.0)
        if ready:
            chunk = os.read(proc.stdout.fileno(), 65536)
            if not chunk:
                break
            seen += chunk
    proc.stdin.write(frame({"jsonrpc": "2.0", "id": 4, "method": "shutdown"}))
    proc.stdin.write(frame({"jsonrpc": "2.0", "method": "exit"}))
    proc.stdin.flush()
    rest, err = proc.communicate(timeout=30)
    out = seen + rest
    msgs = read_messages(out)  # raises if anything but framed JSON reached stdout
    by_id = {m.get("id"): m for m in msgs if "id" in m}
    assert "result" in by_id[1]
    assert "error" in by_id[2]  # ill-typed params: an error, not a crash
    [edit] = by_id[3]["result"]  # type: ignore[misc]
    s, e = edit["range"]["start"]["character"], edit["range"]["end"]["character"]
    assert "a  b"[:s] + edit["newText"] + "a  b"[e:] == "a b"
    assert "result" in by_id[4]
    assert proc.returncode == 0, err.decode(errors="replace")


def test_serve_accepts_stdio_flag_and_help_goes_to_stdout_only_for_cli() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "textsweep", "serve", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "--stdio" in out.stdout
