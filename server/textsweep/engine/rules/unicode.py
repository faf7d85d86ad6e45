"""Unicode rules: HTML entities in plain text, decomposed accents, ligatures, fullwidth forms."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache

from ..chars import UNSEEN, describe, drop_unseen, line_start, shows
from ..config import Config
from ..document import Document
from ..encoding.options import UnicodeOptions
from ..encoding.scan import rare_runs_of, rare_runs_with_fullwidth
from ..entities import ENTITY, entity_ending_at, unescape
from ..markup import markup_of
from ..model import Finding, Fix, Severity
from ..options import options_of
from ..regions import in_quoted_code
from ..registry import Example, Rule, Scope, clean, rule

FAMILY = "unicode"


def _show(ch: str) -> str:
    """A character as messages quote it; invisible ones by name."""
    if len(ch) == 1 and (ch.isspace() or unicodedata.category(ch) in ("Cf", "Cc", "Zs")):
        return describe(ch)
    return f"`{ch}`"


# --------------------------------------------------------------------------- entities

_CODE_SPAN = re.compile(r"`[^`\r\n]*`")
_LINE_END = re.compile(r"[\r\n]")
_QUOTE_PAIRS = frozenset({('"', '"'), ("'", "'"), ("“", "”"), ("‘", "’"), ("«", "»")})


@rule(
    "html-entity",
    cheap=True,
    options=UnicodeOptions,
    scope=Scope.CHARACTERS,
    family=FAMILY,
    severity=Severity.WARNING,
    description="An HTML entity (`&eacute;`, `&#8217;`, `&amp;nbsp;`) in plain text.",
    explanation="""
