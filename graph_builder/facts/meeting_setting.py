"""Where and when a meeting named in running text is: its place, its own dates, the verbs that govern it.

What the meeting rules (``written_meetings.py``) ask of a sentence around a meeting's name: the city
after في/ب (or ``العاصمة …``, a fronted ``وفي براغ،``, ``في المدينة نفسها``; ``في تونس`` the capital a state's
name also names), the state it was held in when
no city is named, the dates after its name that are its own (not behind a session noun, another
meeting or the tail of an unread range), the dates between a governing verb and the name, the first
or last day a start or end verb dates (``انطلقت``, ``اختتمت اليوم``), and whether a held verb governs
it. Dates come from ``graph_builder.values`` read against the document's date; ``اليوم`` from the
lexicon's relative time words. It decides nothing about which meeting it is and makes no facts.
"""
from __future__ import annotations

from dataclasses import replace

from ..text.tokens import Tokens, strip_article
from ..values import find_dates, find_ordinals
from ..text.word_classes import load

LOCATION_WINDOW = 14         # tokens after the meeting (or its verb) where its place may be named
DATE_WINDOW = 32             # tokens after it where its own dates may stand (a quoted title and its organisers between)
_RANGE_WORDS = frozenset({"لغايه", "ولغايه", "حتي", "الي", "و", "-"})


def partners(toks: Tokens, start: int, end: int, kinds: tuple[str, ...]) -> list:
    """Mentions of ``kinds`` starting in offsets [start, end): the first, then those joined to it as partners (after
    مع, و or a comma: ``منظمة العمل الدولية مع المفوضية``، ``مصر والمغرب``), not one set after another as its seat or
    parent (``المفوضية … بالأمم المتحدة``). One mention per entity."""
    out = []
    for m in toks.mentions:
        if not (start <= m.start < end) or m.entity.kind not in kinds or any(m.entity == x.entity for x in out):
            continue
        k = toks.index_at(m.start)
        prefix = toks.text[toks.tokens[k].start:m.start]
        if not out or prefix == "و" or (not prefix and k > 0 and toks.tokens[k - 1].norm in ("مع", "و", ",")):
            out.append(m)
    return out


def place_at(toks: Tokens, i: int):
    """The place named in token ``i``: a place's mention, or the capital a state's name also names (``عقد في
    تونس``, ``الذي عقد في الكويت``: the city, Mention.city), read so only where the text asks for a place."""
    m = mention_at(toks, i, ("place",))
    if m is not None:
        return m
    sm = mention_at(toks, i, ("state",))
    return replace(sm, entity=sm.city) if sm is not None and getattr(sm, "city", None) is not None else None


def mention_at(toks: Tokens, i: int, kinds: tuple[str, ...]):
    """The mention of one of ``kinds`` that starts in token ``i``."""
    if i >= len(toks.tokens):
        return None
    for m in toks.tokens[i].ents:
        if m.entity.kind in kinds and toks.index_at(m.start) == i:
            return m
    return None


def covered(toks: Tokens, i: int, kinds: tuple[str, ...]) -> bool:
    return any(m.entity.kind in kinds for m in toks.tokens[i].ents)


def after(toks: Tokens, m) -> int:
    """Index of the token after a mention."""
    j = toks.index_at(m.start)
    while j < len(toks.tokens) and toks.tokens[j].start < m.end:
        j += 1
    return j


def dates_of(toks: Tokens, doc_day) -> list:
    """The dates of a text read against the document's date (``graph_builder.values``: year-less and
    relative dates such as ``أمس الأربعاء``, ``فيفري الجاري`` take it as their anchor); without one, a
    year-less date takes the first year the text writes (``2016-12-10 … (10-12 ديسمبر)``). Memoised per text."""
    key = ("dates", doc_day)
    if key not in toks.cache:
        if doc_day:
            found = find_dates(toks.text, anchor=doc_day)
        else:                   # no document date: a year-less date takes the year the text writes first
            found = find_dates(toks.text)
            years = [d.year for d in found if d.year and not d.year_inferred]
            if years and any(d.year is None for d in found):
                found = find_dates(toks.text, years[0])
        toks.cache[key] = found
    return toks.cache[key]


def ordinals_of(toks: Tokens):
    if "ordinals" not in toks.cache:
        toks.cache["ordinals"] = find_ordinals(toks.text)
    return toks.cache["ordinals"]


