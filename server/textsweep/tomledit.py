"""Switching a rule off in a project file, by editing its TOML as text.

Python's ``tomllib`` only reads, and a rewrite would lose the file's comments and
layout, so :func:`disable_rule` edits the text in one place and keeps every other
byte: it sets the rule to ``false`` where the rule already has a value, else adds it
to the rules the file already lists (a ``[tool.textsweep.rules]`` table, an inline
``rules = { … }`` or dotted ``rules.x = …`` keys), else adds a
``[tool.textsweep.rules]`` table after the textsweep tables (``[rules]`` in
``.textsweep.toml``). The result is read back with ``tomllib``: unless it parses,
switches the rule off and leaves every other value as it was, no edit is proposed.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

#: A table header line (linear: no lazy group before a run of blanks).
_HEADER = re.compile(r"^[ \t]*\[(\[?)([^\[\]\r\n]+)\]\]?[ \t]*(?:#[^\r\n]*)?$")
_KEY = r"(?:\"{0}\"|'{0}'|{0})"


class TextEdit(NamedTuple):
    """Replace ``text[start:end]`` with ``new_text`` (code-point offsets)."""

    start: int
    end: int
    new_text: str


def _norm_name(name: str) -> str:
    parts = [p.strip().strip("\"'") for p in name.split(".")]
    return ".".join(parts)


def _lines(text: str) -> list[tuple[int, int, int]]:
    """``(start, content end, next line start)`` of each line."""
    out: list[tuple[int, int, int]] = []
    pos = 0
    for m in re.finditer(r"[^\r\n]*(\r\n|\r|\n|$)", text):
        if m.start() == len(text) and m.end() == m.start() and out:
            break
        content_end = m.end() - len(m.group(1))
        out.append((m.start(), content_end, m.end()))
        pos = m.end()
        if pos >= len(text):
            break
    return out


def _sections(text: str) -> list[tuple[str | None, bool, int, int, int]]:
    """``(table name, is array table, header line index, first body line, end line)``;
    the first entry (name None) is the top level before any header. Multi-line
    strings and arrays are skipped roughly; the result is checked by reading it back."""
    lines = _lines(text)
    out: list[tuple[str | None, bool, int, int, int]] = []
    current: tuple[str | None, bool, int, int] = (None, False, -1, 0)
    in_string: str | None = None
    depth = 0
    for i, (s, e, _) in enumerate(lines):
        line = text[s:e]
        if in_string is None and depth == 0:
            m = _HEADER.match(line)
            if m:
                out.append((*current, i))
                current = (_norm_name(m.group(2)), bool(m.group(1)), i, i + 1)
                continue
        # track multi-line strings and arrays, roughly
        j = 0
        while j < len(line):
            if in_string is not None:
                k = line.find(in_string, j)
                if k < 0:
                    break
                in_string = None
                j = k + 3
                continue
            c = line[j]
            if c == "#":
                break
            if line.startswith(('"""', "'''"), j):
                in_string = line[j : j + 3]
                j += 3
                continue
            if c in "\"'":
                k = line.find(c, j + 1)
                j = (k + 1) if k > 0 else len(line)
                continue
            if c == "[":
                depth += 1
            elif c == "]":
                depth = max(0, depth - 1)
            j += 1
    out.append((*current, len(lines)))
    return out


def _last_content_line(text: str, lines: list[tuple[int, int, int]], first: int, end: int) -> int:
    """The last line of ``[first, end)`` that is not blank nor a comment (first - 1: none)."""
    last = first - 1
    for i in range(first, end):
        s, e, _ = lines[i]
        body = text[s:e].strip()
        if body and not body.startswith("#"):
            last = i
    return last


def _insert_after(lines: list[tuple[int, int, int]], line: int, new: str, nl: str) -> TextEdit:
    """Insert line(s) ``new`` after line index ``line`` (-1: at the very top)."""
    if line < 0:
        return TextEdit(0, 0, new + nl)
    _s, e, nxt = lines[line]
    if nxt == e:  # the last line has no line break
        return TextEdit(e, e, nl + new)
    return TextEdit(nxt, nxt, new + nl)


