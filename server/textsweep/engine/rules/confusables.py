"""Look-alike letters from another script (Unicode TS #39): `pаypal` with a Cyrillic `а`.

Data: the script of each character (Scripts.txt) and the letters that share a
TS #39 skeleton (confusables.txt), vendored as a compact generated table in
``_confusables_data.py`` (see scripts/gen_confusables.py for versions and sources).

Choices, each a guard against false alarms on real text (a survey of every
gettext catalogue of a Debian system, 3,674 files and 59 MB, found real typos
such as `пакeт` or `Eιδικές` and shaped these):

* Words that contain Han, Hiragana, Katakana, Hangul or Bopomofo are never
  checked: Japanese, Chinese and Korean mix those scripts (and Latin) by design,
  and Katakana ロ/エ/カ look like Han 口/工/力. Nor are IPA transcriptions.
* A word is flagged only when *every* letter outside its dominant script has an
  ordinary look-alike in that script (otherwise the mix is visible and no one is
  fooled), it has at least three letters (`αx`, `kΩ`, `μm` are formulas and
  units), and the word it imitates holds a vowel (`ρgh` is a formula).
* printf formats, escapes and hex prefixes glued to a word are not part of it.
* Serbian, Russian or Greek prose is single-script word by word and is left alone;
  a whole word in another script (a Cyrillic `рор` in English) is only a hint,
  and only inside Latin-script lines and paragraphs.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from .. import _confusables_data as data
from ..config import Config
from ..document import Document
from ..memo import text_memo
from ..model import Finding, Fix, Severity
from ..regions import in_quoted_code
from ..registry import Example, Rule, Scope, clean, rule
from ..structure._spans import per_block, per_block_spans

FAMILY = "unicode"

#: Scripts that legitimately share words: CJK writing mixes them (UTS #39 treats
#: Han+Hiragana+Katakana, Han+Hangul and Han+Bopomofo as single "scripts").
_CJK = frozenset({"Han", "Hiragana", "Katakana", "Hangul", "Bopomofo"})
_NEUTRAL = frozenset({"Common", "Inherited", "Unknown"})
#: Identically spelt mixed-script words seen this often in prose, with the plain
#: spelling nowhere in the document, are taken for a deliberate name: hint only.
NAME_REPEATS = 3
MIN_LETTERS = 3
_WORD = re.compile(r"[^\W_]+")
_WORD_CHAR = re.compile(r"[^\W_]")
#: IPA and phonetic letters: a transcription (`ˈbaχ`) mixes Greek and Latin by design.
_IPA = re.compile("[\u0250-\u02ff\u1d00-\u1dbf]")
_VOWELS = {
    "Latin": frozenset("aeiouyAEIOUY"),
    "Cyrillic": frozenset("аеёиоуыэюяіїєАЕЁИОУЫЭЮЯІЇЄ"),
    "Greek": frozenset("αεηιουωάέήίόύώΑΕΗΙΟΥΩ"),
}


def _basic(script: str, ch: str) -> bool:
    """The everyday alphabet of a script: the letters a reader expects there."""
    o = ord(ch)
    if script == "Latin":
        return ch.isascii()
    if script == "Greek":
        return 0x0391 <= o <= 0x03C9
    if script == "Cyrillic":
        return 0x0400 <= o <= 0x045F or o in (0x0490, 0x0491)
    return True


#: Latin letters and the Cyrillic or Greek ones drawn the same in common fonts;
#: other TS #39 pairs (Greek `σ` and `o`, `ρ` and `p`) only resemble each other.
_SAME_GLYPH_PAIRS = (
    "aа eе oо pр cс yу xх iі jј sѕ hһ dԁ qԛ wԝ AА BВ EЕ KК MМ HН OО PР CС TТ XХ IІ JЈ SЅ "
    "YҮ WԜ oο vν AΑ BΒ EΕ ZΖ HΗ IΙ KΚ MΜ NΝ OΟ PΡ TΤ YΥ XΧ"
)
_SAME_GLYPH = frozenset(
    pair for p in _SAME_GLYPH_PAIRS.split() for pair in ((p[0], p[1]), (p[1], p[0]))
)


def _ordinary(script: str, ch: str) -> bool:
    """Letters that writers of the script use, not phonetic, African or minority
    ones (IPA `ɪ`, small capital `ᴛ`, `Ʒ`, Komi `Ԍ`): only these can fool a reader."""
    o = ord(ch)
    if script == "Latin":
        return o <= 0x017F
    if script == "Cyrillic":
        return 0x0400 <= o <= 0x04FF
    if script == "Greek":
        return 0x0370 <= o <= 0x03FF
    return True


def _core(script: str, ch: str) -> bool:
    """Letters every writer of the script uses (ASCII; А–я; Α–ω), not `ѕ` or `ɑ`."""
    o = ord(ch)
    if script == "Latin":
        return ch.isascii()
    if script == "Cyrillic":
        return 0x0410 <= o <= 0x044F
    if script == "Greek":
        return 0x0391 <= o <= 0x03C9
    return False


@lru_cache(maxsize=1)
def _points() -> tuple[list[int], list[str]]:
    starts: list[int] = []
    names: list[str] = []
    for item in data.SCRIPT_POINTS.split():
        cp, idx = item.split(":")
        starts.append(int(cp, 16))
        names.append(data.SCRIPT_NAMES[int(idx)])
    return starts, names


_SCRIPT_CACHE: dict[str, str] = {}


def script_of(ch: str) -> str:
    """The Unicode Script property of ``ch`` (Scripts.txt), e.g. ``Latin``."""
    s = _SCRIPT_CACHE.get(ch)
    if s is None:
        starts, names = _points()
        s = names[bisect.bisect_right(starts, ord(ch)) - 1]
        if len(_SCRIPT_CACHE) < 65536:
            _SCRIPT_CACHE[ch] = s
    return s


@lru_cache(maxsize=1)
def _groups() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Letter → (its skeleton prototype or "", every letter of its class)."""
    out: dict[str, tuple[str, tuple[str, ...]]] = {}
    for line in data.GROUPS:
        proto_hex, members_hex = line.split("|")
        proto = chr(int(proto_hex, 16)) if proto_hex else ""
        members = tuple(chr(int(h, 16)) for h in members_hex.split())
        for m in members:
            out[m] = (proto, members)
    return out


