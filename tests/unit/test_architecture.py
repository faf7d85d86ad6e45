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


def _engine_imports() -> dict[str, set[str]]:
    """Engine module → engine modules it imports (at any depth of the file, except
    under ``if TYPE_CHECKING``), as dotted names relative to the engine."""

    def module_name(path: Path) -> str:
        rel = path.relative_to(ENGINE).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts.pop()
        return ".".join(parts)

    modules = {module_name(p): p for p in ENGINE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                skip.update(id(n) for n in ast.walk(node))
        targets: set[str] = set()
        for node in ast.walk(tree):
            if id(node) in skip or not isinstance(node, ast.ImportFrom) or not node.level:
                continue
            base = package.split(".") if package else []
            if node.level > 1:
                base = base[: len(base) - (node.level - 1)]
            mod = ".".join([*base, *(node.module.split(".") if node.module else [])])
            for alias in node.names:
                sub = f"{mod}.{alias.name}" if mod else alias.name
                targets.add(sub if sub in modules else mod)
        graph[name] = {t for t in targets if t in modules and t != name}
    return graph


def test_no_import_cycle_in_engine() -> None:
    graph = _engine_imports()
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append([*stack[stack.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt, [*stack, nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert cycles == []


def test_rule_families_and_markups_import_no_sibling() -> None:
    """A language's rules or a file type's descriptor is one file: they share
    helpers through engine modules (prose, markup, options), never one another."""
    graph = _engine_imports()
    offenders = [
        f"{name} imports {target}"
        for name, targets in graph.items()
        for target in targets
        for package in ("rules.", "markups.")
        if name.startswith(package) and target.startswith(package)
    ]
    assert offenders == []
