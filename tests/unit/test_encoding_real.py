"""Detection and conversion on real translated text (Debian message catalogues).

A fast subset of ``bench/bench_encodings_real.py``: every conversion gives the
exact text or is refused, and the cases the issue tracker reported get the
reading real files use.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from textsweep.engine.encoding import LossyDecodeError, inspect_bytes, to_utf8

ROOT = Path(__file__).resolve().parents[2]
_BENCH = ROOT / "bench" / "bench_encodings_real.py"
_spec = importlib.util.spec_from_file_location("bench_real", _BENCH)
assert _spec and _spec.loader
bench = importlib.util.module_from_spec(_spec)
sys.modules["bench_real"] = bench
_spec.loader.exec_module(bench)

REAL = ROOT / "tests" / "data" / "real"


def _lines(lang: str, codec: str, n: int = 12) -> list[str]:
    out = []
    for line in (REAL / f"{lang}.txt").read_text(encoding="utf-8").splitlines():
        try:
            line.encode(codec)
        except UnicodeEncodeError:
            continue
        out.append(line)
    return out[:n]


def _converted(raw: bytes) -> str | None:
    """The converted text, or None when ``to_utf8`` refuses."""
    try:
        out, _ = to_utf8(raw)
    except LossyDecodeError as e:
        assert str(e)  # a refusal says why
        return None
    return out.decode("utf-8")


FAST = [
    ("fr", "cp1252"), ("de", "latin-1"), ("pl", "cp1250"), ("ru", "cp1251"), ("ru", "koi8-r"),
    ("uk", "koi8-u"), ("el", "iso-8859-7"), ("tr", "iso-8859-9"), ("th", "tis-620"),
    ("th", "cp874"), ("ja", "cp932"), ("ja", "euc-jp"), ("ja", "iso-2022-jp"), ("ko", "cp949"),
    ("ko", "iso-2022-kr"), ("zh_CN", "gb2312"), ("zh_TW", "big5"), ("fr", "utf-16-le"),
    ("ja", "utf-16-be"), ("de", "utf-32-le"), ("de", "cp437"), ("fr", "mac_roman"),
]  # fmt: skip


@pytest.mark.parametrize("crlf", [False, True])
@pytest.mark.parametrize(("lang", "codec"), FAST)
def test_real_text_converts_exactly_or_is_refused(lang: str, codec: str, crlf: bool) -> None:
    kind, detail = bench.outcome(bench.Case(lang, codec, crlf))
    assert kind in ("right", "refused"), detail


@pytest.mark.parametrize(
    ("lang", "codec"),
    [("th", "tis-620"), ("ja", "iso-2022-jp"), ("ko", "iso-2022-kr"), ("fr", "utf-16-le"),
     ("ja", "utf-16-be"), ("de", "utf-32-le"), ("ru", "cp1251"), ("uk", "koi8-u")],
)  # fmt: skip
def test_reported_encodings_are_now_converted(lang: str, codec: str) -> None:
    """TIS-620 was refused, ISO-2022 read as UTF-8, BOM-less UTF-16/32 skipped as binary."""
    kind, detail = bench.outcome(bench.Case(lang, codec, False))
    assert kind == "right", detail


def test_cp932_is_not_shift_jis_2004() -> None:
    """Backslashes stay backslashes and ``～`` stays fullwidth: the Windows code page."""
    text = "\n".join(_lines("ja", "cp932")) + (
        '\nconsole.log("価格：１００～２００円\\n");\nvar path = "C:\\\\Users\\\\山田";\n'
    )
    raw = text.encode("cp932")
    assert inspect_bytes(raw).usable[0].encoding == "cp932"
    assert _converted(raw) == text


def test_cp1252_with_undefined_bytes_is_refused() -> None:
    """0x81 and 0x8D have no meaning in Windows-1252: no cp862 "conversion"."""
    raw = ("Café crème brûlée".encode("cp1252") + b" \x81 \x8d\n") * 3
    assert _converted(raw) is None


def _boxed(lines: list[str]) -> str:
    out = ["╔" + "═" * 50 + "╗"]
    out += ["║" + line[:50].ljust(50) + "║" for line in lines]
    out += ["╚" + "═" * 50 + "╝", "┌" + "─" * 20 + "┐", "│ " + lines[0][:18].ljust(18) + " │"]
    return "\n".join([*out, "└" + "─" * 20 + "┘"]) + "\n"


@pytest.mark.parametrize("lang", ["de", "fr", "es", "da"])
def test_cp437_box_drawing_is_not_arabic(lang: str) -> None:
    text = _boxed(_lines(lang, "cp437", 6))
    got = _converted(text.encode("cp437"))
    assert got in (text, None)
    info = inspect_bytes(text.encode("cp437"))
    assert "windows-1256" not in [c.encoding for c in info.usable[:1]]


FRENCH_15 = [
    "Le cœur de l'œuvre coûte 5 € ; sa sœur fait des vœux.",
    "Les Œuvres complètes : 12 € le volume, 30 € le coffret.",
]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_iso_8859_15_with_crlf_or_lf_is_never_windows_1252(newline: str) -> None:
    """``€`` must not become ``¤`` nor ``œ`` ``½``, whatever the line ends."""
    lines = [x for x in _lines("fr", "iso-8859-15", 8) if x.isascii() or "’" not in x]
    text = newline.join(lines[:4] + FRENCH_15 + lines[4:]) + newline
    raw = text.encode("iso-8859-15")
    assert _converted(raw) in (text, None)
    lf = inspect_bytes(text.replace("\r\n", "\n").encode("iso-8859-15"))
    assert [c.encoding for c in inspect_bytes(raw).usable] == [c.encoding for c in lf.usable]


def test_same_file_same_name_in_every_process() -> None:
    """Ties between codecs used to follow set order, which changes with the hash seed."""
    code = (
        "import sys; from textsweep.engine.encoding import inspect_bytes;"
        "i = inspect_bytes(sys.stdin.buffer.read());"
        "print(i.encoding, [(c.encoding, c.confidence) for c in i.candidates])"
    )
    raw = "\n".join(_lines("de", "cp850", 8)).encode("cp850")
    seen = set()
    for seed in ("0", "1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", code], input=raw, capture_output=True, env=env, check=True
        )
        seen.add(out.stdout)
    assert len(seen) == 1, seen
