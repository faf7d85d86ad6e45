"""Per-paragraph language: detection, declarations, fallbacks, caching."""

from __future__ import annotations

import re
from pathlib import Path

from textsweep.engine import Config, Document, lint, parse_settings
from textsweep.engine import language as L

ROWS = [
    line.split("\t", 1)
    for line in (
        Path(__file__).resolve().parents[1] / "data" / "corpus" / "langid" / "paragraphs.tsv"
    )
    .read_text(encoding="utf-8")
    .splitlines()
    if line and not line.startswith("#")
]


def test_detector_accuracy_on_short_paragraphs() -> None:
    ok = 0
    wrong_family = 0
    for label, text in ROWS:
        got = L.detect(text).language
        got = got if got in ("fr", "en") else "other"
        ok += got == label or (label != "other" and got == "other" and False)
        wrong_family += label == "other" and got in ("fr", "en")
    assert ok / len(ROWS) >= 0.95
    assert wrong_family <= 1


def test_document_language_and_variants() -> None:
    text = "Le chat dort sur le canapé et il fait beau aujourd’hui.\n"
    assert L.document_language(Document(text)) == "fr"
    config, _ = parse_settings({"language": "fr-CA"})
    assert L.document_language(Document(text), config) == "fr-CA"
    assert L.document_language(Document("")) is None


def test_bilingual_paragraphs() -> None:
    text = (
        "Le journal affiche le message d’erreur suivant, qui revient chaque nuit.\n\n"
        "Error: the connection was refused by the server. Is the database running?\n\n"
        "Nous avons vérifié la configuration et le mot de passe avait expiré.\n"
    )
    langs = [p.language for p in L.language_map(Document(text), Config()).paragraphs]
    assert langs == ["fr", "en", "fr"]


def test_fixed_setting_is_a_default_not_a_gag() -> None:
    config, _ = parse_settings({"language": "fr"})
    text = "Oui.\n\nThe build failed because the compiler was not found on the path.\n"
    langs = [p.language for p in L.language_map(Document(text), config).paragraphs]
    assert langs == ["fr", "en"]


def test_markdown_front_matter_and_html_lang() -> None:
    md = Document("---\nlang: fr-CH\n---\n\nOui.\n", "markdown")
    assert L.language_map(md, Config()).paragraphs[-1].language == "fr-CH"
    html = Document('<html lang="fr-CA"><body><p>Oui.</p></body></html>\n', "html")
    assert L.document_language(html) == "fr-CA"


# The Debian Administrator's Handbook 11, French HTML (Debian's debian-handbook):
# DocBook's output has no blank line, and the translation leaves some paragraphs
# in English. Read as one paragraph, the page was French throughout, and its
# English sentences got French typography (392 missing-space warnings in fr-FR).
HANDBOOK_FR = (
    '<html xmlns="http://www.w3.org/1999/xhtml" lang="fr-FR"><head><title>Installation'
    '</title></head><body><div class="section"><div class="para">\n'
    "\t\t\t\tLe support d'installation le plus employé est le CD-Rom (ou le DVD-Rom, qui "
    "se comporte exactement de la même manière)\u00a0: l'ordinateur s'amorce sur ce "
    "disque et le programme d'installation prend la main.\n"
    '\t\t\t</div><a id="id-1.7.11.3.4" class="indexterm"></a><div class="para">\n'
    '\t\t\t\tVarious CD-ROM families have different purposes: <span class="emphasis">'
    "<em>netinst</em></span> (network installation) contains the installer and the base "
    "Debian system; all other programs are then downloaded.\n"
    '\t\t\t</div><div class="para">\n'
    "\t\t\t\tIl existe un autre type d'image, qui n'est disponible que comme un "
    "sous-produit de l'installateur: cette image contient le minimum requis.\n"
    "\t\t\t</div></div></body></html>\n"
)


def test_html_block_tags_part_paragraphs() -> None:
    doc = Document(HANDBOOK_FR, "html")
    found = [(f.rule, HANDBOOK_FR[f.start - 4 : f.end]) for f in lint(doc)]
    # the English paragraph keeps its colon and semicolon; the French one is told
    assert found == [("french-missing-space", "ateur:")]
    langs = {HANDBOOK_FR[p.start : p.end].strip()[:9]: p.language for p in _map(doc).paragraphs}
    assert langs["Various C"] == "en" and langs["Le suppor"] == langs["Il existe"] == "fr-FR"


def _map(doc: Document) -> L.LanguageMap:
    return L.language_map(doc, Config())


def test_informal_german_is_german() -> None:
    """react.dev's German translation addresses the reader as ``du``: this sentence was
    French (``du`` is a French word; ``hast``, ``kannst``, ``ihn`` were no German ones)
    and got a French space before its colon."""
    text = "Jetzt, da du `MyButton` deklariert hast, kannst du ihn in eine andere Komponente"
    assert L.detect(text + " einbetten:").language == "de"


