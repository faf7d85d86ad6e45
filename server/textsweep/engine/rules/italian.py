"""Italian typography, only in prose paragraphs detected (or declared) as Italian.

Conventions: common Italian typographic practice as described by R. Lesina,
*Il nuovo manuale di stile* (Zanichelli), and the Treccani language pages
(punteggiatura, virgolette, apostrofo): punctuation follows the word without a
space; caporali « » enclose the quotation, most often without inner spaces
(some publishers set a thin space: a policy, ``textsweep.italian.guillemets``);
the elision and truncation apostrophe (``un’altra``, ``po’``) written one way
throughout a text.

Never inside URLs, code, times (``12:30``), emoticons or ``?!``: the prose
context (:mod:`..prose`) masks what is not prose.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..config import Config
from ..document import Document
from ..model import Finding, Fix, Severity
from ..options import options_of, setting
from ..prose import (
    ELISION,
    NBSP,
    apostrophe_minority,
    gap_after,
    gap_before,
    prose_for,
    space_before_findings,
    space_before_pattern,
)
from ..registry import Example, Rule, Scope, clean, rule

FAMILY = "italian"


def _guillemets_setting() -> Any:
    return setting(
        "none",
        "guillemets",
        "choice",
        "The space inside `« »` in Italian: `none` (`«testo»`, the most common practice) "
        "or `space` (`« testo »`, as some publishers set it; any space is accepted, a "
        "missing one is added as U+00A0 NO-BREAK SPACE).",
        choices=("none", "space"),
        labels=("none", "space"),
        descriptions=("«testo»", "« testo »"),
    )


@dataclass(frozen=True)
class ItalianOptions:
    """``textsweep.italian``: the space inside caporali « »."""

    guillemets: str = _guillemets_setting()


# --------------------------------------------------------------------------- space before


def _space_before_re() -> re.Pattern[str]:
    """The spaces before a sign, compiled at its first use (a Italian paragraph):
    its classes of invisible characters cost every start 1 ms to compile."""
    return space_before_pattern("([{«»“\"'‘–-", '"”’»)]', glued_comma=True)


@rule(
    "italian-space-before",
    options=ItalianOptions,
    languages={"it"},
    scope=Scope.PARAGRAPH,
    family=FAMILY,
    severity=Severity.WARNING,
    description="Italian: a space before , . ; : ! or ? (French-style spacing included).",
    explanation="""
Italian punctuation follows the word without a space (Lesina; Treccani,
*punteggiatura*). A French-style (no-break) space before `; : ! ?` is reported
too. An ellipsis (` ...`), a file extension (` .txt`), an emoticon (` :-)`), a
sign at the start of a line, `12:30` and code are left alone. The fix only
removes the space.""",
    examples=[
        Example(
            "Che cosa vuoi ? Dimmelo : ti ascolto .\n",
            "Che cosa vuoi? Dimmelo: ti ascolto.\n",
            settings={"language": "it"},
        ),
        Example(
            "Attenzione\u00a0! Il file verrà sovrascritto.\n",
            "Attenzione! Il file verrà sovrascritto.\n",
            settings={"language": "it"},
        ),
        clean("Rinomina il file in .txt e avvia alle 12:30 ... davvero?!\n", language="it"),
        clean("È stato divertente :-) e lo rifaremo.\n", language="it"),
    ],
)
def italian_space_before(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    ctx = prose_for(r, doc, config)
    if ctx is not None:
        yield from space_before_findings(r, ctx, _space_before_re(), "Italian")


# --------------------------------------------------------------------------- guillemets

_GUILLEMET = re.compile(r"[«»]")


@rule(
    "italian-guillemets",
    options=ItalianOptions,
    languages={"it"},
    scope=Scope.PARAGRAPH,
    family=FAMILY,
    severity=Severity.WARNING,
    description="Italian: a space inside « » (or none, when `textsweep.italian.guillemets` "
    "is `space`).",
    explanation="""
