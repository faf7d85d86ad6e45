"""Org mode, checked as plain text for now (no parser of its own yet)."""

from __future__ import annotations

from ..markup import Markup, register
from ..structure.plain import plain_provider

MARKUP = register(
    Markup(
        name="org",
        collapses_blanks=True,
        language_ids=("org",),
        extensions={".org": "org"},
        non_prose=plain_provider,
        comment=("# ", ""),
        comment_splits_paragraph=True,
    )
)
