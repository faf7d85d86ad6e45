"""`textsweep check` and `fix --to-utf8` on files in many encodings, byte-exact."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.data.encodings import make
from textsweep.engine.encoding import display_name


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "textsweep", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make.write_all(tmp_path_factory.mktemp("enc"))


NON_UTF8 = [n for n, (_, codec, _) in make.SAMPLES.items() if codec not in ("utf-8",)]


@pytest.mark.parametrize("name", sorted(make.SAMPLES))
def test_check_names_the_encoding(samples: dict[str, Path], name: str) -> None:
    _, codec, label = make.SAMPLES[name]
    out = run("check", str(samples[name]))
    if codec == "utf-8":
        return  # plain UTF-8 samples: nothing about the file's encoding to say
    lines = [line for line in out.stdout.splitlines() if "file-encoding" in line]
    assert lines, out.stdout
    shown = display_name(label).lower()
    assert any(shown in line.lower() or "bom" in line.lower() for line in lines), lines


@pytest.mark.parametrize("name", sorted(make.SAMPLES))
def test_fix_to_utf8_restores_text_byte_exactly(tmp_path: Path, name: str) -> None:
    text, codec, _ = make.SAMPLES[name]
    original = text.encode(codec)
    p = tmp_path / name
    p.write_bytes(original)
    # Rules other than the conversion are switched off: this is about the bytes.
    cfg = tmp_path / "cfg.json"
    cfg.write_text('{"rules": {"final-newline": false}}', encoding="utf-8")
    out = run("fix", "--to-utf8", "--config", str(cfg), str(p))
    assert out.returncode == 0, out.stderr
    converted = p.read_bytes()
    assert converted.decode("utf-8") == text.lstrip("\ufeff") or converted == text.encode()
    # Round trip: the converted text encodes back to exactly the original bytes.
    back = converted.decode("utf-8").encode(codec)
    if codec.endswith("-sig") or codec in ("utf-16", "utf-32"):
        assert converted.decode("utf-8").encode(codec) == original
    else:
        assert back == original
    if original != converted and codec == "utf-8-sig":
        # Not "converted from UTF-8 to UTF-8": only the mark went.
        assert out.stderr.strip().endswith("removed the UTF-8 byte-order mark"), out.stderr
    elif original != converted:
        assert "to UTF-8" in out.stderr


@pytest.mark.parametrize("codec", ["base64", "hex", "zlib", "bz2", "rot13", "uu", "quopri"])
def test_from_a_transform_is_one_line_and_exit_2(tmp_path: Path, codec: str) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes("Café crème\n".encode("cp1252"))
    out = run("fix", "--to-utf8", "--from", codec, str(p))
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and "not a text encoding" in out.stderr, out.stderr
    assert p.read_bytes() == "Café crème\n".encode("cp1252")


def test_check_intact_cp1252_says_file_encoding_not_lost_bytes(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes("Le dépôt de l’été coûte 5 € ; déjà vu, très cher.\nÇa coûte.\n".encode("cp1252"))
    out = run("check", str(p))
    assert "replacement-character" not in out.stdout and "lost" not in out.stdout
    assert "file-encoding" in out.stdout and "--to-utf8" in out.stdout, out.stdout


def test_mixed_file_converted_line_by_line(tmp_path: Path) -> None:
    p = tmp_path / "mixed.txt"
    p.write_bytes(make.mixed_bytes())
    out = run("fix", "--to-utf8", str(p))
    assert out.returncode == 0, out.stderr
    assert p.read_bytes().decode("utf-8").rstrip("\n") == make.mixed_text().rstrip("\n")


def test_refuses_lossy_conversion(tmp_path: Path) -> None:
    p = tmp_path / "broken.txt"
    # Bytes 0x81 and 0x8d have no meaning in Windows-1252, and the rest is not UTF-8.
    original = b"caf\xe9 \x81\x8d\x90 ok\n"
    p.write_bytes(original)
    out = run("fix", "--to-utf8", "--from", "windows-1252", str(p))
    assert out.returncode == 1
    assert "not converted" in out.stderr
    assert p.read_bytes() == original


def test_without_to_utf8_non_utf8_files_are_left_alone(tmp_path: Path) -> None:
    p = tmp_path / "latin.txt"
    original = "Élève  à l'école\n".encode("cp1252")
    p.write_bytes(original)
    out = run("fix", str(p))
    assert out.returncode == 1
    assert "--to-utf8" in out.stderr
    assert p.read_bytes() == original
