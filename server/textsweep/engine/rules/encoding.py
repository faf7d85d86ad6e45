"""Encoding rules: mojibake, C1 controls, lost bytes (U+FFFD) and the file's own encoding."""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from .. import textio
from ..chars import describe, visible_neighbour
from ..config import Config
from ..document import Document
from ..encoding import (
    FileEncoding,
    LossyDecodeError,
    decode_as,
    decode_lines,
    display_name,
    inspect_bytes,
    refusal,
    split_lines,
)
from ..encoding import mojibake as mj
from ..encoding.options import EncodingOptions
from ..encoding.scan import mojibake_repairs, rare_runs_of
from ..entities import ENTITY, entity_ending_at, unescape
from ..model import Finding, Fix, FixPurpose, Severity
from ..options import options_of
from ..regions import in_quoted_code
from ..registry import Example, Rule, clean, get_rule, rule

FAMILY = "encoding"

#: The C1 controls, U+0080–U+009F: bytes 0x80–0x9F read as Latin-1.
C1_CONTROLS = frozenset(map(chr, range(0x80, 0xA0)))


# --------------------------------------------------------------------------- shared views


#: The last few ``raw`` objects inspected: an edited document keeps the same bytes
#: object until it is saved, so detection runs once per file version, not per edit.
_INSPECTED: list[tuple[bytes, FileEncoding, str]] = []
_INSPECTED_MAX = 8


def _inspect(raw: bytes) -> tuple[FileEncoding, str]:
    """``inspect_bytes(raw)`` and the text an editor shows for ``raw``, memoised."""
    for seen, info, shown in _INSPECTED:
        if seen is raw:
            return info, shown
    info = inspect_bytes(raw)
    shown = textio.decode(raw) if not (info.is_utf8 and info.bom is None) else ""
    _INSPECTED.append((raw, info, shown))
    del _INSPECTED[:-_INSPECTED_MAX]
    return info, shown


@dataclass(frozen=True)
class FileState:
    """What the encoding rules know about the file behind a document."""

    info: FileEncoding
    #: The editor still shows what ``textio.decode(raw)`` gives (not edited since).
    fresh: bool
    #: Whole-document reload fixes (single-encoding files).
    reloads: tuple[Fix, ...]
    #: Per-line fixes for mixed files, by 0-based line.
    line_fixes: dict[int, Fix]
    #: Whole-document fix converting every bad line (mixed files).
    all_lines_fix: Fix | None


def file_state(doc: Document, config: Config) -> FileState | None:
    """``None`` unless the document has bytes on disk that are not plain UTF-8."""
    raw = doc.raw
    if raw is None:
        return None
    info, shown = _inspect(raw)
    if info.is_utf8 and info.bom is None:
        return None
    candidates = options_of(config.options, EncodingOptions, FAMILY).reload_candidates
    key = f"encoding.file_state.{candidates}"
    return doc.cached(key, lambda d: _build_state(d, raw, info, shown, config))


