"""The whole workspace: ``workspace/diagnostic`` and the check and fix commands.

* ``workspace/diagnostic`` (pull clients): every file of the workspace folders that
  ``textsweep check`` would check (:func:`textsweep.walk.iter_files`: ``.gitignore``,
  skipped directories; binary and oversized files skipped when read). Open
  documents are reported from the editor's buffer with their version (VS Code
  prefers its document pull for them, so nothing shows twice); closed files are
  read from disk in worker processes (:mod:`..workspace_files`). Items stream as
  partial results when the client gives a ``partialResultToken``; a file whose
  ``previousResultIds`` entry still matches (same content hash, same resolved
  settings, same server) is reported ``unchanged``. The server caches each file's
  (mtime_ns, size) → content hash, so an unchanged tree is walked and stat'ed, not
  read. Files reported before and gone since (deleted, newly ignored) get an empty
  report. ``$/cancelRequest`` stops the walk and the queued files: the answer is
  RequestCancelled.
* ``textsweep.server.checkWorkspace`` (push clients): the same check, published.
* ``textsweep.server.fixWorkspace``: the safe fix-all edits of every file (the
  engine's ``fix_all``, as ``source.fixAll.textsweep`` and ``textsweep fix``), sent
  as one ``workspace/applyEdit``; closed files are edited by the client, never
  written by the server.

Above ``textsweep.workspace.maxFiles`` files nothing is checked, and the user is
told (once for the diagnostics the client pulls by itself, each time for a command).
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import threading
import time
import uuid
from collections.abc import AsyncGenerator, Callable, Sequence
from concurrent.futures import Executor
from contextlib import aclosing
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from lsprotocol import types as lsp
from pygls.uris import from_fs_path

from ... import fileio, walk
from ...engine import fix_all, parse_settings
from ...settings import SETTINGS_FILE_NAMES
from .. import convert, disk

# At run time, not only for type checking: pygls reads a command handler's type
# hints to convert its arguments.
from ..server import TextsweepServer
from ..workspace_files import (
    CHUNK,
    Checked,
    FileFixes,
    FileTask,
    WorkerPool,
    check_chunk,
    fix_chunk,
    settings_key,
    stamp_of,
)
from .diagnostics import document_result_id

if TYPE_CHECKING:
    from ..server import LintResult

log = logging.getLogger("textsweep.lsp")

CHECK_COMMAND = "textsweep.server.checkWorkspace"
FIX_COMMAND = "textsweep.server.fixWorkspace"
#: Ignore files whose change changes which files the workspace has.
IGNORE_GLOBS = ("**/.gitignore",)
IGNORE_FILE_NAMES = frozenset({".gitignore"})
#: Work-done reports at most this often.
REPORT_EVERY = 0.2

R = TypeVar("R")


class _Cancelled(Exception):
    """The request was cancelled while the walk ran in a worker thread."""


@dataclass
class WorkspaceState:
    """What the workspace features keep for one session."""

    pool: WorkerPool = field(default_factory=WorkerPool)
    #: Part of every result id: ids from another server process never match.
    salt: str = field(default_factory=lambda: uuid.uuid4().hex)
    #: path → (its (mtime_ns, size), what its settings come from, its result id)
    #: when last checked: while both are the same, so is the result.
    seen: dict[str, tuple[tuple[int, int], str, str]] = field(default_factory=dict)
    #: URIs ``checkWorkspace`` published diagnostics for (to clear them later).
    published: set[str] = field(default_factory=set)
    #: The "too many files" message was shown for workspace diagnostics.
    warned_too_many: bool = False


def state(ls: TextsweepServer) -> WorkspaceState:
    st = getattr(ls, "_workspace_state", None)
    if st is None:
        st = WorkspaceState()
        setattr(ls, "_workspace_state", st)  # noqa: B010 - one attribute, kept out of server.py
    return st


# ---------------------------------------------------------------------- the plan


@dataclass
class Plan:
    """The files of one workspace run, sorted by what is to be done with them."""

    #: Closed files to read and check (or fix).
    tasks: list[FileTask] = field(default_factory=list)
    #: Open documents in the tree, by URI (their buffer is what counts).
    open: list[str] = field(default_factory=list)
    #: Closed files whose previous result still holds: (uri, result id).
    unchanged: list[tuple[str, str]] = field(default_factory=list)
    #: The limit, when the tree has more files than it allows (nothing else is set).
    too_many: int | None = None
    #: Settings problems met on the way (shown once each by the server).
    warnings: list[str] = field(default_factory=list)
    #: Files not fixed and why (symbolic links out of the tree).
    notes: list[str] = field(default_factory=list)
    #: path → what its settings are made of (see :func:`_sources`), for ``tasks``.
    sources: dict[str, str] = field(default_factory=dict)


def folders_of(ls: TextsweepServer) -> list[str]:
    """The workspace folders, each walked once (nested ones are walked with their parent)."""
    try:
        paths = disk.workspace_paths(ls.workspace)
    except RuntimeError:  # before initialize
        return []
    # Paths as the client gave them (the URIs reported must be the client's), each
    # real folder once, nested ones left to their parent.
    by_real: dict[str, str] = {}
    for p in paths:
        if os.path.isdir(p):
            by_real.setdefault(os.path.realpath(p), os.path.abspath(p))
    out: list[str] = []
    for real in sorted(by_real):
        if not any(real.startswith(q.rstrip(os.sep) + os.sep) for q in out):
            out.append(real)
    return [by_real[r] for r in out]


async def user_settings(ls: TextsweepServer, folder: str) -> Any:
    """The editor's ``textsweep`` settings for a workspace folder."""
    if not ls._supports("workspace", "configuration"):
        return ls.pushed_settings
    try:
        answer = await asyncio.wait_for(
            asyncio.shield(
                ls.workspace_configuration_async(
                    lsp.ConfigurationParams(
                        items=[
                            lsp.ConfigurationItem(
                                scope_uri=from_fs_path(folder) or None, section="textsweep"
                            )
                        ]
                    )
                )
            ),
            timeout=2.0,
        )
    except Exception as exc:  # noqa: BLE001 - a client error must not stop the check
        log.warning("workspace/configuration failed: %s", exc)
        return ls.pushed_settings
    return answer[0] if answer else None


