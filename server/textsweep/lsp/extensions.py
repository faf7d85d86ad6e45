"""textsweep's own LSP requests (docs/lsp-extensions.md) and file reading.

They call the encoding and language engines when those are present, so the
editor extensions can show the file's encoding and language in a status bar.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcInvalidParams

from .. import fileio

if TYPE_CHECKING:
    from .server import TextsweepServer

log = logging.getLogger("textsweep.lsp")

#: Files larger than this are not read from disk for encoding checks.
MAX_READ_BYTES = 64 * 1024 * 1024


def read_bytes(path: str) -> bytes | None:
    """The file's bytes, or None when it cannot or should not be read (only regular
    files, the limit counted on the bytes read: see :mod:`textsweep.fileio`)."""
    try:
        return fileio.read_regular(path, MAX_READ_BYTES).data
    except OSError:
        return None


def _encoding_api() -> Any:
    try:
        from ..engine import encoding  # type: ignore[attr-defined]
    except ImportError:
        return None
    return encoding if hasattr(encoding, "inspect_bytes") else None


def _language_of(doc: Any) -> str | None:
    try:
        from ..engine.language import document_language  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except ImportError:
        return None
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


def register(server: TextsweepServer) -> None:
    @server.feature("textsweep/documentInfo")
    async def document_info(ls: TextsweepServer, params: Any) -> dict[str, Any]:
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
        api = _encoding_api()
        if od.raw is not None:
            if api is not None:
                fe = api.inspect_bytes(od.raw)
                info["encoding"] = fe.encoding
                info["encodingConfidence"] = round(float(fe.confidence), 3)
            else:
                try:
                    od.raw.decode("utf-8")
                    info["encoding"], info["encodingConfidence"] = "utf-8", 1.0
                except UnicodeDecodeError:
                    info["encoding"] = "unknown"
        return info

    @server.feature("textsweep/encodingCandidates")
    def encoding_candidates(ls: TextsweepServer, params: Any) -> dict[str, Any]:
        uri = _uri_param(_params_dict(params))
        od = ls.docs.get(uri)
        if od is None:
            raise JsonRpcInvalidParams(f"document not open: {uri}")
        api = _encoding_api()
        if od.raw is None or api is None:
            return {"candidates": []}
        fe = api.inspect_bytes(od.raw)
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

    @server.feature("textsweep/reloadWithEncoding")
    def reload_with_encoding(ls: TextsweepServer, params: Any) -> lsp.WorkspaceEdit:
        p = _params_dict(params)
        uri = _uri_param(p)
        enc = p.get("encoding")
        od = ls.docs.get(uri)
        if od is None or not isinstance(enc, str):
            raise JsonRpcInvalidParams("expected {uri, encoding} of an open document")
        api = _encoding_api()
        if od.raw is None or api is None:
            raise JsonRpcInvalidParams("the file's bytes on disk are not available")
        try:
            fe = api.inspect_bytes(od.raw)
            if fe.is_mixed:
                # Only the lines that are not UTF-8 are in the other encoding.
                text = api.decode_lines(od.raw, enc, fe.bad_lines)
            else:
                text = api.decode_as(od.raw, enc)
        except ValueError as exc:
            raise JsonRpcInvalidParams(f"cannot reload as {enc}: {exc}") from exc
        from ..engine import Document
        from .convert import diff_edits

        doc = Document(od.text)
        return ls.workspace_edit(uri, diff_edits(doc, text, ls.encoding))
