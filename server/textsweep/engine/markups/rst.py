"""reStructuredText: literal blocks, directives, roles and targets are not prose."""

from __future__ import annotations

from ..markup import Markup, register
from ..structure.rst import rst_spans

MARKUP = register(
    Markup(
        name="restructuredtext",
        language_ids=("restructuredtext", "rst"),
        extensions={".rst": "restructuredtext"},
        non_prose=rst_spans,
        comment=(".. ", ""),
        comment_splits_paragraph=True,
    )
)
