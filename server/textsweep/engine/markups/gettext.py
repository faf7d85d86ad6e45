"""gettext catalogues (``.po``, ``.pot``): only the text inside the quoted strings
of ``msgid``, ``msgid_plural`` and ``msgstr`` is prose. Comments, keywords,
quotes, escapes (``\\"``, ``\\n``…), placeholders (``%s``, ``%(name)s``, ``{0}``,
``:role:``…) and the header entry are not. ``msgid`` is in the source language
(``X-Source-Language:`` in the header, else English) and ``msgstr`` in the
header's ``Language:``; a no-break space is written as the character itself.

:func:`entries` parses a catalogue once per document; the ``gettext`` rule family
reads it for the checks ``msgfmt --check`` and ``pofilter`` make.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..document import Document
from ..markup import LanguageSpan, Markup, TranslationUnit, register

_KEYWORD = re.compile(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)[ \t]*"')
_STRING_LINE = re.compile(r'[ \t]*"')
#: Escapes (``\n``, ``\"``, ``\t``, ``\\``, octal and hex forms).
_ESCAPE = re.compile(r"\\(?:[0-7]{1,3}|x[0-9A-Fa-f]+|.)")
#: A reST role's name (``:func:``, ``:py:meth:``).
_ROLE = r":[\w.+-]+(?::[\w.+-]+)*:"
#: printf, Python and brace placeholders, reST roles and option names (``:scale:``),
#: HTML entities and tags.
_PLACEHOLDER = re.compile(
    r"%(?:\d+\$)?(?:\([\w.]+\))?[-+ #0']*(?:\d+|\*)?(?:\.\d+)?(?:hh|h|ll|l|L|q|j|z|t)?"
    r"[diouxXeEfFgGaAcsrpn%]"
    r"|\{[\w.\[\]]*(?:![rsa])?(?::[^{}]*)?\}"
    r"|:[\w.+-]+:(?=`)"
    r"|(?<![\w:]):[A-Za-z][\w.+-]*:(?![\w:])"
    r"|&(?:#\d+|#[xX][0-9A-Fa-f]+|[A-Za-z]\w*);"
    r"|</?[A-Za-z][^<>]*>"
)


@dataclass
class Message:
    """One keyword (``msgid``, ``msgstr[0]``…) and its strings, joined logically."""

    keyword: str
    #: ``(content start, content end)`` of each quoted string, in order.
    strings: list[tuple[int, int]] = field(default_factory=list)

    def start(self) -> int:
        return self.strings[0][0]

    def end(self) -> int:
        return self.strings[-1][1]


@dataclass
class Entry:
    """One catalogue entry: its flags (``#, fuzzy``) and messages."""

    flags: set[str] = field(default_factory=set)
    messages: list[Message] = field(default_factory=list)
    obsolete: bool = False

    def get(self, keyword: str) -> Message | None:
        return next((m for m in self.messages if m.keyword == keyword), None)

    @property
    def is_header(self) -> bool:
        msgid = self.get("msgid")
        return msgid is not None and self.get("msgctxt") is None and msgid.start() == msgid.end()

    @property
    def translations(self) -> list[Message]:
        return [m for m in self.messages if m.keyword.startswith("msgstr")]

    @property
    def sources(self) -> list[Message]:
        return [m for m in self.messages if m.keyword in ("msgid", "msgid_plural")]


def _string_end(text: str, pos: int, limit: int) -> int:
    """The offset of the closing quote of the string whose content starts at ``pos``."""
    while pos < limit:
        c = text[pos]
        if c == "\\":
            pos += 2
            continue
        if c == '"':
            return pos
        pos += 1
    return limit


def _parse(doc: Document) -> list[Entry]:
    text = doc.text
    out: list[Entry] = []
    entry = Entry()
    current: Message | None = None

    def flush() -> None:
        nonlocal entry
        if entry.messages:
            out.append(entry)
        entry = Entry()

    for start, end in doc.lines():
        line = text[start:end]
        if not line.strip():
            flush()
            current = None
            continue
        if line.startswith("#"):
            if entry.messages and entry.messages[-1].keyword.startswith("msgstr"):
                flush()
                current = None
            if line.startswith("#,"):
                entry.flags.update(f.strip() for f in line[2:].split(","))
            elif line.startswith("#~"):
                entry.obsolete = True
            continue
        m = _KEYWORD.match(line)
        if m:
            kw = m.group(1)
            if kw in ("msgctxt", "msgid") and any(
                x.keyword.startswith("msgstr") for x in entry.messages
            ):
                flush()
            current = Message(kw)
            entry.messages.append(current)
            q = start + m.end()
        elif current is not None and _STRING_LINE.match(line):
            q = start + _STRING_LINE.match(line).end()  # type: ignore[union-attr]
        else:
            current = None
            continue
        if current is not None:
            current.strings.append((q, _string_end(text, q, end)))
    flush()
    return out


def entries(doc: Document) -> list[Entry]:
    """The catalogue's entries (parsed once per document)."""
    return doc.cached("gettext.entries", _parse)


def messages(doc: Document) -> Iterator[Entry]:
    """The entries that are messages: not the header, not obsolete (``#~``)."""
    return (e for e in entries(doc) if not (e.is_header or e.obsolete))


def _texts(doc: Document) -> Iterator[Message]:
    """The source and translation texts of :func:`messages` (not their contexts)."""
    for e in messages(doc):
        for m in e.messages:
            if m.keyword != "msgctxt" and m.strings:
                yield m


def header(doc: Document) -> dict[str, str]:
    """The header entry's fields (``Language``, ``X-Source-Language``…)."""

    def compute(d: Document) -> dict[str, str]:
        for e in entries(d):
            if e.is_header and not e.obsolete:
                msgstr = e.get("msgstr")
                if msgstr is None:
                    return {}
                value = "".join(d.text[s:x] for s, x in msgstr.strings).replace("\\n", "\n")
                pairs = (ln.partition(":") for ln in value.split("\n"))
                return {k.strip().lower(): v.strip() for k, sep, v in pairs if sep}
        return {}

    return doc.cached("gettext.header", compute)


def _prose_spans(doc: Document) -> list[tuple[int, int]]:
    """String contents of real messages (not the header, not obsolete, no msgctxt),
    without the spaces that begin or end a message: those are layout (an indented
    help line), which the translation checks compare with the source."""
    text = doc.text
    out: list[tuple[int, int]] = []
    for m in _texts(doc):
        # the message's first and last strings with content (``msgstr ""``
        # then ``"  -i, --ignore-case …"``: the first string is empty)
        strings = list(m.strings)
        filled = [i for i, (a, b) in enumerate(strings) if b > a] or [0]
        first, last = filled[0], filled[-1]
        s, x = strings[first]
        while s < x and text[s] in " \t":
            s += 1
        strings[first] = (s, x)
        s, x = strings[last]
        while x > s and text[x - 1] in " \t":
            x -= 1
        strings[last] = (s, x)
        for i in range(1, len(strings)):
            # a part after one ending in ``\n`` starts a line of the message:
            # its leading blanks indent it (``"…like so:\n"`` ``"   make html"``)
            s, x = strings[i]
            if text.endswith("\\n", 0, strings[i - 1][1]):
                while s < x and text[s] in " \t":
                    s += 1
                strings[i] = (s, x)
        out.extend(p for p in strings if p[1] > p[0])
    return out


def _with_indent(text: str, span: tuple[int, int], end: int) -> tuple[int, int]:
    """An escape's span, and after a ``\n`` the blanks that indent the next line of
    the message (``like so:\n   make html``: layout, not a doubled space)."""
    a, b = span
    if text[a:b] == "\\n":
        while b < end and text[b] in " \t":
            b += 1
    return a, b


_BLANK_RUN = re.compile(r"[ \t]{2,}")
#: A tab, escaped or not (``"ed:\\tEdit then use both versions"``, which
#: diffutils' translators aligned with spaces).
_TAB = re.compile(r"\t|\\t")


def _after_newline_escape(text: str, s: int, pos: int) -> bool:
    """Does a ``\\n`` escape end right before ``pos`` (not ``\\\\`` then ``n``)?"""
    if pos - 2 < s or text[pos - 2 : pos] != "\\n":
        return False
    q = pos - 2
    while q > s and text[q - 1] == "\\":
        q -= 1
    return (pos - 1 - q) % 2 == 1  # an odd number of backslashes escapes the n


def _inner_runs(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Runs of two blanks or more inside one string's content ``text[s:e]``, between
    two characters of a line (not an indentation after ``\\n``, nor at an edge)."""
    return [
        m.span()
        for m in _BLANK_RUN.finditer(text, s, e)
        if m.start() > s and m.end() < e and not _after_newline_escape(text, s, m.start())
    ]


def _laid_out(text: str, msg: Message) -> bool:
    """Does a source message space its text with a tab or a run of blanks inside a
    line? Then the translation may too: it mirrors the source's columns, or its
    ``Warning:  check it`` (pofilter's ``doublespacing`` check, likewise, flags a
    translation's double space only where the source has none). An indented line
    after ``\\n`` is no evidence: a wrapped sentence is indented too."""
    return any(
        _TAB.search(text, a, b) is not None or bool(_inner_runs(text, a, b)) for a, b in msg.strings
    )


def _column_runs(doc: Document) -> list[tuple[int, int]]:
    """The runs of blanks that align columns, sorted: in an entry whose source spaces
    its text with runs of blanks or tabs (see :func:`_laid_out`; a program's
    ``--help``: ``"  -i, --ignore-case     …"``), every run of two blanks or more
    inside the strings of its translations and source. GNU coreutils' German catalogue had
    1,394 doubled-space findings, each a column of an option list; the source's
    runs are the evidence, whatever widths the translation aligns to."""
    text = doc.text
    out: list[tuple[int, int]] = []
    for e in messages(doc):
        if not any(_laid_out(text, m) for m in e.sources):
            continue
        for m in e.messages:
            if m.keyword != "msgctxt":
                out.extend(r for a, b in m.strings for r in _inner_runs(text, a, b))
    return sorted(out)


#: A source message that is a list the program splits, not a sentence: no blank,
#: items parted by ``,`` ``;`` or ``|`` (Django's ``"yes,no,maybe"``, which its
#: ``yesno`` filter splits at the translation's commas).
_SPLIT_LIST = re.compile(r"[^\s,;|]+(?:[,;|][^\s,;|]+)+")
#: A quotation in a translation: guillemets (with their inner spaces), curly,
#: German, escaped straight and CJK corner quotes; the group that matched is
#: what is quoted.
_QUOTATION = re.compile(
    r"«[ \u00a0\u202f]*(.{2,}?)[ \u00a0\u202f]*»|“(.{2,}?)”|„(.{2,}?)“|‘([^’]{2,}?)’"
    r'|\\"(.{2,}?)\\"|「(.{2,}?)」|『(.{2,}?)』'
)


def _joined(text: str, strings: list[tuple[int, int]]) -> tuple[str, list[int]]:
    """A message's strings as one text, and where each string starts in it."""
    starts: list[int] = []
    n = 0
    for a, b in strings:
        starts.append(n)
        n += b - a
    return "".join(text[a:b] for a, b in strings), starts


def _pieces(
    strings: list[tuple[int, int]], starts: list[int], js: int, je: int
) -> list[tuple[int, int]]:
    """The document spans of ``joined[js:je]``, one per string it falls in."""
    out: list[tuple[int, int]] = []
    for (a, b), j0 in zip(strings, starts, strict=True):
        lo, hi = max(js, j0), min(je, j0 + b - a)
        if lo < hi:
            out.append((a + lo - j0, a + hi - j0))
    return out


def _copied_literals(doc: Document) -> list[tuple[int, int]]:
    """What a translation copies from its source as it is, sorted: the separators
    of a list the program splits (``yes,no,maybe`` translated ``是,否,也许``: written
    ``是，否，也许`` it is one item, and Django showed it whole), and a quotation of
    the source's words (``« Referrer-Policy: no-referrer »`` quotes a header whose
    colon French spacing must not move). Not the translator's prose."""
    text = doc.text
    out: list[tuple[int, int]] = []
    for e in messages(doc):
        source = "".join(_joined(text, m.strings)[0] for m in e.sources)
        split = _SPLIT_LIST.fullmatch(source)
        seps = set(source) & {",", ";", "|"} if split else set()
        for m in e.translations:
            joined, starts = _joined(text, m.strings)
            for i, c in enumerate(joined):
                if c in seps:
                    out.extend(_pieces(m.strings, starts, i, i + 1))
            for q in _QUOTATION.finditer(joined):
                g = q.lastindex or 1
                quoted = q.group(g)
                if quoted in source:
                    js = q.start(g)
                    out.extend(_pieces(m.strings, starts, js, js + len(quoted)))
    return sorted(out)


#: Inline code of the markup a message is written in: reST's ````literal````,
#: ``:role:`target``` and ```interpreted```, Markdown's ```code```. Sphinx's
#: catalogues (the Python documentation's) are reST. (Not GNU's ```quoted'``.)
_INLINE_CODE = re.compile(r"``[^`]+?``|" + _ROLE + r"`[^`]+`|`[^`']+`_{0,2}")


def _placeholders(doc: Document) -> list[tuple[int, int]]:
    """Placeholders and inline code, found in each message as a whole: a catalogue
    tool wraps its strings at 79 columns, wherever that falls (``"…les fonctions :"``
    ``"func:`range`…"``, ````"``ask_ok('Do you really "`` ``"want to quit?')``"````),
    and read string by string, half a role was French prose (``func:`` told to take a
    space, 19 of 22 warnings in the French Python tutorial)."""
    text = doc.text
    out: list[tuple[int, int]] = []
    for m in _texts(doc):
        joined, starts = _joined(text, m.strings)
        for x in _PLACEHOLDER.finditer(joined):
            out.extend(_pieces(m.strings, starts, *x.span()))
        if "`" in joined:
            for x in _INLINE_CODE.finditer(joined):
                out.extend(_pieces(m.strings, starts, *x.span()))
    return out


def non_prose(doc: Document) -> list[tuple[int, int]]:
    """Everything outside the message strings, plus escapes, placeholders and inline
    code (see :func:`_placeholders`), the blanks that align columns inside (see
    :func:`_column_runs`) and what a translation copies from its source (see
    :func:`_copied_literals`)."""
    text = doc.text
    spans: list[tuple[int, int]] = []
    pos = 0
    columns = sorted(_column_runs(doc) + _copied_literals(doc) + _placeholders(doc))
    k = 0
    for s, e in _prose_spans(doc):
        if s > pos:
            spans.append((pos, s))
        while k < len(columns) and columns[k][1] <= s:
            k += 1
        kk = k
        while kk < len(columns) and columns[kk][0] < e:
            kk += 1
        inner = sorted(
            [_with_indent(text, x.span(), e) for x in _ESCAPE.finditer(text, s, e)] + columns[k:kk]
        )
        for a, b in inner:
            if spans and a <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(spans[-1][1], b))
            else:
                spans.append((a, b))
        pos = max(e, spans[-1][1] if spans else e)
    if pos < len(text):
        spans.append((pos, len(text)))
    return spans


def language_spans(doc: Document) -> list[LanguageSpan]:
    """``msgid`` in the source language, ``msgstr`` in the header's ``Language:``
    (unless it copies the ``msgid``)."""
    fields = header(doc)
    source = fields.get("x-source-language") or "en"
    target = fields.get("language") or None
    out: list[LanguageSpan] = []
    text = doc.text
    for e in messages(doc):
        msgid = e.get("msgid")
        original = "".join(text[a:b] for a, b in msgid.strings) if msgid else None
        for m in e.messages:
            if m.keyword == "msgctxt" or not m.strings:
                continue
            if m.keyword.startswith("msgstr"):
                # a translation that copies its source (a name, a title) is still
                # in the source language
                same = "".join(text[a:b] for a, b in m.strings) == original
                tag = source if same else target
                out.append(LanguageSpan(m.start(), m.end(), tag, source=False))
            else:
                out.append(LanguageSpan(m.start(), m.end(), source, source=True))
    out.sort()
    return out


def translation_units(doc: Document) -> list[TranslationUnit]:
    """Translated entries, not fuzzy: ``msgstr[0]`` answers ``msgid``, the other
    plural forms ``msgid_plural``."""
    out: list[TranslationUnit] = []
    for e in messages(doc):
        if "fuzzy" in e.flags:
            continue
        msgid = e.get("msgid")
        if msgid is None:
            continue
        plural = e.get("msgid_plural") or msgid
        for m in e.translations:
            if all(s == x for s, x in m.strings):
                continue  # untranslated
            src = plural if m.keyword not in ("msgstr", "msgstr[0]") else msgid
            out.append(TranslationUnit(tuple(src.strings), (tuple(m.strings),)))
    return out


def declared_language(doc: Document) -> str | None:
    """The header's ``Language:`` (the translation's language)."""
    return header(doc).get("language") or None


MARKUP = register(
    Markup(
        name="gettext",
        language_ids=("po",),
        extensions={".po": "po", ".pot": "po"},
        non_prose=non_prose,
        declared_language=declared_language,
        language_spans=language_spans,
        translation_units=translation_units,
        # a string continued on the next line stands for nothing between its parts
        nobreak_tokens=(('"\n"', ""), ('"\r\n"', "")),
        comment=("# ", ""),
    )
)
