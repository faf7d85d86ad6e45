"""Whitespace rules on real-looking French and English text."""

from __future__ import annotations

import pytest

from textsweep.engine import Config, Document, get_rule, lint

from .helpers import findings, fixed

FRENCH_CLEAN = """\
Le comité s’est réuni le 12 mars à 14 h 30 ; il a voté le budget\u00a0: 3,5 M€.
« C’est une bonne nouvelle », a déclaré la présidente.

Les travaux commenceront en avril. Qui s’en plaindrait\u202f?
"""

ENGLISH_CLEAN = """\
The committee met on March 12 at 2:30 pm; it approved the budget: $3.5M.
"It's good news," the chair said.

Work starts in April. Who would complain?
"""

MARKDOWN_CLEAN = """\
# Titre

Une ligne avec un saut forcé{HARD}
et la suite du paragraphe.

| Colonne  | Valeur |
|----------|--------|
| a        | 1      |

```python
x = 1    # alignement
```
""".replace("{HARD}", "  ")


@pytest.mark.parametrize("text", [FRENCH_CLEAN, ENGLISH_CLEAN])
def test_clean_prose_has_no_whitespace_findings(text: str) -> None:
    # Only this module's families: the French rules rightly ask for no-break spaces here.
    families = ("whitespace", "invisible")
    found = [f for f in lint(Document(text)) if get_rule(f.rule).family in families]
    assert [f for f in found if f.rule != "final-newline"] == []


def test_markdown_hard_break_is_not_trailing_whitespace() -> None:
    assert findings("trailing-whitespace", MARKDOWN_CLEAN, "markdown") == []
    # Three spaces are a hard break too (CommonMark: two or more): the extra one is
    # flagged, and the fix keeps the break's two spaces.
    [f] = findings("trailing-whitespace", "ligne   \nsuite\n", "markdown")
    assert f.safe_fix is not None and f.safe_fix.replacement == "  "
    assert fixed("trailing-whitespace", "ligne \t  \nsuite\n", "markdown") == "ligne  \nsuite\n"
    # before a blank line, or ending with a tab, it breaks nothing: removed
    assert fixed("trailing-whitespace", "fin   \n\nautre\n", "markdown") == "fin\n\nautre\n"
    assert fixed("trailing-whitespace", "ligne  \t\nsuite\n", "markdown") == "ligne\nsuite\n"
    # a line of blanks only is no hard break
    assert fixed("trailing-whitespace", "a\n   \nsuite\n", "markdown") == "a\n\nsuite\n"
    # plain text has no hard breaks
    assert fixed("trailing-whitespace", "ligne   \nsuite\n") == "ligne\nsuite\n"
    # Two spaces before a blank line break nothing: flagged.
    assert findings("trailing-whitespace", "fin  \n\nautre\n", "markdown")


def test_trailing_whitespace_message_counts() -> None:
    [f] = findings("trailing-whitespace", "Bonjour \t\u00a0\nsuite\n")
    assert "1 space" in f.message and "1 tab" in f.message and "no-break space" in f.message
    assert (f.start, f.end) == (7, 10)


def test_doubled_space_positions_and_indentation() -> None:
    text = "    Le  chat   dort.\n\tThe  end.\n"
    spans = [(f.start, f.end) for f in findings("doubled-space", text)]
    assert spans == [(6, 8), (12, 15), (25, 27)]
    assert fixed("doubled-space", text) == "    Le chat dort.\n\tThe end.\n"


def test_doubled_space_leaves_list_marker_padding_alone() -> None:
    # npm READMEs (Prettier's four-column lists): 410 of 470 doubled spaces were these
    text = (
        "#### Sponsors\n\n-   [Andrew Nesbitt](https://nesbitt.io) — Working on it\n"
        "-   Install: `npm install --save binaryextensions`\n"
        "  *  nested item\n1.  First step\n10)  Tenth step\n"
    )
    assert findings("doubled-space", text, "markdown") == []
    assert findings("doubled-space", text.replace("\n\n", "\n")) == []
    # a doubled space inside the item, five spaces after a marker, and a dash
    # that is no marker are still flagged
    spans = [
        (f.start, f.end) for f in findings("doubled-space", "- x  y\n-     five\nsee --  here\n")
    ]
    assert spans == [(3, 5), (8, 13), (24, 26)]


