"""One build at a time per site folder: an flock on <site>.lock, which says who holds it while it is held."""
from __future__ import annotations

import fcntl
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path


def lock_path(target: Path) -> Path:
    return target.with_name(target.name + ".lock")


def _take(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False


def holder(path: Path) -> str:
    """Who holds the lock, as its holder wrote it ("pid 4242, started 2024-05-01 10:03:07")."""
    try:
        return path.read_text(encoding="utf-8").strip() or "pid unknown"
    except OSError:
        return "pid unknown"


@contextmanager
def site_lock(target: Path, wait: float) -> Iterator[None]:
    """Hold the lock of `target` for the block; wait up to `wait` seconds for another build to finish.

    flock is released by the operating system when its holder exits, however it exits (a crash, SIGKILL), so a
    lock is never left behind; the file itself stays, holding the last holder's line.
    """
    path = lock_path(target)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)  # not inherited by the build's subprocesses (PEP 446)
    try:
        if not _take(fd):
            if wait <= 0:
                raise SystemExit(f"another build ({holder(path)}) is writing {target}; try again when it has finished")
            print(f"waiting for another build ({holder(path)}) to finish writing {target} …", file=sys.stderr, flush=True)
            deadline = time.monotonic() + wait
            while not _take(fd):
                if time.monotonic() > deadline:
                    raise SystemExit(f"gave up after {wait:g} s: another build ({holder(path)}) is still writing {target}")
                time.sleep(0.2)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()}, started {datetime.now():%Y-%m-%d %H:%M:%S}\n".encode(), 0)
        yield
    finally:
        os.close(fd)  # releases the lock
