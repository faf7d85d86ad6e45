"""Each encoding and unicode rule on real-looking French and English text."""

from __future__ import annotations

from textsweep.engine import Document, fix_all, lint, parse_settings, textio
from textsweep.engine.encoding.options import EncodingOptions, UnicodeOptions
from textsweep.engine.options import parse_options

from .helpers import findings, fixed, only

# --------------------------------------------------------------------------- mojibake


def test_mojibake_message_span_and_detail() -> None:
    text = "Le dÃ©pÃ´t est fermÃ© depuis lundi.\n"
    (a, b) = findings("mojibake", text)
    assert text[a.start : a.end] == "Ã©pÃ´"
    assert a.message == "UTF-8 bytes decoded as Windows-1252: `dÃ©pÃ´t` → `dépôt`"
    assert "1. encode as Windows-1252: 64 C3 A9 70 C3 B4 74" in a.detail
    assert "2. decode as UTF-8: `dépôt`" in a.detail
    assert a.fixes[0].safe and a.fixes[0].replacement == "épô"
    assert b.message.endswith("`fermÃ©` → `fermé`")


def test_mojibake_english_quotes_and_double() -> None:
    text = "It doesnâ€™t matter â€” he insÃƒÂ¨re a â€œquoteâ€\x9d.\n"
    assert fixed("mojibake", text) == "It doesn’t matter — he insère a “quote”.\n"
    messages = [f.message for f in findings("mojibake", text)]
    assert any("Windows-1252 twice" in m for m in messages)


def test_mojibake_latin1_and_macroman_named() -> None:
    (f,) = findings("mojibake", "Ã\x89dition limitÃ©e\n")[:1]
    assert "ISO-8859-1 (Latin-1)" in f.message
    (g,) = findings("mojibake", "Caf√© cr√®me\n")[:1]
    assert "MacRoman" in g.message
    assert fixed("mojibake", "Caf√© cr√®me\n") == "Café crème\n"


def test_mojibake_mixed_line_keeps_correct_letters() -> None:
    text = "L’été dernier, le dÃ©pÃ´t a fermé.\n"
    assert fixed("mojibake", text) == "L’été dernier, le dépôt a fermé.\n"


def test_mojibake_lost_nbsp_and_short_words() -> None:
    assert fixed("mojibake", "Voici l'Ã©tÃ© Ã  la plage.\n") == "Voici l'été à la plage.\n"
    assert fixed("mojibake", "Nie mogÄ™ siÄ™ doczekaÄ‡.\n") == "Nie mogę się doczekać.\n"
    assert fixed("mojibake", "Ã‰tÃ© Ã  l'ÃŽle\n") == "Été à l'Île\n"


def test_mojibake_cyrillic_read_as_cp1252() -> None:
    assert fixed("mojibake", "ÐŸÑ€Ð¸Ð²ÐµÑ‚, Ð¼Ð¸Ñ€!\n") == "Привет, мир!\n"


def test_mojibake_skip_languages_option() -> None:
    text = "x = 'dÃ©pÃ´t'\n"
    assert findings("mojibake", text, "python")
    assert not findings("mojibake", text, "python", encoding={"mojibakeSkipLanguages": ["python"]})


def test_mojibake_clean_text_untouched() -> None:
    for text in (
        "« CAFÉ\u00a0! » s’écria-t-elle ; Ç’a été l’ÉTÉ\u00a0».\n",
        "The naïve café’s façade; Zoë’s “déjà vu” — 12 € or £5…\n",
        "IRMÃ E MAÇÃ… CAPITÃ’S, PÓŁNOC, PÍŠE, «ТАСС», Пётр, Её.\n",
    ):
        assert findings("mojibake", text) == [], text


# --------------------------------------------------------------------------- c1-control


