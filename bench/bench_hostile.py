"""Time every hostile input shape in every file type, with every rule on.

Run on purpose (not in the test suite):

    python bench/bench_hostile.py                 # engine and CLI, 20 KB and 100 KB
    python bench/bench_hostile.py --engine-only --sizes 20000
    python bench/bench_hostile.py --shape run:_ --lang markdown

For each shape × file type it prints the time of ``lint`` + ``fix_all`` in-process
and of ``textsweep check`` (a fresh process, so start-up included), and the ratio
to prose of the same size. A run longer than ``--timeout`` seconds is cut and shown
as ``>T``. The machine is shared: compare ratios, not seconds.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import statistics
import subprocess
import sys
import tempfile
import time
from multiprocessing.connection import Connection
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "server"))
sys.path.insert(0, str(ROOT))

from tests.unit.hostile_shapes import (  # noqa: E402
    LANGUAGES,
    SHAPES,
    every_rule_settings,
    prose,
    shape,
)

from textsweep.engine import Document, fix_all, lint, parse_settings  # noqa: E402
from textsweep.engine.caches import clear_caches  # noqa: E402

_EXT = {
    "plaintext": ".txt",
    "markdown": ".md",
    "latex": ".tex",
    "restructuredtext": ".rst",
    "html": ".html",
    "python": ".py",
}


def _engine_worker(conn: Connection) -> None:
    """Child process: time lint + fix_all for each (text, language, repeat) received."""
    config, _ = parse_settings(every_rule_settings())
    while True:
        job = conn.recv()
        if job is None:
            return
        text, language, repeat = job
        times = []
        for _ in range(repeat):
            clear_caches()
            doc = Document(text, language)
            t = time.perf_counter()
            lint(doc, config)
            fix_all(doc, config)
            times.append(time.perf_counter() - t)
        conn.send(statistics.median(times))


class EngineRunner:
    """A worker process that runs the engine; killed and replaced past a timeout
    (a regular expression in C cannot be interrupted by a signal)."""

    def __init__(self) -> None:
        self._start()

    def _start(self) -> None:
        self.conn, child = mp.Pipe()
        self.proc = mp.Process(target=_engine_worker, args=(child,), daemon=True)
        self.proc.start()

    def time(self, text: str, language: str, timeout: float, repeat: int = 1) -> float:
        """Median seconds of lint + fix_all on a cold engine (inf past ``timeout``)."""
        self.conn.send((text, language, repeat))
        if self.conn.poll(timeout * repeat):
            return float(self.conn.recv())
        self.proc.kill()
        self.proc.join()
        self._start()
        return float("inf")

    def close(self) -> None:
        self.conn.send(None)
        self.proc.join(5)


def cli_time(text: str, language: str, timeout: float, tmp: Path) -> float:
    """Seconds of ``textsweep check`` on the text written to a file (inf past timeout)."""
    path = tmp / f"hostile{_EXT[language]}"
    path.write_text(text, encoding="utf-8", newline="")
    cfg = tmp / "settings.json"
    cfg.write_text(json.dumps(every_rule_settings()), encoding="utf-8")
    cmd = [sys.executable, "-m", "textsweep", "check", "--config", str(cfg), str(path)]
    t = time.perf_counter()
    try:
        subprocess.run(cmd, capture_output=True, timeout=timeout, cwd=tmp, check=False)
    except subprocess.TimeoutExpired:
        return float("inf")
    return time.perf_counter() - t


def _fmt(t: float, timeout: float) -> str:
    return f">{timeout:.0f}" if t == float("inf") else f"{t:.3f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="20000,100000", help="comma-separated sizes")
    ap.add_argument("--shape", action="append", help="only these shapes (repeatable)")
    ap.add_argument("--lang", action="append", help="only these file types (repeatable)")
    ap.add_argument("--engine-only", action="store_true", help="skip the textsweep check runs")
    ap.add_argument("--timeout", type=float, default=30.0, help="seconds before a run is cut")
    ap.add_argument("--slow", type=float, default=2.0, help="count runs above this many seconds")
    args = ap.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    names = args.shape or list(SHAPES)
    langs = args.lang or list(LANGUAGES)
    kinds = ["engine"] if args.engine_only else ["engine", "check"]
    worst: dict[tuple[str, int], tuple[float, str]] = {}
    slow: dict[tuple[str, int], int] = {}
    runner = EngineRunner()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        base: dict[tuple[str, str, int], float] = {}
        for kind in kinds:
            for lang in langs:
                for size in sizes:
                    text = prose(size)
                    if kind == "engine":
                        base[kind, lang, size] = runner.time(text, lang, args.timeout, 3)
                    else:
                        base[kind, lang, size] = cli_time(text, lang, args.timeout, tmp)
        header = f"{'shape':28} {'type':17}" + "".join(
            f" {kind[:5]}@{size // 1000}K  ratio" for kind in kinds for size in sizes
        )
        print(header)
        print(
            f"{'(prose)':28} {'':17}"
            + "".join(
                f" {max(base[kind, lang, size] for lang in langs):10.3f}     -"
                for kind in kinds
                for size in sizes
            )
        )
        for name in names:
            for lang in langs:
                row = f"{name[:28]:28} {lang:17}"
                for kind in kinds:
                    for size in sizes:
                        text = shape(name, size)
                        if kind == "engine":
                            t = runner.time(text, lang, args.timeout)
                        else:
                            t = cli_time(text, lang, args.timeout, tmp)
                        ratio = t / max(base[kind, lang, size], 1e-6)
                        row += f" {_fmt(t, args.timeout):>10} {ratio:6.1f}"
                        key = (kind, size)
                        if t > worst.get(key, (0.0, ""))[0]:
                            worst[key] = (t, f"{name} / {lang}")
                        if t > args.slow:
                            slow[key] = slow.get(key, 0) + 1
                print(row, flush=True)
    runner.close()
    print()
    total = len(names) * len(langs)
    for kind in kinds:
        for size in sizes:
            t, where = worst.get((kind, size), (0.0, "-"))
            print(
                f"{kind} @ {size // 1000} KB: worst {_fmt(t, args.timeout)} s ({where}); "
                f"{slow.get((kind, size), 0)} of {total} runs over {args.slow:g} s"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
