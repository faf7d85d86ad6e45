"""What the CLI learnt about one checked file, and positions as reports show them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..engine import Document, Finding, Severity


@dataclass(frozen=True)
class FileResult:
    """One checked file: the one result type the CLI passes from workers to emitters.

    ``path`` is the path as the user should see it (relative to the current directory
    when possible); it becomes the SARIF artifact URI and the GitHub ``file=`` property.
    ``document`` is the :class:`~textsweep.engine.Document` that was linted (its text
    gives lines and columns); ``None`` when the file was not read or skipped.
    """

    path: str
    document: Document | None
    findings: Sequence[Finding] = ()
    #: Why the file could not be read (an OS error); the CLI then exits 2.
    error: str | None = None
    #: Why the file was not checked although readable ("binary file, skipped"), or,
    #: with a ``document``, what was left unchecked (a file over ``maxFileSize``).
    note: str | None = None


@dataclass(frozen=True)
class Position:
    line: int  # 1-based
    column: int  # 1-based, code points
    offset: int  # 0-based, code points


def position(doc: Document, offset: int) -> Position:
    """1-based line and code-point column of ``offset`` in ``doc``."""
    offset = max(0, min(offset, len(doc.text)))
    line = doc.line_of(offset)
    return Position(line + 1, offset - doc.line_starts[line] + 1, offset)


def summary(results: Sequence[FileResult]) -> dict[str, Any]:
    """Counts over a run (the JSON report's ``summary``)."""
    by_sev = {s.label: 0 for s in Severity}
    findings = fixable = 0
    for r in results:
        for f in r.findings:
            findings += 1
            by_sev[f.severity.label] += 1
            if f.safe_fix is not None:
                fixable += 1
    return {
        "files": len(results),
        "filesWithFindings": sum(1 for r in results if r.findings),
        "findings": findings,
        "fixable": fixable,
        "errors": sum(1 for r in results if r.error is not None),
        "bySeverity": by_sev,
    }
