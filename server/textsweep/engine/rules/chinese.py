"""Chinese typography, only in prose paragraphs detected (or declared) as Chinese
(zh, zh-CN, zh-TW, zh-HK…).

Conventions: W3C *Requirements for Chinese Text Layout* (clreq, on
punctuation marks: full-width forms in Chinese text, their spacing carried by the
glyph itself) and the *Chinese copywriting guidelines*
(sparanoid/chinese-copywriting-guidelines: a space between Chinese and English
words or numbers, none around full-width punctuation, full-width punctuation in
Chinese sentences).

- ASCII ``, ; : ! ? .`` right after a Han character in a Chinese sentence, which
  wants ``， ； ： ！ ？ 。``;
- a space before or after full-width punctuation;
- the space between Han characters and Latin letters or digits, as a policy
  (``textsweep.chinese.latinSpacing``).

Never inside URLs, code, numbers (``1,000``, ``3.14``), file names or Latin-only
sentences: a sign counts only right after a Han character, in prose.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..cjk import HAN, latin_spacing_findings, space_around_findings
from ..config import Config
from ..document import Document
from ..model import Finding, Fix, Severity
from ..options import options_of, setting
from ..prose import prose_for
from ..registry import Example, Rule, Scope, clean, rule

FAMILY = "chinese"


def _spacing_setting(default: str, doc: str) -> Any:
    return setting(
        default,
        "latinSpacing",
        "choice",
        doc,
        choices=("consistent", "add", "remove", "off"),
        labels=("consistent", "add", "remove", "off"),
        descriptions=(
            "follow the document's majority; with no clear habit, add (hint, fix not safe)",
            "a space between CJK and Latin letters or digits (safe fix)",
            "no space between CJK and Latin letters or digits (safe fix)",
            "spacing between CJK and Latin text is not checked",
        ),
    )


@dataclass(frozen=True)
class ChineseOptions:
    """``textsweep.chinese``: the spacing between Han characters and Latin text."""

    latin_spacing: str = _spacing_setting(
        "consistent",
        "Spacing between Han characters and Latin letters or digits (`中文 English`). "
        "`consistent` flags the document's minority (a document with fewer than three "
        "unspaced pairs and no spaced one has no habit yet: the Chinese copywriting "
        "guidelines' space is asked for, as a hint whose fix fix-all does not apply); "
        "`add` and `remove` are explicit policies with safe fixes; `off` checks nothing.",
    )


# --------------------------------------------------------------------------- punctuation

_FULL = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", ".": "。"}


@cache
def _sign() -> re.Pattern[str]:
    """An ASCII sign after Han, compiled at its first use (a Chinese paragraph): its
    Han ranges cost every start 1.5 ms to compile."""
    # the sign first, then the look back at the Han before it (see japanese._sign)
    return re.compile(rf"[,;:!?.](?<=[{HAN}][,;:!?.])")


@cache
def _cjk_after() -> re.Pattern[str]:
    """What may follow a converted sign: Han, full-width punctuation or quotes
    (compiled at its first use, as :func:`_sign`: 2.5 ms at every start)."""
    return re.compile(rf"[{HAN}\u3000-\u303f\uff01-\uff0f\uff1a-\uff1f“‘]")


def _target(text: str, p: int, n: int) -> tuple[int, bool] | None:
    """``(end of the replaced span, safe)`` for the sign at ``p``, or None to leave
    it alone (``?!`` runs, ``:)``, ``文件.txt``, ``...``)."""
    c = text[p]
    nxt = text[p + 1] if p + 1 < n else ""
    if nxt and nxt in ",;:!?.()[]{}<>/\\'\"`_-=+*&%$#@~|":
        return None
    if not nxt or nxt in "\r\n":
        return p + 1, True
    if _cjk_after().match(nxt):
        # 版本.将 is a sentence end, but 中国政府.政务 is a domain name: offered only
        return p + 1, c != "."
    if nxt in " \t":
        q = p + 1
        while q < n and text[q] in " \t":
            q += 1
        if q >= n or text[q] in "\r\n":
            return p + 1, True
        if _cjk_after().match(text[q]):
            return q, True  # 你好, 世界 → 你好，世界: the space goes with the sign
        return p + 1, False  # 注意: Debian → 注意：Debian, offered only
    if c == ".":
        return None  # 文件.txt, 版本.Net
    return p + 1, False


@rule(
    "chinese-fullwidth-punctuation",
    options=ChineseOptions,
    languages={"zh"},
    scope=Scope.PARAGRAPH,
    family=FAMILY,
    severity=Severity.WARNING,
    description="Chinese: ASCII , ; : ! ? or . after a Han character instead of the "
    "full-width ，；：！？。",
    explanation="""