def governing_before(toks: Tokens, lo: int, i: int):
    """The held or hosting verb (no pronoun on it) that governs a meeting named after it in the clause."""
    lex = load()
    nouns = [x for x in lex.find(toks, "meeting_noun", lo, i) if x.j <= i and not x.feature("plural")]
    start = nouns[-1].j if nouns else lo          # never across another meeting named before it
    verbs = [vm for vm in lex.find(toks, ("held_verb", "host_verb"), start, i)
             if not vm.reading.enc and not vm.feature("weak") and vm.feature("tense") in ("past", "present")
             and not (nouns and vm.i > start and toks.tokens[vm.i - 1].norm in _RELATIVES)]
    return verbs[-1] if verbs else None     # (في الاجتماع الذي عقد في جنيف …: that meeting's verb, not a later one's)


_RELATIVES = frozenset({"الذي", "التي", "اللذين", "اللتين", "اللذان", "اللتان"})


def fronted_place(toks: Tokens, lo: int, i: int):
    """``وفي براغ، اعتمد المؤتمر الوزاري المعقود …``: a city fronted at the head of the sentence, set off by a
    comma, is where the sentence's meeting was held."""
    if i - lo < 3 or toks.tokens[lo].norm not in ("في", "وفي"):
        return None
    m = place_at(toks, lo + 1)
    if m is None:
        return None
    k = toks.index_at(m.end)
    return m.entity if k < i and toks.tokens[k].norm == "," else None


def fronted_dates(toks: Tokens, lo: int, i: int, doc_day):
    """``وفي أيار/مايو ٢٠٠٨، جرى في اجتماع القمة …``: a date fronted at the head of the sentence after في, set off
    by a comma, is when the sentence's meeting took place, when no other meeting noun stands between them."""
    if i - lo < 3 or toks.tokens[lo].norm not in ("في", "وفي"):
        return []
    lex = load()
    start = toks.tokens[lo + 1].start
    for d in dates_of(toks, doc_day):
        if d.start == start:
            k = toks.index_at(d.end) if d.end < len(toks.text) else i
            while k < i and toks.tokens[k].end <= d.end:
                k += 1
            if k < i and toks.tokens[k].norm in (",", "،") and not any(
                    (x := lex.is_a(toks, y, "meeting_noun")) is not None and not x.feature("plural") for y in range(k, i)):
                return [d]
            return []
    return []


def held_place_before(toks: Tokens, lo: int, i: int):
    """``اختتمت اليوم في العاصمة القطرية الدوحة أعمال القمة``, ``احتضن المركز … بالجزائر العاصمة … أشغال
    ندوة``: the city after في/ب between a held or hosting verb and the meeting it governs; the city a verb
    of witnessing takes for its subject (``شهدت مدينة مراكش انعقاد المؤتمر``, ``تشهد بيروت اليوم انعقاد …``)."""
    vm = governing_before(toks, lo, i)
    if vm is None:
        return None
    if vm.feature("site_subject"):          # شهدت مدينة مراكش انعقاد …: the city that witnessed it, its subject
        k = vm.j + 1 if vm.j + 1 < i and _site_noun(toks, vm.j) else vm.j
        if k > vm.j:                        # شهدت المدينة الحمراء مراكش: an epithet of the city between
            while k + 1 < i and k - vm.j <= SITE_EPITHETS and toks.tokens[k].norm.startswith("ال") \
                    and mention_at(toks, k, ("place",)) is None:
                k += 1
        pm = mention_at(toks, k, ("place",))
        if pm is not None and not contradicted(toks, pm):
            return pm.entity
    return place_after(toks, vm.j, i, stop_at_meeting=False)


SITE_EPITHETS = 2             # words of an epithet between a site noun and its city (المدينة الحمراء مراكش)


def dates_before(toks: Tokens, lo: int, i: int, doc_day):
    """Dates between a held or hosting verb and the meeting it governs (``احتضن … يومي 26 و27 فيفري
    الجاري، أشغال ندوة``)."""
    vm = governing_before(toks, lo, i)
    return own_dates(None, toks, vm.j, i, doc_day, stop=False) if vm is not None else []


_ADVERBIAL = frozenset({"في", "خلال", "ضمن"})
WHEN_WHERE_GAP = 3           # tokens between the clause's day (أمس الاثنين) and its place (بمدينة مراكش)


