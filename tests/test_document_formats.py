"""Documents as researchers have them: the bundled reports made into Word and PDF files by
LibreOffice (headless, in the test), a saved web page, and bad input of every kind. Real files,
real readers, real builds into a real Oxigraph store."""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

import office
from gold_facts import real_gazetteer, real_matcher
from graph_builder.build.pipeline import BuildError, analyse, build
from graph_builder.build.store import open_read_only, resolve
from graph_builder.cli import main

from graph_builder.resources import default_corpus
from graph_builder.text.arabic import fold
from graph_builder.text.corpus import load_manifest, read_document
from graph_builder.text.model import SourceError

DATA = Path(__file__).parent / "data" / "documents"
PAGE = DATA / "web-page-nouakchott.ar.html"
PRESS = DATA / "press-release-rabat.ar.txt"
REPORTS = sorted(p for p in default_corpus().iterdir() if p.name.startswith("20"))
FURNITURE = {"2008": ("A/63/265", "08-45891 (A)"), "2011": ("", "11-67890 (A)")}


def needs_office():
    if office.available():
        return
    if os.environ.get("CI"):
        pytest.fail("LibreOffice (soffice) is missing on CI: .ci/run installs libreoffice-writer-nogui")
    pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui "
                "fonts-hosny-amiri fonts-noto-core")


@pytest.fixture(scope="module")
def office_copies(tmp_path_factory):
    """Each bundled report as .docx (LibreOffice from the report laid out as HTML, with a running
    head and a job-number foot) and as .pdf (LibreOffice from that .docx)."""
    needs_office()
    out = tmp_path_factory.mktemp("office")
    pages = []
    for report in REPORTS:
        head, foot = FURNITURE[report.name[:4]]
        page = out / (report.name.split(".")[0] + ".html")
        page.write_text(office.report_html(report.read_text(encoding="utf-8"), report.stem, head, foot),
                        encoding="utf-8")
        pages.append(page)
    docx = office.convert(pages, "docx", out)
    pdf = office.convert(docx, "pdf", out)
    return {report.name: {"docx": d, "pdf": p} for report, d, p in zip(REPORTS, docx, pdf)}


@pytest.fixture(scope="module")
def analysis():
    gazetteer, matcher = real_gazetteer(), real_matcher()
    return lambda doc: analyse(doc, matcher, gazetteer)


def norm(text: str) -> str:
    """Text compared after normalisation: letter forms, digits and punctuation folded, no spaces."""
    return re.sub(r"\s+", "", fold(text))


def fact_keys(result) -> set:
    def evidence(ev):
        return ("paragraph", ev.number) if hasattr(ev, "number") else (type(ev).__name__, norm(
            getattr(ev, "heading", "") or getattr(ev, "text", "")))
    return {(f.subject.key, f.predicate, f.object.key if hasattr(f.object, "key") else (f.object.lexical,
             f.object.datatype), evidence(f.evidence), f.rule) for f in result.facts}


def compare(report: Path, copy: Path, analysis) -> tuple[list, list, float, set, set]:
    entry = load_manifest(default_corpus())[report.name]
    a, b = read_document(report, entry), read_document(copy, entry)
    by_number = {p.number: p for p in b.paragraphs}
    same = sum(1 for p in a.paragraphs if p.number in by_number and norm(p.text) == norm(by_number[p.number].text))
    return ([p.number for p in a.paragraphs], [p.number for p in b.paragraphs], same / len(a.paragraphs),
            fact_keys(analysis(a)), fact_keys(analysis(b)))


# ---------------------------------------------------------------- Word and PDF copies of the reports

@pytest.mark.parametrize("report", [r.name for r in REPORTS])
def test_word_copy_gives_the_same_paragraphs_and_facts(office_copies, analysis, report):
    numbers_txt, numbers_docx, share, facts_txt, facts_docx = compare(
        default_corpus() / report, office_copies[report]["docx"], analysis)
    assert numbers_docx == numbers_txt
    assert share >= 0.99
    assert facts_docx == facts_txt and len(facts_txt) > 100


