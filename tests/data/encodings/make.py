"""Sample files in many encodings, for the encoding tests and manual CLI/LSP trials.

``python tests/data/encodings/make.py [DIR]`` writes them (default: next to this
script); the unit tests call :func:`write_all` on a temporary directory instead.
Each sample is ``name → (text, codec, expected label)``; ``mixed.txt`` holds UTF-8
lines and Windows-1252 lines.
"""

from __future__ import annotations

import sys
from pathlib import Path

FRENCH = (
    "Le dépôt de l'été : « Hélène » a payé 12,50 € à Noël — très cher… Où est l'hôpital ?\n"
    "Ça coûte cher, mais la qualité est là. Les élèves préfèrent étudier à la bibliothèque.\n"
    "Nous avons reçu votre lettre du 3 février ; la réunion aura lieu à 14 h dans la salle.\n"
)
#: French without the characters Latin-1 and MacRoman lack or place elsewhere.
FRENCH_LATIN1 = (
    "Le dépôt de l'été : « Hélène » a payé 12,50 EUR à Noël - très cher... Où est l'hôpital ?\n"
    "Ça coûte cher, mais la qualité est là. Les élèves préfèrent étudier à la bibliothèque.\n"
    "Nous avons reçu votre lettre du 3 février ; la réunion aura lieu à 14 h dans la salle.\n"
)
RUSSIAN = (
    "Съешь же ещё этих мягких французских булок, да выпей чаю. Привет, мир!\n"
    "Москва - столица России. В лесу родилась ёлочка, в лесу она росла.\n"
    "Встреча состоится в среду в шесть часов вечера в большом зале.\n"
)
JAPANESE = (
    "日本語のテキストです。東京は晴れています。ありがとうございました。\n"
    "吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。\n"
)
CHINESE = (
    "中文文本，今天天气很好。我们去公园散步吧。谢谢你的帮助。\n"
    "北京是中华人民共和国的首都，也是全国的政治、文化中心。\n"
)
ENGLISH = "It’s “quoted” — and costs £5 or €6… Zoë’s café.\n"

#: file name → (text, Python codec used to write it, label detection must report)
SAMPLES: dict[str, tuple[str, str, str]] = {
    "cp1252.txt": (FRENCH, "cp1252", "windows-1252"),
    "latin1.txt": (FRENCH_LATIN1, "latin-1", "windows-1252"),
    "macroman.txt": (FRENCH_LATIN1, "mac_roman", "macintosh"),
    "koi8r.txt": (RUSSIAN, "koi8-r", "koi8-r"),
    "cp1251.txt": (RUSSIAN, "cp1251", "windows-1251"),
    "shiftjis.txt": (JAPANESE, "shift_jis", "shift_jis"),
    "gb18030.txt": (CHINESE, "gb18030", "gb18030"),
    "utf16.txt": (FRENCH + ENGLISH, "utf-16", "utf-16"),
    "utf8bom.txt": (FRENCH + ENGLISH, "utf-8-sig", "utf-8"),
}

#: Labels that decode a sample to the same text (Latin-1 bytes are Windows-1252 too).
SAME_TEXT = {"latin1.txt": {"windows-1252", "iso-8859-1", "iso-8859-15"}}

MIXED_UTF8 = FRENCH
MIXED_CP1252 = "Deuxième partie, écrite sous Windows : « déjà vu » à 5 €.\nFin.\n"


def mixed_bytes() -> bytes:
    """UTF-8 lines followed by Windows-1252 lines (and one ASCII line)."""
    return MIXED_UTF8.encode("utf-8") + MIXED_CP1252.encode("cp1252")


def mixed_text() -> str:
    return MIXED_UTF8 + MIXED_CP1252


def write_all(directory: Path) -> dict[str, Path]:
    """Write every sample (and ``mixed.txt``) into ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    out: dict[str, Path] = {}
    for name, (text, codec, _) in SAMPLES.items():
        path = directory / name
        path.write_bytes(text.encode(codec))
        out[name] = path
    path = directory / "mixed.txt"
    path.write_bytes(mixed_bytes())
    out["mixed.txt"] = path
    return out


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
    for name, path in write_all(target).items():
        print(f"{name}: {path.stat().st_size} bytes")
