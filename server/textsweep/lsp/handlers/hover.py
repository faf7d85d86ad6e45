"""``textDocument/hover``: what the flagged characters are, and why they are flagged."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from lsprotocol import types as lsp

from ...engine import Document, Finding
from ...engine.chars import describe
from ...engine.docs import rule_url
from ..positions import offsets_to_positions, position_to_offset

if TYPE_CHECKING:
    from ..server import TextsweepServer

#: Spans up to this long get a character-by-character table.
MAX_CHARS_LISTED = 8


def hover_markdown(doc: Document, findings: Sequence[Finding]) -> str:
    parts: list[str] = []
    for f in findings:
        lines = [
            f"**textsweep** [`{f.rule}`]({rule_url(f.rule)}) ({f.severity.label})",
            "",
            f.message,
        ]
        span = doc.text[f.start : f.end]
        if 0 < len(span) <= MAX_CHARS_LISTED:
            lines.append("")
            for ch in span:
                lines.append(f"- `{describe(ch)}`")
        if f.detail:
            lines += ["", f.detail]
        if f.fixes:
            lines += ["", "Fixes: " + "; ".join(fix.title for fix in f.fixes if fix.title)]
        parts.append("\n".join(lines))
    return "\n\n---\n\n".join(parts)


async def hover(ls: TextsweepServer, params: lsp.HoverParams) -> lsp.Hover | None:
    uri = params.text_document.uri
    result = await ls.lookup(uri)
    if result is None:
        return None
    off = position_to_offset(
        result.doc, params.position.line, params.position.character, ls.encoding
    )
    hits = [f for f in result.findings if f.start <= off < f.end or (f.start == f.end == off)]
    if not hits:
        return None
    pos = offsets_to_positions(result.doc, [o for f in hits for o in (f.start, f.end)], ls.encoding)
    first = hits[0]
    return lsp.Hover(
        contents=lsp.MarkupContent(
            kind=lsp.MarkupKind.Markdown, value=hover_markdown(result.doc, hits)
        ),
        range=lsp.Range(start=lsp.Position(*pos[first.start]), end=lsp.Position(*pos[first.end])),
    )
