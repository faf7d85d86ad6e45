"""Immutable values the engine hands out: severities, fixes and findings.

Offsets are code-point offsets into the document string; the LSP layer converts
them to the client's position encoding, the CLI to line:column.
"""

from __future__ import annotations

import enum
from typing import Any, NamedTuple


class Severity(enum.IntEnum):
    """Ordered so that a larger value is more serious (unlike LSP's numbering)."""

    HINT = 1
    INFO = 2
    WARNING = 3
    ERROR = 4

    @classmethod
    def parse(cls, name: str) -> Severity:
        """Accept the spellings users type in settings files."""
        key = name.strip().lower()
        aliases = {
            "hint": cls.HINT,
            "info": cls.INFO,
            "information": cls.INFO,
            "warning": cls.WARNING,
            "warn": cls.WARNING,
            "error": cls.ERROR,
        }
        if key not in aliases:
            raise ValueError(f"unknown severity {name!r}")
        return aliases[key]

    @property
    def label(self) -> str:
        return {1: "hint", 2: "info", 3: "warning", 4: "error"}[int(self)]


class FixPurpose(enum.Enum):
    """What applying a fix does, in the engine's terms (the LSP layer maps it to a
    code-action kind)."""

    #: Edit the text where the finding is (the usual case).
    EDIT = "edit"
    #: Read the file's bytes again in another encoding: the replacement is the
    #: whole text as a reader of that encoding sees it.
    RELOAD = "reload"

    #: Members are singletons compared by identity: hash them so too, in C (Enum's
    #: own ``__hash__`` is Python, called for every Fix that fix-all hashes).
    __hash__ = object.__hash__


class Fix(NamedTuple):
    """Replace ``text[start:end]`` with ``replacement``.

    ``safe`` fixes may be applied by fix-all without a human looking; unsafe ones
    (a guess between several readings) are only offered one at a time.
    A named tuple: immutable, and cheap when a file holds 400,000 faults.
    """

    start: int
    end: int
    replacement: str
    title: str = ""
    safe: bool = True
    purpose: FixPurpose = FixPurpose.EDIT


class Finding(NamedTuple):
    """One fault on ``text[start:end]``. Immutable; sort with :func:`finding_key`."""

    start: int
    end: int
    rule: str
    message: str
    severity: Severity = Severity.WARNING
    fixes: tuple[Fix, ...] = ()
    #: Extra explanation for hovers (e.g. ftfy's repair plan); plain text.
    detail: str = ""
    #: Rule-specific machine data (JSON-serialisable), e.g. encoding candidates.
    data: Any = None

    @property
    def safe_fix(self) -> Fix | None:
        """The fix fix-all may apply, if any: the first safe one."""
        for fix in self.fixes:
            if fix.safe:
                return fix
        return None


def finding_key(f: Finding) -> tuple[int, int, str]:
    """Position, then rule id: the order findings are reported in."""
    return (f.start, f.end, f.rule)
