"""Plain text: prose throughout, minus what heuristics recognise as code, URLs,
e-mail addresses and emoticons. Also the descriptor of unknown file types."""

from __future__ import annotations

from ..markup import Markup, register
from ..structure.plain import plain_provider

MARKUP = register(
    Markup(
        name="plaintext",
        language_ids=("plaintext", "text"),
        extensions={".txt": "plaintext", ".text": "plaintext"},
        non_prose=plain_provider,
        fallback=True,
    )
)
