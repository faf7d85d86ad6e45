""".editorconfig → settings, the merge that lets the user win, and the resolver that
layers project files, .editorconfig and the user's settings for each file."""

from __future__ import annotations

import os
from pathlib import Path

from textsweep.engine import parse_settings
from textsweep.settings import (
    WATCH_GLOBS,
    SettingsResolver,
    editorconfig_settings,
    is_settings_file,
    merge_settings,
    settings_from_properties,
)


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


# ---------------------------------------------------------------------- the resolver

RULE_OFF = '[tool.textsweep]\nrules = { "doubled-space" = "off" }\n'


def _tree(root: Path, files: dict[str, str]) -> None:
    for name, content in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(content, encoding="utf-8")


def _rules(resolver: SettingsResolver, path: Path, user: object = None) -> dict[str, object]:
    config, warnings = resolver.config_for(str(path), user)
    assert warnings == []
    return dict(config.rules)


def test_nearest_project_file_wins_and_the_repository_root_bounds(tmp_path: Path) -> None:
    _tree(
        tmp_path,
        {
            "pyproject.toml": '[tool.textsweep]\nrules = { "trailing-whitespace" = "off" }\n',
            "repo/.git/HEAD": "ref: refs/heads/main\n",
            "repo/pyproject.toml": RULE_OFF,
            "repo/docs/a.txt": "",
            "repo/sub/pyproject.toml": '[project]\nname = "sub"\n',  # no table: passed over
            "repo/sub/b.txt": "",
            "repo/other/.git": "gitdir: elsewhere\n",  # a submodule: its own root
            "repo/other/c.txt": "",
        },
    )
    resolver = SettingsResolver()
    assert _rules(resolver, tmp_path / "repo/docs/a.txt") == {"doubled-space": False}
    assert _rules(resolver, tmp_path / "repo/sub/b.txt") == {"doubled-space": False}
    assert _rules(resolver, tmp_path / "repo/other/c.txt") == {}


def test_textsweep_toml_wins_over_pyproject_in_one_folder(tmp_path: Path) -> None:
    _tree(
        tmp_path,
        {
            ".git/HEAD": "",
            "pyproject.toml": RULE_OFF,
            ".textsweep.toml": 'rules = { "final-newline" = "off" }\n',
            "a.txt": "",
        },
    )
    assert _rules(SettingsResolver(), tmp_path / "a.txt") == {"final-newline": False}


def test_layers_editorconfig_over_project_file_user_over_both(tmp_path: Path) -> None:
    _tree(
        tmp_path,
        {
            ".git/HEAD": "",
            "pyproject.toml": '[tool.textsweep]\nrules = { "trailing-whitespace" = true,'
            ' "doubled-space" = "off" }\nwhitespace = { tabWidth = 8 }\n',
            ".editorconfig": "root = true\n[*]\ntrim_trailing_whitespace = false\n"
            "indent_size = 2\n",
            "a.txt": "",
        },
    )
    resolver = SettingsResolver()
    raw, _ = resolver.raw_for(str(tmp_path / "a.txt"))
    assert raw["rules"] == {"trailing-whitespace": False, "doubled-space": "off"}
    assert raw["whitespace"] == {"tabWidth": 2}
    user = {"rules": {"trailing-whitespace": "error"}}
    raw, _ = resolver.raw_for(str(tmp_path / "a.txt"), user)
    assert raw["rules"] == {"trailing-whitespace": "error", "doubled-space": "off"}
    # --config replaces the project file; .editorconfig still applies under it.
    raw, _ = SettingsResolver(project_files=False).raw_for(str(tmp_path / "a.txt"), user)
    assert raw == {"rules": {"trailing-whitespace": "error"}, "whitespace": {"tabWidth": 2}}


def test_a_changed_file_is_reread_and_a_broken_one_warns(tmp_path: Path) -> None:
    _tree(tmp_path, {".git/HEAD": "", "pyproject.toml": RULE_OFF, "a.txt": ""})
    resolver = SettingsResolver()
    assert _rules(resolver, tmp_path / "a.txt") == {"doubled-space": False}
    # Same size, newer mtime: the cache notices without being told.
    (tmp_path / "pyproject.toml").write_text(RULE_OFF.replace("off", "on!"), encoding="utf-8")
    os.utime(tmp_path / "pyproject.toml", ns=(1, 1))
    config, warnings = resolver.config_for(str(tmp_path / "a.txt"))
    assert config.rules == {} and len(warnings) == 1  # "on!" is no severity
    (tmp_path / "pyproject.toml").write_text("[tool.textsweep\nrules = 3\n", encoding="utf-8")
    config, warnings = resolver.config_for(str(tmp_path / "a.txt"))
    assert config.rules == {}
    assert len(warnings) == 1 and "pyproject.toml: cannot read settings" in warnings[0]


def test_unsaved_buffers_get_the_user_settings_only() -> None:
    config, warnings = SettingsResolver().config_for(None, {"rules": {"doubled-space": False}})
    assert (dict(config.rules), warnings) == ({"doubled-space": False}, [])


def test_settings_file_names() -> None:
    assert is_settings_file("/p/.editorconfig") and is_settings_file("pyproject.toml")
    assert is_settings_file("a/.textsweep.toml") and not is_settings_file("a/setup.cfg")
    assert WATCH_GLOBS == ("**/.editorconfig", "**/.textsweep.toml", "**/pyproject.toml")


def test_workspace_max_files_setting() -> None:
    config, warnings = parse_settings({"workspace": {"maxFiles": 20}})
    assert config.workspace_max_files == 20 and warnings == []
    assert parse_settings(None)[0].workspace_max_files == 5000
    for bad in ({"maxFiles": -1}, {"maxFiles": "many"}, {"maxFiles": True}, 12):
        config, warnings = parse_settings({"workspace": bad})
        assert config.workspace_max_files == 5000
        assert any("textsweep.workspace" in w for w in warnings), bad
    config, warnings = parse_settings({"workspace": {"maxFiles": 0, "depth": 3}})
    assert config.workspace_max_files == 0
    assert warnings == ["unknown setting textsweep.workspace.depth"]
