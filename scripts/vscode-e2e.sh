#!/usr/bin/env bash
# End-to-end test of the VS Code extension in a real VS Code (code-server 4.100.3 driven by
# Playwright in Debian's Chromium, headless, on 127.0.0.1). One command does everything:
# installs what is missing (apt packages, code-server, node packages), builds the .vsix
# with the bundled server, and runs tests/vscode/e2e.mjs.
#
#   scripts/vscode-e2e.sh
#
# Environment:
#   TEXTSWEEP_PYTHON     a Python with textsweep installed: the extension is pointed at it
#                        with textsweep.server.command. Unset (the default, what users get):
#                        textsweep.server.python = python3 runs the server bundled in the .vsix.
#   TEXTSWEEP_E2E_PYTHON the Python for the bundled server (default python3); e.g.
#                        /usr/bin/python3 to prove it needs no pip and no site-packages.
#   TEXTSWEEP_E2E_CACHE  where code-server is cached (default ~/.cache/textsweep-e2e)
#   TEXTSWEEP_E2E_ARTIFACTS  screenshots, logs, timings (default .test-artifacts/vscode-e2e)
#   TEXTSWEEP_BUNDLE_PYTHON  the Python whose pip builds the bundle (default python3)
# The last line printed is "N passed, N failed, N skipped"; the exit code is the verdict.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
RG_CACHE_VERSION=1.15.11   # @vscode/ripgrep's version inside code-server 4.100.3
RG_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cache=${TEXTSWEEP_E2E_CACHE:-$HOME/.cache/textsweep-e2e}
artifacts=${TEXTSWEEP_E2E_ARTIFACTS:-$root/.test-artifacts/vscode-e2e}
t_begin=$(date +%s)
say() { printf '[vscode-e2e] %s\n' "$*"; }
die() { say "ERROR: $*"; echo "0 passed, 1 failed"; exit 1; }

mkdir -p "$cache" "$artifacts"

# --- 1. Debian packages: Chromium, ripgrep, and what code-server's native modules build with
apt_pkgs=(chromium ripgrep build-essential pkg-config python3 libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev)
missing=()
for p in "${apt_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  say "installing Debian packages: ${missing[*]}"
  [ "$(id -u)" = 0 ] || die "need root (or these packages installed): ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi
command -v node >/dev/null || die "Node.js 20 is needed"
node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)' \
  || die "Node.js 20 or newer is needed (code-server $CODE_SERVER_VERSION wants 20)"
t_apt=$(date +%s)

