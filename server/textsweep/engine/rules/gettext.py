"""Translation checks that ``msgfmt --check`` and the Translate Toolkit's
``pofilter`` make about spacing: a translation should begin and end like its
source (same leading/trailing spaces, same number of ``\\n``), and a space
doubled where a string continues on the next line is still doubled.

They run on any file type whose descriptor lists translation units
(:attr:`.markup.Markup.translation_units`, gettext catalogues today). Fuzzy and
untranslated entries are skipped: nobody claims they are finished.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterator

from ..config import Config
from ..document import Document
from ..markup import markup_of
from ..model import Finding, Fix, Severity
from ..registry import Example, Rule, Scope, clean, rule

FAMILY = "gettext"

Strings = tuple[tuple[int, int], ...]

_NEWLINE = "\\n"
_LEADING = re.compile(r"(?:\\n)+")
_BLANKS = re.compile(r"(?: |\t|\\t)+")

_HEADER = 'msgid ""\nmsgstr ""\n"Language: fr\\n"\n\n'


def _joined(text: str, strings: Strings) -> tuple[str, list[int]]:
    """The message's strings read as one, and each character's offset in ``text``."""
    parts: list[str] = []
    offsets: list[int] = []
    for s, e in strings:
        parts.append(text[s:e])
        offsets.extend(range(s, e))
    return "".join(parts), offsets


def _units(doc: Document) -> Iterator[tuple[str, Strings, str, list[int]]]:
    """``(source, source strings, translation, translation offsets)`` per unit."""
    provider = markup_of(doc).translation_units
    if provider is None:
        return
    text = doc.text
    for unit in provider(doc):
        source, _ = _joined(text, unit.source)
        for strings in unit.translations:
            target, offsets = _joined(text, strings)
            if target:
                yield source, unit.source, target, offsets


def _ends(value: str) -> tuple[str, str, str]:
    """``(leading \\n run, the rest, trailing \\n run)`` of an escaped string."""
    m = _LEADING.match(value)
    head = m.group() if m else ""
    rest = value[len(head) :]
    tail = ""
    while rest.endswith(_NEWLINE) and not rest.endswith("\\" + _NEWLINE):
        tail += _NEWLINE
        rest = rest[: -len(_NEWLINE)]
    return head, rest, tail


def _at(offsets: list[int], i: int, j: int) -> tuple[int, int]:
    """The text span of characters ``i:j`` of a joined string (``i == j``: a
    one-character span there, to have something to underline)."""
    if not offsets:
        return 0, 0
    if j <= i:
        p = offsets[min(i, len(offsets) - 1)]
        return (p, p + 1) if i < len(offsets) else (p + 1, p + 1)
    return offsets[i], offsets[j - 1] + 1


@rule(
    "po-newline-mismatch",
    scope=Scope.DOCUMENT,
    family=FAMILY,
    severity=Severity.WARNING,
    description="A translation does not begin or end with as many `\\n` as its source.",
    explanation="""
`msgfmt --check` rejects a catalogue whose `msgid` and `msgstr` do not both
begin (or both end) with a newline: the program prints the text with the
source's layout in mind. The fix gives the translation the source's newlines
(written as the `\\n` escape, inside the string).""",
    examples=[
        Example(
            _HEADER + 'msgid "Done.\\n"\nmsgstr "Terminé."\n',
            _HEADER + 'msgid "Done.\\n"\nmsgstr "Terminé.\\n"\n',
            "po",
        ),
        Example(
            _HEADER + 'msgid "\\nUsage:"\nmsgstr "\\n\\nUtilisation\u00a0:"\n',
            _HEADER + 'msgid "\\nUsage:"\nmsgstr "\\nUtilisation\u00a0:"\n',
            "po",
        ),
        clean(_HEADER + 'msgid "Done.\\n"\nmsgstr "Terminé.\\n"\n', "po"),
        clean(_HEADER + '#, fuzzy\nmsgid "Done.\\n"\nmsgstr "Terminé."\n', "po", note="fuzzy"),
        clean(_HEADER + 'msgid "Done.\\n"\nmsgstr ""\n', "po", note="untranslated"),
    ],
)
def po_newline_mismatch(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    for source, _, target, offsets in _units(doc):
        s_head, _, s_tail = _ends(source)
        t_head, _, t_tail = _ends(target)
        if s_head != t_head:
            start, end = _at(offsets, 0, len(t_head))
            fix_end = offsets[len(t_head) - 1] + 1 if t_head else start
            n, m = s_head.count(_NEWLINE), t_head.count(_NEWLINE)
            yield r.finding(
                start,
                end,
                f"The source begins with {n} \\n, the translation with {m}",
                [Fix(start, fix_end, s_head, "Begin like the source")],
            )
        if s_tail != t_tail:
            i = len(target) - len(t_tail)
            start, end = _at(offsets, i, len(target))
            fix_start = start if t_tail else end
            if not t_tail:
                start, end = _at(offsets, len(target) - 1, len(target))
                fix_start = end
            n, m = s_tail.count(_NEWLINE), t_tail.count(_NEWLINE)
            yield r.finding(
                start,
                end,
                f"The source ends with {n} \\n, the translation with {m}",
                [Fix(fix_start, end, s_tail, "End like the source")],
            )


@rule(
    "po-whitespace-mismatch",
    scope=Scope.DOCUMENT,
    family=FAMILY,
    severity=Severity.INFO,
    description="A translation does not begin or end with the same spaces as its source.",
    explanation="""
