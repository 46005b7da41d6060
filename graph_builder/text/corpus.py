"""Read the corpus: the manifest, the source files, and one ``Document`` per file.

What it does: lists the report files of a corpus folder, reads each one with checks (empty,
not UTF-8, binary), computes its sha256, parses its structure (``structure.py`` for numbered
paragraphs, ``unnumbered.py`` for any other text) and fills the document's metadata, each
value from the first source that has it: the manifest entry, the file's own metadata, the UN
header block (date, symbol, session, agenda item, original language), a press dateline (date),
a declaration's closing line (date), and, for the
title, the first heading or the file name (with a warning). The kind of document comes from
the manifest or is guessed (``doc_kind.py``); what was guessed is listed in
``Document.guessed``.

A paragraph's text is exactly what the source printed: words it printed run together are split only
in the folded form the normaliser gives (``arabic.py``, ``run_together.py``), so evidence points at
the source's characters.

What it does not: recognise entities or facts, or normalise text.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import fields
from datetime import date
from pathlib import Path

from . import doc_kind
from .model import Document, SourceError, SourceIssue
from .readers import SUFFIXES, read
from .structure import ParsedText, match_key, parse
from .dateline import closing_date
from .unnumbered import _HEADER_LINE, parse_unnumbered
from ..values import find_symbols

MANIFEST = "manifest.toml"
_DOCUMENT_KEYS = {"slug", "language", "title_ar", "title_en", "date", "symbol", "session",
                  "agenda_item", "origin", "kind"}
# a text is read as a numbered report when its numbered paragraphs hold at least this share of its
# letters outside ordinal headings and the title
NUMBERED_SHARE = 0.4
ARABIC_SHARE = 0.5   # a text with fewer Arabic letters than this share is in another language
LANGUAGE_MIN_LETTERS = 100   # (judged on texts of at least this many letters)
_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")

MONTHS_EN = ["january", "february", "march", "april", "may", "june", "july", "august",
             "september", "october", "november", "december"]
# Arabic month names as UN documents print them (Levantine and Egyptian forms)
MONTHS_AR = [("كانون الثاني", "يناير"), ("شباط", "فبراير"), ("آذار", "مارس"), ("نيسان", "أبريل"),
             ("أيار", "مايو"), ("حزيران", "يونيه"), ("تموز", "يوليه"), ("آب", "أغسطس"),
             ("أيلول", "سبتمبر"), ("تشرين الأول", "أكتوبر"), ("تشرين الثاني", "نوفمبر"),
             ("كانون الأول", "ديسمبر")]
ORDINAL_UNITS = {"الاول": 1, "الاولى": 1, "الحادي": 1, "الحادية": 1, "الثاني": 2, "الثانية": 2,
                 "الثالث": 3, "الثالثة": 3, "الرابع": 4, "الرابعة": 4, "الخامس": 5, "الخامسة": 5,
                 "السادس": 6, "السادسة": 6, "السابع": 7, "السابعة": 7, "الثامن": 8, "الثامنة": 8,
                 "التاسع": 9, "التاسعة": 9, "العاشر": 10, "العاشرة": 10}
ORDINAL_TENS = {"العشرون": 20, "الثلاثون": 30, "الاربعون": 40, "الخمسون": 50, "الستون": 60,
                "السبعون": 70, "الثمانون": 80, "التسعون": 90}
# sub-items of UN agenda items: Arabic letters in abjad order stand for a, b, c, ...
AGENDA_LETTERS = "أبجدهوزحطيكلمنسعفصقرشتثخذضظغ"
LANGUAGES = {"english": "en", "french": "fr", "spanish": "es", "russian": "ru", "arabic": "ar",
             "chinese": "zh"}
UN_ORGANS = {"الجمعية العامة", "مجلس الامن", "المجلس الاقتصادي والاجتماعي", "مجلس حقوق الانسان"}
CONTENTS = {"المحتويات", "المحتويات والصفحة"}


def load_manifest(corpus_dir: Path | str) -> dict[str, dict]:
    """The manifest's tables keyed by file name; ``{}`` when the folder has no manifest."""
    path = Path(corpus_dir) / MANIFEST
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        line = re.search(r"line (\d+)", str(exc))
        raise SourceError(path, f"invalid TOML: {exc}", int(line.group(1)) if line else None) from exc
    except UnicodeDecodeError as exc:
        raise SourceError(path, f"not valid UTF-8: {exc.reason}") from exc
    for name, entry in data.items():
        if not isinstance(entry, dict):
            raise SourceError(path, f"entry {name!r} is not a table")
        check_entry(path, name, entry)
    return data