def _has_cjk(word: str) -> bool:
    """Does ``word`` hold a letter of a CJK script? (Asked of the few mixed words: a
    regex class of those scripts' ranges cost every cold start 5-25 ms to compile.)"""
    return any(script_of(ch) in _CJK for ch in word)


@lru_cache(maxsize=1)
def _to_ascii() -> dict[int, str]:
    """Cyrillic and Greek letters → their one same-case ASCII look-alike."""
    table: dict[int, str] = {}
    for ch in _groups():
        if script_of(ch) in ("Cyrillic", "Greek"):
            one = unique_lookalike(ch, "Latin")
            if one is not None and one.isascii():
                table[ord(ch)] = one
    return table


def lookalikes(ch: str, script: str) -> list[str]:
    """Letters of ``script`` that ``ch`` is confusable with, best first.

    Only ordinary letters of the same case; the TS #39 prototype first, then the script's
    everyday alphabet, then the rest.
    """
    entry = _groups().get(ch)
    if entry is None:
        return []
    proto, members = entry
    upper = ch.isupper()
    found = [
        m
        for m in members
        if m != ch and script_of(m) == script and m.isupper() == upper and _ordinary(script, m)
    ]
    found.sort(key=lambda m: (m != proto, not _basic(script, m), ord(m)))
    return found


@lru_cache(maxsize=4096)
def unique_lookalike(ch: str, script: str) -> str | None:
    """The one letter ``ch`` must stand for in ``script``, or None if unsure.

    It is the letter drawn the same (Latin `o`, Greek `ο`, not `σ`), else the
    TS #39 prototype when that is a letter of ``script`` in the same case, else the
    only same-case look-alike in the script's everyday alphabet.
    """
    found = lookalikes(ch, script)
    if not found:
        return None
    for m in found:
        if (ch, m) in _SAME_GLYPH:
            return m
    entry = _groups()[ch]
    if found[0] == entry[0]:
        return found[0]
    basic = [m for m in found if _basic(script, m)]
    return basic[0] if len(basic) == 1 else None


