#!/usr/bin/env bash
# Install everything the tests need on a fresh machine, then run the whole suite:
# lint and types, unit and end-to-end tests (real server over stdio), the CLI,
# the real-editor tests and the VS Code test. Set TEXTSWEEP_QUICK=1 to skip the
# editor installs and the real-editor/VS Code tests during development.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${TEXTSWEEP_VENV:-.venv}
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --upgrade pip
"$VENV/bin/python" -m pip install --quiet -e '.[test]'
export PATH="$PWD/$VENV/bin:$PATH"

echo "== ruff" && ruff check server tests && ruff format --check server tests
echo "== mypy" && mypy
echo "== docs/rules.md is current" && textsweep rules --markdown | cmp - docs/rules.md
echo "== docs/settings.md and the extension's settings are current" && python scripts/generate.py --check

quick=${TEXTSWEEP_QUICK:-}
if [ -z "$quick" ] && [ -x scripts/install-editors.sh ]; then
  echo "== installing real editors" && scripts/install-editors.sh "$VENV/bin/python"
  export TEXTSWEEP_REQUIRE_EDITORS=1
fi

echo "== pytest"
status=0
pytest -q -p no:cacheprovider tests || status=$?
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: that is a failure" >&2
  exit 1
fi
[ "$status" -eq 0 ] || exit "$status"

echo "== VS Code extension: types, lint, unit tests"
(cd vscode-client && npm ci --no-audit --no-fund --loglevel=error && npm run typecheck \
  && npm run lint && npm test)

if [ -z "$quick" ]; then
  echo "== VS Code end to end (code-server + Chromium)"
  bash scripts/vscode-e2e.sh
fi
