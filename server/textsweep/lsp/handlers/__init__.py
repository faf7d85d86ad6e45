"""The one place that wires LSP methods to features.

Each request family has its own module (ruff's server layout): document sync,
configuration and watched files, pull diagnostics, code actions, formatting, hover,
and textsweep's own requests. The handlers are plain functions of the session
(:class:`~textsweep.lsp.server.TextsweepServer`) and the request's params; this
module registers them. Nothing here is imported by ``server.py``, so the session
and its handlers never import each other.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lsprotocol import types as lsp

from ..server import TextsweepServer
from . import (
    code_actions,
    configuration,
    diagnostics,
    extensions,
    formatting,
    hover,
    lifecycle,
    sync,
    workspace,
)

#: LSP method → (handler, registration options or None).
FEATURES: dict[str, tuple[Callable[..., Any], Any]] = {
    lsp.INITIALIZE: (lifecycle.initialize, None),
    lsp.INITIALIZED: (lifecycle.initialized, None),
    lsp.TEXT_DOCUMENT_DID_OPEN: (sync.did_open, None),
    lsp.TEXT_DOCUMENT_DID_CHANGE: (sync.did_change, None),
    lsp.TEXT_DOCUMENT_DID_SAVE: (sync.did_save, None),
    lsp.TEXT_DOCUMENT_DID_CLOSE: (sync.did_close, None),
    lsp.WORKSPACE_DID_CHANGE_CONFIGURATION: (configuration.did_change_configuration, None),
    lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES: (configuration.did_change_watched_files, None),
    lsp.TEXT_DOCUMENT_DIAGNOSTIC: (diagnostics.diagnostic, diagnostics.OPTIONS),
    lsp.TEXT_DOCUMENT_CODE_ACTION: (code_actions.code_action, code_actions.OPTIONS),
    lsp.CODE_ACTION_RESOLVE: (code_actions.code_action_resolve, None),
    lsp.TEXT_DOCUMENT_FORMATTING: (formatting.formatting, None),
    lsp.TEXT_DOCUMENT_HOVER: (hover.hover, None),
    "textsweep/documentInfo": (extensions.document_info, None),
    "textsweep/encodingCandidates": (extensions.encoding_candidates, None),
    "textsweep/reloadWithEncoding": (extensions.reload_with_encoding, None),
    lsp.WORKSPACE_DIAGNOSTIC: (workspace.workspace_diagnostic, None),
    lsp.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS: (workspace.folders_changed, None),
}

#: ``workspace/executeCommand`` commands → handler (``textsweep.server.*``: the
#: VS Code extension owns the unprefixed names for its own commands).
COMMANDS: dict[str, Callable[..., Any]] = {
    workspace.CHECK_COMMAND: workspace.check_workspace,
    workspace.FIX_COMMAND: workspace.fix_workspace,
}


def register(server: TextsweepServer) -> None:
    """Attach every handler in :data:`FEATURES` to ``server``."""
    for method, (handler, options) in FEATURES.items():
        server.feature(method, options)(handler)
    for name, command in COMMANDS.items():
        server.command(name)(command)


def create_server() -> TextsweepServer:
    """A new session with every feature registered (``textsweep serve`` runs it)."""
    server = TextsweepServer()
    register(server)
    return server


__all__ = ["COMMANDS", "FEATURES", "create_server", "register"]