@dataclass(frozen=True)
class _Mixed:
    """A mixed-script word and how to read it in its dominant script."""

    start: int
    end: int
    word: str
    dominant: str
    foreign: tuple[tuple[int, str, str], ...]  # (index in word, letter, look-alike)
    fixed: str
    unambiguous: bool


def _analyse(word: str, start: int) -> _Mixed | None:
    """A word whose foreign letters all imitate one of its scripts, else None.

    The script with the most letters is tried first (Latin wins a tie); if one of
    the other letters has no look-alike there, the next script is tried, so that
    `Саfе` (three Cyrillic letters, one Latin) still reads as Latin `Cafe`.
    """
    counts: Counter[str] = Counter()
    scripts: list[str] = []
    for ch in word:
        s = script_of(ch) if not ch.isascii() else ("Latin" if ch.isalpha() else "Common")
        scripts.append(s)
        if s not in _NEUTRAL and ch.isalpha():
            counts[s] += 1
    if len(counts) < 2 or not _CJK.isdisjoint(counts):
        return None
    if sum(counts.values()) < MIN_LETTERS:
        return None
    order = sorted(counts, key=lambda s: (-counts[s], s != "Latin", s))
    for dominant in order:
        found = _read_as(word, start, scripts, dominant)
        if found is not None:
            return found
    return None


def _read_as(word: str, start: int, scripts: list[str], dominant: str) -> _Mixed | None:
    """``word`` with every letter outside ``dominant`` replaced by its look-alike."""
    foreign: list[tuple[int, str, str]] = []
    unambiguous = True
    fixed = list(word)
    for i, (ch, s) in enumerate(zip(word, scripts, strict=True)):
        if s in _NEUTRAL or s == dominant or not ch.isalpha():
            continue
        one = unique_lookalike(ch, dominant)
        if one is None:
            alike = lookalikes(ch, dominant)
            if not alike:
                return None  # a visibly foreign letter: nobody is fooled
            one = alike[0]
            unambiguous = False
        foreign.append((i, ch, one))
        fixed[i] = one
    result = "".join(fixed)
    if not _case_plausible(word) and _glued(word, [i for i, _, _ in foreign]):
        return None  # `ПРЕФИКСaa`: a placeholder with a suffix, not a spoof
    vowels = _VOWELS.get(dominant)
    if vowels is not None and vowels.isdisjoint(result):
        return None
    return _Mixed(start, start + len(word), word, dominant, tuple(foreign), result, unambiguous)


def _case_plausible(word: str) -> bool:
    """lower, UPPER or Title case: how real words are written."""
    letters = [c for c in word if c.isalpha()]
    rest = "".join(letters[1:])
    return not rest or rest.islower() or "".join(letters).isupper()


def _glued(word: str, foreign: list[int], min_run: int = 1) -> bool:
    """The foreign letters form one run at the start or the end of the word."""
    if len(foreign) < max(min_run, 1):
        return False
    first, last = foreign[0], foreign[-1]
    contiguous = last - first + 1 == len(foreign)
    return contiguous and (first == 0 or last == len(word) - 1)


def _token_kinds(doc: Document, spans: list[tuple[int, int]]) -> list[str]:
    """For each span, the kind of code token holding it: identifier, string, comment, code."""
    from pygments.token import Comment, Name, String  # type: ignore[import-untyped]

    from ..structure.code import lexer_for

    lexer = lexer_for(doc)
    kinds = ["text"] * len(spans)
    if lexer is None:
        return kinds
    order = sorted(range(len(spans)), key=lambda i: spans[i][0])
    j = 0
    try:
        for tstart, tok, value in lexer.get_tokens_unprocessed(doc.text):
            tend = tstart + len(value)
            while j < len(order) and spans[order[j]][0] < tend:
                i = order[j]
                if spans[i][0] >= tstart:
                    if tok in String:
                        kinds[i] = "string"
                    elif tok in Comment:
                        kinds[i] = "comment"
                    elif tok in Name:
                        kinds[i] = "identifier"
                    else:
                        kinds[i] = "code"
                j += 1
            if j >= len(order):
                break
    except Exception:  # noqa: BLE001  (a lexer bug must not cost the findings)
        pass
    return kinds


