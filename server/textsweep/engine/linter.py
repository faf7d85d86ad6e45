"""Running rules over a document, and fix-all to a fixed point."""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from itertools import islice

from .chars import UNSEEN, drop_unseen, unseen_run
from .config import Config
from .document import Document
from .fixes import apply_fixes, compose, trim_edits
from .model import Finding, Fix, Severity, finding_key
from .regions import source_text
from .registry import Rule, all_rules
from .suppress import UNUSED_RULE, directive_findings, directives, filter_suppressed

log = logging.getLogger(__name__)

#: fix-all stops after this many passes even if a rule keeps proposing fixes.
#: Fixes of different rules that touch wait for the next pass, hence some headroom.
MAX_FIX_PASSES = 12


def active_rules(config: Config, cheap_only: bool = False) -> list[tuple[Rule, Severity]]:
    """Rules enabled under ``config`` with the severity each runs at (only the
    :attr:`~.Rule.cheap` ones with ``cheap_only``)."""
    out: list[tuple[Rule, Severity]] = []
    for r in all_rules():
        sev = r.setting(config)
        if sev is not None and (r.cheap or not cheap_only):
            out.append((r, sev))
    return out


def over_size_limit(doc: Document, config: Config) -> bool:
    """Is the document longer than ``textsweep.maxFileSize``? Then only the cheap
    rules run: no file-type structure, no language map, no findings cache."""
    return len(doc.text) > config.max_file_size


def lint(doc: Document, config: Config | None = None) -> list[Finding]:
    """All findings of every enabled rule, sorted by position."""
    return lint_capped(doc, config, None).findings


@dataclass(frozen=True)
class CappedFindings:
    """The first findings of a document, and how many there are in all."""

    findings: list[Finding]
    #: Findings in the whole document (a lower bound when ``exact`` is False).
    total: int
    exact: bool


#: Past the cap, a rule's extra findings are counted up to this many; beyond it
#: the total is reported as a lower bound, so 400,000 faults cost no more than 20,000.
COUNT_BUDGET = 20_000
#: A capped lint keeps at most this many findings of a document's rules for a later
#: lint of that same document (see :func:`_kept_findings`).
MAX_KEPT = 60_000


def _kept_findings(doc: Document, config: Config) -> dict[str, Collection[Finding]]:
    """Each rule's complete findings on ``doc`` under ``config`` (that very object),
    as a capped lint of this document saw them; filled by :func:`lint_capped`.

    The server lints a version capped at ``maxFindings``, then fix-all (formatting,
    ``source.fixAll``) lints the same document in full: on a megabyte with 50,000
    faults that second run of every rule was a third of fix-all. The rules are
    deterministic on one document, so their kept findings are what they would yield."""
    hit = doc._cache.get("linter.kept")
    if hit is not None and hit[0] is config:
        return hit[1]  # type: ignore[no-any-return]
    kept: dict[str, Collection[Finding]] = {}
    doc._cache["linter.kept"] = (config, kept)
    return kept


class LintCancelled(Exception):
    """Raised by :func:`lint_capped` when its ``cancelled`` callback says so."""


