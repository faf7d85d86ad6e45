"""gettext catalogues: which parts are prose, which language each message is in,
and the translators' checks on real Sphinx catalogues."""

from __future__ import annotations

from pathlib import Path

import pytest

from textsweep.engine import Config, Document, fix_all, language_for_path, lint
from textsweep.engine.language import language_map
from textsweep.engine.markups import gettext
from textsweep.engine.regions import non_prose

REAL = Path(__file__).resolve().parents[1] / "realtext" / "files"

HEADER = 'msgid ""\nmsgstr ""\n"Language: fr\\n"\n"X-Generator: Poedit 3.0\\n"\n\n'


def _header(language: str) -> str:
    """A catalogue's header entry: its language, UTF-8."""
    return (
        f'msgid ""\nmsgstr ""\n"Language: {language}\\n"\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    )


def _po(body: str, header: str = HEADER) -> Document:
    return Document(header + body, "po")


def _rules(doc: Document) -> list[tuple[int, str, str]]:
    return [(doc.line_of(f.start) + 1, f.rule, doc.text[f.start : f.end]) for f in lint(doc)]


@pytest.mark.parametrize("name", ["a.po", "locale/fr/LC_MESSAGES/sphinx.po", "sphinx.pot"])
def test_extensions_map_to_po(name: str) -> None:
    assert language_for_path(name) == "po"


def test_msgid_is_english_and_msgstr_the_header_language() -> None:
    doc = _po('msgid "Unknown event name: %s"\nmsgstr "Nom d\'événement inconnu\u00a0: %s"\n')
    lmap = language_map(doc, Config())
    assert [p.language for p in lmap.paragraphs] == ["en", "fr"]
    assert lmap.majority == "fr"
    assert _rules(doc) == []


def test_a_translation_copying_its_source_keeps_the_source_language() -> None:
    # real: Sphinx's French catalogue keeps this title in English
    doc = _po(
        'msgid "Python Enhancement Proposals; PEP %s"\n'
        'msgstr "Python Enhancement Proposals; PEP %s"\n'
    )
    assert [p.language for p in language_map(doc, Config()).paragraphs] == ["en", "en"]
    assert _rules(doc) == []


def test_source_language_from_the_header() -> None:
    header = 'msgid ""\nmsgstr ""\n"Language: en\\n"\n"X-Source-Language: fr\\n"\n\n'
    doc = _po('msgid "Bonjour : %s"\nmsgstr "Hello: %s"\n', header)
    assert [p.language for p in language_map(doc, Config()).paragraphs] == ["fr", "en"]
    # French text all the same, but not the translator's to fix: a fix there would
    # detach the translation from the program's string (see the test below)
    assert _rules(doc) == []


def test_no_fix_touches_a_msgid() -> None:
    # fix-all wrote ``msgid "Hello, world; it works"``: the program still asks for
    # ``Hello , world ; it works``, and got it untranslated
    doc = _po('msgid "Hello , world ; it works"\nmsgstr "Bonjour, le monde ; ça marche"\n')
    assert [r for _, r, _ in _rules(doc)] == ["french-breakable-space"]  # the msgstr's
    fixed = fix_all(doc).text
    assert 'msgid "Hello , world ; it works"' in fixed
    assert 'msgstr "Bonjour, le monde\u202f; ça marche"' in fixed


def test_french_msgstr_is_not_told_to_drop_its_space() -> None:
    doc = _po('msgid "Loaded themes are: %s"\nmsgstr "Les thèmes chargés sont : %s"\n')
    assert [r for _, r, _ in _rules(doc)] == ["french-breakable-space"]


@pytest.mark.parametrize(
    "masked",
    [
        "# Copyright (C) 2025",
        "#: main.py:10",
        "#, python-format",
        'msgid "',
        "%(copyright_prefix)s",
        "%1$s",
        "{0}",
        "{name}",
        ":confval:",
        ":scale:",
        "&#169;",
        '\\"',
        "\\n",
        "\\t",
        "Project-Id-Version: tool 1.0",
    ],
)
def test_not_prose(masked: str) -> None:
    doc = _po(
        "# Copyright (C) 2025\n#: main.py:10\n#, python-format\n"
        'msgid "&#169; %(copyright_prefix)s %1$s {0} {name} :confval:`x` :scale: \\"a\\"\\n\\tb"\n'
        'msgstr "x"\n',
        'msgid ""\nmsgstr ""\n"Project-Id-Version: tool 1.0\\n"\n\n',
    )
    start = doc.text.index(masked)
    spans = list(non_prose(doc).spans_in(start, start + len(masked)))
    assert spans and spans[0][0] <= start and spans[-1][1] >= start + len(masked)


def test_words_are_prose() -> None:
    doc = _po('msgid "Unknown event name: %s"\nmsgstr "Nom inconnu"\n')
    start = doc.text.index("event name")
    assert not non_prose(doc).covers(start, start + len("event name"))


def test_parser_reads_plurals_context_and_flags() -> None:
    doc = _po(
        'msgctxt "menu"\nmsgid "File"\nmsgstr "Fichier"\n\n'
        '#, fuzzy\nmsgid "one file"\nmsgid_plural "%d files"\nmsgstr[0] "un"\nmsgstr[1] ""\n'
        '"%d fichiers"\n\n#~ msgid "Old"\n#~ msgstr "Vieux"\n'
    )
    entries = [e for e in gettext.entries(doc) if not e.is_header]
    assert [[m.keyword for m in e.messages] for e in entries] == [
        ["msgctxt", "msgid", "msgstr"],
        ["msgid", "msgid_plural", "msgstr[0]", "msgstr[1]"],
    ]
    assert "fuzzy" in entries[1].flags
    assert gettext.header(doc)["language"] == "fr"
    # fuzzy entries are not translation units
    assert len(gettext.translation_units(doc)) == 1


def test_a_sentence_continues_across_string_lines() -> None:
    # "sont " ends one line and ": %s" begins the next: the space is there
    doc = _po('msgid "Loaded: %s"\nmsgstr ""\n"Les thèmes chargés sont "\n": %s"\n')
    assert not [r for _, r, _ in _rules(doc) if r == "french-missing-space"]
    # "sont" then ": %s": the space is missing; the fix joins the two strings
    doc = _po('msgid "Loaded: %s"\nmsgstr ""\n"Les thèmes chargés sont"\n": %s"\n')
    assert [r for _, r, _ in _rules(doc)] == ["french-missing-space"]
    assert fix_all(doc).text.endswith('msgstr ""\n"Les thèmes chargés sont\u00a0: %s"\n')


def test_fix_stays_inside_the_string_with_escapes_intact() -> None:
    doc = _po('msgid "Error: \\"%s\\"\\n"\nmsgstr "Erreur: \\"%s\\"\\n"\n')
    fixed = fix_all(doc).text
    assert fixed.endswith('msgstr "Erreur\u00a0: \\"%s\\"\\n"\n')


def test_doubled_space_is_flagged_in_msgstr_where_the_source_has_none() -> None:
    doc = _po('msgid "Warning: check it"\nmsgstr "Attention\u00a0:  vérifiez"\n')
    assert [(r, t) for _, r, t in _rules(doc)] == [("doubled-space", "  ")]
    assert doc.line_of(lint(doc)[0].start) == doc.text.count("\n") - 1
    # a translation that mirrors its source's double space is right (pofilter's
    # doublespacing check agrees), and the source is the developer's
    doc = _po('msgid "Warning:  check it"\nmsgstr "Attention\u00a0:  vérifiez"\n')
    assert _rules(doc) == []


# GNU coreutils 9.1, German catalogue (Debian's coreutils package, unpacked with
# msgunfmt): option lists aligned in columns, the source's and the translation's.
COREUTILS_DE = (
    _header("de") + 'msgid ""\n'
    '"  -i, --ignore-environment  start with an empty environment\\n"\n'
    '"  -0, --null           end each output line with NUL, not newline\\n"\n'
    '"  -u, --unset=NAME     remove variable from the environment\\n"\n'
    'msgstr ""\n'
    '"  -i, --ignore-environment  mit leerer Umgebung beginnen\\n"\n'
    '"  -0, --null           jede Zeile mit einem Nullbyte anstatt eines\\n"\n'
    '"                       Zeilenvorschubs beenden\\n"\n'
    '"  -u, --unset=NAME     Variable aus der Umgebung entfernen\\n"\n\n'
    'msgid "  directory  fail unless a directory\\n"\n'
    'msgstr "  directory  abbrechen, wenn kein Verzeichnis\\n"\n\n'
    'msgid "cannot compute a new context"\n'
    'msgstr "es konnte kein  neuer Kontext berechnet werden"\n'
)
# GNU diffutils 3.8, Spanish: a source aligned with tabs, a translation with spaces.
DIFFUTILS_ES = (
    _header("es")
    + 'msgid ""\n"ed:\\tEdit then use both versions, each decorated with a header.\\n"\n'
    '"q:\\tQuit.\\n"\n'
    'msgstr ""\n"ed:      Edita y usa ambas versiones, cada una decorada con una cabecera.\\n"\n'
    '"q:       Salir.\\n"\n'
)


def test_columns_of_a_help_text_are_layout_not_doubled_spaces() -> None:
    found = [f for f in lint(Document(COREUTILS_DE, "po")) if f.rule == "doubled-space"]
    # only the translation's typo: its source has one space there
    assert [COREUTILS_DE[f.start - 4 : f.end + 5] for f in found] == ["kein  neuer"]
    assert [f.rule for f in lint(Document(DIFFUTILS_ES, "po"))] == []


def test_an_escaped_backslash_before_n_is_no_line_break() -> None:
    text = '"  \\\\n              Zeilenvorschub"'  # ``\\n``: a backslash, then n
    assert not gettext._after_newline_escape(text, 1, text.index("n ") + 1)
    text = '"a\\n   b"'
    assert gettext._after_newline_escape(text, 1, text.index("n ") + 1)


def test_trailing_whitespace_is_about_the_file_lines() -> None:
    doc = _po('msgid "Loading "\nmsgstr "Chargement " \n')
    assert [r for _, r, _ in _rules(doc)] == ["trailing-whitespace"]


def _real(rel: str) -> Document:
    path = REAL / rel
    return Document(path.read_text(encoding="utf-8"), language_for_path(rel), path=str(path))


def test_real_sphinx_french_catalogue_english_msgids_are_not_judged_french() -> None:
    doc = _real("fr/sphinx.fr.1.po")
    lines = doc.text.split("\n")
    for f in lint(doc):
        if f.rule.startswith("french-"):
            assert lines[doc.line_of(f.start)].lstrip().startswith(("msgstr", '"')), f


def test_real_sphinx_translation_dropping_the_trailing_space() -> None:
    # msgid "loading translations [%s]... " / msgstr "Lade Übersetzungen [%s]…"
    doc = _real("de/sphinx.de.1.po")
    found = [f for f in lint(doc) if f.rule == "po-whitespace-mismatch"]
    assert [(doc.line_of(f.start) + 1, doc.text[f.start : f.end]) for f in found] == [(232, "…")]
    assert found[0].fixes[0].replacement == " " and not found[0].fixes[0].safe


def test_real_sphinx_help_indentation_dropped_by_translations() -> None:
    doc = _real("fr/sphinx.fr.2.po")
    found = {doc.line_of(f.start) + 1 for f in lint(doc) if f.rule == "po-whitespace-mismatch"}
    # "  The Sphinx documentation generator." → "Le générateur…" (330),
    # "   Manage documentation with Sphinx." → " Gérer la documentation…" (353)
    assert {330, 353} <= found
    # the msgid's own leading spaces are never a doubled space
    assert not [
        f
        for f in lint(doc)
        if f.rule == "doubled-space" and "The Sphinx" in doc.text[f.start : f.start + 40]
    ]


def test_real_chinese_translation_may_drop_spaces() -> None:
    # "  The Sphinx documentation generator." → "Sphinx 文档生成器。"
    doc = _real("zh/sphinx.zh_CN.1.po")
    assert not [f for f in lint(doc) if f.rule == "po-whitespace-mismatch"]


#: Sphinx's Catalan and Danish catalogues: a command or a wrapped line indented
#: after a ``\n`` in the message, as in its source; and a doubled space in prose.
INDENTED_MESSAGES = (
    _header("ca")
    + 'msgid ""\n"Use the Makefile to build the docs, like so:\\n"\n"   make builder"\n'
    'msgstr ""\n"Feu servir el Makefile per a construir els documents, com segueix:\\n"\n'
    '"   make builder"\n\n'
    'msgid "Please activate JavaScript to enable the search\\n    functionality."\n'
    'msgstr "Activa JavaScript per a usar la funcionalitat\\n    de cerca.  Gràcies."\n'
)


def test_indentation_after_a_newline_escape_is_layout() -> None:
    found = [f for f in lint(Document(INDENTED_MESSAGES, "po")) if f.rule == "doubled-space"]
    assert [(INDENTED_MESSAGES[f.start - 6 : f.start], f.end - f.start) for f in found] == [
        ("cerca.", 2)
    ]


def test_xml_dialects_are_xml_not_plain_text() -> None:
    # Sphinx's translation.svg: `id=".po&lt;-translator"`; read as plain text,
    # html-entity rewrote the entity inside the attribute and broke the drawing
    for name in ("translation.svg", "messages.xlf", "app.XLIFF", "Info.plist", "feed.atom"):
        assert language_for_path(name) == "xml", name
    svg = '<svg><path id=".po&lt;-translator"/><text>Caf&eacute;</text></svg>\n'
    doc = Document(svg, language_for_path("translation.svg"))
    assert [f.rule for f in lint(doc) if f.rule == "html-entity"] == []


# Django 5.2's catalogues (PyPI wheel): ``yesno``'s default is a list the filter
# splits at the translation's commas; full-width commas made it one item.
DJANGO_YESNO_ZH = (
    _header("zh_Hans") + 'msgid "yes,no,maybe"\nmsgstr "是,否,也许"\n\n'
    'msgid "CSRF verification failed. Request aborted."\nmsgstr "CSRF验证失败. 请求被中断."\n'
)
DJANGO_YESNO_JA = _header("ja") + 'msgid "yes,no,maybe"\nmsgstr "はい,いいえ,たぶん"\n'


def test_a_list_the_program_splits_keeps_its_separators() -> None:
    found = [f for f in lint(Document(DJANGO_YESNO_ZH, "po")) if "punctuation" in f.rule]
    # the sentence's ASCII full stop is still a fault; the list's commas are not
    assert [(f.rule, DJANGO_YESNO_ZH[f.start - 2 : f.end]) for f in found] == [
        ("chinese-fullwidth-punctuation", "失败.")
    ]
    assert fix_all(Document(DJANGO_YESNO_ZH, "po")).text.count('"是,否,也许"') == 1
    assert [f.rule for f in lint(Document(DJANGO_YESNO_JA, "po"))] == []
    # the same commas in a translated sentence are Japanese punctuation to fix
    sentence = DJANGO_YESNO_JA.replace("yes,no,maybe", "yes, no, maybe")
    assert [f.rule for f in lint(Document(sentence, "po"))] == [
        "japanese-fullwidth-punctuation"
    ] * 2


# Django 5.2, French: a header quoted from the source keeps its colon; the
# translator's own ``trouvée:`` (Sphinx 9.0, French) is still told.
DJANGO_QUOTED_FR = (
    _header("fr") + 'msgid ""\n'
    '"If you are using the <meta name=\\"referrer\\" content=\\"no-referrer\\"> tag or "\n'
    '"including the “Referrer-Policy: no-referrer” header, please remove them."\n'
    'msgstr ""\n'
    '"Si vous utilisez la balise <meta name=\\"referrer\\" content=\\"no-referrer\\"> "\n'
    '"ou que vous incluez l’en-tête « Referrer-Policy: no-referrer », il est "\n'
    '"nécessaire de les enlever."\n\n'
    "msgid \"Invalid configuration value found: 'language = None'.\"\n"
    "msgstr \"Valeur de configuration non valide trouvée: 'language = None'.\"\n"
)


def test_a_quotation_copied_from_the_source_is_not_french_prose() -> None:
    found = [f for f in lint(Document(DJANGO_QUOTED_FR, "po")) if f.rule == "french-missing-space"]
    assert [DJANGO_QUOTED_FR[f.start - 6 : f.end] for f in found] == ["trouvée:"]
    # the same quotation not found in the source is the translator's prose
    own = DJANGO_QUOTED_FR.replace("“Referrer-Policy: no-referrer”", "“that header”")
    found = [f for f in lint(Document(own, "po")) if f.rule == "french-missing-space"]
    assert [own[f.start - 5 : f.end] for f in found] == ["Policy:", "rouvée:"]


# Django 5.2 and Sphinx 9.0, French: a format and placeholders parted by colons.
PLACEHOLDERS_FR = (
    _header("fr") + 'msgid "It must be in [DD] [[HH:]MM:]ss[.uuuuuu] format."\n'
    'msgstr "Il doit être au format [JJ] [[HH:]MM:]ss[.uuuuuu]."\n\n'
    'msgid "%s:%s reference target not found: %s"\n'
    'msgstr "%s:%s cible de référence non trouvée : %s"\n\n'
    "msgid \"The declaration is '.. cpp:%s:: %s'.\"\n"
    "msgstr \"La déclaration est '.. cpp:%s:: %s'.\"\n"
)


def test_a_colon_before_a_placeholder_or_bracket_is_no_sentence_sign() -> None:
    found = lint(Document(PLACEHOLDERS_FR, "po"))
    assert [f.rule for f in found if f.rule != "french-breakable-space"] == []


# The French Python documentation (python/python-docs-fr, tutorial/controlflow.po):
# its tools wrap strings at 79 columns, inside a role or an inline literal.
PYDOCS_FR = (
    _header("fr") + 'msgid ""\n'
    '"To iterate over the indices of a sequence, you can combine :func:`range` "\n'
    '"and :func:`len` as follows::"\n'
    'msgstr ""\n'
    '"Pour itérer sur les indices d\'une séquence, on peut combiner les fonctions :"\n'
    '"func:`range` et :func:`len` ::"\n\n'
    'msgid ""\n'
    '"With ``for w in words:``, the example would attempt to create an infinite "\n'
    '"list, inserting ``defenestrate`` over and over again."\n'
    'msgstr ""\n'
    '"Avec ``for w in words:``, l\'exemple tenterait de créer une liste infinie, en "\n'
    '"insérant ``defenestrate`` indéfiniment."\n\n'
    'msgid ""\n'
    "\"giving only the mandatory argument: ``ask_ok('Do you really want to quit?')``\"\n"
    'msgstr ""\n'
    '"en ne fournissant que les arguments obligatoires : ``ask_ok(\'Do you really "\n'
    '"want to quit?\')``"\n\n'
    'msgid "Print a table of squares and cubes::"\n'
    'msgstr "Affiche une table des carrés et des cubes: ::"\n'
)


def test_roles_and_literals_wrapped_across_strings_are_code() -> None:
    found = [f for f in lint(Document(PYDOCS_FR, "po")) if f.rule == "french-missing-space"]
    # the translator's own colon is still told; ``func:``, ``words:`` and ``quit?`` not
    assert [PYDOCS_FR[f.start : f.end] for f in found] == ["s:"]
