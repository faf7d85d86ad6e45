"""Settings changes: ``workspace/didChangeConfiguration`` and watched settings files."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types as lsp
from pygls.uris import to_fs_path

from ...settings import is_settings_file
from . import workspace

if TYPE_CHECKING:
    from ..server import TextsweepServer


def did_change_configuration(ls: TextsweepServer, params: lsp.DidChangeConfigurationParams) -> None:
    ls.settings_changed(params.settings)


def did_change_watched_files(ls: TextsweepServer, params: lsp.DidChangeWatchedFilesParams) -> None:
    """A pyproject.toml, .textsweep.toml or .editorconfig was created, changed or deleted
    (every document's settings may change), or a .gitignore (the workspace's files)."""
    ignores = False
    for change in params.changes:
        path = to_fs_path(change.uri) if change.uri.startswith("file:") else None
        if path and is_settings_file(path):
            ls.settings_files_changed()  # asks for a refresh too
            return
        ignores = ignores or bool(path and workspace.is_ignore_file(path))
    if ignores:
        workspace.ignore_files_changed(ls)
