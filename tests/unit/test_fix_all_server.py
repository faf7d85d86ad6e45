"""The server's fix-all edits: answered again from the last result, never for
another version."""

from __future__ import annotations

import asyncio

import pytest
from pygls.exceptions import JsonRpcContentModified

from textsweep.engine import Config, lint
from textsweep.lsp.documents import OpenDocument
from textsweep.lsp.server import LintResult, TextsweepServer


def _open(text: str) -> tuple[TextsweepServer, OpenDocument, LintResult]:
    ls = TextsweepServer()
    od = OpenDocument("untitled:a.txt", "plaintext", 1, text)
    ls.docs[od.uri] = od
    doc = od.snapshot()
    config = Config()
    findings = lint(doc, config)
    return ls, od, LintResult(1, doc, findings, config, len(findings))


def test_fix_all_edits_are_kept_for_their_result_only() -> None:
    ls, od, result = _open("Un  deux.\nTrois \n")

    async def run() -> None:
        first = await ls.fix_all_edits(result)
        assert [e["range"]["start"] for e in first] == [
            {"line": 0, "character": 3},
            {"line": 1, "character": 5},
        ]
        assert await ls.fix_all_edits(result) is first  # the same version: kept
        assert await ls.fix_all_edits(result, "doubled-space") == first[:1]
        od.version = 2  # an edit arrived: those edits would land on other text
        with pytest.raises(JsonRpcContentModified):
            await ls.fix_all_edits(result)

    try:
        asyncio.run(run())
    finally:
        ls.executor.shutdown()
