"""Write the files generated from the engine's declarations, or check they are current.

    python scripts/generate.py          # rewrite docs/settings.md and the settings in
                                        # vscode-client/package.json
    python scripts/generate.py --check  # exit 1 and name the stale files

``docs/rules.md`` has its own command (``textsweep rules --markdown``). The
extension's settings that only the extension reads (``textsweep.server.*``…) are
kept as they are; every other property is the engine's.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "server"))

from textsweep.engine.config import CLIENT_ONLY_KEYS  # noqa: E402
from textsweep.engine.docs import render_settings_markdown, vscode_properties  # noqa: E402

SETTINGS_MD = ROOT / "docs" / "settings.md"
PACKAGE_JSON = ROOT / "vscode-client" / "package.json"


def package_json(current: str) -> str:
    """``current`` package.json text with the server's settings regenerated."""
    pkg: dict[str, Any] = json.loads(current)
    props: dict[str, Any] = pkg["contributes"]["configuration"]["properties"]
    client = {k: v for k, v in props.items() if k.split(".")[1] in CLIENT_ONLY_KEYS}
    pkg["contributes"]["configuration"]["properties"] = {**client, **vscode_properties()}
    return json.dumps(pkg, indent=2, ensure_ascii=False) + "\n"


def outputs() -> dict[Path, str]:
    """Every generated file and the text it should hold."""
    return {
        SETTINGS_MD: render_settings_markdown(),
        PACKAGE_JSON: package_json(PACKAGE_JSON.read_text(encoding="utf-8")),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check; exit 1 if stale")
    parser.add_argument(
        "--package-json", action="store_true", help="only vscode-client/package.json"
    )
    args = parser.parse_args(argv)
    stale = []
    for path, text in outputs().items():
        if args.package_json and path != PACKAGE_JSON:
            continue
        if path.read_text(encoding="utf-8") == text:
            continue
        stale.append(path)
        if not args.check:
            path.write_text(text, encoding="utf-8")
    for path in stale:
        verb = "stale" if args.check else "rewritten"
        print(f"{path.relative_to(ROOT)}: {verb}", file=sys.stderr if args.check else sys.stdout)
    if args.check and stale:
        print("run: python scripts/generate.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
