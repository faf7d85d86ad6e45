"""Mojibake repairs are applied unread only with evidence; guesses are offered.

Every case from the issue tracker, with its exact input and expected text.
"""

from __future__ import annotations

import pytest

from textsweep.engine import Document, fix_all, lint
from textsweep.engine.model import Severity

from .helpers import findings

#: Text that looks like mojibake and is not: fix-all must leave it as written.
LOOK_ALIKES = [
    "SELKÄ\u00a0EDELLÄ\n",  # Finnish, a no-break space after Ä (C4 A0 would be Ġ)
    "AHÅ™\n",  # a trademark after a Swedish word (C5 99 would be ř)
    "There are a lot of Ã’s in this file.\n",
    "O irmÃ e a irmã.\n",  # Portuguese in capitals typed by hand
    "The symbol Ã is used in Portuguese.\n",
    "MISUTÂ\u00a0AJIKKO\n",  # romanised Japanese with a circumflex
]


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_look_alikes_are_never_changed_by_fix_all(text: str) -> None:
    assert fix_all(Document(text)).text == text
    for f in lint(Document(text)):
        if f.rule == "mojibake":
            assert not any(x.safe for x in f.fixes), f


def test_look_alike_repair_is_still_offered() -> None:
    (f,) = findings("mojibake", "There are a lot of Ã’s in this file.\n")
    assert f.fixes[0].replacement == "Ò" and not f.fixes[0].safe
    assert "Possibly" in f.message


@pytest.mark.parametrize(
    ("bad", "good"),
    [
        ("по РґРѕСЂРѕРіРµ домой\n", "по дороге домой\n"),  # UTF-8 read as Windows-1251
        ("L’HĂ´pital\n", "L’Hôpital\n"),  # Windows-1250
        ("des g√¢teaux\n", "des gâteaux\n"),  # MacRoman
        ("pi√π tardi\n", "più tardi\n"),  # MacRoman
        ("le dŽp™t\n", "le dépôt\n"),  # MacRoman bytes read as Windows-1252
        ("le d‚p“t\n", "le dépôt\n"),  # DOS (850/437) bytes read as Windows-1252
        ("Il va Ã  la gare, le dÃ©pÃ´t est fermÃ©.\n", "Il va à la gare, le dépôt est fermé.\n"),
        (
            "Le dÃ©pÃ´t et le chÃ¢teau sont prÃªts Ã cÃ´tÃ© de lâ€™Ã©cole.\n",
            "Le dépôt et le château sont prêts à côté de l’école.\n",
        ),
        ("La cafÃ©tÃ©ria, la caféteria.\n", "La cafétéria, la caféteria.\n"),
    ],
)
def test_repairs_come_out_whole(bad: str, good: str) -> None:
    assert fix_all(Document(bad)).text == good


@pytest.mark.parametrize("text", ["САНКТ’Ёлка,\n", "ПІР’Я і ПЕРО\n"])
def test_an_apostrophe_inside_an_intact_cyrillic_word_is_not_flagged(text: str) -> None:
    """``Т’`` and ``Р’`` are Windows-1251 images of UTF-8 ``Ғ`` and ``В``; but read
    that way every other Cyrillic letter of the word would be two characters too."""
    assert [f for f in lint(Document(text)) if f.rule == "mojibake"] == []
    # the same pair in a word of mojibake is still repaired
    assert fix_all(Document("по Р’РґРѕСЂРѕРіРµ домой\n")).text == "по Вдороге домой\n"


def test_evidence_elsewhere_makes_a_weak_repair_safe() -> None:
    """A lone ``Ã `` is a guess; with sure Windows-1252 damage on the line it is not."""
    assert fix_all(Document("voilÃ le travail\n")).text == "voilÃ le travail\n"
    assert fix_all(Document("voilÃ le dÃ©pÃ´t\n")).text == "voilà le dépôt\n"


def test_one_misread_character_alone_is_not_decided() -> None:
    """``dŽ`` alone: two characters must agree on MacRoman before anything is re-read."""
    assert fix_all(Document("Le cafŽ.\n")).text == "Le cafŽ.\n"


