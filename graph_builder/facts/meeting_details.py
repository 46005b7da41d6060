"""The facts of a meeting the report rules name: partOf its process and year, location, dates, the
host that convened it (قام X بعقد), theme and the number of states taking part.

Planned meetings ("سيعقد") get partOf/location/dates/theme like held ones. Hosts written with a
hosting verb (held, planned or offered) are ``meeting_relations.py``'s job. Participant counts
are kept only with an event in the same sentence.

It does not find which meetings a sentence names (``process_meetings.py``), nor their parts.
"""
from __future__ import annotations

import re

from ..text.arabic import fold
from ..recognise.findings import Fact, Value
from .event_common import QUOTE, RULES, WORKSHOP, Ref, dates_in, day_facts, year_fact
from ..text.word_classes import load
from .minting import rx, View

# The theme opens right after its cue (a colon, the word "هو" or a few words of the cue aside), in quotes or brackets.
QUOTED_THEME = re.compile(r'[\s:,]*(?:\S+\s+){0,3}?(?:"([^"]{3,200})"|\(([^()]{3,200})\))')


def _theme_cue() -> re.Pattern:
    """The theme cues of lexicon class ``theme_cue`` as one regex over folded text: a cue word may carry
    the proclitics و/ب/ل (وبعنوان، تحت شعار، لشعار) and the article where the entry has none."""
    forms = sorted({fold(w) for w in load().words("theme_cue")}, key=len, reverse=True)
    alts = "|".join(re.escape(f).replace(r"\ ", r"\s+").replace(" ", r"\s+") for f in forms)
    return re.compile(rf"(?<![\w])(?:[وف]?[بل]?(?:ال)?)(?:{alts})(?![\w])")


THEME_CUE = _theme_cue()
PAPER = rx(r"(?:ورقه|تقرير|تقريرا|دراسه|دليل|موجز|كتيب|منشور|اعلان|اعلانا|وثيقه|مذكره|اتفاق|اتفاقا|خطه|برنامج|برنامجا|مشروع|مشروعا)(?: \S+){0,2}\s*$")
RESOLUTION = rx(r"(?:القرار|قرار|قرارها|قراره|المؤرخ|المؤرخه)(?: \S+){0,5}\s*$")
PARTICIPANTS = [
    rx(r"(?:الدول الاعضاء|الدول|البلدان) (?:ال|الـ)? ?(\d+) (?:التي|الذين) (?:شارك|شاركت)"),
    rx(r"شارك(?:ت)? (?:في|فيه|فيها)(?: الاجتماع)? (?:ممثلون عن |ممثلو |ممثلون )?(ما يربو علي |عما يربو علي |حوالي |نحو )?(\d+) (?:دوله|بلدا|بلد)"),
    rx(r"بحضور (حوالي )?(\d+) (?:بلدا|دوله)"),
]
SESSION_OF = rx(r"(?:جلسه|يوم\w*)(?: \S+)? لل?$")
DATE_BLOCK = rx(r"يوم|يومي|يومين|جلسه|اللذان|اللتان|الاجتماع الحكومي")
# a منذ clause between the meeting and a date (… شهد تقييم ما تحقق منذ إطلاق المسار في العام 2014): the date is
# when something else began, not the meeting's
SINCE_CLAUSE = rx(r"(?<![\w])و?منذ(?![\w])")
HELD_VERB = rx(r"(?<![\w])(?:و)?(?:عقد|عقدت|المعقود|جرت|جري|استضاف\w*|ستستضيف|تستضيف|ستعقد|سيعقد)(?![\w])")
CONVENED = rx(r"(?<![\w])قام(?:ت)? (.{2,80}?) بعقد\s*$")


