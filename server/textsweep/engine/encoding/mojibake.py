"""Finding mojibake spans: a selective pre-filter, then ftfy on the suspect runs only.

ftfy is the judge (``fix_encoding_and_explain``), but it is slow and sees whole
strings; running it on every line would cost most of the engine's time and let it
"fix" clean text. So a regular expression built from the codecs ftfy knows looks
for what UTF-8 looks like through each of them: the image of a UTF-8 lead byte
followed by the images of the right number of continuation bytes (``Ã©`` is
C3 A9 through Windows-1252, ``√©`` the same bytes through MacRoman). Only the
whitespace-delimited runs around such hits reach ftfy, so a line that mixes a
correct ``é`` with a broken ``Ã©`` is still repaired, and clean French prose
almost never reaches ftfy at all.
"""

from __future__ import annotations

import bisect
import operator
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from .._images_data import IMAGES
from ..chars import UNSEEN_CLASS, char_set
from ..document import block_holds_any
from ..memo import TextMemo

# ftfy is imported on the first suspect run (see :func:`_ftfy`): it takes longer to
# import than a small file takes to check, and most documents have no such run.

#: The single-byte codecs ftfy can undo, with the byte images the pre-filter uses.
_CODECS = (
    "sloppy-windows-1252",
    "latin-1",
    "sloppy-windows-1250",
    "sloppy-windows-1251",
    "sloppy-windows-1253",
    "sloppy-windows-1254",
    "sloppy-windows-1257",
    "iso-8859-2",
    "macroman",
    "cp437",
)

#: Lead bytes kept for codecs whose lead images are common punctuation in clean
#: text (MacRoman maps D5 to ``’``, so ``l’école`` would look like C5 8E).
_LEADS_ONLY: dict[str, bytes] = {
    "macroman": bytes([0xC2, 0xC3, 0xC4, 0xC5, 0xC6, 0xE2]),
}
#: A no-break space is a continuation byte (A0) only after these lead images:
#: ``Ã\u00a0`` is ``à``, ``Ð\u00a0`` is ``Р``; but ``CAFÉ\u00a0!`` is French.
_NBSP_AFTER = "ÂÃÄÅÐÑ"

_CONT = range(0x80, 0xC0)


def _ftfy() -> Any:
    """ftfy, imported now (which also registers its ``sloppy-windows-*`` codecs)."""
    import ftfy

    return ftfy


def decode_byte(b: int, codec: str) -> str:
    """One byte decoded with ``codec``, ftfy's ``sloppy-`` codecs included without
    importing ftfy: a byte the base codec leaves undefined reads as Latin-1, and
    0x1A (SUBSTITUTE) as U+FFFD, as ftfy defines them."""
    if codec.startswith("sloppy-"):
        if b == 0x1A:
            return "\ufffd"
        try:
            return bytes([b]).decode(codec[len("sloppy-") :])
        except UnicodeDecodeError:
            return chr(b)
    return bytes([b]).decode(codec)


def _image(codec: str, values: Sequence[int]) -> set[str]:
    out: set[str] = set()
    for b in values:
        try:
            ch = decode_byte(b, codec)
        except UnicodeDecodeError:
            continue
        if len(ch) == 1 and ord(ch) >= 0x80:
            out.add(ch)
    return out


def _cls(chars: set[str]) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


@dataclass(frozen=True)
class _Images:
    """One codec's images of UTF-8 lead and continuation bytes."""

    lead2: frozenset[str]
    lead3: frozenset[str]
    lead4: frozenset[str]
    cont: frozenset[str]

    def length(self, ch: str) -> int:
        """Continuation bytes a lead image asks for (0: not a lead)."""
        if ch in self.lead2:
            return 1
        if ch in self.lead3:
            return 2
        if ch in self.lead4:
            return 3
        return 0


@lru_cache(maxsize=1)
def _images() -> tuple[_Images, ...]:
    """Each codec's images, from the precomputed table (see :mod:`.._images_data`)."""
    return tuple(_Images(*(frozenset(s) for s in IMAGES[codec])) for codec in _CODECS)


def _computed_images() -> tuple[_Images, ...]:
    """:func:`_images` computed by decoding every byte (the table's reference)."""
    out = []
    for codec in _CODECS:
        leads = _LEADS_ONLY.get(codec)
        allowed = set(leads) if leads is not None else set(range(0xC2, 0xF5))
        out.append(
            _Images(
                frozenset(_image(codec, [b for b in range(0xC2, 0xE0) if b in allowed])),
                frozenset(_image(codec, [b for b in range(0xE0, 0xF0) if b in allowed])),
                frozenset(_image(codec, [b for b in range(0xF0, 0xF5) if b in allowed])),
                frozenset(_image(codec, _CONT)),
            )
        )
    return tuple(out)


@lru_cache(maxsize=1)
def prefilter() -> re.Pattern[str]:
    """Stage 1: any codec's lead image followed by any codec's continuation image.

    One character class then a look-ahead class, so the regex engine scans at
    C speed (well over 100 MB/s on French prose, where it finds nothing). The
    union over-approximates; :func:`_confirm` then checks one codec at a time.
    """
    leads: set[str] = set()
    conts: set[str] = set()
    for im in _images():
        leads |= im.lead2 | im.lead3 | im.lead4
        conts |= im.cont
    conts.discard("\u00a0")  # after É or é it is French typography: see _NBSP_PAIRS
    return re.compile(_cls(leads) + "(?=" + _cls(conts) + ")")


#: Lead images a no-break space may follow in mojibake (``Ã\u00a0`` is ``à``).
_NBSP_PAIRS = tuple(c + "\u00a0" for c in _NBSP_AFTER)
_NBSP_HIT = re.compile(f"[{_NBSP_AFTER}]\u00a0")


def makes_nbsp_pair(text: str, start: int, replacement: str) -> bool:
    """Would writing ``replacement`` at ``start`` put a no-break space right after a
    lead image? ``Â\u00a0`` reads as the mojibake of a lone no-break space, so the
    repair would then delete the ``Â``: a spacing fix that builds the pair (or moves
    what follows it, making the repair look sure) manufactures the evidence for
    deleting a letter, and is not safe."""
    return replacement.startswith("\u00a0") and start > 0 and text[start - 1] in _NBSP_AFTER