def _build_state(
    doc: Document, raw: bytes, info: FileEncoding, shown: str, config: Config
) -> FileState:
    fresh = shown == doc.text
    reloads: list[Fix] = []
    line_fixes: dict[int, Fix] = {}
    all_lines: Fix | None = None
    if info.is_utf8:
        return FileState(info, fresh, (), {}, None)
    if info.bom is not None and info.bom != "utf-8":
        # A UTF-16/32 file the editor decoded as UTF-8 (NULs and U+FFFD throughout).
        if _misread(doc, raw) and info.candidates and info.candidates[0].lossless:
            try:
                text = decode_as(raw, info.bom)
            except LossyDecodeError:
                return FileState(info, fresh, (), {}, None)
            name = display_name(info.candidates[0].encoding)
            reload = Fix(
                0, len(doc.text), text, f"Reload as {name}", safe=False, purpose=FixPurpose.RELOAD
            )
            return FileState(info, True, (reload,), {}, None)
        return FileState(info, fresh, (), {}, None)
    opts = options_of(config.options, EncodingOptions, FAMILY)
    if info.is_mixed:
        best = info.usable[0].encoding if info.usable else None
        if best is not None:
            line_fixes = _line_fixes(doc, raw, info, best)
            if fresh:
                try:
                    text = decode_lines(raw, best, info.bad_lines)
                    n = len(info.bad_lines)
                    all_lines = Fix(
                        0,
                        len(doc.text),
                        text,
                        f"Reload the {n} non-UTF-8 line{'s' if n != 1 else ''} "
                        f"as {display_name(best)}",
                        safe=False,
                        purpose=FixPurpose.RELOAD,
                    )
                except LossyDecodeError:
                    all_lines = None
        return FileState(info, fresh, (), line_fixes, all_lines)
    if fresh:
        # Undecided readings are offered too: the reader sees the text and chooses.
        for cand in (info.usable or info.plausible)[: opts.reload_candidates]:
            if reloads and cand.confidence < 0.05:
                break
            try:
                text = decode_as(raw, cand.encoding)
            except LossyDecodeError:
                continue
            reloads.append(
                Fix(
                    0,
                    len(doc.text),
                    text,
                    f"Reload as {display_name(cand.encoding)}",
                    safe=False,
                    purpose=FixPurpose.RELOAD,
                )
            )
    return FileState(info, fresh, tuple(reloads), line_fixes, all_lines)


def _misread(doc: Document, raw: bytes) -> bool:
    """The editor shows ``raw`` decoded as UTF-8 with replacement characters."""
    return doc.text == raw.decode("utf-8", errors="replace")


def foreign_bytes(doc: Document, config: Config) -> bool:
    """The document is the editor's misreading of bytes in another encoding.

    Its U+FFFD and NULs are artefacts of that reading: the reload action is the
    repair, and no other fix may touch the text (saving it would write the
    artefacts over the bytes).
    """
    if doc.raw is None:
        return False
    state = file_state(doc, config)
    if state is None or state.info.is_utf8:
        return False
    return _misread(doc, doc.raw)


def only_reloads_if_foreign(
    doc: Document, config: Config, findings: list[Finding]
) -> list[Finding]:
    """``findings`` with every fix but the reload actions dropped on a misread document."""
    if doc.raw is None or not findings or not foreign_bytes(doc, config):
        return findings
    out = []
    for f in findings:
        keep = tuple(x for x in f.fixes if x.purpose is FixPurpose.RELOAD or f.rule in _RELOADERS)
        out.append(f if len(keep) == len(f.fixes) else f._replace(fixes=keep))
    return out


#: Rules whose fixes are the reload actions (whole-document or per-line reloads).
_RELOADERS = frozenset({"file-encoding", "replacement-character"})


def _line_fixes(doc: Document, raw: bytes, info: FileEncoding, enc: str) -> dict[int, Fix]:
    """A fix per bad line whose editor text is still what the disk bytes show."""
    body = raw[3:] if info.bom == "utf-8" else raw
    lines = split_lines(body)
    out: dict[int, Fix] = {}
    if len(lines) != doc.line_count:
        return out
    for i in info.bad_lines:
        start, content_end, _ = lines[i]
        chunk = body[start:content_end]
        s, e = doc.line_span(i)
        if doc.text[s:e] != chunk.decode("utf-8", errors="replace"):
            continue
        try:
            text = decode_as(chunk, enc)
        except LossyDecodeError:
            continue
        out[i] = Fix(s, e, text, f"Reload this line as {display_name(enc)}", safe=False)
    return out


# --------------------------------------------------------------------------- mojibake


