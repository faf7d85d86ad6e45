"""The German, Spanish and Italian rules stay linear on hostile shapes: doubling
the text may at most triple the time (medians of several runs; a ratio, not
seconds, so it holds on a loaded machine)."""

from __future__ import annotations

import statistics
import time

import pytest

from textsweep.engine import Document, fix_all, lint, parse_settings

SMALL, LARGE = 10_000, 20_000
MAX_GROWTH = 3.0

#: (language, repeated unit): shapes aimed at each scan's loops.
SHAPES = {
    "de-open-quotes": ("de", "„"),
    "de-stray-closers": ("de", "” "),
    "de-abbrev": ("de", "z.B. "),
    "de-dashes": ("de", "a - "),
    "de-long-token": ("de", "x" * 200 + " ,"),
    "es-questions": ("es", "a? "),
    "es-openers": ("es", "¿"),
    "es-one-clause": ("es", "palabra "),
    "es-inside": ("es", "« "),
    "it-apostrophes": ("it", "l'a l’a po' "),
    "it-guillemets": ("it", "« a » "),
}
_PROSE = {
    "de": "Das ist ein Satz, der nichts falsch macht und weiter geht. ",
    "es": "Esta es una frase que no tiene nada malo y sigue adelante. ",
    "it": "Questa è una frase che non ha niente di male e continua. ",
}


def _text(lang: str, unit: str, size: int) -> str:
    head = _PROSE[lang] * 3
    return (head + unit * (size // len(unit)))[:size]


def _time(text: str, lang: str) -> float:
    config = parse_settings({"language": lang, "german": {"abbreviations": "narrow"}})[0]
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        lint(Document(text), config)
        fix_all(Document(text), config)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_shape_is_linear(name: str) -> None:
    lang, unit = SHAPES[name]
    small = _time(_text(lang, unit, SMALL), lang)
    large = _time(_text(lang, unit, LARGE), lang)
    assert large <= MAX_GROWTH * max(small, 1e-3), f"{name}: {small:.4f}s → {large:.4f}s"
