"""AsciiDoc, checked as plain text for now (no parser of its own yet)."""

from __future__ import annotations

from ..markup import Markup, register
from ..structure.plain import plain_provider

MARKUP = register(
    Markup(
        name="asciidoc",
        language_ids=("asciidoc",),
        extensions={".adoc": "asciidoc"},
        non_prose=plain_provider,
        comment=("// ", ""),
    )
)
