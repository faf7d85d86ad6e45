"""Inline suppression comments, in whatever comment syntax the file uses.

    textsweep: disable-next-line [rule-id …]
    textsweep: disable-line [rule-id …]
    textsweep: disable [rule-id …]   …   textsweep: enable [rule-id …]

Without rule ids the directive covers every rule. Writers put them in Markdown
(`<!-- … -->`), LaTeX (`% …`), code comments (`# …`, `// …`) alike; we only look
for the words, so no per-language parsing is needed (each file type's
:attr:`.markup.Markup.comment` says which syntax the docs suggest).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .document import Document
from .model import Finding

DIRECTIVE = re.compile(
    r"textsweep:\s*(disable-next-line|disable-line|disable|enable)\b"
    r"((?:[ \t]*,?[ \t]*[a-z0-9]+(?:-[a-z0-9]+)*)*)"
)
_ALL = "*"


def _rules(arg: str) -> set[str]:
    ids = {x for x in re.split(r"[\s,]+", arg.strip()) if x}
    return ids or {_ALL}


def _suppressed_lines(doc: Document) -> dict[str, list[tuple[int, int]]]:
    """Rule id (or ``*``) → line ranges ``[first, last]`` it is off on."""
    spans: dict[str, list[tuple[int, int]]] = {}
    open_at: dict[str, int] = {}
    last_line = doc.line_count - 1
    for m in DIRECTIVE.finditer(doc.text):
        kind, arg = m.group(1), m.group(2)
        line = doc.line_of(m.start())
        for rule in _rules(arg):
            if kind == "disable-next-line":
                spans.setdefault(rule, []).append((line + 1, line + 1))
            elif kind == "disable-line":
                spans.setdefault(rule, []).append((line, line))
            elif kind == "disable":
                open_at.setdefault(rule, line)
            elif kind == "enable":
                if rule == _ALL:
                    for r, start in open_at.items():
                        spans.setdefault(r, []).append((start, line))
                    open_at.clear()
                elif rule in open_at:
                    spans.setdefault(rule, []).append((open_at.pop(rule), line))
    for rule, start in open_at.items():
        spans.setdefault(rule, []).append((start, last_line))
    return spans


def filter_suppressed(doc: Document, findings: Sequence[Finding]) -> list[Finding]:
    """Drop findings switched off by directives (cheap when there are none)."""
    if not findings:
        return []
    # Computed once per document (one substring search), not once per rule.
    spans = doc.cached(
        "suppress.lines", lambda d: _suppressed_lines(d) if "textsweep:" in d.text else {}
    )
    if not spans:
        return list(findings)
    everything = spans.get(_ALL, [])

    def off(f: Finding) -> bool:
        line = doc.line_of(f.start)
        return any(a <= line <= b for a, b in everything) or any(
            a <= line <= b for a, b in spans.get(f.rule, [])
        )

    return [f for f in findings if not off(f)]
