"""What every language's punctuation rules share: the prose context of a document
(its non-prose mask and the paragraphs in one language family, built once per
document) and the helpers that read spaces around a sign.

Rule families import from here, never from one another.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .chars import (
    BIDI_CLASS,
    INVISIBLE_CLASS,
    REMOVED_CONTROLS,
    TAG_CLASS,
    TAG_SET,
    UNSEEN_CLASS,
    char_set,
    drop_unseen,
    find_chars,
    flag_tags,
    line_start,
)
from .config import Config
from .document import Document
from .encoding.scan import mojibake_repairs
from .entities import entity_ending_at
from .language import FamilyIndex, family_index
from .markup import HTML_SPACE_ENTITIES, NBSP, NNBSP, Markup, markup_of
from .model import Finding, Fix
from .regions import Mask, non_prose

if TYPE_CHECKING:
    from .registry import Rule

__all__ = [
    "BREAKABLE",
    "ELISION",
    "FULL_STOP_EXPLANATION",
    "INLINE_BLANKS",
    "NBSP",
    "NNBSP",
    "NOBREAK",
    "SPACES",
    "Gap",
    "ProseContext",
    "apostrophe_minority",
    "command_token",
    "full_stop_findings",
    "gap_after",
    "gap_before",
    "glued_after",
    "prose_context",
    "prose_for",
    "space_before_findings",
    "space_before_pattern",
]

# --------------------------------------------------------------------------- spaces

BREAKABLE = " \t\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f\u3000"
NOBREAK = NBSP + NNBSP + "\u2007"
SPACES = BREAKABLE + NOBREAK
#: The blanks a reader sees between two words of a line: space, tab, U+00A0, U+202F.
INLINE_BLANKS = " \t\u00a0\u202f"
#: Invisible characters a gap reads through: no reader sees them, and the
#: ``invisible-character`` / ``control-character`` fixes remove them, so the gap
#: must read the same before and after those fixes (else the order of the quick
#: fixes would change the result).
GAP_INVISIBLE = char_set(INVISIBLE_CLASS) | REMOVED_CONTROLS
_INVISIBLE_CLASS = "".join(sorted(re.escape(c) for c in GAP_INVISIBLE))
#: What a space-before check reads through before its spaces: the above, and bidi
#: controls (``bidi-control`` may remove them); its fix starts after them.
#: Tag characters too: ``invisible-character`` removes them (an emoji flag's tags
#: stay, and the fix never starts before them).
_BIDI_SKIP = re.compile(f"[{_INVISIBLE_CLASS}{BIDI_CLASS}{TAG_CLASS}]*")

Tokens = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Gap:
    """The space between a sign and its neighbour: where, and what it is made of."""

    start: int
    end: int
    #: "" (none), "breakable", NBSP, NNBSP or "mixed" (breakable with no-break)
    kind: str


def _classify(run: str) -> str:
    if not run:
        return ""
    if all(c in BREAKABLE for c in run):
        return "breakable"
    if len(run) == 1:
        return NNBSP if run == NNBSP else NBSP  # U+2007 counts as NBSP
    return "mixed"


@functools.cache
def _reading(tokens: Tokens) -> Tokens:
    """The format's tokens, then HTML's space entities: leaked into any text
    (``mot&nbsp;»``), one is the space the ``html-entity`` repair will write, not
    a word ending in ``;`` (read as a word, the order of the fixes decided the text)."""
    return tokens + tuple(t for t in HTML_SPACE_ENTITIES if t not in tokens)


def gap_before(text: str, pos: int, tokens: Tokens) -> Gap:
    """Spaces (and the format's no-break tokens, see :class:`.markup.Markup`, and
    leaked space entities) right before ``pos``, read through what other fixes
    delete: invisible characters and the tag characters outside an emoji flag
    (`` \U000e0041 \xa0:`` was a gap of two, and of three once the tags were gone)."""
    tokens = _reading(tokens)
    q = pos
    kinds: list[str] = []
    while q > 0:
        c = text[q - 1]
        if c in SPACES:
            kinds.append(c)
            q -= 1
            continue
        if c in GAP_INVISIBLE:
            q -= 1
            continue
        if c in TAG_SET:
            s = q - 1
            while s > 0 and text[s - 1] in TAG_SET:
                s -= 1
            if flag_tags(text, s, q):
                break  # an emoji flag's tags stay: the gap starts after them
            q = s
            continue
        for tok, kind in tokens:
            if text.startswith(tok, q - len(tok)):
                kinds.append(kind)
                q -= len(tok)
                break
        else:
            break
    return Gap(q, pos, _classify("".join(kinds)))


def gap_after(text: str, pos: int, tokens: Tokens) -> Gap:
    """Spaces (and the format's no-break tokens and leaked space entities) right
    after ``pos``."""
    tokens = _reading(tokens)
    q = pos
    n = len(text)
    kinds: list[str] = []
    while q < n:
        c = text[q]
        if c in SPACES:
            kinds.append(c)
            q += 1
            continue
        if c in GAP_INVISIBLE:
            q += 1
            continue
        if c in TAG_SET:
            e = q + 1
            while e < n and text[e] in TAG_SET:
                e += 1
            if flag_tags(text, q, e):
                break
            q = e
            continue
        for tok, kind in tokens:
            if text.startswith(tok, q):
                kinds.append(kind)
                q += len(tok)
                break
        else:
            break
    return Gap(pos, q, _classify("".join(kinds)))


# --------------------------------------------------------------------------- space before


#: The spaces a space-before match is made of; with what it reads through, the
#: characters its run of spaces is made of; and a sign right after one of them,
#: where every match ends (see :func:`_space_before_matches`).
_SP = "[ \\t\u00a0\u202f\u2009\u2007]"
_SPACE_RUN = (
    frozenset(" \t\u00a0\u202f\u2009\u2007")
    | GAP_INVISIBLE
    | char_set(BIDI_CLASS)
    | char_set(TAG_CLASS)
)
#: (Led by the sign, found by a byte map, with the character before it looked back
#: at: led by the class of spaces, the regex tested it at every character.)
_SIGN_AFTER_SPACE = re.compile(
    f"[,.;:!?](?<=[ \\t\u00a0\u202f\u2009\u2007{_INVISIBLE_CLASS}{BIDI_CLASS}{TAG_CLASS}][,.;:!?])"
)


@functools.cache
def space_before_pattern(not_after: str, before: str, *, glued_comma: bool) -> re.Pattern[str]:
    """Spaces then a run of ``, . ; : ! ?`` (group 1), in a language's own quotes.

    Memoised: the rules ask for it at each use, so that it is compiled at the
    first (its invisible-character classes cost 1 ms each at every start).

    The spaces follow a character that is neither a space, a sign nor one of
    ``not_after`` (the language's opening marks: a sign right after one is quoted,
    not spaced), and the signs come before a space, the end or one of ``before``
    (its closing marks); with ``glued_comma``, also before a word glued to a comma
    (``instalado ,pero``).

    NEL (``\\x85``) is read as the ``…`` c1-control writes, not as the whitespace
    ``\\s`` takes it for, and an ellipsis after the signs as ``...`` is (part of the
    run): ``;\\x85 Are``, ``;… Are`` and ``;... Are`` are one spaced semicolon, and the
    space before it went or stayed by the order of the quick fixes.
    """
    glued = r"|(?<=,)[^\W\d_]" if glued_comma else ""
    # Invisible characters are read through (see GAP_INVISIBLE): the match is the
    # same before and after invisible-character removes them.
    inv = _INVISIBLE_CLASS + BIDI_CLASS + TAG_CLASS
    sp = _SP
    return re.compile(
        rf"(?<=[^\s,.;:!?{re.escape(not_after)}{inv}]|\x85)[{inv}]*{sp}(?:{sp}|[{inv}])*"
        rf"([,.;:!?][,.;:!?…\x85]*)(?=[^\S\x85]|[{re.escape(before)}]|${glued})"
    )


def _space_before_matches(
    pattern: re.Pattern[str], text: str, start: int, end: int
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, start, end)`` for a :func:`space_before_pattern`,
    found from the few signs that follow a space instead of trying every position.

    A match is a run of spaces and invisible characters (at least one space) then
    signs, after a character outside that run (its lookbehind excludes spaces and
    invisible characters): so it starts where the run before its first sign
    starts, and ``pattern.match`` there decides. A sign ends a run, so runs and
    matches never overlap and each run is walked back once: linear.
    """
    for a in _SIGN_AFTER_SPACE.finditer(text, start, end):
        p = a.start() - 1  # the space (it may stand before ``start``: skipped below)
        while p > 0 and text[p - 1] in _SPACE_RUN:
            p -= 1
        if p < start:
            continue
        m = pattern.match(text, p, end)
        if m is not None:
            yield m


_SIGN_NAMES = {",": "comma", ".": "full stop", ";": "semicolon", ":": "colon",
               "!": "exclamation mark", "?": "question mark"}  # fmt: skip
_CODE_CHARS = frozenset("=/\\|<>$_`{}")


def command_token(text: str, pos: int, start: int) -> bool:
    """Does the token ending at ``pos`` look like code (``IFS=``, ``-xf``, a path)?"""
    q = pos
    while q > start and not text[q - 1].isspace():
        q -= 1
    tok = text[q:pos]
    return tok.startswith("-") or not _CODE_CHARS.isdisjoint(tok)


#: A question or exclamation mark right before a full stop or a comma is a sign
#: being named, not a clause's end (iconv-lite: "set to � or ?. No transliteration").
_MENTIONED_SIGNS = frozenset({"?.", "?,", "!.", "!,"})


#: ``param1 : int``, ``x, y : array_like``, ``*args : tuple``: a NumPy-style
#: docstring's parameter line (name, `` : ``, type), its description indented below.
_PARAMETER = re.compile(r"[ \t]*\**[A-Za-z_]\w*(?:, ?\**[A-Za-z_]\w*)*")


def _parameter_line(text: str, space: int, colon_end: int) -> bool:
    """Is the `` :`` at ``space`` that of a NumPy docstring's parameter line? The
    line is names, `` : `` and a type, and the next line is indented deeper (its
    description); ``Note : this is the only copy.`` is no such line."""
    ls = line_start(text, space)
    if _PARAMETER.fullmatch(text, ls, space) is None or not text.startswith(" ", colon_end):
        return False
    nl = text.find("\n", colon_end)
    if nl < 0:
        return False
    # a type, not a sentence: a few words (``str, optional``), no full stop at the end
    kind = text[colon_end:nl].strip()
    if len(kind.split()) > _TYPE_WORDS or kind.endswith("."):
        return False
    after = text.find("\n", nl + 1)
    # read as the line will be once other fixes delete what a reader does not see
    nxt = drop_unseen(text[nl + 1 : after if after >= 0 else len(text)])
    indent = len(text[ls:space]) - len(text[ls:space].lstrip(" \t"))
    deeper = len(nxt) - len(nxt.lstrip(" \t"))
    return bool(nxt.strip()) and deeper > indent


#: A NumPy parameter's type has at most this many words (``array_like of shape (n,)``).
_TYPE_WORDS = 5


def _named_between_words(text: str, run: str, end: int) -> bool:
    """``a ! modifier``, ``No ! allowed``, ``expr2 ? expr1``: a ``!`` or ``?`` alone
    between words, the next one in lowercase, is a sign being named or an operator;
    a sentence would go on with a capital (Vim's manuals). So is each sign of a
    list (``before ; : ! or ?``)."""
    if not text.startswith(" ", end):
        return False
    # the next visible character, read through the blanks (collapsed or not by
    # doubled-space) and what other fixes delete
    q = end
    while q < len(text) and (text[q] in INLINE_BLANKS or text[q] in _UNSEEN_CHARS):
        q += 1
    if q >= len(text):
        return False
    after = text[q]
    # a list of signs (``ASCII , ; : ! ? or .``) names each of them
    return after in _SIGN_LIST or (run in ("!", "?") and after.islower())


#: A sign followed by a space and one of these is one of a list of signs.
_SIGN_LIST = frozenset(",;:!?.")


def space_before_findings(
    r: Rule,
    ctx: ProseContext,
    pattern: re.Pattern[str],
    language: str,
    *,
    signs: str = ",.;:!?",
    commands: bool = True,
) -> Iterator[Finding]:
    """A space before punctuation in ``language``'s paragraphs (``pattern`` from
    :func:`space_before_pattern`), French-style spacing named as such; the fix only
    removes the space. With ``commands``, ``IFS= ,`` and ``find . -name`` (a
    command, not a sentence) are left alone."""
    text = ctx.text
    for start, end, _ in ctx.index.runs():
        for m in _space_before_matches(pattern, text, start, end):
            # the fix starts at the first space: invisible characters and bidi
            # controls before it are other rules' business
            lead = _BIDI_SKIP.match(text, m.start())
            s, e = (lead.end() if lead else m.start()), m.start(1)
            # NEL as the ``…`` c1-control writes, and ``…`` as ``...``: ``?…`` is
            # ``?...`` (see :func:`space_before_pattern`)
            shown = m.group(1).replace("\x85", "…")
            run = shown.replace("…", "...")
            # the visible character before the run (a ZWSP between it and the space
            # is gone once fixed: ``x::y\u200b ;`` must read as ``x::y ;`` reads)
            if (
                run[0] not in signs
                or run.startswith("..")
                or not ctx.prose(m.start() - 1, m.end(1))
            ):
                continue
            if run[:2] in _MENTIONED_SIGNS or _named_between_words(text, run, m.end(1)):
                continue
            if run == ":" and _parameter_line(text, s, m.end(1)):
                continue
            if _repaired_before(ctx, pattern, m.start(), m.end(1)):
                continue
            if commands and (
                command_token(text, s, start) or (run == "." and text.startswith(" -", m.end(1)))
            ):
                continue
            name = _SIGN_NAMES[run[0]]
            if run[0] in ";:!?":
                kind = "no-break space" if any(c in NOBREAK for c in text[s:e]) else "space"
                msg = f"French-style {kind} before the {name} in {language} text: remove it"
            else:
                msg = f"Space before the {name}: remove it"
            yield r.finding(s, m.end(1), msg, [Fix(s, e, "", f"Remove the space before {shown}")])


# --------------------------------------------------------------------------- apostrophes

#: An apostrophe between two letters: an elision (``l’eau``, ``un'altra``).
ELISION = re.compile(r"['’](?<=[^\W\d_]['’])(?=[^\W\d_])")


def _elision(text: str, pos: int) -> bool:
    return ELISION.match(text, pos) is not None


def apostrophe_minority(
    r: Rule, ctx: ProseContext, counted: Callable[[str, int], bool] = _elision
) -> Iterator[Finding]:
    """The apostrophes written unlike most of the document's (the typographic ’ wins
    a tie), each with a fix to the majority form. Only those in the context's
    paragraphs, in prose and accepted by ``counted`` (by default: between letters)
    are counted; found with ``str.find``, ten times faster than a class regex."""
    text = ctx.text
    # the apostrophes of the whole text, found once per document (French and Italian)
    every = ctx.doc.cached("prose.apostrophes", lambda d: find_chars(d.text, "'’"))
    found = ctx.index.inside(every)
    if ctx.mask:
        found = ctx.mask.uncovered(found)
    uses = [(p, text[p]) for p in found if counted(text, p)]
    counts = Counter(c for _, c in uses)
    if not (counts["’"] and counts["'"]):
        return
    major = "’" if counts["’"] >= counts["'"] else "'"
    minor = "'" if major == "’" else "’"
    for p, c in uses:
        if c == minor:
            yield r.finding(
                p,
                p + 1,
                f"Apostrophe {c} in a document that mostly uses {major} "
                f"({counts[major]} to {counts[minor]}): use {major}",
                [Fix(p, p + 1, major, f"Use {major}")],
            )


# --------------------------------------------------------------------------- context


@dataclass
class ProseContext:
    """A document seen by the rules of one language family: its text, its non-prose
    mask, the paragraphs in that family and the file type's descriptor."""

    doc: Document
    text: str
    mask: Mask
    index: FamilyIndex
    config: Config
    markup: Markup

    def tag_at(self, offset: int) -> str | None:
        return self.index.tag_at(offset)

    def prose(self, start: int, end: int | None = None) -> bool:
        return not (self.mask and self.mask.covers(start, end))

    def gap_in_prose(self, gap: Gap) -> bool:
        """Every character of ``gap`` is prose but the format's no-break tokens, which
        are the spaces' own syntax: LaTeX's ``\\,`` is a command (not prose), and a
        gap `` \\,`` must be judged as `` \u202f`` is, or the space left before it
        once a fix wrote it stayed there in one order and not in another."""
        if not self.mask:
            return True
        text = self.text
        tokens = _reading(self.markup.nobreak_tokens)
        i = gap.start
        while i < gap.end:
            for tok, _ in tokens:
                if text.startswith(tok, i):
                    i += len(tok)
                    break
            else:
                if self.mask.covers(i):
                    return False
                i += 1
        return True


def prose_context(doc: Document, config: Config, language: str) -> ProseContext | None:
    """The context of ``language``'s paragraphs (None when there are none), built once
    per document and configuration and shared by every rule of that language."""
    key = f"prose.context:{language}"
    hit = doc._cache.get(key)
    if hit is not None and hit[0] is config:
        return hit[1]  # type: ignore[no-any-return]
    index = family_index(doc, config, language)
    ctx = (
        ProseContext(doc, doc.text, non_prose(doc), index, config, markup_of(doc))
        if index
        else None
    )
    doc._cache[key] = (config, ctx)
    return ctx


def prose_for(rule: Rule, doc: Document, config: Config) -> ProseContext | None:
    """The prose context of the language ``rule`` declares (``languages={"fr"}``)."""
    if not rule.languages or len(rule.languages) != 1:
        raise ValueError(f"rule {rule.id} must declare exactly one language")
    (language,) = rule.languages
    return prose_context(doc, config, language)


# --------------------------------------------------------------------------- space after

#: Opening quotation marks and brackets: what follows them is quoted, not a clause.
_OPENERS = "«“‘„‚\"'([{"
#: ``([,;:!?]+»?|»)(?=[^\W\d_])``, written to start with one class (``»`` alone, or
#: a run of signs and maybe a ``»``): led by an alternation, the regex was tried at
#: every character of the paragraph; led by a class, it skips ahead at C speed.
_GLUED_AFTER = re.compile(r"([,;:!?»](?:(?<=»)|(?<!»)[,;:!?]*»?))(?=[^\W\d_])")
_GLUED_DATA = re.compile(r"(?<=[^\W\d_])[,;:](?=[^\W\d_])")


def _letters_after(text: str, pos: int, end: int) -> int:
    """How many letters follow ``pos`` (up to 3 are counted)."""
    n = 0
    while pos < end and n < 3 and text[pos].isalpha():
        n += 1
        pos += 1
    return n


#: The body of an HTML/XML character reference, up to (not including) its ``;``.
_ENTITY_BODY = re.compile(
    r"&(?:amp;)*(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31})\Z"
)


def closes_entity(text: str, pos: int) -> bool:
    """Is the ``;`` at ``pos`` the end of a character reference (``&eacute;``, ``&#8239;``)?

    Markup syntax is not prose punctuation: reading that ``;`` as a semicolon
    made fix-all write ``sé curité`` for a leaked ``s&eacute;curité``.
    """
    return (
        text.startswith(";", pos) and _ENTITY_BODY.search(text, max(0, pos - 40), pos) is not None
    )


#: ``word.Word``: a full stop glued to a capitalised word. The lookbehind keeps
#: the match to word starts (linear), and to words not inside a path, URL, domain
#: or dotted name (``docs.python.Org``, ``os.path.Join``).
#: ``word.Word`` glued; not when ``Word`` ends a link text, a code span or a line:
#: ``[Intl.Collator](…)``, ``### Yallist.Node`` name a class (npm READMEs).
_GLUED_STOP = re.compile(
    r"(?<![\w./\\@:_~-])([^\W\d_]{2,})\.([^\W\d_]{2,})"
    r"(?![\w./\\@(_~\]`-])(?![ \t]*(?:\r|\n|\Z))"
)


_DOT_BEFORE_LETTER = re.compile(r"\.(?=[^\W\d_])")
_LETTER = re.compile(r"[^\W\d_]")


def _glued_stops(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """``_GLUED_STOP.finditer(text, start, end)``, found from the full stops that
    come before a letter (a literal search) instead of trying every word start.

    A match's first word is the whole run of letters before its stop: its
    lookbehind refuses a letter before it. So each such stop names the one place
    a match may start, and ``_GLUED_STOP.match`` there decides; a match ends
    before a character that is no letter, so the next run starts after it.
    """
    letter = _LETTER.match
    for d in _DOT_BEFORE_LETTER.finditer(text, start, end):
        q = d.start()
        while q > 0 and letter(text, q - 1):
            q -= 1
        if q < start or q == d.start():
            continue
        m = _GLUED_STOP.match(text, q, end)
        if m is not None:
            yield m


def glued_full_stop(
    text: str, start: int, end: int, ctx: ProseContext
) -> Iterator[tuple[int, int]]:
    """Full stops glued to the sentence after them (``prêt.Vous``, ``end.Next``,
    ``Mr.Smith``): yields the span of the stop.

    Only a word ending in a lowercase letter, then a capital and lowercase letters,
    in prose: abbreviations of single letters (``e.g``, ``U.S.A``), decimals and
    versions (digits), file names (``README.md``: lowercase after the stop),
    product names in capitals (``ASP.NET``), dotted names and URLs are left alone.
    """
    for m in _glued_stops(text, start, end):
        left, right = m.group(1), m.group(2)
        if not (left[-1].islower() and right[0].isupper() and right[1:].islower()):
            continue
        s = m.end(1)
        if not ctx.prose(m.start(1), m.end(2)) or "." in text[m.end(2) : m.end(2) + 1]:
            continue
        yield s, s + 1


#: What the full-stop rules leave alone, for their documentation.
FULL_STOP_EXPLANATION = """
Only a word ending in a lowercase letter followed by a capitalised word: single-letter
abbreviations (`e.g.`, `U.S.A.`), decimals and versions, file names (`README.md`),
names in capitals (`ASP.NET`), dotted names, paths and URLs are left alone, and so
is a capitalised word that ends a link text, a code span or a line (`[Intl.Collator]`,
`### Yallist.Node`: class names). The fix is offered but not applied by fix-all: a
name such as `Node.Js` is rare but real."""


def full_stop_findings(r: Rule, ctx: ProseContext) -> Iterator[Finding]:
    """``glued_full_stop`` as findings; the fix is offered, never applied by fix-all."""
    text = ctx.text
    for start, end, _ in ctx.index.runs():
        for s, e in glued_full_stop(text, start, end, ctx):
            yield r.finding(
                s,
                e + 1,
                "No space after the full stop before the next sentence: add one",
                [Fix(e, e, " ", "Insert a space after the full stop", safe=False)],
            )


#: Characters other fixes delete: invisible characters, bidi and removed controls, tags.
_UNSEEN_CHARS = char_set(UNSEEN_CLASS)


def glued_after(
    text: str,
    start: int,
    end: int,
    ctx: ProseContext,
    keeps_space_before: Callable[[str, str], bool] | None = None,
) -> Iterator[tuple[int, int]]:
    """Spans of ``, ; : ! ? »`` runs glued to the next word, outside the exceptions.

    ``keeps_space_before(sign, blank)``: does the paragraph's typography keep that
    blank before ``sign``? Only a kept one says the sign is spaced French-style
    (``30 :nous``); one that a spacing fix removes (fr-CA ``12:30 ;sécurité``) would
    say so before that fix and not after it. None: every one is kept (the space-before
    checks leave a sign glued to the next word alone)."""
    all_tokens = ctx.markup.nobreak_tokens
    tokens = [t for t in all_tokens if t[1]]
    for m in _GLUED_AFTER.finditer(text, start, end):
        s, e = m.span(1)
        # read through what other fixes delete (``mot \u200b;suite`` is ``mot ;suite``)
        p = s
        while p > 0 and text[p - 1] in _UNSEEN_CHARS:
            p -= 1
        prev = text[p - 1] if p > 0 else ""
        if prev and not prev.isascii() and (repaired := _safe_repair_ends(ctx.doc).get(p)):
            # ``â€œ;suite`` is ``“;suite``: the sign follows a quote, not the letter ``œ``
            prev = repaired[-1]
        first = s - 1  # where the prose must start: the token is markup
        # A no-break token is one blank (LaTeX ``\\,»Voir``: the ``,`` is the
        # token's, the ``»`` after it is the sign), as the fix that wrote it meant.
        for tok, ch in tokens:
            for k in range(1, len(tok)):
                if text.startswith(tok, s - k):
                    s, prev = s - k + len(tok), ch
                    first = s
                    break
            else:
                if text.endswith(tok, 0, s):
                    prev, first = ch, s
                continue
            break
        if s >= e:
            continue
        run = text[s:e]
        # the character before the whole gap (``mot  ;suite`` is ``mot ;suite`` once
        # doubled-space has run, ``mot\\,;suite`` once a French fix has), read
        # through what other fixes delete (``\u200b ;Are`` starts its line) and
        # space entities (``&nbsp; ,`` is two blanks, as html-entity will write it)
        b = _start_of_gap(text, s, all_tokens) - 1
        if b >= 0 and not text[b].isascii():
            b = _through_blank_repairs(ctx.doc, text, b, s, all_tokens)
        before = text[b] if b >= 0 else ""
        if before == ";" and (value := entity_ending_at(text, b + 1)):
            before = value[-1]
        elif before and not before.isascii() and (value := _safe_repair_ends(ctx.doc).get(b + 1)):
            before = value[-1]  # a repair's result: ``â€œ ;suite`` is ``“ ;suite``
        # "30 :nous", "liste :pommes": spaced before (French style) but glued to the
        # word after. Short words stay alone: ":D", ":p" (emoticons), ":wq" (Vim).
        spaced_before = (
            prev in " \u00a0\u202f"
            and (keeps_space_before is None or keeps_space_before(run[0], prev))
            and before != ""
            and not before.isspace()
            # «\u00a0:set hls\u00a0»: a sign right inside an opening quote or bracket
            # starts a quoted literal (a command), it ends no clause
            and before not in _OPENERS
            # `` ; ;Bonjour``: a sign after a sign is one run once the space goes
            and before not in ",;:!?"
            and (_letters_after(text, e, end) >= 3 or text[e] == "«")
        )
        if run != "»" and not (prev.isalpha() or prev in ')]"”’»' or spaced_before):
            continue
        if "::" in run or not ctx.prose(first, e + 1) or closes_entity(text, s):
            continue
        # the word around it: data such as a,b,c or key:value;k2:v2 is not a sentence
        # (after a no-break token the word starts at the sign: ``Noël\\,»Caf`` is
        # ``Noël »Caf``, not one word holding the token's comma)
        ws = s
        while first < s and ws > start and not text[ws - 1].isspace():
            ws -= 1
        we = e
        while we < end and not text[we].isspace():
            we += 1
        word = text[ws:we]
        if len(_GLUED_DATA.findall(word)) >= 2 or "=" in word or "/" in word or "@" in word:
            continue
        if word.strip(_WORD_WRAP).lower() in _GLUED_WORDS or _literal(word, s - ws):
            continue
        if run[-1] in "!?" and text[e].islower() and not spaced_before:
            continue  # Yahoo!mail, a?b: identifiers rather than a lost space
        if run == ":" and not spaced_before:
            continue  # clé:valeur, fig:plan, C:foo — notation, not a lost space
        if run == ":" and _ROLE_LIKE.match(text, s):
            # a reST role, maybe already split by a spacing tool (the French Python
            # glossary's ``:keyword : `if```): a space after its colon splits it more
            continue
        yield s, e


_ROLE_LIKE = re.compile(r":[a-z][\w.+-]*[ \u00a0\u202f]?:`?")


_CAMEL = re.compile(r"[a-z][A-Z]")
_LAST_WORD = re.compile(r"[^\W\d_]+$")
_FIRST_WORD = re.compile(r"[^\W\d_]+")
_QUOTES = "\"'`"


def _literal(word: str, at: int) -> bool:
    """Is ``word``, glued at ``at`` by a sign, a literal rather than two sentences?
    A quoted value (``"unix,dos"``, ``"bold,underline"``) or identifiers in camel
    case (``BufRead,BufNewFile``): Vim's manuals wrote 470 such glued commas."""
    w = word.rstrip(".,;:!?)")
    if len(w) >= 3 and w[0] in _QUOTES and w[-1] == w[0]:
        return True
    if _CAMEL.search(word, 0, at) is not None or _CAMEL.search(word, at) is not None:
        return True
    # a pair in brackets (``(row,col)``, ``\{n,m}``, ``a{b,c}``)
    if any(o in word[:at] and c in word[at:] for o, c in ("()", "{}", "[]")):
        return True
    # single letters or acronyms on both sides (``x,y``, ``:N,M``, ``TCP,IP``)
    left = _LAST_WORD.search(word, 0, at)
    right = _FIRST_WORD.match(word, at + 1)
    if left is None or right is None:
        return False
    a, b = left.group(), right.group()
    return (len(a) == 1 and len(b) == 1) or (a.isupper() and b.isupper() and len(a + b) > 2)


#: Words written with a glued sign (glob's README: ``**tl;dr**``).
_GLUED_WORDS = frozenset({"tl;dr"})
#: Markup and punctuation around such a word.
_WORD_WRAP = "*_~`'\"()[]{}<>.,:;!?"


def _start_of_gap(text: str, pos: int, tokens: Tokens) -> int:
    """Where the blanks before ``pos`` start, read through spaces, no-break tokens,
    space entities and every character other fixes delete (bidi controls too)."""
    q = pos
    while True:
        q = gap_before(text, q, tokens).start
        r = q
        while r > 0 and text[r - 1] in _UNSEEN_CHARS:
            r -= 1
        if r == q:
            return q
        q = r


def _repaired_before(ctx: ProseContext, pattern: re.Pattern[str], at: int, end: int) -> bool:
    """Is the character before ``at`` the end of a safe mojibake repair whose
    repaired form does not allow the match ``text[at:end]``? ``â€œ  ;`` is ``“  ;``:
    a space after an opening quote, not after the letter ``œ``; reading the damaged
    text instead made the fix depend on whether the repair ran first."""
    text = ctx.text
    b = at
    while b > 0 and text[b - 1] in GAP_INVISIBLE:
        b -= 1
    if b == 0 or text[b - 1].isascii():
        return False
    repaired = _safe_repair_ends(ctx.doc).get(b)
    if repaired is None:
        return False
    probe = repaired + text[b : end + 1]
    return pattern.match(probe, len(repaired)) is None


def _through_blank_repairs(doc: Document, text: str, b: int, gap_end: int, tokens: Tokens) -> int:
    """The character before a gap that ends at ``gap_end``, when the one at ``b`` is
    the start of a safe repair to a blank ending inside the gap: ``Â  ;Are`` is
    ``\u00a0 ;Are`` once repaired, a sign after blanks at the start of a line, and it
    must read so before the repair as after it."""
    spans = _safe_repair_spans(doc)
    while b >= 0 and not text[b].isascii():
        for end in range(b + 1, gap_end + 1):
            span = spans.get(end)
            if span is not None and span[0] <= b:
                break
        else:
            return b
        start, repaired = span
        if not repaired or not all(c in " \u00a0\u202f\t" for c in repaired):
            return b
        b = _start_of_gap(text, start, tokens) - 1
    return b


def _safe_repair_spans(doc: Document) -> dict[int, tuple[int, str]]:
    """The safe mojibake repairs by their end offset (their start and repaired text)."""

    def compute(d: Document) -> dict[int, tuple[int, str]]:
        return {r.end: (r.start, r.repaired) for r in mojibake_repairs(d) if r.safe}

    return doc.cached("prose.repair_spans", compute)


def _safe_repair_ends(doc: Document) -> dict[int, str]:
    """The safe mojibake repairs by their end offset (their repaired text)."""

    def compute(d: Document) -> dict[int, str]:
        return {r.end: r.repaired for r in mojibake_repairs(d) if r.safe}

    return doc.cached("prose.repair_ends", compute)