def check_entry(path: Path, name: str, entry: dict) -> None:
    """Raise ``SourceError`` for a manifest entry with a bad slug or date."""
    slug = entry.get("slug")
    if slug is not None and not (isinstance(slug, str) and _SLUG.match(slug)):
        raise SourceError(path, f"entry {name!r}: slug {slug!r} is not IRI-safe")
    when = entry.get("date")
    if when is not None:
        try:
            date.fromisoformat(str(when))
        except ValueError as exc:
            raise SourceError(path, f"entry {name!r}: date {when!r} is not ISO 8601") from exc
    kind = entry.get("kind")
    if kind is not None and kind not in doc_kind.kinds():
        raise SourceError(path, f"entry {name!r}: kind {kind!r} is not one of {', '.join(doc_kind.kinds())}")


def corpus_files(corpus_dir: Path | str) -> list[Path]:
    """The source files of a corpus folder (``*.md``, ``*.txt``, ``*.docx``, ``*.html``, ``*.pdf``;
    not README, not Office lock files ``~$…``), sorted."""
    folder = Path(corpus_dir)
    if not folder.is_dir():
        raise SourceError(folder, "corpus folder not found")
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.upper().startswith("README")
                  and not p.name.startswith(("~$", ".")))


def slug_from_filename(name: str) -> str:
    """``2008-sg-report.ar.md`` → ``2008-sg-report``: the name without extensions, IRI-safe."""
    stem = name
    while True:
        base, dot, ext = stem.rpartition(".")
        if not dot or not base or not re.fullmatch(r"[A-Za-z]{1,4}(?:-[A-Za-z]{2,4})?", ext):
            break
        stem = base
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-._").lower()
    return slug or "document"


def read_document(path: Path | str, manifest_entry: dict | None = None, strict: bool = False) -> Document:
    """One report as a ``Document``; with ``strict`` every ``SourceIssue`` is a ``SourceError``."""
    path = Path(path)
    source = read(path)
    sha = source.sha256
    text = source.as_text(numbered=True)
    parsed = parse(text, path)
    numbered = is_numbered(parsed, text)
    if not numbered:
        parsed = parse_unnumbered(source.as_text(numbered=False), path)
        if not parsed.paragraphs:
            raise SourceError(path, "no paragraph of text found (only a title or headings)")
    check_language(path, parsed)
    if strict and parsed.issues:
        first = parsed.issues[0]
        more = f" (and {len(parsed.issues) - 1} more)" if len(parsed.issues) > 1 else ""
        raise SourceError(path, first.message + more, first.line)
    doc = Document(path=path, slug=slug_from_filename(path.name), sha256=sha,
                   front_matter=parsed.front_matter, sections=parsed.sections,
                   paragraphs=parsed.paragraphs, footnotes=parsed.footnotes, issues=parsed.issues)
    fill_from_header(doc, parsed)
    if manifest_entry:
        fill_from_manifest(doc, manifest_entry)
    complete_metadata(doc, parsed, manifest_entry or {}, numbered, source.fmt, source.meta)
    return doc


def check_language(path: Path, parsed: ParsedText) -> None:
    """``SourceError`` for a text that is not Arabic (fewer than half the letters of its paragraphs
    Arabic, in a text long enough to tell)."""
    letters = [ch for p in parsed.paragraphs for ch in p.text if ch.isalpha()]
    arabic = sum(1 for ch in letters if "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f"
                 or "\ufb50" <= ch <= "\ufeff")
    if len(letters) >= LANGUAGE_MIN_LETTERS and arabic < ARABIC_SHARE * len(letters):
        raise SourceError(path, f"the text is not in Arabic ({100 * arabic // len(letters)}% of its letters are "
                                "Arabic): MDKG reads Arabic documents")


def is_numbered(parsed: ParsedText, text: str) -> bool:
    """True when the numbered paragraphs found carry the text (not a stray ``1 - `` list item)."""
    if not parsed.paragraphs:
        return False
    def letters(s: str) -> int:
        return sum(1 for ch in s if ch.isalpha())
    # ordinal headings (أولا -, ألف -) and the title belong to a numbered report: not counted against it
    structure = sum(letters(s.heading) for s in parsed.sections if s.label) + sum(map(letters, parsed.front_headings))
    in_paragraphs = sum(letters(p.text) for p in parsed.paragraphs)
    return in_paragraphs >= NUMBERED_SHARE * (letters(text) - structure)


