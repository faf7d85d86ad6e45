"""textsweep's own requests (docs/lsp-extensions.md), end to end over stdio."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcException
from pytest_lsp import LanguageClient

from textsweep.engine import textio

from ..data.encodings import make
from .lsputil import apply_edits, diagnostics, encoding_of, open_doc


def enc(client: LanguageClient) -> str:
    return encoding_of(client, client.init_result)  # type: ignore[attr-defined]


def _edits(edit: object, uri: str) -> list[lsp.TextEdit]:
    """TextEdits from a WorkspaceEdit that came back from a custom request (raw JSON
    turned into attribute objects, so neither shape is typed)."""
    raw = []
    doc_changes = getattr(edit, "documentChanges", None)
    if doc_changes:
        for dc in doc_changes:
            assert dc.textDocument.uri == uri
            raw.extend(dc.edits)
    else:
        # A namedtuple whose field names (URIs) were renamed: one document, one value.
        [only] = list(edit.changes)  # type: ignore[attr-defined]
        raw.extend(only)
    return [
        lsp.TextEdit(
            range=lsp.Range(
                start=lsp.Position(e.range.start.line, e.range.start.character),
                end=lsp.Position(e.range.end.line, e.range.end.character),
            ),
            new_text=e.newText,
        )
        for e in raw
    ]


async def _open_file(client: LanguageClient, path: Path, language_id: str = "plaintext") -> str:
    uri = path.as_uri()
    text = textio.decode(path.read_bytes())
    open_doc(client, uri, text, language_id)
    await diagnostics(client, uri, 1)
    return uri


async def test_document_info_reports_encoding_and_language(
    client: LanguageClient, tmp_path: Path
) -> None:
    p = tmp_path / "lettre.txt"
    p.write_bytes(make.SAMPLES["cp1252.txt"][0].encode("cp1252"))
    uri = await _open_file(client, p)
    info = await client.protocol.send_request_async("textsweep/documentInfo", {"uri": uri})
    assert info.encoding == "windows-1252"
    assert 0 < info.encodingConfidence <= 1
    assert info.language and info.language.startswith("fr")
    assert info.findings >= 1

    q = tmp_path / "clean.txt"
    q.write_text("This is a short English note about the weather today.\n", "utf-8")
    uri2 = await _open_file(client, q)
    info2 = await client.protocol.send_request_async("textsweep/documentInfo", {"uri": uri2})
    assert (info2.encoding, info2.encodingConfidence) == ("utf-8", 1.0)


async def test_unsaved_document_has_no_encoding(client: LanguageClient) -> None:
    open_doc(client, "untitled:x.txt", "Bonjour tout le monde, comment allez-vous ?\n")
    await diagnostics(client, "untitled:x.txt", 1)
    info = await client.protocol.send_request_async(
        "textsweep/documentInfo", {"uri": "untitled:x.txt"}
    )
    assert info.encoding is None


async def test_candidates_and_reload(client: LanguageClient, tmp_path: Path) -> None:
    text, codec, label = make.SAMPLES["koi8r.txt"]
    original = text.encode(codec)
    p = tmp_path / "koi8r.txt"
    p.write_bytes(original)
    uri = await _open_file(client, p)
    shown = textio.decode(original)
    answer = await client.protocol.send_request_async("textsweep/encodingCandidates", {"uri": uri})
    names = [c.encoding for c in answer.candidates]
    assert names[0] == label
    assert all(c.lossless for c in answer.candidates)
    edit = await client.protocol.send_request_async(
        "textsweep/reloadWithEncoding", {"uri": uri, "encoding": label}
    )
    edits = _edits(edit, uri)
    restored = apply_edits(shown, edits, enc(client))
    assert restored.encode(codec) == original


async def test_mixed_file_reload_keeps_utf8_lines(client: LanguageClient, tmp_path: Path) -> None:
    p = tmp_path / "mixed.txt"
    p.write_bytes(make.mixed_bytes())
    uri = await _open_file(client, p)
    edit = await client.protocol.send_request_async(
        "textsweep/reloadWithEncoding", {"uri": uri, "encoding": "windows-1252"}
    )
    edits = _edits(edit, uri)
    restored = apply_edits(textio.decode(make.mixed_bytes()), edits, enc(client))
    assert restored == make.mixed_text()


async def test_reload_refuses_lossy_encoding(client: LanguageClient, tmp_path: Path) -> None:
    p = tmp_path / "sjis.txt"
    p.write_bytes(make.SAMPLES["shiftjis.txt"][0].encode("shift_jis"))
    uri = await _open_file(client, p)
    with pytest.raises(JsonRpcException) as err:
        await client.protocol.send_request_async(
            "textsweep/reloadWithEncoding", {"uri": uri, "encoding": "ascii"}
        )
    assert err.value.code == -32602
    assert "ascii" in str(err.value).lower()
