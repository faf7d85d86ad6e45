"""The ``textsweep.encoding`` and ``textsweep.unicode`` options, typed.

``Config.options`` carries them raw; :func:`..options.options_of` turns them into
these classes, keeping defaults for anything missing or ill-typed.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..options import setting

#: Languages whose documents are plain prose without entity syntax.
DEFAULT_ENTITY_LANGUAGES = frozenset(
    {"plaintext", "text", "git-commit", "gitcommit", "restructuredtext", "rst"}
)


@dataclass(frozen=True)
class EncodingOptions:
    """``textsweep.encoding``."""

    reload_candidates: int = setting(
        3,
        "reloadCandidates",
        "integer",
        '"Reload as …" actions offered per file that is not valid UTF-8 (best lossless '
        "encodings first).",
        minimum=1,
        maximum=10,
    )
    mojibake_skip_languages: frozenset[str] = setting(
        frozenset(),
        "mojibakeSkipLanguages",
        "languages",
        "Language ids where the `mojibake` rule stays quiet (e.g. test data that holds "
        "mojibake on purpose).",
    )


@dataclass(frozen=True)
class UnicodeOptions:
    """``textsweep.unicode``."""

    html_entity_languages: frozenset[str] = setting(
        DEFAULT_ENTITY_LANGUAGES,
        "htmlEntityLanguages",
        "languages",
        "Language ids where `html-entity` looks for HTML entities such as `&eacute;` (never "
        "HTML, XML or Markdown, where entities are syntax).",
    )
    normalization_skip_languages: frozenset[str] = setting(
        frozenset(),
        "normalizationSkipLanguages",
        "languages",
        "Language ids where decomposed (NFD) text is deliberate: `unicode-normalization` "
        "stays quiet there.",
    )
    normalization_in_code: bool = setting(
        False,
        "normalizationInCode",
        "boolean",
        "Check Unicode normalization in source code too (off by default: test data often "
        "holds NFD on purpose).",
    )