def _value_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The value after ``=`` in ``text[start:end]`` (a one-line value)."""
    m = re.compile(r"[ \t]*=[ \t]*(\"[^\"\r\n]*\"|'[^'\r\n]*'|true|false)").match(text, start, end)
    return (m.start(1), m.end(1)) if m else None


def _edit(text: str, rule: str, prefix: str) -> TextEdit | None:
    nl = "\r\n" if "\r\n" in text else "\n"
    lines = _lines(text) if text else []
    sections = _sections(text) if text else [(None, False, -1, 0, 0)]
    key = _KEY.format(re.escape(rule))
    table = prefix.rstrip(".") or None  # None: the top level
    rules_table = f"{prefix}rules"
    # 1. a [tool.textsweep.rules] table
    for name, is_array, _h, first, end in sections:
        if name == rules_table and not is_array:
            for i in range(first, end):
                s, e, _ = lines[i]
                m = re.compile(r"[ \t]*" + key + r"(?=[ \t]*=)").match(text, s, e)
                if m:
                    span = _value_span(text, m.end(), e)
                    return TextEdit(span[0], span[1], "false") if span else None
            last = _last_content_line(text, lines, first, end)
            return _insert_after(lines, max(last, first - 1), f"{rule} = false", nl)
    # 2. rules in the [tool.textsweep] table (or the top level of .textsweep.toml)
    for name, is_array, _h, first, end in sections:
        if name != table or is_array:
            continue
        dotted = re.compile(r"[ \t]*rules[ \t]*\.[ \t]*" + key + r"(?=[ \t]*=)")
        any_dotted = re.compile(r"[ \t]*rules[ \t]*\.")
        inline = re.compile(r"[ \t]*rules[ \t]*=[ \t]*\{([^\r\n]*)\}[ \t]*(?:#[^\r\n]*)?$")
        last_dotted = -1
        for i in range(first, end):
            s, e, _ = lines[i]
            m = dotted.match(text, s, e)
            if m:
                span = _value_span(text, m.end(), e)
                return TextEdit(span[0], span[1], "false") if span else None
            if any_dotted.match(text, s, e):
                last_dotted = i
            m = inline.match(text, s, e)
            if m:
                inner_start, inner_end = m.span(1)
                km = re.compile(r"(?:(?<=\{)|,)[ \t]*" + key + r"(?=[ \t]*=)").search(
                    text, inner_start, inner_end
                )
                if km:
                    span = _value_span(text, km.end(), inner_end)
                    return TextEdit(span[0], span[1], "false") if span else None
                inner = text[inner_start:inner_end]
                if not inner.strip():
                    return TextEdit(inner_start, inner_end, f" {rule} = false ")
                stripped = inner.rstrip()
                at = inner_start + len(stripped)
                sep = "" if stripped.endswith(",") else ","
                return TextEdit(at, at, f"{sep} {rule} = false")
        if last_dotted >= 0:
            return _insert_after(lines, last_dotted, f"rules.{rule} = false", nl)
    # 3. a new table, after the last textsweep table (or at the end)
    new = f"[{rules_table}]{nl}{rule} = false"
    after = None
    for name, _is_array, _h, first, end in sections:
        if name is not None and (name == table or name.startswith(prefix)):
            after = _last_content_line(text, lines, first, end)
            after = max(after, first - 1)
    if prefix == "" or after is None:
        # .textsweep.toml, or no textsweep table yet: at the end
        after = _last_content_line(text, lines, 0, len(lines))
    if after < 0:
        lead = nl if text and not text.endswith(("\n", "\r")) else ""
        return TextEdit(len(text), len(text), lead + new + nl)
    _s, e, nxt = lines[after]
    if nxt == e:  # the last line, without a line break
        return TextEdit(e, e, nl + nl + new)
    return TextEdit(nxt, nxt, nl + new + nl)


def _section(data: dict[str, Any], pyproject: bool) -> Any:
    if not pyproject:
        return data
    tool = data.get("tool")
    return tool.get("textsweep") if isinstance(tool, dict) else None


def _without_rule(section: Any, rule: str) -> Any:
    if not isinstance(section, dict):
        return section
    out = dict(section)
    rules = out.get("rules")
    if isinstance(rules, dict):
        rules = {k: v for k, v in rules.items() if k != rule}
        if rules:
            out["rules"] = rules
        else:
            out.pop("rules")
    return out


def disable_rule(text: str, rule: str, pyproject: bool) -> TextEdit | None:
    """The edit switching ``rule`` off in a ``pyproject.toml`` (``pyproject``) or
    ``.textsweep.toml`` holding ``text``; None when the text is not valid TOML or
    the edit could not be made safely."""
    try:
        import tomllib  # type: ignore[import-not-found,unused-ignore]
    except ImportError:  # Python 3.10: cannot check the result
        return None
    try:
        before = tomllib.loads(text)
    except ValueError:
        return None
    edit = _edit(text, rule, "tool.textsweep." if pyproject else "")
    if edit is None:
        return None
    new = text[: edit.start] + edit.new_text + text[edit.end :]
    try:
        after = tomllib.loads(new)
    except ValueError:
        return None
    old_section, new_section = _section(before, pyproject), _section(after, pyproject)
    if not isinstance(new_section, dict) or not isinstance(new_section.get("rules"), dict):
        return None
    if new_section["rules"].get(rule) is not False:
        return None
    # everything else as it was
    if pyproject:
        rest_before = {k: v for k, v in before.items() if k != "tool"}
        rest_after = {k: v for k, v in after.items() if k != "tool"}
        tools_before = {k: v for k, v in before.get("tool", {}).items() if k != "textsweep"}
        tools_after = {k: v for k, v in after.get("tool", {}).items() if k != "textsweep"}
        if rest_before != rest_after or tools_before != tools_after:
            return None
    if _without_rule(old_section or {}, rule) != _without_rule(new_section, rule):
        return None
    return edit


def new_file(rule: str) -> str:
    """A new ``.textsweep.toml`` switching ``rule`` off."""
    return f"[rules]\n{rule} = false\n"
