"""Benchmark the engine and the language server on generated prose.

Run on purpose (not in the test suite):  python bench/bench_core.py [--quick]
Reports medians; the machine is shared, so compare ratios between runs rather
than trusting a single absolute figure.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "server"))

from textsweep.engine import Config, Document, lint
from textsweep.engine.caches import clear_caches

WORDS_FR = (
    "le la les un une des dépôt comité réunion budget été prêt élève façon garçon "
    "œuvre naïve Noël coût très où déjà après français réseau système données"
).split()
FAULTS = ["  ", "\u200b", "   \n", "\u2003", "\u00ad"]


def make_prose(size: int, fault_every: int, seed: int = 1) -> str:
    """French-looking prose with one fault about every ``fault_every`` characters."""
    rnd = random.Random(seed)
    parts: list[str] = []
    n = 0
    since = 0
    while n < size:
        sentence = " ".join(rnd.choice(WORDS_FR) for _ in range(rnd.randint(6, 16)))
        sentence = sentence.capitalize() + ". "
        if fault_every and since >= fault_every:
            cut = rnd.randrange(1, len(sentence) - 1)
            sentence = sentence[:cut] + rnd.choice(FAULTS) + sentence[cut:]
            since = 0
        if rnd.random() < 0.15:
            sentence = sentence.rstrip(" ") + "\n\n"
        parts.append(sentence)
        n += len(sentence)
        since += len(sentence)
    return "".join(parts)


def median_time(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


CORE_FAMILIES = ("whitespace", "invisible")


def core_only() -> Config:
    """Only the core issue's rule families (whitespace, invisible characters)."""
    from textsweep.engine import all_rules

    return Config(rules={r.id: False for r in all_rules() if r.family not in CORE_FAMILIES})


def bench_engine(
    size: int, fault_every: int, repeat: int, config: Config | None = None
) -> dict[str, float]:
    text = make_prose(size, fault_every)
    mb = len(text.encode("utf-8")) / 1e6
    config = config or Config()
    findings = len(lint(Document(text), config))

    def cold() -> None:
        clear_caches()
        lint(Document(text), config)

    cold_t = median_time(cold, repeat)
    t = median_time(lambda: lint(Document(text), config), repeat)
    return {
        "cold_median_s": round(cold_t, 4),
        "cold_MB_per_s": round(mb / cold_t, 1),
        "MB": round(mb, 2),
        "findings": findings,
        "warm_median_s": round(t, 4),
        "warm_MB_per_s": round(mb / t, 1),
    }


class RawClient:
    """Minimal JSON-RPC client over the server's stdio, for timing only."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "textsweep", "serve"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "server")},
        )
        self.events: dict[str, threading.Event] = {}
        self.received: dict[str, float] = {}
        self.counts: dict[str, int] = {}
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        while True:
            header = b""
            while not header.endswith(b"\r\n\r\n"):
                ch = out.read(1)
                if not ch:
                    return
                header += ch
            length = int(header.split(b"Content-Length: ")[1].split(b"\r\n")[0])
            msg = json.loads(out.read(length))
            key = str(msg.get("id", msg.get("method")))
            if msg.get("method") == "textDocument/publishDiagnostics":
                key = f"diag:{msg['params']['uri']}"
                self.counts[key] = len(msg["params"]["diagnostics"])
            self.received[key] = time.perf_counter()
            self.events.setdefault(key, threading.Event()).set()

    def send(self, obj: dict[str, object]) -> None:
        body = json.dumps(obj).encode()
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def wait(self, key: str, timeout: float = 60) -> float:
        ev = self.events.setdefault(key, threading.Event())
        if not ev.wait(timeout):
            raise TimeoutError(key)
        ev.clear()
        return self.received[key]

    def start(self, settings: dict[str, object] | None = None) -> None:
        self.send(
            {
                "jsonrpc": "2.0",
                "id": 1,
                "method": "initialize",
                "params": {
                    "processId": None,
                    "rootUri": None,
                    "capabilities": {},
                    "initializationOptions": {"textsweep": settings or {}},
                },
            }
        )
        self.wait("1")
        self.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})

    def open_and_time(self, uri: str, text: str) -> tuple[float, int]:
        t0 = time.perf_counter()
        self.send(
            {
                "jsonrpc": "2.0",
                "method": "textDocument/didOpen",
                "params": {
                    "textDocument": {
                        "uri": uri,
                        "languageId": "plaintext",
                        "version": 1,
                        "text": text,
                    }
                },
            }
        )
        t1 = self.wait(f"diag:{uri}")
        return t1 - t0, self.counts[f"diag:{uri}"]

    def stop(self) -> None:
        self.send({"jsonrpc": "2.0", "id": 99, "method": "shutdown"})
        self.wait("99")
        self.send({"jsonrpc": "2.0", "method": "exit"})
        self.proc.wait(10)


def bench_lsp(
    text: str, repeat: int, label: str, settings: dict[str, object] | None = None
) -> dict[str, float]:
    client = RawClient()
    client.start(settings)
    times = []
    count = 0
    for i in range(repeat):
        t, count = client.open_and_time(f"untitled:{label}-{i}.txt", text)
        times.append(t)
    client.stop()
    return {
        "MB": round(len(text.encode()) / 1e6, 2),
        "median_s": round(statistics.median(times), 3),
        "diagnostics": count,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="1 MB only, fewer repeats")
    # "cold": caches cleared before each run (a file opened for the first time, the
    # CLI); "warm": the same text linted again (per-paragraph caches hit, as after
    # an edit elsewhere in the document).
    args = parser.parse_args()
    repeat = 3 if args.quick else 5
    results: dict[str, object] = {}
    core = core_only()
    results["core_rules_engine_1MB_clean"] = bench_engine(1_000_000, 0, repeat, core)
    results["core_rules_engine_1MB_fault_every_300"] = bench_engine(1_000_000, 300, repeat, core)
    results["all_rules_engine_1MB_clean"] = bench_engine(1_000_000, 0, repeat)
    results["all_rules_engine_1MB_fault_every_300"] = bench_engine(1_000_000, 300, repeat)
    if not args.quick:
        results["core_rules_engine_10MB_fault_every_300"] = bench_engine(10_000_000, 300, 3, core)
        results["all_rules_engine_10MB_fault_every_300"] = bench_engine(10_000_000, 300, 3)
    core_settings: dict[str, object] = {
        "rules": {k: v for k, v in core.rules.items() if v is False}
    }
    results["core_rules_lsp_didOpen_to_diagnostics_1MB_faults"] = bench_lsp(
        make_prose(1_000_000, 300), repeat, "cf", core_settings
    )
    results["lsp_didOpen_to_diagnostics_1MB_clean"] = bench_lsp(
        make_prose(1_000_000, 0), repeat, "c"
    )
    results["lsp_didOpen_to_diagnostics_1MB_faults"] = bench_lsp(
        make_prose(1_000_000, 300), repeat, "f"
    )
    one_line = "abc  " * 400_000
    results["lsp_2MB_one_line_400k_doubled_spaces"] = bench_lsp(one_line, 3, "l")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
