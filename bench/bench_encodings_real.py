"""Real translated text in 40+ encodings: every conversion is the true text or refused.

    PYTHONPATH=server python bench/bench_encodings_real.py [--verbose]

The texts are translators' sentences from Debian's message catalogues (see
``tests/data/real/MANIFEST.tsv``: GLib's ``glib20.mo`` and coreutils'
``coreutils.mo``). Each is encoded in every encoding its script is written in
(with LF and with CRLF line ends), then handed to ``to_utf8`` as a file would be.
An outcome is *right* when the converted text equals the text, *refused* when
``to_utf8`` declines (it must then say why), *wrong* otherwise: the goal is
wrong = 0. Printed: counts, and every wrong case.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from textsweep.engine.encoding import LossyDecodeError, to_utf8

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "real"

#: encoding → languages written in it (the files used for it).
ENCODINGS: dict[str, tuple[str, ...]] = {
    "cp1252": ("fr", "de", "es", "pt_BR", "it", "nl", "da", "sv", "fi", "is"),
    "latin-1": ("fr", "de", "es", "da", "is"),
    "iso-8859-15": ("fr", "fi", "nl"),
    "mac_roman": ("fr", "de", "es"),
    "cp850": ("fr", "de", "es"),
    "cp437": ("de", "es"),
    "cp1250": ("pl", "cs", "sk", "hu", "sl", "hr", "ro"),
    "iso-8859-2": ("pl", "cs", "sk", "hu", "sl", "hr"),
    "iso-8859-16": ("ro",),
    "cp852": ("pl", "cs"),
    "cp1251": ("ru", "uk", "bg", "sr"),
    "koi8-r": ("ru",),
    "koi8-u": ("uk",),
    "iso-8859-5": ("ru", "bg"),
    "cp866": ("ru",),
    "mac_cyrillic": ("ru",),
    "cp1253": ("el",),
    "iso-8859-7": ("el",),
    "cp1254": ("tr",),
    "iso-8859-9": ("tr",),
    "cp1255": ("he",),
    "iso-8859-8": ("he",),
    "cp1256": ("ar", "fa"),
    "iso-8859-6": ("ar",),
    "cp1257": ("lt", "lv", "et"),
    "iso-8859-13": ("lt", "lv"),
    "iso-8859-4": ("lt", "lv", "et"),
    "iso-8859-3": ("eo",),
    "cp874": ("th",),
    "tis-620": ("th",),
    "cp1258": ("vi",),
    "shift_jis": ("ja",),
    "cp932": ("ja",),
    "euc-jp": ("ja",),
    "iso-2022-jp": ("ja",),
    "gb2312": ("zh_CN",),
    "gbk": ("zh_CN",),
    "gb18030": ("zh_CN",),
    "big5": ("zh_TW",),
    "cp950": ("zh_TW",),
    "euc-kr": ("ko",),
    "cp949": ("ko",),
    "iso-2022-kr": ("ko",),
    "utf-16-le": ("fr", "ru", "ja"),
    "utf-16-be": ("fr", "ja"),
    "utf-32-le": ("de",),
    "utf-16": ("fr", "ko"),
}


@dataclass(frozen=True)
class Case:
    lang: str
    encoding: str
    crlf: bool

    @property
    def name(self) -> str:
        return f"{self.lang}.{self.encoding}{'.crlf' if self.crlf else ''}"


def text_of(lang: str, encoding: str, crlf: bool = False) -> str | None:
    """The language's sentences that ``encoding`` can write (lines it cannot are dropped)."""
    lines = []
    for line in (DATA / f"{lang}.txt").read_text(encoding="utf-8").splitlines():
        try:
            line.encode(encoding)
        except UnicodeEncodeError:
            continue
        lines.append(line)
    if len(lines) < 3:
        return None
    return ("\r\n" if crlf else "\n").join(lines) + ("\r\n" if crlf else "\n")


def cases() -> list[Case]:
    return [
        Case(lang, enc, crlf) for enc, langs in ENCODINGS.items() for lang in langs
        for crlf in (False, True)
    ]  # fmt: skip


def outcome(case: Case) -> tuple[str, str]:
    """``("right" | "refused" | "wrong" | "skipped", detail)``."""
    text = text_of(case.lang, case.encoding, case.crlf)
    if text is None:
        return "skipped", "fewer than 3 lines encodable"
    raw = text.encode(case.encoding)
    try:
        out, info = to_utf8(raw)
    except LossyDecodeError as e:
        return "refused", str(e)[:160]
    got = out.decode("utf-8")
    if got == text:
        return "right", info.encoding
    first = next((i for i, (a, b) in enumerate(zip(got, text, strict=False)) if a != b), 0)
    return "wrong", f"as {info.encoding} ({info.confidence:.2f}): {got[first : first + 30]!r}"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    counts: Counter[str] = Counter()
    per_encoding: dict[str, Counter[str]] = {}
    for case in cases():
        kind, detail = outcome(case)
        counts[kind] += 1
        per_encoding.setdefault(case.encoding, Counter())[kind] += 1
        if kind == "wrong" or (args.verbose and kind != "right"):
            print(f"{kind:8} {case.name:28} {detail}")
    tested = [e for e, c in per_encoding.items() if sum(c.values()) > c["skipped"]]
    print(
        f"{len(tested)} encodings, {sum(counts.values()) - counts['skipped']} files: "
        f"right {counts['right']}, refused {counts['refused']}, wrong {counts['wrong']}"
        f" (skipped {counts['skipped']})"
    )
    return 1 if counts["wrong"] else 0


if __name__ == "__main__":
    sys.exit(main())
