"""Extract real translated sentences from Debian's compiled message catalogues.

``python tests/data/real/make.py`` rewrites ``<lang>.txt`` here from the ``.mo``
files of Debian 12 packages (GLib's ``glib20.mo`` from ``libglib2.0-data``
2.74.6, coreutils' ``coreutils.mo`` where GLib lacks a language): the msgstr
strings longer than 25 characters, without format directives or markup, in
catalogue order, up to :data:`SIZE` characters. The texts are the translators'
work (GLib: LGPL-2.1+, coreutils: GPL-3+); MANIFEST.tsv records the source of
each file. The tests and benches only read the ``.txt`` files.
"""

from __future__ import annotations

import gettext
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
SIZE = 2500
#: language → catalogues to read, in order.
LANGS: dict[str, tuple[str, ...]] = {
    lang: ("glib20", "coreutils")
    for lang in (
        "fr de es pt_BR it nl da sv fi is pl cs sk hu sl hr ro ru uk bg sr el tr he ar fa "
        "lt lv et th vi ja zh_CN zh_TW ko eo mt ga cy"
    ).split()
}
_SKIP = re.compile(r"%|\$\{|<|>|\\|\{|\}|_|@|https?:|\t")


def _sentences(mo: Path) -> list[str]:
    with mo.open("rb") as fh:
        cat = gettext.GNUTranslations(fh)
    out = []
    for key, value in cat._catalog.items():  # type: ignore[attr-defined]
        if not isinstance(value, str) or isinstance(key, tuple) or not key:
            continue
        text = " ".join(value.split())
        if len(text) < 25 or _SKIP.search(text) or text.isascii():
            continue
        out.append(text)
    return out


def main() -> int:
    rows = ["file\tsource\tdebian package"]
    for lang, domains in LANGS.items():
        lines: list[str] = []
        used = []
        for domain in domains:
            mo = Path(f"/usr/share/locale/{lang}/LC_MESSAGES/{domain}.mo")
            if not mo.exists():
                continue
            used.append(mo)
            for s in _sentences(mo):
                if sum(len(x) + 1 for x in lines) > SIZE:
                    break
                lines.append(s)
        if not lines:
            print(f"{lang}: no catalogue", file=sys.stderr)
            continue
        (HERE / f"{lang}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        pkgs = []
        for mo in used:
            got = subprocess.run(["dpkg", "-S", str(mo)], capture_output=True, text=True)
            pkgs.append(got.stdout.split(":")[0] if got.returncode == 0 else "?")
        rows.append(f"{lang}.txt\t{', '.join(map(str, used))}\t{', '.join(pkgs)}")
    (HERE / "MANIFEST.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
