"""How a researcher cites a paragraph: ``A/63/265, para. 57``, or title, date and paragraph.

:func:`cite` turns what the graph says about a paragraph or footnote (its document's UN symbol,
titles and date, the printed paragraph number, the reading order ``mdkg:order``) into a citation
in English or Arabic and the ``undocs.org`` link of the document where it has a symbol. A
paragraph without a printed number is cited by its place in reading order, marked "unnumbered".
The rows come from the named query ``paragraph-citations``; this module runs no query, renders
no HTML and knows nothing of HTTP.
"""
from __future__ import annotations

from urllib.parse import quote

UNDOCS = "https://undocs.org/"
WORDS = {
    "en": {"para": "para. {n}", "unnumbered": "paragraph {n} (unnumbered)", "footnote": "footnote {n}",
           "sep": ", ", "quote": "“{t}”"},
    "ar": {"para": "الفقرة {n}", "unnumbered": "الفقرة {n} (غير مرقّمة)", "footnote": "الحاشية {n}",
           "sep": "، ", "quote": "«{t}»"},
}


def undocs_url(symbol: str | None, lang: str) -> str | None:
    """The UN's resolver for a document symbol (the Arabic version for Arabic pages)."""
    if not symbol:
        return None
    return f"{UNDOCS}{'ar/' if lang == 'ar' else ''}{quote(symbol.strip(), safe='/')}"


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def cite(info: dict, lang: str) -> dict:
    """``{"text", "undocs", "symbol"}`` for one paragraph.

    ``info`` holds (all optional): ``kind`` (``Paragraph``/``Footnote``), ``number``, ``order``,
    ``symbol``, ``title_en``, ``title_ar``, ``date``.
    """
    words = WORDS.get(lang, WORDS["en"])
    number, order = _int(info.get("number")), _int(info.get("order"))
    if info.get("kind") == "Footnote":
        where = words["footnote"].format(n=number if number is not None else order)
    elif number is not None:
        where = words["para"].format(n=number)
    elif order is not None:
        where = words["unnumbered"].format(n=order)
    else:
        where = ""
    symbol = (info.get("symbol") or "").strip() or None
    if symbol:
        parts = [symbol]
    else:
        title = info.get(f"title_{lang}") or info.get("title_en") or info.get("title_ar")
        parts = [words["quote"].format(t=title)] if title else []
        if info.get("date"):
            parts.append(str(info["date"]))
    if where:
        parts.append(where)
    return {"text": words["sep"].join(parts), "undocs": undocs_url(symbol, lang), "symbol": symbol}
