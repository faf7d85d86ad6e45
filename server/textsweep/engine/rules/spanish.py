"""Spanish typography, only in prose paragraphs detected (or declared) as Spanish.

Conventions: Real Academia Española, *Ortografía de la lengua española* (2010),
§ 3.4.3 (signos de interrogación y de exclamación: the opening ``¿ ¡`` are
compulsory and mark where the question or exclamation begins, written without a
space before the first word; the closing ``? !`` follow the last word without a
space), § 3.4.8 (comillas angulares « », written without inner spaces) and
§ 3.4.1–3.4.7 (no space before ``, . ; :``).

- no space before ``, . ; : ! ?`` (French-style spaces included), none after
  ``¿ ¡ «`` or before ``»``;
- ``¿…?`` and ``¡…!`` paired: a closing mark without its opening one is a hint
  whose fix (never applied by fix-all) puts the opening mark at the start of the
  clause; an opening mark never closed is reported.

Never inside URLs, code, times (``12:30``), emoticons or ``?!``: the prose
context (:mod:`..prose`) masks what is not prose.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..config import Config
from ..document import Document
from ..model import Finding, Fix, Severity
from ..prose import (
    INLINE_BLANKS,
    gap_after,
    gap_before,
    prose_for,
    space_before_findings,
    space_before_pattern,
)
from ..registry import Example, Rule, Scope, clean, rule

FAMILY = "spanish"


@dataclass(frozen=True)
class SpanishOptions:
    """``textsweep.spanish`` has no options yet (every key is reported as unknown)."""


def _space_before_re() -> re.Pattern[str]:
    """The spaces before a sign, compiled at its first use (a Spanish paragraph):
    its classes of invisible characters cost every start 1 ms to compile."""
    return space_before_pattern("¿¡([{«“\"'‘–-", '"”’»)]', glued_comma=True)


@rule(
    "spanish-space-before",
    options=SpanishOptions,
    languages={"es"},
    scope=Scope.PARAGRAPH,
    family=FAMILY,
    severity=Severity.WARNING,
    description="Spanish: a space before , . ; : ! or ? (French-style spacing included).",
    explanation="""
RAE, Ortografía (2010), § 3.4: punctuation marks are written right after the
word before them. A French-style (no-break) space before `; : ! ?` is reported
too. An ellipsis (` ...`), a file extension (` .txt`), an emoticon (` :-)`), a
sign at the start of a line, `12:30` and code are left alone. The fix only
removes the space.""",
    examples=[
        Example("¿ Qué ?\n", "¿ Qué?\n", settings={"language": "es"}),
        Example(
            "El paquete no está instalado , pero funciona .\n",
            "El paquete no está instalado, pero funciona.\n",
            settings={"language": "es"},
        ),
        Example(
            "¡Qué sorpresa\u202f! Nadie lo esperaba.\n",
            "¡Qué sorpresa! Nadie lo esperaba.\n",
            settings={"language": "es"},
        ),
        clean("Renombre el archivo a .txt y ya está ... o casi.\n", language="es"),
        clean("¿De verdad?! Empieza a las 12:30 :-)\n", language="es"),
    ],
)
def spanish_space_before(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    ctx = prose_for(r, doc, config)
    if ctx is not None:
        yield from space_before_findings(r, ctx, _space_before_re(), "Spanish")


_INSIDE = re.compile(r"[¿¡«»]")
#: What a « opening a quotation may follow without a blank (``(«``, ``—«``).
_OPENS = "([{«“‘\"'¿¡—–-"


@rule(
    "spanish-space-inside",
    options=SpanishOptions,
    languages={"es"},
    scope=Scope.PARAGRAPH,
    family=FAMILY,
    severity=Severity.WARNING,
    description="Spanish: a space after ¿ ¡ « or before ».",
    explanation="""
