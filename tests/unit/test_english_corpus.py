"""English corpus: expected findings, clean corrected text, fix-all round trip."""

from __future__ import annotations

from pathlib import Path

from textsweep.engine import Document, fix_all, lint, parse_settings

from .helpers import fixed

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


def _lines(name: str) -> list[tuple[int, str]]:
    text = (CORPUS / name).read_text(encoding="utf-8")
    doc = Document(text, "plaintext")
    return sorted((doc.line_of(f.start) + 1, f.rule) for f in lint(doc))


def test_english_wrong_version() -> None:
    assert _lines("en_article.bad.txt") == sorted(
        [
            (3, "english-french-spacing"),  # verdict ?
            (3, "english-space-before"),  # 12 ,
            (3, "english-space-after"),  # form;satisfaction
            (5, "english-french-spacing"),  # rule<U+202F>:
        ]
    )


def test_english_correct_versions_are_clean() -> None:
    assert _lines("en_article.txt") == []
    assert _lines("en_dialogue.txt") == []


def test_english_fix_all() -> None:
    bad = (CORPUS / "en_article.bad.txt").read_text(encoding="utf-8")
    good = (CORPUS / "en_article.txt").read_text(encoding="utf-8")
    assert fix_all(Document(bad)).text == good


def test_french_rules_stay_out_of_english() -> None:
    doc = Document("Are you sure? Yes: I checked the logs twice, then I left.\n")
    assert [f for f in lint(doc) if f.rule.startswith("french")] == []


#: From npm READMEs: ``tl;dr`` (glob) is written with its semicolon glued, and
#: ``set to � or ?.`` (iconv-lite) names a sign; the two faults after them are real.
README_LINES = (
    "## Comparison\n\n**tl;dr**\n\nTL;DR: it is fast. Untranslatable characters are set"
    " to \ufffd or ?. No transliteration is currently supported.\n\n"
    "We tried it,but it failed. Are you coming ?\n"
)


def test_glued_abbreviations_and_named_signs_are_not_spacing_faults() -> None:
    rules = ("english-space-after", "english-french-spacing")
    found = [f for f in lint(Document(README_LINES, "markdown")) if f.rule in rules]
    assert [README_LINES[f.start : f.end] for f in found] == [",b", " ?"]
    fixed = fix_all(Document(README_LINES, "markdown")).text
    assert fixed == README_LINES.replace(",but", ", but").replace("coming ?", "coming?")


def _flagged(text: str, rule: str, language_id: str = "plaintext") -> list[str]:
    """The characters each finding of ``rule`` covers in ``text``."""
    return [text[f.start : f.end] for f in lint(Document(text, language_id)) if f.rule == rule]


#: npm READMEs name classes with a dot: ``[Intl.Collator](…)`` (fast-levenshtein),
#: ``### Yallist.Node`` (yallist), ``[fs.Dirent](…)`` (path-scurry).
CLASS_NAMES = (
    "It supports using [Intl.Collator](https://x.org/Intl/Collator) now.\n\n"
    "### Yallist.Node\n\nThe class `fs.Dirent` is it. The build passed at the end.Next we "
    "shipped it.\n\nKeep the original list.Example:\n"
)


def test_dotted_class_names_are_not_glued_sentences() -> None:
    assert _flagged(CLASS_NAMES, "english-space-after-full-stop", "markdown") == [".N", ".E"]


#: Vim's manuals: Ex commands after a space, quoted values, identifiers and pairs
#: glued by a comma. None is a sentence missing its space; the last line's are.
VIM_NOTATION = (
    "If no argument is given after :menu at all, all items are shown. Use :vimgrep,"
    " or the :autocmd command.\n"
    'When set to "unix,dos", Vim checks both; use "bold,underline" for both.\n'
    "Use au BufRead,BufNewFile for it. Return a tuple (row,col) or {foo,bar} here.\n"
    "Matches \\{n,m} times, the range :N,M or x,y and TCP,IP in the list.\n"
    "We tried it,but it failed. The list ,apples came first.\n"
)


def test_commands_and_notation_are_not_glued_sentences() -> None:
    assert _flagged(VIM_NOTATION, "english-space-after") == [",b", ",a"]


def test_a_sign_named_between_words_is_not_french_spacing() -> None:
    text = (
        "A ! can be added to the command. No ! allowed here, and expr2 ? expr1 works.\n"
        "What a day ! It was great. Are you coming ?\n"
    )
    found = [f.start for f in lint(Document(text)) if f.rule == "english-french-spacing"]
    assert found == [text.index(" ! It"), text.index(" ?\n")]


def test_a_list_of_signs_names_them() -> None:
    text = (
        "German: a space before , . ; : ! or ? is flagged. Chinese: ASCII , ; : ! ? or . after.\n"
    )
    found = [f.start for f in lint(Document(text)) if f.rule.startswith("english")]
    # ``? is`` is named too; ``or . after`` is still read as a full stop
    assert [text[s : s + 2] for s in found] == [" ."]


