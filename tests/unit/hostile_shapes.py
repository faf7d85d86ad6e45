"""Hostile input shapes: text built to make a scan quadratic, and the prose to compare with.

Each shape is a unit repeated (or a head and a repeated filler) up to a size, so the
same shape can be timed at two sizes. Shared by the linear-time test and the
``bench/bench_hostile.py`` benchmark.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable
from typing import Any

#: Every file type the engine treats differently (structure providers, prose or code).
LANGUAGES = ("plaintext", "markdown", "latex", "restructuredtext", "html", "python")

_WORDS = (
    "le la les un une des dépôt comité réunion budget été prêt élève façon garçon œuvre "
    "naïve Noël coût très où déjà après français réseau système données the of and to "
    "report meeting value window river"
).split()


def prose(size: int, seed: int = 7) -> str:
    """Ordinary French and English sentences in paragraphs: the yardstick."""
    rnd = random.Random(seed)
    parts: list[str] = []
    n = 0
    while n < size:
        sentence = " ".join(rnd.choice(_WORDS) for _ in range(rnd.randint(6, 16)))
        sentence = sentence.capitalize() + (". " if rnd.random() < 0.85 else " ?\n\n")
        parts.append(sentence)
        n += len(sentence)
    return "".join(parts)[:size]


def _rep(unit: str) -> Callable[[int], str]:
    def make(size: int) -> str:
        return (unit * (size // len(unit) + 1))[:size]

    return make


def _head(head: str, filler: str, tail: str = "x\n") -> Callable[[int], str]:
    """``head`` then one long run of ``filler``, then ``tail``."""

    def make(size: int) -> str:
        body = size - len(head) - len(tail)
        return head + (filler * (body // len(filler) + 1))[: max(body, 0)] + tail

    return make


def _lines(line: str) -> Callable[[int], str]:
    return _rep(line if line.endswith("\n") else line + "\n")


def _random_mix(alphabet: str, seed: int) -> Callable[[int], str]:
    def make(size: int) -> str:
        rnd = random.Random(seed)
        return "".join(rnd.choice(alphabet) for _ in range(size))

    return make


def _build() -> dict[str, Callable[[int], str]]:
    s: dict[str, Callable[[int], str]] = {}
    # Line breaks and blank lines.
    for name, unit in {
        "lf": "\n",
        "cr": "\r",
        "crlf": "\r\n",
        "space-lf": " \n",
        "tab-lf": "\t\n",
        "space-crlf": " \r\n",
        "lf-cr": "\n\r",
        "cr-crlf": "\r\r\n",
        "nbsp-lf": "\u00a0\n",
        "ff": "\f",
        "u2028": "\u2028",
    }.items():
        s[f"run:{name}"] = _rep(unit)
    s["text-then-lf"] = _head("Un paragraphe.\n", "\n")
    s["text-then-crlf"] = _head("Un paragraphe.\r\n", "\r\n")
    s["text-then-space-lf"] = _head("Un paragraphe.\n", " \n")
    s["lf-then-text"] = _head("", "\n", "Un paragraphe.\n")
    s["mixed-cr-lf-random"] = _random_mix("\r\n \t", 3)
    # Every ASCII punctuation character repeated, and a few doubled.
    for ch in string.punctuation:
        s[f"run:{ch}"] = _rep(ch)
    for unit in ("::", "..", ":;", ".,", "!?", "?!", " ,", " ;", " :", " .", "--", "==", "**"):
        s[f"run:{unit}"] = _rep(unit)
    # Typographic characters repeated.
    typographic = "«»“”‘’…–—¿¡·•°€\u00a0\u202f\u2009\u2003\u3000\u200b\u00ad"
    for ch in typographic + "\u202e\u2066\u2067\ufeff\ufffd":
        s[f"run:U+{ord(ch):04X}"] = _rep(ch)
    s["guillemet-then-spaces"] = _head("«", " ")
    s["guillemet-then-nbsp"] = _head("«", "\u00a0")
    s["unclosed-guillemets"] = _rep("« mot ")
    s["guillemet-space"] = _rep("« ")
    s["spaces-before-comma"] = _head("mot", " ", ", fin\n")
    s["nbsp-before-comma"] = _head("mot", "\u00a0", ", fin\n")
    s["space-before-colon-words"] = _rep("mot : ")
    s["colon-glued"] = _rep("a:")
    s["spaces-then-dot"] = _head("x", " ", ".")
    s["long-spaces"] = _head("x", " ")
    s["long-tabs"] = _head("x", "\t")
    s["space-tab"] = _rep(" \t")
    s["tab-space"] = _rep("\t ")
    s["indent-long-line"] = _head("", " ", "texte\n")
    s["indent-many-lines"] = _lines(" " * 60 + "texte")
    s["indent-tab-space"] = _lines("\t" * 20 + " " * 20 + "texte")
    s["indent-deepening"] = _rep("".join(" " * i + "x\n" for i in range(200)))
    # Mojibake.
    for name, unit in {
        "mojibake-e": "Ã©",
        "mojibake-mixed": "Ã©Ã¨Ã Ã´",
        "mojibake-quote": "â€™",
        "mojibake-lead": "Ã",
        "mojibake-lead-space": "Ã ",
        "mojibake-lead-nbsp": "Ã\u00a0",
        "mojibake-macroman": "√©",
        "mojibake-words": "dÃ©pÃ´t ",
        "mojibake-cp1250": "Ä™",
        "mojibake-cyrillic": "Ð¿Ñ€",
    }.items():
        s[name] = _rep(unit)
    s["mojibake-word-long"] = _head("d", "Ã©t", " fin\n")
    # Brackets, nesting and unclosed openers.
    for ch in "([{<":
        s[f"unclosed:{ch}x"] = _rep(ch + "x ")
    s["nested-parens"] = lambda n: "(" * (n // 2) + ")" * (n - n // 2)
    s["nested-brackets"] = lambda n: "[" * (n // 2) + "]" * (n - n // 2)
    s["nested-braces"] = lambda n: "{" * (n // 2) + "}" * (n - n // 2)
    s["call-like"] = _rep("f(x)")
    s["dotted-call"] = _rep("a.b(")
    s["lt-no-gt"] = _rep("<a ")
    s["pi-open"] = _rep("<?")
    s["cdata-open"] = _rep("<![CDATA[")
    s["doctype-open"] = _rep("<!DOCTYPE")
    s["raw-open-lt"] = _rep("<script")
    s["html-comment-open"] = _rep("<!--")
    s["amp-runs"] = _rep("&")
    s["entity-like"] = _rep("&amp")
    s["entity-numeric"] = _rep("&#")
    # Links, addresses, paths, names.
    for name, unit in {
        "www": "www.",
        "http": "http://",
        "https-a": "https://a",
        "mailto": "mailto:",
        "at": "@",
        "a-at": "a@",
        "email-dots": "a.b@",
        "path-slash": "/a",
        "double-slash": "//",
        "win-path": "C:\\",
        "unc": "\\\\a",
        "underscore-word": "a_",
        "scope": "a::",
        "ext-chain": "a.py",
        "dots-words": "a.",
        "hyphens-words": "a-",
        "digits": "0123456789",
        "digits-space": "1 000 ",
        "thin-digits": "1\u2009",
        "emoticon": ":)",
        "shortcode": ":a",
        "colon-words": "mot:",
        "record-lines": "Key: value\n",
        "directive-words": "noqa ",
        "textsweep-directive": "textsweep: ",
    }.items():
        s[name] = _rep(unit)
    # Markdown specials.
    for name, unit in {
        "md-emphasis": "*a",
        "md-strong": "**a",
        "md-under": "_a",
        "md-code": "`a",
        "md-link-open": "[a](",
        "md-image-open": "![",
        "md-ref": "[a]",
        "md-footnote": "[^a",
        "md-quote": ">",
        "md-list": "- ",
        "md-heading": "#",
        "md-pipe": "|",
        "md-fence-lines": "```\n",
        "md-html-open": "<script>",
        "md-table-row": "| a | b |\n",
        "md-hard-break": "a  \n",
        "md-escape": "\\*",
    }.items():
        s[name] = _rep(unit)
    s["md-front-open"] = _head("---\n", "a: b\n")
    s["md-fence-open"] = _head("```\n", "code  \n")
    s["md-nested-quote-list"] = _lines("> " * 50 + "- texte")
    # LaTeX specials.
    for name, unit in {
        "tex-backslash": "\\",
        "tex-begin": "\\begin{",
        "tex-begin-env": "\\begin{verbatim}",
        "tex-cmd": "\\a",
        "tex-dollar": "$",
        "tex-dollar-words": "$a",
        "tex-percent": "%",
        "tex-brace-cmd": "\\x{",
        "tex-tilde": "~",
        "tex-display-open": "\\[",
        "tex-inline-open": "\\(",
        "tex-display-dollar": "$$ a",
        "tex-optional-open": "\\cite[",
        "tex-optional-lines": "\\cite[a\n",
    }.items():
        s[name] = _rep(unit)
    # reST specials.
    for name, unit in {
        "rst-dots-lines": ".. \n",
        "rst-directive-lines": ".. note::\n",
        "rst-role": ":a:`",
        "rst-literal": "``",
        "rst-target": "_`",
        "rst-subst": "|a",
        "rst-option-lines": "   :a: b\n",
        "rst-underline": "=",
        "rst-table-border": "+-",
        "rst-literal-block": "::\n\n",
    }.items():
        s[name] = _rep(unit)
    # Python specials.
    for name, unit in {
        "py-triple": '"""',
        "py-quote": '"',
        "py-apostrophe": "'",
        "py-hash": "#",
        "py-comment-lines": "# a  b\n",
        "py-string-lines": "x = 'a  b'\n",
        "py-fstring": 'f"{',
        "py-backslash-quote": '\\"',
    }.items():
        s[name] = _rep(unit)
    # Long lines, long words, alternations.
    s["long-word"] = _rep("a")
    s["long-word-accents"] = _rep("é")
    s["long-line-words"] = _rep("mot ")
    s["alternate-a-space"] = _rep("a ")
    s["alternate-a-nbsp"] = _rep("a\u00a0")
    s["alternate-letter-punct"] = _rep("a,")
    s["alternate-apostrophe"] = _rep("l'")
    s["alternate-quote-word"] = _rep('"a')
    s["alternate-dash-cap"] = _rep("-Ab")
    s["alternate-ansi"] = _rep("\x1b[")
    s["random-punct"] = _random_mix(string.punctuation + " \n", 5)
    s["random-french"] = _random_mix("«» ;:!?,.\u00a0\u202fa", 6)
    # Plain-text layout: one paragraph of table rows, aligned columns, a transcript;
    # one line of dashes that is no border; one line of runs of spaces.
    s["layout-table"] = _lines("    |cd   |change dir  |")
    s["layout-aligned"] = _lines("    real    0m0.035s       # time")
    s["layout-transcript"] = _head("    $ ls -l\n", "    -rw-r--r--  1 root  0 a\n")
    s["layout-dashes"] = _head("", "---- ", "x\n")
    s["layout-runs"] = _head("", "a  ", "\n")
    return s