def ref_facts(ctx, st, src, v: View, ref: Ref, before: int, start: int, end: int):
    """partOf and year of a process meeting; location and dates written in its clause [start, end)."""
    ev = ref.event
    if ref.rule and ref.process is not None:
        yield Fact(ev, "partOf", ref.process, src, ref.rule, RULES[ref.rule][1])
        year = ev.slug.rsplit("-", 1)[-1]
        if year.isdigit():
            yield year_fact(ev, year, src)
        if ref.ordinal:             # الاجتماع الثامن للمنتدى … 2015: the text gives both keys of the meeting
            yield Fact(ev, "ordinal", Value(str(ref.ordinal), "integer"), src, ref.rule, RULES[ref.rule][1])
    for mention in ctx.mentions_in(src, start, end):
        if mention.entity.kind != "place":
            continue
        gap = fold(v.text[start:mention.start])
        if (re.search(r"(?:في|ب)\s*$", gap) and not WORKSHOP.search(gap)
                and (len(gap) <= 60 or HELD_VERB.search(fold(v.text[before:mention.start])))):
            yield Fact(ev, "location", mention.entity, src, "event.location", RULES["event.location"][1])
        break
    key_year = ev.slug.rsplit("-", 1)[-1]
    genitive = SESSION_OF.search(fold(v.text[max(0, ref.start - 30):ref.start]))   # "الجلسة الافتتاحية للمناقشة"
    for d in dates_in(v.text, start, end, int(key_year) if key_year.isdigit() else None)[:1]:
        gap = fold(v.text[start:d.start])
        if genitive or DATE_BLOCK.search(gap) or SINCE_CLAUSE.search(gap) or (len(gap) > 80 and not HELD_VERB.search(gap)):
            break
        if d.precision == "day" and d.start_date:
            yield from day_facts(ev, d, src)
        if d.year and str(d.year) == ev.slug.rsplit("-", 1)[-1]:
            pass
        elif d.year and not ref.rule:
            yield year_fact(ev, d.year, src)


def _nearest(refs: list[Ref], pos: int) -> Ref:
    return min(refs, key=lambda r: min(abs(r.start - pos), abs(r.end - pos)))


def themes(src, v: View, refs, s, e):
    """A quoted theme after a theme cue (الموضوع الرئيسي، شعار، بعنوان) is the nearest meeting's theme."""
    for m, ms, me in v.finditer(THEME_CUE, s, e):
        if PAPER.search(fold(v.text[max(s, ms - 25):ms])) or RESOLUTION.search(fold(v.text[max(s, ms - 50):ms])):
            continue        # "ورقة عمل بعنوان …", "القرار 71/1 المؤرخ … بعنوان …": a paper's or a resolution's title
        q = QUOTED_THEME.match(v.folded, v.folded_offset(me))
        g = 1 if q is not None and q.group(1) is not None else 2
        if q is None:
            q, g = QUOTE.search(v.folded, v.folded_offset(me)), 1
            if not q or q.group(1).strip()[:1] in ",;.:-" or q.group(1).strip()[-1:] in ",;":
                continue        # «"، مبينا ان "»: the close of one quotation and the opening of the next
        qs, qe = v.orig(q.start(g), q.end(g))
        if qs > e:
            continue
        theme = v.text[qs:qe].strip()
        yield Fact(_nearest(refs, ms).event, "theme", Value(theme, "langString", "ar"), src, "event.theme",
                   RULES["event.theme"][1])


# Quote characters of the original text: « » open and close one way; " “ ” „ are read by where they stand.
_OPENERS, _CLOSERS, _EITHER = "«", "»", '"“”„″'
THEME_SPAN = 220            # characters a theme may run to its closing quote
TAKEN_UP_WORDS = 12         # words before the cue where the meeting noun that takes the meeting up may stand


def _quoted_after(text: str, at: int, end: int) -> tuple[int, int] | None:
    """The span of a theme written right after a cue that ends at ``at``: past a colon or spaces, from an opening
    quote to its closing quote (« … », " … ", ” … ” as Arabic press writes it), or, when the writer left out the
    opening quote (تحت شعار العمل معا من أجل … المتوسط" مما …), from the cue to a closing quote (a quote glued to
    the word before it and followed by a space or punctuation) with no other quote between. Else None."""
    k = at
    while k < end and text[k] in " :\t\u00a0":
        k += 1
    if k >= end:
        return None
    limit = min(end, k + THEME_SPAN)
    if text[k] in _OPENERS + _EITHER:
        close = next((j for j in range(k + 1, limit) if text[j] in _CLOSERS + _EITHER), None)
        return (k + 1, close) if close is not None and close - k > 4 else None
    for j in range(k, limit):
        if text[j] in _OPENERS + _CLOSERS + _EITHER:
            glued = j > k and text[j - 1].isalpha() and (j + 1 >= len(text) or not text[j + 1].isalpha())
            return (k, j) if glued and text[j] not in _OPENERS and len(text[k:j].split()) >= 3 else None
        if text[j] in ".؛;\n":
            return None
    return None


