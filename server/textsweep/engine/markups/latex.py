"""LaTeX: commands, math and verbatim are not prose; ``~`` and ``\\,`` write the
no-break spaces."""

from __future__ import annotations

import re

from ..document import Document
from ..markup import NBSP, NNBSP, Markup, register
from ..structure._spans import Span


def latex_spans(doc: Document) -> list[Span]:
    """:func:`..structure.latex.latex_spans`, imported on first use: a check of a file
    of another type never loads that parser nor compiles its patterns."""
    from ..structure.latex import latex_spans

    return latex_spans(doc)


#: ``~`` and ``\\,`` (and their long names) write U+00A0 and U+202F.
TOKENS = (("~", NBSP), ("\\,", NNBSP), ("\\thinspace", NNBSP), ("\\nobreakspace", NBSP))

_VERBATIM = re.compile(
    r"\\begin\{(verbatim|Verbatim|lstlisting|minted|alltt|comment|filecontents)\*?\}"
    r".*?(?:\\end\{\1\*?\}|\Z)",
    re.DOTALL,
)


def comment_allowed(doc: Document, offset: int) -> bool:
    """Not inside a verbatim-like environment (``%`` is printed there)."""
    spans = doc.cached(
        "latex.verbatim",
        lambda d: [m.span() for m in _VERBATIM.finditer(d.text)] if "\\begin{" in d.text else [],
    )
    return not any(s < offset < e for s, e in spans)


MARKUP = register(
    Markup(
        name="latex",
        collapses_blanks=True,
        language_ids=("latex", "tex"),
        extensions={".tex": "latex"},
        non_prose=latex_spans,
        nobreak_tokens=TOKENS,
        nbsp="~",
        narrow_nbsp="\\,",
        comment=("% ", ""),
        trailing_comment=True,
        comment_allowed=comment_allowed,
    )
)
