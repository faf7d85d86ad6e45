"""Which language do real short translated messages get? (a wrong one = foreign rules)

Run: ``python bench/bench_langid_messages.py [LANG,LANG…]``

Reads the message catalogues installed on this machine
(``/usr/share/locale/<lang>/LC_MESSAGES/{apt,dpkg,coreutils,…}.mo``: Debian's
professionally maintained translations, mostly one short sentence each), lints
each translated message as a one-paragraph document with ``language: auto`` and
counts the language its paragraph gets. ``wrong`` is the share given a language
that has rules here (fr, en, de, es, it, zh, ja) other than its own: those
messages would be checked by another language's rules. ``None`` (unsure: only
language-neutral rules) and ``other`` are safe outcomes. Catalogues missing on the
machine are skipped; the figures depend on what is installed.
"""

from __future__ import annotations

import gettext
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "server"))

from textsweep.engine import Config, Document  # noqa: E402
from textsweep.engine import language as L  # noqa: E402

LANGS = "fr de es it zh_CN zh_TW ja pt pt_BR nl pl cs sv ru uk ko".split()
DOMAINS = "apt dpkg coreutils bash findutils grep diffutils adduser libapt-pkg6.0 make".split()
WITH_RULES = frozenset({"fr", "en", "de", "es", "it", "zh", "ja"})


def messages(lang: str) -> list[str]:
    out: list[str] = []
    for domain in DOMAINS:
        path = Path("/usr/share/locale") / lang / "LC_MESSAGES" / f"{domain}.mo"
        if not path.exists():
            continue
        with path.open("rb") as fh:
            catalog = gettext.GNUTranslations(fh)._catalog  # type: ignore[attr-defined]
        for key, value in catalog.items():
            if key and isinstance(value, str) and value.strip():
                out.append(re.sub(r"\s+", " ", value).strip())
    return out


def main() -> None:
    langs = sys.argv[1].split(",") if len(sys.argv) > 1 else LANGS
    print(f"{'lang':6} {'msgs':>6} {'own':>6} {'unsure':>6} {'other':>6} {'wrong':>6}  wrong by")
    for lang in langs:
        msgs = messages(lang)
        if not msgs:
            continue
        own = lang.split("_")[0]
        got: Counter[str | None] = Counter(
            L.base(L.language_map(Document(m + "\n"), Config()).paragraphs[0].language)
            for m in msgs
        )
        wrong = {k: v for k, v in got.items() if k in WITH_RULES and k != own}
        n = len(msgs)
        print(
            f"{lang:6} {n:6} {got[own] / n:6.1%} {got[None] / n:6.1%} "
            f"{got['other'] / n:6.1%} {sum(wrong.values()) / n:6.1%}  "
            + " ".join(f"{k}:{v}" for k, v in sorted(wrong.items(), key=lambda kv: -kv[1]))
        )


if __name__ == "__main__":
    main()