def lint_capped(
    doc: Document,
    config: Config | None,
    limit: int | None,
    count_budget: int = COUNT_BUDGET,
    cancelled: Callable[[], bool] | None = None,
) -> CappedFindings:
    """The first ``limit`` findings in position order (all when ``limit`` is None).

    Each rule yields its findings in position order, so the first ``limit`` of
    each rule contain the first ``limit`` overall. A rule that raises is logged
    and skipped: one bad rule must not hide the others, nor take the server down.

    ``cancelled`` is asked between rules; when it answers True the lint stops with
    :class:`LintCancelled` (the server: a newer version of the document arrived,
    and a worker busy with a stale one would only delay it).
    """
    config = config or Config()
    findings: list[Finding] = []
    total = 0
    exact = True
    limited = over_size_limit(doc, config)
    rules = active_rules(config, cheap_only=limited)
    # Paragraph-local rules come from the per-paragraph findings cache when it can
    # (not for a document over the size limit: the cache's keys would copy its text).
    from .incremental import is_local, local_findings

    if cancelled is not None and cancelled():
        raise LintCancelled
    whole_of = _kept_findings(doc, config)
    local_rules = [r for r, _ in rules if is_local(r)]
    if limited or all(r.id in whole_of for r in local_rules):
        local = None  # (when kept: a lint of this very document ran already)
    else:
        local = local_findings(doc, config, local_rules)
    room = MAX_KEPT - sum(map(len, whole_of.values()))
    #: The text a translation quotes from its source (a gettext ``msgid``): a fix
    #: there, safe or not, detaches the translation from the program's string
    #: (fix-all wrote ``msgid "Hello, world"`` for ``"Hello , world"``, and the
    #: program, still asking for the latter, showed it untranslated). Not the
    #: translator's to change: no rule reports in it.
    quoted = None if limited else source_text(doc)
    #: (directive, rule) pairs that switched something off; rules not seen in full.
    used: set[tuple[int, str]] = set()
    unsure: set[str] = set()
    for r, sev in rules:
        if cancelled is not None and cancelled():
            raise LintCancelled
        try:
            whole = whole_of.get(r.id)
            if whole is not None:
                source: Iterable[Finding] = whole
            elif local is not None and r.id in local:
                source = local[r.id]
            else:
                source = r.check(r, doc, config)
            gen = iter(source)
            if limit is None:
                found = list(gen)
                extra = 0
            elif isinstance(source, Collection):
                # counted, not read: the cache's Runs shift a finding as it is read
                found = list(islice(gen, limit))
                left = len(source) - len(found)
                extra = min(left, count_budget)
                if left > count_budget:
                    exact = False
                elif whole is None and len(source) <= room:
                    whole_of[r.id] = source
                    room -= len(source)
            else:
                found = list(islice(gen, limit))
                rest = list(islice(gen, count_budget))
                extra = len(rest)
                if extra == count_budget and next(gen, None) is not None:
                    exact = False
                elif whole is None and len(found) + extra <= room:
                    whole_of[r.id] = found + rest
                    room -= len(found) + extra
        except Exception:
            log.exception("rule %s failed on %s", r.id, doc.uri or doc.path or "<text>")
            unsure.add(r.id)
            continue
        if extra:
            unsure.add(r.id)
        if sev != r.severity:
            found = [f if f.severity == sev else f._replace(severity=sev) for f in found]
        kept = filter_suppressed(doc, found, used)
        if quoted:
            kept = [f for f in kept if not quoted.covers(f.start, f.end)]
        extra = max(0, extra - (len(found) - len(kept)))
        found = kept
        findings.extend(found)
        total += len(found) + extra
    unused = next((sev for r, sev in rules if r.id == UNUSED_RULE), None)
    if unused is not None and directives(doc):
        from .registry import all_rules

        known = {r.id for r in all_rules()}
        found = directive_findings(doc, used, {r.id for r, _ in rules}, known, unsure)
        found = [f if f.severity == unused else f._replace(severity=unused) for f in found]
        found = filter_suppressed(doc, found, named_only=True)
        findings.extend(found)
        total += len(found)
    findings.sort(key=finding_key)
    findings = repairs_first(doc, findings, {r.id for r, _ in rules})
    if "\r" in doc.chars:
        findings = [_unsafe_if_joining(doc.text, f) for f in findings]
    if "&" in doc.chars:
        findings = _leaked_entities_stay(doc, findings)
    if _INDENTATION_MATTERS.get(doc.language_id, False):
        findings = _indentation_stays(doc.text, findings)
    if limit is not None:
        del findings[limit:]
    if doc.raw is not None:
        # A misread file (UTF-16 shown as UTF-8…): only the reload actions fix it.
        from .rules.encoding import only_reloads_if_foreign

        findings = only_reloads_if_foreign(doc, config, findings)
    return CappedFindings(findings, total, exact)


