"""Look-alike letters (Unicode TS #39): spoofs flagged and fixed, real text left alone."""

from __future__ import annotations

import hashlib
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

from textsweep.engine import Document, fix_all, lint
from textsweep.engine import _confusables_data as data
from textsweep.engine.rules.confusables import lookalikes, script_of, unique_lookalike

from .helpers import findings, fixed, only

MIXED, WHOLE = "mixed-script-confusable", "whole-script-confusable"
ROOT = Path(__file__).resolve().parents[2]
DATA_FILE = ROOT / "server/textsweep/engine/_confusables_data.py"
CORPUS = Path(__file__).resolve().parents[1] / "data" / "confusables"
#: Update together with the data file, only by running scripts/gen_confusables.py.
DATA_SHA256 = "cb50d1d16ffdf6bc64c8715fe71ea93d01a1b2d608d9b2d24c718a490f5db7ef"


def both(text: str, language_id: str = "plaintext") -> list[tuple[str, str]]:
    doc = Document(text, language_id)
    out = []
    for rid in (MIXED, WHOLE):
        out += [(f.rule, text[f.start : f.end]) for f in lint(doc, only(rid))]
    return out


# --------------------------------------------------------------------------- data


def test_vendored_table_is_the_generated_one() -> None:
    assert hashlib.sha256(DATA_FILE.read_bytes()).hexdigest() == DATA_SHA256
    assert data.SCRIPTS_VERSION == "15.0.0"
    assert data.CONFUSABLES_VERSION == "15.1.0"


@pytest.mark.skipif(
    not Path("/usr/share/unicode/Scripts.txt").exists(), reason="Debian unicode-data absent"
)
def test_generator_reproduces_the_table() -> None:
    pytest.importorskip("confusable_homoglyphs")
    out = subprocess.run(
        [sys.executable, str(ROOT / "scripts/gen_confusables.py")],
        capture_output=True,
        check=True,
    ).stdout
    assert out == DATA_FILE.read_bytes()


def test_scripts_of_characters() -> None:
    assert [script_of(c) for c in "aаαא東かカ한µΩ1"] == [
        "Latin",
        "Cyrillic",
        "Greek",
        "Hebrew",
        "Han",
        "Hiragana",
        "Katakana",
        "Hangul",
        "Common",
        "Greek",
        "Common",
    ]


def test_lookalikes_keep_case_and_prefer_the_prototype() -> None:
    assert unique_lookalike("\u0430", "Latin") == "a"  # Cyrillic а
    assert unique_lookalike("\u0406", "Latin") == "I"  # Cyrillic І: not lowercase l
    assert unique_lookalike("\u03bf", "Latin") == "o"  # Greek ο
    assert unique_lookalike("c", "Cyrillic") == "\u0441"
    assert unique_lookalike("\u0436", "Latin") is None  # ж has no Latin look-alike
    assert lookalikes("\u0430", "Latin") == ["a"]  # not IPA ɑ: nobody writes it for a
    assert lookalikes("\u03c7", "Latin") == []  # χ: only Latin Extended-D ꭓ, not x


# --------------------------------------------------------------------------- flagged


@pytest.mark.parametrize(
    ("bad", "good"),
    [
        ("Log in at p\u0430ypal.com now\n", "Log in at paypal.com now\n"),
        ("Visit g\u03bfogle today\n", "Visit google today\n"),
        ("\u0397ello, world\n", "Hello, world\n"),
        ("\u0406nternet access\n", "Internet access\n"),
        ("Это cписок сигналов\n", "Это список сигналов\n"),
        ("Замiсть цього перекладіть\n", "Замість цього перекладіть\n"),
        ("Greek: αδύνατo το άνοιγμα\n", "Greek: αδύνατο το άνοιγμα\n"),
    ],
)
def test_spoofs_are_flagged_and_safely_fixed(bad: str, good: str) -> None:
    found = findings(MIXED, bad)
    assert len(found) == 1 and found[0].safe_fix is not None
    assert fixed(MIXED, bad) == good


def test_python_identifier_fixed_but_string_literal_only_offered() -> None:
    src = 'if n\u0430me == 1:\n    print("p\u0430ypal")\n'
    found = findings(MIXED, src, "python")
    assert [src[f.start : f.end] for f in found] == ["n\u0430me", "p\u0430ypal"]
    assert found[0].message.startswith("Identifier")
    assert found[1].message.startswith("String") and found[1].safe_fix is None
    assert fixed(MIXED, src, "python") == 'if name == 1:\n    print("p\u0430ypal")\n'


