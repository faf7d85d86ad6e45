"""Every rule's documented examples are tests: flagged, fixed, or left alone."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from textsweep.engine import Document, all_rules, fix_all, lint
from textsweep.engine.docs import render_markdown

from .helpers import only

RULES = all_rules()
CASES = [(r, i, ex) for r in RULES for i, ex in enumerate(r.examples)]


def test_every_rule_has_bad_and_clean_examples() -> None:
    for r in RULES:
        assert any(not ex.is_clean for ex in r.examples), f"{r.id} has no bad example"
        assert any(ex.is_clean for ex in r.examples), f"{r.id} has no must-not-flag example"


def test_rule_ids_are_kebab_case_and_unique() -> None:
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    for rid in ids:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rid), rid


@pytest.mark.parametrize(
    ("rule", "index", "example"), CASES, ids=[f"{r.id}-{i}" for r, i, _ in CASES]
)
def test_example(rule, index, example) -> None:  # type: ignore[no-untyped-def]
    config = only(rule.id, example.settings)
    doc = Document(example.bad, example.language_id)
    found = [f for f in lint(doc, config) if f.rule == rule.id]
    if example.is_clean:
        assert found == [], f"{rule.id} flagged clean text {example.bad!r}: {found}"
        return
    assert found, f"{rule.id} missed {example.bad!r}"
    for f in found:
        assert 0 <= f.start <= f.end <= len(example.bad)
        assert f.message, "a finding needs a message"
    result = fix_all(doc, config)
    assert result.text == example.good
    # Idempotent: fixing the fixed text changes nothing.
    assert fix_all(Document(result.text, example.language_id), config).text == result.text


def test_docs_rules_md_is_current() -> None:
    path = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
    assert path.read_text(encoding="utf-8") == render_markdown(), (
        "docs/rules.md is stale: run `textsweep rules --markdown > docs/rules.md`"
    )