def _describe_letters(m: _Mixed) -> str:
    pairs = list(dict.fromkeys((ch, alike) for _, ch, alike in m.foreign))
    parts = [
        f"`{ch}` ({unicodedata.name(ch, f'U+{ord(ch):04X}')}) for `{alike}`"
        for ch, alike in pairs[:4]
    ]
    more = f" and {len(pairs) - 4} more" if len(pairs) > 4 else ""
    return ", ".join(parts) + more


#: A printf format, or Python's named one (``%(cnt)s``).
_PRINTF = re.compile(
    r"%(?:\d+\$)?(?:\([\w.]+\))?[-+ #0']*(?:\d+|\*)?(?:\.\d+)?(?:hh|h|ll|l|L|q|j|z|t)?"
    r"[diouxXeEfFgGaAcspn]"
)


def _word_start(text: str, start: int, end: int) -> int:
    """Where the word proper begins: after a printf format (`%liмин`, `%-17sУвімкнути`,
    `%(cnt)sнерседен`), an escape (`\\nПривет`) or a hex prefix (`0xАДРЕСА`) glued
    to it."""
    if start and text[start - 1] == "\\":
        return start + 1
    p = text.rfind("%", max(0, start - 40), start)
    if p >= 0:
        f = _PRINTF.match(text, p)
        if f is not None and start <= f.end() < end:
            return f.end()
    if text.startswith(("0x", "0X"), start):
        return start + 2
    return start


def _words_present(text: str, wanted: set[str]) -> set[str]:
    """Which of ``wanted`` occur in ``text`` as whole words (one regex scan)."""
    if len(wanted) > 500:  # an alternation that long is slower than a word loop
        return {m.group() for m in _WORD.finditer(text) if m.group() in wanted}
    alternatives = "|".join(re.escape(w) for w in sorted(wanted, key=len, reverse=True))
    pattern = re.compile(f"(?<![^\\W_])(?:{alternatives})(?![^\\W_])")
    return {m.group() for m in pattern.finditer(text)}


#: The bulk of the Latin, Cyrillic and Greek letters, as plain block ranges: regexes
#: over huge exact classes are ten times slower, and these only pre-filter.
_L = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
_C = "\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f"
_G = "\u0370-\u03ff\u1f00-\u1fff"
#: Two adjacent letters of different scripts: every mixed Latin/Cyrillic/Greek word
#: has one (when no digit separates them), so one regex scan finds the few words
#: worth a closer look.
_SWITCH = re.compile(f"[{_L}][{_C}{_G}]|[{_C}][{_L}{_G}]|[{_G}][{_L}{_C}]")
#: A Cyrillic or Greek letter: every switch holds one, and one scan of this single
#: class is twenty times faster than ``_SWITCH``'s three branches on Latin text.
_CYRILLIC_OR_GREEK = re.compile(f"[{_C}{_G}]")
_LATIN_LETTER = re.compile(f"[{_L}]")
_CYRILLIC_LETTER = re.compile(f"[{_C}]")
_GREEK_LETTER = re.compile(f"[{_G}]")


@lru_cache(maxsize=1)
def _other_lookalikes() -> frozenset[str]:
    """Look-alike letters of the other scripts (Cherokee `Ꭺ`, Armenian `օ`…), CJK aside."""
    skip = {"Latin", "Cyrillic", "Greek", *_CJK}
    return frozenset(ch for ch in _groups() if script_of(ch) not in skip)


@lru_cache(maxsize=64)
def _other_switch(present: frozenset[str]) -> re.Pattern[str]:
    """A Latin, Cyrillic or Greek letter next to one of ``present`` (the other
    scripts' look-alikes a document holds: few, so the class stays small)."""
    other = "".join(re.escape(ch) for ch in sorted(present))
    main = _L + _C + _G
    return re.compile(f"[{main}][{other}]|[{other}][{main}]")


@lru_cache(maxsize=1)
def _looks_latin() -> re.Pattern[str]:
    """A whole word of Cyrillic (or Greek) letters that all have an ASCII look-alike."""
    table = _to_ascii()
    cyr = "".join(re.escape(chr(c)) for c in sorted(table) if script_of(chr(c)) == "Cyrillic")
    greek = "".join(re.escape(chr(c)) for c in sorted(table) if script_of(chr(c)) == "Greek")
    return re.compile(f"[{cyr}]{{3,}}|[{greek}]{{3,}}")


