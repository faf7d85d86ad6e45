"""Plain-text heuristics: what, inside running text, is not prose.

Applied to plain-text files, and to the prose parts every other provider leaves
(Markdown paragraphs, comments, strings…): URLs, e-mail addresses, file paths,
inline code in backticks, emoticons, C++ scopes (``std::vector``), lines that
look like code or shell sessions, and blocks of ``Key: value`` records.

Results are cached per paragraph text (an LRU), so an edit only re-scans the
paragraphs it touched.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..document import Document
from ._spans import Span, merge

URL = re.compile(
    r"""(?:\b[a-zA-Z][a-zA-Z0-9+.-]{1,15}://|\bwww\.|\bmailto:|\burn:|\bdoi:)"""
    r"""[^\s<>"«»`]*[^\s<>"«»`.,;:!?)\]}'’]""",
)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
#: Unix paths (two segments at least, or rooted at ~ . ..), Windows drive and UNC paths.
PATH = re.compile(
    r"(?<![\w/])(?:~|\.{1,2})?/[\w.@%+-]+(?:/[\w.@%+-]*)+"
    r"|(?<![\w/])(?:~|\.{1,2})/[\w.@%+-]+"
    r"|\b[A-Za-z]:\\[^\s«»\"]*"
    r"|\\\\[\w.$-]+\\[^\s«»\"]*"
)
#: A dotted file name with a known-looking extension (``config.yaml``, ``main.rs``).
FILENAME = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.[a-z][a-z0-9]{0,4}\b(?=[\s,;:!?)»]|$)")
BACKTICKS = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
EMOTICON = re.compile(
    r"(?<![\w:;])(?:[:;=8][-'^o]?[)(\]\[DPpOo3|/\\*$@]|[:;]'\(|<3|\^\^|[xX]D)(?![\w)(])"
    r"|:[a-z0-9_+-]{2,30}:(?![\w/])"
)
#: Our own inline directives (``textsweep: language=fr``) and other tools' magic comments.
DIRECTIVE = re.compile(
    r"\b(?:textsweep|ltex|harper|textlint-disable|textlint-enable|eslint-disable|noqa|"
    r"vim|pylint|mypy|prettier-ignore|cspell)[:-][^\r\n]*|\btype:\s*ignore\b[^\r\n]*"
)
SCOPE = re.compile(r"\w*::[\w~]+(?:::[\w~]+)*(?:\(\))?|\b\w+::")
#: Identifiers that are obviously code: snake_case, camelCase() calls, a.b.c().
IDENT = re.compile(r"\b\w+\([^()\s]*\)|\b[a-z]\w*_\w+\b|\b\w+(?:\.\w+)+\(\)")
#: A record line: ``Key: value`` with a one-to-three-word key glued to its colon.
RECORD = re.compile(r"^[ \t]*[\w][\w.-]*(?:[ \t][\w.-]+){0,2}:(?=[ \t]+\S)", re.MULTILINE)
_CODE_START = re.compile(
    r"^[ \t]*(?:\$ |> ?\$ |>>> |\.\.\. |#include\b|#define\b|import [\w.]+|from [\w.]+ import"
    r"|def \w+\(|class \w+[:(]|function\b|const \w+ =|let \w+ =|var \w+ =|return\b.*;"
    r"|(?:if|for|while|switch) ?\(.*\) ?\{|[{}\])];?[ \t]*$|<\?|@\w+\(|\w+\s*=\s*\w*\(.*\)\s*;?$)"
)
_CODE_CHARS = re.compile(r"[{}();=<>\[\]|&$\\]|->|=>|::|==|!=|&&|\|\|")
_WORD = re.compile(r"[^\W\d_]{2,}")
_LINE = re.compile(r"[^\r\n]*")


def looks_like_code(line: str) -> bool:
    """A whole line of code or a shell command, not a sentence."""
    stripped = line.strip()
    if not stripped:
        return False
    if _CODE_START.match(line):
        return True
    symbols = len(_CODE_CHARS.findall(stripped))
    words = len(_WORD.findall(stripped))
    if stripped.endswith(";") and symbols >= 2 and "(" in stripped:
        return True
    return symbols >= 4 and symbols * 2 >= words


@lru_cache(maxsize=8192)
def _paragraph_spans(text: str) -> tuple[Span, ...]:
    """Non-prose spans, relative to the paragraph ``text``."""
    spans: list[Span] = []
    for pattern in (URL, EMAIL, PATH, BACKTICKS, EMOTICON, SCOPE, IDENT, DIRECTIVE):
        spans.extend(m.span() for m in pattern.finditer(text))
    for m in FILENAME.finditer(text):
        if "." in m.group() and not m.group()[-1].isupper():
            ext = m.group().rsplit(".", 1)[1]
            if ext in _EXTENSIONS:
                spans.append(m.span())
    lines = [m for m in _LINE.finditer(text) if m.end() > m.start()]
    for m in lines:
        if looks_like_code(m.group()):
            spans.append(m.span())
    records = [m for m in RECORD.finditer(text)]
    if len(records) >= 2:
        starts = {m.start() for m in lines}
        for m in records:
            if m.start() in starts:
                spans.append(m.span())
    return tuple(merge(spans))


_EXTENSIONS = frozenset(
    "py js ts tsx jsx rs go c h cc cpp hpp java sh bash zsh yaml yml toml json md txt rst "
    "tex html htm xml css csv tsv log ini cfg conf lock pdf png jpg jpeg gif svg zip gz tar "
    "exe dll so dylib rb php lua sql kt swift mjs cjs vue lean el vim".split()
)

_PARAGRAPH_BREAK = re.compile(r"(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)")


def heuristic_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Non-prose spans of ``text[start:end]`` (absolute offsets), paragraph by paragraph."""
    end = len(text) if end is None else end
    out: list[Span] = []
    pos = start
    for m in _PARAGRAPH_BREAK.finditer(text, start, end):
        _add(out, text, pos, m.start())
        pos = m.end()
    _add(out, text, pos, end)
    return out


def _add(out: list[Span], text: str, start: int, end: int) -> None:
    if end <= start:
        return
    chunk = text[start:end]
    out.extend((start + s, start + e) for s, e in _paragraph_spans(chunk))


def plain_provider(doc: Document) -> list[Span]:
    return merge(heuristic_spans(doc.text))
