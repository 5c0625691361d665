"""Safe publishing of the warehouse file.

Builds write to a working copy (`Settings.working_copy`). Only a build whose dbt models
and tests passed replaces the published file, and it does so with an atomic rename in the
published file's directory. A reader holding the old file open keeps reading the old
inode undisturbed; a new connection opens the new file. The build never opens the
published file for writing, so DuckDB's file lock held by a reader cannot block it.
"""

from __future__ import annotations

import fcntl
import os
import shutil
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


def prepare_working_copy(working: Path, published: Path) -> None:
    """Start a build: the working copy becomes a copy of the published file (or empty)."""
    working.parent.mkdir(parents=True, exist_ok=True)
    _remove(working)
    if published.exists():
        shutil.copy2(published, working)


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


def publish(working: Path, published: Path) -> Path:
    """Atomically replace `published` with a checkpointed copy of `working`.

    The working copy stays in place so that later partial materialisations (e.g. from the
    Dagster UI) start from the published state.
    """
    if not working.exists():
        raise FileNotFoundError(f"nothing to publish: working copy {working} does not exist")
    con = duckdb.connect(str(working))
    try:
        con.execute("checkpoint")
    finally:
        con.close()
    published.parent.mkdir(parents=True, exist_ok=True)
    staging = published.with_name(f".{published.name}.publishing-{os.getpid()}")
    try:
        shutil.copyfile(working, staging)
        with open(staging, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(staging, published)
        # A WAL left from some other writer of the published path would be replayed
        # against the new file; the published file is never written in place, so drop it.
        for sidecar in _sidecars(published):
            if sidecar.exists():
                sidecar.unlink()
    finally:
        if staging.exists():
            staging.unlink()
    dir_fd = os.open(published.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
    return published
