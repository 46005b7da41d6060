"""``mdkg add FILE…``: put documents into a corpus folder with a manifest entry each, then build.

What it does: reads every file first with the same readers and parsers as the build (so a
scan, an encrypted or corrupt file, a page with no main text or a text in another language is
refused, naming the file, before anything is copied or built); copies each into the corpus
folder; appends to ``manifest.toml`` an entry with what was read and what was guessed (title,
date, kind; ``guessed`` lists the guesses, each also printed as a warning) and where the file
came from; then runs an incremental build (only the new documents are analysed; a failed build
keeps the previous store serving). A corpus folder that does not exist yet is created with
the bundled reports in it, so that adding a document never drops them from the graph.

What it does not: fetch documents from the web, OCR scans, or overwrite a different file
already in the corpus under the same name (that is an error; the same file again is skipped).
"""
from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..text.corpus import MANIFEST, load_manifest, read_document, slug_from_filename
from ..text.model import Document, SourceError


@dataclass
class Added:
    """What ``add`` did for one file."""

    path: Path                       # the copy in the corpus folder
    entry: dict                      # its manifest entry
    warnings: list[str] = field(default_factory=list)
    skipped: bool = False            # the same file was already in the corpus


def toml_value(value) -> str:
    """A TOML value for a string, a number or a list of strings (JSON's escapes are TOML's)."""
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return json.dumps(str(value), ensure_ascii=False)


def manifest_entry(doc: Document, source: Path) -> dict:
    """What a document's manifest entry records: the values read, the guesses and the origin."""
    entry = {"slug": doc.slug, "language": doc.language, "kind": doc.kind}
    for key in ("title_ar", "title_en", "date", "symbol"):
        if getattr(doc, key):
            entry[key] = getattr(doc, key)
    entry["origin"] = f"added with mdkg add from {source.name} on {date.today().isoformat()}"
    if doc.guessed:
        entry["guessed"] = [f"{k}: {v}" for k, v in sorted(doc.guessed.items())]
    return entry


def seed(corpus: Path, bundled: Path) -> None:
    """Create ``corpus`` with the bundled reports and their manifest."""
    corpus.mkdir(parents=True)
    for f in bundled.iterdir():
        if f.is_file():
            shutil.copy2(f, corpus / f.name)


def add(files: list[Path], corpus: Path, bundled: Path | None = None) -> list[Added]:
    """Check, copy and register ``files`` in ``corpus``; ``SourceError`` (nothing copied) if one is bad."""
    corpus = Path(corpus)
    manifest = load_manifest(corpus) if corpus.is_dir() else {}
    slugs = {e.get("slug", slug_from_filename(n)): n for n, e in manifest.items()}
    plans: list[tuple[Path, Document, bool]] = []
    for f in map(Path, files):
        if not f.is_file():
            raise SourceError(f, "file not found")
        doc = read_document(f)                     # every check of the build, before anything is copied
        target = corpus / f.name
        same = target.exists() and _sha(target) == _sha(f)
        if target.exists() and not same:
            raise SourceError(f, f"the corpus already has a different {f.name}: rename the file to add it")
        owner = slugs.get(doc.slug)
        if owner and owner != f.name:
            raise SourceError(f, f"slug {doc.slug!r} is already the slug of {owner}: rename the file to add it")
        slugs[doc.slug] = f.name
        plans.append((f, doc, same))
    if not corpus.is_dir():
        if bundled is not None:
            seed(corpus, bundled)
        else:
            corpus.mkdir(parents=True)
    done = []
    for f, doc, same in plans:
        target = corpus / f.name
        if same:
            done.append(Added(target, manifest.get(f.name, {}), [], skipped=True))
            continue
        shutil.copy2(f, target)
        entry = manifest_entry(doc, f)
        with open(corpus / MANIFEST, "a", encoding="utf-8") as fh:
            fh.write(f"\n[{toml_value(f.name)}]\n" + "".join(f"{k} = {toml_value(v)}\n" for k, v in entry.items()))
        warnings = [f"{target.name}: {k} {getattr(doc, 'kind') if k == 'kind' else ''} guessed from {v}; "
                    f"check it in {corpus / MANIFEST}".replace("  ", " ") for k, v in sorted(doc.guessed.items())]
        warnings += [str(n) for n in doc.notices if "no date" in n.message or "dateline" in n.message]
        done.append(Added(target, entry, warnings))
    load_manifest(corpus)                          # the manifest written is valid TOML
    return done


def _sha(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
