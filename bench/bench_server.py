"""Benchmark the language server as an editor sees it, over stdio.

Run on purpose (never in the test suite):

    python bench/bench_server.py [--quick] [--text FILE ...] [--textlint]

Figures (medians of ``--runs`` samples, each on a fresh server process):

* didOpen → diagnostics, keystroke → fresh diagnostics, ``textDocument/formatting``
  (fix-all on save) and the ``source.fixAll`` code action, on distinct real text of
  200 KB, 1 MB and 5 MB, with 2 faults and with ~6,000 faults per MB;
* the degenerate shapes that made fix-all quadratic: a 1 MB repeated paragraph with
  4 faults, 200,000 short lines, one 2 MB line;
* the server's resident memory (now and at its peak) after opening a 5 MB and a
  20 MB file, both over the default ``textsweep.maxFileSize`` (cheap checks only),
  and the 5 MB one again with the limit raised (every check);
* ``textsweep check`` as a whole process, and side by side ``ftfy.fix_text`` and,
  with ``--textlint``, textlint with four comparable rules (installed with npm into
  ``.bench-cache/``), printed as ratios.

Real text: the files given with ``--text``, else ``tests/realtext/`` (the precision
corpus) plus Vim's manuals when installed; they are concatenated without repeating
any file until the size is reached (a size larger than the text available is
reported as such, not padded by repetition).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "server"))

KB = 1024
MB = 1024 * KB


def server_env() -> dict[str, str]:
    """The environment of the processes timed: the package from this checkout, with
    its bytecode cache, as an installed copy has one (pip compiles on install). With
    ``PYTHONDONTWRITEBYTECODE`` set (some shells and CI images set it), every start
    compiled the whole package from source again: 0.08 s more per process."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(ROOT / "server")
    return env


def compile_package() -> None:
    """Write the bytecode cache once, before any process is timed."""
    import compileall

    compileall.compile_dir(str(ROOT / "server" / "textsweep"), quiet=1)


# --------------------------------------------------------------------------- text


def real_files(given: list[str]) -> list[Path]:
    if given:
        return [Path(p) for p in given]
    found: list[Path] = []
    corpus = ROOT / "tests" / "realtext"
    if corpus.is_dir():
        found += sorted(
            p
            for p in corpus.rglob("*")
            if p.is_file() and p.suffix in {".txt", ".md", ".rst", ".po", ".html", ".tex", ""}
        )
    for vim in sorted(Path("/usr/share/vim").glob("vim*/doc")):
        found += sorted(vim.glob("*.txt"))
    return found


def real_text(files: list[Path], size: int) -> str:
    """Distinct real text of about ``size`` characters (no file used twice)."""
    parts: list[str] = []
    n = 0
    for p in files:
        try:
            t = p.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        t = t.replace("\r\n", "\n")
        parts.append(t if t.endswith("\n") else t + "\n")
        n += len(parts[-1])
        if n >= size:
            break
    text = "".join(parts)[:size]
    cut = text.rfind("\n")
    return text[: cut + 1] if cut > 0 else text


def inject(text: str, count: int, seed: int = 7) -> str:
    """``count`` faults with safe fixes (doubled space, zero-width space, trailing
    blank) at random word boundaries."""
    rnd = random.Random(seed)
    spaces = [i for i, c in enumerate(text) if c == " " and text[i - 1 : i].isalpha()]
    picks = sorted(rnd.sample(spaces, min(count, len(spaces))))
    out: list[str] = []
    last = 0
    for k, i in enumerate(picks):
        out.append(text[last:i])
        out.append(("  ", " \u200b", " ")[k % 3])
        last = i + 1
    out.append(text[last:])
    return "".join(out)


# --------------------------------------------------------------------------- client


