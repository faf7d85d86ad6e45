"""``github``: GitHub Actions workflow commands, shown as annotations on the diff.

One command per finding, ``::warning file=a.md,line=1,col=11,endLine=1,endColumn=11,
title=textsweep (invisible-character)::message``: ``error``/``warning``/``notice`` (info
and hint become ``notice``). ``col``/``endColumn`` are the first and last character
(inclusive) and are left out when a finding spans lines, as GitHub requires. Property
values escape ``%``, CR, LF, ``:`` and ``,``; the message escapes ``%``, CR and LF.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..engine import Severity
from .result import FileResult, position

_GITHUB_LEVEL = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "notice",
    Severity.HINT: "notice",
}


def escape_data(text: str) -> str:
    """Escape a workflow-command message (as @actions/core's ``escapeData``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow-command property value (as @actions/core's ``escapeProperty``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(results: Sequence[FileResult]) -> str:
    lines = []
    for r in results:
        if r.error is not None:
            lines.append(
                f"::error file={escape_property(r.path)},title=textsweep::"
                f"{escape_data(f'cannot check {r.path}: {r.error}')}"
            )
            continue
        doc = r.document
        for f in r.findings:
            assert doc is not None
            a, b = position(doc, f.start), position(doc, f.end)
            props = [f"file={escape_property(r.path)}", f"line={a.line}"]
            # GitHub refuses columns on an annotation that spans lines.
            last = position(doc, max(f.start, f.end - 1))
            if last.line == a.line:
                props += [f"col={a.column}", f"endLine={a.line}", f"endColumn={last.column}"]
            else:
                props.append(f"endLine={b.line if b.column > 1 else max(a.line, b.line - 1)}")
            props.append(f"title={escape_property(f'textsweep ({f.rule})')}")
            lines.append(
                f"::{_GITHUB_LEVEL[f.severity]} {','.join(props)}::{escape_data(f.message)}"
            )
    return "".join(line + "\n" for line in lines)