def clause_place(toks: Tokens, lo: int, i: int, doc_day):
    """``صادقت قرابة 164 دولة، أمس الاثنين بمدينة مراكش، على الاتفاق …، في مؤتمر رعته الأمم المتحدة``: a meeting
    written as an adverbial of the clause (في/خلال/ضمن before its noun) took place where the clause says its
    when-and-where, a city after في/ب written beside the clause's day, before the meeting and with no other
    meeting between. None when the city stands alone (a place of something else) or another meeting comes first."""
    lex = load()
    if i - 1 < lo or toks.tokens[i - 1].norm not in _ADVERBIAL:
        return None
    if any((x := lex.is_a(toks, k, "meeting_noun")) is not None and not x.feature("plural") for k in range(lo, i - 1)):
        return None
    days = [toks.index_at(d.start) for d in dates_of(toks, doc_day) if lo <= toks.index_at(d.start) < i]
    days += [m.i for m in lex.find(toks, "relative_time", lo, i) if m.feature("unit") == "day"]
    for k in range(lo, i - 1):
        pl = place_after(toks, k, min(i - 1, k + 2))
        if pl is not None and any(abs(k - d) <= WHEN_WHERE_GAP for d in days):
            return pl
    return None


def state_site(toks: Tokens, lo: int, i: int, j: int, hi: int):
    """A state named after في as the site of a meeting of no process when no city is named (``اختتمت في
    الكويت أعمال ورشة العمل``): it keys the meeting, it is not its location (a state is not a place)."""
    vm = governing_before(toks, lo, i)
    spans = ([(vm.j, i)] if vm is not None else []) + [(j, min(hi, j + LOCATION_WINDOW))]
    for a, b in spans:
        for k in range(a, b):
            m = mention_at(toks, k, ("state",))
            if m is not None and k > 0 and toks.tokens[k - 1].norm == "في":
                return m.entity
    return None


def phase_before(toks: Tokens, lo: int, i: int) -> str:
    """The phase (start/end) of a held verb right before a meeting's name (افتتحا أشغال القمة)."""
    lex = load()
    for k in range(max(lo, i - 3), i):
        vm = lex.is_a(toks, k, "held_verb")
        if vm is not None and vm.feature("phase"):
            return vm.feature("phase")
    return ""


def phase_dates(toks: Tokens, lo: int, hi: int, doc_day) -> tuple:
    """("start"|"end", date) for each dated start or end verb of the sentence (انطلقت يوم 3 مارس، اختتمت اليوم)."""
    lex = load()
    out = []
    for vm in lex.find(toks, "held_verb", lo, hi):
        phase = vm.feature("phase")
        if not phase:
            continue
        k = vm.j
        while k < hi and k < vm.j + 3 and toks.tokens[k].norm in (",", "يوم", "اعماله", "اعمالها", "اشغال", "اعمال"):
            k += 1
        if k + 2 < hi and toks.tokens[k].norm == "في" and mention_at(toks, k + 1, ("place", "state")) is not None:
            k = after(toks, mention_at(toks, k + 1, ("place", "state")))      # تنطلق في دبي، اليوم، أعمال …
            k += 1 if k < hi and toks.tokens[k].norm == "," else 0
        found = [d for d in own_dates(None, toks, k, min(hi, k + 6), doc_day, stop=False)
                 if toks.index_at(d.start) <= k + 2]
        if found and found[0].precision == "day" and found[0].start_date:
            out.append((phase, found[0]))
    s, e = toks.tokens[lo].start, toks.tokens[hi - 1].end
    for d in dates_of(toks, doc_day):
        k = toks.index_at(d.start)
        if s <= d.start and d.end <= e and d.precision == "day" and d.start_date and k > lo \
                and toks.tokens[k - 1].norm in _UNTIL and not range_tail(toks, d):
            out.append(("end", d))          # والتي تستمر حتى 26 يناير: its last day, not its first
    return tuple(out)


_UNTIL = frozenset({"حتي", "لغايه", "غايه", "وحتي"})


def host_place_before(toks: Tokens, lo: int, i: int):
    """``تستضيف القاهرة … ورشة عمل``: the city right after a hosting word earlier in the clause."""
    lex = load()
    for vm in lex.find(toks, "host_verb", lo, i):
        for k in range(vm.j, min(i, vm.j + 2)):
            pm = mention_at(toks, k, ("place",))
            if pm is not None:
                return pm.entity
        if vm.reading.enc or vm.feature("tense") not in ("past", "present"):
            continue
        for k in range(max(lo, vm.i - 3), vm.i):      # مدينة اديلايد الاسترالية تستضيف …، مراكش تحتضن …: its subject
            pm = mention_at(toks, k, ("place",))
            if pm is not None and not contradicted(toks, pm):
                return pm.entity
    return None


