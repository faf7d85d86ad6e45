"""Markdown, LaTeX, reST, HTML, Python, JavaScript and gettext samples: the prose faults
are found, everything inside code and markup is left alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from textsweep.engine import Document, language_for_path, lint
from textsweep.engine.regions import non_prose

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "corpus" / "structure"

EXPECTED: dict[str, list[tuple[int, str]]] = {
    "sample.md": [(26, "french-missing-space")],
    # babel's French spaces ``?`` itself; guillemets typed as such it does not
    "sample.tex": [(14, "french-missing-space"), (14, "french-missing-space")],
    "sample.rst": [(18, "french-missing-space")],
    "sample.html": [(7, "french-missing-space")],
    "sample.py": [
        (1, "french-missing-space"),  # docstring "conversion:"
        (10, "french-missing-space"),  # comment "script?"
        (14, "french-breakable-space"),  # string "introuvable !"
        (14, "french-missing-space"),  # string "Erreur:"
    ],
    "sample.po": [
        (13, "french-missing-space"),  # msgstr "inconnu: %s" (not the English msgid)
        (31, "po-split-doubled-space"),  # "sont : " then " {0}"
        (35, "po-newline-mismatch"),  # "Done.\n" translated "Terminé."
    ],
    "sample.js": [
        (1, "french-breakable-space"),  # comment "conversion :"
        (4, "french-missing-space"),  # comment "module?"
        (5, "french-space-after"),  # comment "simple;vraiment"
        (7, "french-breakable-space"),  # template literal "${name} !"
    ],
}


def _doc(name: str) -> Document:
    path = SAMPLES / name
    return Document(path.read_text(encoding="utf-8"), language_for_path(name), path=str(path))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_findings(name: str) -> None:
    doc = _doc(name)
    got = sorted((doc.line_of(f.start) + 1, f.rule) for f in lint(doc))
    assert got == sorted(EXPECTED[name])


@pytest.mark.parametrize(
    ("language_id", "text", "masked"),
    [
        ("markdown", "Texte `a:b;c` fin.\n", "`a:b;c`"),
        ("markdown", 'Voir [lien](https://x.fr/a?b "t: x").\n', '](https://x.fr/a?b "t: x")'),
        ("markdown", 'Un <span class="a:b">mot</span>.\n', '<span class="a:b">'),
        ("markdown", "Soit $a:b$ ici.\n", "$a:b$"),
        ("markdown", "---\nlang: fr\n---\nTexte.\n", "lang: fr"),
        ("markdown", "```\nx ? y : z;\n```\n", "x ? y : z;"),
        # react.dev's French translation: a heading's id in an MDX comment, in English
        (
            "markdown",
            "### Pourquoi React a-t-il besoin de clés ? {/*why-does-react-need-keys*/}\n",
            "{/*why-does-react-need-keys*/}",
        ),
        ("markdown", "## Étape 4 : identifier l'état {#step-4}\n", "{#step-4}"),
        ("latex", "Texte % note: ici\n", "% note: ici"),
        ("latex", "\\begin{verbatim}\na:b\n\\end{verbatim}\n", "a:b"),
        ("latex", "Voir \\ref{fig:a} et \\url{http://x}.\n", "\\ref{fig:a}"),
        ("restructuredtext", "Un :code:`a;b` ici.\n", ":code:`a;b`"),
        ("restructuredtext", "Exemple::\n\n    a:b;c\n\nFin.\n", "a:b;c"),
        # Sphinx's index entries (its own docs read them as French prose: ``attention;``)
        (
            "restructuredtext",
            ".. index:: admonition\n           pair: attention; admonition\n\nFin.\n",
            "pair: attention; admonition",
        ),
        ("html", '<p title="a: b">x</p>\n', '<p title="a: b">'),
        ("html", "<script>a ? b : c;</script>\n", "a ? b : c;"),
        ("python", "x = {'a':1}  # note\n", "{'a':1}"),
        ("javascript", "const a = b ? c : d; // ok\n", "b ? c : d;"),
        ("plaintext", "Voir https://x.fr/a?b=1;c=2 ici.\n", "https://x.fr/a?b=1;c=2"),
        ("plaintext", "Écrire à jean.dupont@exemple.fr demain.\n", "jean.dupont@exemple.fr"),
        ("plaintext", "Le fichier /usr/local/bin/app et C:\\Temp\\x.txt.\n", "/usr/local/bin/app"),
        ("plaintext", "Super :-) merci.\n", ":-)"),
        ("plaintext", "Un std::vector ici.\n", "std::vector"),
        ("plaintext", "From: Jean\nTo: Paul\nSubject: ok\n", "From:"),
    ],
)
def test_not_prose(language_id: str, text: str, masked: str) -> None:
    doc = Document(text, language_id)
    mask = non_prose(doc)
    start = text.index(masked)
    assert all(mask.covers(i) for i in range(start, start + len(masked))), masked


@pytest.mark.parametrize(
    ("language_id", "text", "prose"),
    [
        ("markdown", "Un *mot* important: oui.\n", "important"),
        ("latex", "Le \\emph{résultat} est là.\n", "résultat"),
        ("html", "<p>Bonjour tout le monde</p>\n", "Bonjour tout le monde"),
        ("python", "# Un commentaire en prose\n", "Un commentaire en prose"),
        ("python", 'msg = "Une phrase entière"\n', "Une phrase entière"),
        ("plaintext", "Note: une ligne seule reste de la prose.\n", "Note"),
    ],
)
def test_prose_stays_prose(language_id: str, text: str, prose: str) -> None:
    doc = Document(text, language_id)
    mask = non_prose(doc)
    start = text.index(prose)
    assert not mask.covers(start, start + len(prose))


def test_markdown_table_alignment_and_hard_break_are_not_faults() -> None:
    text = (
        "Une phrase normale ici avec deux espaces en fin.  \nLa suite.\n\n"
        "| Nom   | Âge |\n|-------|-----|\n| Jean  | 12  |\n"
    )
    found = lint(Document(text, "markdown"))
    assert [f.rule for f in found if f.rule in ("doubled-space", "trailing-whitespace")] == []


def test_doubled_space_now_checks_code_comments_only() -> None:
    text = "x = 1  # un  commentaire\n#   indenté\n"
    found = [f for f in lint(Document(text, "python")) if f.rule == "doubled-space"]
    assert [(f.start, f.end) for f in found] == [(text.index("un  ") + 2, text.index("un  ") + 4)]
