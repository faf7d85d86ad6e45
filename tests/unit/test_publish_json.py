"""The hand-made JSON of pushed diagnostics is what pygls's converter makes."""

from __future__ import annotations

from lsprotocol import types as lsp
from pygls.protocol import default_converter

from textsweep.engine import Config, Document, lint
from textsweep.engine.registry import all_rules
from textsweep.lsp import convert
from textsweep.lsp.server import diagnostic_json


def test_diagnostic_json_matches_the_converter() -> None:
    conv = default_converter()
    config = Config(max_findings=5)
    seen = 0
    for r in all_rules():
        for ex in r.examples:
            doc = Document(ex.bad, ex.language_id)
            found = lint(doc, config)
            for version in (None, 3):
                diags = convert.to_diagnostics(doc, found, "utf-16", config, version, 40, False)
                for d in diags:
                    assert diagnostic_json(d, conv) == conv.unstructure(d)
                    seen += 1
    assert seen > 100


def test_other_diagnostics_go_through_the_converter() -> None:
    conv = default_converter()
    at = lsp.Range(start=lsp.Position(line=1, character=2), end=lsp.Position(line=1, character=4))
    d = lsp.Diagnostic(
        range=at,
        message="m",
        tags=[lsp.DiagnosticTag.Unnecessary],
        code_description=lsp.CodeDescription(href="https://x"),
    )
    assert diagnostic_json(d, conv) == conv.unstructure(d)
    plain = lsp.Diagnostic(range=at, message="m")
    assert diagnostic_json(plain, conv) == conv.unstructure(plain)
