"""The pure engine: text in, findings with code-point offsets and fixes out.

Nothing under this package may import pygls or lsprotocol; the LSP layer and the
CLI are clients of this API.
"""

from .config import Config, parse_settings
from .document import Document, language_for_path
from .fixes import FixResult, apply_fixes
from .linter import FixAllResult, fix_all, lint, over_size_limit
from .model import Finding, Fix, Severity
from .registry import Example, Rule, all_rules, get_rule

__all__ = [
    "Config",
    "Document",
    "Example",
    "Finding",
    "Fix",
    "FixAllResult",
    "FixResult",
    "Rule",
    "Severity",
    "all_rules",
    "apply_fixes",
    "fix_all",
    "get_rule",
    "language_for_path",
    "lint",
    "over_size_limit",
    "parse_settings",
]
