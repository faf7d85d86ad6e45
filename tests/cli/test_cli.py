"""The CLI as users run it: a subprocess, real files, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from textsweep.engine.docs import render_markdown


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "textsweep", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


@pytest.fixture
def mangled(tmp_path: Path) -> Path:
    p = tmp_path / "lettre.txt"
    p.write_bytes("Chère  Marie,\r\nLe dé\u200bpôt est prêt.   \r\n\r\n\r\nÀ bientôt".encode())
    return p


def test_check_reports_and_exits_1(mangled: Path) -> None:
    out = run("check", str(mangled))
    assert out.returncode == 1
    lines = out.stdout.splitlines()
    assert (
        f"{mangled}:1:6: warning doubled-space 2 spaces in a row between words: replace with one"
        in lines
    )
    assert any(":2:6: warning invisible-character" in line for line in lines)
    assert any(":4:1: info blank-lines" in line for line in lines)
    assert out.stderr == ""


def test_check_clean_file_exits_0(tmp_path: Path) -> None:
    p = tmp_path / "propre.txt"
    p.write_text("Tout va bien.\n", encoding="utf-8")
    out = run("check", str(p))
    assert (out.returncode, out.stdout) == (0, "")


def test_check_json(mangled: Path) -> None:
    out = run("check", "--format", "json", str(mangled))
    data = json.loads(out.stdout)
    assert data["version"] == 1
    [entry] = data["files"]
    rules = [f["rule"] for f in entry["findings"]]
    assert "doubled-space" in rules and "final-newline" in rules
    first = entry["findings"][0]
    assert first["start"] == {"offset": 5, "line": 1, "column": 6}


def test_usage_error_exits_2() -> None:
    assert run("check").returncode == 2
    assert run("frobnicate").returncode == 2


def test_missing_file_exits_2(tmp_path: Path) -> None:
    out = run("check", str(tmp_path / "absent.txt"))
    assert out.returncode == 2
    assert "absent.txt" in out.stdout


def test_directory_skips_binary_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("un  deux\n", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("a  b\n", encoding="utf-8")
    out = run("check", str(tmp_path))
    assert out.returncode == 1
    assert "a.txt:1:3" in out.stdout
    assert "image.png" not in out.stdout  # found while walking: skipped quietly
    assert ".git" not in out.stdout
    named = run("check", str(tmp_path / "image.png"))
    assert "image.png: note: binary file, skipped" in named.stdout


def test_fix_in_place_keeps_crlf(mangled: Path) -> None:
    out = run("fix", str(mangled))
    assert out.returncode == 0, out.stderr
    assert (
        mangled.read_bytes() == "Chère Marie,\r\nLe dépôt est prêt.\r\n\r\nÀ bientôt\r\n".encode()
    )
    assert run("check", str(mangled)).returncode == 0


def test_fix_diff_does_not_write(mangled: Path) -> None:
    before = mangled.read_bytes()
    out = run("fix", "--diff", str(mangled))
    assert out.returncode == 1
    assert "-Chère  Marie," in out.stdout and "+Chère Marie," in out.stdout
    assert mangled.read_bytes() == before


def test_fix_keeps_utf8_bom(tmp_path: Path) -> None:
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbfa  b\n")
    assert run("fix", str(p)).returncode == 0
    assert p.read_bytes() == b"\xef\xbb\xbfa b\n"


def test_rules_markdown_matches_docs() -> None:
    out = run("rules", "--markdown")
    assert out.stdout == render_markdown()


def test_settings_from_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.textsweep]\nrules = { "doubled-space" = "off" }\n', encoding="utf-8"
    )
    (tmp_path / "a.txt").write_text("un  deux\n", encoding="utf-8")
    out = run("check", "a.txt", cwd=tmp_path)
    assert (out.returncode, out.stdout) == (0, "")


def test_editorconfig_conventions_apply(tmp_path: Path) -> None:
    (tmp_path / ".editorconfig").write_text(
        "root = true\n\n[*.txt]\ntrim_trailing_whitespace = false\nend_of_line = crlf\n"
        "\n[*.md]\ninsert_final_newline = false\n",
        encoding="utf-8",
    )
    (tmp_path / "a.txt").write_bytes(b"fin   \nligne\r\n")
    (tmp_path / "b.md").write_bytes(b"sans fin")
    out = run("check", str(tmp_path))
    lines = out.stdout.splitlines()
    assert not any("trailing-whitespace" in line for line in lines)
    assert any(
        "a.txt:1:7: warning mixed-line-endings LF line ending where the project asks "
        "for CRLF" in line
        for line in lines
    ), lines
    assert not any("b.md" in line for line in lines)
    # The user's explicit settings still win over .editorconfig.
    (tmp_path / "cfg.json").write_text('{"rules": {"trailing-whitespace": true}}', "utf-8")
    out = run("check", "--config", str(tmp_path / "cfg.json"), str(tmp_path / "a.txt"))
    assert "trailing-whitespace" in out.stdout


def test_fix_with_editorconfig_indentation(tmp_path: Path) -> None:
    (tmp_path / ".editorconfig").write_text(
        "root = true\n[*.py]\nindent_style = space\nindent_size = 2\n", encoding="utf-8"
    )
    p = tmp_path / "m.py"
    p.write_text("def f():\n \tx = 1\n", encoding="utf-8")
    assert run("fix", str(p)).returncode == 0
    assert p.read_text(encoding="utf-8") == "def f():\n  x = 1\n"


def test_file_over_max_file_size_gets_cheap_checks_and_a_note(tmp_path: Path) -> None:
    """The project's ``maxFileSize`` (the server's setting, same resolver) applies to
    named files and to files found walking a tree; ``fix`` says so too."""
    (tmp_path / ".textsweep.toml").write_text("maxFileSize = 30\n", encoding="utf-8")
    (tmp_path / "big.txt").write_text("Le  dé\u200bpôt est prêt.   \nFin du texte.\n", "utf-8")
    (tmp_path / "small.txt").write_text("Le  chat.\n", encoding="utf-8")
    for target in (tmp_path / "big.txt", tmp_path):
        lines = run("check", str(target)).stdout.splitlines()
        big = [line for line in lines if "big.txt" in line]
        assert any("note: 38 characters, over textsweep.maxFileSize (30)" in x for x in big)
        assert any("invisible-character" in x for x in big)
        assert any("trailing-whitespace" in x for x in big)
        assert not any("doubled-space" in x for x in big)
    # the file under the limit is checked in full, without a note
    small = [x for x in run("check", str(tmp_path)).stdout.splitlines() if "small.txt" in x]
    assert small and all("doubled-space" in x for x in small)
    out = run("fix", str(tmp_path / "big.txt"))
    assert "over textsweep.maxFileSize" in out.stderr
    assert (tmp_path / "big.txt").read_text("utf-8") == "Le  dépôt est prêt.\nFin du texte.\n"


def test_check_of_a_small_text_file_imports_no_heavy_module(tmp_path: Path) -> None:
    """Start-up dominates ``check`` on a small file: ftfy, markdown-it-py, Pygments,
    chardet, pathspec and the process pool are imported only when a file needs them."""
    heavy = ("ftfy", "markdown_it", "pygments", "chardet", "pathspec", "concurrent.futures.process")
    p = tmp_path / "note.txt"
    p.write_text("Le dépôt est prêt : à mardi.\nSee you  there.\n", encoding="utf-8")
    md = tmp_path / "note.md"
    md.write_text("# Titre\n\nLe  texte.\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from textsweep import cli\n"
        "status = cli.main(['check', sys.argv[1]])\n"
        f"print(status, sorted(m for m in {heavy!r} if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(p)], capture_output=True, text=True, check=True
    )
    assert out.stdout.splitlines()[-1] == "1 []", out.stdout
    # the same process still checks Markdown (markdown-it-py imported on demand)
    out = subprocess.run(
        [sys.executable, "-c", code, str(md)], capture_output=True, text=True, check=True
    )
    assert "doubled-space" in out.stdout
    assert out.stdout.splitlines()[-1] == "1 ['markdown_it']", out.stdout
