"""Reading the corpus folder: manifest, file list, metadata, and every kind of bad input."""
from __future__ import annotations

import hashlib
import shutil

import pytest

from graph_builder.text.corpus import (corpus_files, header_agenda_item, header_date, header_session,
                                       load_manifest, read_corpus, read_document, slug_from_filename)
from graph_builder.text.readers.plain import read_plain as read_source
from graph_builder.text.model import SourceError
from graph_builder.resources import default_corpus

CORPUS = default_corpus()
R2008 = CORPUS / "2008-sg-report-international-migration-and-development.ar.md"
R2011 = CORPUS / "2011-gfmd-swiss-chair-report.ar.txt"


# -- the bundled corpus ------------------------------------------------------------------

def test_corpus_files_and_manifest():
    assert corpus_files(CORPUS) == [R2008, R2011]
    manifest = load_manifest(CORPUS)
    assert set(manifest) == {R2008.name, R2011.name}
    assert manifest[R2008.name]["agenda_item"] == "54 (b)"


def test_corpus_files_skip_readme_and_other_files(tmp_path):
    for name in ["README.md", "readme.txt", "manifest.toml", "b.ar.txt", "a.ar.md", "notes.pdf", "c.docx",
                 "d.html", "~$c.docx", "picture.png", ".hidden.txt"]:
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.name for p in corpus_files(tmp_path)] == ["a.ar.md", "b.ar.txt", "c.docx", "d.html", "notes.pdf"]


def test_read_corpus_with_manifest():
    d2008, d2011 = read_corpus(CORPUS)
    assert (d2008.slug, d2008.date, d2008.session, d2008.agenda_item) == (
        "2008-sg-report-international-migration-and-development", "2008-08-11", "63", "54 (b)")
    assert d2008.title_ar == "الهجرة الدولية والتنمية: تقرير الأمين العام"
    assert d2008.title_en.startswith("International migration and development")
    assert d2008.extra["cites_agenda"] == "A/63/150" and d2008.symbol == ""
    assert d2008.sha256 == hashlib.sha256(R2008.read_bytes()).hexdigest()
    assert (d2011.slug, d2011.date, d2011.language) == ("2011-gfmd-swiss-chair-report", "2011-12-02", "ar")
    assert d2011.title_ar.startswith("تقرير الرئاسة السويسرية")  # from the manifest: the text has no title line


def test_metadata_from_header_without_manifest_entry(tmp_path):
    copy = tmp_path / "un-report-copy.ar.md"
    shutil.copy(R2008, copy)
    (doc,) = read_corpus(tmp_path)
    assert doc.slug == "un-report-copy"
    assert (doc.date, doc.session, doc.agenda_item) == ("2008-08-11", "63", "54 (b)")
    assert doc.title_ar == "الهجرة الدولية والتنمية: تقرير الأمين العام"
    assert doc.extra == {"original_language": "en"}
    assert len(doc.paragraphs) == 75


def test_plain_report_without_entry_has_no_invented_metadata_but_a_guessed_title(tmp_path):
    copy = tmp_path / "chair.ar.txt"
    shutil.copy(R2011, copy)
    doc = read_document(copy, None)
    assert (doc.slug, doc.date, doc.session, doc.agenda_item) == ("chair", "", "", "")
    assert doc.title_ar == "أولا - شكر وتقدير*" and doc.guessed["title"] == "the first heading"
    assert [n.message.split(":")[0] for n in doc.notices] == ["no title in the manifest", "no date found (manifest, file metadata, header block or dateline)"]
    assert doc.issues == [] and len(doc.paragraphs) == 267


@pytest.mark.parametrize("name,slug", [
    ("2008-sg-report.ar.md", "2008-sg-report"), ("report.txt", "report"),
    ("My Report 2011.en.txt", "my-report-2011"), ("x.ar-SA.md", "x")])
def test_slug_from_filename(name, slug):
    assert slug_from_filename(name) == slug


def test_header_values():
    assert header_date("Distr.: General\n11 August 2008\nArabic") == "2008-08-11"
    assert header_date("٣ تشرين الأول/أكتوبر\n3 تشرين الأول/أكتوبر 2011") == "2011-10-03"
    assert header_date("the 11 August 2008 meeting") == ""
    assert header_session("الدورة الثالثة والستون") == "63"
    assert header_session("الدورة الحادية عشرة") == "11"
    assert header_session("الدورة السادسة والستون\nالبند") == "66"
    assert header_agenda_item("البند ٥٤ (ب) من جدول الأعمال") == "54 (b)"
    assert header_agenda_item("البند 22 (هـ) من جدول الأعمال") == "22 (e)"
    assert header_agenda_item("البند ١١٦ من جدول الأعمال") == "116"


# -- bad input ---------------------------------------------------------------------------

def write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("data", [b"", b"  \n\t\n"])
def test_empty_file(tmp_path, data):
    path = write(tmp_path, "empty.ar.txt", data)
    with pytest.raises(SourceError, match="empty file") as err:
        read_document(path)
    assert str(path) in str(err.value)


