"""A capped lint keeps each rule's complete findings for a later full lint of the
same document (fix-all after the server's lint): that lint must equal one made
from scratch, and a rule cut at the count budget must run again."""

from __future__ import annotations

from pathlib import Path

from textsweep.engine import Config, Document, incremental, lint
from textsweep.engine.linter import _kept_findings, lint_capped

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


def _text() -> str:
    names = ("fr_article.bad.txt", "bilingual.bad.txt", "fr_dialogue.bad.txt")
    body = "\n\n".join((CORPUS / n).read_text(encoding="utf-8") for n in names)
    return body + "\n\nLe dépôt  est prêt\u200b ; mardi.  \n\n" * 40


def _scratch(text: str, config: Config) -> list[tuple[object, ...]]:
    incremental.set_enabled(False)
    try:
        return [tuple(f) for f in lint(Document(text), config)]
    finally:
        incremental.set_enabled(True)


def test_full_lint_after_a_capped_one_equals_a_fresh_lint() -> None:
    text, config = _text(), Config()
    doc = Document(text)
    capped = lint_capped(doc, config, 5)
    assert capped.total > 5
    assert _kept_findings(doc, config)  # filled: the next lint reads them
    assert [tuple(f) for f in lint(doc, config)] == _scratch(text, config)
    # a second capped lint of the same document reads them too
    assert lint_capped(doc, config, 5) == capped


def test_rules_past_the_count_budget_run_again() -> None:
    text, config = _text(), Config()
    doc = Document(text)
    lint_capped(doc, config, 2, count_budget=3)
    kept = _kept_findings(doc, config)
    assert "doubled-space" not in kept  # 40 and more: cut at the budget
    assert [tuple(f) for f in lint(doc, config)] == _scratch(text, config)


def test_another_config_lints_afresh() -> None:
    text = _text()
    doc = Document(text)
    lint_capped(doc, Config(), 5)
    other = Config(language="fr-CA")
    assert not _kept_findings(doc, other)
    assert [tuple(f) for f in lint(doc, other)] == _scratch(text, other)
