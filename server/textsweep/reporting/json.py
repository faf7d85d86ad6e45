"""``json``: the machine-readable report.

Schema (``"version": 1``; fields may be added, never renamed or removed)::

    {
      "version": 1,
      "tool": {"name": "textsweep", "version": "0.1.0"},
      "files": [
        {
          "path": "docs/a.md",
          "error": null,                     # or why the file could not be read
          "note": null,                      # or why skipped ("binary file…") or not all checked
          "fixed": 0,                        # kept for compatibility: always 0
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

Lines and columns are 1-based, columns in code points; an end is exclusive.
``offset`` is the 0-based code-point offset into the decoded text. Only files with
findings, errors or notes are listed under ``files``; ``summary.files`` counts every
file looked at.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from .. import __version__
from ..engine import Document, Fix
from .result import FileResult, Position, position, summary

JSON_VERSION = 1


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


def render(results: Sequence[FileResult]) -> str:
    files = []
    for r in results:
        if not (r.findings or r.error or r.note):
            continue
        entry: dict[str, Any] = {
            "path": r.path,
            "error": r.error,
            "note": r.note,
            "fixed": 0,
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
        "summary": summary(results),
    }
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"
