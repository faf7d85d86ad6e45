"""Real documents nobody on the project wrote: every finding on them has a verdict.

A new finding that nobody judged fails the test, with rows ready to paste into
``verdicts.tsv`` (replace ``?`` by real, false or convention and say why).
A verdict that no longer matches anything does not fail: fixing a false alarm
must not need a verdict edit.
"""

from __future__ import annotations

import csv

from . import realtext as R


def test_manifest_lists_exactly_the_corpus_files() -> None:
    entries = R.manifest()
    listed = {e.file for e in entries}
    on_disk = {str(p.relative_to(R.FILES)) for p in R.FILES.rglob("*") if p.is_file()}
    assert listed == on_disk
    assert {e.split for e in entries} == {"tuning", "heldout"}
    assert {"fr", "en", "de", "es", "it", "ru", "ja", "zh"} <= {e.lang for e in entries}
    for part in ("tuning", "heldout"):
        langs = {e.lang for e in entries if e.split == part}
        types = {e.ftype for e in entries if e.split == part}
        assert len(langs) == 8 and {"txt", "po", "md", "rst", "py", "js", "json"} <= types


def test_manifest_records_provenance_and_licence() -> None:
    with R.MANIFEST.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            for column in ("package", "version", "path", "licence", "extent"):
                assert row[column].strip(), (row["file"], column)


def test_verdicts_are_well_formed() -> None:
    with R.VERDICTS.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        assert reader.fieldnames == R.HEADER
        rows = list(reader)
    files = {e.file for e in R.manifest()}
    for row in rows:
        assert row["verdict"] in R.VERDICT_KINDS, row
        assert row["file"] in files, row
        assert row["note"].strip(), row
        if row["rule"] in R.WHITESPACE_FAMILY:
            assert row["text"] == row["context"] == "*", row


def test_every_finding_on_real_text_has_a_verdict() -> None:
    verdicts = R.verdicts()
    unjudged: dict[tuple[str, str, str, str], R.Hit] = {}
    for entry in R.manifest():
        for hit in R.hits(entry.file):
            if hit.key in verdicts or R.wildcard(hit.key) in verdicts:
                continue
            unjudged.setdefault(hit.key, hit)
    rows = "\n".join(h.row() for h in unjudged.values())
    assert not unjudged, f"{len(unjudged)} findings nobody judged; paste and judge:\n{rows}"
