"""HTML and XML: tags, scripts and styles are not prose; ``<html lang>`` declares
the language; character references may write no-break spaces."""

from __future__ import annotations

from ..markup import NBSP, NNBSP, Markup, register
from ..structure.html import html_lang, html_spans

#: Character references that stand for a no-break space (also valid in Markdown).
ENTITY_TOKENS: tuple[tuple[str, str], ...] = (
    ("&nbsp;", NBSP), ("&#160;", NBSP), ("&#xa0;", NBSP), ("&#xA0;", NBSP),
    ("&#8239;", NNBSP), ("&#x202f;", NNBSP), ("&#x202F;", NNBSP),
    ("&NonBreakingSpace;", NBSP), ("&thinsp;", " "),
)  # fmt: skip

MARKUP = register(
    Markup(
        name="html",
        language_ids=("html", "xml"),
        extra_ids=("xhtml", "svg"),
        extensions={".html": "html", ".htm": "html", ".xhtml": "html", ".xml": "xml"},
        non_prose=html_spans,
        nobreak_tokens=ENTITY_TOKENS,
        declared_language=html_lang,
        comment=("<!-- ", " -->"),
    )
)
