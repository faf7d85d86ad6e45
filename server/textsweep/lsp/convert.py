"""Findings → LSP diagnostics and text edits (pure functions over lsprotocol types)."""

from __future__ import annotations

import difflib
import json
import threading
from bisect import bisect_right
from collections.abc import Sequence
from typing import Any

from lsprotocol import types as lsp

from ..engine import Config, Document, Finding, Fix, Severity, over_size_limit
from ..engine.docs import rule_url
from ..engine.fixes import trim_edits
from ..engine.model import FixPurpose
from .positions import _columns_are_code_points as columns_are_code_points
from .positions import offsets_to_positions, units

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


#: Code-action kind of a fix that reloads the file in another encoding.
RELOAD_KIND = "source.textsweep.reloadEncoding"


def code_action_kind(fix: Fix) -> str:
    """The LSP code-action kind a fix is offered under, from its engine purpose."""
    return RELOAD_KIND if fix.purpose is FixPurpose.RELOAD else "quickfix"


def fix_data(f: Finding, fix: Fix, pos: dict[int, tuple[int, int]]) -> dict[str, Any]:
    """A fix as it travels in ``Diagnostic.data`` (compact: 1000 of them per publish).

    The range is given only when it differs from the diagnostic's own; the code
    action recomputes edits from the server's current findings either way, so a
    stale diagnostic can never apply a stale edit.
    """
    entry: dict[str, Any] = {"title": fix.title, "safe": fix.safe}
    kind = code_action_kind(fix)
    if kind != "quickfix":
        entry["kind"] = kind
    if (fix.start, fix.end) != (f.start, f.end):
        s, e = pos[fix.start], pos[fix.end]
        entry["range"] = {
            "start": {"line": s[0], "character": s[1]},
            "end": {"line": e[0], "character": e[1]},
        }
    if len(fix.replacement) <= INLINE_LIMIT:
        entry["newText"] = fix.replacement
    return entry


def _offsets(shown: Sequence[Finding]) -> list[int]:
    """Every offset a diagnostic of ``shown`` needs a position for."""
    offsets: list[int] = []
    for f in shown:
        offsets.append(f.start)
        offsets.append(f.end)
        for fix in f.fixes:
            if (fix.start, fix.end) != (f.start, f.end):
                offsets.append(fix.start)
                offsets.append(fix.end)
    return offsets


def _anchor(findings: Sequence[Finding], shown: Sequence[Finding]) -> int:
    """Where the "N more" notice stands: at the first finding not shown."""
    if len(findings) > len(shown):
        return findings[len(shown)].start
    return shown[-1].end if shown else 0


def _notices(
    doc: Document,
    config: Config,
    hidden: int,
    exact: bool,
    at: tuple[int, int] | None,
) -> list[lsp.Diagnostic]:
    """The "N more" notice (``at`` its position) and the size-limit notice, as due."""
    out: list[lsp.Diagnostic] = []
    if hidden and at is not None:
        p = _pos(at)
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
    if over_size_limit(doc, config):
        out.append(size_notice(doc, config))
    return out


def to_diagnostics(
    doc: Document,
    findings: Sequence[Finding],
    encoding: str,
    config: Config,
    version: int | None,
    total: int | None = None,
    exact: bool = True,
) -> list[lsp.Diagnostic]:
    """Diagnostics for the first ``max_findings`` findings, plus one "N more" notice,
    and one notice at the top of a document over ``textsweep.maxFileSize``.

    ``total`` is how many findings the document holds when ``findings`` was
    already capped by the engine. All positions (finding and fix ranges) are
    converted in one sorted sweep.
    """
    shown = findings[: config.max_findings]
    total = len(findings) if total is None else max(total, len(findings))
    hidden = total - len(shown)
    offsets = _offsets(shown)
    anchor = _anchor(findings, shown)
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
    out.extend(_notices(doc, config, hidden, exact, pos.get(anchor)))
    return out


#: A pushed diagnostic's JSON text around its version: ``(before, after)``.
_Parts = tuple[str, str]
_PartsKey = tuple[object, ...]


