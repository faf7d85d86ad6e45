"""Invisible, bidirectional and control characters."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..chars import char_set, describe, find_chars
from ..config import Config
from ..document import Document
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

_INVISIBLE_CLASS = "\u200b\u2060\ufeff\u00ad\u180e\u2061-\u2064\ufffc\u3164\u115f\u1160\u200c\u200d"
_INVISIBLE_SET = char_set(_INVISIBLE_CLASS)


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
    scope=Scope.CHARACTERS,
    family=FAMILY,
    severity=Severity.WARNING,
    description="A zero-width or otherwise invisible character (ZWSP, word joiner, "
    "soft hyphen, stray BOM…).",
    explanation="""
Pasted from web pages and chat tools, they break searches, spell checkers and
word counts without being seen. Zero-width joiners and non-joiners are left alone
where they do a job: inside emoji sequences and in scripts such as Persian,
Arabic or Devanagari; zero-width spaces are left alone in Thai, Lao, Khmer and
Myanmar text, where they mark word breaks.""",
    examples=[
        Example("Le dé\u200bpôt est prêt.\n", "Le dépôt est prêt.\n"),
        Example("Soft\u00adware update\n", "Software update\n"),
        Example("fin du texte\ufeff suite\n", "fin du texte suite\n"),
        Example("word\u2060joiner\n", "wordjoiner\n"),
        clean("Family: 👨\u200d👩\u200d👧\n", note="emoji ZWJ sequence"),
        clean("می\u200cخواهم\n", note="ZWNJ in Persian"),
        clean("क्\u200dष\n", note="ZWJ in Devanagari"),
        clean("ภาษา\u200bไทย\n", note="ZWSP as a word break in Thai"),
    ],
)
def invisible_character(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    present = doc.chars & _INVISIBLE_SET
    if not present:
        return
    text = doc.text
    n = len(text)
    for s in find_chars(text, present):
        ch = text[s]
        before = text[s - 1] if s > 0 else ""
        after = text[s + 1] if s + 1 < n else ""
        if _context_ok(ch, before, after, s):
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

_BIDI_CLASS = "\u202a-\u202e\u2066-\u2069\u061c\u200e\u200f"
_BIDI = re.compile(f"[{_BIDI_CLASS}]")
_BIDI_SET = char_set(_BIDI_CLASS)
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


@rule(
    "bidi-control",
    family=FAMILY,
    severity=Severity.ERROR,
    description="Bidirectional control characters that can make text display in a "
    "different order than it is stored (Trojan Source, CVE-2021-42574).",
    explanation="""
In text without any right-to-left script, and in source code, every bidi control
is flagged. In Arabic or Hebrew prose, where marks and isolates do a real job,
only controls left unterminated at a line end, or closing nothing, are flagged.""",
    examples=[
        Example("access\u202e level\n", "access level\n"),
        Example("Prix\u200e : 12 €\n", "Prix : 12 €\n"),
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
    rtl = bool(_RTL.search(text)) and doc.is_prose
    bad = _unbalanced(text) if rtl else None
    for m in _BIDI.finditer(text, first.start()):
        s = m.start()
        if bad is not None and s not in bad:
            continue
        name = describe(m.group())
        why = (
            "left open at the end of the line or closing nothing"
            if rtl
            else "in text without right-to-left script"
        )
        yield r.finding(
            s,
            s + 1,
            f"{name} {why}: it can reorder what is displayed; remove it",
            [Fix(s, s + 1, "", f"Remove {name}", safe=not rtl)],
            detail="Bidirectional controls change the order in which text is displayed "
            "without changing the order in which it is stored (Trojan Source, "
            "CVE-2021-42574).",
        )


# --------------------------------------------------------------------------- controls

_CONTROL_CLASS = "\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f"
_CONTROL_SET = char_set(_CONTROL_CLASS)
_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")


@rule(
    "control-character",
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
    present = doc.chars & _CONTROL_SET
    if not present:
        return
    text = doc.text
    # characters a more specific rule explains (C1 controls read as Windows-1252)
    claimed = claimed_characters(config)
    for s in find_chars(text, present):
        ch = text[s]
        if ch == "\f" and (s == 0 or text[s - 1] in "\r\n"):
            continue
        if ch in claimed:
            continue
        name = describe(ch)
        fixes = [Fix(s, s + 1, "", f"Remove {name}")]
        message = f"Control character {name}: remove it"
        if ch == "\x1b":
            ansi = _ANSI.match(text, s)
            if ansi:
                seq = ansi.group()[1:]
                message = f"Terminal escape sequence ESC{seq}: remove it"
                fixes.append(
                    Fix(s, ansi.end(), "", f"Remove the whole sequence ESC{seq}", safe=False)
                )
        yield r.finding(s, s + 1, message, fixes)
