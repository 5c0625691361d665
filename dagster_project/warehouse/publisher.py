"""Safe publishing of the warehouse file.

Builds write to a working copy (`Settings.working_copy`). Only a build whose dbt models
and tests passed replaces the published file: the working copy is renamed over it, an
atomic rename in the published file's directory. A reader holding the old file open keeps
reading the old inode undisturbed; a new connection opens the new file. The build never
opens the published file for writing, so DuckDB's file lock held by a reader cannot block it.

The file published before becomes the next working copy: only the blocks the build changed
are written into it, so publishing costs what the build changed, not a copy of the whole
file (860 MB at 100,000 articles). It is written only when no DuckDB connection has it open
(an exclusive open-file-description lock, which conflicts with the lock every DuckDB
connection holds on its file); an analyst still reading it keeps it, and the working copy is
then a fresh copy. A connection that opens the old file in the instant it is being replaced
may find it locked and fail to open ("Could not set lock on file"); opening it again opens
the new file.

After publishing, the working copy and the published file hold the same bytes. A stamp
(inode, size and modification time of both, `<working copy>.published`) lets the next
build start from the working copy as it is instead of copying the published file again;
any write to either file since (a failed build, a partial run, a file put in place by
hand) changes a stamp, and the build brings the working copy back to the published bytes
(again writing only the blocks that differ).
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import struct
import threading
import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

import duckdb


class BuildLockedError(RuntimeError):
    """Another build is writing the same working copy."""


def _sidecars(path: Path) -> list[Path]:
    return [path.with_name(path.name + ".wal")]


def _remove(path: Path) -> None:
    for p in [path, *_sidecars(path)]:
        if p.exists():
            p.unlink()


def _published_stamp(working: Path) -> Path:
    return working.with_name(working.name + ".published")


def _stamps(working: Path, published: Path) -> dict[str, list[int]]:
    def stamp(path: Path) -> list[int]:
        st = path.stat()
        return [st.st_ino, st.st_size, st.st_mtime_ns]

    return {"working": stamp(working), "published": stamp(published)}


def _same_as_published(working: Path, published: Path) -> bool:
    """Whether `working` still holds exactly the bytes last published to `published`."""
    stamp_file = _published_stamp(working)
    if not (stamp_file.exists() and working.exists() and published.exists()) or any(p.exists() for p in _sidecars(working)):
        return False
    try:
        return json.loads(stamp_file.read_text()) == _stamps(working, published)
    except (OSError, ValueError):
        return False


def prepare_working_copy(working: Path, published: Path) -> None:
    """Start a build: the working copy becomes a copy of the published file (or empty).

    Nothing is done when the working copy is untouched since it was published; otherwise
    (a failed build, a run from the Dagster UI) only the blocks that differ are rewritten."""
    working.parent.mkdir(parents=True, exist_ok=True)
    if _same_as_published(working, published):
        return
    _published_stamp(working).unlink(missing_ok=True)
    _spare(working).unlink(missing_ok=True)
    for sidecar in _sidecars(working):
        sidecar.unlink(missing_ok=True)
    if published.exists():
        _sync_copy(published, working)
    else:
        _remove(working)


BLOCK_BYTES = 256 * 1024  # DuckDB's block size: a build changes the file in these


def _spare(working: Path) -> Path:
    """While publishing: the file that was published before, to become the next working copy."""
    return working.with_name(working.name + ".previous")


def _lock_if_unread(fd: int) -> bool:
    """Lock the open file exclusively unless a DuckDB connection has it open (DuckDB holds a
    POSIX lock on its file, also when read-only). An open file description lock conflicts
    with those whichever process holds them, this one included, and keeps DuckDB out until
    `fd` is closed. False where such locks do not exist (then the caller copies)."""
    if not hasattr(fcntl, "F_OFD_SETLK"):
        return False
    try:
        fcntl.fcntl(fd, fcntl.F_OFD_SETLK, struct.pack("hhxxxxqqixxxx", fcntl.F_WRLCK, os.SEEK_SET, 0, 0, 0))
    except OSError:
        return False
    return True


def _rewrite_changed_blocks(source: Path, fd: int) -> int:
    """Make the file open as `fd` hold the bytes of `source`, writing only the blocks that
    differ; returns the bytes written."""
    size = source.stat().st_size
    os.ftruncate(fd, size)
    written = 0
    with open(source, "rb", buffering=0) as src:
        ours, theirs = bytearray(BLOCK_BYTES), bytearray(BLOCK_BYTES)
        for offset in range(0, size, BLOCK_BYTES):
            n = os.preadv(src.fileno(), [theirs], offset)
            same = os.preadv(fd, [ours], offset) == n and (ours == theirs if n == BLOCK_BYTES else ours[:n] == theirs[:n])
            if not same:
                os.pwrite(fd, memoryview(theirs)[:n], offset)
                written += n
    return written


def _sync_copy(source: Path, target: Path) -> None:
    """Make `target` a durable copy of `source`. An existing `target` that no DuckDB connection
    has open is brought up to date in place, block by block (a build changes a small part of
    the file); one that is open (an analyst still reading a previously published file) is
    left to its reader and a new file is copied."""
    if target.exists():
        fd = os.open(target, os.O_RDWR)
        try:
            if _lock_if_unread(fd):
                _rewrite_changed_blocks(source, fd)
                os.fsync(fd)
                return
        finally:
            os.close(fd)
        target.unlink()
    shutil.copy2(source, target)
    _fsync(target)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def build_lock(working: Path):
    """Hold an exclusive lock for the duration of a build; fail fast if another holds it."""
    working.parent.mkdir(parents=True, exist_ok=True)
    lock_path = working.parent / "build.lock"
    with open(lock_path, "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise BuildLockedError(
                f"another build is running (lock held on {lock_path}); wait for it to finish"
            ) from exc
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


_held_writer_locks: dict[Path, list] = {}  # lock path -> [open handle, depth]; this process's holds
_held_writer_locks_guard = threading.Lock()


@contextmanager
def writer_lock(working: Path, on_wait: Callable[[str], None] | None = None):
    """Hold the working copy's writer lock, waiting as long as another process holds it.

    DuckDB allows one writing process per file and fails at once ("Could not set lock on
    file") instead of waiting. Every Dagster run that writes the working copy holds this
    lock (the `duckdb` resource takes it), so runs started at the same time (a backfill,
    the sensor and the schedule, two `unrest build`s) queue here. Dagster's
    `duckdb_writer` pool queues the same steps, but its slot claims race on the default
    SQLite instance storage (a SELECT then an UPDATE in separate statements), so the pool
    alone let two writers start within a millisecond of each other. `flock` cannot race.

    Re-entrant within a process: `unrest build` holds it while it prepares the working copy
    and again when the run's resource starts. `on_wait` is told, once, who holds it.
    """
    working.parent.mkdir(parents=True, exist_ok=True)
    lock_path = (working.parent / "writer.lock").resolve()
    with _held_writer_locks_guard:
        held = _held_writer_locks.get(lock_path)
        if held is not None:
            held[1] += 1
    if held is None:
        handle = open(lock_path, "a+")
        try:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if on_wait is not None:
                    handle.seek(0)
                    on_wait(f"waiting for the writer lock {lock_path}, held by {handle.read().strip() or 'another process'}")
                fcntl.flock(handle, fcntl.LOCK_EX)
            handle.seek(0)
            handle.truncate()
            handle.write(f"process {os.getpid()} since {time.strftime('%Y-%m-%d %H:%M:%S')}\n")
            handle.flush()
        except BaseException:
            handle.close()
            raise
        held = [handle, 1]
        with _held_writer_locks_guard:
            _held_writer_locks[lock_path] = held
    try:
        yield
    finally:
        with _held_writer_locks_guard:
            held[1] -= 1
            last = held[1] == 0
            if last:
                del _held_writer_locks[lock_path]
        if last:
            fcntl.flock(held[0], fcntl.LOCK_UN)
            held[0].close()


def publish(working: Path, published: Path) -> Path:
    """Atomically replace `published` with the checkpointed working copy.

    The working copy itself is renamed into place, so publishing writes no copy of the
    file. The file published before becomes the next working copy, brought up to date
    block by block (`_sync_copy`: only what this build changed is written), unless an
    analyst still has it open: it is then left to them and a fresh copy is made. Either way
    the working copy stays in place, so that later partial materialisations (e.g. from the
    Dagster UI) start from the published state.
    """
    if not working.exists():
        raise FileNotFoundError(f"nothing to publish: working copy {working} does not exist")
    _published_stamp(working).unlink(missing_ok=True)
    con = duckdb.connect(str(working))
    try:
        con.execute("checkpoint")
    finally:
        con.close()
    _fsync(working)
    published.parent.mkdir(parents=True, exist_ok=True)
    spare = _spare(working)
    spare.unlink(missing_ok=True)
    if published.exists():
        try:
            os.link(published, spare)
        except OSError:  # no hard links here: the next working copy is a fresh copy
            pass
    os.replace(working, published)
    # A WAL left from some other writer of the published path would be replayed
    # against the new file; the published file is never written in place, so drop it.
    for sidecar in _sidecars(published):
        if sidecar.exists():
            sidecar.unlink()
    for folder in {published.parent, working.parent}:
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    if spare.exists():
        spare.replace(working)
    _sync_copy(published, working)
    _published_stamp(working).write_text(json.dumps(_stamps(working, published)))
    return published
