"""Which parts of a document are prose, per file type.

Importing this package registers the providers with :mod:`..regions`:
Markdown, LaTeX, reStructuredText, HTML/XML, source code (Pygments) and the
plain-text heuristics as the fallback.
"""

from __future__ import annotations

from ..regions import register_fallback, register_provider
from .code import LANGUAGE_LEXERS, code_spans
from .html import html_spans
from .latex import latex_spans
from .markdown import markdown_spans
from .plain import plain_provider
from .rst import rst_spans

register_provider(["markdown"], markdown_spans)
register_provider(["latex", "tex", "bibtex"], latex_spans)
register_provider(["restructuredtext", "rst"], rst_spans)
register_provider(["html", "xml", "xhtml", "svg"], html_spans)
register_provider(sorted(set(LANGUAGE_LEXERS) - {"markdown", "latex", "html", "xml"}), code_spans)
register_fallback(plain_provider)

__all__ = ["code_spans", "html_spans", "latex_spans", "markdown_spans", "rst_spans"]
