"""The language server session: open documents, settings, results, scheduling.

Everything textual is done by the engine on snapshots, off the event loop. This
module keeps the state of one connection and decides when to lint (debounce,
staleness, push vs pull); the request handlers live in :mod:`.handlers`, one
module per request family, wired to LSP methods in ``handlers/__init__.py``.
"""

from __future__ import annotations

import asyncio
import gc
import json
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcContentModified
from pygls.lsp.server import LanguageServer

from .. import __version__, fileio
from ..engine import Config, Document, Finding, fix_all
from ..engine.fixes import coalesce
from ..engine.linter import CappedFindings, FixAllCancelled, lint_capped
from ..engine.suppress import directives
from ..settings import SettingsResolver
from . import convert, disk
from .documents import OpenDocument
from .positions import UTF16
from .protocol import Prepared, TextsweepProtocol, serve_stdio

log = logging.getLogger("textsweep.lsp")

T = TypeVar("T")

#: Within a burst of edits (each less than this after the one before), lint this
#: long after the last one: the burst costs one lint. A document whose edits lint
#: slowly always waits this long.
DEBOUNCE_SECONDS = 0.075
#: The first edit after a pause is linted at once unless the document's last edit
#: took this long or longer to lint. The debounce is there to coalesce bursts:
#: after a pause, waiting only adds its 75 ms to what the user waits for (the
#: per-paragraph caches make an edit's lint incremental), and a newer edit cancels
#: a lint still running (:class:`.engine.linter.LintCancelled`). Typing a key every
#: 100 ms or more, each key is linted at once; a paste of many edits, or a macro,
#: costs one lint at once and one after it. Only for documents whose edits take
#: half a second to lint (cancellation is checked between rules, so a lint started
#: on every key would keep both workers busy) does every edit wait.
FAST_LINT_SECONDS = 0.5
#: The collector's first-generation threshold while serving: a lint of 1 MB
#: allocates millions of short-lived tuples, and at the default (700) a quarter
#: of a keystroke's lint went to collections, full ones traversing the caches.
GC_THRESHOLD = 10_000
#: Fix-all's edits past this many are merged with their nearest neighbours
#: (:func:`.engine.fixes.coalesce`): an editor applies a few thousand edits at
#: once, 200,000 took seconds to build, encode and apply.
MAX_FIX_EDITS = 4096


@dataclass(frozen=True)
class LintResult:
    version: int | None
    doc: Document
    #: The first ``config.max_findings`` findings; fix-all re-lints in full.
    findings: list[Finding]
    config: Config
    total: int = 0
    exact: bool = True
    #: The settings' ``exclude`` matches the document: no findings, no fixes.
    excluded: bool = False
    #: Linted while a rejected change made the server's copy untrusted (an empty
    #: snapshot): a result from before the rejection, at the same version, is not
    #: current any more.
    stale: bool = False


def edit_delay(since_last_edit: float | None, last_lint: float | None) -> float:
    """How long to wait before linting after an edit made ``since_last_edit``
    seconds after the previous one (None: the first), when the document's last edit
    took ``last_lint`` seconds to lint (None: not known yet): at once after a pause
    unless its edits lint slowly, else :data:`DEBOUNCE_SECONDS`."""
    paused = since_last_edit is None or since_last_edit >= DEBOUNCE_SECONDS
    fast = last_lint is None or last_lint < FAST_LINT_SECONDS
    return 0.0 if paused and fast else DEBOUNCE_SECONDS


def diagnostic_json(d: lsp.Diagnostic, converter: Any) -> Any:
    """``converter.unstructure(d)`` for the diagnostics :mod:`.convert` makes, by hand
    (fifty times faster); anything else (tags, related information) goes through
    the converter. ``tests/unit/test_publish_json.py`` checks both agree."""
    if d.tags or d.related_information or d.code_description is None:
        return converter.unstructure(d)
    r = d.range
    out: dict[str, Any] = {
        "range": {
            "start": {"line": r.start.line, "character": r.start.character},
            "end": {"line": r.end.line, "character": r.end.character},
        },
        "message": d.message,
    }
    if d.severity is not None:
        out["severity"] = int(d.severity)
    if d.code is not None:
        out["code"] = d.code
    out["codeDescription"] = {"href": d.code_description.href}
    if d.source is not None:
        out["source"] = d.source
    if d.data is not None:
        out["data"] = d.data
    return out


