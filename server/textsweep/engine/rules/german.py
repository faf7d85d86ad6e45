"""German typography, only in prose paragraphs detected (or declared) as German
(de, de-DE, de-AT, de-CH).

Conventions: Duden, *Die deutsche Rechtschreibung* (Textverarbeitung und
E-Mails: Satzzeichen, Anführungszeichen, Gedankenstrich, Abkürzungen) for de-DE
and de-AT; the Schweizer Typografische Gesellschaft / *Schweizer Wörterbuch*
practice of guillemets «…» pointing outwards and set without inner spaces for
de-CH.

- no space before ``, . ; : ! ?`` (French-style no-break spaces included);
- quotation marks „…“ or »…« (de-CH «…»): balanced in a paragraph, no space
  inside, not mixed with straight "…" in one document;
- a hyphen between spaces used as a Gedankenstrich (hint: `` – ``);
- abbreviations such as ``z. B.``, ``d. h.``, ``u. a.`` with a no-break space
  between their parts (an option, ``textsweep.german.abbreviations``, off by
  default: Duden asks for a space, and a no-break one in typeset text).

Never inside URLs, code, times (``12:30``), ratios, emoticons or ``?!``: the
prose context (:mod:`..prose`) masks what is not prose.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..config import Config
from ..document import Document
from ..model import Finding, Fix, Severity
from ..options import options_of, setting
from ..prose import (
    NBSP,
    NNBSP,
    command_token,
    gap_after,
    gap_before,
    prose_for,
    space_before_findings,
    space_before_pattern,
)
from ..registry import Example, Rule, Scope, clean, rule

FAMILY = "german"


def _abbreviation_setting() -> Any:
    return setting(
        "off",
        "abbreviations",
        "choice",
        "Whether `z. B.`, `d. h.`, `u. a.` and the like must join their parts with a "
        "no-break space (Duden: a space, kept on one line in typeset text). `off` checks "
        "nothing; `nbsp` wants U+00A0 NO-BREAK SPACE; `narrow` wants U+202F NARROW "
        "NO-BREAK SPACE (either no-break space is accepted once one is asked for).",
        choices=("off", "nbsp", "narrow"),
        labels=("off", "nbsp", "narrow"),
        descriptions=(
            "abbreviations are not checked",
            "U+00A0 NO-BREAK SPACE between the parts",
            "U+202F NARROW NO-BREAK SPACE between the parts",
        ),
    )


@dataclass(frozen=True)
class GermanOptions:
    """``textsweep.german``: the spacing of multi-part abbreviations."""

    abbreviations: str = _abbreviation_setting()


# --------------------------------------------------------------------------- space before


def _space_before_re() -> re.Pattern[str]:
    """The spaces before a sign, compiled at its first use (a German paragraph):
    its classes of invisible characters cost every start 1 ms to compile."""
    return space_before_pattern("([{«»„“\"'‚‘–-", '"“”’»«)]', glued_comma=True)


@rule(
    "german-space-before",
    options=GermanOptions,
    languages={"de"},
    scope=Scope.PARAGRAPH,
    family=FAMILY,
    severity=Severity.WARNING,
    description="German: a space before , . ; : ! or ? (French-style spacing included).",
    explanation="""
