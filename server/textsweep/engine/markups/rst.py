"""reStructuredText: literal blocks, directives, roles and targets are not prose."""

from __future__ import annotations

from ..document import Document
from ..markup import Markup, register
from ..structure._spans import Span


def rst_spans(doc: Document) -> list[Span]:
    """:func:`..structure.rst.rst_spans`, imported on first use: a check of a file
    of another type never loads that parser nor compiles its patterns."""
    from ..structure.rst import rst_spans

    return rst_spans(doc)


MARKUP = register(
    Markup(
        name="restructuredtext",
        collapses_blanks=True,
        language_ids=("restructuredtext", "rst"),
        extensions={".rst": "restructuredtext"},
        non_prose=rst_spans,
        comment=(".. ", ""),
        comment_splits_paragraph=True,
    )
)
