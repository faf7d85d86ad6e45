"""Source code: only comments and string literals are prose (Pygments lexers).

The lexer is chosen by LSP languageId, else by the file's extension. Inside
comments the comment markers (``#``, ``//``, `` * ``…) and the indentation after
them are not prose; preprocessor lines, shebangs, regexes, escapes and
interpolations (``{name}``, ``%s``) are not either. A string literal counts as prose
only when it holds at least two words separated by a space (``"name,age"`` or
``"utf-8"`` are data, not sentences).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache

from pygments.lexer import Lexer  # type: ignore[import-untyped]
from pygments.lexers import (  # type: ignore[import-untyped]
    get_lexer_by_name,
    get_lexer_for_filename,
)
from pygments.token import Comment, String, _TokenType  # type: ignore[import-untyped]
from pygments.util import ClassNotFound  # type: ignore[import-untyped]

from ..document import Document
from ._spans import Span, gaps, merge
from .plain import heuristic_spans

#: LSP languageId → Pygments alias.
LANGUAGE_LEXERS: dict[str, str] = {
    "python": "python",
    "javascript": "javascript",
    "javascriptreact": "jsx",
    "typescript": "typescript",
    "typescriptreact": "tsx",
    "rust": "rust",
    "go": "go",
    "c": "c",
    "cpp": "cpp",
    "csharp": "csharp",
    "java": "java",
    "kotlin": "kotlin",
    "swift": "swift",
    "shellscript": "bash",
    "sh": "bash",
    "bash": "bash",
    "powershell": "powershell",
    "yaml": "yaml",
    "toml": "toml",
    "json": "json",
    "jsonc": "json",
    "css": "css",
    "scss": "scss",
    "ruby": "ruby",
    "php": "php",
    "lua": "lua",
    "perl": "perl",
    "r": "r",
    "sql": "sql",
    "dockerfile": "docker",
    "makefile": "make",
    "ini": "ini",
    "properties": "properties",
    "haskell": "haskell",
    "elixir": "elixir",
    "erlang": "erlang",
    "scala": "scala",
    "dart": "dart",
    "zig": "zig",
    "vue": "vue",
    "objective-c": "objective-c",
    "fsharp": "fsharp",
    "clojure": "clojure",
    "lisp": "common-lisp",
    "vim": "vim",
    "nix": "nix",
}

_NOT_PROSE_TOKENS = (
    Comment.Preproc,
    Comment.PreprocFile,
    Comment.Hashbang,
    String.Escape,
    String.Interpol,
    String.Regex,
    String.Affix,
    String.Symbol,
    String.Char,
    String.Delimiter,
)
_COMMENT_MARKERS = re.compile(
    r"^[ \t]*(?:#+!?|//+!?|/\*+!?|\*+/?|--+|;+|%+|<!--|\{-|\(\*|\"|'|REM\b)?[ \t]*",
    re.MULTILINE,
)
_COMMENT_END = re.compile(r"[ \t]*(?:\*+/|-->|-\}|\*\))[ \t]*$", re.MULTILINE)
_FORMAT = re.compile(
    r"%(?:\([\w.]+\))?[-+ #0]*(?:\d+|\*)?(?:\.\d+)?[hlLqjzt]*[diouxXeEfFgGcrsab%]"
    r"|\{[\w.\[\]!:<>^=+#0-9,-]*\}|\$\{[^}]*\}|\$\w+"
)
_WORD = re.compile(r"[^\W\d_]{2,}")
#: A whitespace-only line's content (Python's ``\\s``, less the line breaks).
_BLANK_LINE_CONTENT = re.compile(r"^[^\S\r\n]+(?=\r|\n|\Z)", re.MULTILINE)
#: What :func:`_tokens` removes: the CR of a CRLF, or a whitespace-only line's content.
_REMOVED = re.compile(r"\r(?=\n)|(?:(?<=[\r\n])|\A)[^\S\r\n]+(?=\r|\n|\Z)")
#: Languages where backticks quote a template string, not a shell command.
_TEMPLATE_BACKTICKS = frozenset(
    {"javascript", "javascriptreact", "typescript", "typescriptreact", "vue", "go"}
)


@lru_cache(maxsize=64)
def _lexer(language_id: str, path: str | None) -> Lexer | None:
    alias = LANGUAGE_LEXERS.get(language_id)
    try:
        if alias:
            return get_lexer_by_name(alias, stripnl=False, ensurenl=False)
        if path:
            return get_lexer_for_filename(path, stripnl=False, ensurenl=False)
    except ClassNotFound:
        return None
    return None


def lexer_for(doc: Document) -> Lexer | None:
    return _lexer(doc.language_id, doc.path)


def _is(tok: _TokenType, parents: tuple[_TokenType, ...]) -> bool:
    return any(tok in p for p in parents)


def _tokens(lexer: Lexer, text: str) -> Iterator[tuple[int, int, _TokenType]]:
    """``(start, end, token type)`` of each token, offsets in ``text``.

    The lexers expect LF line ends (Pygments' own ``get_tokens`` converts CRLF
    and CR), and some rules, such as Python's docstring rule starting with
    ``^(\\s*)``, rescan a whole run of whitespace-only lines from each line:
    quadratic on ``" \\n" * n``. So lex a text with LF ends and blank lines
    emptied, and map the offsets back (a removed character belongs to the token
    that starts just after it).
    """
    if "\r" not in text and _BLANK_LINE_CONTENT.search(text) is None:
        for start, tok, value in lexer.get_tokens_unprocessed(text):
            yield start, start + len(value), tok
        return
    # Where each removed stretch sat in the lexed text, and the characters
    # removed up to and including it.
    where: list[int] = []
    removed: list[int] = [0]
    pieces: list[str] = []
    pos = 0
    for m in _REMOVED.finditer(text):
        s, e = m.span()
        pieces.append(text[pos:s])
        where.append(s - removed[-1])
        removed.append(removed[-1] + e - s)
        pos = e
    pieces.append(text[pos:])
    plain = "".join(pieces).replace("\r", "\n")
    for start, tok, value in lexer.get_tokens_unprocessed(plain):
        end = start + len(value)
        yield (
            start + removed[bisect.bisect_left(where, start)],
            end + removed[bisect.bisect_left(where, end)],
            tok,
        )


def string_spans(doc: Document) -> list[Span]:
    """The string literals of a source file, whole (a comment inside one would be text)."""

    def compute(d: Document) -> list[Span]:
        lexer = lexer_for(d)
        if lexer is None:
            return []
        out: list[Span] = []
        for start, end, tok in _tokens(lexer, d.text):
            if tok in String:
                if out and out[-1][1] >= start:
                    out[-1] = (out[-1][0], max(out[-1][1], end))
                else:
                    out.append((start, end))
        return out

    return doc.cached("code.strings", compute)


def code_spans(doc: Document) -> list[Span]:
    """Everything but the prose inside comments and string literals."""
    text = doc.text
    lexer = lexer_for(doc)
    if lexer is None:
        return [(0, len(text))] if text else []
    spans: list[Span] = []
    prose: list[tuple[int, int, bool]] = []  # (start, end, is_comment)
    backtick_prose = doc.language_id in _TEMPLATE_BACKTICKS
    for start, end, tok in _tokens(lexer, text):
        if tok in String.Backtick and not backtick_prose:
            pass
        elif tok in Comment and not _is(tok, _NOT_PROSE_TOKENS):
            prose.append((start, end, True))
        elif tok in String and not _is(tok, _NOT_PROSE_TOKENS):
            prose.append((start, end, False))
    # merge adjacent string pieces (Pygments splits around escapes and interpolations)
    merged: list[list[int]] = []
    for s, e, is_comment in prose:
        if merged and not is_comment and not merged[-1][2] and s - merged[-1][1] <= 8:
            spans.append((merged[-1][1], s))
            merged[-1][1] = e
        else:
            merged.append([s, e, int(is_comment)])
    last = 0
    for s, e, comment in merged:
        if s > last:
            spans.append((last, s))
        last = e
        if comment:
            body = text[s:e]
            for m in _COMMENT_MARKERS.finditer(body):
                if m.end() > m.start():
                    spans.append((s + m.start(), s + m.end()))
            spans.extend((s + m.start(), s + m.end()) for m in _COMMENT_END.finditer(body))
        else:
            body = text[s:e]
            if not (" " in body and len(_WORD.findall(body)) >= 2):
                spans.append((s, e))
                continue
            # the quotes themselves, and format placeholders
            q = len(body) - len(body.lstrip("'\"`"))
            q2 = len(body) - len(body.rstrip("'\"`"))
            spans.append((s, s + q))
            spans.append((e - q2, e))
            spans.extend(m.span() for m in _FORMAT.finditer(text, s, e))
    if last < len(text):
        spans.append((last, len(text)))
    # Plain-text heuristics (URLs, paths…) for what the markup left as prose.
    for s, e in gaps(merge(spans), 0, len(text)):
        spans.extend(heuristic_spans(text, s, e))
    return merge(spans)