#: Repairs whose safe fixes go before any other fix that touches them, first first:
#: a mojibake repair reads through an entity's result (``Â&nbsp;`` is ``Â\u00a0``).
#: Then bidi controls: gaps do not read through them (a legitimate mark stays), so
#: a space fix beside a removable one (``sécurité \u202e ;``) waits for its removal,
#: else the gap was `` `` or ``  `` depending on which went first.
_REPAIRS_FIRST = ("mojibake", "html-entity", "bidi-control")


def repairs_first(doc: Document, findings: list[Finding], active: set[str]) -> list[Finding]:
    """A safe fix that touches a safe repair of a rule listed before its own in
    :data:`_REPAIRS_FIRST` is offered, not safe, until the repair is made. It read
    the damaged characters (``Â»`` as a letter and a guillemet, where the repair
    gives ``»``; ``&nbsp;»`` as a word before the guillemet), and applied first it
    can break the evidence, leaving ``Â\u202f»`` for ever. Fix-all re-lints after
    the repair and finds the fix again on the repaired text (``findings`` sorted).

    With the mojibake rule on, a fix touching a mere candidate (``»Ã fin``: the
    ``Ã`` of ``à`` whose A0 byte became a space) waits too: a space written
    between ``»`` and ``Ã`` changed the verdict on ``Ã``, so the order of the
    fixes decided whether it was repaired."""
    for rank, repair in enumerate(_REPAIRS_FIRST):
        spans = [
            _repair_span(doc.text, fix)
            for f in findings
            if f.rule == repair and (fix := f.safe_fix)
        ]
        if repair == "mojibake" and repair in active and not doc.text.isascii():
            from .encoding.mojibake import collapsing_candidates, hits

            repaired = set(spans)
            spans = sorted({*spans, *hits(doc.text)})
            candidates = frozenset(s for s in spans if s not in repaired)
            # ``Ã   ;``: collapsing the run would make a lost-A0 candidate, evidence
            # that changes other repairs' verdicts (``Â   Caf√©``: the candidate
            # votes for Windows-1252, and the Mac Roman ``√©`` was no longer safe).
            # No fix touching the run is safe, doubled-space's included.
            if collapsing := collapsing_candidates(doc.text):
                findings = _defer_touching(findings, collapsing, ("mojibake",))
        if spans:
            findings = _defer_touching(
                findings,
                spans,
                _REPAIRS_FIRST[: rank + 1],
                candidates if repair == "mojibake" else frozenset(),
            )
    return findings


def offered_only(f: Finding) -> Finding:
    """``f`` with every fix offered as a quick fix, none applied by fix-all."""
    return f._replace(fixes=tuple(x._replace(safe=False) for x in f.fixes))


def _repair_span(text: str, fix: Fix) -> tuple[int, int]:
    """The characters a repair reads: its own, and the lead image before it when it
    writes a no-break space there (``Â&nbsp;`` becomes ``Â\u00a0``, itself a repair
    candidate, so a space fix touching the ``Â`` waits as it does for ``Â\u00a0``)."""
    from .encoding.mojibake import makes_nbsp_pair

    if makes_nbsp_pair(text, fix.start, fix.replacement):
        return fix.start - 1, fix.end
    return fix.start, fix.end


def _leaked_entities_stay(doc: Document, findings: list[Finding]) -> list[Finding]:
    """Safe fixes that rewrite a space entity the format does not read
    (``Bonjour&nbsp;:`` in plain text) are offered only. Gaps read it as the space
    it will be once repaired, but rewriting it is ``html-entity``'s repair: with
    that rule off, the text must keep it (and with it on, the repair goes first)."""
    from .markup import HTML_SPACE_ENTITIES, markup_of

    read = markup_of(doc).nobreak_tokens
    leaked = [tok for tok in HTML_SPACE_ENTITIES if tok not in read]
    if not leaked:
        return findings
    text = doc.text
    out: list[Finding] = []
    for f in findings:
        fix = f.safe_fix
        if fix is not None and f.rule != "html-entity" and "&" in text[fix.start : fix.end]:
            span = text[fix.start : fix.end]
            if any(tok in span for tok, _ in leaked):
                f = offered_only(f)
        out.append(f)
    return out


