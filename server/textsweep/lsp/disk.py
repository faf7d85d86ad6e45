"""Which bytes on disk the server reads for an open document, and how.

The encoding features (diagnostics on the file's bytes, ``documentInfo``,
``encodingCandidates``, ``reloadWithEncoding``) need the file as stored, which the
editor does not send. The server reads it itself, so it must not become a way to read
what the client could not (``file:///etc/shadow`` opened with any text) nor hang on
what is not a file (``file:///dev/stdin`` is the server's own input). The rules
(docs/hostile-input.md):

* only regular files, at most :data:`fileio.MAX_BYTES` bytes actually read, with a
  non-blocking open (a FIFO never blocks a worker thread);
* inside a workspace folder (or the root the client gave), the file is read;
* outside, its bytes are kept only if they agree with the text the editor sent for
  it (decoded as UTF-8, Latin-1 or Windows-1252, line endings aside): then they tell
  the client nothing it did not already show.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pygls.uris import to_fs_path

from .. import fileio
from ..engine.textio import decode


@dataclass(frozen=True)
class DiskRead:
    data: bytes | None
    #: Why nothing was read, for the log (None when read, or simply absent).
    note: str | None = None


def _norm(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n")


def agrees(raw: bytes, text: str) -> bool:
    """Whether ``text`` is how an editor could show ``raw``."""
    want = _norm(text)
    if _norm(decode(raw)) == want or _norm(raw.decode("latin-1")) == want:
        return True
    return _norm(raw.decode("cp1252", "replace")) == want


def read_for_document(path: str, text: str, folders: list[str]) -> DiskRead:
    """The document's bytes on disk, or why they are not used (runs off the loop)."""
    try:
        snap = fileio.read_regular(path)
    except fileio.SkippedFile as exc:
        return DiskRead(None, f"{path}: {exc.strerror}")
    except OSError:
        return DiskRead(None)  # not saved yet, gone, unreadable: no bytes, no fuss
    if fileio.inside(path, folders) or agrees(snap.data, text):
        return DiskRead(snap.data)
    return DiskRead(
        None,
        f"{path}: outside the workspace folders and not the text the editor sent; "
        "its bytes on disk are not read",
    )


def workspace_paths(workspace: Any) -> list[str]:
    """The folders the client declared: its workspace folders and root, as paths."""
    out: list[str] = []
    root = getattr(workspace, "root_path", None)
    if isinstance(root, str) and root:
        out.append(root)
    for folder in getattr(workspace, "folders", {}).values():
        uri = getattr(folder, "uri", "")
        if isinstance(uri, str) and uri.startswith("file:"):
            path = to_fs_path(uri)
            if path:
                out.append(path)
    return out
