"""``text``: ``path:line:col: severity rule message``, one finding a line.

What compilers print, so editors and terminals can jump to it; ``path: error: why``
for a file that could not be read and ``path: note: why`` for one skipped. Lines and
columns are 1-based; a column counts Unicode code points.
"""

from __future__ import annotations

from collections.abc import Sequence

from .result import FileResult, position


def render(results: Sequence[FileResult]) -> str:
    lines = []
    for r in results:
        if r.error is not None:
            lines.append(f"{r.path}: error: {r.error}")
        if r.note is not None:
            lines.append(f"{r.path}: note: {r.note}")
        doc = r.document
        for f in r.findings:
            assert doc is not None
            a = position(doc, f.start)
            lines.append(f"{r.path}:{a.line}:{a.column}: {f.severity.label} {f.rule} {f.message}")
    return "".join(line + "\n" for line in lines)
