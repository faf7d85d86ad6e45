"""Plain text: prose throughout, minus what heuristics recognise as code, URLs,
e-mail addresses and emoticons, and minus its layout (tables, aligned columns,
console transcripts). Also the descriptor of unknown file types."""

from __future__ import annotations

from ..document import Document
from ..markup import Markup, register
from ..structure._spans import Span, merge
from ..structure.layout import layout_spans
from ..structure.plain import plain_provider


def plain_text_spans(doc: Document) -> list[Span]:
    """The plain-text heuristics plus the layout lines only plain text has to guess
    (Markdown, reST and the other formats mark their tables and code themselves)."""
    return merge([*plain_provider(doc), *layout_spans(doc.text)])


MARKUP = register(
    Markup(
        name="plaintext",
        language_ids=("plaintext", "text"),
        extensions={".txt": "plaintext", ".text": "plaintext"},
        non_prose=plain_text_spans,
        fallback=True,
    )
)