@pytest.mark.parametrize(
    ("language_id", "src"),
    [
        ("javascript", "const us\u0435r = 1;\n"),
        ("rust", "fn m\u0430in() {}\n"),
        ("go", "func m\u0430in() {}\n"),
    ],
)
def test_identifiers_in_other_languages(language_id: str, src: str) -> None:
    found = findings(MIXED, src, language_id)
    assert len(found) == 1 and found[0].message.startswith("Identifier")


def test_mostly_foreign_word_reads_as_latin_but_is_not_safe() -> None:
    text = "Caf\u0435 and \u0421\u0430f\u0435 are here\n"
    found = findings(MIXED, text)
    assert [text[f.start : f.end] for f in found] == ["Caf\u0435", "\u0421\u0430f\u0435"]
    assert found[0].safe_fix is not None
    assert found[1].safe_fix is None and found[1].fixes[0].replacement == "Cafe"


def test_repeated_mixed_word_is_a_name_unless_the_real_word_is_there() -> None:
    spoof = "M\u0430rk"
    named = f"{spoof} one. {spoof} two. {spoof} three.\n"
    found = findings(MIXED, named)
    assert len(found) == 3
    assert all(f.severity.label == "hint" and f.safe_fix is None for f in found)
    attack = named + "Mark is real.\n"
    found = findings(MIXED, attack)
    assert all(f.severity.label == "warning" and f.safe_fix is not None for f in found)


@pytest.mark.parametrize(
    "text",
    [
        "παράκαμψη των επόμενων 12 byte\u03c3s\n",  # σ only resembles o: `byteos`?
        "(TOCСПЕЦ: текстовые сегменты)\n",  # two words glued, not a spoof
    ],
)
def test_doubtful_readings_are_offered_not_applied(text: str) -> None:
    found = findings(MIXED, text)
    assert len(found) == 1 and found[0].safe_fix is None


def test_format_and_escape_letters_are_not_part_of_the_word() -> None:
    assert findings(MIXED, "Файл: %s\n%sрозділ груп\n") == []
    # from apt, gas and elfutils translations (Debian's uk and ru catalogues)
    formats = "%liд %liг %liхв %lluс %2$sпересування -m[no-]%-17sУвімкнути 0xАДРЕСА\n"
    assert findings(MIXED, formats) == []
    assert findings(MIXED, 's = "\\nПривет, \\tмир"\n', "python") == []
    # Python's named formats, from Django 5.2's Kyrgyz and Mongolian catalogues: the
    # offered fix wrote ``%(cnt)ѕ``, a format Python rejects
    named = (
        'msgstr "%(cnt)sнерседен %(sel)sтандалды"\n'
        'msgstr "%(ct_id)sмазмун түрүнүн %(obj_id)sобектисинде жашабайт."\n'
    )
    assert findings(MIXED, named, "po") == []
    # the Latin ``c`` of ``cайт`` after a format and a space is still a look-alike
    assert len(findings(MIXED, 'msgstr "%(site_name)s cайт дээрх нууц үг"\n', "po")) == 1


def test_greek_beta_for_eszett() -> None:
    # β's TS #39 prototype is ß: safe only where the document already writes ß.
    assert findings(MIXED, "Die Stra\u03b2e\n")[0].safe_fix is None
    assert fixed(MIXED, "Die Stra\u03b2e, die Straße\n") == "Die Straße, die Straße\n"


def test_rare_letter_fix_is_not_safe() -> None:
    # Latin s would become Macedonian ѕ, a letter this Serbian text never uses.
    found = findings(MIXED, "Приказујеs N-ти унос\n")
    assert len(found) == 1 and found[0].safe_fix is None


def test_whole_script_word_in_english_is_a_hint() -> None:
    text = "The band played \u0440\u043e\u0440 music all night.\n"
    found = findings(WHOLE, text)
    assert len(found) == 1 and found[0].severity.label == "hint"
    assert found[0].fixes[0].replacement == "pop" and found[0].safe_fix is None


def test_whole_script_word_in_a_foreign_paragraph_is_left_alone() -> None:
    usage = "command [-pVv] command [\u0430\u0440\u0433 ...]\n"  # Serbian `арг`
    serbian = "Изврши наредбу са аргументима, заобилазећи функције љуске.\n" + usage
    assert findings(WHOLE, serbian) == []
    english = "Run a command with arguments, bypassing shell functions.\n" + usage
    assert len(findings(WHOLE, english)) == 1
    assert len(findings(WHOLE, english + "\n" + serbian)) == 1  # paragraphs judged apart


