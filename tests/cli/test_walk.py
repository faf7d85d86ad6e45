"""Directory walking: .gitignore, binaries, --exclude, the process pool, the progress bar."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from textsweep import walk
from textsweep.cli import check_one, load


def tree(root: Path, files: dict[str, bytes | str]) -> None:
    for name, content in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            p.write_text(content, encoding="utf-8")
        else:
            p.write_bytes(content)


def _files(paths: Sequence[str | Path], **kwargs: Any) -> list[Path]:
    return list(walk.iter_files(paths, **kwargs))


def rel(paths: list[Path], root: Path) -> list[str]:
    return [p.relative_to(root).as_posix() if p.is_absolute() else p.as_posix() for p in paths]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    tree(
        root,
        {
            ".git/HEAD": "ref: refs/heads/main\n",
            ".git/info/exclude": "secret.txt\n",
            ".gitignore": "*.log\n!keep.log\nbuild/\n/top-only.txt\n",
            "a.txt": "a\n",
            "debug.log": "x\n",
            "keep.log": "kept\n",
            "secret.txt": "s\n",
            "top-only.txt": "t\n",
            "build/out.txt": "o\n",
            "docs/top-only.txt": "anchored pattern does not reach here\n",
            "docs/.gitignore": "draft-*.md\n!draft-keep.md\n",
            "docs/draft-1.md": "d\n",
            "docs/draft-keep.md": "k\n",
            "docs/guide.md": "g\n",
            "docs/sub/notes.log": "ignored by the root .gitignore\n",
            "node_modules/pkg/readme.md": "skipped dir\n",
            "src/.venv/lib.txt": "skipped dir\n",
            "vendor/lib.min.js": "v\n",
            "vendor/lib.js": "v\n",
        },
    )
    return root


def test_gitignore_semantics(repo: Path) -> None:
    files = _files([repo])
    assert rel(files, repo) == [
        ".gitignore",
        "a.txt",
        "docs/.gitignore",
        "docs/draft-keep.md",
        "docs/guide.md",
        "docs/top-only.txt",
        "keep.log",
        "vendor/lib.js",
        "vendor/lib.min.js",
    ]


def test_subdirectory_sees_ancestor_gitignores(repo: Path) -> None:
    files = _files([repo / "docs"])
    assert rel(files, repo) == [
        "docs/.gitignore",
        "docs/draft-keep.md",
        "docs/guide.md",
        "docs/top-only.txt",
    ]


def test_no_gitignore_takes_everything_but_skip_dirs(repo: Path) -> None:
    files = rel(_files([repo], gitignore=False), repo)
    assert "debug.log" in files and "build/out.txt" in files and "secret.txt" in files
    assert not any(f.startswith((".git/", "node_modules/", "src/.venv/")) for f in files)


def test_exclude_globs_relative_to_cwd(repo: Path) -> None:
    files = _files(["."], exclude=["*.min.js", "docs/"], cwd=repo)
    assert rel(files, repo) == [".gitignore", "a.txt", "keep.log", "vendor/lib.js"]
    anchored = _files(["."], exclude=["/vendor"], cwd=repo)
    assert not any(p.as_posix().startswith("vendor") for p in anchored)


def test_named_paths_are_kept_as_typed(repo: Path) -> None:
    os_cwd = os.getcwd()
    try:
        os.chdir(repo)
        # Ignored, but named explicitly: taken (pre-commit passes files by name).
        assert _files(["debug.log", "a.txt", "a.txt"]) == [
            Path("debug.log"),
            Path("a.txt"),
        ]
        # --exclude still applies to a named file.
        assert _files(["vendor/lib.min.js"], exclude=["*.min.js"]) == []
        # A missing file comes back for the caller to report.
        assert _files(["nope.txt"]) == [Path("nope.txt")]
        # Directory results keep the prefix the user typed.
        assert _files(["docs"])[0] == Path("docs/.gitignore")
        # A directory named is walked by the usual rules (as `git ls-files -o` would).
        assert _files(["build"]) == []
        assert _files(["build"], gitignore=False) == [Path("build/out.txt")]
    finally:
        os.chdir(os_cwd)


def test_outside_a_repository_gitignore_below_still_applies(tmp_path: Path) -> None:
    tree(tmp_path, {"p/.gitignore": "*.tmp\n", "p/a.txt": "a", "p/b.tmp": "b"})
    assert rel(_files([tmp_path / "p"]), tmp_path) == ["p/.gitignore", "p/a.txt"]


def test_binary_detection(tmp_path: Path) -> None:
    tree(
        tmp_path,
        {
            "img.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "utf16.txt": b"\xff\xfeh\x00\xe9\x00",
            "text.txt": "plain\n",
        },
    )
    assert load(str(tmp_path / "img.png")).note == "binary file, skipped"
    utf16 = load(str(tmp_path / "utf16.txt"))  # NULs, but a BOM
    assert utf16.note is None and utf16.document is not None
    assert utf16.document.text == "hé"
    text = load(str(tmp_path / "text.txt")).document
    assert text is not None and (text.text, text.raw) == ("plain\n", b"plain\n")


def slow_square(x: int) -> tuple[int, int]:
    time.sleep(0.002)
    return x * x, os.getpid()


def test_map_files_keeps_order_and_uses_processes() -> None:
    items = list(range(200))
    serial = walk.map_files(slow_square, items, jobs=1)
    assert [r for r, _ in serial] == [x * x for x in items]
    assert {pid for _, pid in serial} == {os.getpid()}
    parallel = walk.map_files(slow_square, items, jobs=2)
    assert [r for r, _ in parallel] == [x * x for x in items]
    assert os.getpid() not in {pid for _, pid in parallel}
    # Few items: not worth a pool.
    small = walk.map_files(slow_square, items[:5], jobs=2)
    assert {pid for _, pid in small} == {os.getpid()}


def test_parallel_check_equals_serial(tmp_path: Path) -> None:
    for i in range(120):
        (tmp_path / f"f{i:03}.txt").write_text(f"line {i}  doubled\u200b \n", encoding="utf-8")
    files = [str(p) for p in _files([tmp_path])]
    worker = partial(check_one, user_settings=None)
    serial = walk.map_files(worker, files, jobs=1)
    parallel = walk.map_files(worker, files, jobs=2)
    assert [(r.path, list(r.findings)) for r in parallel] == [
        (r.path, list(r.findings)) for r in serial
    ]
    assert sum(len(r.findings) for r in serial) == 120 * 3


class FakeTTY(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal() -> None:
    tty = FakeTTY()
    walk.map_files(str, list(range(10)), jobs=1, stream=tty)
    out = tty.getvalue()
    assert "\r[" in out and "10/10 files" in out
    assert out.endswith("\r\x1b[K")  # erased before the report
    pipe = io.StringIO()
    walk.map_files(str, list(range(10)), jobs=1, stream=pipe)
    assert pipe.getvalue() == ""
    forced = io.StringIO()
    walk.map_files(str, list(range(3)), jobs=1, stream=forced, progress=True)
    assert "3/3 files" in forced.getvalue()


def test_cli_progress_goes_to_a_terminal_stderr_only(tmp_path: Path) -> None:
    """Through a pseudo-terminal the bar shows; with a pipe, stderr stays empty."""
    for i in range(60):
        (tmp_path / f"f{i}.txt").write_text("ok\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(walk.__file__).parent.parent)}
    piped = subprocess.run(
        [sys.executable, "-m", "textsweep", "check", str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert (piped.returncode, piped.stdout, piped.stderr) == (0, "", "")

    import pty

    primary, secondary = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "textsweep", "check", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=secondary,
        env=env,
    )
    os.close(secondary)
    stdout, _ = proc.communicate(timeout=60)
    chunks = []
    while True:
        try:
            data = os.read(primary, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.close(primary)
    assert proc.returncode == 0 and stdout == b""
    assert b"60/60 files" in b"".join(chunks)


def test_cli_exclude_and_gitignore(repo: Path) -> None:
    (repo / "a.txt").write_text("a  b\n", encoding="utf-8")
    (repo / "debug.log").write_text("c  d\n", encoding="utf-8")
    (repo / "vendor" / "notes.md").write_text("e  f\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(walk.__file__).parent.parent)}

    def check(*args: str) -> list[str]:
        out = subprocess.run(
            [sys.executable, "-m", "textsweep", "check", *args],
            capture_output=True,
            text=True,
            cwd=repo,
            env=env,
            check=False,
        )
        return sorted(line.split(":")[0] for line in out.stdout.splitlines())

    assert check(".") == ["a.txt", "vendor/notes.md"]
    assert check(".", "--exclude", "vendor/") == ["a.txt"]
    assert check(".", "--exclude", "*.md", "--exclude", "a.*") == []
    assert check(".", "--no-gitignore") == ["a.txt", "debug.log", "vendor/notes.md"]
    assert check("debug.log") == ["debug.log"]