class Server:
    """A textsweep server over stdio, spoken to with raw JSON-RPC frames."""

    def __init__(self, root: Path | None = None) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "textsweep", "serve"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=server_env(),
        )
        self.next_id = 0
        self.lock = threading.Condition()
        self.messages: list[dict[str, Any]] = []
        threading.Thread(target=self._read, daemon=True).start()
        self.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": root.as_uri() if root else None,
                "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}] if root else None,
                "capabilities": {
                    "general": {"positionEncodings": ["utf-16"]},
                    "textDocument": {
                        "publishDiagnostics": {"versionSupport": True},
                        "codeAction": {
                            "codeActionLiteralSupport": {
                                "codeActionKind": {"valueSet": ["quickfix", "source"]}
                            }
                        },
                    },
                    "workspace": {"workspaceEdit": {"documentChanges": True}},
                },
            },
        )
        self.notify("initialized", {})

    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        while True:
            length = 0
            while True:
                line = out.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            msg = json.loads(out.read(length))
            with self.lock:
                self.messages.append(msg)
                self.lock.notify_all()

    def _send(self, msg: dict[str, Any]) -> None:
        body = json.dumps(msg).encode()
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method: str, params: Any) -> None:
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait(self, pred: Callable[[dict[str, Any]], bool], timeout: float = 600) -> dict[str, Any]:
        end = time.monotonic() + timeout
        with self.lock:
            while True:
                for i, m in enumerate(self.messages):
                    if pred(m):
                        return self.messages.pop(i)
                left = end - time.monotonic()
                if left <= 0:
                    raise TimeoutError("no answer")
                self.lock.wait(left)

    def request(self, method: str, params: Any, timeout: float = 600) -> Any:
        self.next_id += 1
        rid = self.next_id
        self._send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        msg = self.wait(lambda m: m.get("id") == rid and "method" not in m, timeout)
        if "error" in msg:
            raise RuntimeError(msg["error"])
        return msg.get("result")

    def diagnostics(self, uri: str, version: int, timeout: float = 600) -> list[Any]:
        msg = self.wait(
            lambda m: (
                m.get("method") == "textDocument/publishDiagnostics"
                and m["params"]["uri"] == uri
                and m["params"].get("version") == version
            ),
            timeout,
        )
        return list(msg["params"]["diagnostics"])

    def rss_mb(self, field: str = "VmRSS") -> float:
        """Resident memory in MB (``VmHWM``: its peak so far)."""
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def close(self) -> None:
        try:
            self.request("shutdown", None, timeout=30)
            self.notify("exit", None)
            self.proc.wait(timeout=10)
        except Exception:  # noqa: BLE001 - a benchmark tears down whatever state it is in
            self.proc.kill()


def open_doc(server: Server, uri: str, text: str) -> float:
    t = time.perf_counter()
    server.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}},
    )
    server.diagnostics(uri, 1)
    return time.perf_counter() - t


