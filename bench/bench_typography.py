"""Typography benchmarks: language-detector accuracy and cost, engine MB/s.

Run: ``PYTHONPATH=server python bench/bench_typography.py [--detectors] [--engine]``
(no flag: both). Figures are medians of several runs. The detector comparison
uses ``tests/data/corpus/langid/paragraphs.tsv`` (1–3 sentence paragraphs labelled fr,
en or other); lingua and py3langid are measured only when installed.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "server"))

from textsweep.engine import Config, Document, all_rules, lint  # noqa: E402
from textsweep.engine import language as language_mod  # noqa: E402

Detector = Callable[[str], str]


def labelled() -> list[tuple[str, str]]:
    rows = []
    path = ROOT / "tests" / "data" / "corpus" / "langid" / "paragraphs.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            label, text = line.split("\t", 1)
            rows.append((label, text))
    return rows


def ours() -> Detector:
    def run(text: str) -> str:
        language_mod.detect.cache_clear()
        lang = language_mod.detect(text).language
        return lang if lang in ("fr", "en") else ("other" if lang else "unsure")

    return run


def py3langid_detector() -> Detector | None:
    try:
        import py3langid.langid as L
    except ImportError:
        return None
    ident = L.LanguageIdentifier.from_modelpath(L.MODEL_DIR / L.MODEL_FILE, norm_probs=True)

    def run(text: str) -> str:
        lang, prob = ident.classify(text)
        if prob < 0.5:
            return "unsure"
        return lang if lang in ("fr", "en") else "other"

    return run


def lingua_detector() -> Detector | None:
    try:
        from lingua import Language, LanguageDetectorBuilder
    except ImportError:
        return None
    langs = [
        Language.FRENCH,
        Language.ENGLISH,
        Language.GERMAN,
        Language.SPANISH,
        Language.ITALIAN,
        Language.PORTUGUESE,
        Language.DUTCH,
    ]
    det = LanguageDetectorBuilder.from_languages(*langs).build()
    names = {Language.FRENCH: "fr", Language.ENGLISH: "en"}

    def run(text: str) -> str:
        lang = det.detect_language_of(text)
        if lang is None:
            return "unsure"
        return names.get(lang, "other")

    return run


def accuracy(det: Detector, rows: list[tuple[str, str]]) -> tuple[float, int, int, int]:
    """(accuracy, wrong, unsure, other-called-fr/en)."""
    ok = wrong = unsure = false_family = 0
    for label, text in rows:
        got = det(text)
        if got == label or (label == "other" and got == "unsure"):
            ok += 1
        elif got == "unsure":
            unsure += 1
        else:
            wrong += 1
            if label == "other":
                false_family += 1
    return ok / len(rows), wrong, unsure, false_family


def cost_per_mb(det: Detector, rows: list[tuple[str, str]], repeat: int = 5) -> float:
    """Seconds per MB of paragraphs (median of ``repeat`` runs, cache defeated)."""
    texts = [t for _, t in rows] * 20
    size = sum(len(t.encode()) for t in texts) / 1e6
    times = []
    for _ in range(repeat):
        t0 = time.process_time()
        for t in texts:
            det(t)
        times.append(time.process_time() - t0)
    return statistics.median(times) / size


def bench_detectors() -> None:
    rows = labelled()
    counts = {k: sum(1 for lab, _ in rows if lab == k) for k in ("fr", "en", "other")}
    print(f"labelled paragraphs: {len(rows)} {counts}")
    candidates: list[tuple[str, Callable[[], Detector | None]]] = [
        ("textsweep (stop words + shapes)", ours),
        ("py3langid (97 languages, p>=0.5)", py3langid_detector),
        ("lingua (7 languages)", lingua_detector),
    ]
    for name, make in candidates:
        t0 = time.process_time()
        det = make()
        load = time.process_time() - t0
        if det is None:
            print(f"{name:36s} not installed")
            continue
        acc, wrong, unsure, false_family = accuracy(det, rows)
        spm = cost_per_mb(det, rows)
        print(
            f"{name:36s} accuracy {acc:6.1%}  wrong {wrong:2d}  unsure {unsure:2d}  "
            f"other→fr/en {false_family:2d}  {spm:7.3f} s/MB  load {load:5.2f} s"
        )


def french_prose(size: int, faulty: bool = True) -> str:
    """About ``size`` bytes of French prose from the corpus: with the ``.bad.txt``
    files (many faults) when ``faulty``, else only the clean ``fr_*.txt`` files."""
    corpus = ROOT / "tests" / "data" / "corpus"
    files = sorted(corpus.glob("fr_*.txt"))
    if not faulty:
        files = [p for p in files if not p.name.endswith(".bad.txt")]
    parts = [p.read_text(encoding="utf-8") for p in files]
    base = "\n\n".join(parts)
    out = []
    n = 0
    i = 0
    while n < size:
        # vary each copy so per-paragraph caches do not make the run trivial
        chunk = base.replace("\n\n", f" {i}.\n\n")
        out.append(chunk)
        n += len(chunk.encode())
        i += 1
    return "\n\n".join(out)


def clear_structure_caches() -> None:
    """Forget everything learnt from earlier documents: a cold start."""
    from textsweep.engine import incremental
    from textsweep.engine.structure import markdown, plain

    language_mod.detect.cache_clear()
    language_mod._CONTRIB.clear()
    plain._block_spans.cache_clear()
    markdown._chunk_spans.cache_clear()
    incremental.clear()


def _median(run: Callable[[int], object], repeat: int, cold: bool) -> float:
    times = []
    for i in range(repeat):
        if cold:
            clear_structure_caches()
        t0 = time.process_time()
        run(i)
        times.append(time.process_time() - t0)
    return statistics.median(times)


def _edit(text: str, k: int) -> str:
    """``text`` with the ``k``-th paragraph from the middle edited (a word added)."""
    breaks = [m.start() for m in re.finditer("\n\n", text)]
    pos = breaks[(len(breaks) // 2 + 97 * k) % len(breaks)]
    return text[:pos] + " ajouté" + text[pos:]


def bench_engine(size: int = 1_000_000, repeat: int = 5) -> None:
    """MB/s of the whole engine (every rule) on French prose: cold (every cache
    cleared), warm (the same text in a new Document) and after an edit of one
    paragraph, as an editor re-lints; ratios to the whitespace-only baseline measured
    in the same run, since the machine may be shared."""
    typo_off = {r.id: False for r in all_rules() if r.family in ("french", "english")}
    baseline = Config(rules=typo_off)
    every = Config()
    faulty = french_prose(size)
    mb = len(faulty.encode()) / 1e6
    base = _median(lambda i: lint(Document(faulty, "plaintext"), baseline), repeat, cold=True)
    print(
        f"baseline (whitespace + invisible families only), faulty prose, plaintext, cold: "
        f"{mb:.1f} MB, median {base:.3f} s → {mb / base:.1f} MB/s"
    )
    print(f"{'engine, every rule':34s} {'cold':>16s} {'warm':>16s} {'after an edit':>16s}")
    for label, text in (("faulty", faulty), ("clean", french_prose(size, faulty=False))):
        mb = len(text.encode()) / 1e6
        edits = [_edit(text, k) for k in range(repeat)]
        for lang_id in ("plaintext", "markdown"):
            n = len(lint(Document(text, lang_id), every))

            def whole(i: int, t: str = text, lid: str = lang_id) -> object:
                return lint(Document(t, lid), every)

            def edited(i: int, e: list[str] = edits, lid: str = lang_id) -> object:
                return lint(Document(e[i], lid), every)

            cold = _median(whole, repeat, cold=True)
            warm = _median(whole, repeat, cold=False)
            edit = _median(edited, repeat, cold=False)
            cells = "".join(f"{mb / t:6.1f} MB/s ×{base / t:4.2f}" for t in (cold, warm, edit))
            print(f"{label} prose ({n:4d} findings), {lang_id:9s} {cells}")
    print("(×: speed relative to the baseline above, measured in the same run)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--detectors", action="store_true")
    ap.add_argument("--engine", action="store_true")
    args = ap.parse_args()
    both = not (args.detectors or args.engine)
    if args.detectors or both:
        bench_detectors()
    if args.engine or both:
        bench_engine()


if __name__ == "__main__":
    main()
