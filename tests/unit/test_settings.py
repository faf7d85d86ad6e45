""".editorconfig → settings, and the merge that lets the user win."""

from __future__ import annotations

from pathlib import Path

from textsweep.engine import parse_settings
from textsweep.settings import editorconfig_settings, merge_settings, settings_from_properties


def test_properties_map_to_settings() -> None:
    got = settings_from_properties(
        {
            "trim_trailing_whitespace": "false",
            "insert_final_newline": "true",
            "end_of_line": "crlf",
            "indent_style": "tab",
            "indent_size": "8",
        }
    )
    assert got == {
        "rules": {"trailing-whitespace": False, "final-newline": True},
        "whitespace": {"endOfLine": "crlf", "indentStyle": "tab", "tabWidth": 8},
    }
    config, warnings = parse_settings(got)
    assert warnings == []
    assert config.rules["trailing-whitespace"] is False


def test_odd_values_are_ignored() -> None:
    assert (
        settings_from_properties(
            {"end_of_line": "native", "tab_width": "x", "indent_style": "smart"}
        )
        == {}
    )


def test_merge_user_wins_key_by_key() -> None:
    base = {"rules": {"a": False, "b": True}, "whitespace": {"tabWidth": 2}}
    over = {"rules": {"a": True}, "maxFindings": 5}
    assert merge_settings(base, over) == {
        "rules": {"a": True, "b": True},
        "whitespace": {"tabWidth": 2},
        "maxFindings": 5,
    }
    assert merge_settings(base, None) == base


def test_broken_editorconfig_is_ignored(tmp_path: Path) -> None:
    (tmp_path / ".editorconfig").write_text("root = true\n[*\n=== nonsense\n", "utf-8")
    (tmp_path / "a.txt").write_text("x\n", "utf-8")
    assert editorconfig_settings(str(tmp_path / "a.txt")) == {}
