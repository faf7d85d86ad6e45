"""Inline suppression comments, in whatever comment syntax the file uses.

    textsweep: disable-next-line [rule-id …]
    textsweep: disable-line [rule-id …]
    textsweep: disable [rule-id …]   …   textsweep: enable [rule-id …]

Without rule ids the directive covers every rule. Writers put them in Markdown
(`<!-- … -->`), LaTeX (`% …`), code comments (`# …`, `// …`) alike; we only look
for the words, so no per-language parsing is needed (each file type's
:attr:`.markup.Markup.comment` says which syntax the docs suggest).

This module also writes them (:func:`line_directive`, :func:`file_directive`: the
editor's "Disable … for this line / file" actions) and reports directives that
switch nothing off or name no rule (:func:`directive_findings`, rule
``unused-directive``). Only a directive inside a comment is reported (its words
follow a comment opener), so prose that quotes one, like these docs, is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from typing import NamedTuple

from .document import Document
from .markup import markup_of
from .model import Finding, Fix

DIRECTIVE = re.compile(
    r"textsweep:\s*(disable-next-line|disable-line|disable|enable)\b"
    r"((?:[ \t]*,?[ \t]*[a-z0-9]+(?:-[a-z0-9]+)*)*)"
)
_ALL = "*"
#: The rule that reports unused and unknown directives (never itself "unused").
UNUSED_RULE = "unused-directive"
#: What may open the comment a directive sits in (the words follow it directly).
_OPENER = re.compile(r"(?:<!--|#+|//+|/\*+|%+|--|;+|\.\.|\{-|\(\*|\")[ \t]*\Z")
_CLOSER = re.compile(r"[ \t]*(?:-->|\*+/|-\}|\*\))")


def _rules(arg: str) -> set[str]:
    ids = {x for x in re.split(r"[\s,]+", arg.strip()) if x}
    return ids or {_ALL}


class Directive(NamedTuple):
    """One ``textsweep: …`` directive and the lines it switches rules off on."""

    #: Offsets of the words ``textsweep: …`` (rule ids included).
    start: int
    end: int
    kind: str
    rules: frozenset[str]
    #: ``(rule or "*", first line, last line)`` it switches off (``enable``: none).
    covers: tuple[tuple[str, int, int], ...]
    #: Whether the words follow a comment opener (only those are reported).
    in_comment: bool


def directives(doc: Document) -> list[Directive]:
    """Every directive in the document, in order, with the lines it covers."""

    def compute(d: Document) -> list[Directive]:
        if "textsweep:" not in d.text:
            return []
        text = d.text
        found: list[tuple[re.Match[str], int, frozenset[str], bool]] = []
        covers: list[dict[str, tuple[int, int]]] = []
        #: rule → (directive index, start line) of an open ``disable``
        open_at: dict[str, tuple[int, int]] = {}
        last_line = d.line_count - 1
        for m in DIRECTIVE.finditer(text):
            kind, rules = m.group(1), frozenset(_rules(m.group(2)))
            line = d.line_of(m.start())
            in_comment = _OPENER.search(text, d.line_starts[line], m.start()) is not None
            i = len(found)
            found.append((m, line, rules, in_comment))
            mine: dict[str, tuple[int, int]] = {}
            covers.append(mine)
            if kind == "disable-next-line":
                mine.update(dict.fromkeys(rules, (line + 1, line + 1)))
            elif kind == "disable-line":
                mine.update(dict.fromkeys(rules, (line, line)))
            elif kind == "disable":
                for rule in rules:
                    if rule not in open_at:
                        open_at[rule] = (i, line)
                        mine[rule] = (line, last_line)
            else:  # enable
                closing = list(open_at) if _ALL in rules else [r for r in rules if r in open_at]
                for rule in closing:
                    j, first = open_at.pop(rule)
                    covers[j][rule] = (first, line)
        return [
            Directive(
                m.start(),
                m.end(),
                m.group(1),
                rules,
                tuple((r, a, b) for r, (a, b) in sorted(cov.items())),
                in_comment,
            )
            for (m, _line, rules, in_comment), cov in zip(found, covers, strict=True)
        ]

    return doc.cached("suppress.directives", compute)


def _covering(doc: Document, f: Finding, dirs: Sequence[Directive]) -> list[tuple[int, str]]:
    """``(directive index, rule or "*")`` of the directives that switch ``f`` off."""
    line = doc.line_of(f.start)
    return [
        (i, rule)
        for i, d in enumerate(dirs)
        for rule, first, last in d.covers
        if first <= line <= last and rule in (_ALL, f.rule)
    ]


def filter_suppressed(
    doc: Document,
    findings: Sequence[Finding],
    used: set[tuple[int, str]] | None = None,
    named_only: bool = False,
) -> list[Finding]:
    """Drop findings switched off by directives (cheap when there are none).

    ``used`` collects ``(directive index, rule)`` for each directive that dropped
    something, for :func:`directive_findings`. ``named_only``: only directives that
    name the rule count (an unused ``disable-line`` must not hide its own report).
    """
    if not findings:
        return []
    dirs = directives(doc)
    if not dirs:
        return list(findings)
    kept: list[Finding] = []
    for f in findings:
        hits = _covering(doc, f, dirs)
        if named_only:
            hits = [h for h in hits if h[1] != _ALL]
        if not hits:
            kept.append(f)
        elif used is not None:
            used.update(hits)
    return kept


def directive_findings(
    doc: Document,
    used: set[tuple[int, str]],
    active: Collection[str],
    known: Collection[str],
    unsure: Collection[str],
) -> list[Finding]:
    """``unused-directive`` findings: directives in comments that name an unknown rule,
    or switched nothing off of the ``active`` rules. Rules whose findings were not all
    seen (``unsure``: cut at the findings cap) and rules switched off in the settings
    are never called unused: the directive may be for another configuration."""
    out: list[Finding] = []
    for i, d in enumerate(directives(doc)):
        if not d.in_comment or d.kind == "enable":
            continue
        unknown = sorted(r for r in d.rules if r != _ALL and r not in known)
        if unknown:
            names = ", ".join(f"'{r}'" for r in unknown)
            out.append(
                Finding(
                    d.start,
                    d.end,
                    UNUSED_RULE,
                    f"textsweep directive names unknown rule{'s' if len(unknown) > 1 else ''} "
                    f"{names}",
                )
            )
            continue
        if d.rules == {UNUSED_RULE}:
            continue
        checkable = [
            r
            for r in d.rules
            if r != UNUSED_RULE and (r == _ALL or (r in active and r not in unsure))
        ]
        if _ALL in d.rules and unsure:
            continue
        unused = [r for r in checkable if (i, r) not in used]
        if not unused or len(unused) < len(checkable):
            continue  # it switched something off (a partly used list is left alone)
        if len(checkable) < len([r for r in d.rules if r != UNUSED_RULE]):
            continue  # some of its rules are off or unsure: cannot tell
        what = "every rule" if _ALL in d.rules else ", ".join(sorted(d.rules))
        where = {
            "disable-line": "on its line",
            "disable-next-line": "on the next line",
            "disable": "below it",
        }[d.kind]
        out.append(
            Finding(
                d.start,
                d.end,
                UNUSED_RULE,
                f"unused textsweep directive: {what} found nothing to switch off {where}",
                fixes=(_removal(doc, d),),
            )
        )
    return out


def _removal(doc: Document, d: Directive) -> Fix:
    """Remove the directive's comment: the whole line when the comment is alone on it,
    else the comment and the blanks before it when it ends the line, else the comment.

    Never safe: fix-on-save would delete a directive written just before the text it
    is meant for, and a safe fix never drops a letter (``test_fix_properties``)."""
    text = doc.text
    line = doc.line_of(d.start)
    line_start, line_end = doc.line_span(line)
    opener = _OPENER.search(text, line_start, d.start)
    assert opener is not None
    start, end = opener.start(), d.end
    closer = _CLOSER.match(text, end)
    if closer is not None:
        end = closer.end()
    title = "Remove the unused directive"
    if text[end:line_end].strip():
        return Fix(start, end, "", title, safe=False)
    before = text[line_start:start]
    if before.strip():  # a trailing comment: it goes with the blanks before it
        return Fix(line_start + len(before.rstrip(" \t")), end, "", title, safe=False)
    if line + 1 < doc.line_count:  # the whole line, with its line break
        return Fix(line_start, doc.line_starts[line + 1], "", title, safe=False)
    if line > 0:  # the last line: with the line break before it
        return Fix(doc.line_span(line - 1)[1], len(text), "", title, safe=False)
    return Fix(line_start, line_end, "", title, safe=False)


# ---------------------------------------------------------------------- writing them


def _newline(text: str) -> str:
    m = re.search(r"\r\n|\r|\n", text)
    return m.group(0) if m else "\n"


def comment_syntax(doc: Document) -> tuple[str, str] | None:
    """How a directive is written in ``doc`` (None: the format has no comments)."""
    return markup_of(doc).comment_of(doc.language_id)


def _allowed(doc: Document, offset: int) -> bool:
    check = markup_of(doc).comment_allowed
    return check is None or check(doc, offset)


def _blank(doc: Document, line: int) -> bool:
    s, e = doc.line_span(line)
    return not doc.text[s:e].strip()


def line_directive(doc: Document, finding: Finding) -> Fix | None:
    """Insert a directive switching ``finding.rule`` off on the finding's line.

    In order of preference: a trailing ``disable-line`` comment at the end of the
    line (where the format allows one, the line has no trailing blanks the comment
    would change, and the finding does not reach the line's end); a
    ``disable-next-line`` comment line above it, indented like it (in Markdown, reST
    and Org only above a paragraph's first line, which a comment line would split);
    else a trailing ``disable-next-line`` at the end of the line above. None when
    the format has no comments, or the line is blank (a comment would change the
    blank lines flagged) or in a code block, verbatim or string literal.
    """
    syntax = comment_syntax(doc)
    if syntax is None:
        return None
    markup = markup_of(doc)
    opening, closing = syntax
    text = doc.text
    line = doc.line_of(finding.start)
    start, end = doc.line_span(line)
    content = text[start:end]
    if not content.strip():
        return None
    rule = finding.rule
    title = f"Disable {rule} for this line"
    pad = "  " if markup.prose is False else " "
    trailing_blank = content != content.rstrip(" \t\u00a0\u202f\u3000")
    if markup.trailing_comment and not trailing_blank and finding.end < end and _allowed(doc, end):
        return Fix(end, end, f"{pad}{opening}textsweep: disable-line {rule}{closing}", title)
    indent = content[: len(content) - len(content.lstrip(" \t"))]
    above_ok = not markup.comment_splits_paragraph or line == 0 or _blank(doc, line - 1)
    if above_ok and _allowed(doc, start) and _allowed(doc, start + len(indent)):
        nl = _newline(text)
        return Fix(
            start,
            start,
            f"{indent}{opening}textsweep: disable-next-line {rule}{closing}{nl}",
            title,
        )
    if markup.trailing_comment and line > 0:
        ps, pe = doc.line_span(line - 1)
        prev = text[ps:pe]
        if prev.strip() and prev == prev.rstrip(" \t\u00a0\u202f\u3000") and _allowed(doc, pe):
            return Fix(pe, pe, f"{pad}{opening}textsweep: disable-next-line {rule}{closing}", title)
    return None


_SHEBANG = re.compile(r"#!")
_CODING = re.compile(r"[ \t\f]*#.*?coding[:=][ \t]*[-\w.]+")
_XML_HEAD = re.compile(r"\s*<\?xml[^>]*\?>|\s*<!DOCTYPE[^>]*>", re.IGNORECASE)
_TEX_MAGIC = re.compile(r"%\s*!\s*TE?X", re.IGNORECASE)
_FRONT_MATTER = re.compile(
    r"---[ \t]*\r?\n.*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|\Z)", re.DOTALL
)


def _top(doc: Document) -> int:
    """Where a file directive goes: after a shebang, a Python coding line, an XML
    declaration or doctype, YAML front matter, LaTeX ``% !TeX`` lines."""
    text = doc.text
    markup = markup_of(doc)
    if markup.name == "markdown":
        m = _FRONT_MATTER.match(text)
        if m:
            return m.end()
    if markup.name == "html":
        pos = 0
        while (m := _XML_HEAD.match(text, pos)) is not None:
            pos = m.end()
        if pos:
            nl = re.compile(r"\r\n|\r|\n").match(text, pos)
            return nl.end() if nl else pos
        return 0
    line = 0
    while line < doc.line_count and line < 3:
        s, e = doc.line_span(line)
        if (
            (line == 0 and _SHEBANG.match(text, s))
            or (line < 2 and doc.language_id == "python" and _CODING.match(text, s, e))
            or (markup.name == "latex" and _TEX_MAGIC.match(text, s, e))
        ):
            line += 1
            continue
        break
    return doc.line_starts[line] if line < doc.line_count else len(text)


def file_directive(doc: Document, rule: str) -> Fix | None:
    """Insert ``textsweep: disable <rule>`` at the top of the file (see :func:`_top`),
    followed by a blank line where a comment line would run into a paragraph."""
    syntax = comment_syntax(doc)
    if syntax is None:
        return None
    opening, closing = syntax
    text = doc.text
    nl = _newline(text)
    at = _top(doc)
    if at == len(text) and text and not text.endswith(("\n", "\r")):
        prefix = nl
    else:
        prefix = ""
    directive = f"{prefix}{opening}textsweep: disable {rule}{closing}{nl}"
    if markup_of(doc).comment_splits_paragraph and at < len(text):
        if text[at] not in "\r\n":
            directive += nl
    return Fix(at, at, directive, f"Disable {rule} for this file")
