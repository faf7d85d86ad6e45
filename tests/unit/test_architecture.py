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


PACKAGE = ENGINE.parent


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, module: str) -> set[str]:
    """Modules of the package imported at module level (``TYPE_CHECKING`` ones too:
    a cycle through type hints is still two modules that need each other)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    body = list(tree.body)
    while body:
        node = body.pop(0)
        if isinstance(node, (ast.If, ast.Try)):
            body.extend(node.body)
            body.extend(getattr(node, "orelse", []))
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{a.name}" for a in node.names)
    return {m for m in found if m.split(".")[0] == "textsweep"}


def test_no_import_cycle_outside_the_engine() -> None:
    """The CLI, reporting, settings and LSP modules form no import cycle (the LSP
    session never imports its handlers; handlers import the session)."""
    paths = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph = {
        m: {d for d in _imports(p, m) if d in paths and d != m}
        for m, p in paths.items()
        if not m.startswith("textsweep.engine")
    }
    for m in graph:
        graph[m] = {d for d in graph[m] if not d.startswith("textsweep.engine")}
        # Importing a package runs its __init__: not an edge worth a cycle.
        graph[m] -= {d for d in graph[m] if m.startswith(d + ".")}
    cycles: list[list[str]] = []

    def visit(node: str, stack: list[str]) -> None:
        if node in stack:
            cycles.append([*stack[stack.index(node) :], node])
            return
        for dep in sorted(graph.get(node, ())):
            visit(dep, [*stack, node])

    for start in sorted(graph):
        visit(start, [])
    assert cycles == []
