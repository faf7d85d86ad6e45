"""Git commit, merge and tag messages: plain text with ``#`` comment lines."""

from __future__ import annotations

from ..markup import Markup, register
from ..structure.plain import plain_provider

MARKUP = register(
    Markup(
        name="git-commit",
        language_ids=("git-commit", "gitcommit"),
        filenames={name: "git-commit" for name in ("COMMIT_EDITMSG", "MERGE_MSG", "TAG_EDITMSG")},
        non_prose=plain_provider,
        comment=("# ", ""),
    )
)
