"""Code actions: quick fixes, fix-all of one rule or of all, "Disable <rule> for this
line / file / in this project" (:mod:`..suppression`), and lazy resolution.

Clients that can resolve an action's edit later get fix-all actions without edits
(computed by ``codeAction/resolve`` when picked); the others get them computed now.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

from lsprotocol import types as lsp

from ...engine import Document, Finding
from .. import convert
from ..positions import offsets_to_positions, position_to_offset
from ..protocol import Prepared
from ..suppression import suppression_actions

if TYPE_CHECKING:
    from ..server import TextsweepServer

log = logging.getLogger(__name__)

FIX_ALL_KIND = f"{lsp.CodeActionKind.SourceFixAll.value}.textsweep"

OPTIONS = lsp.CodeActionOptions(
    code_action_kinds=[
        lsp.CodeActionKind.QuickFix,
        FIX_ALL_KIND,  # type: ignore[list-item]
        "source.textsweep.reloadEncoding",  # type: ignore[list-item]
    ],
    resolve_provider=True,
)


def _kind_allowed(kind: str, only: list[str] | None) -> bool:
    if not only:
        return True
    return any(kind == o or kind.startswith(o + ".") for o in only)


def _range_offsets(doc: Document, rng: lsp.Range, encoding: str) -> tuple[int, int]:
    s = position_to_offset(doc, rng.start.line, rng.start.character, encoding)
    e = position_to_offset(doc, rng.end.line, rng.end.character, encoding)
    return min(s, e), max(s, e)


async def code_action(
    ls: TextsweepServer, params: lsp.CodeActionParams
) -> list[lsp.CodeAction] | Prepared | None:
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
    #: fix-all actions computed now (clients without resolve), with their edits
    eager: list[tuple[lsp.CodeAction, list[dict[str, Any]]]] = []
    start, end = _range_offsets(result.doc, params.range, ls.encoding)
    ours = [
        d
        for d in params.context.diagnostics
        if d.source == convert.SOURCE and isinstance(d.data, dict)
    ]
    # Findings under the cursor: from the client's diagnostics when it sent ours,
    # else from our own current result (clients differ in what they send).
    picked: list[tuple[lsp.Diagnostic | None, Finding]] = []
    # Only fix-all asked for (on save, over the whole document): no finding's own
    # actions, so none of the 1,000 diagnostics they would carry.
    per_finding = _kind_allowed("quickfix", only) or _kind_allowed(convert.RELOAD_KIND, only)
    if ours and per_finding:
        for d in ours:
            s, e = _range_offsets(result.doc, d.range, ls.encoding)
            match = next(
                (f for f in result.findings if f.rule == d.code and f.start == s and f.end == e),
                None,
            )
            if match is not None:
                picked.append((d, match))
    # Neovim 0.7 sends back byte columns as characters, so its diagnostics may not
    # match: then look under the requested range like for clients that send none.
    if not picked and per_finding:
        for f in result.findings:
            if f.start <= end and f.end >= start:
                picked.append((None, f))
            if f.start > end:
                break
    pos_needed = [o for _, f in picked for fix in f.fixes for o in (fix.start, fix.end)]
    pos = offsets_to_positions(result.doc, pos_needed, ls.encoding)
    diags_for = {
        id(f): d
        or convert.to_diagnostics(result.doc, [f], ls.encoding, result.config, result.version)[0]
        for d, f in picked
    }
    rules_seen: list[str] = []
    for _d, f in picked:
        diag = diags_for[id(f)]
        preferred_done = False
        for fix in f.fixes:
            fix_kind = convert.code_action_kind(fix)
            kinds = [fix_kind] if fix_kind == "quickfix" else [fix_kind, "quickfix"]
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
                eager.append((action, await ls.fix_all_edits(result, rule)))
            actions.append(action)
        try:
            actions += await suppression_actions(
                ls, uri, result, [(diags_for[id(f)], f) for _, f in picked]
            )
        except Exception:  # the fixes above must still reach the user
            log.exception("suppression actions failed for %s", uri)
    if _kind_allowed(FIX_ALL_KIND, only) and any(f.safe_fix for f in result.findings):
        data = {"uri": uri, "version": result.version, "rule": None}
        action = lsp.CodeAction(
            title="textsweep: fix all safe problems in this document",
            kind=FIX_ALL_KIND,  # type: ignore[arg-type]
            data=data,
        )
        if not lazy:
            eager.append((action, await ls.fix_all_edits(result)))
        actions.append(action)
    if not eager:
        return actions
    version = result.version

    def encode() -> Prepared:
        # fix-all edits of a client without resolve: encoded in the worker too
        conv = ls.protocol._converter
        edits = {id(a): e for a, e in eager}
        out = []
        for a in actions:
            d = conv.unstructure(a)
            if id(a) in edits:
                d["edit"] = ls.workspace_edit_json(uri, edits[id(a)], version)
            out.append(d)
        return Prepared.of(out)

    return await asyncio.get_running_loop().run_in_executor(ls.executor, encode)


async def code_action_resolve(
    ls: TextsweepServer, action: lsp.CodeAction
) -> lsp.CodeAction | Prepared:
    """The fix-all action with its edit, encoded in the worker (see :class:`.Prepared`)."""
    data = action.data if isinstance(action.data, dict) else {}
    uri = data.get("uri")
    if action.edit is not None or not isinstance(uri, str):
        return action
    result = await ls.lookup(uri)
    if result is None:
        return action
    version = result.version

    def wrap(edits: list[dict[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = ls.protocol._converter.unstructure(action)
        out["edit"] = ls.workspace_edit_json(uri, edits, version)
        return out

    return await ls.fix_all_response(result, data.get("rule"), wrap)
