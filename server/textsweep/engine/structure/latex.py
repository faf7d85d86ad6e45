"""LaTeX: commands, verbatim-like and math environments, math, comments.

Prose is what is typeset as text: the arguments of ``\\emph{…}`` or
``\\section{…}`` stay prose, but command names, their optional arguments, and the
arguments of reference-like commands (``\\label``, ``\\ref``, ``\\url``…) are not.
``~`` is a no-break space: the French rules accept ``mot~:``.
"""

from __future__ import annotations

import re

from ..document import Document
from ._spans import Span, gaps, merge
from .plain import heuristic_spans

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
_SPANS = re.compile(
    r"(?P<comment>(?<!\\)%[^\r\n]*)"
    r"|(?P<verb>\\(?:verb|lstinline|mintinline\{[^}]*\})\*?(?P<d>[^\sa-zA-Z{])[^\r\n]*?(?P=d))"
    r"|(?P<mintbrace>\\(?:lstinline|mintinline\{[^}]*\})\{[^}\r\n]*\})"
    r"|(?P<dmath>\$\$.*?\$\$|\\\[.*?\\\]|\\\(.*?\\\))"
    r"|(?P<math>(?<!\\)\$(?:\\.|[^$\\])+?\$)"
    r"|(?P<argcmd>\\(?:" + _ARG_COMMANDS + r")\*?(?:\[[^\]]*\])*(?:\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\})"
    r"(?:\[[^\]]*\])?(?:\{[^{}]*\})?)"
    r"|(?P<cmd>\\(?:[a-zA-Z@]+\*?|[^a-zA-Z\s])(?:\[[^\]\r\n]*\])*)"
    r"|(?P<brace>[{}&])",
    re.DOTALL,
)


def latex_spans(doc: Document) -> list[Span]:
    text = doc.text
    spans: list[Span] = [m.span() for m in _ENV.finditer(text)]
    blocks = merge(spans)
    for s, e in list(gaps(blocks, 0, len(text))):
        spans.extend(m.span() for m in _SPANS.finditer(text, s, e))
    marked = merge(spans)
    for s, e in list(gaps(marked, 0, len(text))):
        spans.extend(heuristic_spans(text, s, e))
    return merge(spans)
