"""The files generated from the engine's declarations are current (as for docs/rules.md)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

from textsweep.engine.config import parse_settings
from textsweep.engine.docs import vscode_properties

ROOT = Path(__file__).resolve().parents[2]


def _generate() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate", ROOT / "scripts" / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_files_are_current() -> None:
    gen = _generate()
    stale = [
        str(path.relative_to(ROOT))
        for path, text in gen.outputs().items()
        if path.read_text(encoding="utf-8") != text
    ]
    assert stale == [], "run: python scripts/generate.py"


def test_package_json_regeneration_keeps_client_settings() -> None:
    gen = _generate()
    current = (ROOT / "vscode-client" / "package.json").read_text(encoding="utf-8")
    props = json.loads(gen.package_json(current))["contributes"]["configuration"]["properties"]
    assert "textsweep.server.command" in props and "textsweep.documentSelector" in props
    # a stale file (a family option missing) is rewritten whole
    pkg = json.loads(current)
    del pkg["contributes"]["configuration"]["properties"]["textsweep.french.colon"]
    assert gen.package_json(json.dumps(pkg)) == gen.package_json(current)


def test_every_declared_value_is_accepted_and_others_refused() -> None:
    """What the editor offers, the server takes; what the schema forbids, it reports."""
    for key, prop in vscode_properties().items():
        parts = key.split(".")[1:]
        if parts[0] == "rules":
            continue

        def nested(value: object, parts: list[str] = parts) -> dict[str, object]:
            out: object = value
            for part in reversed(parts):
                out = {part: out}
            return out  # type: ignore[return-value]

        for value in prop.get("enum", []):
            if value is not None:
                assert parse_settings(nested(value))[1] == [], (key, value)
        if "enum" in prop:
            assert parse_settings(nested("no-such-value"))[1], key
        if "maximum" in prop:
            assert parse_settings(nested(prop["maximum"]))[1] == [], key
            assert parse_settings(nested(prop["maximum"] + 1))[1], key
