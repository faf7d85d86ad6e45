"""Plain-text heuristics: what, inside running text, is not prose.

Applied to plain-text files, and to the prose parts every other provider leaves
(Markdown paragraphs, comments, strings…): URLs, e-mail addresses, file paths,
inline code in backticks, quoted shell commands, emoticons, C++ scopes
(``std::vector``), lines that look like code or shell sessions, and blocks of
``Key: value`` records or of ``Key=value`` lines.

Results are cached per block of paragraphs (an LRU keyed by the block's text, with
content-defined block boundaries), so an edit only re-scans the block it touched.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Iterator
from functools import cache

from .._images_data import BYTE_IMAGES
from ..chars import UNSEEN, UNSEEN_CLASS, drop_unseen
from ..document import Document, block_holds_any
from ..entities import entity_readings, read_entities
from ..memo import text_memo
from ._spans import Span, blockwise, merge, paragraph_break

_URL_TAIL = re.compile(r"""[^\s<>"«»`]*[^\s<>"«»`.,;:!?)\]}'’]""")
_SCHEME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-")
_EMAIL_TAIL = re.compile(r"@[\w-]+(?:\.[\w-]+)+")
#: A file name: found by its extension, then extended back over the name.
_EXTENSION = re.compile(
    r"\.(?:py|js|ts|tsx|jsx|rs|go|c|h|cc|cpp|hpp|java|sh|bash|zsh|yaml|yml|toml|json|md|txt"
    r"|rst|tex|html|htm|xml|css|csv|tsv|log|ini|cfg|conf|lock|pdf|png|jpg|jpeg|gif|svg|zip"
    r"|gz|tar|exe|dll|so|dylib|rb|php|lua|sql|kt|swift|mjs|cjs|vue|el|vim)(?![\w-])"
)
BACKTICKS = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
#: Emoticons and :shortcodes:, anchored on their first character (checked in Python
#: not to follow a word). Not before a word, but before ``â€`` (the mojibake of ``’``,
#: ``”``, ``…``: a sign once repaired, which must not turn ``:-)â€™`` into an emoticon).
EMOTICON = re.compile(
    r"(?:[:;=][-'^o]?[)(\]\[DPpOo3|/\\*$@]|[:;]'\(|<3|\^\^|[xX]D)(?=â€|[^\w)(]|\Z)"
    r"|:[a-z0-9_+-]{2,30}:(?![\w/])"
)
#: Our own inline directives (``textsweep: language=fr``) and other tools' magic comments.
DIRECTIVE = re.compile(
    r"(?:textsweep|ltex|harper|textlint-disable|textlint-enable|eslint-disable|noqa|"
    r"vim|pylint|mypy|prettier-ignore|cspell)[:-][^\r\n]*|type:\s*ignore\b[^\r\n]*"
)
_DIRECTIVE_WORDS = (
    "textsweep",
    "ltex",
    "harper",
    "textlint",
    "eslint",
    "pylint",
    "noqa",
    "vim",
    "mypy",
    "prettier",
    "cspell",
    "type:",
)
#: Calls ``f(x)`` (snake_case identifiers and ``a::b`` are found from ``_`` and ``::``).
_CALL = re.compile(r"\([^()\s]*\)")
#: A shell command in straight quotes or guillemets, as rendered manuals show a
#: literal (``"while bedingung ; do befehl ; done"``, ``«while condición ; do
#: comando ; done»``): a lower-case command word, then the rest of the line up to
#: the closing mark; a command only with a shell sign in it (an option, a pipe, a
#: variable, ``; do``…), so a quoted phrase stays prose.
_QUOTED_COMMAND = re.compile(
    r'"[a-z][a-z0-9_.+-]* [^"\r\n]*"|«[ \u00a0\u202f]?[a-z][a-z0-9_.+-]* [^«»\r\n]*»'
)
_SHELL_SIGN = re.compile(r" --?\w| \| |\$|; ?(?:do|done|then|else|fi|echo)\b")
#: A ``Key=value`` line of a configuration listing (a ``.desktop`` entry, an
#: environment file: ``Comment[fr]=Explorer le Web``), the key glued to its ``=``;
#: a listing when two of them are adjacent, as ``Key: value`` records are.
_ASSIGNMENT = re.compile(r"[ \t\u00a0]*[A-Za-z_][\w.-]*(?:\[[\w@.-]+\])?=[^\s=]")
#: A record line: ``Key: value`` with a one-to-three-word key glued to its colon.
#: One blank may come before the colon (``Note : this``, ``Note\u00a0: lire``): the
#: French, German and English spacing fixes write and remove it, and must not make a
#: line a record or not (that decided whether the next line's fix was applied).
#: Characters other fixes delete are read through (``Prix\u200e : 12 €``), and a run
#: of blanks as the one blank doubled-space leaves (``Mot  clé:`` is ``Mot clé:``).
_U = UNSEEN_CLASS
#: Combining marks belong to the word (``e\u0301`` is ``é`` once normalized).
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"


def _byte_images() -> str:
    """Every character a byte 0x80–0xFF shows as in the codecs mojibake repairs undo
    (``©`` of ``Ã©``, ``€™`` of ``â€™``), as a regex class body: in a key they count
    as word characters, since a repair turns them into letters (``Ã©`` is ``é``) or
    punctuation of the same set (``’``). Read otherwise, repairing ``Ã©`` made
    `` Ã© Er sagte:`` a record line, and its French fix came and went by order."""
    chars: set[str] = set()
    for codec in ("cp1252", "latin-1", "cp1250", "cp1251", "cp1253", "cp1254", "cp1257",
                  "iso-8859-2", "mac_roman", "cp437"):  # fmt: skip
        for b in range(0x80, 0x100):
            try:
                chars.add(bytes([b]).decode(codec))
            except UnicodeDecodeError:
                continue
    # with the C1 controls and U+00A0 that ``\s`` matches: ``\x85`` is ``…`` once
    # c1-control has run, ``Ã\u00a0`` is ``à`` once repaired
    return "".join(re.escape(c) for c in sorted(chars) if not re.match(r"\w", c))


#: ``_byte_images()``, precomputed: decoding every byte with ten codecs cost each start
#: 5 M instructions (a test checks the table against it).
_IMAGES = BYTE_IMAGES
#: In a key, U+00A0 is a blank, not the image of a byte: the French fixes write it
#: beside ``«`` and ``:``, and ``« sécurité Prix :`` must keep its word count when
#: ``«\u00a0sécurité`` replaces it (else the line became a record by order).
_KEY_IMAGES = _IMAGES.replace("\u00a0", "")
_KEY = rf"[\w.{_U}{_MARKS}{_KEY_IMAGES}-]"
#: Between two words of a key: blanks, with invisible characters anywhere among them.
#: A word starts with a visible character: `` \u200b `` between two words is one gap,
#: not a third word (``sécurité \u200b sécurité Wichtig:`` became a record once the
#: ZWSP was removed).
_KEY_GAP = rf"(?:[{_U}]*[ \t\u00a0\u202f])+[{_U}]*"


#: Removed from inside a line by other fixes: what ``_U`` holds and the separator
#: controls; a form feed or a vertical tab there becomes a space.
_GONE = _U + "\x1c-\x1f"


@cache
def record_re() -> re.Pattern[str]:
    """A record line's ``Key:``, compiled at its first use (a text with two colons):
    its classes of byte images cost every start 8 ms to compile. The value after
    the colon is read as control-character leaves it (``Key: \x0cvalue`` is
    ``Key: value``): read as written, the fix made the line a record."""
    return re.compile(
        rf"^[ \t\u00a0\u202f{_U}]*[\w{_KEY_IMAGES}]{_KEY}*"
        rf"(?:{_KEY_GAP}[\w.{_MARKS}{_KEY_IMAGES}-]{_KEY}*){{0,2}}"
        rf"[ \u00a0\u202f{_U}]*:(?=[{_GONE}]*[ \t\v\f][ \t\v\f{_GONE}]*[^\s{_U}])",
        re.MULTILINE,
    )


_CODE_START = re.compile(
    r"^[ \t]*(?:\$ |> ?\$ |>>> |\.\.\. |#include\b|#define\b|import [\w.]+|from [\w.]+ import"
    r"|def \w+\(|class \w+[:(]|function\b|const \w+ =|let \w+ =|var \w+ =|return\b.*;"
    r"|(?:if|for|while|switch) ?\(.*\) ?\{|[{}\])];?[ \t]*$|<\?|@\w+\(|\w+\s*=\s*\w*\(.*\)\s*;?$)"
)
_CODE_HINT = re.compile(
    r"[{}=<>|&$\\\[\]]|::"
    r"|^[ \t]*(?:import|from|def|class|function|const|let|var|return|#|>>>|\.\.\.)",
    re.MULTILINE,
)
#: A word for that count: letters, and the byte images a mojibake repair turns into
#: letters or apostrophes (``dÃ©pÃ´t`` is one word, as ``dépôt`` is once repaired).
_WORD = re.compile(rf"(?:[^\W\d_]|[{_IMAGES}’‘]){{2,}}")
#: ``_WORD`` for an ASCII line: every byte image is beyond ASCII, and ``[^\W\d_]``
#: is ``[A-Za-z]`` there (a byte-map test instead of an alternation of Unicode
#: category look-ups at every character).
_WORD_ASCII = re.compile(r"[A-Za-z]{2,}")
_LINE = re.compile(r"[^\r\n]*")
#: The code symbols of a line are what ``[{}();=<>\[\]|&$\\]|->|=>|::|==|!=|&&|\|\|``
#: finds. That scan tried five branches at every character; the count is the same
#: without them: the class comes first, so ``=>`` ``==`` ``&&`` ``||`` count as
#: their two class characters, ``->`` and ``!=`` as the one they hold (``>``,
#: ``=``), and only ``::`` adds to them (non-overlapping, as ``str.count`` counts).
_CODE_CHAR = re.compile(r"[{}();=<>\[\]|&$\\]")


def _code_symbols(s: str) -> int:
    """How many code symbols ``s`` holds (see ``_CODE_CHAR``)."""
    return len(_CODE_CHAR.findall(s)) + s.count("::")


def looks_like_code(line: str, clean: bool = False) -> bool:
    """A whole line of code or a shell command, not a sentence (read without the
    characters other fixes delete, so that deleting them changes nothing here;
    ``clean``: the line holds none of them, there is nothing to drop)."""
    if not clean:
        line = drop_unseen(line)
    if "&" in line:
        # entities read as what they stand for, as html-entity will write them:
        # ``Tom &amp; Jerry, it&#8217;s`` is a sentence, not six ``&``/``;`` symbols
        line = read_entities(line)
    stripped = line.strip()
    if not stripped:
        return False
    if _CODE_START.match(line):
        return True
    symbols = _code_symbols(stripped)
    if symbols < 2:
        return False  # both tests below need two symbols (most lines: no word count)
    # a statement: ``f(x);``, or a setting of a scoped name (apt.conf's
    # ``APT::Periodic::Update-Package-Lists "1";``, as the Debian Reference lists it)
    if stripped.endswith(";") and ("(" in stripped or "::" in stripped):
        return True
    if symbols < 4:
        return False
    return symbols * 2 >= len((_WORD_ASCII if stripped.isascii() else _WORD).findall(stripped))


def _find_all(text: str, needle: str) -> list[int]:
    out = []
    i = text.find(needle)
    while i >= 0:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


_URL_RUN = re.compile(r"""[^\s<>"«»`]*""")
_URL_LAST_BAD = frozenset(".,;:!?)]}'’")


class _UrlTails:
    """``_URL_TAIL.match(text, p).end()`` (or None) for many ``p``: a URL's tail runs
    to the end of its run of URL characters, less trailing punctuation, the same for
    every ``p`` in the run. Matching from each ``www.`` of ``www.www.www.…`` read
    the whole run again (quadratic); the last answer is kept instead."""

    __slots__ = ("_end", "_run_end", "_start", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._start = self._run_end = -1
        self._end = -1  # end of the tail for the run, or -1 when it has no good character

    def end(self, p: int) -> int | None:
        if not self._start <= p <= self._run_end:
            text = self._text
            m = _URL_RUN.match(text, p)
            run_end = m.end() if m else p
            e = run_end
            while e > p and text[e - 1] in _URL_LAST_BAD:
                e -= 1
            self._start, self._run_end, self._end = p, run_end, e if e > p else -1
        return self._end if self._end > p else None


def _urls(text: str, spans: list[Span]) -> None:
    tails = _UrlTails(text)
    for needle in ("://", "www.", "mailto:", "urn:", "doi:"):
        if needle not in text:
            continue
        for i in _find_all(text, needle):
            start = i
            if needle == "://":
                while start > 0 and text[start - 1] in _SCHEME_CHARS:
                    start -= 1
                if start == i:
                    continue
            elif start > 0 and (text[start - 1].isalnum() or text[start - 1] == "/"):
                continue
            end = tails.end(i + len(needle))
            spans.append((start, end if end is not None else i + len(needle)))


def _emails(text: str, spans: list[Span]) -> None:
    for i in _find_all(text, "@"):
        m = _EMAIL_TAIL.match(text, i)
        if not m:
            continue
        start = i
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "._+-"):
            start -= 1
        if start < i:
            spans.append((start, m.end()))


#: Unix paths (two segments at least, or rooted at ~ . ..), Windows drive and UNC paths.
_WIN_PATH = re.compile(r"[A-Za-z]:\\[^\s«»\"]*")
_UNC_PATH = re.compile(r"\\\\[\w.$-]+\\[^\s«»\"]*")
_UNIX_PATH = re.compile(r"/[\w.@%+-]+(?:/[\w.@%+-]*)*")


#: What a C++ scope (``std::vector``) runs through to its right: identifier
#: characters, ``~`` and ``:``, and what other fixes delete (``x::y\u200bsécurité`` is
#: ``x::ysécurité`` once the ZWSP is gone: the span must not change with it).
_SCOPE_CHARS = frozenset("_~:") | UNSEEN


def _expand_left(text: str, i: int, extra: Collection[str] = "_") -> int:
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] in extra):
        i -= 1
    return i


def _expand_right(text: str, i: int, extra: Collection[str] = "_") -> int:
    n = len(text)
    while i < n and (text[i].isalnum() or text[i] in extra):
        i += 1
    return i


class _Expander:
    """:func:`_expand_left` and :func:`_expand_right` for a series of offsets in
    increasing order, remembering the last scan: on ``a_b_c_…`` or ``::::…`` each
    hit would otherwise rescan the whole run (quadratic)."""

    __slots__ = ("_extra", "_left", "_right", "_text")

    def __init__(self, text: str, extra: Collection[str] = "_") -> None:
        self._text = text
        self._extra = extra
        self._left = (-1, 0)  # (offset, its expansion): text[s:i] all in the class
        self._right = (-1, -1)  # (offset, its expansion): text[i:e] all in the class

    def left(self, i: int) -> int:
        text, extra = self._text, self._extra
        last_i, last_s = self._left
        j = i
        while True:
            if j == last_i:
                j = last_s
                break
            if j > 0 and (text[j - 1].isalnum() or text[j - 1] in extra):
                j -= 1
            else:
                break
        self._left = (i, j)
        return j

    def right(self, i: int) -> int:
        last_i, last_e = self._right
        if last_i <= i <= last_e:
            return last_e
        e = _expand_right(self._text, i, self._extra)
        self._right = (i, e)
        return e


def _finditer_at(
    pattern: re.Pattern[str], text: str, starts: list[int], endpos: int | None = None
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, starts[0], endpos)`` for a pattern that can only match
    at one of the sorted offsets ``starts`` (found at memchr speed): the same matches,
    without trying the pattern at every other position."""
    pos = 0
    end = len(text) if endpos is None else endpos
    match = pattern.match
    for i in starts:
        if i < pos:
            continue
        if i >= end:
            break
        m = match(text, i, end)
        if m:
            yield m
            pos = max(m.end(), i + 1)


