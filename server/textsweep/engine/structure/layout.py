"""Plain-text layout: the lines of a plain-text file that are laid out, not written.

Rendered manuals and READMEs hold ASCII tables (``|cd   |…|``, ``+----+``),
columns aligned with runs of spaces (``apt-get update     ->  apt update``),
console transcripts (``$ lsb_release -a`` and its output) and ``Key:   value``
records. Their runs of spaces are alignment, and their punctuation is code or
program output: the doubled-space and punctuation rules have nothing to say
there. Rules that judge what a line holds regardless of its reading (trailing
whitespace, blank lines, invisible and encoding characters) do not consult the
non-prose mask and still apply.

A line is layout when it shows it *with its neighbours*: a run of two spaces or
more that ends at the same display column as one on the line above or below, a
table border or row, box-drawing characters, a shell prompt (and the output
under it, to the end of the paragraph), a ``Key:   value`` record next to
another record. A lone doubled space in a sentence is none of these and stays a
finding, even in a paragraph next to a table.

Every line is looked at once and compared with its two neighbours only, so the
cost is linear in the text; results are cached per block of paragraphs, as the
other plain-text heuristics are.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache
from itertools import accumulate

from ..chars import UNSEEN, drop_unseen, shows
from ..document import block_holds_any
from ..entities import read_entities
from ..memo import text_memo
from ._spans import Span, blockwise
from .breaks import block_breaks

#: Blanks that indent or pad a line (rendered manuals indent with U+00A0 too).
_BLANKS = " \t\u00a0\u3000"
#: A run of two spaces or more between two non-blank characters (checked in Python).
_RUN = re.compile(r" {2,}")
#: A table border is made of these only, with three dashes or equals signs in a row
#: (``+-----+``, ``|----+----|``, ``-------  -------``).
_BORDER_CHARS = "-=+|: "
#: Box-drawing characters (``┌──┬──┐``).
_BOX = re.compile("[\u2500-\u257f]")
#: Characters two columns wide (East Asian Wide and Fullwidth, by block).
WIDE_CLASS = (
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6"
    "\U00020000-\U0003fffd]"
)
#: The first character ``WIDE_CLASS`` holds: a line below it has no wide character.
_FIRST_WIDE = "\u1100"


@cache
def _wide() -> re.Pattern[str]:
    """``WIDE_CLASS`` compiled at its first use: its CJK ranges cost every start
    8 ms to compile (a Python loop over each BMP range), and most lines are
    below U+1100."""
    return re.compile(WIDE_CLASS)


#: A shell prompt: ``$ cmd``, ``user@host:~$ cmd``, ``host$ cmd``, ``C:\\dir> cmd``,
#: ``>>> code``. ``$`` and ``#`` may be followed by more than one space (``$  objdump
#: -D …``: the Debian Reference's listings): the run is still the prompt's, not
#: prose. A host or user name before ``$`` is lower case (``vore$ dchroot``,
#: ``username $ xhost +``): ``US$ 5`` starts no transcript.
_PROMPT = re.compile(
    r"(?:\$ +\S|[a-z][\w.-]* ?\$ +\S|[\w.-]+@[\w.-]+(?::[^\s$#]*)?[$#%] ?\S"
    r"|[A-Z]:\\[^>\s]*> ?\S|>>> \S)"
)
#: The root and csh prompts ``# cmd`` and ``% cmd`` (only on an indented line, followed
#: by a lower-case command word: ``# Notes`` at a line start is a heading).
_ROOT_PROMPT = re.compile(r"[#%] +[a-z][\w.+-]*(?: |$)")
#: A ``Key:`` record start (one to three words glued to the colon).
_RECORD = re.compile(r"[\w][\w.-]*(?: [\w.-]+){0,2}:")
#: A command line shown on its own: a lower-case command word, then options, a pipe,
#: an assignment, a quote or a variable (``find . -type f | xargs …``,
#: ``alias ls='ls --time-style=+%d.%m.%y %H:%M'``). Command names are ASCII:
#: ``dépôt ;`` is a word, and ``dÃ©pÃ´t ;`` (its mojibake) must read the same.
_COMMAND = re.compile(r"[a-z][a-z0-9_.+-]*(?: |$)")
_COMMAND_HINT = re.compile(r" --?\w| \| |[=;$'{}\\]")
#: A run this long is alignment even on a line of its own (``libc6        install``).
LONG_RUN = 6
#: A Debian changelog (or NEWS) entry's trailer line: `` -- Name <mail>  date``. Its
#: two spaces are the format's (dpkg rejects a trailer with one), and the date's
#: day may be padded (``Sat,  6 Sep 2003``): the line is a record, not a sentence.
_TRAILER = re.compile(r"-- \S[^<>\r\n]*<[^<>\s@]+@[^<>\s]+>  \S")


def _utf8_image_class() -> str:
    """The Windows-1252 images of UTF-8's continuation bytes (0x80–0xBF; the five
    bytes it leaves undefined read as the C1 control of that number, as ftfy reads
    them), as a regex class."""
    images = []
    for b in range(0x80, 0xC0):
        try:
            images.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            images.append(chr(b))
    return "[" + re.escape("".join(images)) + "]"


#: A UTF-8 sequence shown as Windows-1252 (``â€™`` for ``’``, ``Ã©`` for ``é``):
#: one column once the mojibake rule repairs it.
_UTF8_IMAGE = re.compile(
    "[\u00c2-\u00df]{c}|[\u00e0-\u00ef]{c}{{2}}|[\u00f0-\u00f4]{c}{{3}}".format(
        c=_utf8_image_class()
    )
)


def _display_columns(line: str, offsets: list[int]) -> set[int]:
    """The display columns of the sorted ``offsets`` of ``line``: wide CJK characters
    count two, and a UTF-8 sequence shown as Windows-1252 one (``â€™été    -`` is
    aligned as ``’été    -`` is once repaired: read as written, the repair turned
    two lines into a table)."""
    end = offsets[-1]
    if end <= 0:
        return set(offsets)
    top = max(line[:end])
    shrink: list[tuple[int, int]] = []  # (offset after the sequence, columns it loses)
    if top >= "\u00c2":
        shrink = [(m.end(), len(m.group()) - 1) for m in _UTF8_IMAGE.finditer(line, 0, end)]
    if top < _FIRST_WIDE and not shrink:
        return set(offsets)
    wide = [m.start() for m in _wide().finditer(line, 0, end)] if top >= _FIRST_WIDE else []
    ends = [e for e, _ in shrink]
    lost = list(accumulate(n for _, n in shrink))
    out = set()
    for o in offsets:
        i = bisect_right(ends, o)
        out.add(o + bisect_left(wide, o) - (lost[i - 1] if i else 0))
    return out


class _Line:
    """What one line shows of layout."""

    __slots__ = (
        "content",
        "end",
        "ends",
        "flag",
        "indent",
        "longest",
        "prompt",
        "record",
        "start",
        "wide",
    )

    def __init__(self, start: int, line: str, clean: bool = False) -> None:
        self.start = start
        stripped = line.lstrip(_BLANKS)
        self.indent = len(line) - len(stripped)
        content = stripped.rstrip()
        self.end = self.indent + len(content)
        # interior runs of spaces (not the indentation, not the line end)
        runs: list[tuple[int, int]] = []
        if "  " in line:  # most lines have none: one substring test, not a scan
            indent = self.indent
            runs = [m.span() for m in _RUN.finditer(line, indent, self.end) if m.start() > indent]
        self.longest = max([e - s for s, e in runs]) if runs else 0
        if not runs:
            self.ends: set[int] = set()
            self.wide: set[int] = set()
        elif line.isascii():
            self.ends = {e for _, e in runs}
            self.wide = {e for b, e in runs if e - b > 2}
        else:
            self.ends = _display_columns(line, [e for _, e in runs])
            wide = [e for b, e in runs if e - b > 2]
            self.wide = _display_columns(line, wide) if wide else set()
        # Read without what other fixes delete: ``\u200b$ make`` is a prompt already.
        # (``clean``: the block holds none of those characters, nothing to drop.)
        content = (content if clean else drop_unseen(content)).strip()
        #: what :func:`_is_command` reads; an entity as html-entity writes it (the
        #: ``;`` of ``conseil &eacute;`` made a command line of it until the fix)
        self.content = read_entities(content) if ";" in content else content
        self.flag = bool(content) and (
            (content[0] in "|+" and content[-1] in "|+" and len(content) > 1)
            or (not content.strip(_BORDER_CHARS) and ("---" in content or "===" in content))
            or (not content.isascii() and _BOX.search(content) is not None)
        )
        # Every prompt starts with ``$ > # %`` or holds ``@`` or ``:\``: most lines
        # are ruled out without trying the patterns.
        self.prompt = (
            bool(content)
            and (content[0] in "$>#%" or "@" in content or ":\\" in content or "$ " in content)
            and (
                _PROMPT.match(content) is not None
                or (self.indent > 0 and _ROOT_PROMPT.match(content) is not None)
            )
        )
        rec = _RECORD.match(content) if runs else None
        self.record = rec is not None and any(s == self.indent + rec.end() for s, _ in runs)


def _is_command(content: str) -> bool:
    """A command line shown on its own (see ``_COMMAND``); asked only until a
    paragraph's first line that is not one, not of every line."""
    return (
        _COMMAND.match(content) is not None
        and _COMMAND_HINT.search(content) is not None
        and content[-1] not in ".,:!?"
    )


