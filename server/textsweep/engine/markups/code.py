"""Source code (Pygments lexers): only comments and strings are prose. Comment
syntax varies per language: each languageId's line comment is listed (none for JSON)."""

from __future__ import annotations

import bisect

from ..document import Document
from ..markup import Markup, register
from ..structure.code import LANGUAGE_LEXERS, code_spans, string_spans

_HASH = ("# ", "")
_SLASH = ("// ", "")
_DASH = ("-- ", "")
_SEMI = ("; ", "")
#: languageId → how a line comment is written (languages not listed: none suggested).
COMMENTS: dict[str, tuple[str, str]] = {
    **dict.fromkeys(
        ("python", "shellscript", "sh", "bash", "powershell", "yaml", "toml", "ruby", "perl",
         "r", "dockerfile", "makefile", "properties", "elixir", "nix"),
        _HASH,
    ),
    **dict.fromkeys(
        ("javascript", "javascriptreact", "typescript", "typescriptreact", "rust", "go", "c",
         "cpp", "csharp", "java", "kotlin", "swift", "scala", "dart", "zig", "php",
         "objective-c", "fsharp", "scss", "jsonc"),
        _SLASH,
    ),
    **dict.fromkeys(("lua", "sql", "haskell"), _DASH),
    **dict.fromkeys(("ini", "clojure", "lisp"), _SEMI),
    "erlang": ("% ", ""),
    "css": ("/* ", " */"),
    "vim": ('" ', ""),
}  # fmt: skip


def comment_allowed(doc: Document, offset: int) -> bool:
    """Not inside a string literal, nor after a line continuation."""
    if offset > 0 and doc.text[offset - 1] == "\\":
        return False
    spans = string_spans(doc)
    i = bisect.bisect_right(spans, (offset, len(doc.text) + 1)) - 1
    return not (i >= 0 and spans[i][0] < offset < spans[i][1])


#: Extensions of the source files the CLI checks (languageIds as VS Code names them).
EXTENSIONS = {
    ".py": "python", ".js": "javascript", ".mjs": "javascript", ".cjs": "javascript",
    ".ts": "typescript", ".tsx": "typescriptreact", ".jsx": "javascriptreact",
    ".rs": "rust", ".go": "go", ".c": "c", ".h": "c", ".cc": "cpp", ".cpp": "cpp",
    ".hpp": "cpp", ".java": "java", ".sh": "shellscript", ".bash": "shellscript",
    ".yaml": "yaml", ".yml": "yaml", ".toml": "toml", ".json": "json", ".css": "css",
    ".rb": "ruby", ".php": "php", ".lua": "lua",
}  # fmt: skip

MARKUP = register(
    Markup(
        name="code",
        language_ids=tuple(
            sorted(set(LANGUAGE_LEXERS) - {"markdown", "latex", "html", "xml", "bibtex"})
        ),
        prose=False,
        extensions=EXTENSIONS,
        non_prose=code_spans,
        comments=COMMENTS,
        trailing_comment=True,
        comment_allowed=comment_allowed,
    )
)