RAE, Ortografía (2010), § 3.4.3 and § 3.4.8: the opening `¿ ¡` and the
guillemets `« »` are written against the words they enclose. The fix removes the
space. A mark alone at the end or start of a line is left alone. A `«` glued to the
word before it closes a quotation (typed for `»`): that is flagged, with `»` offered.
A `«` between blanks while a quotation is open may close it too: the space after it
is flagged, but its removal is only offered.""",
    examples=[
        Example("¿ Qué ?\n", "¿Qué ?\n", settings={"language": "es"}),
        Example(
            "Lo llamaban « el maestro » en el pueblo.\n",
            "Lo llamaban «el maestro» en el pueblo.\n",
            settings={"language": "es"},
        ),
        Example(
            "¡ Qué bien! Ya funciona.\n", "¡Qué bien! Ya funciona.\n", settings={"language": "es"}
        ),
        clean("Lo llamaban «el maestro». ¿Por qué? ¡Quién sabe!\n", language="es"),
        Example(
            "Navega por la información de cuenta «oculta« de su equipo.\n",
            "Navega por la información de cuenta «oculta« de su equipo.\n",
            settings={"language": "es"},
            note="a « glued to a word closes the quotation: » is offered, never applied",
        ),
    ],
)
def spanish_space_inside(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    ctx = prose_for(r, doc, config)
    if ctx is None:
        return
    text = ctx.text
    tokens = ctx.markup.nobreak_tokens
    n = len(text)
    for start, end, _ in ctx.index.runs():
        quoting = False  # a « opened and not closed yet in this run
        for m in _INSIDE.finditer(text, start, end):
            p = m.start()
            c = m.group()
            if not ctx.prose(p):
                continue
            if c == "»":
                quoting = False
                gap = gap_before(text, p, tokens)
                prv = text[gap.start - 1] if gap.start > 0 else ""
                if gap.kind and prv and prv not in "\r\n«»":
                    yield r.finding(
                        gap.start,
                        p + 1,
                        "Space before »: Spanish guillemets take no inner space",
                        [Fix(gap.start, gap.end, "", "Remove the space before »")],
                    )
                continue
            gap = gap_after(text, p + 1, tokens)
            nxt = text[gap.end] if gap.end < n else ""
            if c == "«" and p > 0 and not text[p - 1].isspace() and text[p - 1] not in _OPENS:
                # ``la «oculta« de``, ``entre «…« o``: a « glued to what comes before
                # closes a quotation (typed for »); removing the space after it would
                # glue the quotation to the next word
                quoting = False
                if gap.kind:
                    yield r.finding(
                        p,
                        p + 1,
                        "« after a word closes the quotation here: Spanish closes with »",
                        [Fix(p, p + 1, "»", "Write »", safe=False)],
                    )
                continue
            # ``«Pin-Priority: 1 « en vez``: a « between blanks while one is open
            # may close it (typed for »): the space is then outside the quotation
            closing = c == "«" and quoting
            if c == "«":
                quoting = not closing
            if gap.kind and nxt and nxt not in "\r\n«»":
                yield r.finding(
                    p,
                    gap.end,
                    f"Space after {c}: Spanish writes it against the next word",
                    [Fix(gap.start, gap.end, "", f"Remove the space after {c}", safe=not closing)],
                )


# --------------------------------------------------------------------------- ¿…? ¡…!

_MARKS = re.compile(r"[¿¡?!.;:…\n]")
_PAIR = {"?": "¿", "!": "¡"}
_LEAD = " \t\r\n\u00a0\u202f«“\"'‘([—–-"


def _closes(text: str, p: int, n: int) -> bool:
    """Is the ``?``/``!`` at ``p`` a sentence's closing mark (not ``a?b``, ``(?)``)?"""
    prv = text[p - 1] if p > 0 else ""
    if not (prv.isalnum() or prv in "»”\"')] \u00a0\u202f"):
        return False
    nxt = text[p + 1] if p + 1 < n else ""
    return not nxt or nxt.isspace() or nxt in "?!.,;:»”\"')]…"


def _blank_line_after(text: str, p: int, end: int) -> bool:
    """Is the line starting at ``p`` blank? A line of no-break spaces is blank to a
    reader: rendered manuals put one between a heading (``Sugerencia``) and its
    paragraph, and the clause must not run on from the heading."""
    while p < end and text[p] in INLINE_BLANKS:
        p += 1
    return p < end and text[p] in "\r\n"


