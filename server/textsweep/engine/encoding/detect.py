"""Detection and lossless decoding of a file's bytes.

The fast path is one strict UTF-8 decode. Only bytes that fail it are handed to
chardet, and only a bounded window of them: the lines that hold non-ASCII bytes,
up to :data:`WINDOW` bytes. chardet's candidates are then checked against *all*
the bytes (does the codec decode every byte, and re-encode to the same bytes?),
codecs that decode to the same text are merged under the most standard label
(``windows-1252`` rather than ``iso-8859-15`` when both give the same letters),
and the survivors are ranked by chardet's score times how plausible the decoded
text looks (C1 controls, private-use or stray symbols and case flips inside words
are improbable in real text).
"""

from __future__ import annotations

import codecs
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from .names import SIMPLER, codec_name, display_name, label, preference, text_codec

#: Bytes of non-ASCII lines handed to chardet at most.
WINDOW = 64 * 1024
#: Bytes of the window decoded to score readings.
_SAMPLE = 16 * 1024
#: Candidates reported at most.
MAX_CANDIDATES = 5
#: Plausibility below which a lossless reading is not offered as a conversion.
PLAUSIBLE = 0.85
#: chardet results examined (before merging identical decodes).
_CHARDET_TOP = 10
#: Confidence below which no conversion is made (a Windows-1252 file with
#: undefined bytes once came out "cp862 (confidence 0.25)", in Hebrew letters).
FLOOR = 0.3
#: The best reading must beat every plausible reading that gives another text by
#: this factor; otherwise the evidence does not separate them.
CLEAR = 1.5
#: Plausibilities this close are not evidence for one reading over another.
PLAUSIBLY_EQUAL = 0.01
#: Codecs read alongside chardet's proposals: DOS code pages (box drawing) and
#: the Windows code pages real files use where chardet names a subset.
_ALWAYS = ("cp437", "cp850")
#: A standard codec → the Windows superset real files are written in. When both
#: decode the bytes but to different texts (``～`` and ``〜`` in cp932 and
#: Shift_JIS; ``\`` and ``¥`` in Shift_JIS-2004), the Windows one is the reading.
SUPERSET: dict[str, str] = {
    "shift_jis": "cp932",
    "shift_jis_2004": "cp932",
    "shift_jisx0213": "cp932",
    "euc_kr": "cp949",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "big5": "cp950",
    "tis-620": "cp874",
    "iso8859_11": "cp874",
    "latin-1": "cp1252",
    "iso8859-1": "cp1252",
    "iso8859_1": "cp1252",
}

#: Byte-order marks, longest first (a UTF-32-LE BOM starts like a UTF-16-LE one).
BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

_LINE_BREAK = re.compile(rb"\r\n|\r|\n")
_NON_ASCII = re.compile("[^\x00-\x7f]")


