"""The server's keystroke path without a client: the hand-made JSON of pushed
diagnostics is what pygls's converter makes, and when an edit is linted."""

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


def test_cached_json_text_matches_the_converter() -> None:
    """The pushed JSON text (cached per finding and position, version spliced in)
    is what the converter makes of :func:`convert.to_diagnostics`, also when every
    finding comes from the cache, after an edit moved them, and with notices."""
    import json

    conv = default_converter()
    convert.JSON_PARTS.clear()
    base = "".join(
        ex.bad + "\n\n" for r in all_rules() for ex in r.examples if ex.language_id == "plaintext"
    )
    seen = 0
    for text in (base, "x\n" + base, "yy" + base, base + "\u00e9  \n"):
        doc = Document(text)
        found = lint(doc, Config())
        for config, version, total, exact in (
            (Config(), 7, None, True),
            (Config(), None, None, True),
            (Config(max_findings=5), 8, 40, False),
            (Config(max_file_size=10), 9, None, True),
        ):
            for encoding in ("utf-16", "utf-8"):
                want = [
                    conv.unstructure(d)
                    for d in convert.to_diagnostics(
                        doc, found, encoding, config, version, total, exact
                    )
                ]
                got = convert.diagnostics_json(
                    doc, found, encoding, config, version, total, exact, conv.unstructure
                )
                assert json.loads(got) == want
                seen += len(want)
    assert seen > 1000
    assert 0 < len(convert.JSON_PARTS.data) < seen


def test_json_text_cache_is_bounded() -> None:
    parts = convert._JsonParts(max_entries=10, max_chars=100)
    for i in range(50):
        parts.put((i,), ("a" * 5, "b" * 4))
    assert len(parts.data) <= 10 and parts.chars <= 100
    parts.put(("big",), ("a" * 200, ""))
    assert ("big",) not in parts.data
    for i in range(50):
        parts.put((i, "x"), ("a" * 30, ""))
    assert parts.chars <= 100 and len(parts.data) <= 10


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


def test_edits_are_linted_at_once_after_a_pause() -> None:
    from textsweep.lsp.server import DEBOUNCE_SECONDS, FAST_LINT_SECONDS, edit_delay

    assert edit_delay(None, None) == 0  # the first edit after opening
    assert edit_delay(1.0, 0.05) == 0  # after a pause, fast lints: at once
    assert edit_delay(1.0, FAST_LINT_SECONDS / 2) == 0
    # within a burst: wait for its end, one lint for the burst
    assert edit_delay(DEBOUNCE_SECONDS / 3, 0.01) == DEBOUNCE_SECONDS
    # edits that lint slowly always wait
    assert edit_delay(1.0, FAST_LINT_SECONDS * 2) == DEBOUNCE_SECONDS
