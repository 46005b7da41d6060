"""Make a large benchmark corpus from the real reports: re-numbered, varied copies.

Each generated report is a copy of one real report (taken in turn) with its names, dates and
amounts varied, deterministically from a seed:

* names: every Arabic name of a gazetteer state, place (city) or organisation is swapped for
  the name of another entity of the same kind (one random permutation per copy, longest name
  first, clitics kept because only the name itself is replaced);
* years (four digits 1950-2039, Western or Arabic-Indic) are shifted by one offset per copy;
* days before a month name are shifted by one offset per copy (kept within 1-28);
* amounts (a number followed by a scale or currency word) are scaled by a random factor.

Structure, paragraph numbering, digit style and file format stay those of the source report.
Files are named ``NNNN-<source slug>.ar.{md,txt}``; ``manifest.toml`` gives each a unique
slug, the source's language and titles and the shifted date.

It does not build anything and never writes outside the output folder.

    python bench/gen_corpus.py --out bench/corpora --sizes 10 100 1000 --seed 11
"""
from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from graph_builder.text.corpus import corpus_files, load_manifest, slug_from_filename  # noqa: E402
from graph_builder.recognise.gazetteer import load_gazetteer  # noqa: E402

SWAP_KINDS = {"state": ("state",), "place": ("place",), "org": ("org",)}
ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"
TO_WESTERN = str.maketrans(ARABIC_INDIC, "0123456789")
TO_ARABIC = str.maketrans("0123456789", ARABIC_INDIC)
MONTH_WORDS = ("كانون", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين",
               "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيه", "يونيو", "يوليه", "يوليو",
               "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر")
AMOUNT_WORDS = ("مليون", "ملايين", "مليار", "بليون", "ألف", "آلاف", "دولار", "دولارات", "يورو",
                "فرنك", "جنيه", "من دولارات")
DIGIT = "[0-9٠-٩]"
YEAR = re.compile(rf"(?<![0-9٠-٩/])((?:19[5-9]|20[0-3])[0-9]|(?:١٩[٥-٩]|٢٠[٠-٣])[٠-٩])(?![0-9٠-٩/])")
DAY = re.compile(rf"(?<![0-9٠-٩/.])({DIGIT}{{1,2}})(?=\s+(?:{'|'.join(MONTH_WORDS)}))")
AMOUNT = re.compile(rf"(?<![0-9٠-٩/.])({DIGIT}+(?:[.,٫]{DIGIT}+)?)(?=\s+(?:{'|'.join(AMOUNT_WORDS)}))")


@dataclass(frozen=True)
class Variation:
    """What one generated copy changes: a name map, a year offset, a day offset, an amount factor."""

    names: dict
    year_shift: int
    day_shift: int
    amount_factor: float


def names_by_kind(gazetteer) -> dict[str, list[str]]:
    """Arabic preferred names of the swappable gazetteer entities, grouped by kind, sorted."""
    out: dict[str, set[str]] = {kind: set() for kind in SWAP_KINDS}
    for entity in gazetteer.entities:
        if entity.kind in SWAP_KINDS and entity.label_ar and len(entity.label_ar) >= 3:
            out[entity.kind].add(entity.label_ar)
    return {kind: sorted(names) for kind, names in out.items()}


def template(text: str, names: dict[str, list[str]]) -> list[tuple[str, str]]:
    """``text`` cut once into ``(kind, piece)``: kind "" for fixed text, else name/amount/day/year.

    A name counts only as a whole word, optionally after the clitics و ف ب ل ك; the copies are
    then made by replacing the variable pieces, without scanning the text again.
    """
    present = sorted({n for pool in names.values() for n in pool if n in text}, key=len, reverse=True)
    alternatives = [f"(?P<amount>{AMOUNT.pattern})", f"(?P<day>{DAY.pattern})", f"(?P<year>{YEAR.pattern})"]
    if present:
        joined = "|".join(re.escape(n) for n in present)
        alternatives.insert(0, rf"(?<![\w])(?:[وف]?[بلك]?)(?P<name>{joined})(?!\w)")
    scanner = re.compile("|".join(alternatives))
    pieces: list[tuple[str, str]] = []
    last = 0
    for m in scanner.finditer(text):
        kind = m.lastgroup if m.lastgroup in ("name", "amount", "day", "year") else next(
            k for k in ("name", "amount", "day", "year") if m.groupdict().get(k))
        start, end = m.span(kind)
        pieces += [("", text[last:start]), (kind, text[start:end])]
        last = end
    pieces.append(("", text[last:]))
    return pieces


