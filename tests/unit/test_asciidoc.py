"""AsciiDoc: the blocks and lines it marks as not prose, read on Git's manuals
(git-doc 2.51, Debian), which are AsciiDoc."""

from __future__ import annotations

from textsweep.engine import Document, fix_all, language_for_path, lint
from textsweep.engine.structure.asciidoc import block_spans

# Documentation/diff-format.adoc and blame-options.adoc, abridged
DIFF_FORMAT = """\
An output line is formatted this way:

------------------------------------------------
in-place edit  :100644 100644 bcd1234 0123456 M file0
create         :000000 100644 0000000 1234567 A file4
------------------------------------------------

//////////////////////////
A comment  with  spaces.
//////////////////////////

[source,c]
----
static void  f(void)
{
\t/*
\t * aligned, tab then space
\t */
}
----

That is,  from the left to the right.
\t * a tab then a space in prose
"""


def test_extensions() -> None:
    assert language_for_path("git-add.adoc") == "asciidoc"
    assert language_for_path("guide.asciidoc") == "asciidoc"


def test_listing_literal_and_comment_blocks_are_not_prose() -> None:
    spans = block_spans(DIFF_FORMAT)
    covered = "".join(DIFF_FORMAT[s:e] for s, e in spans)
    assert "in-place edit  :100644" in covered
    assert "A comment  with  spaces." in covered
    assert "[source,c]" in covered and "static void  f" in covered
    assert "That is," not in covered
    found = [
        (f.rule, DIFF_FORMAT[f.start - 7 : f.start])
        for f in lint(Document(DIFF_FORMAT, "asciidoc"))
    ]
    # only the prose: its doubled space, and its tab-then-space indentation
    assert sorted(r for r, _ in found) == ["doubled-space", "mixed-indentation"]
    assert ("doubled-space", "hat is,") in found
    # the listings are left as written
    fixed = fix_all(Document(DIFF_FORMAT, "asciidoc")).text
    assert "in-place edit  :100644" in fixed and "static void  f" in fixed


def test_a_block_left_open_runs_to_the_end() -> None:
    text = "Intro  text.\n\n....\nliteral  text\n"
    (span,) = block_spans(text)
    assert text[span[0] :] == "....\nliteral  text\n" and span[1] == len(text)


def test_delimiters_close_only_with_the_same_line() -> None:
    # a longer line of dashes inside a listing does not close a shorter one
    text = "----\na\n--------\nb  c\n----\n\nProse  here.\n"
    (span,) = block_spans(text)
    assert text[span[0] : span[1]].endswith("b  c\n----")
