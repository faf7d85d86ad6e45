"""Findings → LSP diagnostics and text edits (pure functions over lsprotocol types)."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import Any

from lsprotocol import types as lsp

from ..engine import Config, Document, Finding, Fix, Severity
from ..engine.docs import rule_url
from .positions import offsets_to_positions

SOURCE = "textsweep"

_SEVERITY = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.INFO: lsp.DiagnosticSeverity.Information,
    Severity.HINT: lsp.DiagnosticSeverity.Hint,
}


def _pos(p: tuple[int, int]) -> lsp.Position:
    return lsp.Position(line=p[0], character=p[1])


#: Replacements longer than this stay out of ``Diagnostic.data`` (a whole-file
#: reload would bloat every publish); the code action recomputes them.
INLINE_LIMIT = 4096


def fix_data(f: Finding, fix: Fix, pos: dict[int, tuple[int, int]]) -> dict[str, Any]:
    """A fix as it travels in ``Diagnostic.data`` (compact: 1000 of them per publish).

    The range is given only when it differs from the diagnostic's own; the code
    action recomputes edits from the server's current findings either way, so a
    stale diagnostic can never apply a stale edit.
    """
    entry: dict[str, Any] = {"title": fix.title, "safe": fix.safe}
    if fix.kind != "quickfix":
        entry["kind"] = fix.kind
    if (fix.start, fix.end) != (f.start, f.end):
        s, e = pos[fix.start], pos[fix.end]
        entry["range"] = {
            "start": {"line": s[0], "character": s[1]},
            "end": {"line": e[0], "character": e[1]},
        }
    if len(fix.replacement) <= INLINE_LIMIT:
        entry["newText"] = fix.replacement
    return entry


def to_diagnostics(
    doc: Document,
    findings: Sequence[Finding],
    encoding: str,
    config: Config,
    version: int | None,
    total: int | None = None,
    exact: bool = True,
) -> list[lsp.Diagnostic]:
    """Diagnostics for the first ``max_findings`` findings, plus one "N more" notice.

    ``total`` is how many findings the document holds when ``findings`` was
    already capped by the engine. All positions (finding and fix ranges) are
    converted in one sorted sweep.
    """
    shown = findings[: config.max_findings]
    total = len(findings) if total is None else max(total, len(findings))
    hidden = total - len(shown)
    offsets: list[int] = []
    for f in shown:
        offsets.append(f.start)
        offsets.append(f.end)
        for fix in f.fixes:
            if (fix.start, fix.end) != (f.start, f.end):
                offsets.append(fix.start)
                offsets.append(fix.end)
    anchor = (
        findings[len(shown)].start
        if len(findings) > len(shown)
        else (shown[-1].end if shown else 0)
    )
    if hidden:
        offsets.append(anchor)
    pos = offsets_to_positions(doc, offsets, encoding)
    links = {r: lsp.CodeDescription(href=rule_url(r)) for r in {f.rule for f in shown}}
    out: list[lsp.Diagnostic] = []
    for f in shown:
        data = {
            "rule": f.rule,
            "version": version,
            "fixes": [fix_data(f, fix, pos) for fix in f.fixes],
        }
        out.append(
            lsp.Diagnostic(
                range=lsp.Range(start=_pos(pos[f.start]), end=_pos(pos[f.end])),
                message=f.message,
                severity=_SEVERITY[f.severity],
                code=f.rule,
                code_description=links[f.rule],
                source=SOURCE,
                data=data,
            )
        )
    if hidden:
        p = _pos(pos[anchor])
        more = f"{hidden}" if exact else f"more than {hidden}"
        out.append(
            lsp.Diagnostic(
                range=lsp.Range(start=p, end=p),
                message=(
                    f"{more} more textsweep finding{'s' if hidden != 1 else ''} not shown "
                    f"(textsweep.maxFindings is {config.max_findings}); "
                    "fix-all still fixes them all"
                ),
                severity=lsp.DiagnosticSeverity.Information,
                code="too-many-findings",
                source=SOURCE,
            )
        )
    return out


def fixes_to_edits(doc: Document, fixes: Sequence[Fix], encoding: str) -> list[lsp.TextEdit]:
    """Non-overlapping fixes (as applied by the engine) → text edits on ``doc``."""
    pos = offsets_to_positions(doc, [o for f in fixes for o in (f.start, f.end)], encoding)
    return [
        lsp.TextEdit(
            range=lsp.Range(start=_pos(pos[f.start]), end=_pos(pos[f.end])),
            new_text=f.replacement,
        )
        for f in fixes
    ]


def diff_edits(doc: Document, new_text: str, encoding: str) -> list[lsp.TextEdit]:
    """Small edits turning ``doc.text`` into ``new_text`` (line diff, then trimmed).

    Used where fixes were applied in several passes, so their offsets no longer
    refer to the original text.
    """
    old = doc.text
    if old == new_text:
        return []
    a = old.splitlines(keepends=True)
    b = new_text.splitlines(keepends=True)
    # Offsets of each line start in the old text.
    a_starts = [0]
    for line in a:
        a_starts.append(a_starts[-1] + len(line))
    b_starts = [0]
    for line in b:
        b_starts.append(b_starts[-1] + len(line))
    fixes: list[Fix] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        s, e = a_starts[i1], a_starts[i2]
        rs, re_ = b_starts[j1], b_starts[j2]
        old_chunk, new_chunk = old[s:e], new_text[rs:re_]
        # Trim the common prefix and suffix so edits touch only what changed.
        p = 0
        limit = min(len(old_chunk), len(new_chunk))
        while p < limit and old_chunk[p] == new_chunk[p]:
            p += 1
        q = 0
        while (
            q < limit - p and old_chunk[len(old_chunk) - 1 - q] == new_chunk[len(new_chunk) - 1 - q]
        ):
            q += 1
        # Never end or start an edit between the CR and LF of a CRLF: no LSP
        # position points there, so the client would clamp it to the line end and
        # a CRLF → LF fix would leave the CR (widen by the common character).
        if 0 < s + p < len(old) and old[s + p - 1] == "\r" and old[s + p] == "\n" and p:
            p -= 1
        if 0 < e - q < len(old) and old[e - q - 1] == "\r" and old[e - q] == "\n" and q:
            q -= 1
        fixes.append(Fix(s + p, e - q, new_chunk[p : len(new_chunk) - q]))
    return fixes_to_edits(doc, fixes, encoding)