def make_variation(rng: random.Random, names: dict[str, list[str]], pieces: list[tuple[str, str]]) -> Variation:
    """A random variation for one copy: each name in ``pieces`` mapped to one of the same kind."""
    used = {piece for kind, piece in pieces if kind == "name"}
    mapping: dict[str, str] = {}
    for pool in names.values():
        present = [n for n in pool if n in used]
        mapping.update(zip(present, rng.sample(pool, len(present))))
    return Variation(mapping, rng.randint(-12, 12), rng.randint(0, 27),
                     rng.choice([0.5, 0.75, 1.25, 1.5, 2, 3, 4]))


def _same_digits(original: str, value: int) -> str:
    """``value`` written in the digit style of ``original``."""
    text = str(value)
    return text.translate(TO_ARABIC) if original and original[0] in ARABIC_INDIC else text


def _shift_year(raw: str, shift: int) -> str:
    return _same_digits(raw, int(raw.translate(TO_WESTERN)) + shift)


def _shift_day(raw: str, shift: int) -> str:
    day = int(raw.translate(TO_WESTERN))
    return _same_digits(raw, (day - 1 + shift) % 28 + 1) if 1 <= day <= 31 else raw


def _scale_amount(raw: str, factor: float) -> str:
    western = raw.translate(TO_WESTERN)
    if not western.isdigit():
        return raw
    return _same_digits(raw, max(1, round(int(western) * factor)))


def vary(pieces: list[tuple[str, str]], v: Variation) -> str:
    """The copy's text: names swapped, years and days shifted, amounts scaled (lines kept)."""
    change = {
        "": lambda p: p,
        "name": lambda p: v.names.get(p, p),
        "amount": lambda p: _scale_amount(p, v.amount_factor),
        "day": lambda p: _shift_day(p, v.day_shift),
        "year": lambda p: _shift_year(p, v.year_shift),
    }
    return "".join(change[kind](piece) for kind, piece in pieces)


def shifted_date(date: str, v: Variation) -> str:
    """An ISO date with the copy's year offset (day kept: it stays valid except 29 February)."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date or ""):
        return ""
    year, month, day = date.split("-")
    return f"{int(year) + v.year_shift:04d}-{month}-{min(int(day), 28):02d}"


def _toml_value(value) -> str:
    return json.dumps(value, ensure_ascii=False)  # JSON strings are valid TOML basic strings


def manifest_text(entries: dict[str, dict]) -> str:
    lines = ["# Generated by bench/gen_corpus.py: varied copies of the real reports, for benchmarks only.", ""]
    for name, entry in entries.items():
        lines.append(f"[{_toml_value(name)}]")
        lines += [f"{key} = {_toml_value(val)}" for key, val in entry.items() if val != ""]
        lines.append("")
    return "\n".join(lines)


def generate(source: Path, out: Path, count: int, seed: int) -> list[Path]:
    """Write ``count`` varied reports and a manifest into ``out`` (emptied first); the file paths."""
    sources = corpus_files(source)
    manifest = load_manifest(source)
    names = names_by_kind(load_gazetteer())
    pieces = {p: template(p.read_text(encoding="utf-8"), names) for p in sources}
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    rng = random.Random(seed)
    entries: dict[str, dict] = {}
    written = []
    for i in range(count):
        src = sources[i % len(sources)]
        variation = make_variation(rng, names, pieces[src])
        base_slug = manifest.get(src.name, {}).get("slug") or slug_from_filename(src.name)
        suffix = "".join(src.suffixes[-2:])
        name = f"{i + 1:04d}-{base_slug}{suffix}"
        path = out / name
        path.write_text(vary(pieces[src], variation), encoding="utf-8")
        src_entry = manifest.get(src.name, {})
        entries[name] = {
            "slug": f"bench-{i + 1:04d}-{base_slug}",
            "language": src_entry.get("language", "ar"),
            "title_ar": src_entry.get("title_ar", ""),
            "title_en": src_entry.get("title_en", ""),
            "date": shifted_date(src_entry.get("date", ""), variation),
            "origin": f"benchmark copy of {src.name} (seed {seed}, copy {i + 1})",
        }
        written.append(path)
    (out / "manifest.toml").write_text(manifest_text(entries), encoding="utf-8")
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, default=REPO / "corpus", help="folder of real reports")
    ap.add_argument("--out", type=Path, default=REPO / "bench" / "corpora", help="parent folder of the corpora")
    ap.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args(argv)
    for size in args.sizes:
        files = generate(args.source, args.out / f"n{size}", size, args.seed)
        total = sum(p.stat().st_size for p in files)
        print(f"{args.out / f'n{size}'}: {len(files)} reports, {total / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