Duden: punctuation marks follow the word without a space. A French-style space
(often a no-break one) before `; : ! ?` is reported too. An ellipsis (` ...`), a
file extension (` .txt`), an emoticon (` :-)`), a sign at the start of a line,
`12:30` and code are left alone. The fix only removes the space.""",
    examples=[
        Example("„Hallo“… ” ,ok\n", "„Hallo“… ”,ok\n", settings={"language": "de"}),
        Example(
            "Kommst du heute Abend noch vorbei ?\n",
            "Kommst du heute Abend noch vorbei?\n",
            settings={"language": "de"},
        ),
        Example(
            "Wichtig\u202f: das ist die einzige Kopie der Datei.\n",
            "Wichtig: das ist die einzige Kopie der Datei.\n",
            settings={"language": "de"},
        ),
        clean(
            "Die Datei heißt .bashrc und liegt im Heimatverzeichnis ... oder nicht?!\n",
            language="de",
        ),
        clean("Das war lustig :-) und um 12:30 geht es weiter.\n", language="de"),
        clean("Vous venez\u202f? Oui, je viens avec vous.\n", note="French paragraph"),
    ],
)
def german_space_before(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    ctx = prose_for(r, doc, config)
    if ctx is not None:
        yield from space_before_findings(r, ctx, _space_before_re(), "German")


# --------------------------------------------------------------------------- quotation marks

_QUOTES = re.compile(r"[„“”»«]")


def _opens_with(tag: str, first: str) -> str:
    """Which guillemet opens a quotation: « in de-CH (and in a paragraph whose
    first guillemet is «), » otherwise (the German »…«)."""
    if tag.lower().endswith("-ch"):
        return "«"
    return first if first in "«»" else "»"


@rule(
    "german-quotes",
    options=GermanOptions,
    languages={"de"},
    scope=Scope.PARAGRAPH,
    family=FAMILY,
    severity=Severity.WARNING,
    description="German: quotation marks „…“ or »…« (de-CH «…») unbalanced, closed with "
    "the English ”, or spaced inside.",
    explanation="""
Duden: German quotes open with „ (low) and close with “ (high, the sign English
uses to open), or use guillemets pointing inwards »…«; Swiss typography uses «…»
pointing outwards, without inner spaces. A „…” pair is closed with “ (safe fix);
a space just inside the marks is removed (safe fix); a mark left unmatched in
its paragraph is reported without a fix. A quotation that carries over to a
paragraph opening with „ or a guillemet is not reported.""",
    examples=[
        Example(
            "Er sagte: „Hallo” und ging.\n",
            "Er sagte: „Hallo“ und ging.\n",
            settings={"language": "de"},
        ),
        Example(
            "Er sagte: „ Hallo “ und ging.\n",
            "Er sagte: „Hallo“ und ging.\n",
            settings={"language": "de"},
        ),
        Example(
            "Sie nannte es » Kunst « und lachte.\n",
            "Sie nannte es »Kunst« und lachte.\n",
            settings={"language": "de"},
        ),
        Example(
            "„Hallo“… ” ,ok\n",
            "„Hallo“… ” ,ok\n",
            settings={"language": "de"},
            note="the stray ” has no opening mark: reported, not fixed",
        ),
        clean("Er sagte: „Hallo“ und »Tschüss« und ging.\n", language="de"),
        clean("Die Meldung “File not found” erscheint beim Start.\n", language="de"),
        clean("Das Wort «Velo» ist in der Schweiz üblich.\n", language="de-CH"),
    ],
)
def german_quotes(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    ctx = prose_for(r, doc, config)
    if ctx is None:
        return
    text = ctx.text
    tokens = ctx.markup.nobreak_tokens
    ranges = ctx.index.ranges()
    for idx, (start, end, tag) in enumerate(ranges):
        hits = [m.start() for m in _QUOTES.finditer(text, start, end) if ctx.prose(m.start())]
        if not hits:
            continue
        first_g = next((text[p] for p in hits if text[p] in "«»"), "")
        g_open = _opens_with(tag, first_g)
        stack: list[int] = []
        for p in hits:
            c = text[p]
            if c == "„" or c == g_open:
                gap = gap_after(text, p + 1, tokens)
                nxt = text[gap.end] if gap.end < len(text) else ""
                if gap.kind and nxt and nxt not in "\r\n":
                    yield r.finding(
                        p,
                        gap.end,
                        f"Space after the opening {c}: German quotes take no inner space",
                        [Fix(gap.start, gap.end, "", f"Remove the space after {c}")],
                    )
                stack.append(p)
                continue
            want_open = "„" if c in "“”" else g_open
            if c == "”" and stack and text[stack[-1]] == "“":
                stack.pop()  # an English “…” quoted inside German text
                continue
            if stack and text[stack[-1]] == want_open:
                stack.pop()
                gap = gap_before(text, p, tokens)
                prv = text[gap.start - 1] if gap.start > 0 else ""
                if gap.kind and prv and prv not in "\r\n":
                    yield r.finding(
                        gap.start,
                        p + 1,
                        f"Space before the closing {c}: German quotes take no inner space",
                        [Fix(gap.start, gap.end, "", f"Remove the space before {c}")],
                    )
                if c == "”":
                    yield r.finding(
                        p,
                        p + 1,
                        "„ closed with the English ”: German closes with “",
                        [Fix(p, p + 1, "“", "Use “")],
                    )
                continue
            if c == "“" and text[p + 1 : p + 2].isalnum():
                stack.append(p)  # an English-style opening “ (quoted English inside German)
                continue
            yield r.finding(p, p + 1, f"{c} without a matching opening mark in this paragraph")
        if stack:
            nxt_start = ranges[idx + 1][0] if idx + 1 < len(ranges) else None
            head = text[nxt_start : nxt_start + 3].lstrip()[:1] if nxt_start is not None else ""
            if head and head in "„»«":
                continue
            for p in stack:
                yield r.finding(p, p + 1, f"{text[p]} never closed in this paragraph")


# --------------------------------------------------------------------------- mixed quotes

#: a straight-quoted phrase of two or more plain words: "so genannt" (not "ls -l", "a").
#: The quote first, then the look back at what stands before it (a blank, a bracket,
#: the start): led by the look-behind, the regex was tried at every character of
#: every German paragraph (2.5 ms a keystroke in 1 MB); led by ``"``, it skips ahead.
_STRAIGHT_PHRASE = re.compile(r'"(?<![^\s(\[]")([^\W\d_]+(?: [^\W\d_]+)+)"(?![^\W\d_])')


@rule(
    "german-quotes-mixed",
    options=GermanOptions,
    languages={"de"},
    family=FAMILY,
    severity=Severity.HINT,
    description='German: one document quoting with both „…“ (or »…«) and straight "…".',
    explanation="""
