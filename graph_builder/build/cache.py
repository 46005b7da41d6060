"""The build's per-report cache under ``<store>.cache/``: keys, entries, verdicts and pruning.

Each report's quads and summary are cached under a key of the source's sha256, its manifest
entry and the fingerprint of every input of the build stages (:mod:`.stage_inputs`); its read
document and mentions under a key of only the files the mention stage reads; the SHACL verdict on
the static graphs (ontology, gazetteer) per fingerprint. :func:`prune` drops what a build did not
use, and :func:`why` names the files changed since the last build for each stage that re-ran.

What it does not: run a stage, decide which reports to process (``pipeline.build`` does), or
write quads (the workers write the cache files this module names).
"""
from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from . import stage_inputs
from ..namespaces import Base

CACHE_SUFFIX = ".nq.gz"
MENTIONS_PREFIX = "mentions-"
INPUTS = "inputs.json"


def report_fingerprint(base: Base, strict: bool) -> tuple[str, dict]:
    """The report cache's fingerprint and the digests of its inputs."""
    report = stage_inputs.digest(stage_inputs.report_inputs())
    return stage_inputs.fingerprint(report, f"{base.iri}|{strict}"), report


def mention_fingerprint(base: Base, strict: bool, files: list[Path]) -> tuple[str, dict]:
    mentions = stage_inputs.digest(files)
    return stage_inputs.fingerprint(mentions, f"{base.iri}|{strict}|mentions"), mentions


def probed(cdir: Path, fingerprint: str) -> Path:
    """Where the list of files the mention stage reads is kept for this fingerprint."""
    return cdir / f"stages-{fingerprint[:24]}.json"


def fingerprint_files() -> list[Path]:
    """The files the report cache key hashes (:func:`stage_inputs.report_inputs`)."""
    return stage_inputs.report_inputs()


def cache_key(fingerprint: str, source_sha: str, entry: dict | None) -> str:
    blob = json.dumps(entry or {}, sort_keys=True, default=str)
    return hashlib.sha256(f"{fingerprint}|{source_sha}|{blob}".encode()).hexdigest()[:32]


def cache_dir(store: Path) -> Path:
    store = Path(store)
    return store.parent / (store.name + ".cache")


def summary(out: Path) -> dict:
    """The summary a worker wrote beside a report's cached quads."""
    return json.loads(Path(str(out) + ".json").read_text(encoding="utf-8"))


def usable(out: Path, needs_check: bool) -> bool:
    """A usable cache entry: quads and summary present, and SHACL-checked when it must be."""
    meta = Path(str(out) + ".json")
    if not (out.exists() and meta.exists()):
        return False
    return not needs_check or bool(summary(out).get("shacl", {}).get("checked"))


def static_verdict(static: list, cdir: Path, fingerprint: str, shapes) -> dict:
    """SHACL verdict on the ontology and gazetteer graphs, cached per builder fingerprint."""
    path = cdir / f"static-{fingerprint[:24]}.json"
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    report = shapes.check_quads(static)
    verdict = {"conforms": report.conforms, "text": report.render()}
    path.write_text(json.dumps(verdict), encoding="utf-8")
    return verdict


def why(cdir: Path, inputs: dict, summaries: list) -> dict:
    """The files changed since the last build, for each stage that re-ran; records this build's inputs."""
    path = cdir / INPUTS
    before = json.loads(path.read_text(encoding="utf-8")) if path.exists() else None
    path.write_text(json.dumps(inputs), encoding="utf-8")
    if before is None:
        return {}
    out = {}
    if any(not s.cached and not s.mentions_cached for s in summaries):
        out["mentions"] = stage_inputs.changed(before.get("mentions", {}), inputs["mentions"])
    if any(not s.cached for s in summaries):
        out["facts, RDF, SHACL"] = stage_inputs.changed(before.get("report", {}), inputs["report"])
    return out


def prune(cdir: Path, keep: list[Path], fingerprint: str) -> None:
    """Drop cache entries of reports (or builder versions) this build did not use."""
    wanted = {f"static-{fingerprint[:24]}.json", f"stages-{fingerprint[:24]}.json", INPUTS}
    for p in keep:
        wanted |= {p.name, p.name + ".json"}
    for f in cdir.iterdir():
        if f.name not in wanted:
            shutil.rmtree(f) if f.is_dir() else f.unlink(missing_ok=True)
