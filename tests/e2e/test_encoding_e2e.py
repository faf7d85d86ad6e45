"""End to end over stdio: files in other encodings reloaded byte-exactly by code action.

The client opens each sample file as an editor would show it (UTF-8 with U+FFFD
for bytes that are not UTF-8); the server reads the bytes on disk, names the
encoding, and its "Reload as …" action restores the text, which encodes back to
the original bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from lsprotocol import types as lsp
from pytest_lsp import LanguageClient

from textsweep.engine import textio

from ..data.encodings import make
from ..unit.test_encoding_real import FRENCH_15, _boxed, _lines
from .lsputil import apply_edits, by_rule, diagnostics, edits_for, encoding_of, open_doc

RELOAD = "source.textsweep.reloadEncoding"
SINGLE = [n for n, (_, codec, _) in make.SAMPLES.items() if not codec.startswith("utf")]


def enc(client: LanguageClient) -> str:
    return encoding_of(client, client.init_result)  # type: ignore[attr-defined]


async def _actions(
    client: LanguageClient, uri: str, diag: lsp.Diagnostic, only: list[str]
) -> list[lsp.CodeAction]:
    result = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            range=diag.range,
            context=lsp.CodeActionContext(diagnostics=[diag], only=only),  # type: ignore[arg-type]
        )
    )
    actions = [a for a in result or [] if isinstance(a, lsp.CodeAction)]
    out = []
    for a in actions:
        if a.edit is None:
            a = await client.code_action_resolve_async(a)
        out.append(a)
    return out


@pytest.mark.parametrize("name", SINGLE)
async def test_reload_restores_bytes(client: LanguageClient, tmp_path: Path, name: str) -> None:
    path = make.write_all(tmp_path)[name]
    raw = path.read_bytes()
    text, codec, _ = make.SAMPLES[name]
    uri = path.as_uri()
    shown = textio.decode(raw)
    open_doc(client, uri, shown)
    diags = by_rule(await diagnostics(client, uri, 1), "file-encoding")
    assert len(diags) == 1
    assert "This file is not UTF-8; it looks like" in diags[0].message
    actions = await _actions(client, uri, diags[0], [RELOAD])
    assert actions and all(a.kind == RELOAD for a in actions)
    new = apply_edits(shown, edits_for(actions[0].edit, uri), enc(client))
    assert new == text
    assert new.encode(codec) == raw
    # Also offered in the lightbulb, as a quick fix on the diagnostic.
    quick = await _actions(client, uri, diags[0], ["quickfix"])
    assert any(a.title == actions[0].title for a in quick)


async def test_mixed_file_line_repair(client: LanguageClient, tmp_path: Path) -> None:
    path = make.write_all(tmp_path)["mixed.txt"]
    raw = path.read_bytes()
    uri = path.as_uri()
    shown = textio.decode(raw)
    open_doc(client, uri, shown)
    diags = by_rule(await diagnostics(client, uri, 1), "file-encoding")
    assert len(diags) == 1 and diags[0].range.start.line == 3
    quick = await _actions(client, uri, diags[0], ["quickfix"])
    line_fix = [a for a in quick if a.title.startswith("Reload this line")]
    assert line_fix
    new = apply_edits(shown, edits_for(line_fix[0].edit, uri), enc(client))
    assert new == make.mixed_text()


async def test_utf16_and_bom_are_information(client: LanguageClient, tmp_path: Path) -> None:
    files = make.write_all(tmp_path)
    for name in ("utf16.txt", "utf8bom.txt"):
        uri = files[name].as_uri()
        open_doc(client, uri, make.SAMPLES[name][0])
        diags = by_rule(await diagnostics(client, uri, 1), "file-encoding")
        assert len(diags) == 1
        assert diags[0].severity == lsp.DiagnosticSeverity.Information


def _cp437_box() -> tuple[str, str]:
    return _boxed(_lines("de", "cp437", 6)), "cp437"


def _iso_8859_15_crlf() -> tuple[str, str]:
    lines = [x for x in _lines("fr", "iso-8859-15", 8) if x.isascii() or "’" not in x]
    return "\r\n".join(lines[:4] + FRENCH_15 + lines[4:]) + "\r\n", "iso-8859-15"


@pytest.mark.parametrize("sample", [_cp437_box, _iso_8859_15_crlf])
async def test_first_reload_is_the_true_text_or_none(
    client: LanguageClient, tmp_path: Path, sample: Callable[[], tuple[str, str]]
) -> None:
    """Code page 437 box drawing used to reload as Windows-1256 Arabic, and ISO-8859-15
    with CRLF as Windows-1252 (``€`` → ``¤``): the first "Reload as" the server offers
    gives exactly the text a reader of the file sees, or no reload is offered."""
    text, codec = sample()
    raw = text.encode(codec)
    path = tmp_path / "sample.txt"
    path.write_bytes(raw)
    uri = path.as_uri()
    shown = textio.decode(raw)
    open_doc(client, uri, shown)
    diags = by_rule(await diagnostics(client, uri, 1), "file-encoding")
    assert len(diags) == 1
    actions = await _actions(client, uri, diags[0], [RELOAD])
    if actions:
        new = apply_edits(shown, edits_for(actions[0].edit, uri), enc(client))
        assert new == text
