"""Rebuild the real-text corpus from unpacked registry packages (provenance record).

The corpus files are committed; this script documents exactly how each excerpt was
cut, so it can be redone from the same package versions.  Fetch and unpack first
(one directory per package, named after it)::

    apt-get download debian-faq debian-faq-fr ...      # the Debian packages below
    for f in *.deb; do dpkg-deb -x "$f" "${f%%_*}"; done
    pip download --no-deps --no-binary :all: sphinx==9.0.4   # then untar as "sphinx"
    npm pack element-ui@2.15.14 yargs@18.2.0 axios@1.21.1   # untar as element-ui, yargs, axios

    python tests/realtext/build_corpus.py UNPACKED_DIR

Excerpts keep the original bytes of whole lines (trailing spaces included); they
are cut at blank lines (plain text, catalogue entries) or headings (Markdown).
"""

from __future__ import annotations

import gzip
import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
FILES = HERE / "files"

DEBIAN_FAQ_LICENCE = "Debian FAQ licence (verbatim and modified copies permitted; see copyright)"
DEBREF_LICENCE = "GPL-2+"
SPHINX_LICENCE = "BSD-2-Clause"
MIT = "MIT"


@dataclass
class Source:
    name: str  # file name in the corpus
    lang: str
    package: str
    version: str
    path: str  # inside the unpacked package directory
    licence: str
    kind: str = "whole"  # whole | text | po | md
    start: float = 0.0  # fraction of the file where the excerpt starts
    budget: int = 20_000  # characters


def _faq(lang: str, suffix: str, pkg: str) -> list[Source]:
    path = f"usr/share/doc/debian/FAQ/debian-faq.{suffix}.txt.gz"
    return [
        Source(
            f"debian-faq.{suffix}.{n}.txt",
            lang,
            pkg,
            "11.1",
            path,
            DEBIAN_FAQ_LICENCE,
            "text",
            start,
        )
        for n, start in ((1, 0.08), (2, 0.55))
    ]


def _ref(lang: str) -> list[Source]:
    path = f"usr/share/debian-reference/debian-reference.{lang}.txt.gz"
    return [
        Source(
            f"debian-reference.{lang}.{n}.txt",
            lang,
            f"debian-reference-{lang}",
            "2.100",
            path,
            DEBREF_LICENCE,
            "text",
            start,
        )
        for n, start in ((1, 0.2), (2, 0.62))
    ]


def _po(lang: str, code: str) -> list[Source]:
    path = f"sphinx/locale/{code}/LC_MESSAGES/sphinx.po" if code else "sphinx/locale/sphinx.pot"
    ext = "po" if code else "pot"
    return [
        Source(
            f"sphinx.{code or 'template'}.{n}.{ext}",
            lang,
            "sphinx (PyPI sdist)",
            "9.0.4",
            path,
            SPHINX_LICENCE,
            "po",
            start,
            14_000,
        )
        for n, start in ((1, 0.0), (2, 0.5))
    ]