# The Debian Administrator's Handbook 11 (Debian's debian-handbook), French and
# English HTML: it shows what broken accents look like. Fix-all repaired the
# examples, and the explanation no longer showed what it explains.
HANDBOOK_FR = (
    "<p>Ainsi, si un texte français apparaît normal à l'exception des lettres "
    "accentuées, qui semblent remplacés par des séquences du type «\u00a0Ã©\u00a0», "
    "«\u00a0Ã¨\u00a0» ou «\u00a0Ã§\u00a0», il s'agit vraisemblablement d'un fichier "
    "encodé en UTF-8 mais interprété comme ISO-8859-1.</p>\n"
)
HANDBOOK_EN = (
    "<p>Thus, if a French text appears normal with the exception of accented letters "
    "which appear to be replaced with sequences of characters like “Ã©” or “Ã§”, "
    "it is probably a file encoded as UTF-8 but interpreted as ISO-8859-1.</p>\n"
    '<pre class="screen"><code class="computeroutput">mv "travail/\ufffdl\ufffdments '
    'graphiques"        "travail/Éléments graphiques"</code></pre>\n'
)


def test_mojibake_quoted_alone_is_a_mention_offered_not_applied() -> None:
    for text in (HANDBOOK_FR, HANDBOOK_EN):
        found = [f for f in lint(Document(text, "html")) if f.rule == "mojibake"]
        assert len(found) == (3 if text is HANDBOOK_FR else 2)
        assert all(f.severity.name == "INFO" and f.safe_fix is None for f in found)
        assert fix_all(Document(text, "html")).text == text
    # a broken word between guillemets is damage, and is repaired
    word = "Il a dit «\u00a0dÃ©pÃ´t\u00a0» et «\u00a0Ã©tÃ©\u00a0».\n"
    assert "dépôt" in fix_all(Document(word)).text


def test_replacement_characters_in_html_code_are_shown_on_purpose() -> None:
    [*found] = (f for f in lint(Document(HANDBOOK_EN, "html")) if f.rule == "replacement-character")
    assert len(found) == 2 and all(f.severity.name == "INFO" for f in found)
    # outside the code, lost bytes are an error
    outside = "<p>Le d\ufffdp\ufffdt</p>\n" + HANDBOOK_EN
    errors = [f for f in lint(Document(outside, "html")) if f.severity.name == "ERROR"]
    assert [outside[f.start - 2 : f.end] for f in errors] == [" d\ufffd", "\ufffdp\ufffd"]


def test_c1_preferred_fix_and_removal() -> None:
    # The ellipsis byte after the sentence decides: the document is Windows-1252.
    f, _ = findings("c1-control", "Il faut l\x92admettre\x85\n")
    assert "Windows-1252 byte 0x92 read as Latin-1" in f.message
    assert [fx.replacement for fx in f.fixes] == ["’", "í", ""]
    assert [fx.safe for fx in f.fixes] == [True, False, False]


def test_c1_alone_between_letters_is_a_guess() -> None:
    """``tur\x92stico``: MacRoman ``í`` as likely as Windows-1252 ``’``: offer both."""
    (f,) = findings("c1-control", "tur\x92stico\n")
    assert [fx.replacement for fx in f.fixes] == ["’", "í", ""]
    assert not any(fx.safe for fx in f.fixes)
    assert fix_all(Document("tur\x92stico\n")).text == "tur\x92stico\n"


def test_c1_follows_the_codec_the_document_agrees_on() -> None:
    """Other MacRoman letters in the document decide ``\x92`` is ``í``."""
    text = "tur\x92stico, caf\x8e con leche, d\x8ej\x88 vu\n"
    assert fix_all(Document(text)).text == "turístico, café con leche, déjà vu\n"


def test_c1_undefined_byte_is_removed() -> None:
    (f,) = findings("c1-control", "a\x81 b\n")
    assert f.fixes[0].replacement == "" and f.fixes[0].safe


def test_control_character_leaves_c1_to_c1_control() -> None:
    config, _ = parse_settings({})
    rules = {f.rule for f in lint(Document("l\x92admettre\n"), config)}
    assert "c1-control" in rules and "control-character" not in rules


# --------------------------------------------------------------------------- U+FFFD


def test_replacement_character_without_bytes() -> None:
    (f,) = findings("replacement-character", "Le d\ufffd\ufffdp\ufffdt\n")[:1]
    assert f.severity.label == "error" and not f.fixes
    assert "bytes were lost" in f.message


# --------------------------------------------------------------------------- html-entity


