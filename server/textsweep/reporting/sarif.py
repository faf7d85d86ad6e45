"""``sarif``: SARIF 2.1.0, for code-scanning dashboards.

Columns count Unicode code points (``"columnKind": "unicodeCodePoints"``); an end
column is exclusive. Paths are relative URIs against ``%SRCROOT%``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..engine import Document, Rule, Severity, all_rules
from .result import FileResult, position

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"

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


def render(results: Sequence[FileResult]) -> str:
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
