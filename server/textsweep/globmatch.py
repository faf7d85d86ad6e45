"""EditorConfig globs matched in time linear in the path (no backtracking).

The ``editorconfig`` package turns globs into Python regular expressions, which
backtrack: ``[************x]`` against a 57-character path takes seconds, with 12
stars it never returns, and anyone can commit such a file into a repository. Here a
glob is parsed into a small automaton (Thompson's construction) and simulated state
set by state set: time is O(len(path) × len(glob)) whatever both contain.

Syntax (https://spec.editorconfig.org/#glob-expressions), as the reference
implementation reads it:

* ``*`` any string without ``/``; ``**`` any string; ``?`` one character but ``/``;
* ``[name]`` / ``[!name]`` one character (not ``/``) in / not in the set, with ranges
  ``a-z``; a ``[`` whose set would contain ``/`` is a literal ``[``;
* ``{s1,s2,s3}`` any of the (nested) alternatives; ``{num1..num2}`` an integer
  between the two (no leading zero); a ``{x}`` with neither is literal;
* ``\\`` makes the next character literal; ``/**/`` also matches a single ``/``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

#: Longer globs are refused (never match): a section header is a line, not a book.
MAX_GLOB = 1024
#: Transitions of the lazily built DFA kept per glob (bounds memory, not time).
_DFA_CACHE = 4096
#: Nested braces beyond this depth make the glob refused too.
MAX_DEPTH = 64
#: Digits of a numeric range's bounds beyond which the range is refused.
MAX_DIGITS = 18

_NUM_RANGE = re.compile(r"([+-]?\d{1,18})\.\.([+-]?\d{1,18})")


class GlobError(ValueError):
    """A glob this matcher refuses (too long or too deep): it matches nothing."""


# --- automaton -----------------------------------------------------------------------
# State kinds: CHAR tests one character; SPLIT has epsilon edges; NUM consumes an
# integer (tracked with the digits read so far); MATCH accepts.
_CHAR, _SPLIT, _NUM, _MATCH = range(4)


@dataclass
class _State:
    kind: int
    #: For CHAR: (literal) or a predicate spec.
    test: tuple[str, object] = ("", None)
    out: list[int] = field(default_factory=list)
    lo: int = 0
    hi: int = 0


class _Builder:
    def __init__(self) -> None:
        self.states: list[_State] = []

    def new(self, kind: int, **kw: object) -> int:
        self.states.append(_State(kind, **kw))  # type: ignore[arg-type]
        return len(self.states) - 1


@dataclass(frozen=True)
class _Frag:
    start: int
    ends: tuple[int, ...]  # states whose ``out`` must be patched to the next fragment


def _patch(b: _Builder, ends: tuple[int, ...], to: int) -> None:
    for e in ends:
        b.states[e].out.append(to)


def _char(b: _Builder, test: tuple[str, object]) -> _Frag:
    s = b.new(_CHAR, test=test)
    return _Frag(s, (s,))


def _empty(b: _Builder) -> _Frag:
    s = b.new(_SPLIT)
    return _Frag(s, (s,))


def _concat(b: _Builder, frags: list[_Frag]) -> _Frag:
    if not frags:
        return _empty(b)
    first = frags[0]
    ends = first.ends
    for f in frags[1:]:
        _patch(b, ends, f.start)
        ends = f.ends
    return _Frag(first.start, ends)


def _alt(b: _Builder, frags: list[_Frag]) -> _Frag:
    s = b.new(_SPLIT)
    ends: tuple[int, ...] = ()
    for f in frags:
        b.states[s].out.append(f.start)
        ends += f.ends
    return _Frag(s, ends)


def _star(b: _Builder, test: tuple[str, object]) -> _Frag:
    """Zero or more characters passing ``test``."""
    loop = b.new(_SPLIT)
    c = b.new(_CHAR, test=test)
    b.states[loop].out.append(c)
    b.states[c].out.append(loop)
    return _Frag(loop, (loop,))


@dataclass(frozen=True)
class _Class:
    """``[abc]``, ``[a-z]``, ``[!abc]``: never matches ``/``."""

    chars: frozenset[str]
    ranges: tuple[tuple[str, str], ...]
    negate: bool


_ANY_BUT_SLASH: tuple[str, object] = ("notslash", None)
_ANY: tuple[str, object] = ("any", None)


def _lit(ch: str) -> tuple[str, object]:
    return ("lit", ch)


# --- parser ------------------------------------------------------------------------


def _matching_brace(pat: str, i: int) -> int:
    """Index of the ``}`` closing the ``{`` at ``i``, or -1."""
    depth = 0
    j = i
    while j < len(pat):
        c = pat[j]
        if c == "\\":
            j += 2
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return j
        j += 1
    return -1


def _split_top(pat: str) -> list[str]:
    """Split on commas not nested in braces nor escaped."""
    parts: list[str] = []
    depth = 0
    start = 0
    j = 0
    while j < len(pat):
        c = pat[j]
        if c == "\\":
            j += 2
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        elif c == "," and depth == 0:
            parts.append(pat[start:j])
            start = j + 1
        j += 1
    parts.append(pat[start:])
    return parts


def _bracket(pat: str, i: int) -> tuple[tuple[str, object], int] | None:
    """The class starting at ``[`` ``pat[i]``, and the index after its ``]``; None if
    there is no ``]`` or the set would hold a ``/`` (then ``[`` is literal)."""
    j = i + 1
    negate = j < len(pat) and pat[j] in "!^"
    if negate:
        j += 1
    items: list[str] = []
    while j < len(pat) and pat[j] != "]":
        c = pat[j]
        if c == "\\" and j + 1 < len(pat):
            j += 1
            c = pat[j]
        if c == "/":
            return None
        items.append(c)
        j += 1
    if j >= len(pat):
        return None
    chars: set[str] = set()
    ranges: list[tuple[str, str]] = []
    k = 0
    while k < len(items):
        if k + 2 < len(items) and items[k + 1] == "-":
            ranges.append((items[k], items[k + 2]))
            k += 3
        else:
            chars.add(items[k])
            k += 1
    return ("class", _Class(frozenset(chars), tuple(ranges), negate)), j + 1


def _parse(b: _Builder, pat: str, depth: int) -> _Frag:
    if depth > MAX_DEPTH:
        raise GlobError("braces nested too deep")
    frags: list[_Frag] = []
    i = 0
    n = len(pat)
    while i < n:
        c = pat[i]
        if c == "\\" and i + 1 < n:
            frags.append(_char(b, _lit(pat[i + 1])))
            i += 2
        elif c == "*":
            if i + 1 < n and pat[i + 1] == "*":
                while i < n and pat[i] == "*":
                    i += 1
                frags.append(_star(b, _ANY))
            else:
                frags.append(_star(b, _ANY_BUT_SLASH))
                i += 1
        elif c == "?":
            frags.append(_char(b, _ANY_BUT_SLASH))
            i += 1
        elif c == "[":
            got = _bracket(pat, i)
            if got is None:
                frags.append(_char(b, _lit("[")))
                i += 1
            else:
                test, i = got
                frags.append(_char(b, test))
        elif c == "{":
            close = _matching_brace(pat, i)
            if close < 0:
                frags.append(_char(b, _lit("{")))
                i += 1
                continue
            inner = pat[i + 1 : close]
            parts = _split_top(inner)
            num = _NUM_RANGE.fullmatch(inner)
            if len(parts) > 1:
                frags.append(_alt(b, [_parse(b, p, depth + 1) for p in parts]))
            elif num:
                lo, hi = int(num.group(1)), int(num.group(2))
                s = b.new(_NUM, lo=min(lo, hi), hi=max(lo, hi))
                frags.append(_Frag(s, (s,)))
            else:
                frags.append(
                    _concat(
                        b,
                        [
                            _char(b, _lit("{")),
                            _parse(b, inner, depth + 1),
                            _char(b, _lit("}")),
                        ],
                    )
                )
            i = close + 1
        elif c == "/" and pat.startswith("/**/", i):
            # "/**/" also matches a single "/": a/**/b matches a/b.
            deep = _concat(b, [_char(b, _lit("/")), _star(b, _ANY), _char(b, _lit("/"))])
            frags.append(_alt(b, [_char(b, _lit("/")), deep]))
            i += 4
        else:
            frags.append(_char(b, _lit(c)))
            i += 1
    return _concat(b, frags)


# --- matcher -----------------------------------------------------------------------


def _accepts(test: tuple[str, object], ch: str) -> bool:
    kind, arg = test
    if kind == "lit":
        return ch == arg
    if kind == "notslash":
        return ch != "/"
    if kind == "any":
        return True
    assert isinstance(arg, _Class)
    if ch == "/":
        return False
    inside = ch in arg.chars or any(a <= ch <= z for a, z in arg.ranges)
    return inside != arg.negate


def _num_done(buf: str, lo: int, hi: int) -> bool:
    digits = buf.lstrip("+-")
    if not digits or buf.count("+") + buf.count("-") > 1:
        return False
    if digits[0] == "0" and len(digits) > 1:
        return False  # as the reference implementation: no leading zeros
    return lo <= int(buf) <= hi


class Glob:
    """One compiled glob; :meth:`match` tells whether a whole path matches it."""

    def __init__(self, pattern: str) -> None:
        if len(pattern) > MAX_GLOB:
            raise GlobError(f"glob longer than {MAX_GLOB} characters")
        self.pattern = pattern
        b = _Builder()
        frag = _parse(b, pattern, 0)
        final = b.new(_MATCH)
        _patch(b, frag.ends, final)
        self._states = b.states
        self._start = frag.start
        self._eps_cache: dict[int, frozenset[tuple[int, str]]] = {}
        #: Lazily built DFA: (state set, character) → next state set.
        self._dfa: dict[tuple[frozenset[tuple[int, str]], str], frozenset[tuple[int, str]]] = {}

    def _eps(self, sid: int) -> frozenset[tuple[int, str]]:
        """States reachable from ``sid`` without reading (SPLITs left out), memoised."""
        got = self._eps_cache.get(sid)
        if got is None:
            out: set[tuple[int, str]] = set()
            seen: set[int] = set()
            stack = [sid]
            while stack:
                s = stack.pop()
                if s in seen:
                    continue
                seen.add(s)
                if self._states[s].kind == _SPLIT:
                    stack.extend(self._states[s].out)
                else:
                    out.add((s, ""))
            got = self._eps_cache[sid] = frozenset(out)
        return got

    def _step(self, current: frozenset[tuple[int, str]], ch: str) -> frozenset[tuple[int, str]]:
        key = (current, ch)
        hit = self._dfa.get(key)
        if hit is not None:
            return hit
        nxt: set[tuple[int, str]] = set()
        for sid, buf in current:
            st = self._states[sid]
            if st.kind == _CHAR:
                if _accepts(st.test, ch):
                    for o in st.out:
                        nxt |= self._eps(o)
            elif st.kind == _NUM and len(buf) <= MAX_DIGITS:
                if (ch.isdigit() and ch.isascii()) or (ch in "+-" and not buf):
                    buf += ch
                    nxt.add((sid, buf))
                    if _num_done(buf, st.lo, st.hi):
                        for o in st.out:
                            nxt |= self._eps(o)
        result = frozenset(nxt)
        if len(self._dfa) < _DFA_CACHE:
            self._dfa[key] = result
        return result

    def match(self, path: str) -> bool:
        current = self._eps(self._start)
        for ch in path:
            current = self._step(current, ch)
            if not current:
                return False
        return any(self._states[sid].kind == _MATCH for sid, _ in current)


@lru_cache(maxsize=512)
def compile_glob(pattern: str) -> Glob | None:
    """The compiled glob, or None for one refused (it then matches nothing)."""
    try:
        return Glob(pattern)
    except GlobError:
        return None


def glob_match(pattern: str, path: str) -> bool:
    """Whether the whole ``path`` matches the EditorConfig ``pattern``."""
    g = compile_glob(pattern)
    return g is not None and g.match(path)
