"""Files in many encodings: detected, named, and restored byte-exactly.

Through the engine API (``inspect_bytes``/``decode_as``/``to_utf8``) and through
the ``file-encoding`` rule's reload fix on a document built the way the LSP and
the CLI build it (``textio.decode(raw)`` as text, the bytes as ``raw``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from textsweep.engine import Document, apply_fixes, fix_all, lint, textio
from textsweep.engine.encoding import (
    LossyDecodeError,
    decode_as,
    decode_lines,
    inspect_bytes,
    to_utf8,
)
from textsweep.engine.model import FixPurpose

from ..data.encodings import make
from .helpers import only

SINGLE = [n for n, (_, codec, _) in make.SAMPLES.items() if not codec.startswith("utf")]


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make.write_all(tmp_path_factory.mktemp("encodings"))


def _expected(name: str) -> set[str]:
    return make.SAME_TEXT.get(name, {make.SAMPLES[name][2]})


@pytest.mark.parametrize("name", list(make.SAMPLES))
def test_detected_and_named(files: dict[str, Path], name: str) -> None:
    raw = files[name].read_bytes()
    text, _, label = make.SAMPLES[name]
    info = inspect_bytes(raw)
    if label == "utf-8":
        assert info.is_utf8 and info.bom == "utf-8"
        return
    assert not info.is_utf8
    assert info.encoding in _expected(name), (info.encoding, info.candidates)
    assert info.candidates[0].lossless
    assert 0 < info.confidence <= 1
    assert decode_as(raw, info.encoding) == text


@pytest.mark.parametrize("name", list(make.SAMPLES))
def test_to_utf8_round_trips(files: dict[str, Path], name: str) -> None:
    raw = files[name].read_bytes()
    text, codec, _ = make.SAMPLES[name]
    out, _info = to_utf8(raw)
    assert out == text.encode("utf-8")
    # Byte-exact: the converted text encodes back to the original file.
    assert out.decode("utf-8").encode(codec) == raw


@pytest.mark.parametrize("name", SINGLE)
def test_reload_fix_restores_text(files: dict[str, Path], name: str) -> None:
    raw = files[name].read_bytes()
    text, codec, _ = make.SAMPLES[name]
    doc = Document(textio.decode(raw), "plaintext", path=str(files[name]), raw=raw)
    found = [f for f in lint(doc, only("file-encoding")) if f.rule == "file-encoding"]
    assert len(found) == 1
    finding = found[0]
    assert "not UTF-8" in finding.message
    assert finding.fixes, finding.message
    first = finding.fixes[0]
    assert first.purpose is FixPurpose.RELOAD and not first.safe
    assert (first.start, first.end) == (0, len(doc.text))
    result = apply_fixes(doc.text, [first]).text
    assert result == text
    assert result.encode(codec) == raw
    # The finding sits on the first place the editor shows damage.
    assert doc.text[finding.start] == "\ufffd"


def test_message_names_encoding_and_confidence(files: dict[str, Path]) -> None:
    raw = files["cp1252.txt"].read_bytes()
    doc = Document(textio.decode(raw), raw=raw)
    (f,) = [f for f in lint(doc, only("file-encoding")) if f.rule == "file-encoding"]
    assert f.message.startswith("This file is not UTF-8; it looks like Windows-1252 (confidence 0.")
    assert f.data["encoding"] == "windows-1252"


def test_replacement_character_carries_reload(files: dict[str, Path]) -> None:
    raw = files["koi8r.txt"].read_bytes()
    doc = Document(textio.decode(raw), raw=raw)
    found = [f for f in lint(doc, only("replacement-character"))]
    assert found and all(f.rule == "replacement-character" for f in found)
    assert found[0].severity.label == "error"
    assert any(fx.purpose is FixPurpose.RELOAD for fx in found[0].fixes)
    fix = found[0].fixes[0]
    assert apply_fixes(doc.text, [fix]).text == make.RUSSIAN


def test_stale_document_gets_no_reload(files: dict[str, Path]) -> None:
    raw = files["cp1252.txt"].read_bytes()
    edited = textio.decode(raw) + "Une ligne ajoutée.\n"
    doc = Document(edited, raw=raw)
    (f,) = [f for f in lint(doc, only("file-encoding")) if f.rule == "file-encoding"]
    assert not f.fixes
    assert "save or revert" in f.message


def test_editor_already_decoded_correctly(files: dict[str, Path]) -> None:
    raw = files["cp1251.txt"].read_bytes()
    doc = Document(make.RUSSIAN, raw=raw)
    (f,) = [f for f in lint(doc, only("file-encoding")) if f.rule == "file-encoding"]
    assert f.severity.label == "info" and not f.fixes
    assert "Windows-1251" in f.message


@pytest.mark.parametrize("name", ["utf16.txt", "utf8bom.txt"])
def test_bom_files_are_information(files: dict[str, Path], name: str) -> None:
    raw = files[name].read_bytes()
    text = make.SAMPLES[name][0]
    assert textio.decode(raw) == text
    doc = Document(text, raw=raw)
    (f,) = [f for f in lint(doc, only("file-encoding")) if f.rule == "file-encoding"]
    assert f.severity.label == "info"
    assert "--to-utf8" in f.message
    assert not f.fixes


def test_utf16_big_endian_round_trip() -> None:
    raw = b"\xfe\xff" + make.FRENCH.encode("utf-16-be")
    info = inspect_bytes(raw)
    assert info.bom == "utf-16-be" and info.encoding == "utf-16"
    assert decode_as(raw, "utf-16") == make.FRENCH
    assert to_utf8(raw)[0] == make.FRENCH.encode()
    assert textio.decode(raw) == make.FRENCH


def test_mixed_file_lines(files: dict[str, Path]) -> None:
    raw = files["mixed.txt"].read_bytes()
    info = inspect_bytes(raw)
    assert info.is_mixed and info.encoding == "windows-1252"
    assert info.bad_lines == (3,)  # "Fin." is ASCII: nothing to flag
    assert decode_lines(raw, info.encoding) == make.mixed_text()
    assert to_utf8(raw)[0] == make.mixed_text().encode()
    doc = Document(textio.decode(raw), raw=raw)
    found = [f for f in lint(doc, only("file-encoding")) if f.rule == "file-encoding"]
    assert len(found) == 1
    f = found[0]
    assert doc.line_of(f.start) == 3 and "Line 4 is not UTF-8" in f.message
    line_fix = f.fixes[0]
    assert line_fix.purpose is FixPurpose.EDIT
    fixed = apply_fixes(doc.text, [line_fix]).text
    assert fixed == make.mixed_text()
    whole = [fx for fx in f.fixes if fx.purpose is FixPurpose.RELOAD]
    assert whole and apply_fixes(doc.text, whole[:1]).text == make.mixed_text()


def test_lossy_is_refused() -> None:
    # Shift_JIS lead bytes with an invalid trail byte: not Shift_JIS, not UTF-8.
    raw = "日本語のテキストです。".encode("shift_jis") + b"\x81\x20\xa0\x80\xff\xfe\x85"
    with pytest.raises(LossyDecodeError) as e:
        decode_as(raw, "shift_jis")
    assert "has no meaning in Shift_JIS" in str(e.value)
    with pytest.raises(LossyDecodeError):
        decode_as(b"caf\x81", "windows-1252")
    with pytest.raises(LossyDecodeError):
        decode_as(b"abc", "no-such-codec")


def test_no_lossless_candidate_means_no_fix() -> None:
    raw = "日本語のテキストです。東京は晴れています。".encode("shift_jis") + b"\x85\xff\n"
    info = inspect_bytes(raw)
    assert not info.usable, info.candidates
    doc = Document(textio.decode(raw), raw=raw)
    (f,) = [f for f in lint(doc, only("file-encoding")) if f.rule == "file-encoding"]
    assert not f.fixes and "no reload is offered" in f.message
    with pytest.raises(LossyDecodeError):
        to_utf8(raw)


def test_utf8_is_cheap_and_silent() -> None:
    raw = make.FRENCH.encode()
    info = inspect_bytes(raw)
    assert info.is_utf8 and info.encoding == "utf-8" and not info.candidates
    doc = Document(make.FRENCH, raw=raw)
    assert lint(doc, only("file-encoding")) == []
    assert to_utf8(raw) == (raw, info)


def test_raw_none_yields_nothing() -> None:
    assert lint(Document("Le d\ufffdp\ufffdt\n"), only("file-encoding")) == []


def test_detection_accuracy_summary(files: dict[str, Path]) -> None:
    """All sample files detected (the figure reported in the benchmark notes)."""
    right = 0
    for name in make.SAMPLES:
        raw = files[name].read_bytes()
        info = inspect_bytes(raw)
        if info.is_utf8 or info.encoding in _expected(name):
            right += 1
    info = inspect_bytes(files["mixed.txt"].read_bytes())
    right += info.encoding == "windows-1252" and info.is_mixed
    assert right == len(make.SAMPLES) + 1


def test_utf16_with_bom_read_as_utf8_gets_only_the_reload() -> None:
    """NULs and U+FFFD throughout: fix-all must not strip the NULs into ``��Le d�p�t``."""
    text = "Le dépôt de l’été : 12 € — très cher.\nÇa coûte.\n"
    raw = text.encode("utf-16")
    doc = Document(raw.decode("utf-8", errors="replace"), raw=raw)
    found = lint(doc)
    reloads = [x for f in found for x in f.fixes if x.purpose is FixPurpose.RELOAD]
    assert reloads and reloads[0].replacement == text
    assert all(x.purpose is FixPurpose.RELOAD for f in found for x in f.fixes)
    assert fix_all(doc).text == doc.text


# GNU tar 1.34's Japanese catalogue (Debian's tar package, unpacked with msgunfmt):
# EUC-JP as its header says; ``%s, %s 他.`` happens to be valid UTF-8 as well.
TAR_JA = """msgid ""
msgstr ""
"Project-Id-Version: GNU tar 1.32.90\\n"
"Language: ja\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=EUC-JP\\n"
"Content-Transfer-Encoding: 8bit\\n"

