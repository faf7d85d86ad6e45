"""Whitespace rules: trailing blanks, doubled and odd spaces, blank lines,
final newline, line endings and indentation."""

from __future__ import annotations

import itertools
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..chars import (
    INVISIBLE_CLASS,
    REMOVED_CONTROLS_CLASS,
    TAG_CLASS,
    UNSEEN,
    char_set,
    describe,
    drop_unseen,
    find_chars,
    line_start,
    runs,
    visible_neighbour,
)
from ..config import Config
from ..document import Document
from ..encoding.scan import mojibake_repairs
from ..entities import entity_ending_at
from ..incremental import Runs, per_segment
from ..markup import markup_of
from ..memo import text_memo
from ..model import Finding, Fix, Severity
from ..options import options_of, setting
from ..regions import in_quoted_code, is_code_language, non_prose, source_text
from ..registry import Example, Rule, Scope, clean, rule
from ..structure._spans import _plain, block_results, is_blank_line, map_blocks

FAMILY = "whitespace"

_EOL = {"lf": "\n", "crlf": "\r\n", "cr": "\r"}


@dataclass(frozen=True)
class WhitespaceOptions:
    """``textsweep.whitespace``: what .editorconfig calls end_of_line, indent_style
    and tab_width (the server fills them from .editorconfig when present)."""

    end_of_line: str | None = setting(
        None,
        "endOfLine",
        "choice",
        "The line ending the project wants. Unset (`null`): `.editorconfig`'s "
        "`end_of_line`, else the majority ending of each file.",
        choices=tuple(_EOL),
        labels=("LF", "CRLF", "CR"),
        unset_label="file's majority",
        default_doc="— (majority of the file)",
    )
    indent_style: str | None = setting(
        None,
        "indentStyle",
        "choice",
        "Indent with tabs or spaces; with `tabWidth`, makes `mixed-indentation` fixes safe. "
        "Unset (`null`): `.editorconfig`'s `indent_style`.",
        choices=("tab", "space"),
        labels=("tab", "space"),
        unset_label=".editorconfig",
    )
    tab_width: int | None = setting(
        None,
        "tabWidth",
        "integer",
        "Tab width for re-indenting. Unset (`null`): `.editorconfig`'s "
        "`tab_width`/`indent_size`, else 4.",
        minimum=1,
        maximum=16,
        default_doc="4",
    )


def options(config: Config) -> WhitespaceOptions:
    return options_of(config.options, WhitespaceOptions, FAMILY)


_BREAK = r"(?:\r\n|\r|\n)"
_SPACE_NAMES = {" ": "space", "\t": "tab", "\u00a0": "no-break space"}


def _count_blanks(run: str) -> str:
    """``3 spaces, 1 tab`` — in order of first appearance."""
    parts = []
    for ch in dict.fromkeys(run):
        n = run.count(ch)
        name = _SPACE_NAMES.get(ch) or describe(ch)
        plural = "s" if n > 1 and ch in " \t" else ""
        parts.append(f"{n} {name}{plural}")
    return ", ".join(parts)


# --------------------------------------------------------------------------- trailing

_TRAILING_CLASS = " \t\u00a0\u2000-\u200a\u202f\u3000"
_TRAILING_SET = char_set(_TRAILING_CLASS)
_TRAILING_STRIP = "".join(sorted(_TRAILING_SET)) + "\r\n"
#: A line break after a blank. The scan stops at line breaks only (a class of two
#: characters), then looks back: led by the blanks' class, the regex tested that
#: class at every character of the text (15 ms a MB), to find a few blanks.
_BREAK_AFTER_BLANK = re.compile(f"[\r\n](?<=[{_TRAILING_CLASS}][\r\n])")


def _trailing_ends(text: str) -> Iterator[int]:
    """Where each line's trailing blanks end: before a line break that follows a
    blank, and at the end of a text that ends with one. (A line's content ends
    before its "\r" or "\n", and never between "\r\n".)"""
    for m in _BREAK_AFTER_BLANK.finditer(text):
        yield m.start()
    if text and text[-1] in _TRAILING_SET:
        yield len(text)


#: Read through between trailing blanks: what ``invisible-character`` removes
#: beside a space and the controls ``control-character`` removes (not bidi marks:
#: their removal is judged, and a space fix beside one waits for it).
_TRAILING_THROUGH = char_set(INVISIBLE_CLASS + REMOVED_CONTROLS_CLASS + TAG_CLASS)


def _trailing_run(text: str, end: int, blanks: frozenset[str]) -> tuple[int, bool]:
    """Where the trailing blanks ending at ``end`` start, read through the invisible
    characters between them (`` \u200b \u200b `` is three blanks, as it is once
    they are gone), and whether any was read through. The run starts at a blank:
    an invisible character before all of them is not this rule's."""
    start = i = end - 1
    hidden = False
    while i > 0:
        c = text[i - 1]
        if c in blanks:
            i -= 1
            start = i
        elif c in _TRAILING_THROUGH:
            i -= 1
            hidden = True
        else:
            break
    # only what lies between blanks was read through
    return start, hidden and any(c in _TRAILING_THROUGH for c in text[start:end])