A space at the start or end of a message is usually there for a reason (text
glued to a value, an indented help line): `pofilter`'s `startwhitespace` and
`endwhitespace` checks ask the translation to keep it. Newlines are left to
`po-newline-mismatch`, and so is a space dropped by a translation into Chinese,
Japanese or Korean, which are written without spaces between words. The fix copies the source's
spaces; it is offered, not applied unread (a translation may drop a space on
purpose).""",
    examples=[
        Example(
            _HEADER + 'msgid "Loading "\nmsgstr "Chargement"\n',
            _HEADER + 'msgid "Loading "\nmsgstr "Chargement"\n',
            "po",
            note="the fix is offered, not applied by fix-all",
        ),
        Example(
            _HEADER + 'msgid "  The Sphinx documentation generator."\n'
            'msgstr "Le générateur de documentation Sphinx."\n',
            _HEADER + 'msgid "  The Sphinx documentation generator."\n'
            'msgstr "Le générateur de documentation Sphinx."\n',
            "po",
        ),
        clean(_HEADER + 'msgid " (in %s)"\nmsgstr " (dans %s)"\n', "po"),
        clean(_HEADER + 'msgid "Loading..."\nmsgstr ""\n', "po", note="untranslated"),
        clean(
            'msgid ""\nmsgstr ""\n"Language: ja\\n"\n\nmsgid " (in %s)"\nmsgstr "（%s 内）"\n',
            "po",
            note="Japanese is written without spaces",
        ),
    ],
)
def po_whitespace_mismatch(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    for source, _, target, offsets in _units(doc):
        _, s_rest, _ = _ends(source)
        t_head, t_rest, t_tail = _ends(target)
        if not s_rest.strip() or not t_rest.strip():
            continue
        cjk = any(_wide(c) for c in t_rest)
        s_lead = _BLANKS.match(s_rest)
        t_lead = _BLANKS.match(t_rest)
        s_l, t_l = (s_lead.group() if s_lead else ""), (t_lead.group() if t_lead else "")
        base = len(t_head)
        if s_l != t_l and not (len(s_l) > len(t_l) and cjk):
            start, end = _at(offsets, base, base + len(t_l))
            fix_end = start + len(t_l) if t_l else start
            yield r.finding(
                start,
                end,
                f"The source begins with {len(s_l)} space(s), the translation with {len(t_l)}",
                [Fix(start, fix_end, s_l, "Begin with the source's spaces", safe=False)],
            )
        s_trail = _trailing(s_rest)
        t_trail = _trailing(t_rest)
        if s_trail != t_trail and not (len(s_trail) > len(t_trail) and cjk):
            stop = len(target) - len(t_tail)
            i = stop - len(t_trail)
            if t_trail:
                start, end = _at(offsets, i, stop)
                fix_start = start
            else:
                start, end = _at(offsets, stop - 1, stop)
                fix_start = end
            yield r.finding(
                start,
                end,
                f"The source ends with {len(s_trail)} space(s), the translation with "
                f"{len(t_trail)}",
                [Fix(fix_start, end, s_trail, "End with the source's spaces", safe=False)],
            )


def _wide(ch: str) -> bool:
    """Chinese, Japanese or Korean (and full-width forms): no spaces between words."""
    return bool(ch) and unicodedata.east_asian_width(ch) in ("W", "F")


def _trailing(value: str) -> str:
    """The spaces and tabs (``\\t`` escapes included) that end ``value``."""
    i = len(value)
    while i > 0:
        if value[i - 1] in " \t":
            i -= 1
        elif value.endswith("\\t", 0, i) and not value.endswith("\\\\t", 0, i):
            i -= 2
        else:
            break
    return value[i:]


@rule(
    "po-split-doubled-space",
    scope=Scope.DOCUMENT,
    family=FAMILY,
    severity=Severity.WARNING,
    description="A translation's string ends with a space and the next line's string "
    "begins with one: two spaces once joined.",
    explanation="""
A message written over several lines is one string: `"foo "` followed by
`" bar"` reads `foo  bar`. Only translations are checked; the source
(`msgid`) is not the translator's to change.""",
    examples=[
        Example(
            _HEADER + 'msgid "Loaded themes are: %s"\nmsgstr ""\n"Les thèmes chargés "\n'
            '" sont\u00a0: %s"\n',
            _HEADER + 'msgid "Loaded themes are: %s"\nmsgstr ""\n"Les thèmes chargés "\n'
            '"sont\u00a0: %s"\n',
            "po",
        ),
        clean(
            _HEADER + 'msgid ""\n"Loaded themes "\n" are: %s"\nmsgstr "Les thèmes chargés '
            'sont\u00a0: %s"\n',
            "po",
            note="the source is left alone",
        ),
        clean(_HEADER + 'msgid "a b"\nmsgstr ""\n"Les thèmes "\n"chargés"\n', "po"),
    ],
)
def po_split_doubled_space(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    text = doc.text
    provider = markup_of(doc).translation_units
    if provider is None:
        return
    for unit in provider(doc):
        for strings in unit.translations:
            for (_, e1), (s2, e2) in itertools.pairwise(strings):
                if e1 == 0 or text[e1 - 1] != " " or s2 >= e2 or text[s2] != " ":
                    continue
                end = s2
                while end < e2 and text[end] == " ":
                    end += 1
                if end >= e2:
                    continue
                yield r.finding(
                    s2,
                    end,
                    "Doubled space where the string continues: the line above ends with one",
                    [Fix(s2, end, "", "Remove the space at the start of this line")],
                )
