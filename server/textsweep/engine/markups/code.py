"""Source code (Pygments lexers): only comments and strings are prose. Comment
syntax varies per language, so none is suggested."""

from __future__ import annotations

from ..markup import Markup, register
from ..structure.code import LANGUAGE_LEXERS, code_spans

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
    )
)