SOURCES: list[Source] = [
    *_faq("en", "en", "debian-faq"),
    *_faq("fr", "fr", "debian-faq-fr"),
    *_faq("de", "de", "debian-faq-de"),
    *_faq("it", "it", "debian-faq-it"),
    *_faq("ja", "ja", "debian-faq-ja"),
    *_faq("ru", "ru", "debian-faq-ru"),
    *_faq("zh", "zh-cn", "debian-faq-zh-cn"),
    *(s for lang in ("en", "fr", "de", "es", "it", "ja") for s in _ref(lang)),
    *_po("en", ""),
    *_po("fr", "fr"),
    *_po("de", "de"),
    *_po("es", "es"),
    *_po("it", "it"),
    *_po("ru", "ru"),
    *_po("ja", "ja"),
    *_po("zh", "zh_CN"),
    *(
        Source(
            f"element-ui.CHANGELOG.{code}.md",
            lang,
            "element-ui (npm)",
            "2.15.14",
            f"package/CHANGELOG.{code}.md",
            MIT,
            "md",
            0.0,
            12_000,
        )
        for lang, code in (("en", "en-US"), ("es", "es"), ("fr", "fr-FR"), ("zh", "zh-CN"))
    ),
    Source(
        "axios.README.md",
        "en",
        "axios (npm)",
        "1.21.1",
        "package/README.md",
        MIT,
        "md",
        0.3,
        16_000,
    ),
    Source("sphinx.README.rst", "en", "sphinx (PyPI sdist)", "9.0.4", "README.rst", SPHINX_LICENCE),
    *(
        Source(
            f"sphinx.{p.replace('/', '.')}",
            "en",
            "sphinx (PyPI sdist)",
            "9.0.4",
            f"doc/{p}",
            SPHINX_LICENCE,
            "text",
            0.0,
            16_000,
        )
        for p in (
            "usage/quickstart.rst",
            "tutorial/first-steps.rst",
            "usage/restructuredtext/basics.rst",
            "usage/installation.rst",
        )
    ),
    *(
        Source(
            f"sphinx.util.{m}",
            "en",
            "sphinx (PyPI sdist)",
            "9.0.4",
            f"sphinx/util/{m}",
            SPHINX_LICENCE,
            "text",
            0.0,
            16_000,
        )
        for m in ("osutil.py", "rst.py")
    ),
    *(
        Source(
            f"yargs.locale.{code}.json",
            lang,
            "yargs (npm)",
            "18.2.0",
            f"package/locales/{code}.json",
            MIT,
        )
        for lang, code in (
            ("en", "en"),
            ("fr", "fr"),
            ("de", "de"),
            ("es", "es"),
            ("it", "it"),
            ("ru", "ru"),
            ("ja", "ja"),
            ("zh", "zh_CN"),
        )
    ),
    *(
        Source(
            f"element-ui.locale.{code}.js",
            lang,
            "element-ui (npm)",
            "2.15.14",
            f"package/src/locale/lang/{code}.js",
            MIT,
        )
        for lang, code in (
            ("fr", "fr"),
            ("de", "de"),
            ("es", "es"),
            ("it", "it"),
            ("ru", "ru-RU"),
            ("ja", "ja"),
            ("zh", "zh-CN"),
        )
    ),
]


def held_out(rel: str) -> bool:
    """Fixed split rule: about 30% of files, by a hash of their corpus path.

    The salt ``0:`` is the first that puts every language and file type in both
    parts; it was chosen before any finding was looked at.
    """
    return hashlib.sha256(f"0:{rel}".encode()).digest()[0] % 10 < 3


def _read(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return data.decode("utf-8")


def _blocks(lines: list[str], is_break) -> list[tuple[int, int]]:
    """(start, end) line ranges of blocks that begin where ``is_break`` holds."""
    starts = [0] + [i for i in range(1, len(lines)) if is_break(lines, i)]
    return list(zip(starts, [*starts[1:], len(lines)], strict=True))


def excerpt(src: Source, text: str) -> tuple[str, str]:
    """The excerpt and a description of where it was cut."""
    if src.kind == "whole" or len(text) <= src.budget:
        return text, "whole file"
    lines = text.splitlines(keepends=True)
    if src.kind == "md":
        blocks = _blocks(lines, lambda ls, i: ls[i].startswith("#"))
    else:  # text and po: cut after blank lines
        blocks = _blocks(lines, lambda ls, i: ls[i - 1].strip() == "" and ls[i].strip() != "")
    first = next(k for k, (s, _) in enumerate(blocks) if s >= src.start * len(lines))
    keep: list[tuple[int, int]] = []
    if src.kind == "po" and first > 0:
        keep.append(blocks[0])  # the catalogue header (Language:, plural forms)
    size = 0
    for b in blocks[first:]:
        size += sum(len(x) for x in lines[b[0] : b[1]])
        keep.append(b)
        if size >= src.budget:
            break
    # An excerpt ends at its last line of text: the blank lines the cut leaves
    # behind are not the file's.
    kept = [line for s, e in keep for line in lines[s:e]]
    while kept and not kept[-1].strip():
        kept.pop()
    out = "".join(kept).rstrip("\r\n") + "\n"
    where = ", ".join(f"lines {s + 1}-{e}" for s, e in keep)
    return out, f"excerpt: {where} of {len(lines)}"


def main(root: str) -> None:
    base = Path(root)
    rows = ["file\tlang\ttype\tsplit\tpackage\tversion\tpath\tlicence\textent"]
    for src in SOURCES:
        pkg_dir = src.package.split(" ")[0]
        text = _read(base / pkg_dir / src.path)
        body, where = excerpt(src, text)
        rel = f"{src.lang}/{src.name}"
        out = FILES / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(body.encode("utf-8"))
        ftype = src.name.rsplit(".", 1)[1]
        split = "heldout" if held_out(rel) else "tuning"
        rows.append(
            "\t".join(
                [
                    rel,
                    src.lang,
                    ftype,
                    split,
                    src.package,
                    src.version,
                    src.path,
                    src.licence,
                    where,
                ]
            )
        )
    (HERE / "MANIFEST.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