#: ``à`` whose A0 byte became a plain space (``Ã `` + word), a stray ``Â `` before
#: punctuation or a number: checked only where ``str.find`` sees ``Ã `` or ``Â ``.
#: Not after an uppercase letter: ``IRMÃ E MAÇÃ`` is Portuguese.
#: What follows the spaces is read through invisible characters, bidi and removed
#: controls, which other fixes delete: ``Â  \u200b`` at a line end is blanks. Not
#: the soft hyphen: U+00AD is the second byte of ``í`` in ``Ã\u00ad``.
_UNSEEN = UNSEEN_CLASS.replace("\u00ad", "")
#: Blank controls mid-line (``\x0c``) are removed by ``control-character`` after
#: a space: ``Â  \x0cdef`` reads as ``Â  def``.
_BLANK_CONTROLS = "\x0b\x0c\x1c-\x1f"
#: Something visible after the spaces, read through what other fixes delete. A
#: soft hyphen counts only with something visible after it on its line: at a line
#: end invisible-character removes it, and ``Â  \u00ad`` there is blanks, as
#: ``Â \u200b \u00ad`` is (the hyphen made it text until removed: by order).
_VISIBLE_AHEAD = (
    f"[{_UNSEEN}{_BLANK_CONTROLS}]*(?:[^\\s{_UNSEEN}\u00ad]"
    f"|\u00ad(?=[{_UNSEEN}{_BLANK_CONTROLS}\u00ad \t]*[^\\s{_UNSEEN}\u00ad]))"
)
#: The second space is read through invisible characters too: ``Â \u200b &eacute;``
#: is ``Â  &eacute;`` once the ZWSP is gone, and a fix beside it waits either way.
_LOST_A0 = re.compile(f"(?<![A-ZÀ-ÖØ-Þ])[ÂÃ] (?:[{_UNSEEN}]* )?(?={_VISIBLE_AHEAD})")


def _confirm(text: str, i: int) -> int:
    """End of the UTF-8 image starting at ``i`` under some single codec, or 0.

    The answer depends only on the four characters from ``i`` (a lead image and at
    most three continuation images), so it is memoised by them: a text of mojibake
    asked the nine codecs the same question for each of 60,000 hits."""
    key = text[i : i + 4]
    length = _CONFIRMED.get(key)
    if length is None:
        length = _confirm_length(key)
        if len(_CONFIRMED) >= _CONFIRMED_MAX:
            _CONFIRMED.clear()
        _CONFIRMED[key] = length
    return i + length if length else 0


#: Four characters from a pre-filter hit → the length of the image they start (0: none).
_CONFIRMED: dict[str, int] = {}
_CONFIRMED_MAX = 65536


def _confirm_length(text: str) -> int:
    """:func:`_confirm` of ``text`` at 0: the length of the UTF-8 image ``text``
    starts with under some single codec, or 0."""
    ch = text[0]
    for im in _images():
        k = im.length(ch)
        if not k:
            continue
        seq = text[1 : 1 + k]
        if len(seq) == k and all(
            c in im.cont and (c != "\u00a0" or (k == 1 and ch in _NBSP_AFTER)) for c in seq
        ):
            return 1 + k
    return 0


#: Lead images that are (almost) never followed by a continuation image in clean
#: text: ``Ã`` and ``Â`` in Latin-1/Windows-1252 readings, ``Ă``/``Ĺ`` in
#: Windows-1250 ones, ``Ð`` for Cyrillic read as Windows-1252.
_STRONG_LEADS = frozenset("ÂÃĂĹÐ")


def _weak(text: str, start: int, end: int) -> bool:
    """A letter followed by letters or guillemets: ``ÓŁ``, ``Пё``, ``У»`` are words.

    Such a pair proves little on its own: ftfy judges it with the rest of the
    word, but the fallback repair needs more evidence.
    """
    lead = text[start]
    if lead in _STRONG_LEADS or not lead.isalpha():
        return False
    return all(unicodedata.category(c) in ("Lu", "Ll") or c in "«»" for c in text[start + 1 : end])


#: Above this length :func:`hits` scans block by block (memoised per block).
_HITS_AT_ONCE = 65536


#: ``Ã`` or ``Â`` and three spaces or more, then a visible character: doubled-space
#: collapses the run into a lost-A0 candidate (``Ã ;``).
#: The spaces are read through invisible characters, which other fixes delete:
#: ``Â  \u200b \x0cdef`` is ``Â   def`` once the ZWSP is gone.
_COLLAPSING = re.compile(f"(?<![A-ZÀ-ÖØ-Þ])[ÂÃ](?:[{_UNSEEN}]* ){{3,}}(?={_VISIBLE_AHEAD})")


def collapsing_candidates(text: str) -> list[tuple[int, int]]:
    """Runs that become lost-A0 candidates once doubled-space has run: a fix of
    another rule touching one must wait for that collapse, as it waits beside a
    candidate, else ``Ã   ;`` ended as ``Ã;`` or ``Ã ;`` by order."""
    from ..structure._spans import MAX_MEMO_TEXT, per_block_spans

    if _HITS_AT_ONCE < len(text) <= MAX_MEMO_TEXT:
        # block by block, memoised as :func:`hits` is (a run and its look-ahead stay
        # on one line): even the test for ``Ã `` in the whole of 1 MB cost a
        # keystroke 4 ms (a two-character search), the memo lookups a fraction
        return per_block_spans(text, _block_collapsing)
    return list(_block_collapsing_fn(text))


def _block_collapsing_fn(text: str) -> tuple[tuple[int, int], ...]:
    if "Ã " not in text and "Â " not in text:
        return ()
    return tuple(m.span() for m in _COLLAPSING.finditer(text))


_block_collapsing = TextMemo(_block_collapsing_fn, max_chars=4_000_000, max_entries=16384)


def hits(text: str) -> list[tuple[int, int]]:
    """Spans that look like UTF-8 seen through a single-byte codec (pre-filter).

    A hit is a few characters within a line, so a long text is scanned block by
    block (:func:`..structure._spans.per_block`), each block's hits memoised: a
    keystroke in 1 MB re-scans one block, not the whole text (20 ms).
    """
    from ..structure._spans import MAX_MEMO_TEXT, per_block_spans

    if len(text) <= _HITS_AT_ONCE or len(text) > MAX_MEMO_TEXT:
        return _hits(text)
    return per_block_spans(text, _block_hits)


