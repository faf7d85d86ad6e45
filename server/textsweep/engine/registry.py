"""The rule registry: every rule's metadata, examples and check function.

The same examples drive the unit tests and ``docs/rules.md``, so documentation
cannot promise what the code does not do.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .config import Config
from .document import Document
from .model import Finding, Fix, Severity

CheckFn = Callable[["Rule", Document, Config], Iterable[Finding]]


@dataclass(frozen=True)
class Example:
    """``bad`` is flagged and fix-all turns it into ``good``.

    With ``good=None`` the example is text that must *not* be flagged.
    ``language_id`` picks the document type (Markdown, Python…); ``settings`` are
    raw ``textsweep`` settings applied for this example only.
    """

    bad: str
    good: str | None = None
    language_id: str = "plaintext"
    settings: dict[str, Any] = field(default_factory=dict)
    note: str = ""

    @property
    def is_clean(self) -> bool:
        return self.good is None


def clean(text: str, language_id: str = "plaintext", note: str = "", **settings: Any) -> Example:
    """An example of correct text the rule must leave alone."""
    return Example(text, None, language_id, dict(settings), note)


@dataclass(frozen=True)
class Rule:
    """A rule's identity and documentation; ``check`` does the work."""

    id: str
    family: str
    severity: Severity
    description: str
    check: CheckFn = field(repr=False, compare=False)
    examples: tuple[Example, ...] = ()
    default_enabled: bool = True
    #: Longer prose for docs/rules.md (why it matters, what is left alone).
    explanation: str = ""

    def finding(
        self,
        start: int,
        end: int,
        message: str,
        fixes: Iterable[Fix] = (),
        *,
        detail: str = "",
        data: Any = None,
        severity: Severity | None = None,
    ) -> Finding:
        """Build a finding of this rule at its default severity."""
        return Finding(
            start,
            end,
            self.id,
            message,
            severity or self.severity,
            tuple(fixes),
            detail,
            data,
        )

    def setting(self, config: Config) -> Severity | None:
        """The severity this rule runs at under ``config``, or ``None`` if off."""
        override = config.rules.get(self.id)
        if override is None:
            return self.severity if self.default_enabled else None
        if override is False:
            return None
        if override is True:
            return self.severity
        return override


_RULES: dict[str, Rule] = {}


def rule(
    id: str,
    *,
    family: str,
    severity: Severity,
    description: str,
    examples: Iterable[Example] = (),
    default_enabled: bool = True,
    explanation: str = "",
) -> Callable[[CheckFn], Rule]:
    """Decorator registering a check function as a rule."""

    def register(check: CheckFn) -> Rule:
        if id in _RULES:
            raise ValueError(f"rule {id!r} registered twice")
        r = Rule(
            id=id,
            family=family,
            severity=severity,
            description=description,
            check=check,
            examples=tuple(examples),
            default_enabled=default_enabled,
            explanation=explanation.strip(),
        )
        _RULES[id] = r
        return r

    return register


def all_rules() -> list[Rule]:
    """Every registered rule, by family then id (loads the rule modules once)."""
    from . import rules  # noqa: F401  (registers on import)

    return sorted(_RULES.values(), key=lambda r: (r.family, r.id))


def get_rule(rule_id: str) -> Rule:
    all_rules()
    return _RULES[rule_id]
