"""Spanish rules: the issue's inputs, the unsafe ¿ fix, and real Spanish text
that must not be flagged."""

from __future__ import annotations

from textsweep.engine import Document, all_rules, fix_all, lint, parse_settings

from .helpers import findings, fixed

SPANISH = [r.id for r in all_rules() if r.family == "spanish"]

# Debian Reference, Spanish translation (debian-reference-es 2.100; excerpt kept
# in tests/realtext/files/es/debian-reference.es.1.txt, lines 1-9), and a
# Sphinx 9.0.4 catalogue entry (sphinx/locale/es/LC_MESSAGES/sphinx.po).
DEBIAN_REFERENCE_ES = """\
    Un archivo de órdenes de una sola línea puede repetirse sobre
    varios archivos utilizando find(1) y xargs(1) siendo capaz de
    realizar tareas muy complicadas. Consulte Sección 10.1.5, “Formas
    de selección de archivos” y Sección 9.4.9, “Repetición de una
    orden sobre archivos”.

    Cuando la utilización de órdenes de forma interactiva se complica
    demasiado debe considerarse escribir un archivo de órdenes
    (consulte Sección 12.1, “Los archivos de órdenes”).

extensión %r no tiene ninguna función setup(); ¿es realmente un módulo de extensión de Sphinx?
"""


def _all(text: str, **settings: object) -> list[str]:
    config, warnings = parse_settings({**settings})
    assert not warnings
    return [f.rule for f in lint(Document(text), config) if f.rule in SPANISH]


def test_real_spanish_text_is_not_flagged() -> None:
    assert _all(DEBIAN_REFERENCE_ES) == []
    assert _all(DEBIAN_REFERENCE_ES, language="es") == []


def test_question_without_opening_mark_is_a_hint_with_an_unsafe_fix() -> None:
    text = "Qué tal?\n"
    (f,) = findings("spanish-inverted-marks", text, language="es")
    assert (f.start, f.end) == (0, 8)
    (fx,) = f.fixes
    assert not fx.safe and (fx.start, fx.end, fx.replacement) == (0, 0, "¿")
    assert fixed("spanish-inverted-marks", text, language="es") == text  # never applied


def test_opening_mark_goes_to_the_start_of_the_clause() -> None:
    text = "Hola. Vienes mañana? Te espero.\n"
    (f,) = findings("spanish-inverted-marks", text, language="es")
    assert f.fixes[0].start == text.index("Vienes")


def test_issue_input_spaces_fixed_safely() -> None:
    config = parse_settings({"language": "es"})[0]
    assert fix_all(Document("¿ Qué ?\n"), config).text == "¿Qué?\n"


def test_detected_spanish_paragraph() -> None:
    text = "El paquete no está instalado en el sistema , pero funciona bien. ¿Vienes mañana ?\n"
    assert sorted(_all(text)) == ["spanish-space-before", "spanish-space-before"]


def test_exceptions_left_alone() -> None:
    text = (
        "¿De verdad?! Empieza a las 12:30, en proporción 3:1 (?) :-) y la página\n"
        "https://ejemplo.es/a?b=1 responde. Si no vienes, ¿qué hacemos? ¡Qué pena!\n"
    )
    assert _all(text, language="es") == []


def test_unclosed_opening_mark() -> None:
    (f,) = findings("spanish-inverted-marks", "¿Vienes mañana. Te espero.\n", language="es")
    assert f.start == 0 and not f.fixes


def test_other_languages_get_no_spanish_rules() -> None:
    assert _all("Are you coming to the meeting tomorrow with all of your friends?\n") == []


#: The Debian Reference as plain text (debian-reference-es 2.100, 2.5.x): a note's
#: heading, a line of no-break spaces, then a sentence naming the ``?`` key.
HELP_KEY_ES = """\
    Sugerencia
\u00a0\u00a0\u00a0
    Pulsando ? se muestra al final de la pantalla de Ayuda una
    lista de las órdenes.
"""


def test_a_sign_named_between_blanks_is_no_question() -> None:
    assert findings("spanish-inverted-marks", HELP_KEY_ES, language="es") == []
    # a question that ends its clause is still one
    text = HELP_KEY_ES.replace("Ayuda una\n    lista de las órdenes.", "Ayuda?")
    (f,) = findings("spanish-inverted-marks", text, language="es")
    assert text[f.start : f.end].startswith("Pulsando")


def test_a_line_of_no_break_spaces_ends_the_clause() -> None:
    # the opening mark goes after the blank line, not before the heading
    text = HELP_KEY_ES.replace("Pulsando ? se muestra", "Vienes mañana?")
    (f,) = findings("spanish-inverted-marks", text, language="es")
    assert f.fixes[0].start == text.index("Vienes")


#: The Debian Reference as plain text (debian-reference-es 2.100, 2.7.x and 1.6.x):
#: quotations closed with a mistyped « (``«…« o``, ``«Pin-Priority: 1 « en``).
#: The space after such a « is outside the quotation: removing it glued the
#: quotation to the next word (``«…«o``), and fix-all did it unread.
CLOSED_WITH_OPENER_ES = """\
        parte de la línea incluida entre «…« o '…'.

    Si se utiliza «Pin-Priority: 1 « en vez de «Pin-Priority: 100» en
    las preferencias, el paquete no se actualiza.
"""


def test_a_mistyped_closing_guillemet_keeps_its_space() -> None:
    text = CLOSED_WITH_OPENER_ES
    found = findings("spanish-space-inside", text, language="es")
    # both are flagged, neither space is removed unread
    assert [text[f.start : f.end] for f in found] == ["«", "« "]
    assert fixed("spanish-space-inside", text, language="es") == text
    # a space inside an opening guillemet is still removed
    slip = text.replace("«Pin-Priority: 100»", "« Pin-Priority: 100»")
    assert fixed("spanish-space-inside", slip, language="es") == text


#: The Debian Reference as plain text (debian-reference-es 2.100, 12.1.4): the
#: Spanish translation quotes its literals with guillemets, here shell loops whose
#: `` ; `` is the shell's.
SHELL_LOOPS_ES = """\
      * «while condición ; do comando ; done» repite «comando»
        mientras «condición» sea verdad.
"""


def test_shell_command_in_guillemets_is_not_prose() -> None:
    text = SHELL_LOOPS_ES
    assert findings("spanish-space-before", text, language="es") == []
    # a quoted phrase with no shell sign is still prose
    slip = text.replace("«while condición ; do comando ; done»", "«verdad ; falso»")
    (f,) = findings("spanish-space-before", slip, language="es")
    assert slip[f.start : f.end] == " ;"
