"""Italian rules: caporali policy, apostrophes, and real Italian text that must
not be flagged."""

from __future__ import annotations

from textsweep.engine import Document, all_rules, lint, parse_settings

from .helpers import findings, fixed

ITALIAN = [r.id for r in all_rules() if r.family == "italian"]

# Debian FAQ, Italian translation (debian-faq-it 11.1; excerpt kept in
# tests/realtext/files/it/debian-faq.it.1.txt, lines 21-27 and 96-100).
DEBIAN_FAQ_IT = """\
    di distribuzioni Linux di eliminare sforzi duplicati e di
    concentrarsi sulle caratteristiche che rendono speciale la
    propria distribuzione. Vedere Sezione 14.3, «Sto creando una
    speciale distribuzione Linux per un "mercato verticale". Posso
    usare Debian GNU/Linux come nucleo di un sistema Linux e
    aggiungere le mie applicazioni su di esso?» per maggiori
    informazioni.

    Il sistema di manutenzione dei pacchetti Debian:

        L'intero sistema, o qualsiasi sua componente individuale, può
        essere aggiornato in situ senza riformattare, senza perdere i
        file di configurazione personalizzati e, nella maggior parte
"""


def _all(text: str, **settings: object) -> list[str]:
    config, warnings = parse_settings({**settings})
    assert not warnings
    return [f.rule for f in lint(Document(text), config) if f.rule in ITALIAN]


def test_real_italian_text_is_not_flagged() -> None:
    assert _all(DEBIAN_FAQ_IT) == []
    assert _all(DEBIAN_FAQ_IT, language="it") == []


def test_detected_italian_paragraph() -> None:
    text = "Il pacchetto non è installato nel sistema, ma funziona lo stesso ?\n"
    (f,) = findings("italian-space-before", text)
    assert text[f.start : f.end] == " ?"
    assert fixed("italian-space-before", text).endswith("stesso?\n")


def test_guillemets_policy() -> None:
    spaced = "Lo chiamavano « il maestro » in paese.\n"
    tight = "Lo chiamavano «il maestro» in paese.\n"
    assert fixed("italian-guillemets", spaced, language="it") == tight
    assert (
        findings("italian-guillemets", spaced, language="it", italian={"guillemets": "space"}) == []
    )
    assert findings("italian-guillemets", tight, language="it") == []


def test_apostrophes_consistent() -> None:
    text = "Un’altra volta, un po’ di pazienza, un po' di calma e l’ultima prova.\n"
    (f,) = findings("italian-apostrophe", text, language="it")
    assert f.start == text.index("po'") + 2
    assert (
        findings("italian-apostrophe", "Un po' di pazienza e l'ultima prova.\n", language="it")
        == []
    )


def test_exceptions_left_alone() -> None:
    text = "Alle 12:30, in rapporto 3:1, davvero?! Vedi https://esempio.it/a?b=1 :-)\n"
    assert _all(text, language="it") == []


def test_other_languages_get_no_italian_rules() -> None:
    assert _all("Le comité a rendu son avis hier soir ; nous en reparlerons .\n") == []