def _folder_of(path: str, folders: Sequence[str]) -> str:
    best = folders[0]
    for f in folders:
        if path.startswith(f.rstrip(os.sep) + os.sep) and len(f) > len(best):
            best = f
    return best


def make_plan(
    ls: TextsweepServer,
    folders: Sequence[str],
    users: dict[str, Any],
    open_paths: dict[str, str],
    previous: dict[str, str],
    cancel: threading.Event,
    for_fix: bool = False,
) -> Plan:
    """Walk the folders as ``textsweep check`` does (runs in a worker thread)."""
    st = state(ls)
    plan = Plan()
    parsed: dict[str, Any] = {}
    limit = min(
        ls.resolver.config_for(os.path.join(f, ".textsweep-workspace"), users[f])[
            0
        ].workspace_max_files
        for f in folders
    )
    if limit == 0:
        plan.too_many = 0
        return plan
    done: set[tuple[int, int]] = set()
    dirs: dict[str, str] = {}
    count = 0
    # Each folder with its own editor settings, so their ``exclude`` applies too.
    found_files = (
        found
        for folder in folders
        for found in walk.iter_files([folder], resolver=ls.resolver, user=users[folder])
    )
    for found in found_files:
        if cancel.is_set():
            raise _Cancelled
        count += 1
        if count > limit:
            return Plan(too_many=limit)
        path = str(found)
        uri = open_paths.get(os.path.normcase(os.path.abspath(path)))
        if uri is not None:
            plan.open.append(uri)
            continue
        if for_fix:
            if os.path.islink(path) and not fileio.inside(path, list(folders)):
                # As `textsweep fix`: a link committed into a tree must not make
                # a fix of the tree edit a file outside it.
                plan.notes.append(f"{path}: symlink to a file outside the workspace, not fixed")
                continue
            try:
                st_ = os.stat(path)
            except OSError:
                continue
            if (st_.st_dev, st_.st_ino) in done:
                continue  # two links to one file: fixed once
            done.add((st_.st_dev, st_.st_ino))
        user = users[_folder_of(path, folders)]
        file_uri = from_fs_path(path) or found.as_uri()
        sources = _sources(os.path.dirname(path), user, dirs)
        prev = previous.get(file_uri)
        if prev is not None:
            cached = st.seen.get(path)
            if cached == (stamp_of(path), sources, prev):
                plan.unchanged.append((file_uri, prev))
                continue
        raw, warnings = ls.resolver.raw_for(path, user)
        plan.warnings.extend(warnings)
        key = settings_key(raw)
        if key not in parsed:
            parsed[key] = None
            plan.warnings.extend(parse_settings(raw)[1])
        plan.sources[path] = sources
        plan.tasks.append(FileTask(path, file_uri, raw, ls.encoding, st.salt))
    return plan


