"""Typed options: one declaration per setting, read by the validator, the rules,
``docs/settings.md`` and the editor extension's ``contributes.configuration``.

A family's options are a frozen dataclass whose fields are made with
:func:`setting`; the rule decorator names the class (``rule(options=...)``) and
the settings object named after the family (``textsweep.french``) fills it.
:func:`parse_options` is the one validator: it keeps what is valid, reports the
rest and never raises.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

Kind = Literal["choice", "integer", "boolean", "languages"]
T = TypeVar("T")


@dataclass(frozen=True)
class Setting:
    """What one option accepts and means (field metadata, see :func:`setting`)."""

    #: The key in the settings object (camelCase, as editors write it).
    key: str
    kind: Kind
    #: One sentence of Markdown for the docs and the editor's hover.
    doc: str
    #: ``choice``: the values accepted; labels and descriptions for the editor.
    choices: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    descriptions: tuple[str, ...] = ()
    #: ``integer``: inclusive bounds.
    minimum: int | None = None
    maximum: int | None = None
    #: When the default is None (unset): what decides instead, for the editor's list.
    unset_label: str = ""
    unset_description: str = ""
    #: The default as docs/settings.md shows it (else computed from the field).
    default_doc: str = ""


def setting(default: Any, key: str, kind: Kind, doc: str, **more: Any) -> Any:
    """A dataclass field declared as a user setting."""
    meta = {"setting": Setting(key, kind, doc, **more)}
    if isinstance(default, (list, dict, set)):
        raise TypeError("use an immutable default (tuple, frozenset)")
    return dataclasses.field(default=default, metadata=meta)


#: The same, for modules where ``setting`` names something else.
declare = setting


def settings_of(cls: type) -> list[tuple[dataclasses.Field[Any], Setting]]:
    """The declared settings of an options class, in declaration order."""
    return [(f, f.metadata["setting"]) for f in dataclasses.fields(cls) if "setting" in f.metadata]


def _check(s: Setting, value: Any, where: str) -> tuple[bool, Any, str]:
    """(valid, typed value, warning)."""
    if s.kind == "choice":
        if isinstance(value, str) and value in s.choices:
            return True, value, ""
        return False, None, f"{where} must be one of {', '.join(s.choices)}"
    if s.kind == "integer":
        low, high = s.minimum, s.maximum
        ok = (
            isinstance(value, int)
            and not isinstance(value, bool)
            and (low is None or value >= low)
            and (high is None or value <= high)
        )
        return ok, value, "" if ok else f"{where} must be a whole number from {low} to {high}"
    if s.kind == "boolean":
        ok = isinstance(value, bool)
        return ok, value, "" if ok else f"{where} must be true or false"
    ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
    return (
        ok,
        frozenset(value) if ok else None,
        "" if ok else f"{where} must be a list of language ids",
    )


def parse_options(cls: type[T], raw: Any, family: str) -> tuple[T, list[str]]:
    """``textsweep.<family>`` → an instance of ``cls`` and the warnings; invalid
    or unknown keys are reported and the defaults kept for them."""
    if raw is None:
        return cls(), []
    if not isinstance(raw, Mapping):
        return cls(), [f"textsweep.{family} must be an object"]
    by_key = {s.key: (f.name, s) for f, s in settings_of(cls)}
    values: dict[str, Any] = {}
    warnings: list[str] = []
    for key, value in raw.items():
        where = f"textsweep.{family}.{key}"
        if key not in by_key:
            warnings.append(f"unknown setting {where}")
            continue
        name, s = by_key[key]
        ok, typed, warning = _check(s, value, where)
        if ok:
            values[name] = typed
        else:
            warnings.append(warning)
    return cls(**values), warnings


_CACHE: dict[tuple[type, str, str], Any] = {}
_LOCK = threading.Lock()


def options_of(options: Mapping[str, Any], cls: type[T], family: str) -> T:
    """The typed options of ``family`` from a config's raw ``options`` (memoised:
    rules ask once per paragraph)."""
    raw = options.get(family) if options else None
    if raw is None:
        return cls()
    key = (cls, family, repr(raw))
    hit = _CACHE.get(key)
    if hit is None:
        hit = parse_options(cls, raw, family)[0]
        with _LOCK:
            if len(_CACHE) > 256:
                _CACHE.clear()
            _CACHE[key] = hit
    return hit  # type: ignore[no-any-return]
