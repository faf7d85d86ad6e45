"""The language server: the one place that wires LSP methods to features.

Everything textual is done by the engine on snapshots, off the event loop; this
module handles protocol concerns: sync, debounce, settings, push vs pull, the
cap on published diagnostics, code actions and their lazy resolution.
"""

from __future__ import annotations

import asyncio
import logging
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from .. import __version__
from ..engine import Config, Document, Finding, fix_all, parse_settings
from ..engine.linter import lint_capped
from ..projectconfig import editorconfig_settings, merge_settings
from . import convert, extensions
from .documents import OpenDocument
from .hover import hover_markdown
from .positions import UTF16, offsets_to_positions, position_to_offset
from .protocol import TextsweepProtocol, serve_stdio

log = logging.getLogger("textsweep.lsp")

#: Wait this long after the last keystroke before linting (a burst costs one lint).
DEBOUNCE_SECONDS = 0.075
FIX_ALL_KIND = f"{lsp.CodeActionKind.SourceFixAll.value}.textsweep"


@dataclass(frozen=True)
class LintResult:
    version: int | None
    doc: Document
    #: The first ``config.max_findings`` findings; fix-all re-lints in full.
    findings: list[Finding]
    config: Config
    total: int = 0
    exact: bool = True


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
        self.configs: dict[str, Config] = {}
        self.pushed_settings: Any = None
        self.warned: set[str] = set()
        self.executor = ThreadPoolExecutor(max_workers=2, thread_name_prefix="textsweep-lint")
        #: ``initializationOptions.positionEncoding``: for clients that use another
        #: encoding than they negotiate (Vim's ALE counts bytes and offers nothing).
        self.forced_encoding: str | None = None
        #: The process's exit status once the client said ``exit`` (LSP: 1 without shutdown).
        self.exit_code = 0

    def start_io(self, stdin: Any = None, stdout: Any = None) -> None:
        """Serve over stdio with our hardened frame reader (see protocol.py)."""
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
        if od is not None and od.path:
            raw = merge_settings(editorconfig_settings(od.path), raw)
        config, warnings = parse_settings(raw)
        self.warn(warnings)
        self.configs[uri] = config
        return config

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

    def settings_changed(self, settings: Any) -> None:
        if isinstance(settings, dict) and "textsweep" in settings:
            self.pushed_settings = settings["textsweep"]
        self.configs.clear()
        # Results linted under the old settings are stale even at the same version:
        # a pull arriving now must wait for the re-lint, not get the old answer.
        self.results.clear()
        for uri in list(self.docs):
            self.schedule(uri, 0)
        if self.pull_mode and self._supports("workspace", "diagnostics", "refresh_support"):
            self.workspace_diagnostic_refresh(None)

    # ------------------------------------------------------------------ linting

    def schedule(self, uri: str, delay: float = DEBOUNCE_SECONDS) -> None:
        old = self.tasks.pop(uri, None)
        if old is not None:
            old.cancel()
        od = self.docs.get(uri)
        if od is None:
            return
        self.tasks[uri] = asyncio.get_running_loop().create_task(
            self._lint_later(uri, od, od.version, delay)
        )

    async def _lint_later(
        self, uri: str, od: OpenDocument, version: int | None, delay: float
    ) -> None:
        try:
            if delay:
                await asyncio.sleep(delay)
            config = await self.config_for(uri)
            if self.docs.get(uri) is not od or od.version != version:
                return
            snapshot = od.snapshot()
            loop = asyncio.get_running_loop()
            capped = await loop.run_in_executor(
                self.executor, lint_capped, snapshot, config, config.max_findings
            )
            if self.docs.get(uri) is not od or od.version != version:
                return  # stale: a newer version is on its way
            result = LintResult(
                version, snapshot, capped.findings, config, capped.total, capped.exact
            )
            self.results[uri] = result
            for fut in self.waiters.pop(uri, []):
                if not fut.done():
                    fut.set_result(result)
            if not self.pull_mode:
                self.publish(uri, result)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("linting %s failed", uri)

    def publish(self, uri: str, result: LintResult) -> None:
        diagnostics = convert.to_diagnostics(
            result.doc,
            result.findings,
            self.encoding,
            result.config,
            result.version,
            result.total,
            result.exact,
        )
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=result.version)
        )

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
            if res is not None and res.version == od.version and self.docs.get(uri) is od:
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

    async def fix_all_edits(
        self, result: LintResult, rule: str | None = None
    ) -> list[lsp.TextEdit]:
        """Edits applying every safe fix (of one rule, or all) to the result's text.

        Runs in the worker pool: fix-all on a large file takes long enough that the
        event loop must stay free to answer other requests meanwhile. One rule's
        fix-all lints under the user's config and applies only that rule's fixes:
        switching every other *active* rule off let rules the user had turned off
        fall back to their defaults, so "Fix all X" also stripped trailing spaces.
        """
        encoding = self.encoding

        def work() -> list[lsp.TextEdit]:
            fixed = fix_all(result.doc, result.config, only_rule=rule)
            return convert.fixes_to_edits(result.doc, fixed.edits, encoding)

        return await asyncio.get_running_loop().run_in_executor(self.executor, work)