@lru_cache(maxsize=1)
def _looks_latin_letter() -> re.Pattern[str]:
    """One letter of :func:`_looks_latin`'s classes: every match holds one, and one
    class finds that a block has none far faster than the two-branch scan."""
    table = _to_ascii()
    return re.compile(
        "["
        + "".join(
            re.escape(chr(c)) for c in sorted(table) if script_of(chr(c)) in ("Cyrillic", "Greek")
        )
        + "]"
    )


@text_memo(max_chars=4_000_000, max_entries=16384)
def _block_mixed(text: str) -> tuple[_Mixed, ...]:
    """The mixed-script words of one block of paragraphs (offsets relative to it;
    cached by text: a keystroke re-reads one block). A word never crosses a blank
    line, and what precedes a block is a line break, so a block alone decides."""
    if text.isascii():
        return ()
    found: list[_Mixed] = []
    done = 0  # end of the last word examined
    switches = (
        [sw.start() for sw in _SWITCH.finditer(text)] if _CYRILLIC_OR_GREEK.search(text) else []
    )
    present = frozenset(text) & _other_lookalikes()
    if present:
        more = [sw.start() for sw in _other_switch(present).finditer(text)]
        switches = sorted(switches + more)
    for at in switches:
        if at < done:
            continue
        ws = at
        while ws > done and _WORD_CHAR.match(text, ws - 1):
            ws -= 1
        m = _WORD.match(text, ws)
        if m is None:  # pragma: no cover  (a switch starts with a letter)
            continue
        done = m.end()
        w = m.group()
        if _has_cjk(w) or _IPA.search(w):
            continue
        start = _word_start(text, m.start(), m.end())
        mixed = _analyse(text[start : m.end()], start)
        if mixed is not None:
            found.append(mixed)
    return tuple(found)


def _shift_mixed(w: _Mixed, d: int) -> _Mixed:
    return _Mixed(w.start + d, w.end + d, w.word, w.dominant, w.foreign, w.fixed, w.unambiguous)


def _mixed_words(doc: Document) -> list[_Mixed]:
    def compute(d: Document) -> list[_Mixed]:
        if d.text.isascii():
            return []
        return per_block(d.text, _block_mixed, _shift_mixed)

    return doc.cached("confusables.mixed", compute)


def lookalike_readings(doc: Document) -> list[tuple[int, int, str]]:
    """``(start, end, reading)`` of every word mixing scripts with look-alike letters,
    read in its dominant script: ``Ηello`` (Greek Eta) is ``Hello`` to a reader, and
    to language detection, which must not change its mind when the word is fixed."""
    return [(w.start, w.end, w.fixed) for w in _mixed_words(doc)]


