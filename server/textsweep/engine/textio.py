"""Reading files as text for the CLI: bytes in, the text an editor would show."""

from __future__ import annotations

from pathlib import Path


def looks_binary(raw: bytes) -> bool:
    """NUL bytes in the first 8 KiB, without a UTF-16/32 byte-order mark."""
    head = raw[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    return b"\x00" in head


def decode(raw: bytes) -> str:
    """Decode as an editor would: UTF-8 (BOM stripped), invalid bytes as U+FFFD.

    The encoding rules look at ``raw`` themselves and explain what went wrong.
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    return raw.decode("utf-8", errors="replace")


def read(path: str | Path) -> tuple[str, bytes]:
    raw = Path(path).read_bytes()
    return decode(raw), raw
