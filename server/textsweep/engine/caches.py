"""Forget what the engine learnt from earlier documents (benchmarks: a cold start)."""

from __future__ import annotations

from typing import Any


def clear_caches() -> None:
    """Clear the per-paragraph, language and structure caches, wherever they live."""
    from . import incremental, language
    from .structure import layout, markdown, plain

    targets: list[Any] = [
        getattr(language, "detect", None),
        getattr(plain, "_block_spans", None),
        getattr(markdown, "_chunk_spans", None),
        getattr(layout, "_block_layout", None),
    ]
    for fn in targets:
        if fn is not None and hasattr(fn, "cache_clear"):
            fn.cache_clear()
    contrib = getattr(language, "_CONTRIB", None)
    if contrib is not None:
        contrib.clear()
    incremental.clear()
