"""One pass over a document for the rare characters several rules look for.

C1 controls, Latin ligatures and fullwidth forms are rare. Single-character
``in`` tests are the fastest scan CPython has (about 0.1 ms per MB each), so the
text is first asked whether it holds any of them at all; only then does one
regular expression locate them, for every rule at once.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..document import Document

if TYPE_CHECKING:
    from .mojibake import Repair

_C1 = tuple(chr(c) for c in range(0x80, 0xA0))
_LIGATURES = tuple(chr(c) for c in range(0xFB00, 0xFB07))
#: 94 characters: one regex pass beats 94 ``in`` tests.
_FULLWIDTH_RE = re.compile("[\uff01-\uff5e]")
_RARE = re.compile("[\x80-\x9f\ufb00-\ufb06\uff01-\uff5e]")


def rare_runs(text: str, fullwidth: bool = True) -> list[tuple[int, int, str]]:
    """``(start, end, run)`` of every run of those characters, in order."""
    if text.isascii():
        return []
    if not any(c in text for c in _C1 + _LIGATURES) and not (
        fullwidth and _FULLWIDTH_RE.search(text)
    ):
        return []
    runs: list[tuple[int, int, str]] = []
    for m in _RARE.finditer(text):
        s = m.start()
        if runs and runs[-1][1] == s:
            start, _, run = runs[-1]
            runs[-1] = (start, s + 1, run + m.group())
        else:
            runs.append((s, s + 1, m.group()))
    return runs


#: The characters :func:`rare_runs` looks for, to ask the document's character set
#: first (memoised per block: 39 ``in`` scans of 1 MB of non-Latin-1 text cost a
#: keystroke 4-6 ms).
_RARE_SET = frozenset(_C1 + _LIGATURES)
_RARE_FW_SET = _RARE_SET | frozenset(chr(c) for c in range(0xFF01, 0xFF5F))


def rare_runs_of(doc: Document) -> list[tuple[int, int, str]]:
    """Runs of C1 controls, ligatures and fullwidth forms, scanned once per document."""
    return doc.cached(
        "encoding.rare",
        lambda d: [] if d.chars.isdisjoint(_RARE_SET) else rare_runs(d.text, fullwidth=False),
    )


def rare_runs_with_fullwidth(doc: Document) -> list[tuple[int, int, str]]:
    """Same, including fullwidth forms (only the opt-in fullwidth rule pays for those)."""
    return doc.cached(
        "encoding.rare_fw",
        lambda d: [] if d.chars.isdisjoint(_RARE_FW_SET) else rare_runs(d.text),
    )


def mojibake_repairs(doc: Document) -> list[Repair]:
    """The document's mojibake spans, searched once per document: the mojibake rule,
    the language map (which reads text with the safe repairs applied) and
    doubled-space (which leaves a repair's spaces to it) all read this one list.
    ftfy is imported only for a document that is not ASCII."""
    if doc.text.isascii():
        return []

    def find(d: Document) -> list[Repair]:
        from .mojibake import find as find_mojibake

        return find_mojibake(d.text)

    return doc.cached("encoding.mojibake", find)
