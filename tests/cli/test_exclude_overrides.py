"""``exclude`` and ``overrides`` in the project settings, honoured by the walk, by files
named on the command line, and by the settings resolver (server and CLI alike)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from textsweep import walk
from textsweep.settings import SettingsResolver

PROSE = "Deux  espaces ici.\n"  # doubled-space
TABLE = "name,city\nAnn  Lee,Paris\n"  # doubled-space in data


def tree(root: Path, files: dict[str, str]) -> None:
    for name, content in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(content, encoding="utf-8", newline="")


def check(cwd: Path, *args: str) -> tuple[int, list[str], str]:
    """Exit status, the files with findings, and stderr of ``textsweep check``."""
    out = subprocess.run(
        [sys.executable, "-m", "textsweep", "check", "--format", "json", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
    )
    files = sorted(
        Path(f["path"]).as_posix() for f in json.loads(out.stdout)["files"] if f["findings"]
    )
    return out.returncode, files, out.stderr


def repo(tmp_path: Path, config: dict[str, str]) -> Path:
    root = tmp_path / "repo"
    tree(
        root,
        {
            ".git/HEAD": "ref: refs/heads/main\n",
            "a.txt": PROSE,
            "vendor/lib.txt": PROSE,
            "docs/vendor/note.txt": PROSE,
            "docs/old/x.txt": PROSE,
            "old/x.txt": PROSE,
            "data/cities.csv": TABLE,
            **config,
        },
    )
    return root


EXCLUDE = '[tool.textsweep]\nexclude = ["vendor/", "/old/"]\n'


def test_exclude_in_pyproject_prunes_the_walk(tmp_path: Path) -> None:
    root = repo(tmp_path, {"pyproject.toml": EXCLUDE})
    status, files, err = check(root, ".")
    assert status == 1 and err == ""
    # vendor/ anywhere; /old/ only at the config file's folder
    assert files == ["a.txt", "data/cities.csv", "docs/old/x.txt"]


def test_exclude_is_relative_to_the_config_files_folder_not_the_cwd(tmp_path: Path) -> None:
    root = repo(tmp_path, {"pyproject.toml": EXCLUDE})
    _, files, _ = check(root / "docs", ".")
    assert files == ["old/x.txt"]  # docs/old is not /old
    _, files, _ = check(root / "docs", "../old", "../a.txt")
    assert files == ["../a.txt"]


def test_a_named_excluded_file_is_skipped_like_ruffs_force_exclude(tmp_path: Path) -> None:
    root = repo(tmp_path, {".textsweep.toml": 'exclude = ["vendor/"]\n'})
    status, files, err = check(root, "vendor/lib.txt", "a.txt")
    assert files == ["a.txt"] and status == 1 and err == ""
    assert check(root, "vendor/lib.txt")[:2] == (0, [])


def test_without_exclude_everything_is_checked(tmp_path: Path) -> None:
    root = repo(tmp_path, {"pyproject.toml": '[project]\nname = "x"\n'})
    assert len(check(root, ".")[1]) == 6


def test_overrides_relax_rules_for_matching_files_only(tmp_path: Path) -> None:
    config = (
        "[tool.textsweep]\n"
        "[[tool.textsweep.overrides]]\n"
        'files = ["*.csv"]\n'
        'rules = { doubled-space = "off" }\n'
    )
    root = repo(tmp_path, {"pyproject.toml": config})
    _, files, err = check(root, ".")
    assert err == ""
    assert "data/cities.csv" not in files and "a.txt" in files


def test_later_overrides_win_and_the_top_level_stays_below(tmp_path: Path) -> None:
    config = (
        'rules = { doubled-space = "error" }\n'
        "[[overrides]]\n"
        'files = ["data/"]\n'
        'rules = { doubled-space = "off" }\n'
        "[[overrides]]\n"
        'files = ["cities.csv"]\n'
        'rules = { doubled-space = "hint" }\n'
    )
    root = repo(tmp_path, {".textsweep.toml": config})
    resolver = SettingsResolver()
    csv = resolver.config_for(str(root / "data/cities.csv"))
    txt = resolver.config_for(str(root / "a.txt"))
    assert csv[1] == [] and txt[1] == []
    assert str(csv[0].rules["doubled-space"]) != str(txt[0].rules["doubled-space"])
    assert csv[0].rules["doubled-space"].label == "hint"  # type: ignore[union-attr]
    assert txt[0].rules["doubled-space"].label == "error"  # type: ignore[union-attr]


def test_config_json_globs_are_relative_to_its_folder(tmp_path: Path) -> None:
    root = repo(tmp_path, {"pyproject.toml": EXCLUDE})
    cfg = root / "textsweep.json"
    # --config replaces the project file: vendor/ is checked again, /data/ is not
    cfg.write_text(json.dumps({"exclude": ["/data/", "a.txt", "*.json"]}), encoding="utf-8")
    _, files, _ = check(root / "docs", "--config", str(cfg), "..")
    assert files == ["../docs/old/x.txt", "../docs/vendor/note.txt", "../old/x.txt",
                     "../vendor/lib.txt"]  # fmt: skip
    # a JSON file elsewhere: its globs never reach outside its folder
    other = tmp_path / "elsewhere" / "textsweep.json"
    other.parent.mkdir()
    other.write_text(json.dumps({"exclude": ["*.csv"]}), encoding="utf-8")
    _, files, _ = check(root, "--config", str(other), "data")
    assert files == ["data/cities.csv"]


def test_bad_values_warn_and_check_everything(tmp_path: Path) -> None:
    root = repo(
        tmp_path,
        {".textsweep.toml": 'exclude = "vendor/"\n[[overrides]]\nrules = { nope = "off" }\n'},
    )
    status, files, err = check(root, "a.txt", "vendor/lib.txt")
    assert status == 1 and files == ["a.txt", "vendor/lib.txt"]
    assert "textsweep.exclude must be a list" in err
    assert "textsweep.overrides[0].files" in err
    assert "overrides[0].rules: unknown rule 'nope'" in err


def test_the_walker_honours_exclude_without_being_told(tmp_path: Path) -> None:
    """What the workspace scan relies on: ``walk.iter_files`` with defaults."""
    root = repo(tmp_path, {"pyproject.toml": EXCLUDE})
    found = sorted(p.relative_to(root).as_posix() for p in walk.iter_files([root]))
    assert "vendor/lib.txt" not in found and "old/x.txt" not in found
    assert "a.txt" in found and "docs/old/x.txt" in found
    # user settings (the editor's) add theirs, relative to the folder given
    found = sorted(
        p.relative_to(root).as_posix()
        for p in walk.iter_files(
            [root],
            resolver=SettingsResolver(user_base=str(root)),
            user={"exclude": ["*.csv"]},
        )
    )
    assert "data/cities.csv" not in found and "a.txt" in found
