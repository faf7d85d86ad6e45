"""French typography: no-break spaces, punctuation spacing, guillemets, dashes,
and consistency — only in prose paragraphs detected (or declared) as French.

Options (``textsweep.french``), each one of ``narrow`` (U+202F NARROW NO-BREAK
SPACE), ``nbsp`` (U+00A0 NO-BREAK SPACE), ``either`` (both accepted), ``optional``
(U+202F or no space), ``none`` (no space; a U+202F is tolerated, as the OQLF does):

===============  =========  =========  =========  ================================
key              fr, fr-FR  fr-CA      fr-CH      what
===============  =========  =========  =========  ================================
``semicolon``    either     none       optional   space before ``;``
``exclamation``  either     none       optional   space before ``!``
``question``     either     none       optional   space before ``?``
``colon``        either     nbsp       nbsp       space before ``:``
``guillemets``   either     nbsp       optional   space inside ``« »``
===============  =========  =========  =========  ================================

fr/fr-FR/fr-BE accept either no-break space for every sign: typeset French uses
U+00A0 or U+202F, both accepted practice, and only a document that mixes them for
one sign is told (``french-consistency``). A fix inserts what the Lexique des règles
typographiques en usage à l'Imprimerie nationale asks (fine insécable before
``; ! ?`` and inside « », espace insécable before ``:``); setting a sign to
``narrow`` or ``nbsp`` makes that strict (``french-space-kind``). fr-CA follows the
Office québécois de la langue française (no space before ``; ! ?``, espace
insécable before ``:`` and inside guillemets); fr-CH follows the Guide du
typographe romand (fine insécable, or none in ordinary office text).
LaTeX's ``~`` and ``\\,`` and HTML's ``&nbsp;``/``&#8239;`` count as U+00A0 and U+202F.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..chars import REMOVED_CONTROLS, find_chars, visible_neighbour
from ..config import Config
from ..document import Document
from ..encoding.mojibake import makes_nbsp_pair
from ..incremental import per_segment
from ..markup import Markup
from ..model import Finding, Fix, Severity
from ..options import options_of, setting
from ..prose import (
    FULL_STOP_EXPLANATION,
    NBSP,
    NNBSP,
    Gap,
    ProseContext,
    apostrophe_minority,
    closes_entity,
    full_stop_findings,
    gap_after,
    gap_before,
    glued_after,
    prose_for,
)
from ..prose import SPACES as _SPACES
from ..registry import Example, Rule, Scope, clean, rule

FAMILY = "french"
POLICIES = ("narrow", "nbsp", "either", "optional", "none")
SIGN_KEYS = {";": "semicolon", "!": "exclamation", "?": "question", ":": "colon"}
OPTION_KEYS = (*SIGN_KEYS.values(), "guillemets")

_VARIANTS: dict[str, dict[str, str]] = {
    "fr": {"semicolon": "either", "exclamation": "either", "question": "either",
           "colon": "either", "guillemets": "either"},
    "fr-CA": {"semicolon": "none", "exclamation": "none", "question": "none",
              "colon": "nbsp", "guillemets": "nbsp"},
    "fr-CH": {"semicolon": "optional", "exclamation": "optional", "question": "optional",
              "colon": "nbsp", "guillemets": "optional"},
}  # fmt: skip


_POLICY_DOCS = (
    "U+202F NARROW NO-BREAK SPACE",
    "U+00A0 NO-BREAK SPACE",
    "either no-break space",
    "U+202F or nothing",
    "nothing (U+202F tolerated)",
)


def _policy_setting(key: str, where: str) -> Any:
    return setting(
        None,
        key,
        "choice",
        f"Which space French wants {where}. Unset (`null`): the locale's choice "
        "(`fr`, `fr-CA`, `fr-CH`). With `either` (the French default) both no-break spaces "
        "are accepted and only a document that mixes them for one sign is told "
        "(`french-consistency`); `narrow` or `nbsp` makes a strict house style "
        "(`french-space-kind`).",
        choices=POLICIES,
        labels=POLICIES,
        descriptions=_POLICY_DOCS,
        unset_label="locale default",
        unset_description="the variant of textsweep.language decides (fr: either; fr-CA: "
        "none before ; ! ?, nbsp before : and in « »; fr-CH: optional, nbsp before :)",
        default_doc="the locale's (fr: either for every sign; fr-CA: none before `; ! ?`, "
        "nbsp before `:` and in `« »`; fr-CH: optional, nbsp before `:`)",
    )


@dataclass(frozen=True)
class FrenchOptions:
    """``textsweep.french``: the space wanted before each sign; None (unset) leaves
    it to the paragraph's variant (fr, fr-CA, fr-CH)."""

    semicolon: str | None = _policy_setting("semicolon", "before `;`")
    exclamation: str | None = _policy_setting("exclamation", "before `!`")
    question: str | None = _policy_setting("question", "before `?`")
    colon: str | None = _policy_setting("colon", "before `:`")
    guillemets: str | None = _policy_setting("guillemets", "inside `« »`")


@dataclass(frozen=True)
class Policy:
    semicolon: str
    exclamation: str
    question: str
    colon: str
    guillemets: str

    def for_sign(self, sign: str) -> str:
        if sign in "«»":
            return self.guillemets
        return str(getattr(self, SIGN_KEYS[sign]))


_POLICY_CACHE: dict[tuple[str, FrenchOptions], Policy] = {}