@pytest.mark.parametrize("report", [r.name for r in REPORTS])
def test_pdf_copy_gives_the_same_paragraphs_and_facts(office_copies, analysis, report):
    numbers_txt, numbers_pdf, share, facts_txt, facts_pdf = compare(
        default_corpus() / report, office_copies[report]["pdf"], analysis)
    assert numbers_pdf == numbers_txt
    assert share >= 0.99, f"{share:.3f} of the paragraphs identical"
    assert facts_pdf == facts_txt and len(facts_txt) > 100


def test_pdf_furniture_is_removed_and_arabic_is_in_logical_order(office_copies):
    doc = read_document(office_copies[REPORTS[0].name]["pdf"])
    text = "\n".join(p.text for p in doc.paragraphs) + "\n".join(s.heading for s in doc.sections)
    assert "08-45891" not in text and "A/63/265" not in text
    assert not re.search("[\ufb50-\ufdff\ufe70-\ufeff]", text)          # presentation forms folded
    assert "الأمم المتحدة" in text and "٢٠٠٦" in text                   # lam-alef and digits in order
    assert doc.date == "2008-08-11"                                     # the header block, read left to right


def test_word_headings_come_from_styles_and_footnotes_from_the_notes_part(tmp_path):
    needs_office()
    page = tmp_path / "notes.html"
    page.write_text(
        '<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>ملاحظات اجتماع</title></head>'
        '<body dir="rtl"><h1>ملاحظات عن اجتماع الخبراء</h1><h2>الجلسة الأولى</h2>'
        '<p>ناقش الخبراء تحويلات المهاجرين<a class="sdfootnoteanc" name="sdfootnote1anc" href="#sdfootnote1sym">'
        '<sup>1</sup></a> وتكاليفها في المنطقة العربية.</p>'
        '<table><tr><td>البلد</td><td>المبلغ</td></tr><tr><td>مصر</td><td>20 مليار دولار</td></tr></table>'
        '<h2>الجلسة الثانية</h2><p>ناقش الخبراء حماية العمال المنزليين.</p>'
        '<div id="sdfootnote1"><p><a class="sdfootnotesym" name="sdfootnote1sym" href="#sdfootnote1anc">1</a>'
        'وفقا لبيانات البنك الدولي.</p></div></body></html>', encoding="utf-8")
    (docx,) = office.convert([page], "docx", tmp_path)
    doc = read_document(docx)
    assert (doc.title_ar, doc.guessed["title"]) == ("ملاحظات اجتماع", "the docx file's metadata")  # core properties
    assert [(s.heading, s.level) for s in doc.sections] == [("الجلسة الأولى", 1), ("الجلسة الثانية", 1)]
    first = doc.paragraphs[0]
    assert first.text == "ناقش الخبراء تحويلات المهاجرين وتكاليفها في المنطقة العربية."
    assert first.footnote_markers == ["1"] and [(f.marker, f.text) for f in doc.footnotes] == [
        ("1", "وفقا لبيانات البنك الدولي.")]
    assert [p.text for p in doc.paragraphs[1:3]] == ["البلد | المبلغ", "مصر | 20 مليار دولار"]
    assert doc.kind == "note"


# ---------------------------------------------------------------- a saved web page

def test_web_page_main_text_metadata_and_facts(analysis):
    doc = read_document(PAGE)
    text = " ".join(p.text for p in doc.paragraphs)
    assert len(doc.paragraphs) == 3 and [s.heading for s in doc.sections] == ["برنامج العمل"]
    assert "احجز رحلتك" not in text and "تعليق" not in text and "الرئيسية" not in text   # ads, comments, menu
    assert (doc.kind, doc.date, doc.guessed["date"]) == ("web-page", "2018-05-07", "the html file's metadata")
    assert doc.title_ar == "المنظمة الدولية للهجرة تفتتح مكتبا في نواكشوط" and doc.extra["site"] == "أخبار الهجرة"
    facts = {(f.subject.slug, f.predicate, getattr(f.object, "slug", None), f.evidence.order)
             for f in analysis(doc).facts}
    assert {("mou-iom-mrt-2018", "party", "iom", 1), ("mou-iom-mrt-2018", "party", "MRT", 1)} <= facts


