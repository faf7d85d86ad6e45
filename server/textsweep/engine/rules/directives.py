"""The ``textsweep:`` suppression directives themselves."""

from __future__ import annotations

from collections.abc import Iterator

from ..config import Config
from ..document import Document
from ..model import Finding, Severity
from ..registry import Example, Rule, clean, rule
from ..suppress import UNUSED_RULE

FAMILY = "directives"


@rule(
    UNUSED_RULE,
    family=FAMILY,
    severity=Severity.WARNING,
    description="A `textsweep:` directive that switches nothing off, or names an unknown rule",
    explanation="""
Like ruff's `RUF100` and ESLint's `reportUnusedDisableDirectives`: a directive left
behind after its problem was fixed hides the next one, and a misspelt rule id hides
nothing. Only directives inside a comment are read here (prose that quotes one, as
documentation does, is left alone). A directive for a rule switched off in the
settings, or for a rule whose findings were cut at `maxFindings`, is not called
unused: another configuration may need it. A quick fix removes an unused directive's
comment (its whole line when it stands alone); it is never applied unread (fix-all,
fix-on-save): a directive written just before the text it is meant for would be
deleted on the next save. An unknown rule id has no fix: the right id is for you to say.
""",
    examples=[
        Example(
            "Une phrase propre. <!-- textsweep: disable-line -->\n",
            "Une phrase propre. <!-- textsweep: disable-line -->\n",
            language_id="markdown",
            note="quick fix: remove it",
        ),
        Example(
            "a  b  # textsweep: disable-line doubled-spaces\n",
            "a  b  # textsweep: disable-line doubled-spaces\n",
            language_id="python",
            note="unknown rule",
        ),
        clean(
            "Deux  espaces. <!-- textsweep: disable-line -->\n",
            "markdown",
            note="it switches doubled-space off",
            rules={"doubled-space": True},
        ),
        clean(
            "Write `textsweep: disable-line doubled-space` at the end of the line.\n",
            "markdown",
            note="quoted in prose, not in a comment",
        ),
    ],
)
def unused_directive(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    """Computed by the linter once every other rule has run (see ``suppress.py``)."""
    return iter(())