class LossyDecodeError(ValueError):
    """Decoding would drop, replace or invent bytes; ``str(e)`` says why."""

    def __init__(self, reason: str, encoding: str = "", position: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.encoding = encoding
        self.position = position


@dataclass(frozen=True)
class Candidate:
    """One plausible reading of the bytes."""

    encoding: str
    confidence: float
    lossless: bool
    preview: str
    #: Why a candidate is not lossless ("" when it is).
    reason: str = ""
    #: How much the decoded text looks like real text (see :func:`plausibility`).
    plausibility: float = 0.0

    @property
    def usable(self) -> bool:
        """Worth offering as a conversion: lossless and plausible text."""
        return self.lossless and self.plausibility >= PLAUSIBLE


@dataclass(frozen=True)
class FileEncoding:
    """What :func:`inspect_bytes` found."""

    encoding: str
    confidence: float
    bom: str | None
    is_utf8: bool
    candidates: tuple[Candidate, ...] = ()
    bad_lines: tuple[int, ...] = ()
    #: Labels of plausible readings that give different texts and that the
    #: evidence does not separate: no conversion is made without ``--from``.
    ambiguous: tuple[str, ...] = ()
    #: The encoding is the one the file declares (``charset=`` in a gettext or HTML
    #: header, an XML declaration, a coding cookie), and it reads every byte.
    declared: bool = False

    @property
    def is_mixed(self) -> bool:
        """Some lines are UTF-8 and the lines in ``bad_lines`` are in ``encoding``."""
        return bool(self.bad_lines)

    @property
    def lossless(self) -> tuple[Candidate, ...]:
        """Candidates that decode every byte and round-trip."""
        return tuple(c for c in self.candidates if c.lossless)

    @property
    def plausible(self) -> tuple[Candidate, ...]:
        """Lossless candidates whose text is plausible, decided or not (reload offers)."""
        return tuple(c for c in self.candidates if c.usable)

    @property
    def usable(self) -> tuple[Candidate, ...]:
        """The readings worth converting to, the chosen one first; none when unsure.

        Empty when the best reading's confidence is under :data:`FLOOR`, or when
        plausible readings giving different texts are not separated.
        """
        if self.ambiguous:
            return ()
        out = self.plausible
        if not out or out[0].confidence < FLOOR:
            return ()
        return out

    def describe(self) -> str:
        """``Windows-1252 (confidence 0.52)`` — for messages and CLI reports."""
        name = display_name(self.encoding)
        if self.is_utf8:
            return f"{name} with a byte-order mark" if self.bom else name
        return f"{name} (confidence {self.confidence:.2f})"


# --------------------------------------------------------------------------- lines


def split_lines(raw: bytes) -> list[tuple[int, int, int]]:
    """``(start, content_end, end)`` of every line; breaks as LSP counts them."""
    out: list[tuple[int, int, int]] = []
    pos = 0
    for m in _LINE_BREAK.finditer(raw):
        out.append((pos, m.start(), m.end()))
        pos = m.end()
    out.append((pos, len(raw), len(raw)))
    return out


def _strip_utf8_bom(raw: bytes) -> tuple[bytes, int]:
    return (raw[3:], 3) if raw.startswith(b"\xef\xbb\xbf") else (raw, 0)


def _bom_of(raw: bytes) -> tuple[bytes, str] | None:
    for bom, name in BOMS:
        if raw.startswith(bom):
            return bom, name
    return None


# --------------------------------------------------------------------------- decoding


def _where(raw: bytes, pos: int) -> str:
    line = raw.count(b"\n", 0, pos) + 1
    return f"byte 0x{raw[pos]:02X} at offset {pos} (line {line})" if pos < len(raw) else "the end"


def decode_as(raw: bytes, encoding: str) -> str:
    """The whole text of ``raw`` in ``encoding``, refusing any loss.

    A byte-order mark matching the encoding is not part of the text. Raises
    :class:`LossyDecodeError` when some bytes have no meaning in ``encoding`` or
    when encoding the text again would not give back exactly ``raw``.
    """
    try:
        name = text_codec(encoding)
    except ValueError as e:
        raise LossyDecodeError(str(e), encoding) from None
    shown = display_name(encoding)
    body, bom_len, codec = raw, 0, name
    found = _bom_of(raw)
    if name in ("utf-8", "utf-8-sig"):
        body, bom_len = _strip_utf8_bom(raw)
        codec = "utf-8"
    elif name in ("utf-16", "utf-32"):
        if found and found[1].startswith(name):
            bom_len, codec = len(found[0]), found[1]
        else:
            codec = f"{name}-le"
        body = raw[bom_len:]
    elif name in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        if found and found[1] == name:
            bom_len = len(found[0])
        body = raw[bom_len:]
    try:
        text = body.decode(codec)
    except UnicodeDecodeError as e:
        pos = e.start + bom_len
        raise LossyDecodeError(
            f"{_where(raw, pos)} has no meaning in {shown}", label(encoding), pos
        ) from None
    try:
        again = text.encode(codec)
    except UnicodeEncodeError as e:
        raise LossyDecodeError(
            f"{shown} decodes the bytes but cannot encode them back "
            f"(character {e.start}); the conversion would not round-trip",
            label(encoding),
        ) from None
    if again != body:
        diff = next((i for i, (a, b) in enumerate(zip(again, body, strict=False)) if a != b), None)
        if diff is None:
            diff = min(len(again), len(body))
        raise LossyDecodeError(
            f"decoding as {shown} and encoding back does not give the same bytes "
            f"(first difference at offset {diff + bom_len})",
            label(encoding),
            diff + bom_len,
        )
    return text


def _utf8_ok(chunk: bytes) -> bool:
    if chunk.isascii():
        return True
    try:
        chunk.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode_lines(raw: bytes, encoding: str, bad_lines: Iterable[int] | None = None) -> str:
    """A mixed file's text: UTF-8 lines as UTF-8, the others in ``encoding``.

    ``bad_lines`` defaults to every line that is not valid UTF-8. Each converted
    line must round-trip, else :class:`LossyDecodeError`.
    """
    body, bom_len = _strip_utf8_bom(raw)
    lines = split_lines(body)
    bad = set(bad_lines) if bad_lines is not None else None
    parts: list[str] = []
    for i, (start, content_end, end) in enumerate(lines):
        chunk = body[start:content_end]
        if (bad is None and _utf8_ok(chunk)) or (bad is not None and i not in bad):
            try:
                parts.append(chunk.decode("utf-8"))
            except UnicodeDecodeError:
                raise LossyDecodeError(
                    f"line {i + 1} is not UTF-8 and was not listed for conversion", encoding
                ) from None
        else:
            try:
                parts.append(decode_as(chunk, encoding))
            except LossyDecodeError as e:
                raise LossyDecodeError(f"line {i + 1}: {e.reason}", e.encoding) from None
        parts.append(body[content_end:end].decode("ascii"))
    del bom_len
    return "".join(parts)


# --------------------------------------------------------------------------- plausibility

#: Non-ASCII symbols and punctuation common in real text.
_COMMON = frozenset("€£¥¢°©®±×÷§¶µ·™–—‘’‚“”„…«»‹›•†‡‰¿¡\xa0¦¨ª¬¯²³´¸¹º¼½¾№")
#: Where ISO-8859-15 and Windows-1252 differ (``€`` is ``¤`` in one, ``œ`` ``½``):
#: such signs glued to a letter are the other codec's letters (``c½ur``, ``5¤``).
_GLUED_BAD = frozenset("¤¦¨´¸¼½¾")
#: Punctuation that may stand between two letters of a word.
_IN_WORD = frozenset("’‘·\xad‐‑")
#: Signs that real text repeats (``……``, ``———``).
_REPEATABLE = frozenset("—–…·•‥")
_CONTROLISH = frozenset({"Cc", "Co", "Cn", "Cs"})
_EAST_ASIAN = frozenset({"CJK", "HIRAGANA", "KATAKANA", "HANGUL", "HALFWIDTH", "FULLWIDTH"})
_LATIN_WORD = re.compile("[^\\W\\d_]{3,}")


def _script(ch: str) -> str:
    """A letter's script, roughly (the first word of its Unicode name)."""
    if ch < "\x80":
        return "LATIN"
    word = unicodedata.name(ch, "UNKNOWN").split(" ", 1)[0]
    return "CJK" if word in _EAST_ASIAN else word


def _box(ch: str) -> bool:
    return "\u2500" <= ch <= "\u259f"


def plausibility(text: str, limit: int = 20_000) -> float:
    """1.0 when every non-ASCII character looks like real text, towards 0 otherwise.

    Counts, among the non-ASCII characters of (the start of) ``text``, the
    improbable ones: controls, private-use and unassigned code points (heavily),
    rare symbols (``√``, ``≈``…), a symbol or an uppercase letter wedged inside a
    lowercase word (``dÈpÙt``, ``h¶pital``: French in the wrong codec), letters
    of another script inside a word (``Noδl``), a letter repeated three times
    (``ДДДД`` is a DOS frame read as Windows-1251), a word of three Latin letters
    or more none of which is ASCII (``äúå``: Hebrew read as Windows-1252), and
    box drawing that does not touch other box drawing or a space.
    """
    sample = text[:limit]
    total = 0
    bad = 0.0
    controls = 0
    n = len(sample)
    for m in _NON_ASCII.finditer(sample):
        ch = m.group()
        total += 1
        cat = unicodedata.category(ch)
        if cat in _CONTROLISH:
            bad += 5
            controls += 1
            continue
        if "\u3000" <= ch <= "\u303f" or "\uff01" <= ch <= "\uff65":
            continue  # CJK punctuation and fullwidth forms
        i = m.start()
        before = sample[i - 1] if i else ""
        after = sample[i + 1] if i + 1 < n else ""
        if _box(ch):
            if not (_box(before) or _box(after) or before in " \n\r" or after in " \r\n"):
                bad += 1
            continue
        if ch == before == after and ch not in _REPEATABLE and _script(ch) != "CJK":
            bad += 1
            continue
        if cat[0] == "L":
            if (cat == "Lu" and before.islower()) or (cat == "Ll" and after.isupper()):
                bad += 1
            elif (before.isalpha() and _script(before) != _script(ch)) or (
                after.isalpha() and _script(after) != _script(ch)
            ):
                bad += 1
        elif cat == "Cf":
            bad += 1
        elif (ch in _GLUED_BAD and (before.isalpha() or after.isalpha())) or (
            cat == "Sc" and before.isalpha()
        ):
            bad += 1
        elif before.isalpha() and after.isalpha() and ch not in _IN_WORD:
            bad += 1
        elif ch == "¤" or (ch not in _COMMON and cat[0] in "SP"):
            bad += 1 if cat[0] == "S" else 0.5
    if total == 0:
        return 1.0
    for m in _LATIN_WORD.finditer(sample):
        word = m.group()
        if word.isascii() or any(c < "\x80" for c in word):
            continue
        if all(_script(c) == "LATIN" for c in word):
            bad += len(word)
    score = max(0.0, 1.0 - bad / total)
    # A C1 control or a private-use character is never text: such a reading is
    # not offered, however few there are (``\x85`` is ``…`` in Windows-1250).
    return min(score, 0.5) if controls else score


# --------------------------------------------------------------------------- detection


def _window(raw: bytes, lines: Sequence[tuple[int, int, int]], only: Iterable[int]) -> bytes:
    """The non-ASCII lines among ``only``, up to :data:`WINDOW` bytes."""
    parts: list[bytes] = []
    size = 0
    for i in only:
        start, _, end = lines[i]
        chunk = raw[start:end]
        if chunk.isascii():
            continue
        parts.append(chunk)
        size += len(chunk)
        if size >= WINDOW:
            break
    return b"".join(parts)[:WINDOW]


def _chardet(window: bytes) -> list[tuple[str, float]]:
    """chardet's proposals for ``window``, line ends normalised.

    CRLF carries no evidence about the encoding, but the extra CR bytes moved
    chardet's list: with them an ISO-8859-15 file got ISO-8859-2 or Windows-1252
    proposals it did not get with LF, and the same text converted differently.
    """
    import chardet

    window = window.replace(b"\r\n", b"\n")
    results = chardet.detect_all(
        window, ignore_threshold=True, compat_names=False, max_bytes=max(len(window), 1)
    )
    out: list[tuple[str, float]] = []
    for r in results[:_CHARDET_TOP]:
        enc = r.get("encoding")
        if enc:
            out.append((str(enc), float(r.get("confidence") or 0.0)))
    return out


def _preview(data: bytes, pos: int, codec: str, width: int = 60) -> str:
    """The decoded line around byte ``pos`` (errors shown as U+FFFD)."""
    start = data.rfind(b"\n", 0, pos) + 1
    end = data.find(b"\n", pos)
    end = len(data) if end < 0 else end
    if pos - start > 200:
        start = pos - width
    end = min(end, pos + 200)
    try:
        text = data[start:end].decode(codec, errors="replace")
    except LookupError:
        return ""
    text = text.strip("\r\n")
    return text if len(text) <= 2 * width else text[: 2 * width] + "…"


def _evidence(window: bytes) -> float:
    """How much the sample can tell: few non-ASCII bytes prove little."""
    high = sum(1 for b in window if b >= 0x80) if len(window) < 4096 else 64
    return 1.0 - math.exp(-high / 8.0)


@dataclass
class _Reading:
    codec: str
    score: float
    text: str | None
    reason: str
    names: list[str]
    plaus: float


@lru_cache(maxsize=256)
def _injective(codec: str) -> bool:
    """A single-byte codec whose defined bytes map to distinct characters.

    For those, a strict decode that succeeds always re-encodes to the same
    bytes, so the (costly) re-encoding of a whole file can be skipped.
    """
    try:
        info = codecs.lookup(codec)
    except LookupError:
        return False
    if getattr(info, "_is_text_encoding", True) is False:
        return False
    seen: set[str] = set()
    for b in range(256):
        try:
            ch = bytes([b]).decode(codec)
        except UnicodeDecodeError:
            continue
        except Exception:  # noqa: BLE001  (stateful or multibyte: not a charmap)
            return False
        if len(ch) != 1 or ch in seen:
            return False
        seen.add(ch)
    try:
        return bytes(range(256)).decode(codec, errors="ignore") == "".join(
            bytes([b]).decode(codec, errors="ignore") for b in range(256)
        )
    except Exception:  # noqa: BLE001
        return False


def _lossless(data: bytes, codec: str) -> tuple[str | None, str]:
    """``(text, "")`` when ``codec`` decodes every byte and round-trips, else ``(None, why)``."""
    if _injective(codec):
        try:
            return data.decode(codec), ""
        except UnicodeDecodeError as e:
            return None, f"{_where(data, e.start)} has no meaning in {display_name(codec)}"
    try:
        return decode_as(data, codec), ""
    except LossyDecodeError as e:
        return None, e.reason


def _same_codec(a: str, b: str) -> bool:
    try:
        return codec_name(a) == codec_name(b)
    except LookupError:
        return False


#: Bytes of CP437's single and double box-drawing lines (``─│┌┐└┘═║╔╗╚╝``).
_BOX_BYTES = frozenset(b"\xc4\xb3\xda\xbf\xc0\xd9\xcd\xba\xc9\xbb\xc8\xbc")


def _has_box_bytes(window: bytes) -> bool:
    """Three box-drawing bytes in a row: a DOS table or frame."""
    run = 0
    for b in window[:_SAMPLE]:
        run = run + 1 if b in _BOX_BYTES else 0
        if run >= 3:
            return True
    return False


def _rank(data: bytes, window: bytes, first_bad: int) -> tuple[Candidate, ...]:
    """Candidates for ``data`` (the bytes to convert), best first.

    Readings are scored on the window; only the best few are then checked
    against every byte of ``data``.
    """
    readings: list[_Reading] = []
    by_text: dict[str, _Reading] = {}
    seen: set[str] = set()
    evidence = _evidence(window)
    sample = window[:_SAMPLE]
    cut = sample.rfind(b"\n") + 1 or len(sample)
    sample = sample[:cut]
    proposals = _chardet(window)
    proposed = set()
    for enc, _ in proposals:
        try:
            proposed.add(codec_name(enc))
        except LookupError:
            continue
    extra: list[tuple[str, float]] = []
    for codec in sorted(proposed):
        sup = SUPERSET.get(codec)
        if sup and codec_name(sup) not in proposed:
            conf = max(c for e, c in proposals if _same_codec(e, codec))
            extra.append((sup, conf))
    # DOS code pages: chardet rarely proposes them, box drawing decides.
    floor_conf = 0.15 if _has_box_bytes(window) else 0.01
    extra += [(c, floor_conf) for c in _ALWAYS if codec_name(c) not in proposed]
    for enc, conf in proposals + extra:
        try:
            codec = codec_name(enc)
        except LookupError:
            continue
        if codec in ("utf-8", "utf-8-sig", "ascii") or codec in seen:
            continue
        seen.add(codec)
        text, reason = _lossless(sample, codec)
        if text is not None:
            for simpler in SIMPLER.get(codec, ()):
                if _lossless(sample, simpler)[0] == text:
                    codec = codec_name(simpler)
                    break
        plaus = plausibility(text) if text is not None else 0.0
        score = max(conf, 0.01) * plaus * plaus
        if text is not None and text in by_text:
            existing = by_text[text]
            existing.score = max(existing.score, score)
            existing.names.append(codec)
            continue
        reading = _Reading(codec, score, text, reason, [codec], plaus)
        readings.append(reading)
        if text is not None:
            by_text[text] = reading
    if not readings:
        return ()
    # Best readings first, then check them against all the bytes.
    readings.sort(key=lambda r: (r.text is None, -r.score))
    checked: list[_Reading] = []
    for r in readings:
        if len(checked) >= MAX_CANDIDATES:
            break
        if r.text is not None and data is not window:
            full, why = _lossless(data, r.codec)
            if full is None:
                r.text, r.reason = None, why
            elif len(r.names) > 1:
                # Codecs that agreed on the sample may differ further on.
                r.names = [n for n in r.names if n == r.codec or _lossless(data, n)[0] == full]
        checked.append(r)
    total = sum(r.score for r in checked if r.text is not None) or 1.0
    out: list[tuple[float, int, Candidate]] = []
    for r in checked:
        names = sorted({label(n) for n in r.names}, key=lambda n: (preference(n), n))
        main = names[0]
        if r.text is None:
            conf = 0.0
        else:
            # Share among the readings, times how much the text itself convinces
            # (absolute: garbage stays improbable even when it is the best garbage),
            # times how much evidence the sample holds.
            quality = min(1.0, max(0.0, (r.plaus - 0.5) / 0.4)) ** 2
            conf = round(min(1.0, r.score / total * quality * evidence), 2)
        cand = Candidate(
            encoding=main,
            confidence=conf,
            lossless=r.text is not None,
            preview=_preview(data, first_bad, codec_name(main)),
            reason=r.reason,
            plausibility=round(r.plaus, 3),
        )
        out.append((-(conf if r.text is not None else -1.0), preference(main), cand))
    out.sort(key=lambda t: (t[0], t[1], t[2].encoding))
    ranked = [c for _, _, c in out]
    lossless = [c for c in ranked if c.lossless]
    lossy = [c for c in ranked if not c.lossless]
    return tuple((lossless + lossy)[:MAX_CANDIDATES])


def _first_invalid(raw: bytes) -> int | None:
    """Offset of the first byte that is not UTF-8, or None."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return e.start
    return None


def wide_without_bom(raw: bytes) -> str | None:
    """The UTF-16/UTF-32 codec of BOM-less ``raw``, judged by where its NUL bytes fall.

    Latin, Cyrillic or Greek text in UTF-16-LE has a NUL in most odd bytes; in
    UTF-32-LE three bytes of four are NUL. The codec must then decode every byte
    into text without control characters (other than tab, line and page breaks).
    """
    head = raw[:4096]
    if b"\x00" not in head or len(head) < 4:
        return None
    zeros = [0, 0, 0, 0]
    for i, b in enumerate(head):
        if b == 0:
            zeros[i % 4] += 1
    quarter = len(head) // 4
    tries: list[str] = []
    if zeros[3] >= 0.9 * quarter and zeros[2] >= 0.5 * quarter:
        tries.append("utf-32-le")
    if zeros[0] >= 0.9 * quarter and zeros[1] >= 0.5 * quarter:
        tries.append("utf-32-be")
    odd, even = zeros[1] + zeros[3], zeros[0] + zeros[2]
    if odd > 2 * even and odd >= 0.1 * len(head) / 2:
        tries.append("utf-16-le")
    if even > 2 * odd and even >= 0.1 * len(head) / 2:
        tries.append("utf-16-be")
    for codec in tries:
        unit = 4 if codec.startswith("utf-32") else 2
        if len(raw) % unit:
            continue
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        if any((c < " " and c not in "\t\n\r\f") or "\x7f" <= c <= "\x9f" for c in text):
            continue
        if plausibility(text) >= PLAUSIBLE:
            return codec
    return None


#: Escape sequences that designate a double-byte set in ISO-2022-JP / -KR.
_ISO2022 = (
    (b"\x1b$)C", "iso2022_kr"),
    (b"\x1b$B", "iso2022_jp"),
    (b"\x1b$@", "iso2022_jp"),
    (b"\x1b$(D", "iso2022_jp_2"),
)


def _iso2022(raw: bytes) -> FileEncoding | None:
    """7-bit Japanese or Korean mail and news text: ASCII bytes with escapes."""
    if b"\x1b$" not in raw:
        return None
    for marker, codec in _ISO2022:
        if marker not in raw:
            continue
        try:
            text = decode_as(raw, codec)
        except LossyDecodeError:
            continue
        if "\x1b" in text or "\x0e" in text or plausibility(text) < PLAUSIBLE:
            continue
        cand = Candidate(label(codec), 0.95, True, text[:120].split("\n")[0], plausibility=1.0)
        return FileEncoding(cand.encoding, 0.95, None, False, (cand,), ())
    return None


#: A charset a file declares near its start: a gettext header's ``Content-Type:
#: text/plain; charset=…`` (and HTML's), an XML declaration's ``encoding=``; groups:
#: the prefix, the name (1 and 2, or 3 and 4). Matched on the bytes to detect, on
#: the text to rewrite after a conversion (:func:`declare_utf8`).
_DECLARED_TEXT = re.compile(
    r"""(charset=["']?)([A-Za-z0-9._:-]+)|(<\?xml[^>]*?encoding=["'])([A-Za-z0-9._:-]+)"""
)
#: A coding cookie (Python, Emacs, Vim), looked for on the first two lines only.
_COOKIE_TEXT = re.compile(r"(coding[:=][ \t]*)([A-Za-z0-9._-]+)")
_DECLARED = re.compile(_DECLARED_TEXT.pattern.encode("ascii"))
_COOKIE = re.compile(_COOKIE_TEXT.pattern.encode("ascii"))
_HEAD = 8192


def _declared(body: bytes) -> FileEncoding | None:
    """The encoding the file declares, when it is not UTF-8 and reads every byte.

    Tools read a gettext catalogue, an XML or HTML file in the charset it
    declares, and so does its reader: GNU tar's Japanese catalogue says
    ``charset=EUC-JP``, and one of its lines, ``%s, %s 他.``, is also valid UTF-8
    (``%s, %s ¾.``), so it was read as a UTF-8 file with 605 EUC-JP lines. A
    declared ISO-8859 charset with bytes 80–9F is not taken at its word (those
    are Windows-1252's letters: detection decides)."""
    head = body[:_HEAD]
    m = _DECLARED.search(head) or _COOKIE.search(b"\n".join(head.split(b"\n", 2)[:2]))
    if m is None:
        return None
    found: bytes = m.group(2) or m.group(4)
    try:
        codec = text_codec(found.decode("ascii"))
    except ValueError:
        return None  # ``charset=CHARSET`` in a template, or a name Python lacks
    if codec == "utf-8":
        return None
    if (codec.startswith("iso8859") or codec == "latin-1") and re.search(rb"[\x80-\x9f]", body):
        return None
    try:
        text = decode_as(body, codec)
    except LossyDecodeError:
        return None
    if plausibility(text) < PLAUSIBLE:
        return None
    cand = Candidate(label(codec), 0.95, True, text[:120].split("\n")[0], plausibility=1.0)
    return FileEncoding(cand.encoding, 0.95, None, False, (cand,), (), declared=True)


def _wide(raw: bytes) -> FileEncoding | None:
    codec = wide_without_bom(raw)
    if codec is None:
        return None
    text = raw.decode(codec)
    cand = Candidate(codec, 0.95, True, text[:120].split("\n")[0], plausibility=plausibility(text))
    return FileEncoding(codec, 0.95, None, False, (cand,), ())


def warm_up() -> None:
    """Load chardet's models now (at server start) rather than on the first bad file."""
    _chardet("Déjà vu, ça coûte 5 € — «\u00a0été\u00a0»".encode("cp1252"))


def inspect_bytes(raw: bytes) -> FileEncoding:
    """What encoding ``raw`` is in; cheap (one strict decode) for valid UTF-8."""
    found = _bom_of(raw)
    if found is not None and found[1] != "utf-8":
        name = found[1]
        tries = [name, "utf-16-le"] if name == "utf-32-le" else [name]
        reason = ""
        for attempt in tries:
            family = attempt[:6]
            try:
                text = decode_as(raw, attempt)
            except LossyDecodeError as e:
                reason = reason or e.reason
                continue
            cand = Candidate(family, 1.0, True, text[:120].split("\n")[0], plausibility=1.0)
            return FileEncoding(family, 1.0, attempt, False, (cand,), ())
        cand = Candidate(name[:6], 0.0, False, "", reason=reason)
        return FileEncoding(name[:6], 0.0, name, False, (cand,), ())
    bom = "utf-8" if found is not None and found[1] == "utf-8" else None
    body = raw[3:] if bom else raw
    if bom is None and b"\x00" in body[:4096]:
        wide = _wide(body)
        if wide is not None:
            return wide
    if body.isascii():
        stateful = _iso2022(body)
        if stateful is not None:
            return stateful
        return FileEncoding("utf-8", 1.0, bom, True)
    first_bad = _first_invalid(body)
    if first_bad is None:
        return FileEncoding("utf-8", 1.0, bom, True)
    return _detect(body, first_bad, bom)


def _detect(body: bytes, first_bad: int, bom: str | None) -> FileEncoding:
    if bom is None:
        declared = _declared(body)
        if declared is not None:
            return declared
    lines = split_lines(body)
    bad: list[int] = []
    utf8_lines = 0
    for i, (start, content_end, _end) in enumerate(lines):
        chunk = body[start:content_end]
        if chunk.isascii():
            continue
        if _utf8_ok(chunk):
            utf8_lines += 1
        else:
            bad.append(i)
    mixed = bool(bad) and (utf8_lines > 0 or bom == "utf-8")
    if mixed:
        data = b"\n".join(body[lines[i][0] : lines[i][1]] for i in bad)
        window = data[:WINDOW]
        pos = _first_invalid(data) or 0
    else:
        data = body
        window = _window(body, lines, range(len(lines)))
        pos = first_bad
    known: frozenset[str] = frozenset()
    if mixed:
        skip = set(bad)
        good = b"\n".join(body[s:e] for i, (s, e, _) in enumerate(lines) if i not in skip)
        known = frozenset(c for c in good.decode("utf-8", "replace") if c >= "\x80")
    candidates, ambiguous = _decide(_rank(data, window, pos), data, known)
    best = candidates[0] if candidates else None
    if best is None:
        return FileEncoding("unknown", 0.0, bom, False, (), tuple(bad) if mixed else ())
    return FileEncoding(
        best.encoding,
        best.confidence if best.lossless else 0.0,
        bom,
        False,
        candidates,
        tuple(bad) if mixed else (),
        ambiguous,
    )


def _extends(wide: Candidate, narrow: Candidate) -> bool:
    """``wide`` is the Windows superset real files use in place of ``narrow``."""
    names = (narrow.encoding,)
    try:
        target = codec_name(wide.encoding)
        return any(codec_name(SUPERSET.get(codec_name(n), n)) == target for n in names)
    except LookupError:
        return False


def _decide(
    candidates: tuple[Candidate, ...], data: bytes = b"", known: frozenset[str] = frozenset()
) -> tuple[tuple[Candidate, ...], tuple[str, ...]]:
    """Candidates with the chosen reading first, and the readings left undecided.

    Plausible readings giving different texts whose confidence is within
    :data:`CLEAR` of the best are rivals. If one of them is the Windows superset
    of all the others (cp932 over Shift_JIS, GB18030 over GB2312, cp949 over
    EUC-KR…), it is the reading real files use: it is chosen and takes their
    confidence. In a mixed file, the reading whose letters the UTF-8 lines use
    (``known``) wins. Otherwise the rivals are returned as undecided.
    """
    plausible = [c for c in candidates if c.usable]
    if len(plausible) < 2:
        return candidates, ()
    best = plausible[0]
    # A rival is as plausible (``ЌЌ€`` in a reading where the other has none is
    # evidence) and not far behind in confidence.
    group = [best] + [
        c
        for c in plausible[1:]
        if c.confidence * CLEAR > best.confidence
        and c.plausibility >= best.plausibility - PLAUSIBLY_EQUAL
    ]
    if len(group) < 2:
        return candidates, ()
    for wide in group:
        if all(c is wide or _extends(wide, c) for c in group):
            total = round(min(1.0, sum(c.confidence for c in group)), 2)
            chosen = replace(wide, confidence=total)
            rest = tuple(c for c in candidates if c is not wide)
            return (chosen, *rest), ()
    if known:
        # A mixed file: the letters its UTF-8 lines use are the document's letters.
        def share(c: Candidate) -> float:
            chars = [ch for ch in _lossless(data, c.encoding)[0] or "" if ch >= "\x80"]
            return sum(ch in known for ch in chars) / len(chars) if chars else 0.0

        shares = sorted(((share(c), i) for i, c in enumerate(group)), reverse=True)
        if shares[0][0] >= 0.5 and shares[0][0] - shares[1][0] >= 0.25:
            wide = group[shares[0][1]]
            total = round(min(1.0, sum(c.confidence for c in group)), 2)
            chosen = replace(wide, confidence=total)
            return (chosen, *(c for c in candidates if c is not wide)), ()
    return candidates, tuple(c.encoding for c in group)


# --------------------------------------------------------------------------- conversion


def refusal(info: FileEncoding) -> str:
    """Why no conversion is offered for ``info`` (no usable candidate)."""
    if info.ambiguous:
        named = " or ".join(display_name(e) for e in info.ambiguous)
        return (
            f"the bytes read as {named}, which give different texts, and nothing here "
            f"tells them apart (name one with --from {info.ambiguous[0]})"
        )
    plausible = info.plausible
    if plausible and plausible[0].confidence < FLOOR:
        best = plausible[0]
        return (
            f"the best reading, {display_name(best.encoding)}, has a confidence of only "
            f"{best.confidence:.2f} (at least {FLOOR} is needed; name the encoding with --from)"
        )
    lossless = [c for c in info.candidates if c.lossless]
    if lossless:
        best = lossless[0]
        return (
            "no encoding decodes every byte into plausible text (the best lossless "
            f"reading, {display_name(best.encoding)}, gives `{best.preview[:40]}`)"
        )
    tried = "; ".join(f"{display_name(c.encoding)}: {c.reason}" for c in info.candidates[:3])
    return "no encoding decodes every byte and round-trips" + (f" ({tried})" if tried else "")


def to_utf8(raw: bytes, encoding: str | None = None) -> tuple[bytes, FileEncoding]:
    """``raw`` converted to UTF-8 (no BOM), with what was detected.

    ``encoding`` forces the source encoding (e.g. from a ``--from`` option);
    otherwise the best lossless candidate is used. Valid UTF-8 comes back
    unchanged (minus a BOM). Raises :class:`LossyDecodeError`, converting
    nothing, when no reading decodes every byte and round-trips.
    """
    info = inspect_bytes(raw)
    if info.is_utf8:
        return (raw[3:] if info.bom == "utf-8" else raw), info
    if encoding is None:
        usable = info.usable
        if not usable:
            raise LossyDecodeError(refusal(info), info.encoding)
        encoding = usable[0].encoding
    if info.is_mixed:
        text = decode_lines(raw, encoding, info.bad_lines)
    else:
        text = decode_as(raw, encoding)
    return declare_utf8(text).encode("utf-8"), info


def declare_utf8(text: str) -> str:
    """``text`` with the charset it declares (see :func:`_declared`) named UTF-8.

    A file converted to UTF-8 that still says ``charset=EUC-JP`` is read as
    EUC-JP by ``msgfmt``, a browser or an XML parser: every letter beyond ASCII
    garbled. (What ``msgconv --to-code=UTF-8`` does too.) A name Python does not
    know, as a template's ``charset=CHARSET``, is left as it is."""

    head = text[:_HEAD]
    m = _DECLARED_TEXT.search(head) or _COOKIE_TEXT.search("\n".join(head.split("\n", 2)[:2]))
    if m is None:
        return text
    prefix, name = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    try:
        if text_codec(name) == "utf-8":
            return text
    except ValueError:
        return text
    return text[: m.start()] + prefix + "UTF-8" + text[m.end() :]
