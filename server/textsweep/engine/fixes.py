"""Applying fixes: one function, one pass, overlaps skipped and reported."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from operator import gt, itemgetter, le

from .model import Fix

#: (start, end, replacement): the order fixes are applied in.
_POSITION = itemgetter(0, 1, 2)
_new = tuple.__new__


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
    # A dict's keys are distinct already, and fix-all's come in findings order,
    # nearly sorted: sorting them as they come is linear where a set's order is not.
    ordered = sorted(fixes if isinstance(fixes, dict) else set(fixes), key=_POSITION)
    fast = _apart(text, ordered)
    return fast if fast is not None else _in_order(text, ordered, owner)


def _in_order(text: str, ordered: list[Fix], owner: Callable[[Fix], Hashable] | None) -> FixResult:
    """:func:`apply_fixes` of ``ordered`` (sorted), fix by fix."""
    parts: list[str] = []
    applied: list[Fix] = []
    skipped: list[Fix] = []
    pos = 0
    last: Fix | None = None
    #: Per owner, the furthest end of its fixes seen so far; and the two furthest
    #: of different owners (the furthest of the *other* owners is one of them).
    reach: dict[Hashable, int] = {}
    best_who: Hashable = None
    best = second = -1
    for fix in ordered:
        if not 0 <= fix.start <= fix.end <= len(text):
            skipped.append(fix)
            continue
        clash = False
        if owner is not None:
            who = owner(fix)
            # Touching a fix of another rule, applied *or skipped*: a skipped fix
            # still claims its characters (the entity a French rule must not split).
            clash = (second if who == best_who else best) >= fix.start
            end = reach.get(who, fix.end)
            if fix.end > end:
                end = fix.end
            reach[who] = end
            if who == best_who:
                best = end
            elif end > best:
                best_who, best, second = who, end, best
            elif end > second:
                second = end
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


def _apart(text: str, ordered: list[Fix]) -> FixResult | None:
    """:func:`apply_fixes` of ``ordered`` (sorted) when no fix touches or overlaps an
    earlier one and all lie in the text, else None. Then nothing is skipped, whoever
    owns them, and the walk is C-level list work: 200,000 trailing-space fixes took
    a second of per-fix bookkeeping the loop needs only for neighbours."""
    if not ordered:
        return None
    starts = [f[0] for f in ordered]
    ends = [f[1] for f in ordered]
    if starts[0] < 0 or not all(map(le, starts, ends)):
        return None
    reach = list(accumulate(ends, max))
    # each fix starts past the furthest end before it: no touch, no overlap
    if reach[-1] > len(text) or not all(map(gt, starts[1:], reach)):
        return None
    gaps = [text[a:b] for a, b in zip([0, *ends], [*starts, len(text)], strict=True)]
    parts = [""] * (2 * len(ordered) + 1)
    parts[0::2] = gaps
    parts[1::2] = [f[2] for f in ordered]
    return FixResult("".join(parts), tuple(ordered), ())


def compose(text: str, edits: Sequence[Fix], fixes: Sequence[Fix]) -> list[Fix]:
    """Fold a pass's ``fixes`` into ``edits`` so the result still refers to the original.

    ``edits`` (sorted, non-overlapping, on the original text) turn it into ``text``;
    ``fixes`` (sorted, non-overlapping, on ``text``) are what one more fix-all pass
    applied. The result, applied to the original in one go, gives what both give
    in turn. Fix-all thus hands the editor edits without diffing the document,
    which is quadratic where lines repeat. Overlapping or touching changes merge
    into one edit.

    Conceptually one sweep over old edits (at their place in ``text``) and new
    fixes in position order, an old edit before a new fix at the same span, that
    gathers each run of items touching the one before into a cluster. Old edits
    no new fix reaches are copied over in slices, found by bisection: a last pass
    of 3 fixes over 40,000 earlier edits costs 3 bisections, not a sort of all.
    """
    if not fixes:
        return list(edits)
    if not edits:
        return list(fixes)
    # Each old edit's span on ``text`` (keys sort as the sweep visits them), and
    # deltas[i]: how much longer ``text`` is than the original before edit i.
    keys: list[tuple[int, int]] = []
    deltas: list[int] = []
    delta = 0
    for e in edits:
        cs = e.start + delta
        keys.append((cs, cs + len(e.replacement)))
        deltas.append(delta)
        delta += len(e.replacement) - (e.end - e.start)
    deltas.append(delta)
    n_old, n_new = len(edits), len(fixes)
    out: list[Fix] = []
    i = 0  # old edits before i are done
    j = 0  # new fixes before j are done
    while j < n_new:
        f = fixes[j]
        # olds the sweep visits before f; the last of them starts f's cluster when
        # f touches it, and so do the olds before it that touch in a chain
        a = bisect_right(keys, (f.start, f.end), i)
        b = a
        if a > i and f.start <= keys[a - 1][1]:
            b = a - 1
            while b > i and keys[b][0] <= keys[b - 1][1]:
                b -= 1
        out.extend(edits[i:b])
        # the cluster: olds b..a-1, then items in sweep order while they touch it
        # (f first: it comes before old a)
        first_old = b < a
        if first_old:
            cs, ce = keys[b][0], keys[a - 1][1]
        else:
            cs, ce = f.start, f.end
        news: list[Fix] = []
        k = a  # next old
        while True:
            if j < n_new and (k >= n_old or (fixes[j].start, fixes[j].end) < keys[k]):
                nf = fixes[j]
                if (news or first_old) and nf.start > ce:
                    break
                news.append(nf)
                ce = max(ce, nf.end)
                j += 1
            elif k < n_old and keys[k][0] <= ce:
                ce = max(ce, keys[k][1])
                k += 1
            else:
                break
        orig_start = edits[b].start if first_old else cs - deltas[b]
        parts: list[str] = []
        pos = cs
        for nf in news:
            parts.append(text[pos : nf.start])
            parts.append(nf.replacement)
            pos = nf.end
        parts.append(text[pos:ce])
        out.append(Fix(orig_start, ce - deltas[k], "".join(parts), news[0].title, news[0].safe))
        i = k
    out.extend(edits[i:])
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
        if not old or not new or (old[0] != new[0] and old[-1] != new[-1]):
            out.append(e)  # nothing in common at either end (most fixes): as it is
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
        # e._replace(start=..., end=..., replacement=...), without its Python-level
        # keyword handling: a megabyte of doubled spaces trims 40,000 edits
        out.append(_new(Fix, (e.start + p, e.end - q, new[p : len(new) - q], *e[3:])))
    return out


def coalesce(original: str, edits: Sequence[Fix], limit: int) -> list[Fix]:
    """At most ``limit`` edits doing what ``edits`` do to ``original``.

    ``edits`` (sorted, non-overlapping, on ``original``) are merged with their
    neighbours across the smallest gaps first: a merged edit rewrites the text
    between its parts as it was. 200,000 one-space fixes thus travel as a few
    thousand local edits instead of 200,000 (an editor applies each one, and the
    server builds and encodes each one), never as one whole-document replace
    while the edits are far apart. Ties go to the leftmost gaps.
    """
    n = len(edits)
    if n <= limit or n < 2:
        return list(edits)
    limit = max(limit, 1)
    gaps = [edits[i + 1].start - edits[i].end for i in range(n - 1)]
    merges = n - limit
    threshold = sorted(gaps)[merges - 1]
    # gaps below the threshold all merge; of those equal to it, the first few
    at_threshold = merges - sum(1 for g in gaps if g < threshold)
    out: list[Fix] = []
    first = edits[0]
    parts = [first.replacement]
    end = first.end
    for i in range(1, n):
        e = edits[i]
        g = gaps[i - 1]
        if g < threshold or (g == threshold and at_threshold > 0):
            if g == threshold:
                at_threshold -= 1
            parts.append(original[end : e.start])
            parts.append(e.replacement)
            end = e.end
            continue
        out.append(_joined(first, end, parts))
        first = e
        parts = [e.replacement]
        end = e.end
    out.append(_joined(first, end, parts))
    return out


def _joined(first: Fix, end: int, parts: list[str]) -> Fix:
    """``first`` stretched to ``end``, writing ``parts``."""
    return first if len(parts) == 1 else first._replace(end=end, replacement="".join(parts))
