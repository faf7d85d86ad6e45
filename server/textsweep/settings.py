"""One settings resolver for the language server and the CLI.

Layers, lowest first; each later layer wins key by key (``rules`` merges per rule):

1. the engine's defaults;
2. the project file: ``[tool.textsweep]`` of ``pyproject.toml``, or the top level of
   ``.textsweep.toml`` (same keys). The nearest one wins, found by walking up from the
   checked file's folder and stopping at the repository root (a folder holding ``.git``)
   or at a workspace folder. In one folder, ``.textsweep.toml`` wins over
   ``pyproject.toml``; a ``pyproject.toml`` without ``[tool.textsweep]`` is passed over;
3. ``.editorconfig`` properties (project conventions: trailing whitespace, final
   newline, line endings, indentation);
4. the user's settings: the editor's (``workspace/configuration``) or the CLI's
   ``--config FILE.json`` (which replaces layer 2, as it always has);
5. inline directives (``textsweep: disable-line``…), applied later by the engine.

Inside layers 2 and 4, ``overrides`` (a list of tables with ``files`` globs and the same
keys as the top level) apply over that layer's top level, in order, for the files they
match; ``exclude`` globs say which files are not checked at all (:meth:`SettingsResolver.
excluded`). Both use gitignore syntax, relative to the folder of the file that states them
(the editor's settings: the workspace folder holding the file).

Parsed project files are cached on their modification time and size, so a session
re-reads one only after it changed; the server also drops the cache when the client
reports a change (``workspace/didChangeWatchedFiles``).
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pathspec

from . import fileio
from .editorconfigfile import get_properties
from .engine import Config, parse_settings

log = logging.getLogger(__name__)

#: Project settings files, by precedence inside one folder.
PROJECT_FILES = (".textsweep.toml", "pyproject.toml")
#: Every file whose change on disk may change a document's settings.
SETTINGS_FILE_NAMES = frozenset({*PROJECT_FILES, ".editorconfig"})
#: Glob patterns for ``workspace/didChangeWatchedFiles``.
WATCH_GLOBS = tuple(f"**/{name}" for name in sorted(SETTINGS_FILE_NAMES))

_BOOL = {"true": True, "false": False}
#: Larger project files are not read.
PROJECT_FILE_MAX_BYTES = 4 * 1024 * 1024


# ---------------------------------------------------------------------- .editorconfig


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
    """EditorConfig properties → the textsweep settings they stand for."""
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


# ---------------------------------------------------------------------- globs


@lru_cache(maxsize=256)
def _spec(patterns: tuple[str, ...]) -> pathspec.GitIgnoreSpec:
    return pathspec.GitIgnoreSpec.from_lines(patterns)


def _strings(value: Any) -> tuple[str, ...]:
    """A list of globs as settings give it (anything else: none; the parser warns)."""
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return tuple(value)
    return ()


def glob_matches(patterns: Sequence[str], path: str, base: str, is_dir: bool = False) -> bool:
    """True when gitignore-style ``patterns``, relative to folder ``base``, match ``path``
    (a path outside ``base`` never matches)."""
    if not patterns:
        return False
    rel = os.path.relpath(os.path.abspath(path), os.path.abspath(base))
    if rel == "." or rel == ".." or rel.startswith(".." + os.sep) or os.path.isabs(rel):
        return False
    rel = rel.replace(os.sep, "/")
    return bool(_spec(tuple(patterns)).match_file(rel + "/" if is_dir else rel))


def apply_overrides(raw: Any, path: str, base: str) -> Any:
    """``raw`` with the ``overrides`` whose ``files`` match ``path`` merged over its top
    level, in order (``files``, ``exclude`` and nested ``overrides`` are not merged)."""
    if not isinstance(raw, Mapping) or not isinstance(raw.get("overrides"), list):
        return raw
    out: Any = raw
    for override in raw["overrides"]:
        if not isinstance(override, Mapping):
            continue
        if glob_matches(_strings(override.get("files")), path, base):
            body = {k: v for k, v in override.items() if k not in ("files", "exclude", "overrides")}
            out = merge_settings(out, body)
    return out


# ---------------------------------------------------------------------- project files


@dataclass(frozen=True)
class ProjectSettings:
    """The ``textsweep`` table of one project file (``settings`` None: no table)."""

    path: str
    settings: Any
    #: Why the file could not be used (unreadable, not TOML), else None.
    error: str | None = None


def _load_toml(path: str) -> dict[str, Any]:
    try:
        import tomllib  # type: ignore[import-not-found,unused-ignore]
    except ImportError:  # Python 3.10: no TOML reader in the standard library
        return {}
    # Regular files only, bounded: a pyproject.toml that is a FIFO or a link to
    # /dev/zero must not hang the CLI or the server.
    raw = fileio.read_regular(path, PROJECT_FILE_MAX_BYTES).data
    data: dict[str, Any] = tomllib.loads(raw.decode("utf-8"))
    return data


def read_project_file(path: str) -> ProjectSettings:
    """Read one ``pyproject.toml`` / ``.textsweep.toml`` (never raises)."""
    try:
        data = _load_toml(path)
    except (OSError, ValueError) as exc:  # TOMLDecodeError is a ValueError
        return ProjectSettings(path, None, f"{path}: cannot read settings: {exc}")
    if os.path.basename(path) == "pyproject.toml":
        tool = data.get("tool")
        return ProjectSettings(path, tool.get("textsweep") if isinstance(tool, dict) else None)
    return ProjectSettings(path, data)


def _stamp(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


class SettingsResolver:
    """Per-file settings for one CLI run or one server session (see module doc)."""

    def __init__(
        self,
        boundaries: Iterable[str] = (),
        project_files: bool = True,
        user_base: str | None = None,
    ) -> None:
        #: Folders the upward search never goes above (workspace folders).
        self.boundaries = {os.path.abspath(b) for b in boundaries}
        #: False when the user gave settings that replace the project file (``--config``).
        self.project_files = project_files
        #: The folder the user's ``exclude`` and ``overrides`` globs are relative to
        #: (``--config``'s folder); None: the caller says, else the file's own folder.
        self.user_base = user_base
        self._files: dict[str, tuple[tuple[int, int], ProjectSettings]] = {}
        self._configs: dict[str, tuple[Config, list[str]]] = {}

    def invalidate(self) -> None:
        """Forget everything read from disk (a settings file changed)."""
        self._files.clear()
        self._configs.clear()

    def _project_file_in(self, folder: str) -> ProjectSettings | None:
        for name in PROJECT_FILES:
            path = os.path.join(folder, name)
            stamp = _stamp(path)
            if stamp is None:
                continue
            cached = self._files.get(path)
            if cached is None or cached[0] != stamp:
                cached = (stamp, read_project_file(path))
                self._files[path] = cached
            found = cached[1]
            if found.settings is not None or found.error is not None:
                return found
        return None

    def project_settings(self, path: str) -> ProjectSettings | None:
        """The nearest project file with textsweep settings above ``path``, if any."""
        folder = os.path.dirname(os.path.abspath(path))
        while True:
            found = self._project_file_in(folder)
            if found is not None:
                return found
            if folder in self.boundaries or os.path.exists(os.path.join(folder, ".git")):
                return None
            parent = os.path.dirname(folder)
            if parent == folder:
                return None
            folder = parent

    def _user_base(self, path: str, user_base: str | None) -> str:
        return user_base or self.user_base or os.path.dirname(os.path.abspath(path))

    def raw_for(
        self, path: str | None, user: Any = None, user_base: str | None = None
    ) -> tuple[Any, list[str]]:
        """The merged raw settings for ``path`` (None: an unsaved buffer) and warnings."""
        warnings: list[str] = []
        raw: Any = None
        if path is not None:
            if self.project_files:
                project = self.project_settings(path)
                if project is not None and project.error is not None:
                    warnings.append(project.error)
                elif project is not None:
                    raw = apply_overrides(project.settings, path, os.path.dirname(project.path))
            raw = merge_settings(raw, editorconfig_settings(path) or None)
            user = apply_overrides(user, path, self._user_base(path, user_base))
        return merge_settings(raw, user), warnings

    def excluded(
        self,
        path: str,
        is_dir: bool = False,
        user: Any = None,
        user_base: str | None = None,
        project: ProjectSettings | bool | None = True,
    ) -> str | None:
        """Why ``path`` is excluded from checking (the file whose ``exclude`` matches it),
        or None. ``project``: the project file already looked up for its folder (None:
        there is none; True: look it up)."""
        if project is True:
            project = self.project_settings(path) if self.project_files else None
        if isinstance(project, ProjectSettings) and isinstance(project.settings, Mapping):
            patterns = _strings(project.settings.get("exclude"))
            if glob_matches(patterns, path, os.path.dirname(project.path), is_dir):
                return project.path
        if isinstance(user, Mapping):
            patterns = _strings(user.get("exclude"))
            if glob_matches(patterns, path, self._user_base(path, user_base), is_dir):
                return "your settings"
        return None

    def config_for(
        self, path: str | None, user: Any = None, user_base: str | None = None
    ) -> tuple[Config, list[str]]:
        """The engine config for ``path`` under the user's settings, and warnings."""
        raw, warnings = self.raw_for(path, user, user_base)
        key = json.dumps(raw, sort_keys=True, default=str)
        if key not in self._configs:
            self._configs[key] = parse_settings(raw)
        config, parse_warnings = self._configs[key]
        return config, warnings + parse_warnings


def is_settings_file(path: str) -> bool:
    """True for a file whose change may change some document's settings."""
    return os.path.basename(path) in SETTINGS_FILE_NAMES
