"""Read a Word ``.docx`` file into plain text with python-docx.

What it does: walks the body in reading order (paragraphs and tables); a paragraph whose
style is a heading (``Heading N``, ``Title``, their localised names through the style's
built-in id) becomes a ``#`` line (``Title``/level 1 → ``#``, level N → N+1 ``#``); superscript
runs (``vertAlign``, or a raised ``position`` as LibreOffice writes them) become ``<sup>…</sup>``; each footnote reference becomes ``<sup>(N)</sup>`` and the
footnote's text a ``(N) …`` line at the end; a table becomes one paragraph per row, cells
separated by `` | ``. The core properties give ``title``, ``language`` and ``created``.

What it does not: read automatic list numbering (Word's numbered lists keep their numbers
out of the text; UN documents type them), comments, tracked changes, text boxes or
headers and footers (page furniture). An encrypted file (an OLE container, as Word writes
it) or a corrupt one is refused with a ``SourceError``.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

from ..model import SourceError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HEADING = re.compile(r"^(?:heading|titre|überschrift|عنوان)\s*(\d)$", re.I)


def read_docx(path: Path) -> tuple[list[str], dict]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    path = Path(path)
    with open(path, "rb") as fh:
        head = fh.read(8)
    if head == _OLE:
        raise SourceError(path, "encrypted or old-format Word file (an OLE container, not a .docx): "
                                "save an unprotected .docx copy first")
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise SourceError(path, f"not a readable Word .docx file (corrupt or not a .docx): {exc}") from exc
    notes = _footnotes(document)
    cited: list[tuple[int, str]] = []
    blocks: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == W + "p":
            text = _paragraph_text(child, notes, cited)
            level = _heading_level(document, child)
            if text.strip():
                blocks.append(("#" * (level + 1) + " " if level is not None else "") + text.strip())
            elif blocks and blocks[-1]:
                blocks.append("")            # an empty paragraph: the author's blank line
        elif child.tag == W + "tbl":
            for row in child.iter(W + "tr"):
                cells = [" ".join(_paragraph_text(p, notes, cited).strip() for p in tc.iter(W + "p")).strip()
                         for tc in row.iter(W + "tc")]
                if any(cells):
                    blocks.append(" | ".join(cells))
    while blocks and not blocks[-1]:
        blocks.pop()
    for number, note_id in cited:
        blocks.append(f"({number}) {notes.get(note_id, '').strip()}")
    props = document.core_properties
    meta = {k: v for k, v in (("title", (props.title or "").strip()), ("language", (props.language or "").strip()),
                              ("created", props.created.date().isoformat() if props.created else ""),
                              ("symbol", (props.identifier or "").strip())) if v}
    return blocks, meta


def _footnotes(document) -> dict[str, str]:
    """Footnote id → text, from the footnotes part (python-docx does not expose it)."""
    from lxml import etree
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/footnotes") and not rel.is_external:
            root = etree.fromstring(rel.target_part.blob)
            return {fn.get(W + "id"): " ".join(_plain(p) for p in fn.iter(W + "p")).strip()
                    for fn in root.iter(W + "footnote") if fn.get(W + "type") in (None, "normal")}
    return {}


def _plain(p) -> str:
    return "".join(t.text or "" for t in p.iter(W + "t"))


def _paragraph_text(p, notes: dict[str, str], cited: list[tuple[int, str]]) -> str:
    out = []
    for run in p.iter(W + "r"):
        ref = run.find(W + "footnoteReference")
        if ref is not None:
            cited.append((len(cited) + 1, ref.get(W + "id")))
            out.append(f"<sup>({len(cited)})</sup>")
            continue
        text = "".join((t.text or "") if t.tag == W + "t" else "\t" if t.tag == W + "tab" else " "
                       for t in run if t.tag in (W + "t", W + "tab", W + "br"))
        if text and _raised(run):
            text = f"<sup>{text}</sup>"
        out.append(text)
    return re.sub(r"</sup><sup>", "", "".join(out))


def _raised(run) -> bool:
    """A superscript run: ``vertAlign superscript`` (Word) or a raised position (LibreOffice)."""
    valign = run.find(f"{W}rPr/{W}vertAlign")
    if valign is not None and valign.get(W + "val") == "superscript":
        return True
    position = run.find(f"{W}rPr/{W}position")
    try:
        return position is not None and int(position.get(W + "val", "0")) > 0
    except ValueError:
        return False


def _heading_level(document, p) -> int | None:
    """0 for a Title, N for Heading N, None for any other style."""
    style_id = p.find(f"{W}pPr/{W}pStyle")
    if style_id is None:
        return None
    try:
        style = document.styles.get_by_id(style_id.get(W + "val"), 1)   # WD_STYLE_TYPE.PARAGRAPH
    except (KeyError, ValueError):
        return None
    names = {style.name or "", style.style_id or ""}
    if any(n.lower().replace(" ", "") == "title" for n in names):
        return 0
    for name in names:
        m = _HEADING.match(name.replace("Heading", "Heading ").replace("  ", " "))
        if m:
            return int(m.group(1))
    return None
