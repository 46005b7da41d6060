"""A store dumped as N-Quads files for Virtuoso's bulk loader, with pyoxigraph's native ``Store.dump``.

Opens STORE read-only, writes every quad with ``Store.dump`` (Rust, one pass) to one file, cuts it into
PARTS files at line ends (GNU ``split -n l/PARTS``: one ``rdf_loader_run()`` per file, in parallel) named
``partNN.nq`` in OUT, and prints the wall and CPU time of the dump, the time of the split and the bytes.
The files are what ``bench/remote_engine_bench.py --load-dir OUT`` loads. It does not load anything and
does not check the quads (``remote_engine_bench.py`` compares every graph's count after the load).

    python bench/dump_nquads.py STORE OUT 6
"""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox


def main(argv: list[str]) -> int:
    if len(argv) != 3 or not argv[2].isdigit() or int(argv[2]) < 1:
        print("usage: python bench/dump_nquads.py STORE OUT PARTS", file=sys.stderr)
        return 2
    store, out, parts = argv[0], Path(argv[1]), int(argv[2])
    out.mkdir(parents=True, exist_ok=True)
    started, cpu = time.perf_counter(), time.process_time()
    whole = out / "all.nq.tmp"
    ox.Store.read_only(store).dump(str(whole), ox.RdfFormat.N_QUADS)
    dumped, dump_cpu = time.perf_counter(), time.process_time()
    subprocess.run(["split", "-n", f"l/{parts}", "-d", "--additional-suffix=.nq", str(whole), str(out / "part")],
                   check=True)
    whole.unlink()
    print(json.dumps({"dump_wall_s": round(dumped - started, 1), "dump_cpu_s": round(dump_cpu - cpu, 1),
                      "split_wall_s": round(time.perf_counter() - dumped, 1), "files": parts,
                      "bytes": sum(f.stat().st_size for f in out.glob("part*.nq"))}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