SHAPES: dict[str, Callable[[int], str]] = _build()

#: The shapes the unit test times (the benchmark times them all): the ones the
#: hostile pass reported (line breaks, CR, CRLF, " \n", ":", "_", "`", "::", "Ã©",
#: "«" then spaces, long indentation, "www."), and one for each scan made linear
#: since, in the file types where that scan runs.
_REPORTED = (
    "run:lf",
    "run:cr",
    "run:crlf",
    "run:space-lf",
    "run::",
    "run:_",
    "run:`",
    "run:::",
    "mojibake-e",
    "guillemet-then-spaces",
    "indent-long-line",
    "indent-many-lines",
    "www",
)
_COMMON = (*_REPORTED, "spaces-before-comma", "mojibake-words", "dots-words", "scope")
TEST_SHAPES: dict[str, tuple[str, ...]] = {
    "plaintext": (
        *_COMMON,
        "ext-chain",
        "run:tab-lf",
        "random-french",
        "layout-table",
        "layout-aligned",
        "layout-transcript",
        "layout-dashes",
        "layout-runs",
        # every opener nests in the one before: judged one by one, quadratic
        "run:U+2066",
        "run:U+2067",
        "run:U+202E",
    ),
    # a run of ZWSPs: the indentation guard read the line again for each of them
    "markdown": (
        *_COMMON,
        "md-code",
        "md-html-open",
        "html-comment-open",
        "long-spaces",
        "run:U+200B",
    ),
    "latex": (
        *_COMMON,
        "tex-begin-env",
        "tex-display-open",
        "tex-inline-open",
        "tex-optional-open",
        "tex-optional-lines",
    ),
    "restructuredtext": (*_COMMON, "rst-role", "long-spaces"),
    "html": (*_COMMON, "html-comment-open", "lt-no-gt", "pi-open", "cdata-open", "raw-open-lt"),
    # Pygments reads every character of code: the shapes that trapped its lexer.
    "python": (
        "run:lf",
        "run:crlf",
        "run:space-lf",
        "run:nbsp-lf",
        "text-then-lf",
        "indent-many-lines",
        "mojibake-e",
    ),
}


def shape(name: str, size: int) -> str:
    """The text of shape ``name``, exactly ``size`` code points long (or about)."""
    return SHAPES[name](size)


def every_rule_settings() -> dict[str, Any]:
    """Raw settings turning every rule on, opt-in ones included."""
    from textsweep.engine import all_rules

    return {"rules": {r.id: True for r in all_rules()}}
