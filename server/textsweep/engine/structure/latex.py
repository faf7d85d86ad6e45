"""LaTeX: commands, verbatim-like and math environments, math, comments.

Prose is what is typeset as text: the arguments of ``\\emph{…}`` or
``\\section{…}`` stay prose, but command names, their optional arguments, and the
arguments of reference-like commands (``\\label``, ``\\ref``, ``\\url``…) are not.
``~`` is a no-break space: the French rules accept ``mot~:``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import cache

from ..document import Document
from ._spans import Span, gaps, merge
from .plain import _find_all, heuristic_spans

_VERBATIM_ENVS = (
    "verbatim|Verbatim|lstlisting|minted|alltt|comment|filecontents|tikzpicture|pgfpicture"
    "|equation|align|gather|multline|flalign|alignat|eqnarray|displaymath|math|array|tabular"
    "|CJK|forest|dot2tex|luacode|pycode|verbatimwrite|tcblisting"
)
_ENV = re.compile(
    r"\\begin\{(?P<env>(?:" + _VERBATIM_ENVS + r")\*?)\}.*?\\end\{(?P=env)\}", re.DOTALL
)
_TABULAR_ENVS = frozenset({"tabular", "tabular*", "array"})
#: Commands whose (first) braced argument is not prose.
_ARG_COMMANDS = (
    r"label|ref|eqref|pageref|autoref|cref|Cref|cite[a-zA-Z]*|url|href|nolinkurl|input|include"
    r"|includegraphics|includeonly|usepackage|RequirePackage|documentclass|bibliography"
    r"|bibliographystyle|begin|end|newcommand|renewcommand|providecommand|DeclareMathOperator"
    r"|newenvironment|setlength|addtolength|setcounter|hypersetup|lstset|definecolor|color"
    r"|textcolor|pagestyle|thispagestyle|pagenumbering|graphicspath|ifthenelse|newlength"
    r"|selectlanguage|foreignlanguage|lstinputlisting|inputminted|texttt|path|vspace|hspace"
)
#: Optional ``[…]`` arguments: at most this long. Unbounded, each of many unclosed
#: ``\\cite[`` read on to the end of the text (quadratic); real ones are short.
_OPT = r"\[[^\]]{0,1000}\]"
_OPT_LINE = r"\[[^\]\r\n]{0,1000}\]"
_DMATH = r"|(?P<dmath>\$\$.*?\$\$|\\\[.*?\\\]|\\\(.*?\\\))"
_SPANS_SOURCE = (
    r"(?P<comment>(?<!\\)%[^\r\n]*)"
    r"|(?P<verb>\\(?:verb|lstinline|mintinline\{[^}]*\})\*?(?P<d>[^\sa-zA-Z{])[^\r\n]*?(?P=d))"
    r"|(?P<mintbrace>\\(?:lstinline|mintinline\{[^}]*\})\{[^}\r\n]*\})"
    + _DMATH
    + r"|(?P<math>(?<!\\)\$(?:\\.|[^$\\])+?\$)"
    r"|(?P<argcmd>\\(?:" + _ARG_COMMANDS + r")\*?(?:" + _OPT + r")*"
    r"(?:\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\})"
    r"(?:" + _OPT + r")?(?:\{[^{}]*\})?)"
    # expl3's names hold ``_`` and end in a ``:`` signature (``\\group_begin:``,
    # ``\\cs_new:Npn``, ``\\__ERA_dv_ia``): read as one command, not a word and a colon
    r"|(?P<cmd>\\(?:_*[a-zA-Z@]+(?:_+[a-zA-Z@]+)+(?::[a-zA-Z]*)?|[a-zA-Z@]+\*?|[^a-zA-Z\s])"
    r"(?:" + _OPT_LINE + r")*)"
    r"|(?P<brace>[{}&])"
)


@cache
def _spans_re(dmath: bool) -> re.Pattern[str]:
    """The markup pattern (``dmath`` False: without display math, for an opener whose
    closer never comes), compiled at its first use: 5 ms at every start, for LaTeX only.
    """
    return re.compile(_SPANS_SOURCE if dmath else _SPANS_SOURCE.replace(_DMATH, ""), re.DOTALL)


#: Display math openers and their closers (``$$`` has no other branch).
_DMATH_CLOSERS = {"$$": "$$", "\\[": "\\]", "\\(": "\\)"}
_ENV_HEAD = re.compile(r"\\begin\{(" + _VERBATIM_ENVS + r")\*?\}")
_ENV_END = re.compile(r"\\end\{((?:" + _VERBATIM_ENVS + r")\*?)\}")


class _Closers:
    """Sorted offsets of each closer in a text: does one start in ``[lo, hi)``?"""

    def __init__(self, text: str, closers: list[str]) -> None:
        self._at = {c: _find_all(text, c) for c in closers}

    def any_in(self, closer: str, lo: int, hi: int) -> bool:
        at = self._at[closer]
        j = bisect.bisect_left(at, lo)
        return j < len(at) and at[j] < hi


def _environments(text: str) -> Iterator[Span]:
    """The spans of ``_ENV.finditer(text)``, not trying an environment whose
    ``\\end`` never comes (each of many ``\\begin{verbatim}`` read on to the end)."""
    if "\\begin{" not in text:
        return
    last_end: dict[str, int] = {}
    for end in _ENV_END.finditer(text):
        last_end[end.group(1)] = end.start()
    pos = 0
    for i in _find_all(text, "\\begin{"):
        if i < pos:
            continue
        head = _ENV_HEAD.match(text, i)
        if head is None or last_end.get(text[head.start(1) : head.end() - 1], -1) < head.end():
            continue
        m = _ENV.match(text, i)
        if m:
            yield m.span()
            pos = m.end()


#: Every branch of the markup pattern starts with one of these.
_SPANS_FIRST = "%\\${}&"


def _markup(
    text: str, starts: list[int], start: int, end: int, closers: _Closers
) -> Iterator[Span]:
    """The spans of ``_spans_re(True).finditer(text, start, end)``, tried only where a branch
    can start, and display math only when its closer comes before ``end``."""
    pos = start
    for i in starts[bisect.bisect_left(starts, start) :]:
        if i >= end:
            break
        if i < pos:
            continue
        with_dmath = True
        opener = text[i : i + 2]
        closer = _DMATH_CLOSERS.get(opener)
        if closer is not None and not closers.any_in(closer, i + 2, end - 1):
            if opener == "$$":
                continue
            with_dmath = False
        m = _spans_re(with_dmath).match(text, i, end)
        if m:
            yield m.span()
            pos = max(m.end(), i + 1)


#: Commands that write a space (the no-break tokens of the LaTeX markup).
_SPACE_COMMANDS = frozenset({"\\,", "\\thinspace", "\\nobreakspace"})


def latex_spans(doc: Document) -> list[Span]:
    text = doc.text
    spans: list[Span] = list(_environments(text))
    blocks = merge(spans)
    starts = sorted(i for c in _SPANS_FIRST if c in text for i in _find_all(text, c))
    closers = _Closers(text, list(_DMATH_CLOSERS.values()))
    for s, e in list(gaps(blocks, 0, len(text))):
        spans.extend(_markup(text, starts, s, e, closers))
    # A space command (``\\,`` written by a French fix) is no boundary for the plain
    # heuristics: cutting the text there split a block of records in two, and the
    # paragraph's language changed with the fix.
    # They are read as the space they write: ``mot\\,;def`` looked like code where
    # ``mot ;def`` did not, so whether the French fix ran first decided the verdict.
    space = [sp for sp in spans if text[sp[0] : sp[1]] in _SPACE_COMMANDS]
    marked = merge(sp for sp in spans if text[sp[0] : sp[1]] not in _SPACE_COMMANDS)
    view = _spaces_written(text, sorted(space))
    for s, e in list(gaps(marked, 0, len(text))):
        spans.extend(heuristic_spans(view, s, e))
    if "  " in text or "\t" in text:
        spans.extend(_layout_runs(text))
    if "=" in text or "," in text:
        spans.extend(m.span() for m in _KEY_LISTS.finditer(text))
    return merge(spans)


#: Lists a package reads, not prose: options with a key (``node[draw,fill=yellow!20,
#: text centered]``, ``{bg=black!5}``), and names parted by commas without a blank
#: (``\\tcbuselibrary{%`` ``documentation,theorems%`` ``}``). The French and English
#: rules spaced their commas and ``!`` (TeX Live's visualtikz, beamer templates).
_KEY_LISTS = re.compile(
    r"\[[^\[\]\n]*=[^\[\]\n]*\]"
    r"|\{[^{}\n]*\w=[^{}\n]*\}"
    r"|\{(?:%[ \t]*\n[ \t]*)?[^{}\s%]+,[^{}\s%]+(?:%[ \t]*\n[ \t]*)?\}"
)


_BLANK_RUN = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")
_ITEM = re.compile(r"\\item(?:\[[^\]]*\])?")


def _layout_runs(text: str) -> Iterator[Span]:
    """Runs of blanks that lay out the source, which TeX collapses anyway: before a
    comment (``\\tableofcontents      % la TdM``), beside a cell separator (``a  &
    b``, ``--->  \\&``: tables aligned in columns), between a control sequence and
    another or a brace (``\\newcount\\n      \\newcount\\p``, expl3's
    ``\\cs_undefine:N  \\l_x_int``) and after ``\\item`` (the item's text aligned):
    1,243 doubled spaces in TeX Live's French, German, Spanish and Italian
    packages, nearly all of them these."""
    for m in _BLANK_RUN.finditer(text):
        s, e = m.span()
        after = text[e]
        if after in "%&" or text[s - 1] == "&" or text.startswith(("\\&", "\\\\"), e):
            yield s, e
            continue
        ls = max(text.rfind(" ", 0, s), text.rfind("\t", 0, s), text.rfind("\n", 0, s))
        if text[ls + 1] == "\\" and (after in "\\{}" or _ITEM.fullmatch(text, ls + 1, s)):
            yield s, e


def _spaces_written(text: str, commands: list[Span]) -> str:
    """``text`` with each space command replaced by the space it writes, padded
    with zero-width spaces (which the heuristics read through) to keep offsets."""
    if not commands:
        return text
    parts: list[str] = []
    pos = 0
    for s, e in commands:
        if s < pos:
            continue
        space = "\u00a0" if text[s:e] == "\\nobreakspace" else "\u202f"
        parts += (text[pos:s], space, "\u200b" * (e - s - 1))
        pos = e
    parts.append(text[pos:])
    return "".join(parts)


#: A preamble that sets French with babel or polyglossia (``french``, ``francais``,
#: ``frenchb``, ``acadian``, ``canadien`` as a class or package option; polyglossia's
#: main language), and the settings that switch babel's spacing off.
_FRENCH_SET = re.compile(
    r"\\(?:documentclass|usepackage)\[[^\]]*\b(?:french|francais|frenchb|acadian|canadien)\b"
    r"|\\set(?:default|main)language(?:\[[^\]]*\])?\{french\}"
    r"|\\babelprovide(?:\[[^\]]*\])?\{french\}"
)
_AUTOSPACE_OFF = re.compile(
    r"AutoSpacePunctuation\s*=\s*false|\\NoAutoSpacing\b|autospace\s*=\s*false"
)


def autospaced_punctuation(doc: Document) -> bool:
    """Does the typesetting write the space before ``; : ! ?`` itself? babel's and
    polyglossia's French do (``mot: suite`` and ``mot : suite`` both come out with
    the right no-break space), so a space missing or breakable in the source is no
    fault. True when the preamble sets French so, or when the file has no preamble
    (a chapter, whose main file sets the language); False when it switches that off
    or sets French otherwise. TeX Live's French documentation: 53 missing-space
    warnings, and a safe fix wrote ``\\string~:`` and ``\\group_end:`` apart."""

    def compute(d: Document) -> bool:
        text = d.text
        if _AUTOSPACE_OFF.search(text):
            return False
        head = text.find("\\begin{document}")
        if "\\documentclass" not in text[: head if head >= 0 else len(text)]:
            return True
        return _FRENCH_SET.search(text, 0, head if head >= 0 else len(text)) is not None

    return doc.cached("latex.autospaced", compute)
