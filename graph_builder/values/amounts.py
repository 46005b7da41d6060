"""Sums of money: ``١٥ مليون يورو``, ``232 155 2 من دولارات الولايات المتحدة``, ``$2.5 million``.

An amount needs a currency: a word (``يورو``, ``دولار``, ``من دولارات الولايات المتحدة``,
``فرنك سويسري`` …, data in ``lexicons/amounts.toml``), a symbol (``$ € £``) or a Latin ISO 4217
code known to pycountry (not those that are also English words: ALL, TOP …). Numbers and scale
words are read as in :mod:`.numbers`, cardinals written in words too (``خمسة ملايين دولار``, ``مائة ألف يورو``); a scale word alone counts as one (``مليون دولار``) and its
dual as two (``مليونا دولار``); ``1,8 مليار أورو`` has a decimal comma. A bare dollar is the US
dollar (UN usage); a bare franc, dinar, riyal, dirham or pound has currency None. Ranges
(``من 5 إلى 10 ملايين يورو``, ``بين 2 و 3 مليارات دولار``, ``2-3 مليارات دولار``: the first number
takes the second's scale when it has none) give ``value`` and ``end_value``; a compound adds its
parts (``مليار و200 مليون دولار`` = 1.2 billion); a qualifier before
or after (``نحو``, ``أكثر من``, ``تقريبا`` …) is kept in ``qualifier``, outside the span.

This module does not decide who pays or receives an amount; the fact rules do that.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType

import pycountry

from . import lexicon
from ._text import NA, NB, SP, key, non_overlapping, pattern, prepare, words
from .numbers import (FRACTION_OF_SCALE, FRACTIONS, LONE_SCALES, NUM, SCALE, WORD_INT_RES, integral, number_value,
                      qualifier, scale_value, word_value)

_UNSET = object()


_HEADS: list[str] = []        # every currency noun form, filled by _load_currencies


@dataclass(frozen=True)
class _Currency:
    regex: re.Pattern          # the whole currency phrase (folded)
    bare: object               # the code of the noun alone, None (no one currency), _UNSET (not money)
    codes: tuple               # (qualifier regex, code) pairs


def _load_currencies():
    data = lexicon.load("amounts")
    where = str(lexicon.lexicon_path("amounts"))
    symbols = lexicon.field(data, "symbols", dict, where)
    out = []
    _HEADS.clear()
    for i, entry in enumerate(lexicon.field(data, "currency", tuple, where)):
        at = f"{where}: [[currency]] #{i + 1}"
        _HEADS.extend(lexicon.strings(entry, "forms", at))
        forms = words(*lexicon.strings(entry, "forms", at))
        quals = []
        for q in lexicon.field(entry, "qualified", tuple, at):
            code = lexicon.field(q, "code", str, at)
            after = words(*lexicon.strings(q, "after", at))
            quals.append((re.compile(pattern("(?:ال)?") + f"(?:{after})"), code))
        alone = entry.get("alone", True)
        noun = pattern("(?:ال)?") + f"(?:{forms})"
        # "5 ملايين دولار من دولارات الولايات المتحدة": a noun, then من and the (qualified) noun
        phrase = pattern("(?:من )?") + f"(?:{noun}{SP}{pattern('من')}{SP})?{noun}"
        if quals:
            qual = "|".join(f"(?:{r.pattern})" for r, _ in quals)
            phrase += f"(?:{SP}(?:{qual}))" + ("?" if alone else "")
        elif not alone:
            continue
        out.append(_Currency(re.compile(phrase + NA), entry.get("bare") if alone else _UNSET, tuple(quals)))
    return MappingProxyType(dict(symbols)), tuple(out)


SYMBOLS, _CURRENCIES = _load_currencies()
CURRENCY = "(?:" + "|".join(c.regex.pattern for c in _CURRENCIES) + ")"
_SYMBOL = "(?:" + "|".join(re.escape(s).replace(r"\ ", " ?") for s in sorted(SYMBOLS, key=len, reverse=True)) + ")"
# Every amount names its currency: a text without a currency word, symbol or upper-case code has none.
_CURRENCY_HINT = re.compile("|".join([NB + pattern("(?:ال)?") + f"(?:{words(*_HEADS)}){NA}", _SYMBOL,
                                      "(?<![A-Za-z])[A-Z]{3}(?![A-Za-z])"]))

_OPENER_BEFORE_RE = re.compile(NB + pattern("(?:ما )?بين") + SP + "$")
_AMOUNT_RES = (
    # من 5 إلى 10 ملايين يورو · بين 2 و 3 مليارات دولار · 2-3 مليارات دولار
    re.compile(rf"(?P<r1>{NUM})(?:{SP}(?P<rscale>(?i:{SCALE})))?(?P<rj>{pattern(' ?(?:-|إلى|حتى|و) ?')})"
               + pattern("(?:(?:من|إلى) )?")
               + rf"(?P<num>{NUM})(?:{SP}(?P<scale>(?i:{SCALE})))?{SP}(?P<cur>{CURRENCY})"),
    # 3 مليارات و500 مليون دولار · مليار و200 مليون دولار: a larger scale, و, then the rest
    re.compile(rf"(?:(?P<c1>{NUM}){SP}|{NB}[وب]?(?=(?P<clone>{words(*LONE_SCALES)})))(?P<cscale>(?i:{SCALE}))"
               rf"{SP}?{pattern('و')}{SP}?(?P<num>{NUM}){SP}(?P<scale>(?i:{SCALE})){SP}(?P<cur>{CURRENCY})"),
    # ١٥ مليون يورو · 232 155 2 من دولارات الولايات المتحدة
    re.compile(rf"(?P<num>{NUM})(?:{SP}(?P<scale>(?i:{SCALE})))?{SP}(?P<cur>{CURRENCY})"),
    # مليون دولار · مليونا دولار
    re.compile(rf"{NB}[وب]?(?P<lone>{words(*LONE_SCALES)}){SP}(?P<cur>{CURRENCY})"),
    # نصف مليون دولار أمريكي · ربع مليار يورو
    re.compile(rf"{FRACTION_OF_SCALE}{SP}(?P<cur>{CURRENCY})"),
    # $2.5 million · € 15
    re.compile(rf"(?<![A-Za-z])(?P<sym>{_SYMBOL}) ?(?P<num>{NUM})(?: (?P<scale>(?i:{SCALE})))?"),
    # 15 € · 2.5 million $
    re.compile(rf"(?P<num>{NUM})(?: (?P<scale>(?i:{SCALE})))? ?(?P<sym>{_SYMBOL})"),
    # CHF 2 155 232 · 15 million EUR
    re.compile(rf"(?<![A-Za-z])(?P<iso>[A-Z]{{3}}) ?(?P<num>{NUM})(?: (?P<scale>(?i:{SCALE})))?"),
    re.compile(rf"(?P<num>{NUM})(?:{SP}(?P<scale>(?i:{SCALE})))?{SP}(?P<iso>[A-Z]{{3}})(?![A-Za-z])"),
)


# خمسة ملايين دولار · مائة ألف يورو · عشرة آلاف دولار أمريكي: a cardinal written in words (led by a hundred or not;
# the fraction-led one, نصف مليون, is read above), its scale, then the currency noun
_WORD_AMOUNT_RES = tuple(re.compile(r.pattern + rf"{SP}(?P<cur>{CURRENCY})") for r in WORD_INT_RES[1:])

_FIRST_GROUPS = ("c1", "cscale", "r1", "num", "lone", "frac", "sym", "iso")


@dataclass(frozen=True)
class AmountMatch:
    """A sum of money: ``value`` in units of ``currency`` (ISO 4217, or None when the text
    names a currency that is not specific, such as a bare franc)."""

    start: int
    end: int
    value: Decimal
    currency: str | None
    end_value: Decimal | None = None    # the top of a range (من 5 إلى 10 ملايين يورو), else None
    qualifier: str | None = None        # about, more-than, less-than, at-least, up-to (نحو 20 مليون دولار)


def currency_code(phrase: str, regional: str | None = None) -> str | None:
    """The ISO 4217 code a currency phrase (folded) names, None when it names no one currency.
    ``regional``: the code a bare noun that names no one currency stands for in the text's
    region, when it is one of that noun's codes (``درهم`` with "AED" in a UAE text)."""
    for c in _CURRENCIES:
        m = c.regex.fullmatch(phrase)
        if m is None:
            continue
        for regex, code in c.codes:
            if regex.search(phrase):
                return code
        if c.bare is None and regional is not None and any(code == regional for _, code in c.codes):
            return regional
        return None if c.bare is _UNSET else c.bare
    return None


