"""JSON-RPC conformance of the real server over stdio, byte by byte.

What a hostile or buggy client sends: frames with no, a non-numeric, a negative,
a too small or a huge ``Content-Length``, random bytes, requests out of the
life cycle, ill-typed ``didChange`` notifications. The server must answer what
the specification says, log what it drops (never on stdout), and keep answering.
"""

from __future__ import annotations

import json
import os
import subprocess
import threading
import time
from typing import Any

from .conftest import SERVER
from .lsputil import frame, read_messages

INIT = {
    "jsonrpc": "2.0",
    "id": 1,
    "method": "initialize",
    "params": {"processId": None, "rootUri": None, "capabilities": {}},
}
INITIALIZED = {"jsonrpc": "2.0", "method": "initialized", "params": {}}
SHUTDOWN = {"jsonrpc": "2.0", "id": 900, "method": "shutdown"}
EXIT = {"jsonrpc": "2.0", "method": "exit"}


def hover(msg_id: int, uri: str = "untitled:none.txt") -> dict[str, Any]:
    return {
        "jsonrpc": "2.0",
        "id": msg_id,
        "method": "textDocument/hover",
        "params": {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}},
    }


def formatting(msg_id: int, uri: str) -> dict[str, Any]:
    return {
        "jsonrpc": "2.0",
        "id": msg_id,
        "method": "textDocument/formatting",
        "params": {
            "textDocument": {"uri": uri},
            "options": {"tabSize": 4, "insertSpaces": True},
        },
    }


def did_open(uri: str, text: str) -> dict[str, Any]:
    return {
        "jsonrpc": "2.0",
        "method": "textDocument/didOpen",
        "params": {
            "textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}
        },
    }


def did_change(uri: str, version: int, change: dict[str, Any]) -> dict[str, Any]:
    return {
        "jsonrpc": "2.0",
        "method": "textDocument/didChange",
        "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]},
    }


def _parse(out: bytes) -> list[dict[str, Any]]:
    """The complete messages at the start of ``out`` (a partial one is left out)."""
    msgs = []
    while True:
        header, sep, rest = out.partition(b"\r\n\r\n")
        if not sep:
            return msgs
        fields = dict(line.split(b": ", 1) for line in header.split(b"\r\n"))
        length = int(fields[b"Content-Length"])
        if len(rest) < length:
            return msgs
        msgs.append(json.loads(rest[:length]))
        out = rest[length:]


def run(
    *chunks: bytes, env: dict[str, str] | None = None, after: tuple[bytes, ...] = ()
) -> tuple[list[dict[str, Any]], int, str]:
    """Feed the server a session, then ``after`` (default: shutdown and exit);
    its messages, exit status and stderr.

    Before ``after``, waits until every request sent has been answered: shutdown
    cancels requests still running, which would make the answers a race.
    """
    sent_ids = set()
    for chunk in chunks:
        try:
            msg = json.loads(chunk.partition(b"\r\n\r\n")[2])
        except ValueError:
            continue
        if isinstance(msg, dict) and "id" in msg and "method" in msg:
            sent_ids.add(msg["id"])
    proc = subprocess.Popen(
        SERVER,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, **(env or {})},
    )
    assert proc.stdin is not None and proc.stdout is not None
    out = bytearray()

    def pump() -> None:
        assert proc.stdout is not None
        while chunk := proc.stdout.read1(65536):  # type: ignore[attr-defined]
            out.extend(chunk)

    reader = threading.Thread(target=pump, daemon=True)
    reader.start()
    proc.stdin.write(b"".join(chunks))
    proc.stdin.flush()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        answered = {m.get("id") for m in _parse(bytes(out)) if "method" not in m}
        if sent_ids <= answered:
            break
        time.sleep(0.05)
    try:
        proc.stdin.write(b"".join(after or (frame(SHUTDOWN), frame(EXIT))))
        proc.stdin.close()
    except BrokenPipeError:
        pass  # the chunks ended with ``exit``, and the server is gone already
    code = proc.wait(timeout=60)
    reader.join(timeout=10)
    assert proc.stderr is not None
    err = proc.stderr.read().decode(errors="replace")
    return read_messages(bytes(out)), code, err


