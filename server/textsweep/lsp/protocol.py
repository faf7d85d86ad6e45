"""JSON-RPC as the specification says, whatever the client sends.

pygls 2.x trusts its peer. A hostile or buggy client found that:

* a frame announcing a ``Content-Length`` larger than memory crashed the
  server with MemoryError;
* one malformed frame (no or a non-numeric length, one too small, random bytes)
  left the reader out of step for good: alive but deaf, and once it showed the
  user "Error in server: Unterminated string";
* requests before ``initialize`` were answered ``null``, a second
  ``initialize`` was answered, requests after ``shutdown`` got no answer, and
  ``exit`` without ``shutdown`` ended with status 0;
* a ``didChange`` whose ``text`` is ``null`` or a number was applied as the
  letters ``None`` or ``42``, and one with negative positions vanished silently.

Here frames are read with a bounded reader that resynchronises at the next
well-formed header and logs what it drops (stderr and ``window/logMessage``,
never stdout), the life-cycle rules are enforced, and ill-typed changes are
rejected loudly. Ill-formed requests get the JSON-RPC error they deserve
(InvalidParams) instead of silence.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import logging
import os
import re
import sys
import threading
import time
from collections.abc import Generator
from concurrent.futures import ThreadPoolExecutor
from typing import Any, BinaryIO

from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcException
from pygls.io_ import StdoutWriter
from pygls.protocol import LanguageServerProtocol, lsp_method
from pygls.protocol.json_rpc import JsonRPCNotification

log = logging.getLogger("textsweep.lsp")

#: Notification pygls ignores quietly ("$/" methods need no handler).
_DROPPED = "$/textsweep/dropped"

#: Largest frame body accepted; larger ones are dropped unread (64 MiB, or the
#: ``TEXTSWEEP_MAX_FRAME_BYTES`` environment variable).
DEFAULT_MAX_FRAME_BYTES = 64 * 1024 * 1024
#: Header lines longer than this are garbage, read and dropped in pieces.
MAX_HEADER_LINE = 64 * 1024
#: LSP ``integer``/``uinteger`` bounds for positions.
_MAX_UINT = 2**31 - 1

SERVER_NOT_INITIALIZED = -32002
INVALID_REQUEST = -32600

_LENGTH = re.compile(rb"content-length:[ \t]*([^\r\n]*?)[ \t]*\r?\n\Z", re.IGNORECASE)
_HEADER = re.compile(rb"[A-Za-z][A-Za-z0-9-]*:[^\r\n]*\r?\n\Z")


def max_frame_bytes() -> int:
    raw = os.environ.get("TEXTSWEEP_MAX_FRAME_BYTES", "")
    return int(raw) if raw.isdigit() and int(raw) > 0 else DEFAULT_MAX_FRAME_BYTES


def _preview(data: bytes, limit: int = 60) -> str:
    text = repr(data[:limit])
    return text + ("…" if len(data) > limit else "")


def bad_change(params: Any) -> str | None:
    """Why a raw ``didChange`` params object cannot be applied, or None if it can."""
    if not isinstance(params, dict):
        return "params is not an object"
    changes = params.get("contentChanges")
    if not isinstance(changes, list):
        return "contentChanges is not an array"
    for i, change in enumerate(changes):
        if not isinstance(change, dict):
            return f"contentChanges[{i}] is not an object"
        if not isinstance(change.get("text"), str):
            return f"contentChanges[{i}].text is {json.dumps(change.get('text'))}, not a string"
        if "range" not in change:
            continue
        rng = change["range"]
        for end in ("start", "end"):
            pos = rng.get(end) if isinstance(rng, dict) else None
            if not isinstance(pos, dict):
                return f"contentChanges[{i}].range.{end} is not a position"
            for key in ("line", "character"):
                v = pos.get(key)
                if isinstance(v, bool) or not isinstance(v, int) or not 0 <= v <= _MAX_UINT:
                    return (
                        f"contentChanges[{i}].range.{end}.{key} is {json.dumps(v)}, "
                        f"not a whole number from 0 to {_MAX_UINT}"
                    )
    return None


class Prepared:
    """A request's result already encoded as JSON (by a worker, off the event loop).

    pygls unstructures a result with cattrs and encodes it with ``json.dumps`` on
    the event loop: for fix-all's edits of a large file that took seconds, during
    which no other request was answered. A handler returns this instead and
    :meth:`TextsweepProtocol._send_response` splices the text into the response.
    """

    __slots__ = ("json",)

    def __init__(self, json_text: str) -> None:
        self.json = json_text

    @classmethod
    def of(cls, value: Any) -> Prepared:
        """``value`` (JSON-ready: dicts, lists, strings, numbers) encoded."""
        return cls(json.dumps(value, ensure_ascii=False, separators=(",", ":")))


class TextsweepProtocol(LanguageServerProtocol):
    """pygls' protocol with the life-cycle rules and the input checks it lacks."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.initialize_received = False
        #: 0 after shutdown then exit, 1 after exit alone (None: no exit yet).
        self.exit_code: int | None = None
        #: Writes of asynchronous writers still running (kept from the collector).
        self._writes: set[asyncio.Future[Any]] = set()
        #: When the client last spoke (``time.monotonic``): the warm-up waits for a pause.
        self.last_message: float | None = None

    # ------------------------------------------------------------------ reporting

    def report(self, level: int, message: str) -> None:
        """Log to stderr and, once initialized, to the client's log (never stdout)."""
        log.log(level, "%s", message)
        if not self.initialize_received or self.writer is None:
            return
        kind = lsp.MessageType.Error if level >= logging.ERROR else lsp.MessageType.Warning
        try:
            self.notify(lsp.WINDOW_LOG_MESSAGE, lsp.LogMessageParams(type=kind, message=message))
        except Exception:
            log.exception("could not send window/logMessage")

    def reject_change(self, uri: Any, reason: str) -> None:
        """Refuse a ``didChange``: keep the last good text, stop trusting it.

        The server's copy may now differ from the editor's buffer, so the
        document is marked stale: no diagnostics and no edits for it until the
        editor sends its whole text again (a full change or a reopen).
        """
        self.report(
            logging.ERROR,
            f"textsweep: rejected a didChange for {uri}: {reason}. Diagnostics for this "
            "document are paused until its whole text is sent again (reopen it).",
        )
        server: Any = self._server
        od = getattr(server, "docs", {}).get(uri) if isinstance(uri, str) else None
        if od is None:
            return
        od.stale = reason
        schedule = getattr(server, "schedule", None)
        if schedule is not None:
            try:
                schedule(uri, 0)  # re-lint: a stale document has nothing to show
            except RuntimeError:  # no running loop (unit tests)
                pass

    # ------------------------------------------------------------------ messages

    def structure_message(self, data: dict[str, Any]) -> Any:
        if "jsonrpc" in data and data.get("method") == lsp.TEXT_DOCUMENT_DID_CHANGE:
            params = data.get("params")
            reason = bad_change(params)
            if reason is not None:
                td = params.get("textDocument") if isinstance(params, dict) else None
                self.reject_change(td.get("uri") if isinstance(td, dict) else None, reason)
                return JsonRPCNotification(method=_DROPPED, jsonrpc="2.0", params=None)
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            if "id" in data and "method" in data:
                log.warning("answering %s with %s", data.get("method"), type(exc).__name__)
                self._send_response(data["id"], None, exc.to_response_error())
            elif "method" in data:
                self.report(
                    logging.WARNING,
                    f"textsweep: dropped an ill-formed {data.get('method')!r} notification",
                )
            return JsonRPCNotification(method=_DROPPED, jsonrpc="2.0", params=None)

    def _send_response(self, msg_id: Any, result: Any = None, error: Any = None) -> None:
        """pygls' response, or a :class:`Prepared` result spliced in as it is."""
        if error is not None or not isinstance(result, Prepared):
            super()._send_response(msg_id, result, error)
            return
        body = f'{{"id":{json.dumps(msg_id)},"jsonrpc":"2.0","result":{result.json}}}'
        if not self.write_json(body):
            super()._send_response(msg_id, json.loads(result.json), error)

    def write_json(self, body: str) -> bool:
        """Frame and write a message already serialised as JSON text (built in a
        worker: ``json.dumps`` of 1,000 diagnostics on the event loop took 10-15 ms
        of a keystroke). False when the transport wants objects, not frames."""
        writer = self.writer
        if writer is None or not self._include_headers:
            return False
        data = body.encode(self.CHARSET)  # the length in bytes: the text is not ASCII-escaped
        header = (
            f"Content-Length: {len(data)}\r\n"
            f"Content-Type: {self.CONTENT_TYPE}; charset={self.CHARSET}\r\n\r\n"
        )
        try:
            res = writer.write(header.encode("ascii") + data)
            if inspect.isawaitable(res):  # a websocket: keep the write until it is done
                task = asyncio.ensure_future(res)
                self._writes.add(task)
                task.add_done_callback(self._writes.discard)
        except BrokenPipeError:
            log.exception("could not send a message: broken pipe")
            raise
        except Exception:
            log.exception("could not send a message")
        return True

    def _refuse(self, msg_id: Any, code: int, message: str) -> None:
        log.warning("refusing request %r: %s", msg_id, message)
        self._send_response(msg_id, None, JsonRpcException(message, code).to_response_error())

    def handle_message(self, message: Any) -> None:
        """Enforce the life cycle: initialize once, nothing after shutdown but exit."""
        self.last_message = time.monotonic()
        method = getattr(message, "method", None)
        is_request = method is not None and getattr(message, "id", None) is not None
        if method == lsp.EXIT:
            super().handle_message(message)
            return
        if self._shutdown:
            if is_request:
                self._refuse(message.id, INVALID_REQUEST, "the server is shutting down")
            return
        if not self.initialize_received:
            if is_request and method == lsp.INITIALIZE:
                self.initialize_received = True
            elif is_request:
                self._refuse(message.id, SERVER_NOT_INITIALIZED, "the server is not initialized")
                return
            elif method is not None:
                log.info("dropping %s sent before initialize", method)
                return
        elif is_request and method == lsp.INITIALIZE:
            self._refuse(message.id, INVALID_REQUEST, "the server is already initialized")
            return
        super().handle_message(message)

    # ------------------------------------------------------------------ documents
    #
    # pygls' built-in sync handlers store every open document in its workspace and
    # apply each change to that copy too: a second copy of every text (and a
    # ``splitlines`` of the whole text per keystroke). The server keeps its own
    # store (:mod:`.documents`) and reads nothing from pygls' one, so these pass
    # the notifications straight to the handlers.

    @lsp_method(lsp.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(
        self, params: lsp.DidOpenTextDocumentParams
    ) -> Generator[Any, Any, None]:
        if (handler := self.fm.features.get(lsp.TEXT_DOCUMENT_DID_OPEN)) is not None:
            yield handler, (params,), None

    @lsp_method(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(
        self, params: lsp.DidChangeTextDocumentParams
    ) -> Generator[Any, Any, None]:
        if (handler := self.fm.features.get(lsp.TEXT_DOCUMENT_DID_CHANGE)) is not None:
            yield handler, (params,), None

    @lsp_method(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def lsp_text_document__did_close(
        self, params: lsp.DidCloseTextDocumentParams
    ) -> Generator[Any, Any, None]:
        if (handler := self.fm.features.get(lsp.TEXT_DOCUMENT_DID_CLOSE)) is not None:
            yield handler, (params,), None

    @lsp_method(lsp.EXIT)
    def lsp_exit(self, *args: Any) -> Generator[Any, Any, None]:
        """Remember the status: 1 when the client exits without asking shutdown first."""
        self.exit_code = 0 if self._shutdown else 1
        yield from super().lsp_exit(*args)

    # ------------------------------------------------------------------ frames

    async def run_frames(self, reader: FrameReader, stop_event: threading.Event) -> None:
        """Read frames until EOF or exit; survive anything in between.

        A frame is header lines, an empty line, then exactly ``Content-Length``
        bytes. Whatever does not fit is dropped, logged, and reading resumes at
        the next line that ends in a well-formed ``Content-Length`` header (a
        truncated body glues its tail to the next header line).
        """
        limit = max_frame_bytes()
        length: int | None = None
        in_headers = False
        dropped = bytearray()
        while not stop_event.is_set():
            line = await reader.readline(MAX_HEADER_LINE)
            if not line:
                break
            m = _LENGTH.search(line)
            if m is not None:
                dropped += line[: m.start()]
                if dropped.strip():
                    self.report(
                        logging.WARNING,
                        f"textsweep: dropped {len(dropped)} bytes that were not a frame: "
                        f"{_preview(bytes(dropped))}",
                    )
                dropped.clear()
                value = m.group(1)
                in_headers = True
                length = int(value) if value.isdigit() else None
                if length is None or length == 0 or length > limit:
                    self.report(
                        logging.WARNING,
                        f"textsweep: dropped a frame with Content-Length {_preview(value)} "
                        f"(a number from 1 to {limit} is expected)",
                    )
                    length = None
                continue
            if in_headers and line.strip() == b"":
                in_headers = False
                if length is None:
                    continue  # its body, if any, is dropped as garbage line by line
                want, length = length, None
                body = await reader.readexactly(want)
                if len(body) < want:
                    break  # end of input inside a body
                self._dispatch(body, reader)
                continue
            if _HEADER.fullmatch(line):
                in_headers = True  # Content-Type and other headers
                continue
            in_headers = False
            length = None
            dropped += line
            if len(dropped) > MAX_HEADER_LINE:
                self.report(
                    logging.WARNING,
                    f"textsweep: dropped {len(dropped)} bytes that were not a frame: "
                    f"{_preview(bytes(dropped))}",
                )
                dropped.clear()

    def _dispatch(self, body: bytes, reader: FrameReader) -> None:
        try:
            message = json.loads(body, object_hook=self.structure_message)
        except (ValueError, RecursionError) as exc:
            # A too-small length cuts a body; a too-large one swallows the next
            # frames: give back everything from the first header inside.
            at = body.lower().find(b"content-length:", 1)
            if at > 0:
                reader.unread(body[at:])
                body = body[:at]
            self.report(
                logging.WARNING,
                f"textsweep: dropped a frame that is not JSON ({exc}): {_preview(body)}",
            )
            return
        if not hasattr(message, "jsonrpc"):
            self.report(
                logging.WARNING,
                f"textsweep: dropped a frame that is not a JSON-RPC message: {_preview(body)}",
            )
            return
        try:
            self.handle_message(message)
        except SystemExit:
            raise
        except Exception:
            log.exception("could not handle a message")


class FrameReader:
    """Bounded reads from a binary stream, off the event loop, with push-back."""

    def __init__(self, stream: BinaryIO, executor: ThreadPoolExecutor | None) -> None:
        self.stream = stream
        self.executor = executor
        self.pending = b""

    def unread(self, data: bytes) -> None:
        self.pending = data + self.pending

    async def readline(self, limit: int) -> bytes:
        """One line with its ``\\n``, or at most ``limit`` bytes (b"" at EOF)."""
        if self.pending:
            cut = self.pending.find(b"\n", 0, limit)
            if cut >= 0 or len(self.pending) >= limit:
                end = cut + 1 if cut >= 0 else limit
                line, self.pending = self.pending[:end], self.pending[end:]
                return line
            head, self.pending = self.pending, b""
            more = await self._run(self.stream.readline, limit - len(head))
            return head + more
        return await self._run(self.stream.readline, limit)

    async def readexactly(self, n: int) -> bytes:
        """``n`` bytes, fewer only at EOF."""
        head, self.pending = self.pending[:n], self.pending[n:]
        parts = [head]
        got = len(head)
        while got < n:
            read = getattr(self.stream, "read1", self.stream.read)
            chunk = await self._run(read, min(n - got, 1 << 20))
            if not chunk:
                break
            parts.append(chunk)
            got += len(chunk)
        return b"".join(parts)

    async def _run(self, fn: Any, arg: int) -> bytes:
        data: bytes = await asyncio.get_running_loop().run_in_executor(self.executor, fn, arg)
        return data


def serve_stdio(server: Any, stdin: BinaryIO | None = None, stdout: BinaryIO | None = None) -> int:
    """Serve over stdio with :meth:`TextsweepProtocol.run_frames`; the exit status.

    Mirrors pygls' ``_start_io_async`` with our reader in place of its loop.
    """
    protocol: TextsweepProtocol = server.protocol
    server._stop_event = stop_event = threading.Event()
    reader = FrameReader(stdin or sys.stdin.buffer, server.thread_pool)
    protocol.set_writer(StdoutWriter(stdout or sys.stdout.buffer))
    try:
        asyncio.run(protocol.run_frames(reader, stop_event))
    except BrokenPipeError:
        log.error("connection to the client is lost; shutting down")
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        server.shutdown()
    return protocol.exit_code or 0