def _folder_sources(folder: str, dirs: dict[str, str]) -> str:
    """What the settings files in ``folder`` and above it are now (stamps; memoised
    per run in ``dirs``): the resolver's input for every file in the folder but
    the file's own name."""
    got = dirs.get(folder)
    if got is None:
        parent = os.path.dirname(folder)
        here = [stamp_of(os.path.join(folder, n)) for n in sorted(SETTINGS_FILE_NAMES)]
        marker = os.path.exists(os.path.join(folder, ".git"))  # where the search stops
        up = _folder_sources(parent, dirs) if parent != folder else ""
        got = dirs[folder] = hashlib.sha256(repr((here, marker, up)).encode()).hexdigest()
    return got


def _sources(folder: str, user: Any, dirs: dict[str, str]) -> str:
    """What a file's resolved settings are made of: the settings files that may
    apply to its folder and the editor's settings (the settings themselves
    are a function of these and the file's path)."""
    return _folder_sources(folder, dirs) + ":" + settings_key(user)


async def plan_run(
    ls: TextsweepServer, previous: dict[str, str], cancel: threading.Event, for_fix: bool = False
) -> Plan:
    folders = folders_of(ls)
    if not folders:
        return Plan()
    users = {f: await user_settings(ls, f) for f in folders}
    open_paths: dict[str, str] = {}
    for uri, od in ls.docs.items():
        if od.path is not None:
            open_paths[os.path.normcase(os.path.abspath(od.path))] = uri
    loop = asyncio.get_running_loop()
    plan = await loop.run_in_executor(
        ls.executor,
        lambda: make_plan(ls, folders, users, open_paths, previous, cancel, for_fix),
    )
    ls.warn(list(dict.fromkeys(plan.warnings)))
    return plan


def say_too_many(ls: TextsweepServer, limit: int) -> None:
    if limit == 0:
        message = "textsweep: workspace checks are off (textsweep.workspace.maxFiles is 0)"
    else:
        message = (
            f"textsweep: the workspace has more than {limit} files to check "
            "(textsweep.workspace.maxFiles), so it is not checked as a whole; raise the "
            "setting, or run `textsweep check` on a folder"
        )
    ls.window_show_message(lsp.ShowMessageParams(type=lsp.MessageType.Warning, message=message))


# ---------------------------------------------------------------------- running


async def run_chunks(
    ls: TextsweepServer,
    func: Callable[[Sequence[FileTask]], list[R]],
    tasks: Sequence[FileTask],
    cancel: threading.Event,
) -> AsyncGenerator[list[R], None]:
    """``func`` over ``tasks`` in chunks, off the event loop; results as they come.

    Many files go to the worker processes, a few to the lint threads (a pool's
    start-up would cost more than it saves). Cancelling the consumer cancels the
    chunks not started yet.
    """
    st = state(ls)
    executor: Executor = st.pool.executor() if len(tasks) >= walk.POOL_THRESHOLD else ls.executor
    loop = asyncio.get_running_loop()
    chunks = [list(tasks[i : i + CHUNK]) for i in range(0, len(tasks), CHUNK)]
    futures: dict[asyncio.Future[list[R]], list[FileTask]] = {
        loop.run_in_executor(executor, func, chunk): chunk for chunk in chunks
    }
    try:
        pending = set(futures)
        while pending:
            done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            for fut in done:
                try:
                    result = fut.result()
                except Exception:
                    # A worker that died (killed, out of memory): its files again, here.
                    log.exception("a workspace worker failed; checking its files in a thread")
                    if executor is not ls.executor:
                        st.pool.broken()
                    result = await loop.run_in_executor(ls.executor, func, futures[fut])
                yield result
    finally:
        for fut in futures:
            fut.cancel()


