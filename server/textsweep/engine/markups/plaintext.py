"""Plain text: prose throughout, minus what heuristics recognise as code, URLs,
e-mail addresses and emoticons, and minus its layout (tables, aligned columns,
console transcripts). Also the descriptor of unknown file types."""

from __future__ import annotations

from ..markup import Markup, register
from ..structure.plaintext import plain_text_spans

MARKUP = register(
    Markup(
        name="plaintext",
        language_ids=("plaintext", "text"),
        extensions={".txt": "plaintext", ".text": "plaintext"},
        non_prose=plain_text_spans,
        fallback=True,
    )
)
