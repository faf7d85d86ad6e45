"""Human names for characters, including the controls ``unicodedata`` leaves unnamed."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_CONTROL_NAMES = {
    0x00: "NULL", 0x01: "START OF HEADING", 0x02: "START OF TEXT", 0x03: "END OF TEXT",
    0x04: "END OF TRANSMISSION", 0x05: "ENQUIRY", 0x06: "ACKNOWLEDGE", 0x07: "BELL",
    0x08: "BACKSPACE", 0x09: "CHARACTER TABULATION", 0x0A: "LINE FEED",
    0x0B: "LINE TABULATION", 0x0C: "FORM FEED", 0x0D: "CARRIAGE RETURN",
    0x0E: "SHIFT OUT", 0x0F: "SHIFT IN", 0x10: "DATA LINK ESCAPE",
    0x11: "DEVICE CONTROL ONE", 0x12: "DEVICE CONTROL TWO", 0x13: "DEVICE CONTROL THREE",
    0x14: "DEVICE CONTROL FOUR", 0x15: "NEGATIVE ACKNOWLEDGE", 0x16: "SYNCHRONOUS IDLE",
    0x17: "END OF TRANSMISSION BLOCK", 0x18: "CANCEL", 0x19: "END OF MEDIUM",
    0x1A: "SUBSTITUTE", 0x1B: "ESCAPE", 0x1C: "INFORMATION SEPARATOR FOUR",
    0x1D: "INFORMATION SEPARATOR THREE", 0x1E: "INFORMATION SEPARATOR TWO",
    0x1F: "INFORMATION SEPARATOR ONE", 0x7F: "DELETE",
    0x80: "PADDING CHARACTER", 0x81: "HIGH OCTET PRESET", 0x82: "BREAK PERMITTED HERE",
    0x83: "NO BREAK HERE", 0x84: "INDEX", 0x85: "NEXT LINE",
    0x86: "START OF SELECTED AREA", 0x87: "END OF SELECTED AREA",
    0x88: "CHARACTER TABULATION SET", 0x89: "CHARACTER TABULATION WITH JUSTIFICATION",
    0x8A: "LINE TABULATION SET", 0x8B: "PARTIAL LINE FORWARD",
    0x8C: "PARTIAL LINE BACKWARD", 0x8D: "REVERSE LINE FEED", 0x8E: "SINGLE SHIFT TWO",
    0x8F: "SINGLE SHIFT THREE", 0x90: "DEVICE CONTROL STRING", 0x91: "PRIVATE USE ONE",
    0x92: "PRIVATE USE TWO", 0x93: "SET TRANSMIT STATE", 0x94: "CANCEL CHARACTER",
    0x95: "MESSAGE WAITING", 0x96: "START OF GUARDED AREA", 0x97: "END OF GUARDED AREA",
    0x98: "START OF STRING", 0x99: "SINGLE GRAPHIC CHARACTER INTRODUCER",
    0x9A: "SINGLE CHARACTER INTRODUCER", 0x9B: "CONTROL SEQUENCE INTRODUCER",
    0x9C: "STRING TERMINATOR", 0x9D: "OPERATING SYSTEM COMMAND",
    0x9E: "PRIVACY MESSAGE", 0x9F: "APPLICATION PROGRAM COMMAND",
}  # fmt: skip


#: Invisible characters with no job next to a space (``invisible-character``
#: removes them there), as a regex class body; ZWJ/ZWNJ and ZWSP are legitimate
#: only between letters of some scripts, never beside a space.
INVISIBLE_CLASS = "\u200b\u2060\ufeff\u00ad\u180e\u2061-\u2064\ufffc\u3164\u115f\u1160\u200c\u200d"


#: Bidirectional marks, embeddings, overrides and isolates (``bidi-control``).
BIDI_CLASS = "\u202a-\u202e\u2066-\u2069\u061c\u200e\u200f"

#: C0 controls that are not spaces or line breaks: ``control-character`` removes
#: them wherever they stand, so rules reading the spaces around them read through
#: them (the result must not depend on which fix runs first).
REMOVED_CONTROLS_CLASS = "\x00-\x08\x0e-\x1b\x7f"


def char_name(ch: str) -> str:
    """Unicode name of ``ch``, or its control-code name, or ``<unnamed>``."""
    code = ord(ch)
    if code in _CONTROL_NAMES:
        return _CONTROL_NAMES[code]
    return unicodedata.name(ch, "<unnamed>")


def describe(ch: str) -> str:
    """``U+200B ZERO WIDTH SPACE`` — how messages and hovers name a character."""
    return f"U+{ord(ch):04X} {char_name(ch)}"


def char_set(spec: str) -> frozenset[str]:
    """Characters of a regex-like class body: ``"a-c\\u2000-\\u200a"`` → a set."""
    out: set[str] = set()
    i = 0
    while i < len(spec):
        if i + 2 < len(spec) and spec[i + 1] == "-":
            out.update(chr(c) for c in range(ord(spec[i]), ord(spec[i + 2]) + 1))
            i += 3
        else:
            out.add(spec[i])
            i += 1
    return frozenset(out)


REMOVED_CONTROLS = char_set(REMOVED_CONTROLS_CLASS)


#: Unicode tag characters: ``invisible-character`` removes them (outside an emoji
#: subdivision flag, whose tags a heuristic may read through all the same).
TAG_CLASS = "\U000e0000-\U000e007f"
TAG_SET = char_set(TAG_CLASS)
_BLACK_FLAG = "\U0001f3f4"
#: The tag part of an emoji subdivision flag (🏴 + ``gbeng`` + CANCEL TAG = England).
_SUBDIVISION_TAGS = re.compile(
    "[\U000e0061-\U000e007a]{2}[\U000e0030-\U000e0039\U000e0061-\U000e007a]{1,4}\U000e007f"
)


def flag_tags(text: str, s: int, e: int) -> bool:
    """Are the tag characters ``text[s:e]`` (a whole run) the tags of an emoji
    subdivision flag, which stay? (Any other run, ``invisible-character`` removes.)"""
    return (
        s > 0 and text[s - 1] == _BLACK_FLAG and _SUBDIVISION_TAGS.fullmatch(text, s, e) is not None
    )


#: What other fixes delete (invisible characters, bidi controls, removed controls,
#: tags): what a heuristic reads through.
UNSEEN_CLASS = INVISIBLE_CLASS + BIDI_CLASS + REMOVED_CONTROLS_CLASS + TAG_CLASS
_UNSEEN = re.compile(f"[{UNSEEN_CLASS}]")
#: The same characters as a set.
UNSEEN = char_set(UNSEEN_CLASS)


def drop_unseen(s: str) -> str:
    """``s`` as it reads once other fixes have deleted the invisible characters, bidi
    and removed controls: a heuristic that judges this reading gives the same answer
    before and after those fixes (``...\u200b`` is a doctest prompt too). A search
    first: most lines hold none, and ``str.translate`` walked every line in Python."""
    return _UNSEEN.sub("", s) if _UNSEEN.search(s) else s


def shows(s: str) -> bool:
    """Does ``s`` hold something a reader sees once other fixes have run? Not its
    whitespace, but NEL (U+0085): Python counts it as whitespace, and c1-control
    writes it as ``…`` (a line of ``\x85`` was blank, then content)."""
    return bool(s.strip()) or "\x85" in s


_UNSEEN_RUN = re.compile(f"[{UNSEEN_CLASS}]*")


def unseen_run(text: str, i: int) -> int:
    """Where the run of characters :func:`drop_unseen` drops, starting at ``i``, ends."""
    m = _UNSEEN_RUN.match(text, i)
    return m.end() if m else i


def line_start(text: str, i: int) -> int:
    """Where the line holding ``text[i]`` starts (lines break at LF, CRLF and a lone
    CR); the CR search is bounded by the last LF, so a CR-free text costs one search."""
    start = text.rfind("\n", 0, i) + 1
    return text.rfind("\r", start, i) + 1 or start


def has_unseen(s: str) -> bool:
    """Does ``s`` hold a character :func:`drop_unseen` drops? (No: every part of it
    reads as it is, and a caller may skip a call per line.)"""
    return _UNSEEN.search(s) is not None


def visible_neighbour(text: str, i: int, step: int) -> str:
    """The first character from ``i`` on (by ``step``) that is neither a format
    character nor a control that fix-all removes ("" past either end). A rule that
    reads its neighbours through them sees what it will see once they are gone, so
    its verdict does not depend on whether their fixes ran first."""
    n = len(text)
    while 0 <= i < n and (text[i] in REMOVED_CONTROLS or unicodedata.category(text[i]) == "Cf"):
        i += step
    return text[i] if 0 <= i < n else ""


def find_chars(text: str, present: Iterable[str]) -> list[int]:
    """Sorted offsets of every occurrence of the characters in ``present``.

    ``str.find`` runs at memory speed for one character, far faster than a
    regex character class that must test every position; callers pass only the
    characters the document actually holds (``Document.chars``), usually few.
    """
    out: list[int] = []
    for ch in present:
        find = text.find
        i = find(ch)
        while i >= 0:
            out.append(i)
            i = find(ch, i + 1)
    if len(out) > 1:
        out.sort()
    return out


def runs(offsets: list[int]) -> list[tuple[int, int]]:
    """Consecutive offsets merged into ``(start, end)`` spans."""
    spans: list[tuple[int, int]] = []
    for i in offsets:
        if spans and spans[-1][1] == i:
            spans[-1] = (spans[-1][0], i + 1)
        else:
            spans.append((i, i + 1))
    return spans
