"""pyproject.toml says the truth about dependencies: every third-party module the package imports
is declared, .ci/lowest.txt pins every direct dependency at exactly its declared lower bound, and
.ci/run runs the whole suite against those pins."""
from __future__ import annotations

import ast
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def declared(extra: str | None = None) -> dict[str, Requirement]:
    reqs = PROJECT["dependencies"] if extra is None else PROJECT["optional-dependencies"][extra]
    return {canonicalize_name(r.name): r for r in map(Requirement, reqs)}


def lower_bound(req: Requirement) -> Version:
    bounds = [Version(s.version) for s in req.specifier if s.operator in (">=", "==")]
    assert len(bounds) == 1, f"{req}: one lower bound expected"
    return bounds[0]


def imported_modules(paths: list[Path]) -> set[str]:
    out = set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                out.update(a.name.split(".")[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                out.add(node.module.split(".")[0])
    return out


def test_every_imported_distribution_is_declared():
    sources = sorted((ROOT / "graph_builder").rglob("*.py")) + [ROOT / "server.py"]
    third_party = imported_modules(sources) - set(sys.stdlib_module_names) - {"graph_builder", "server"}
    dists = packages_distributions()
    needed = {canonicalize_name(d) for m in third_party for d in dists.get(m, [m])}
    assert needed - set(declared()) == set()


def test_lowest_constraints_pin_each_lower_bound():
    pins = {}
    for line in (ROOT / ".ci" / "lowest.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            req = Requirement(line)
            pins[canonicalize_name(req.name)] = Version(next(iter(req.specifier)).version)
    direct = {**declared(), **declared("test")}
    assert set(direct) <= set(pins)
    for name, req in direct.items():
        assert pins[name] == lower_bound(req), name
    assert PROJECT["requires-python"].startswith(">=3.11")   # tomllib


def test_ci_runs_the_whole_suite_on_the_lowest_pins():
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    install = [line for line in run if "-c .ci/lowest.txt" in line]
    assert len(install) == 1 and "python3 -m venv .venv-lowest" in install[0]
    after = run[run.index(install[0]) + 1]   # the next line runs pytest in that venv, on no narrower selection
    assert "pytest -q" in after and after.split("pytest -q", 1)[1].split(")")[0].split() == ["-p", "no:cacheprovider"]
