"""A hostile document through the real server: 50 KB of line breaks once took 42 s to
lint while every other document waited. Ratios to prose, not seconds."""

from __future__ import annotations

import statistics
import time

from pytest_lsp import LanguageClient

from ..unit.hostile_shapes import prose
from .lsputil import by_rule, diagnostics, open_doc

SIZE = 50_000
#: Generous: linear code lands near 1×; the quadratic scan was hundreds of times slower.
MAX_RATIO = 20


async def _time_to_diagnostics(client: LanguageClient, uri: str, text: str) -> float:
    t = time.perf_counter()
    open_doc(client, uri, text)
    await diagnostics(client, uri, 1, timeout=300)
    return time.perf_counter() - t


async def test_line_breaks_are_linted_as_fast_as_prose(client: LanguageClient) -> None:
    warm = "untitled:warm.txt"
    open_doc(client, warm, "Un  début.\n")
    assert by_rule(await diagnostics(client, warm, 1), "doubled-space")
    # A different text each time: the per-paragraph cache must not answer for prose.
    base = statistics.median(
        [
            await _time_to_diagnostics(client, f"untitled:prose{i}.txt", prose(SIZE, seed=i))
            for i in range(3)
        ]
    )
    hostile = [
        await _time_to_diagnostics(
            client, f"untitled:blank{i}.txt", f"Paragraphe {i}.\n" + "\n" * SIZE + "Fin.\n"
        )
        for i in range(3)
    ]
    assert statistics.median(hostile) <= MAX_RATIO * base, (hostile, base)
    # And the finding is there: one run of blank lines, reported once.
    diags = await diagnostics(client, "untitled:blank0.txt", 1)
    assert len(by_rule(diags, "blank-lines")) == 1