@rule(
    "mixed-script-confusable",
    family=FAMILY,
    severity=Severity.WARNING,
    # whole document: repeated spellings and the plain word anywhere decide a fix
    scope=Scope.DOCUMENT,
    description="A word mixing scripts with look-alike letters (`pаypal` with a Cyrillic `а`).",
    explanation="""
A Cyrillic `а` or a Greek `ο` looks exactly like a Latin `a` or `o`, but a
search, a spell checker, a browser or a compiler sees another word: this is how
phishing links (`pаypal.com`) and "Trojan source" identifiers are built, and how
a keyboard left on the wrong layout spoils a word. A word is flagged when it mixes
scripts and every letter from the minority script has a look-alike (Unicode TS
#39 `confusables.txt`) in the word's dominant script; it is checked everywhere,
URLs, code spans and source code included (identifiers, strings and comments).

The fix writes the dominant script's letters. Fix-all applies it only when it
is unambiguous: every foreign letter has one same-case look-alike (the letter
drawn the same, else the TS #39 prototype, else the only one in the everyday
alphabet); either each foreign letter is drawn exactly like its replacement
(Cyrillic `а` and Latin `a`, not Greek `σ` and `o`: `byteσs` is not `byteos`)
and the replacement is a core letter (ASCII, А–я, Α–ω) or already used in the
document (a stray Latin `s` in Serbian would become Macedonian `ѕ`), or the
corrected word appears elsewhere in the document; foreign letters are fewer than
the others and do not form a run of two or more at one end (`TOCСПЕЦ` glues two
words); the word is in lower, UPPER or Title case (any case for identifiers);
and it is not a string literal in source code, nor in a code block or a code
span of a document (test data and examples may be spoofed on purpose).
Otherwise the fix is only offered. Letters of a printf format, an
escape or a hex prefix glued to a word (`%liмин`, `%-17sУвімкнути`, `%(cnt)sнерседен`,
`\\nПривет`, `0xАДРЕСА`) are not part of it.

Never flagged: words holding Han, Kana, Hangul or Bopomofo (Japanese, Chinese
and Korean mix scripts by design); words with a foreign letter that has no
look-alike (the mix shows); words of fewer than three letters and words whose
reading has no vowel (formulas and units: `αx`, `ρgh`, `kΩ`; the micro sign of
`µm` is a symbol, not a Greek letter); phonetic transcriptions (`ˈbaχ`, with IPA
letters); letters that only look like phonetic or historic ones (Greek `τ` is
like small capital `ᴛ`, not `t`); a placeholder glued to a suffix in another
case (`ПРЕФИКСaa`). In prose, a mixed word written the same way at least
three times while its plain spelling never appears is taken for a deliberate name
and only hinted at; a spoof next to the real word (`pаypal` and
`paypal` in one document) is always a warning.""",
    examples=[
        Example("Log in at p\u0430ypal.com\n", "Log in at paypal.com\n"),
        Example("Visit g\u03bfogle today\n", "Visit google today\n"),
        Example("\u0397ello, world\n", "Hello, world\n"),
        Example("if n\u0430me == 1:\n    pass\n", "if name == 1:\n    pass\n", "python"),
        Example("Привет, \u043cир и Kиев\n", "Привет, \u043cир и Киев\n"),
        clean("東京タワーでiPhoneを買った。\n", note="Japanese mixes scripts by design"),
        clean("Beograd je glavni grad Srbije. Београд је главни град Србије.\n"),
        clean("Площадь круга равна πr², ускорение a = αt, ρgh, 5 µm, 10 kΩ\n"),
    ],
)
def mixed_script_confusable(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    words = _mixed_words(doc)
    if not words:
        return
    kinds = (
        ["text"] * len(words)
        if doc.is_prose
        else _token_kinds(doc, [(w.start, w.end) for w in words])
    )
    repeats = Counter(w.word for w in words)
    plain_seen = _words_present(doc.text, {w.fixed for w in words})
    for w, kind in zip(words, kinds, strict=True):
        what = {"identifier": "Identifier", "string": "String", "comment": "Word"}.get(kind, "Word")
        name_like = doc.is_prose and repeats[w.word] >= NAME_REPEATS and w.fixed not in plain_seen
        same = all(
            (ch, a) in _SAME_GLYPH and (_core(w.dominant, a) or a in doc.chars)
            for _, ch, a in w.foreign
        )
        safe = (
            w.unambiguous
            and (same or w.fixed in plain_seen)
            and not _glued(w.word, [i for i, _, _ in w.foreign], 2)
            and len(w.foreign) * 2 < sum(c.isalpha() for c in w.word)
            and (kind == "identifier" or _case_plausible(w.fixed))
            and kind != "string"
            and not name_like
            # a code block or span of a document: spoofed on purpose as often as
            # string literals are (punycode's examples), so fixed only when asked
            and not (doc.is_prose and in_quoted_code(doc, w.start, w.end))
        )
        foreign_script = "/".join(sorted({script_of(ch) for _, ch, _ in w.foreign}))
        msg = (
            f"{what} `{w.word}` mixes {w.dominant} with look-alike {foreign_script} letters: "
            f"{_describe_letters(w)}"
        )
        if name_like:
            msg += f" (written so {repeats[w.word]} times: a name?)"
        yield r.finding(
            w.start,
            w.end,
            msg,
            [Fix(w.start, w.end, w.fixed, f"Write `{w.fixed}` in {w.dominant} letters", safe)],
            severity=Severity.HINT if name_like else None,
            data={"dominant": w.dominant, "fixed": w.fixed},
        )


# --------------------------------------------------------------------------- whole-script

_BLANK_LINE = re.compile(r"(?:\r\n|\r(?!\n)|\n)[ \t]*(?=\r\n|\r|\n)")


@text_memo(max_chars=4_000_000, max_entries=16384)
def _lone_lookalike_words(text: str) -> tuple[tuple[int, int], ...]:
    """Whole words of one block (relative offsets, cached by text) that are all
    Cyrillic or all Greek look-alikes and read as a plausible Latin word: the
    candidates :func:`whole_script_confusable` then weighs against their line
    and paragraph. Words end at line breaks, so a block alone decides."""
    if text.isascii():
        return ()
    if not _looks_latin_letter().search(text):
        return ()  # every match holds one: a single class scans far faster
    table = _to_ascii()
    n = len(text)
    out: list[tuple[int, int]] = []
    for m in _looks_latin().finditer(text):
        if (m.start() and _WORD_CHAR.match(text, m.start() - 1)) or (
            m.end() < n and _WORD_CHAR.match(text, m.end())
        ):
            continue  # part of a longer word
        reading = m.group().translate(table)
        if _VOWELS["Latin"].isdisjoint(reading) or not _case_plausible(reading):
            continue
        out.append(m.span())
    return tuple(out)


@rule(
    "whole-script-confusable",
    family=FAMILY,
    severity=Severity.HINT,
    # its own blank-line paragraphs, not the engine's: kept whole-document
    scope=Scope.DOCUMENT,
    description="A Cyrillic or Greek word that reads as Latin (`рор`) inside Latin-script text.",
    explanation="""
A word typed entirely in Cyrillic or Greek letters that all look like Latin ones
(`рор`, `сосоа`) reads as an English word but is not one: searches and spell
checkers miss it. It is a hint, since such a word may be quoted on purpose, and
its fix (retyping it in Latin letters) is only offered. Checked in prose only,
for words of at least three letters whose every letter has a same-case ASCII
look-alike, alone in their script on a Latin-script line, in a paragraph at least
four fifths Latin. Russian, Serbian or Greek prose, with Latin product names or
command syntax inside it (`command [арг ...]` in a Serbian manual), is never
flagged.""",
    examples=[
        Example(
            "The band played \u0440\u043e\u0440 music all night long.\n",
            "The band played \u0440\u043e\u0440 music all night long.\n",
            note="only a hint: the fix is offered, not applied",
        ),
        clean("Москва — столица России, а Excel и Word — программы Microsoft.\n"),
        clean("Η Αθήνα είναι η πρωτεύουσα της Ελλάδας και το Linux είναι δωρεάν.\n"),
        clean("The constant α and the word λόγος are Greek.\n"),
    ],
)
def whole_script_confusable(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    text = doc.text
    if text.isascii() or not doc.is_prose:
        return
    table = _to_ascii()
    counts: dict[tuple[int, int], tuple[int, int, int]] = {}
    breaks: list[int] | None = None

    def letters(start: int, end: int) -> tuple[int, int, int]:
        """Latin, Cyrillic and Greek letters in ``text[start:end]``, counted once."""
        if (start, end) not in counts:
            chunk = text[start:end]
            counts[start, end] = (
                len(_LATIN_LETTER.findall(chunk)),
                len(_CYRILLIC_LETTER.findall(chunk)),
                len(_GREEK_LETTER.findall(chunk)),
            )
        return counts[start, end]

    for start, end in per_block_spans(text, _lone_lookalike_words):
        w = text[start:end]
        script = script_of(w[0])
        reading = w.translate(table)
        index = 1 if script == "Cyrillic" else 2
        line = letters(*doc.line_span(doc.line_of(start)))
        if line[index] != len(w) or line[0] < 2 * len(w):
            continue  # not a lone foreign word in a Latin-script line
        if breaks is None:
            breaks = [0, *(b.end() for b in _BLANK_LINE.finditer(text)), len(text) + 1]
        i = bisect.bisect_right(breaks, start)
        para = letters(breaks[i - 1], breaks[i] - 1)
        if para[index] * 4 > para[0]:
            continue  # a paragraph in that script, or a bilingual one
        yield r.finding(
            start,
            end,
            f"`{w}` is written in {script} letters that look like Latin `{reading}`",
            [Fix(start, end, reading, f"Retype as Latin `{reading}`", False)],
        )
