"""EditorConfig globs: the spec's cases, and hostile globs in bounded time.

The cases follow the EditorConfig spec and the semantics of editorconfig-core-test's
glob tests (star, star_star, question, brackets, braces, numeric ranges, escapes).
"""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

import pytest

from textsweep import editorconfigfile
from textsweep.globmatch import Glob, glob_match
from textsweep.settings import editorconfig_settings

CASES = [
    # star: anything but a slash
    ("a*e.c", "ace.c", True),
    ("a*e.c", "abcde.c", True),
    ("a*e.c", "a/e.c", False),
    ("*.py", "x.py", True),
    ("*.py", "x.pyc", False),
    # star_star: anything, slashes too; /**/ also matches one slash
    ("a**z.c", "a/b/z.c", True),
    ("a/**/z.c", "a/z.c", True),
    ("a/**/z.c", "a/b/c/z.c", True),
    ("a/**/z.c", "ab/z.c", False),
    ("**.md", "docs/guide/intro.md", True),
    # question mark: one character, not a slash
    ("som?.c", "some.c", True),
    ("som?.c", "som.c", False),
    ("som?.c", "som/.c", False),
    # brackets
    ("[ab].a", "a.a", True),
    ("[ab].a", "c.a", False),
    ("[!ab].b", "c.b", True),
    ("[!ab].b", "a.b", False),
    ("[d-g].c", "f.c", True),
    ("[d-g].c", "h.c", False),
    ("[a-cf].f", "f.f", True),
    ("[\\]ab].g", "].g", True),
    ("[-ab].e", "-.e", True),
    ("ab[e/]cd.i", "ab[e/]cd.i", True),  # a slash makes the [ literal
    ("ab[e/]cd.i", "abecd.i", False),
    ("[************x]", "x", True),
    ("[************x]", "*", True),
    ("[************x]", "y", False),
    # braces
    ("*.{py,js,html}", "a.js", True),
    ("*.{py,js,html}", "a.css", False),
    ("{single}.b", "{single}.b", True),
    ("{single}.b", "single.b", False),
    ("{}.c", "{}.c", True),
    ("{.f", "{.f", True),
    ("{word,{also},this}.g", "{also}.g", True),
    ("{a,{b,c}}.h", "c.h", True),
    ("{,a}.i", ".i", True),
    ("{,a}.i", "a.i", True),
    ("{a\\,b,cd}", "a,b", True),
    ("{a\\,b,cd}", "a", False),
    # numeric ranges
    ("{3..120}", "3", True),
    ("{3..120}", "60", True),
    ("{3..120}", "121", False),
    ("{3..120}", "060", False),
    ("{-5..5}.x", "-3.x", True),
    ("{aardvark..antelope}", "{aardvark..antelope}", True),
    ("{aardvark..antelope}", "apple", False),
    ("file{1..3}.txt", "file2.txt", True),
    # escapes
    ("a\\*b", "a*b", True),
    ("a\\*b", "axb", False),
    ("\\?.x", "?.x", True),
    ("\\?.x", "a.x", False),
]


@pytest.mark.parametrize(("glob", "path", "expected"), CASES)
def test_spec_cases(glob: str, path: str, expected: bool) -> None:
    assert glob_match(glob, path) is expected


def _median_time(glob: str, path: str) -> float:
    runs = []
    for _ in range(5):
        t = time.perf_counter()
        Glob(glob).match(path)  # compiled afresh: no transitions cached from a run before
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


@pytest.mark.parametrize(
    "hostile",
    [
        lambda n: "[" + "*" * n + "x]",
        lambda n: "*a" * n + "b",
        lambda n: "{" + ",".join("*a" * i for i in range(1, n)) + "}b",
        lambda n: "**/" * n + "x",
    ],
)
def test_hostile_globs_take_time_linear_in_the_path(hostile) -> None:  # type: ignore[no-untyped-def]
    """Doubling the path at most triples the time (the library: never returns)."""
    glob = hostile(12)
    small = "/home/user/projects/some/deep/directory/" + "a" * 200
    large = small + "a" * len(small)
    assert not glob_match(glob, small)
    t_small = _median_time(glob, small)
    t_large = _median_time(glob, large)
    assert t_large <= 3 * t_small + 0.005, (t_small, t_large)


def test_too_long_globs_match_nothing() -> None:
    assert glob_match("*", "x")
    assert not glob_match("*" * 5000, "x")
    assert not glob_match("{" * 100 + "x" + "}" * 100, "x")  # nested too deep


# --------------------------------------------------------------------- the files


def _props(tmp_path: Path, editorconfig: str, rel: str) -> dict[str, str]:
    (tmp_path / ".editorconfig").write_text(editorconfig, encoding="utf-8")
    target = tmp_path / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("x\n", encoding="utf-8")
    return editorconfigfile.get_properties(str(target))


def test_sections_anchor_like_the_reference(tmp_path: Path) -> None:
    ec = (
        "root = true\n[*]\nindent_size = 2\n[*.py]\nindent_size = 4\n"
        "[/docs/*.md]\ntrim_trailing_whitespace = false\n[lib/**.js]\nindent_style = TAB\n"
    )
    assert _props(tmp_path, ec, "a.py")["indent_size"] == "4"
    assert _props(tmp_path, ec, "sub/b.py")["indent_size"] == "4"
    assert _props(tmp_path, ec, "docs/x.md")["trim_trailing_whitespace"] == "false"
    assert "trim_trailing_whitespace" not in _props(tmp_path, ec, "sub/docs/x.md")
    js = _props(tmp_path, ec, "lib/a/b.js")
    assert js["indent_style"] == "tab" and js["tab_width"] == "2"


def test_closer_file_wins_and_root_stops(tmp_path: Path) -> None:
    (tmp_path / ".editorconfig").write_text("[*]\nend_of_line = crlf\n", "utf-8")
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / ".editorconfig").write_text("[*]\nindent_size = 3 ; three\n", "utf-8")
    (inner / "a.txt").write_text("x\n", "utf-8")
    props = editorconfigfile.get_properties(str(inner / "a.txt"))
    assert props["end_of_line"] == "crlf" and props["indent_size"] == "3"
    (inner / ".editorconfig").write_text("root = true\n[*]\nindent_size = 5\n", "utf-8")
    props = editorconfigfile.get_properties(str(inner / "a.txt"))
    assert props == {"indent_size": "5", "tab_width": "5"}


def test_hostile_editorconfig_does_not_hang_the_cli_settings(tmp_path: Path) -> None:
    ec = "root = true\n[" + "*" * 40 + "x]\nend_of_line = crlf\n[*.txt]\nindent_size = 3\n"
    rel = "some/deep/directory/structure/with/a/rather/long/name.txt"
    props = _props(tmp_path, ec, rel)
    assert props == {"indent_size": "3", "tab_width": "3"}
    assert editorconfig_settings(str(tmp_path / rel)) == {"whitespace": {"tabWidth": 3}}


def test_editorconfig_fifo_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x\n", "utf-8")
    os.mkfifo(tmp_path / ".editorconfig")
    assert editorconfigfile.get_properties(str(tmp_path / "a.txt")) == {}