def test_not_utf8_gives_the_line(tmp_path):
    data = "1 - نص.\n2 - نص.\n".encode() + b"3 - \xd8\xff bad\n"
    path = write(tmp_path, "latin.ar.txt", data)
    with pytest.raises(SourceError, match="not valid UTF-8") as err:
        read_source(path)
    assert err.value.line == 3 and str(err.value).startswith(f"{path}:3: ")


def test_windows_1256_file_is_not_utf8(tmp_path):
    path = write(tmp_path, "cp1256.ar.txt", "1 - الهجرة الدولية.\n".encode("cp1256"))
    with pytest.raises(SourceError, match="not valid UTF-8") as err:
        read_corpus(tmp_path)
    assert err.value.path == path and err.value.line == 1


def test_binary_file(tmp_path):
    path = write(tmp_path, "image.ar.md", b"1 - text\n\x89PNG\x00\x00\x01")
    with pytest.raises(SourceError, match="binary") as err:
        read_document(path)
    assert err.value.path == path and err.value.line == 2


def test_unnumbered_prose_is_read_and_a_title_alone_is_refused(tmp_path):
    doc = read_document(write(tmp_path, "prose.ar.md", "## عنوان\n\nنص بلا فقرات مرقمة.\n".encode()))
    assert [(p.number, p.text) for p in doc.paragraphs] == [(None, "نص بلا فقرات مرقمة.")]
    path = write(tmp_path, "title-only.ar.md", "## عنوان\n".encode())
    with pytest.raises(SourceError, match="no paragraph of text") as err:
        read_document(path)
    assert str(path) in str(err.value)


def test_duplicate_number_is_a_warning_and_strict_error(tmp_path):
    text = "أولا - مقدمة\n\n١ - الأولى.\n\n٢ - الثانية.\n\n٢ - مكررة.\n\n٣ - الثالثة.\n"
    path = write(tmp_path, "dup.ar.md", text.encode())
    doc = read_document(path)
    assert [p.number for p in doc.paragraphs] == [1, 2, 2, 3]
    assert [(i.line, "duplicate paragraph number 2" in i.message) for i in doc.issues] == [(7, True)]
    assert str(doc.issues[0]).startswith(f"{path}:7: ")
    with pytest.raises(SourceError, match="duplicate paragraph number 2") as err:
        read_document(path, strict=True)
    assert err.value.line == 7


def test_out_of_sequence_is_a_warning_and_strict_error(tmp_path):
    text = "\t1 - one.\n\t2 - two.\n\t7 - seven.\n\t8 - eight.\n"
    path = write(tmp_path, "gap.ar.txt", text.encode())
    doc = read_document(path)
    assert [p.number for p in doc.paragraphs] == [1, 2, 7, 8]
    assert [(i.line, i.message) for i in doc.issues] == [(3, "paragraph number 7 out of sequence (expected 3)")]
    with pytest.raises(SourceError, match="out of sequence") as err:
        read_corpus(tmp_path, strict=True)
    assert err.value.path == path and err.value.line == 3


def test_restarted_list_is_not_out_of_sequence(tmp_path):
    text = "\t1 - one:\n\t1 - item\n\t2 - item\n\t3 - item\n\t2 - two.\n"
    doc = read_document(write(tmp_path, "list.ar.txt", text.encode()), strict=True)
    assert [p.number for p in doc.paragraphs] == [1, 2]
    assert doc.paragraph(1).text == "one:\n1 - item\n2 - item\n3 - item"


def test_heading_that_cannot_be_placed(tmp_path):
    text = "\tألف - فرع بلا باب\n\t1 - نص.\n"
    path = write(tmp_path, "orphan.ar.txt", text.encode())
    doc = read_document(path)
    assert [(i.line, "cannot place heading" in i.message) for i in doc.issues] == [(1, True)]
    with pytest.raises(SourceError, match="cannot place heading"):
        read_document(path, strict=True)


def test_bad_manifest_names_file_and_line(tmp_path):
    (tmp_path / "manifest.toml").write_text('["a.ar.md"]\nslug = "a"\ndate = \n', encoding="utf-8")
    with pytest.raises(SourceError, match="invalid TOML") as err:
        load_manifest(tmp_path)
    assert err.value.path.name == "manifest.toml" and err.value.line == 3


def test_manifest_with_bad_date(tmp_path):
    (tmp_path / "manifest.toml").write_text('["a.ar.md"]\ndate = "11 August 2008"\n', encoding="utf-8")
    with pytest.raises(SourceError, match="not ISO 8601"):
        load_manifest(tmp_path)


def test_missing_corpus_folder(tmp_path):
    with pytest.raises(SourceError, match="not found"):
        read_corpus(tmp_path / "nowhere")


def test_two_files_with_one_slug(tmp_path):
    (tmp_path / "r.ar.md").write_text("١ - نص.\n", encoding="utf-8")
    (tmp_path / "r.ar.txt").write_text("1 - نص.\n", encoding="utf-8")
    with pytest.raises(SourceError, match="slug 'r'"):
        read_corpus(tmp_path)
