"""CLI reports: one emitter module per format, and the registry that picks one.

``render(fmt, results)`` returns the whole report as one string ending in a newline
(or ``""`` for a ``text``/``github`` report without findings); it never prints. Each
format's module documents its output (:mod:`.text`, :mod:`.json`, :mod:`.sarif`,
:mod:`.github`). A new format is a new module with a ``render`` function, listed in
:data:`EMITTERS`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from . import github, json, sarif, text
from .github import escape_data, escape_property
from .result import FileResult, Position, position

Emitter = Callable[[Sequence[FileResult]], str]

#: Format name → emitter, in the order ``--format`` lists them.
EMITTERS: dict[str, Emitter] = {
    "text": text.render,
    "json": json.render,
    "sarif": sarif.render,
    "github": github.render,
}
FORMATS = tuple(EMITTERS)


def render(fmt: str, results: Sequence[FileResult]) -> str:
    """The report in format ``fmt`` (one of :data:`FORMATS`)."""
    try:
        emitter = EMITTERS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}") from None
    return emitter(results)


__all__ = [
    "EMITTERS",
    "FORMATS",
    "FileResult",
    "Position",
    "escape_data",
    "escape_property",
    "position",
    "render",
]
