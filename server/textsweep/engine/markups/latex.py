"""LaTeX: commands, math and verbatim are not prose; ``~`` and ``\\,`` write the
no-break spaces."""

from __future__ import annotations

from ..markup import NBSP, NNBSP, Markup, register
from ..structure.latex import latex_spans

#: ``~`` and ``\\,`` (and their long names) write U+00A0 and U+202F.
TOKENS = (("~", NBSP), ("\\,", NNBSP), ("\\thinspace", NNBSP), ("\\nobreakspace", NBSP))

MARKUP = register(
    Markup(
        name="latex",
        language_ids=("latex", "tex"),
        extensions={".tex": "latex"},
        non_prose=latex_spans,
        nobreak_tokens=TOKENS,
        nbsp="~",
        narrow_nbsp="\\,",
        comment=("% ", ""),
    )
)