Text copied out of HTML, or escaped twice, keeps its entities. In plain text
they are just noise: the fix writes the character itself. HTML, XML and Markdown
are not checked, since entities are their syntax there, and neither is source
code; `textsweep.unicode.htmlEntityLanguages` sets which languages are. Entities
inside `backticks` are left alone. An entity that is a word of its own between
other words (`Use &gt; and &lt;.`) is named on purpose as often as not: its fix is
offered, not applied by fix-all.""",
    examples=[
        Example("Compatibilit&eacute; assur&eacute;e\n", "Compatibilité assurée\n"),
        Example("Tom &amp; Jerry, it&#8217;s 5&amp;nbsp;€\n", "Tom & Jerry, it’s 5\u00a0€\n"),
        Example("Caf&#xE9; cr&egrave;me\n", "Café crème\n"),
        clean("Caf&eacute; cr&egrave;me\n", "html", note="entities are HTML syntax"),
        clean("Write `&amp;` for an ampersand.\n", "markdown"),
        clean("R&D and AT&T; Fish & Chips; a&b;\n", note="not entities"),
        clean("Écrivez `&eacute;` pour é en HTML.\n", note="inside backticks"),
        clean(
            "Its output:\n\n.. code-block:: html\n\n    <p>What&#x27;s up?</p>\n",
            "restructuredtext",
            note="a code block shows the entity as written",
        ),
        Example(
            "Solution: Use &gt; and &lt;. (Kazunobu Kuriyama)\n",
            "Solution: Use &gt; and &lt;. (Kazunobu Kuriyama)\n",
            note="an entity alone between words is named: the fix is offered, not applied",
        ),
    ],
)
def html_entity(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    opts = options_of(config.options, UnicodeOptions, FAMILY)
    if doc.language_id not in opts.html_entity_languages:
        return
    text = doc.text
    if "&" not in text:
        return
    #: the code spans' starts and ends (in order, apart): an entity is inside the
    #: last one starting at or before it, or in none (a walk of every span for each
    #: entity cost a list of 1,000 entities and 600 spans a second)
    code: tuple[list[int], list[int]] | None = None
    # code blocks are asked about under maxFileSize only (cheap checks past it), and
    # in formats that mark them: plain text's indented lines are tables and quotes
    # as often as code (the Debian Reference indents its whole text)
    structured = len(text) <= config.max_file_size and markup_of(doc).name != "plaintext"
    for m in ENTITY.finditer(text):
        value = unescape(m.group())
        if value is None:
            continue
        if code is None:
            spans = [c.span() for c in _CODE_SPAN.finditer(text)] if "`" in text else []
            code = [s for s, _ in spans], [e for _, e in spans]
        i = bisect_right(code[0], m.start()) - 1
        if i >= 0 and m.start() < code[1][i]:
            continue
        if structured and in_quoted_code(doc, m.start(), m.end()):
            continue  # a code block shows the entity as written (Django's tutorial 5)
        shown = _show(value) if len(value) == 1 else f"`{value}`"
        if _named(text, m.start(), m.end()):
            yield r.finding(
                m.start(),
                m.end(),
                f"HTML entity `{m.group()}` in plain text, a word of its own: "
                f"named on purpose, or write {shown}",
                [Fix(m.start(), m.end(), value, f"Replace with {shown}", safe=False)],
                severity=Severity.INFO,
            )
            continue
        yield r.finding(
            m.start(),
            m.end(),
            f"HTML entity `{m.group()}` in plain text: write {shown}",
            [Fix(m.start(), m.end(), value, f"Replace with {shown}")],
        )


def _named(text: str, start: int, end: int) -> bool:
    """Is the entity ``text[start:end]`` quoted (``match Entity "&amp;"``), or a word
    of its own between words of its line (``Use &gt; and &lt;.``, ``a series of
    &nbsp; character references``) or alone in a table cell (``|&lt;   |<``)? Text
    about HTML names entities so; text copied out of HTML glues them to words
    (``caf&eacute;``, ``5&nbsp;€``) or leaves them alone on a line. ``&amp;``
    between words is an escaped ampersand (``Tom &amp; Jerry``)."""
    if 0 < start and end < len(text) and (text[start - 1], text[end]) in _QUOTE_PAIRS:
        return True  # ``"&amp;"``: quoted, as in backticks
    if _cell_of_its_own(text, start, end):
        return True  # ``|&amp;     |& (ampersand)|``: a table of entities
    if text.startswith("&amp;", start):
        return False
    p = start
    while p > 0 and text[p - 1] in UNSEEN:
        p -= 1
    q = end
    while q < len(text) and text[q] in UNSEEN:
        q += 1
    # a blank entity beside it is the blank html-entity writes (``&nbsp;&eacute;`` is
    # ``\u00a0&eacute;``): read so, the verdict does not hang on which went first
    prev = text[p - 1] if p > 0 else ""
    if prev == ";" and (blank := entity_ending_at(text, p)) and blank.isspace():
        prev = blank
    nxt = text[q] if q < len(text) else ""
    if nxt == "&" and (m := ENTITY.match(text, q)) and (unescape(m.group()) or "x").isspace():
        nxt = " "
    if prev and not prev.isspace():
        return False
    if nxt and not (nxt.isspace() or nxt in ".,;:!?)"):
        return False
    before = text[line_start(text, p) : p]
    line_end = _LINE_END.search(text, q)
    after = text[q : line_end.start() if line_end else len(text)]
    return shows(drop_unseen(before)) and shows(drop_unseen(after))


def _cell_of_its_own(text: str, start: int, end: int) -> bool:
    """Is the entity ``text[start:end]`` the whole content of a plain-text table's
    cell (``|&quot;     |" (quote)|``)? A table of entities names them, and writing
    the character would shift the column besides."""
    if start == 0 or text[start - 1] != "|":
        return False
    q = end
    while q < len(text) and text[q] in " \t":
        q += 1
    return q < len(text) and text[q] == "|"


# --------------------------------------------------------------------------- normalization


#: :func:`_composing` as Unicode 13.0 to 15.1 define it (Python 3.10 to 3.13: the
#: same 133 characters in each), as code point ranges. Computing it walks 130,000
#: code points (14 ms of every cold start on non-ASCII text); another Unicode version
#: computes it (``tests/unit/test_encoding_rules.py`` compares the two).
_COMPOSING_VERSIONS = frozenset({"13.0.0", "14.0.0", "15.0.0", "15.1.0"})
_COMPOSING_RANGES = (
    (0x0300, 0x0304), (0x0306, 0x030C), (0x030F, 0x030F), (0x0311, 0x0311),
    (0x0313, 0x0314), (0x031B, 0x031B), (0x0323, 0x0328), (0x032D, 0x032E),
    (0x0330, 0x0331), (0x0338, 0x0338), (0x0342, 0x0342), (0x0345, 0x0345),
    (0x05B4, 0x05B4), (0x05B7, 0x05B9), (0x05BC, 0x05BC), (0x05BF, 0x05BF),
    (0x05C1, 0x05C2), (0x0653, 0x0655), (0x093C, 0x093C), (0x09BC, 0x09BC),
    (0x09BE, 0x09BE), (0x09D7, 0x09D7), (0x0A3C, 0x0A3C), (0x0B3C, 0x0B3C),
    (0x0B3E, 0x0B3E), (0x0B56, 0x0B57), (0x0BBE, 0x0BBE), (0x0BD7, 0x0BD7),
    (0x0C56, 0x0C56), (0x0CC2, 0x0CC2), (0x0CD5, 0x0CD6), (0x0D3E, 0x0D3E),
    (0x0D57, 0x0D57), (0x0DCA, 0x0DCA), (0x0DCF, 0x0DCF), (0x0DDF, 0x0DDF),
    (0x0F72, 0x0F72), (0x0F74, 0x0F74), (0x0F80, 0x0F80), (0x0FB5, 0x0FB5),
    (0x0FB7, 0x0FB7), (0x102E, 0x102E), (0x1161, 0x1175), (0x11A8, 0x11C2),
    (0x1B35, 0x1B35), (0x3099, 0x309A), (0x110BA, 0x110BA), (0x11127, 0x11127),
    (0x1133E, 0x1133E), (0x11357, 0x11357), (0x114B0, 0x114B0), (0x114BA, 0x114BA),
    (0x114BD, 0x114BD), (0x115AF, 0x115AF), (0x11930, 0x11930), (0x1D165, 0x1D165),
    (0x1D16E, 0x1D172),
)  # fmt: skip


@lru_cache(maxsize=1)
def _composing() -> frozenset[str]:
    """Characters that may compose with what precedes them under NFC (see
    :func:`_computed_composing`), from the table when it is this Unicode's."""
    if unicodedata.unidata_version in _COMPOSING_VERSIONS:
        return frozenset(chr(c) for lo, hi in _COMPOSING_RANGES for c in range(lo, hi + 1))
    return _computed_composing()


def _computed_composing() -> frozenset[str]:
    """Characters that may compose with what precedes them under NFC.

    Every second character of a canonical two-character decomposition (combining
    accents, kana voicing marks, Indic vowel signs, Hangul vowel and final jamo).
    """
    seconds: set[int] = set(range(0x1161, 0x1176)) | set(range(0x11A8, 0x11C3))
    for cp in range(0x00C0, 0x20000):
        dec = unicodedata.decomposition(chr(cp))
        if not dec or dec.startswith("<"):
            continue
        parts = dec.split()
        if len(parts) == 2:
            seconds.add(int(parts[1], 16))
    return frozenset(map(chr, seconds))


def _runs_of(text: str, chars: frozenset[str]) -> Iterator[tuple[int, int]]:
    """Maximal runs of ``chars`` in ``text``, in order: ``str.find`` per character
    (the document holds a few of them) skips clean text far faster than a regex
    class of all 130 composing characters, astral ones among them."""
    hits: list[int] = []
    for c in chars:
        i = text.find(c)
        while i >= 0:
            hits.append(i)
            i = text.find(c, i + 1)
    hits.sort()
    end = 0
    n = len(text)
    for i in hits:
        if i < end:
            continue
        end = i + 1
        while end < n and text[end] in chars:
            end += 1
        yield i, end


def _line_around(text: str, pos: int) -> str:
    return text[text.rfind("\n", 0, pos) + 1 : (text.find("\n", pos) + 1 or len(text) + 1) - 1]


def _names(seq: str) -> str:
    return " + ".join(c if unicodedata.combining(c) == 0 else describe(c) for c in seq)


@rule(
    "unicode-normalization",
    cheap=True,
    options=UnicodeOptions,
    # a run of combining marks and the character before it, never past a line
    # break; declared LINE, not CHARACTERS, so the per-paragraph findings cache
    # serves it (its scan of a decomposed 1 MB text cost 70 ms a keystroke)
    scope=Scope.LINE,
    family=FAMILY,
    severity=Severity.WARNING,
    description="A decomposed sequence (e + U+0301) where a composed character exists (NFC).",
    explanation="""
`é` can be stored as one character or as `e` followed by a combining accent.
Both look the same, but searches, sorting, spell checkers and string comparisons
treat them differently. Text pasted from macOS file names or some PDFs is often
decomposed. The fix composes the sequence (Unicode NFC), which changes no letter.
Sequences without a composed form (`x̄`) are left alone, and so are
compatibility characters (`Å` ANGSTROM SIGN, CJK compatibility ideographs).
Source code is not checked, nor code blocks and code spans in Markdown and
other documents, unless `textsweep.unicode.normalizationInCode` is true
(test data and examples often hold decomposed text on purpose);
`textsweep.unicode.normalizationSkipLanguages` turns the rule off for other
languages where decomposed text is deliberate.""",
    examples=[
        Example("Le de\u0301po\u0302t\n", "Le dépôt\n"),
        Example("Cafe\u0301 in Zu\u0308rich\n", "Café in Zürich\n"),
        Example("Tie\u0302\u0301ng Vie\u0323\u0302t\n", "Tiếng Việt\n"),
        clean("Le dépôt, Zürich, Tiếng Việt\n"),
        clean("x\u0304 and q\u0307\n", note="no composed form exists"),
        clean('s = "e\\u0301"\nt = "e\u0301"\n', "python", note="source code is not checked"),
        clean(
            "```js\nm.test('cafe\u0301') // true\n```\n",
            "markdown",
            note="nor code in a document",
        ),
    ],
)
def unicode_normalization(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    text = doc.text
    if text.isascii():
        return
    # Only runs of composing characters can be findings: none in the text, none
    # to find (and no need to ask whether the whole text is NFC).
    present = doc.chars & _composing()
    if not present:
        return
    opts = options_of(config.options, UnicodeOptions, FAMILY)
    if doc.language_id in opts.normalization_skip_languages:
        return
    if not doc.is_prose and not opts.normalization_in_code:
        return
    #: Is the whole text NFC? (then nothing is reported) Asked at the first
    #: candidate only, and first of its line: "\n" never composes, so text is
    #: NFC exactly when each line is, and a line that is not settles it.
    normalized: bool | None = None
    # code blocks and code spans of a document are code too (its structure is not
    # computed over maxFileSize: cheap checks only)
    skip_code = not opts.normalization_in_code and len(text) <= config.max_file_size
    for run_start, run_end in _runs_of(text, present):
        start = run_start - 1
        if start < 0 or text[start] in "\r\n":
            continue
        if skip_code and in_quoted_code(doc, start, run_end):
            continue
        seq = text[start:run_end]
        nfc = unicodedata.normalize("NFC", seq)
        if len(nfc) >= len(seq):
            continue
        if normalized is None:
            normalized = unicodedata.is_normalized(
                "NFC", _line_around(text, start)
            ) and unicodedata.is_normalized("NFC", text)
        if normalized:
            return
        yield r.finding(
            start,
            run_end,
            f"Decomposed `{seq}` ({_names(seq)}): use the composed `{nfc}` (NFC)",
            [Fix(start, run_end, nfc, f"Compose as `{nfc}`")],
        )


# --------------------------------------------------------------------------- ligatures


@rule(
    "latin-ligature",
    cheap=True,
    scope=Scope.CHARACTERS,
    family=FAMILY,
    severity=Severity.INFO,
    description="A typographic ligature character (`ﬁ`, `ﬂ`, `ﬀ`…) instead of its letters.",
    default_enabled=False,
    explanation="""
Copied from PDFs, `ﬁ` is one character: searches for "fi" and spell checkers
miss the word. Off by default. Letters such as `œ` and `æ`, which are not
ligatures in French, Danish or Norwegian, are never flagged.""",
    examples=[
        Example("La ﬁn du ﬂeuve, eﬀet\n", "La fin du fleuve, effet\n"),
        clean("La fin du fleuve, le cœur, Ærø\n"),
    ],
)
def latin_ligature(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    for start, _, run in rare_runs_of(doc):
        for i, ch in enumerate(run):
            if not "\ufb00" <= ch <= "\ufb06":
                continue
            letters = unicodedata.normalize("NFKC", ch)
            yield r.finding(
                start + i,
                start + i + 1,
                f"Ligature {describe(ch)}: write the letters `{letters}`",
                [Fix(start + i, start + i + 1, letters, f"Replace with `{letters}`")],
            )


# --------------------------------------------------------------------------- fullwidth

_FULLWIDTH = re.compile("[\uff01-\uff5e]+")


def _east_asian(ch: str) -> bool:
    o = ord(ch)
    return (
        0x1100 <= o <= 0x11FF
        or 0x2E80 <= o <= 0x9FFF
        or 0xAC00 <= o <= 0xD7AF
        or 0xF900 <= o <= 0xFAFF
        or 0xFF61 <= o <= 0xFFDC
        or 0x20000 <= o <= 0x3FFFF
    )


@rule(
    "fullwidth-character",
    cheap=True,
    scope=Scope.CHARACTERS,
    family=FAMILY,
    severity=Severity.INFO,
    description="Fullwidth Latin letters, digits or punctuation (`ＡＢＣ１２３`) in non-CJK text.",
    default_enabled=False,
    explanation="""
Typed with a Chinese, Japanese or Korean input method left on, fullwidth forms
look like ordinary letters but do not match them in searches. Off by default;
fullwidth forms next to Chinese, Japanese or Korean characters are correct there
and left alone.""",
    examples=[
        Example("Le code ＡＢＣ１２３ est valide\n", "Le code ABC123 est valide\n"),
        Example("Hello！\n", "Hello!\n"),
        clean("東京（とうきょう）に行きます。\n"),
        clean("ＮＨＫの番組\n", note="next to Japanese text"),
    ],
)
def fullwidth_character(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    text = doc.text
    n = len(text)
    runs = [
        x for x in rare_runs_with_fullwidth(doc) if any("\uff01" <= c <= "\uff5e" for c in x[2])
    ]
    for rs, _, rrun in runs:
        for m in _FULLWIDTH.finditer(rrun):
            s, e = rs + m.start(), rs + m.end()
            before = text[s - 1] if s else ""
            after = text[e] if e < n else ""
            if (before and _east_asian(before)) or (after and _east_asian(after)):
                continue
            plain = "".join(chr(ord(c) - 0xFEE0) for c in m.group())
            yield r.finding(
                s,
                e,
                f"Fullwidth `{m.group()}`: write `{plain}`",
                [Fix(s, e, plain, f"Replace with `{plain}`")],
            )
