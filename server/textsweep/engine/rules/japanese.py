"""Japanese typography, only in prose paragraphs detected (or declared) as Japanese.

Conventions: W3C *Requirements for Japanese Text Layout* (jlreq, on
punctuation marks and on the composition of Japanese and Western text) and
JIS X 4051 (*Formatting rules for Japanese documents*), which gives every
full-width punctuation mark its own spacing, so none is typed around it.

- ASCII ``,`` and ``.`` right after Japanese text, which wants the document's
  comma and full stop: ``、。`` (or ``，．``, the technical-writing style, when the
  document mostly uses it);
- a space before or after full-width punctuation;
- the space between Japanese and Latin letters or digits, as a policy
  (``textsweep.japanese.latinSpacing``, not checked by default: style guides
  differ);
- half-width katakana (``ｶﾀｶﾅ``), off by default.

Never inside URLs, code, numbers or file names: a sign counts only right after
kana or a Han character, in prose.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..cjk import HAN, KANA, MIN_EVIDENCE, latin_spacing_findings, space_around_findings
from ..config import Config
from ..document import Document
from ..model import Finding, Fix, Severity
from ..options import options_of, setting
from ..prose import ProseContext, prose_for
from ..registry import Example, Rule, Scope, clean, rule

FAMILY = "japanese"
_JA = HAN + KANA


def _spacing_setting() -> Any:
    return setting(
        "off",
        "latinSpacing",
        "choice",
        "Spacing between Japanese (kana, kanji) and Latin letters or digits "
        "(`日本語 English`). Japanese style guides differ, so `off` (default) checks "
        "nothing; `consistent` flags the document's minority (hint, fix not safe); "
        "`add` and `remove` are explicit policies with safe fixes.",
        choices=("off", "consistent", "add", "remove"),
        labels=("off", "consistent", "add", "remove"),
        descriptions=(
            "spacing between Japanese and Latin text is not checked",
            "follow the document's majority (hint, fix not safe)",
            "a space between Japanese and Latin letters or digits (safe fix)",
            "no space between Japanese and Latin letters or digits (safe fix)",
        ),
    )


@dataclass(frozen=True)
class JapaneseOptions:
    """``textsweep.japanese``: the spacing between Japanese and Latin text."""

    latin_spacing: str = _spacing_setting()


# --------------------------------------------------------------------------- punctuation


@cache
def _sign() -> re.Pattern[str]:
    """An ASCII comma or stop after Japanese, compiled at its first use (a Japanese
    paragraph): its Han ranges cost every start 1.3 ms to compile. The sign first, then
    the look back at the Japanese before it: led by the look-behind, the regex was
    tried at every character of the Japanese paragraphs (four times slower)."""
    return re.compile(rf"[,.](?<=[{_JA}][,.])")


@cache
def _ja_after() -> re.Pattern[str]:
    """Japanese after a sign, compiled at its first use (a sign after Japanese text):
    its Han ranges cost every start 4 ms to compile."""
    return re.compile(rf"[{_JA}\u3001-\u303f\uff01-\uff0f\uff1a-\uff1f]")


def _style(ctx: ProseContext) -> tuple[str, str, bool]:
    """``(comma, full stop, clear)``: the document's own marks (、。 unless it mostly
    writes ，．) and whether its habit is clear (one form, or a clear majority)."""

    def count(ch: str) -> int:
        return sum(ctx.text.count(ch, s, e) for s, e, _ in ctx.index.runs())

    def pick(usual: str, alt: str) -> tuple[str, bool]:
        a, b = count(usual), count(alt)
        if b > a:
            return alt, a * 3 <= b
        return usual, b * 3 <= a

    comma, c_clear = pick("、", "，")
    stop, s_clear = pick("。", "．")
    return comma, stop, c_clear and s_clear


def _lines(text: str, positions: list[int]) -> int:
    """On how many lines the sorted ``positions`` fall (one walk)."""
    lines, line, pos, last = 0, 0, 0, -1
    for p in positions:
        line += text.count("\n", pos, p)
        pos = p
        if line != last:
            lines, last = lines + 1, line
    return lines


@rule(
    "japanese-fullwidth-punctuation",
    options=JapaneseOptions,
    languages={"ja"},
    scope=Scope.DOCUMENT,
    family=FAMILY,
    severity=Severity.WARNING,
    description="Japanese: ASCII , or . after Japanese text instead of the document's "
    "、。 (or ，．).",
    explanation="""