#: languageIds whose parser reads indentation (four columns start a code block or a
#: block quote) but not through invisible characters, as a reader's eye does.
_INDENTATION_MATTERS = {"markdown": True, "restructuredtext": True, "rst": True}
_INDENT_BLANKS = " \t"
_LINE_BREAK = re.compile(r"[\r\n]")
#: Whole line breaks (a CRLF is one).
_LINE_BREAKS = re.compile(r"\r\n|\r|\n")


def _indentation_stays(text: str, findings: list[Finding]) -> list[Finding]:
    """Safe removals of a line's first non-blank character, when blanks and then
    content follow it, are offered only: ``   \u200b CAFÉ`` is a paragraph to the
    Markdown parser and, without the ZWSP, a line indented by four, an indented
    code block (a fix that changes what the document is; and the French fixes
    inside it came and went by order)."""
    lines = _Lines(text)
    out: list[Finding] = []
    for f in findings:
        fix = f.safe_fix
        if fix is not None and not fix.replacement:
            # the invisible characters after it go too, in any order: ``\u200b\u200b \t``
            blank_at = lines.unseen_run(fix.end)
            if text[blank_at : blank_at + 1] in (" ", "\t") and not _keeps_a_blank_line(text, fix):
                # lines break at CR too: ``\r \u200b \t`` is a line of its own
                info = lines.info(fix.start)
                # nothing but indentation before it, something shown after it
                if info.first_visible >= fix.start and info.last_shown >= fix.end:
                    f = offered_only(f)
            if f.safe_fix is not None and _blanks_its_line(text, fix, lines):
                f = offered_only(f)
        out.append(f)
    return out


@dataclass(frozen=True)
class _LineInfo:
    """What the indentation guards ask of one line, found in one pass over it (asked
    of every finding, the questions read the line again each time: 20,000 ZWSPs on
    one line of Markdown took 1 s to lint, 100,000 more than 30 s)."""

    start: int
    #: The first character that is neither a blank nor one other fixes delete.
    first_visible: int
    #: The last such character (``start - 1`` when there is none).
    last_visible: int
    #: The last character shown to a reader (see :func:`.chars.shows`).
    last_shown: int
    #: Is the line nothing but blanks to the parser (before any fix)?
    blank_raw: bool


class _Lines:
    """The lines of a text for the indentation guards: bounds by bisection, each
    line's facts computed once, runs of unseen characters found once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._breaks: list[tuple[int, int]] | None = None
        self._starts: list[int] = []
        self._info: dict[int, _LineInfo] = {}
        self._run: tuple[int, int] = (0, 0)

    def unseen_run(self, i: int) -> int:
        """:func:`.chars.unseen_run`, the run's end kept for the findings inside it."""
        s, e = self._run
        if s <= i < e:
            return e
        end = unseen_run(self.text, i)
        self._run = (i, end)
        return end

    def _bounds(self) -> list[tuple[int, int]]:
        if self._breaks is None:
            self._breaks = [m.span() for m in _LINE_BREAKS.finditer(self.text)]
            self._starts = [0] + [e for _, e in self._breaks]
        return self._breaks

    def info(self, i: int) -> _LineInfo:
        """The facts of the line holding ``text[i]``."""
        breaks = self._bounds()
        k = bisect_right(self._starts, i) - 1
        hit = self._info.get(k)
        if hit is None:
            start = self._starts[k]
            end = breaks[k][0] if k < len(breaks) else len(self.text)
            hit = self._info[k] = _line_info(self.text, start, end)
        return hit

    def next_line_shows(self, i: int) -> bool:
        """Does the line after the one holding ``text[i]`` show something? (False
        after the last line: nothing after it changes.)"""
        breaks = self._bounds()
        k = bisect_right(self._starts, i) - 1
        if k >= len(breaks):
            return False
        nxt = self.info(breaks[k][1])
        return nxt.last_shown >= nxt.start


