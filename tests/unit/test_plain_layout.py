"""Plain-text layout: tables, aligned columns and transcripts are not prose, but a
doubled space in a sentence next to them still is a fault.

The excerpts come from the Debian FAQ and the Debian Reference rendered as plain
text (the tuning part of the real-text corpus), byte for byte except where a
test plants a fault.
"""

from __future__ import annotations

import pytest

from textsweep.engine import Document, lint
from textsweep.engine.structure.layout import layout_spans

from .helpers import findings, only

#: Debian Reference (fr), table 1.27: a bordered table with padded cells.
TABLE_FR = """\
    Tableau 1.27. Liste de parties de scripts pour enchaîner (piping)
    les commandes

    +---------------------------------------------------------------+
    |fragment de script (à entrer|       effet de la commande       |
    |    sur une seule ligne)    |                                  |
    |----------------------------+----------------------------------|
    |find /usr -print            |rechercher tous les fichiers se   |
    |                            |trouvant sous « /usr »            |
    |----------------------------+----------------------------------|
    || cut -d: -f3 -             |champ, séparé par « : » (fichier  |
    |                            |passwd, etc.)                     |
    +---------------------------------------------------------------+
"""

#: Debian Reference (fr), section 1.5.x: a transcript whose output has doubled spaces.
TRANSCRIPT_FR = """\
    $ IFS=":,"                        # use ":" and "," as IFS
    $ echo IFS=$IFS,   IFS="$IFS"     # echo is a Bash builtin
    IFS=  , IFS=:,
    $ date -R                         # just a command output
    Sat, 23 Aug 2003 08:30:15 +0200
    $ echo $(date -R)                 # sub shell --> input to main shell
    Sat  23 Aug 2003 08 30 36 +0200
"""

#: Debian Reference (es), 9.4.1: a root prompt and aligned output.
TIME_ES = """\
    Muestra el tiempo utilizado por un proceso invocado por la orden.

    # time some_command >/dev/null
    real    0m0.035s       # time on wall clock (elapsed real time)
    user    0m0.000s       # time in user mode
    sys     0m0.020s       # time in kernel mode
"""

#: Debian FAQ (en), 8.x: columns aligned with runs of spaces, no border.
APT_EN = """\
     apt-get update             ->  apt update
     apt-get upgrade            ->  apt upgrade
     apt-get dist-upgrade       ->  apt full-upgrade
     apt-get install package    ->  apt install package
"""

#: Debian FAQ (en): one line of a selections file, set apart as its own paragraph.
SELECTION_EN = """\
\u00a0\u00a0\u00a0 Then edit the resulting file selections.txt, change the line
    containing the package you wish to hold, e.g. libc6, from this:

\u00a0\u00a0\u00a0 libc6                                           install
"""

#: Debian FAQ (zh): lsb_release output, Key:   value records aligned.
LSB_ZH = """\
    $ lsb_release  -a
    LSB Version:    core-2.0-noarch:core-3.0-noarch:core-3.1-noarch
    Distributor ID: Debian
    Description:    Debian GNU/Linux unstable (sid)
    Release:    unstable
    Codename:   sid

    但是，事情并不总是那样简单。
"""

#: Records without a prompt (a package's control fields), aligned after the colon.
RECORDS_EN = """\
Package:        textsweep
Description:    spacing and encoding checker
"""

#: Debian Reference (fr), 9.3.5: a one-line command set apart as its own paragraph.
COMMAND_FR = """\
\u00a0\u00a0\u00a0    * combinaison de find(1) et de xargs(1)\u00a0:

\u00a0\u00a0\u00a0  find . -type f -maxdepth 1 -name '*.ext' -print0 | xargs -0 -n 1 command
"""

#: Debian Reference (de), 12.5.9: a prompt followed by two spaces, in a paragraph of
#: its own (the same listing in every translation).
OBJDUMP_DE = """\
\u00a0\u00a0\u00a0 Sie können Binär-Code wie folgt mit objdump(1) disassemblieren:

\u00a0\u00a0\u00a0 $  objdump -m i386 -b binary -D /usr/lib/grub/x86_64-pc/stage1
"""

