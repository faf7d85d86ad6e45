"""Finding the files the CLI checks, and checking many of them on all cores.

Two functions make up the interface the CLI uses::

    files = list(iter_files(args.paths, exclude=args.exclude))    # Paths, in name order
    results = map_files(check_one, files, jobs=args.jobs)         # in the order of files

Rules of the walk (also in ``docs/cli.md``):

* A directory is walked recursively. ``.git``, ``.hg``, ``.svn``, ``.jj``,
  ``node_modules``, ``__pycache__``, ``.venv``, ``venv`` and ``.tox`` are never
  entered. Inside a Git work tree, every ``.gitignore`` on the way (from the
  repository root down) and ``.git/info/exclude`` apply with Git's semantics — later and
  deeper patterns win, ``!negation`` re-includes, an ignored directory is not entered.
  Outside a repository the ``.gitignore`` files below the walked directory still apply.
* A file named on the command line is always taken, even if ``.gitignore`` ignores it
  (that is how pre-commit and editors pass files), but ``--exclude`` still applies to
  it. A directory named is walked by the rules above, so an ignored one yields nothing
  unless ``--no-gitignore`` is given.
* ``--exclude`` patterns use the same gitignore syntax, matched against the path relative
  to the current directory (or to the walked argument for paths outside it):
  ``*.min.js`` anywhere, ``vendor/`` any directory of that name, ``/docs/old`` anchored.
* ``exclude`` in the settings (``[tool.textsweep]``, ``.textsweep.toml``, ``--config``)
  uses the same syntax relative to the folder of the file that states it, and applies
  like ``--exclude``: to walked files and directories (an excluded directory is not
  entered) and to files named on the command line (so pre-commit, which names files,
  honours it). The settings resolver (:mod:`textsweep.settings`) decides.
* Binary files are found by the CLI when it reads them (see ``textio.looks_binary``):
  it skips them with a note.

:func:`map_files` runs the per-file function in a process pool with one worker per
usable core once there are enough files to pay for starting it, and draws a progress
bar on stderr only when stderr is a terminal.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TypeVar

import pathspec

from . import fileio
from .settings import ProjectSettings, SettingsResolver

R = TypeVar("R")
T = TypeVar("T")

#: Directories never walked into, whatever .gitignore says: version control, and
#: tool caches and environments that are rarely ignored by name (a directory named on
#: the command line is still walked).
SKIP_DIRS = frozenset(
    {".git", ".hg", ".svn", ".jj", "node_modules", "__pycache__", ".venv", "venv", ".tox"}
)
#: Below this many files the pool's start-up (~0.1 s) costs more than it saves.
POOL_THRESHOLD = 48
#: Larger ignore files are not read.
IGNORE_MAX_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class _Ignore:
    """One ignore file's patterns, relative to the directory holding it."""

    base: Path
    spec: pathspec.GitIgnoreSpec


def _load_ignore(base: Path, file: Path) -> _Ignore | None:
    try:
        # Regular files only, bounded: a .gitignore linked to /dev/zero or a FIFO
        # must not hang the walk.
        raw = fileio.read_regular(str(file), IGNORE_MAX_BYTES).data
    except OSError:
        return None
    lines = raw.decode("utf-8", errors="replace").splitlines()
    spec = pathspec.GitIgnoreSpec.from_lines(lines)
    if not spec.patterns:
        return None
    return _Ignore(base, spec)


def _is_ignored(path: Path, is_dir: bool, ignores: Sequence[_Ignore]) -> bool:
    """Git's precedence: the deepest ignore file whose patterns decide, decides."""
    for ig in reversed(ignores):
        try:
            rel = path.relative_to(ig.base).as_posix()
        except ValueError:
            continue
        if is_dir:
            rel += "/"
        decided = ig.spec.check_file(rel).include
        if decided is not None:
            return decided
    return False


def find_repo_root(start: Path) -> Path | None:
    """The nearest directory at or above ``start`` holding ``.git`` (dir or file)."""
    for d in (start, *start.parents):
        if (d / ".git").exists():
            return d
    return None


def _ancestor_ignores(start: Path) -> list[_Ignore]:
    """Ignore files that apply to ``start`` from above it: repo root down to its parent."""
    root = find_repo_root(start)
    if root is None:
        return []
    out: list[_Ignore] = []
    info = _load_ignore(root, root / ".git" / "info" / "exclude")
    if info is not None:
        out.append(info)
    chain = [start, *start.parents]
    for d in reversed(chain[1 : chain.index(root) + 1] if root in chain else []):
        ig = _load_ignore(d, d / ".gitignore")
        if ig is not None:
            out.append(ig)
    return out


class _Excluder:
    """``--exclude`` patterns, matched relative to the cwd (or the walked argument)."""

    def __init__(self, patterns: Sequence[str], cwd: Path) -> None:
        self.spec = pathspec.GitIgnoreSpec.from_lines(patterns) if patterns else None
        self.cwd = cwd

    def excluded(self, path: Path, is_dir: bool, root: Path) -> bool:
        if self.spec is None:
            return False
        try:
            rel = path.relative_to(self.cwd).as_posix()
        except ValueError:
            try:
                rel = path.relative_to(root).as_posix()
            except ValueError:
                rel = path.name
        if rel in ("", "."):
            return False
        return bool(self.spec.match_file(rel + "/" if is_dir else rel))


