"""HTML and XML: tags, scripts and styles are not prose; ``<html lang>`` declares
the language; character references may write no-break spaces."""

from __future__ import annotations

from ..document import Document
from ..markup import HTML_SPACE_ENTITIES, Markup, register
from ..structure._spans import Span


def html_spans(doc: Document) -> list[Span]:
    """:func:`..structure.html.html_spans`, imported on first use: a check of a file
    of another type never loads that parser nor compiles its patterns."""
    from ..structure.html import html_spans

    return html_spans(doc)


def html_lang(doc: Document) -> str | None:
    """:func:`..structure.html.html_lang` (imported on first use, as above)."""
    from ..structure.html import html_lang

    return html_lang(doc)


def code_elements(doc: Document) -> list[Span]:
    """:func:`..structure.html.code_elements` (imported on first use, as above)."""
    from ..structure.html import code_elements

    return doc.cached("html.code", code_elements)


def block_tags(doc: Document) -> list[Span]:
    """:func:`..structure.html.block_tags` (imported on first use, as above)."""
    from ..structure.html import block_tags

    return doc.cached("html.blocks", block_tags)


_XML_EXTENSIONS = ".xml .svg .xlf .xliff .xsl .xslt .xsd .plist .rss .atom .resx".split()

MARKUP = register(
    Markup(
        name="html",
        collapses_blanks=True,
        language_ids=("html", "xml"),
        extra_ids=("xhtml", "svg"),
        # XML dialects a walk meets: drawings, translation files (XLIFF), feeds,
        # property lists, schemas; read as plain text, their entities were "fixed"
        extensions={
            ".html": "html",
            ".htm": "html",
            ".xhtml": "html",
            **dict.fromkeys(_XML_EXTENSIONS, "xml"),
        },
        non_prose=html_spans,
        quoted_code=code_elements,
        paragraph_breaks=block_tags,
        nobreak_tokens=HTML_SPACE_ENTITIES,
        declared_language=html_lang,
        comment=("<!-- ", " -->"),
        trailing_comment=True,
    )
)