def test_sloppy_byte_images_match_ftfy_without_importing_it() -> None:
    """The pre-filter reads ftfy's sloppy codecs byte by byte without ftfy (whose
    import costs more than checking a small file); it must read them as ftfy does."""
    import ftfy.bad_codecs  # noqa: F401  (registers the sloppy codecs for the reference)

    from textsweep.engine.encoding import mojibake as mj

    for codec in mj._CODECS:
        for b in range(256):
            try:
                want = bytes([b]).decode(codec)
            except UnicodeDecodeError:
                want = None
            try:
                got: str | None = mj.decode_byte(b, codec)
            except UnicodeDecodeError:
                got = None
            assert got == want, (codec, hex(b))


def test_checking_ascii_and_clean_french_text_does_not_import_ftfy() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from textsweep.engine import Document, lint\n"
        "lint(Document('Hello world.\\n'))\n"
        "lint(Document('Le dépôt est prêt : à mardi, « bonne » journée !\\n'))\n"
        "assert 'ftfy' not in sys.modules, 'ftfy imported'\n"
        "lint(Document('Le dÃ©pÃ´t est prÃªt.\\n'))\n"
        "assert 'ftfy' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


#: Tables drawn with box characters, as READMEs print console output (npm ``table``,
#: ``fast-uri``'s benchmark): ``─┐`` is the code page 437 image of ``Ŀ`` (C4 BF),
#: ``═╗`` of ``ͻ``, ``─╢`` of ``Ķ``, ``─┤`` of ``Ĵ``. Fix-all rewrote every corner.
BOX_TABLES = [
    "```\n┌────┬────┬────┐\n│ 0A │ 0B │ 0C │\n├────┼────┼────┤\n"
    "│ 1A │ 1B │ 1C │\n└────┴────┴────┘\n```\n",
    "╔════╤════╤════╗\n║ 0A │ 0B │ 0C ║\n╟────┼────┼────╢\n║ 1A │ 1B │ 1C ║\n╚════╧════╧════╝\n",
    "```\n┌─────────┬──────────────────────────┐\n│ (index) │ Task name                │\n"
    "├─────────┼──────────────────────────┤\n│ 0       │ 'fast-uri: parse domain' │\n"
    "└─────────┴──────────────────────────┘\n```\n",
]


@pytest.mark.parametrize("text", BOX_TABLES)
def test_box_drawing_tables_are_not_dos_mojibake(text: str) -> None:
    assert [f for f in lint(Document(text, "markdown")) if f.rule == "mojibake"] == []
    assert fix_all(Document(text, "markdown")).text == text


def test_dos_mojibake_of_words_is_still_repaired_beside_a_table() -> None:
    # ``├╝`` is ``ü`` read as code page 437: box characters too, but between letters
    text = "│ Das ist gr├╝n und sch├╢n, M├╝nchen │\n"
    assert fix_all(Document(text)).text == "│ Das ist grün und schön, München │\n"


#: ftfy's README and this project's: mojibake shown on purpose, in code.
MOJIBAKE_IN_CODE = (
    "Fix text:\n\n    >>> ftfy.fix_text('\u00e2\u0153\u201d No problems')\n"
    "    '\u2714 No problems'\n\n"
    "- **Encoding**: mojibake (`d\u00c3\u00a9p\u00c3\u00b4t` \u2192 `d\u00e9p\u00f4t`), "
    "bytes already lost (`\ufffd`).\n\nIn prose the d\u00c3\u00a9p\u00c3\u00b4t is repaired.\n"
)


def test_mojibake_in_a_documents_code_is_offered_not_repaired() -> None:
    found = lint(Document(MOJIBAKE_IN_CODE, "markdown"))
    repairs = [
        (MOJIBAKE_IN_CODE[f.start : f.end], f.fixes[0].safe) for f in found if f.rule == "mojibake"
    ]
    assert repairs == [
        ("\u00e2\u0153\u201d", False),
        ("\u00c3\u00a9p\u00c3\u00b4", False),
        ("\u00c3\u00a9p\u00c3\u00b4", True),
    ]
    [lost] = [f for f in found if f.rule == "replacement-character"]
    assert lost.severity is Severity.INFO and "in code" in lost.message
    assert fix_all(Document(MOJIBAKE_IN_CODE, "markdown")).text == MOJIBAKE_IN_CODE.replace(
        "the d\u00c3\u00a9p\u00c3\u00b4t", "the d\u00e9p\u00f4t"
    )
