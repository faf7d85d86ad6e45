"""Property tests: mojibake repair restores the text exactly and touches nothing else.

Texts are arrangements of real words (the clean corpus plus words that tripped
the rules before) with any punctuation. Random letter soup is not used for the
mojibake properties: strings such as ``âœ’`` are themselves the mojibake of
``✒``, so no rule can know whether to repair them; random soup is still used to
check that conversions between encodings round-trip.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401  (sloppy-windows-1252 for building mojibake)
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from textsweep.engine import Config, Document, all_rules, apply_fixes, fix_all, lint, parse_settings
from textsweep.engine.encoding import decode_as, inspect_bytes, to_utf8

LOWER = "abcdefghijklmnopqrstuvwxyzàâäçéèêëîïôöùûüÿœæñáíóúãõåøßąćęłńśźżčďěňřšťůž"
UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZÀÂÇÉÈÊËÎÏÔÖÙÛÜŒÆÑÁÍÓÚÅØĄĆĘŁŃŚŹŻČĎĚŇŘŠŤŮŽ"
PUNCT = [", ", ". ", " ; ", " : ", " ! ", " ? ", " « ", " » ", "’", " — ", " – ", "… ", " "]

#: Random words of two letters or more (single non-ASCII letters such as ``Ż`` are
#: not words, and ``Å»`` is as likely the Swedish letter in guillemets), plus the
#: real one-letter words.
word = (
    st.text(alphabet=LOWER, min_size=2, max_size=10)
    | st.text(alphabet=LOWER, min_size=2, max_size=10).map(str.capitalize)
    | st.sampled_from(["à", "é", "ô", "À", "É", "a", "y", "o"])
)
prose = st.lists(st.tuples(word, st.sampled_from(PUNCT)), min_size=1, max_size=25).map(
    lambda parts: "".join(w + p for w, p in parts).strip() + "\n"
)
#: Real words in eleven languages (the clean corpus), in any order with any punctuation.
VOCABULARY = sorted(
    {
        w
        for path in (Path(__file__).parents[1] / "data" / "languages").glob("*.txt")
        for w in re.findall(r"\w+", path.read_text(encoding="utf-8"))
    }
)
real_prose = st.lists(
    st.tuples(st.sampled_from(VOCABULARY), st.sampled_from(PUNCT)), min_size=1, max_size=25
).map(lambda parts: "".join(w + p for w, p in parts).strip() + "\n")
#: Words that have tripped mojibake repair or detection before.
TRICKY = [
    "cœur", "sœur", "Œuvre", "Île", "ÎLE", "się", "mają", "ČESKO", "Česká", "Ángel",
    "Ærø", "Ç’a", "MAÇÃ", "IRMÃ", "Straße", "Пётр", "«ТАСС»", "PÓŁNOC", "PÍŠE", "naïve",
    "Zoë", "Noël", "à", "Où", "ÉTÉ", "Åsa", "Ångström", "señor", "ñandú", "ų", "Ħ",
]  # fmt: skip
real_word = st.sampled_from(VOCABULARY + TRICKY)
real_prose_any = st.lists(
    st.tuples(real_word, st.sampled_from(PUNCT)), min_size=1, max_size=25
).map(lambda parts: "".join(w + p for w, p in parts).strip() + "\n")
euro = st.sampled_from(["", " 12,50 €", " £5", " ¥600", " 3 °C"])

MINE = ("mojibake", "c1-control", "html-entity", "unicode-normalization", "replacement-character")


def _config(*enabled: str):  # type: ignore[no-untyped-def]
    """Every rule off (other families' rules too) but ``enabled``."""
    rules: dict[str, bool] = {r.id: False for r in all_rules()}
    rules.update(dict.fromkeys(enabled, True))
    config, warnings = parse_settings({"rules": rules})
    assert not warnings
    return config


CONFIG = _config("mojibake", "c1-control")
ALL_ENCODING = _config(*MINE)


def _only_encoding(config_text: str) -> str:
    return fix_all(Document(config_text), CONFIG).text


def _with_guesses(text: str) -> str:
    """``text`` after fix-all, then each repair still offered as a guess (not safe)."""
    text = _only_encoding(text)
    guesses = [f.fixes[0] for f in lint(Document(text), CONFIG) if f.fixes]
    return apply_fixes(text, guesses).text


def _restored(bad: str, good: str) -> None:
    """Fix-all restores ``good``, or stops where the evidence does and the repairs it
    still offers (a lone ``Î·`` may be Greek ``η``) complete it: never a third text."""
    out = _only_encoding(bad)
    if out != good:
        assert _with_guesses(bad) == good, (bad, out)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(real_prose_any, euro)
def test_clean_prose_is_never_touched(text: str, money: str) -> None:
    text = text.rstrip("\n") + money + "\n"
    doc = Document(text)
    found = [f for f in lint(doc, ALL_ENCODING) if f.rule in MINE[:-1]]
    assert found == [], [(f.rule, text[f.start : f.end]) for f in found]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(real_prose_any, euro)
def test_whole_text_mojibake_is_restored(text: str, money: str) -> None:
    text = text.rstrip("\n") + money + "\n"
    assume(not text.isascii())
    bad = text.encode("utf-8").decode("sloppy-windows-1252")
    _restored(bad, text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(real_word, st.booleans()), min_size=1, max_size=20))