def complete_metadata(doc: Document, parsed: ParsedText, entry: dict, numbered: bool, fmt: str,
                      meta: dict | None = None) -> None:
    """Fill what the manifest left empty, from the file's own metadata (``meta``: a web page's
    title and date of publication, a Word or PDF file's title), the header block (already read),
    the dateline; then the title from the first heading or the file name and the kind of document;
    warn for each value guessed. A file's creation date is kept in ``extra`` but never taken as the
    document's date: a conversion sets it, and a wrong anchor would date the text's events wrongly."""
    guessed = doc.guessed
    meta = meta or {}
    if meta.get("title") and "title_ar" not in entry and "title_en" not in entry and _is_title(meta["title"]):
        if re.search(r"[\u0621-\u064a]", meta["title"]):
            doc.title_ar = meta["title"]
        else:
            doc.title_en = meta["title"]
        guessed["title"] = f"the {fmt} file's metadata"
    if meta.get("date") and "date" not in entry:
        doc.date, guessed["date"] = meta["date"], f"the {fmt} file's metadata"
    if meta.get("symbol") and "symbol" not in entry and not doc.symbol:
        doc.symbol = meta["symbol"]
    for key in ("site",):
        if meta.get(key):
            doc.extra.setdefault(key, meta[key])
    line = parsed.dateline
    if line is not None:
        doc.dateline = {"place": line.place, "date": line.printed_date, "agency": line.agency}
        if not doc.date and line.iso_date:
            doc.date = line.iso_date
            guessed["date"] = "the dateline"
        elif not doc.date:
            why = "has no year" if line.year_missing else "was not read"
            _warn(doc, f"the dateline's date {line.printed_date!r} {why}: the document has no date")
    if "title_ar" not in entry and "title_en" not in entry and "title" not in guessed:
        if not doc.title_ar and numbered:
            doc.title_ar = first_line_title(parsed)
        if not doc.title_ar:
            doc.title_ar = next((s.heading.strip() for s in parsed.sections if s.heading.strip()), "")
        if doc.title_ar:
            guessed["title"] = "the first heading"
        else:
            doc.title_en, guessed["title"] = doc.path.stem, "the file name"
        _warn(doc, f"no title in the manifest: title {doc.title_ar or doc.title_en!r} taken from "
                   f"{guessed['title']}")
    if entry.get("kind"):
        doc.kind = str(entry["kind"])
    else:
        doc.kind, guessed["kind"] = doc_kind.guess_kind(doc.title_ar or doc.title_en, numbered, fmt, line is not None)
    if not doc.date and "date" not in entry and doc.paragraphs:
        closing = closing_date(doc.paragraphs[-1].text)
        if closing:
            doc.date, guessed["date"] = closing, "the closing line (where and when it was issued)"
    if meta.get("created"):
        doc.extra["file_created"] = meta["created"]
    if not doc.date and "date" not in entry and line is None:
        created = (f"; the file was created on {meta['created']}, which is not taken as the document's date "
                   "(a conversion sets it)") if meta.get("created") else ""
        _warn(doc, "no date found (manifest, file metadata, header block or dateline): year-less and relative "
                   f"dates in the text cannot be anchored{created}")


def _is_title(text: str) -> bool:
    """A file's title property worth using: words, not a file name, a template's or a program's."""
    t = text.strip()
    return len(t.split()) >= 2 and not re.match(r"(?i)^(microsoft word|untitled|document\d*|slide \d)", t) \
        and not re.search(r"\.(docx?|pdf|html?|txt|md)$", t, re.I)


def first_line_title(parsed: ParsedText) -> str:
    """A numbered text's first line when it is plain text of the front matter (not a line of the
    UN header block): the title of an excerpt that starts with it."""
    first = next((ln.strip() for ln in parsed.front_matter.splitlines() if ln.strip()), "")
    return "" if not first or _HEADER_LINE.match(first) or not re.search(r"[\u0621-\u064a]", first) else first


def _warn(doc: Document, message: str) -> None:
    doc.notices.append(SourceIssue(doc.path, None, message))


