"""French rules: the false alarms other tools are known for, variants, policies."""

from __future__ import annotations

import pytest

from textsweep.engine import Document, fix_all, lint, parse_settings

from .helpers import findings

FR = "Le comité a rendu son avis sur le projet de loi hier soir. "
N, B = "\u202f", "\u00a0"


def rules(text: str, language_id: str = "plaintext", **settings: object) -> list[str]:
    config, warnings = parse_settings(settings or None)
    assert not warnings
    return [f.rule for f in lint(Document(FR + text, language_id), config)]


@pytest.mark.parametrize(
    "text",
    [
        f"«{N}Je suis Chris…{N}»\n",
        f"Quoi{N}?! Vraiment{N}!! Et alors{N}!?\n",
        f"Il est 12:30, le ratio est 16:9 et la note 3,5 sur 5{N}!\n",
        "Voir https://exemple.fr/page?id=3;x=4 et écrire à marie@exemple.fr.\n",
        "Super :-) et ;-) et :) et aussi :D dans un message.\n",
        "En C++, std::vector et boost::asio sont utiles.\n",
        "Le chemin /usr/bin/env et C:\\Windows\\System32 existent.\n",
        f"Liste{B}: un, deux, trois.\n",
        # a command quoted in prose (Debian Reference, French): fix-all once wrote ": set"
        f"Dans l’éditeur, «{B}:set hls{B}» active la coloration des résultats.\n",
    ],
)
def test_no_false_alarms(text: str) -> None:
    assert [r for r in rules(text) if r.startswith("french")] == []


def test_the_space_before_a_glued_guillemet_is_safe_only_when_it_closes() -> None:
    config, _ = parse_settings({"language": "fr"})
    closed = [f for f in lint(Document("Il dit« bonjour » et part.\n"), config)]
    (glued,) = [f for f in closed if f.message.startswith("« glued")]
    assert glued.safe_fix is not None
    lone = [f for f in lint(Document("Il dit« bonjour et part.\n"), config)]
    (glued,) = [f for f in lone if f.message.startswith("« glued")]
    assert glued.safe_fix is None and glued.fixes  # offered, not applied on save


def test_operators_and_placeholders_in_help_texts_are_not_french_signs() -> None:
    # coreutils' French help (test, expr) and uptime's placeholder for a time
    text = "  CHAÎNE1 != CHAÎNE2      les chaînes sont différentes\nactif ????\u00a0jours ??:??\n"
    assert [r for r in rules(text) if r.startswith("french")] == []
    assert "french-breakable-space" in rules("Vraiment !\n")  # a sentence's sign still is


def test_a_sign_before_a_member_access_is_code_and_before_a_full_stop_prose() -> None:
    # ``a?.b`` (optional chaining) and ``x!.y`` (a non-null assertion) are code
    assert [r for r in rules("Le champ vaut obj?.prop ou x!.y ici.\n") if r.startswith("fr")] == []
    # a sentence that ends ``!.`` is prose: flagged, as ``! .`` was
    assert rules("La sécurité!.\n").count("french-missing-space") == 1
    assert rules("La sécurité! .\n").count("french-missing-space") == 1


def test_default_accepts_either_no_break_space_used_consistently() -> None:
    # Typeset French with U+00A0 everywhere (as the translated Debian FAQ is), and
    # the same with U+202F: both accepted practice, nothing to say by default.
    for space in (B, N):
        text = (
            f"Pourquoi Debian{space}? Voir «{space}Pré-dépendances{space}»{space}; "
            f"c'est expliqué ici{space}: la section 7{space}!\n"
        )
        assert [r for r in rules(text) if r.startswith("french")] == []


def test_default_flags_a_document_that_mixes_them_for_one_sign() -> None:
    text = f"Pourquoi{B}? Comment{B}? Quand{N}? Liste{N}: un, deux.\n"
    found = lint(Document(FR + text))
    doc = FR + text
    assert [(f.rule, doc[f.start : f.end]) for f in found] == [("french-consistency", N)]


def test_strict_policy_narrow_before_colon_is_only_a_hint() -> None:
    config, _ = parse_settings({"french": {"colon": "nbsp"}})
    found = lint(Document(FR + f"Liste{N}: un, deux.\n"), config)
    assert [(f.rule, f.severity.label) for f in found] == [("french-space-kind", "hint")]


def test_either_policy_accepts_both_kinds() -> None:
    text = f"Oui{B}? Non{N}? Peut-être{B}!\n"
    settings = {"french": {"question": "either", "exclamation": "either"}}
    found = [r for r in rules(text, **settings) if r.startswith("french")]
    assert "french-space-kind" not in found
    assert "french-breakable-space" not in found


def test_fr_ca_and_fr_ch() -> None:
    assert [r for r in rules("Vraiment? Oui!\n", language="fr-CA") if r.startswith("fr")] == []
    assert rules("Vraiment ? Oui.\n", language="fr-CA") == ["french-breakable-space"]
    assert rules(f"Titre: la suite{N}!\n", language="fr-CA") == ["french-missing-space"]
    assert [r for r in rules("Vraiment? Oui!\n", language="fr-CH") if r.startswith("fr")] == []
    assert [r for r in rules(f"Vraiment{N}? Oui{N}!\n", language="fr-CH")] == []
    assert rules(f"Vraiment{N}? Oui{B}!\n", language="fr-CA") == ["french-space-kind"]
    assert rules(f"Vraiment{B}?\n", language="fr-CH") == ["french-space-kind"]


def test_html_entities_and_latex_tilde_count_as_no_break_spaces() -> None:
    assert rules("Bonjour&nbsp;: ça va&#8239;?\n", "html") == []
    assert rules("Bonjour~: ça va\\,?\n", "latex") == []