def test_add_copies_registers_and_builds(tmp_path, capsys):
    corpus, store = tmp_path / "corpus", tmp_path / "store"
    assert main(["add", str(PAGE), str(PRESS), "--corpus", str(corpus), "--store", str(store)]) == 0
    err = capsys.readouterr().err
    assert "web-page-nouakchott.ar.html: date guessed from the html file's metadata" in err
    manifest = load_manifest(corpus)
    assert manifest[PAGE.name]["kind"] == "web-page" and manifest[PRESS.name]["date"] == "2019-10-14"
    assert "date: the dateline" in manifest[PRESS.name]["guessed"]
    assert {p.name for p in corpus.iterdir()} >= {r.name for r in REPORTS} | {PAGE.name, PRESS.name}
    rows = list(open_read_only(store).query(
        "SELECT ?d WHERE { GRAPH ?g { ?d <https://w3id.org/mdkg/ontology#documentKind> "
        "<https://w3id.org/mdkg/ontology#WebPage> } }"))
    assert [r[0].value for r in rows] == ["https://w3id.org/mdkg/id/document/web-page-nouakchott"]
    # the same file again is skipped; a different file under the same name is refused
    assert main(["add", str(PAGE), "--corpus", str(corpus), "--store", str(store)]) == 0
    other = tmp_path / PAGE.name
    other.write_text(PAGE.read_text(encoding="utf-8").replace("نواكشوط", "نواذيبو"), encoding="utf-8")
    assert main(["add", str(other), "--corpus", str(corpus), "--store", str(store)]) == 2


# ---------------------------------------------------------------- bad input

def _scan(tmp: Path) -> Path:
    """A PDF of a page image only (a scan): the first page of a report rendered and saved by Pillow."""
    import pypdfium2 as pdfium
    needs_office()
    (source,) = office.convert([_page_html(tmp)], "pdf", tmp / "scan-src")
    image = pdfium.PdfDocument(str(source))[0].render(scale=1.5).to_pil()
    path = tmp / "scan.pdf"
    image.convert("RGB").save(path, "PDF", resolution=108)
    return path


def _page_html(tmp: Path) -> Path:
    page = tmp / "press.html"
    page.write_text(office.report_html(PRESS.read_text(encoding="utf-8"), "press"), encoding="utf-8")
    return page


def _encrypted_pdf(tmp: Path) -> Path:
    import subprocess
    needs_office()
    out = tmp / "enc"
    out.mkdir()
    options = ('pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
               '"DocumentOpenPassword":{"type":"string","value":"secret"}}')
    subprocess.run([office.SOFFICE, f"-env:UserInstallation=file://{out}/profile", "--headless", "--convert-to",
                    options, "--outdir", str(out), str(_page_html(tmp))], capture_output=True, timeout=240,
                   env={**os.environ, "HOME": str(out)})
    return out / "press.pdf"


def _encrypted_docx(tmp: Path) -> Path:
    from msoffcrypto.format.ooxml import OOXMLFile
    needs_office()
    (plain,) = office.convert([_page_html(tmp)], "docx", tmp / "plain")
    path = tmp / "locked.docx"
    with open(plain, "rb") as src, open(path, "wb") as dst:
        OOXMLFile(src).encrypt("secret", dst)
    return path