class _JsonParts:
    """The JSON text of pushed diagnostics, per finding and position, kept across
    publishes: a keystroke changes a few findings of the 1,000 shown, and building
    and serialising all of them again cost 30-40 ms. First in, first out, bounded
    by entries and by characters held; thread-safe (two workers publish)."""

    def __init__(self, max_entries: int, max_chars: int) -> None:
        self.max_entries = max_entries
        self.max_chars = max_chars
        self.data: dict[_PartsKey, _Parts] = {}
        self.chars = 0
        self.lock = threading.Lock()

    def get(self, key: _PartsKey) -> _Parts | None:
        return self.data.get(key)

    def put(self, key: _PartsKey, parts: _Parts) -> None:
        size = len(parts[0]) + len(parts[1])
        if size > self.max_chars:
            return
        with self.lock:
            if key in self.data:
                return
            self.data[key] = parts
            self.chars += size
            if len(self.data) > self.max_entries or self.chars > self.max_chars:
                drop = []
                excess = len(self.data) - self.max_entries
                for k, v in self.data.items():
                    if excess <= 0 and self.chars <= self.max_chars:
                        break
                    drop.append(k)
                    excess -= 1
                    self.chars -= len(v[0]) + len(v[1])
                for k in drop:
                    del self.data[k]

    def clear(self) -> None:
        with self.lock:
            self.data.clear()
            self.chars = 0


JSON_PARTS = _JsonParts(max_entries=32768, max_chars=8_000_000)


def _position_json(p: tuple[int, int]) -> dict[str, int]:
    return {"line": p[0], "character": p[1]}


def diagnostics_json(
    doc: Document,
    findings: Sequence[Finding],
    encoding: str,
    config: Config,
    version: int | None,
    total: int | None,
    exact: bool,
    unstructure: Any,
) -> str:
    """The JSON text of the array :func:`to_diagnostics` gives, as pygls would
    serialise it (``tests/unit/test_publish_json.py``), each finding's text taken
    from :data:`JSON_PARTS` when the same finding stood at the same positions in an
    earlier publish (the diagnostic's version is spliced in). ``unstructure``
    serialises the notices (the converter)."""
    shown = findings[: config.max_findings]
    total = len(findings) if total is None else max(total, len(findings))
    hidden = total - len(shown)
    offsets = _offsets(shown)
    anchor = _anchor(findings, shown)
    if hidden:
        offsets.append(anchor)
    pos = offsets_to_positions(doc, offsets, encoding)
    vtext = json.dumps(version)
    out: list[str] = []
    get = JSON_PARTS.get
    for f in shown:
        # What the text depends on, offsets read as positions: a finding moved by an
        # edit on another line keeps its text (not ``f`` itself: ``data`` may not hash).
        start, end = pos[f.start], pos[f.end]
        key: _PartsKey = (f.rule, f.message, f.severity, start, end)
        for x in f.fixes:
            if x.start == f.start and x.end == f.end:
                key += ((x.replacement, x.title, x.safe, x.purpose),)
            else:
                key += ((x.replacement, x.title, x.safe, x.purpose, pos[x.start], pos[x.end]),)
        parts = get(key)
        if parts is None:
            head = {
                "range": {"start": _position_json(start), "end": _position_json(end)},
                "message": f.message,
                "severity": int(_SEVERITY[f.severity]),
                "code": f.rule,
                "codeDescription": {"href": rule_url(f.rule)},
                "source": SOURCE,
            }
            fixes = [fix_data(f, fix, pos) for fix in f.fixes]
            parts = (
                json.dumps(head)[:-1]
                + ', "data": {"rule": '
                + json.dumps(f.rule)
                + ', "version": ',
                ', "fixes": ' + json.dumps(fixes) + "}}",
            )
            JSON_PARTS.put(key, parts)
        out.append(parts[0])
        out.append(vtext)
        out.append(parts[1])
        out.append(", ")
    for d in _notices(doc, config, hidden, exact, pos.get(anchor)):
        out.append(json.dumps(unstructure(d)))
        out.append(", ")
    if out:
        out.pop()
    return "[" + "".join(out) + "]"


def size_notice(doc: Document, config: Config) -> lsp.Diagnostic:
    """The one diagnostic saying a document over ``textsweep.maxFileSize`` got only
    the cheap checks: tied to the document, in push and pull mode alike, gone once
    the document is short enough (a window message would pop up for each file)."""
    start = lsp.Position(line=0, character=0)
    return lsp.Diagnostic(
        range=lsp.Range(start=start, end=start),
        message=(
            f"textsweep: this document has {len(doc.text):,} characters, over "
            f"textsweep.maxFileSize ({config.max_file_size:,}): only the cheap checks run "
            "(encoding, invisible and odd characters, line endings, trailing spaces)"
        ),
        severity=lsp.DiagnosticSeverity.Information,
        code="file-too-large",
        source=SOURCE,
    )


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


