"""Precision on real documents and recall on injected faults.

Run: ``python bench/bench_precision.py [--strict-french] [--recall-only|--no-recall]``

Precision: the real-text corpus (``tests/realtext``) is linted with the default
settings and every non-whitespace finding is looked up in the hand verdicts
(``verdicts.tsv``). Printed per part (tuning / held-out), per language and per
file type: characters, findings, real faults, false alarms, conventions, and
alarms per 10,000 characters (``false`` alone, and ``false+conv`` — what a
reader sees as noise). Whitespace-family rules (trailing whitespace, blank lines,
final newline, line endings) are judged per file and reported apart.

Recall: each fault kind is injected, one site at a time, into real prose of the
tuning part (sites drawn with a fixed seed, away from findings of the same rule); a fault
counts as found when a finding of the expected rule covers the injected span.

``--strict-french`` lints with the per-sign French policy that was the default
before ``either`` (U+202F before ; ! ? and in « », U+00A0 before :).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.realtext import realtext as R  # noqa: E402

from textsweep.engine import Config, Document, lint  # noqa: E402

STRICT_FRENCH = Config(
    options={
        "french": {
            "semicolon": "narrow",
            "exclamation": "narrow",
            "question": "narrow",
            "colon": "nbsp",
            "guillemets": "narrow",
        }
    }
)


# --------------------------------------------------------------------------- precision


def precision(config: Config) -> None:
    table = R.verdicts()
    entries = R.manifest()
    # (split, axis, value) -> Counter of chars / real / false / convention / unjudged
    stats: dict[tuple[str, str, str], Counter[str]] = defaultdict(Counter)
    ws: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    unjudged: list[R.Hit] = []
    sources: Counter[tuple[str, str, str]] = Counter()
    for e in entries:
        n = R.chars(e.file)
        groups = [(e.split, "lang", e.lang), (e.split, "type", e.ftype),
                  (e.split, "all", "all"), ("both", "all", "all")]  # fmt: skip
        for g in groups:
            stats[g]["chars"] += n
        for hit in R.hits(e.file, config):
            found = R.verdict_of(hit, table)
            verdict = found[0] if found else "unjudged"
            if hit.rule in R.WHITESPACE_FAMILY:
                ws[verdict] += 1
                continue
            kinds[verdict] += 1
            if found is not None and verdict != "real":
                tag = re.match(r"\[([\w-]+)\]", found[1])
                sources[(verdict, tag.group(1) if tag else found[1], hit.rule)] += 1
            if found is None:
                unjudged.append(hit)
            for g in groups:
                stats[g][verdict] += 1
    print("non-whitespace findings by verdict:", dict(kinds), "| whitespace family:", dict(ws))
    header = f"{'part':8} {'group':9} {'chars':>9} {'real':>5} {'false':>5} {'conv':>5} {'?':>3}"
    header += f" {'false/10k':>9} {'f+c/10k':>8}"
    for split in ("tuning", "heldout"):
        print()
        print(header)
        for axis in ("lang", "type", "all"):
            for (sp, ax, val), c in sorted(stats.items()):
                if sp != split or ax != axis:
                    continue
                per = 10_000 / c["chars"]
                print(f"{split:8} {val:9} {c['chars']:9} {c['real']:5} {c['false']:5} "
                      f"{c['convention']:5} {c['unjudged']:3} {c['false'] * per:9.2f} "
                      f"{(c['false'] + c['convention']) * per:8.2f}")  # fmt: skip
    c = stats[("both", "all", "all")]
    per = 10_000 / c["chars"]
    print(f"\nwhole corpus: {c['chars']} chars, false {c['false'] * per:.2f}/10k, "
          f"false+conv {(c['false'] + c['convention']) * per:.2f}/10k")  # fmt: skip
    print("\nwhere the noise comes from (verdict, source tag of the note, rule):")
    for (verdict, tag, rule), n in sources.most_common():
        print(f"{n:6}  {verdict:10} {tag:18} {rule}")
    if unjudged:
        print(f"\n{len(unjudged)} findings without a verdict (first 20):")
        for h in unjudged[:20]:
            print(" ", h.row())


# --------------------------------------------------------------------------- recall


@dataclass(frozen=True)
class Kind:
    """A fault: where it can go (regex on clean text), what it becomes, what finds it."""

    rule: str
    langs: tuple[str, ...]
    site: str
    make: Callable[[str], str]
    types: tuple[str, ...] = ("txt", "md", "rst")


_L = r"[^\W\d_]"
_HAN = "[\u4e00-\u9fff]"
_KANA = "[\u3041-\u3096\u30a1-\u30fa]"
_JA = "[\u3041-\u3096\u30a1-\u30fa\u4e00-\u9fff]"
KINDS: list[Kind] = [
    Kind("doubled-space", (), rf"(?<={_L}{_L}) (?={_L}{_L})", lambda s: "  "),
    Kind("odd-space", (), rf"(?<={_L}{_L}) (?={_L}{_L})", lambda s: "\u2003"),
    Kind("trailing-whitespace", (), rf"(?<={_L})(?=\n)", lambda s: " "),
    Kind("blank-lines", (), r"(?<=\S\n)\n(?=\S)", lambda s: "\n\n"),
    Kind("mixed-line-endings", (), rf"(?<={_L})\n", lambda s: "\r\n"),
    Kind("invisible-character", (), rf"(?<={_L}{_L})(?={_L}{_L})", lambda s: "\u200b"),
    Kind("bidi-control", (), rf"(?<={_L}{_L})(?={_L}{_L})", lambda s: "\u202e"),
    Kind("control-character", (), rf"(?<={_L}{_L})(?={_L}{_L})", lambda s: "\x1b"),
    Kind("replacement-character", (), rf"(?<={_L}){_L}(?={_L})", lambda s: "\ufffd"),
    Kind("c1-control", ("fr", "en", "de", "es", "it"), rf"(?<={_L})’(?={_L})", lambda s: "\x92"),
    Kind("mojibake", ("fr", "de", "es", "it"), r"\b\w*[éèàçöüäñò]\w*\b",
         lambda s: s.encode("utf-8").decode("cp1252", "replace")),
    Kind("unicode-normalization", ("fr", "es", "it"), r"é", lambda s: "e\u0301"),
    Kind("html-entity", ("fr", "es", "it"), r"é", lambda s: "&eacute;", ("txt",)),
    Kind("english-space-after", ("en",), r"(?<=[a-z]), (?=[a-z]{2})", lambda s: ","),
    Kind("english-space-before", ("en",), r"(?<=[a-z]{2}),(?= [a-z])", lambda s: " ,"),
    Kind("english-french-spacing", ("en",), r"(?<=[a-z]{2}):(?= [a-z])", lambda s: " :"),
    Kind("french-space-after", ("fr",), r"(?<=[a-zé]{2}), (?=[a-zé]{2})", lambda s: ","),
    Kind("french-space-before-comma", ("fr",), r"(?<=[a-zé]{2}),(?= [a-zé])", lambda s: " ,"),
    Kind("french-missing-space", ("fr",), rf"(?<={_L}{_L})[\u00a0\u202f](?=[?:;!])",
         lambda s: ""),
    Kind("french-breakable-space", ("fr",), rf"(?<={_L}{_L})[\u00a0\u202f](?=[?:;!])",
         lambda s: " "),
    Kind("french-guillemets", ("fr",), r"«(?=[\u00a0\u202f]\w)", lambda s: "««"),
    Kind("chinese-fullwidth-punctuation", ("zh",), f"(?<={_HAN})[，。](?={_HAN})",
         lambda s: "," if s == "，" else "."),
    Kind("chinese-space-around-punctuation", ("zh",), f"(?<={_HAN})(?=[，。]{_HAN})",
         lambda s: " "),
    Kind("chinese-latin-spacing", ("zh",), f"(?<={_HAN}) (?=[A-Za-z]{{2}})", lambda s: ""),
    Kind("japanese-fullwidth-punctuation", ("ja",), f"(?<={_KANA})[、。](?={_JA})",
         lambda s: "," if s == "、" else "."),
    Kind("japanese-space-around-punctuation", ("ja",), f"(?<={_KANA})(?=[、。]{_JA})",
         lambda s: " "),
]  # fmt: skip


#: Words that tell a paragraph's language, to inject language-specific faults only
#: into paragraphs of that language (the French manual keeps English paragraphs).
_MARKERS = {
    "fr": re.compile(r"\b(les|des|est|une|pour|dans|vous)\b"),
    "en": re.compile(r"\b(the|and|is|of|you|with)\b"),
}
_CODE_LINE = re.compile(r"^\s*(\.\. |:\w[\w-]*:|[$#>] |```)|[{};=|]|\S {2,}")


def _prose_lines(text: str, lang: str) -> set[int]:
    """Start offsets of lines in prose paragraphs (not code, markup or layout), and
    when ``lang`` is given, only in paragraphs written in that language."""
    out: set[int] = set()
    pos = 0
    fenced = False
    for para in re.split(r"(\n\s*\n)", text):
        lines = para.split("\n")
        marker = _MARKERS.get(lang)
        foreign = marker is not None and len(marker.findall(para)) < 2
        for line in lines:
            if line.lstrip().startswith("```"):
                fenced = not fenced
            elif not fenced and not foreign and not _CODE_LINE.search(line):
                out.add(pos)
            pos += len(line) + 1
        pos -= 1  # the split consumed no newline at the end of the paragraph
    return out


def recall(config: Config, per_kind: int, seed: int, show_misses: bool = False) -> None:
    rng = random.Random(seed)
    entries = [e for e in R.manifest() if e.split == "tuning"]
    docs = {e.file: R.document(e.file).text for e in entries}
    base = {e.file: lint(Document(docs[e.file], R.document(e.file).language_id), config)
            for e in entries}  # fmt: skip
    total = found_all = 0
    print(f"\n{'rule':28} {'found':>5} / {'sites':>5}")
    for kind in KINDS:
        sites: list[tuple[str, int, int]] = []
        for e in entries:
            if (kind.langs and e.lang not in kind.langs) or e.ftype not in kind.types:
                continue
            text = docs[e.file]
            prose = _prose_lines(text, e.lang if kind.langs else "")
            busy = [(f.start - 40, f.end + 40) for f in base[e.file] if f.rule == kind.rule]
            for m in re.finditer(kind.site, text):
                if text.rfind("\n", 0, m.start()) + 1 not in prose:
                    continue
                if any(a <= m.start() <= b for a, b in busy):
                    continue
                sites.append((e.file, m.start(), m.end()))
        rng.shuffle(sites)
        found = 0
        chosen = sites[:per_kind]
        for rel, s, t in chosen:
            text = docs[rel]
            new = kind.make(text[s:t])
            doc = Document(text[:s] + new + text[t:], R.document(rel).language_id)
            lo, hi = s - 2, s + len(new) + 2
            if any(f.rule == kind.rule and f.start <= hi and f.end >= lo
                   for f in lint(doc, config)):  # fmt: skip
                found += 1
            elif show_misses:
                ctx = text[max(0, s - 50) : s] + "⟦" + new + "⟧" + text[t : t + 30]
                print(f"  missed {kind.rule} in {rel}: {R.escape(ctx)}")
        total += len(chosen)
        found_all += found
        print(f"{kind.rule:28} {found:5} / {len(chosen):5}")
    print(f"recall on injected faults: {found_all}/{total} = {found_all / max(total, 1):.3f} "
          f"over {len(KINDS)} kinds")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--strict-french", action="store_true", help="the former default policy")
    ap.add_argument("--no-recall", action="store_true")
    ap.add_argument("--recall-only", action="store_true")
    ap.add_argument("--sites", type=int, default=25, help="injections per fault kind")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--misses", action="store_true", help="print each injected fault missed")
    args = ap.parse_args()
    config = STRICT_FRENCH if args.strict_french else Config()
    if not args.recall_only:
        precision(config)
    if not args.no_recall:
        recall(config, args.sites, args.seed, args.misses)


if __name__ == "__main__":
    main()
