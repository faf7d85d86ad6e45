"""The CLI on trees it did not write: special files, links, owners, concurrent writers.

Each test is one reproduction from a hostile pass: before the fix the CLI hung on a
FIFO, read /dev/zero until MemoryError, replaced links with new files owned by root,
lost appended lines and wrote fixes under ``fix --check``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from textsweep import cli, fileio

#: Prose with a doubled space and trailing spaces: `fix` changes it.
MESSY = "Le dépôt  est prêt.   \nÀ bientôt.\n"
FIXED = "Le dépôt est prêt.\nÀ bientôt.\n"
#: Prose nothing flags.
CLEAN = "Tout va bien ici.\n"


def run(
    *args: str, cwd: Path | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "textsweep", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=timeout,  # a hang fails the test instead of freezing the suite
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def write(p: Path, text: str) -> Path:
    p.write_text(text, encoding="utf-8", newline="")
    return p


# --------------------------------------------------------------------- special files


@pytest.mark.parametrize("command", ["check", "fix"])
def test_named_fifo_and_devices_are_skipped_with_a_note(tmp_path: Path, command: str) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    good = write(tmp_path / "a.txt", MESSY)
    out = run(command, str(fifo), "/dev/zero", "/dev/null", str(good))
    assert "pipe.txt: " in out.stdout + out.stderr
    both = out.stdout + out.stderr
    assert "a FIFO (named pipe), skipped: only regular files are read" in both
    assert "/dev/zero" in both and "a character device, skipped" in both
    # The regular file named with them is still handled.
    if command == "check":
        assert out.returncode == 1 and "a.txt:1:" in out.stdout
    else:
        assert out.returncode == 0 and good.read_text("utf-8") == FIXED


def test_fifo_and_device_links_met_while_walking_are_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    write(tmp_path / "a.txt", CLEAN)
    out = run("check", "--format", "json", str(tmp_path))
    assert out.returncode == 0, out.stderr
    paths = [f["path"] for f in json.loads(out.stdout)["files"]]
    assert not any(p.endswith(("pipe.txt", "zero.txt")) for p in paths)


def test_file_swapped_for_a_fifo_after_stat_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fstat after opening catches what the stat before could not."""
    fifo = tmp_path / "p"
    os.mkfifo(fifo)
    real_stat = os.stat
    regular = real_stat(write(tmp_path / "r.txt", CLEAN))
    monkeypatch.setattr(
        os, "stat", lambda p, *a, **k: regular if str(p) == str(fifo) else real_stat(p, *a, **k)
    )
    with pytest.raises(fileio.SkippedFile, match="FIFO"):
        fileio.read_regular(str(fifo))


def test_limit_counts_bytes_read_not_st_size(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    p.write_bytes(b"a" * 5000)
    assert fileio.read_regular(str(p), limit=5000).data == b"a" * 5000
    with pytest.raises(fileio.SkippedFile, match="larger than"):
        fileio.read_regular(str(p), limit=4999)


# --------------------------------------------------------------------- fix --check


def test_fix_check_writes_nothing(tmp_path: Path) -> None:
    p = write(tmp_path / "a.txt", MESSY)
    before = os.stat(p)
    out = run("fix", "--check", str(p))
    assert out.returncode == 1
    assert "would be applied" in out.stderr
    assert p.read_text("utf-8") == MESSY
    assert os.stat(p).st_ino == before.st_ino
    assert not [q for q in tmp_path.iterdir() if q.name.startswith(".textsweep-")]


# --------------------------------------------------------------------- links


def test_fix_on_a_named_symlink_fixes_the_target_and_keeps_the_link(tmp_path: Path) -> None:
    target = write(tmp_path / "real.txt", MESSY)
    link = tmp_path / "link.txt"
    link.symlink_to("real.txt")
    out = run("fix", str(link))
    assert out.returncode == 0, out.stderr
    assert link.is_symlink() and os.readlink(link) == "real.txt"
    assert target.read_text("utf-8") == FIXED


def test_links_met_while_walking_fix_each_target_once(tmp_path: Path) -> None:
    target = write(tmp_path / "real.txt", MESSY)
    (tmp_path / "link1.txt").symlink_to("real.txt")
    (tmp_path / "link2.txt").symlink_to(target)
    out = run("fix", str(tmp_path))
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "link1.txt").is_symlink() and (tmp_path / "link2.txt").is_symlink()
    assert target.read_text("utf-8") == FIXED
    assert out.stderr.count("applied") == 1, out.stderr


def test_link_out_of_the_walked_tree_is_not_fixed(tmp_path: Path) -> None:
    outside = write(tmp_path / "outside.txt", MESSY)
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "escape.txt").symlink_to(outside)
    out = run("fix", str(tree))
    assert out.returncode == 0
    assert "symlink to a file outside the tree, not fixed" in out.stderr
    assert outside.read_text("utf-8") == MESSY


def test_hard_links_are_kept(tmp_path: Path) -> None:
    a = write(tmp_path / "a.txt", MESSY)
    b = tmp_path / "b.txt"
    os.link(a, b)
    out = run("fix", str(a))
    assert out.returncode == 0, out.stderr
    assert os.stat(a).st_ino == os.stat(b).st_ino and os.stat(a).st_nlink == 2
    assert b.read_text("utf-8") == FIXED


