"""The "Disable <rule> …" code actions: for this line, for this file, in this project.

The line and file actions insert a ``textsweep:`` directive in the document's own
comment syntax (placement: :func:`engine.suppress.line_directive` and
:func:`~engine.suppress.file_directive`; none where the format has no comments,
such as plain text). The project action switches the rule off in the project file
the settings resolver reads for the document (:mod:`textsweep.tomledit` edits it as
text); when there is none, it adds ``[tool.textsweep.rules]`` to the nearest
``pyproject.toml``, else creates ``.textsweep.toml`` at the repository root (or the
workspace folder) — only for clients that can create files
(``workspace.workspaceEdit.resourceOperations``). The server re-lints when the
file changes on disk (``didChangeWatchedFiles`` or ``didSave``).
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from lsprotocol import types as lsp
from pygls.uris import from_fs_path

from .. import fileio, tomledit
from ..engine import Document, Finding
from ..engine.model import Fix
from ..engine.suppress import file_directive, line_directive
from ..settings import PROJECT_FILE_MAX_BYTES, PROJECT_FILES, SettingsResolver
from .positions import offsets_to_positions

if TYPE_CHECKING:
    from .server import LintResult, TextsweepServer


class ProjectTarget(NamedTuple):
    """The project file to switch a rule off in."""

    path: str
    #: False: the file is to be created (``.textsweep.toml``).
    exists: bool


def project_target(
    resolver: SettingsResolver, path: str, folders: Sequence[str]
) -> ProjectTarget | None:
    """Which file the project action edits for a document at ``path`` (see module)."""
    found = resolver.project_settings(path)
    if found is not None:
        return None if found.error else ProjectTarget(found.path, True)
    folder = os.path.dirname(os.path.abspath(path))
    roots = {os.path.abspath(f) for f in folders}
    while True:
        candidate = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(candidate):
            return ProjectTarget(candidate, True)
        if os.path.exists(os.path.join(folder, ".git")) or folder in roots:
            return ProjectTarget(os.path.join(folder, PROJECT_FILES[0]), False)
        if folder in resolver.boundaries:
            return None
        parent = os.path.dirname(folder)
        if parent == folder:
            return None  # no repository, no workspace folder: create nothing
        folder = parent


def _edit_range(doc: Document, start: int, end: int, encoding: str) -> lsp.Range:
    pos = offsets_to_positions(doc, [start, end], encoding)
    return lsp.Range(start=lsp.Position(*pos[start]), end=lsp.Position(*pos[end]))


def _project_edit(
    ls: TextsweepServer, target: ProjectTarget, rule: str, encoding: str
) -> lsp.WorkspaceEdit | None:
    """The WorkspaceEdit switching ``rule`` off in ``target`` (runs off the loop)."""
    uri = from_fs_path(target.path) or ""
    can_version = ls._supports("workspace", "workspace_edit", "document_changes")
    if not target.exists:
        # Resource operations travel in documentChanges: a client announcing "create"
        # applies them (Neovim announces it without documentChanges).
        ops = ls._supports("workspace", "workspace_edit", "resource_operations") or []
        if "create" not in {str(getattr(o, "value", o)) for o in ops}:
            return None
        return lsp.WorkspaceEdit(
            document_changes=[
                lsp.CreateFile(
                    uri=uri, options=lsp.CreateFileOptions(overwrite=False, ignore_if_exists=True)
                ),
                lsp.TextDocumentEdit(
                    text_document=lsp.OptionalVersionedTextDocumentIdentifier(
                        uri=uri, version=None
                    ),
                    edits=[
                        lsp.TextEdit(
                            range=lsp.Range(start=lsp.Position(0, 0), end=lsp.Position(0, 0)),
                            new_text=tomledit.new_file(rule),
                        )
                    ],
                ),
            ]
        )
    od = ls.docs.get(uri)
    if od is not None:  # open in the editor: edit what it shows
        text, version = od.text, od.version
    else:
        try:
            raw = fileio.read_regular(target.path, PROJECT_FILE_MAX_BYTES).data
            text = raw.decode("utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        version = None
    edit = tomledit.disable_rule(
        text, rule, pyproject=os.path.basename(target.path) == "pyproject.toml"
    )
    if edit is None:
        return None
    text_edit = lsp.TextEdit(
        range=_edit_range(Document(text, "toml"), edit.start, edit.end, encoding),
        new_text=edit.new_text,
    )
    if can_version:
        return lsp.WorkspaceEdit(
            document_changes=[
                lsp.TextDocumentEdit(
                    text_document=lsp.OptionalVersionedTextDocumentIdentifier(
                        uri=uri, version=version
                    ),
                    edits=[text_edit],
                )
            ]
        )
    return lsp.WorkspaceEdit(changes={uri: [text_edit]})


async def suppression_actions(
    ls: TextsweepServer,
    uri: str,
    result: LintResult,
    picked: Sequence[tuple[lsp.Diagnostic, Finding]],
) -> list[lsp.CodeAction]:
    """ "Disable <rule> for this line / for this file / in this project" for the
    findings under the cursor (once per rule and line)."""
    if result.excluded or not picked:
        return []
    doc = result.doc
    encoding = ls.encoding
    actions: list[lsp.CodeAction] = []

    def action(title: str, diags: list[lsp.Diagnostic], edit: lsp.WorkspaceEdit) -> None:
        actions.append(
            lsp.CodeAction(
                title=title, kind=lsp.CodeActionKind.QuickFix, diagnostics=diags, edit=edit
            )
        )

    def doc_edit(fix: Fix) -> lsp.WorkspaceEdit:
        rng = _edit_range(doc, fix.start, fix.end, encoding)
        return ls.workspace_edit(
            uri, [lsp.TextEdit(range=rng, new_text=fix.replacement)], result.version
        )

    by_rule: dict[str, list[lsp.Diagnostic]] = {}
    lines_done: set[tuple[str, int]] = set()
    for diag, f in picked:
        by_rule.setdefault(f.rule, []).append(diag)
        key = (f.rule, doc.line_of(f.start))
        if key in lines_done:
            continue
        lines_done.add(key)
        fix = line_directive(doc, f)
        if fix is not None:
            action(fix.title, [diag], doc_edit(fix))
    for rule, diags in by_rule.items():
        fix = file_directive(doc, rule)
        if fix is not None:
            action(fix.title, diags, doc_edit(fix))
    od = ls.docs.get(uri)
    path = od.path if od else None
    if path is None:
        return actions
    try:
        from . import disk

        folders = disk.workspace_paths(ls.workspace)
    except RuntimeError:
        folders = []
    loop = asyncio.get_running_loop()

    def project_edits() -> list[tuple[str, str, lsp.WorkspaceEdit]]:
        target = project_target(ls.resolver, path, folders)
        if target is None:
            return []
        out = []
        for rule in by_rule:
            edit = _project_edit(ls, target, rule, encoding)
            if edit is not None:
                out.append((rule, os.path.basename(target.path), edit))
        return out

    for rule, name, edit in await loop.run_in_executor(ls.executor, project_edits):
        action(f"Disable {rule} in this project ({name})", by_rule[rule], edit)
    return actions


__all__: list[Any] = ["ProjectTarget", "project_target", "suppression_actions"]