def policy_for(tag: str, config: Config) -> Policy:
    """The spacing policy of a paragraph tagged ``tag`` under ``config``."""
    opts = options_of(config.options, FrenchOptions, FAMILY)
    key = (tag, opts)
    cached = _POLICY_CACHE.get(key)
    if cached is None:
        region = tag if tag in _VARIANTS else "fr"
        values = dict(_VARIANTS[region])
        values.update({k: v for k in OPTION_KEYS if (v := getattr(opts, k)) is not None})
        cached = _POLICY_CACHE[key] = Policy(**values)
    return cached


# --------------------------------------------------------------------------- spaces


def _kind_name(kind: str) -> str:
    return {NBSP: "U+00A0 NO-BREAK SPACE", NNBSP: "U+202F NARROW NO-BREAK SPACE"}.get(
        kind, "a breakable space"
    )


def _policy_char(policy: str, sign: str) -> str:
    if policy == "nbsp":
        return NBSP
    if policy == "either":
        return NBSP if sign == ":" else NNBSP
    return NNBSP


def _skippable(c: str) -> bool:
    return c in _SPACES or unicodedata.category(c) == "Cf"


def _prev_visible(text: str, pos: int) -> str:
    """The character before ``pos``, skipping spaces and format characters (ZWSP…).

    A gap of spaces stops at an invisible character; what a sign follows must
    not change when another rule removes it, or fixing in another order than
    fix-all gives another text.
    """
    i = pos - 1
    while i >= 0 and _skippable(text[i]):
        i -= 1
    return text[i] if i >= 0 else ""


def _next_visible(text: str, pos: int) -> str:
    """The character at or after ``pos``, skipping spaces and format characters."""
    while pos < len(text) and _skippable(text[pos]):
        pos += 1
    return text[pos] if pos < len(text) else ""


def _wordy(c: str) -> bool:
    """Can ``c`` end the word a sign belongs to?"""
    return c.isalnum() or c in ")]}*_\"”’'»%€$°…"


# --------------------------------------------------------------------------- no-break spaces

_SIGN_RUN = re.compile(r"[;:!?]+")
_GUILLEMET = re.compile(r"[«»]")
_EMOTICON_TAIL = re.compile(r"-?[()DPpO3/\\|\]\[]")


@dataclass(frozen=True)
class SpaceFault:
    kind: str  # "missing", "breakable", "kind"
    start: int
    end: int
    sign: str
    found: str
    wanted: str  # the character to write ("" to remove)
    policy: str


def _judge(gap: Gap, sign: str, policy: str) -> tuple[str, str] | None:
    """(fault kind, wanted character) or None when the gap is fine under ``policy``."""
    if gap.kind == "":
        if policy in ("none", "optional"):
            return None
        return "missing", _policy_char(policy, sign)
    if policy == "none":
        if gap.kind == NNBSP:
            return None  # OQLF tolerates a narrow no-break space
        return ("breakable" if gap.kind in ("breakable", "mixed") else "kind"), ""
    want = _policy_char(policy, sign)
    if gap.kind in ("breakable", "mixed"):
        return "breakable", want
    if policy == "either":
        return None
    if gap.kind != want:
        return "kind", want
    return None


def _faults_key(ctx: ProseContext) -> str:
    opts = ctx.config.options.get("french") if ctx.config.options else None
    return f"french.space_faults:{ctx.config.language}:{opts!r}"


def space_faults(ctx: ProseContext) -> list[SpaceFault]:
    """Every spacing fault around ``; : ! ?`` and ``« »`` in French prose (cached),
    paragraph by paragraph, in position order (the per-paragraph findings cache
    and the linter's cap both rely on it)."""
    return ctx.doc.cached(
        _faults_key(ctx), lambda _: [f for fs in _faults_by_paragraph(ctx) for f in fs]
    )


def _faults_by_paragraph(ctx: ProseContext) -> list[list[SpaceFault]]:
    """:func:`space_faults` as one list per paragraph of ``ctx.index.ranges()`` (cached)."""

    def compute(_: Document) -> list[list[SpaceFault]]:
        policies: dict[str, Policy] = {}
        out = []
        for start, end, tag in ctx.index.ranges():
            policy = policies.get(tag) or policies.setdefault(tag, policy_for(tag, ctx.config))
            out.append(_scan_paragraph(ctx, start, end, policy))
        return out

    return ctx.doc.cached(_faults_key(ctx) + ":by-paragraph", compute)


def _scan_paragraph(ctx: ProseContext, start: int, end: int, policy: Policy) -> list[SpaceFault]:
    """One paragraph's faults, in position order."""
    signs = list(_scan_signs(ctx, start, end, policy))
    quotes = list(_scan_guillemets(ctx, start, end, policy))
    if signs and quotes:
        return list(heapq.merge(signs, quotes, key=lambda f: f.start))
    return signs or quotes


def _member_access(text: str, e: int) -> bool:
    """Is the ``.`` right after the sign that ends at ``e`` (read through invisible
    characters) a member access, ``a?.b`` or ``x!.y``? Only then is it code: a
    sentence may end ``sécurité!.``, and ``sécurité! .`` became that once the space
    before the full stop was removed, so the missing space was flagged or not
    depending on which fix went first."""
    i = e
    while text[i] != ".":  # the caller saw the dot, past invisible characters only
        i += 1
    follower = visible_neighbour(text, i + 1, 1)
    return follower.isalnum() or follower == "_"


#: A TikZ path on the line: its ``;`` ends the path (a no-break space before it
#: is an error TikZ gives up on).
_TIKZ_PATH = re.compile(r"\\(?:draw|tikz|node|path|fill|filldraw|shade|clip|coordinate)\b")