def _block_hits_fn(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(_hits(text))


_block_hits = TextMemo(_block_hits_fn, max_chars=4_000_000, max_entries=16384)


def _hits(text: str) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    for m in prefilter().finditer(text):
        end = _confirm(text, m.start())
        if end:
            found.append((m.start(), end))
    extra = False
    # Single-character ``in`` is the cheapest scan there is; clean French has none.
    if any(c in text for c in _NBSP_AFTER):
        if any(pair in text for pair in _NBSP_PAIRS):
            found.extend(m.span() for m in _NBSP_HIT.finditer(text))
            extra = True
        if "Ã " in text or "Â " in text:
            found.extend(m.span() for m in _LOST_A0.finditer(text))
            extra = True
    if extra:
        found = sorted(set(found))
    if not found:
        return found
    return found


#: What ends the token ftfy judges: every blank but U+00A0, the one blank that is a
#: single-byte image (A0). ``«\u202fÂ\u00a0`` is a narrow space and ``Â\u00a0``, as
#: ``« Â\u00a0`` is: judging the guillemet along made the verdict depend on the
#: kind of space a French fix wrote there.
_BLANK = char_set(" \t\r\n\f\v\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000")
_LINE = "\r\n"


@dataclass(frozen=True)
class Repair:
    """One broken span and its repair."""

    start: int
    end: int
    original: str
    repaired: str
    #: ftfy's plan: ``[("encode", "latin-1"), ("decode", "utf-8"), …]``.
    plan: tuple[tuple[str, str], ...]
    #: The token ftfy was given (the plan applies to it).
    run: str
    #: The whole run (word or words) shown in messages, before and after.
    context_before: str
    context_after: str
    #: fix-all may apply it: the repair is clearly more plausible than the text
    #: as written (see :func:`_grade`); otherwise it is only offered.
    safe: bool = True


def _runs(text: str, spans: Sequence[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The whitespace-delimited token around each hit; overlapping tokens merge."""
    n = len(text)
    cur: tuple[int, int] | None = None
    for hs, he in spans:
        if cur is not None and hs < cur[1]:
            # A hit inside the current token: its start is known, and its end (a
            # blank or the end of the text) moves only if the hit reaches past it.
            # Scanning the whole token again for every hit made ``Ã©Ã©Ã©…`` quadratic.
            if he > cur[1]:
                e = he
                while e < n and text[e] not in _BLANK:
                    e += 1
                cur = (cur[0], e)
            continue
        # Past the current token, whose end is a blank: the scan left stops there.
        s = hs
        while s > 0 and text[s - 1] not in _BLANK:
            s -= 1
        e = he
        while e < n and text[e] not in _BLANK:
            e += 1
        if cur is not None:
            yield cur
        cur = (s, e)
    if cur is not None:
        yield cur


def _controls(s: str) -> int:
    return sum(1 for c in s if unicodedata.category(c) in ("Cc", "Cn", "Co") and c not in "\t")


#: Scripts a repair may produce letters in: widely written ones. A "repair" of
#: ``áœ…`` into Tagalog ``ᜅ`` is a coincidence of bytes, not lost text.
_SCRIPTS = frozenset(
    "LATIN GREEK CYRILLIC ARMENIAN HEBREW ARABIC DEVANAGARI BENGALI GURMUKHI GUJARATI "
    "TAMIL TELUGU KANNADA MALAYALAM THAI LAO GEORGIAN HANGUL HIRAGANA KATAKANA CJK "
    "HALFWIDTH FULLWIDTH IDEOGRAPHIC COMBINING MODIFIER".split()
)


def _known_script(ch: str) -> bool:
    cat = unicodedata.category(ch)
    if cat[0] not in "LM":
        return True
    return unicodedata.name(ch, "?").split(" ", 1)[0] in _SCRIPTS


def _script_of(ch: str) -> str:
    name = unicodedata.name(ch, "?").split(" ", 1)[0]
    return "CJK" if name in ("HIRAGANA", "KATAKANA", "HALFWIDTH", "FULLWIDTH") else name


_LETTERS = re.compile(r"[^\W\d_]+")


def _mixed_words(text: str) -> int:
    """Scripts beyond the first in each word, summed (``ПΊœ``: 2, ``ϳдписування``: 1)."""
    count = 0
    for word in _LETTERS.findall(text):
        scripts = {_script_of(c) for c in word}
        count += max(0, len(scripts) - 1)
    return count


def _acceptable(before: str, after: str) -> bool:
    """A repair must not invent damage: no new U+FFFD, controls or unassigned code
    points, no letters in scripts nobody writes with such bytes, and no word that
    mixes scripts where the text as written did not (``Підписування``: ``П``
    and ``і`` spell ``ϳ`` in UTF-8 bytes, by chance)."""
    if _mixed_words(after) > _mixed_words(before):
        return False
    if after.count("\ufffd") > before.count("\ufffd"):
        return False
    if _controls(after) > _controls(before):
        return False
    if not all(_known_script(c) for c in after if c not in before):
        return False
    return not after.isspace()


def _repair(
    text: str, rs: int, re_: int, run: str, fixed: str, plan: tuple[tuple[str, str], ...]
) -> Repair:
    """A repair of ``text[rs:re_]`` (== ``run``) into ``fixed``, narrowed to what changes."""
    p = 0
    limit = min(len(run), len(fixed))
    while p < limit and run[p] == fixed[p]:
        p += 1
    q = 0
    while q < limit - p and run[-1 - q] == fixed[-1 - q]:
        q += 1
    start, end = rs + p, re_ - q
    repl = fixed[p : len(fixed) - q]
    # Show whole words in messages.
    cs, ce = start, end
    n = len(text)
    while cs > 0 and text[cs - 1].isalnum():
        cs -= 1
    while ce < n and text[ce].isalnum():
        ce += 1
    shown_after = text[cs:start] + repl + text[end:ce]
    return Repair(start, end, text[start:end], repl, plan, run, text[cs:ce], shown_after)


#: What may follow a letter in clean text (closing quotes, dashes, ellipsis, no-break
#: space): as a continuation image right after a lead letter, these prove nothing.
_COMMON_AFTER_LETTER = frozenset("’‘”“»«…–—\u00a0°·•")
_FALLBACK_CODEC = "sloppy-windows-1252"
_FALLBACK_PLAN = (("encode", _FALLBACK_CODEC), ("decode", "utf-8"))


def _chains(spans: Sequence[tuple[int, int]]) -> Iterator[list[tuple[int, int]]]:
    chain: list[tuple[int, int]] = []
    for span in spans:
        if chain and span[0] != chain[-1][1]:
            yield chain
            chain = []
        chain.append(span)
    if chain:
        yield chain


#: Codecs the fallback tries after Windows-1252, when the chain does not even
#: encode to it (``HĂ´pital`` is Windows-1250, ``РґРѕ`` Windows-1251, ``g√¢teaux``
#: MacRoman): each must give back plausible letters.
_OTHER_FALLBACKS = (
    "sloppy-windows-1250",
    "sloppy-windows-1251",
    "macroman",
    "sloppy-windows-1253",
    "sloppy-windows-1254",
    "sloppy-windows-1257",
    "cp437",
)


#: Punctuation another codec's repair may give (``В«`` is ``«`` in Windows-1251).
_PUNCT_REPAIRS = frozenset("«»–—’‘“”„…\u00a0€№")


def _fallback_any(
    text: str, chain: list[tuple[int, int]]
) -> tuple[str, tuple[tuple[str, str], ...]] | None:
    """The strict Windows-1252 repair, else the first other codec giving whole letters."""
    fixed = _fallback(text, chain)
    if fixed is not None:
        return fixed, _FALLBACK_PLAN
    start, end = chain[0][0], chain[-1][1]
    seg = text[start:end]
    try:
        judged: bytes | None = seg.encode(_FALLBACK_CODEC)
    except UnicodeError:
        judged = None
    for codec in _OTHER_FALLBACKS:
        try:
            data = seg.encode(codec)
            if data == judged:
                continue  # the same bytes Windows-1252 gave: already judged (``CAPITÃ’S``)
            fixed = data.decode("utf-8")
        except UnicodeError:
            continue
        if not all(_plausible_repair(c) and (c.isalpha() or c in _PUNCT_REPAIRS) for c in fixed):
            continue
        # Letters only; how sure the repair is, :func:`_grade` decides (a lone
        # ``РІ`` is ``в`` when the rest of the document is Windows-1251 mojibake).
        return fixed, (("encode", codec), ("decode", "utf-8"))
    return None


def _fallback(text: str, chain: list[tuple[int, int]]) -> str | None:
    """Strict Windows-1252 → UTF-8 repair of a chain of hits ftfy found too short to judge.

    ftfy rightly hesitates on a lone ``siÄ™`` or ``ÃŽle``; textsweep accepts the
    repair only with evidence clean text would not show: a lead image that is
    never a letter before such characters (``Ã``, ``Â``…), a continuation image
    that does not follow letters in real text (``™``, ``„``, ``Ž``…), a hit
    inside a word (``cÅ“ur``), or an uppercase lead right after a lowercase letter.
    """
    start, end = chain[0][0], chain[-1][1]
    seg = text[start:end]
    try:
        fixed = seg.encode(_FALLBACK_CODEC).decode("utf-8")
    except UnicodeError:
        return None
    if not all(_plausible_repair(c) for c in fixed):
        return None
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    conts = "".join(text[hs + 1 : he] for hs, he in chain)
    if all(_weak(text, hs, he) for hs, he in chain):
        # Two letters: ``ÓŁ`` and ``Пё`` do not even encode to Windows-1252 and
        # ``PÍŠE`` would give a combining mark; repair only into Latin-1, Latin
        # Extended-A, Greek or Cyrillic letters, inside a word (``ÄŒesko``) or
        # as a whole word (``ÏŽ`` for ``ώ``).
        if not all("\u00a0" <= c <= "\u017f" or "\u0370" <= c <= "\u04ff" for c in fixed):
            return None
        return fixed if after.isalpha() or not before.isalpha() else None
    common = all(c in _COMMON_AFTER_LETTER for c in conts)
    if any(text[hs] in _STRONG_LEADS for hs, _ in chain) and not (common and before.isupper()):
        return fixed  # but ``MAÇÃ…`` is Portuguese before an ellipsis
    if any(c not in _COMMON_AFTER_LETTER for c in conts):
        return fixed
    if any(c in _APOSTROPHES for c in conts):
        # ``Ç’a`` is an elision (it would give Pinyin ``ǒ``), ``CAPITÃ’A`` Portuguese
        # before an apostrophe; ``Å’dipe`` at the start of a word gives ``Œ``.
        latin = all("\u00a0" <= c <= "\u017f" for c in fixed)
        return fixed if latin and after.isalpha() and not before.isalpha() else None
    if after.isalpha():
        return fixed
    if before.islower() and text[start].isupper():
        return fixed
    return None


_APOSTROPHES = frozenset("’‘·")
#: Where characters repaired by the fallback may lie: Latin, Greek, Cyrillic,
#: general punctuation, currency and letterlike symbols. A "repair" into NKo or
#: IPA is a coincidence of bytes, not lost text.
_REPAIR_RANGES = ((0x00A0, 0x024F), (0x0370, 0x04FF), (0x1E00, 0x1EFF), (0x2010, 0x20CF))


def _plausible_repair(ch: str) -> bool:
    o = ord(ch)
    return any(lo <= o <= hi for lo, hi in _REPAIR_RANGES) or ch in "™№"


def _shortest(
    run: str, fixed: str, plan: tuple[tuple[str, str], ...]
) -> tuple[str, tuple[tuple[str, str], ...]]:
    """Stop ftfy's plan at the first decode that leaves nothing suspect.

    ftfy may read ``œà`` (already repaired from ``Å“Ã\u00a0``) as MacRoman
    mojibake of ``ψ`` and go on; a step that yields clean text is where the
    damage ends.
    """
    from ftfy import fixes

    if sum(1 for step, _ in plan if step == "decode") < 2:
        return fixed, plan
    value: Any = run
    for i, (step, arg) in enumerate(plan):
        try:
            if step == "encode":
                value = value.encode(arg)
            elif step == "decode":
                value = value.decode(arg)
            else:
                value = getattr(fixes, arg)(value)
        except Exception:  # noqa: BLE001  (keep ftfy's own answer)
            return fixed, plan
        if step == "decode" and i + 1 < len(plan) and isinstance(value, str) and not hits(value):
            return value, plan[: i + 1]
    return fixed, plan


@lru_cache(maxsize=4096)
def _judge(run: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """ftfy's repair of one token and its plan (memoised: words repeat)."""
    try:
        result = _ftfy().fix_encoding_and_explain(run)
    except Exception:  # noqa: BLE001  (ftfy must never take the linter down)
        return run, ()
    plan = tuple((str(a), str(b)) for a, b in (result.explanation or ()))
    return _shortest(run, result.text, plan)


_UNSEEN_CHAR = re.compile(f"[{_UNSEEN}]")


#: The same characters as a set (see :func:`.document.block_holds_any`).
_UNSEEN_SET = char_set(_UNSEEN)


def _block_unseen_fn(text: str) -> tuple[int, ...]:
    if not block_holds_any(text, _UNSEEN_SET):
        return ()  # most blocks: no scan of their text
    return tuple(m.start() for m in _UNSEEN_CHAR.finditer(text))


_block_unseen = TextMemo(_block_unseen_fn, max_chars=4_000_000, max_entries=16384)


def _unseen(text: str) -> list[int]:
    """Offsets of the characters :func:`find` reads through, in order. A long text
    is scanned block by block, memoised: three regex passes over 1 MB (search,
    finditer, sub) cost a keystroke 25 ms, the memo lookups well under one."""
    from ..structure._spans import MAX_MEMO_TEXT, per_block

    if len(text) <= _HITS_AT_ONCE or len(text) > MAX_MEMO_TEXT:
        return [m.start() for m in _UNSEEN_CHAR.finditer(text)]
    return per_block(text, _block_unseen, operator.add)


def find(text: str) -> list[Repair]:
    """Every mojibake span in ``text`` that can be repaired, in order.

    Invisible characters, bidi and removed controls are read through, as other
    fixes delete them: ``Â \u200b sécurité`` is judged as ``Â  sécurité`` would be,
    whichever fix runs first. A repair spanning one drops it."""
    if text.isascii():
        return []
    gone = _unseen(text)
    if not gone:
        return _find(text)
    # the view position each removed character would have had, to map back
    at_view = [g - j for j, g in enumerate(gone)]

    def orig(v: int) -> int:
        return v + bisect.bisect_right(at_view, v)

    out: list[Repair] = []
    view = "".join(text[a + 1 : b] for a, b in zip([-1, *gone], [*gone, len(text)], strict=True))
    for r in _find(view):
        start, end = orig(r.start), orig(r.end - 1) + 1
        out.append(replace(r, start=start, end=end, original=text[start:end]))
    return out


def _find(text: str) -> list[Repair]:
    """:func:`find` on a text without invisible characters."""
    if text.isascii():
        return []
    found = hits(text)
    if not found:
        return legacy_repairs(text)
    _ftfy()  # the repairs below encode with its sloppy-windows-* codecs
    out: list[Repair] = []
    # Hits are sorted by start: each run's hits are found by bisection, not by
    # a walk over all of them (quadratic on a file of short broken words).
    starts = [h[0] for h in found]

    quiet: set[int] = set()
    for rs, re_ in _runs(text, found):
        run = text[rs:re_]
        fixed, plan = _judge(run)
        if fixed != run and plan and _acceptable(run, fixed):
            rep = _repair(text, rs, re_, run, fixed, plan)
            if not _in_drawing(text, rep.start, rep.end):
                out.append(rep)
            continue
        lo, hi = bisect.bisect_left(starts, rs), bisect.bisect_left(starts, re_)
        inside = [h for h in found[lo:hi] if h[1] <= re_]
        for chain in _chains(inside):
            got = _fallback_any(text, chain)
            if got is None:
                continue
            cs, ce = chain[0][0], chain[-1][1]
            if _in_drawing(text, cs, ce):
                continue
            if not _acceptable(run, text[rs:cs] + got[0] + text[ce:re_]):
                continue
            rep = _repair(text, cs, ce, text[cs:ce], got[0], got[1])
            in_word = cs > 0 and text[cs - 1].isalpha() and ce < len(text) and text[ce].isalpha()
            if got[1] != _FALLBACK_PLAN and (
                not in_word or _intact_letter_beside(text, cs, ce, starts, found)
            ):
                quiet.add(rep.start)
            out.append(rep)
    # Other codecs' letter pairs (``С»``, ``Её`` in clean Russian) are not even
    # offered unless the document confirms them.
    out = [r for r in _grade(text, out, found) if r.safe or r.start not in quiet]
    taken = [(r.start, r.end) for r in out]
    for rep in legacy_repairs(text):
        if not any(s < rep.end and rep.start < e for s, e in taken):
            out.append(rep)
    out.sort(key=lambda r: r.start)
    return out


def _drawn(ch: str) -> bool:
    """A box-drawing character or block element (U+2500–U+259F)."""
    return "\u2500" <= ch <= "\u259f"


def _in_drawing(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` box drawing inside a drawing? ``─┐`` is the DOS
    (code page 437) image of the UTF-8 bytes of ``Ŀ``, and the corner of every
    table drawn with box characters (``┌────┐``). Mojibake of a word (``gr├╝n``)
    sits between letters; a corner or a junction touches another line of the box."""
    if not all(_drawn(c) for c in text[start:end]):
        return False
    return (start > 0 and _drawn(text[start - 1])) or (end < len(text) and _drawn(text[end]))


def _intact_letter_beside(
    text: str, cs: int, ce: int, starts: list[int], found: Sequence[tuple[int, int]]
) -> bool:
    """The word around ``text[cs:ce]`` holds a non-ASCII letter outside every hit.

    Misread as Windows-1251 (or 1253), every Cyrillic (Greek) letter of a word
    turns into two characters; a word whose other letters are intact (``САНКТ’Ёлка``,
    Ukrainian ``ПІР’Я``) was written as it reads, and ``Т’`` is a letter and an
    apostrophe, not ``Ғ``."""
    lo = cs
    while lo > 0 and text[lo - 1].isalpha():
        lo -= 1
    hi = ce
    while hi < len(text) and text[hi].isalpha():
        hi += 1
    i = bisect.bisect_right(starts, lo) - 1
    covered: set[int] = set()
    for hs, he in found[max(i, 0) :]:
        if hs >= hi:
            break
        covered.update(range(hs, he))
    return any(not text[k].isascii() and k not in covered for k in (*range(lo, cs), *range(ce, hi)))


# --------------------------------------------------------------------------- how sure


def _family(codec: str) -> str:
    """ftfy says ``latin-1`` or ``sloppy-windows-1252`` for the same mistake."""
    if codec in ("latin-1", "sloppy-windows-1252", "windows-1252", "cp1252"):
        return "cp1252"
    return codec.replace("sloppy-", "")


def first_codec(rep: Repair) -> str:
    """The family of the first codec the repair undoes ("" when none is named)."""
    for step, codec in rep.plan:
        if step == "encode":
            return _family(codec)
    return "cp1252" if rep.plan else ""


#: Continuation images that real text puts right after a letter: an apostrophe
#: (``Ã’s``), a trademark sign (``AHÅ™``), closing quotes, dashes, a no-break space.
_AFTER_A_WORD = _COMMON_AFTER_LETTER | _APOSTROPHES | frozenset("™®©\u00a0 ")


#: Punctuation that may end a word written in capitals (``MAÇÃ…``, ``IRMÔ``).
_PUNCT_AFTER_A_WORD = frozenset("’‘”“»«…–—·")


def _is_letter(ch: str) -> bool:
    """A letter of a word (``ˇ`` and ``ª`` are modifier or ordinal signs)."""
    return unicodedata.category(ch) in ("Lu", "Ll", "Lt", "Lo") and ch not in "ªº"


def _strong_hit(text: str, hs: int, he: int) -> bool:
    """One lead+continuation image that clean text (almost) never shows."""
    seq = text[hs:he]
    if he - hs >= 3:
        return True  # ``â€™``: three characters in a row that spell one UTF-8 letter
    if any("\x80" <= c <= "\x9f" for c in seq):
        return True  # a C1 control is never text
    lead, cont = seq[0], seq[1:]
    before = text[hs - 1] if hs else ""
    after = text[he] if he < len(text) else ""
    if not lead.isalpha():
        # ``g√¢teaux``, ``pi√π``: a symbol glued to a word; ``√†`` (MacRoman
        # ``à``): two symbols no text writes together. ``√π`` alone is maths.
        return before.isalpha() or not cont[0].isalnum()
    if cont[0] == "\u00a0" and lead in "ÃÂ" and not before.isupper():
        return True  # ``giÃ\u00a0``, ``(facultative) Ã\u00a0 expliquer``: ``à``
    western = "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝĂÐ"  # letters that end words
    if (cont[0] in _APOSTROPHES and lead in western) or cont[0] in "\u00a0 ":
        return False  # ``Ã’s``, ``MISUTÂ\u00a0AJIKKO``: real text writes these
    sign = not _is_letter(cont[0])
    if before.islower() and lead.isupper() and sign:
        return True  # a capital then a sign after lowercase letters: ``cafÃ©``, ``opcjÄ™``
    odd_cont = sign or cont[0] in "ƒŠŒŽšœžŸªµº"
    ends_words = lead in western and cont[0] in _PUNCT_AFTER_A_WORD  # ``MAÇÃ…``
    if odd_cont and (lead == "Â" or (lead in _STRONG_LEADS and not ends_words)):
        # Portuguese puts letters, spaces or apostrophes after ``Ã``, never
        # ``ƒ``, ``©`` or ``«`` (``IRMÃƒ``, ``NoÃ«l``, ``Ã©t``).
        return True
    if cont[0] in _AFTER_A_WORD:
        return False
    if cont[0].isalpha():
        return False  # two letters: ``ÓŁ`` is a word
    # A letter then a symbol inside a word (``HĂ´pital``), or a capital and a
    # symbol after lowercase letters (``cafÃ©``).
    return (before.isalpha() and after.isalpha()) or (before.islower() and lead.isupper())


def _codecs_of(rep: Repair) -> set[str]:
    """Every codec family that explains the repair (``Ä‡`` is ``ć`` in Windows-1252
    and in Windows-1250 alike: it agrees with ``ĹĽ`` for ``ż``)."""
    out = {first_codec(rep)}
    for codec in _CODECS:
        try:
            if rep.original.encode(codec).decode("utf-8") == rep.repaired:
                out.add(_family(codec))
        except UnicodeError:
            continue
    return out


def _written_elsewhere(text: str, rep: Repair) -> bool:
    """The repaired word (with a repaired letter in it) is written intact elsewhere."""
    word = rep.context_after.strip()
    if not rep.repaired.strip() or len(word) < 2 or not any(c.isalpha() for c in rep.repaired):
        return False
    lo = max(0, rep.start - len(rep.context_before))
    hi = rep.end + len(rep.context_before)
    pattern = re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)", re.IGNORECASE)
    return bool(pattern.search(text, 0, lo) or pattern.search(text, hi))


def _grade(text: str, repairs: list[Repair], found: Sequence[tuple[int, int]]) -> list[Repair]:
    """Mark as safe only the repairs that are clearly more plausible than the text.

    A repair is sure on its own when its span holds two images or more (``dÃ©pÃ´t``)
    or one no clean text shows (:func:`_strong_hit`). A weaker one (``Ã’s``,
    ``SELKÄ\u00a0``, a lone ``Ã `` before a space) becomes safe when a sure repair
    elsewhere in the document undid the same codec, or when its repaired word is
    written elsewhere in the document; otherwise it is only offered.
    """
    if not repairs:
        return repairs
    starts = [h[0] for h in found]
    sure: list[bool] = []
    for rep in repairs:
        lo = bisect.bisect_left(starts, rep.start)
        hi = bisect.bisect_left(starts, rep.end)
        inside = [h for h in found[lo:hi] if h[1] <= rep.end]
        if not inside:
            # ftfy's span may start before the hit it repaired (it trims to the change).
            inside = [h for h in found if h[0] < rep.end and h[1] > rep.start]
        sure.append(len(inside) >= 2 or any(_strong_hit(text, hs, he) for hs, he in inside))
    agreed: set[str] = set()
    for rep, ok in zip(repairs, sure, strict=True):
        if ok:
            agreed |= _codecs_of(rep)
    grades: list[bool] = []
    leaning: set[str] = set()
    for rep, ok in zip(repairs, sure, strict=True):
        if not ok:
            ok = _written_elsewhere(text, rep)
            if not ok and first_codec(rep) in agreed:
                ok = True
                leaning.add(first_codec(rep))
        grades.append(ok)
    out: list[Repair] = []
    for rep, ok, alone in zip(repairs, grades, sure, strict=True):
        if alone and leaning & _codecs_of(rep):
            # Weaker repairs lean on this one: repaired first, it would take their
            # evidence away, and the result would depend on the order of the
            # quick fixes. It waits (offered, not safe) until they are repaired.
            ok = False
        out.append(rep if ok == rep.safe else replace(rep, safe=ok))
    return out


# --------------------------------------------------------------------------- 8-bit misreads

#: Windows-1252 images of bytes 0x80–0x9F that do not sit between two letters in
#: clean text (``d‚p“t`` is DOS ``dépôt``, ``dŽp™t`` MacRoman ``dépôt``), and
#: capitals that do not follow a lowercase letter. Apostrophes, ``œ``, ``š`` and
#: dashes are left out: ``l’été``, ``cœur``, ``Škoda``, ``well—known`` are text.
_VOTERS = frozenset("‚„†‡ˆ‰‹›“”•˜™")
_CAPITAL_VOTERS = frozenset("ŠŽŒŸ")
#: Codecs whose letters Windows-1252 (or Latin-1, for C1 controls) shows as those.
LEGACY_CODECS = ("mac-roman", "cp850")
_LEGACY_NAMES = {
    "mac-roman": "MacRoman",
    "cp850": "DOS code page 850/437",
    "cp1252": "Windows-1252",
}


def legacy_name(codec: str) -> str:
    """How messages name a reading of bytes 0x80–0x9F."""
    return _LEGACY_NAMES.get(codec, codec)


def _byte(ch: str) -> int | None:
    """The byte 0x80–0x9F that Windows-1252 or Latin-1 shows as ``ch``."""
    if "\x80" <= ch <= "\x9f":
        return ord(ch)
    try:
        b = ch.encode("cp1252")
    except UnicodeEncodeError:
        return None
    return b[0] if len(b) == 1 and 0x80 <= b[0] <= 0x9F else None


def letter_in(codec: str, b: int, before: str) -> str | None:
    """``b`` read in ``codec``, when it is a letter fitting after ``before``."""
    try:
        ch = bytes([b]).decode(codec)
    except UnicodeDecodeError:
        return None
    if not ch.isalpha() or (before.islower() and ch.isupper()):
        return None
    return ch


def legacy_votes(text: str) -> dict[str, int]:
    """How many characters point at each reading of bytes 0x80–0x9F.

    A C1 control outside a word whose Windows-1252 meaning is punctuation
    (``\x85`` for ``…``) votes Windows-1252, and so does one between letters that
    Windows-1252 reads as an apostrophe (``l\x92admettre``). A character between
    letters that only MacRoman or the DOS code page make a letter of votes for
    those (``tur\x92stico``: MacRoman ``í``).

    A vote reads one character and its two neighbours, so a long text is counted
    block by block, each block's votes memoised (see :func:`hits`).
    """
    from ..structure._spans import MAX_MEMO_TEXT, map_blocks

    if _HITS_AT_ONCE < len(text) <= MAX_MEMO_TEXT:
        total: dict[str, int] = {}
        for votes in map_blocks(text, _block_votes):
            for codec, count in votes:
                total[codec] = total.get(codec, 0) + count
        return total
    return dict(_votes(text))


def _votes(text: str) -> tuple[tuple[str, int], ...]:
    votes: dict[str, int] = {}
    n = len(text)
    for m in _SPECIAL.finditer(text):
        i = m.start()
        ch = text[i]
        before = text[i - 1] if i else ""
        after = text[i + 1] if i + 1 < n else ""
        b = _byte(ch)
        if b is None or _continues_an_image(text, i):
            continue
        inside = before.isalpha() and after.isalpha()
        if "\x80" <= ch <= "\x9f":
            try:
                meant = bytes([b]).decode("cp1252")
            except UnicodeDecodeError:
                meant = ""
            if (meant and not inside and not meant.isalpha()) or (inside and meant in _APOSTROPHES):
                votes["cp1252"] = votes.get("cp1252", 0) + 1
        elif ch in _CAPITAL_VOTERS and not (
            before.islower() and after.islower() and after.lower() != ch.lower()
        ):
            continue  # ``SsŠšTt`` is an alphabet, ``dŽp`` is not
        if not inside:
            continue
        for codec in LEGACY_CODECS:
            if letter_in(codec, b, before):
                votes[codec] = votes.get(codec, 0) + 1
    return tuple(votes.items())


def _continues_an_image(text: str, i: int) -> bool:
    """``text[i]`` is a continuation of a UTF-8 image (the ``\x89`` of ``Ã\x89``,
    ``É`` read as Latin-1): a byte of a letter the mojibake rule repairs, no vote
    for a reading of bytes 0x80–0x9F. Counted, it tied the votes for Windows-1252
    while both stood and made MacRoman win once a ``\x85`` was repaired."""
    return any(_confirm(text, j) > i for j in range(max(0, i - 3), i))


def _block_votes_fn(text: str) -> tuple[tuple[str, int], ...]:
    """:func:`_votes` of one block; most blocks hold no character it looks at."""
    return _votes(text) if block_holds_any(text, _SPECIAL_SET) else ()


_block_votes = TextMemo(_block_votes_fn, max_chars=4_000_000, max_entries=16384)


def legacy_decision(text: str) -> str | None:
    """The reading of bytes 0x80–0x9F the document agrees on, or None when unsure.

    Two votes at least, and more than any other reading.
    """
    votes = legacy_votes(text)
    if not votes:
        return None
    ranked = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))
    best, count = ranked[0]
    if count < 2 or (len(ranked) > 1 and ranked[1][1] >= count):
        return None
    return best


_SPECIAL_CLASS = "\x80-\x9f‚„†‡ˆ‰‹›“”•˜™ŠŽŒŸ"
_SPECIAL = re.compile(f"[{_SPECIAL_CLASS}]")
_SPECIAL_SET = char_set(_SPECIAL_CLASS)
#: What :func:`legacy_repairs` re-reads inside a word (dashes too, once decided).
_REREAD = re.compile("[\\x80-\\x9f‚„†‡ˆ‰‹›“”•˜™ŠŽŒŸ–—]")


def legacy_repairs(text: str) -> list[Repair]:
    """Words written in MacRoman or a DOS code page and read as Windows-1252.

    Only when the document agrees on that codec (:func:`legacy_decision`); each
    such word is re-read whole, and kept only when every such character becomes
    a letter. Always safe: two characters at least agreed on the codec.
    """
    if text.isascii():
        return []
    codec = legacy_decision(text)
    if codec is None or codec == "cp1252":
        return []
    out: list[Repair] = []
    plan = (("encode", "sloppy-windows-1252"), ("decode", codec))
    n = len(text)
    last_end = -1
    for m in _REREAD.finditer(text):
        if m.start() < last_end:
            continue
        ws, we = m.start(), m.end()
        while ws > 0 and text[ws - 1].isalpha():
            ws -= 1
        while we < n and (text[we].isalpha() or _REREAD.match(text, we)):
            we += 1
        last_end = we
        word = text[ws:we]
        letters = []
        ok = True
        changed = False
        for ch in word:
            b = _byte(ch) if _REREAD.match(ch) else None
            if b is None:
                letters.append(ch)
                continue
            prev = letters[-1] if letters else ""
            got = letter_in(codec, b, prev)
            if got is None or not prev.isalpha():
                ok = False
                break
            letters.append(got)
            changed = True
        if not ok or not changed:
            continue
        out.append(_repair(text, ws, we, word, "".join(letters), plan))
    return out


# --------------------------------------------------------------------------- explaining

_CODEC_NAMES = {
    "latin-1": "ISO-8859-1 (Latin-1)",
    "sloppy-windows-1252": "Windows-1252",
    "sloppy-windows-1250": "Windows-1250",
    "sloppy-windows-1251": "Windows-1251",
    "sloppy-windows-1253": "Windows-1253",
    "sloppy-windows-1254": "Windows-1254",
    "sloppy-windows-1257": "Windows-1257",
    "iso-8859-2": "ISO-8859-2",
    "macroman": "MacRoman",
    "cp437": "IBM437 (DOS)",
    "utf-8": "UTF-8",
    "utf-8-variants": "UTF-8 (with CESU-8 and Java variants)",
}

_TRANSCODES = {
    "restore_byte_a0": "put back the no-break space byte (A0) that had become a plain space",
    "replace_lossy_sequences": "mark bytes that were lost for good",
    "fix_c1_controls": "read C1 control characters as Windows-1252",
    "decode_inconsistent_utf8": "decode the UTF-8 pieces inside otherwise correct text",
}


def codec_display(codec: str, span: str = "") -> str:
    """How a message names the codec ftfy undid.

    ftfy says ``latin-1`` whenever the bytes fit it, but without C1 controls in
    the span the usual culprit is Windows-1252, which agrees with Latin-1 there.
    """
    if codec == "latin-1" and not any("\x80" <= c <= "\x9f" for c in span):
        return "Windows-1252"
    return _CODEC_NAMES.get(codec, codec)


def summary(repair: Repair) -> str:
    """``UTF-8 bytes decoded as Windows-1252`` (or ``… twice: …``)."""
    decodes = [codec for step, codec in repair.plan if step == "decode"]
    if decodes and decodes[-1] in LEGACY_CODECS:
        return f"{_LEGACY_NAMES[decodes[-1]]} bytes decoded as Windows-1252"
    encodes = [codec for step, codec in repair.plan if step == "encode"]
    if not encodes:
        if any(c == "decode_inconsistent_utf8" for _, c in repair.plan):
            return "UTF-8 bytes decoded as Windows-1252"
        return "Text decoded with the wrong encoding"
    names = [codec_display(c, repair.original) for c in encodes]
    if len(names) == 1:
        return f"UTF-8 bytes decoded as {names[0]}"
    times = {2: "twice", 3: "three times"}.get(len(names), f"{len(names)} times")
    if len(set(names)) == 1:
        return f"UTF-8 bytes decoded as {names[0]} {times}"
    return f"UTF-8 bytes decoded wrongly {times}: as " + ", then as ".join(names)


def _hex(data: bytes, limit: int = 24) -> str:
    shown = " ".join(f"{b:02X}" for b in data[:limit])
    return shown + (" …" if len(data) > limit else "")


def visible(s: str) -> str:
    """Controls shown as ``⟨U+0089⟩`` so messages never carry invisible bytes."""
    return "".join(
        f"⟨U+{ord(c):04X}⟩" if (c < " " and c not in "\t") or "\x7f" <= c <= "\x9f" else c
        for c in s
    )


def _short(s: str, limit: int = 40) -> str:
    return visible(s if len(s) <= limit else s[:limit] + "…")


def explain(repair: Repair) -> str:
    """ftfy's plan step by step with the intermediate values, for hovers."""
    return _explain(repair.run, repair.original, repair.plan)


@lru_cache(maxsize=4096)
def _explain(run: str, original: str, plan: tuple[tuple[str, str], ...]) -> str:
    from ftfy import fixes

    who = "textsweep's strict check" if plan == _FALLBACK_PLAN else "ftfy's plan"
    lines = [f"Repair of `{_short(run)}` ({who}):"]
    value: Any = run
    for i, (step, arg) in enumerate(plan, 1):
        try:
            if step == "encode":
                value = value.encode(arg)
                lines.append(f"{i}. encode as {codec_display(arg, original)}: {_hex(value)}")
            elif step == "decode":
                value = value.decode(arg)
                lines.append(f"{i}. decode as {_CODEC_NAMES.get(arg, arg)}: `{_short(value)}`")
            elif step in ("transcode", "apply"):
                value = getattr(fixes, arg)(value)
                what = _TRANSCODES.get(arg, arg.replace("_", " "))
                shown = _hex(value) if isinstance(value, bytes) else f"`{_short(value)}`"
                lines.append(f"{i}. {what}: {shown}")
            else:
                lines.append(f"{i}. {step} {arg}")
        except Exception:  # noqa: BLE001  (the hover is best effort)
            lines.append(f"{i}. {step} {arg}")
    return "\n".join(lines)
