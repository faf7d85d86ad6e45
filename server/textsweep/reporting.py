"""CLI report formats: ``text``, ``json``, ``sarif`` and ``github``.

Interface (what ``cli.py`` calls)::

    from textsweep import reporting

    results = [reporting.FileResult(path, document, findings), ...]  # one per file
    sys.stdout.write(reporting.render(args.format, results))          # the report
    print(reporting.summary(results), file=sys.stderr)                # text format only

* ``path`` is the path as the user should see it (relative to the current directory
  when possible); it becomes the SARIF artifact URI and the GitHub ``file=`` property.
* ``document`` is the :class:`~textsweep.engine.Document` that was linted (its text
  gives lines and columns); ``findings`` are the findings to report — after ``fix``,
  the ones left over; ``fixed`` counts the fixes ``fix`` applied to the file.
* ``error`` is set (and ``document`` may be ``None``) for a file that could not be read;
  ``note`` for one that was skipped (``"binary file, skipped"``).

``render`` returns the whole report as one string ending in a newline (or ``""`` for a
``text``/``github`` report without findings). It never prints.

Positions
    Lines and columns are 1-based; a column counts Unicode code points (so ``é`` and
    ``😀`` are one column each). An end position is exclusive: the column just after
    the last character of the finding, as in SARIF. SARIF reports say so with
    ``"columnKind": "unicodeCodePoints"``.

JSON schema (``"version": 1``; fields may be added, never renamed or removed)::

    {
      "version": 1,
      "tool": {"name": "textsweep", "version": "0.1.0"},
      "files": [
        {
          "path": "docs/a.md",
          "error": null,                     # or why the file could not be read
          "note": null,                      # or why it was skipped ("binary file…")
          "fixed": 0,                        # fixes applied by `textsweep fix`
          "findings": [
            {
              "rule": "invisible-character",
              "severity": "warning",         # hint | info | warning | error
              "message": "U+200B ZERO WIDTH SPACE inside a word: remove it",
              "start": {"line": 1, "column": 11, "offset": 10},
              "end":   {"line": 1, "column": 12, "offset": 11},
              "fixes": [
                {"title": "Remove U+200B ZERO WIDTH SPACE", "safe": true,
                 "replacement": "",
                 "start": {...}, "end": {...}}
              ]
            }
          ]
        }
      ],
      "summary": {"files": 1, "filesWithFindings": 1, "findings": 1, "fixable": 1,
                  "errors": 0, "bySeverity": {"hint": 0, "info": 0, "warning": 1,
                  "error": 0}}
    }

``offset`` is the 0-based code-point offset into the decoded text. Only files with
findings, errors, notes or applied fixes are listed under ``files``; ``summary.files``
counts every file looked at.

Text format
    ``path:line:col: severity rule message``, one finding a line (what compilers print,
    so editors and terminals can jump to it); ``path: error: why`` for a file that could
    not be read and ``path: note: why`` for one skipped.

GitHub format
    One workflow command per finding,
    ``::warning file=a.md,line=1,col=11,endLine=1,endColumn=11,title=textsweep
    (invisible-character)::message`` — ``error``/``warning``/``notice`` (info and hint
    become ``notice``). ``col``/``endColumn`` are the first and last character
    (inclusive) and are left out when a finding spans lines, as GitHub requires.
    Property values escape ``%``, CR, LF, ``:`` and ``,``; the message escapes ``%``,
    CR and LF.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from . import __version__
from .engine import Document, Finding, Fix, Rule, Severity, all_rules

FORMATS = ("text", "json", "sarif", "github")
JSON_VERSION = 1
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


@dataclass(frozen=True)
class FileResult:
    """What the CLI learnt about one file."""

    path: str
    document: Document | None
    findings: Sequence[Finding] = ()
    fixed: int = 0
    #: Why the file could not be read (an OS error); the CLI then exits 2.
    error: str | None = None
    #: Why the file was not checked although readable ("binary file, skipped").
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


def _pos_json(p: Position) -> dict[str, int]:
    return {"line": p.line, "column": p.column, "offset": p.offset}


def _fix_json(doc: Document, fix: Fix) -> dict[str, Any]:
    return {
        "title": fix.title,
        "safe": fix.safe,
        "replacement": fix.replacement,
        "start": _pos_json(position(doc, fix.start)),
        "end": _pos_json(position(doc, fix.end)),
    }


def _summary(results: Sequence[FileResult]) -> dict[str, Any]:
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


def render_json(results: Sequence[FileResult]) -> str:
    files = []
    for r in results:
        if not (r.findings or r.error or r.fixed or r.note):
            continue
        entry: dict[str, Any] = {
            "path": r.path,
            "error": r.error,
            "note": r.note,
            "fixed": r.fixed,
        }
        out = []
        doc = r.document
        for f in r.findings:
            assert doc is not None
            out.append(
                {
                    "rule": f.rule,
                    "severity": f.severity.label,
                    "message": f.message,
                    "start": _pos_json(position(doc, f.start)),
                    "end": _pos_json(position(doc, f.end)),
                    "fixes": [_fix_json(doc, x) for x in f.fixes],
                }
            )
        entry["findings"] = out
        files.append(entry)
    report = {
        "version": JSON_VERSION,
        "tool": {"name": "textsweep", "version": __version__},
        "files": files,
        "summary": _summary(results),
    }
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


# --- SARIF 2.1.0 -----------------------------------------------------------------

_SARIF_LEVEL = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "note",
    Severity.HINT: "note",
}


def _sarif_region(doc: Document, start: int, end: int) -> dict[str, int]:
    a, b = position(doc, start), position(doc, end)
    return {
        "startLine": a.line,
        "startColumn": a.column,
        "endLine": b.line,
        "endColumn": b.column,
    }


def _sarif_rule(rule: Rule) -> dict[str, Any]:
    first_line = rule.description.strip().splitlines()[0] if rule.description.strip() else ""
    out: dict[str, Any] = {
        "id": rule.id,
        "name": "".join(part.capitalize() for part in rule.id.split("-")),
        "shortDescription": {"text": first_line or rule.id},
        "fullDescription": {"text": (rule.explanation or rule.description or rule.id)},
        "help": {"text": rule.explanation or rule.description or rule.id},
        "defaultConfiguration": {
            "enabled": rule.default_enabled,
            "level": _SARIF_LEVEL[rule.severity],
        },
        "properties": {"family": rule.family, "tags": ["textsweep", rule.family]},
    }
    return out


def artifact_uri(path: str) -> str:
    """A relative path as a SARIF URI reference (percent-encoded, forward slashes).

    The raw bytes are encoded (``os.fsencode``): a name that is not valid UTF-8 gets
    its bytes percent-encoded instead of crashing the report."""
    raw = os.fsencode(path.replace("\\", "/"))
    return quote(raw, safe="/-._~!$&'()*+,;=@")


def render_sarif(results: Sequence[FileResult]) -> str:
    rules = all_rules()
    index = {r.id: i for i, r in enumerate(rules)}
    sarif_results: list[dict[str, Any]] = []
    artifacts: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for r in results:
        uri = artifact_uri(r.path)
        if r.error is not None:
            notifications.append(
                {
                    "level": "error",
                    "message": {"text": f"{r.path}: {r.error}"},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"}
                            }
                        }
                    ],
                }
            )
            continue
        if not r.findings:
            continue
        doc = r.document
        assert doc is not None
        art_index = len(artifacts)
        artifacts.append(
            {
                "location": {"uri": uri, "uriBaseId": "%SRCROOT%"},
                "sourceLanguage": doc.language_id,
            }
        )
        location = {"uri": uri, "uriBaseId": "%SRCROOT%", "index": art_index}
        for f in r.findings:
            res: dict[str, Any] = {
                "ruleId": f.rule,
                "level": _SARIF_LEVEL[f.severity],
                "message": {"text": f.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": location,
                            "region": _sarif_region(doc, f.start, f.end),
                        }
                    }
                ],
            }
            if f.rule in index:
                res["ruleIndex"] = index[f.rule]
            if f.fixes:
                res["fixes"] = [
                    {
                        "description": {"text": fix.title or f.message},
                        "artifactChanges": [
                            {
                                "artifactLocation": location,
                                "replacements": [
                                    {
                                        "deletedRegion": _sarif_region(doc, fix.start, fix.end),
                                        "insertedContent": {"text": fix.replacement},
                                    }
                                ],
                            }
                        ],
                        "properties": {"safe": fix.safe},
                    }
                    for fix in f.fixes
                ]
            if f.detail:
                res["properties"] = {"detail": f.detail}
            sarif_results.append(res)
    invocation: dict[str, Any] = {"executionSuccessful": not notifications}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "textsweep",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [_sarif_rule(r) for r in rules],
            }
        },
        "invocations": [invocation],
        "originalUriBaseIds": {
            "%SRCROOT%": {"description": {"text": "The directory textsweep ran in."}}
        },
        "columnKind": "unicodeCodePoints",
        "artifacts": artifacts,
        "results": sarif_results,
    }
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


# --- GitHub workflow commands ----------------------------------------------------

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


def render_github(results: Sequence[FileResult]) -> str:
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


# --- plain text ------------------------------------------------------------------


def render_text(results: Sequence[FileResult]) -> str:
    """``path:line:col: severity rule message`` — the format editors can jump to."""
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


def summary(results: Sequence[FileResult]) -> str:
    """One human line: ``3 problems (2 fixable) in 2 of 10 files``."""
    s = _summary(results)
    n = s["findings"]
    words = f"{n} problem{'s' if n != 1 else ''}"
    if s["fixable"]:
        words += f" ({s['fixable']} fixable with `textsweep fix`)"
    words += f" in {s['filesWithFindings']} of {s['files']} file{'s' if s['files'] != 1 else ''}"
    fixed = sum(r.fixed for r in results)
    if fixed:
        words += f"; {fixed} fix{'es' if fixed != 1 else ''} applied"
    if s["errors"]:
        words += f"; {s['errors']} file{'s' if s['errors'] != 1 else ''} could not be read"
    return words


_RENDERERS: dict[str, Callable[[Sequence[FileResult]], str]] = {
    "text": render_text,
    "json": render_json,
    "sarif": render_sarif,
    "github": render_github,
}


def render(fmt: str, results: Sequence[FileResult]) -> str:
    """The report in format ``fmt`` (one of :data:`FORMATS`)."""
    try:
        renderer = _RENDERERS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}") from None
    return renderer(results)