Duden asks for one kind of quotation marks throughout a text. Each straight "
opening a quoted phrase of two or more plain words, in a German paragraph of a
document that also uses „…“ or »…«, is reported once, as a hint and without a
fix (which pairs belong
together is for a reader to decide). Straight quotes in code, commands and
markup are not prose and are left alone.""",
    examples=[
        Example(
            'Er sagte „ja“, sie sagte "auf keinen Fall" und ging.\n',
            'Er sagte „ja“, sie sagte "auf keinen Fall" und ging.\n',
            settings={"language": "de"},
        ),
        clean('Er sagte "ja", sie sagte "auf keinen Fall" und ging.\n', language="de"),
        clean('Mit „ls“ und dem Befehl "ls -l" oder der Taste "h" geht es.\n', language="de"),
        clean("Er sagte „ja“, sie sagte „nein“ und ging nach Hause.\n", language="de"),
    ],
)
def german_quotes_mixed(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    ctx = prose_for(r, doc, config)
    if ctx is None:
        return
    text = ctx.text
    typographic = False
    straight: list[int] = []
    for start, end, _ in ctx.index.runs():
        for m in _QUOTES.finditer(text, start, end):
            if m.group() in "„»«" and ctx.prose(m.start()):
                typographic = True
                break
        for m in _STRAIGHT_PHRASE.finditer(text, start, end):
            if ctx.prose(m.start(), m.end()):
                straight.append(m.start())
    if not typographic:
        return
    for p in straight:
        yield r.finding(
            p,
            p + 1,
            'Straight " in a document that quotes with „…“ or »…«: use one kind of quotes',
        )


# --------------------------------------------------------------------------- dash

_SPACED_HYPHEN = re.compile(r"(?<=[^\W\d_,;]) (-{1,2}) (?=[^\W\d_])")


@rule(
    "german-dash",
    options=GermanOptions,
    languages={"de"},
    scope=Scope.PARAGRAPH,
    family=FAMILY,
    severity=Severity.HINT,
    description="German: a hyphen between spaces used as a Gedankenstrich (` – `).",
    explanation="""