class WorkDone:
    """Work-done progress on a token (the client's, or one we created), or nothing."""

    def __init__(self, ls: TextsweepServer, token: lsp.ProgressToken | None, title: str) -> None:
        self.ls = ls
        self.token = token
        self.title = title
        self.total = 0
        self.done = 0
        self.begun = False
        self._last = 0.0

    def begin(self, total: int) -> None:
        self.total = total
        if self.token is None:
            return
        self.begun = True
        self.ls.work_done_progress.begin(
            self.token,
            lsp.WorkDoneProgressBegin(
                title=self.title, message=f"0/{total} files", percentage=0, cancellable=False
            ),
        )

    def advance(self, n: int) -> None:
        self.done += n
        now = time.monotonic()
        if self.token is None or not self.begun:
            return
        if now - self._last < REPORT_EVERY and self.done < self.total:
            return
        self._last = now
        pct = 100 * self.done // self.total if self.total else 100
        self.ls.work_done_progress.report(
            self.token,
            lsp.WorkDoneProgressReport(message=f"{self.done}/{self.total} files", percentage=pct),
        )

    def end(self, message: str) -> None:
        if self.token is None or not self.begun:
            return
        self.ls.work_done_progress.end(self.token, lsp.WorkDoneProgressEnd(message=message))
        self.ls.work_done_progress.tokens.pop(self.token, None)
        self.token = None


async def created_token(ls: TextsweepServer) -> str | None:
    """A server-made progress token, when the client shows work-done progress."""
    if not ls._supports("window", "work_done_progress"):
        return None
    token = f"textsweep-{uuid.uuid4().hex}"
    try:
        await asyncio.wait_for(ls.work_done_progress.create_async(token), timeout=5.0)
    except Exception as exc:  # noqa: BLE001 - no progress bar is no reason to fail
        log.warning("window/workDoneProgress/create failed: %s", exc)
        return None
    return token


def _remember(st: WorkspaceState, plan: Plan, c: Checked) -> None:
    sources = plan.sources.get(c.path)
    if c.stamp is not None and sources is not None:
        st.seen[c.path] = (c.stamp, sources, c.result_id)
    else:
        st.seen.pop(c.path, None)


def _open_report(
    ls: TextsweepServer, uri: str, result: LintResult, previous: str | None
) -> lsp.WorkspaceDocumentDiagnosticReport:
    rid = document_result_id(result)
    if previous == rid:
        return lsp.WorkspaceUnchangedDocumentDiagnosticReport(
            uri=uri, version=result.version, result_id=rid
        )
    items = convert.to_diagnostics(
        result.doc,
        result.findings,
        ls.encoding,
        result.config,
        result.version,
        result.total,
        result.exact,
    )
    return lsp.WorkspaceFullDocumentDiagnosticReport(
        uri=uri, version=result.version, items=items, result_id=rid
    )


# ---------------------------------------------------------------------- workspace/diagnostic


