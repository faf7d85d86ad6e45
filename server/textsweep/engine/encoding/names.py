"""Encoding names: Python codec names ↔ the WHATWG/IANA-style labels users know.

Every label returned here is accepted by :func:`codecs.lookup` and maps back to the
codec it names, so a label shown in a message can be passed to ``decode_as``.
"""

from __future__ import annotations

import codecs

#: Python codec name (as ``codecs.lookup(x).name`` spells it) → preferred label.
_LABELS: dict[str, str] = {
    "utf-8": "utf-8",
    "utf-8-sig": "utf-8",
    "utf-16": "utf-16",
    "utf-16-le": "utf-16-le",
    "utf-16-be": "utf-16-be",
    "utf-32": "utf-32",
    "utf-32-le": "utf-32-le",
    "utf-32-be": "utf-32-be",
    "ascii": "us-ascii",
    "latin-1": "iso-8859-1",
    "iso8859-1": "iso-8859-1",
    "mac-roman": "macintosh",
    "shift_jis": "shift_jis",
    "euc_jp": "euc-jp",
    "euc_kr": "euc-kr",
    "iso2022_jp": "iso-2022-jp",
    "iso2022_kr": "iso-2022-kr",
    "big5": "big5",
    "gb18030": "gb18030",
    "gbk": "gbk",
    "gb2312": "gb2312",
}
for _n in range(1250, 1259):
    _LABELS[f"cp{_n}"] = f"windows-{_n}"
for _n in range(1, 17):
    _LABELS[f"iso8859-{_n}"] = f"iso-8859-{_n}"

#: Friendly names for messages.
_DISPLAY: dict[str, str] = {
    "utf-8": "UTF-8",
    "utf-16": "UTF-16",
    "utf-16-le": "UTF-16 (little-endian)",
    "utf-16-be": "UTF-16 (big-endian)",
    "utf-32": "UTF-32",
    "utf-32-le": "UTF-32 (little-endian)",
    "utf-32-be": "UTF-32 (big-endian)",
    "us-ascii": "ASCII",
    "macintosh": "MacRoman",
    "shift_jis": "Shift_JIS",
    "cp932": "Shift_JIS (Windows, cp932)",
    "euc-jp": "EUC-JP",
    "euc-kr": "EUC-KR",
    "cp949": "EUC-KR (Windows, cp949)",
    "gb18030": "GB18030",
    "gbk": "GBK",
    "gb2312": "GB2312",
    "big5": "Big5",
    "big5hkscs": "Big5-HKSCS",
    "koi8-r": "KOI8-R",
    "koi8-u": "KOI8-U",
    "iso-2022-jp": "ISO-2022-JP",
}

#: When several codecs decode the bytes to the same text, the label shown is the
#: first of these that is among them (standard names before vendor variants,
#: supersets before subsets, as WHATWG does).
PREFERRED_ORDER: tuple[str, ...] = (
    "utf-8",
    "windows-1252",
    "iso-8859-1",
    "iso-8859-15",
    "windows-1250",
    "iso-8859-2",
    "windows-1251",
    "koi8-r",
    "koi8-u",
    "iso-8859-5",
    "windows-1253",
    "iso-8859-7",
    "windows-1254",
    "iso-8859-9",
    "windows-1257",
    "iso-8859-13",
    "windows-1255",
    "windows-1256",
    "windows-1258",
    "shift_jis",
    "cp932",
    "euc-jp",
    "gb18030",
    "big5",
    "euc-kr",
    "cp949",
    "macintosh",
)

#: Standard names tried in place of a vendor or extended variant chardet reports,
#: kept only when they decode the bytes to the same text.
SIMPLER: dict[str, tuple[str, ...]] = {
    "shift_jis_2004": ("shift_jis", "cp932"),
    "cp932": ("shift_jis",),
    "euc_jis_2004": ("euc-jp",),
    "euc_jisx0213": ("euc-jp",),
    "cp949": ("euc-kr",),
    "big5hkscs": ("big5",),
    "cp950": ("big5",),
    "iso2022_jp_2": ("iso-2022-jp",),
    "iso2022_jp_2004": ("iso-2022-jp",),
    "iso2022_jp_ext": ("iso-2022-jp",),
}


def text_codec(encoding: str) -> str:
    """Python's codec name for a *text* encoding; ``ValueError`` for anything else.

    ``base64``, ``hex``, ``zlib``, ``bz2``, ``rot13``, ``uu`` and ``quopri`` are
    codecs too, but bytes-to-bytes or str-to-str: no file is "in" them.
    """
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise ValueError(f"{encoding!r} is not an encoding Python knows") from None
    if getattr(info, "_is_text_encoding", True) is False:
        raise ValueError(f"{encoding!r} is not a text encoding (it is a {info.name} transform)")
    return info.name


def codec_name(encoding: str) -> str:
    """Python's canonical codec name for a label; raises ``LookupError``."""
    return codecs.lookup(encoding).name


def label(encoding: str) -> str:
    """The WHATWG/IANA-style label for a codec name or alias (``cp1252`` → ``windows-1252``)."""
    try:
        name = codec_name(encoding)
    except LookupError:
        return encoding.lower()
    return _LABELS.get(name, name.replace("_", "-") if name.startswith("iso") else name)


def display_name(encoding: str) -> str:
    """How messages name an encoding: ``Windows-1252``, ``Shift_JIS``, ``KOI8-R``."""
    lab = label(encoding)
    if lab in _DISPLAY:
        return _DISPLAY[lab]
    if lab.startswith("windows-"):
        return "Windows-" + lab[8:]
    if lab.startswith("iso-8859-"):
        return "ISO-8859-" + lab[9:]
    return lab


def preference(encoding: str) -> int:
    """Rank of a label in :data:`PREFERRED_ORDER` (unknown labels last)."""
    try:
        return PREFERRED_ORDER.index(label(encoding))
    except ValueError:
        return len(PREFERRED_ORDER)