def test_fix_inserts_markup_in_latex() -> None:
    head = "\\documentclass{article}\n\\begin{document}\n"
    text = head + FR + "Résultat: tout va bien?\n"
    fixed = fix_all(Document(text, "latex")).text
    assert fixed.endswith("Résultat~: tout va bien\\,?\n")
    # babel's French writes those spaces itself; so does a chapter's main file
    babel = text.replace("\\begin{document}", "\\usepackage[french]{babel}\n\\begin{document}")
    for source in (babel, FR + "Résultat: tout va bien?\n"):
        assert fix_all(Document(source, "latex")).text == source


def test_glued_dash_is_a_hint_without_safe_fix() -> None:
    doc = Document(FR + "Le chatbot-Il répond vite.\n")
    found = [f for f in lint(doc) if f.rule == "french-glued-dash"]
    assert len(found) == 1 and all(not fx.safe for fx in found[0].fixes)
    assert fix_all(doc).text == doc.text


def test_unbalanced_guillemets() -> None:
    assert rules(f"Il dit «{N}oui.\n\nPuis il part.\n") == ["french-guillemets"]
    assert rules(f"Il dit oui{N}» et part.\n") == ["french-guillemets"]


def test_nothing_in_code_regions_of_markdown() -> None:
    text = "```\nprint('a:b;c?d')\n```\n\nEt `x?y` aussi.\n"
    assert rules(text, "markdown") == []


def test_whitespace_rules_do_not_fight_french_rules() -> None:
    text = FR + "Vous venez  ? Oui\u2003!\n"
    result = fix_all(Document(text))
    assert result.text == FR + f"Vous venez{N}? Oui{N}!\n"
    assert result.remaining == ()


#: The Debian Reference as plain text (debian-reference-fr 2.100, 7.x): a desktop
#: entry shown as a listing. Its ``;`` separate a list's values; the translations
#: in every language had the same two French-spacing findings here.
DESKTOP_ENTRY = """\
    Comment=Access the Internet
    Comment[fr]=Explorer le Web
    Exec=/usr/bin/chromium %U
    Terminal=false
    Categories=Network;WebBrowser;
    MimeType=text/html;text/xml;application/xhtml_xml;x-scheme-handler/http;x-scheme-handler/https;
    StartupWMClass=Chromium
"""


def test_key_value_listing_is_not_prose() -> None:
    assert findings("french-missing-space", DESKTOP_ENTRY, language="fr") == []
    # one such line in a sentence's paragraph is no listing: still read as prose
    text = "Le réglage Catégories=Réseau;Navigateur; est lu au démarrage.\n"
    assert [text[f.start : f.end] for f in findings("french-missing-space", text, language="fr")]


#: The Debian Reference as plain text (debian-reference-fr 2.100, 2.7.x): apt.conf
#: settings set apart as a listing; the ``;`` ends each statement.
APT_CONF = """\
    configuration suivants :

    APT::Periodic::Update-Package-Lists "1";
\u00a0\u00a0\u00a0 APT::Periodic::Download-Upgradeable-Packages "1";
    APT::Periodic::Unattended-Upgrade "1";
"""


def test_scoped_setting_ending_in_a_semicolon_is_code() -> None:
    assert findings("french-missing-space", APT_CONF, language="fr") == []
    # a sentence naming a scoped name is still prose
    text = "La classe std::vector est utile; voir la documentation.\n"
    found = findings("french-missing-space", text, language="fr")
    assert [text[f.start : f.end] for f in found] == ["e;"]


# TeX Live's French packages (Debian's texlive-lang-french): a safe fix wrote
# ``\string~:``, ``\group_end~:``, ``yellow!20`` apart and spaced option lists.
TEXLIVE_CODE = (
    "\\documentclass{article}\n\\begin{document}\n"
    "\\msg*{20}{ATTENTION \\string: le langage french n'est pas défini.}{}\n"  # e-french
    "  \\group_begin:\n  \\group_end: }\n"  # expose-expl3-dunkerque-2019
    "\\tikz \\draw node[draw,fill=yellow!20,inner sep=0.2cm,text centered,"
    "text width=.75\\linewidth] {Charger le paquet};\n"  # visualtikz
    "\\setbeamercolor{background canvas}{bg=black!5}\n"
    "\\tcbuselibrary{%\n  documentation,theorems%\n}\n"  # formation-latex-ul
)


def test_latex_code_keeps_its_signs_and_lists() -> None:
    found = [f for f in lint(Document(TEXLIVE_CODE, "latex")) if "space" in f.rule]
    assert found == []
    # this preamble sets no French: the author spaces the signs of sentences
    prose = TEXLIVE_CODE + "\nVraiment? Oui: le \\emph{paquet} est chargé; voilà.\n"
    found = [f for f in lint(Document(prose, "latex")) if "space" in f.rule]
    assert [prose[f.start : f.end] for f in found] == ["t?", "i:", "é;"]
    babel = TEXLIVE_CODE.replace(
        "\\begin{document}", "\\usepackage[french]{babel}\n\\begin{document}"
    )
    assert [f.rule for f in lint(Document(babel, "latex")) if "space" in f.rule] == []


def test_a_role_a_spacing_tool_split_is_not_split_further() -> None:
    """The French Python glossary (python-docs-fr): ``:keyword:`if``` was already
    written ``:keyword : `if``` by some tool; french-space-after's safe fix made it
    ``: keyword : `if```."""
    text = (
        FR + "La clause :keyword : `if` est optionnelle, comme :class : `Mapping`. "
        "Achetez la liste :pommes et poires.\n"
    )
    found = [f for f in lint(Document(text, "restructuredtext")) if f.rule == "french-space-after"]
    assert [text[f.start : f.end] for f in found] == [":p"]
