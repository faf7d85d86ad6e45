"""AsciiDoc: plain text's heuristics and layout, plus the delimited listing,
literal, passthrough and comment blocks and the markup lines AsciiDoc marks
itself (see :mod:`..structure.asciidoc`)."""

from __future__ import annotations

from ..document import Document
from ..markup import Markup, register
from ..structure._spans import Span, merge
from ..structure.asciidoc import block_spans
from ..structure.plaintext import plain_text_spans


def asciidoc_spans(doc: Document) -> list[Span]:
    return merge([*plain_text_spans(doc), *block_spans(doc.text)])


MARKUP = register(
    Markup(
        name="asciidoc",
        collapses_blanks=True,
        language_ids=("asciidoc",),
        extensions={".adoc": "asciidoc", ".asciidoc": "asciidoc"},
        non_prose=asciidoc_spans,
        comment=("// ", ""),
    )
)
