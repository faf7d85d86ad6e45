"""Extract real translations from installed gettext catalogues, with provenance.

Usage: python3 scripts/extract_mo_corpus.py OUTDIR  (prints the provenance lines)
"""

import gettext
import os
import random
import subprocess
import sys


def lines(lang, domains, n):
    out = []
    prov = []
    for d in domains:
        path = f"/usr/share/locale/{lang}/LC_MESSAGES/{d}.mo"
        if not os.path.exists(path):
            continue
        pkg = subprocess.run(["dpkg", "-S", path], capture_output=True, text=True).stdout.split(
            ":"
        )[0]
        ver = subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", pkg], capture_output=True, text=True
        ).stdout
        t = gettext.GNUTranslations(open(path, "rb"))
        msgs = [
            v
            for k, v in t._catalog.items()
            if isinstance(v, str) and k and len(v) > 30 and "%" not in v and "\\" not in v
        ]
        msgs.sort()
        random.Random(13).shuffle(msgs)
        got = [m.replace("\n", " ").strip() for m in msgs[:n]]
        out += got
        prov.append(
            f"{lang}/LC_MESSAGES/{d}.mo from Debian package {pkg} {ver}: {len(got)} messages"
        )
    return out, prov


spec = {
    "ja": ["coreutils", "apt", "bash", "glib20", "diffutils"],
    "sr": ["coreutils", "bash", "glib20", "apt"],
    "sr@latin": ["glib20", "gdk-pixbuf", "gsettings-desktop-schemas", "Linux-PAM"],
    "el": ["coreutils", "apt", "bash", "diffutils"],
    "ru": ["coreutils", "apt", "bash", "glib20"],
}
os.makedirs(sys.argv[1], exist_ok=True)
man = []
for lang, doms in spec.items():
    out, prov = lines(lang, doms, 60)
    name = lang.replace("@", "-")
    open(f"{sys.argv[1]}/{name}.txt", "w").write("\n".join(out) + "\n")
    man += [f"{name}.txt:"] + ["  " + p for p in prov]
print("\n".join(man))
