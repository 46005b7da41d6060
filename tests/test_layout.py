"""The house keeps its one-way imports: each stage sub-package of graph_builder imports only what its
``__init__`` docstring allows, and no service blueprint imports another blueprint."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parent.parent / "graph_builder"
SHARED = {"namespaces", "resources", "__version__"}
# sub-package -> the other parts of graph_builder it may import (as said in its __init__ docstring)
ALLOWED = {
    "text": SHARED | {"values"},                  # datelines and document symbols
    "recognise": SHARED | {"text", "values"},
    "values": SHARED | {"text.arabic"},           # the normaliser only
    "facts": SHARED | {"text", "recognise", "values"},
    "build": SHARED | {"text", "recognise", "values", "facts", "validate", "publish.dumps"},
    "validate": SHARED | {"build.store"},
    "publish": SHARED | {"build.store"},
    "review": SHARED | {"text", "recognise", "build.store"},
    "service": SHARED | {"text.arsearch", "text.arabic", "build.store", "build.build_dumps", "publish"},
}
# Known exceptions, each to be removed by moving the module where it belongs (not by widening ALLOWED): none.
EXCEPTIONS: set[tuple[str, str]] = set()
BLUEPRINTS = {"sparql", "graph_store", "health", "pages", "dataset", "network", "catalogue", "search", "ui"}


def imports_of(path: Path, root: Path = PKG) -> set[str]:
    """Names of graph_builder that ``path`` imports, relative to graph_builder (``text.arabic.fold``)."""
    module = path.relative_to(root).with_suffix("").parts
    package = module[:-1] if path.name != "__init__.py" else module[:-1]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(package[:len(package) - node.level + 1])
                target = base + (node.module.split(".") if node.module else [])
                names = [target + [a.name] for a in node.names]
            elif (node.module or "").startswith("graph_builder"):
                target = node.module.split(".")[1:]
                names = [target + [a.name] for a in node.names]
            else:
                continue
            out.update(".".join(n) for n in names)
        elif isinstance(node, ast.Import):
            out.update(a.name.split(".", 1)[1] for a in node.names if a.name.startswith("graph_builder."))
    return out


def allowed(target: str, rules: set[str]) -> bool:
    return any(target == r or target.startswith(r + ".") for r in rules)


def stage_of(path: Path) -> str:
    rel = path.relative_to(PKG)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


@pytest.mark.parametrize("stage", sorted(ALLOWED))
def test_stage_imports_only_what_it_may(stage):
    files = sorted((PKG / stage).rglob("*.py")) if (PKG / stage).is_dir() else [PKG / f"{stage}.py"]
    assert files
    bad = []
    for path in files:
        for target in imports_of(path):
            rel = path.relative_to(PKG).as_posix()
            if not (target.split(".")[0] == stage or allowed(target, ALLOWED[stage])
                    or (rel, target) in EXCEPTIONS):
                bad.append(f"{rel} imports {target}")
    assert bad == []


def test_no_blueprint_imports_another():
    bad = []
    for name in BLUEPRINTS:
        for target in imports_of(PKG / "service" / f"{name}.py"):
            parts = target.split(".")
            if parts[0] == "service" and len(parts) > 1 and parts[1] in BLUEPRINTS - {name}:
                bad.append(f"service/{name}.py imports {target}")
            if parts[0] == "service" and any(p.startswith("_") for p in parts[1:]):
                bad.append(f"service/{name}.py imports the private {target}")
    assert bad == []


def test_the_layering_check_sees_a_forbidden_import(tmp_path):
    source = (PKG / "text" / "corpus.py").read_text(encoding="utf-8") + "\nfrom ..build import pipeline\n"
    probe = tmp_path / "graph_builder" / "text"
    probe.mkdir(parents=True)
    (probe / "corpus.py").write_text(source, encoding="utf-8")
    found = imports_of(probe / "corpus.py", tmp_path / "graph_builder")
    assert {"build.pipeline", "text.model.Document"} <= found
    assert not allowed("build.pipeline", ALLOWED["text"]) and allowed("namespaces.MDKG", ALLOWED["text"])


def test_every_known_exception_still_exists():
    for rel, target in EXCEPTIONS:
        assert target in imports_of(PKG / rel), f"{rel} no longer imports {target}: drop the exception"
