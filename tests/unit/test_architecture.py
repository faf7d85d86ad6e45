"""The engine stays pure: no LSP library anywhere under engine/ (the contract that
lets the CLI, the server and the tests share it)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ENGINE = Path(__file__).resolve().parents[2] / "server" / "textsweep" / "engine"
FORBIDDEN = ("pygls", "lsprotocol", "textsweep.lsp")


def test_no_lsp_import_in_engine_source() -> None:
    offenders = []
    for path in sorted(ENGINE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
                if node.level and (node.module or "").startswith("lsp"):
                    names.append("textsweep.lsp")
            for name in names:
                if name.startswith(FORBIDDEN):
                    offenders.append(f"{path.relative_to(ENGINE)}: {name}")
    assert offenders == []


def test_linting_loads_no_lsp_module() -> None:
    code = (
        "import sys; from textsweep.engine import lint, Document, fix_all; "
        "lint(Document('a  b\\u200bc « x »?\\n', 'markdown')); fix_all(Document('x  y'));"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pygls', 'lsprotocol')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