def _corrupt(tmp: Path, suffix: str) -> Path:
    needs_office()
    made = office.convert([_page_html(tmp)], suffix, tmp / "whole")[0]
    path = tmp / f"broken{'.' + suffix}"
    path.write_bytes(made.read_bytes()[: len(made.read_bytes()) // 3])
    return path


def _no_main_text(tmp: Path) -> Path:
    path = tmp / "menu.html"
    path.write_text('<html lang="ar"><head><meta charset="utf-8"><title>الرئيسية</title></head><body><nav>'
                    '<a href="/">الرئيسية</a> | <a href="/a">من نحن</a> | <a href="/b">اتصل بنا</a></nav>'
                    '<footer>جميع الحقوق محفوظة</footer></body></html>', encoding="utf-8")
    return path


def _english(tmp: Path) -> Path:
    path = tmp / "english-press.txt"
    path.write_text("IOM opens an office in Nouakchott\n\nNOUAKCHOTT, 7 May 2018 - The International Organization "
                    "for Migration opened an office in Nouakchott today to support the Government of Mauritania "
                    "in border management and the protection of migrants in transit.\n\nThe office will work "
                    "with the European Union and the African Union on assisted voluntary return programmes.\n",
                    encoding="utf-8")
    return path


BAD = {
    "scanned-pdf": (_scan, "needs OCR"),
    "encrypted-pdf": (_encrypted_pdf, "encrypted PDF"),
    "corrupt-pdf": (lambda t: _corrupt(t, "pdf"), "not a readable PDF"),
    "encrypted-docx": (_encrypted_docx, "encrypted or old-format Word file"),
    "corrupt-docx": (lambda t: _corrupt(t, "docx"), "not a readable Word .docx file"),
    "no-main-text-html": (_no_main_text, "no main text"),
    "other-language": (_english, "not in Arabic"),
}


@pytest.fixture(scope="module")
def good_store(tmp_path_factory):
    root = tmp_path_factory.mktemp("good")
    corpus = root / "corpus"
    corpus.mkdir()
    shutil.copy(PRESS, corpus / PRESS.name)
    build(corpus, root / "store")
    return corpus, root / "store"


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_is_refused_naming_the_file_and_the_store_keeps_serving(good_store, tmp_path, capsys, case):
    make, message = BAD[case]
    bad = make(tmp_path)
    corpus, store = good_store
    before_target, before_quads = resolve(store), len(open_read_only(store))
    with pytest.raises(SourceError, match=message) as err:
        read_document(bad)
    assert err.value.path == bad
    trial = tmp_path / "trial"
    shutil.copytree(corpus, trial)
    shutil.copy(bad, trial / bad.name)
    with pytest.raises(BuildError, match=re.escape(bad.name)):
        build(trial, store)
    assert main(["add", str(bad), "--corpus", str(corpus), "--store", str(store)]) == 2
    assert bad.name in capsys.readouterr().err and not (corpus / bad.name).exists()
    assert resolve(store) == before_target and len(open_read_only(store)) == before_quads


# ---------------------------------------------------------------- the PDF reader's line logic

def _visual(logical_runs: list[str]) -> list[tuple[str, bool]]:
    """Tokens of a line as a right-to-left page shows them, left to right: the runs given in
    reading order, each Arabic run drawn right to left, each run of numbers or Latin left to right."""
    out: list[tuple[str, bool]] = []
    for run in logical_runs:
        chars = list(run) if not re.search("[\u0621-\u064a]", run) else list(run)[::-1]
        out = [(c, False) for c in chars] + out
    return out


@pytest.mark.parametrize("runs, logical", [
    (["عام ", "2006"], "عام 2006"),
    (["القرار ", "٢٠٨/٦١", " بشأن"], "القرار ٢٠٨/٦١ بشأن"),
    (["ليبلغ ", "1.5", " بليون"], "ليبلغ 1.5 بليون"),
    (None, None),
    (["الوثيقة ", "A/63/265", " المؤرخة"], "الوثيقة A/63/265 المؤرخة"),
    (["منتدى ", "Global Forum", " العالمي"], "منتدى Global Forum العالمي"),
    (["ميزانية قدرها ", "232 155 2", " دولار"], "ميزانية قدرها 232 155 2 دولار"),   # digit groups: one number
])
def test_a_right_to_left_line_is_put_in_reading_order(runs, logical):
    from graph_builder.text.readers.pdf import _logical_rtl
    if logical is None:        # "20-30" after Arabic: the bidi algorithm lays out two numbers, 30 left of 20
        visual = [(c, False) for c in "30-20 "] + [(c, False) for c in "وهناك"[::-1]]
        assert "".join(t for t, _ in _logical_rtl(visual)) == "وهناك 20-30"
        return
    assert "".join(t for t, _ in _logical_rtl(_visual(runs))) == logical


def test_presentation_forms_and_mirrored_brackets_are_folded_back():
    from graph_builder.text.readers.pdf import _balance, _fold_forms
    assert _fold_forms("\ufefb\ufe8e\ufedf\ufe94") == "لاالة"        # lam-alef, alef, lam, ta marbuta forms
    assert _fold_forms("A/63/265") == "A/63/265"
    assert _balance(")اليونسكو(") == "(اليونسكو)" and _balance("(GIZ)(2007-2010)") == "(GIZ)(2007-2010)"


def test_running_heads_page_numbers_and_job_numbers_are_dropped():
    from graph_builder.text.readers.pdf import _Line, _drop_furniture
    body = ["عقد الاجتماع الأول في بروكسل.", "وعقد الاجتماع الثاني في مانيلا.", "وعقد الثالث في أثينا.",
            "وعقد الرابع في بويرتو فايارتا."]
    pages = [[_Line("A/63/265", 800, 12), _Line(text, 700, 12), _Line(f"08-45891 (A) {i}", 60, 12)]
             for i, text in enumerate(body, 1)]
    pages[2].append(_Line("٣", 40, 12))
    kept = _drop_furniture(pages)
    assert [[ln.text for ln in page] for page in kept] == [[text] for text in body]


def test_web_page_in_its_own_charset(tmp_path):
    """A page saved in windows-1256, as many Arabic news sites serve them."""
    path = tmp_path / "cp1256.html"
    sentence = "وقعت المنظمة الدولية للهجرة اليوم مذكرة تفاهم مع الحكومة بشأن إدارة الحدود وحماية المهاجرين. "
    path.write_bytes(b'<html><head><meta charset="windows-1256"><title>x</title></head><body><article><p>'
                     + (sentence * 2).encode("cp1256") + b"</p></article></body></html>")
    assert read_document(path).paragraphs[0].text == (sentence * 2).strip()


def test_a_pdf_creation_date_is_not_the_documents_date(office_copies):
    doc = read_document(office_copies[REPORTS[1].name]["pdf"])       # the 2011 report: no header date
    assert doc.date == "" and doc.extra["file_created"]
    assert any("not taken as the document's date" in n.message for n in doc.notices)


def test_paragraphs_from_line_gaps_hyphens_and_page_breaks():
    from graph_builder.text.readers.pdf import _join, _Line
    full, short = (72, 523), (300, 523)
    page1 = [_Line("الفقرة الأولى تبدأ هنا وتمتد على سطرين", 700, 12, *full),
             _Line("وتنتهي هنا.", 684, 12, *short),
             _Line("الفقرة الثانية تذكر the Inter-", 654, 12, *full),       # a wider gap: a new paragraph
             _Line("national Organization for Migration وتستمر على الصفحة", 638, 12, *full)]
    page2 = [_Line("التالية حتى تنتهي.", 760, 12, *short),                   # carried over the page break
             _Line("الفقرة الثالثة.", 730, 12, *short)]
    assert _join([page1, page2]) == [
        "الفقرة الأولى تبدأ هنا وتمتد على سطرين وتنتهي هنا.",
        "الفقرة الثانية تذكر the International Organization for Migration وتستمر على الصفحة التالية حتى تنتهي.",
        "الفقرة الثالثة."]


def test_a_short_last_line_before_a_page_break_and_an_empty_paragraph():
    """A line that stops short of the margin although the next line's first word would have fitted
    ends its paragraph, sentence or not; a gap of two more lines is an empty paragraph (a blank
    line, as the text version has it)."""
    from graph_builder.text.readers.pdf import _join, _Line
    full = (72, 523)
    page1 = [_Line("المقرر: نائب مستشار، شؤون اللاجئين والمهاجرين، بعثة الولايات المتحدة لدى مكتب", 700, 12, *full),
             _Line("الأمم المتحدة والمنظمات الدولية الأخرى في جنيف", 684, 12, 260, 523)]
    page2 = [_Line("المنسق: مستشار رئيسي للرئيس الحالي", 760, 12, 330, 523),
             _Line("القضايا والملاحظات", 730, 12, 420, 523),          # a paragraph's gap
             _Line("١٦٧ - افتتح الرئيسان المشاركان المناقشة بالتشديد على العلاقة المواضيعية لهذه", 676, 12, *full),
             _Line("الجلسة بجلسة العمل السابقة.", 660, 12, 380, 523)]
    assert _join([page1, page2]) == [
        "المقرر: نائب مستشار، شؤون اللاجئين والمهاجرين، بعثة الولايات المتحدة لدى مكتب "
        "الأمم المتحدة والمنظمات الدولية الأخرى في جنيف",
        "المنسق: مستشار رئيسي للرئيس الحالي", "القضايا والملاحظات", "",
        "١٦٧ - افتتح الرئيسان المشاركان المناقشة بالتشديد على العلاقة المواضيعية لهذه الجلسة بجلسة العمل السابقة."]


def test_one_glyph_for_several_letters_and_a_glyph_drawn_twice():
    """LibreOffice draws أُ once more with its mark raised, and maps a lam-alef glyph's letters
    in either order; each comes out once, in logical order, without a space inside the word."""
    from graph_builder.text.readers.pdf import _Glyph, _line_text
    def glyph(text, left, right, origin, baseline=500.0):
        return _Glyph(text, left, right, baseline, 12, left, right, (origin, baseline))
    row = [glyph("ع", 427.41, 434.67, 427.52), glyph("أ", 436.64, 437.64, 435.0), glyph("\u064f", 435.64, 436.64, 435.0),
           glyph("و", 437.81, 444.08, 438.3),
           glyph("\u064f", 436.7, 438.42, 433.7, 505.3), glyph("أ", 434.98, 436.7, 433.7, 505.3),   # drawn again
           glyph("د", 421.96, 427.65, 421.96)]
    assert _line_text(row, 12) == "وأ\u064fعد"
    for pair in ("أل", "لأ"):                          # the ligature's letters in either order
        row = [glyph("ب", 300, 306, 300), glyph(pair[0], 306, 313, 306), glyph(pair[1], 306, 313, 306),
               glyph("ا", 313, 316, 313)]
        assert _line_text(row, 12) == "الأب"


def test_a_corpus_of_word_and_pdf_files_builds_and_validates(office_copies, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    manifest = load_manifest(default_corpus())
    lines = []
    for report, fmt in zip(REPORTS, ("pdf", "docx")):
        copy = office_copies[report.name][fmt]
        shutil.copy(copy, corpus / copy.name)
        entry = {**manifest[report.name], "slug": manifest[report.name]["slug"] + "-" + fmt}
        lines.append(f'["{copy.name}"]\n' + "".join(f'{k} = "{v}"\n' for k, v in entry.items()))
    (corpus / "manifest.toml").write_text("\n".join(lines), encoding="utf-8")
    result = build(corpus, tmp_path / "store")
    assert result.validated_documents == 2 and {d.slug for d in result.documents} == {
        "2008-sg-report-international-migration-and-development-pdf", "2011-gfmd-swiss-chair-report-docx"}
    assert sum(d.paragraphs for d in result.documents) == 342 and sum(d.facts for d in result.documents) > 800
    again = build(corpus, tmp_path / "store")                 # unchanged files come from the cache
    assert again.reprocessed == 0 and again.quads == result.quads