jlreq (punctuation marks) and JIS X 4051: Japanese sentences use the full-width comma and
full stop, usually 、。; some technical writing uses ，．, which is never flagged:
the fix writes the marks the document mostly uses. Only a sign right after kana
or a kanji counts, so numbers, versions, file names (`設定.conf`), URLs and code
are left alone, and so is a document that writes ASCII `, .` after Japanese text
throughout (on three lines or more, and more often than full-width marks: the
house style of some older technical translations). The fix is safe when the document's
habit is clear; otherwise it is only offered.""",
    examples=[
        Example(
            "これはペンです.あれは本です,たぶん.\n",
            "これはペンです。あれは本です、たぶん。\n",
            settings={"language": "ja"},
        ),
        Example(
            "値を設定する．次に，保存する.\n",
            "値を設定する．次に，保存する．\n",
            note="a document written with ，．",
        ),
        clean("設定ファイルは 設定.conf です。バージョン 1.2.3 を使います。\n"),
        clean("数式では，記号を使う．\n", note="the ，． style is left alone"),
        clean(
            "ファイルを開けません.\n\n処理を中止します.\n\n完了しました.\n",
            note="ASCII stops throughout: the document's own style",
        ),
    ],
)
def japanese_fullwidth_punctuation(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    ctx = prose_for(r, doc, config)
    if ctx is None:
        return
    text = ctx.text
    n = len(text)
    sites: list[int] = []
    for start, end, _ in ctx.index.runs():
        for m in _sign().finditer(text, start, end):
            p = m.start()
            nxt = text[p + 1] if p + 1 < n else ""
            if nxt and not (nxt in "\r\n" or _ja_after().match(nxt)):
                continue  # 設定.conf, 1行.5, a space then Latin text
            if ctx.prose(p - 1, p + 2):
                sites.append(p)
    if not sites:
        return
    comma, stop, clear = _style(ctx)
    marks = sum(ctx.text.count(c, s, e) for s, e, _ in ctx.index.runs() for c in "、。，．")
    if len(sites) >= MIN_EVIDENCE and len(sites) > marks and _lines(text, sites) >= MIN_EVIDENCE:
        return  # the document's own habit (older technical catalogues write , . throughout)
    for p in sites:
        full = comma if text[p] == "," else stop
        yield r.finding(
            p,
            p + 1,
            f"ASCII {text[p]} in a Japanese sentence: use {full}",
            [Fix(p, p + 1, full, f"Replace with {full}", safe=clear)],
        )


# --------------------------------------------------------------------------- spaces

_PUNCT = "、。，．「」『』（）【】〈〉《》〔〕！？"


@rule(
    "japanese-space-around-punctuation",
    options=JapaneseOptions,
    languages={"ja"},
    scope=Scope.PARAGRAPH,
    family=FAMILY,
    severity=Severity.WARNING,
    description="Japanese: a space before or after full-width punctuation (、。「」（）…).",
    explanation="""