def test_html_entity_plain_text_only() -> None:
    text = "Compatibilit&eacute; &amp; s&eacute;curit&eacute; &amp;nbsp;fin\n"
    assert fixed("html-entity", text) == "Compatibilité & sécurité \u00a0fin\n"
    for lang in ("html", "xml", "markdown", "python"):
        assert findings("html-entity", text, lang) == []
    assert findings("html-entity", text, "markdown", unicode={"htmlEntityLanguages": ["markdown"]})


def test_html_entity_not_entities() -> None:
    assert findings("html-entity", "R&D, AT&T; Q&A; &notanentity; &#xD800;\n") == []


#: The Debian Reference as plain text (debian-reference-de 2.100, section 11.4): a
#: table of XML's predefined entities. Each entity is its cell's whole content,
#: named on purpose; writing the character would also shift the column.
ENTITY_TABLE = """\
    |vordefinierte Entität|Zeichen, in das konvertiert werden soll|
    |---------------------+---------------------------------------|
    |&quot;               |" (Anführungszeichen)                  |
    |---------------------+---------------------------------------|
    |&lt;                 |< (kleiner-als)                        |
    |---------------------+---------------------------------------|
    |&amp;                |& (kaufmännisches Und)                 |
"""


def test_html_entity_alone_in_a_table_cell_is_named() -> None:
    found = findings("html-entity", ENTITY_TABLE)
    assert [ENTITY_TABLE[f.start : f.end] for f in found] == ["&quot;", "&lt;", "&amp;"]
    assert all(f.safe_fix is None for f in found)  # offered, never applied unread
    assert fixed("html-entity", ENTITY_TABLE) == ENTITY_TABLE
    # glued to the words of a cell, an entity is copied-out HTML: still fixed
    leaked = ENTITY_TABLE.replace("(kleiner-als)", "(kleiner-als)&nbsp;")
    want = ENTITY_TABLE.replace("(kleiner-als)", "(kleiner-als)\u00a0")
    assert fixed("html-entity", leaked) == want


#: Django 5.1's tutorial, part 5 (docs/intro/tutorial05.txt, reStructuredText): a
#: console session whose output shows the page's HTML, entity and all.
DJANGO_TUTORIAL = """\
With that ready, we can ask the client to do some work for us:

.. code-block:: pycon

    >>> response.content
    b'\\n    <ul>\\n        <li><a href="/polls/1/">What&#x27;s up?</a></li>\\n    </ul>\\n'

The page says &ldquo;What&#x27;s up?&rdquo; to its readers.
"""


def test_an_entity_in_a_code_block_is_code() -> None:
    found = findings("html-entity", DJANGO_TUTORIAL, "restructuredtext")
    # only the prose's: the code block shows the entity as the program wrote it
    assert [DJANGO_TUTORIAL[f.start : f.end] for f in found] == ["&ldquo;", "&#x27;", "&rdquo;"]
    assert "What&#x27;s up?</a>" in fixed("html-entity", DJANGO_TUTORIAL, "restructuredtext")


# --------------------------------------------------------------------------- normalization


def test_normalization_composes_and_respects_options() -> None:
    text = "Re\u0301sume\u0301 du de\u0301po\u0302t\n"
    assert fixed("unicode-normalization", text) == "Résumé du dépôt\n"
    f = findings("unicode-normalization", text)[0]
    assert "U+0301 COMBINING ACUTE ACCENT" in f.message
    assert not findings(
        "unicode-normalization", text, unicode={"normalizationSkipLanguages": ["plaintext"]}
    )
    code = 's = "Re\u0301sume\u0301"\n'
    assert not findings("unicode-normalization", code, "python")
    assert findings("unicode-normalization", code, "python", unicode={"normalizationInCode": True})


def test_normalization_leaves_code_in_a_document_alone() -> None:
    # nonrecursive-glob-match's README shows matching a decomposed name, on purpose
    text = (
        "Use NFC if you are not sure.\n\n```js\nm.test('cafe\u0301') // true\n```\n\n"
        "See `cafe\u0301` and https://example.com/cafe\u0301 but not in prose: cafe\u0301.\n"
    )
    # the URL and the prose word are flagged; the code block and the code span not
    found = findings("unicode-normalization", text, "markdown")
    assert [f.start for f in found] == [text.index("e\u0301 but"), text.rindex("e\u0301")]
    everywhere = {"normalizationInCode": True}
    assert len(findings("unicode-normalization", text, "markdown", unicode=everywhere)) == 4


