"""The workspace's files, checked and fixed the way the CLI reads them.

The language server's workspace features (``workspace/diagnostic``, the
``checkWorkspace`` and ``fixWorkspace`` commands) use this module; nothing here
imports pygls, so the worker processes stay light. A file is read with
:func:`textsweep.cli.read` (regular files only, the size limit, binary files
skipped, the CLI's decoding), linted or fixed under the settings the server's
one resolver gave for it, and turned into LSP diagnostics or text edits.

Many files go to a pool of *spawned* worker processes, one per usable core, as
``textsweep check`` does: the server's event loop and its two lint threads stay
free, and the work is not serialised by the GIL. Spawned, not forked: the
server has threads, and a fork of a threaded process can inherit a held lock.
A worker's stdout is the server's stdout, the protocol's channel: the
initializer points it at stderr before anything can print.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from lsprotocol import types as lsp

from .. import __version__, walk
from ..cli import read
from ..engine import Config, fix_all, parse_settings
from ..engine.linter import lint_capped
from . import convert

#: Files sent to a worker at once (one partial result per chunk).
CHUNK = 16


@dataclass(frozen=True)
class FileTask:
    """One closed file to check or fix, with the settings the resolver gave it."""

    path: str
    uri: str
    #: The merged raw settings for the file (``SettingsResolver.raw_for``).
    settings: Any
    #: The position encoding the client negotiated.
    encoding: str
    #: Makes result ids of another server process differ (see :func:`result_id`).
    salt: str


@dataclass(frozen=True)
class Checked:
    """A closed file's diagnostics, and what identifies the version checked."""

    path: str
    uri: str
    result_id: str
    #: (mtime_ns, size) of the file when read, None when it could not be stat'ed.
    stamp: tuple[int, int] | None
    #: Content hash of the bytes read (or why they were not read): with the
    #: settings and ``stamp``, what the server caches to answer "unchanged".
    content: str
    items: list[lsp.Diagnostic]
    #: Findings in the file (``items`` holds at most ``maxFindings`` of them).
    total: int = 0
    #: False when the file was not linted (binary, too large, unreadable).
    linted: bool = False


@dataclass(frozen=True)
class FileFixes:
    """The safe fix-all edits of a closed file (empty when it has none)."""

    path: str
    uri: str
    edits: list[lsp.TextEdit]
    #: Fixes applied, counted as ``textsweep fix`` counts them.
    applied: int
    #: Why the file is left alone (binary, not UTF-8…), else None.
    note: str | None = None


def settings_key(settings: Any) -> str:
    """The identity of a file's resolved settings."""
    return json.dumps(settings, sort_keys=True, default=str)


def result_id(salt: str, settings: Any, content: str) -> str:
    """A file's ``resultId``: the server (version and process), the file's resolved
    settings and its content hash. Equal ids mean equal diagnostics."""
    h = hashlib.sha256()
    for part in (__version__, salt, settings_key(settings), content):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return "ws:" + h.hexdigest()[:32]


def stamp_of(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


_CONFIGS: dict[str, Config] = {}


def _config(settings: Any) -> Config:
    """The engine config for raw settings (warnings are the server's to show)."""
    key = settings_key(settings)
    config = _CONFIGS.get(key)
    if config is None:
        if len(_CONFIGS) > 256:
            _CONFIGS.clear()
        config = _CONFIGS[key] = parse_settings(settings)[0]
    return config


def check_file(task: FileTask) -> Checked:
    """Read and lint one closed file as ``textsweep check`` does."""
    stamp = stamp_of(task.path)
    r, snap = read(task.path)
    if snap is not None:
        stamp = (snap.mtime_ns, snap.size)
        content = hashlib.sha256(snap.data).hexdigest()
    else:
        content = f"unread:{stamp}:{r.note or r.error}"
    rid = result_id(task.salt, task.settings, content)
    doc = r.document
    if doc is None:
        return Checked(task.path, task.uri, rid, stamp, content, [])
    config = _config(task.settings)
    capped = lint_capped(doc, config, config.max_findings)
    items = convert.to_diagnostics(
        doc, capped.findings, task.encoding, config, None, capped.total, capped.exact
    )
    return Checked(task.path, task.uri, rid, stamp, content, items, capped.total, True)


def check_chunk(tasks: Sequence[FileTask]) -> list[Checked]:
    return [check_file(t) for t in tasks]


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def fix_file(task: FileTask) -> FileFixes:
    """The edits ``textsweep fix`` would make to one closed file (nothing is written).

    Like the CLI, a file that is not UTF-8 is not fixed: the editor may decode it
    otherwise, and edits computed on our decoding would land at the wrong places.
    """
    r, _snap = read(task.path)
    doc = r.document
    if doc is None:
        return FileFixes(task.path, task.uri, [], 0, r.note or r.error)
    if doc.raw is None or not _is_utf8(doc.raw):
        return FileFixes(task.path, task.uri, [], 0, "not valid UTF-8; not fixed")
    fixed = fix_all(doc, _config(task.settings))
    if fixed.text == doc.text:
        return FileFixes(task.path, task.uri, [], 0)
    edits = convert.fixes_to_edits(doc, fixed.edits, task.encoding)
    return FileFixes(task.path, task.uri, edits, fixed.applied)


def fix_chunk(tasks: Sequence[FileTask]) -> list[FileFixes]:
    return [fix_file(t) for t in tasks]


# ---------------------------------------------------------------------- worker pool


def _worker_start(parent: int) -> None:
    """Worker start-up: stdout is the protocol's channel, never write to it; and end
    with the server, even one that was killed (nothing else would tell us)."""
    try:
        os.dup2(2, 1)
    except OSError:
        pass
    sys.stdout = sys.stderr

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, name="textsweep-parent-watch", daemon=True).start()


class WorkerPool:
    """Worker processes for many files, started on first use and kept for the session."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None

    def executor(self) -> Executor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=walk.usable_cores(),
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_worker_start,
                initargs=(os.getpid(),),
            )
        return self._pool

    def broken(self) -> None:
        """Forget a pool whose worker died (it is started anew when needed)."""
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)

    def shutdown(self) -> None:
        self.broken()


__all__ = [
    "CHUNK",
    "Checked",
    "FileFixes",
    "FileTask",
    "WorkerPool",
    "check_chunk",
    "check_file",
    "fix_chunk",
    "fix_file",
    "result_id",
    "settings_key",
    "stamp_of",
]
