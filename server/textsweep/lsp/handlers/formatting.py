"""``textDocument/formatting``: every safe fix, as edits."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types as lsp

from ..protocol import Prepared

if TYPE_CHECKING:
    from ..server import TextsweepServer


async def formatting(ls: TextsweepServer, params: lsp.DocumentFormattingParams) -> Prepared | None:
    """The ``TextEdit`` list, encoded in the worker (200,000 edits took seconds to
    build and encode on the event loop)."""
    result = await ls.lookup(params.text_document.uri)
    if result is None:
        return None
    return await ls.fix_all_response(result, None, lambda edits: edits)