def test_normalization_composing_table_is_unicodes() -> None:
    """The table of composing characters is what this Python's Unicode defines."""
    from textsweep.engine.rules import unicode as rules_unicode

    assert rules_unicode._composing() == rules_unicode._computed_composing()


def test_normalization_hangul_and_kana() -> None:
    assert fixed("unicode-normalization", "\u1112\u1161\u11ab\n") == "한\n"
    assert fixed("unicode-normalization", "か\u3099\n") == "が\n"


# --------------------------------------------------------------------------- opt-in rules


def test_ligature_and_fullwidth_are_opt_in() -> None:
    config, _ = parse_settings({})
    found = {f.rule for f in lint(Document("La ﬁn ＡＢＣ\n"), config)}
    assert "latin-ligature" not in found and "fullwidth-character" not in found
    assert fixed("latin-ligature", "Un eﬀet ﬁnal\n") == "Un effet final\n"
    assert fixed("fullwidth-character", "Code ＡＢＣ１２３！\n") == "Code ABC123!\n"
    assert not findings("fullwidth-character", "東京（とうきょう）。ＮＨＫの番組\n")


# --------------------------------------------------------------------------- file-encoding


def test_text_bom_without_bytes() -> None:
    (f,) = findings("file-encoding", "\ufeffBonjour\n")
    assert f.severity.label == "info" and f.fixes[0].replacement == ""


def test_textio_decode() -> None:
    text = "Le dépôt — “quoted”\n"
    assert textio.decode(b"\xef\xbb\xbf" + text.encode()) == text
    assert textio.decode(b"\xff\xfe" + text.encode("utf-16-le")) == text
    assert textio.decode(b"\xfe\xff" + text.encode("utf-16-be")) == text
    assert textio.decode(b"\xff\xfe\x00\x00" + text.encode("utf-32-le")) == text
    assert textio.decode("café".encode("cp1252")) == "caf\ufffd"
    assert not textio.looks_binary(b"\xff\xfe" + text.encode("utf-16-le"))


# --------------------------------------------------------------------------- options


def test_options_validation() -> None:
    raw = {
        "encoding": {"reloadCandidates": 0, "bogus": 1, "mojibakeSkipLanguages": "python"},
        "unicode": {"normalizationInCode": "yes", "htmlEntityLanguages": ["plaintext"]},
    }
    encoding, warnings = parse_options(EncodingOptions, raw["encoding"], "encoding")
    unicode, more = parse_options(UnicodeOptions, raw["unicode"], "unicode")
    assert len(warnings + more) == 4, warnings + more
    assert encoding.reload_candidates == 3
    assert unicode.html_entity_languages == frozenset({"plaintext"})
    assert parse_options(EncodingOptions, "nope", "encoding")[1] == [
        "textsweep.encoding must be an object"
    ]
    assert only("mojibake", {"encoding": {"reloadCandidates": 2}})
    _, warnings = parse_settings({"encoding": {"reloadCandidates": "x"}, "unicode": {"zz": 1}})
    assert len(warnings) == 2, warnings


#: Vim's manuals name entities: a word of its own between words, or quoted.
NAMED_ENTITIES = (
    "Solution:   Use &gt; and &lt;. (Kazunobu Kuriyama)\n"
    "Whitespace is replaced by a series of &nbsp; character references.\n"
    '   :syntax match Entity "&amp;" conceal cchar=&\n'
    "Copied out of HTML: caf&eacute;, 5&nbsp;€, Tom &amp; Jerry\n&nbsp;\n"
)


def test_entities_named_in_text_are_offered_not_replaced() -> None:
    found = findings("html-entity", NAMED_ENTITIES)
    named = [NAMED_ENTITIES[f.start : f.end] for f in found if not f.fixes[0].safe]
    assert named == ["&gt;", "&lt;", "&nbsp;", "&amp;"]
    assert fixed("html-entity", NAMED_ENTITIES) == NAMED_ENTITIES.replace(
        "caf&eacute;, 5&nbsp;€, Tom &amp; Jerry\n&nbsp;", "café, 5\u00a0€, Tom & Jerry\n\u00a0"
    )