def applied(text: str, edits: list[dict[str, Any]]) -> str:
    """``text`` (one line, ASCII) after the server's edits."""
    for e in sorted(edits, key=lambda e: -e["range"]["start"]["character"]):
        s, t = e["range"]["start"]["character"], e["range"]["end"]["character"]
        text = text[:s] + e["newText"] + text[t:]
    return text


def by_id(msgs: list[dict[str, Any]]) -> dict[Any, dict[str, Any]]:
    return {m["id"]: m for m in msgs if "id" in m and "method" not in m}


def logged(msgs: list[dict[str, Any]]) -> list[str]:
    return [m["params"]["message"] for m in msgs if m.get("method") == "window/logMessage"]


def test_life_cycle_errors_and_exit_status() -> None:
    msgs, code, _ = run(
        frame(hover(0)),
        frame(INIT),
        frame(INITIALIZED),
        frame({**INIT, "id": 2}),
        frame(hover(3)),
        after=(frame(SHUTDOWN), frame(hover(4)), frame(EXIT)),
    )
    answers = by_id(msgs)
    assert answers[0]["error"]["code"] == -32002  # before initialize
    assert "result" in answers[1]
    assert answers[2]["error"]["code"] == -32600  # a second initialize
    assert answers[3]["result"] is None
    assert answers[900]["result"] is None
    assert answers[4]["error"]["code"] == -32600  # after shutdown
    assert code == 0


def test_exit_without_shutdown_exits_1() -> None:
    _, code, _ = run(frame(INIT), frame(INITIALIZED), after=(frame(EXIT),))
    assert code == 1


def test_notifications_before_initialize_are_dropped() -> None:
    uri = "untitled:early.txt"
    msgs, code, _ = run(
        frame(did_open(uri, "Trop  tôt.\n")),
        frame(INIT),
        frame(INITIALIZED),
        frame(formatting(2, uri)),
    )
    assert by_id(msgs)[2]["result"] is None  # the early didOpen was not taken
    assert code == 0


def test_huge_content_length_is_dropped_and_the_server_stays_alive() -> None:
    uri = "untitled:alive.txt"
    msgs, code, err = run(
        frame(INIT),
        frame(INITIALIZED),
        b"Content-Length: 99999999999999\r\n\r\n",
        b'{"jsonrpc": "2.0", "id": 77, "method": "shutdown"}',
        frame(did_open(uri, "Encore  vivant.\n")),
        frame(formatting(2, uri)),
    )
    answers = by_id(msgs)
    assert 77 not in answers
    assert applied("Encore  vivant.", answers[2]["result"]) == "Encore vivant."
    assert any("99999999999999" in m for m in logged(msgs))
    assert "MemoryError" not in err
    assert code == 0


def test_a_configured_frame_cap() -> None:
    uri = "untitled:cap.txt"
    big = did_open(uri, "Un  texte " + "x" * 3000 + "\n")
    msgs, code, _ = run(
        frame(INIT),
        frame(INITIALIZED),
        frame(big),
        frame(formatting(2, uri)),
        frame(SHUTDOWN),
        frame(EXIT),
        env={"TEXTSWEEP_MAX_FRAME_BYTES": "2000"},
    )
    assert by_id(msgs)[2]["result"] is None  # the didOpen was too big: dropped
    assert any("2000" in m for m in logged(msgs))
    assert code == 0


