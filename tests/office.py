"""Make real office files in the tests with LibreOffice headless: a report's text laid out as
HTML (headings, right-to-left paragraphs, English header lines left to right, a running head
with the symbol and a running foot with a UN job number and the page number), converted by
LibreOffice to .docx and the .docx to .pdf, as a researcher's copy of a UN document is made.

Nothing here reads the result: the tests do that with MDKG's readers.
"""
from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import uuid
from pathlib import Path

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
_ARABIC = re.compile("[\u0600-\u06ff]")


def available() -> bool:
    return SOFFICE is not None


def report_html(text: str, title: str, running_head: str = "", job_number: str = "") -> str:
    """A report's text (Markdown headings or plain lines) as an HTML page LibreOffice imports."""
    out = [f'<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
           '</head><body dir="rtl">']
    if running_head:
        out.append(f'<div title="header"><p dir="ltr">{html.escape(running_head)}</p></div>')
    if job_number:
        out.append(f'<div title="footer"><p dir="ltr">{html.escape(job_number)} '
                   '<sdfield type=PAGE subtype=RANDOM format=PAGE>1</sdfield></p></div>')
    for line in text.split("\n"):
        s = line.strip()
        if not s:
            out.append("<p><br></p>")        # the author's empty line: an empty paragraph in Word
            continue
        direction = "rtl" if _ARABIC.search(s) else "ltr"
        m = re.match(r"^(#{1,6})\s*(.*)$", s)
        if m:
            n = len(m.group(1))
            out.append(f'<h{n} dir="{direction}">{m.group(2)}</h{n}>')
        else:
            out.append(f'<p dir="{direction}">{s}</p>')
    out.append("</body></html>")
    return "\n".join(out)


def convert(sources: list[Path], target: str, outdir: Path, timeout: int = 240) -> list[Path]:
    """Convert files with LibreOffice headless (``target``: ``docx`` or ``pdf``) into ``outdir``."""
    outdir.mkdir(parents=True, exist_ok=True)
    profile = outdir / f".lo-profile-{uuid.uuid4().hex[:8]}"     # its own profile: runs in parallel
    filters = {"docx": 'docx:MS Word 2007 XML', "pdf": "pdf:writer_pdf_Export"}
    cmd = [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
           "--convert-to", filters[target], "--outdir", str(outdir), *map(str, sources)]
    env = {**os.environ, "HOME": str(outdir)}
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env)
    shutil.rmtree(profile, ignore_errors=True)
    made = [outdir / (Path(s).stem + "." + target) for s in sources]
    missing = [m for m in made if not m.exists()]
    if missing:
        raise RuntimeError(f"LibreOffice did not write {missing}: {result.stdout} {result.stderr}")
    return made
