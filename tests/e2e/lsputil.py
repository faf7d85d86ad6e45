"""Helpers for end-to-end tests: an independent position codec and edit applier.

Deliberately not importing the server's own conversion code, so a bug there
cannot hide in both sides of an assertion.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Sequence
from typing import Any

from lsprotocol import types as lsp
from pytest_lsp import LanguageClient

_BREAK = re.compile(r"\r\n|\r|\n")


def lines_of(text: str) -> list[str]:
    """LSP lines (breaks only at CRLF, CR, LF)."""
    return _BREAK.split(text)


def col_units(s: str, encoding: str) -> int:
    if encoding == "utf-8":
        return len(s.encode("utf-8"))
    if encoding == "utf-32":
        return len(s)
    return len(s.encode("utf-16-le")) // 2


def position(text: str, offset: int, encoding: str) -> lsp.Position:
    before = text[:offset]
    starts = [0] + [m.end() for m in _BREAK.finditer(text)]
    line = max(i for i, s in enumerate(starts) if s <= offset)
    # A CRLF's LF is not a line start of its own.
    return lsp.Position(line=line, character=col_units(before[starts[line] :], encoding))


def offset(text: str, pos: lsp.Position, encoding: str) -> int:
    starts = [0] + [m.end() for m in _BREAK.finditer(text)]
    base = starts[pos.line]
    line_text = lines_of(text)[pos.line]
    units = 0
    for i, ch in enumerate(line_text):
        if units >= pos.character:
            return base + i
        units += col_units(ch, encoding)
    return base + len(line_text)


def apply_edits(text: str, edits: Sequence[lsp.TextEdit], encoding: str) -> str:
    spans = sorted(
        (
            (offset(text, e.range.start, encoding), offset(text, e.range.end, encoding), e.new_text)
            for e in edits
        ),
        reverse=True,
    )
    for s, e, new in spans:
        text = text[:s] + new + text[e:]
    return text


def edits_for(edit: lsp.WorkspaceEdit | None, uri: str) -> list[lsp.TextEdit]:
    assert edit is not None
    if edit.document_changes:
        out: list[lsp.TextEdit] = []
        for dc in edit.document_changes:
            assert isinstance(dc, lsp.TextDocumentEdit)
            assert dc.text_document.uri == uri
            out.extend(e for e in dc.edits if isinstance(e, lsp.TextEdit))
        return out
    assert edit.changes is not None
    return list(edit.changes[uri])


def encoding_of(client: LanguageClient, result: lsp.InitializeResult) -> str:
    enc = result.capabilities.position_encoding
    return str(getattr(enc, "value", enc) or "utf-16")


def uses_pull(client: LanguageClient) -> bool:
    caps = client.capabilities
    return bool(caps and caps.text_document and caps.text_document.diagnostic is not None)


async def diagnostics(
    client: LanguageClient, uri: str, version: int | None = None, timeout: float = 10.0
) -> list[lsp.Diagnostic]:
    """Current diagnostics for ``uri``: pulled or waited for, as the client would."""
    if uses_pull(client):
        report = await asyncio.wait_for(
            client.text_document_diagnostic_async(
                lsp.DocumentDiagnosticParams(text_document=lsp.TextDocumentIdentifier(uri=uri))
            ),
            timeout,
        )
        assert isinstance(report, lsp.RelatedFullDocumentDiagnosticReport)
        return list(report.items)

    async def wait() -> list[lsp.Diagnostic]:
        while True:
            if uri in client.diagnostics and (
                version is None or client._versions.get(uri) == version  # type: ignore[attr-defined]
            ):
                return list(client.diagnostics[uri])
            await asyncio.sleep(0.02)

    return await asyncio.wait_for(wait(), timeout)


def by_rule(diags: Sequence[lsp.Diagnostic], rule: str) -> list[lsp.Diagnostic]:
    return [d for d in diags if d.code == rule]


def open_doc(
    client: LanguageClient, uri: str, text: str, language_id: str = "plaintext", version: int = 1
) -> None:
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(
            text_document=lsp.TextDocumentItem(
                uri=uri, language_id=language_id, version=version, text=text
            )
        )
    )


def dump(obj: Any) -> str:
    return repr(obj)


# --------------------------------------------------------------- raw stdio frames


def frame(obj: object) -> bytes:
    body = json.dumps(obj).encode()
    return b"Content-Length: %d\r\n\r\n%s" % (len(body), body)


def read_messages(out: bytes) -> list[dict[str, Any]]:
    """Every framed message on stdout; fails if anything else reached it."""
    msgs = []
    while out:
        header, sep, rest = out.partition(b"\r\n\r\n")
        assert sep, out[:200]
        fields = dict(line.split(b": ", 1) for line in header.split(b"\r\n"))
        assert set(fields) <= {b"Content-Length", b"Content-Type"}, header
        length = int(fields[b"Content-Length"])
        msgs.append(json.loads(rest[:length]))
        out = rest[length:]
    return msgs