def test_two_space_convention_takes_any_sentence_after_the_gap() -> None:
    # Vim's manuals: two spaces after every sentence, whatever starts the next one
    text = (
        "Go to [N]th previous buffer in buffer list.  [N] defaults to one.  Wraps around.\n"
        "It is read-only.  'winheight' also limits it.  (default: 0).  See |motion|.\n"
        "Use it as shown.  it is lowercase here.\n"
        "Type the command.  Then wait.  It ends.\n"
    )
    found = [(f.start, f.end) for f in findings("doubled-space", text)]
    assert found == [(text.index(".  it") + 1, text.index(".  it") + 3)]


def test_doubled_space_left_alone_in_source_code() -> None:
    assert findings("doubled-space", "x = 1  # comment\n", "python") == []


def test_doubled_space_before_trailing_blank_is_trailing_only() -> None:
    assert findings("doubled-space", "fin  \n") == []


def test_odd_space_keeps_letters_and_number_separators() -> None:
    text = "Prix\u2002total : 1\u2009234\u2009567 euros.\n"
    [f] = findings("odd-space", text)
    assert "U+2002 EN SPACE" in f.message
    assert fixed("odd-space", text) == "Prix total : 1\u2009234\u2009567 euros.\n"


def test_odd_space_leaves_french_punctuation_to_the_french_rules() -> None:
    assert findings("odd-space", "Vraiment\u2009? Oui\u2009!\n") == []


def test_blank_lines_prose_vs_code_limits() -> None:
    prose = "Un.\n\n\nDeux.\n"
    code = "a = 1\n\n\nb = 2\n"
    assert findings("blank-lines", prose)
    assert findings("blank-lines", code, "python") == []
    assert findings("blank-lines", "a = 1\n\n\n\nb = 2\n", "python")


def test_blank_lines_limit_is_configurable() -> None:
    prose = "Un.\n\n\nDeux.\n"
    assert findings("blank-lines", prose, blankLines={"prose": 2}) == []
    assert fixed("blank-lines", "A.\n\nB.\n", blankLines={"prose": 0}) == "A.\nB.\n"


def test_final_newline_keeps_crlf() -> None:
    assert fixed("final-newline", "un\r\ndeux") == "un\r\ndeux\r\n"
    assert findings("final-newline", "un\r\n") == []


def test_mixed_line_endings_majority_wins() -> None:
    text = "a\r\nb\r\nc\nd\r\n"
    [f] = findings("mixed-line-endings", text)
    assert (f.start, f.end) == (text.index("c\n") + 1, text.index("c\n") + 2)
    assert "3 of 4" in f.message
    assert fixed("mixed-line-endings", text) == "a\r\nb\r\nc\r\nd\r\n"


def test_line_of_space_entities_does_not_vote_for_the_line_ending() -> None:
    # `` &nbsp; `` is blank once html-entity writes it: it votes neither before nor after
    text = "a\r\nb\r\n &nbsp; \nc\n"
    assert fixed("mixed-line-endings", text) == "a\r\nb\r\n &nbsp; \r\nc\r\n"
    # an entity for a letter is content, and votes
    assert fixed("mixed-line-endings", "a\r\nb\r\n &#233; \nc\n") == ("a\nb\n &#233; \nc\n")


def test_mixed_indentation_in_prose_and_code() -> None:
    assert findings("mixed-indentation", "\t  Texte aligné.\n")
    assert findings("mixed-indentation", "\t  x = 1\n", "python") == []
    assert findings("mixed-indentation", "  \tx = 1\n", "python")


def test_every_fix_keeps_every_letter() -> None:
    text = "Le  dé\u200bpôt\u2003est prêt.   \r\nThe  end\u00ad.\n\n\n\nFin"
    result = lint(Document(text), Config())
    from textsweep.engine import fix_all

    new = fix_all(Document(text)).text
    letters = [c for c in text if c.isalnum()]
    assert [c for c in new if c.isalnum()] == letters
    assert result


