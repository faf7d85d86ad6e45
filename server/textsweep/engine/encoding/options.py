"""The ``textsweep.encoding`` and ``textsweep.unicode`` option objects, validated.

``Config.options`` carries them raw; these functions turn them into typed values,
keeping defaults for anything missing or ill-typed, and list what was wrong so
the LSP layer and the CLI can show the same warnings.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

#: Languages whose documents are plain prose without entity syntax.
DEFAULT_ENTITY_LANGUAGES = frozenset(
    {"plaintext", "text", "git-commit", "gitcommit", "restructuredtext", "rst"}
)


@dataclass(frozen=True)
class EncodingOptions:
    #: Reload actions offered per file (best lossless candidates first).
    reload_candidates: int = 3
    #: languageIds where the mojibake rule stays quiet (e.g. ftfy's own test data).
    mojibake_skip_languages: frozenset[str] = frozenset()


@dataclass(frozen=True)
class UnicodeOptions:
    #: languageIds where ``html-entity`` looks for entities.
    html_entity_languages: frozenset[str] = DEFAULT_ENTITY_LANGUAGES
    #: languageIds where decomposed text is deliberate (``unicode-normalization`` off).
    normalization_skip_languages: frozenset[str] = frozenset()
    #: Also check source code (off by default: test data often holds NFD on purpose).
    normalization_in_code: bool = False


def _languages(value: Any, key: str, warnings: list[str]) -> frozenset[str] | None:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return frozenset(value)
    warnings.append(f"textsweep.{key} must be a list of language ids")
    return None


def _object(raw: Mapping[str, Any], family: str, warnings: list[str]) -> Mapping[str, Any]:
    value = raw.get(family)
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        warnings.append(f"textsweep.{family} must be an object")
        return {}
    return value


def parse_encoding(raw: Mapping[str, Any]) -> tuple[EncodingOptions, list[str]]:
    """``config.options`` → :class:`EncodingOptions` and warnings."""
    warnings: list[str] = []
    obj = _object(raw, "encoding", warnings)
    values: dict[str, Any] = {}
    for key, value in obj.items():
        if key == "reloadCandidates":
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 10:
                warnings.append("textsweep.encoding.reloadCandidates must be a number from 1 to 10")
            else:
                values["reload_candidates"] = value
        elif key == "mojibakeSkipLanguages":
            langs = _languages(value, f"encoding.{key}", warnings)
            if langs is not None:
                values["mojibake_skip_languages"] = langs
        else:
            warnings.append(f"unknown setting textsweep.encoding.{key}")
    return EncodingOptions(**values), warnings


def parse_unicode(raw: Mapping[str, Any]) -> tuple[UnicodeOptions, list[str]]:
    """``config.options`` → :class:`UnicodeOptions` and warnings."""
    warnings: list[str] = []
    obj = _object(raw, "unicode", warnings)
    values: dict[str, Any] = {}
    for key, value in obj.items():
        if key == "htmlEntityLanguages":
            langs = _languages(value, f"unicode.{key}", warnings)
            if langs is not None:
                values["html_entity_languages"] = langs
        elif key == "normalizationSkipLanguages":
            langs = _languages(value, f"unicode.{key}", warnings)
            if langs is not None:
                values["normalization_skip_languages"] = langs
        elif key == "normalizationInCode":
            if isinstance(value, bool):
                values["normalization_in_code"] = value
            else:
                warnings.append("textsweep.unicode.normalizationInCode must be true or false")
        else:
            warnings.append(f"unknown setting textsweep.unicode.{key}")
    return UnicodeOptions(**values), warnings


def validate(raw: Mapping[str, Any]) -> list[str]:
    """Every warning about the ``encoding`` and ``unicode`` option objects."""
    return parse_encoding(raw)[1] + parse_unicode(raw)[1]
