"""Publishing: one build at a time, atomic replacement, the working copy kept."""

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from dagster_project.warehouse.publisher import BuildLockedError, build_lock, prepare_working_copy, publish, writer_lock


def execute(path, sql):
    con = duckdb.connect(str(path))
    con.execute(sql)
    con.close()


def count(path) -> int:
    return duckdb.connect(str(path), read_only=True).execute("select count(*) from t").fetchone()[0]


def published_table(tmp_path):
    """A published warehouse with table t (one row), built in its working copy."""
    published, working = tmp_path / "unrest.duckdb", tmp_path / ".build" / "unrest.duckdb"
    prepare_working_copy(working, published)
    execute(working, "create table t as select 1 as v")
    publish(working, published)
    return published, working


def test_a_second_build_fails_fast_while_one_holds_the_lock(tmp_path):
    working = tmp_path / ".build" / "unrest.duckdb"
    with build_lock(working):
        with pytest.raises(BuildLockedError, match="another build is running"):
            with build_lock(working):
                pass
    with build_lock(working):  # released afterwards
        pass


WRITER = """
import sys, time
from pathlib import Path
from dagster_project.warehouse.publisher import writer_lock
with writer_lock(Path(sys.argv[1]), on_wait=lambda m: print(m, flush=True)):
    print(f"acquired {time.time()}", flush=True)
"""


def test_a_second_writer_waits_for_the_writer_lock_instead_of_failing(tmp_path):
    import os
    import subprocess
    import sys
    import time

    working = tmp_path / ".build" / "unrest.duckdb"
    with writer_lock(working):
        with writer_lock(working):  # re-entrant within a process
            pass
        other = subprocess.Popen([sys.executable, "-c", WRITER, str(working)], stdout=subprocess.PIPE, text=True,
                                 cwd=Path(__file__).resolve().parent.parent)
        time.sleep(1.5)  # the other process is waiting, still held after the inner release
        assert other.poll() is None
        released = time.time()
    out, _ = other.communicate(timeout=60)
    assert other.returncode == 0, out
    waiting, acquired = out.strip().splitlines()
    assert waiting == f"waiting for the writer lock {(working.parent / 'writer.lock').resolve()}, held by process {os.getpid()} since " + waiting.rsplit(" since ", 1)[1]
    assert float(acquired.split()[1]) >= released - 0.05


def test_publish_replaces_the_file_and_keeps_the_working_copy(tmp_path):
    published, working = published_table(tmp_path)
    reader = duckdb.connect(str(published), read_only=True)  # held open across the next publish
    execute(working, "insert into t values (2)")
    publish(working, published)
    assert reader.execute("select count(*) from t").fetchone()[0] == 1
    reader.close()
    assert count(published) == 2
    assert working.exists() and not list(tmp_path.glob(".unrest.duckdb.publishing-*"))
    prepare_working_copy(working, published)  # the next build starts from what was published
    assert count(working) == 2


def test_publishing_nothing_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="nothing to publish"):
        publish(tmp_path / "missing.duckdb", tmp_path / "out.duckdb")


def copies_counted(monkeypatch) -> list:
    """Full copies of a file made by the publisher (it otherwise rewrites changed blocks)."""
    import shutil

    from dagster_project.warehouse import publisher

    copies, copy2 = [], shutil.copy2
    monkeypatch.setattr(publisher.shutil, "copy2", lambda src, dst: copies.append(src) or copy2(src, dst))
    return copies


def test_the_next_build_reuses_an_untouched_working_copy_and_restores_it_otherwise(tmp_path, monkeypatch):
    copies = copies_counted(monkeypatch)
    published, working = published_table(tmp_path)  # the first publish copies: no previous file
    copies.clear()
    assert working.read_bytes() == published.read_bytes()
    inode = working.stat().st_ino
    prepare_working_copy(working, published)  # untouched since publishing: nothing to do
    assert working.stat().st_ino == inode

    execute(working, "insert into t values (2)")  # a failed build's leftovers
    prepare_working_copy(working, published)  # the changed blocks are written back
    assert count(working) == 1 and working.read_bytes() == published.read_bytes()
    assert working.stat().st_ino == inode

    publish(working, published)
    other = tmp_path / "other.duckdb"  # a file put in place of the published one
    execute(other, "create table t as select 5 as v union all select 6")
    other.replace(published)
    prepare_working_copy(working, published)
    assert count(working) == 2 and working.read_bytes() == published.read_bytes()
    assert copies == []


def test_publishing_renames_the_working_copy_and_reuses_the_previous_file(tmp_path, monkeypatch):
    copies = copies_counted(monkeypatch)
    published, working = published_table(tmp_path)
    copies.clear()
    before = published.stat().st_ino
    execute(working, "insert into t select range from range(100000)")  # more than one block
    built = working.stat().st_ino
    publish(working, published)
    assert published.stat().st_ino == built  # the working copy itself, not a copy of it
    assert working.stat().st_ino == before  # the previous file, brought up to date
    assert working.read_bytes() == published.read_bytes() and count(working) == 100001
    assert copies == [] and not list(working.parent.glob("*.previous"))


def test_a_reader_of_a_previous_file_keeps_it_across_publishes(tmp_path, monkeypatch):
    """A file someone still reads is never reused: the next working copy is a fresh copy."""
    copies = copies_counted(monkeypatch)
    published, working = published_table(tmp_path)
    copies.clear()
    reader = duckdb.connect(str(published), read_only=True)  # this process, as a notebook would
    other = subprocess.Popen([sys.executable, "-c", READ_LATER, str(published)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert other.stdout.readline().strip() == "1"  # another process holds the same file
    for value in (2, 3):
        execute(working, f"insert into t values ({value})")
        publish(working, published)
        assert count(working) == value and working.read_bytes() == published.read_bytes()
    assert reader.execute("select count(*), sum(v) from t").fetchone() == (1, 1)
    reader.close()
    out, _ = other.communicate("go\n", timeout=60)
    assert out.strip() == "(1, 1)"
    assert copies == [published]  # the first publish: the previous file is read; the second reuses
    assert count(published) == 3


READ_LATER = """
import sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
print(con.execute("select count(*) from t").fetchone()[0], flush=True)
sys.stdin.readline()
print(con.execute("select count(*), sum(v) from t").fetchone())
"""
