"""The CLI report formats: exact text/GitHub lines, the JSON schema, SARIF validity."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from textsweep import __version__, reporting
from textsweep.engine import Document, all_rules, fix_all, lint
from textsweep.reporting import FileResult

HERE = Path(__file__).resolve().parent
SCHEMA_PATH = HERE / "sarif-schema-2.1.0.json"
SCHEMA_SHA256 = "2d99159ae54a3eea97f81781cff48780548657c35949f4b7f25e99a2ba4de4f8"

# An emoji before each fault on its line: columns must count code points (😀 is one
# column, two UTF-16 units, four UTF-8 bytes).
SAMPLE = "Hello 😀 wo\u200brld\nGood 😀  morning\ntrailing here   \nok\n"
FIXED = "Hello 😀 world\nGood 😀 morning\ntrailing here\nok\n"


def sample_results(path: str = "docs/sample.txt") -> list[FileResult]:
    doc = Document(SAMPLE, "plaintext", path=path)
    clean = Document("all good\n", "plaintext", path="clean.txt")
    return [FileResult(path, doc, lint(doc)), FileResult("clean.txt", clean, lint(clean))]


def test_sample_has_the_three_expected_findings() -> None:
    doc = Document(SAMPLE, "plaintext")
    assert [(f.rule, f.start, f.end) for f in lint(doc)] == [
        ("invisible-character", 10, 11),
        ("doubled-space", 21, 23),
        ("trailing-whitespace", 44, 47),
    ]
    assert fix_all(doc).text == FIXED


def test_text_format_is_path_line_column() -> None:
    assert reporting.render("text", sample_results()).splitlines() == [
        "docs/sample.txt:1:11: warning invisible-character "
        "U+200B ZERO WIDTH SPACE inside a word: remove it",
        "docs/sample.txt:2:7: warning doubled-space "
        "2 spaces in a row between words: replace with one",
        "docs/sample.txt:3:14: warning trailing-whitespace "
        "Trailing whitespace (3 spaces): remove it",
    ]
    skipped = [
        FileResult("img.png", None, note="binary file, skipped"),
        FileResult("gone.txt", None, error="No such file or directory"),
    ]
    assert reporting.render("text", skipped) == (
        "img.png: note: binary file, skipped\ngone.txt: error: No such file or directory\n"
    )


def test_json_schema_v1() -> None:
    report = json.loads(reporting.render("json", sample_results()))
    assert report["version"] == 1
    assert report["tool"] == {"name": "textsweep", "version": __version__}
    assert [f["path"] for f in report["files"]] == ["docs/sample.txt"]  # clean files omitted
    entry = report["files"][0]
    assert entry["error"] is None and entry["note"] is None and entry["fixed"] == 0
    first = entry["findings"][0]
    assert first == {
        "rule": "invisible-character",
        "severity": "warning",
        "message": "U+200B ZERO WIDTH SPACE inside a word: remove it",
        "start": {"line": 1, "column": 11, "offset": 10},
        "end": {"line": 1, "column": 12, "offset": 11},
        "fixes": [
            {
                "title": "Remove U+200B ZERO WIDTH SPACE",
                "safe": True,
                "replacement": "",
                "start": {"line": 1, "column": 11, "offset": 10},
                "end": {"line": 1, "column": 12, "offset": 11},
            }
        ],
    }
    assert [(f["rule"], f["start"]["line"], f["start"]["column"]) for f in entry["findings"]] == [
        ("invisible-character", 1, 11),
        ("doubled-space", 2, 7),
        ("trailing-whitespace", 3, 14),
    ]
    assert report["summary"] == {
        "files": 2,
        "filesWithFindings": 1,
        "findings": 3,
        "fixable": 3,
        "errors": 0,
        "bySeverity": {"hint": 0, "info": 0, "warning": 3, "error": 0},
    }


def test_json_offsets_replay_the_fixes() -> None:
    """Applying the JSON fixes by offset gives what fix-all gives."""
    report = json.loads(reporting.render("json", sample_results()))
    text = SAMPLE
    fixes = [x for f in report["files"][0]["findings"] for x in f["fixes"] if x["safe"]]
    for fix in sorted(fixes, key=lambda x: x["start"]["offset"], reverse=True):
        text = text[: fix["start"]["offset"]] + fix["replacement"] + text[fix["end"]["offset"] :]
    assert text == FIXED


def test_json_reports_unreadable_files() -> None:
    results = [
        FileResult("gone.txt", None, error="No such file or directory"),
        FileResult("clean.txt", Document("ok\n"), ()),
    ]
    report = json.loads(reporting.render("json", results))
    assert report["files"] == [
        {
            "path": "gone.txt",
            "error": "No such file or directory",
            "note": None,
            "fixed": 0,
            "findings": [],
        },
    ]
    assert report["summary"]["errors"] == 1


@pytest.fixture(scope="module")
def sarif_validator() -> jsonschema.Draft4Validator:
    raw = SCHEMA_PATH.read_bytes()
    assert hashlib.sha256(raw).hexdigest() == SCHEMA_SHA256, "vendored schema changed"
    schema = json.loads(raw)
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema)


def test_sarif_is_valid_against_the_official_schema(
    sarif_validator: jsonschema.Draft4Validator,
) -> None:
    log = json.loads(reporting.render("sarif", sample_results()))
    errors = sorted(sarif_validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)
    assert log["version"] == "2.1.0"


def test_sarif_validation_can_fail(sarif_validator: jsonschema.Draft4Validator) -> None:
    """The validator is not vacuous: a misspelt property or a bad level is caught."""
    log = json.loads(reporting.render("sarif", sample_results()))
    log["runs"][0]["results"][0]["level"] = "fatal"
    assert not sarif_validator.is_valid(log)
    log = json.loads(reporting.render("sarif", sample_results()))
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startColum"] = 1
    assert not sarif_validator.is_valid(log)


def test_sarif_rules_results_and_fixes() -> None:
    log = json.loads(reporting.render("sarif", sample_results()))
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "textsweep" and driver["version"] == __version__
    rules = driver["rules"]
    assert [r["id"] for r in rules] == [r.id for r in all_rules()]
    by_id = {r["id"]: r for r in rules}
    zw = by_id["invisible-character"]
    assert zw["defaultConfiguration"] == {"enabled": True, "level": "warning"}
    assert zw["shortDescription"]["text"]
    assert zw["properties"]["family"] == "invisible"
    assert by_id["bidi-control"]["defaultConfiguration"]["level"] == "error"
    assert by_id["final-newline"]["defaultConfiguration"]["level"] == "note"

    results = run["results"]
    assert [rules[r["ruleIndex"]]["id"] for r in results] == [r["ruleId"] for r in results]
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in results]
    assert regions == [
        {"startLine": 1, "startColumn": 11, "endLine": 1, "endColumn": 12},
        {"startLine": 2, "startColumn": 7, "endLine": 2, "endColumn": 9},
        {"startLine": 3, "startColumn": 14, "endLine": 3, "endColumn": 17},
    ]
    loc = results[0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert loc == {"uri": "docs/sample.txt", "uriBaseId": "%SRCROOT%", "index": 0}
    assert run["artifacts"] == [
        {
            "location": {"uri": "docs/sample.txt", "uriBaseId": "%SRCROOT%"},
            "sourceLanguage": "plaintext",
        }
    ]
    fix = results[1]["fixes"][0]
    assert fix["description"] == {"text": "Replace with one space"}
    assert fix["artifactChanges"][0]["replacements"] == [
        {
            "deletedRegion": {"startLine": 2, "startColumn": 7, "endLine": 2, "endColumn": 9},
            "insertedContent": {"text": " "},
        }
    ]


def _apply_sarif_fixes(text: str, results: list[dict[str, Any]]) -> str:
    """Apply SARIF replacements the way a consumer would: line/column → offset."""
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)

    def offset(line: int, col: int) -> int:
        return starts[line - 1] + col - 1

    edits = []
    for r in results:
        for rep in r["fixes"][0]["artifactChanges"][0]["replacements"]:
            reg = rep["deletedRegion"]
            edits.append(
                (
                    offset(reg["startLine"], reg["startColumn"]),
                    offset(reg["endLine"], reg["endColumn"]),
                    rep["insertedContent"]["text"],
                )
            )
    for a, b, new in sorted(edits, reverse=True):
        text = text[:a] + new + text[b:]
    return text


def test_sarif_fixes_apply_to_the_exact_text() -> None:
    log = json.loads(reporting.render("sarif", sample_results()))
    assert _apply_sarif_fixes(SAMPLE, log["runs"][0]["results"]) == FIXED


def test_sarif_uri_is_percent_encoded_and_errors_become_notifications(
    sarif_validator: jsonschema.Draft4Validator,
) -> None:
    doc = Document(SAMPLE, "markdown")
    results = [
        FileResult("my notes/été#1.md", doc, lint(doc)),
        FileResult("locked.txt", None, error="Permission denied"),
    ]
    log = json.loads(reporting.render("sarif", results))
    assert sarif_validator.is_valid(log)
    run = log["runs"][0]
    assert run["artifacts"][0]["location"]["uri"] == "my%20notes/%C3%A9t%C3%A9%231.md"
    inv = run["invocations"][0]
    assert inv["executionSuccessful"] is False
    assert inv["toolExecutionNotifications"][0]["message"]["text"] == (
        "locked.txt: Permission denied"
    )


def test_sarif_without_findings_is_valid(sarif_validator: jsonschema.Draft4Validator) -> None:
    log = json.loads(reporting.render("sarif", []))
    assert sarif_validator.is_valid(log)
    assert log["runs"][0]["results"] == []


def test_github_annotations() -> None:
    assert reporting.render("github", sample_results()).splitlines() == [
        "::warning file=docs/sample.txt,line=1,col=11,endLine=1,endColumn=11,"
        "title=textsweep (invisible-character)::"
        "U+200B ZERO WIDTH SPACE inside a word: remove it",
        "::warning file=docs/sample.txt,line=2,col=7,endLine=2,endColumn=8,"
        "title=textsweep (doubled-space)::2 spaces in a row between words: replace with one",
        "::warning file=docs/sample.txt,line=3,col=14,endLine=3,endColumn=16,"
        "title=textsweep (trailing-whitespace)::Trailing whitespace (3 spaces): remove it",
    ]


def test_github_escaping_and_multiline_findings() -> None:
    doc = Document("a\n\n\n\nb\n", "plaintext")
    found = lint(doc)
    assert [f.rule for f in found] == ["blank-lines"]
    out = reporting.render("github", [FileResult("we,ird:name%.txt", doc, found)])
    # Spanning lines: no col/endColumn (GitHub rejects them), endLine is the last line.
    assert out == (
        "::notice file=we%2Cird%3Aname%25.txt,line=3,endLine=4,"
        "title=textsweep (blank-lines)::"
        "3 blank lines in a row (at most 1 allowed here): remove 2\n"
    )
    assert reporting.escape_data("50%\r\nnext: a,b") == "50%25%0D%0Anext: a,b"
    assert reporting.escape_property("50%\r\nnext: a,b") == "50%25%0D%0Anext%3A a%2Cb"
    err = reporting.render("github", [FileResult("x:y.txt", None, error="bad\nthing")])
    assert err == "::error file=x%3Ay.txt,title=textsweep::cannot check x:y.txt: bad%0Athing\n"


def test_empty_reports() -> None:
    assert reporting.render("text", []) == ""
    assert reporting.render("github", []) == ""
    assert json.loads(reporting.render("json", []))["files"] == []


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        reporting.render("xml", [])
    assert reporting.FORMATS == ("text", "json", "sarif", "github")


def _cli(*args: str, cwd: Path) -> tuple[int, str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "PYTHONPATH": str(HERE.parents[1] / "server")}
    out = subprocess.run(
        [sys.executable, "-m", "textsweep", "check", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        check=False,
    )
    return out.returncode, out.stdout


def test_cli_formats_end_to_end(
    tmp_path: Path, sarif_validator: jsonschema.Draft4Validator
) -> None:
    """`textsweep check --format …` through the real command line."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "sample.txt").write_bytes(SAMPLE.encode("utf-8"))
    (tmp_path / "clean.txt").write_text("all good\n", encoding="utf-8")

    code, out = _cli("--format", "sarif", ".", cwd=tmp_path)
    assert code == 1
    log = json.loads(out)
    assert sarif_validator.is_valid(log)
    results = log["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == [
        "invisible-character",
        "doubled-space",
        "trailing-whitespace",
    ]
    loc = results[0]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "docs/sample.txt"
    assert loc["region"] == {"startLine": 1, "startColumn": 11, "endLine": 1, "endColumn": 12}

    code, out = _cli("--format", "github", ".", cwd=tmp_path)
    assert code == 1
    assert out.splitlines()[0] == (
        "::warning file=docs/sample.txt,line=1,col=11,endLine=1,endColumn=11,"
        "title=textsweep (invisible-character)::U+200B ZERO WIDTH SPACE inside a word: remove it"
    )

    code, out = _cli("--format", "json", ".", cwd=tmp_path)
    report = json.loads(out)
    assert (code, report["version"], report["summary"]["files"]) == (1, 1, 2)

    code, out = _cli("--format", "sarif", "clean.txt", cwd=tmp_path)
    assert code == 0 and sarif_validator.is_valid(json.loads(out))
    assert _cli("--format", "github", "clean.txt", cwd=tmp_path) == (0, "")
