"""bidi-control judges each opener's scope in constant time from per-line counts
(``_LineClasses``): it must answer what reading the whole scope answers.

The reading below is the rule's former one (one pass over each scope, quadratic on
a line of nested openers), kept as the reference.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from textsweep.engine.rules.invisible import _bidi_class, _LineClasses


def _rtl_run_reorders(content: str) -> bool:
    """Would a right-to-left embedding or isolate show ``content``'s Latin letters or
    digits in another order than they are stored?

    A small part of the Unicode bidirectional algorithm (rules W7, N1, N2, I1, I2)
    for text without right-to-left letters: left-to-right runs land on level 2,
    the rest on level 1, and two level-2 runs separated by level 1 swap places
    (``123 abc`` displays as ``abc 123``). One run keeps its order (``world``).
    """
    classes = [_bidi_class(c) for c in content]
    if "R" in classes:
        return False  # right-to-left text in its own embedding: its job
    last_strong = "R"  # the start of a right-to-left run
    for i, c in enumerate(classes):
        if c == "L":
            last_strong = "L"
        elif c == "EN" and last_strong == "L":
            classes[i] = "L"  # W7
    n = len(classes)
    # the nearest class that is not N on each side (sos and eos are R; EN counts as R)
    left = ["R"] * n
    seen = "R"
    for i, c in enumerate(classes):
        left[i] = seen
        if c != "N":
            seen = "R" if c == "EN" else c
    runs = 0
    prev = 1
    seen = "R"
    for i in range(n - 1, -1, -1):
        c = classes[i]
        level = 2 if c != "N" or left[i] == seen == "L" else 1  # N1, else N2
        if c != "N":
            seen = "R" if c == "EN" else c
        if level == 2 and prev != 2:
            runs += 1
        prev = level
    return runs >= 2


def _first_strong(content: str) -> str:
    for c in content:
        k = _bidi_class(c)
        if k in ("L", "R"):
            return k
    return "N"


def _reorders(ch: str, content: str) -> bool:
    """Does this opener display letters or digits in another order than stored?

    Overrides force a direction on every character: a RIGHT-TO-LEFT OVERRIDE over
    ``exe.txt`` shows ``txt.exe``. Embeddings and isolates only set a base
    direction, which reorders left-to-right runs when there are several.
    """
    classes = {_bidi_class(c) for c in content}
    if ch == "\u202e":  # RLO: reverses letters and digits alike
        return bool(classes & {"L", "EN"})
    if ch == "\u202d":  # LRO: shows right-to-left letters backwards
        return "R" in classes
    if ch in "\u202b\u2067" or (ch == "\u2068" and _first_strong(content) == "R"):
        return _rtl_run_reorders(content)
    return False


OPENERS = "\u202a\u202b\u202d\u202e\u2066\u2067\u2068"
#: Latin letters, digits (European and Arabic-Indic), neutrals, Hebrew, bidi controls.
line = st.text(st.sampled_from("a1 .\u05d0\u0663\u2067\u2069\u202c"), max_size=14)


@settings(max_examples=400, deadline=None)
@given(line, st.data())
def test_a_scope_reads_as_its_whole_text(text: str, data: st.DataObject) -> None:
    counts = _LineClasses(text, 0, len(text))
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    for ch in OPENERS:
        assert counts.reorders(ch, a, b) == _reorders(ch, text[a:b]), (ascii(ch), a, b)


def test_the_reference_finds_the_cases_that_matter() -> None:
    assert _reorders("\u202e", "exe.txt")  # RLO reverses Latin letters
    assert _reorders("\u2067", "123 abc")  # two runs under an RLI swap places
    assert not _reorders("\u2067", "world")  # one run keeps its order
    assert not _reorders("\u2067", "\u05d0 abc 123")  # right-to-left text: its job
