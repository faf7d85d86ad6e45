"""Reading and writing files safely, for the CLI and the server.

Users run textsweep on trees they did not write: a FIFO, a device, a symlink to
``/dev/zero`` or a file another process is appending to must neither hang it nor lose
a byte. So (docs/hostile-input.md):

* only regular files are read, after a ``stat`` that follows links and an ``fstat`` of
  the open descriptor (a FIFO opened non-blocking never waits for a writer);
* the size limit counts the bytes actually read, not ``st_size`` (0 for devices);
* writing goes to the link's target, keeps owner, group and mode, never severs a hard
  link, and only happens when the file is still byte for byte the one that was read.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass

#: Larger files are not read (a text file this size is a log or a dump, not prose).
MAX_BYTES = 64 * 1024 * 1024
_CHUNK = 1024 * 1024

#: Called with the path just before a file is replaced (tests use it to play a
#: writer that slips in after the last check).
before_replace: Callable[[str], None] | None = None


class SkippedFile(OSError):
    """Not read on purpose (not a regular file, too large): a note, not a failure."""


class ChangedOnDisk(OSError):
    """The file changed between reading and writing: it was left as it is."""


@dataclass(frozen=True)
class Snapshot:
    """A file as it was read: its bytes and what identifies that version of it."""

    path: str
    data: bytes
    dev: int
    ino: int
    size: int
    mtime_ns: int
    mode: int
    uid: int
    gid: int
    nlink: int

    @property
    def digest(self) -> bytes:
        return _sha256(self.data)


def _sha256(data: bytes) -> bytes:
    """SHA-256 of ``data``; hashlib is imported on the first write, not at start-up
    (with tempfile, 7 ms of every ``textsweep check`` that writes nothing)."""
    import hashlib

    return hashlib.sha256(data).digest()


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words for a note."""
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _not_regular(path: str, mode: int) -> SkippedFile:
    return SkippedFile(errno.EINVAL, f"{kind_of(mode)}, skipped: only regular files are read", path)


def _read_fd(fd: int, path: str, limit: int) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > limit:
            raise SkippedFile(
                errno.EFBIG, f"larger than {limit // (1024 * 1024)} MiB, skipped", path
            )
        chunks.append(chunk)


def read_regular(path: str, limit: int = MAX_BYTES) -> Snapshot:
    """The bytes of a regular file (following symlinks), or :class:`SkippedFile`.

    Other ``OSError`` (missing, permission) propagate for the caller to report.
    """
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        # Not even opened: opening a device or a tty can have effects of its own.
        raise _not_regular(path, st.st_mode)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    try:
        st = os.fstat(fd)  # the file may have been swapped for a FIFO since the stat
        if not stat.S_ISREG(st.st_mode):
            raise _not_regular(path, st.st_mode)
        data = _read_fd(fd, path, limit)
    finally:
        os.close(fd)
    return Snapshot(
        path,
        data,
        st.st_dev,
        st.st_ino,
        st.st_size,
        st.st_mtime_ns,
        st.st_mode,
        st.st_uid,
        st.st_gid,
        st.st_nlink,
    )


def _changed(path: str, why: str) -> ChangedOnDisk:
    return ChangedOnDisk(
        errno.EAGAIN, f"changed on disk while being fixed ({why}); left as it is", path
    )


def _verify(fd: int, snap: Snapshot, path: str) -> None:
    """Raise :class:`ChangedOnDisk` unless ``fd`` is still the file ``snap`` was read from."""
    st = os.fstat(fd)
    if (st.st_dev, st.st_ino) != (snap.dev, snap.ino):
        raise _changed(path, "replaced by another file")
    if st.st_size != snap.size or len(snap.data) != st.st_size:
        raise _changed(path, f"size {snap.size} → {st.st_size} bytes")
    if st.st_mtime_ns != snap.mtime_ns:
        raise _changed(path, "modification time")
    os.lseek(fd, 0, os.SEEK_SET)
    now = _read_fd(fd, path, len(snap.data) + 1)
    if _sha256(now) != snap.digest:
        raise _changed(path, "content")


def _can_keep_owner(snap: Snapshot) -> bool:
    """Whether a new file (for an atomic rename) can get the old one's owner and group."""
    if os.geteuid() == 0:
        return True
    return snap.uid == os.geteuid() and (snap.gid == os.getegid() or snap.gid in os.getgroups())


def replace_checked(snap: Snapshot, data: bytes) -> None:
    """Write ``data`` over the file ``snap`` was read from, if it is still that file.

    A symlink's target is written and the link kept. A file with several hard links,
    or one whose owner a new file could not get, is rewritten in place through the
    same inode (all names see the new text; owner, group, mode stay); any other file
    is written to a temporary file given the same owner, group and mode, then renamed
    over it (a crash never leaves half a file). Either way the file is checked just
    before: same inode, size, modification time and content hash as when it was read,
    else :class:`ChangedOnDisk` and nothing is written.
    """
    target = os.path.realpath(snap.path)
    if snap.nlink > 1 or not _can_keep_owner(snap):
        _write_in_place(target, snap, data)
    else:
        _write_renamed(target, snap, data)


def _write_in_place(target: str, snap: Snapshot, data: bytes) -> None:
    fd = os.open(target, os.O_RDWR | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        if before_replace is not None:
            before_replace(snap.path)
        _verify(fd, snap, snap.path)
        os.lseek(fd, 0, os.SEEK_SET)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.ftruncate(fd, len(data))
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_renamed(target: str, snap: Snapshot, data: bytes) -> None:
    import tempfile  # only when writing (see _sha256)

    folder = os.path.dirname(target)
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".textsweep-", suffix=".tmp")
    except PermissionError:
        # A writable file in a directory we may not create files in.
        _write_in_place(target, snap, data)
        return
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            st = os.fstat(fd)
            if (st.st_uid, st.st_gid) != (snap.uid, snap.gid):
                os.fchown(fd, snap.uid, snap.gid)  # before chmod: chown clears set-id bits
            os.fchmod(fd, stat.S_IMODE(snap.mode))
            os.fsync(fd)
        finally:
            os.close(fd)
        if before_replace is not None:
            before_replace(snap.path)
        check = os.open(target, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            _verify(check, snap, snap.path)
        finally:
            os.close(check)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def same_file_key(snap: Snapshot) -> tuple[int, int]:
    """(device, inode): two paths with the same key are one file (links)."""
    return snap.dev, snap.ino


def inside(path: str, folders: list[str]) -> bool:
    """Whether ``path`` (links resolved) lies in one of ``folders`` (links resolved)."""
    real = os.path.realpath(path)
    for folder in folders:
        base = os.path.realpath(folder)
        if real == base or real.startswith(base.rstrip(os.sep) + os.sep):
            return True
    return False
