"""Switching a rule off in pyproject.toml / .textsweep.toml by editing the text."""

from __future__ import annotations

from pathlib import Path

import pytest

from textsweep.settings import SettingsResolver
from textsweep.tomledit import disable_rule, new_file

RULE = "doubled-space"


def edited(text: str, pyproject: bool = True, rule: str = RULE) -> str | None:
    edit = disable_rule(text, rule, pyproject)
    if edit is None:
        return None
    return text[: edit.start] + edit.new_text + text[edit.end :]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # no textsweep table: a new one at the end, after a blank line
        ('[project]\nname = "x"\n', '[project]\nname = "x"\n\n[tool.textsweep.rules]\n'
         "doubled-space = false\n"),
        # no final newline: kept without one
        ('[project]\nname = "x"', '[project]\nname = "x"\n\n[tool.textsweep.rules]\n'
         "doubled-space = false"),
        # [tool.textsweep] exists: the new table right after it, before other tools
        ('[tool.textsweep]\nlanguage = "fr"\n\n[tool.ruff]\nline-length = 99\n',
         '[tool.textsweep]\nlanguage = "fr"\n\n[tool.textsweep.rules]\ndoubled-space = false\n'
         "\n[tool.ruff]\nline-length = 99\n"),
        # an existing rules table: appended after its last key, comments kept in place
        ("[tool.textsweep.rules]\n# why\nfoo-bar = \"off\"\n\n# about ruff\n[tool.ruff]\n",
         "[tool.textsweep.rules]\n# why\nfoo-bar = \"off\"\ndoubled-space = false\n\n"
         "# about ruff\n[tool.ruff]\n"),
        # the rule already has a value: only the value changes, its comment stays
        ('[tool.textsweep.rules]\ndoubled-space = "warning"  # keep\n',
         "[tool.textsweep.rules]\ndoubled-space = false  # keep\n"),
        # inline table, quoted key
        ('[tool.textsweep]\nrules = { "doubled-space" = "error", x-y = true }  # c\n',
         '[tool.textsweep]\nrules = { "doubled-space" = false, x-y = true }  # c\n'),
        ('[tool.textsweep]\nrules = { trailing-whitespace = "off" }\n',
         '[tool.textsweep]\nrules = { trailing-whitespace = "off", doubled-space = false }\n'),
        ("[tool.textsweep]\nrules = {}\n", "[tool.textsweep]\nrules = { doubled-space = false }\n"),
        # dotted keys
        ("[tool.textsweep]\nrules.foo = false\nlanguage = 'fr'\n",
         "[tool.textsweep]\nrules.foo = false\nrules.doubled-space = false\nlanguage = 'fr'\n"),
        # arrays spanning lines (a "[b]" inside is not a table), array tables after
        ('[tool.textsweep]\nexclude = [\n  "a",\n  "[b]",\n]\n\n[[tool.textsweep.overrides]]\n'
         'files = ["*.csv"]\nrules = { doubled-space = "off" }\n\n[tool.black]\nx = 1\n',
         '[tool.textsweep]\nexclude = [\n  "a",\n  "[b]",\n]\n\n[[tool.textsweep.overrides]]\n'
         'files = ["*.csv"]\nrules = { doubled-space = "off" }\n\n[tool.textsweep.rules]\n'
         "doubled-space = false\n\n[tool.black]\nx = 1\n"),
        # a multi-line string holding something like a header
        ('[tool.x]\ndoc = """\n[tool.textsweep.rules]\n"""\n',
         '[tool.x]\ndoc = """\n[tool.textsweep.rules]\n"""\n\n[tool.textsweep.rules]\n'
         "doubled-space = false\n"),
    ],
)  # fmt: skip
def test_pyproject(before: str, after: str) -> None:
    assert edited(before) == after


def test_crlf_file_gets_crlf_lines() -> None:
    before = 'language = "fr"\r\n\r\n[french]\r\ncolon = "nbsp"\r\n'
    assert edited(before, pyproject=False) == (
        'language = "fr"\r\n\r\n[french]\r\ncolon = "nbsp"\r\n'
        "\r\n[rules]\r\ndoubled-space = false\r\n"
    )
    before = "[rules]\r\nfoo = true\r\n"
    assert edited(before, pyproject=False) == "[rules]\r\nfoo = true\r\ndoubled-space = false\r\n"


def test_textsweep_toml_top_level() -> None:
    assert edited("", pyproject=False) == new_file(RULE)
    assert edited("rules = { a-b = false }\n", pyproject=False) == (
        "rules = { a-b = false, doubled-space = false }\n"
    )
    assert edited('# settings\nlanguage = "fr"', pyproject=False) == (
        '# settings\nlanguage = "fr"\n\n[rules]\ndoubled-space = false'
    )


def test_invalid_toml_or_unsafe_edits_give_nothing() -> None:
    assert edited("not toml = = \n") is None
    # rules given another way than a table: the result would not read back
    assert edited('[tool.textsweep]\nrules = "off"\n') is None


def test_the_resolver_reads_the_result(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    cases = {
        "pyproject.toml": '[project]\nname = "x"\n\n[tool.textsweep]\nlanguage = "fr"\n',
        ".textsweep.toml": 'rules = { "trailing-whitespace" = "warning" }\n',
    }
    for name, text in cases.items():
        path = tmp_path / name
        new = edited(text, pyproject=name == "pyproject.toml")
        assert new is not None
        path.write_text(new, encoding="utf-8")
        config, warnings = SettingsResolver().config_for(str(tmp_path / "a.txt"))
        assert warnings == [] and config.rules[RULE] is False
        path.unlink()
