"""Plain-text layout: the scan tries its regexes only where a literal they need is
present (substring tests at C speed); these properties hold the gates to the
regexes' own answers, on text drawn from the characters that matter to them."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from textsweep.engine.chars import drop_unseen, has_unseen
from textsweep.engine.structure import layout

_GATE_TEXT = st.text(
    alphabet=st.sampled_from(list(" \t\n-|=$#%>@:\\;'{}+ab Zé\u200b\u00a0\u2502\u2500xy_.")),
    max_size=40,
)


def _worth_reference(para: str) -> bool:
    """``_worth_a_look`` as it was written before its gates (one regex each)."""
    head = para.lstrip(layout._BLANKS + "\r\n")[:32]
    first = drop_unseen(head).lstrip(layout._BLANKS + "\r\n")[:1]
    return (
        (
            "a" <= first <= "z"
            and (layout._COMMAND_HINT.search(para) is not None or "@" in para or ":\\" in para)
        )
        or any(sign in para for sign in ("|", "---", "===", "$ ", "# ", "% ", "> "))
        or re.search(r" \\[\r\n]", para) is not None  # a command continued
        or layout._AFTER_VISIBLE_RUN.search(para) is not None
        or (not para.isascii() and layout._BOX.search(para) is not None)
    )


@settings(max_examples=400)
@given(_GATE_TEXT)
@example("ls -l")
@example("alias ls='ls'")
@example("a | b")
@example("a -")
def test_command_hint_is_the_regex(text: str) -> None:
    assert layout._command_hint(text) == (layout._COMMAND_HINT.search(text) is not None)


@settings(max_examples=400)
@given(_GATE_TEXT)
@example(" \\\n")
@example("x \\\r\ny")
def test_worth_a_look_gates_change_nothing(para: str) -> None:
    want = _worth_reference(para)
    assert layout._worth_a_look(para) == want
    if not has_unseen(para):
        assert layout._worth_a_look(para, clean=True) == want


@settings(max_examples=400)
@given(_GATE_TEXT.map(lambda s: s.replace("\n", " ")))
@example("  % ls -l")
@example("  # make install")
@example("$ ls")
@example(">>> x = 1")
@example("user@host:~$ ls")
@example("C:\\dir> dir")
@example("\u200b$ make")
@example("vore$ dchroot unstable")
@example("username $ xhost +")
def test_line_prompt_gate_changes_nothing(line: str) -> None:
    ln = layout._Line(0, line)
    content = ln.content
    want = bool(content) and (
        layout._PROMPT.match(content) is not None
        or (ln.indent > 0 and layout._ROOT_PROMPT.match(content) is not None)
    )
    assert ln.prompt == want
    if not has_unseen(line):
        clean = layout._Line(0, line, clean=True)
        assert (clean.content, clean.prompt, clean.flag) == (content, ln.prompt, ln.flag)