_WORD_CODES = frozenset({"ALL", "BAM", "BOB", "CUP", "GEL", "MAD", "MOP", "PEN", "SOS", "TOP", "TRY"})


def _iso_code(code: str) -> bool:
    """An ISO 4217 code, other than those that are also upper-case English words (ALL, TOP ...)."""
    return code not in _WORD_CODES and pycountry.currencies.get(alpha_3=code) is not None


def _amount(m: re.Match, regional: str | None) -> tuple[Decimal, str | None] | None:
    groups = m.groupdict()
    if groups.get("cscale"):       # a compound: the larger part and the rest
        head = LONE_SCALES[key(m["clone"])] if groups.get("clone") else \
            number_value(m["c1"]) * scale_value(m["cscale"])
        rest = number_value(m["num"]) * scale_value(m["scale"])
        if scale_value(m["cscale"]) <= scale_value(m["scale"]):
            return None
        return head + rest, currency_code(m["cur"], regional)
    if groups.get("r1"):           # the first number of a range; the caller reads the second
        return number_value(m["r1"]) * scale_value(groups.get("rscale") or groups.get("scale")), None
    if groups.get("lone"):
        value = Decimal(LONE_SCALES[key(groups["lone"])])
    elif groups.get("frac"):
        value = FRACTIONS[key(m["frac"])] * scale_value(m["fscale"])
    else:
        value = number_value(m["num"]) * scale_value(groups.get("scale"))
    if groups.get("cur"):
        return value, currency_code(m["cur"], regional)
    if groups.get("sym"):
        return value, SYMBOLS[m["sym"]]
    if _iso_code(m["iso"]):
        return value, m["iso"]
    return None


