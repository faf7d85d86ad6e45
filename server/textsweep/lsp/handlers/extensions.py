"""textsweep's own LSP requests (docs/lsp-extensions.md).

They let the editor extensions show the file's encoding and language in a status
bar, and reload a file that is not UTF-8 in the encoding the user picks.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcInvalidParams

from ...engine import Document, encoding
from ...engine.language import document_language
from ..convert import diff_edits

if TYPE_CHECKING:
    from ..server import TextsweepServer

log = logging.getLogger("textsweep.lsp")


def _language_of(doc: Document) -> str | None:
    try:
        lang = document_language(doc)
    except Exception:
        log.exception("language detection failed")
        return None
    return str(lang) if lang else None


def _uri_param(params: Any) -> str:
    uri = params.get("uri") if isinstance(params, dict) else getattr(params, "uri", None)
    if not isinstance(uri, str):
        raise JsonRpcInvalidParams("expected {uri: string}")
    return uri


def _params_dict(params: Any) -> dict[str, Any]:
    if isinstance(params, dict):
        return params
    # pygls hands unknown methods' params over as a namespace-like object.
    return {k: getattr(params, k) for k in dir(params) if not k.startswith("_")}


async def document_info(ls: TextsweepServer, params: Any) -> dict[str, Any]:
    """``textsweep/documentInfo``: encoding, language and finding count of a document."""
    uri = _uri_param(_params_dict(params))
    # A status bar may ask the moment a file is shown, before the client has
    # sent didOpen: give the document a moment to arrive.
    for _ in range(20):
        if uri in ls.docs:
            break
        await asyncio.sleep(0.05)
    od = ls.docs.get(uri)
    if od is None:
        raise JsonRpcInvalidParams(f"document not open: {uri}")
    result = await ls.current(uri)
    info: dict[str, Any] = {
        "uri": uri,
        "version": od.version,
        "encoding": None,
        "encodingConfidence": None,
        "language": _language_of(result.doc),
        "findings": len(result.findings),
    }
    if od.raw is not None:
        fe = encoding.inspect_bytes(od.raw)
        info["encoding"] = fe.encoding
        info["encodingConfidence"] = round(float(fe.confidence), 3)
    return info


def encoding_candidates(ls: TextsweepServer, params: Any) -> dict[str, Any]:
    """``textsweep/encodingCandidates``: the encodings the file's bytes may be in."""
    uri = _uri_param(_params_dict(params))
    od = ls.docs.get(uri)
    if od is None:
        raise JsonRpcInvalidParams(f"document not open: {uri}")
    if od.raw is None:
        return {"candidates": []}
    fe = encoding.inspect_bytes(od.raw)
    return {
        "candidates": [
            {
                "encoding": c.encoding,
                "confidence": round(float(c.confidence), 3),
                "lossless": bool(c.lossless),
                "preview": c.preview,
            }
            for c in fe.candidates
        ]
    }


def reload_with_encoding(ls: TextsweepServer, params: Any) -> lsp.WorkspaceEdit:
    """``textsweep/reloadWithEncoding``: the edit that turns the buffer into the file
    decoded as the encoding asked for."""
    p = _params_dict(params)
    uri = _uri_param(p)
    enc = p.get("encoding")
    od = ls.docs.get(uri)
    if od is None or not isinstance(enc, str):
        raise JsonRpcInvalidParams("expected {uri, encoding} of an open document")
    if od.raw is None:
        raise JsonRpcInvalidParams("the file's bytes on disk are not available")
    try:
        fe = encoding.inspect_bytes(od.raw)
        if fe.is_mixed:
            # Only the lines that are not UTF-8 are in the other encoding.
            text = encoding.decode_lines(od.raw, enc, fe.bad_lines)
        else:
            text = encoding.decode_as(od.raw, enc)
    except ValueError as exc:
        raise JsonRpcInvalidParams(f"cannot reload as {enc}: {exc}") from exc
    return ls.workspace_edit(uri, diff_edits(Document(od.text), text, ls.encoding))