Most Italian publishers set caporali without inner spaces (`«testo»`, Lesina);
some set a space (`« testo »`). The policy `textsweep.italian.guillemets` picks
one: `none` (default) removes a space after `«` or before `»`; `space` adds a
U+00A0 NO-BREAK SPACE where none is. A mark alone at the end or start of a
line is left alone.""",
    examples=[
        Example(
            "Lo chiamavano « il maestro » in paese.\n",
            "Lo chiamavano «il maestro» in paese.\n",
            settings={"language": "it"},
        ),
        Example(
            "Lo chiamavano «il maestro» in paese.\n",
            "Lo chiamavano «\u00a0il maestro\u00a0» in paese.\n",
            settings={"language": "it", "italian": {"guillemets": "space"}},
        ),
        clean("Lo chiamavano «il maestro» in paese.\n", language="it"),
        clean(
            "Lo chiamavano « il maestro » in paese.\n",
            language="it",
            italian={"guillemets": "space"},
        ),
    ],
)
def italian_guillemets(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    ctx = prose_for(r, doc, config)
    if ctx is None:
        return
    spaced = options_of(config.options, ItalianOptions, FAMILY).guillemets == "space"
    nobreak = ctx.markup.write_nobreak(NBSP)
    text = ctx.text
    tokens = ctx.markup.nobreak_tokens
    n = len(text)
    for start, end, _ in ctx.index.runs():
        for m in _GUILLEMET.finditer(text, start, end):
            p = m.start()
            c = m.group()
            if not ctx.prose(p):
                continue
            if c == "«":
                gap = gap_after(text, p + 1, tokens)
                other = text[gap.end] if gap.end < n else ""
                where = "after «"
            else:
                gap = gap_before(text, p, tokens)
                other = text[gap.start - 1] if gap.start > 0 else ""
                where = "before »"
            if not other or other in "\r\n«»":
                continue
            if spaced and not gap.kind:
                s, e = (p, p + 2) if c == "«" else (p - 1, p + 1)
                yield r.finding(
                    s,
                    e,
                    f"No space {where}: the configured style (space) wants one",
                    [Fix(gap.start, gap.end, nobreak, f"Insert a no-break space {where}")],
                )
            elif not spaced and gap.kind:
                s, e = (p, gap.end) if c == "«" else (gap.start, p + 1)
                yield r.finding(
                    s,
                    e,
                    f"Space {where}: Italian caporali take no inner space",
                    [Fix(gap.start, gap.end, "", f"Remove the space {where}")],
                )


# --------------------------------------------------------------------------- apostrophe

_TRUNCATION = re.compile(r"(?<![\w'’])[Pp]o['’](?=[\s,.;:!?»)]|$)")


def _counted(text: str, p: int) -> bool:
    """An elision (``un’altra``) or the truncation ``po’``."""
    if ELISION.match(text, p):
        return True
    return p >= 2 and _TRUNCATION.match(text, p - 2) is not None


@rule(
    "italian-apostrophe",
    options=ItalianOptions,
    languages={"it"},
    family=FAMILY,
    severity=Severity.HINT,
    description="Italian: one document writing the apostrophe both as ’ and ' "
    "(`un’altra`, `un'altra`, `po’`, `po'`).",
    explanation="""
An elision (`un’altra`, `l’uso`) or truncation (`po’`) apostrophe written
differently from the rest of the document; the minority form is reported with
a fix to the majority (the typographic ’ wins a tie). Quotes in code, commands
and markup are not prose and are not counted.""",
    examples=[
        Example(
            "Un’altra volta, un po’ di pazienza e l'ultima prova.\n",
            "Un’altra volta, un po’ di pazienza e l’ultima prova.\n",
            settings={"language": "it"},
        ),
        clean("Un’altra volta, un po’ di pazienza e l’ultima prova.\n", language="it"),
        clean("Un'altra volta, un po' di pazienza e l'ultima prova.\n", language="it"),
    ],
)
def italian_apostrophe(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    ctx = prose_for(r, doc, config)
    if ctx is not None:
        yield from apostrophe_minority(r, ctx, _counted)