def end_position(text: str) -> dict[str, int]:
    line = text.count("\n")
    last = text[text.rfind("\n") + 1 :]
    return {"line": line, "character": len(last.encode("utf-16-le")) // 2}


def keystroke(server: Server, uri: str, line: int, version: int) -> None:
    """Type ``x`` at the start of ``line`` (the document becomes ``version``) and wait
    for that version's diagnostics."""
    server.notify(
        "textDocument/didChange",
        {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [
                {
                    "range": {
                        "start": {"line": line, "character": 0},
                        "end": {"line": line, "character": 0},
                    },
                    "text": "x",
                }
            ],
        },
    )
    server.diagnostics(uri, version)


def measure(text: str, runs: int, other: str | None = None) -> dict[str, float]:
    """Medians over ``runs`` fresh servers: open, keystroke, formatting, fix-all;
    with ``other`` (distinct text of the same size), also the open of that second
    document in the same, now warm, server (imports, regexes and tables done)."""
    samples: dict[str, list[float]] = {"open": [], "keystroke": [], "format": [], "fixall": []}
    if other is not None:
        samples["open2"] = []
    mid_line = text.count("\n", 0, len(text) // 2)
    for run in range(runs):
        server = Server()
        uri = f"file:///bench/doc{run}.txt"
        try:
            samples["open"].append(open_doc(server, uri, text))
            if other is not None:
                samples["open2"].append(open_doc(server, f"file:///bench/other{run}.txt", other))
            t = time.perf_counter()
            keystroke(server, uri, mid_line, 2)
            # the server debounces keystrokes; report what the editor waits for
            samples["keystroke"].append(time.perf_counter() - t)
            t = time.perf_counter()
            server.request(
                "textDocument/formatting",
                {"textDocument": {"uri": uri}, "options": {"tabSize": 4, "insertSpaces": True}},
            )
            samples["format"].append(time.perf_counter() - t)
            # A new version first: the server keeps the edits it just computed for
            # the same version (an editor asks formatting and fix-all on save), and
            # this row measures a fix-all computed afresh.
            keystroke(server, uri, mid_line, 3)
            t = time.perf_counter()
            server.request(
                "textDocument/codeAction",
                {
                    "textDocument": {"uri": uri},
                    "range": {"start": {"line": 0, "character": 0}, "end": end_position(text)},
                    "context": {"diagnostics": [], "only": ["source.fixAll.textsweep"]},
                },
            )
            samples["fixall"].append(time.perf_counter() - t)
        finally:
            server.close()
    return {k: statistics.median(v) for k, v in samples.items()}


def rss_after_open(text: str, settings: dict[str, Any] | None = None) -> tuple[float, float]:
    """(RSS, peak RSS) in MB of a fresh server once a document's diagnostics are in."""
    server = Server()
    try:
        if settings is not None:
            server.notify("workspace/didChangeConfiguration", {"settings": {"textsweep": settings}})
        open_doc(server, "file:///bench/big.txt", text)
        return server.rss_mb(), server.rss_mb("VmHWM")
    finally:
        server.close()


def sized_text(files: list[Path], size: int) -> str:
    """Real text of ``size`` characters, repeated when there is not that much."""
    text = real_text(files, size)
    if len(text) < size:
        text = (text * (size // max(len(text), 1) + 1))[:size]
    return text


def cli_check(text: str, runs: int) -> float:
    """Median wall time of ``textsweep check FILE`` as a whole process."""
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "doc.txt"
        path.write_text(text, encoding="utf-8")
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "textsweep", "check", str(path)],
                stdout=subprocess.DEVNULL,
                env=server_env(),
                check=False,
            )
            times.append(time.perf_counter() - t)
        return statistics.median(times)


def ftfy_time(text: str, runs: int) -> float:
    import ftfy

    times = []
    for _ in range(runs):
        t = time.perf_counter()
        ftfy.fix_text(text)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


TEXTLINT_PACKAGES = [
    "textlint@15",
    "textlint-rule-no-zero-width-spaces@1",
    "textlint-rule-no-nfd@2",
    "@textlint-rule/textlint-rule-no-invalid-control-character@3",
    "textlint-rule-doubled-spaces@1",
]


def textlint_time(text: str, runs: int) -> float | None:
    cache = ROOT / ".bench-cache" / "textlint"
    binary = cache / "node_modules" / ".bin" / "textlint"
    if not binary.exists():
        if shutil.which("npm") is None:
            return None
        cache.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                "npm",
                "install",
                "--no-audit",
                "--no-fund",
                "--prefix",
                str(cache),
                *TEXTLINT_PACKAGES,
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    rc = {
        "rules": {
            "no-zero-width-spaces": True,
            "no-nfd": True,
            "@textlint-rule/no-invalid-control-character": True,
            "doubled-spaces": True,
        }
    }
    with tempfile.TemporaryDirectory() as d:
        (Path(d) / ".textlintrc.json").write_text(json.dumps(rc))
        path = Path(d) / "doc.txt"
        path.write_text(text, encoding="utf-8")
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            subprocess.run(
                [str(binary), "--rulesdir", str(cache / "node_modules"), str(path)],
                cwd=d,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env={**os.environ, "NODE_PATH": str(cache / "node_modules")},
                check=False,
            )
            times.append(time.perf_counter() - t)
        return statistics.median(times)


# --------------------------------------------------------------------------- main


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="200 KB and 1 MB only, 3 runs")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--text", nargs="*", default=[], help="real text files to use")
    ap.add_argument("--textlint", action="store_true", help="also time textlint (npm install)")
    ap.add_argument(
        "--only",
        nargs="*",
        default=None,
        help="only the rows whose label holds one of these words ('rss' and 'cli' name\n"
        "those sections), e.g. --only '1024 KB' cli",
    )
    args = ap.parse_args()
    compile_package()

    def wanted(label: str) -> bool:
        return args.only is None or any(w in label for w in args.only)

    runs = 3 if args.quick else args.runs
    files = real_files(args.text)
    if not files:
        sys.exit("no real text found: pass --text FILE ...")
    sizes = [200 * KB, 1 * MB] if args.quick else [200 * KB, 1 * MB, 5 * MB]

    print(f"server over stdio, medians of {runs} fresh servers (seconds)")
    print(
        f"{'input':44} {'open':>7} {'keystr':>7} {'format':>7} {'fixAll':>7} {'open2':>7}"
        "   (open2: a second, distinct document of that size, in the warm server)"
    )

    def row(name: str, text: str, other: str | None = None) -> None:
        if not wanted(name):
            return
        m = measure(text, runs, other)
        warm = f" {m['open2']:7.3f}" if "open2" in m else ""
        print(
            f"{name:44} {m['open']:7.3f} {m['keystroke']:7.3f} {m['format']:7.3f} "
            f"{m['fixall']:7.3f}{warm}",
            flush=True,
        )

    texts: dict[int, str] = {}
    for size in sizes:
        base = real_text(files, size)
        texts[size] = base
        label = f"{len(base) / KB:.0f} KB real text"
        if len(base) < size * 0.9:
            label += " (all there is)"
        # the text right after this one, as long: distinct paragraphs, no memo hits
        after = real_text(files, 2 * size)[len(base) :]
        other = inject(after, 2) if len(after) >= 0.9 * len(base) else None
        row(f"{label}, 2 faults", inject(base, 2), other)
        row(f"{label}, {6000 * len(base) // MB} faults", inject(base, 6000 * len(base) // MB))
    para = (
        "Le dépôt  est prêt\u200b ; la réunion du comité a lieu mardi. "
        "The build  passes on every platform. \n\n"
    )
    row("1 MB repeated paragraph, 4 faults each", para * (MB // len(para)))
    row("200,000 short lines", "ligne \n" * 200_000)
    row("one 2 MB line", ("mot  " * (2 * MB // 5)).rstrip() + "\n")

    print()
    for size, settings in ((5 * MB, None), (5 * MB, {"maxFileSize": 10 * MB}), (20 * MB, None)):
        if not wanted("rss"):
            break
        now, peak = rss_after_open(sized_text(files, size), settings)
        how = "every check" if settings else "default maxFileSize: cheap checks"
        print(f"RSS after opening {size // MB} MB ({how}): {now:.0f} MB, peak {peak:.0f} MB")

    if not wanted("cli"):
        return
    one = texts[1 * MB] if 1 * MB in texts else real_text(files, 1 * MB)
    start = cli_check("", runs)
    cli = cli_check(one, runs)
    ft = ftfy_time(one, runs)
    print(
        f"\n1 MB: textsweep check (whole process) {cli:.2f} s, of which start-up (an empty "
        f"file) {start:.2f} s; ftfy.fix_text {ft:.2f} s (ratio check/ftfy {cli / ft:.2f})"
    )
    if args.textlint:
        tl = textlint_time(one, runs)
        if tl is None:
            print("textlint: npm not found")
        else:
            print(
                f"1 MB: textlint (4 rules, whole process) {tl:.2f} s (ratio check/textlint "
                f"{cli / tl:.2f})"
            )


if __name__ == "__main__":
    main()