def test_blank_lines_never_split_crlf() -> None:
    assert findings("blank-lines", "a\r\n\r\nb\r\n") == []
    assert findings("blank-lines", "a\r\rb\r") == []
    assert fixed("blank-lines", "a\r\n\r\n\r\n \r\nb\r\n") == "a\r\n\r\nb\r\n"
    assert fixed("blank-lines", "\n\n\nStart\n") == "\nStart\n"


#: Sphinx's usage/quickstart.rst (sphinx 9.0.4): two spaces after every sentence.
SPHINX_TWO_SPACES = """\
Let's assume you've run :program:`sphinx-quickstart`.  It created a source
directory with :file:`conf.py` and a root document, :file:`index.rst`.  The
main function of the :term:`root document` is to serve as a welcome page, and
to contain the root of the "table of contents tree" (or *toctree*).  This is one
of the main things that Sphinx adds to reStructuredText, a way to connect
multiple files to a single hierarchy of documents.
"""


def test_two_spaces_after_sentences_as_house_style() -> None:
    """A document that puts two spaces after its sentences keeps them; a doubled
    space inside a sentence is still a slip."""
    assert findings("doubled-space", SPHINX_TWO_SPACES, "restructuredtext") == []
    slip = SPHINX_TWO_SPACES.replace("a welcome page", "a welcome  page")
    [f] = findings("doubled-space", slip, "restructuredtext")
    assert slip[f.start - 7 : f.start] == "welcome"


def test_two_spaces_after_a_sentence_in_a_one_space_document() -> None:
    """The same gap is the odd one out where sentences are followed by one space."""
    text = SPHINX_TWO_SPACES.replace(".  ", ". ").replace("(or *toctree*). ", "(or *toctree*).  ")
    [f] = findings("doubled-space", text, "restructuredtext")
    assert text[f.start - 2 : f.end + 4] == ").  This"


def test_html_spaces_beside_a_tag_are_source_layout() -> None:
    # the Debian Reference's HTML: the renderer collapses these
    text = (
        "<p>Paketaktualisierungen zu sorgen.  </p>\n"
        "<p>See  <code>ls</code>(1)  reveals, <a>Verdana</a>,  extended.</p>\n"
    )
    found = [text[f.start - 1 : f.end + 1] for f in findings("doubled-space", text, "html")]
    # beside ``</p>`` and ``<code>``: layout; between ``(1)`` and a word, or ``,``
    # and a word: doubled spaces
    assert found == [")  r", ",  e"]


#: Debian's Developer's Reference (developers-reference 12.18, pkgs.rst): the
#: escaped space ``\ `` ends the URL and is removed from the output, the second
#: space is the words' one separator (collapsing the two wrote ``.htmlfor``).
RST_ESCAPED_SPACE = """\
Please see https://ftp-master.debian.org/REJECT-FAQ.html\\  for
common rejection reasons for a new package.
"""


def test_rst_escaped_space_is_not_a_doubled_space() -> None:
    assert findings("doubled-space", RST_ESCAPED_SPACE, "restructuredtext") == []
    assert fixed("doubled-space", RST_ESCAPED_SPACE, "restructuredtext") == RST_ESCAPED_SPACE
    # without the backslash, the same two spaces are a slip
    slip = RST_ESCAPED_SPACE.replace("\\  for", "  for")
    [f] = findings("doubled-space", slip, "restructuredtext")
    assert slip[f.start - 4 : f.end + 3] == "html  for"


#: The same file: a grid table whose cell holds an escaped ``\\-`` (an empty cell
#: that is not a bullet list). The escape cut the row in two and let its padding
#: through; a doubled space in the paragraph after the table is still a slip.
RST_GRID_TABLE = """\
Consider this example:

+----------+-------+-----+
|          | alpha | arm |
+==========+=======+=====+
| testing  | 1     | \\-  |
+----------+-------+-----+
| unstable | 1     | 2   |
+----------+-------+-----+

The package is out of date on ``alpha`` in ``unstable``, and will not go
to ``testing``.
"""


