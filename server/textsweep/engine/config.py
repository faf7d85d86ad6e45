"""Typed engine settings, parsed from the ``textsweep`` settings section.

The same parser serves the LSP (``workspace/configuration``) and the CLI
(``--config``/``pyproject.toml``), so a setting means one thing everywhere.
Unknown or ill-typed values never raise: they are reported and defaults kept.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from .model import Severity
from .options import Setting, declare, parse_options
from .registry import all_rules, family_options

#: A rule override: ``False`` (off), ``True`` (on, default severity) or a severity.
RuleSetting = Severity | bool


@dataclass(frozen=True)
class Config:
    """Everything rules may read. Frozen so it can be shared across threads."""

    #: Per-rule overrides; rules not named keep their defaults.
    rules: Mapping[str, RuleSetting] = field(default_factory=dict)
    #: Diagnostics shown per document before one "N more" notice (LSP only).
    max_findings: int = declare(
        1000,
        "maxFindings",
        "integer",
        "Diagnostics shown per document; past it, one information diagnostic says how many "
        "more there are (fix-all still fixes all).",
        minimum=1,
        maximum=1_000_000,
    )
    #: Consecutive blank lines allowed in prose files and in source code.
    blank_lines_prose: int = declare(
        1,
        "blankLines.prose",
        "integer",
        "Consecutive blank lines allowed in prose files.",
        minimum=0,
        maximum=100,
    )
    blank_lines_code: int = declare(
        2,
        "blankLines.code",
        "integer",
        "Consecutive blank lines allowed in source code.",
        minimum=0,
        maximum=100,
    )
    #: Workspace diagnostics and workspace fixes stop above this many files (LSP only).
    workspace_max_files: int = declare(
        5000,
        "workspace.maxFiles",
        "integer",
        "Files the language server checks for workspace diagnostics and the workspace "
        "commands (check, fix all files); above it, it checks none and says so once. "
        "0 switches workspace diagnostics off.",
        minimum=0,
        maximum=1_000_000,
    )
    #: ``auto`` or a BCP 47 tag such as ``fr-CA`` (typography rules).
    language: str = "auto"
    #: Per-family options (``french``, ``encoding``…), checked by their families.
    options: Mapping[str, Any] = field(default_factory=dict)


def _int_settings() -> dict[str, tuple[str, Setting]]:
    """Settings key → (Config field, declaration) of the whole-number settings."""
    return {
        f.metadata["setting"].key: (f.name, f.metadata["setting"])
        for f in fields(Config)
        if "setting" in f.metadata
    }


_INT_SETTINGS = _int_settings()


def _parse_rules(value: Any, known: set[str], warnings: list[str]) -> dict[str, RuleSetting]:
    parsed: dict[str, RuleSetting] = {}
    if value == []:
        return parsed
    if not isinstance(value, Mapping):
        warnings.append("textsweep.rules must be an object of rule id → severity or boolean")
        return parsed
    for rule_id, setting in value.items():
        if rule_id not in known:
            warnings.append(f"textsweep.rules: unknown rule {rule_id!r}")
        elif isinstance(setting, bool):
            parsed[rule_id] = setting
        elif setting == "off":
            parsed[rule_id] = False
        elif setting in ("on", "default"):
            parsed[rule_id] = True
        elif isinstance(setting, str):
            try:
                parsed[rule_id] = Severity.parse(setting)
            except ValueError:
                warnings.append(
                    f"textsweep.rules.{rule_id}: {setting!r} is not one of "
                    "off, on, hint, info, warning, error"
                )
        else:
            warnings.append(f"textsweep.rules.{rule_id}: expected a severity or a boolean")
    return parsed


def parse_settings(raw: Any, known_rules: set[str] | None = None) -> tuple[Config, list[str]]:
    """Build a :class:`Config` from a settings object; return it and warnings."""
    known = known_rules if known_rules is not None else {r.id for r in all_rules()}
    warnings: list[str] = []
    if raw is None or raw == []:
        # Lua and some JSON encoders send an empty object as an empty array.
        return Config(), warnings
    if not isinstance(raw, Mapping):
        return Config(), ["textsweep settings must be an object; using defaults"]
    values: dict[str, Any] = {}
    options: dict[str, Any] = {}
    families = family_options()
    for key, value in raw.items():
        if key == "rules":
            values["rules"] = _parse_rules(value, known, warnings)
        elif key in _INT_SETTINGS:
            name, decl = _INT_SETTINGS[key]
            low, high = decl.minimum or 0, decl.maximum or 0
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                warnings.append(f"textsweep.{key} must be a whole number from {low} to {high}")
            else:
                values[name] = value
        elif key in _GROUPS:
            _parse_group(key, value, values, warnings)
        elif key == "language":
            if isinstance(value, str) and value.strip():
                values["language"] = value.strip()
            else:
                warnings.append("textsweep.language must be 'auto' or a language tag")
        elif key in families:
            warnings.extend(parse_options(families[key], value, key)[1])
            options[key] = value
        elif key == "exclude":
            if not _is_globs(value):
                warnings.append("textsweep.exclude must be a list of glob patterns")
        elif key == "overrides":
            _check_overrides(value, known, warnings)
        elif key in CLIENT_ONLY_KEYS:
            continue
        else:
            warnings.append(f"unknown setting textsweep.{key}")
    if options:
        values["options"] = options
    return Config(**values), warnings


def _is_globs(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _check_overrides(value: Any, known: set[str], warnings: list[str]) -> None:
    """Validate ``overrides`` (the settings resolver applies them; see settings.py)."""
    if not isinstance(value, list):
        warnings.append("textsweep.overrides must be a list of tables with 'files'")
        return
    for i, item in enumerate(value):
        where = f"textsweep.overrides[{i}]"
        if not isinstance(item, Mapping):
            warnings.append(f"{where} must be a table with 'files'")
            continue
        if not _is_globs(item.get("files")) or not item.get("files"):
            warnings.append(f"{where}.files must be a non-empty list of glob patterns")
        for nested in ("exclude", "overrides"):
            if nested in item:
                warnings.append(f"{where}.{nested} is only read at the top level")
        body = {k: v for k, v in item.items() if k not in ("files", "exclude", "overrides")}
        for w in parse_settings(body, known)[1]:
            warnings.append(w.replace("textsweep.", f"{where}.", 1))


#: Settings objects made of whole-number settings (``blankLines``, ``workspace``).
_GROUPS = {k.split(".")[0] for k in _INT_SETTINGS if "." in k}


def _parse_group(group: str, value: Any, values: dict[str, Any], warnings: list[str]) -> None:
    subkeys = [k.split(".", 1)[1] for k in _INT_SETTINGS if k.startswith(group + ".")]
    if not isinstance(value, Mapping):
        names = " and ".join(f"'{k}'" for k in subkeys)
        warnings.append(f"textsweep.{group} must be an object with {names}")
        return
    for key in subkeys:
        if key not in value:
            continue
        n = value[key]
        name, decl = _INT_SETTINGS[f"{group}.{key}"]
        low, high = decl.minimum or 0, decl.maximum or 0
        if isinstance(n, bool) or not isinstance(n, int) or not low <= n <= high:
            warnings.append(f"textsweep.{group}.{key} must be a whole number from {low} to {high}")
        else:
            values[name] = n
    for extra in set(value) - set(subkeys):
        warnings.append(f"unknown setting textsweep.{group}.{extra}")


def setting_keys() -> list[str]:
    """Every top-level key of the ``textsweep`` section the engine reads."""
    simple = {k.split(".")[0] for k in _INT_SETTINGS}
    return sorted({"rules", "language", "exclude", "overrides", *simple, *family_options()})


#: Settings only the editor extension reads (server start-up, documents).
CLIENT_ONLY_KEYS = {"server", "trace", "documentSelector", "enable"}