class TextsweepServer(LanguageServer):
    """State per connection: open documents, settings, lint results, scheduling."""

    def __init__(self) -> None:
        super().__init__(
            "textsweep",
            __version__,
            text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental,
            protocol_cls=TextsweepProtocol,
        )
        self.docs: dict[str, OpenDocument] = {}
        self.results: dict[str, LintResult] = {}
        self.waiters: dict[str, list[asyncio.Future[LintResult]]] = {}
        self.tasks: dict[str, asyncio.Task[None]] = {}
        #: Seconds the last lint after an edit took, per document (None: not known).
        self.edit_lint_seconds: dict[str, float] = {}
        #: When (event loop clock) each document was last edited.
        self.edited_at: dict[str, float] = {}
        self.configs: dict[str, Config] = {}
        #: Open documents the settings' ``exclude`` matches → the file that says so.
        self.excluded: dict[str, str] = {}
        self.pushed_settings: Any = None
        self.warned: set[str] = set()
        #: Project files and .editorconfig, read the way the CLI reads them.
        self.resolver = SettingsResolver()
        self.executor = ThreadPoolExecutor(max_workers=2, thread_name_prefix="textsweep-lint")
        #: ``initializationOptions.positionEncoding``: for clients that use another
        #: encoding than they negotiate (Vim's ALE counts bytes and offers nothing).
        self.forced_encoding: str | None = None
        #: The last result fix-all ran on, with its edits per (rule, encoding): one
        #: document's worth, for the requests that ask again about the same version.
        self._last_fix_all: tuple[LintResult, dict[tuple[str | None, str], Any]] | None = None
        #: The process's exit status once the client said ``exit`` (LSP: 1 without shutdown).
        self.exit_code = 0
        #: Pending asynchronous writes of published diagnostics (see :meth:`publish`).

    def start_io(self, stdin: Any = None, stdout: Any = None) -> None:
        """Serve over stdio with our hardened frame reader (see protocol.py)."""
        # What is loaded now (pygls, the engine's tables) lives as long as the
        # process: out of the collector's sight. Young collections less often.
        gc.freeze()
        gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])
        self.exit_code = serve_stdio(self, stdin, stdout)

    # ------------------------------------------------------------------ client facts

    @property
    def encoding(self) -> str:
        if self.forced_encoding is not None:
            return self.forced_encoding
        try:
            enc: Any = self.workspace.position_encoding
        except RuntimeError:  # before initialize
            return UTF16
        return str(getattr(enc, "value", enc) or UTF16)

    @property
    def pull_mode(self) -> bool:
        """Clients that can pull diagnostics get them only when they ask."""
        td = self.client_capabilities.text_document
        return bool(td and td.diagnostic is not None)

    @property
    def pulls_workspace(self) -> bool:
        """Pull clients that also pull workspace diagnostics and refresh them on request
        (VS Code); Neovim 0.11 pulls open documents only."""
        return self.pull_mode and bool(
            self._supports("workspace", "diagnostics", "refresh_support")
        )

    def _supports(self, *path: str) -> Any:
        node: Any = self.client_capabilities
        for name in path:
            node = getattr(node, name, None)
            if node is None:
                return None
        return node

    # ------------------------------------------------------------------ settings

    async def config_for(self, uri: str) -> Config:
        if uri in self.configs:
            return self.configs[uri]
        raw: Any = None
        if self._supports("workspace", "configuration"):
            try:
                # shield: a lint superseded while waiting (eglot sends didChangeConfiguration
                # right after didOpen) must not cancel the request itself, or pygls fails
                # on the late answer and shows the user "Error in server: CANCELLED".
                answer = await asyncio.wait_for(
                    asyncio.shield(
                        self.workspace_configuration_async(
                            lsp.ConfigurationParams(
                                items=[lsp.ConfigurationItem(scope_uri=uri, section="textsweep")]
                            )
                        )
                    ),
                    timeout=2.0,
                )
                raw = answer[0] if answer else None
            except Exception as exc:  # noqa: BLE001 - a client error must not stop linting
                log.warning("workspace/configuration failed: %s", exc)
                raw = self.pushed_settings
        else:
            raw = self.pushed_settings
        od = self.docs.get(uri)
        # The editor's settings over the project's files, as the CLI layers them.
        path = od.path if od else None
        if path is None:  # nothing to read: no need to queue behind the lints
            config, warnings = self.resolver.config_for(None, raw)
            excluded = None
        else:
            base = self.folder_of(path)

            def resolve() -> tuple[Config, list[str], str | None]:
                config, warnings = self.resolver.config_for(path, raw, base)
                return config, warnings, self.resolver.excluded(path, False, raw, base)

            # Off the loop: it reads files and matches .editorconfig globs.
            config, warnings, excluded = await asyncio.get_running_loop().run_in_executor(
                self.executor, resolve
            )
        self.warn(warnings)
        self.configs[uri] = config
        if excluded is None:
            self.excluded.pop(uri, None)
        elif self.excluded.get(uri) != excluded:
            self.excluded[uri] = excluded
            self.window_log_message(
                lsp.LogMessageParams(
                    type=lsp.MessageType.Info,
                    message=f"textsweep: {path} is not checked: it matches 'exclude' in {excluded}",
                )
            )
        return config

    def folder_of(self, path: str) -> str | None:
        """The workspace folder holding ``path`` (the editor settings' globs are
        relative to it), the innermost one; None outside them."""
        try:
            folders = disk.workspace_paths(self.workspace)
        except RuntimeError:  # before initialize
            return None
        inside = [f for f in folders if fileio.inside(path, [f])]
        return max(inside, key=len) if inside else None

    def warn(self, warnings: list[str]) -> None:
        """One showMessage per new set of settings problems, never a flood."""
        new = [w for w in warnings if w not in self.warned]
        if not new:
            return
        self.warned.update(new)
        self.window_show_message(
            lsp.ShowMessageParams(
                type=lsp.MessageType.Warning,
                message="textsweep settings: " + "; ".join(new) + " (defaults used instead)",
            )
        )

    def settings_files_changed(self) -> None:
        """A pyproject.toml, .textsweep.toml or .editorconfig changed on disk.

        Call before any await: a request that follows must not see a stale result.
        """
        self.resolver.invalidate()
        self.settings_changed(None)

    def settings_changed(self, settings: Any) -> None:
        if isinstance(settings, dict) and "textsweep" in settings:
            self.pushed_settings = settings["textsweep"]
        self.configs.clear()
        # Results linted under the old settings are stale even at the same version:
        # a pull arriving now must wait for the re-lint, not get the old answer.
        self.results.clear()
        for uri in list(self.docs):
            self.schedule(uri, 0)
        if self.pulls_workspace:
            self.workspace_diagnostic_refresh(None)

    async def read_disk(self, path: str, text: str) -> bytes | None:
        """The document's bytes on disk, when safe to read (see :mod:`.disk`)."""
        try:
            folders = disk.workspace_paths(self.workspace)
        except RuntimeError:  # a didOpen before initialize: no workspace yet
            folders = []
        got = await asyncio.get_running_loop().run_in_executor(
            self.executor, disk.read_for_document, path, text, folders
        )
        if got.note:
            log.warning("%s", got.note)
            self.window_log_message(
                lsp.LogMessageParams(type=lsp.MessageType.Warning, message=f"textsweep: {got.note}")
            )
        return got.data

    # ------------------------------------------------------------------ linting

    def schedule(self, uri: str, delay: float | None = None) -> None:
        """Lint ``uri`` after ``delay`` seconds; ``None`` means after an edit: at once
        for the first edit after a pause when the document's edits lint fast, else
        after :data:`DEBOUNCE_SECONDS`. A lint already scheduled or running for the
        document is cancelled."""
        old = self.tasks.pop(uri, None)
        if old is not None:
            old.cancel()
        od = self.docs.get(uri)
        if od is None:
            return
        loop = asyncio.get_running_loop()
        edit = delay is None
        if delay is None:
            now = loop.time()
            last_edit = self.edited_at.get(uri)
            self.edited_at[uri] = now
            since = None if last_edit is None else now - last_edit
            delay = edit_delay(since, self.edit_lint_seconds.get(uri))
        self.tasks[uri] = loop.create_task(self._lint_later(uri, od, od.version, delay, edit))

    async def _lint_later(
        self, uri: str, od: OpenDocument, version: int | None, delay: float, edit: bool = False
    ) -> None:
        try:
            if delay:
                await asyncio.sleep(delay)
            config = await self.config_for(uri)
            if self.docs.get(uri) is not od or od.version != version:
                return
            stale = od.stale is not None
            snapshot = od.snapshot()
            loop = asyncio.get_running_loop()
            excluded = uri in self.excluded
            #: the notification's text, built by the worker right after the lint
            message: str | None = None
            if excluded:  # the settings' exclude: no diagnostics at all
                capped = CappedFindings([], 0, True)
            else:
                stop = threading.Event()
                push = not self.pull_mode

                def work() -> tuple[CappedFindings, float, str | None]:
                    t = time.perf_counter()
                    found = lint_capped(
                        snapshot, config, config.max_findings, cancelled=stop.is_set
                    )
                    seconds = time.perf_counter() - t
                    if not push:
                        return found, seconds, None
                    # in the same job: one trip from a worker to the loop and back
                    # fewer on the keystroke's way to its diagnostics
                    done = LintResult(
                        version,
                        snapshot,
                        found.findings,
                        config,
                        found.total,
                        found.exact,
                        False,
                        stale,
                    )
                    return found, seconds, self.publish_message(uri, done)

                try:
                    capped, seconds, message = await loop.run_in_executor(self.executor, work)
                except asyncio.CancelledError:
                    stop.set()  # a newer version: the worker stops at the next rule
                    raise
                if edit:
                    self.edit_lint_seconds[uri] = seconds
            if self.docs.get(uri) is not od or od.version != version:
                return  # stale: a newer version is on its way
            result = LintResult(
                version,
                snapshot,
                capped.findings,
                config,
                capped.total,
                capped.exact,
                excluded,
                stale,
            )
            self.results[uri] = result
            for fut in self.waiters.pop(uri, []):
                if not fut.done():
                    fut.set_result(result)
            if not self.pull_mode:
                if message is None:
                    # converting 1,000 findings takes milliseconds: not on the loop
                    message = await loop.run_in_executor(
                        self.executor, self.publish_message, uri, result
                    )
                    if self.docs.get(uri) is not od or od.version != version:
                        return  # stale meanwhile: the newer version publishes
                self.publish(uri, result, message)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("linting %s failed", uri)

    def publish(self, uri: str, result: LintResult, message: str | None = None) -> None:
        """Push ``result``'s diagnostics (``message``: :meth:`publish_message`'s, when
        a worker built it already)."""
        if message is None:
            message = self.publish_message(uri, result)
        protocol = self.protocol
        if not (isinstance(protocol, TextsweepProtocol) and protocol.write_json(message)):
            protocol._send_data(json.loads(message))

    def diagnostics_json(self, result: LintResult) -> str:
        """The JSON text of ``result``'s diagnostics (pushed or pulled), built from
        the per-finding cache (see :func:`convert.diagnostics_json`)."""
        return convert.diagnostics_json(
            result.doc,
            result.findings,
            self.encoding,
            result.config,
            result.version,
            result.total,
            result.exact,
            self.protocol._converter.unstructure,
        )

    def publish_message(self, uri: str, result: LintResult) -> str:
        """The ``textDocument/publishDiagnostics`` notification for ``result``, as
        JSON text (built in a worker after a lint: it takes milliseconds)."""
        conv = self.protocol._converter
        diagnostics = self.diagnostics_json(result)
        params = conv.unstructure(
            lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[], version=result.version)
        )
        envelope = json.dumps(
            {"jsonrpc": "2.0", "method": lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS, "params": params}
        )
        # inside JSON strings quotes are escaped: this is the one structural match
        return envelope.replace('"diagnostics": []', '"diagnostics": ' + diagnostics, 1)

    async def lookup(self, uri: str) -> LintResult | None:
        """The current result, or None for documents not open (or closed meanwhile)."""
        if uri not in self.docs:
            return None
        try:
            return await self.current(uri)
        except KeyError:
            return None

    async def current(self, uri: str) -> LintResult:
        """The lint result for the document's current version (waits if needed)."""
        od = self.docs.get(uri)
        if od is None:
            raise KeyError(uri)
        while True:
            res = self.results.get(uri)
            if (
                res is not None
                and res.version == od.version
                and res.stale == (od.stale is not None)
                and self.docs.get(uri) is od
            ):
                return res
            fut: asyncio.Future[LintResult] = asyncio.get_running_loop().create_future()
            self.waiters.setdefault(uri, []).append(fut)
            if uri not in self.tasks or self.tasks[uri].done():
                self.schedule(uri, 0)
            await fut
            od = self.docs.get(uri)
            if od is None:
                raise KeyError(uri)

    # ------------------------------------------------------------------ edits

    def workspace_edit(
        self, uri: str, edits: list[lsp.TextEdit], version: int | None = None
    ) -> lsp.WorkspaceEdit:
        """``edits`` for ``uri``, versioned when the client can check the version.

        ``version`` is the one the edits were computed on (default: the current
        one), so a client that has moved on refuses them instead of misapplying.
        """
        od = self.docs.get(uri)
        if self._supports("workspace", "workspace_edit", "document_changes") and od:
            return lsp.WorkspaceEdit(
                document_changes=[
                    lsp.TextDocumentEdit(
                        text_document=lsp.OptionalVersionedTextDocumentIdentifier(
                            uri=uri, version=od.version if version is None else version
                        ),
                        edits=list(edits),
                    )
                ]
            )
        return lsp.WorkspaceEdit(changes={uri: list(edits)})

    def workspace_edit_json(
        self, uri: str, edits: list[dict[str, Any]], version: int | None = None
    ) -> dict[str, Any]:
        """:meth:`workspace_edit` as JSON-ready data around :func:`.convert.edits_json`'s
        dicts (the frame is unstructured by the converter: the same shape either way)."""
        out: dict[str, Any] = self.protocol._converter.unstructure(
            self.workspace_edit(uri, [], version)
        )
        if "documentChanges" in out:
            out["documentChanges"][0]["edits"] = edits
        else:
            out["changes"][uri] = edits
        return out

    async def fix_all_edits(
        self, result: LintResult, rule: str | None = None
    ) -> list[dict[str, Any]]:
        """Edits applying every safe fix (of one rule, or all) to the result's text,
        as JSON-ready ``TextEdit`` dicts (see :meth:`fix_all_response`)."""
        return await self._fix_all(result, rule, lambda edits: edits)

    async def fix_all_response(
        self,
        result: LintResult,
        rule: str | None,
        wrap: Callable[[list[dict[str, Any]]], Any],
    ) -> Prepared:
        """``wrap(edits)`` (the whole result of a request around the edits of
        :meth:`fix_all_edits`) encoded as JSON in the worker: the event loop only
        writes it out."""
        return await self._fix_all(result, rule, lambda edits: Prepared.of(wrap(edits)))

    async def _fix_all(
        self,
        result: LintResult,
        rule: str | None,
        finish: Callable[[list[dict[str, Any]]], T],
    ) -> T:
        """Fix-all of ``result``, its edits converted and ``finish``-ed in the worker.

        Runs in the worker pool: fix-all on a large file takes long enough that the
        event loop must stay free to answer other requests meanwhile. One rule's
        fix-all lints under the user's config and applies only that rule's fixes:
        switching every other *active* rule off let rules the user had turned off
        fall back to their defaults, so "Fix all X" also stripped trailing spaces.
        Past :data:`MAX_FIX_EDITS` edits, neighbours merge (:func:`.fixes.coalesce`).
        """
        encoding = self.encoding
        if result.excluded:
            return finish([])
        key = (rule, encoding)
        loop = asyncio.get_running_loop()
        last = self._last_fix_all
        if last is not None and last[0] is result and key in last[1]:
            # the same version again (formatting and the fix-all action on save,
            # or a client without resolve asking code actions at every move)
            known = last[1][key]
            now = self.docs.get(result.doc.uri or "")
            if now is not None and now.version != result.version:
                raise JsonRpcContentModified()  # as a fix-all overtaken by an edit
            return await loop.run_in_executor(self.executor, finish, known)
        # The result's findings are the first pass's when they are all there: no
        # rule was cut at ``maxFindings`` (its extras would count in ``total``),
        # unless suppressed ones hid the cut (hence: no directives).
        complete = (
            result.exact and result.total == len(result.findings) and not directives(result.doc)
        )
        uri = result.doc.uri or ""
        od = self.docs.get(uri)
        stop = threading.Event()

        def cancelled() -> bool:
            # The editor cancelled, or typed on: these edits would land on other text.
            now = self.docs.get(uri)
            return stop.is_set() or now is None or now.version != result.version

        def work() -> tuple[list[dict[str, Any]], T]:
            fixed = fix_all(
                result.doc,
                result.config,
                only_rule=rule,
                findings=result.findings if complete else None,
                cancelled=cancelled if od is not None else None,
            )
            edits = coalesce(result.doc.text, fixed.edits, MAX_FIX_EDITS)
            data = convert.edits_json(result.doc, edits, encoding)
            return data, finish(data)

        try:
            data, out = await loop.run_in_executor(self.executor, work)
        except asyncio.CancelledError:
            stop.set()
            raise
        except FixAllCancelled:
            raise JsonRpcContentModified() from None
        last = self._last_fix_all
        if last is None or last[0] is not result:
            last = self._last_fix_all = (result, {})
        last[1][key] = data
        return out


__all__ = [
    "DEBOUNCE_SECONDS",
    "FAST_LINT_SECONDS",
    "MAX_FIX_EDITS",
    "LintResult",
    "TextsweepServer",
    "diagnostic_json",
    "edit_delay",
]
