"""BibTeX databases: parsed like LaTeX, held to source-code defaults."""

from __future__ import annotations

from ..markup import Markup, register
from ..structure.latex import latex_spans

MARKUP = register(
    Markup(
        name="bibtex",
        language_ids=("bibtex",),
        prose=False,
        non_prose=latex_spans,
        comment=("% ", ""),
    )
)