#: Debian Reference (de), 12.1.x: a shell script whose commands run on over a
#: `` \`` line end, between comments and ``if``/``else`` lines.
SCRIPT_DE = """\
    # Check size of archive
\u00a0\u00a0\u00a0 if ( file -ib "$DATA_FILE" | grep -qe '^text/' ) ; then
      zenity --info --title="Check file: $DATA_FILE" --width 640  --height 400 \\
        --text="$(head -n 20 "$DATA_FILE")"
    else
      zenity --info --title="Check file: $DATA_FILE" --width 640  --height 400 \\
        --text="The data is MIME=$(file -ib "$DATA_FILE")"
    fi
"""


#: Debian's Developer's Reference as plain text (developers-reference 12.18, 6.3.x):
#: a NEWS.Debian entry, whose trailer's two spaces the format requires.
NEWS_EN = """\
   cron (3.0pl1-74) unstable; urgency=low

       The checksecurity script is no longer included with the cron package:
       it now has its own package, checksecurity. If you liked the
       functionality provided with that script, please install the new
       package.

    -- Steve Greenland <stevegr@debian.org>  Sat,  6 Sep 2003 17:15:03 -0500
"""


#: Debian's Developer's Reference as plain text (developers-reference-fr 12.18,
#: 4.x): a prompt named after its host, then the command's output.
CHROOT_FR = """\
   vore$ dchroot unstable
   Executing shell in chroot: /org/vore.debian.org/chroots/user/unstable
"""

#: Debian Reference (de), 7.x: a prompt named after its user, then root prompts.
XHOST_DE = """\
    username $ xhost + si:localuser:root ; sudo chroot /path/to
    # cd /src
    # gitk
    # exit
"""


LAYOUT = {
    "table": TABLE_FR,
    "transcript": TRANSCRIPT_FR,
    "time": TIME_ES,
    "apt": APT_EN,
    "selection": SELECTION_EN,
    "lsb": LSB_ZH,
    "records": RECORDS_EN,
    "command": COMMAND_FR,
    "objdump": OBJDUMP_DE,
    "script": SCRIPT_DE,
    "news": NEWS_EN,
}


@pytest.mark.parametrize("name", sorted(LAYOUT))
def test_layout_is_not_prose(name: str) -> None:
    """Every finding on these excerpts was a false alarm before layout detection."""
    assert lint(Document(LAYOUT[name], "plaintext")) == [], name


def test_layout_lines_are_masked_whole() -> None:
    """A table row is masked from its first to its last visible character, so the
    punctuation rules do not read « : » in a cell either."""
    text = TABLE_FR
    spans = layout_spans(text)
    row = "|    sur une seule ligne)    |                                  |"
    s = text.index(row)
    assert (s, s + len(row)) in spans
    caption = text.index("Tableau")
    assert not any(a <= caption < b for a, b in spans)


#: Debian Reference (es), 9.4.2: prose paragraphs around a table, one with a planted
#: doubled space on each side of it.
PROSE_AROUND_TABLE = """\
    Un valor de «nice« se utiliza para determinar la  prioridad de
    planificación de los procesos.

    +---------------------------------------------------------------+
    |  Valor de  |            prioridad de planificación            |
    |    nice    |                                                  |
    |------------+--------------------------------------------------|
    |19          |proceso de menor prioridad (nice)                 |
    +---------------------------------------------------------------+

    Algunas veces un valor extremo de nice produce más mal que bien
    al sistema.  Utilice esta orden con cuidado.
"""


def test_doubled_space_in_prose_next_to_a_table_is_still_found() -> None:
    got = findings("doubled-space", PROSE_AROUND_TABLE)
    lines = [PROSE_AROUND_TABLE.count("\n", 0, f.start) for f in got]
    assert lines == [0, 11]


def test_doubled_space_in_a_paragraph_touching_a_table_is_found() -> None:
    """No blank line between the sentence and the table: the sentence is still prose."""
    text = (
        "Le tableau suivant  donne les valeurs.\n"
        "+--------+--------+\n"
        "|nice    |priorité|\n"
        "+--------+--------+\n"
    )
    got = findings("doubled-space", text)
    assert [text[f.start - 7 : f.start] for f in got] == ["suivant"]