def _paragraph_layout(lines: list[_Line], out: list[Span]) -> None:
    """Mark the layout lines of one paragraph (consecutive non-blank lines)."""
    n = len(lines)
    layout = [
        ln.flag
        or ln.longest >= LONG_RUN
        or (ln.content.startswith("-- ") and _TRAILER.match(ln.content) is not None)
        for ln in lines
    ]
    if all(_is_command(ln.content) for ln in lines):
        # a paragraph of command lines only: a listing set apart from the prose
        layout = [True] * n
    for i in range(n - 1):
        a, b = lines[i], lines[i + 1]
        shared = a.ends & b.ends if a.ends and b.ends else None
        # one shared column of two-space runs on two lines may be chance ("a  b" over
        # "c  d"): two columns, a wider run, or a third line at that column is not
        if shared and (
            len(shared) > 1
            or not shared.isdisjoint(a.wide)
            or not shared.isdisjoint(b.wide)
            or (i + 2 < n and not shared.isdisjoint(lines[i + 2].ends))
        ):
            layout[i] = layout[i + 1] = True
            if i + 2 < n and not shared.isdisjoint(lines[i + 2].ends):
                layout[i + 2] = True
        if a.record and b.record:
            layout[i] = layout[i + 1] = True
    # A command continued on the next line (``zenity --width 640  --height 400 \\``):
    # it and its continuation lines are code, even in a script mixed with comments.
    continued = False
    for i, ln in enumerate(lines):
        ends = ln.content.endswith(" \\")
        if continued or (ends and _is_command(ln.content)):
            layout[i] = True
            continued = ends
        else:
            continued = False
    # a transcript: a prompt line and what follows it, as deep or deeper
    depth = -1
    for i, ln in enumerate(lines):
        if ln.prompt:
            depth = ln.indent
        elif depth >= 0 and ln.indent < depth:
            depth = -1
        if depth >= 0:
            layout[i] = True
    for ln, lay in zip(lines, layout, strict=True):
        if lay and ln.end > ln.indent:
            out.append((ln.start + ln.indent, ln.start + ln.end))