def _topic_cue() -> re.Pattern:
    forms = sorted({fold(w) for w in load().words("theme_topic_cue")}, key=len, reverse=True)
    alts = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)
    return re.compile(rf"(?<![\w])(?:[وف]?[بل]?)(?:{alts})(?![\w])")


THEME_TOPIC_CUE = _topic_cue()


def quoted_themes(src, toks, v: View, refs, held, s: int, e: int):
    """Themes the quote right after a cue gives (span: :func:`_quoted_after`; rule ``event.theme``):

    * after a subject cue (``حول موضوع: "…"``، ``بشأن موضوع "…"``, class ``theme_topic_cue``), the nearest meeting
      the sentence names (``refs``) has it;
    * in a sentence that names no meeting (``refs`` empty) but takes the document's meeting up with a meeting noun
      before the cue (هذه الدورة … كانت حول موضوع: "…"، وتركز اهتمام المنتدى المنظم تحت شعار «…»، افتتح اليوم هذه
      الاجتماعات … تحت شعار "…"), ``held``, the Ref of the meeting the sentences before were about, has it.

    A paper's or a resolution's title is not a theme; a cue with no quote right after it gives nothing."""
    if not refs and held is None:
        return
    lex = load()
    cues = [(m, ms, me) for m, ms, me in v.finditer(THEME_TOPIC_CUE, s, e)]
    if not refs:
        cues += [(m, ms, me) for m, ms, me in v.finditer(THEME_CUE, s, e)]
    for m, ms, me in sorted(cues, key=lambda c: c[1]):
        if PAPER.search(fold(v.text[max(s, ms - 25):ms])) or RESOLUTION.search(fold(v.text[max(s, ms - 50):ms])):
            continue
        if not refs:
            lo, cue_k = toks.token_range(s, ms)
            if not any(lex.is_a(toks, k, "meeting_noun") or lex.is_a(toks, k, "meeting_anaphor")
                       for k in range(max(lo, cue_k - TAKEN_UP_WORDS), cue_k)):
                continue
        span = _quoted_after(v.text, me, e)
        if span is None:
            continue
        theme = v.text[span[0]:span[1]].strip(" ،,:")
        if len(theme.split()) < 2:
            continue
        event = _nearest(refs, ms).event if refs else held.event
        yield Fact(event, "theme", Value(theme, "langString", "ar"), src, "event.theme", RULES["event.theme"][1])
        return


def participants(src, v: View, refs, s, e):
    """The number of states taking part in the nearest meeting (approximate after حوالي، ما يربو على); none when
    the sentence names no meeting the report rules found (written meetings take their counts from
    ``meeting_relations``)."""
    if not refs:
        return
    for pat in PARTICIPANTS:
        for m, ms, me in v.finditer(pat, s, e):
            groups = [g for g in m.groups()]
            approx = len(groups) == 2 and groups[0]
            n = groups[-1]
            rule = "event.participants-approx" if approx else "event.participants"
            yield Fact(_nearest(refs, ms).event, "participantCount", Value(str(int(n)), "integer"), src, rule,
                       RULES[rule][1])


def convened(ctx, src, v: View, refs: list[Ref], s: int):
    """قام(ت) X بعقد MEETING: X held the meeting."""
    for ref in refs:
        m = CONVENED.search(fold(v.text[s:ref.start]))
        if not m:
            continue
        actors = [x for x in ctx.mentions_in(src, s, ref.start) if x.entity.kind in ("state", "org")]
        if actors:
            yield Fact(ref.event, "hostedBy", actors[0].entity, src, "event.host-convened", RULES["event.host-convened"][1])
