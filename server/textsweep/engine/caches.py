"""Forget what the engine learnt from earlier documents (benchmarks: a cold start)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def clear_caches() -> None:
    """Clear the per-paragraph, language and structure caches, wherever they live."""
    from . import cjk, document, incremental, language
    from .encoding import mojibake
    from .rules import confusables, whitespace
    from .structure import breaks, layout, markdown, plain, plaintext

    targets: list[Any] = [
        getattr(language, "detect", None),
        getattr(language, "_block_entities", None),
        getattr(plain, "_block_spans", None),
        getattr(markdown, "_chunk_spans", None),
        getattr(layout, "_block_layout", None),
        getattr(breaks, "block_breaks", None),
        getattr(confusables, "_block_mixed", None),
        getattr(confusables, "_lone_lookalike_words", None),
        getattr(whitespace, "_doubled_between_words", None),
        getattr(whitespace, "_sentence_gaps", None),
        getattr(document, "_BLOCK_CHARS", None),
        getattr(plaintext, "_block_non_prose", None),
        getattr(mojibake, "_block_hits", None),
        getattr(mojibake, "_block_collapsing", None),
        getattr(mojibake, "_block_votes", None),
        getattr(mojibake, "_block_unseen", None),
    ]
    for fn in targets:
        if fn is not None and hasattr(fn, "cache_clear"):
            fn.cache_clear()
    for table in (getattr(language, "_CONTRIB", None), getattr(mojibake, "_CONFIRMED", None)):
        if table is not None:
            table.clear()
    language.clear_blocks()
    cjk.clear_runs()
    incremental.clear()


def warm_up_steps() -> list[Callable[[], object]]:
    """What a long-lived process (the server) loads ahead of need, one short step
    each: the rules, and ftfy, markdown-it-py, Pygments and chardet's models, which the CLI imports
    only on demand. Each step lints or reads a small sample, so its tables are
    built too. The caller runs them one at a time when nothing else is running."""
    from . import Document, lint
    from .encoding import warm_up as warm_chardet
    from .encoding.mojibake import find
    from .registry import all_rules

    return [
        all_rules,  # imports every rule module (a server started before its first document)
        lambda: find("Le dÃ©pÃ´t est prÃªt."),  # imports ftfy
        lambda: lint(Document("# Titre\n\nLe  texte `code`.\n", "markdown")),
        lambda: lint(Document("x = 1  # un  commentaire\n", "python")),
        warm_chardet,
    ]
