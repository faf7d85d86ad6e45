"""Project conventions from ``.editorconfig``, as textsweep settings.

A project that says ``trim_trailing_whitespace = false`` or ``end_of_line = crlf``
should not be nagged otherwise. The properties become *defaults*: what the user
sets explicitly in the editor or in ``[tool.textsweep]`` still wins.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from typing import Any

from .editorconfigfile import get_properties

log = logging.getLogger(__name__)

_BOOL = {"true": True, "false": False}


def editorconfig_settings(path: str) -> dict[str, Any]:
    """The ``textsweep`` settings implied by the .editorconfig files above ``path``."""
    try:
        # Our own reader: bounded-time globs, regular files only (see the module).
        props = get_properties(os.path.abspath(path))
    except Exception as exc:  # noqa: BLE001 - a broken .editorconfig must not stop linting
        log.warning("ignoring .editorconfig for %s: %s", path, exc)
        return {}
    return settings_from_properties(props)


def settings_from_properties(props: Mapping[str, str]) -> dict[str, Any]:
    rules: dict[str, bool] = {}
    whitespace: dict[str, Any] = {}
    trim = _BOOL.get(props.get("trim_trailing_whitespace", "").lower())
    if trim is not None:
        rules["trailing-whitespace"] = trim
    final = _BOOL.get(props.get("insert_final_newline", "").lower())
    if final is not None:
        rules["final-newline"] = final
    eol = props.get("end_of_line", "").lower()
    if eol in ("lf", "crlf", "cr"):
        whitespace["endOfLine"] = eol
    style = props.get("indent_style", "").lower()
    if style in ("tab", "space"):
        whitespace["indentStyle"] = style
    width = props.get("tab_width") or props.get("indent_size")
    if width and width.isdigit() and 1 <= int(width) <= 16:
        whitespace["tabWidth"] = int(width)
    out: dict[str, Any] = {}
    if rules:
        out["rules"] = rules
    if whitespace:
        out["whitespace"] = whitespace
    return out


def merge_settings(base: Any, override: Any) -> Any:
    """Deep-merge two settings objects; ``override`` wins key by key."""
    if not isinstance(base, Mapping) or not isinstance(override, Mapping):
        return override if override is not None else base
    merged = dict(base)
    for key, value in override.items():
        merged[key] = merge_settings(merged.get(key), value)
    return merged