@pytest.mark.parametrize(
    "text",
    [
        # one line, one doubled space: a slip, not a column
        # a prose line ending in `` \\`` is no command continued
        "    Sie können Binär-Code wie  folgt disassemblieren: \\\n    objdump(1).\n",
        # a dash line with no mail address is no changelog trailer
        "    -- Steve Greenland, who wrote it  twice.\n",
        # a price in a sentence is no prompt: ``US$ 5`` names no host
        "    US$ 5 per month, billed  yearly.\n",
        # a doubled space after a ``$`` that is no prompt
        "    Es kostet 5 $ pro Monat und  mehr.\n",
        "The FSF's long-standing objective is to develop  a new operating system.\n",
        # two prose lines each with a doubled space, at different columns
        "    The project name is pronounced Deb'-ee-en,  with a short e in Deb,\n"
        "    and emphasis on the first  syllable.\n",
        # two lines whose slips happen to end at the same column
        "Le  chat dort.\nIl  fait nuit.\n",
        # a sentence that quotes a command does not make a transcript
        "    To update the lists, type $ apt update  and wait.\n",
        # a Key: value line alone is a sentence with a colon
        "Note:  the archive is signed.\n",
        # a paragraph that starts with a lower-case word but reads as a sentence
        "    e.g. the file  is  small.\n",
    ],
)
def test_prose_with_doubled_spaces_is_still_flagged(text: str) -> None:
    assert findings("doubled-space", text), text


def test_columns_compare_display_width() -> None:
    """Wide characters count two columns: a Japanese table still lines up."""
    text = "    パッケージ  バージョン\n    apt         2.2.4\n"
    # both runs end at column 16; counted in code points they would end at 11 and 16
    assert lint(Document(text, "plaintext"), only("doubled-space")) == []


def test_markdown_paragraphs_are_unchanged() -> None:
    """Plain text only: Markdown marks its own tables and code."""
    text = "Columns:\n\nreal    0m0.035s\nuser    0m0.000s\n"
    assert findings("doubled-space", text, "markdown")
    assert not findings("doubled-space", text, "plaintext")


@pytest.mark.parametrize("line", ["install --force ;", "ls -la", "user@host:~$ ls"])
def test_a_zero_width_space_does_not_hide_a_command(line: str) -> None:
    """invisible-character removes the ZWSP: the line is a command before, as after."""
    plain = layout_spans(f"{line}\n")
    assert plain  # the line is layout
    assert layout_spans(f"\u200b{line}\n") == [(0, len(line) + 1)]


def test_lines_of_lower_case_words_without_a_hint_are_prose() -> None:
    """200,000 lines of ``ligne`` hold no command hint: no line is layout (and the
    paragraph is not scanned line by line)."""
    assert layout_spans("ligne \n" * 1000) == []
    assert layout_spans("ls -la\nls -l\n") != []


def test_code_and_record_lines_read_mojibake_as_its_repair() -> None:
    """A repair must not make a line code or a record: ``dÃ©pÃ´tÃ©`` counted as three
    words and ``dépôté`` as one, and `` Ã© Er sagte:`` was no ``Key:`` (``©``)."""
    from textsweep.engine.structure.plain import looks_like_code, record_re

    line = "a = b[c] | d un deux trois quatre cinq six sept dÃ©pÃ´tÃ©"
    assert looks_like_code(line) == looks_like_code(line.replace("dÃ©pÃ´tÃ©", "dépôté"))
    assert record_re().match(" Ã© Er sagte: Hallo") and record_re().match(" é Er sagte: Hallo")
    assert record_re().match("lâ€™adresse: ici") and record_re().match("l’adresse: ici")


def test_prompts_named_after_a_host_or_user_start_a_transcript() -> None:
    """In a French or German manual, the command and its output are not prose."""
    assert findings("french-missing-space", CHROOT_FR, language="fr") == []
    assert findings("german-space-before", XHOST_DE, language="de") == []
    # the same lines without their prompt are read as prose
    prose = CHROOT_FR.replace("vore$ dchroot unstable", "Voici la sortie")
    assert findings("french-missing-space", prose, language="fr")
