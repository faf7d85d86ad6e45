"""Applying fixes: one function, one pass, overlaps skipped and reported."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
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


def compose(text: str, edits: Sequence[Fix], fixes: Sequence[Fix]) -> list[Fix]:
    """Fold a pass's ``fixes`` into ``edits`` so the result still refers to the original.

    ``edits`` (sorted, non-overlapping, on the original text) turn it into ``text``;
    ``fixes`` (sorted, non-overlapping, on ``text``) are what one more fix-all pass
    applied. The result, applied to the original in one go, gives what both give
    in turn. Fix-all thus hands the editor edits without diffing the document,
    which is quadratic where lines repeat. Overlapping or touching changes merge
    into one edit; the sweep is linear in the number of edits and fixes plus the
    length of the replaced text.
    """
    if not fixes:
        return list(edits)
    if not edits:
        return list(fixes)
    # (start, end) on the current text, 0 for an old edit or 1 for a new fix, the fix
    items: list[tuple[int, int, int, Fix]] = []
    delta = 0
    for e in edits:
        cs = e.start + delta
        items.append((cs, cs + len(e.replacement), 0, e))
        delta += len(e.replacement) - (e.end - e.start)
    items.extend((f.start, f.end, 1, f) for f in fixes)
    items.sort(key=lambda t: (t[0], t[1], t[2]))
    out: list[Fix] = []
    delta = 0  # in unchanged text left of the sweep: original = current - delta
    i = 0
    n = len(items)
    while i < n:
        cs, ce, first_kind, _ = items[i]
        cluster = [items[i]]
        i += 1
        while i < n and items[i][0] <= ce:
            ce = max(ce, items[i][1])
            cluster.append(items[i])
            i += 1
        olds = [t[3] for t in cluster if t[2] == 0]
        news = [t[3] for t in cluster if t[2] == 1]
        orig_start = olds[0].start if first_kind == 0 else cs - delta
        for f in olds:
            delta += len(f.replacement) - (f.end - f.start)
        if not news:
            out.extend(olds)
            continue
        parts: list[str] = []
        pos = cs
        for f in news:
            parts.append(text[pos : f.start])
            parts.append(f.replacement)
            pos = f.end
        parts.append(text[pos:ce])
        out.append(Fix(orig_start, ce - delta, "".join(parts), news[0].title, news[0].safe))
    return out


def trim_edits(original: str, edits: Sequence[Fix]) -> list[Fix]:
    """``edits`` without no-ops, each shrunk to the characters it really changes.

    A merged edit may span text it leaves as it was (two fixes a word apart);
    the editor should see only what changed, so its cursor and marks stay put.
    """
    out: list[Fix] = []
    for e in edits:
        old = original[e.start : e.end]
        new = e.replacement
        if old == new:
            continue
        limit = min(len(old), len(new))
        p = 0
        while p < limit and old[p] == new[p]:
            p += 1
        q = 0
        while q < limit - p and old[len(old) - 1 - q] == new[len(new) - 1 - q]:
            q += 1
        # Never start or end between the CR and LF of a CRLF: no LSP position
        # points there, so the client clamps it to the line end and a CRLF → LF
        # fix would leave the CR. Widen by the common character instead.
        s, t = e.start + p, e.end - q
        if p and 0 < s < len(original) and original[s - 1] == "\r" and original[s] == "\n":
            p -= 1
        if q and 0 < t < len(original) and original[t - 1] == "\r" and original[t] == "\n":
            q -= 1
        out.append(e._replace(start=e.start + p, end=e.end - q, replacement=new[p : len(new) - q]))
    return out