def _scan_signs(ctx: ProseContext, start: int, end: int, policy: Policy) -> Iterator[SpaceFault]:
    latex = ctx.markup.name == "latex"
    if latex:
        from ..structure.latex import autospaced_punctuation

        if autospaced_punctuation(ctx.doc):
            return  # babel or polyglossia writes these spaces
    text = ctx.text
    tokens = ctx.markup.nobreak_tokens
    n = len(text)
    for m in _SIGN_RUN.finditer(text, start, end):
        p, e = m.span()
        run = m.group()
        if (
            "::" in run
            or (run[0] in "?!" and ":" in run[:-1])
            or not ctx.prose(p, e)
            or closes_entity(text, p)
        ):
            continue  # ``::``, ``??:??`` (a placeholder for a time): no sentence's sign
        if latex and p and text[p - 1].isalpha() and not ctx.prose(p - 1, p):
            continue  # ``\\string:``: a command's argument, not a sentence's sign
        if latex and run == ";" and _TIKZ_PATH.search(text, text.rfind("\n", 0, p) + 1, p):
            continue  # ``\\draw … {label};``: the end of a TikZ path
        sign = run[0]
        pol = policy.for_sign(sign)
        prev = text[p - 1] if p > 0 else ""
        if (prev == NNBSP and pol in ("narrow", "either", "optional", "none")) or (
            prev == NBSP and pol in ("nbsp", "either")
        ):
            # the usual correct case; only a space before the no-break one is wrong
            if p < 2 or text[p - 2] not in _SPACES:
                continue
        # read through what other fixes delete: ``mot:\u200bsuite`` is ``mot:suite``
        after = visible_neighbour(text, e, 1)
        if sign in "!?" and after == "=":
            continue  # ``ARG1 != ARG2``: an operator, spaced or not (coreutils' French help)
        gap = gap_before(text, p, tokens)
        before = _prev_visible(text, gap.start)
        if gap.kind == "":
            if not before or not _wordy(before):
                continue
            if sign in ":;" and (
                after.isalnum() or after in "/\\=_-" or (after in "%{[]$" and before.isalnum())
            ):
                # 12:30, a:b, key:value, C:/, ;-), and between a name and a
                # placeholder or a bracket: ``%s:%s``, ``cpp:%s``, ``[[HH:]MM:]ss``
                # — not a sentence (``(1-%d):%r`` is a translator's missed spaces)
                continue
            if sign in "!?" and (
                after in "=("
                or (after.isalpha() and after.islower())
                or (after == "." and _member_access(text, e))
            ):
                continue  # !=, a?.b, x!.y and glued identifiers: code, not prose
            if (
                sign in ":;"
                and _EMOTICON_TAIL.match(text, e)
                and (e + 1 >= n or not text[e + 1].isalnum())
            ):
                continue  # :-) ;) glued to a word
            if before in "\"'" and sign == ":":
                continue  # "key": value
            if sign in ":;" and text.endswith("()", 0, gap.start):
                continue  # def f():, f(); — a call or definition, not a sentence
        elif before == "" or before in "\r\n":
            continue  # a sign at the start of a line (list item, dialogue)
        elif gap.kind in ("breakable", "mixed") and not ctx.gap_in_prose(gap):
            continue
        judged = _judge(gap, sign, pol)
        if judged:
            fault, want = judged
            yield SpaceFault(fault, gap.start, gap.end, run, gap.kind, want, pol)


def _scan_guillemets(
    ctx: ProseContext, start: int, end: int, policy: Policy
) -> Iterator[SpaceFault]:
    text = ctx.text
    tokens = ctx.markup.nobreak_tokens
    pol = policy.guillemets
    n = len(text)
    _QUICK_OK = {
        "narrow": NNBSP,
        "nbsp": NBSP,
        "either": NBSP + NNBSP,
        "optional": NNBSP,
        "none": NNBSP,
    }[pol]
    for m in _GUILLEMET.finditer(text, start, end):
        p = m.start()
        if not ctx.prose(p):
            continue
        if m.group() == "«":
            if text[p + 1 : p + 2] in _QUICK_OK and p + 2 < n and text[p + 2] not in _SPACES:
                continue
            gap = gap_after(text, p + 1, tokens)
            nxt = _next_visible(text, gap.end)
            if not nxt or nxt in "\r\n«»;:!?":
                # at a line end, a doubled mark (the guillemets rule), or a sign
                # whose own check owns the same gap (two fixes, two kinds of space)
                continue
            judged = _judge(gap, "«", pol)
        else:
            if p >= 2 and text[p - 1] in _QUICK_OK and text[p - 2] not in _SPACES:
                continue
            gap = gap_before(text, p, tokens)
            prv = _prev_visible(text, gap.start)
            if not prv or prv in "\r\n«»":
                continue  # a continuation » at the start of a line, or a doubled mark
            judged = _judge(gap, "»", pol)
        if judged:
            fault, want = judged
            yield SpaceFault(fault, gap.start, gap.end, m.group(), gap.kind, want, pol)


def _sign_name(sign: str) -> str:
    return {"«": "after «", "»": "before »"}.get(sign[0], f"before {sign}")


def _fix(f: SpaceFault, text: str, markup: Markup, title_prefix: str) -> Fix:
    if not f.wanted:
        return Fix(f.start, f.end, "", f"Remove the space {_sign_name(f.sign)}")
    written = markup.write_nobreak(f.wanted)
    return Fix(
        f.start,
        f.end,
        written,
        f"{title_prefix} {_kind_name(f.wanted)}",
        safe=not makes_nbsp_pair(text, f.start, written),
    )


