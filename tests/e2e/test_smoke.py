from __future__ import annotations

from pytest_lsp import LanguageClient

from .lsputil import by_rule, diagnostics, open_doc


async def test_diagnostics_on_open(client: LanguageClient) -> None:
    uri = "untitled:smoke.txt"
    open_doc(client, uri, "Le  chat dort.\n")
    diags = await diagnostics(client, uri, 1)
    d = by_rule(diags, "doubled-space")
    assert len(d) == 1
    assert (d[0].range.start.line, d[0].range.start.character) == (0, 2)
    assert (d[0].range.end.line, d[0].range.end.character) == (0, 4)
    assert d[0].source == "textsweep"