@dataclass(frozen=True)
class _Settings:
    """The settings' ``exclude`` (see :meth:`SettingsResolver.excluded`)."""

    resolver: SettingsResolver
    user: object = None

    def project_for(self, folder: Path) -> ProjectSettings | None:
        """The project file for the entries of ``folder`` (looked up once per folder)."""
        if not self.resolver.project_files:
            return None
        return self.resolver.project_settings(str(folder / "_"))

    def excluded(self, path: Path, is_dir: bool, project: ProjectSettings | None) -> bool:
        return self.resolver.excluded(str(path), is_dir, self.user, project=project) is not None


def _walk_dir(
    top: Path, ignores: list[_Ignore], excluder: _Excluder, gitignore: bool, settings: _Settings
) -> Iterator[Path]:
    if gitignore:
        own = _load_ignore(top, top / ".gitignore")
        if own is not None:
            ignores = [*ignores, own]
    project = settings.project_for(top)
    try:
        with os.scandir(top) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        path = top / entry.name
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
            is_file = entry.is_file(follow_symlinks=True)
        except OSError:
            continue
        if is_dir:
            if entry.name in SKIP_DIRS:
                continue
            if gitignore and _is_ignored(path, True, ignores):
                continue
            if excluder.excluded(path, True, top) or settings.excluded(path, True, project):
                continue
            yield from _walk_dir(path, ignores, excluder, gitignore, settings)
        elif is_file:
            if gitignore and _is_ignored(path, False, ignores):
                continue
            if excluder.excluded(path, False, top) or settings.excluded(path, False, project):
                continue
            yield path


def iter_files(
    paths: Iterable[str | os.PathLike[str]],
    *,
    exclude: Sequence[str] = (),
    gitignore: bool = True,
    cwd: str | os.PathLike[str] | None = None,
    resolver: SettingsResolver | None = None,
    user: object = None,
) -> Iterator[Path]:
    """Files to check under ``paths``, each once, directories walked in name order.

    Paths come back as given (relative stays relative) so reports show what the user
    typed; a named path that does not exist comes back too, for the caller to report
    the error when it reads it. ``exclude`` of the settings applies, as ``resolver``
    (default: a new one, reading the project files) and the user's settings ``user``
    resolve it.
    """
    base = Path(cwd) if cwd is not None else Path.cwd()
    excluder = _Excluder(exclude, base.resolve())
    settings = _Settings(resolver if resolver is not None else SettingsResolver(), user)
    seen: set[Path] = set()
    for arg in paths:
        p = Path(arg)
        absolute = (base / p).resolve() if not p.is_absolute() else p.resolve()
        if absolute.is_dir():
            ignores = _ancestor_ignores(absolute) if gitignore else []
            if settings.excluded(absolute, True, settings.project_for(absolute.parent)):
                continue
            for found in _walk_dir(absolute, ignores, excluder, gitignore, settings):
                if found in seen:
                    continue
                seen.add(found)
                yield p / found.relative_to(absolute)
        else:
            # A file, or a path that does not exist: the caller reports the OS error.
            if excluder.excluded(absolute, False, absolute.parent) or absolute in seen:
                continue
            if settings.excluded(absolute, False, settings.project_for(absolute.parent)):
                continue
            seen.add(absolute)
            yield p


def usable_cores() -> int:
    """Cores this process may run on (respects taskset/cgroup affinity)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class Progress:
    """``[#####.....] 120/480 files`` on a terminal; silent otherwise."""

    def __init__(self, total: int, stream: IO[str] | None = None, enabled: bool | None = None):
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        if enabled is None:
            isatty = getattr(self.stream, "isatty", None)
            enabled = bool(isatty and isatty())
        self.enabled = enabled and total > 0
        self.done = 0
        self._last = 0.0

    def advance(self, n: int = 1) -> None:
        self.done += n
        if not self.enabled:
            return
        now = time.monotonic()
        if self.done < self.total and now - self._last < 0.1:
            return
        self._last = now
        width = 30
        filled = width * self.done // self.total
        bar = "#" * filled + "." * (width - filled)
        self.stream.write(f"\r[{bar}] {self.done}/{self.total} files")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            # Erase the bar so the report that follows starts on a clean line.
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def map_files(
    func: Callable[[T], R],
    files: Sequence[T],
    *,
    jobs: int | None = None,
    progress: bool | None = None,
    stream: IO[str] | None = None,
) -> list[R]:
    """``[func(f) for f in files]``, on ``jobs`` processes (default: all usable cores).

    ``func`` must be picklable (a module-level function, or a ``functools.partial`` of
    one with picklable arguments). Results keep the order of ``files``. ``progress``
    forces the bar on or off; by default it shows only when ``stream`` (stderr) is a
    terminal.
    """
    jobs = usable_cores() if jobs is None or jobs <= 0 else jobs
    bar = Progress(len(files), stream, progress)
    try:
        if jobs == 1 or len(files) < POOL_THRESHOLD:
            out = []
            for f in files:
                out.append(func(f))
                bar.advance()
            return out
        chunksize = max(1, min(64, len(files) // (jobs * 8)))
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = []
            for r in pool.map(func, files, chunksize=chunksize):
                results.append(r)
                bar.advance()
            return results
    finally:
        bar.close()
