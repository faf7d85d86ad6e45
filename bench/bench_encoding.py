"""Engine speed with the encoding rules on, and the cost of checking a file's bytes.

    PYTHONPATH=server python bench/bench_encoding.py [--mb 2] [--repeat 5]

Reports medians: engine MB/s on clean French prose with every rule on (opt-in
ones included), the same with one fault every ~300 characters, the mojibake
rule alone, and ``inspect_bytes`` on a 10 MB UTF-8 file (accented French, and
mostly-ASCII English).
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable

from textsweep.engine import Document, all_rules, lint, parse_settings
from textsweep.engine.encoding import inspect_bytes, warm_up

N, NN = "\u00a0", "\u202f"  # no-break and narrow no-break spaces, as French wants
FRENCH = (
    f"Le dépôt de l’été{N}: «{NN}Hélène Dupré{NN}» a payé 12,50{N}€ à Noël — très cher… "
    f"Où est l’hôpital{NN}? Ça coûte cher, mais la qualité est là. Les élèves préfèrent "
    f"étudier à la bibliothèque près de la forêt. Nous avons reçu votre lettre du 3 février{NN}; "
    f"la réunion aura lieu à 14 h dans la salle des fêtes. «{NN}CAFÉ{NN}!{NN}» s’écria-t-elle.\n"
)
ENGLISH = (
    "The quick brown fox jumps over the lazy dog; it was the best of times, it was the "
    "worst of times, and the committee met on Tuesday at 3 p.m. to discuss the budget.\n"
)
FAULTS = [
    "dÃ©pÃ´t",
    "lâ€™Ã©tÃ©",
    "compatibilit&eacute;",
    "l\x92admettre",
    "de\u0301po\u0302t",
    "insÃƒÂ¨re",
    "Ã\x89dition",
]


def _median(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def _text(mb: float, faults: bool) -> str:
    size = int(mb * 1_000_000)
    text = (FRENCH * (size // len(FRENCH.encode()) + 1))[:size]
    if not faults:
        return text
    rng = random.Random(3)
    words = text.split(" ")
    step = 300 // 6  # about one fault per 300 characters (words ~6 chars)
    for i in range(rng.randrange(step), len(words), step):
        words[i] = rng.choice(FAULTS)
    return " ".join(words)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=2.0)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    warm_up()
    default, _ = parse_settings({})
    every, _ = parse_settings({"rules": {r.id: True for r in all_rules()}})
    mojibake_only, _ = parse_settings({"rules": {r.id: r.id == "mojibake" for r in all_rules()}})
    ours, _ = parse_settings(
        {"rules": {r.id: r.family in ("encoding", "unicode") for r in all_rules()}}
    )
    rows = []
    for label, faults, config in (
        ("clean French, default settings", False, default),
        ("clean French, all rules (opt-in too)", False, every),
        ("clean French, encoding+unicode rules", False, ours),
        ("clean French, mojibake only", False, mojibake_only),
        ("French, 1 fault / ~300 chars, default settings", True, default),
        ("French, 1 fault / ~300 chars, encoding+unicode", True, ours),
        ("French, 1 fault / ~300 chars, mojibake only", True, mojibake_only),
    ):
        text = _text(args.mb, faults)
        nbytes = len(text.encode())
        doc_text, cfg = text, config
        t = _median(lambda d=doc_text, c=cfg: lint(Document(d, "plaintext"), c), args.repeat)
        n = len(lint(Document(doc_text, "plaintext"), cfg))
        rows.append((label, nbytes / t / 1e6, n))
    for label, mbps, n in rows:
        print(f"{label:48s} {mbps:7.1f} MB/s  ({n} findings)")
    for label, unit in (("accented French", FRENCH), ("mostly-ASCII English", ENGLISH)):
        raw = (unit * (10_000_000 // len(unit.encode()) + 1)).encode()[:10_000_000]
        raw = raw[: len(raw.decode("utf-8", "ignore").encode())]
        t = _median(lambda raw=raw: inspect_bytes(raw), max(args.repeat, 7))
        print(f"inspect_bytes, 10 MB UTF-8 {label:22s} {t * 1000:7.2f} ms")
    bad = FRENCH.encode("cp1252", "replace") * 1000
    t = _median(lambda: inspect_bytes(bad), args.repeat)
    print(
        f"inspect_bytes, {len(bad) / 1e6:.1f} MB Windows-1252 (detection)      {t * 1000:7.2f} ms"
    )


if __name__ == "__main__":
    main()