def _line_info(text: str, start: int, end: int) -> _LineInfo:
    first_visible = end
    last_visible = last_shown = start - 1
    blank_raw = True
    for q in range(start, end):
        c = text[q]
        if c not in _INDENT_BLANKS:
            blank_raw = False
            if c not in UNSEEN:
                if first_visible == end:
                    first_visible = q
                last_visible = q
                if not c.isspace() or c == "\x85":
                    last_shown = q
    return _LineInfo(start, first_visible, last_visible, last_shown, blank_raw)


def _keeps_a_blank_line(text: str, fix: Fix) -> bool:
    """Does ``fix`` remove whole blank lines and leave a blank line before the line
    after them? The indented line stays a block of its own (blank-lines keeping one
    of four blank lines above a code block indented by a tab: offered only when the
    lines touched it, safe when a control character stood between)."""
    removed = text[fix.start : fix.end]
    if "\n" not in removed and "\r" not in removed:
        return False
    before = text[: fix.start]
    lines = _LINE_BREAKS.split(before[-256:])
    # ``before`` ends with a line break: its last piece is empty, the one before it
    # is the line that stays above: blank (once the invisible characters are gone)?
    return len(lines) >= 3 and lines[-1] == "" and not drop_unseen(lines[-2]).strip()


def _blanks_its_line(text: str, fix: Fix, lines: _Lines) -> bool:
    """Does removing ``fix``'s characters leave a blank line (as it reads once the
    invisible characters are gone too) where the parser saw content, right above a
    line with content? ``\u00a0`` alone on a line is a paragraph to CommonMark; blank,
    it ends the block, and the next line, indented by four, became a code block
    (whose doubled spaces stay: fixed before or after, the text differed)."""
    if _LINE_BREAK.search(text, fix.start, fix.end):
        return False
    info = lines.info(fix.start)
    if info.blank_raw:
        return False  # blank to the parser already
    if info.first_visible < fix.start or info.last_visible >= fix.end:
        return False  # something visible stays on the line
    return lines.next_line_shows(fix.start)


def _joins_line_breaks(text: str, fix: Fix) -> bool:
    """Would ``fix`` put a lone CR right before an LF (``\r\u200b\n`` without its
    ZWSP, ``\r \n`` without its blank)? The two line breaks would become one CRLF."""
    before = fix.replacement[-1] if fix.replacement else text[fix.start - 1 : fix.start]
    if before == "\r" and text.startswith("\n", fix.end):
        return True
    return fix.replacement[:1] == "\n" and text[fix.start - 1 : fix.start] == "\r"


def _unsafe_if_joining(text: str, f: Finding) -> Finding:
    """``f`` with its safe fix offered only, when applying it joins two line breaks
    (fix-all converts the lone CR first, after which the fix is safe again)."""
    fix = f.safe_fix
    if fix is None or not _joins_line_breaks(text, fix):
        return f
    return offered_only(f)


def _final_line_break(rule: str, fix: Fix) -> bool:
    """The final newline written after the last character: no repair reads past a
    line break or the end of the text differently (both end a token and are neither
    letter nor visible), so it need not wait beside a candidate. ``é——`` (a candidate
    for U+95D7) appears when ``e\u0301——`` is normalized, and the final newline was
    written before the normalization and not after it."""
    return rule == "final-newline" and fix.start == fix.end and not fix.replacement.strip("\r\n")


