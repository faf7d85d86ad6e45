"""Documents over ``textsweep.maxFileSize`` get only the cheap rules.

Cheap rules are linear in the text and read neither the file type's structure
nor paragraph languages: a 20 MB file costs one pass per rule, no parse, no
language map, no findings cache holding a second copy of its text.
"""

from __future__ import annotations

import pytest

from textsweep.engine import Document, fix_all, lint, over_size_limit, parse_settings
from textsweep.engine.config import Config
from textsweep.engine.registry import all_rules

# A zero-width space and trailing blanks (cheap rules), a doubled space, French
# spacing before "!" and three blank lines in a row (rules that need structure or
# languages).
TEXT = (
    "Le dé\u200bpôt est prêt pour la réunion de mardi, nous dit-on.   \n"
    "Il  faut le dire à tout le monde avant la fin de la semaine!\n\n\n\n"
    "Le comité se réunira de nouveau le mois prochain pour en parler.\n"
)


def _config(limit: int) -> Config:
    config, warnings = parse_settings({"maxFileSize": limit})
    assert warnings == []
    return config


def _rules(doc: Document, config: Config) -> set[str]:
    return {f.rule for f in lint(doc, config)}


def test_under_the_limit_every_rule_runs() -> None:
    found = _rules(Document(TEXT), _config(len(TEXT)))
    assert {"invisible-character", "trailing-whitespace", "doubled-space", "blank-lines"} <= found
    assert "french-missing-space" in found


def test_over_the_limit_only_cheap_rules_run() -> None:
    doc = Document(TEXT)
    config = _config(len(TEXT) - 1)
    assert over_size_limit(doc, config)
    found = _rules(doc, config)
    assert found == {"invisible-character", "trailing-whitespace"}
    # nothing was parsed nor detected
    assert not any(k.startswith(("regions.", "language.", "prose.")) for k in doc._cache)


def test_default_limit_is_two_million_characters() -> None:
    assert Config().max_file_size == 2_000_000
    assert not over_size_limit(Document("x" * 2_000_000), Config())
    assert over_size_limit(Document("x" * 2_000_001), Config())


@pytest.mark.parametrize("bad", [0, -5, "big", True, 2.5])
def test_bad_limit_is_reported_and_default_kept(bad: object) -> None:
    config, warnings = parse_settings({"maxFileSize": bad})
    assert config.max_file_size == 2_000_000
    assert warnings and "maxFileSize" in warnings[0]


def test_fix_all_over_the_limit_applies_only_cheap_fixes() -> None:
    result = fix_all(Document(TEXT), _config(10))
    assert "\u200b" not in result.text
    assert "prêt pour la réunion de mardi, nous dit-on.\n" in result.text
    assert "Il  faut" in result.text  # doubled space: not checked, not fixed
    assert "semaine!\n\n\n\n" in result.text


def test_cheap_rules_read_no_structure_nor_language() -> None:
    """Each cheap rule alone, on every file type with a structure parser."""
    samples = {
        "plaintext": TEXT,
        # a decomposed letter, mojibake and a U+FFFD in code: three cheap rules ask
        # whether they stand in code, which only a document under the limit tells
        "markdown": "# Titre\n\n```\ncode  here\u200b cafe\u0301 "
        "d\u00c3\u00a9p\u00c3\u00b4t \ufffd\n```\n\n" + TEXT,
        "html": "<p lang='fr'>Le  dé\u200bpôt&nbsp;!</p>\n" + TEXT,
        "latex": "\\section{Titre} Le  dé\u200bpôt~!\n" + TEXT,
        "restructuredtext": "Titre\n=====\n\n::\n\n    code  here\n\n" + TEXT,
        "python": "x = 1  # Le  dé\u200bpôt\n",
        "po": 'msgid "A  b"\nmsgstr "A  b\u200b"\n',
    }
    cheap = [r for r in all_rules() if r.cheap]
    assert len(cheap) >= 10
    for r in cheap:
        assert r.languages is None, r.id
        for language_id, text in samples.items():
            doc = Document(text, language_id)
            list(r.check(r, doc, _config(1)))
            heavy = [k for k in doc._cache if k.startswith(("regions.", "language.", "prose."))]
            assert heavy == [], (r.id, language_id, heavy)