W3C clreq (punctuation marks) and the Chinese copywriting guidelines: Chinese
sentences use full-width punctuation. Only a sign right after a Han character counts, so
numbers (`1,000`, `3.14`), versions, file names, URLs, code and Latin-only
sentences are left alone, and so are runs such as `?!`, emoticons and a full stop
glued to Latin letters (`文件.txt`). The fix writes the full-width sign (a space
after it goes too, as full-width signs carry their own spacing); it is safe when
Chinese text, a line end or the end of the text follows, and only offered when
Latin text does (`注意: Debian`) or when a full stop is glued to the next Han
character (a sentence end, or a domain name such as `中国政府.政务`).""",
    examples=[
        Example("你好,世界\n", "你好，世界\n", settings={"language": "zh"}),
        Example("你好, 世界! 今天天气很好.\n", "你好，世界！今天天气很好。\n"),
        Example(
            "注意: Debian 的版本号为 12.\n",
            "注意: Debian 的版本号为 12.\n",
            note="the colon's fix is offered, not applied: Latin text follows it",
        ),
        clean("共有 1,000 个软件包，版本 3.14 已发布。\n"),
        clean("运行 apt.conf 中的设置，参见 https://www.debian.org/。\n"),
        clean("He said: yes, and left. 他走了。\n"),
    ],
)
def chinese_fullwidth_punctuation(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    ctx = prose_for(r, doc, config)
    if ctx is None:
        return
    text = ctx.text
    n = len(text)
    for start, end, _ in ctx.index.runs():
        for m in _sign().finditer(text, start, end):
            p = m.start()
            if not ctx.prose(p - 1, p + 2):
                continue
            target = _target(text, p, n)
            if target is None:
                continue
            stop, safe = target
            c = text[p]
            full = _FULL[c]
            yield r.finding(
                p,
                p + 1,
                f"ASCII {c} in a Chinese sentence: use the full-width {full}",
                [Fix(p, stop, full, f"Replace with {full}", safe=safe)],
            )


# --------------------------------------------------------------------------- spaces

_PUNCT = "，。、；：！？（）【】「」『』《》〈〉〔〕"


@rule(
    "chinese-space-around-punctuation",
    options=ChineseOptions,
    languages={"zh"},
    scope=Scope.PARAGRAPH,
    family=FAMILY,
    severity=Severity.WARNING,
    description="Chinese: a space before or after full-width punctuation (，。、：？（）…).",
    explanation="""
W3C clreq (punctuation marks) and the Chinese copywriting guidelines: full-width
punctuation carries its own spacing in the glyph, so no space goes before or
after it, even next to English words. Spaces at the start or end of a line
(indentation, hard wrapping), after a list or heading marker or a bracketed label
leading the line (`- 【修复】 …`), runs of spaces
aligning columns, spaces next to code and the U+3000 IDEOGRAPHIC SPACE are left
alone, and so is the word spacing of an English sentence that quotes Chinese text
in brackets (`See 《安装指南》 for details.`). The fix removes the space.""",
    examples=[
        Example(
            "我们发布了新版本 ，欢迎试用 。\n",
            "我们发布了新版本，欢迎试用。\n",
            settings={"language": "zh"},
        ),
        Example("请阅读 （ 参见第 3 节 ） 的说明。\n", "请阅读（参见第 3 节）的说明。\n"),
        clean("Debian 是一个自由的操作系统，包括一整套应用程序。\n"),
        clean("- （可选）安装软件包\n", language_id="markdown"),
        clean(
            "- 【修复】 调整字体大小后，搜索框的图标没有居中\n",
            language_id="markdown",
            note="a label leading the line, then a space",
        ),
    ],
)
def chinese_space_around_punctuation(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    ctx = prose_for(r, doc, config)
    if ctx is not None:
        yield from space_around_findings(r, ctx, _PUNCT, "Chinese")


# --------------------------------------------------------------------------- Latin spacing


@rule(
    "chinese-latin-spacing",
    options=ChineseOptions,
    languages={"zh"},
    scope=Scope.DOCUMENT,
    family=FAMILY,
    severity=Severity.INFO,
    description="Chinese: spacing between Han characters and Latin letters or digits "
    "(`中文 English`), as the document or the setting asks.",
    explanation="""
The Chinese copywriting guidelines (sparanoid/chinese-copywriting-guidelines) ask
for a space between Chinese and English words or numbers; W3C clreq (mixed text
composition) describes that gap as part of the layout, and many documents type none.
`textsweep.chinese.latinSpacing` picks the policy: `consistent` (default) flags
the document's minority, and a document whose pairs are spaced, tied or too few
to show a habit (fewer than three, none spaced — a one-line message) is asked for
the guidelines' space; under this inferred policy the finding is a hint and its
fix is offered but never applied by fix-all. `add` and `remove` are explicit
policies whose fixes are safe (they change only spaces). Code, URLs and
placeholders (`%s`, `{0}`) are left alone, and so are pairs across a line break.""",
    examples=[
        Example(
            "中文English混排\n",
            "中文English混排\n",
            note="a one-line document has no habit yet: hint, fix offered (`中文 English 混排`)",
        ),
        Example(
            "中文English混排\n",
            "中文 English 混排\n",
            settings={"chinese": {"latinSpacing": "add"}},
            note="with `latinSpacing: add`",
        ),
        Example(
            "使用 Debian 系统\n",
            "使用Debian系统\n",
            settings={"chinese": {"latinSpacing": "remove"}},
            note="with `latinSpacing: remove`",
        ),
        clean("Debian 计划于 1993 年由 Ian Murdock 建立。\n"),
        clean("无法打开文件%s，请检查权限。\n", note="placeholder"),
    ],
)
def chinese_latin_spacing(r: Rule, doc: Document, config: Config) -> Iterator[Finding]:
    policy = options_of(config.options, ChineseOptions, FAMILY).latin_spacing
    if policy == "off":
        return
    ctx = prose_for(r, doc, config)
    if ctx is not None:
        yield from latin_spacing_findings(r, ctx, HAN, policy, "Han characters")