def place_after(toks: Tokens, j: int, hi: int, stop_at_meeting: bool = True):
    """A city named after في/ب (or العاصمة …) within the meeting's clause, before another meeting noun."""
    lex = load()
    for k in _place_window(toks, j, hi):
        if stop_at_meeting and k > j and lex.is_a(toks, k, "meeting_noun") and not covered(toks, k, ("process",)) \
                and not _venue(toks, k - 1):
            return None
        if toks.tokens[k].norm == "في" and k + 2 < hi and strip_article(toks.tokens[k + 1].norm) == "مدينه" \
                and toks.tokens[k + 2].norm in ("نفسها", "ذاتها"):
            before = [x for x in toks.mentions if x.entity.kind == "place" and x.end <= toks.tokens[k].start]
            return before[-1].entity if before else None      # في المدينة نفسها: the city named before
        pm = place_at(toks, k)
        if pm is None:
            continue
        if contradicted(toks, pm):
            continue
        p = k - 1 if k > 0 and toks.tokens[k - 1].norm not in _SET_OFF else k - 2     # العاصمة السريلانكية (كولومبو)
        prev = toks.tokens[p].norm if p >= 0 else ""
        own = toks.text[toks.tokens[k].start:pm.start]
        if prev == "في" or own.endswith("ب") or _capital(toks, p) or _capital(toks, p - 1):
            return pm.entity
        if p >= 0 and _site_noun(toks, p) and (prev.startswith("ب") or (p > 0 and toks.tokens[p - 1].norm == "في")):
            return pm.entity        # في مدينة اديلايد، بمدينة مراكش، بجزيرة بالي
    return None


_OPEN, _CLOSE = frozenset({"(", "["}), frozenset({")", "]"})
# What a writer sets a city's name off with: brackets or quotation marks (بمدينة «فاليتا»، في "الرباط").
_SET_OFF = frozenset({"(", "«", '"', "“", "'"})
_RESUME = frozenset({"وذلك", "ذلك"})
RESUME_WINDOW = 4            # tokens after وذلك where the clause's place may stand (وذلك بقصر الإمارات في أبوظبي)


def _place_window(toks: Tokens, j: int, hi: int):
    """The tokens where a meeting's place may be named: the first ``LOCATION_WINDOW`` words after its name,
    not counting an aside in brackets (``الذي نظمته الأمانة العامة (قطاع … والهجرة) بمقرها بالقاهرة``), then the
    few words after ``وذلك`` that resume the clause's circumstances (``… وذلك بقصر الإمارات في أبوظبي``), when
    no full stop or semicolon comes between."""
    counted = depth = 0
    k = j
    while k < hi and counted < LOCATION_WINDOW:
        norm = toks.tokens[k].norm
        if norm in _OPEN:
            depth += 1
        elif norm in _CLOSE and depth:
            depth -= 1
        elif not depth:
            counted += 1
        yield k
        k += 1
    while k < hi:
        norm = toks.tokens[k].norm
        if norm in (".", ";"):
            return
        if norm in _RESUME:
            yield from range(k + 1, min(hi, k + 1 + RESUME_WINDOW))
            return
        k += 1


_VENUE_NOUNS = frozenset({"قصر", "مركز", "قاعه", "دار"})


def _venue(toks: Tokens, k: int) -> bool:
    """Token ``k`` is a venue noun whose genitive is a meeting noun (``بقصر المؤتمرات``, ``مركز المؤتمرات``): a
    building, not another meeting."""
    return k >= 0 and any(strip_article(r.stem) in _VENUE_NOUNS for r in toks.tokens[k].readings())


def contradicted(toks: Tokens, pm) -> bool:
    """A city the text itself says is the capital of another state (``في دكار عاصمة بنغلادش``: the writer's
    دكار is Dhaka, not the Dakar the gazetteer knows by that spelling): not the place it names."""
    k = after(toks, pm)
    if k < len(toks.tokens) and toks.tokens[k].norm == ",":
        k += 1
    if not _capital(toks, k):
        return False
    sm = mention_at(toks, k + 1, ("state",))
    states = {slug for rel, kind, slug in pm.entity.links if rel == "inState"}
    return sm is not None and bool(states) and sm.entity.slug not in states


_SITE_NOUNS = frozenset({"مدينه", "جزيره", "منتجع"})


