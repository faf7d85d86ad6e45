"""pre-commit runs the hooks of .pre-commit-hooks.yaml on a real git repository.

The hooks are used as the manifest declares them (id, entry, types, require_serial…),
through ``repo: local`` with ``language: system`` so that pre-commit does not build a
virtualenv from the network: ``textsweep`` on PATH runs this checkout.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml  # shipped with pre-commit (PyYAML)

ROOT = Path(__file__).resolve().parents[2]
MANIFEST = ROOT / ".pre-commit-hooks.yaml"

BAD = "Hello 😀 wo\u200brld\nGood 😀  morning\ntrailing here   \nok\n"
GOOD = "Hello 😀 world\nGood 😀 morning\ntrailing here\nok\n"


def manifest() -> list[dict[str, Any]]:
    hooks: list[dict[str, Any]] = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    return hooks


def test_manifest_is_valid_for_pre_commit() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-manifest", str(MANIFEST)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    hooks = {h["id"]: h for h in manifest()}
    assert set(hooks) == {"textsweep-check", "textsweep-fix"}
    assert hooks["textsweep-check"]["entry"] == "textsweep check"
    assert hooks["textsweep-fix"]["entry"] == "textsweep fix"
    assert all(h["language"] == "python" and h["types"] == ["text"] for h in hooks.values())


@pytest.fixture
def git_repo(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    repo = tmp_path / "repo"
    repo.mkdir()
    bindir = tmp_path / "bin"
    bindir.mkdir()
    shim = bindir / "textsweep"
    shim.write_text(
        f'#!/bin/sh\nPYTHONPATH="{ROOT / "server"}" exec "{sys.executable}" -m textsweep "$@"\n'
    )
    shim.chmod(0o755)
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))},
        "PATH": f"{bindir}{os.pathsep}{Path(sys.executable).parent}{os.pathsep}"
        + os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-cache"),
        "GIT_CONFIG_GLOBAL": str(tmp_path / "gitconfig"),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
        "PYTHONIOENCODING": "utf-8",
    }
    git = ["git", "-c", "init.defaultBranch=main"]
    subprocess.run([*git, "init", "-q"], cwd=repo, env=env, check=True)
    hooks = []
    for h in manifest():
        local = dict(h, language="system")  # no virtualenv, no network
        hooks.append(local)
    config = {"repos": [{"repo": "local", "hooks": hooks}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (repo / "notes.txt").write_bytes(BAD.encode("utf-8"))
    (repo / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    subprocess.run(["git", "add", "-A"], cwd=repo, env=env, check=True)
    return repo, env


def pre_commit(repo: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_check_hook_fails_with_positions(git_repo: tuple[Path, dict[str, str]]) -> None:
    repo, env = git_repo
    out = pre_commit(repo, env, "run", "textsweep-check", "--all-files")
    assert out.returncode == 1, out.stdout + out.stderr
    assert "textsweep check" in out.stdout and "Failed" in out.stdout
    assert (
        "notes.txt:1:11: warning invisible-character "
        "U+200B ZERO WIDTH SPACE inside a word: remove it"
    ) in out.stdout
    assert "notes.txt:2:7: warning doubled-space" in out.stdout
    assert "notes.txt:3:14: warning trailing-whitespace" in out.stdout
    assert "logo.png" not in out.stdout  # `types: [text]` keeps binaries away
    assert (repo / "notes.txt").read_bytes() == BAD.encode("utf-8")


def test_fix_hook_fixes_then_passes(git_repo: tuple[Path, dict[str, str]]) -> None:
    repo, env = git_repo
    out = pre_commit(repo, env, "run", "textsweep-fix", "--all-files")
    assert out.returncode == 1, out.stdout + out.stderr  # files were modified
    assert "files were modified by this hook" in out.stdout
    assert (repo / "notes.txt").read_bytes() == GOOD.encode("utf-8")
    again = pre_commit(repo, env, "run", "--all-files")
    assert again.returncode == 0, again.stdout + again.stderr
    assert again.stdout.count("Passed") == 2


def test_git_commit_is_stopped_then_goes_through(git_repo: tuple[Path, dict[str, str]]) -> None:
    repo, env = git_repo
    installed = pre_commit(repo, env, "install")
    assert installed.returncode == 0, installed.stdout + installed.stderr
    commit = ["git", "commit", "-q", "-m", "notes"]
    first = subprocess.run(commit, cwd=repo, env=env, capture_output=True, text=True, check=False)
    assert first.returncode != 0, "the hooks should have stopped the commit"
    assert "textsweep" in first.stdout + first.stderr
    # textsweep-check reported, textsweep-fix fixed the working tree: stage and retry.
    assert (repo / "notes.txt").read_bytes() == GOOD.encode("utf-8")
    subprocess.run(["git", "add", "notes.txt"], cwd=repo, env=env, check=True)
    second = subprocess.run(commit, cwd=repo, env=env, capture_output=True, text=True, check=False)
    assert second.returncode == 0, second.stdout + second.stderr
    shown = subprocess.run(
        ["git", "show", "HEAD:notes.txt"], cwd=repo, env=env, capture_output=True, check=True
    )
    assert shown.stdout == GOOD.encode("utf-8")