# --- 2. code-server, cached by version outside the repository
cs_dir=$cache/code-server-$CODE_SERVER_VERSION
code_server=$cs_dir/node_modules/.bin/code-server
if [ ! -x "$code_server" ]; then
  say "installing code-server $CODE_SERVER_VERSION into $cs_dir (about 75 s, 300 MB)"
  rm -rf "$cs_dir.partial" && mkdir -p "$cs_dir.partial"
  # @vscode/ripgrep downloads rg from the internet unless its cache holds the tarball:
  # put Debian's rg there.
  tmp=$cache/tmp
  mkdir -p "$tmp/vscode-ripgrep-cache-$RG_CACHE_VERSION"
  if [ ! -f "$tmp/vscode-ripgrep-cache-$RG_CACHE_VERSION/$RG_ASSET" ]; then
    rgdir=$(mktemp -d)
    cp "$(command -v rg)" "$rgdir/rg"
    tar -C "$rgdir" -czf "$tmp/vscode-ripgrep-cache-$RG_CACHE_VERSION/$RG_ASSET" rg
    rm -rf "$rgdir"
  fi
  echo '{"private": true}' > "$cs_dir.partial/package.json"
  # As root, code-server's postinstall wants --unsafe-perm (npm 11 dropped the flag, the
  # variable still works); node-pty runs `npx node-gyp`, which needs "yes".
  (cd "$cs_dir.partial" && TMPDIR=$tmp npm_config_unsafe_perm=true npm_config_yes=true \
    npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" \
    > "$artifacts/code-server-install.log" 2>&1) \
    || { tail -30 "$artifacts/code-server-install.log"; die "code-server install failed (log: $artifacts/code-server-install.log)"; }
  "$cs_dir.partial/node_modules/.bin/code-server" --version >/dev/null 2>&1 \
    || die "code-server installed but does not run"
  mv "$cs_dir.partial" "$cs_dir"
fi
say "code-server: $("$code_server" --version 2>/dev/null | head -1)"
t_cs=$(date +%s)

# --- 3. node packages of the extension and of the test (npm ci: exactly the lock files)
for d in "$root/vscode-client" "$root/tests/vscode"; do
  if [ ! -f "$d/node_modules/.package-lock.json" ] || [ "$d/package-lock.json" -nt "$d/node_modules/.package-lock.json" ]; then
    say "npm ci in ${d#"$root"/}"
    (cd "$d" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
done
t_npm=$(date +%s)

# --- 4. the .vsix (vscode:prepublish bundles the server from this checkout)
say "building the .vsix"
vsix=$artifacts/textsweep.vsix
rm -f "$vsix"
(cd "$root/vscode-client" && npx vsce package --out "$vsix" > "$artifacts/vsce.log" 2>&1) \
  || { tail -30 "$artifacts/vsce.log"; die "vsce package failed (log: $artifacts/vsce.log)"; }
say "built $(du -h "$vsix" | cut -f1) $vsix ($(grep -o '"pure": [a-z]*' "$root/vscode-client/bundled/bundle.json"))"
t_vsix=$(date +%s)

# --- 5. how the extension starts the server, and the CLI used as the oracle
libs=$root/vscode-client/bundled/libs
# json EXPR ARG…: EXPR (JavaScript, the arguments in `a`) as JSON, quoting done right.
json() { local e=$1; shift; node -e "const a = process.argv.slice(1); console.log(JSON.stringify($e))" "$@"; }
if [ -n "${TEXTSWEEP_PYTHON:-}" ]; then
  py=$(command -v "$TEXTSWEEP_PYTHON") || die "no $TEXTSWEEP_PYTHON"
  "$py" -c 'import textsweep' 2>/dev/null || die "TEXTSWEEP_PYTHON=$py cannot import textsweep"
  settings=$(json '{"textsweep.server.command": [a[0], "-m", "textsweep", "serve"]}' "$py")
  cli=$(json '[a[0], "-m", "textsweep"]' "$py")
  expect="textsweep.server.command: $py -m textsweep serve"
  cli_pythonpath=
else
  # An absolute path: code-server runs with a PATH without Python (see e2e.mjs).
  py=$(command -v "${TEXTSWEEP_E2E_PYTHON:-python3}") || die "no ${TEXTSWEEP_E2E_PYTHON:-python3}"
  py=$("$py" -c 'import os, sys; print(os.path.realpath(sys.executable))')
  settings=$(json '{"textsweep.server.python": a[0]}' "$py")
  cli=$(json '[a[0], "-m", "textsweep"]' "$py")
  expect="textsweep.server.python: $py -m textsweep serve (bundled server)"
  # The oracle runs the very code in the bundle, the way the extension does.
  cli_pythonpath=$libs
fi
say "server: $expect"

# --- 6. the test; code-server's process group is stopped whatever happens
pgid_file=$(mktemp)
cleanup() {
  local pg
  pg=$(cat "$pgid_file" 2>/dev/null || true)
  if [ -n "$pg" ] && kill -0 -- "-$pg" 2>/dev/null; then kill -KILL -- "-$pg" 2>/dev/null || true; fi
  rm -f "$pgid_file"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

set +e
env CODE_SERVER="$code_server" VSIX="$vsix" ARTIFACTS="$artifacts" \
  TEXTSWEEP_CLI="$cli" TEXTSWEEP_CLI_PYTHONPATH="$cli_pythonpath" TEXTSWEEP_SETTINGS="$settings" EXPECT_LAUNCH="$expect" \
  E2E_PGID_FILE="$pgid_file" \
  node "$root/tests/vscode/e2e.mjs" 2>&1 | tee "$artifacts/e2e.log"
rc=${PIPESTATUS[0]}
set -e
t_end=$(date +%s)

cat > "$artifacts/script-timings.txt" <<EOF
apt packages:         $((t_apt - t_begin)) s
code-server install:  $((t_cs - t_apt)) s
npm ci:               $((t_npm - t_cs)) s
vsix build:           $((t_vsix - t_npm)) s
e2e run:              $((t_end - t_vsix)) s
total:                $((t_end - t_begin)) s
EOF
sed 's/^/[vscode-e2e] /' "$artifacts/script-timings.txt"
say "artifacts: $artifacts (screenshot vscode-e2e.png)"
# e2e.mjs's last line is already "N passed, N failed, N skipped"; repeat it last.
tail -n 1 "$artifacts/e2e.log" | grep -E '^[0-9]+ passed, [0-9]+ failed' || echo "0 passed, 1 failed"
exit "$rc"