def _space_rule(r: Rule, doc: Document, config: Config, kind: str) -> Iterator[Finding]:
    ctx = prose_for(r, doc, config)
    if ctx is None:
        return
    for f in space_faults(ctx):
        if f.kind != kind:
            continue
        where = _sign_name(f.sign)
        if kind == "missing":
            s = max(f.start - 1, 0) if f.sign[0] != "«" else f.start - 1
            e = f.end + len(f.sign) if f.sign[0] != "«" else f.end
            msg = f"No space {where}: French typography wants {_kind_name(f.wanted)}"
            yield r.finding(s, e, msg, [_fix(f, ctx.text, ctx.markup, "Insert")])
        elif kind == "breakable":
            if f.wanted:
                msg = (
                    f"Breakable space {where}: the sign can wrap alone onto the next line; "
                    f"use {_kind_name(f.wanted)}"
                )
            else:
                msg = f"Space {where}: this locale ({f.policy}) wants no space"
            yield r.finding(f.start, f.end, msg, [_fix(f, ctx.text, ctx.markup, "Replace with")])
        else:
            if f.wanted:
                msg = (
                    f"{_kind_name(f.found)} {where}: the configured policy ({f.policy}) "
                    f"is {_kind_name(f.wanted)}"
                )
            else:
                msg = f"{_kind_name(f.found)} {where}: this locale wants no space"
            yield r.finding(f.start, f.end, msg, [_fix(f, ctx.text, ctx.markup, "Replace with")])


