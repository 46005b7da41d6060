"""Compare PDF text extractors on Arabic: the bundled reports made into PDF by LibreOffice
(as tests/test_document_formats.py does), read by pdfminer.six, pypdf, PyMuPDF, pypdfium2's own
text, poppler's pdftotext, and MDKG's reader (pypdfium2 glyphs, graph_builder/text/readers/pdf.py).

For each: seconds, the share of Arabic words that are words of the text version (logical order,
ligatures and presentation forms), the years of the text found in order and reversed, the UN job
number of the running foot left in the text, and, for MDKG's reader, the paragraphs identical to
the text version after normalisation. Libraries that are not installed are skipped (PyMuPDF is
AGPL-3.0 and is not a dependency of MDKG). Writes ``bench/results/pdf_readers.json`` (rendered
into docs/benchmarks.md by ``bench/render_doc.py``) and prints the table.
Run: ``python bench/pdf_readers.py [--out DIR]``.
"""
from __future__ import annotations

import argparse
import json
import platform
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

import office  # noqa: E402
from graph_builder.resources import default_corpus  # noqa: E402
from graph_builder.text.arabic import fold  # noqa: E402
from graph_builder.text.corpus import load_manifest, read_document  # noqa: E402

WORD = re.compile("[\u0621-\u064a\u0671-\u06d3]+")
YEAR = re.compile("(?<![0-9\u0660-\u0669])[12\u0661\u0662][0-9\u0660-\u0669]{3}(?![0-9\u0660-\u0669])")
PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
FOOT = {"2008": ("A/63/265", "08-45891 (A)"), "2011": ("", "11-67890 (A)")}


def pdfminer_text(p):
    from pdfminer.high_level import extract_text
    return extract_text(str(p))


def pypdf_text(p):
    import pypdf
    return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(str(p)).pages)


def pymupdf_text(p):
    import pymupdf
    with pymupdf.open(str(p)) as doc:
        return "\n".join(page.get_text() for page in doc)


def pdfium_text(p):
    import pypdfium2 as pdfium
    doc = pdfium.PdfDocument(str(p))
    return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))


def poppler_text(p):
    if not shutil.which("pdftotext"):
        raise ImportError("pdftotext not installed")
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(p), "-"], capture_output=True, text=True).stdout


def mdkg_text(p):
    from graph_builder.text.readers.pdf import read_pdf
    return "\n\n".join(read_pdf(Path(p))[0])


READERS = {"pdfminer.six (MIT)": pdfminer_text, "pypdf (BSD-3)": pypdf_text, "PyMuPDF (AGPL-3.0)": pymupdf_text,
           "pypdfium2 text (Apache-2.0/BSD-3)": pdfium_text, "poppler pdftotext (GPL-2, CLI)": poppler_text,
           "MDKG reader (pypdfium2 glyphs)": mdkg_text}


def norm(text: str) -> str:
    return re.sub(r"\s+", "", fold(text))


def make_pdfs(out: Path) -> dict[str, Path]:
    pages = []
    for report in sorted(p for p in default_corpus().iterdir() if p.name.startswith("20")):
        head, foot = FOOT[report.name[:4]]
        page = out / (report.name.split(".")[0] + ".html")
        page.write_text(office.report_html(report.read_text(encoding="utf-8"), report.stem, head, foot), encoding="utf-8")
        pages.append(page)
    docx = office.convert(pages, "docx", out)
    pdfs = office.convert(docx, "pdf", out)
    return {p.stem: p for p in pdfs}


def measure(name: str, fn, pdf: Path, source: Path) -> dict:
    src = source.read_text(encoding="utf-8")
    known = set(WORD.findall(src))
    t0 = time.perf_counter()
    text = fn(pdf)
    seconds = time.perf_counter() - t0
    words = WORD.findall(text)
    years = YEAR.findall(src)
    years_found = sum(1 for y in set(years) if y in text)
    years_reversed = sum(1 for y in set(years) if y[::-1] != y and y[::-1] in text and y not in text)
    foot = FOOT[source.name[:4]][1]
    row = {"reader": name, "report": source.name[:4], "seconds": round(seconds, 2),
           "known words": round(sum(w in known for w in words) / max(len(words), 1), 3),
           "words": len(words), "years in order": f"{years_found}/{len(set(years))}",
           "years reversed": years_reversed, "job number left": text.count(foot.split()[0]),
           "presentation forms": len(PRESENTATION.findall(text))}
    return row


def paragraphs(pdf: Path, source: Path) -> str:
    entry = load_manifest(default_corpus())[source.name]
    a, b = read_document(source, entry), read_document(pdf, entry)
    by_number = {p.number: p for p in b.paragraphs}
    same = sum(1 for p in a.paragraphs if p.number in by_number and norm(p.text) == norm(by_number[p.number].text))
    numbering = [p.number for p in a.paragraphs] == [p.number for p in b.paragraphs]
    return f"{same}/{len(a.paragraphs)} ({100 * same / len(a.paragraphs):.1f} %), numbering {'identical' if numbering else 'differs'}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default="/tmp/mdkg-bench-pdf")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    pdfs = make_pdfs(out)
    sources = {p.name.split(".")[0]: p for p in default_corpus().iterdir() if p.name.startswith("20")}
    rows, missing = [], []
    for name, fn in READERS.items():
        for stem, pdf in sorted(pdfs.items()):
            try:
                rows.append(measure(name, fn, pdf, sources[stem]))
            except ImportError as exc:
                missing.append(f"{name}: {exc}")
                break
    result = {"started": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime()), "python": platform.python_version(),
              "libreoffice": subprocess.run([office.SOFFICE, "--version"], capture_output=True, text=True).stdout.strip(),
              "rows": rows, "missing": missing,
              "paragraphs": {stem: paragraphs(pdf, sources[stem]) for stem, pdf in sorted(pdfs.items())}}
    (ROOT / "bench" / "results").mkdir(exist_ok=True)
    (ROOT / "bench" / "results" / "pdf_readers.json").write_text(json.dumps(result, indent=1, ensure_ascii=False),
                                                                 encoding="utf-8")
    for r in rows:
        print(r)
    print(result["paragraphs"], missing)


if __name__ == "__main__":
    main()
