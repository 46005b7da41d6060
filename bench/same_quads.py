"""Do two builds hold the same quads? A sorted N-Quads export of each store, build ids and timestamps masked.

Prints, for each store, the number of quads and the sha256 of its sorted export in which the
build directory's name becomes ``BUILD`` and every ``xsd:dateTime`` literal ``"TS"`` (the only
parts of the build record that differ between two builds of the same inputs); exits 1 when
they differ and writes both exports with ``--keep DIR`` for a diff. Read-only.

    python bench/same_quads.py /tmp/main-build/store /tmp/branch-build/store
"""
from __future__ import annotations

import argparse
import hashlib
import re
import sys
from pathlib import Path

import pyoxigraph as ox

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from graph_builder.build import store as store_mod  # noqa: E402

DATETIME = re.compile(r'"[0-9T:+Z.\-]+"\^\^<http://www\.w3\.org/2001/XMLSchema#dateTime>')


def masked_lines(store: Path) -> list[str]:
    target = store_mod.resolve(store)
    if target is None:
        raise SystemExit(f"{store}: no build")
    lines = ox.Store.read_only(str(target)).dump(format=ox.RdfFormat.N_QUADS).decode("utf-8").splitlines()
    return sorted(DATETIME.sub('"TS"', line.replace(target.name, "BUILD")) for line in lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("stores", type=Path, nargs=2)
    ap.add_argument("--keep", type=Path, help="folder to write the two masked exports into")
    args = ap.parse_args(argv)
    digests = []
    for i, store in enumerate(args.stores):
        lines = masked_lines(store)
        digests.append(hashlib.sha256("\n".join(lines).encode()).hexdigest())
        print(f"{store}: {len(lines)} quads, sha256 {digests[-1]}")
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            (args.keep / f"{i}.nq").write_text("\n".join(lines) + "\n", encoding="utf-8")
    same = digests[0] == digests[1]
    print("same quads" if same else "DIFFERENT quads")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