def test_rst_grid_table_row_with_an_escape_is_layout() -> None:
    assert findings("doubled-space", RST_GRID_TABLE, "restructuredtext") == []
    slip = RST_GRID_TABLE.replace("will not go", "will  not go")
    [f] = findings("doubled-space", slip, "restructuredtext")
    assert slip[f.start - 4 : f.end + 3] == "will  not"


#: Django 5.1's reference (docs/ref/contrib/admin/admindocs.txt): a simple table,
#: its columns aligned with spaces between ``===`` borders.
RST_SIMPLE_TABLE = """\
The following roles are available:

==================  =======================================================
Django Component    reStructuredText roles
==================  =======================================================
Models              ``:model:`app_label.ModelName```
Views               ``:view:`app_label.view_name```
Template tags       ``:tag:`tagname```
==================  =======================================================

Models are documented  with their fields.
"""


def test_rst_simple_table_rows_are_layout() -> None:
    found = findings("doubled-space", RST_SIMPLE_TABLE, "restructuredtext")
    # only the paragraph's slip after the table
    assert [RST_SIMPLE_TABLE[f.start - 10 : f.end + 4] for f in found] == ["documented  with"]
    # a stray border that closes nothing does not swallow the rest of the document
    stray = "Intro.\n\n====  ====\nbad  row\n\nA paragraph  with a slip.\n"
    assert len(findings("doubled-space", stray, "restructuredtext")) == 2


# TeX Live's language packages (Debian's texlive-lang-french, -german, -italian):
# source laid out in columns, which TeX collapses; and the same packages' prose.
TEXLIVE_LAYOUT = (
    "\\tableofcontents                % production de la TdM\n"  # formation-latex-ul
    "\\nowindowrules                 %% keine Rahmen um das Adressfenster\n"  # dinbrief
    "Punteggio          & 9 & 9 & 6 & 10 & 12 \\\\\n"  # verifica, a tabular row
    "Totalizzato        &   &   &   &    &    \\\\\n"
    "CH$_4$ \\& + \\& 2O$_2$ \\& --->  \\& CO$_2$ \\\\\n"  # visualtikz, a TikZ matrix
    "\\newif\\ifprime      \\newif\\ifunknown\n"  # impatient-fr
    "  \\cs_undefine:N  \\l_compteur_int\n"  # expose-expl3-dunkerque-2019
    "\\item    Le fichier language.dat doit définir french.\n"  # e-french
)
TEXLIVE_PROSE = (
    "\\item Quale delle  seguenti frasi è equivalente a\n"  # verifica
    "{CEREMADE, CNRS,  Université Paris-Dauphine}\n"  # matapli
)


def test_latex_source_layout_is_not_a_doubled_space() -> None:
    assert findings("doubled-space", TEXLIVE_LAYOUT, "latex") == []
    found = findings("doubled-space", TEXLIVE_PROSE, "latex")
    assert [TEXLIVE_PROSE[f.start - 5 : f.end + 3] for f in found] == ["delle  seg", "CNRS,  Uni"]


# react.dev's French translation (reactjs/fr.react.dev, learn/installation.md): its
# translators type two spaces after some sentences, which Markdown collapses.
FR_REACT = (
    "React a été conçu dès le départ pour une adoption progressive.  Vous pouvez "
    "l'utiliser aussi légèrement ou largement que vous le souhaitez. Que vous souhaitiez "
    "juste goûter à React, ajouter de l'interactivité à une page HTML ou démarrer une "
    "application complexe, cette section vous aidera à démarrer. Vous pouvez  "
    "[démarrer un projet React](/learn/start-a-new-react-project).\n"
)


def test_two_spaces_after_a_sentence_are_a_hint_where_rendering_collapses_them() -> None:
    md = findings("doubled-space", FR_REACT, "markdown")
    assert [(f.severity.name, FR_REACT[f.start - 3 : f.end + 1]) for f in md] == [
        ("INFO", "ve.  V"),
        ("WARNING", "vez  ["),
    ]
    # in plain text the reader sees them: both stay warnings
    plain = findings("doubled-space", FR_REACT)
    assert [f.severity.name for f in plain] == ["WARNING", "WARNING"]
