"""Invisible, bidirectional and control characters."""

from __future__ import annotations

import bisect
import heapq
import re
import unicodedata
from collections.abc import Iterator

from ..chars import (
    BIDI_CLASS,
    INVISIBLE_CLASS,
    TAG_SET,
    UNSEEN,
    char_set,
    describe,
    find_chars,
    flag_tags,
    runs,
)
from ..config import Config
from ..document import Document
from ..entities import entity_readings
from ..model import Finding, Fix, Severity
from ..registry import Example, Rule, Scope, claimed_characters, clean, rule

FAMILY = "invisible"


def _in(o: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(lo <= o <= hi for lo, hi in ranges)


#: Scripts where ZWJ/ZWNJ shape the text (Arabic, Syriac, Indic, Southeast Asian…).
_JOINING_SCRIPTS = (
    (0x0600, 0x08FF),  # Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic, Arabic Ext.
    (0x0900, 0x0DFF),  # Devanagari … Sinhala
    (0x0F00, 0x109F),  # Tibetan, Myanmar
    (0x1780, 0x18AF),  # Khmer, Mongolian
    (0x1A00, 0x1CFF),  # Buginese … Vedic
    (0xA800, 0xABFF),  # Syloti Nagri … Meetei Mayek
    (0xFB50, 0xFDFF),  # Arabic presentation forms A
    (0xFE70, 0xFEFE),  # Arabic presentation forms B
    (0x11000, 0x11FFF),  # Brahmi, Kaithi, …
)
#: Scripts that use ZERO WIDTH SPACE as a word-break hint.
_ZWSP_SCRIPTS = (
    (0x0E00, 0x0EFF),
    (0x1000, 0x109F),
    (0x1780, 0x17FF),
    (0x0F00, 0x0FFF),
    (0x1980, 0x19DF),
    (0x1A20, 0x1AAF),
)
_MONGOLIAN = ((0x1800, 0x18AF),)
_HANGUL_JAMO = ((0x1100, 0x11FF), (0xA960, 0xA97F), (0xD7B0, 0xD7FF))
#: Pictographs and emoji components that ZWJ may glue into one emoji.
_EMOJI = (
    (0x1F000, 0x1FAFF),
    (0x2600, 0x27BF),
    (0x2300, 0x23FF),
    (0x2B00, 0x2BFF),
    (0x2190, 0x21FF),
    (0xFE0F, 0xFE0F),
    (0x1F3FB, 0x1F3FF),
    (0xE0020, 0xE007F),
    (0x00A9, 0x00A9),
    (0x00AE, 0x00AE),
    (0x203C, 0x2049),
)

_INVISIBLE_SET = char_set(INVISIBLE_CLASS)


def _context_ok(ch: str, before: str, after: str, offset: int) -> bool:
    """Is this invisible character doing a legitimate job where it stands?"""
    o_b = ord(before) if before else -1
    o_a = ord(after) if after else -1
    if ch == "\ufeff":
        return offset == 0  # a byte-order mark; the encoding rules speak of it
    if ch == "\u200d":
        if _in(o_b, _EMOJI) and _in(o_a, _EMOJI):
            return True
        return _in(o_b, _JOINING_SCRIPTS) or _in(o_a, _JOINING_SCRIPTS)
    if ch == "\u200c":
        return _in(o_b, _JOINING_SCRIPTS) or _in(o_a, _JOINING_SCRIPTS)
    if ch == "\u200b":
        return _in(o_b, _ZWSP_SCRIPTS) or _in(o_a, _ZWSP_SCRIPTS)
    if ch == "\u180e":
        return _in(o_b, _MONGOLIAN) or _in(o_a, _MONGOLIAN)
    if ch in "\u115f\u1160":
        return _in(o_b, _HANGUL_JAMO) or _in(o_a, _HANGUL_JAMO)
    return False


#: What a word break in Khmer or Thai may stand beside: other invisible characters
#: and blanks on the same line (``របស់\u00a0\u200bDjango``, ``\u200b\u200b``).
_SKIPPED_BESIDE = _INVISIBLE_SET | frozenset(" \t\u00a0\u202f")


def _breaks_words(text: str, offset: int) -> bool:
    """Is the ZWSP at ``offset`` a word break of a script written without spaces?
    Its nearest visible neighbour on either side, within a few characters of the
    same line, decides: Django's Khmer catalogue writes ``\u00a0\u200b`` before
    a Latin word, a break after a no-break space."""
    for step in (-1, 1):
        i = offset + step
        for _ in range(8):
            if not 0 <= i < len(text) or text[i] not in _SKIPPED_BESIDE:
                break
            i += step
        if 0 <= i < len(text) and _in(ord(text[i]), _ZWSP_SCRIPTS):
            return True
    return False


def _tag_findings(r: Rule, text: str, tags: frozenset[str]) -> Iterator[Finding]:
    """One finding per run of tag characters, except a valid emoji tag sequence."""
    for s, e in runs(find_chars(text, tags)):
        if flag_tags(text, s, e):
            continue
        hidden = "".join(
            chr(ord(c) - 0xE0000) if 0xE0020 <= ord(c) <= 0xE007E else "" for c in text[s:e]
        )
        shown = hidden if len(hidden) <= 60 else hidden[:57] + "…"
        yield r.finding(
            s,
            e,
            f"{e - s} invisible tag character(s) hiding the text {shown!r}: remove them",
            [Fix(s, e, "", "Remove the hidden tag characters")],
            detail="Unicode tag characters (U+E0000–U+E007F) are invisible copies of ASCII, "
            'used to smuggle hidden text through copy and paste ("ASCII smuggling"). '
            "They are only legitimate inside emoji subdivision flags.",
        )


def _where(before: str, after: str) -> str:
    if not before or before in "\r\n":
        return "at the start of a line"
    if not after or after in "\r\n":
        return "at the end of a line"
    if before.isalnum() and after.isalnum():
        return "inside a word"
    if before.isspace() or after.isspace():
        return "next to a space"
    return "between characters"


@rule(
    "invisible-character",
    cheap=True,
    scope=Scope.CHARACTERS,
    family=FAMILY,
    severity=Severity.WARNING,
    description="A zero-width or otherwise invisible character (ZWSP, word joiner, "
    "soft hyphen, stray BOM, tag characters…).",
    explanation="""
Pasted from web pages and chat tools, they break searches, spell checkers and
word counts without being seen. Zero-width joiners and non-joiners are left alone
where they do a job: inside emoji sequences and in scripts such as Persian,
Arabic or Devanagari; zero-width spaces are left alone in Thai, Lao, Khmer and
Myanmar text, where they mark word breaks. Runs of Unicode tag characters
(U+E0000–U+E007F), invisible copies of ASCII used to smuggle hidden text, are
flagged with the text they hide, except inside an emoji subdivision flag
(England, Scotland, Wales).""",
    examples=[
        Example("Le dé\u200bpôt est prêt.\n", "Le dépôt est prêt.\n"),
        Example("Soft\u00adware update\n", "Software update\n"),
        Example("fin du texte\ufeff suite\n", "fin du texte suite\n"),
        Example("word\u2060joiner\n", "wordjoiner\n"),
        clean("Family: 👨\u200d👩\u200d👧\n", note="emoji ZWJ sequence"),
        clean("می\u200cخواهم\n", note="ZWNJ in Persian"),
        clean("क्\u200dष\n", note="ZWJ in Devanagari"),
        clean("ภาษา\u200bไทย\n", note="ZWSP as a word break in Thai"),
        clean(
            "ការ\u200bគ្រប់គ្រង\u200bរបស់\u00a0\u200bDjango\n",
            note="Khmer: a break after a no-break space, before a Latin word",
        ),
        Example(
            "Please summarise this page.\U000e0049\U000e0067\U000e006e"
            "\U000e006f\U000e0072\U000e0065\n",
            "Please summarise this page.\n",
            note="tag characters hiding the word 'Ignore' (ASCII smuggling)",
        ),
        clean(
            "Go \U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f!\n",
            note="the flag of Scotland: an emoji tag sequence",
        ),
    ],
)
def invisible_character(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    tags = doc.chars & TAG_SET
    if tags:
        # Merged with the others: each rule yields in position order (a capped lint
        # reads only the first ones, and the cache files them by position).
        yield from heapq.merge(
            _tag_findings(r, doc.text, tags), _invisible(r, doc), key=lambda f: f.start
        )
    else:
        yield from _invisible(r, doc)


def _invisible(r: Rule, doc: Document) -> Iterator[Finding]:
    present = doc.chars & _INVISIBLE_SET
    if not present:
        return
    text = doc.text
    n = len(text)
    for s in find_chars(text, present):
        ch = text[s]
        before = text[s - 1] if s > 0 else ""
        after = text[s + 1] if s + 1 < n else ""
        if _context_ok(ch, before, after, s) or (ch == "\u200b" and _breaks_words(text, s)):
            continue
        name = describe(ch)
        yield r.finding(
            s,
            s + 1,
            f"{name} {_where(before, after)}: remove it",
            [Fix(s, s + 1, "", f"Remove {name}")],
            detail=f"{name} is invisible: it changes searches, spelling and word counts "
            "without showing on screen.",
        )


# --------------------------------------------------------------------------- bidi

_BIDI = re.compile(f"[{BIDI_CLASS}]")
_BIDI_SET = char_set(BIDI_CLASS)
_RTL = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
_OPENERS = "\u202a\u202b\u202d\u202e\u2066\u2067\u2068"
_EMBED_OPEN = "\u202a\u202b\u202d\u202e"
_LINE_END = re.compile(r"\r\n|\r|\n")


def _unbalanced(text: str) -> set[int]:
    """Offsets of bidi controls left open at a line end, or closing nothing."""
    bad: set[int] = set()
    stack: list[tuple[str, int]] = []
    for m in re.finditer("[\u202a-\u202e\u2066-\u2069\r\n]", text):
        ch = m.group()
        if ch in "\r\n":
            bad.update(pos for _, pos in stack)
            stack.clear()
        elif ch in _OPENERS:
            stack.append((ch, m.start()))
        elif ch == "\u202c":  # POP DIRECTIONAL FORMATTING
            if stack and stack[-1][0] in _EMBED_OPEN:
                stack.pop()
            else:
                bad.add(m.start())
        elif ch == "\u2069":  # POP DIRECTIONAL ISOLATE
            if stack and stack[-1][0] not in _EMBED_OPEN:
                stack.pop()
            else:
                bad.add(m.start())
    bad.update(pos for _, pos in stack)
    return bad


#: Paragraph breaks (a line holding only spaces ends a paragraph).
_PARA_BREAK = re.compile(r"(?:\r\n|\r(?!\n)|\n)[ \t]*(?=\r\n|\r|\n)")


def _rtl_letters(text: str, start: int, end: int) -> bool:
    """Does ``text[start:end]`` hold right-to-left *letters*?

    Marks such as U+061C ARABIC LETTER MARK sit in the Arabic block too: counting
    them as right-to-left text let one stray mark silence the Trojan Source check
    of a whole document.
    """
    for m in _RTL.finditer(text, start, end):
        ch = m.group()
        if unicodedata.category(ch)[0] == "L" and unicodedata.bidirectional(ch) in ("R", "AL"):
            return True
    return False


def _scopes(text: str) -> dict[int, tuple[int | None, int]]:
    """Each opener's offset → (offset of its matching pop or None, end of its scope).

    A scope ends at its pop, or at the end of the line (where the Unicode
    bidirectional algorithm closes every embedding and isolate).
    """
    out: dict[int, tuple[int | None, int]] = {}
    stack: list[tuple[str, int]] = []
    for m in re.finditer("[\u202a-\u202e\u2066-\u2069\r\n]", text):
        ch = m.group()
        if ch in "\r\n":
            for _, pos in stack:
                out[pos] = (None, m.start())
            stack.clear()
        elif ch in _OPENERS:
            stack.append((ch, m.start()))
        elif stack and (ch == "\u202c") == (stack[-1][0] in _EMBED_OPEN):
            _, pos = stack.pop()
            out[pos] = (m.start(), m.start())
    for _, pos in stack:
        out[pos] = (None, len(text))
    return out


def _bidi_class(ch: str) -> str:
    """L, R, EN (numbers) or N (everything else), for the reordering check."""
    b = unicodedata.bidirectional(ch)
    if b == "L":
        return "L"
    if b in ("R", "AL"):
        return "R"
    if b in ("EN", "AN"):
        return "EN"
    return "N"


class _LineClasses:
    """The bidi classes of one line with running counts, so that each opener's scope
    on it is judged in constant time: a line of 8,000 unclosed isolates has 8,000
    nested scopes, and judging each by reading it took minutes (quadratic)."""

    def __init__(self, text: str, start: int, end: int) -> None:
        from array import array
        from itertools import accumulate

        self.start = start
        cls = [_bidi_class(c) for c in text[start:end]]
        if "&" in text[start:end]:
            # an entity reads as what it stands for (``&amp;`` is ``&``, no letters),
            # as html-entity writes it: its letters must not decide before that fix
            for a, b, value in entity_readings(text[start:end]):
                cls[a:b] = [_bidi_class(value[0])] + ["N"] * (b - a - 1)
        self.cls = cls
        n = len(cls)
        self.r = array("l", accumulate((c == "R" for c in cls), initial=0))
        self.ltr = array("l", accumulate((c in ("L", "EN") for c in cls), initial=0))
        # starts of runs of EN (a run cut by the scope's start is counted apart)
        self.en_runs = array(
            "l",
            accumulate(
                (c == "EN" and (i == 0 or cls[i - 1] != "EN") for i, c in enumerate(cls)),
                initial=0,
            ),
        )
        next_l = array("l", [n]) * (n + 1)
        for i in range(n - 1, -1, -1):
            next_l[i] = i if cls[i] == "L" else next_l[i + 1]
        self.next_l = next_l

    def reorders(self, ch: str, a: int, b: int) -> bool:
        """Does the opener ``ch`` display the letters or digits of ``text[a:b]``
        (absolute offsets on this line) in another order than they are stored?

        Overrides force a direction on every character: a RIGHT-TO-LEFT OVERRIDE
        over ``exe.txt`` shows ``txt.exe``. Embeddings and isolates only set a base
        direction, which reorders left-to-right runs when there are several (rules
        W7, N1, N2, I1, I2 of the Unicode bidirectional algorithm: ``123 abc``
        under an RLI displays as ``abc 123``); ``tests/unit/test_bidi_scopes.py``
        holds the reading of the whole scope this answers for."""
        a -= self.start
        b -= self.start
        if ch == "\u202e":  # RLO: reverses letters and digits alike
            return self.ltr[b] > self.ltr[a]
        has_r = self.r[b] > self.r[a]
        if ch == "\u202d":  # LRO: shows right-to-left letters backwards
            return has_r
        if ch not in "\u202b\u2067" or has_r:
            # FSI isolates by its first strong letter: right-to-left only with an R,
            # and right-to-left text in its own embedding does its own job
            return False
        # No R: after the first L every EN is an L (W7) and every N between them
        # is too (N1), one level-2 run; before it, each run of EN is one, and the
        # first L starts another unless an EN touches it.
        cls = self.cls
        first_l = min(self.next_l[a], b)
        runs = self.en_runs[first_l] - self.en_runs[a]
        if a < first_l and cls[a] == "EN" and a > 0 and cls[a - 1] == "EN":
            runs += 1  # a run of EN cut by the scope's start
        if first_l < b and not (first_l > a and cls[first_l - 1] == "EN"):
            runs += 1
        return runs >= 2


def _reordering(text: str) -> dict[int, str]:
    """Offset of each opener whose scope reorders, and of its closer → the opener."""
    out: dict[int, str] = {}
    scopes = _scopes(text)
    if not scopes:
        return out
    starts = [0] + [m.end() for m in _LINE_END.finditer(text)]
    lines: dict[int, _LineClasses] = {}
    for pos, (closer, scope_end) in scopes.items():
        i = bisect.bisect_right(starts, pos)
        line = lines.get(i)
        if line is None:
            end = starts[i] if i < len(starts) else len(text)
            while end > starts[i - 1] and text[end - 1] in "\r\n":
                end -= 1
            line = lines[i] = _LineClasses(text, starts[i - 1], end)
        if line.reorders(text[pos], pos + 1, scope_end):
            out[pos] = text[pos]
            if closer is not None:
                out[closer] = text[pos]
    return out


@rule(
    "bidi-control",
    cheap=True,
    family=FAMILY,
    severity=Severity.ERROR,
    description="Bidirectional control characters that can make text display in a "
    "different order than it is stored (Trojan Source, CVE-2021-42574).",
    explanation="""
In text without right-to-left letters, and in source code, every bidi control is
flagged. In an Arabic or Hebrew paragraph, where marks and isolates do a real job,
only controls left unterminated at a line end or closing nothing are flagged, and
always an override or isolate that shows letters or digits in another order than
they are stored (`U+202E exe.txt U+202C` displays `txt.exe`), with its closing
character. Each paragraph is judged by its own letters: a stray Arabic letter
mark does not make a document right-to-left.""",
    examples=[
        Example("access\u202e level\n", "access level\n"),
        Example("Prix\u200e : 12 €\n", "Prix : 12 €\n"),
        Example(
            "שלום \u202eexe.txt\u202c עולם\n",
            "שלום exe.txt עולם\n",
            note="an override reversing Latin letters, even in Hebrew text",
        ),
        clean("שלום \u2067world\u2069 עולם\n", note="balanced isolate in Hebrew text"),
        clean("مرحبا\u200f!\n", note="RIGHT-TO-LEFT MARK in Arabic text"),
    ],
)
def bidi_control(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    if not doc.has_any(_BIDI_SET):
        return
    text = doc.text
    first = _BIDI.search(text)
    if first is None:
        return
    prose = doc.is_prose
    bad = _unbalanced(text)
    reordering = _reordering(text)  # offset → the opener whose scope reorders
    breaks = [m.end() for m in _PARA_BREAK.finditer(text)]
    para_rtl: dict[int, bool] = {}
    for m in _BIDI.finditer(text, first.start()):
        s = m.start()
        rtl = False
        if prose:
            i = bisect.bisect_right(breaks, s)
            if i not in para_rtl:
                lo = breaks[i - 1] if i else 0
                hi = breaks[i] if i < len(breaks) else len(text)
                para_rtl[i] = _rtl_letters(text, lo, hi)
            rtl = para_rtl[i]
        name = describe(m.group())
        if s in reordering:
            why = (
                "shows right-to-left letters backwards"
                if reordering[s] == "\u202d"
                else "shows Latin letters or digits in another order than they are stored"
            )
            if m.group() in "\u202c\u2069":
                why = f"closes a {describe(reordering[s])} that {why}"
            safe = True
        elif rtl:
            if s not in bad:
                continue
            why = "left open at the end of the line or closing nothing"
            # A pop closing nothing has no effect on display: removing it is safe.
            # An opener left open may be doing a job: a human decides.
            safe = m.group() in "\u202c\u2069"
        else:
            why = "in text without right-to-left letters"
            safe = True
        yield r.finding(
            s,
            s + 1,
            f"{name} {why}: it can reorder what is displayed; remove it",
            [Fix(s, s + 1, "", f"Remove {name}", safe=safe)],
            detail="Bidirectional controls change the order in which text is displayed "
            "without changing the order in which it is stored (Trojan Source, "
            "CVE-2021-42574).",
        )


# --------------------------------------------------------------------------- controls

_CONTROL_CLASS = "\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f"
_CONTROL_SET = char_set(_CONTROL_CLASS)
_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")

#: Half of a UTF-16 pair: an editor holds one when a client deleted only the
#: other half of an emoji (the server keeps the same text as the editor).
_SURROGATE_SET = char_set("\ud800-\udfff")


def _separates(text: str, s: int, claimed: frozenset[str] | set[str]) -> bool:
    """Is the blank control at ``s`` the first of a run of them (``\x85\x0c``) that
    stands between two non-blank characters? Then it becomes a space and the rest of
    the run goes: removed one by one, the run glued ``sécurité`` to ``def``. A
    character another rule claims (``\x85`` for c1-control) ends the run as a
    non-blank, since that rule writes it as a sign or removes it in its own fix."""

    def blank_control(c: str) -> bool:
        return c.isspace() and c not in " \t\r\n" and c not in claimed and ord(c) < 0xA0

    n = len(text)
    if s > 0 and blank_control(text[s - 1]):
        return False  # not the first of its run
    e = s + 1
    while e < n and blank_control(text[e]):
        e += 1
    if s == 0 or e >= n:
        return False
    before, after = text[s - 1], text[e]
    return (before in claimed or not before.isspace()) and (after in claimed or not after.isspace())


def _starts_line(text: str, s: int) -> bool:
    """Does a line start at ``s``, read through the characters other fixes remove
    before it (``\x07\x0cdef``: once ``\x07`` is gone, the form feed is a page
    break; removed first, the form feed became a space, and the order decided)?"""
    while s > 0 and text[s - 1] in UNSEEN:
        s -= 1
    return s == 0 or text[s - 1] in "\r\n"


@rule(
    "control-character",
    cheap=True,
    family=FAMILY,
    severity=Severity.WARNING,
    description="A control character (NUL, ESC, DEL, C1 controls…) in text.",
    explanation="""
Tab, line feed and carriage return are fine, and so is a form feed at the start of
a line (a page break in source code). Terminal colour codes (`ESC[31m`) are
recognised and can be removed whole.""",
    examples=[
        Example("Fin de\x07 ligne\n", "Fin de ligne\n"),
        Example(
            "\x1b[31mError\x1b[0m: disk full\n",
            "[31mError[0m: disk full\n",
            note="fix-all removes only ESC; the quick fix can remove the whole code",
        ),
        clean("\fdef page_two():\n    pass\n", "python", note="form feed at line start"),
        clean("Colonne 1\tColonne 2\n"),
    ],
)
def control_character(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    halves = doc.chars & _SURROGATE_SET
    present = (doc.chars & _CONTROL_SET) | halves
    if not present:
        return
    text = doc.text
    # characters a more specific rule explains (C1 controls read as Windows-1252)
    claimed = claimed_characters(config)
    for s in find_chars(text, present):
        ch = text[s]
        if ch in halves:
            yield r.finding(
                s,
                s + 1,
                f"Lone UTF-16 surrogate U+{ord(ch):04X}: half of a character, which no file "
                "can store; remove it or restore the other half",
                [Fix(s, s + 1, "", f"Remove the lone surrogate U+{ord(ch):04X}", safe=False)],
            )
            continue
        if ch == "\f" and _starts_line(text, s):
            continue
        if ch in claimed:
            continue
        name = describe(ch)
        fixes = [Fix(s, s + 1, "", f"Remove {name}")]
        message = f"Control character {name}: remove it"
        if ch.isspace() and _separates(text, s, claimed):
            # A form feed or vertical tab between two words separates them:
            # removing it would glue the words together.
            fixes = [Fix(s, s + 1, " ", f"Replace {name} with a space")]
            message = f"Control character {name}: replace it with a space"
        if ch == "\x1b":
            ansi = _ANSI.match(text, s)
            if ansi:
                seq = ansi.group()[1:]
                message = f"Terminal escape sequence ESC{seq}: remove it"
                fixes.append(
                    Fix(s, ansi.end(), "", f"Remove the whole sequence ESC{seq}", safe=False)
                )
        yield r.finding(s, s + 1, message, fixes)