def edits_json(doc: Document, fixes: Sequence[Fix], encoding: str) -> list[dict[str, Any]]:
    """:func:`fixes_to_edits` as JSON-ready dicts, what ``TextEdit`` unstructures to.

    Built in a worker and sent as they are: building and unstructuring 200,000
    ``TextEdit`` objects took seconds on the event loop. The fixes are sorted and
    do not overlap, so their offsets rise: one forward sweep finds every line
    (bisection from the last one) and every column (counted from the previous
    offset on the same line, never again from the line start: a 2 MB line with
    thousands of edits stays linear).
    """
    text = doc.text
    starts = doc.line_starts
    nlines = len(starts)
    n = len(text)
    code_points = columns_are_code_points(doc, encoding)
    line = 0
    line_start = 0
    next_start = starts[1] if nlines > 1 else n + 1
    cursor = 0  # an offset on ``line`` whose column is ``col``
    col = 0
    out: list[dict[str, Any]] = []
    ends: list[dict[str, int]] = []
    for f in fixes:
        ends.clear()
        for off in (f.start, f.end):
            off = 0 if off < 0 else n if off > n else off
            if off < cursor:  # not sorted after all: start the line over
                cursor, col = line_start, 0
                if off < line_start:
                    line = bisect_right(starts, off) - 1
                    line_start = cursor = starts[line]
                    next_start = starts[line + 1] if line + 1 < nlines else n + 1
            if off >= next_start:
                line = bisect_right(starts, off, line + 1) - 1
                line_start = cursor = starts[line]
                next_start = starts[line + 1] if line + 1 < nlines else n + 1
                col = 0
            if code_points:
                col = off - line_start
            elif off != cursor:
                col += units(text[cursor:off], encoding)
            cursor = off
            ends.append({"line": line, "character": col})
        out.append({"range": {"start": ends[0], "end": ends[1]}, "newText": f.replacement})
    return out


#: Past this many differing lines, the middle of a diff is one edit: difflib is
#: quadratic where lines repeat, and an editor applies one large edit just as well.
DIFF_LINE_LIMIT = 2000


def diff_edits(doc: Document, new_text: str, encoding: str) -> list[lsp.TextEdit]:
    """Small edits turning ``doc.text`` into ``new_text`` (line diff, then trimmed).

    Used where the new text does not come from fixes (a reload in another
    encoding). Linear where it can be: equal line counts pair line by line (a
    reload keeps the lines), common leading and trailing lines are skipped, and
    only a bounded middle goes through difflib.
    """
    old = doc.text
    if old == new_text:
        return []
    a = old.splitlines(keepends=True)
    b = new_text.splitlines(keepends=True)
    a_starts = [0]
    for line in a:
        a_starts.append(a_starts[-1] + len(line))
    b_starts = [0]
    for line in b:
        b_starts.append(b_starts[-1] + len(line))
    opcodes: list[tuple[int, int, int, int]] = []
    if len(a) == len(b):
        opcodes = [(i, i + 1, i, i + 1) for i in range(len(a)) if a[i] != b[i]]
    else:
        lo = 0
        while lo < min(len(a), len(b)) and a[lo] == b[lo]:
            lo += 1
        hi = 0
        while hi < min(len(a), len(b)) - lo and a[-1 - hi] == b[-1 - hi]:
            hi += 1
        a_mid, b_mid = a[lo : len(a) - hi], b[lo : len(b) - hi]
        if max(len(a_mid), len(b_mid)) > DIFF_LINE_LIMIT:
            opcodes = [(lo, len(a) - hi, lo, len(b) - hi)]
        else:
            matcher = difflib.SequenceMatcher(None, a_mid, b_mid, autojunk=False)
            for tag, i1, i2, j1, j2 in matcher.get_opcodes():
                if tag != "equal":
                    opcodes.append((lo + i1, lo + i2, lo + j1, lo + j2))
    fixes: list[Fix] = []
    for i1, i2, j1, j2 in opcodes:
        s, e = a_starts[i1], a_starts[i2]
        rs, re_ = b_starts[j1], b_starts[j2]
        fixes.append(Fix(s, e, new_text[rs:re_]))
    return fixes_to_edits(doc, trim_edits(old, fixes), encoding)