_BACKTICK_RUN = re.compile(r"`+")


class BacktickCloser:
    """Where a code span opened at a backtick closes, as BACKTICKS finds it, in
    ``text[:end]``, without scanning ahead from every backtick.

    From a backtick inside a run, BACKTICKS opens with the rest of that run (k
    backticks) and closes at the next run of exactly k backticks; the regex found
    that run by scanning ahead from every backtick, quadratic on a run of them.
    Here each run length maps to the runs of that length, found by bisection.
    """

    def __init__(self, text: str, start: int, end: int) -> None:
        self._runs = [m.span() for m in _BACKTICK_RUN.finditer(text, start, end)]
        self._starts = [a for a, _ in self._runs]
        self._by_length: dict[int, list[int]] = {}
        for k, (a, b) in enumerate(self._runs):
            self._by_length.setdefault(b - a, []).append(k)

    def close(self, i: int) -> int | None:
        """End of the code span opened at the backtick at ``i``, or None."""
        k = bisect.bisect_right(self._starts, i) - 1
        same = self._by_length.get(self._runs[k][1] - i, [])
        j = bisect.bisect_right(same, k)
        return self._runs[same[j]][1] if j < len(same) else None


def _backtick_spans(text: str) -> Iterator[Span]:
    """The spans of ``_finditer_at(BACKTICKS, text, <every backtick>)``, in linear time,
    each inside one paragraph (as in Markdown). Spans are found block by block, and
    the blocks' cuts move with the paragraphs' lengths: a span across a blank line
    masked the text between two stray backticks only when they fell in one block,
    so a fix that changed a length elsewhere decided what was prose."""
    closer = BacktickCloser(text, 0, len(text))
    breaks = [m.start() for m in paragraph_break(text).finditer(text)]
    pos = 0
    for i in _find_all(text, "`"):
        if i < pos:
            continue
        end = closer.close(i)
        if end is None:
            continue
        k = bisect.bisect_right(breaks, i)
        if k < len(breaks) and breaks[k] < end:
            continue  # its closer is in a later paragraph: a literal backtick
        yield i, end
        pos = end


