"""Launcher that times one child and reads its peak memory: ``python -m bench.probe RESULT.json CMD...``.

Why a launcher: CPython starts children with vfork, and Linux carries the peak RSS of the address
space a child exec'd from into the child's ``ru_maxrss``. Spawned straight from the suite (which has
generated 100,000-row workbooks), every small child would report the suite's peak. Spawned from this
small process, a child's ``ru_maxrss`` is its own (never less than a bare interpreter's ~10 MiB anyway).
The launcher writes {"seconds", "cpu_seconds", "maxrss_kib", "rc"} to RESULT.json (``cpu_seconds``: the
child's user + system time, which other processes on a shared machine disturb far less than the
wall clock); stdout/stderr pass through.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time


def main() -> None:
    result, *argv = sys.argv[1:]
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t0
    proc.returncode = rc = os.waitstatus_to_exitcode(status)
    with open(result, "w", encoding="utf-8") as fh:
        json.dump({"seconds": seconds, "cpu_seconds": usage.ru_utime + usage.ru_stime, "maxrss_kib": usage.ru_maxrss,
                   "rc": rc}, fh)


if __name__ == "__main__":
    main()