@pytest.mark.skipif(os.geteuid() != 0, reason="changing a file's owner needs root")
@pytest.mark.parametrize("links", [1, 2])
def test_owner_group_and_mode_are_kept_when_root_fixes(tmp_path: Path, links: int) -> None:
    p = write(tmp_path / "a.txt", MESSY)
    os.chown(p, 1234, 5678)
    os.chmod(p, 0o640)
    if links == 2:
        os.link(p, tmp_path / "b.txt")
    out = run("fix", str(p))
    assert out.returncode == 0, out.stderr
    st = os.stat(p)
    assert (st.st_uid, st.st_gid, st.st_mode & 0o7777) == (1234, 5678, 0o640)
    assert p.read_text("utf-8") == FIXED


def test_mode_kept_by_the_atomic_rename(tmp_path: Path) -> None:
    p = write(tmp_path / "script.txt", MESSY)
    os.chmod(p, 0o751)
    before = os.stat(p).st_ino
    assert cli.main(["fix", str(p)]) == 0
    st = os.stat(p)
    assert st.st_mode & 0o7777 == 0o751
    assert st.st_ino != before  # a single-link file is replaced atomically


# --------------------------------------------------------------------- concurrent writers


@pytest.mark.parametrize("links", [1, 2])
def test_lines_appended_during_fix_are_not_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, links: int, capsys: pytest.CaptureFixture[str]
) -> None:
    """Another process appends while the fixes are computed: the file is left alone."""
    p = write(tmp_path / "journal.txt", MESSY)
    if links == 2:
        os.link(p, tmp_path / "other.txt")
    real_fix_all = cli.fix_all

    def fix_all_while_someone_appends(*args, **kwargs):  # type: ignore[no-untyped-def]
        with open(p, "a", encoding="utf-8") as fh:
            fh.write("Ligne ajoutée pendant la correction.\n")
        return real_fix_all(*args, **kwargs)

    monkeypatch.setattr(cli, "fix_all", fix_all_while_someone_appends)
    assert cli.main(["fix", str(p)]) == 2
    assert p.read_text("utf-8") == MESSY + "Ligne ajoutée pendant la correction.\n"
    err = capsys.readouterr().err
    assert "changed on disk while being fixed (size" in err and "left as it is" in err
    assert not [q for q in tmp_path.iterdir() if q.name.startswith(".textsweep-")]


def test_same_size_rewrite_just_before_replacing_is_detected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same size, mtime restored: only the content hash can tell."""
    p = write(tmp_path / "a.txt", MESSY)
    st = os.stat(p)

    def sneak(path: str) -> None:
        p.write_text(MESSY.replace("dépôt", "dépot").replace("prêt", "prêts"), "utf-8")
        assert os.stat(p).st_size == st.st_size
        os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns))

    monkeypatch.setattr(fileio, "before_replace", sneak)
    assert cli.main(["fix", str(p)]) == 2
    assert "prêts" in p.read_text("utf-8")


# --------------------------------------------------------------------- SARIF names


def test_sarif_with_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9.txt")
    write(tmp_path / name, "Bonjour  le monde.\n")
    out = run("check", "--format", "sarif", ".", cwd=tmp_path)
    assert out.returncode == 1, out.stderr
    uris = {
        loc["physicalLocation"]["artifactLocation"]["uri"]
        for res in json.loads(out.stdout)["runs"][0]["results"]
        for loc in res["locations"]
    }
    assert uris == {"caf%E9.txt"}


# --------------------------------------------------------------------- serve --tcp


def test_serve_tcp_refuses_other_hosts() -> None:
    out = run("serve", "--tcp", "0.0.0.0:2087")
    assert out.returncode == 2
    assert "listens on localhost only" in out.stderr


def test_tcp_address_accepts_loopback_only() -> None:
    from textsweep.servetcp import tcp_address

    assert tcp_address("2087") == ("127.0.0.1", 2087)
    assert tcp_address(":2087") == ("127.0.0.1", 2087)
    assert tcp_address("127.0.0.2:9") == ("127.0.0.2", 9)
    assert tcp_address("[::1]:9") == ("::1", 9)
    for bad in ("0.0.0.0:1", "192.168.1.2:1", "example.org:1", "[::]:1", "localhost:x"):
        with pytest.raises(ValueError):
            tcp_address(bad)


def test_gitignore_linked_to_a_device_or_a_fifo_does_not_hang_the_walk(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").symlink_to("/dev/zero")
    sub = tmp_path / "sub"
    sub.mkdir()
    os.mkfifo(sub / ".gitignore")
    write(sub / "a.txt", MESSY)
    out = run("check", str(tmp_path))
    assert out.returncode == 1 and "a.txt:1:" in out.stdout


def test_file_in_a_read_only_directory_is_fixed_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    p = write(tmp_path / "a.txt", MESSY)
    inode = os.stat(p).st_ino

    def no_temp_files(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    # fileio imports tempfile when it writes: the module's own function is patched
    monkeypatch.setattr(tempfile, "mkstemp", no_temp_files)
    assert cli.main(["fix", str(p)]) == 0
    assert p.read_text("utf-8") == FIXED and os.stat(p).st_ino == inode


def test_a_file_that_cannot_be_written_fails_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    a = write(tmp_path / "a.txt", MESSY)
    b = write(tmp_path / "b.txt", MESSY)
    real = fileio.replace_checked

    def disk_full_for_a(snap: fileio.Snapshot, data: bytes) -> None:
        if snap.path.endswith("a.txt"):
            raise OSError(28, "No space left on device")
        real(snap, data)

    monkeypatch.setattr(fileio, "replace_checked", disk_full_for_a)
    assert cli.main(["fix", str(a), str(b)]) == 2
    assert "a.txt: not written: No space left on device" in capsys.readouterr().err
    assert a.read_text("utf-8") == MESSY and b.read_text("utf-8") == FIXED
