"""What a file's bytes are: detection, lossless decoding and conversion to UTF-8.

Pure Python (no pygls). The LSP layer and the CLI call three functions:

* :func:`inspect_bytes` — cheap for valid UTF-8 (one strict decode); detection with
  chardet only when that fails, on a bounded window of the bytes.
* :func:`decode_as` — the whole text in a named encoding, or
  :class:`LossyDecodeError` when that would lose or invent bytes.
* :func:`to_utf8` — the file's bytes converted to UTF-8 losslessly, or refusal.
"""

from __future__ import annotations

from .detect import (
    BOMS,
    Candidate,
    FileEncoding,
    LossyDecodeError,
    decode_as,
    decode_lines,
    inspect_bytes,
    refusal,
    split_lines,
    to_utf8,
    warm_up,
)
from .names import display_name, label, text_codec

__all__ = [
    "BOMS",
    "Candidate",
    "FileEncoding",
    "LossyDecodeError",
    "decode_as",
    "decode_lines",
    "display_name",
    "inspect_bytes",
    "label",
    "refusal",
    "split_lines",
    "text_codec",
    "to_utf8",
    "warm_up",
]
