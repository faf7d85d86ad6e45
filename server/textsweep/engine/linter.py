"""Running rules over a document, and fix-all to a fixed point."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from .config import Config
from .document import Document
from .fixes import apply_fixes
from .model import Finding, Severity
from .registry import Rule, all_rules

log = logging.getLogger(__name__)

#: fix-all stops after this many passes even if a rule keeps proposing fixes.
MAX_FIX_PASSES = 5


def active_rules(config: Config) -> list[tuple[Rule, Severity]]:
    """Rules enabled under ``config`` with the severity each runs at."""
    out: list[tuple[Rule, Severity]] = []
    for r in all_rules():
        sev = r.setting(config)
        if sev is not None:
            out.append((r, sev))
    return out


def lint(doc: Document, config: Config | None = None) -> list[Finding]:
    """All findings of every enabled rule, sorted by position.

    A rule that raises is logged and skipped: one bad rule must not hide the
    findings of the others, nor take the server down.
    """
    config = config or Config()
    findings: list[Finding] = []
    for r, sev in active_rules(config):
        try:
            found = list(r.check(r, doc, config))
        except Exception:
            log.exception("rule %s failed on %s", r.id, doc.uri or doc.path or "<text>")
            continue
        if sev != r.severity:
            found = [f if f.severity == sev else replace(f, severity=sev) for f in found]
        findings.extend(found)
    findings.sort()
    return findings


@dataclass(frozen=True)
class FixAllResult:
    text: str
    applied: int
    passes: int
    #: Findings still present (no safe fix, or a fix kept colliding).
    remaining: tuple[Finding, ...]


def fix_all(doc: Document, config: Config | None = None) -> FixAllResult:
    """Apply every safe fix, re-linting until nothing changes (idempotent result)."""
    config = config or Config()
    text = doc.text
    applied = 0
    passes = 0
    findings = lint(doc, config)
    while passes < MAX_FIX_PASSES:
        fixes = [f.safe_fix for f in findings if f.safe_fix is not None]
        if not fixes:
            break
        result = apply_fixes(text, fixes)  # type: ignore[arg-type]
        passes += 1
        if result.text == text:
            break
        text = result.text
        applied += len(result.applied)
        current = Document(text, doc.language_id, doc.uri, doc.path, None)
        findings = lint(current, config)
    return FixAllResult(text, applied, passes, tuple(findings))
