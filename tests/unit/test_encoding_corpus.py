"""Zero false alarms: correct text in eleven languages is never touched.

The corpus (tests/unit/corpus/*.txt) was written by the team: names, currency,
quotes, dashes, ellipses, numbers, uppercase headings. Each file is also checked
with French-style no-break and narrow no-break spaces before ; : ! ? » and after «.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from textsweep.engine import Document, lint, parse_settings
from textsweep.engine.encoding import inspect_bytes
from textsweep.engine.encoding import mojibake as mj

CORPUS = sorted((Path(__file__).parents[1] / "data" / "languages").glob("*.txt"))
RULES = (
    "mojibake",
    "c1-control",
    "html-entity",
    "unicode-normalization",
    "latin-ligature",
    "fullwidth-character",
    "replacement-character",
    "file-encoding",
)


def _variants(text: str) -> dict[str, str]:
    out = {"plain": text}
    for name, space in (("nbsp", "\u00a0"), ("nnbsp", "\u202f")):
        t = text
        for p in ";:!?»":
            t = t.replace(f" {p}", f"{space}{p}")
        out[name] = t.replace("« ", f"«{space}")
    return out


CASES = [
    (path, kind, text)
    for path in CORPUS
    for kind, text in _variants(path.read_text(encoding="utf-8")).items()
]


def test_corpus_covers_the_languages() -> None:
    names = {p.stem for p in CORPUS}
    assert {"fr", "de", "es", "pt", "pl", "cs", "sv", "vi", "el", "ru"} <= names


def _config():  # type: ignore[no-untyped-def]
    config, warnings = parse_settings({"rules": dict.fromkeys(RULES, True)})
    assert not warnings
    return config


@pytest.mark.parametrize(
    ("path", "kind", "text"), CASES, ids=[f"{p.stem}-{k}" for p, k, _ in CASES]
)
def test_no_findings(path: Path, kind: str, text: str) -> None:
    assert unicodedata.is_normalized("NFC", text)
    doc = Document(text, "plaintext", path=str(path), raw=text.encode("utf-8"))
    found = [f for f in lint(doc, _config()) if f.rule in RULES]
    assert found == [], [(f.rule, text[f.start : f.end], f.message) for f in found]


#: Languages whose clean text never reaches ftfy at all.
NEVER_SUSPECT = {"fr", "de", "es", "en", "sv", "el", "vi", "cs", "pt"}


@pytest.mark.parametrize(
    ("path", "kind", "text"), CASES, ids=[f"{p.stem}-{k}" for p, k, _ in CASES]
)
def test_prefilter_keeps_clean_text_from_ftfy(path: Path, kind: str, text: str) -> None:
    """Clean prose almost never reaches ftfy.

    Western European text (French above all) gives the pre-filter nothing. In
    Polish and Russian, a capital followed by ``Ł``, ``ё`` or ``»`` (``PÓŁNOC``,
    ``Пётр``, ``«ТАСС»``) looks like a Windows-1250/1251 reading of UTF-8 and is
    handed to ftfy, which leaves it alone (test_no_findings); the corpus, dense
    with such words on purpose, keeps that under one token per line.
    """
    found = mj.hits(text)
    if path.stem in NEVER_SUSPECT:
        assert found == [], [text[s:e] for s, e in found]
    else:
        assert len(found) <= text.count("\n"), [text[s:e] for s, e in found]


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_utf8_bytes_are_utf8(path: Path) -> None:
    info = inspect_bytes(path.read_bytes())
    assert info.is_utf8 and info.bom is None and not info.candidates


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_corpus_in_markdown_and_code(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for language in ("markdown", "python", "html"):
        found = [f for f in lint(Document(text, language), _config()) if f.rule in RULES]
        assert found == [], (language, [(f.rule, f.message) for f in found])