def _named_sign(text: str, p: int, n: int) -> bool:
    """Is the ``?``/``!`` at ``p`` a sign named inside a sentence, between blanks and
    before a lower-case word (``Pulsando ? se muestra la ayuda``: the key)? A
    question's closing mark ends its clause; it is not read on from."""
    if p == 0 or text[p - 1] not in INLINE_BLANKS or p + 2 >= n or text[p + 1] not in INLINE_BLANKS:
        return False
    return text[p + 2].islower()


@rule(
    "spanish-inverted-marks",
    options=SpanishOptions,
    languages={"es"},
    scope=Scope.PARAGRAPH,
    family=FAMILY,
    severity=Severity.HINT,
    description="Spanish: a question or exclamation without its opening ¿ or ¡, or an "
    "opening mark never closed.",
    explanation="""
RAE, Ortografía (2010), § 3.4.3: the opening marks are compulsory in Spanish
(unlike Catalan or Galician) and go where the question or exclamation begins,
which is not always the start of the sentence (`Si no vienes, ¿qué hacemos?`).
A closing `?` or `!` with no opening mark since the last full stop, colon or
semicolon is a hint; its fix puts the opening mark at the start of that clause
and is only offered, never applied by fix-all. Runs such as `?!` count as one
sign; `(?)`, `a?b`, a sign named between blanks before a lower-case word
(`Pulsando ? se muestra la ayuda`), URLs and code are left alone.""",
    examples=[
        Example(
            "Qué tal?\n",
            "Qué tal?\n",
            settings={"language": "es"},
            note="fix offered one at a time: `¿Qué tal?`",
        ),
        Example(
            "Hola. Vienes mañana? Te espero.\n",
            "Hola. Vienes mañana? Te espero.\n",
            settings={"language": "es"},
        ),
        clean("Si no vienes, ¿qué hacemos? ¡Qué pena!\n", language="es"),
        clean("¿Funciona?! Sí, desde ayer (?) más o menos.\n", language="es"),
    ],
)
def spanish_inverted_marks(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    ctx = prose_for(r, doc, config)
    if ctx is None:
        return
    text = ctx.text
    n = len(text)
    for start, end, _ in ctx.index.runs():
        clause = start  # where the current clause begins
        opened: list[int] = []  # positions of ¿ ¡ not closed yet
        p = start
        for m in _MARKS.finditer(text, start, end):
            p = m.start()
            c = m.group()
            if c == "\n":
                if _blank_line_after(text, p + 1, end):
                    clause, opened = p + 1, []
                continue
            if c in "¿¡":
                if ctx.prose(p):
                    opened.append(p)
                continue
            if c in ".;:…":
                if c == "." and p + 1 < n and not text[p + 1].isspace():
                    continue  # 1.5, archivo.txt
                if c == ":" and p + 1 < n and not text[p + 1].isspace():
                    continue  # 12:30
                for q in opened:
                    yield r.finding(
                        q, q + 1, f"{text[q]} never closed before the end of its sentence"
                    )
                clause, opened = p + 1, []
                continue
            # ? or !
            if p > start and text[p - 1] in "?!":
                continue  # the tail of a ?! run
            if not _closes(text, p, n) or not ctx.prose(p):
                clause = p + 1
                continue
            want = _PAIR[c]
            partner = "¿¡" if c in "?!" else want
            hit = next(
                (i for i in range(len(opened) - 1, -1, -1) if text[opened[i]] in partner), None
            )
            if hit is not None:
                del opened[hit:]
            elif _named_sign(text, p, n):
                continue
            else:
                q = clause
                while q < p and text[q] in _LEAD:
                    q += 1
                word = text[q:p].strip()
                if word and ctx.prose(q, p) and any(ch.isalpha() for ch in word):
                    label = "question" if c == "?" else "exclamation"
                    yield r.finding(
                        q,
                        p + 1,
                        f"A {label} without its opening {want}: Spanish opens it with {want}",
                        [Fix(q, q, want, f"Insert {want} at the start of the clause", safe=False)],
                    )
            clause, opened = p + 1, []
        for q in opened:
            yield r.finding(q, q + 1, f"{text[q]} never closed in this paragraph")
