"""Benchmark workspace diagnostics through the real server against ``textsweep check``.

Run on purpose (never in the test suite):

    python bench/bench_workspace.py [--files 2000] [--runs 5]

A workspace of ``--files`` files is made from excerpts of the real text in
``tests/realtext/files`` (each excerpt a different slice, 300 to 6,000 characters,
keeping the original file's extension, spread over nested folders, one
``.gitignore``). Figures, medians of ``--runs`` samples:

* ``textsweep check`` on the tree, as a whole process (its worker pool included);
* the first ``workspace/diagnostic`` of a fresh server (partial results on, as VS
  Code asks), from the request to the answer (the server's worker pool included);
* the second one with every ``previousResultId`` given and nothing changed.

Goals: first ≤ check time + 20 %; second < 1 s. On a shared machine the wall times
swing with the load, so the CPU time each side spent (processes and their worker
processes, user + system) is printed too: it does not depend on who else runs.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from bench_server import Server  # noqa: E402

CORPUS = ROOT / "tests" / "realtext" / "files"


def make_workspace(root: Path, count: int, seed: int = 14) -> int:
    """``count`` files of real-text excerpts under ``root``; their total size."""
    rng = random.Random(seed)
    sources: list[tuple[str, str]] = []
    for p in sorted(CORPUS.rglob("*")):
        if not p.is_file():
            continue
        try:
            sources.append((p.suffix or ".txt", p.read_text(encoding="utf-8")))
        except UnicodeDecodeError:
            continue
    total = 0
    (root / ".git").mkdir(parents=True)
    (root / ".gitignore").write_text("build/\n*.log\n", encoding="utf-8")
    for i in range(count):
        suffix, text = sources[i % len(sources)]
        size = rng.randint(300, 6000)
        start = rng.randrange(0, max(1, len(text) - size))
        # Start and end at line boundaries, as a real file would.
        start = text.rfind("\n", 0, start) + 1
        end = text.find("\n", start + size)
        excerpt = text[start : end + 1 if end >= 0 else len(text)]
        folder = root / f"part{i % 10}" / f"chapter{i % 37:02}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"f{i:05}{suffix}"
        path.write_text(excerpt, encoding="utf-8")
        total += len(excerpt.encode("utf-8"))
    return total


def time_check(root: Path) -> tuple[float, float]:
    """Wall seconds and CPU seconds (with its worker processes) of ``textsweep check``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "textsweep", "check", "--format", "json", str(root)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def cpu_seconds(pid: int) -> float:
    """CPU seconds of a process and its live children (the server and its workers)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    pids = [pid]
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            pids += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    for p in pids:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return total


def pull(server: Server, previous: dict[str, str], token: str) -> tuple[float, list[Any]]:
    """One ``workspace/diagnostic``: seconds to the answer, and every report."""
    t = time.perf_counter()
    result = server.request(
        "workspace/diagnostic",
        {
            "previousResultIds": [{"uri": u, "value": v} for u, v in previous.items()],
            "partialResultToken": token,
        },
    )
    elapsed = time.perf_counter() - t
    items: list[Any] = list(result["items"])
    with server.lock:
        rest = []
        for m in server.messages:
            params = m.get("params") or {}
            if m.get("method") == "$/progress" and params.get("token") == token:
                items.extend(params["value"]["items"])
            else:
                rest.append(m)
        server.messages[:] = rest
    return elapsed, items


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="textsweep-bench-ws-"))
    try:
        root = tmp / "ws"
        size = make_workspace(root, args.files)
        print(f"workspace: {args.files} files, {size / 1e6:.1f} MB of real-text excerpts")
        checks: list[float] = []
        check_cpus: list[float] = []
        first_cpus: list[float] = []
        firsts: list[float] = []
        seconds: list[float] = []
        counts: set[tuple[int, int, int]] = set()
        for run in range(args.runs):
            wall, cpu = time_check(root)
            checks.append(wall)
            check_cpus.append(cpu)
            server = Server(root)
            try:
                idle = cpu_seconds(server.proc.pid)
                first, items = pull(server, {}, f"first-{run}")
                first_cpus.append(cpu_seconds(server.proc.pid) - idle)
                previous = {r["uri"]: r["resultId"] for r in items if r.get("resultId")}
                second, again = pull(server, previous, f"second-{run}")
            finally:
                server.close()
            firsts.append(first)
            seconds.append(second)
            unchanged = sum(1 for r in again if r["kind"] == "unchanged")
            problems = sum(len(r.get("items", [])) for r in items)
            counts.add((len(items), problems, unchanged))
            print(
                f"run {run + 1}: check {checks[-1]:.2f} s (CPU {check_cpus[-1]:.1f} s), "
                f"first pull {first:.2f} s (CPU {first_cpus[-1]:.1f} s), "
                f"second pull {second:.2f} s ({len(items)} files, {problems} problems, "
                f"{unchanged} unchanged the second time)"
            )
        check, first, second = (statistics.median(x) for x in (checks, firsts, seconds))
        print(
            f"median of {args.runs}: textsweep check {check:.2f} s | first workspace/diagnostic "
            f"{first:.2f} s ({(first / check - 1) * 100:+.0f} % vs check; goal ≤ +20 %) | "
            f"second, nothing changed {second:.2f} s (goal < 1 s)"
        )
        cc, fc = statistics.median(check_cpus), statistics.median(first_cpus)
        print(
            f"CPU time, median: textsweep check {cc:.1f} s | first workspace/diagnostic "
            f"{fc:.1f} s ({(fc / cc - 1) * 100:+.0f} %)"
        )
        if len(counts) != 1:
            print(f"warning: runs disagree on what they found: {sorted(counts)}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