msgid " !             Spawn a subshell\\n"
msgstr " !             サブシェルを起動\\n"

msgid " ?             Print this list\\n"
msgstr " ?             このリストを表示\\n"

msgid ""
"%s, %s, and others.\\n"
msgstr ""
"%s, %s 他.\\n"
"""


def test_a_declared_charset_reads_the_whole_file() -> None:
    raw = TAR_JA.encode("euc-jp")
    assert "%s, %s 他".encode("euc-jp").decode("utf-8") == "%s, %s ¾"  # the trap
    info = inspect_bytes(raw)
    assert (info.encoding, info.is_mixed, info.declared) == ("euc-jp", False, True)
    found = [
        f for f in lint(Document(textio.decode(raw), "po", raw=raw)) if f.rule == "file-encoding"
    ]
    assert len(found) == 1 and "declares EUC-JP" in found[0].message
    # converted, it says UTF-8: msgfmt would read the UTF-8 bytes as EUC-JP otherwise
    data, _ = to_utf8(raw)
    assert data.decode("utf-8") == TAR_JA.replace("charset=EUC-JP", "charset=UTF-8")


def test_a_declaration_is_not_taken_at_its_word_when_it_cannot_be_right() -> None:
    # bytes 80-9F are no ISO-8859-1 letters: Windows-1252's (’ “ ” here), as detected
    text = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=ISO-8859-1\\n"\n\n'
    text += 'msgid "a"\nmsgstr "l’été, « la “saison” » à la plage, déjà là"\n'
    info = inspect_bytes(text.encode("cp1252"))
    assert not info.declared and info.encoding == "windows-1252"
    # a template's placeholder names no encoding: detection decides
    raw = text.replace("ISO-8859-1", "CHARSET").encode("cp1252")
    assert not inspect_bytes(raw).declared
    assert b"charset=CHARSET" in to_utf8(raw)[0]
