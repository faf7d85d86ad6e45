"""What a file type means to the rules: one :class:`Markup` descriptor per format.

A descriptor says which spans of a document are not prose, how the format writes
a no-break space, how a document declares its language, what a hard line break
looks like, how a comment (where suppression directives go) is written, and
which file names and languageIds it covers. Rules ask the descriptor of their
document (:func:`markup_of`); they never test a languageId themselves.

Each descriptor lives in its own module under :mod:`.markups`; every module of
that package is imported (and so registered) the first time one is looked up,
so a new format is one new file there.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from .document import Document

#: U+00A0 NO-BREAK SPACE and U+202F NARROW NO-BREAK SPACE, the two spaces
#: typography rules insert.
NBSP = "\u00a0"
NNBSP = "\u202f"

#: HTML character references for spaces (valid in HTML, XML and Markdown alike).
HTML_SPACE_ENTITIES: tuple[tuple[str, str], ...] = (
    ("&nbsp;", NBSP), ("&#160;", NBSP), ("&#xa0;", NBSP), ("&#xA0;", NBSP),
    ("&#8239;", NNBSP), ("&#x202f;", NNBSP), ("&#x202F;", NNBSP),
    ("&NonBreakingSpace;", NBSP), ("&thinsp;", " "),
)  # fmt: skip

Spans = Sequence[tuple[int, int]]


class LanguageSpan(NamedTuple):
    """A part of a document whose language the format itself states (a gettext
    ``msgstr`` is in the catalogue's ``Language:``): it is one paragraph for the
    language map, with ``tag`` as its language (``None``: detect it)."""

    start: int
    end: int
    tag: str | None
    #: Text quoted from the source the document translates: its author is
    #: elsewhere, so whitespace rules leave it alone.
    source: bool = False


class TranslationUnit(NamedTuple):
    """A source message and its translations (a gettext entry), for the rules
    that compare them. Each message is the ``(start, end)`` spans of its quoted
    strings' contents, escapes (C style: ``\\n``, ``\\t``, ``\\"``) intact, read
    one after the other as one string. Only translated, non-fuzzy units are listed."""

    source: tuple[tuple[int, int], ...]
    translations: tuple[tuple[tuple[int, int], ...], ...]


@dataclass(frozen=True, eq=False)
class Markup:
    """A file format, described once; see the module docstring."""

    name: str
    #: languageIds this descriptor handles (as editors send them).
    language_ids: tuple[str, ...]
    #: Prose files get stricter defaults (one blank line, not two); source code does not.
    prose: bool = True
    #: languageIds parsed like ``language_ids`` but held to source-code defaults.
    extra_ids: tuple[str, ...] = ()
    #: File extension (lower case, with the dot) → languageId, for the CLI.
    extensions: Mapping[str, str] = field(default_factory=dict)
    #: Exact file names → languageId (``COMMIT_EDITMSG``…).
    filenames: Mapping[str, str] = field(default_factory=dict)
    #: The sorted, non-overlapping spans that are not prose (code, markup, URLs…).
    non_prose: Callable[[Document], Spans] | None = field(default=None)
    #: The spans of code the document quotes, where the format marks it itself
    #: (HTML's ``<pre>`` and ``<code>``), for :func:`.regions.in_quoted_code`; else
    #: that reads the non-prose spans' openings (fences, indentation).
    quoted_code: Callable[[Document], Spans] | None = field(default=None)
    #: Markup that stands for a no-break space: ``(token, character it stands for)``;
    #: a token standing for ``""`` is nothing at all (a string continued on the
    #: next line), so a gap may run across it.
    nobreak_tokens: tuple[tuple[str, str], ...] = ()
    #: How this format writes U+00A0 and U+202F when a fix inserts one.
    nbsp: str = NBSP
    narrow_nbsp: str = NNBSP
    #: The renderer collapses runs of blanks (Markdown, HTML, LaTeX…): two spaces
    #: after a sentence are a typing habit no reader sees there.
    collapses_blanks: bool = False
    #: The sorted spans that part paragraphs besides blank lines, for language
    #: detection (HTML's block-level tags: a page written without blank lines was
    #: one paragraph, and its untranslated English paragraphs were read as French).
    paragraph_breaks: Callable[[Document], Spans] | None = field(default=None)
    #: The language the document declares for itself (front matter, ``<html lang>``).
    declared_language: Callable[[Document], str | None] | None = field(default=None)
    #: The spans whose language the format states (they replace paragraph
    #: detection: see :class:`LanguageSpan`), in order.
    language_spans: Callable[[Document], Sequence[LanguageSpan]] | None = field(default=None)
    #: The translation units of a bilingual format (see :class:`TranslationUnit`).
    translation_units: Callable[[Document], Sequence[TranslationUnit]] | None = field(default=None)
    #: True when the trailing blanks ``text[start:end]`` are a hard line break.
    hard_break: Callable[[str, int, int], bool] | None = field(default=None)
    #: How a one-line comment is written, as ``(opening, closing)``: where a
    #: ``textsweep: disable…`` directive goes (directives are found by their words,
    #: so any comment syntax works; this says which one to suggest).
    comment: tuple[str, str] | None = None
    #: Comment syntax per languageId, where it differs from ``comment`` (source code).
    comments: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    #: A comment may end a line of text (``text <!-- … -->``, ``text % …``, ``x = 1  # …``);
    #: else comments go on lines of their own.
    trailing_comment: bool = False
    #: A comment line inside a paragraph splits it (Markdown's HTML block, reST, Org):
    #: a directive line goes above a paragraph's first line only.
    comment_splits_paragraph: bool = False
    #: False where a comment may not start at this offset (inside a code block, a
    #: verbatim environment, a string literal): it would be text, not a comment.
    comment_allowed: Callable[[Document, int], bool] | None = field(default=None)
    #: The descriptor used for languageIds nobody registered (plain-text heuristics).
    fallback: bool = False

    def comment_of(self, language_id: str) -> tuple[str, str] | None:
        """How a one-line comment is written in a document of ``language_id``."""
        return self.comments.get(language_id, self.comment)

    def write_nobreak(self, char: str) -> str:
        """How to write the no-break space ``char`` (U+00A0 or U+202F) in this format."""
        if char == NBSP:
            return self.nbsp
        if char == NNBSP:
            return self.narrow_nbsp
        return char


_BY_ID: dict[str, Markup] = {}
_PROSE_IDS: set[str] = set()
_BY_EXTENSION: dict[str, str] = {}
_BY_FILENAME: dict[str, str] = {}
_FALLBACK: list[Markup] = []
_LOADED = False
_LOCK = threading.Lock()


def register(markup: Markup) -> Markup:
    """Declare ``markup`` (each module under :mod:`.markups` calls this once)."""
    for lang in (*markup.language_ids, *markup.extra_ids):
        if lang in _BY_ID:
            other = _BY_ID[lang].name
            raise ValueError(f"languageId {lang!r} claimed by {other} and {markup.name}")
        _BY_ID[lang] = markup
    if markup.prose:
        _PROSE_IDS.update(markup.language_ids)
    _BY_EXTENSION.update({ext.lower(): lang for ext, lang in markup.extensions.items()})
    _BY_FILENAME.update(markup.filenames)
    if markup.fallback:
        _FALLBACK[:] = [markup]
    return markup


def _load() -> None:
    global _LOADED
    if _LOADED:
        return
    with _LOCK:
        if not _LOADED:
            from . import markups  # noqa: F401  (registers on import)

            _LOADED = True


def all_markups() -> list[Markup]:
    """Every registered descriptor, by name."""
    _load()
    return sorted(set(_BY_ID.values()), key=lambda m: m.name)


def markup_for(language_id: str) -> Markup | None:
    """The descriptor registered for ``language_id``, or None (unknown file type)."""
    _load()
    return _BY_ID.get(language_id)


def markup_of(doc: Document) -> Markup:
    """The document's descriptor; unknown file types get the plain-text one."""
    _load()
    return _BY_ID.get(doc.language_id) or _FALLBACK[0]


def is_prose_language(language_id: str) -> bool:
    """Prose files get stricter defaults (one blank line, not two)."""
    _load()
    return language_id in _PROSE_IDS


def language_for_path(path: str) -> str:
    """Guess the LSP languageId of a file from its name."""
    _load()
    name = os.path.basename(path)
    if name in _BY_FILENAME:
        return _BY_FILENAME[name]
    _, ext = os.path.splitext(name)
    return _BY_EXTENSION.get(ext.lower(), "plaintext")
