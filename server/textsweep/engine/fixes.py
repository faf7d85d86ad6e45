"""Applying fixes: one function, one pass, overlaps skipped and reported."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass

from .model import Fix


@dataclass(frozen=True)
class FixResult:
    text: str
    applied: tuple[Fix, ...]
    skipped: tuple[Fix, ...]


def apply_fixes(
    text: str, fixes: Iterable[Fix], owner: Callable[[Fix], Hashable] | None = None
) -> FixResult:
    """Apply non-overlapping fixes in one pass over ``text``.

    Fixes are taken in position order; one that overlaps an earlier applied fix
    (or inserts at the same point as one) is skipped and returned in ``skipped``
    so the caller can run another pass on the new text.

    With ``owner`` (fix → the rule that computed it), a fix that merely *touches*
    a fix of another owner is skipped too: two rules read the same characters
    differently (an entity's ``;`` is no semicolon), so the second must look
    again at the text the first one wrote, not at the text before it.
    """
    ordered = sorted(set(fixes), key=lambda f: (f.start, f.end, f.replacement))
    parts: list[str] = []
    applied: list[Fix] = []
    skipped: list[Fix] = []
    pos = 0
    last: Fix | None = None
    #: Per owner, the furthest end of its fixes seen so far.
    reach: dict[Hashable, int] = {}
    for fix in ordered:
        if not 0 <= fix.start <= fix.end <= len(text):
            skipped.append(fix)
            continue
        clash = False
        if owner is not None:
            who = owner(fix)
            # Touching a fix of another rule, applied *or skipped*: a skipped fix
            # still claims its characters (the entity a French rule must not split).
            clash = any(o != who and end >= fix.start for o, end in reach.items())
            reach[who] = max(reach.get(who, fix.end), fix.end)
        if last is not None and (
            fix.start < last.end or (fix.start == last.start == last.end == fix.end)
        ):
            skipped.append(fix)
            continue
        if fix.start == fix.end and last is not None and last.start == last.end == fix.start:
            skipped.append(fix)
            continue
        if clash:
            skipped.append(fix)
            continue
        parts.append(text[pos : fix.start])
        parts.append(fix.replacement)
        pos = fix.end
        applied.append(fix)
        last = fix
    parts.append(text[pos:])
    return FixResult("".join(parts), tuple(applied), tuple(skipped))
