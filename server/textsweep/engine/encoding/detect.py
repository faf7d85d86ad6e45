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
from dataclasses import dataclass
from functools import lru_cache

from .names import SIMPLER, codec_name, display_name, label, preference

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

    @property
    def is_mixed(self) -> bool:
        """Some lines are UTF-8 and the lines in ``bad_lines`` are in ``encoding``."""
        return bool(self.bad_lines)

    @property
    def lossless(self) -> tuple[Candidate, ...]:
        """Candidates that decode every byte and round-trip."""
        return tuple(c for c in self.candidates if c.lossless)

    @property
    def usable(self) -> tuple[Candidate, ...]:
        """Lossless candidates whose text is plausible: the ones worth converting to."""
        return tuple(c for c in self.candidates if c.usable)

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
        name = codec_name(encoding)
    except LookupError:
        raise LossyDecodeError(f"{encoding!r} is not an encoding Python knows", encoding) from None
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
_COMMON = frozenset("€£¥¢°©®±×÷§¶µ·™–—‘’‚“”„…«»‹›•†‡‰¿¡\xa0¤¦¨ª¬¯²³´¸¹º¼½¾№")
#: Punctuation that may stand between two letters of a word.
_IN_WORD = frozenset("’‘·\xad‐‑")
_CONTROLISH = frozenset({"Cc", "Co", "Cn", "Cs"})
_EAST_ASIAN = frozenset({"CJK", "HIRAGANA", "KATAKANA", "HANGUL", "HALFWIDTH", "FULLWIDTH"})


def _script(ch: str) -> str:
    """A letter's script, roughly (the first word of its Unicode name)."""
    if ch < "\x80":
        return "LATIN"
    word = unicodedata.name(ch, "UNKNOWN").split(" ", 1)[0]
    return "CJK" if word in _EAST_ASIAN else word


def plausibility(text: str, limit: int = 20_000) -> float:
    """1.0 when every non-ASCII character looks like real text, towards 0 otherwise.

    Counts, among the non-ASCII characters of (the start of) ``text``, the
    improbable ones: controls, private-use and unassigned code points (heavily),
    rare symbols (``√``, ``≈``, box drawing…), a symbol or an uppercase letter
    wedged inside a lowercase word (``dÈpÙt``, ``h¶pital``: French in the wrong
    codec), and letters of another script inside a word (``Noδl``).
    """
    sample = text[:limit]
    total = 0
    bad = 0.0
    n = len(sample)
    for m in _NON_ASCII.finditer(sample):
        ch = m.group()
        total += 1
        cat = unicodedata.category(ch)
        if cat in _CONTROLISH:
            bad += 5
            continue
        if "\u3000" <= ch <= "\u303f" or "\uff01" <= ch <= "\uff65":
            continue  # CJK punctuation and fullwidth forms
        i = m.start()
        before = sample[i - 1] if i else ""
        after = sample[i + 1] if i + 1 < n else ""
        if cat[0] == "L":
            if (cat == "Lu" and before.islower()) or (cat == "Ll" and after.isupper()):
                bad += 1
            elif (before.isalpha() and _script(before) != _script(ch)) or (
                after.isalpha() and _script(after) != _script(ch)
            ):
                bad += 1
        elif cat == "Cf":
            bad += 1
        elif before.isalpha() and after.isalpha() and ch not in _IN_WORD:
            bad += 1
        elif ch not in _COMMON and cat[0] in "SP":
            bad += 1 if cat[0] == "S" else 0.5
    if total == 0:
        return 1.0
    return max(0.0, 1.0 - bad / total)


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
    import chardet

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
    for enc, conf in _chardet(window):
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
        names = sorted({label(n) for n in r.names}, key=preference)
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
    out.sort(key=lambda t: (t[0], t[1]))
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


def _utf16_without_bom(raw: bytes) -> FileEncoding | None:
    """Valid UTF-8 with NUL bytes may really be UTF-16/32 without a BOM."""
    head = raw[:4096]
    if b"\x00" not in head:
        return None
    guesses = _chardet(head)
    if not guesses:
        return None
    enc, conf = guesses[0]
    if not enc.startswith(("utf-16", "utf-32")) or conf < 0.9:
        return None
    try:
        text = decode_as(raw, enc)
    except LossyDecodeError:
        return None
    cand = Candidate(label(enc), round(conf, 2), True, text[:120], plausibility=plausibility(text))
    return FileEncoding(cand.encoding, cand.confidence, None, False, (cand,), ())


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
    if body.isascii():
        return FileEncoding("utf-8", 1.0, bom, True)
    first_bad = _first_invalid(body)
    if first_bad is None:
        if bom is None:
            wide = _utf16_without_bom(body)
            if wide is not None:
                return wide
        return FileEncoding("utf-8", 1.0, bom, True)
    return _detect(body, first_bad, bom)


def _detect(body: bytes, first_bad: int, bom: str | None) -> FileEncoding:
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
    candidates = _rank(data, window, pos)
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
    )


# --------------------------------------------------------------------------- conversion


def refusal(info: FileEncoding) -> str:
    """Why no conversion is offered for ``info`` (no usable candidate)."""
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
    return text.encode("utf-8"), info
