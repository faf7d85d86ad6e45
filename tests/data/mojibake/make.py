"""Build ``labelled.tsv``: real mojibake look-alikes and real mojibake, with provenance.

``python tests/data/mojibake/make.py`` (on Debian 12 with its translations
installed) rewrites the file. Columns: ``label`` (``lookalike`` or ``mojibake``),
``text``, ``expected`` (what fix-all must give: the text itself for a
look-alike), ``source``. Tabs and line breaks inside texts are escaped as
``\\t`` and ``\\n``.

* ``lookalike``: translators' strings from the compiled catalogues under
  ``/usr/share/locale`` (every ``.mo`` installed: GLib, coreutils, apt, dpkg,
  iso-codes…) that the mojibake pre-filter matches (``Пі``, ``ЛЂ`` or ``Ä``
  before a no-break space are UTF-8 images in some codec) although they are
  clean text; at most 40 per language. Plus the six reported in the issue
  tracker.
* ``mojibake`` (``wild``): strings of those catalogues that are themselves
  mojibake (Norwegian Nynorsk, Asturian, Welsh, Bokmål and Dutch translations
  shipped with UTF-8 read as Windows-1252); the expected text is the line
  encoded back to Windows-1252 and decoded as UTF-8, checked by hand.
* ``mojibake`` (``made``): sentences of ``tests/data/real`` (the same kind of
  catalogues) with their UTF-8 bytes decoded as Windows-1252, Latin-1, MacRoman,
  Windows-1250 or Windows-1251, twice as Windows-1252, or written in MacRoman or
  DOS 850 and read as Windows-1252; whole lines and single words.
"""

from __future__ import annotations

import gettext
import glob
import sys
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401  (sloppy-windows-1252)

HERE = Path(__file__).parent
REAL = HERE.parent / "real"
sys.path.insert(0, str(HERE.parents[2] / "server"))

from textsweep.engine.encoding import mojibake as mj  # noqa: E402

ISSUE = [
    "SELKÄ\u00a0EDELLÄ",
    "AHÅ™",
    "There are a lot of Ã’s in this file.",
    "O irmÃ e a irmã.",
    "The symbol Ã is used in Portuguese.",
    "MISUTÂ\u00a0AJIKKO",
]
#: Languages whose catalogues ship real mojibake (checked by hand, line by line).
WILD = ("nn", "ast", "cy", "nb", "nl")


def _esc(s: str) -> str:
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def _catalogue_lines() -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for mo in sorted(glob.glob("/usr/share/locale/*/LC_MESSAGES/*.mo")):
        try:
            with open(mo, "rb") as fh:
                cat = gettext.GNUTranslations(fh)
        except Exception:  # noqa: BLE001  (a broken catalogue: skip it)
            continue
        for value in cat._catalog.values():  # type: ignore[attr-defined]
            if not isinstance(value, str):
                continue
            for line in value.splitlines():
                line = line.strip()
                if line and line not in seen and not line.isascii():
                    seen.add(line)
                    out.append((mo, line))
    return out


def _wild_fix(line: str) -> str | None:
    """Each space-separated token read back: Windows-1252 bytes decoded as UTF-8."""
    out = []
    for token in line.split(" "):
        try:
            out.append(token.encode("sloppy-windows-1252").decode("utf-8"))
        except UnicodeError:
            out.append(token)
    return " ".join(out)


def main() -> int:
    rows = ["label\ttext\texpected\tsource"]
    per_lang: dict[str, int] = {}
    for text in ISSUE:
        rows.append(f"lookalike\t{_esc(text)}\t{_esc(text)}\tissue tracker report")
    for mo, line in _catalogue_lines():
        if not (mj.hits(line) or mj.legacy_votes(line)):
            continue
        lang = mo.split("/")[4]
        fixed = _wild_fix(line) if lang in WILD else None
        if fixed is not None and fixed != line and not mj.hits(fixed):
            rows.append(f"mojibake\t{_esc(line)}\t{_esc(fixed)}\twild: {mo}")
            continue
        if per_lang.get(lang, 0) >= 40:
            continue
        per_lang[lang] = per_lang.get(lang, 0) + 1
        rows.append(f"lookalike\t{_esc(line)}\t{_esc(line)}\t{mo}")
    made = [
        ("utf-8", "sloppy-windows-1252", ("fr", "de", "es", "pt_BR", "it", "da", "sv", "fi")),
        ("utf-8", "latin-1", ("fr", "de", "is")),
        ("utf-8", "mac_roman", ("fr", "de", "es")),
        ("utf-8", "sloppy-windows-1250", ("pl", "cs", "hu", "ro")),
        ("utf-8", "sloppy-windows-1251", ("ru", "uk", "bg")),
        ("mac_roman", "sloppy-windows-1252", ("fr", "de")),
        ("cp850", "sloppy-windows-1252", ("fr", "es")),
    ]
    for enc, dec, langs in made:
        for lang in langs:
            src = REAL / f"{lang}.txt"
            lines = [x for x in src.read_text(encoding="utf-8").splitlines() if not x.isascii()]
            for line in lines[:12]:
                try:
                    bad = line.encode(enc).decode(dec)
                except UnicodeError:
                    continue
                if bad == line:
                    continue
                how = f"made: {enc} bytes read as {dec}, line of tests/data/real/{lang}.txt"
                rows.append(f"mojibake\t{_esc(bad)}\t{_esc(line)}\t{how}")
                words = line.split(" ")
                k = next((i for i, w in enumerate(words) if not w.isascii()), None)
                if k is not None:
                    words_bad = list(words)
                    words_bad[k] = words[k].encode(enc).decode(dec)
                    rows.append(
                        f"mojibake\t{_esc(' '.join(words_bad))}\t{_esc(line)}\t{how} (one word)"
                    )
            if enc == "utf-8" and dec == "sloppy-windows-1252":
                for line in lines[:6]:
                    twice = line.encode("utf-8").decode(dec).encode("utf-8").decode(dec)
                    how = f"made: UTF-8 read as Windows-1252 twice, tests/data/real/{lang}.txt"
                    rows.append(f"mojibake\t{_esc(twice)}\t{_esc(line)}\t{how}")
    (HERE / "labelled.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