def find_amounts(text: str, *, regional: str | None = None) -> list[AmountMatch]:
    """Every sum of money in ``text``; a number without a currency is not an amount.

    ``regional`` (an ISO 4217 code, from the caller's knowledge of where the text was written)
    reads a bare currency noun that names no one currency: ``150 مليار درهم`` is AED with
    ``regional="AED"``, MAD with "MAD", and None without."""
    t = prepare(text)
    found = []
    if not _CURRENCY_HINT.search(t.work):
        return found
    for regex in _AMOUNT_RES:
        for m in regex.finditer(t.work):
            amount = _amount(m, regional)
            if amount is None:
                continue
            value, currency, end_value = amount[0], amount[1], None
            if m.groupdict().get("r1"):
                if m["rj"].strip() == "و" and not _OPENER_BEFORE_RE.search(t.work, 0, m.start()):
                    continue           # "2 و 3 ملايين دولار" without بين: not a range
                end_value = number_value(m["num"]) * scale_value(m["scale"])
                currency = currency_code(m["cur"], regional)
                if end_value <= value:
                    continue
                end_value = integral(end_value)
            start = min(m.start(g) for g in _FIRST_GROUPS if m.groupdict().get(g))   # clitics left out
            found.append(AmountMatch(*t.span(start, m.end()), integral(value), currency, end_value,
                                     qualifier(t, m.start(), m.end())))
    from .ordinals import ordinal_words          # the ordinal الحادية عشرة holds the word عشرة
    ordinal = [(s, e) for s, e, _ in ordinal_words(t)] if any(r.search(t.work) for r in _WORD_AMOUNT_RES) else []
    for regex in _WORD_AMOUNT_RES:
        for m in regex.finditer(t.work):
            value = word_value(m)
            if value and not any(m.start("n") < oe and os_ < m.end("n") for os_, oe in ordinal):
                found.append(AmountMatch(*t.span(m.start("n"), m.end()), integral(Decimal(value)),
                                         currency_code(m["cur"], regional), None, qualifier(t, m.start(), m.end())))
    return non_overlapping(found)


def parse_amount(text: str, *, regional: str | None = None) -> AmountMatch | None:
    """The first sum of money in ``text``, or None."""
    found = find_amounts(text, regional=regional)
    return found[0] if found else None


__all__ = ["AmountMatch", "currency_code", "find_amounts", "parse_amount"]