#: What a paragraph holds when one of its lines may be layout: a run of spaces after a
#: visible character, a border or cell sign (``|`` ``---`` ``===``), a prompt (``$ ``
#: ``# `` ``% `` ``> ``), a lower-case first word (a command), box drawing. A
#: paragraph with none of them costs a few C-speed scans.
#: (The two spaces lead, the character before them is looked back at: led by a
#: negated class, the regex tested it at every character; a literal lead is found
#: at C speed. Only whether there is a match is asked.)
_AFTER_VISIBLE_RUN = re.compile(r"(?<=[^ \t\r\n\u00a0])  ")


def _worth_a_look(para: str, clean: bool = False) -> bool:
    # The tests at C speed first; the regexes scan the paragraph character by
    # character (30 ms for 1 MB), so each runs only when a literal it needs is there.
    if (
        "|" in para
        or "---" in para
        or "===" in para
        or "$ " in para
        or "# " in para
        or "% " in para
        or "> " in para
        or " \\\n" in para  # a command continued on the next line
        or " \\\r" in para
        or ("  " in para and _AFTER_VISIBLE_RUN.search(para) is not None)
        or (not para.isascii() and _BOX.search(para) is not None)
    ):
        return True
    # the first visible letter, through what other fixes delete (``\u200bls -l``)
    head = para.lstrip(_BLANKS + "\r\n")[:32]
    first = (head if clean else drop_unseen(head)).lstrip(_BLANKS + "\r\n")[:1]
    # a lower-case first word matters for a command (it needs a hint) or a
    # ``user@host:~$`` or ``C:\dir>`` prompt: 200,000 lines of ``ligne`` have none
    return "a" <= first <= "z" and ("@" in para or ":\\" in para or _command_hint(para))