def _site_noun(toks: Tokens, k: int) -> bool:
    """Token ``k`` is a noun a writer puts before a city's name (مدينة، جزيرة) with any clitic."""
    return any(strip_article(r.stem) in _SITE_NOUNS for r in toks.tokens[k].readings())


def _capital(toks: Tokens, k: int) -> bool:
    """Token ``k`` is the noun "capital" with any clitic (العاصمة، بالعاصمة، وفي العاصمة …): the city
    after it (``بالعاصمة الإكوادورية كيتو``) is where the meeting is."""
    return 0 <= k < len(toks.tokens) and any(strip_article(r.stem) == "عاصمه" for r in toks.tokens[k].readings())


def own_dates(ctx, toks: Tokens, j: int, hi: int, doc_day, stop: bool = True):
    """Dates that belong to the meeting: in its clause after its name, before a session noun, another
    meeting noun or a clause that starts with a relative/other subject; year-less ones take the doc year."""
    lex = load()
    limit = min(hi, j + DATE_WINDOW) if stop else hi
    for k in range(j, limit):
        noun = lex.is_a(toks, k, "meeting_noun")
        if lex.is_a(toks, k, "session_noun") or (noun is not None and not noun.feature("plural")
                                                 and not covered(toks, k, ("process",))):
            limit = k
            break
        if stop and k > j and toks.tokens[k].norm in _RELATIVE and not _meeting_clause(toks, k + 1, hi):
            limit = k           # … الاتفاق العالمي الذي تم اعتماده … في دجنبر 2018: the date is the clause's own
            break
    stop = limit
    if stop <= j:
        return []
    s, e = toks.tokens[j].start, toks.tokens[stop - 1].end
    out = [d for d in dates_of(toks, doc_day) if s <= d.start and d.end <= e and not range_tail(toks, d)
           and not since(toks, d)]
    rel = [r for r in relative_day(toks, j, stop, doc_day) if not any(d.start <= r.start < d.end for d in out)]
    return out + rel


_SINCE = frozenset({"منذ", "ومنذ"})
SINCE_WINDOW = 2             # tokens between منذ and its date (منذ عام 2015، منذ شهر أبريل)


def since(toks: Tokens, d) -> bool:
    """A month or a year after ``منذ`` (``في إطار تولي مصر رئاسة المبادرة منذ أبريل من العام الماضي``): when
    something else began, not a meeting's date. A day after it (``المنعقدة منذ الأربعاء ببرلين``) is the
    meeting's first day."""
    if d.precision == "day":
        return False
    k = toks.index_at(d.start)
    return any(toks.tokens[x].norm in _SINCE for x in range(max(0, k - SINCE_WINDOW), k))


_RELATIVE = frozenset({"الذي", "التي", "والذي", "والتي"})
_LASTING = frozenset({"يستمر", "تستمر", "استمر", "استمرت", "تتواصل", "يتواصل", "امتد", "امتدت", "يمتد", "تمتد"})


def _meeting_clause(toks: Tokens, k: int, hi: int) -> bool:
    """A relative clause from token ``k`` that still speaks of the meeting's taking place (الذي عقد …،
    التي تستمر ثلاثة أيام، الذي تستضيفه مصر), not of something else named before it."""
    lex = load()
    for x in range(k, min(hi, k + 3)):
        if lex.match_at(toks, x, ("held_verb", "host_verb")) or toks.tokens[x].norm in _LASTING:
            return True
    return False


def range_tail(toks: Tokens, d) -> bool:
    """A date that ends a range whose start was not read (``من 14 ولغاية 16 أيار``): not the meeting's start."""
    k = toks.index_at(d.start)
    return k >= 2 and toks.tokens[k - 1].norm in _RANGE_WORDS and toks.tokens[k - 2].kind == "number"


def relative_day(toks: Tokens, j: int, stop: int, doc_day):
    """``اليوم``, ``أمس`` (the value grammar reads أمس and weekdays; ``اليوم`` "today" it leaves to the
    rules): the document's date ± the lexicon's offset, day precision."""
    if doc_day is None:
        return []
    from datetime import timedelta
    from ..values import DateMatch
    lex = load()
    out = []
    for m in lex.find(toks, "relative_time", j, stop):
        if m.feature("unit") != "day":
            continue
        d = doc_day + timedelta(days=m.feature("offset") or 0)
        t = toks.tokens[m.i]
        out.append(DateMatch(t.start, t.end, "day", d.year, d.month, d.day, d.year, d.month, d.day, relative=True))
    return out