#: Literals an EMOTICON match can start with (``[:;=]…``, ``<3``, ``^^``, ``xD``).
_EMOTICON_STARTS = (":", ";", "=", "<3", "^^", "xD", "XD")


def _emoticons(text: str) -> Iterator[re.Match[str]]:
    """``EMOTICON.finditer(text)``, tried only where a match can start."""
    starts: list[int] = []
    for lit in _EMOTICON_STARTS:
        if lit in text:
            starts.extend(_find_all(text, lit))
    if len(starts) > 1:
        starts.sort()
    return _finditer_at(EMOTICON, text, starts)


#: The characters of _CODE_HINT's first branch (and ``::``); its last starts a line
#: with a keyword.
_HINT_CHARS = "{}=<>|&$\\[]"
#: A line that may open with code, its indentation read through the characters
#: other fixes delete (``   \u200b ... x``: a doctest line once the ZWSP is gone).
_HINT_BODY = (
    rf"[ \t{UNSEEN_CLASS}]*(?:import|from|def|class|function|const|let|var|return|#|>>>|\.\.\.)"
)
_HINT_LINE = re.compile(r"\n" + _HINT_BODY)
_HINT_FIRST = re.compile(_HINT_BODY)


def _code_hints(text: str) -> list[int]:
    """Sorted offsets of the ``_CODE_HINT`` matches' lines (one offset per hit, at or
    inside its line; duplicates allowed)."""
    out: list[int] = []
    for c in _HINT_CHARS:
        if c in text:
            out.extend(_find_all(text, c))
    if "::" in text:
        out.extend(_find_all(text, "::"))
    if _HINT_FIRST.match(text):
        out.append(0)
    out.extend(m.start() + 1 for m in _HINT_LINE.finditer(text))
    out.sort()
    return out