def _command_hint(text: str) -> bool:
    """``_COMMAND_HINT.search(text) is not None``: its one-character branch and
    `` | `` as substring tests, the regex only for `` -`` followed by a word."""
    return (
        "=" in text
        or ";" in text
        or "$" in text
        or "'" in text
        or "{" in text
        or "}" in text
        or "\\" in text
        or " | " in text
        or (" -" in text and _COMMAND_HINT.search(text) is not None)
    )


def _scan_paragraph(text: str, pos: int, end: int, out: list[Span], clean: bool = False) -> None:
    """Cut ``text[pos:end]`` into runs of non-blank lines and mark their layout
    (``clean``: the text holds no character :func:`.drop_unseen` drops)."""
    para: list[_Line] = []
    while pos < end:
        nl = text.find("\n", pos, end)
        if nl < 0:
            nl = end
        line = text[pos:nl].rstrip("\r")
        # a line of blanks and invisible characters (`` \u202f``, ``\u200b``) is
        # blank to a reader, and becomes empty once trailing-whitespace has run
        if line.strip(_BLANKS) and shows(line if clean else drop_unseen(line)):
            para.append(_Line(pos, line, clean))
        elif para:
            _paragraph_layout(para, out)
            para = []
        pos = nl + 1
    if para:
        _paragraph_layout(para, out)


@text_memo(max_chars=2_000_000, max_entries=16384)
def _block_layout(text: str) -> tuple[Span, ...]:
    """Layout spans of a block of paragraphs, relative to it (cached by text)."""
    out: list[Span] = []
    start = 0
    # most blocks hold no invisible character: one test spares a call per line
    clean = not block_holds_any(text, UNSEEN)
    for brk in [*block_breaks(text), None]:
        end = len(text) if brk is None else brk[0] + 1
        if _worth_a_look(text[start:end], clean):
            _scan_paragraph(text, start, end, out, clean)
        if brk is not None:
            start = brk[1]
    return tuple(out)


def layout_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """The layout lines of ``text[start:end]`` (absolute offsets), block by block."""
    return blockwise(text, _block_layout, start, end)
