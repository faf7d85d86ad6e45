"""Hover text: what the flagged characters are, and why they are flagged."""

from __future__ import annotations

from collections.abc import Sequence

from ..engine import Document, Finding
from ..engine.chars import describe
from ..engine.docs import rule_url

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
