"""dbt run in this process instead of a `dbt` subprocess, with dagster-dbt unchanged.

dagster-dbt starts `dbt` as a subprocess and reads its JSON log lines from stdout. A new
interpreter importing dbt costs about 2 s on every build (`dbt --version` alone takes 2.1 s
here), most of a small build's dbt overhead; this process has already imported most of
dbt through dagster-dbt. `in_process_dbt()` swaps dagster-dbt's `subprocess.Popen` for
`InProcessDbt`, which runs the same command line through dbt's programmatic entry point
(`dbtRunner`) on a thread and hands dagster-dbt the same JSON lines, so materialisations,
asset checks and errors come out as they do from the CLI. dbt's connection to the working
copy is closed when the command ends, before anything else opens the file.

`UNREST_DBT_SUBPROCESS=1` goes back to the subprocess (the default of dagster-dbt).
`tests/test_dbt_in_process.py` checks that both give the same events and tables.
"""

from __future__ import annotations

import os
import queue
import subprocess
import threading
import types
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from dagster_project.config import dbt_in_process

_DONE = object()
_RUN_LOCK = threading.Lock()  # dbt's global state admits one command at a time per process
_LEVELS = {"info", "warn", "error"}  # what the CLI prints at its default log level


class _Lines:
    """The subprocess's stdout as dagster-dbt reads it: an iterable of byte lines."""

    def __init__(self, lines: queue.Queue) -> None:
        self._lines, self.closed = lines, False

    def __iter__(self) -> Iterator[bytes]:
        while (line := self._lines.get()) is not _DONE:
            yield line
        self.closed = True

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.closed = True


class InProcessDbt:
    """`subprocess.Popen(["dbt", *args], stdout=PIPE, env=..., cwd=...)` for dbt, in-process."""

    def __init__(self, args: Sequence[str], stdout=None, stderr=None, env: dict | None = None, cwd=None) -> None:
        self.args = list(args)
        self.returncode: int | None = None
        self._lines: queue.Queue = queue.Queue()
        self.stdout = _Lines(self._lines)
        self._thread = threading.Thread(target=self._run, args=(dict(env or os.environ),), name="dbt", daemon=True)
        self._thread.start()

    def _on_event(self, msg) -> None:
        if msg.info.level in _LEVELS:
            from dbt_common.events.functions import msg_to_json

            self._lines.put(msg_to_json(msg).encode())

    def _run(self, env: dict) -> None:
        from dbt.cli.main import dbtRunner

        with _RUN_LOCK, _environment(env):
            try:
                result = dbtRunner(callbacks=[self._on_event]).invoke(self.args[1:])
                self.returncode = 0 if result.success else (1 if result.exception is None else 2)
                if result.exception is not None:
                    self._lines.put(f"dbt failed: {type(result.exception).__name__}: {result.exception}".encode())
            except Exception as exc:  # noqa: BLE001 -- reported as the subprocess would; `finally` ends the stream either way
                self.returncode = 2
                self._lines.put(f"dbt failed: {type(exc).__name__}: {exc}".encode())
            finally:
                _close_dbt_connections()
                self._lines.put(_DONE)

    def wait(self, timeout: float | None = None) -> int:
        self._thread.join(timeout)
        if self._thread.is_alive():
            raise subprocess.TimeoutExpired(self.args, timeout)
        return self.returncode

    def poll(self) -> int | None:
        return None if self._thread.is_alive() else self.returncode

    def send_signal(self, sig) -> None:
        """An interrupted step: dbt in-process cannot be signalled; it finishes its command."""


@contextmanager
def _environment(env: dict):
    """os.environ as the subprocess would have had it (dbt reads its flags, the target path
    and the profile's database path from there), restored afterwards. dbt's console log is
    off: its events reach dagster-dbt through the callback; dbt.log is written as before."""
    env = {**env, "DBT_LOG_LEVEL": "none", "DBT_LOG_LEVEL_FILE": env.get("DBT_LOG_LEVEL_FILE", "debug")}
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def _close_dbt_connections() -> None:
    """dbt-duckdb keeps its connection for the process (`keep_open`): close it so the working
    copy is free for the next connection (other settings) and for publishing."""
    from dbt.adapters.duckdb.connections import DuckDBConnectionManager
    from dbt.adapters.factory import reset_adapters

    reset_adapters()
    env = DuckDBConnectionManager._ENV
    DuckDBConnectionManager.close_all_connections()
    if env is not None:
        env.close()


@contextmanager
def in_process_dbt():
    """Within: dagster-dbt's dbt commands run in this process (unless UNREST_DBT_SUBPROCESS=1)."""
    if not dbt_in_process():
        yield
        return
    from dagster_dbt.core import dbt_cli_invocation

    shim = types.SimpleNamespace(Popen=InProcessDbt, PIPE=subprocess.PIPE, STDOUT=subprocess.STDOUT)
    original = dbt_cli_invocation.subprocess
    dbt_cli_invocation.subprocess = shim
    try:
        yield
    finally:
        dbt_cli_invocation.subprocess = original
