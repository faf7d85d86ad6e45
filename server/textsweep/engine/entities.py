"""HTML character references: what ``&eacute;`` or ``&amp;nbsp;`` stands for.

Shared by html-entity (which writes the character), doubled-space (spaces after
an entity for a blank follow a blank) and language detection (which reads an
entity as its character), so all three read an entity the same way."""

from __future__ import annotations

import re
import unicodedata

ENTITY = re.compile(r"&(?:amp;)*(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


ONE_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def unescape(entity: str) -> str | None:
    """What a (possibly double-escaped) entity stands for, or None if it is not one."""
    import html  # here: most texts hold no entity, and html costs a start 10 ms
    from html.entities import html5

    value = entity
    for _ in range(8):
        m = ONE_ENTITY.match(value)
        if m is None:
            break
        name = m.group()[1:]
        if not name.startswith("#") and name not in html5:
            return None
        value = html.unescape(m.group()) + value[m.end() :]
    if value == entity or not value or "\ufffd" in value:
        return None
    if any(unicodedata.category(c) == "Cc" and c not in "\t\n" for c in value):
        return None
    return value


def read_entities(text: str) -> str:
    """``text`` with each entity read as what it stands for (as html-entity writes it),
    the others left as written."""
    if "&" not in text:
        return text
    return ENTITY.sub(lambda m: unescape(m.group()) or m.group(), text)


def entity_readings(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, value)`` of every entity in ``text``, wherever it stands: what a
    reader sees, for language detection (which must read ``caf&eacute;`` and ``café``
    alike, or fixing the entity would change the paragraph's language)."""
    if "&" not in text:
        return []
    found: list[tuple[int, int, str]] = []
    for m in ENTITY.finditer(text):
        value = unescape(m.group())
        if value is not None:
            found.append((m.start(), m.end(), value))
    return found


#: An entity (maybe escaped several times) ending where the search ends.
_ENTITY_AT_END = re.compile(ENTITY.pattern + r"\Z")


def entity_ending_at(text: str, end: int) -> str | None:
    """What the entity ending at ``end`` stands for (None when none ends there)."""
    m = _ENTITY_AT_END.search(text, max(0, end - 48), end)
    return unescape(m.group()) if m else None
