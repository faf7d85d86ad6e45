"""English punctuation spacing, only in prose paragraphs detected (or declared) as
English: no space before ``, . ; : ! ?`` (French-style spacing included), a space
after ``, ; :`` when a word follows. The exceptions are shared with French:
numbers, times, URLs, e-mail addresses, paths, emoticons, C++ ``::`` and code
(:func:`..prose.glued_after`).

``textsweep.english`` has no options yet (:class:`EnglishOptions`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..config import Config
from ..document import Document
from ..language import language_map
from ..model import Finding, Fix, Severity
from ..prose import (
    FULL_STOP_EXPLANATION,
    INLINE_BLANKS,
    NOBREAK,
    full_stop_findings,
    glued_after,
    prose_for,
    space_before_findings,
    space_before_pattern,
)
from ..registry import Example, Rule, Scope, clean, rule

FAMILY = "english"


@dataclass(frozen=True)
class EnglishOptions:
    """``textsweep.english`` has no options yet (every key is reported as unknown)."""


def _space_before_re() -> re.Pattern[str]:
    """The spaces before a sign, compiled at its first use (an English paragraph):
    its classes of invisible characters cost every start 1 ms to compile."""
    return space_before_pattern("([{«“\"'‘-", '"”’»)]', glued_comma=False)


def _space_before(r: Rule, doc: Document, config: Config, signs: str) -> Iterator[Finding]:
    ctx = prose_for(r, doc, config)
    if ctx is not None:
        yield from space_before_findings(
            r, ctx, _space_before_re(), "English", signs=signs, commands=False
        )


@rule(
    "english-space-before",
    options=EnglishOptions,
    languages={"en"},
    scope=Scope.PARAGRAPH,
    family=FAMILY,
    severity=Severity.WARNING,
    description="English: a space before a comma or a full stop.",
    explanation="""
An ellipsis (` ...`), a decimal (` .5`) and a file extension (` .txt`) are left
alone.""",
    examples=[
        Example("Well , that was the end of it .\n", "Well, that was the end of it.\n"),
        clean("He paused ... and then he left the room.\n"),
        clean("Rename the file to .txt and you are done.\n"),
    ],
)
def english_space_before(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    yield from _space_before(r, doc, config, ",.")


@rule(
    "english-french-spacing",
    options=EnglishOptions,
    languages={"en"},
    scope=Scope.PARAGRAPH,
    family=FAMILY,
    severity=Severity.WARNING,
    description="English: a space (often a French-style no-break space) before ; : ! or ?.",
    explanation="""
French typography puts a space before `; : ! ?`; English does not. Emoticons
(` :-)`), list markers and code are left alone. In a document mostly in French, a
no-break space typeset before the sign is more likely a French line read as English
(a heading of a few English words): it is reported, but its removal is only offered.""",
    examples=[
        Example("Are you coming to the meeting ?\n", "Are you coming to the meeting?\n"),
        Example("What a day\u202f! It was great.\n", "What a day! It was great.\n"),
        Example(
            "Note : this is the only copy of the file.\n",
            "Note: this is the only copy of the file.\n",
        ),
        clean("That was fun :-) and we will do it again.\n"),
        clean("Vous venez\u202f? Oui, je viens avec vous.\n", note="French paragraph"),
        clean(
            "Refer to BS 4812 : 1972 for the Hepburn romanization.\n",
            note="a colon between numbers",
        ),
    ],
)
def english_french_spacing(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    french: bool | None = None
    text = doc.text
    for f in _space_before(r, doc, config, ";:!?"):
        if _between_numbers(text, f.start, f.end):
            continue
        if not any(c in NOBREAK for c in text[f.start : f.end]):
            yield f
            continue
        if french is None:
            french = (language_map(doc, config).majority or "").startswith("fr")
        if not french:
            yield f
            continue
        # A no-break space typeset before the sign, in a French document: a French
        # line read as English (``Cas particulier\u00a0: "testing/testing-proposed-
        # updates"``, a heading whose English words are a path). Reported; its
        # removal is only offered.
        yield f._replace(fixes=tuple(x._replace(safe=False) for x in f.fixes))


def _between_numbers(text: str, start: int, end: int) -> bool:
    """Is the finding ``text[start:end]`` (spaces, then the sign) a colon between two
    numbers (``BS 4812 : 1972``, a standard and its year; a ratio)? No sentence's
    colon: removing the space gave ``BS 4812: 1972``, which is no better."""
    if not text[start:end].endswith(":") or start == 0 or not text[start - 1].isdigit():
        return False
    q = end
    while q < len(text) and text[q] in INLINE_BLANKS:
        q += 1
    return q < len(text) and text[q].isdigit()


def _spaced_comma_only(sign: str, blank: str) -> bool:
    """Which sign, spaced before and glued to the next word, is misplaced English
    punctuation? Only a comma (``apples ,pears``). ``the :autocmd command``,
    ``:hover``, ``?pattern``, ``!important`` name commands and selectors; a French
    typist's `` :nous`` does not occur in English text."""
    return sign == ","


@rule(
    "english-space-after",
    options=EnglishOptions,
    languages={"en"},
    scope=Scope.PARAGRAPH,
    family=FAMILY,
    severity=Severity.WARNING,
    description="English: no space after , ; or : when a word follows.",
    explanation="""
Never inside numbers (`3,500`, `12:30`), URLs, e-mail addresses, paths, emoticons,
C++ `::`, code, or data such as `a,b,c` and `key:value`. A sign with a space before
it and none after is flagged only for a comma (`apples ,pears`): `the :autocmd
command` or `?pattern` name a command.""",
    examples=[
        Example("We tried it,but it failed.\n", "We tried it, but it failed.\n"),
        Example(
            "There were two options;neither was good.\n",
            "There were two options; neither was good.\n",
        ),
        clean("It costs 3,500 dollars and starts at 12:30.\n"),
        clean("Use std::vector and see https://example.com/a,b for the list x,y,z.\n"),
        clean("The general form of the :autocmd command is shown below.\n"),
    ],
)
def english_space_after(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    ctx = prose_for(r, doc, config)
    if ctx is None:
        return
    text = ctx.text
    for start, end, _ in ctx.index.runs():
        for s, e in glued_after(text, start, end, ctx, _spaced_comma_only):
            run = text[s:e]
            if run[-1] not in ",;:":
                continue
            yield r.finding(
                s,
                e + 1,
                f"No space after {run}: add one",
                [Fix(e, e, " ", f"Insert a space after {run}")],
            )


@rule(
    "english-space-after-full-stop",
    options=EnglishOptions,
    languages={"en"},
    scope=Scope.PARAGRAPH,
    family=FAMILY,
    severity=Severity.WARNING,
    description="English: a full stop glued to the next sentence (`end.Next`).",
    explanation=FULL_STOP_EXPLANATION,
    examples=[
        Example(
            "The build passed at the end.Next we shipped it, said Mr.Smith.\n",
            "The build passed at the end.Next we shipped it, said Mr.Smith.\n",
            note="the fix is offered one by one, not by fix-all",
        ),
        clean("Use e.g. the U.S.A. office, version 2.Beta, README.md and ASP.NET.\n"),
        clean("See docs.python.Org/3 or call os.path.Join in the script.\n"),
    ],
)
def english_space_after_full_stop(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    ctx = prose_for(r, doc, config)
    if ctx is not None:
        yield from full_stop_findings(r, ctx)