def test_some_words_broken_only_those_change(parts: list[tuple[str, bool]]) -> None:
    """A line mixing correct and broken words: the broken ones are restored, nothing else."""
    good = " ".join(w for w, _ in parts) + "\n"
    bad = (
        " ".join(
            w.encode("utf-8").decode("sloppy-windows-1252") if broken else w for w, broken in parts
        )
        + "\n"
    )
    _restored(bad, good)


@settings(max_examples=200, deadline=None)
@given(
    prose,
    st.sampled_from(["cp1252", "latin-1", "mac_roman", "cp1250", "iso-8859-2", "koi8-r"]),
)
def test_any_lossless_conversion_round_trips(text: str, codec: str) -> None:
    # Letters the codec lacks are dropped rather than the example rejected: most
    # prose has some letter KOI8-R lacks, and rejecting made Hypothesis give up.
    raw = text.encode(codec, errors="ignore")
    info = inspect_bytes(raw)
    if info.is_utf8:
        return  # the bytes are valid UTF-8 too (``É’`` in cp1252 is ``ɒ``): nothing to convert
    for cand in info.candidates:
        if cand.lossless:
            assert decode_as(raw, cand.encoding).encode(codecs.lookup(cand.encoding).name) == raw
    try:
        out, _ = to_utf8(raw)
    except ValueError:
        return  # refused: allowed, never lossy
    # Whatever was chosen, converting back gives the original bytes.
    assert out.decode("utf-8").encode(info.usable[0].encoding) == raw


#: Real sentences (Debian catalogues) in languages written with each codec.
_REAL = Path(__file__).resolve().parents[1] / "data" / "real"
_BY_CODEC = {
    "sloppy-windows-1250": ("pl", "cs", "hu", "sk"),
    "sloppy-windows-1251": ("ru", "uk", "bg"),
    "mac_roman": ("fr", "de", "es"),
}
_SENTENCES = {
    codec: [
        line
        for lang in langs
        for line in (_REAL / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
        # Decomposed accents (``a`` + U+0301) read as MacRoman are not repaired yet.
        if not line.isascii() and unicodedata.is_normalized("NFC", line)
    ]
    for codec, langs in _BY_CODEC.items()
}


def _lines_in(codec: str) -> st.SearchStrategy[tuple[str, list[str]]]:
    lines = st.lists(st.sampled_from(_SENTENCES[codec]), min_size=1, max_size=4)
    return st.tuples(st.just(codec), lines)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(_BY_CODEC)).flatmap(_lines_in))
def test_other_codecs_restored_or_left_as_guesses(case: tuple[str, list[str]]) -> None:
    """UTF-8 read as Windows-1250/1251 or MacRoman: fix-all restores the text, or
    stops where the evidence does; never a third text."""
    codec, lines = case
    good = "\n".join(lines) + "\n"
    bad = good.encode("utf-8").decode(codec)
    out = _only_encoding(bad)
    # Word by word: repaired, or left as written where nothing decides; never a third word.
    for g, b, o in zip(good.split(" "), bad.split(" "), out.split(" "), strict=True):
        assert o in (g, b), (g, b, o)
    guessed = _with_guesses(bad)
    for g, b, o in zip(good.split(" "), bad.split(" "), guessed.split(" "), strict=True):
        assert o in (g, b), (g, b, o)


def _normalization_reference(text: str) -> list[tuple[int, int, str]]:
    """unicode-normalization as first written: the whole text's NFC check first,
    then a regex of every composing character."""
    from textsweep.engine.rules.unicode import _composing

    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return []
    pattern = "[" + "".join(re.escape(c) for c in sorted(_composing())) + "]+"
    out = []
    for m in re.finditer(pattern, text):
        start = m.start() - 1
        if start < 0 or text[start] in "\r\n":
            continue
        seq = text[start : m.end()]
        nfc = unicodedata.normalize("NFC", seq)
        if len(nfc) < len(seq):
            out.append((start, m.end(), nfc))
    return out


@given(
    st.text(
        alphabet="ae u\n\r\u0301\u0308\u0323\u0302\u030a\u212bA\u1100\u1161\u11a8\uac00"
        "\u0bc6\u0bbe\u304b\u3099\u0344\u0f71\u0f72\u1e0b\u0307",
        max_size=40,
    )
)
def test_normalization_scan_equals_the_whole_text_check(text: str) -> None:
    # the rule looks only at the composing characters the text holds, and asks
    # whether the text is NFC only at its first candidate (first of that line)
    doc = Document(text)
    rule = next(r for r in all_rules() if r.id == "unicode-normalization")
    got = [(f.start, f.end, f.fixes[0].replacement) for f in rule.check(rule, doc, Config())]
    assert got == _normalization_reference(text)
