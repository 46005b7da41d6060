"""Measure one command as a subprocess: wall time, CPU time and peak memory.

``run_measured(argv)`` starts the command in its own process group, samples the resident set
size of its whole process tree (``/proc``, every 0.1 s: catches worker processes of a parallel
build) and reaps it with ``os.wait4`` for its CPU times and the kernel's peak RSS of the
largest single process. A time limit kills the whole group and marks the run as timed out.

Linux only (``/proc``). It does not interpret the command's output.
"""
from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

PAGE = os.sysconf("SC_PAGE_SIZE")


@dataclass
class Measured:
    argv: list[str]
    returncode: int | None
    timed_out: bool
    wall_s: float
    user_s: float
    sys_s: float
    peak_rss_mib: float        # os.wait4: the largest single process (kernel's ru_maxrss)
    peak_tree_rss_mib: float   # sampled: the whole process tree at its largest
    stdout: str
    stderr: str

    def as_dict(self) -> dict:
        out = asdict(self)
        out["stdout"] = out["stdout"][-4000:]
        out["stderr"] = out["stderr"][-4000:]
        return out


def _children_map() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def tree_rss_bytes(pid: int) -> int:
    """Resident set size of ``pid`` and all its descendants, in bytes (0 when gone)."""
    tree = _children_map()
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            total += int(Path(f"/proc/{p}/statm").read_text().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            pass
        todo += tree.get(p, [])
    return total


def run_measured(argv: list[str], *, timeout: float | None = None, env: dict | None = None,
                 cwd: Path | None = None, interval: float = 0.1) -> Measured:
    """Run ``argv`` to the end (or ``timeout``) and measure it; output is captured."""
    out_path = Path(os.environ.get("TMPDIR", "/tmp")) / f"measure-{os.getpid()}-{time.time_ns()}"
    with open(f"{out_path}.out", "w+b") as out, open(f"{out_path}.err", "w+b") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=out, stderr=err, env=env, cwd=cwd, start_new_session=True)
        peak = [0]
        done = threading.Event()

        def sample() -> None:
            while not done.wait(interval):
                peak[0] = max(peak[0], tree_rss_bytes(proc.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        timed_out = False
        deadline = None if timeout is None else started + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if deadline is not None and time.perf_counter() > deadline:
                timed_out = True
                os.killpg(proc.pid, signal.SIGKILL)
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.05)
        wall = time.perf_counter() - started
        done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    for suffix in (".out", ".err"):
        Path(f"{out_path}{suffix}").unlink(missing_ok=True)
    return Measured(list(argv), None if timed_out else proc.returncode, timed_out, round(wall, 3),
                    round(usage.ru_utime, 3), round(usage.ru_stime, 3), round(usage.ru_maxrss / 1024, 1),
                    round(peak[0] / 2**20, 1), stdout, stderr)
