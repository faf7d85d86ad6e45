"""The workspace's closed files, as the server checks and fixes them: the same
findings and fixes as the CLI on the same file, and result ids that change exactly
when the file's content or its resolved settings do."""

from __future__ import annotations

import shutil
from pathlib import Path

from textsweep.cli import check_one
from textsweep.engine import Document, fix_all, parse_settings
from textsweep.lsp.workspace_files import FileTask, check_file, fix_file, result_id

REAL = Path(__file__).resolve().parents[1] / "realtext" / "files"


def task(path: Path, settings: object = None, salt: str = "s") -> FileTask:
    return FileTask(str(path), path.as_uri(), settings, "utf-16", salt)


def apply(text: str, edits: list, lines_of: list[str]) -> str:
    """Apply LSP edits (UTF-16 columns; the texts here are BMP-only) to ``text``."""
    starts = [0]
    for line in lines_of:
        starts.append(starts[-1] + len(line))
    for e in sorted(
        edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True
    ):
        s = starts[e.range.start.line] + e.range.start.character
        t = starts[e.range.end.line] + e.range.end.character
        text = text[:s] + e.new_text + text[t:]
    return text


def test_real_text_gets_the_cli_findings(tmp_path: Path) -> None:
    for name in ("fr/debian-faq.fr.1.txt", "de/debian-faq.de.2.txt", "fr/sphinx.fr.1.po"):
        path = tmp_path / Path(name).name
        shutil.copy(REAL / name, path)
        path.write_text(path.read_text("utf-8") + "Il  faut le dire.\n", "utf-8")
        cli = check_one(str(path))
        got = check_file(task(path))
        assert got.linted
        assert [d.code for d in got.items] == [f.rule for f in cli.findings]
        assert got.total == len(cli.findings) >= 1


def test_clean_and_binary_files(tmp_path: Path) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text("Nothing to see here.\n", "utf-8")
    got = check_file(task(clean))
    assert got.linted and got.items == [] and got.total == 0
    image = tmp_path / "image.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    got = check_file(task(image))
    assert not got.linted and got.items == []


def test_result_id_follows_content_settings_and_server(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("Il  faut le dire.\n", "utf-8")
    first = check_file(task(path)).result_id
    assert check_file(task(path)).result_id == first
    off = {"rules": {"doubled-space": "off"}}
    assert check_file(task(path, off)).result_id != first
    assert check_file(task(path, salt="another server")).result_id != first
    path.write_text("Il  faut le dire!\n", "utf-8")
    assert check_file(task(path)).result_id != first
    assert result_id("s", None, "a") == result_id("s", None, "a") != result_id("s", None, "b")


def test_settings_are_the_ones_given(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("Il  faut le dire.   \n", "utf-8")
    assert [d.code for d in check_file(task(path)).items] == [
        "doubled-space",
        "trailing-whitespace",
    ]
    off = {"rules": {"doubled-space": "off"}}
    assert [d.code for d in check_file(task(path, off)).items] == ["trailing-whitespace"]


def test_fix_gives_the_fix_all_text(tmp_path: Path) -> None:
    path = tmp_path / "faq.txt"
    shutil.copy(REAL / "fr/debian-faq.fr.2.txt", path)
    text = path.read_text("utf-8") + "Deux  espaces.   \n"
    path.write_text(text, "utf-8", newline="")
    fixes = fix_file(task(path))
    expected = fix_all(Document(text, "plaintext"), parse_settings(None)[0])
    assert fixes.applied == expected.applied >= 2
    assert apply(text, fixes.edits, text.splitlines(keepends=True)) == expected.text
    clean = tmp_path / "clean.txt"
    clean.write_text("Nothing to fix.\n", "utf-8")
    assert fix_file(task(clean)).edits == []


def test_files_not_in_utf8_are_not_fixed(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Il  était une fois à Orléans.\n".encode("latin-1"))
    got = fix_file(task(path))
    assert got.edits == [] and got.note and "UTF-8" in got.note
