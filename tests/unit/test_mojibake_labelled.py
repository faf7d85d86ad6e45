"""The labelled set of ``bench/bench_mojibake.py``: no look-alike changed by fix-all,
UTF-8 mojibake repaired exactly (≥ 95 %), and no repair into a third text."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_BENCH = Path(__file__).resolve().parents[2] / "bench" / "bench_mojibake.py"
_spec = importlib.util.spec_from_file_location("bench_mojibake", _BENCH)
assert _spec and _spec.loader
bench = importlib.util.module_from_spec(_spec)
sys.modules["bench_mojibake"] = bench
_spec.loader.exec_module(bench)

ROWS = bench.rows()
CONFIG = bench.config()


def test_the_set_is_labelled_with_provenance() -> None:
    assert len([r for r in ROWS if r[0] == "lookalike"]) >= 500
    assert len([r for r in ROWS if r[0] == "mojibake"]) >= 500
    assert all(r[3] for r in ROWS), "every line says where it came from"


def test_no_look_alike_is_changed_by_a_safe_fix() -> None:
    changed = [
        text
        for label, text, expected, _ in ROWS
        if label == "lookalike" and not bench.outcome(label, text, expected, CONFIG)
    ]
    assert changed == []


def test_utf8_mojibake_is_repaired_exactly() -> None:
    rows = [r for r in ROWS if r[0] == "mojibake" and not r[3].startswith("made: mac_roman")]
    rows = [r for r in rows if not r[3].startswith("made: cp850")]
    good = sum(bench.outcome(*r[:3], CONFIG) for r in rows)
    assert good >= 0.95 * len(rows), f"{good} of {len(rows)}"
