"""Document sync: ``didOpen``, ``didChange``, ``didSave``, ``didClose``."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from lsprotocol import types as lsp
from pygls.uris import to_fs_path

from ... import fileio
from ...settings import is_settings_file
from ..documents import OpenDocument

if TYPE_CHECKING:
    from ..server import TextsweepServer

#: Files larger than this are not read from disk for encoding checks.
MAX_READ_BYTES = 64 * 1024 * 1024


def read_bytes(path: str) -> bytes | None:
    """The file's bytes, or None when it cannot or should not be read (only regular
    files, the limit counted on the bytes read: see :mod:`textsweep.fileio`)."""
    try:
        return fileio.read_regular(path, MAX_READ_BYTES).data
    except OSError:
        return None


#: Disk reads started by didOpen (kept referenced until they finish).
_READS: set[asyncio.Task[None]] = set()


def did_open(ls: TextsweepServer, params: lsp.DidOpenTextDocumentParams) -> None:
    """Register the document at once, read its bytes in the background.

    Synchronous on purpose: an async handler only starts at the event loop's next
    turn, and a client that sends didOpen and didChange in one write had its change
    handled (or rejected) before the document existed, so the change was lost.
    """
    td = params.text_document
    path = to_fs_path(td.uri) if td.uri.startswith("file:") else None
    od = OpenDocument(td.uri, td.language_id, td.version, td.text, path)
    ls.docs[td.uri] = od
    if not path:
        ls.schedule(td.uri, 0)
        return
    task = asyncio.get_running_loop().create_task(_read_raw(ls, od, path, td.text))
    _READS.add(task)
    task.add_done_callback(_READS.discard)


async def _read_raw(ls: TextsweepServer, od: OpenDocument, path: str, text: str) -> None:
    od.raw = await ls.read_disk(path, text)
    if ls.docs.get(od.uri) is od:
        ls.schedule(od.uri, 0)


def did_change(ls: TextsweepServer, params: lsp.DidChangeTextDocumentParams) -> None:
    od = ls.docs.get(params.text_document.uri)
    if od is None:
        return
    for change in params.content_changes:
        od.apply(change, ls.encoding)
    od.version = params.text_document.version
    ls.schedule(od.uri)  # at once after a pause if its edits lint fast, else debounced


async def did_save(ls: TextsweepServer, params: lsp.DidSaveTextDocumentParams) -> None:
    od = ls.docs.get(params.text_document.uri)
    if od is None:
        return
    if params.text is not None:
        od.text = params.text
    if od.path and is_settings_file(od.path):
        # The project's settings changed: every open document's config may. Clients
        # that watch files say so too (didChangeWatchedFiles); the others only save.
        ls.settings_files_changed()
    if od.path:
        od.raw = await ls.read_disk(od.path, od.text)
    ls.schedule(od.uri, 0)


def did_close(ls: TextsweepServer, params: lsp.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    ls.docs.pop(uri, None)
    ls.results.pop(uri, None)
    ls.configs.pop(uri, None)
    ls.excluded.pop(uri, None)
    ls.edit_lint_seconds.pop(uri, None)
    ls.edited_at.pop(uri, None)
    task = ls.tasks.pop(uri, None)
    if task:
        task.cancel()
    for fut in ls.waiters.pop(uri, []):
        fut.cancel()
    if not ls.pull_mode:
        ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