def test_malformed_frames_then_the_server_keeps_answering() -> None:
    uri = "untitled:frames.txt"
    msgs, code, err = run(
        frame(INIT),
        frame(INITIALIZED),
        b'{"jsonrpc": "2.0", "id": 50, "method": "shutdown"}\r\n\r\n',  # no header
        b"Content-Length: abc\r\n\r\n{}",  # not a number
        frame(hover(3)),
        b"Content-Length: -5\r\n\r\n{}",  # negative
        frame(hover(4)),
        b'Content-Length: 5\r\n\r\n{"jsonrpc": "2.0", "id": 51, "method": "shutdown"}',  # short
        frame(hover(5)),
        bytes(range(256)) * 3,  # random bytes
        frame(did_open(uri, "Il  reste.\n")),
        frame(formatting(6, uri)),
    )
    answers = by_id(msgs)
    assert 50 not in answers and 51 not in answers
    for i in (3, 4, 5):
        assert answers[i]["result"] is None
    assert applied("Il  reste.", answers[6]["result"]) == "Il reste."
    notes = logged(msgs)
    assert any("Content-Length b'abc'" in m for m in notes)
    assert any("Content-Length b'-5'" in m for m in notes)
    assert any("not JSON" in m for m in notes)
    assert any("not a frame" in m for m in notes)
    assert not any(m.get("method") == "window/showMessage" for m in msgs)
    assert "Unterminated string" in err  # logged on stderr, never shown as an error
    assert code == 0


def test_too_large_content_length_gives_back_the_frames_it_swallowed() -> None:
    uri = "untitled:swallowed.txt"
    opened = frame(did_open(uri, "Encore  un.\n"))
    msgs, code, _ = run(
        frame(INIT),
        frame(INITIALIZED),
        b"Content-Length: %d\r\n\r\n{}" % (len(opened) + 2),
        opened,
        frame(formatting(2, uri)),
    )
    assert applied("Encore  un.", by_id(msgs)[2]["result"]) == "Encore un."
    assert code == 0


def test_ill_typed_and_out_of_range_changes_are_rejected_loudly() -> None:
    uri = "untitled:typed.txt"
    text = "Le  texte.\n"
    whole = {"text": "Tout  neuf.\n"}
    msgs, code, err = run(
        frame(INIT),
        frame(INITIALIZED),
        frame(did_open(uri, text)),
        frame(did_change(uri, 2, {"text": None})),
        frame(formatting(2, uri)),
        frame(did_change(uri, 3, {"text": 42})),
        frame(
            did_change(
                uri,
                4,
                {
                    "range": {
                        "start": {"line": 0, "character": -1},
                        "end": {"line": 0, "character": 2},
                    },
                    "text": "X",
                },
            )
        ),
        frame(
            did_change(
                uri,
                5,
                {
                    "range": {
                        "start": {"line": 0, "character": 0},
                        "end": {"line": 2**31, "character": 0},
                    },
                    "text": "X",
                },
            )
        ),
        frame(formatting(3, uri)),
        frame(did_change(uri, 6, whole)),  # the whole text: trusted again
        frame(formatting(4, uri)),
    )
    answers = by_id(msgs)
    # Rejected, and the document is stale: no edit computed on a text that may differ.
    assert answers[2]["result"] in (None, [])
    assert answers[3]["result"] in (None, [])
    # Not "None" nor "42": the last good text, then the whole new one.
    assert applied("Tout  neuf.", answers[4]["result"]) == "Tout neuf."
    notes = logged(msgs)
    assert any("text is null" in m for m in notes)
    assert any("text is 42" in m for m in notes)
    assert any("character is -1" in m for m in notes)
    assert any(f"line is {2**31}" in m for m in notes)
    assert "rejected a didChange" in err
    assert code == 0


def test_ranged_changes_after_a_rejection_wait_for_the_whole_text() -> None:
    uri = "untitled:stale.txt"
    ranged = {
        "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
        "text": "A  ",
    }
    msgs, code, _ = run(
        frame(INIT),
        frame(INITIALIZED),
        frame(did_open(uri, "Un texte.\n")),
        frame(did_change(uri, 2, {"text": 7})),
        frame(did_change(uri, 3, ranged)),
        frame(formatting(2, uri)),
    )
    assert by_id(msgs)[2]["result"] in (None, [])
    assert code == 0