@rule(
    "french-missing-space",
    options=FrenchOptions,
    languages={"fr"},
    scope=Scope.PARAGRAPH,
    family=FAMILY,
    severity=Severity.WARNING,
    description="French: no space before ; ! ? : or inside « », where typography wants a "
    "no-break space.",
    explanation="""
The fix inserts the no-break space of the policy (`textsweep.french.*`): by default
(either kind accepted) U+202F NARROW NO-BREAK SPACE before `;` `!` `?` and inside
`« »`, U+00A0 NO-BREAK SPACE before `:`. Runs such as `?!`, `!!` or `...?` count as
one sign; `12:30`, `3:1`, C++ `::`, URLs, e-mail addresses, paths, emoticons and
code are left alone.
Under fr-CA no space is wanted before `; ! ?`; under fr-CH it is optional.
In LaTeX, babel's and polyglossia's French write the space before `; : ! ?`
themselves: those signs are checked only in a file whose preamble sets French
otherwise (a file without a preamble is taken for a chapter of one that does).""",
    examples=[
        Example("Vous utilisez Deepseek?\n", "Vous utilisez Deepseek\u202f?\n"),
        Example("Ordre du jour: le budget.\n", "Ordre du jour\u00a0: le budget.\n"),
        Example(
            "Le «bombardement» a cessé dans la nuit.\n",
            "Le «\u202fbombardement\u202f» a cessé dans la nuit.\n",
        ),
        Example(
            "Quoi?! Déjà fini!!\n",
            "Quoi\u202f?! Déjà fini\u202f!!\n",
            note="?! and !! are one sign",
        ),
        Example(
            "\\documentclass{article}\n\\begin{document}\nLe \\emph{jour} est venu: fin.\n",
            "\\documentclass{article}\n\\begin{document}\nLe \\emph{jour} est venu~: fin.\n",
            "latex",
            note="in LaTeX without babel's French the fix writes ~",
        ),
        clean("Le train part à 12:30, ratio 16:9.\n", note="times and ratios"),
        clean(
            "Au format [[HH:]MM:]ss, défini à %s:%d.\n",
            note="a colon between a name and a placeholder or a bracket",
        ),
        clean("Voir https://exemple.fr/a?b=1 ou écrire à jean@exemple.fr.\n"),
        clean("Super :-) et std::vector aussi.\n"),
        clean("Mot~: suite et \\og{}texte\\fg{}.\n", "latex", note="~ counts as U+00A0"),
        clean(
            "\\documentclass{article}\n\\usepackage[french]{babel}\n\\begin{document}\n"
            "Le jour est venu: fin. Vraiment?\n",
            "latex",
            note="babel's or polyglossia's French writes these spaces itself",
        ),
        clean("Bonjour&nbsp;: ça va&#8239;?\n", "html", note="entities count as no-break spaces"),
        clean("Vraiment? Oui!\n", note="fr-CA: no space before ? and !", language="fr-CA"),
        clean("The value is wrong: check it?\n", note="English paragraph"),
    ],
)
def french_missing_space(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    yield from _space_rule(r, doc, config, "missing")


@rule(
    "french-breakable-space",
    options=FrenchOptions,
    languages={"fr"},
    scope=Scope.PARAGRAPH,
    family=FAMILY,
    severity=Severity.INFO,
    description="French: a plain (breakable) space before ; ! ? : or inside « », which "
    "lets the sign wrap alone onto the next line.",
    explanation="""
The space is right, its kind is not: a plain space (or a thin U+2009) lets a line
break fall between the word and its sign. The fix replaces it with the policy's
no-break space. Under fr-CA, where no space is wanted before `; ! ?`, the fix
removes it.""",
    examples=[
        Example("Vous venez ? Oui !\n", "Vous venez\u202f? Oui\u202f!\n"),
        Example(
            "« Je suis Chris… »\n",
            "«\u202fJe suis Chris…\u202f»\n",
            settings={"language": "fr"},
            note="the space is there, but a line may break at it",
        ),
        Example("Note : il faut le lire.\n", "Note\u00a0: il faut le lire.\n"),
        Example(
            "Vraiment ? Oui.\n",
            "Vraiment? Oui.\n",
            settings={"language": "fr-CA"},
            note="fr-CA: no space before ?",
        ),
        clean("Vous venez\u202f? Oui\u202f!\n"),
        clean("Note\u00a0: lire.\n"),
        clean("Note\u202f: lire.\n", note="with colon policy 'either'", french={"colon": "either"}),
        clean(
            "Le test ARG1 != ARG2 vérifie que les deux valeurs diffèrent.\n",
            note="an operator, spaced or not",
            language="fr",
        ),
    ],
)
def french_breakable_space(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    yield from _space_rule(r, doc, config, "breakable")


@rule(
    "french-space-kind",
    options=FrenchOptions,
    languages={"fr"},
    scope=Scope.PARAGRAPH,
    family=FAMILY,
    severity=Severity.HINT,
    description="French: a no-break space of the other kind than the policy asks "
    "(U+00A0 where U+202F is wanted, or the reverse).",
    explanation="""
Only for signs whose policy is `narrow` or `nbsp` (a strict house style set in
`textsweep.french.*`). By default every sign's policy is `either`: both kinds are
accepted, and `french-consistency` checks that a document does not mix them for
one sign. A hint only: either kind already keeps the sign on its line, which is
what matters.""",
    examples=[
        Example(
            "Tu es sûr de toi\u00a0?\n",
            "Tu es sûr de toi\u202f?\n",
            settings={"french": {"question": "narrow"}},
            note="strict policy: U+202F before ?",
        ),
        Example(
            "Le titre\u202f: la suite\n",
            "Le titre\u00a0: la suite\n",
            settings={"language": "fr", "french": {"colon": "nbsp"}},
        ),
        clean("Tu es sûr de toi\u00a0?\n", note="default policy: either kind"),
        clean("Tu es sûr de toi\u202f?\n"),
    ],
)
def french_space_kind(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    yield from _space_rule(r, doc, config, "kind")


# --------------------------------------------------------------------------- , and .


#: Tried only where a run of spaces starts: from inside a long run that is not
#: followed by a comma, every start rescanned the rest of the run (quadratic). A
#: match from inside a run was skipped anyway (a space before it).
@lru_cache(maxsize=16)
def _before_comma(tokens: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    """Spaces before a comma or full stop that a blank, a closer, a high sign or the
    end follows. A no-break token of the markup (LaTeX ``\\,``) is a blank too: the
    fix writing ``\\,`` after the comma must not hide the space before it; and so is
    ``;:!?``, whose space the French fixes write or remove (`` ,  ;`` became `` ,;``
    under fr-CA, and the comma's space was kept or not by order)."""
    alts = "".join(
        "|" + re.escape(tok) for tok, ch in sorted(tokens, key=lambda t: -len(t[0])) if ch
    )
    return re.compile(
        rf"(?<![ \t\u00a0\u202f])[ \t\u00a0\u202f]+(?=[,.](?:[\s\"”»)\];:!?]{alts}|$))"
    )


#: What may stand before the spaces for them not to be "a space before a comma":
#: blanks, another sign, and an opening guillemet, whose no-break space
#: french-missing-space requires (removing it made the two rules undo each other).
_NOT_BEFORE_COMMA = frozenset(" \t\r\n\u00a0\u202f,.«‹")


@rule(
    "french-space-before-comma",
    languages={"fr"},
    scope=Scope.PARAGRAPH,
    family=FAMILY,
    severity=Severity.WARNING,
    description="French: a space before a comma or a full stop.",
    explanation="""
`,` and `.` take no space before them in French (nor in English). An ellipsis
(`...`), a decimal point (`,5`) and a file extension (` .txt`) are left alone.""",
    examples=[
        Example("Bonjour , je suis Paul .\n", "Bonjour, je suis Paul.\n"),
        clean("Il hésita ... puis partit.\n", note="ellipsis"),
        clean("Renommez le fichier en .txt et voilà.\n"),
    ],
)
def french_space_before_comma(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    ctx = prose_for(r, doc, config)
    if ctx is None:
        return
    text = ctx.text
    for start, end, _ in ctx.index.runs():
        for m in _before_comma(ctx.markup.nobreak_tokens).finditer(text, start, end):
            s, e = m.span()
            # What a reader sees before the spaces: an invisible character (ZWSP)
            # is not a word, and removing it first must not change the answer.
            b = s - 1
            while b >= 0 and (text[b] in REMOVED_CONTROLS or unicodedata.category(text[b]) == "Cf"):
                b -= 1
            if b < 0 or text[b] in _NOT_BEFORE_COMMA:
                continue
            if text.startswith("..", e) or not ctx.prose(s - 1, e + 1):
                continue
            sign = text[e]
            name = "comma" if sign == "," else "full stop"
            yield r.finding(
                s,
                e + 1,
                f"Space before a {name}: remove it",
                [Fix(s, e, "", f"Remove the space before the {name}")],
            )


# --------------------------------------------------------------------------- space after


@rule(
    "french-space-after",
    languages={"fr"},
    scope=Scope.PARAGRAPH,
    family=FAMILY,
    severity=Severity.WARNING,
    description="French: no space after , ; : ! ? or » when a word follows.",
    explanation="""
A colon glued on both sides (`clé:valeur`, `fig:plan`) is taken for a notation and
left alone, by this rule and by `french-missing-space`. Never inside numbers
(`3,5`, `12:30`), URLs, e-mail addresses, paths, emoticons, C++ `::`, code, or data
such as `a,b,c`.""",
    examples=[
        Example("Je veux bien,mais pas ce soir.\n", "Je veux bien, mais pas ce soir.\n"),
        Example(
            "Il a dit «\u202foui\u202f»puis il est parti.\n",
            "Il a dit «\u202foui\u202f» puis il est parti.\n",
        ),
        Example(
            "Le comité se réunit à 14\u00a0h\u00a030\u00a0:nous comptons sur vous.\n",
            "Le comité se réunit à 14\u00a0h\u00a030\u00a0: nous comptons sur vous.\n",
            note="spaced before, glued after",
        ),
        clean("Il mesure 3,5 m et part à 12:30.\n"),
        clean("Le fichier src/main.rs et la liste a,b,c.\n"),
        clean("C’est réglé\u00a0:D à demain\u202f!\n", note="emoticon"),
        clean("Tapez\u00a0:wq pour quitter l’éditeur.\n", note="a short command"),
    ],
)
def french_space_after(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    ctx = prose_for(r, doc, config)
    if ctx is None:
        return
    text = ctx.text
    for start, end, tag in ctx.index.runs():
        policy = policy_for(tag, config)

        def keeps(sign: str, blank: str, policy: Policy = policy) -> bool:
            # "none" removes every blank before the sign but U+202F (tolerated), even
            # when the sign is glued to the next word; a comma's is left until then
            return sign not in ";:!?" or policy.for_sign(sign) != "none" or blank == NNBSP

        for s, e in glued_after(text, start, end, ctx, keeps):
            yield r.finding(
                s,
                e + 1,
                f"No space after {text[s:e]}: add one",
                [Fix(e, e, " ", f"Insert a space after {text[s:e]}")],
            )


@rule(
    "french-space-after-full-stop",
    languages={"fr"},
    scope=Scope.PARAGRAPH,
    family=FAMILY,
    severity=Severity.WARNING,
    description="French: a full stop glued to the next sentence (`end.Next`).",
    explanation=FULL_STOP_EXPLANATION,
    examples=[
        Example(
            "Tout est pr\xeat.Vous pouvez commencer.\n",
            "Tout est pr\xeat.Vous pouvez commencer.\n",
            note="the fix is offered one by one, not by fix-all",
        ),
        clean("Lisez le fichier README.md, la version 2.0 et la p.\u202f12, etc.\n"),
    ],
)
def french_space_after_full_stop(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    ctx = prose_for(r, doc, config)
    if ctx is not None:
        yield from full_stop_findings(r, ctx)


# --------------------------------------------------------------------------- guillemets


@rule(
    "french-guillemets",
    languages={"fr"},
    family=FAMILY,
    severity=Severity.WARNING,
    description="French: guillemets doubled, spaced on the wrong side, or unbalanced.",
    explanation="""
A closing `»` doubled (`»»`, `» »`), a `«` glued to the word before it, an `»`
without a matching `«` or a `«` never closed in its paragraph. Quotations that
continue over several paragraphs are recognised when the next paragraph opens
with `«`, `»` or a dialogue dash, as French novels do.""",
    examples=[
        Example("Il a dit «\u202foui\u202f»\u202f» hier.\n", "Il a dit «\u202foui\u202f» hier.\n"),
        Example("Il a dit« oui » hier.\n", "Il a dit « oui » hier.\n"),
        Example(
            "Il a dit «\u202foui hier.\n",
            "Il a dit «\u202foui hier.\n",
            note="unbalanced: no automatic fix",
        ),
        clean(
            "«\u202fBonjour, dit-il.\n\n— Bonjour\u202f! répondit-elle.\u202f»\n",
            note="dialogue over several paragraphs",
        ),
        clean("Il a dit «\u202foui\u202f» et «\u202fnon\u202f».\n"),
    ],
)
def french_guillemets(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    ctx = prose_for(r, doc, config)
    if ctx is None:
        return
    text = ctx.text
    tokens = ctx.markup.nobreak_tokens
    # every guillemet in prose, found once; the paragraphs walk the sorted list
    hits = find_chars(text, "«»")
    if ctx.mask:
        hits = ctx.mask.uncovered(hits)
    events = list(_guillemet_events(text, hits, ctx.index.ranges()))
    closed = {q for kind, _, q in events if kind == "close"}
    for kind, p, _ in events:
        if kind == "open":
            if p > 0 and text[p - 1].isalnum():
                gap = gap_before(text, p, tokens)
                prv = text[gap.start - 1] if gap.start > 0 else ""
                if gap.kind == "" and prv.isalnum():
                    # safe only for a quotation that closes: a lone ``et« -Il`` may
                    # be anything, and spaced on both sides it reads as a named sign
                    yield r.finding(
                        p - 1,
                        p + 1,
                        "« glued to the word before it: add a space",
                        [Fix(p, p, " ", "Insert a space before «", p in closed)],
                    )
        elif kind == "stray":
            gap = gap_before(text, p, tokens)
            prv = text[gap.start - 1] if gap.start > 0 else ""
            if prv == "»":
                yield r.finding(
                    gap.start - 1,
                    p + 1,
                    "» doubled: remove the second one",
                    [Fix(gap.start, p + 1, "", "Remove the doubled »")],
                )
            else:
                yield r.finding(p, p + 1, "» without a matching « in this paragraph")
        elif kind == "unclosed":
            yield r.finding(p, p + 1, "« never closed in this paragraph")


def _guillemet_events(
    text: str, hits: list[int], ranges: list[tuple[int, int, str]]
) -> Iterator[tuple[str, int, int]]:
    """The guillemets paired paragraph by paragraph: ``("open", p, p)``, ``("close",
    p, opening)``, ``("stray", p, p)`` for a » that closes nothing, ``("unclosed",
    p, p)`` for a « left open at a paragraph's end (unless the next paragraph
    continues the quotation: it starts with a guillemet or a dash)."""
    open_stack: list[int] = []
    nhits = len(hits)
    k = 0
    for idx, (start, end, _) in enumerate(ranges):
        while k < nhits and hits[k] < start:
            k += 1
        if not open_stack and (k == nhits or hits[k] >= end):
            continue
        first = True
        while k < nhits and hits[k] < end:
            p = hits[k]
            k += 1
            if first and open_stack and not text[start:p].strip():
                first = False
                continue  # continuation mark at the start of a quoted paragraph
            first = False
            if text[p] == "«":
                open_stack.append(p)
                yield "open", p, p
            elif open_stack:
                yield "close", p, open_stack.pop()
            else:
                yield "stray", p, p
        if open_stack:
            nxt = ranges[idx + 1][0] if idx + 1 < len(ranges) else None
            carry = False
            if nxt is not None:
                head = text[nxt : nxt + 3].lstrip()
                carry = head[:1] in ("«", "»", "—", "–", "-")
            if not carry:
                for p in open_stack:
                    yield "unclosed", p, p
                open_stack.clear()


# --------------------------------------------------------------------------- dashes

_GLUED_DASH = re.compile(r"-[A-ZÀ-ÖØ-ÞŒÆ][a-zà-ÿœæ]+")
_LOWER_WORD = re.compile(r"(?<![\w-])[a-zà-ÿœæ]{2,}$")
_PREFIXES = frozenset(
    "anti pro post pré pre ex néo neo non ultra super méga mega mini micro macro multi inter "
    "intra extra trans sous vice demi semi auto euro franco anglo afro judéo gréco russo sino "
    "indo austro germano italo hispano nord sud est ouest outre grand arrière avant contre "
    "mi pan para proto pseudo quasi hyper hypo infra supra méta meta bio éco géo".split()
)


@rule(
    "french-glued-dash",
    languages={"fr"},
    scope=Scope.PARAGRAPH,
    family=FAMILY,
    severity=Severity.HINT,
    description="French: a hyphen glued between a lowercase word and a capitalised one "
    "(`chatbot-Il`), likely a lost incise dash or sentence break.",
    explanation="""
A hint only, and never fixed by fix-all: the two fixes (` – ` for an incise, `. `
for a sentence break) are suggestions. Prefixes (`anti-Trump`, `outre-Manche`,
`néo-Zélandais`) and names are left alone.""",
    examples=[
        Example(
            "Le chatbot-Il répond vite.\n",
            "Le chatbot-Il répond vite.\n",
            settings={"language": "fr"},
            note="fixes offered one at a time: ` – ` or `. `",
        ),
        clean("Un discours anti-Trump, vu d'outre-Manche.\n"),
        clean("Jean-Pierre habite Saint-Étienne.\n"),
    ],
)
def french_glued_dash(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    ctx = prose_for(r, doc, config)
    if ctx is None:
        return
    text = ctx.text
    for start, end, _ in ctx.index.runs():
        for m in _GLUED_DASH.finditer(text, start, end):
            d = m.start()
            w = _LOWER_WORD.search(text, max(start, d - 40), d)
            if w is None or w.group() in _PREFIXES or not ctx.prose(w.start(), m.end()):
                continue
            left, right = w.group(), m.group()[1:]
            yield r.finding(
                w.start(),
                m.end(),
                f"Hyphen glued between “{left}” and “{right}”: a lost dash or sentence break?",
                [
                    Fix(d, d + 1, " – ", "Make it an incise dash ( – )", safe=False),
                    Fix(d, d + 1, ". ", "Make it a sentence break (. )", safe=False),
                ],
            )


# --------------------------------------------------------------------------- consistency


_ANY_SIGN = re.compile(r"[;:!?»«]")


@rule(
    "french-consistency",
    options=FrenchOptions,
    languages={"fr"},
    family=FAMILY,
    severity=Severity.INFO,
    description="French: one document mixing U+00A0 and U+202F for the same sign, or "
    "’ and ' as the apostrophe.",
    explanation="""
Each minority use is reported once, with a fix to the majority form (the
typographic ’ wins a tie). Spaces are compared only for signs whose policy is
`either`; for the others `french-space-kind` already speaks.""",
    examples=[
        Example("L’été, l’eau et l'air.\n", "L’été, l’eau et l’air.\n"),
        Example(
            "Oui\u00a0? Non\u00a0? Si\u202f?\n",
            "Oui\u00a0? Non\u00a0? Si\u00a0?\n",
            settings={"language": "fr"},
        ),
        clean("Oui\u00a0? Non\u00a0! Si\u202f: «\u00a0oui\u00a0».\n", note="one kind per sign"),
        clean("L’été et l’eau.\n"),
        clean("print('it\\'s')  # l'été\n", "python", note="the code's quotes are not apostrophes"),
    ],
)
def french_consistency(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    ctx = prose_for(r, doc, config)
    if ctx is None:
        return
    text = ctx.text
    yield from apostrophe_minority(r, ctx)
    # no-break spaces, per sign, where the policy accepts either kind: counted per
    # segment (cached, see _NobreakTally), then summed; only a sign whose kinds mix
    # sends us back to its gaps
    ranges = ctx.index.ranges()
    range_starts = [s for s, _, _ in ranges]
    known = _known_faults(ctx)

    def segment(start: int, end: int) -> tuple[int, int]:
        return bisect_left(range_starts, start), bisect_left(range_starts, end)

    def tally(start: int, end: int) -> _NobreakTally:
        i, j = segment(start, end)
        return _nobreak_tally(ctx, ranges[i:j], start)

    def vote(start: int, end: int) -> tuple[tuple[tuple[str, str], int], ...]:
        i, j = segment(start, end)
        return _fault_votes(ctx, ranges[i:j], known and known[i:j])

    whole = len(text) + 1
    tallies = per_segment(doc, config, "french-consistency", tally)
    if tallies is None:
        tallies = [(0, tally(0, whole))]
    counts_of: dict[str, Counter[str]] = {}
    for _, t in tallies:
        for (key, kind), n in t.counts:
            counts_of.setdefault(key, Counter())[kind] += n
    # A breakable or missing space that a safe fix will turn into a no-break space
    # votes for the kind it will get: the majority must not depend on whether those
    # fixes ran first (else the order of the fixes chose the document's kind).
    # Asked only when some sign has no-break spaces to weigh.
    votes: dict[str, Counter[str]] = {}
    if counts_of:
        ballots = per_segment(doc, config, "french-consistency:votes", vote)
        if ballots is None:
            ballots = [(0, vote(0, whole))]
        for _, b in ballots:
            for (key, kind), n in b:
                votes.setdefault(key, Counter())[kind] += n
    for sign, kinds in counts_of.items():
        counts = kinds + votes.get(sign, Counter())
        if len(counts) < 2:
            continue
        items = [
            (a + off, b + off, k) for off, t in tallies for a, b, k, key in t.items if key == sign
        ]
        major = NNBSP if counts[NNBSP] >= counts[NBSP] else NBSP
        written = ctx.markup.write_nobreak(major)
        for s, e, k in items:
            if k != major:
                yield r.finding(
                    s,
                    e,
                    f"{_kind_name(k)} {_sign_name(sign)} while the document mostly uses "
                    f"{_kind_name(major)} ({counts[major]} to {counts[k]})",
                    [
                        Fix(
                            s,
                            e,
                            written,
                            f"Use {_kind_name(major)}",
                            safe=not makes_nbsp_pair(text, s, written),
                        )
                    ],
                )


@dataclass(frozen=True)
class _NobreakTally:
    """What french-consistency reads in some paragraphs, offsets relative to their
    segment: each no-break gap of a sign whose policy is ``either`` (``items``:
    start, end, kind, sign key), and their counts per (sign key, kind) in the order
    the sign keys first appear."""

    items: tuple[tuple[int, int, str, str], ...]
    counts: tuple[tuple[tuple[str, str], int], ...]


def _known_faults(ctx: ProseContext) -> list[list[SpaceFault]] | None:
    """:func:`_faults_by_paragraph` when this document computed them already (the
    local rules ran on the whole text), else None: then each paragraph scans its own."""
    found = ctx.doc._cache.get(_faults_key(ctx) + ":by-paragraph")
    return found  # type: ignore[no-any-return]


def _nobreak_tally(
    ctx: ProseContext, ranges: list[tuple[int, int, str]], origin: int
) -> _NobreakTally:
    """The tally of the paragraphs ``ranges`` (see :class:`_NobreakTally`)."""
    text = ctx.text
    tokens = ctx.markup.nobreak_tokens
    items: list[tuple[int, int, str, str]] = []
    counts: dict[tuple[str, str], int] = {}
    policies: dict[str, Policy] = {}
    for start, end, tag in ranges:
        policy = policies.get(tag) or policies.setdefault(tag, policy_for(tag, ctx.config))
        if "either" not in (
            policy.semicolon,
            policy.exclamation,
            policy.question,
            policy.colon,
            policy.guillemets,
        ):
            continue
        for m in _ANY_SIGN.finditer(text, start, end):
            p = m.start()
            sign = m.group()
            if policy.for_sign(sign) != "either" or not ctx.prose(p):
                continue
            gap = gap_after(text, p + 1, tokens) if sign == "«" else gap_before(text, p, tokens)
            if gap.kind in (NBSP, NNBSP):
                key = "«»" if sign in "«»" else sign
                items.append((gap.start - origin, gap.end - origin, gap.kind, key))
                counts[key, gap.kind] = counts.get((key, gap.kind), 0) + 1
    return _NobreakTally(tuple(items), tuple(counts.items()))


def _fault_votes(
    ctx: ProseContext,
    ranges: list[tuple[int, int, str]],
    known: list[list[SpaceFault]] | None,
) -> tuple[tuple[tuple[str, str], int], ...]:
    """((sign key, kind), count) of the safe fixes that will write a no-break space
    where the policy is ``either``, in the paragraphs ``ranges`` (their faults
    ``known``, or scanned here)."""
    text = ctx.text
    if known is None:
        known = [_scan_paragraph(ctx, a, b, policy_for(tag, ctx.config)) for a, b, tag in ranges]
    votes: Counter[tuple[str, str]] = Counter()
    for faults in known:
        for f in faults:
            if (
                f.policy == "either"
                and f.kind in ("missing", "breakable")
                and f.wanted
                and _fix(f, text, ctx.markup, "").safe
            ):
                votes["«»" if f.sign in "«»" else f.sign[0], f.wanted] += 1
    return tuple(votes.items())
