"""Numbered instruments: the year a numbered law, convention or recommendation carries in its title.

A numbered legal text is cited with the year it was adopted: a national law or decree by its number and
year (``القانون رقم 28 لسنة 2012``، ``قانون العمالة المنزلية رقم 68 لسنة 2015``، ``المرسوم رقم 5 لعام 2019``),
an international convention or recommendation by its number, subject and year (``الاتفاقية رقم 97 بشأن
الهجرة من أجل العمل (مراجعة)، 1949``، ``اتفاقية منظمة العمل الدولية رقم 143 …، لعام 1975``، ``C143 (1975)``).
For each commitment named with a number (``رقم N`` in its name or right after it, or an acronym such as
``C143``), the year written right after the number and its title is its ``year``.

It does not read a year that is not in the title position: a date after a verb (``اعتمدت في 2011``) is
the adoption rules', a deadline or a target year of an unnumbered plan (``خطة التنمية المستدامة لعام
2030``) is no adoption year, and a year after ``منذ`` or ``حتى`` is none. It names no document.
"""
from __future__ import annotations

import re

from ..recognise.findings import Fact, Value
from ..text.arabic import fold
from .rules import REGISTRY, Rule, register

RULE = "commitment.numbered-year"
if RULE not in REGISTRY:
    register(Rule(RULE, ("year",), 0.9, ("entity:commitment", "regex"),
                  "a numbered instrument's title year: القانون رقم N لسنة YYYY، الاتفاقية رقم N بشأن …، YYYY، "
                  "C143 (1975)", "commitments"))

_NUMBER = re.compile(r"رقم\s*\d+")
_ACRONYM = re.compile(r"^[CR]\d{2,3}$")
# after the number: a subject (بشأن/المتعلقة ب/حول … up to a comma, bracket or digit), a bracketed
# qualifier (مراجعة، أحكام تكميلية), a comma, then لسنة/لعام/عام/سنة or a bare or bracketed year.
_TAIL = re.compile(
    r"^\s*(?:رقم\s*\d+\s*)?"
    r"(?:(?:بشان|المتعلق(?:ه)?\s*ب|الخاص(?:ه)?\s*ب|حول)\s*[^,;.()\d]{1,90}?\s*)?"
    r"(?:\([^()\d]{1,40}\)\s*)?"
    r"[,]?\s*(?:(?:ل)?(?:عام|سنه)\s*|ل\s*)?\(?((?:1[89]|20)\d\d)\)?(?!\d)")
_IN_NAME = re.compile(r"رقم\s*\d+\s*(?:ل)?(?:عام|سنه)?\s*((?:1[89]|20)\d\d)(?!\d)")


def _numbered(name: str, after: str) -> bool:
    return bool(_NUMBER.search(name) or _ACRONYM.match(name.strip()) or re.match(r"^\s*رقم\s*\d+", after))


def title_year(name_folded: str, after_folded: str) -> str | None:
    """The year of a numbered instrument named ``name_folded`` and followed by ``after_folded`` (folded
    text), or None when it is not numbered or no year stands in the title position."""
    if not _numbered(name_folded, after_folded):
        return None
    inside = _IN_NAME.search(name_folded)
    if inside:
        return inside.group(1)
    m = _TAIL.match(after_folded)
    return m.group(1) if m else None


def extract(ctx):
    conf = REGISTRY.confidence(RULE)
    for src in ctx.sources():
        seen = set()
        text = ctx.tokens(src).text                # a paragraph's text or a section's heading
        for m in ctx.mentions_in(src):
            if m.entity.kind != "commitment" or m.entity in seen:
                continue
            year = title_year(fold(text[m.start:m.end]), fold(text[m.end:m.end + 160]))
            if year is not None:
                seen.add(m.entity)
                yield Fact(m.entity, "year", Value(year, "gYear"), src, RULE, conf)


__all__ = ["extract", "title_year", "RULE"]
