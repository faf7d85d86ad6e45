"""HTML and XML: tags, scripts and styles are not prose; ``<html lang>`` declares
the language; character references may write no-break spaces."""

from __future__ import annotations

from ..markup import HTML_SPACE_ENTITIES, Markup, register
from ..structure.html import html_lang, html_spans

MARKUP = register(
    Markup(
        name="html",
        language_ids=("html", "xml"),
        extra_ids=("xhtml", "svg"),
        extensions={".html": "html", ".htm": "html", ".xhtml": "html", ".xml": "xml"},
        non_prose=html_spans,
        nobreak_tokens=HTML_SPACE_ENTITIES,
        declared_language=html_lang,
        comment=("<!-- ", " -->"),
        trailing_comment=True,
    )
)
