"""The rule registry: every rule's metadata, examples and check function.

The same examples drive the unit tests and ``docs/rules.md``, so documentation
cannot promise what the code does not do.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .document import Document
from .model import Finding, Fix, Severity

if TYPE_CHECKING:
    from .config import Config

CheckFn = Callable[["Rule", Document, "Config"], Iterable[Finding]]


class Scope(enum.Enum):
    """How far a rule looks: what its findings in one place depend on.

    The per-paragraph findings cache (:mod:`.incremental`) serves the ``LINE`` and
    ``PARAGRAPH`` rules: their findings in a paragraph depend only on that
    paragraph, the line before and after it, its language and the non-prose spans
    there. ``CHARACTERS`` rules judge each character (or run of one) with its
    neighbours on its line, so the cache serves them too (rerun, a text with 20,000
    invisible characters cost each keystroke 50 ms); with the ``LINE`` rules they
    get pieces of long paragraphs, not whole ones. ``DOCUMENT`` rules weigh the
    whole text (a majority, a count, state carried from one paragraph to the next).
    """

    CHARACTERS = "characters"
    LINE = "line"
    PARAGRAPH = "paragraph"
    DOCUMENT = "document"

    @property
    def local(self) -> bool:
        """Findings depend on the paragraph, the line or the characters alone (the
        cache may serve them)."""
        return self is not Scope.DOCUMENT


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
    #: Primary language subtags whose paragraphs the rule checks (``{"fr"}``);
    #: None for a rule that reads every paragraph alike.
    languages: frozenset[str] | None = None
    scope: Scope = Scope.DOCUMENT
    #: The family's typed options (a frozen dataclass, see :mod:`.options`), read
    #: from the settings object named after the family.
    options: type | None = None
    #: Characters this rule reports in place of the catch-all rules (while it is
    #: on, ``control-character`` leaves the C1 controls to ``c1-control``).
    claims: frozenset[str] = frozenset()
    #: Also runs on files over ``textsweep.maxFileSize``: linear in the text, and
    #: reads neither the file type's structure nor paragraph languages.
    cheap: bool = False

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
    languages: Iterable[str] | None = None,
    scope: Scope = Scope.DOCUMENT,
    options: type | None = None,
    claims: Iterable[str] = (),
    cheap: bool = False,
) -> Callable[[CheckFn], Rule]:
    """Decorator registering a check function as a rule (see :class:`Rule`)."""

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
            languages=frozenset(languages) if languages is not None else None,
            scope=scope,
            options=options,
            claims=frozenset(claims),
            cheap=cheap,
        )
        _RULES[id] = r
        return r

    return register


def all_rules() -> list[Rule]:
    """Every registered rule, by family then id (loads the rule modules once)."""
    # The file types load with the rules, not at the first lint: their parsers
    # (Pygments) take a second to import, which the first diagnostics must not wait for.
    from . import markups, rules  # noqa: F401  (registers on import)

    return sorted(_RULES.values(), key=lambda r: (r.family, r.id))


def get_rule(rule_id: str) -> Rule:
    all_rules()
    return _RULES[rule_id]


def claimed_characters(config: Config) -> frozenset[str]:
    """Characters that rules enabled under ``config`` claim (see :attr:`Rule.claims`)."""
    out: frozenset[str] = frozenset()
    for r in all_rules():
        if r.claims and r.setting(config) is not None:
            out |= r.claims
    return out


def family_options() -> dict[str, type]:
    """Settings key (the family name) → the family's options class."""
    out: dict[str, type] = {}
    for r in all_rules():
        if r.options is not None:
            if out.setdefault(r.family, r.options) is not r.options:
                raise ValueError(f"family {r.family!r} declares two options classes")
    return out