def _hard_break_read(
    hard_break: Callable[[str, int, int], bool], text: str, start: int, end: int
) -> bool:
    """The markup's hard break judged on the run without its invisible characters
    (the reading once they are removed): the line, the run's blanks, the next line."""
    ls = line_start(text, start)
    # the next line whole (past this line's break, "\r\n" included)
    nxt = text.find("\n", end + (2 if text.startswith("\r\n", end) else 1))
    le = len(text) if nxt < 0 else nxt + 1
    kept = "".join(c for c in text[start:end] if c not in _TRAILING_THROUGH)
    view = text[ls:start] + kept + text[end:le]
    return hard_break(view, start - ls, start - ls + len(kept))


@rule(
    "trailing-whitespace",
    cheap=True,
    scope=Scope.LINE,
    family=FAMILY,
    severity=Severity.WARNING,
    description="Spaces, tabs or no-break spaces at the end of a line.",
    explanation="""
Invisible in most editors, they make diffs noisy and can hide a lost word break.
In Markdown, exactly two spaces before a line break are a hard line break and are
left alone; more blanks than that before a hard break are trimmed to the two
spaces, so the line break stays.""",
    examples=[
        Example("Bonjour à tous.   \nÀ demain.\n", "Bonjour à tous.\nÀ demain.\n"),
        Example("The end.\t\n", "The end.\n"),
        Example("Fin\u00a0\n", "Fin\n", note="a no-break space at the end is still trailing"),
        clean(
            "Roses are red,  \nviolets are blue.\n",
            "markdown",
            note="two spaces before a line break are a Markdown hard break",
        ),
        clean("Première ligne.\r\nDeuxième ligne.\r\n"),
        Example(
            "Run `npm test`   \nthen `npm test -- --watch`.\n",
            "Run `npm test`  \nthen `npm test -- --watch`.\n",
            language_id="markdown",
            note="three spaces are a hard break too: trimmed to two, the break stays",
        ),
    ],
)
def trailing_whitespace(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    text = doc.text
    if not doc.has_any(_TRAILING_SET):
        return
    hard_break = markup_of(doc).hard_break
    blanks = _TRAILING_SET
    for end in _trailing_ends(text):
        start, hidden = _trailing_run(text, end, blanks)
        if hard_break is not None and (
            _hard_break_read(hard_break, text, start, end)
            if hidden
            else hard_break(text, start, end)
        ):
            continue
        # Between a lone CR and an LF, removing the blanks would join two line
        # breaks into one CRLF (a line lost): offered, but mixed-line-endings goes first.
        joins = text[start - 1 : start] == "\r" and text[end : end + 1] == "\n"
        count = _count_blanks(text[start:end])
        if hard_break is not None and _longer_hard_break(hard_break, text, start, end, hidden):
            # ``text   `` then a line of the same paragraph: two spaces or more
            # make a Markdown hard break; removing them all would join the lines
            yield r.finding(
                start,
                end,
                f"Trailing whitespace ({count}): a Markdown hard line break needs two spaces",
                [Fix(start, end, "  ", "Keep two spaces (the hard line break)")],
            )
            continue
        yield r.finding(
            start,
            end,
            f"Trailing whitespace ({count}): remove it",
            [Fix(start, end, "", "Remove trailing whitespace", not joins)],
        )


def _longer_hard_break(
    hard_break: Callable[[str, int, int], bool], text: str, start: int, end: int, hidden: bool
) -> bool:
    """Does the run ``[start, end)`` after a line's text end with the two spaces of a
    hard break? CommonMark breaks the line after two spaces *or more*: only the
    blanks before those two are extra."""
    if start == 0 or text[start - 1] in "\r\n":
        return False
    if not hidden:
        return text[end - 2 : end] == "  " and hard_break(text, end - 2, end)
    # read as it will be once the invisible characters are gone (`` \u200b  ``)
    kept = "".join(c for c in text[start:end] if c not in _TRAILING_THROUGH)
    if not kept.endswith("  "):
        return False
    ls = line_start(text, start)
    nxt = text.find("\n", end + (2 if text.startswith("\r\n", end) else 1))
    view = text[ls:start] + kept + text[end : len(text) if nxt < 0 else nxt + 1]
    at = start - ls + len(kept)
    return hard_break(view, at - 2, at)


# --------------------------------------------------------------------------- doubled

_DOUBLED = re.compile(r"  +")
#: A list marker alone at the start of its line (``-``, ``*``, ``+``, ``•``, ``1.``,
#: ``1)``), read backwards from the spaces after it.
_LIST_MARKER = re.compile(r"[-*+•]|\d{1,9}[.)]")
#: At most this many spaces after a list marker align the item's text (CommonMark
#: takes one to four as the item's padding; ``-   item`` is Prettier's and Pandoc's
#: four-column style); past it the item starts with indented code.
_LIST_PADDING = 4
#: What a list marker ends with: the runs after anything else are not tested.
_MARKER_ENDS = frozenset("-*+•.)")


def _after_list_marker(text: str, s: int, e: int) -> bool:
    """Do the spaces ``[s, e)`` pad a list marker that starts its line (``-   item``,
    ``1.  First``)? That is alignment of the item's text, not a doubled space:
    410 of 470 doubled spaces in 353 npm READMEs were such paddings."""
    if e - s > _LIST_PADDING:
        return False
    ls = max(text.rfind("\n", 0, s), text.rfind("\r", 0, s)) + 1
    head = text[ls:s]
    if not head.isascii():
        head = drop_unseen(head)  # ``\u200b -   item`` is a list item once it is gone
    return _LIST_MARKER.fullmatch(head.lstrip(" \t")) is not None


#: The gap after a sentence: a full stop, ! or ?, maybe a closing quote or bracket,
#: then one or two spaces before the next sentence's first character (checked in
#: Python to be a capital, maybe after an opening quote or bracket).
_SENTENCE_GAP = re.compile(r"[.!?][\"')\]’”»]?( {1,2})(?! )")
_OPENERS = "\"'(‘“«"
_CLOSERS = "\"')]’”»"
#: Two spaces after a sentence are the document's convention when at least this many
#: sentence gaps have them and they outnumber the single spaces.
TWO_SPACE_MIN = 3


def _ends_sentence(text: str, i: int) -> bool:
    """Does a sentence end just before ``text[i]`` (``.``, ``!``, ``?``, maybe closed
    by a quote, a bracket or Markdown's emphasis: ``fini.”``, ``rendu.**``)?"""
    j = i - 1
    if j > 0 and text[j] in _CLOSERS:
        j -= 1
    elif j > 1 and text[j] in "*_":
        j -= 2 if text[j - 1] == text[j] else 1
    return j >= 0 and text[j] in ".!?"


def _starts_sentence(text: str, i: int) -> bool:
    if i < len(text) and text[i] in _OPENERS:
        i += 1
    return i < len(text) and text[i].isupper()


def _starts_lowercase(text: str, i: int) -> bool:
    """Is ``text[i]`` a lowercase letter? (a quote or a bracket before one opens a
    name or an aside: ``'winheight'``, ``(default: 0)``)"""
    return i < len(text) and text[i].islower()


@text_memo(max_chars=4_000_000, max_entries=16384)
def _sentence_gaps(text: str) -> tuple[int, int]:
    """Sentence gaps of one block with one space and with two (cached by text: a
    gap never crosses a line break, so a block alone decides)."""
    counts = [0, 0, 0]
    for m in _SENTENCE_GAP.finditer(text):
        if _starts_sentence(text, m.end()):
            counts[m.end() - m.start(1)] += 1
    return counts[1], counts[2]


def _two_space_convention(doc: Document) -> bool:
    """Does the document put two spaces after its sentences (a typewriter house style
    kept through the whole text), rather than one?"""

    def compute(d: Document) -> bool:
        text = d.text
        if ".  " not in text and "!  " not in text and "?  " not in text:
            return False
        one = two = 0
        for a, b in map_blocks(text, _sentence_gaps):
            one += a
            two += b
        return two >= TWO_SPACE_MIN and two > one

    return doc.cached("whitespace.two_space_convention", compute)


def _blank_entity_before(text: str, s: int) -> bool:
    """Does an entity for a blank (``&nbsp;``, ``&#8239;``) end at ``s``, read through
    what other fixes delete (``&nbsp;\u200b  »``)? The spaces after it follow a
    blank, as they do once html-entity has written the character: collapsing them
    first made the result depend on which fix ran first."""
    while s > 0 and visible_neighbour(text, s - 1, -1) != text[s - 1]:
        s -= 1  # a character that fix-all removes
    value = entity_ending_at(text, s)
    return value is not None and value.isspace()


def _in_mojibake(doc: Document, s: int, e: int) -> bool:
    """The run is part of a mojibake span: ``Ã  la`` is ``à la`` whose A0 byte became
    a space. Collapsing it first would erase the evidence and leave ``Ã la``, so the
    mojibake rule alone reads these spaces (whether or not it is enabled)."""
    if s == 0 or doc.text[s - 1] not in "ÂÃ":
        return False  # only a lost A0 byte after these lead images puts spaces in a span
    return any(rep.start <= e and s <= rep.end for rep in mojibake_repairs(doc))


@text_memo(max_chars=4_000_000, max_entries=16384)
def _doubled_between_words(text: str) -> tuple[tuple[int, int, bool], ...]:
    """``(start, end, sentence gap)`` of the runs of spaces between two visible
    characters in one block (relative offsets, cached by text: a keystroke re-reads
    one block; what a block starts after is a line break, so it decides alone).
    A sentence gap is two spaces after a sentence's end, before no lowercase letter."""
    out: list[tuple[int, int, bool]] = []
    if "  " not in text:
        return ()
    n = len(text)
    for m in _DOUBLED.finditer(text):
        s, e = m.span()
        if not s or e == n or text[s - 1].isspace() or text[e].isspace():
            # indentation or a trailing run (two in three runs of a manual): a blank
            # is its own visible neighbour, so the test below would refuse it too
            continue
        # Between two non-space characters only: indentation and trailing runs
        # belong to other rules. Invisible characters do not count, or fixing
        # a ZWSP before or after this rule would change what this rule sees.
        before, after = visible_neighbour(text, s - 1, -1), visible_neighbour(text, e, 1)
        if not before or not after or before.isspace() or after.isspace():
            continue
        if before == ";" and _blank_entity_before(text, s):
            continue
        if (text[s - 1] in _MARKER_ENDS or text[s - 1] in UNSEEN) and _after_list_marker(
            text, s, e
        ):
            continue
        # under the two-space convention any sentence may follow, not only one
        # starting with a capital (Vim's manuals: ``list.  [N] defaults``)
        gap = e - s == 2 and _ends_sentence(text, s) and not _starts_lowercase(text, e)
        out.append((s, e, gap))
    return tuple(out)


@rule(
    "doubled-space",
    scope=Scope.DOCUMENT,
    family=FAMILY,
    severity=Severity.WARNING,
    description="Two or more spaces between words.",
    explanation="""
Usually left behind by an edit or a copy-paste. Leading indentation is never
flagged; in source code only comments and strings are checked, and Markdown
tables and code are left alone, as are the tables, aligned columns and console
transcripts of plain-text files, and up to four spaces after a list marker that
starts its line (`-   item`, `1.  item`: the item's text aligned). Two spaces
after a sentence are a convention when the document mostly writes them so: then
they are left alone (a document that mostly uses one space still gets its odd
two-space gaps flagged; in formats whose renderer collapses blanks, Markdown,
reST, AsciiDoc, HTML, LaTeX and Org, only as an info: no reader sees them).""",
    examples=[
        Example("Le  chat dort.\n", "Le chat dort.\n"),
        Example("It was a dark   and stormy night.\n", "It was a dark and stormy night.\n"),
        clean("    Indented line with one space between words.\n"),
        clean("Une phrase normale, sans espace en trop.\n"),
        clean("x = 1  # aligned comment\n", "python", note="code is not prose"),
        clean(
            "-   Install the package.\n-   Run the build.\n1.  First step.\n",
            "markdown",
            note="up to four spaces after a list marker align the item's text",
        ),
        clean(
            "Run the build.  It writes HTML.  Open the index.  Done.\n",
            note="two spaces after every sentence: the document's convention",
        ),
        Example(
            "Run the build. It writes HTML. Open the index.  Done.\n",
            "Run the build. It writes HTML. Open the index. Done.\n",
            note="one space after most sentences: the odd two-space gap is flagged",
        ),
        Example(
            "Run the build. It writes HTML. Open the index.  Done.\n",
            "Run the build. It writes HTML. Open the index. Done.\n",
            "markdown",
            note="in Markdown the same gap is an info: rendering collapses it",
        ),
        clean(
            'msgid "  -i, --ignore-case     ignore case\\n"\n'
            'msgstr "  -i, --ignore-case     Groß-/Kleinschreibung ignorieren\\n"\n',
            "po",
            note="gettext: columns of a help text whose source is laid out so",
        ),
        clean(
            "----\ncreate         :000000 100644\n----\n",
            "asciidoc",
            note="an AsciiDoc listing block",
        ),
        clean(
            "\\newcount\\n      \\newcount\\p  % compteurs\nNom        & Note \\\\\n",
            "latex",
            note="LaTeX source aligned: comments, table cells, control sequences",
        ),
        clean(
            "=========  ==========\nComponent  Role\n=========  ==========\n"
            "Models     ``:model:``\n=========  ==========\n",
            "restructuredtext",
            note="the rows of a reStructuredText simple table",
        ),
    ],
)
def doubled_space(r: Rule, doc: Document, config: Config) -> Iterable[Finding]:
    text = doc.text
    if "  " not in text or is_code_language(doc):
        return ()
    two_space = _two_space_convention(doc)
    if not source_text(doc):
        # Served per segment from the findings cache: a repeated paragraph's 21,000
        # runs built as many findings each keystroke (80 ms). Only the two-space
        # convention weighs the whole text, and it names the cache's values; a run
        # after a mojibake lead image asks the document's repairs, so a segment
        # holding one is judged afresh.
        mask = non_prose(doc)
        touch = _tags_collapse(doc)
        rendered = _collapses(doc)
        between_words = _plain(_doubled_between_words, text)  # memoised unless huge

        def segment(start: int, end: int) -> tuple[tuple[Finding, ...], bool]:
            starts, ends = mask.bounds()
            out: list[Finding] = []
            doubt = False
            for a, b, gap in between_words(text[start:end]):
                if two_space and gap:
                    continue
                i = bisect_right(ends, a + start)  # the first span ending after the run's start
                if i < len(starts) and starts[i] < b + start + touch:
                    continue  # overlaps non-prose (or, in HTML, touches a tag)
                if touch and i > 0 and ends[i - 1] == a + start:
                    continue
                if text[a + start - 1] in "ÂÃ":
                    doubt = True
                out.append(_doubled_finding(r, a, b, rendered and gap))
            return tuple(out), doubt

        values = per_segment(doc, config, f"doubled-space:{two_space}:{rendered}", segment)
        if values is not None:
            runs: list[tuple[int, tuple[Finding, ...]]] = []
            for i, (start, (found, doubt)) in enumerate(values):
                if doubt:
                    end = values[i + 1][0] if i + 1 < len(values) else len(text)
                    runs.append((0, tuple(_doubled(r, doc, two_space, start, end))))
                elif found:
                    runs.append((start, found))
            return Runs(runs)
    return _doubled(r, doc, two_space, 0, len(text))


def _tags_collapse(doc: Document) -> int:
    """1 in HTML and XML, where spaces beside a tag are source layout the renderer
    collapses (``sorgen.  </p>``, ``Verdana</a>,  extended``: 3,747 runs in the
    Debian Reference's HTML), else 0: whether a run touching markup is let be."""
    return 1 if markup_of(doc).name == "html" else 0


def _doubled_finding(r: Rule, s: int, e: int, rendered_gap: bool = False) -> Finding:
    if rendered_gap:
        return r.finding(
            s,
            e,
            "2 spaces after a sentence, in a document that mostly uses one (invisible once "
            "rendered): replace with one",
            [Fix(s, e, " ", "Replace with one space")],
            severity=Severity.INFO,
        )
    return r.finding(
        s,
        e,
        f"{e - s} spaces in a row between words: replace with one",
        [Fix(s, e, " ", "Replace with one space")],
    )


def _collapses(doc: Document) -> bool:
    """Does the format's renderer collapse runs of blanks (Markdown, reST, AsciiDoc,
    HTML, LaTeX, Org)? There two spaces after a sentence are a typing habit no
    reader sees: the French React documentation's translators type them in a third
    of their sentences (115 warnings in 14 pages), and they are hinted at only."""
    return markup_of(doc).collapses_blanks


def _doubled(r: Rule, doc: Document, two_space: bool, start: int, end: int) -> Iterator[Finding]:
    """The doubled spaces of the blocks starting in ``[start, end)``."""
    text = doc.text
    mask_starts, mask_ends = non_prose(doc).bounds()
    source = source_text(doc)
    touch = _tags_collapse(doc)
    rendered = _collapses(doc)
    # the runs and the (merged) spans are both sorted: one walk, no bisection each
    nspans = len(mask_starts)
    j = 0
    # block by block, shifted as read (4,000 runs a keystroke in 1 MB, most of them
    # in tables the mask leaves out: no shifted copy of each)
    for bs, found in block_results(text, _doubled_between_words):
        if not start <= bs < end:
            continue
        for a, b, gap in found:
            s, e = a + bs, b + bs
            while j < nspans and mask_ends[j] <= s - touch:
                j += 1
            if j < nspans and mask_starts[j] < e + touch:
                continue  # overlaps non-prose (or, in HTML, touches a tag)
            if source and source.covers(s, e):
                continue
            if two_space and gap:
                continue
            if _in_mojibake(doc, s, e):
                continue
            yield _doubled_finding(r, s, e, rendered and gap)


# --------------------------------------------------------------------------- odd space

_ODD_CLASS = "\u2000-\u200a\u205f\u3000\u1680"
_ODD_SET = char_set(_ODD_CLASS)
_NUMERIC_SEPARATORS = "\u2008\u2009\u2007\u200a"
_FRENCH_PUNCT = ";:!?»«"


def _cjk(ch: str) -> bool:
    o = ord(ch)
    return (
        0x2E80 <= o <= 0x9FFF
        or 0xAC00 <= o <= 0xD7AF
        or 0xF900 <= o <= 0xFAFF
        or 0xFF00 <= o <= 0xFFEF
        or 0x20000 <= o <= 0x3FFFF
    )


@rule(
    "odd-space",
    cheap=True,
    scope=Scope.CHARACTERS,
    family=FAMILY,
    severity=Severity.WARNING,
    description="An unusual space character (em space, hair space, ideographic space…) "
    "between words.",
    explanation="""
Pasted from word processors and web pages, these spaces have odd widths and
break searches. Thin spaces between digits (thousands separators), spaces next to
French punctuation (the French rules judge those) and ideographic spaces in
Chinese, Japanese or Korean text are correct and left alone.""",
    examples=[
        Example("Bonjour\u2003le monde.\n", "Bonjour le monde.\n"),
        Example("Hello\u3000world\n", "Hello world\n"),
        clean("Population : 67\u2009000\u2009000 habitants.\n", note="thin space in numbers"),
        clean("東京\u3000大阪\n", note="ideographic space in Japanese text"),
    ],
)
def odd_space(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    present = doc.chars & _ODD_SET
    if not present:
        return
    text = doc.text
    for s, e in runs(find_chars(text, present)):
        # Invisible characters and removed controls do not count as neighbours: a
        # ZWSP before an indenting thin space made it "between words" until removed.
        before, after = visible_neighbour(text, s - 1, -1), visible_neighbour(text, e, 1)
        if not before or not after or before.isspace() or after.isspace():
            continue  # indentation, alignment or line end: other rules judge
        run = text[s:e]
        if before.isdigit() and after.isdigit() and all(c in _NUMERIC_SEPARATORS for c in run):
            continue
        if after in _FRENCH_PUNCT or before in "«":
            continue
        if "\u3000" in run and (_cjk(before) or _cjk(after)):
            continue
        yield r.finding(
            s,
            e,
            f"{describe(run[0])} between words: replace with a plain space",
            [Fix(s, e, " ", "Replace with a plain space")],
        )


# --------------------------------------------------------------------------- blank lines


_LINE_BREAK = re.compile(_BREAK)


def blank_line_limit(doc: Document, config: Config) -> int:
    return config.blank_lines_prose if doc.is_prose else config.blank_lines_code


@lru_cache(maxsize=32)
def _blank_run_pattern(min_lines: int, crlf: bool) -> re.Pattern[str]:
    """Maximal runs of at least ``min_lines`` blank lines after a line break.

    No look-ahead for the text that must follow: a failed look-ahead at the end of
    a long run made the search retry from every break inside it (quadratic on a
    file of line breaks). The caller checks what follows, once per run.
    Without carriage returns the pattern starts with a literal ``\n``, which
    the regex engine finds at C speed; the general one is used only when needed.
    """
    # "\r(?!\n)": backtracking must never split a CRLF into two line breaks.
    brk = r"(?:\r\n|\r(?!\n)|\n)" if crlf else "\n"
    run = rf"((?:[ \t]*{brk}){{{min_lines},}})"
    # No "\A|" alternation in front: it would defeat the literal-prefix search.
    return re.compile(rf"{brk}{run}")


@lru_cache(maxsize=32)
def _leading_blank_pattern(min_lines: int) -> re.Pattern[str]:
    """The same run at the very start of the text."""
    brk = r"(?:\r\n|\r(?!\n)|\n)"
    return re.compile(rf"((?:[ \t]*{brk}){{{min_lines},}})")


def _text_follows(text: str, end: int) -> bool:
    """The line starting at ``end`` holds something a reader sees: not only blanks
    (no-break spaces too) and invisible characters, which other rules remove; were
    ``\u00a0`` text here, removing it first would change this rule's answer."""
    n = len(text)
    i = end
    while i < n and (text[i] in _TRAILING_SET or unicodedata.category(text[i]) == "Cf"):
        i += 1
    return i < n and text[i] not in "\r\n"


@rule(
    "blank-lines",
    family=FAMILY,
    severity=Severity.INFO,
    description="More consecutive blank lines than allowed (1 in prose, 2 in code).",
    explanation="""
The limits are the settings `textsweep.blankLines.prose` and
`textsweep.blankLines.code`. Blank lines at the end of the file belong to
`final-newline`.""",
    examples=[
        Example(
            "Premier paragraphe.\n\n\n\nSecond paragraphe.\n",
            "Premier paragraphe.\n\nSecond paragraphe.\n",
        ),
        Example("One.\r\n\r\n  \r\nTwo.\r\n", "One.\r\n\r\nTwo.\r\n"),
        clean(
            "def a():\n    pass\n\n\ndef b():\n    pass\n",
            "python",
            note="two blank lines between functions are allowed in code",
        ),
        clean("Un paragraphe.\n\nUn autre.\n"),
    ],
)
def blank_lines(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    limit = blank_line_limit(doc, config)
    text = doc.text
    pattern = _blank_run_pattern(limit + 1, "\r" in text)
    # In prose files, blank lines inside code blocks are the code's business; a source
    # file is all "non-prose" outside comments and strings, yet its limit still applies.
    mask = non_prose(doc) if doc.is_prose else None
    lead = _leading_blank_pattern(limit + 1).match(text)
    # A leading run is reported once, not again from its first line break.
    rest = pattern.finditer(text, lead.end() if lead else 0)
    for m in itertools.chain([lead] if lead else [], rest):
        start, end = m.span(1)
        if not _text_follows(text, end):
            continue  # blank lines at the end belong to final-newline
        breaks = [b.end() for b in _LINE_BREAK.finditer(text, start, end)]
        count = len(breaks)
        cut = breaks[limit - 1] if limit > 0 else start
        if mask and mask.covers(cut, end):
            continue
        yield r.finding(
            cut,
            end,
            f"{count} blank lines in a row (at most {limit} allowed here): remove {count - limit}",
            [Fix(cut, end, "", f"Keep {limit} blank line{'s' if limit != 1 else ''}")],
        )


# --------------------------------------------------------------------------- final newline

_TRAILING_BLANKS = re.compile(rf"{_BREAK}((?:[ \t]*{_BREAK})*[ \t]*)\Z")


#: What fix-all removes from a line without a trace: invisible format characters
#: (ZWSP, bidi marks, tags…) and the C0 controls ``control-character`` removes.
_UNSEEN = (
    "\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
    f"\U000e0000-\U000e007f{REMOVED_CONTROLS_CLASS}"
)
#: A line break ending a line with something visible on it (a line holding only a
#: ZWSP is blank once that is removed: it must not vote before, either).
_CONTENT_BREAK = re.compile(rf"[^\s{_UNSEEN}](?:[^\S\r\n]|[{_UNSEEN}])*(\r\n|\r|\n)")


def _blank_by_reference(text: str, end: int) -> bool:
    """Is the line ending at ``end`` blank but for references to blanks (`` &nbsp; ``)?
    html-entity makes it blank, so it must not vote before either (else the
    majority flipped with the repair, and the order of the fixes decided)."""
    start = line_start(text, end)
    line = text[start:end]
    return "&" in line and is_blank_line(line)


def dominant_line_ending(text: str) -> str:
    """The most common line ending (``\\n`` on ties or when there is none).

    Only breaks ending lines with content are counted (the first break if there
    are none): blank lines come and go with the blank-line fixes, and the file's
    convention must not flip with them, or fixing in another order than fix-all
    would convert the file the other way.
    """
    if "\r" not in text:
        # Only ``\n`` can win (or be the default): the scan below cost 1 MB 0.1 s.
        return "\n"
    lf = crlf = cr = 0
    entities = "&" in text
    for m in _CONTENT_BREAK.finditer(text):
        brk = m.group(1)
        if entities and _blank_by_reference(text, m.start(1)):
            continue
        if brk == "\n":
            lf += 1
        elif brk == "\r\n":
            crlf += 1
        else:
            cr += 1
    if not lf + crlf + cr:
        # No line with content ends: the first break decides. Counting every
        # break let the blank-line fixes, which remove the later ones, flip it.
        first = _ANY_BREAK.search(text)
        return first.group() if first else "\n"
    best = max((lf, "\n"), (crlf, "\r\n"), (cr, "\r"), key=lambda t: t[0])
    return best[1] if best[0] > 0 else "\n"


def _shows(c: str) -> bool:
    """Is ``c`` visible content (not a blank, a control or a format character)?

    A C1 control (U+0080–U+009F, ``\x85`` included although Python calls it a
    space) is content: it is a byte of a legacy code page that c1-control restores
    (``…``, ``’``, ``Š``), so a file holding one is not blank."""
    if "\x80" <= c <= "\x9f":
        return True
    return not (c.isspace() or unicodedata.category(c) in ("Cf", "Cc"))


@rule(
    "final-newline",
    cheap=True,
    family=FAMILY,
    severity=Severity.INFO,
    description="The file does not end with exactly one line break.",
    explanation="""
A missing final newline upsets `cat`, diffs and many tools; blank lines piled at
the end of a file are clutter. The fix uses the file's own line ending.""",
    examples=[
        Example("Dernière ligne sans retour", "Dernière ligne sans retour\n"),
        Example("Last line.\r\n\r\n\r\n", "Last line.\r\n"),
        Example("End.\n\n   \n", "End.\n"),
        Example("\n\n", "", note="a file of blank lines is empty"),
        clean("Une ligne.\n"),
        clean(""),
    ],
)
def final_newline(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    text = doc.text
    # The same blanks as trailing-whitespace: a document of nothing but no-break
    # spaces is as empty as one of spaces (else fixing in another order than
    # fix-all leaves a line break in an emptied file).
    # len(text.rstrip(_TRAILING_STRIP)) without its copy of the text (a 1 MB copy
    # per keystroke); only the last characters are read
    content_end = len(text)
    while content_end and text[content_end - 1] in _TRAILING_STRIP:
        content_end -= 1
        if len(text) - content_end > 64:  # a long blank tail: rstrip reads it in C
            content_end = len(text.rstrip(_TRAILING_STRIP))
            break
    # islice: no copy of the text (the first visible character is usually the first)
    if content_end == 0 or not any(_shows(c) for c in itertools.islice(text, content_end)):
        # Nothing visible (blanks, a lone BOM or ZWSP): as empty as an empty file,
        # so its line breaks are clutter too, as pre-commit's end-of-file-fixer
        # says. Every blank document must end the same way (empty), or the order
        # of the fixes decided: ``&nbsp; `` ended as ``""`` or ``"\n"``.
        first = _ANY_BREAK.search(text)
        if first is None or not text[first.start() :].isspace():
            return
        yield r.finding(
            first.start(),
            len(text),
            "only blank lines in the file: remove them",
            [Fix(first.start(), len(text), "", "Remove the blank lines")],
        )
        return
    # Only the tail after the last visible character can matter.
    m = _TRAILING_BLANKS.search(text, content_end)
    if m is None:
        end = len(text)
        # Trailing blanks on the last line belong to trailing-whitespace.
        yield r.finding(
            end - 1,
            end,
            "No line break at the end of the file: add one",
            [Fix(end, end, dominant_line_ending(text), "Add a final line break")],
        )
        return
    start, end = m.span(1)
    if start == end:
        return
    extra = (
        text.count("\n", start, end) + text.count("\r", start, end) - text.count("\r\n", start, end)
    )
    what = f"{extra} blank line{'s' if extra != 1 else ''}" if extra else "blank space"
    yield r.finding(
        start,
        end,
        f"{what} at the end of the file: remove",
        [Fix(start, end, "", "Remove blank lines at the end")],
    )


# --------------------------------------------------------------------------- line endings

_ANY_BREAK = re.compile(_BREAK)
_ENDING_NAMES = {"\n": "LF", "\r\n": "CRLF", "\r": "CR"}


@rule(
    "mixed-line-endings",
    cheap=True,
    options=WhitespaceOptions,
    family=FAMILY,
    severity=Severity.WARNING,
    description="CRLF, LF and lone CR line endings mixed in one file, or not the "
    "ending the project asks for.",
    explanation="""
Each minority line ending is flagged and changed to the file's majority ending
(LF wins a tie). When `.editorconfig` sets `end_of_line` (or the setting
`textsweep.whitespace.endOfLine` is set), every other ending is flagged.""",
    examples=[
        Example("un\r\ndeux\r\ntrois\nquatre\r\n", "un\r\ndeux\r\ntrois\r\nquatre\r\n"),
        Example("one\ntwo\rthree\n", "one\ntwo\nthree\n"),
        Example(
            "a\r\nb\r\n",
            "a\nb\n",
            settings={"whitespace": {"endOfLine": "lf"}},
            note="the project asks for LF",
        ),
        clean("tout\r\nen\r\nCRLF\r\n"),
    ],
)
def mixed_line_endings(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    text = doc.text
    wanted = options(config).end_of_line
    if "\r" not in doc.chars and (wanted is None or _EOL[wanted] == "\n"):
        return  # LF only, as wanted (three counts of 1 MB spared: the set is memoised)
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    cr = text.count("\r") - crlf
    counts = {"\n": lf, "\r\n": crlf, "\r": cr}
    total = crlf + lf + cr
    if wanted is not None:
        major = _EOL[wanted]
        if counts[major] == total:
            return
        why = "the project asks for"
    else:
        if sum(1 for n in (crlf, lf, cr) if n) < 2:
            return
        major = dominant_line_ending(text)
        why = f"the file mostly uses ({counts[major]} of {total} lines)"
    major_name = _ENDING_NAMES[major]
    for m in _ANY_BREAK.finditer(text):
        ending = m.group()
        if ending == major:
            continue
        s, e = m.span()
        # Written next to a lone CR (``\r`` + ``\r\n`` → ``\r\n``), the new break
        # would join its neighbour into one CRLF: two line breaks become one. Safe
        # once the neighbour is fixed (fix-all does that first).
        joins = (major[0] == "\n" and s > 0 and text[s - 1] == "\r") or (
            major[-1] == "\r" and text.startswith("\n", e)
        )
        yield r.finding(
            s,
            e,
            f"{_ENDING_NAMES[ending]} line ending where {why} {major_name}: change to {major_name}",
            [Fix(s, e, major, f"Change to {major_name}", safe=not joins)],
        )


# --------------------------------------------------------------------------- indentation

_INDENT = re.compile(r"^[ \t]*(?: \t|\t )[ \t]*", re.MULTILINE)
DEFAULT_TAB_WIDTH = 4


def _mixed_indents(text: str, prose: bool) -> Iterator[re.Match[str]]:
    """``_INDENT.finditer(text)``, tried only at the starts of the lines that hold a
    space then a tab (or, in prose, where that is a finding too, a tab then a space):
    a match is a line's indentation, and the multiline ``^`` made the scan try every
    position of the text (15 ms a megabyte, for a few lines)."""
    starts: set[int] = set()
    for needle in (" \t", "\t ") if prose else (" \t",):
        i = text.find(needle)
        while i >= 0:  # each line once: linear however many the line holds
            starts.add(text.rfind("\n", 0, i) + 1)
            end = text.find("\n", i)
            i = text.find(needle, end + 1) if end >= 0 else -1
    for ls in sorted(starts):
        m = _INDENT.match(text, ls)
        if m is not None:
            yield m


def _expand(indent: str, width: int) -> int:
    col = 0
    for ch in indent:
        col = (col // width + 1) * width if ch == "\t" else col + 1
    return col


@rule(
    "mixed-indentation",
    cheap=True,
    options=WhitespaceOptions,
    # one line's indentation decides (the settings are part of the cache's key),
    # so the per-paragraph findings cache serves it: no rescan of 1 MB per keystroke
    scope=Scope.LINE,
    family=FAMILY,
    severity=Severity.WARNING,
    description="Tabs and spaces mixed in one line's indentation.",
    explanation="""
A space before a tab is always flagged: the line's width then depends on the
reader's tab stops. Tabs followed by spaces are flagged in prose only; in code
that is the usual "tabs to indent, spaces to align" style (`gofmt`, ` * ` in C
comments). The fixes (not applied by fix-all, since the tab width is a guess)
re-indent with spaces or with tabs at a tab width of 4, or at `.editorconfig`'s
`tab_width` — and become safe for fix-all when `indent_style` and `tab_width` are
both known.""",
    examples=[
        Example(
            " \tParagraphe mal indenté.\n",
            " \tParagraphe mal indenté.\n",
            note="no automatic fix: the tab width is a guess",
        ),
        Example(
            "  \tx = 1\n",
            "\tx = 1\n",
            "python",
            settings={"whitespace": {"indentStyle": "tab", "tabWidth": 4}},
            note="safe once .editorconfig gives style and width",
        ),
        clean(
            "\tfunc main() {\n\t\tx := 1 +\n\t\t    2\n\t}\n",
            "go",
            note="tabs to indent, spaces to align",
        ),
        clean("\tUn alinéa avec une tabulation.\n"),
    ],
)
def mixed_indentation(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    text = doc.text
    prose = doc.is_prose
    if " \t" not in text and not (prose and "\t " in text):
        return
    opts = options(config)
    # With a tab width and style from .editorconfig the re-indent is no guess.
    known = opts.tab_width is not None and opts.indent_style is not None
    tab_width = opts.tab_width or DEFAULT_TAB_WIDTH
    # code quoted in prose follows code's habits (structure is read under the size limit)
    structured = prose and len(text) <= config.max_file_size
    for m in _mixed_indents(text, prose):
        indent = m.group()
        if "\r" in indent or "\n" in indent:
            continue
        s, e = m.span()
        if e >= len(text) or text[e] in "\r\n":
            continue  # whitespace-only line: trailing-whitespace judges
        if " \t" not in indent and (not prose or (structured and in_quoted_code(doc, e, e + 1))):
            continue  # tabs to indent, spaces to align: code's usual style
        width = _expand(indent, tab_width)
        tabs, spaces = divmod(width, tab_width)
        with_spaces = Fix(
            s,
            e,
            " " * width,
            f"Indent with spaces (tab width {tab_width})",
            safe=known and opts.indent_style == "space",
        )
        with_tabs = Fix(
            s,
            e,
            "\t" * tabs + " " * spaces,
            f"Indent with tabs (tab width {tab_width})",
            safe=known and opts.indent_style == "tab",
        )
        fixes = [with_tabs, with_spaces] if opts.indent_style == "tab" else [with_spaces, with_tabs]
        yield r.finding(
            s,
            e,
            "Tabs and spaces mixed in the indentation: indent with one or the other",
            fixes,
        )