def _kind_allowed(kind: str, only: list[str] | None) -> bool:
    if not only:
        return True
    return any(kind == o or kind.startswith(o + ".") for o in only)


def _range_offsets(doc: Document, rng: lsp.Range, encoding: str) -> tuple[int, int]:
    s = position_to_offset(doc, rng.start.line, rng.start.character, encoding)
    e = position_to_offset(doc, rng.end.line, rng.end.character, encoding)
    return min(s, e), max(s, e)


def create_server() -> TextsweepServer:
    server = TextsweepServer()

    @server.feature(lsp.INITIALIZE)
    def initialize(ls: TextsweepServer, params: lsp.InitializeParams) -> None:
        init = params.initialization_options
        if isinstance(init, dict):
            forced = init.get("positionEncoding")
            if forced in ("utf-8", "utf-16", "utf-32"):
                ls.forced_encoding = forced
            settings = {k: v for k, v in init.items() if k != "positionEncoding"}
            ls.pushed_settings = init.get("textsweep", settings)

    @server.feature(lsp.INITIALIZED)
    async def initialized(ls: TextsweepServer, params: lsp.InitializedParams) -> None:
        # Load chardet's models now, off the loop, so the first non-UTF-8 file
        # opened does not pay for it.
        from ..engine import encoding

        await asyncio.get_running_loop().run_in_executor(ls.executor, encoding.warm_up)

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(ls: TextsweepServer, params: lsp.DidOpenTextDocumentParams) -> None:
        td = params.text_document
        path = to_fs_path(td.uri) if td.uri.startswith("file:") else None
        od = OpenDocument(td.uri, td.language_id, td.version, td.text, path)
        # Registered before the first await: a request sent right after didOpen
        # (a status bar asking for documentInfo) must find the document.
        ls.docs[td.uri] = od
        if path:
            od.raw = await asyncio.get_running_loop().run_in_executor(
                ls.executor, extensions.read_bytes, path
            )
        ls.schedule(td.uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: TextsweepServer, params: lsp.DidChangeTextDocumentParams) -> None:
        od = ls.docs.get(params.text_document.uri)
        if od is None:
            return
        for change in params.content_changes:
            od.apply(change, ls.encoding)
        od.version = params.text_document.version
        ls.schedule(od.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(ls: TextsweepServer, params: lsp.DidSaveTextDocumentParams) -> None:
        od = ls.docs.get(params.text_document.uri)
        if od is None:
            return
        if params.text is not None:
            od.text = params.text
        if od.path and os.path.basename(od.path) == ".editorconfig":
            # The project's conventions changed: every open document's config may.
            # Before any await, so a request that follows sees no stale result.
            ls.settings_changed(None)
        if od.path:
            od.raw = await asyncio.get_running_loop().run_in_executor(
                ls.executor, extensions.read_bytes, od.path
            )
        ls.schedule(od.uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: TextsweepServer, params: lsp.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.docs.pop(uri, None)
        ls.results.pop(uri, None)
        ls.configs.pop(uri, None)
        task = ls.tasks.pop(uri, None)
        if task:
            task.cancel()
        for fut in ls.waiters.pop(uri, []):
            fut.cancel()
        if not ls.pull_mode:
            ls.text_document_publish_diagnostics(
                lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[])
            )

    @server.feature(lsp.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def did_change_configuration(
        ls: TextsweepServer, params: lsp.DidChangeConfigurationParams
    ) -> None:
        ls.settings_changed(params.settings)

    @server.feature(
        lsp.TEXT_DOCUMENT_DIAGNOSTIC,
        lsp.DiagnosticOptions(
            identifier="textsweep", inter_file_dependencies=False, workspace_diagnostics=False
        ),
    )
    async def diagnostic(
        ls: TextsweepServer, params: lsp.DocumentDiagnosticParams
    ) -> lsp.DocumentDiagnosticReport:
        uri = params.text_document.uri
        if uri not in ls.docs:
            return lsp.RelatedFullDocumentDiagnosticReport(items=[])
        try:
            result = await ls.current(uri)
        except (KeyError, asyncio.CancelledError):
            return lsp.RelatedFullDocumentDiagnosticReport(items=[])
        result_id = f"{result.version}:{id(result)}"
        if params.previous_result_id == result_id:
            return lsp.RelatedUnchangedDocumentDiagnosticReport(result_id=result_id)
        items = convert.to_diagnostics(
            result.doc,
            result.findings,
            ls.encoding,
            result.config,
            result.version,
            result.total,
            result.exact,
        )
        return lsp.RelatedFullDocumentDiagnosticReport(items=items, result_id=result_id)

    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.CodeActionOptions(
            code_action_kinds=[
                lsp.CodeActionKind.QuickFix,
                FIX_ALL_KIND,  # type: ignore[list-item]
                "source.textsweep.reloadEncoding",  # type: ignore[list-item]
            ],
            resolve_provider=True,
        ),
    )
    async def code_action(
        ls: TextsweepServer, params: lsp.CodeActionParams
    ) -> list[lsp.CodeAction] | None:
        uri = params.text_document.uri
        result = await ls.lookup(uri)
        if result is None:
            return None
        only = [str(k.value if hasattr(k, "value") else k) for k in (params.context.only or [])]
        lazy = bool(
            (rs := ls._supports("text_document", "code_action", "resolve_support"))
            and "edit" in (rs.properties or [])
        )
        actions: list[lsp.CodeAction] = []
        start, end = _range_offsets(result.doc, params.range, ls.encoding)
        ours = [
            d
            for d in params.context.diagnostics
            if d.source == convert.SOURCE and isinstance(d.data, dict)
        ]
        # Findings under the cursor: from the client's diagnostics when it sent ours,
        # else from our own current result (clients differ in what they send).
        picked: list[tuple[lsp.Diagnostic | None, Finding]] = []
        if ours:
            for d in ours:
                s, e = _range_offsets(result.doc, d.range, ls.encoding)
                match = next(
                    (
                        f
                        for f in result.findings
                        if f.rule == d.code and f.start == s and f.end == e
                    ),
                    None,
                )
                if match is not None:
                    picked.append((d, match))
        # Neovim 0.7 sends back byte columns as characters, so its diagnostics may not
        # match: then look under the requested range like for clients that send none.
        if not picked:
            for f in result.findings:
                if f.start <= end and f.end >= start:
                    picked.append((None, f))
                if f.start > end:
                    break
        pos_needed = [o for _, f in picked for fix in f.fixes for o in (fix.start, fix.end)]
        pos = offsets_to_positions(result.doc, pos_needed, ls.encoding)
        diags_for = {
            id(f): d
            or convert.to_diagnostics(result.doc, [f], ls.encoding, result.config, result.version)[
                0
            ]
            for d, f in picked
        }
        rules_seen: list[str] = []
        for _d, f in picked:
            diag = diags_for[id(f)]
            preferred_done = False
            for fix in f.fixes:
                kinds = [fix.kind] if fix.kind == "quickfix" else [fix.kind, "quickfix"]
                for kind in kinds:
                    if not _kind_allowed(kind, only):
                        continue
                    edit = lsp.TextEdit(
                        range=lsp.Range(
                            start=lsp.Position(*pos[fix.start]), end=lsp.Position(*pos[fix.end])
                        ),
                        new_text=fix.replacement,
                    )
                    is_pref = fix.safe and not preferred_done and kind == "quickfix"
                    preferred_done = preferred_done or is_pref
                    actions.append(
                        lsp.CodeAction(
                            title=fix.title or f"Fix {f.rule}",
                            kind=kind,
                            diagnostics=[diag],
                            is_preferred=is_pref or None,
                            edit=ls.workspace_edit(uri, [edit]),
                        )
                    )
            if f.rule not in rules_seen:
                rules_seen.append(f.rule)
        if _kind_allowed("quickfix", only):
            for rule in rules_seen:
                n = sum(1 for f in result.findings if f.rule == rule and f.safe_fix)
                if n < 2:
                    continue
                data = {"uri": uri, "version": result.version, "rule": rule}
                action = lsp.CodeAction(
                    title=f"Fix all {rule} problems in this document ({n})",
                    kind=lsp.CodeActionKind.QuickFix,
                    data=data,
                )
                if not lazy:
                    action.edit = ls.workspace_edit(
                        uri, await ls.fix_all_edits(result, rule), result.version
                    )
                actions.append(action)
        if _kind_allowed(FIX_ALL_KIND, only) and any(f.safe_fix for f in result.findings):
            data = {"uri": uri, "version": result.version, "rule": None}
            action = lsp.CodeAction(
                title="textsweep: fix all safe problems in this document",
                kind=FIX_ALL_KIND,  # type: ignore[arg-type]
                data=data,
            )
            if not lazy:
                action.edit = ls.workspace_edit(uri, await ls.fix_all_edits(result), result.version)
            actions.append(action)
        return actions

    @server.feature(lsp.CODE_ACTION_RESOLVE)
    async def code_action_resolve(ls: TextsweepServer, action: lsp.CodeAction) -> lsp.CodeAction:
        data = action.data if isinstance(action.data, dict) else {}
        uri = data.get("uri")
        if action.edit is not None or not isinstance(uri, str):
            return action
        result = await ls.lookup(uri)
        if result is None:
            return action
        action.edit = ls.workspace_edit(
            uri, await ls.fix_all_edits(result, data.get("rule")), result.version
        )
        return action

    @server.feature(lsp.TEXT_DOCUMENT_FORMATTING)
    async def formatting(
        ls: TextsweepServer, params: lsp.DocumentFormattingParams
    ) -> list[lsp.TextEdit] | None:
        uri = params.text_document.uri
        result = await ls.lookup(uri)
        if result is None:
            return None
        return await ls.fix_all_edits(result)

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    async def hover(ls: TextsweepServer, params: lsp.HoverParams) -> lsp.Hover | None:
        uri = params.text_document.uri
        result = await ls.lookup(uri)
        if result is None:
            return None
        off = position_to_offset(
            result.doc, params.position.line, params.position.character, ls.encoding
        )
        hits = [f for f in result.findings if f.start <= off < f.end or (f.start == f.end == off)]
        if not hits:
            return None
        pos = offsets_to_positions(
            result.doc, [o for f in hits for o in (f.start, f.end)], ls.encoding
        )
        first = hits[0]
        return lsp.Hover(
            contents=lsp.MarkupContent(
                kind=lsp.MarkupKind.Markdown, value=hover_markdown(result.doc, hits)
            ),
            range=lsp.Range(
                start=lsp.Position(*pos[first.start]), end=lsp.Position(*pos[first.end])
            ),
        )

    extensions.register(server)
    return server


__all__ = ["TextsweepServer", "create_server"]