#: Sphinx's example_numpy.py: NumPy docstrings write ``name : type``.
NUMPY_DOCSTRING = '''def f(param1, x, y):
    """Example.

    Parameters
    ----------
    param1 : int
        The first parameter.
    x, y : :obj:`float`, optional
        Coordinates.

    Note : this is the only copy of the file.
    """
'''


def test_numpy_parameter_lines_keep_their_colon_spacing() -> None:
    found = [
        f.start
        for f in lint(Document(NUMPY_DOCSTRING, "python"))
        if f.rule == "english-french-spacing"
    ]
    assert found == [NUMPY_DOCSTRING.index(" : this")]


def test_spanish_closing_guillemet_typed_as_opening() -> None:
    # the Debian Reference in Spanish closes its quotations with « (4 of them here)
    text = "Esto realiza un ajuste del valor de «Pin-Priority« para cada paquete. ¿ Qué ?\n"
    found = [
        f
        for f in lint(Document(text), parse_settings({"language": "es"})[0])
        if f.rule == "spanish-space-inside"
    ]
    assert [(text[f.start : f.end], f.fixes[0].replacement, f.fixes[0].safe) for f in found] == [
        ("«", "»", False),
        ("¿ ", "", True),
    ]


#: Debian's Developer's Reference (developers-reference 12.18, index.rst): ``\\ ``
#: after a substitution reference is rST's escaped space, removed from the output
#: (``version 12.18, released on``): no space before the comma or the full stop.
RST_SUBSTITUTIONS = """\
This is Debian Developer's Reference version |VERSION|\\ ,
released on |PUBDATE|\\ .
"""


def test_rst_escaped_space_before_punctuation_is_not_a_space() -> None:
    def before(text: str) -> list[str]:
        doc = Document(text, "restructuredtext")
        return [text[f.start : f.end] for f in lint(doc) if f.rule == "english-space-before"]

    assert before(RST_SUBSTITUTIONS) == []
    # a real space before the comma is still one
    assert before(RST_SUBSTITUTIONS.replace("|VERSION|\\ ,", "12.18 ,")) == [" ,"]


#: Debian's Developer's Reference as plain text (developers-reference-fr 12.18,
#: 5.5.3): a French heading whose English words are a suite's path reads as
#: English; its typeset no-break space before the colon is French typography.
FRENCH_HEADING = """\
Toutes les mises à jour publiées par "stable-updates" seront incluses
dans "stable" avec la prochaine version intermédiaire comme
d'habitude.


5.5.3. Cas particulier\u00a0: "testing/testing-proposed-updates"
-----------------------------------------------------------

Veuillez consulter les informations des Mises à jour directes dans
testing pour plus de détails.
"""


def test_no_break_space_in_a_french_document_is_not_removed_unread() -> None:
    doc = Document(FRENCH_HEADING)
    [f] = [f for f in lint(doc) if f.rule == "english-french-spacing"]
    assert FRENCH_HEADING[f.start : f.end] == "\u00a0:"
    assert f.fixes and f.safe_fix is None  # offered, never applied on save
    assert fixed("english-french-spacing", FRENCH_HEADING) == FRENCH_HEADING
    # in an English document the same sign's no-break space is still removed
    english = "What a day\u202f! It was great, and we all went home happy.\n"
    assert fixed("english-french-spacing", english) == english.replace("\u202f!", "!")


def test_a_colon_between_numbers_is_no_sentence_colon() -> None:
    # kuroshiro 1.2.0's README (npm): a standard and its year
    text = "Hepburn romanization. Refer to [BS 4812 : 1972](https://archive.is/PiJ4).\n"
    assert [f.rule for f in lint(Document(text, "markdown"))] == []
    # a sentence's colon, spaced French-style, still is a fault
    spaced = "The options are few : read the manual first, then ask.\n"
    assert [f.rule for f in lint(Document(spaced, "markdown"))] == ["english-french-spacing"]


def test_an_ellipsis_after_a_spaced_sign_reads_as_three_full_stops() -> None:
    """``;…``, ``;...`` and ``;\\x85`` (NEL, which c1-control writes as ``…``) read
    alike. NEL was whitespace to the pattern and ``…`` a glued word, so the space
    before ``;\\x85`` went or stayed by the order of the quick fixes."""
    config, _ = parse_settings({"language": "en"})
    for tail in ("…", "...", "\x85"):
        written = tail.replace("\x85", "…")
        text = f"Are you coming to the meeting ;{tail} I am.\n"
        expected = f"Are you coming to the meeting;{written} I am.\n"
        assert fix_all(Document(text), config).text == expected
        # ``?.`` names the sign (``set to � or ?. No``): so do ``?...`` and ``?…``
        text = f"Are you coming to the meeting ?{tail} I am.\n"
        assert fix_all(Document(text), config).text == text.replace("\x85", "…")
        # glued to the next word, the sign is left alone whatever the ellipsis
        text = f"Are you coming to the meeting ;{tail}I am.\n"
        assert fix_all(Document(text), config).text == text.replace("\x85", "…")