# --------------------------------------------------------------------------- never flagged


@pytest.mark.parametrize(
    "text",
    [
        "東京タワーでiPhoneを買った。ロ口、エ工、カ力。\n",
        "서울에서 Galaxy를 샀다.\n",
        "Београд је главни град Србије. Beograd je glavni grad Srbije.\n",
        "Η Αθήνα είναι η πρωτεύουσα της Ελλάδας και το Linux είναι δωρεάν.\n",
        "Компания Microsoft выпустила Windows, Excel и Word; Яндекс и Google.\n",
        "Area A = πr², E = mc², v = ωr, F = ma, p = ρgh, x = αt + β.\n",
        "A 5 µm filter, a 10 μm pore, 4.7 kΩ, 100 Ω, 20 °C, 3 Å.\n",
        "The angle α, the ratio λ/μ and the word λόγος.\n",
        "Сохранить как ПРЕФИКСaa, ПРЕФИКСab, …\n",
        "German Bach is [ˈbaχ], think is /θɪŋk/; the τauon, the χips.\n",
    ],
)
def test_legitimate_script_mixing_is_left_alone(text: str) -> None:
    assert both(text) == []


EXPECTED = {
    "el.txt": [(MIXED, "E\u03b9\u03b4\u03b9\u03ba\u03ad\u03c2")],
    "ru.txt": [(MIXED, "c\u043f\u0438\u0441\u043e\u043a")],
    "sr.txt": [(MIXED, "Приказујеs"), (MIXED, "Приказујеs")],
}


@pytest.mark.parametrize("name", ["ja.txt", "sr.txt", "sr-latin.txt", "el.txt", "ru.txt"])
def test_real_translations_only_their_genuine_typos(name: str) -> None:
    """Debian's gettext catalogues (see MANIFEST.txt): the only findings are real typos."""
    text = (CORPUS / name).read_text(encoding="utf-8")
    assert len(text) > 5000
    assert both(text) == EXPECTED.get(name, [])


# --------------------------------------------------------------------------- linear time


def _median_time(text: str) -> float:
    times = []
    for _ in range(5):
        doc = Document(text)
        t0 = time.perf_counter()
        for rid in (MIXED, WHOLE):
            lint(doc, only(rid))
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


@pytest.mark.skipif(os.environ.get("TEXTSWEEP_NO_TIMING") == "1", reason="timing disabled")
def test_doubling_the_input_at_most_triples_the_time() -> None:
    unit = (CORPUS / "ru.txt").read_text(encoding="utf-8")
    unit += "Log in at p\u0430ypal.com, the band played \u0440\u043e\u0440. " * 20 + "\n"
    unit += "x" * 5000 + "\u0430" + "y" * 5000 + "\n"  # one huge word
    small, large = unit * 2, unit * 4
    _median_time(small)
    # Up to three paired tries: a shared machine's noise passes one of them, a
    # quadratic scan (x4 on doubling) fails them all.
    ratios = []
    for _ in range(3):
        ratios.append(_median_time(large) / _median_time(small))
        if ratios[-1] <= 3:
            break
    assert min(ratios) <= 3, ratios


def test_camel_case_identifier_is_fixed() -> None:
    src = "let userN\u0430me = getN\u0430me();\n"
    assert fixed(MIXED, src, "javascript") == "let userName = getName();\n"


#: punycode's README (npm): its examples mix scripts on purpose, in a code block.
PUNYCODE_README = (
    "```js\n// encode email addresses\n"
    "punycode.toASCII('джумла@джpумлатест.bрфa');\n"
    "// → 'джумла@xn--p-8sbkgc5ag7bhce.xn--ba-lmcq'\n```\n\n"
    "Decode `джpумлатест` with it. The behavior remains identi\u0441al to before.\n"
)


def test_look_alikes_in_code_of_a_document_are_offered_not_fixed() -> None:
    doc = Document(PUNYCODE_README, "markdown")
    found = [f for f in lint(doc) if f.rule == "mixed-script-confusable"]
    assert [PUNYCODE_README[f.start : f.end] for f in found] == [
        "джpумлатест",
        "джpумлатест",
        "identi\u0441al",
    ]
    # the code block and the code span: offered; the prose word: fixed
    assert [f.fixes[0].safe for f in found] == [False, False, True]
    fixed = fix_all(Document(PUNYCODE_README, "markdown")).text
    assert fixed == PUNYCODE_README.replace("identi\u0441al", "identical")
