"""Which files each cached build stage depends on, so that a rebuild re-runs only what a change affects.

The build caches two things per report (:mod:`graph_builder.build.pipeline`):

* the **mention stage** (the document read into the model, and the gazetteer matcher's mentions),
  keyed by the files that stage actually reads;
* the **report** (facts, RDF quads, SHACL verdict), keyed by every file of the build stages:
  the stage code (everything under ``graph_builder/`` except :data:`OUTSIDE`), the gazetteer, the
  lexicons and the ontology, shapes and document kinds.

The mention stage's inputs are *measured*, not declared: :func:`probe` runs the stage in a fresh
interpreter on the bundled reports with an audit hook that records every data file opened, and
lists the package modules imported. So a lexicon that only the fact rules read does not re-run
the matcher, and one that the reading stage loads (the date words of a dateline) does; the
probe re-runs whenever any stage input changed. Code outside the build stages (the web service,
dumps, review tools, the command line, the store switch-over) is in neither key: changing it
re-runs nothing. :func:`changed` names the files that differ from the last build's inputs,
which is how a rebuild says why it re-ran a stage.

This module does not run the stages for the build, and reads no report it is not given.
"""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

from ..resources import data_dir

PKG = Path(__file__).resolve().parent.parent
# Package code that does not shape a report's quads: serving, dumps, review tools, the command
# line, the store switch-over, the dumps writer, the cache's bookkeeping and this module.
OUTSIDE = ("service", "publish", "review", "cli.py", "__main__.py", "build/store.py", "build/add.py",
           "build/build_dumps.py", "build/stage_inputs.py", "build/cache.py")
DATA = ("gazetteer", "lexicons", "ontology")


def _outside(path: Path) -> bool:
    rel = path.relative_to(PKG).as_posix()
    return any(rel == o or rel.startswith(o + "/") for o in OUTSIDE)


def _label(path: Path) -> str:
    """``graph_builder/…`` for code, ``gazetteer/…`` etc. for data (stable across checkouts)."""
    path = Path(path).resolve()
    if path.is_relative_to(PKG):
        return "graph_builder/" + path.relative_to(PKG).as_posix()
    for name in DATA:
        root = data_dir(name).resolve()
        if path.is_relative_to(root):
            return f"{name}/{path.relative_to(root).as_posix()}"
    return path.as_posix()


def _data_files() -> list[Path]:
    """Every file of ``gazetteer/``, ``lexicons/`` and ``ontology/`` (OWL, shapes, document kinds),
    documentation (``*.md``) aside."""
    files = []
    for name in DATA:
        files += sorted(p for p in data_dir(name).rglob("*") if p.is_file() and p.suffix != ".md")
    return files


def report_inputs() -> list[Path]:
    """Every file that can change a report's quads or its SHACL verdict."""
    code = sorted(p for p in PKG.rglob("*.py") if "_data" not in p.parts and not _outside(p))
    return code + _data_files()


def digest(files: list[Path]) -> dict[str, str]:
    """``{label: sha256}`` of ``files`` (a missing file hashes as "missing")."""
    out = {}
    for f in files:
        try:
            out[_label(f)] = hashlib.sha256(Path(f).read_bytes()).hexdigest()
        except FileNotFoundError:
            out[_label(f)] = "missing"
    return dict(sorted(out.items()))


def fingerprint(hashes: dict[str, str], salt: str) -> str:
    return hashlib.sha256((salt + "\n" + json.dumps(hashes, sort_keys=True)).encode()).hexdigest()


class Probe:
    """The files the mention stage reads, measured in a fresh interpreter (see the module doc);
    started at once, so that the build loads its gazetteer and shapes meanwhile."""

    def __init__(self):
        env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(PKG.parent)] + sys.path))
        self.proc = subprocess.Popen([sys.executable, "-m", "graph_builder.build.stage_inputs"],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)

    def result(self) -> list[Path]:
        out, err = self.proc.communicate(timeout=600)
        if self.proc.returncode != 0:
            raise RuntimeError(f"probing the mention stage's inputs failed:\n{err[-2000:]}")
        return [Path(p) for p in json.loads(out)]

    def cancel(self) -> None:
        """Stop the probe if it still runs (the build failed before it needed the answer)."""
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.communicate()


def probe() -> list[Path]:
    return Probe().result()


def _probe_here() -> list[str]:
    opened: set[str] = set()
    roots = [str(data_dir(n).resolve()) for n in DATA]

    def hook(event, args):
        if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
            path = os.path.realpath(os.fsdecode(args[0]))
            if any(path.startswith(r + os.sep) for r in roots):
                opened.add(path)
    sys.addaudithook(hook)
    from ..recognise.gazetteer import load_gazetteer
    from ..recognise.matcher import Matcher, mentions_in
    from ..resources import default_corpus
    from ..text.corpus import corpus_files, load_manifest, read_document
    matcher = Matcher(load_gazetteer())
    corpus = default_corpus()
    manifest = load_manifest(corpus)
    for path in corpus_files(corpus):
        mentions_in(read_document(path, manifest.get(path.name), False), matcher)
    modules = {os.path.realpath(m.__file__) for name, m in list(sys.modules.items())
               if name.startswith("graph_builder") and getattr(m, "__file__", None)}
    return sorted(opened | {m for m in modules if not m.endswith("stage_inputs.py")})


def changed(before: dict[str, str], after: dict[str, str]) -> list[str]:
    """Labels of the files added, removed or edited between two digests."""
    return sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))


if __name__ == "__main__":
    print(json.dumps(_probe_here()))
