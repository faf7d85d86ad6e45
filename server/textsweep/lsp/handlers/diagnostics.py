"""Pull diagnostics: ``textDocument/diagnostic`` (clients that cannot pull get pushes)."""

from __future__ import annotations

import asyncio
import json
from typing import TYPE_CHECKING

from lsprotocol import types as lsp

from ..protocol import Prepared

if TYPE_CHECKING:
    from ..server import LintResult, TextsweepServer

#: ``workspace_diagnostics``: ``workspace/diagnostic`` is served (handlers/workspace.py).
OPTIONS = lsp.DiagnosticOptions(
    identifier="textsweep", inter_file_dependencies=False, workspace_diagnostics=True
)


def document_result_id(result: LintResult) -> str:
    """The ``resultId`` of an open document's diagnostics (document and workspace pull)."""
    return f"{result.version}:{id(result)}"


async def diagnostic(
    ls: TextsweepServer, params: lsp.DocumentDiagnosticParams
) -> lsp.DocumentDiagnosticReport | Prepared:
    uri = params.text_document.uri
    if uri not in ls.docs:
        return lsp.RelatedFullDocumentDiagnosticReport(items=[])
    try:
        result = await ls.current(uri)
    except (KeyError, asyncio.CancelledError):
        return lsp.RelatedFullDocumentDiagnosticReport(items=[])
    result_id = document_result_id(result)
    if params.previous_result_id == result_id:
        return lsp.RelatedUnchangedDocumentDiagnosticReport(result_id=result_id)

    def build() -> Prepared:
        # the JSON text pushes use (cached per finding and position), made in the
        # worker: pygls converted every diagnostic with cattrs on the event loop
        items = ls.diagnostics_json(result)
        return Prepared(f'{{"kind":"full","resultId":{json.dumps(result_id)},"items":{items}}}')

    return await asyncio.get_running_loop().run_in_executor(ls.executor, build)