def _defer_touching(
    findings: list[Finding],
    spans: list[tuple[int, int]],
    exempt: tuple[str, ...],
    candidates: frozenset[tuple[int, int]] = frozenset(),
) -> list[Finding]:
    """``findings`` with the safe fixes touching one of ``spans`` (sorted) made unsafe,
    except those of the ``exempt`` rules.

    Trailing whitespace right after a mere mojibake candidate (one of ``candidates``,
    which no fix repairs) is removed all the same: the candidate is followed by a
    line break instead of a space, and no repair reads the two differently (a space
    that may be a lost byte is inside the candidate). Deferred, it stayed for ever
    after a fix that made the candidate (``sécurité »… `` → ``sécurité»… ``, where
    ``é»…`` may be a Han character), and was removed when that fix came second."""
    starts = [s for s, _ in spans]
    reach: list[int] = []  # the furthest end among the spans up to each one
    for _, e in spans:
        reach.append(max(e, reach[-1]) if reach else e)
    out: list[Finding] = []
    for f in findings:
        fix = f.safe_fix
        if fix is not None and f.rule not in exempt and not _final_line_break(f.rule, fix):
            i = bisect_right(starts, fix.end) - 1
            if i >= 0 and reach[i] >= fix.start:
                if not (
                    candidates
                    and f.rule == "trailing-whitespace"
                    and _after_candidates_only(fix, spans, reach, i, candidates)
                ):
                    f = offered_only(f)
        out.append(f)
    return out


def _after_candidates_only(
    fix: Fix,
    spans: list[tuple[int, int]],
    reach: list[int],
    i: int,
    candidates: frozenset[tuple[int, int]],
) -> bool:
    """Do the spans ``fix`` touches (the last starting at index ``i``) all end where it
    starts, and are they all mere candidates?"""
    while i >= 0 and reach[i] >= fix.start:
        s, e = spans[i]
        if e >= fix.start and (e != fix.start or s == e or spans[i] not in candidates):
            return False
        i -= 1
    return True


@dataclass(frozen=True)
class FixAllResult:
    text: str
    applied: int
    passes: int
    #: Findings still present (no safe fix, or a fix kept colliding).
    remaining: tuple[Finding, ...]
    #: The whole change as non-overlapping edits on the *original* text, in order:
    #: what an editor applies (composed pass by pass, never a diff of the document).
    edits: tuple[Fix, ...] = ()


class FixAllCancelled(Exception):
    """Fix-all gave up because its caller no longer wants the result."""


def fix_all(
    doc: Document,
    config: Config | None = None,
    only_rule: str | None = None,
    *,
    findings: Sequence[Finding] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> FixAllResult:
    """Apply every safe fix, re-linting until nothing changes (idempotent result).

    ``only_rule`` restricts the fixes to one rule ("Fix all X problems"); the
    document is still linted under ``config``, so a rule the user switched off
    never fixes anything. Fixes of different rules that touch or overlap are
    never applied in the same pass: the later one is recomputed on the new text.

    ``findings``, when given, must be ``lint(doc, config)`` (the server has them
    already): the first pass then costs no lint. ``cancelled`` is asked before
    each re-lint; when it says yes, :class:`FixAllCancelled` is raised (the
    document changed, or the editor cancelled the request).
    """
    config = config or Config()
    text = doc.text
    applied = 0
    passes = 0
    edits: list[Fix] = []
    if findings is None:
        findings = lint(doc, config)
    while passes < MAX_FIX_PASSES:
        owners: dict[Fix, str] = {}
        for f in findings:
            fixes = f.fixes
            if not fixes:
                continue
            # most findings hold one fix: f.safe_fix without its call
            fix = fixes[0] if fixes[0].safe else f.safe_fix
            if fix is not None and (only_rule is None or f.rule == only_rule):
                owners.setdefault(fix, f.rule)
        if not owners:
            break
        result = apply_fixes(text, owners, owners.__getitem__)
        passes += 1
        if result.text == text:
            break
        edits = compose(text, edits, result.applied)
        text = result.text
        applied += len(result.applied)
        if cancelled is not None and cancelled():
            raise FixAllCancelled
        current = Document(text, doc.language_id, doc.uri, doc.path, None)
        findings = lint(current, config)
    return FixAllResult(text, applied, passes, tuple(findings), tuple(trim_edits(doc.text, edits)))