Duden: the Gedankenstrich is the en dash `–` with a space on each side; a hyphen
`-` between spaces is a typewriter stand-in. A hint only, with a fix that is
never applied by fix-all: a hyphen between spaces can also be an option or a
list in a command line. Hyphens at the start of a line (list items) and in
compounds (`E-Mail`, `Ein- und Ausgabe`) are left alone.""",
    examples=[
        Example(
            "Das Ergebnis - so viel vorweg - war gut.\n",
            "Das Ergebnis - so viel vorweg - war gut.\n",
            settings={"language": "de"},
            note="the fix ` – ` is offered one at a time",
        ),
        clean("Das Ergebnis – so viel vorweg – war gut.\n", language="de"),
        clean("Die Ein- und Ausgabe per E-Mail funktioniert.\n", language="de"),
    ],
)
def german_dash(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    ctx = prose_for(r, doc, config)
    if ctx is None:
        return
    text = ctx.text
    for start, end, _ in ctx.index.runs():
        for m in _SPACED_HYPHEN.finditer(text, start, end):
            s, e = m.span(1)
            if not ctx.prose(s - 2, e + 2) or command_token(text, s - 1, start):
                continue
            yield r.finding(
                s,
                e,
                "Hyphen between spaces: the German Gedankenstrich is an en dash (–)",
                [Fix(s, e, "–", "Use an en dash (–)", safe=False)],
            )


# --------------------------------------------------------------------------- abbreviations

_ABBREVIATIONS = (
    "z. B.|d. h.|u. a.|o. Ä.|o. ä.|u. Ä.|u. ä.|u. U.|s. o.|s. u.|v. a.|z. T.|m. E.|"
    "i. d. R.|u. v. m.|z. Hd.|i. A.|i. V.|a. a. O.|u. E."
)


@cache
def _abbrev() -> re.Pattern[str]:
    """The abbreviations, compiled at their first use: the pattern cost every start
    7 ms to compile, for German text only."""
    return re.compile(
        r"(?<![\w.])(?:"
        + "|".join(
            r"\.[ \u00a0\u202f]?".join(re.escape(part) for part in a.replace(".", "").split(" "))
            + r"\."
            for a in _ABBREVIATIONS.split("|")
        )
        + r")(?!\w)"
    )


@rule(
    "german-abbreviation-space",
    options=GermanOptions,
    languages={"de"},
    scope=Scope.PARAGRAPH,
    family=FAMILY,
    severity=Severity.INFO,
    description="German: `z. B.`, `d. h.`, `u. a.`… written without a space or with a "
    "breakable one, when `textsweep.german.abbreviations` asks for a no-break space.",
    explanation="""
Duden writes multi-part abbreviations with a space after each full stop
(`z. B.`, not `z.B.`); typeset text keeps them on one line with a (narrow)
no-break space. Off by default (`textsweep.german.abbreviations`: `off`); with
`nbsp` or `narrow` a missing or breakable space is replaced by that no-break
space (a safe fix: no letter changes).""",
    examples=[
        Example(
            "Das gilt z.B. für Dateien, d. h. für alles.\n",
            "Das gilt z.\u202fB. für Dateien, d.\u202fh. für alles.\n",
            settings={"language": "de", "german": {"abbreviations": "narrow"}},
        ),
        clean("Das gilt z. B. für Dateien, d. h. für alles.\n", language="de"),
        clean(
            "Das gilt z.\u00a0B. für Dateien.\n",
            language="de",
            german={"abbreviations": "narrow"},
        ),
    ],
)
def german_abbreviation_space(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    opts = options_of(config.options, GermanOptions, FAMILY)
    if opts.abbreviations == "off":
        return
    ctx = prose_for(r, doc, config)
    if ctx is None:
        return
    want = NBSP if opts.abbreviations == "nbsp" else NNBSP
    written = ctx.markup.write_nobreak(want)
    text = ctx.text
    for start, end, _ in ctx.index.runs():
        for m in _abbrev().finditer(text, start, end):
            s, e = m.span()
            if not ctx.prose(s, e):
                continue
            seps = [text[k + 1] for k in range(s, e - 1) if text[k] == "."]
            if all(c in (NBSP, NNBSP) for c in seps):
                continue
            abbr = m.group()
            yield r.finding(
                s,
                e,
                f"“{abbr}”: join the parts with a no-break space",
                [
                    Fix(
                        s,
                        e,
                        written.join(
                            part for part in re.split(r"(?<=\.)[ \u00a0\u202f]?", abbr) if part
                        ),
                        "Join the parts with a no-break space",
                    )
                ],
            )