async def workspace_diagnostic(
    ls: TextsweepServer, params: lsp.WorkspaceDiagnosticParams
) -> lsp.WorkspaceDiagnosticReport:
    st = state(ls)
    previous = {p.uri: p.value for p in params.previous_result_ids or []}
    token = params.partial_result_token
    collected: list[lsp.WorkspaceDocumentDiagnosticReport] = []

    def emit(items: list[lsp.WorkspaceDocumentDiagnosticReport]) -> None:
        if not items:
            return
        if token is None:
            collected.extend(items)
        else:
            # With a partial result token, every item travels by $/progress and
            # the final answer is empty (LSP: partial results).
            ls.progress(
                lsp.ProgressParams(
                    token=token, value=lsp.WorkspaceDiagnosticReportPartialResult(items=items)
                )
            )

    cancel = threading.Event()
    work = WorkDone(ls, params.work_done_token, "textsweep: checking the workspace")
    reported: set[str] = set()
    try:
        plan = await plan_run(ls, previous, cancel)
        if plan.too_many is not None:
            if not st.warned_too_many:
                st.warned_too_many = True
                say_too_many(ls, plan.too_many)
        else:
            work.begin(len(plan.tasks))
            emit(
                [
                    lsp.WorkspaceUnchangedDocumentDiagnosticReport(
                        uri=uri, version=None, result_id=rid
                    )
                    for uri, rid in plan.unchanged
                ]
            )
            reported.update(uri for uri, _ in plan.unchanged)
            for uri in plan.open:
                result = await ls.lookup(uri)
                if result is not None:
                    emit([_open_report(ls, uri, result, previous.get(uri))])
                    reported.add(uri)
            async with aclosing(run_chunks(ls, check_chunk, plan.tasks, cancel)) as chunks:
                async for chunk in chunks:
                    reports: list[lsp.WorkspaceDocumentDiagnosticReport] = []
                    for c in chunk:
                        _remember(st, plan, c)
                        reported.add(c.uri)
                        if previous.get(c.uri) == c.result_id:
                            reports.append(
                                lsp.WorkspaceUnchangedDocumentDiagnosticReport(
                                    uri=c.uri, version=None, result_id=c.result_id
                                )
                            )
                        else:
                            reports.append(
                                lsp.WorkspaceFullDocumentDiagnosticReport(
                                    uri=c.uri, version=None, items=c.items, result_id=c.result_id
                                )
                            )
                    emit(reports)
                    work.advance(len(chunk))
        # Files reported before and not part of the workspace now: nothing to show.
        emit(
            [
                lsp.WorkspaceFullDocumentDiagnosticReport(uri=uri, version=None, items=[])
                for uri in previous
                if uri not in reported and uri not in ls.docs
            ]
        )
    except (asyncio.CancelledError, _Cancelled):
        cancel.set()
        raise asyncio.CancelledError() from None
    finally:
        cancel.set()
        work.end("done")
    return lsp.WorkspaceDiagnosticReport(items=collected)


# ---------------------------------------------------------------------- commands


async def check_workspace(ls: TextsweepServer, *args: Any) -> dict[str, int]:
    """``textsweep.server.checkWorkspace``: publish every file's diagnostics."""
    st = state(ls)
    cancel = threading.Event()
    work = WorkDone(ls, await created_token(ls), "textsweep: checking the workspace")
    files = problems = 0
    # Clients that do not pull the workspace (Neovim 0.11) still need closed files pushed.
    pulls_workspace = ls.pulls_workspace
    try:
        plan = await plan_run(ls, {}, cancel)
        if plan.too_many is not None:
            say_too_many(ls, plan.too_many)
            return {"files": 0, "problems": 0}
        work.begin(len(plan.tasks) + len(plan.open))
        for uri in plan.open:
            result = await ls.lookup(uri)
            if result is not None:
                files += 1
                problems += max(result.total, len(result.findings))
                if not ls.pull_mode:
                    ls.publish(uri, result)
        work.advance(len(plan.open))
        async with aclosing(run_chunks(ls, check_chunk, plan.tasks, cancel)) as chunks:
            async for chunk in chunks:
                for c in chunk:
                    _remember(st, plan, c)
                    if c.linted:
                        files += 1
                        problems += c.total
                    if pulls_workspace:
                        continue  # the client pulls them: a push would list them twice
                    if c.items or c.uri in st.published:
                        ls.text_document_publish_diagnostics(
                            lsp.PublishDiagnosticsParams(uri=c.uri, diagnostics=c.items)
                        )
                    if c.items:
                        st.published.add(c.uri)
                    else:
                        st.published.discard(c.uri)
                work.advance(len(chunk))
        if pulls_workspace:  # it gets the results through its next workspace pull
            ls.workspace_diagnostic_refresh(None)
    finally:
        cancel.set()
        work.end(f"{files} files, {problems} problems")
    return {"files": files, "problems": problems}


def _dry_run(args: Sequence[Any]) -> bool:
    first = args[0] if args else None
    return isinstance(first, dict) and first.get("dryRun") is True


