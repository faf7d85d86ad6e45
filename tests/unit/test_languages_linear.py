"""The German, Spanish, Italian, Chinese and Japanese rules stay linear on hostile shapes: doubling
the text may at most triple the time (medians of several runs; a ratio, not
seconds, so it holds on a loaded machine)."""

from __future__ import annotations

import gc
import statistics
import time

import pytest

from textsweep.engine import Document, fix_all, lint, parse_settings
from textsweep.engine.caches import clear_caches

SMALL, LARGE = 20_000, 40_000
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
    "zh-spaced-punct": ("zh", "1) ， "),
    "zh-signs": ("zh", "字, " + "字." * 3),
    "zh-long-latin": ("zh", "字" + "a" * 300),
    "zh-pairs": ("zh", "字a"),
    "ja-spaced-punct": ("ja", "です 。 "),
    "ja-signs": ("ja", "です,"),
    "ja-stop-lines": ("ja", "です.\n"),
    "ja-halfwidth": ("ja", "ｶﾞ"),
}
_PROSE = {
    "de": "Das ist ein Satz, der nichts falsch macht und weiter geht. ",
    "es": "Esta es una frase que no tiene nada malo y sigue adelante. ",
    "it": "Questa è una frase che non ha niente di male e continua. ",
    "zh": "这是一个没有任何错误的句子，它会继续下去。",
    "ja": "これは何も間違っていない文で、そのまま続きます。",
}


def _text(lang: str, unit: str, size: int) -> str:
    head = _PROSE[lang] * 3
    return (head + unit * (size // len(unit)))[:size]


def _once(text: str, lang: str) -> float:
    """One cold lint + fix-all; caches cleared and the cyclic collector off, whose
    passes land at random and cost the whole heap."""
    config = parse_settings(
        {
            "language": lang,
            "german": {"abbreviations": "narrow"},
            "japanese": {"latinSpacing": "consistent"},
            "rules": {"japanese-halfwidth-katakana": True},
        }
    )[0]
    clear_caches()
    gc.disable()
    try:
        start = time.perf_counter()
        lint(Document(text), config)
        fix_all(Document(text), config)
        return time.perf_counter() - start
    finally:
        gc.enable()


def _growth(lang: str, unit: str) -> tuple[float, float]:
    """Median times of the small and large text, runs interleaved so a change of
    load on a shared machine hits both."""
    texts = (_text(lang, unit, SMALL), _text(lang, unit, LARGE))
    runs = [[_once(t, lang) for t in texts] for _ in range(3)]
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_shape_is_linear(name: str) -> None:
    lang, unit = SHAPES[name]
    _once(_text(lang, unit, SMALL), lang)  # imports and compiled patterns
    # A quadratic scan fails every attempt; a noisy neighbour fails one at most.
    tries = []
    for _ in range(3):
        small, large = _growth(lang, unit)
        tries.append((small, large))
        if large <= MAX_GROWTH * max(small, 1e-3):
            return
    raise AssertionError(f"{name}: " + ", ".join(f"{a:.4f}s → {b:.4f}s" for a, b in tries))
