"""French and bilingual corpora: expected findings in the wrong versions, none in
the corrected ones, and fix-all turns one into the other."""

from __future__ import annotations

from pathlib import Path

import pytest

from textsweep.engine import Document, fix_all, lint

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"

#: (line, rule) of every finding expected in each wrong version, with every rule on.
EXPECTED: dict[str, list[tuple[int, str]]] = {
    "fr_article.bad.txt": [
        (3, "french-missing-space"),  # bilan?
        (3, "french-breakable-space"),  # classique ;
        (5, "french-missing-space"),  # «Le
        (5, "french-missing-space"),  # aplomb»
        (5, "french-missing-space"),  # simple:
        (7, "french-breakable-space"),  # suivants :
        (7, "french-space-before-comma"),  # humain ,
        (9, "french-space-after"),  # ajoute,plus
        (11, "french-missing-space"),  # Quoi?!
        (11, "french-missing-space"),  # fini!!
    ],
    "fr_dialogue.bad.txt": [
        (1, "french-breakable-space"),  # soir ?
        (5, "french-missing-space"),  # Encore!
        (7, "french-consistency"),  # c'est among ’
        (11, "french-guillemets"),  # » »
        (11, "french-space-after"),  # arriva,une
    ],
    "bilingual.bad.txt": [
        (3, "french-missing-space"),  # suivant:
        (5, "english-french-spacing"),  # running ?
        (5, "english-space-after"),  # host,port
        (7, "french-breakable-space"),  # configuration :
        (7, "french-missing-space"),  # vu?
    ],
}
GOOD = ["fr_article.txt", "fr_dialogue.txt", "fr_technique.txt", "bilingual.txt"]


def _lines(name: str) -> list[tuple[int, str]]:
    text = (CORPUS / name).read_text(encoding="utf-8")
    doc = Document(text, "plaintext")
    return sorted((doc.line_of(f.start) + 1, f.rule) for f in lint(doc))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_wrong_version_has_expected_findings(name: str) -> None:
    assert _lines(name) == sorted(EXPECTED[name])


@pytest.mark.parametrize("name", GOOD)
def test_correct_version_has_no_findings(name: str) -> None:
    assert _lines(name) == []


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fix_all_turns_wrong_into_correct(name: str) -> None:
    bad = (CORPUS / name).read_text(encoding="utf-8")
    good = (CORPUS / name.replace(".bad", "")).read_text(encoding="utf-8")
    result = fix_all(Document(bad, "plaintext"))
    assert result.text == good
    assert result.remaining == ()


def test_no_fix_adds_or_drops_a_letter() -> None:
    for name in EXPECTED:
        bad = (CORPUS / name).read_text(encoding="utf-8")
        fixed = fix_all(Document(bad, "plaintext")).text
        letters = [c for c in bad if c.isalnum()]
        assert [c for c in fixed if c.isalnum()] == letters, name