def test_l_apostrophe_is_italian_as_much_as_french() -> None:
    """The Handbook's Italian translation: ``l'`` counted for French alone, and two of
    them made this sentence French (then told to space its colon the French way)."""
    italian = "La richiesta restituisce due oggetti: l'organizzazione stessa e l'utente."
    assert L.detect(italian).language == "it"
    assert L.detect("Il a vu l'organisation et l'utilisateur dans l'entreprise.").language == "fr"


def test_inline_directive_switches_language_from_there_on() -> None:
    text = (
        "# textsweep: language=fr-CA\nx = 1\n\n# Vraiment?\n\n# textsweep: language=en\n# Really?\n"
    )
    doc = Document(text, "python")
    m = L.language_map(doc, Config())
    assert m.language_at(text.index("Vraiment")) == "fr-CA"
    assert m.language_at(text.index("Really")) == "en"
    # fr-CA wants no space before ?, so "Vraiment?" is fine
    assert [f for f in lint(doc) if f.rule.startswith("french")] == []


def test_short_paragraphs_fall_back_to_majority() -> None:
    text = (
        "Le rapport annuel montre une hausse du chiffre d’affaires et des effectifs.\n\nVraiment?\n"
    )
    doc = Document(text)
    m = L.language_map(doc, Config())
    assert m.paragraphs[1].language == "fr" and not m.paragraphs[1].detected
    assert [f.rule for f in lint(doc)] == ["french-missing-space"]


def test_other_languages_get_no_typography_rules() -> None:
    text = "¿Por qué falla este programa al arrancar? Nadie lo sabe todavía: es raro.\n"
    assert [f for f in lint(Document(text)) if f.rule.startswith(("french", "english"))] == []
    text = "Почему программа падает при запуске? Никто не знает: странно.\n"
    assert [f for f in lint(Document(text)) if f.rule.startswith(("french", "english"))] == []


def test_detection_is_cached_per_paragraph() -> None:
    L.detect.cache_clear()
    para = "Le serveur redémarre toutes les nuits à deux heures du matin.\n\n"
    L.language_map(Document(para * 3 + "Fin de la page, merci.\n"), Config())
    before = L.detect.cache_info()
    # an edit in the last paragraph: the first three are not detected again
    L.language_map(Document(para * 3 + "Fin de la page, merci beaucoup.\n"), Config())
    after = L.detect.cache_info()
    assert after.misses - before.misses == 1


def test_crlf_lines_are_one_paragraph_like_lf_lines() -> None:
    """The CR and LF of one CRLF were read as two line breaks, so every CRLF line
    was a paragraph of its own (and lost the language of its neighbours)."""
    from textsweep.engine import Document, parse_settings
    from textsweep.engine.language import language_map

    config, _ = parse_settings({"language": "auto"})
    lf = (
        "Le serveur lit les fichiers du projet et signale les espaces manquantes.\n"
        "Il propose ensuite une correction pour chacune des fautes trouvées.\n\n"
        "Deuxième paragraphe.\n"
    )
    crlf = lf.replace("\n", "\r\n")
    spans_lf = [(p.language, p.detected) for p in language_map(Document(lf), config).paragraphs]
    spans_crlf = [(p.language, p.detected) for p in language_map(Document(crlf), config).paragraphs]
    assert len(spans_lf) == 2
    assert spans_crlf == spans_lf


# --------------------------------------------------------------------------- shortcuts
# detect() skips work a cheap test proves useless (a window regex on a text too short
# to hold its words, a second window when the first is the whole text, the typical
# letters of an ASCII sample); these hold it to what the full path reads.

from hypothesis import example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_WORDY = st.text(alphabet=st.sampled_from(list("ab'’ .,1_-éÇ中\u0301\u00adZ")), max_size=240)


def _window_by_regex(text: str, words: int) -> str:
    m = L._words_re(words).match(text, 0, L.MAX_CHARS)
    return text[: m.end()] if m else text[: L.MAX_CHARS]


@settings(max_examples=500)
@given(_WORDY)
@example("a " * 29 + "a")  # 59 characters, 30 words: the shortest that matches
@example("a " * 29)  # 58: one word short
@example("a " * 30)  # 60: the window stops before the last space
@example("a'b " * 30)
def test_window_shortcut_is_the_regex(text: str) -> None:
    for words in (L.FIRST_WORDS, L.MAX_WORDS, 3):
        assert L._window(text, words) == _window_by_regex(text, words)


def _detect_long_way(text: str) -> L.Detection:
    """``detect`` as written before its shortcuts (no memo)."""
    import unicodedata

    from textsweep.engine.chars import drop_unseen

    if not text.isascii():
        text = unicodedata.normalize("NFC", drop_unseen(text[: L.MAX_CHARS]))
    first = _window_by_regex(text, L.FIRST_WORDS)
    det = L._detect(first)
    if det.language is None:
        more = _window_by_regex(text, L.MAX_WORDS)
        if len(more) > len(first):
            det = L._detect(more)
    return det