jlreq (punctuation marks) and JIS X 4051: full-width punctuation carries its own half-em of
space in the glyph, so a typed space before or after it doubles the gap. A space
after ！ or ？ (a convention before the next sentence), the U+3000 IDEOGRAPHIC
SPACE, spaces at the start or end of a line, after a list or heading marker or a
bracketed label leading the line, runs of spaces aligning columns and next to code
are left alone, and so is the word spacing of an English sentence that quotes
Japanese text in brackets (`See 「設定」 for details.`). The fix removes the space.""",
    examples=[
        Example(
            "設定を保存しました 。次に 「再起動」 を押します。\n",
            "設定を保存しました。次に「再起動」を押します。\n",
            settings={"language": "ja"},
        ),
        clean("本当？ はい、そうです。\n", note="a space after ？ is a convention"),
        clean("Debian は、フリーソフトウエアーの組織です。\n"),
        clean(
            "See 「Unix 的テキスト処理」 for examples.\n",
            note="an English sentence quoting a Japanese title",
            language="ja",
        ),
    ],
)
def japanese_space_around_punctuation(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    ctx = prose_for(r, doc, config)
    if ctx is not None:
        yield from space_around_findings(r, ctx, _PUNCT, "Japanese", after_ok="！？")


# --------------------------------------------------------------------------- Latin spacing


@rule(
    "japanese-latin-spacing",
    options=JapaneseOptions,
    languages={"ja"},
    scope=Scope.DOCUMENT,
    family=FAMILY,
    severity=Severity.INFO,
    description="Japanese: spacing between Japanese and Latin letters or digits, when "
    "`textsweep.japanese.latinSpacing` asks for a policy.",
    explanation="""
jlreq (composition of Japanese and Western text) describes a quarter-em gap
between Japanese and Western text set by the layout; some style guides ask
writers to type a space, others forbid it. Nothing is checked by default; `consistent` flags the
document's minority as a hint with a fix that fix-all does not apply, `add` and
`remove` are explicit policies with safe fixes (only spaces change). Code, URLs,
placeholders and pairs across a line break are left alone.""",
    examples=[
        Example(
            "Debianを使う\n",
            "Debian を使う\n",
            settings={"japanese": {"latinSpacing": "add"}},
            note="with `latinSpacing: add`",
        ),
        Example(
            "Debian を使う\n",
            "Debianを使う\n",
            settings={"japanese": {"latinSpacing": "remove"}},
            note="with `latinSpacing: remove`",
        ),
        clean("Debianを使う\n", note="not checked by default"),
    ],
)
def japanese_latin_spacing(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    policy = options_of(config.options, JapaneseOptions, FAMILY).latin_spacing
    if policy == "off":
        return
    ctx = prose_for(r, doc, config)
    if ctx is not None:
        yield from latin_spacing_findings(r, ctx, _JA, policy, "Japanese")


# --------------------------------------------------------------------------- half-width kana

_HALFWIDTH = re.compile("[\uff61-\uff9f]+")


@rule(
    "japanese-halfwidth-katakana",
    options=JapaneseOptions,
    languages={"ja"},
    scope=Scope.PARAGRAPH,
    family=FAMILY,
    severity=Severity.INFO,
    default_enabled=False,
    description="Japanese: half-width katakana (`ｶﾀｶﾅ`) instead of the full-width forms.",
    explanation="""
JIS X 4051 sets katakana full-width; half-width katakana (U+FF61–U+FF9F) is a
legacy of 8-bit encodings. Off by default. The fix is the NFKC normalisation of
the run, which keeps every letter (a half-width voiced mark joins its kana:
`ｶﾞ` → `ガ`).""",
    examples=[
        Example(
            "ﾃﾞｰﾀﾍﾞｰｽを更新しました。\n",
            "データベースを更新しました。\n",
            settings={"language": "ja"},
        ),
        clean("データベースを更新しました。\n", language="ja"),
    ],
)
def japanese_halfwidth_katakana(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    ctx = prose_for(r, doc, config)
    if ctx is None:
        return
    text = ctx.text
    for start, end, _ in ctx.index.runs():
        for m in _HALFWIDTH.finditer(text, start, end):
            s, e = m.span()
            if not ctx.prose(s, e):
                continue
            full = unicodedata.normalize("NFKC", m.group())
            yield r.finding(
                s,
                e,
                f"Half-width katakana `{m.group()}`: write `{full}`",
                [Fix(s, e, full, f"Replace with `{full}`")],
            )
