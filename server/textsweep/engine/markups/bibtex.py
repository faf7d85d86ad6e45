"""BibTeX databases: parsed like LaTeX, held to source-code defaults."""

from __future__ import annotations

from ..document import Document
from ..markup import Markup, register
from ..structure._spans import Span


def latex_spans(doc: Document) -> list[Span]:
    """:func:`..structure.latex.latex_spans`, imported on first use: a check of a file
    of another type never loads that parser nor compiles its patterns."""
    from ..structure.latex import latex_spans

    return latex_spans(doc)


MARKUP = register(
    Markup(
        name="bibtex",
        language_ids=("bibtex",),
        prose=False,
        non_prose=latex_spans,
        comment=("% ", ""),
    )
)