def read_corpus(corpus_dir: Path | str, strict: bool = False) -> list[Document]:
    """Every report of a corpus folder, with its manifest entry where it has one."""
    manifest = load_manifest(corpus_dir)
    docs = [read_document(p, manifest.get(p.name), strict) for p in corpus_files(corpus_dir)]
    seen: dict[str, Path] = {}
    for doc in docs:
        if doc.slug in seen:
            raise SourceError(doc.path, f"slug {doc.slug!r} is also the slug of {seen[doc.slug].name}")
        seen[doc.slug] = doc.path
    return docs


def fill_from_manifest(doc: Document, entry: dict) -> None:
    """Manifest values win over values found in the header; unknown keys go to ``extra``."""
    names = {f.name for f in fields(Document)}
    for key, value in entry.items():
        if key in _DOCUMENT_KEYS and key in names:
            setattr(doc, key, str(value))
        else:
            doc.extra[key] = value


def fill_from_header(doc: Document, parsed: ParsedText) -> None:
    """Date, session, agenda item, title and original language printed in the front matter."""
    header = parsed.front_matter
    doc.date = header_date(header)
    doc.session = header_session(header)
    doc.agenda_item = header_agenda_item(header)
    doc.title_ar = header_title(parsed.front_headings)
    doc.symbol = header_symbol(header)
    language = re.search(r"Original:\s*([A-Za-z]+)", header)
    if language and language.group(1).lower() in LANGUAGES:
        doc.extra["original_language"] = LANGUAGES[language.group(1).lower()]


def header_date(header: str) -> str:
    """The first full date of the header as ISO 8601 ("11 August 2008" → "2008-08-11")."""
    for line in header.splitlines():
        m = re.fullmatch(r"\s*(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})\s*", line)
        if m and m.group(2).lower() in MONTHS_EN:
            return safe_date(int(m.group(3)), MONTHS_EN.index(m.group(2).lower()) + 1, int(m.group(1)))
        m = re.fullmatch(r"\s*(\d{1,2})\s+(.+?)\s+(\d{4})\s*", line)
        if m:
            month = arabic_month(m.group(2))
            if month:
                return safe_date(int(m.group(3)), month, int(m.group(1)))
    return ""


def safe_date(year: int, month: int, day: int) -> str:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return ""


def arabic_month(name: str) -> int | None:
    """Month number of an Arabic month name, single or doubled ("تموز/يوليه")."""
    keys = {match_key(part) for part in name.split("/")}
    for number, pair in enumerate(MONTHS_AR, 1):
        if keys & {match_key(p) for p in pair}:
            return number
    return None


def header_symbol(header: str) -> str:
    """The document symbol printed on a line of its own in the header block ("A/63/265")."""
    for line in header.splitlines():
        line = line.strip().rstrip("*").strip()
        found = find_symbols(line)
        if found and found[0].start == 0 and found[0].end == len(line):
            return found[0].symbol
    return ""


def header_session(header: str) -> str:
    """"الدورة الثالثة والستون" → "63"."""
    m = re.search(r"الدورة\s+([^\n]+)", header)
    if not m:
        return ""
    total = 0
    for word in (match_key(w) for w in m.group(1).split()):
        if word.startswith("و") and (word[1:] in ORDINAL_UNITS or word[1:] in ORDINAL_TENS):
            word = word[1:]
        if word in ORDINAL_UNITS or word in ORDINAL_TENS:
            total += ORDINAL_UNITS.get(word) or ORDINAL_TENS[word]
        elif word in ("عشر", "عشرة", "المائة"):
            total += 100 if word == "المائة" else 10
        elif word != "بعد":
            break
    return str(total) if total else ""


def header_agenda_item(header: str) -> str:
    """"البند ٥٤ (ب) من جدول الأعمال" → "54 (b)"."""
    m = re.search(r"البند\s+([0-9\u0660-\u0669]+)(?:\s*\(\s*([\u0621-\u064a])\u0640?\s*\))?", header)
    if not m:
        return ""
    number = str(int(m.group(1)))
    letter = m.group(2)
    if letter and letter in AGENDA_LETTERS:
        return f"{number} ({chr(ord('a') + AGENDA_LETTERS.index(letter))})"
    return number


def header_title(front_headings: list[str]) -> str:
    """The title printed as headings in the front matter, without the organ's name and the
    table of contents' heading: "الهجرة الدولية والتنمية: تقرير الأمين العام"."""
    parts = [h.strip() for h in front_headings
             if h.strip() and match_key(h) not in {match_key(o) for o in UN_ORGANS | CONTENTS}]
    return ": ".join(parts)
