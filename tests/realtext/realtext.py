"""Shared by the real-text test and the precision benchmark: the corpus, its
findings under the default settings, and the hand verdicts on them.

A finding is keyed by file, rule, the matched text and a short context (the
characters around it on its line), never by offsets, so that engine changes which
move or split findings elsewhere do not churn the verdicts.  Whitespace-family
rules are judged once per file and rule (context and text ``*``).
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
FILES = HERE / "files"
MANIFEST = HERE / "MANIFEST.tsv"
VERDICTS = HERE / "verdicts.tsv"
sys.path.insert(0, str(ROOT / "server"))

from textsweep.engine import (  # noqa: E402
    Config,
    Document,
    language_for_path,
    lint,
    textio,
)

#: Judged per file and rule, not one by one (they are what the file holds, not a
#: reading of its prose): see README.md.
WHITESPACE_FAMILY = frozenset(
    {"trailing-whitespace", "blank-lines", "final-newline", "mixed-line-endings"}
)
#: real = a fault an editor would want fixed; false = a false alarm; convention =
#: deliberate house style or a literal token the rule cannot know about.
VERDICT_KINDS = ("real", "false", "convention")
CONTEXT = 12
HEADER = ["file", "rule", "line", "text", "context", "verdict", "note"]


@dataclass(frozen=True)
class Entry:
    file: str
    lang: str
    ftype: str
    split: str
    package: str


@dataclass(frozen=True)
class Hit:
    """One finding, reduced to what a verdict is keyed on."""

    file: str
    rule: str
    line: int
    text: str
    context: str

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.file, self.rule, self.text, self.context)

    def row(self) -> str:
        return "\t".join([self.file, self.rule, str(self.line), self.text, self.context, "?", ""])


def escape(s: str) -> str:
    """Readable, TSV-safe and unambiguous: spaces other than U+0020 and controls
    become \\uXXXX (a no-break space must stay visible to whoever judges it)."""
    out = []
    for ch in s:
        if ch == "\\":
            out.append("\\\\")
        elif ch == " " or (ch.isprintable() and not ch.isspace()):
            out.append(ch)
        else:
            out.append(f"\\u{ord(ch):04x}")
    return "".join(out)


def manifest() -> list[Entry]:
    with MANIFEST.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [Entry(r["file"], r["lang"], r["type"], r["split"], r["package"]) for r in rows]


def document(rel: str) -> Document:
    path = FILES / rel
    text, raw = textio.read(str(path))
    return Document(text, language_for_path(str(path)), path.as_uri(), str(path), raw)


def hits(rel: str, config: Config | None = None) -> Iterator[Hit]:
    """The findings on one corpus file under ``config`` (default settings)."""
    doc = document(rel)
    text = doc.text
    for f in lint(doc, config or Config()):
        line = text.count("\n", 0, f.start) + 1
        if f.rule in WHITESPACE_FAMILY:
            yield Hit(rel, f.rule, line, "*", "*")
            continue
        ls = text.rfind("\n", 0, f.start) + 1
        le = text.find("\n", f.end)
        le = len(text) if le < 0 else le
        before = text[max(ls, f.start - CONTEXT) : f.start]
        after = text[f.end : min(le, f.end + CONTEXT)]
        match = text[f.start : f.end]
        yield Hit(rel, f.rule, line, escape(match), escape(f"{before}[{match}]{after}"))


def verdicts() -> dict[tuple[str, str, str, str], tuple[str, str]]:
    """Key → (verdict, note)."""
    out: dict[tuple[str, str, str, str], tuple[str, str]] = {}
    if not VERDICTS.exists():
        return out
    with VERDICTS.open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            out[(r["file"], r["rule"], r["text"], r["context"])] = (r["verdict"], r["note"])
    return out


def wildcard(key: tuple[str, str, str, str]) -> tuple[str, str, str, str]:
    """The key of a verdict given once for every context (one decision, many hits)."""
    return (key[0], key[1], key[2], "*")


def verdict_of(
    hit: Hit, table: dict[tuple[str, str, str, str], tuple[str, str]]
) -> tuple[str, str] | None:
    return table.get(hit.key) or table.get(wildcard(hit.key))


def chars(rel: str) -> int:
    return len(document(rel).text)