def held_subject(toks: Tokens, i: int) -> bool:
    """The meeting at token ``i`` is the subject of a held verb right before it (عقد الاجتماع …)."""
    lex = load()
    for k in (i - 1, i - 2):
        if k < 0:
            return False
        vm = lex.is_a(toks, k, "held_verb")
        if vm is not None and vm.j in (i, i - 1 if toks.tokens[i - 1].kind == "punct" else i) \
                and vm.feature("tense") in ("past", "present") and not vm.reading.enc:
            return True
    return False


def governing_verb(toks: Tokens, j: int, hi: int) -> int | None:
    """The token after a held or hosting verb that follows a meeting's name closely (``… الذي تستضيفه
    اليونان وانطلقت أعماله أمس …``); None when the clause goes on to something else."""
    lex = load()
    for k in range(j, min(hi, j + 6)):
        if toks.tokens[k].norm in (".", ";"):
            return None
        vm = lex.match_at(toks, k, ("held_verb", "host_verb"))
        if vm and not vm[0].feature("weak"):
            return vm[0].j
    return None


def reported(toks: Tokens, lo: int, i: int, j: int, hi: int, dates) -> bool:
    """The meeting named at tokens [i, j) is reported as taking place, not merely named: a held or hosting
    verb governs it (``افتتحت بمراكش أشغال المؤتمر``, ``… الذي استضافته المملكة``) or a day of its own is
    written (``(10-11 دجنبر)``). What lets a place key a meeting whose year the text does not print."""
    if governing_before(toks, lo, i) is not None or governing_verb(toks, j, hi) is not None:
        return True
    return any(d.precision == "day" for d in dates)


RELATIVE_ORGANISER_REACH = 2     # tokens between a meeting's name and the relative pronoun of its organising verb


CLAUSE_SUBJECT_REACH = 3         # tokens from the sentence's start to the subject of its first verb


def organiser_after(toks: Tokens, j: int, hi: int, lo: int | None = None):
    """The organisation a relative organising verb names right after a meeting (``ورشة العمل التي تنظمها جامعة
    الدول العربية``، ``الندوة التي نظمها المعهد …``): the mention of an organisation or a body right after an
    organising verb (a ``host_verb`` marked ``weak``) whose pronoun takes up the meeting; with no subject written
    after the verb and the sentence's start ``lo`` given, the organisation the sentence opens with as the subject of
    its verb (``اختتمت منظمة العمل الدولية ورشات العمل التي نظمتها``). None for a future or negated verb, a state or
    a person, or anything else between."""
    lex = load()
    for k in range(j, min(hi - 2, j + RELATIVE_ORGANISER_REACH + 1)):
        if toks.tokens[k].norm in (".", ";"):
            return None
        if toks.tokens[k].norm not in _RELATIVES:
            continue
        vm = next((x for x in lex.match_at(toks, k + 1, ("host_verb",))), None)
        if vm is None or not vm.feature("weak") or vm.reading.enc not in ("ه", "ها") or vm.future \
                or vm.feature("tense") not in ("past", "present"):
            return None
        m = mention_at(toks, vm.j, ("org", "body")) if vm.j < hi else None
        if m is None and lo is not None and not (vm.j < hi and toks.tokens[vm.j].ents):
            m = next((x for t in toks.tokens[lo:min(j, lo + CLAUSE_SUBJECT_REACH + 1)] for x in t.ents
                      if x.entity.kind in ("org", "body") and toks.index_at(x.start) > lo), None)
        return m
    return None


def host_after(toks: Tokens, j: int, hi: int):
    """The host a relative hosting verb names right after a meeting (``المؤتمر الذي استضافته المغرب``, ``مؤتمر
    رعته الأمم المتحدة واستضافته المملكة المغربية``): the state or city after a hosting verb whose pronoun takes
    up the meeting, within a few words of its name; None when there is none or the verb is planned."""
    lex = load()
    for k in range(j, min(hi, j + 6)):
        if toks.tokens[k].norm in (".", ";"):
            return None
        vm = next((x for x in lex.match_at(toks, k, ("host_verb",))), None)
        if vm is None or vm.feature("weak") or vm.reading.enc not in ("ه", "ها") or vm.future:
            continue
        for x in range(vm.j, min(hi, vm.j + 2)):
            m = mention_at(toks, x, ("state", "place"))
            if m is not None:
                return m.entity
        return None
    return None
