"""``textDocument/formatting``: every safe fix, as edits."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types as lsp

if TYPE_CHECKING:
    from ..server import TextsweepServer


async def formatting(
    ls: TextsweepServer, params: lsp.DocumentFormattingParams
) -> list[lsp.TextEdit] | None:
    result = await ls.lookup(params.text_document.uri)
    if result is None:
        return None
    return await ls.fix_all_edits(result)