@settings(max_examples=300)
@given(
    st.lists(
        st.sampled_from(
            [
                "the",
                "le",
                "der",
                "und",
                "és",
                "ça",
                "qu’il",
                "中文",
                "12",
                "English中文",
                "ひらがな",
            ]
        ),
        max_size=120,
    ).map(" ".join)
)
@example("abc中文中文中文")  # Han glued to Latin: the script decides
@example("schön über grün, das ist schön und gut")
def test_detect_shortcuts_change_nothing(text: str) -> None:
    assert L.detect.__wrapped__(text) == _detect_long_way(text)


def test_typical_letters_count_in_a_sample_beyond_ascii() -> None:
    found = L._scores("ça va très bien, garçon")
    assert found.total["fr"] > found.words["fr"]
    assert L.detect.__wrapped__("abc中文中文中文").language == "zh"
    # thirty words of no language, then French: the second window decides
    assert (
        L.detect.__wrapped__("zork " * 30 + "le chat est dans la maison et il dort " * 4).language
        == "fr"
    )


# The ASCII fast paths read ASCII text as the Unicode patterns do.

ASCII_PIECES = ["a", "Bc", "xyz", "'", "''", " ", "  ", "\n", "-", "_", "1", "42", ".", ",",
                "don't", "l'", "'s", "it's'", "A_b", "x1y", "\t", "(", "é"]  # fmt: skip


def test_ascii_letters_are_the_unicode_letters_of_ascii() -> None:
    letter = re.compile(r"[^\W\d_]")
    for c in map(chr, range(128)):
        assert (L._TOKEN_ASCII.fullmatch(c) is not None) == (letter.fullmatch(c) is not None)


@given(st.lists(st.sampled_from(ASCII_PIECES), max_size=60).map("".join))
@example("don't stop 'em l'homme a''b x'y'z 9a_b")
def test_ascii_tokens_and_windows_agree_with_the_unicode_ones(text: str) -> None:
    if text.isascii():
        assert L._TOKEN_ASCII.findall(text) == L._TOKEN.findall(text)
        for n in (1, 2, 3, 30):
            slow = L._words_re(n).match(text)
            fast = L._words_re(n, ascii_only=True).match(text)
            assert (slow and slow.end()) == (fast and fast.end())
    for n in (L.FIRST_WORDS, L.MAX_WORDS, 2):
        # _window picks the ASCII pattern by itself: the same window either way
        want = L._words_re(n).match(text, 0, L.MAX_CHARS)
        assert L._window(text, n) == (
            text[: want.end()] if want and len(text) >= 2 * n - 1 else text[: L.MAX_CHARS]
        )
    # the letters the scores count, found by one class search
    assert (L._LETTER_CLASS.search(text) is not None) == (not L._LETTER_CHARS.isdisjoint(text))


def test_letter_class_holds_every_typical_letter() -> None:
    for chars, _ in L._LETTERS.values():
        for c in chars:
            assert L._LETTER_CLASS.fullmatch(c)
    assert L._LETTER_CLASS.search("plain ascii text") is None


#: node-addon-api's README: a table of contents, names without a function word.
#: ``Function``, ``Management`` and ``-tion`` endings made it French, and French
#: spacing went before ``Data Types:``.
NAMES_ONLY = (
    "The following is the documentation for node-addon-api.\n\n"
    " - [Full Class Hierarchy](doc/hierarchy.md)\n - [Addon Structure](doc/addon.md)\n"
    " - Data Types:\n    - [Env](doc/env.md)\n    - [Value](doc/value.md)\n"
    "    - [Function](doc/function.md)\n        - [FunctionReference](doc/function_reference.md)\n"
    " - [Error Handling](doc/error_handling.md)\n"
    " - [Object Lifetime Management](doc/object_lifetime_management.md)\n"
    " - [Memory Management](doc/memory_management.md)\n"
    " - [Async Operations](doc/async_operations.md)\n"
    " - [Thread-safe Functions](doc/threadsafe.md)\n - [Version management](doc/version.md)\n"
)


def test_a_list_of_names_gets_no_language_from_word_endings() -> None:
    names = "Function Reference Memory Management Async Operations Version Management "
    assert L.detect(names * 2).language is None
    # a French heading list has function words: still French
    assert (
        L.detect("Gestion de la mémoire et des paquets, liste des fonctions " * 2).language == "fr"
    )
    found = lint(Document(NAMES_ONLY, "markdown"))
    assert [f.rule for f in found if f.rule.startswith("french")] == []


def test_letters_alone_do_not_outvote_the_words() -> None:
    # the Debian Reference in Spanish: ``pulsé``, ``japonés`` gave French the lead
    # by the letter é, while the words (y, haga, si, se, ha) said Spanish
    text = (
        "Seleccioné «Configuración« → «Teclado« → «Método de entrada« → pulsé «+» en "
        '«Métodos de entrada« → «Japonés« → "Mozc japonés (o anthy)" y haga clic en '
        '"Agregar" si no se ha activado.'
    )
    det = L.detect(text)
    assert det.language is None and det.runner_up == "fr"
    assert L.detect("Il faut le lire avant de partir, et puis nous verrons bien.").language == "fr"
