""".editorconfig files read and matched in bounded time.

Replaces ``editorconfig.get_properties``: the reference package matches section
globs with backtracking regular expressions (a committed ``[************x]`` hangs it
for good) and opens the files with ``open()`` (a FIFO named ``.editorconfig`` blocks
it). Here files are read with :func:`fileio.read_regular` (regular files, at most
1 MiB), parsed like the reference parser, and globs go through
:mod:`textsweep.globmatch` (linear in the path).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from functools import lru_cache

from . import fileio
from .globmatch import glob_match

log = logging.getLogger(__name__)

NAME = ".editorconfig"
#: A larger .editorconfig is not read (it would be a mistake or an attack).
MAX_BYTES = 1024 * 1024

_LOWERCASED = (
    "end_of_line",
    "indent_style",
    "indent_size",
    "insert_final_newline",
    "trim_trailing_whitespace",
    "charset",
)


class EditorConfigError(ValueError):
    """A line that is neither a comment, a section nor ``key = value``."""


@dataclass(frozen=True)
class _File:
    folder: str
    root: bool
    sections: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]


def _header(line: str) -> str | None:
    """The glob of a ``[section]`` line (up to its last ``]`` before a comment)."""
    end = -1
    i = 1
    while i < len(line):
        c = line[i]
        if c == "\\" and i + 1 < len(line) and line[i + 1] in "#;":
            i += 2
            continue
        if c in "#;":
            break
        if c == "]":
            end = i
        i += 1
    return line[1:end] if end > 1 else None


def parse(text: str, name: str = NAME) -> tuple[bool, list[tuple[str, list[tuple[str, str]]]]]:
    """``(root, [(glob, [(key, value)…])…])``; raises :class:`EditorConfigError`."""
    root = False
    sections: list[tuple[str, list[tuple[str, str]]]] = []
    bad: list[int] = []
    if text.startswith("\ufeff"):
        text = text[1:]
    for lineno, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped[0] in "#;":
            continue
        if stripped[0] == "[":
            glob = _header(stripped)
            if glob is None:
                bad.append(lineno)
                continue
            sections.append((glob, []))
            continue
        cut = min((i for i in (stripped.find("="), stripped.find(":")) if i >= 0), default=-1)
        key = stripped[:cut].strip().lower() if cut > 0 else ""
        if not key:
            bad.append(lineno)
            continue
        value = stripped[cut + 1 :]
        marks = [i for i in (value.find(" ;"), value.find(" #")) if i >= 0]
        if marks:
            value = value[: min(marks)]
        value = value.strip()
        if value == '""':
            value = ""
        if not sections:
            if key == "root":
                root = value.lower() == "true"
            continue
        sections[-1][1].append((key, value))
    if bad:
        raise EditorConfigError(f"{name}: lines {', '.join(map(str, bad[:5]))} not understood")
    return root, sections


@lru_cache(maxsize=256)
def _load(path: str, ino: int, size: int, mtime_ns: int) -> _File:
    """One .editorconfig, parsed (cached while the file is unchanged)."""
    snap = fileio.read_regular(path, MAX_BYTES)
    root, sections = parse(snap.data.decode("utf-8", "replace"), path)
    return _File(os.path.dirname(path), root, tuple((g, tuple(kv)) for g, kv in sections))


def _section_matches(folder: str, glob: str, path: str) -> bool:
    glob = glob.replace("\\#", "#").replace("\\;", ";")
    if "/" not in glob:
        return glob_match(glob, os.path.basename(path))
    prefix = folder.rstrip("/")
    if not path.startswith(prefix + "/"):
        return False
    # Relative to the .editorconfig's folder, which is taken literally (the
    # reference implementation pastes it into the glob, brackets and all).
    glob = glob[1:] if glob.startswith("/") else glob
    return glob_match("/" + glob, path[len(prefix) :])


def get_properties(path: str) -> dict[str, str]:
    """The EditorConfig properties for ``path``, as ``editorconfig.get_properties``."""
    path = os.path.normpath(os.path.abspath(path))
    files: list[_File] = []
    folder = os.path.dirname(path)
    while True:
        candidate = os.path.join(folder, NAME)
        try:
            st = os.stat(candidate)
        except OSError:
            st = None
        if st is not None:
            try:
                ec = _load(candidate, st.st_ino, st.st_size, st.st_mtime_ns)
            except fileio.SkippedFile as exc:
                log.warning("ignoring %s: %s", candidate, exc.strerror)
            except OSError:
                pass
            else:
                files.append(ec)
                if ec.root:
                    break
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    opts: dict[str, str] = {}
    for ec in reversed(files):  # farthest first: closer files and later sections win
        for glob, pairs in ec.sections:
            if _section_matches(ec.folder, glob, path):
                opts.update(pairs)
    for name in _LOWERCASED:
        if name in opts:
            opts[name] = opts[name].lower()
    if opts.get("indent_style") == "tab" and "indent_size" not in opts:
        opts["indent_size"] = "tab"
    if "indent_size" in opts and "tab_width" not in opts and opts["indent_size"] != "tab":
        opts["tab_width"] = opts["indent_size"]
    if opts.get("indent_size") == "tab" and "tab_width" in opts:
        opts["indent_size"] = opts["tab_width"]
    return opts
