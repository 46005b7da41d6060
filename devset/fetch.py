"""Check the local copy of the real-text development set against its sources list.

What it does: reads ``devset/sources.toml`` (committed), looks for each listed text in the
git-ignored folder ``devset/texts/`` (``<id>.txt``), and reports which texts are present, which are
missing (with the page address and the search that returns it, so a developer can re-create them),
which files are in the folder but not listed, and which present files break the text format
(UTF-8, a non-empty first line, paragraphs separated by blank lines). With ``--digests`` it also
compares each present text with the SHA-256 recorded in ``devset/texts.sha256`` (``--record``
rewrites that file from the texts present).

What it does not do: it does not fetch anything. The texts come from the stored pages of the
session's ``search`` tool, which a script cannot reach; there is no network access here and the
third-party text is never committed. Re-creating a missing text is a manual step (see README.md).

Exit status: 0 when every listed text is present and well-formed, 1 otherwise.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources.toml"
TEXTS = HERE / "texts"
DIGESTS = HERE / "texts.sha256"


def load_sources(path: Path = SOURCES) -> list[dict]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise SystemExit(f"{path}: not valid TOML: {exc}")
    entries = data.get("text", [])
    seen: set[str] = set()
    for n, entry in enumerate(entries, 1):
        for key in ("id", "outlet", "url", "corpus", "query", "date", "register", "summary"):
            if not entry.get(key):
                raise SystemExit(f"{path}: entry {n} ({entry.get('id', '?')}) lacks '{key}'")
        if entry["id"] in seen:
            raise SystemExit(f"{path}: entry {n}: duplicate id {entry['id']}")
        seen.add(entry["id"])
    return entries


def format_problems(path: Path) -> list[str]:
    """Problems of one text file against the set's plain-text format (empty list when fine)."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return [f"not UTF-8 at byte {exc.start}"]
    problems = []
    lines = text.split("\n")
    if not lines[0].strip():
        problems.append("line 1 (title or first line) is empty")
    if "\r" in text:
        problems.append("carriage returns (use \\n line ends)")
    if len(text.strip()) < 200:
        problems.append(f"only {len(text.strip())} characters")
    return problems


def read_digests(path: Path = DIGESTS) -> dict[str, str]:
    if not path.exists():
        return {}
    out = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split()
        if len(parts) != 2:
            raise SystemExit(f"{path}:{n}: expected '<sha256>  <id>'")
        out[parts[1]] = parts[0]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--texts", type=Path, default=TEXTS, help="folder of the texts (default devset/texts)")
    ap.add_argument("--digests", action="store_true", help="compare present texts with texts.sha256")
    ap.add_argument("--record", action="store_true", help="rewrite texts.sha256 from the texts present")
    ap.add_argument("--quiet", action="store_true", help="print only the summary and problems")
    args = ap.parse_args(argv)

    entries = load_sources()
    listed = {e["id"]: e for e in entries}
    present, missing, bad = [], [], []
    for entry in entries:
        path = args.texts / f"{entry['id']}.txt"
        if not path.exists():
            missing.append(entry)
            continue
        problems = format_problems(path)
        (bad.append((entry["id"], problems)) if problems else present.append(entry["id"]))
    extra = sorted(p.stem for p in args.texts.glob("*.txt") if p.stem not in listed) if args.texts.is_dir() else []

    outlets = {listed[i]["outlet"] for i in present}
    print(f"{len(entries)} texts listed, {len(present)} present and well-formed, "
          f"{len(missing)} missing, {len(bad)} malformed, {len(extra)} unlisted; "
          f"{len(outlets)} outlets among the present texts")
    for entry in missing:
        print(f"MISSING {entry['id']}\n  url:   {entry['url']}\n  query: {entry['corpus']}: {entry['query']}")
    for ident, problems in bad:
        print(f"MALFORMED {ident}: " + "; ".join(problems))
    for ident in extra:
        print(f"UNLISTED {args.texts / (ident + '.txt')} (add it to sources.toml or remove it)")

    if args.record:
        lines = ["# SHA-256 of each text as extracted by the set's author (UTF-8 bytes of <id>.txt)"]
        for ident in sorted(present):
            lines.append(f"{hashlib.sha256((args.texts / (ident + '.txt')).read_bytes()).hexdigest()}  {ident}")
        DIGESTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"recorded {len(present)} digests in {DIGESTS.name}")
    elif args.digests:
        recorded = read_digests()
        for ident in sorted(present):
            digest = hashlib.sha256((args.texts / (ident + ".txt")).read_bytes()).hexdigest()
            if ident not in recorded:
                print(f"NO DIGEST {ident}")
            elif recorded[ident] != digest:
                print(f"DIFFERS {ident}: your extraction differs from the author's (key offsets may not match)")
            elif not args.quiet:
                print(f"same    {ident}")
    return 0 if not missing and not bad else 1


if __name__ == "__main__":
    sys.exit(main())
