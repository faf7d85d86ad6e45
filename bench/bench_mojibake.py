"""Mojibake repair on a labelled set of real look-alikes and real mojibake.

    PYTHONPATH=server python bench/bench_mojibake.py [--verbose]

``tests/data/mojibake/labelled.tsv`` (see ``make.py`` there for provenance):
clean translators' strings that the pre-filter matches, strings shipped as
mojibake in Debian's catalogues, and real sentences mis-decoded in seven ways.
Each line is one document, fixed with only the encoding repair rules on.
Printed: look-alikes changed by a safe fix (goal 0), mojibake repaired exactly
(goal ≥ 95 %), and the failures.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from textsweep.engine import Config, Document, all_rules, fix_all, parse_settings

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "mojibake" / "labelled.tsv"


def _unesc(s: str) -> str:
    out = []
    i = 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s):
            out.append({"t": "\t", "n": "\n", "\\": "\\"}.get(s[i + 1], s[i + 1]))
            i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


def rows() -> list[tuple[str, str, str, str]]:
    """``(label, text, expected, source)`` for every labelled line."""
    out = []
    for line in DATA.read_text(encoding="utf-8").splitlines()[1:]:
        label, text, expected, source = line.split("\t")
        out.append((label, _unesc(text), _unesc(expected), source))
    return out


def config() -> Config:
    rules: dict[str, bool] = {r.id: False for r in all_rules()}
    rules.update({"mojibake": True, "c1-control": True})
    cfg, _ = parse_settings({"rules": rules})
    return cfg


def outcome(label: str, text: str, expected: str, cfg: Config) -> bool:
    """A look-alike left as written; a mojibake line repaired exactly."""
    return fix_all(Document(text + "\n"), cfg).text == expected + "\n"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    cfg = config()
    total: Counter[str] = Counter()
    good: Counter[str] = Counter()
    for label, text, expected, source in rows():
        if label == "lookalike":
            kind = label
        elif source.startswith("wild"):
            kind = "wild"
        else:
            kind = "made-utf8" if source.startswith("made: utf-8") else "made-8bit"
        total[kind] += 1
        if outcome(label, text, expected, cfg):
            good[kind] += 1
        elif args.verbose or label == "lookalike":
            got = fix_all(Document(text + "\n"), cfg).text.rstrip("\n")
            print(f"{kind:9} {text[:70]!r} -> {got[:70]!r} ({source[:60]})")
    changed = total["lookalike"] - good["lookalike"]
    print(f"look-alikes changed by a safe fix: {changed} of {total['lookalike']} (goal 0)")
    names = {
        "wild": "shipped in Debian catalogues",
        "made-utf8": "UTF-8 read in a single-byte codec",
        "made-8bit": "MacRoman/DOS text read as Windows-1252",
    }
    for kind, name in names.items():
        print(
            f"mojibake repaired exactly, {name}: {good[kind]} of {total[kind]} "
            f"({100 * good[kind] / max(total[kind], 1):.1f} %)"
        )
    utf8 = good["wild"] + good["made-utf8"]
    n = total["wild"] + total["made-utf8"]
    print(f"UTF-8 mojibake repaired exactly: {utf8} of {n} ({100 * utf8 / n:.1f} %, goal ≥ 95 %)")
    return 1 if changed or utf8 < 0.95 * n else 0


if __name__ == "__main__":
    sys.exit(main())