def _lines_at(text: str, offsets: list[int]) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each distinct line holding one of the sorted ``offsets``
    (end excludes the ``\\n``)."""
    n = len(text)
    le = -1
    for p in offsets:
        if p <= le:
            continue
        ls = text.rfind("\n", 0, p) + 1
        le = text.find("\n", p)
        if le < 0:
            le = n
        yield ls, le


def _record(text: str, ls: int, le: int) -> Span | None:
    """The ``Key:`` of a record line at ``ls`` (see :func:`record_re`), entities read as what
    they stand for: ``&#233;tat: actif`` is ``état: actif`` once html-entity has
    run, and must be a record before as after."""
    if "&" not in text[ls:le]:
        rec = record_re().match(text, ls)
        return rec.span() if rec else None
    read, at = _read_entities(text[ls:le])
    rec = record_re().match(read)
    if rec is None or rec.end() == 0:
        return None
    return ls, ls + at[rec.end() - 1]


def _read_entities(line: str) -> tuple[str, list[int]]:
    """``line`` with each entity read as what it stands for, and for each character
    of that reading the offset in ``line`` where it ends (to map a match back)."""
    read: list[str] = []
    at: list[int] = []
    last = 0
    for s, e, value in entity_readings(line):
        read.append(line[last:s])
        at.extend(range(last + 1, s + 1))
        read.append(value)
        at.extend([e] * len(value))
        last = e
    read.append(line[last:])
    at.extend(range(last + 1, len(line) + 1))
    return "".join(read), at


@text_memo(max_chars=2_000_000, max_entries=16384)
def _block_spans(text: str) -> tuple[Span, ...]:
    """Non-prose spans of a block of paragraphs, relative to it (cached by text).

    Every pattern is anchored on a rare literal (``://``, ``@``, ``/``, ``::``,
    ``_``…) or gated by a substring test, so a block of ordinary prose costs a
    handful of C-speed scans.
    """
    spans: list[Span] = []
    _urls(text, spans)
    if "@" in text:
        _emails(text, spans)
    if "/" in text:
        for m in _UNIX_PATH.finditer(text):
            s = m.start()
            rooted = False
            if s > 0 and text[s - 1] == "~":
                s, rooted = s - 1, True
            elif s > 0 and text[s - 1] == ".":
                s, rooted = s - (2 if text[s - 2 : s] == ".." else 1), True
            prev = text[s - 1] if s > 0 else ""
            if prev.isalnum() or prev in "/_":
                continue
            if m.group().count("/") >= 2 or rooted:
                spans.append((s, m.end()))
    if ":\\" in text:
        spans.extend(m.span() for m in _WIN_PATH.finditer(text))
    if "\\\\" in text:
        spans.extend(m.span() for m in _UNC_PATH.finditer(text))
    if "`" in text:
        spans.extend(_backtick_spans(text))
    if "::" in text:
        name, scope = _Expander(text), _Expander(text, _SCOPE_CHARS)
        for i in _find_all(text, "::"):
            spans.append((name.left(i), scope.right(i + 2)))
    if "_" in text:
        ident = _Expander(text)
        for i in _find_all(text, "_"):
            s, e = ident.left(i), ident.right(i + 1)
            if s < i and e > i + 1 and text[s].islower():
                spans.append((s, e))
    if '"' in text or "«" in text:
        for m in _QUOTED_COMMAND.finditer(text):
            if _SHELL_SIGN.search(m.group()):
                spans.append(m.span())
    if "(" in text:
        callee = _Expander(text, "_.")
        for m in _CALL.finditer(text):
            s = m.start()
            if s > 0 and (text[s - 1].isalnum() or text[s - 1] == "_"):
                spans.append((callee.left(s), m.end()))
    for m in _emoticons(text):
        s = m.start()
        prev = text[s - 1] if s > 0 else ""
        if m.group()[0] in ":;=" and (prev.isalnum() or prev in "_:;"):
            continue
        spans.append(m.span())
    for word in _DIRECTIVE_WORDS:
        if word not in text:
            continue
        for i in _find_all(text, word):
            if i == 0 or not text[i - 1].isalnum():
                d = DIRECTIVE.match(text, i)
                if d:
                    spans.append(d.span())
    file_name = _Expander(text, "_-.")
    for m in _EXTENSION.finditer(text):
        s = file_name.left(m.start())
        if s < m.start():
            spans.append((s, m.end()))
    # most blocks hold no invisible character: one test spares a search per line
    clean = not block_holds_any(text, UNSEEN)
    for ls, le in _lines_at(text, _code_hints(text)):
        line = text[ls:le].rstrip("\r")
        if looks_like_code(line, clean):
            spans.append((ls, ls + len(line)))
    if "=" in text:
        assigned: dict[int, Span] = {}
        for ls, le in _lines_at(text, _find_all(text, "=")):
            if _ASSIGNMENT.match(text, ls, le):
                content = text[ls:le].rstrip("\r")
                indent = len(content) - len(content.lstrip(" \t\u00a0"))
                assigned[ls] = (ls + indent, ls + len(content))
        spans.extend(_listed(text, assigned))
    colons = _find_all(text, ":") if ":" in text else []
    if "&" in text:  # ``&colon;`` is a colon once html-entity has written it
        colons = sorted(colons + [s for s, _, v in entity_readings(text) if ":" in v])
    if len(colons) >= 2:
        # a record's colon is on its own line, and record_re() only starts at a line start
        records: dict[int, Span] = {}
        for ls, le in _lines_at(text, colons):
            rec = _record(text, ls, le)
            if rec:
                records[ls] = rec
        spans.extend(_listed(text, records))
    return tuple(merge(spans))


def _listed(text: str, lines: dict[int, Span]) -> list[Span]:
    """The spans of the ``lines`` (keyed by where each starts) that have a neighbour
    line among them: two adjacent ``Key: value`` or ``Key=value`` lines are a
    listing, one alone may be a sentence."""
    out: list[Span] = []
    for ls, span in lines.items():
        nxt = text.find("\n", ls) + 1
        prev_ls = text.rfind("\n", 0, ls - 1) + 1 if ls > 0 else -1
        if (nxt and nxt in lines) or prev_ls in lines:
            out.append(span)
    return out


def heuristic_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Non-prose spans of ``text[start:end]`` (absolute offsets), block by block."""
    return blockwise(text, _block_spans, start, end)


def plain_provider(doc: Document) -> list[Span]:
    return merge(heuristic_spans(doc.text))
