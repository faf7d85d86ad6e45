"""Reading files as text for the CLI: bytes in, the text an editor would show."""

from __future__ import annotations

from pathlib import Path

#: Byte-order marks editors honour, longest first, with the codec that reads the rest.
_WIDE_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def looks_binary(raw: bytes) -> bool:
    """NUL bytes in the first 8 KiB, without a UTF-16/32 byte-order mark."""
    head = raw[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        return False
    if b"\x00" not in head:
        return False
    # UTF-16/UTF-32 text without a byte-order mark is text, not binary.
    from .encoding.detect import wide_without_bom

    return wide_without_bom(head[: len(head) - len(head) % 4]) is None


def _wide(raw: bytes) -> str | None:
    for bom, codec in _WIDE_BOMS:
        if raw.startswith(bom):
            body = raw[len(bom) :]
            if codec == "utf-32-le" and len(body) % 4:
                continue  # FF FE 00 00 can also start UTF-16-LE text with U+0000
            return body.decode(codec, errors="replace")
    return None


def decode(raw: bytes) -> str:
    """Decode as an editor would, never raising.

    UTF-8 with its BOM stripped and invalid bytes shown as U+FFFD; UTF-16 and
    UTF-32 files that start with a byte-order mark are decoded in that encoding
    (BOM stripped), as editors do. The encoding rules look at ``raw`` themselves
    and explain what went wrong.
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif raw[:1] in (b"\xff", b"\xfe", b"\x00"):
        wide = _wide(raw)
        if wide is not None:
            return wide
    return raw.decode("utf-8", errors="replace")


def read(path: str | Path) -> tuple[str, bytes]:
    """A file's text as an editor shows it, and its bytes (for the encoding rules)."""
    raw = Path(path).read_bytes()
    return decode(raw), raw
