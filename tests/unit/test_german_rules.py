"""German rules: the issue's inputs, the exceptions, and real German text that
must not be flagged."""

from __future__ import annotations

from textsweep.engine import Document, all_rules, lint, parse_settings

from .helpers import findings, fixed

GERMAN = [r.id for r in all_rules() if r.family == "german"]

# Debian FAQ, German translation (debian-faq-de 11.1, debian-faq.de.txt lines
# 392-399 and 523-529; excerpt kept in tests/realtext/files/de/debian-faq.de.1.txt).
DEBIAN_FAQ_DE = """\
    von Linux erhöhte Kompatibilität und den Herstellern von
    Linux-Distributionen die Möglichkeit, unnötigen Aufwand zu
    vermeiden und sich auf die Dinge zu konzentrieren, die ihre
    Distribution besonders machen. Für weitere Informationen dazu
    lesen Sie bitte Abschnitt 14.3, „Ich erstelle eine spezielle
    Linux-Distribution für einen speziellen Anwendungsbereich. Kann
    ich Debian GNU/Linux als Linux-Grundsystem verwenden und meine
    eigenen Programme hinzufügen?“.

        Kommunikation von Fehlern und deren Behebung, um die
        Entwicklung des Systems zu beschleunigen. Die Anwender sind
        dazu aufgefordert, Fehlerberichte auf eine formale Art und
        Weise zu übermitteln, so dass sie schnell über WWW-Archive
        oder E-Mail verfügbar sind. Sie finden in dieser FAQ unter
        Abschnitt 12.4, „Gibt es Protokolle von bekannten Fehlern?“
        auch weitere Informationen zur Handhabung gemeldeter Fehler.

    In ihrem Verständnis von »frei« stimmen das Debian- und das
    Abgesehen von seinem Kernel hat ein »Linux«-System üblicherweise:
"""


def _all(text: str, **settings: object) -> list[str]:
    config, warnings = parse_settings({**settings})
    assert not warnings
    return [f.rule for f in lint(Document(text), config) if f.rule in GERMAN]


def test_real_german_text_is_not_flagged() -> None:
    assert _all(DEBIAN_FAQ_DE) == []
    assert _all(DEBIAN_FAQ_DE, language="de") == []
    assert _all(DEBIAN_FAQ_DE, german={"abbreviations": "narrow"}) == []


def test_issue_input_under_german() -> None:
    text = "„Hallo“… ” ,ok\n"
    rules = sorted(f.rule for f in lint(Document(text), parse_settings({"language": "de"})[0]))
    assert "german-space-before" in rules and "german-quotes" in rules
    assert fixed("german-space-before", text, language="de") == "„Hallo“… ”,ok\n"


def test_detected_german_paragraph_loses_the_space_before_question_mark() -> None:
    text = "Das Paket ist nicht installiert, aber es funktioniert trotzdem auf dem System ?\n"
    (f,) = findings("german-space-before", text)
    assert text[f.start : f.end] == " ?"
    assert fixed("german-space-before", text).endswith("System?\n")


def test_other_languages_get_no_german_rules() -> None:
    fr = "Le paquet n’est pas installé, mais il fonctionne quand même sur le système ?\n"
    en = "The package is not installed , but it still works on the system - oddly .\n"
    assert _all(fr) == [] and _all(en) == []


def test_exceptions_left_alone() -> None:
    text = (
        "Um 12:30 ist das Verhältnis 3:1, was?! Siehe https://example.org/a?b=1 ,\n"
        "das war lustig :-) und die Datei .bashrc liegt dort ... oder?\n"
    )
    assert _all(text, language="de") == []


def test_swiss_guillemets_point_outwards() -> None:
    assert findings("german-quotes", "Das Wort «Velo» ist üblich.\n", language="de-CH") == []
    assert findings("german-quotes", "Das Wort « Velo» ist üblich.\n", language="de-CH")
    assert fixed("german-quotes", "Das Wort « Velo» ist üblich.\n", language="de-CH") == (
        "Das Wort «Velo» ist üblich.\n"
    )


def test_unclosed_quote_reported_without_fix() -> None:
    (f,) = findings("german-quotes", "Er sagte: „Hallo und ging.\n", language="de")
    assert not f.fixes


def test_abbreviation_option_off_by_default() -> None:
    assert findings("german-abbreviation-space", "Das gilt z.B. für alles.\n", language="de") == []
    out = fixed(
        "german-abbreviation-space",
        "Das gilt z. B. für alles, u.a. immer.\n",
        language="de",
        german={"abbreviations": "nbsp"},
    )
    assert out == "Das gilt z.\u00a0B. für alles, u.\u00a0a. immer.\n"


def test_dash_fix_is_never_safe() -> None:
    (f,) = findings("german-dash", "Das Ergebnis - so viel vorweg war gut.\n", language="de")
    assert all(not fx.safe for fx in f.fixes)
    assert findings("german-dash", "Mit tar -xf - blurf entpacken.\n", language="de") == []


#: The Debian Reference as plain text (debian-reference-de 2.100, 12.1.4): the
#: renderer shows literals in straight quotes, here shell loops whose `` ; `` is
#: the shell's, not a French-spaced semicolon.
SHELL_LOOPS_DE = """\
      * "for x in foo1 foo2 … ; do befehl ; done" führt Schleifen
        aus, indem Einträge aus der Liste "foo1 foo2 …" der Variable
        "x" zugewiesen werden und dann "befehl" ausgeführt wird.

      * "while bedingung ; do befehl ; done" wiederholt "befehl",
        solange "bedingung" wahr ist.
"""


def test_quoted_shell_command_is_not_prose() -> None:
    text = SHELL_LOOPS_DE
    assert findings("german-space-before", text, language="de") == []
    assert fixed("german-space-before", text, language="de") == text
    # the same spacing in a quoted phrase with no shell sign is still a fault
    slip = text.replace('"while bedingung ; do befehl ; done"', '"wahr ; falsch"')
    (f,) = findings("german-space-before", slip, language="de")
    assert slip[f.start : f.end] == " ;"