async def _open_fixes(ls: TextsweepServer, uri: str) -> tuple[int | None, FileFixes] | None:
    result = await ls.lookup(uri)
    if result is None:
        return None
    encoding = ls.encoding

    def work() -> FileFixes:
        fixed = fix_all(result.doc, result.config)
        edits = convert.fixes_to_edits(result.doc, fixed.edits, encoding)
        return FileFixes(result.doc.path or uri, uri, edits, fixed.applied if edits else 0)

    fixes = await asyncio.get_running_loop().run_in_executor(ls.executor, work)
    return result.version, fixes


async def fix_workspace(ls: TextsweepServer, *args: Any) -> dict[str, Any]:
    """``textsweep.server.fixWorkspace``: every safe fix, as one ``workspace/applyEdit``.

    ``[{"dryRun": true}]`` only counts. Open documents are fixed in their buffer
    (versioned edits: a document edited meanwhile makes the client refuse);
    closed files are fixed as ``textsweep fix`` would, through the client.
    """
    dry = _dry_run(args)
    cancel = threading.Event()
    work = WorkDone(ls, await created_token(ls), "textsweep: fixing the workspace")
    per_file: list[tuple[int | None, FileFixes]] = []
    try:
        plan = await plan_run(ls, {}, cancel, for_fix=True)
        if plan.too_many is not None:
            say_too_many(ls, plan.too_many)
            return {"files": 0, "fixes": 0} if dry else {"applied": False, "files": 0, "fixes": 0}
        for note in plan.notes:
            log.warning("%s", note)
        work.begin(len(plan.tasks) + len(plan.open))
        for uri in plan.open:
            got = await _open_fixes(ls, uri)
            if got is not None:
                per_file.append(got)
        work.advance(len(plan.open))
        async with aclosing(run_chunks(ls, fix_chunk, plan.tasks, cancel)) as fixing:
            async for chunk in fixing:
                per_file.extend((None, f) for f in chunk)
                work.advance(len(chunk))
    finally:
        cancel.set()
        work.end("done")
    changed = [(v, f) for v, f in per_file if f.edits]
    files, fixes = len(changed), sum(f.applied for _, f in changed)
    if dry:
        return {"files": files, "fixes": fixes}
    if not changed:
        return {"applied": False, "files": 0, "fixes": 0}
    edit = workspace_edit(ls, changed)
    answer = await ls.workspace_apply_edit_async(
        lsp.ApplyWorkspaceEditParams(
            edit=edit, label=f"textsweep: fix {fixes} problems in {files} files"
        )
    )
    applied = bool(answer and answer.applied)
    if not applied:
        log.warning(
            "the client did not apply the workspace fixes: %s",
            getattr(answer, "failure_reason", None),
        )
    return {"applied": applied, "files": files, "fixes": fixes}


def workspace_edit(
    ls: TextsweepServer, changed: Sequence[tuple[int | None, FileFixes]]
) -> lsp.WorkspaceEdit:
    """One ``TextDocumentEdit`` per file: the open document's version, null for closed files."""
    if ls._supports("workspace", "workspace_edit", "document_changes"):
        return lsp.WorkspaceEdit(
            document_changes=[
                lsp.TextDocumentEdit(
                    text_document=lsp.OptionalVersionedTextDocumentIdentifier(
                        uri=f.uri, version=version
                    ),
                    edits=list(f.edits),
                )
                for version, f in changed
            ]
        )
    return lsp.WorkspaceEdit(changes={f.uri: list(f.edits) for _, f in changed})


# ---------------------------------------------------------------------- refresh


def ignore_files_changed(ls: TextsweepServer) -> None:
    """A ``.gitignore`` changed, or the folders: the workspace's files may have changed."""
    if ls.pulls_workspace:
        ls.workspace_diagnostic_refresh(None)


def folders_changed(ls: TextsweepServer, params: lsp.DidChangeWorkspaceFoldersParams) -> None:
    """Workspace folders added or removed (pygls has updated ``ls.workspace``)."""
    ignore_files_changed(ls)


def is_ignore_file(path: str) -> bool:
    return os.path.basename(path) in IGNORE_FILE_NAMES


__all__ = [
    "CHECK_COMMAND",
    "FIX_COMMAND",
    "IGNORE_GLOBS",
    "check_workspace",
    "fix_workspace",
    "folders_changed",
    "ignore_files_changed",
    "workspace_diagnostic",
]