@rule(
    "mojibake",
    cheap=True,
    options=EncodingOptions,
    family=FAMILY,
    severity=Severity.WARNING,
    description="Text that went through the wrong codec (mojibake): `dÃ©pÃ´t` for `dépôt`.",
    explanation="""
UTF-8 bytes read as Windows-1252, Latin-1, MacRoman or another single-byte
encoding turn every accented letter into two or three odd characters, sometimes
twice over (`insÃƒÂ¨re`). A fast pre-filter looks for the image of a UTF-8 lead
byte followed by the images of its continuation bytes; only those words are
handed to ftfy, which repairs them. The finding covers the broken span, names
what happened, and the hover shows ftfy's plan step by step. Correct text in any
language is left alone. A repair is applied by fix-all only with evidence: two
broken characters in the span, one that clean text never shows, the same codec
undone elsewhere in the document, or the repaired word written elsewhere. A lone
look-alike (`Ã’s`, `SELKÄ EDELLÄ`) is offered as a guess, never applied unread.
Words written in MacRoman or a DOS code page and read as Windows-1252 (`dŽp™t`)
are re-read when two characters agree on the codec.""",
    examples=[
        Example("Le dÃ©pÃ´t est prÃªt.\n", "Le dépôt est prêt.\n"),
        Example("It doesnâ€™t work.\n", "It doesn’t work.\n"),
        Example("Un Ã©tÃ© trÃ¨s chaud, un Ã©tÃ©.\n", "Un été très chaud, un été.\n"),
        Example(
            "Il insÃƒÂ¨re la clÃ©.\n",
            "Il insère la clé.\n",
            note="mangled twice: UTF-8 read as Windows-1252, then again",
        ),
        Example(
            "L'été, le dÃ©pÃ´t ferme.\n",
            "L'été, le dépôt ferme.\n",
            note="a correct é and a broken Ã© on one line",
        ),
        Example("Caf√© au lait\n", "Café au lait\n", note="UTF-8 read as MacRoman"),
        Example("Ã\x89dition spÃ©ciale\n", "Édition spéciale\n", note="read as Latin-1"),
        clean("Le dépôt de l’été : « Hélène » a payé 12,50\u00a0€ à Noël — très cher…\n"),
        clean("CAFÉ\u00a0! s’écria-t-elle\u00a0; « l’ÉTÉ\u00a0», dit-il.\n"),
        clean("Straße, naïve café, Ångström, São Paulo, IRMÃ E MAÇÃ.\n"),
        clean("He said “déjà vu” — twice… It costs £5 or ¥600.\n"),
        Example(
            "Accents appear as sequences like “Ã©” or “Ã¨”: UTF-8 read as Latin-1.\n",
            "Accents appear as sequences like “Ã©” or “Ã¨”: UTF-8 read as Latin-1.\n",
            note="one broken character quoted alone: a mention as often as damage, "
            "offered but not applied",
        ),
    ],
)
def mojibake(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    opts = options_of(config.options, EncodingOptions, FAMILY)
    if doc.language_id in opts.mojibake_skip_languages:
        return
    if foreign_bytes(doc, config):
        return  # the reload action is the repair: see file-encoding
    # the structure of a document over maxFileSize is not computed (cheap checks)
    structured = doc.is_prose and len(doc.text) <= config.max_file_size
    for rep in mojibake_repairs(doc):
        what = mj.summary(rep)
        before = mj.visible(rep.context_before)
        # a document's code blocks and spans show mojibake on purpose (ftfy's README,
        # this project's): offered there, never repaired unread
        in_code = structured and in_quoted_code(doc, rep.start, rep.end)
        mention = _quoted_mention(doc.text, rep.start, rep.end, rep.repaired)
        if rep.safe and not in_code and not mention:
            yield r.finding(
                rep.start,
                rep.end,
                f"{what}: `{before}` → `{rep.context_after}`",
                [Fix(rep.start, rep.end, rep.repaired, f"Repair as `{rep.context_after}`")],
                detail=mj.explain(rep),
                data={"plan": [list(step) for step in rep.plan], "safe": True},
            )
            continue
        # A look-alike is as likely (``Ã’s``, ``SELKÄ\u00a0EDELLÄ``): offer, never apply.
        # In a document's code, an example (ftfy's README) is as likely as damage.
        why = (
            "In code: an example, or damage"
            if in_code
            else "Quoted alone: a mention of mojibake, or damage"
            if mention
            else "Nothing else in the document confirms it"
        )
        yield r.finding(
            rep.start,
            rep.end,
            f"Possibly {what}: `{before}` → `{rep.context_after}`? {why}",
            [
                Fix(
                    rep.start,
                    rep.end,
                    rep.repaired,
                    f"Repair as `{rep.context_after}` (a guess)",
                    safe=False,
                )
            ],
            severity=Severity.INFO,
            detail=mj.explain(rep),
            data={"plan": [list(step) for step in rep.plan], "safe": False},
        )


#: Quotation marks that may open or close a quotation of one character.
_OPENING_QUOTES = frozenset("“„«‹\"'‘「『")
_CLOSING_QUOTES = frozenset("”“»›\"'’」』")
_QUOTE_BLANKS = " \u00a0\u202f"


def _quoted_mention(text: str, start: int, end: int, repaired: str) -> bool:
    """Is ``text[start:end]`` the image of one character between quotation marks,
    a mention of mojibake rather than damage? The Debian Administrator's Handbook
    explains that broken French shows sequences “like “Ã©” or “Ã§””: repaired
    unread, the explanation lost its examples. A broken word (``«\u00a0Ã©tÃ©\u00a0»``)
    is more than one character, and ``« Î·,`` no quotation: both are repaired."""
    if len(repaired) != 1:
        return False
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if before.isalnum() or after.isalnum():
        return False
    i = start - 1
    while i >= 0 and text[i] in _QUOTE_BLANKS:
        i -= 1
    j = end
    while j < len(text) and text[j] in _QUOTE_BLANKS:
        j += 1
    return i >= 0 and text[i] in _OPENING_QUOTES and j < len(text) and text[j] in _CLOSING_QUOTES


# --------------------------------------------------------------------------- C1 controls


def _in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Is ``pos`` inside one of the sorted, non-overlapping ``spans``?"""
    i = bisect.bisect_right(spans, (pos, 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _neighbours(text: str, pos: int) -> tuple[str, str]:
    """The letters around ``pos`` as a reader sees them once other fixes have run:
    through zero-width characters and removed controls, and before a combining mark
    its base (``e\u0301`` is ``é`` once normalized)."""
    i = pos - 1
    while i >= 0 and unicodedata.category(text[i])[0] == "M":
        i -= 1
    before = visible_neighbour(text, i, -1)
    after = visible_neighbour(text, pos + 1, 1)
    # and an entity as the character html-entity writes (``&#233;\x92Are`` is
    # ``é\x92Are``: judged otherwise, the repair of the entity changed the verdict)
    if before == ";" and i == pos - 1:
        value = entity_ending_at(text, pos)
        before = value[-1] if value else before
    if after == "&":
        m = ENTITY.match(text, pos + 1)
        value = unescape(m.group()) if m else None
        after = value[0] if value else after
    return before, after


def c1_readings(doc: Document) -> list[tuple[int, int, str]]:
    """``(pos, pos + 1, what c1-control's first fix writes)`` for each C1 control it
    judges: language detection reads them so (``l\x92admettre`` is ``l’admettre``),
    else writing ``’`` made a paragraph French and the French fixes came and went
    with the order of the quick fixes."""
    text = doc.text
    runs = [x for x in rare_runs_of(doc) if any(c <= "\x9f" for c in x[2])]
    if not runs:
        return []
    skip = [(rep.start, rep.end) for rep in mojibake_repairs(doc)]
    decided = mj.legacy_decision(text)
    out: list[tuple[int, int, str]] = []
    for s, _, run in runs:
        for i, ch in enumerate(run):
            pos = s + i
            if ch > "\x9f" or _in_spans(pos, skip):
                continue
            before, after = _neighbours(text, pos)
            if decided in mj.LEGACY_CODECS and before.isalpha() and after.isalpha():
                got = mj.letter_in(decided, ord(ch), before)
                if got is not None:
                    out.append((pos, pos + 1, got))
                    continue
            try:
                meant = bytes([ord(ch)]).decode("cp1252")
            except UnicodeDecodeError:
                meant = ""
            out.append((pos, pos + 1, meant))
    return out


def _needs_decision(text: str, pos: int) -> bool:
    """Only the document's codec decides what the control at ``pos`` means: it sits
    between letters where some codec makes a letter of it, or after a letter where
    Windows-1252 does (``l\x92admettre``, ``tur\x92stico``, ``cl\x9aa``)."""
    before, after = _neighbours(text, pos)
    if before.isalpha() and after.isalpha():
        if any(mj.letter_in(codec, ord(text[pos]), before) for codec in mj.LEGACY_CODECS):
            return True
    try:
        meant = bytes([ord(text[pos])]).decode("cp1252")
    except UnicodeDecodeError:
        return False
    return meant.isalpha() and before.isalpha()


@rule(
    "c1-control",
    cheap=True,
    claims=C1_CONTROLS,
    family=FAMILY,
    severity=Severity.WARNING,
    description="A C1 control character (U+0080–U+009F): a Windows-1252 byte read as Latin-1.",
    explanation="""
Windows-1252 puts curly quotes, dashes, the ellipsis and the euro sign at bytes
0x80–0x9F, where Latin-1 has invisible control characters. Text decoded as
Latin-1 therefore carries U+0092 where `’` was meant, U+0085 for `…`, U+0096 for
`–`. The fix restores the Windows-1252 character; fix-all applies it when the
document agrees on Windows-1252 or no other codec makes a letter of the byte there.
Between two letters the byte may be a MacRoman or DOS letter (`tur\x92stico` is
`turístico` in MacRoman): when the document's other characters agree on that codec
it is used, and when nothing decides both readings are offered, unapplied. Removal
is offered too. C1 controls that are part of a mojibake span are left to `mojibake`.""",
    examples=[
        Example("Il faut l\x92admettre\x85\n", "Il faut l’admettre…\n"),
        Example("pages 10\x9620, \x93quoted\x94\n", "pages 10–20, “quoted”\n"),
        Example("Prix\xa0: 12\x80\n", "Prix\xa0: 12€\n"),
        clean("Il faut l’admettre… pages 10–20, “quoted”, 12 €.\n"),
        clean("Ã\x89dition\n", note="inside mojibake: the mojibake rule repairs it"),
    ],
)
def c1_control(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    text = doc.text
    runs = [x for x in rare_runs_of(doc) if any(c <= "\x9f" for c in x[2])]
    if not runs:
        return
    # Inside mojibake the Windows-1252 reading is wrong (``Ã\x89`` is ``É``, not
    # ``Ã‰``): those belong to the mojibake rule, whether or not it is enabled.
    skip = [(rep.start, rep.end) for rep in mojibake_repairs(doc)]
    # The document's other faults say which codec the bytes came from; a C1
    # control between letters may be a MacRoman or DOS letter (``tur\x92stico``).
    decided = mj.legacy_decision(text)
    positions = [
        pos
        for pos in (s + i for s, _, run in runs for i, c in enumerate(run) if c <= "\x9f")
        if not _in_spans(pos, skip)
    ]
    # A control outside a word is itself a vote (``\x85`` for ``…``): repaired
    # before the controls between letters that rely on the decision, it would take
    # the decision away from them, and the result would depend on the order of the
    # quick fixes. So while such controls remain, it waits (offered, not safe).
    pending = decided is not None and any(_needs_decision(text, pos) for pos in positions)
    for pos in positions:
        ch = text[pos]
        name = describe(ch)
        # read through what other fixes delete: ``mot\u200b\x92suite`` is between letters
        before, after = _neighbours(text, pos)
        letters = [
            (codec, got)
            for codec in mj.LEGACY_CODECS
            if before.isalpha()
            and after.isalpha()
            and (got := mj.letter_in(codec, ord(ch), before)) is not None
        ]
        try:
            meant = bytes([ord(ch)]).decode("cp1252")
        except UnicodeDecodeError:
            meant = ""
        if decided in mj.LEGACY_CODECS and any(c == decided for c, _ in letters):
            got = next(g for c, g in letters if c == decided)
            yield r.finding(
                pos,
                pos + 1,
                f"{name} is the {mj.legacy_name(decided)} byte 0x{ord(ch):02X} read as "
                f"Latin-1, as elsewhere in this document: it means `{got}`",
                [
                    Fix(pos, pos + 1, got, f"Replace with `{got}` ({mj.legacy_name(decided)})"),
                    Fix(pos, pos + 1, "", f"Remove {name}", safe=False),
                ],
            )
            continue
        remove = Fix(pos, pos + 1, "", f"Remove {name}", safe=not meant and not letters)
        alternatives = [
            Fix(pos, pos + 1, got, f"Replace with `{got}` ({mj.legacy_name(codec)})", safe=False)
            for codec, got in letters
        ]
        if not meant:
            yield r.finding(
                pos,
                pos + 1,
                f"{name}: a control character with no meaning in text, and no character "
                f"in Windows-1252 either: remove it",
                [*alternatives, remove] if alternatives else [remove],
            )
            continue
        # Sure only when the document agrees on Windows-1252, or when no other
        # codec makes a letter of the byte here (``12\x80`` is ``12€``).
        needs = bool(letters) or (meant.isalpha() and before.isalpha())
        sure = (decided == "cp1252" or not needs) and not (pending and not needs)
        others = (
            "; it could also be " + ", ".join(f"`{g}` ({mj.legacy_name(c)})" for c, g in letters)
            if letters and not sure
            else ""
        )
        yield r.finding(
            pos,
            pos + 1,
            f"{name} is the Windows-1252 byte 0x{ord(ch):02X} read as Latin-1: "
            f"it means `{meant}` ({unicodedata.name(meant, '?')}){others}",
            [
                Fix(pos, pos + 1, meant, f"Replace with `{meant}` (Windows-1252)", safe=sure),
                *alternatives,
                Fix(pos, pos + 1, "", f"Remove {name}", safe=False),
            ],
        )


# --------------------------------------------------------------------------- U+FFFD


@rule(
    "replacement-character",
    cheap=True,
    options=EncodingOptions,
    family=FAMILY,
    severity=Severity.ERROR,
    description="U+FFFD REPLACEMENT CHARACTER: bytes were lost when the file was decoded.",
    explanation="""
`�` is what a decoder writes when bytes do not fit the encoding it assumed. The
original character is gone from the text and cannot be guessed from it. When the
file's bytes on disk are still there and decode cleanly in another encoding, the
fix reloads the file in that encoding (see `file-encoding`); otherwise restore the
character by hand.""",
    examples=[
        Example(
            "Le d\ufffd\ufffdp\ufffdt\n",
            "Le d\ufffd\ufffdp\ufffdt\n",
            note="no automatic fix: the bytes are gone",
        ),
        clean("Le dépôt est prêt.\n"),
        clean("The U+FFFD character is written as \\uFFFD in Python.\n"),
    ],
)
def replacement_character(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    text = doc.text
    pos = text.find("\ufffd")
    if pos < 0:
        return
    state = file_state(doc, config)
    intact = state is not None and doc.raw is not None and _intact(state, doc, doc.raw)
    if intact and get_rule("file-encoding").setting(config) is not None:
        return  # the bytes are on disk, intact: file-encoding says how to read them
    n = len(text)
    while pos >= 0:
        end = pos
        while end < n and text[end] == "\ufffd":
            end += 1
        count = end - pos
        what = "1 character" if count == 1 else f"{count} characters"
        if intact:
            message = (
                f"U+FFFD REPLACEMENT CHARACTER ({what}): bytes of the file that are not "
                "UTF-8; they are intact on disk"
            )
        else:
            message = (
                f"U+FFFD REPLACEMENT CHARACTER ({what}): bytes were lost when this text was "
                "decoded; the original cannot be recovered from the text"
            )
        fixes: list[Fix] = []
        if state is not None:
            line = doc.line_of(pos)
            if line in state.line_fixes:
                fixes.append(state.line_fixes[line])
                message += "; the bytes on disk can be reloaded"
            elif state.reloads:
                fixes.extend(state.reloads)
                message += (
                    f"; the file on disk looks like {display_name(state.info.encoding)}: reload it"
                )
            elif not state.fresh and not state.info.is_utf8:
                message += "; save or revert the file to get reload actions"
        severity = None
        if (
            not fixes
            and not intact
            and doc.is_prose
            and n <= config.max_file_size
            and in_quoted_code(doc, pos, end)
        ):
            # ``(`\ufffd`)`` in a README about encodings: an example as often as damage
            message = (
                f"U+FFFD REPLACEMENT CHARACTER ({what}) in code: shown on purpose, "
                "or bytes lost when this text was decoded"
            )
            severity = Severity.INFO
        yield r.finding(pos, end, message, fixes, severity=severity)
        pos = text.find("\ufffd", end)


def _intact(state: FileState, doc: Document, raw: bytes) -> bool:
    """Every U+FFFD in the text is the editor's misreading of intact bytes on disk."""
    if state.info.is_utf8 or b"\xef\xbf\xbd" in raw:
        return False
    return _misread(doc, raw)


# --------------------------------------------------------------------------- file encoding


def _others(info: FileEncoding) -> str:
    rest = [c for c in info.usable[1:3] if c.confidence >= 0.05]
    if not rest:
        return ""
    shown = ", ".join(f"{display_name(c.encoding)} {c.confidence:.2f}" for c in rest)
    return f"; also possible: {shown}"


@rule(
    "file-encoding",
    cheap=True,
    options=EncodingOptions,
    family=FAMILY,
    severity=Severity.WARNING,
    description="The file on disk is not UTF-8 (or has a byte-order mark).",
    explanation="""
Editors decode a file before textsweep sees it; bytes that are not UTF-8 become
`�`. textsweep also reads the bytes on disk (strict UTF-8 first; detection with
chardet only when that fails) and names the encoding it finds, with an honest
confidence. The actions reload the file in that encoding (and in the other
plausible ones), replacing the editor's text so that saving writes UTF-8; an
encoding that does not decode every byte and re-encode to the same bytes is
never offered. In a file that mixes UTF-8 lines with lines in another encoding,
each such line is flagged with its own repair. A UTF-8 byte-order mark or a
UTF-16/UTF-32 file is reported for information; `textsweep fix --to-utf8`
converts it. Examples here have no bytes on disk, so nothing is reported.""",
    examples=[
        Example(
            "\ufeffBonjour à tous.\n",
            "Bonjour à tous.\n",
            note="a byte-order mark the editor kept in the text; the other cases need the "
            "bytes on disk",
        ),
        clean("Le dépôt est prêt.\n", note="valid UTF-8"),
        clean("Le d\ufffdp\ufffdt\n", note="without the bytes on disk there is nothing to say"),
    ],
)
def file_encoding(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    text_bom = doc.text.startswith("\ufeff")
    if text_bom:
        yield r.finding(
            0,
            1,
            "The text starts with a byte-order mark (U+FEFF) that the editor kept: remove it",
            [Fix(0, 1, "", "Remove the byte-order mark")],
            severity=Severity.INFO,
        )
    raw = doc.raw
    if raw is None:
        return
    state = file_state(doc, config)
    if state is None:
        return
    info = state.info
    text = doc.text
    damage = text.find("\ufffd")
    at = damage if damage >= 0 else 0
    span = (at, min(at + 1, len(text)))
    data = {
        "encoding": info.encoding,
        "confidence": info.confidence,
        "bom": info.bom,
        "candidates": [
            {"encoding": c.encoding, "confidence": c.confidence, "lossless": c.lossless}
            for c in info.candidates
        ],
        "badLines": list(info.bad_lines),
    }
    if info.is_utf8:  # UTF-8 with a BOM
        if text_bom:
            return
        yield r.finding(
            0,
            min(1, len(text)),
            "This file starts with a UTF-8 byte-order mark (BOM), which many tools do not "
            "expect; `textsweep fix --to-utf8` removes it",
            severity=Severity.INFO,
            data=data,
        )
        return
    if info.bom is not None:
        name = display_name(info.bom)
        if state.reloads:
            yield r.finding(
                span[0],
                span[1],
                f"This file is {name} with a byte-order mark, but the editor decoded it as "
                "UTF-8 (NULs and U+FFFD throughout): reload it as "
                f"{display_name(info.candidates[0].encoding)}",
                state.reloads,
                severity=Severity.ERROR,
                data={**data, "foreign": True},
            )
            return
        if info.candidates and info.candidates[0].lossless:
            yield r.finding(
                0,
                min(1, len(text)),
                f"This file is {name} with a byte-order mark, not UTF-8; "
                "`textsweep fix --to-utf8` converts it losslessly",
                severity=Severity.INFO,
                data=data,
            )
        else:
            reason = info.candidates[0].reason if info.candidates else ""
            yield r.finding(
                span[0],
                span[1],
                f"This file starts with a {name} byte-order mark but does not decode as "
                f"{name} ({reason})",
                data=data,
            )
        return
    if info.is_mixed:
        yield from _mixed(r, doc, state, data)
        return
    if not info.usable:
        if state.reloads:
            yield r.finding(
                span[0],
                span[1],
                f"This file is not UTF-8, and {refusal(info)}: check the text of each "
                "reload before saving",
                state.reloads,
                data=data,
            )
            return
        yield r.finding(
            span[0],
            span[1],
            f"This file is not UTF-8, and {refusal(info)}; no reload is offered, "
            "to avoid a wrong or lossy conversion",
            data=data,
        )
        return
    best = info.usable[0]
    head = (
        f"This file is not UTF-8; it declares {display_name(best.encoding)}, and reads as such"
        if info.declared
        else f"This file is not UTF-8; it looks like {display_name(best.encoding)} "
        f"(confidence {best.confidence:.2f}){_others(info)}"
    )
    if state.fresh:
        how = "; `textsweep fix --to-utf8` converts it (the bytes on disk are intact)"
        yield r.finding(span[0], span[1], head + how, state.reloads, data=data)
        return
    for cand in info.usable:
        try:
            if decode_as(raw, cand.encoding) == text:
                yield r.finding(
                    0,
                    min(1, len(text)),
                    f"This file is stored as {display_name(cand.encoding)}, not UTF-8; the "
                    "editor shows it correctly. `textsweep fix --to-utf8` converts it",
                    severity=Severity.INFO,
                    data=data,
                )
                return
        except LossyDecodeError:
            continue
    yield r.finding(
        span[0],
        span[1],
        head + ". The text differs from the file on disk: save or revert first to reload it",
        data=data,
    )


def _mixed(r: Rule, doc: Document, state: FileState, data: object) -> Iterator[Finding]:
    info = state.info
    enc = display_name(info.encoding) if info.usable else None
    total = len(info.bad_lines)
    for n, line in enumerate(info.bad_lines):
        if line >= doc.line_count:
            break
        s, e = doc.line_span(line)
        fixes: list[Fix] = []
        if line in state.line_fixes:
            fixes.append(state.line_fixes[line])
        if n == 0 and state.all_lines_fix is not None:
            fixes.append(state.all_lines_fix)
        if enc is None:
            message = (
                f"Line {line + 1} is not UTF-8 (the rest of the file is), and no encoding "
                "decodes it without loss"
            )
        else:
            message = (
                f"Line {line + 1} is not UTF-8 (the rest of the file is); it looks like {enc} "
                f"(confidence {info.confidence:.2f})"
            )
            if line not in state.line_fixes:
                message += "; save or revert first to reload it"
        if total > 1:
            message += f" — {total} such lines"
        yield r.finding(s, e, message, fixes, data=data)
