"""Commitment facts: declarations, action plans, policy frameworks, resolutions, memoranda, conventions,
funds and programmes, initiatives, and the numbered recommendations of working sessions.

Entities are created from the text (``kind="commitment"``) with slugs derived from what the
text says: a resolution by its symbol (``a-res-61-208``), a memorandum by its parties and
year, a convention by its organization and number, a named declaration/framework/fund by
its transliterated name, a recommendation by its session and item number. Facts: who
adopted/launched/signed (mdkg:adoptedBy), where (adoptedAt) and when (dateAdopted, year),
parties of agreements, amounts (MonetaryAmount with amountValue/currency), funders and
managers, and producedBy for recommendations. The reports, studies and briefs an actor issues
(mdkg:Publication, mdkg:publishedBy) are read sentence by sentence by ``publications.py``.

A commitment's slug is its name as printed, transliterated and cut to a few words (the same
name in another report gets the same IRI); its English label is composed from what the
builder knows: a Latin name in brackets after it, a city in its name ("Rabat Declaration and
Action Plan"), its adopter and year ("ASEAN Declaration (2007)"). Meetings that adopt
("اعتمد المؤتمر الوزاري …، الذي عقد في …") come from the event rules (``process_meetings.py``): the commitment is
adoptedAt the meeting and adoptedBy the actors the meeting's phrase names. A following
sentence that refers back ("ويسعى البرنامج …") gives amounts and managers of the last named
programme or fund of the paragraph.

Adoption by a verb is ``adoption.py``'s (its token rules read first; ``adoption.named_adoptions`` reads the names
the gazetteer lacks, sentence by sentence with this family's paragraph state); funding written as a verb with a
pronoun, a receiving clause or a list is ``funding_lists.py``'s, with the commitments each paragraph named.
It does not find events (the event modules; it reuses their session slugs and meeting finders) nor topics.
"""
from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass, field

from ..text.arabic import fold
from ..recognise.findings import Entity, Fact, Value
from . import (adoption, dated, funding, funding_lists, meeting_recommendations, numbered, own_instrument,
               programme_frames, publications, ratification, signing)
from .fact_context import FactContext, sentences
from .event_common import Ref, dates_in
from .rules import REGISTRY
from .spans import sentence_bounds, starting
from ..text.word_classes import load as load_lexicon, phrases_for
from .minting import rx, View, arabic_names, translit
from .process_meetings import learn_document, sentence_refs
from .family_findings import known_events
from ..text.header_lines import part_heading

RULES = {
    "commitment.resolution": ("a General Assembly resolution number (قرار الجمعية العامة ٢٠٨/٦١) is adopted by the General Assembly", 0.95),
    "commitment.mou": ("وقع(ت) X (و|مع) Y مذكرة تفاهم: an agreement with both parties", 0.85),
    "commitment.convention": ("الاتفاقية رقم N لمنظمة X / اتفاقية منظمة X رقم N: a convention adopted by X", 0.9),
    "commitment.amount": ("an amount stated for a fund/programme/budget in its clause", 0.9),
    "commitment.funded-by": ("الذي تموله حكومة X / بتمويل من X: X funds it", 0.85),
    "commitment.managed-by": ("بإدارة / يدير / على أن يدار بالاشتراك مع X: X manages it", 0.65),
    "commitment.adopted-passive": ("NAME الذي اعتمد في DATE: the date it was adopted; NAME الذي اعتمدته X في DATE: "
                                   "X adopted it", 0.8),
    "commitment.anaphora": ("البرنامج/الصندوق/المرفق in a later sentence: amount or manager of the last one named", 0.75),
    "commitment.managed-by-subject": ("يقوم X … بإدارة NAME / ويدير NAME (subject X of the paragraph): X manages it", 0.7),
    "commitment.contributed-to-fund": ("ساهمت/أسهمت X (فيه) بمبلغ … (في الصندوق): X funds the fund named in the "
                                       "sentence or, after فيه/في الصندوق, the paragraph's last named fund", 0.8),
    "commitment.organ-decision": ("(ب)قرار (رقم N) (الصادر عن|من) ORGAN / قرار ORGAN رقم N / أصدر ORGAN قرارا: a "
                                  "decision adopted by that organ, dated by the date written after it", 0.8),
    "commitment.recommendation": ("a numbered item after a session's recommendations line (phrases in lexicons/known_slips.toml) was produced by that session", 0.9),
}

KINDS = [  # folded head word (with accusative/clitic forms) -> class
    (r"اعلان(?:ا)?(?: وخطه عمل)?", "Declaration"),
    (r"(?:خطه|مخطط) (?:ال)?عمل", "ActionPlan"),          # خطة العمل، مخطط العمل (Maghrebi press)
    (r"اطار(?:ا)?", "PolicyFramework"),
    (r"قرار(?:ا)?", "Resolution"),
    (r"(?:برنامج(?:ا)?|صندوق|مرفق)", "FundingCommitment"),
    (r"(?:مبادره|مشروع)", "Initiative"),
    (r"(?:اتفاقيه|معاهده)", "LegalInstrument"),     # اعتمد المؤتمر اتفاقية دولية تنظم …: a described convention
]
KIND_EN = [  # folded head word -> English kind for composed labels
    (r"اعلان وخطه عمل", "Declaration and Action Plan"), (r"اعلان", "Declaration"), (r"(?:خطه|مخطط) (?:ال)?عمل", "Action Plan"),
    (r"اطار", "Policy Framework"), (r"قرار", "Resolution"), (r"برنامج", "Programme"), (r"صندوق", "Fund"),
    (r"مرفق", "Facility"), (r"مبادره", "Initiative"), (r"مشروع", "Project"), (r"نهج", "Approach"),
    (r"اتفاقيه", "Convention"), (r"معاهده", "Treaty"), (r"مشروع قانون", "Draft Law"), (r"قانون", "Law"),
]
PASSIVE = rx(r"(?<![\w])(?:الذي|التي) (?:(?:اعتمد|اعتمدت|اطلق|اطلقت|اقر|اقرت|انشي|انشيت|وقع|وقعت)(?P<enc>ت?(?:ه|ها))?"
             r"|(?:وافق|وافقت|صادق|صادقت|صدق|صدقت) (?P<prep>عليه|عليها))(?![\w])")
PASSIVE_HEAD = rx(r"(?<![\w])(?:ال)?(اعلان|خطه عمل|مخطط عمل|اطار|قرار|برنامج|صندوق|مرفق|مبادره|نهج|مشروع قانون|قانون)(?![\w])")
ANAPHOR = rx(r"(?<![\w])(?:و|ف)?ال(برنامج|صندوق|مرفق)(?![\w])")
SUBJECT = rx(r"(?<![\w])(?:و)?(?:يقوم|تقوم)(?![\w])")
MANAGES = rx(r"(?<![\w])(?:بادار(?:ه)|(?:و)?يدير|(?:و)?تدير)(?![\w])")
LATIN = re.compile(r"^\s*\(([A-Za-z][A-Za-z0-9 .&/-]{1,60})\)")
NAME_STOP = rx(r"[,;.()]| هذا(?![\w])| هذه(?![\w])| الذي | التي | اهاب | اعترفت | وجهوا | وانشات | ووضع | علي ان | ورصد | بقيمه | بتمويل | بدعم من | بالتعاون مع | بالشراكة مع | وتعهد| وتعهدت| وتعهدوا| ودعا| ودعت| واكد| واكدت| وشدد| وشددت"
              r"| (?:في|خلال) (?=[0-9٠-٩]|عام |سنه |شهر |ختام |نهايه |اعقاب |اليوم |امس )"
              r"| (?:في|خلال|اثناء|علي هامش) (?=(?:ال)?(?:مؤتمر|اجتماع|قمه|دوره|منتدي|ملتقي|جلسه|حوار)(?![\w]))"   # … في المؤتمر الوزاري: where it was adopted
              r"| و(?:اطلق|اطلقت|اعتمد|اعتمدت|اقر|اقرت|انشا|انشات|تبني|تبنت|رحب|رحبت|دعا|دعت|اكد|اكدت)(?![\w])")   # في 2031، في ختام …: a date or moment
MOU = rx(r"مذكر[هت] (?:ال)?تفاهم")
CONVENTION = [rx(r"(?:ال)?اتفاقيه رقم (\d+) ل"), rx(r"(?:ال)?اتفاقيه (?=\S+ \S+ \S+ رقم)")]
# اتفاقيتها/توصيتها رقم N: the convention or recommendation of the organisation named just before
OWN_INSTRUMENT = rx(r"(?<![\w])(?:و|ب|وب)?(اتفاقيت|توصيت)(?:ها|ه) رقم (\d+)")
FUNDED = rx(r"(?:الذي|التي) (?:تموله|تمولها|يموله|يمولها)|بتمويل (?:مشترك |كامل )?من|بدعم مالي من|بمنحه (?:ماليه )?من|ممول(?:ه)? من")
MANAGED = rx(r"يدار بالاشتراك مع|بادار(?:ه|ة) (?=برنامج|صندوق)|(?<![\w])و?يدير(?![\w])")
BUDGET = rx(r"ميزانيه (?:اساسيه|اجماليه)?|مساعدات ماليه|مساهمات ماليه")
# A session's heading line for its recommendations: a one-report phrasing, kept as data.
REC_INTRO = rx(r"(?:{}) (?:جلسه العمل|الجلسه)".format("|".join(phrases_for("commitment.recommendation"))))
REC_ITEM = re.compile(r"(?m)^(\d+) - ")
REC_ITEM_PARA = re.compile(r"^\s*(?:([0-9\u0660-\u0669]+)\s*[-.)\u2013]|[\u2022\u25aa\u25cf\u00b7-])\s+")
REC_GROUP = re.compile(r"(?m)^\((\S)\) ")


@dataclass
class ParaState:
    """What earlier sentences of one paragraph named: the last fund/programme, meeting and subject actor."""

    funding: Entity | None = None
    meeting: Entity | None = None
    subject: Entity | None = None
    seen: dict = field(default_factory=dict)     # slug -> the entity first made with it in this document


def _statement(f: Fact) -> tuple:
    return (f.subject.key, f.predicate, getattr(f.object, "key", None) or f.object, id(f.evidence))


def extract(ctx: FactContext) -> list[Fact]:
    facts = list(_extract(ctx))
    have = {_statement(f) for f in facts}
    return facts + [f for f in dated.extract(ctx, facts)     # a dated instrument; the one a resolution carries
                    if _statement(f) not in have]


def _extract(ctx: FactContext):
    read: set = set()                   # the adopting verbs adoption.py's token rules read (they read them first)
    adopted = adoption.extract(ctx, read)
    st = learn_document(ctx)
    seen: dict = {}
    meeting_of = adoption.MeetingOf(ctx)
    signed, covered = signing.extract(ctx)
    yield from signed
    last_funding = None                 # the programme or fund named last in the document (البرنامج in a later paragraph)
    for src in list(ctx.document.paragraphs) + [f for f in ctx.document.footnotes if f.text]:
        v = st.view(src)
        ps = ParaState(seen=seen)
        yield from _resolutions(ctx, src, v)
        yield from _conventions(ctx, src, v)
        yield from _organ_decisions(ctx, src, v)
        named: list = []                # (sentence start, commitment) of the facts read so far in the paragraph
        for s, e in sentences(src.text):
            for f in _sentence_facts(ctx, st, src, v, s, e, ps, meeting_of, read, covered, last_funding):
                if getattr(f.subject, "kind", "") == "commitment":
                    named.append((s, f.subject))
                yield f
        yield from funding_lists.extract_paragraph(src, ctx.tokens(src), named)
        last_funding = ps.funding or last_funding
    yield from _recommendations(ctx, st)
    yield from _meeting_side_named(ctx, st, meeting_of, seen)
    yield from own_instrument.extract(ctx, meeting_of, seen)
    yield from adopted
    yield from ratification.extract(ctx, read)
    yield from meeting_recommendations.extract(ctx, meeting_of)
    yield from numbered.extract(ctx)
    yield from funding.extract(ctx)


def _sentence_facts(ctx, st, src, v: View, s: int, e: int, ps: ParaState, meeting_of, read, covered, last_funding):
    """The facts of the sentence [s, e) of ``src``, in the order the rules read it; ``ps`` carries what it names
    on to the next sentence."""
    meetings = _sentence_meetings(ctx, st, src, v, s, e)
    named_before = ps.funding
    yield from adoption.named_adoptions(ctx, src, v, s, e, meetings, ps, meeting_of, read)
    yield from _funded_named(ctx, src, v, s, e, ps)
    yield from _programme_frames(ctx, src, v, s, e, ps)
    for _, facts in publications.extract_sentence(src, ctx.tokens(src), s, e):
        yield from facts
    yield from _managed_by_subject(ctx, src, v, s, e, ps)
    yield from _contributed_to_fund(ctx, src, v, s, e, ps)
    yield from _passives(ctx, src, v, s, e, ps, read)
    if ps.funding is named_before:
        yield from _anaphora(ctx, src, v, s, e, ps)
    if not any(i == id(src) and a < e and s < b for i, a, b in covered):
        yield from _mous(ctx, src, v, s, e)          # a memorandum the signing rule did not read
    yield from _budgets(ctx, st, src, v, s, e, ps.funding or last_funding)
    if meetings:
        ps.meeting = meetings[-1].event
    subj = _subject(ctx, src, v, s, e)
    if subj is not None:
        ps.subject = subj


def _sentence_meetings(ctx: FactContext, st, src, v: View, s: int, e: int) -> list[Ref]:
    """The meetings sentence [s, e) names: the report rules' (``sentence_refs``) and the held meetings the events
    family read by their noun phrase (``FactContext.meetings()``: ``اجتماع مشترك بين …، عقد في طرابلس``), in text
    order, one per span."""
    refs = list(sentence_refs(ctx, st, src, v, s, e))
    for r in ctx.meetings().refs(src, s, e):
        if r.how == "named" and r.status == "held" and not any(x.start < r.end and r.start < x.end for x in refs):
            refs.append(Ref(r.start, r.end, r.event, None, "event.written-meeting"))
    return sorted(refs, key=lambda r: r.start)


# ---------------------------------------------------------------- naming

def _kind_en(name: str) -> str:
    f = fold(name)
    for head, en in KIND_EN:
        if re.match(rf"(?:ال)?{head}(?![\w])", f):
            return en
    return ""


def _short_slug(name: str) -> str:
    """The name transliterated, cut after five words (and 48 characters) at a word boundary."""
    words = translit(" ".join(name.split()[:5])).split("-")
    out = ""
    for w in words:
        if out and len(out) + 1 + len(w) > 48:
            break
        out = f"{out}-{w}" if out else w
    return out.strip("-")


def _acronym(ent: Entity) -> str:
    return (ent.notations[0] if ent.notations and ent.kind != "state" else ent.label_en) or ent.slug


SLUG_MAX = 60
PROPER_KINDS = frozenset({"place", "state", "org", "process", "region", "event", "body"})
QUOTED = re.compile(r"[«\"“”']")


def is_generic(ctx, src, v: View, name: str, start: int, end: int) -> bool:
    """A name made of a head word and common words only (خطة عمل، إعلان بشأن الهجرة والتنمية، برنامج وطني
    للعودة الطوعية): no place, state, organisation, process or meeting named in it, no quoted title, no Latin
    name after it. Such a name is shared by many texts; it does not identify one instrument."""
    if LATIN.match(v.text[end:end + 70]) or QUOTED.search(v.text[start:end]):
        return False
    return not any(x.entity.kind in PROPER_KINDS for x in ctx.mentions_in(src, start, end))


DESCRIPTION_STOP = frozenset({"بشان", "حول", "في", "من", "اجل", "الي", "علي", "عن", "و", "مجال", "ل", "ب"})


def described_instrument(ctx, name: str):
    """The instrument the document names elsewhere that a generic name describes: the same head word and every
    content word of the description in one of its Arabic names (إعلانا بشأن اللاجئين والمهاجرين → إعلان
    نيويورك بشأن اللاجئين والمهاجرين); None when no name, or more than one, fits."""
    words = fold(name).split()
    if len(words) < 3:
        return None
    head = re.sub(r"^(?:ال)?(.*?)ا?$", r"\1", words[0])
    content = {re.sub(r"^(?:و|ب|ل)?(?:ال|ل)?", "", w) for w in words[1:]} - DESCRIPTION_STOP - {""}
    if len(content) < 2:
        return None
    found = {}
    for src in ctx.sources():
        for x in ctx.mentions_in(src):
            ent = x.entity
            if ent.kind != "commitment" or ent.from_text or ent.key in found:
                continue
            for label in arabic_names(ent):
                lw = fold(label).split()
                if not lw or re.sub(r"^(?:ال)?", "", lw[0]) != head:
                    continue
                have = {re.sub(r"^(?:و|ب|ل)?(?:ال|ل)?", "", w) for w in lw[1:]}
                if content <= have:
                    found[ent.key] = ent
                    break
    return next(iter(found.values())) if len(found) == 1 else None


def _generic_key(ctx, who, year, meeting) -> str:
    """What tells one generic instrument from another of the same name: the meeting that adopted it, else its
    adopters and year, else the document that reports it."""
    if meeting is not None:
        return meeting.slug
    owners = [w for w in (list(who) if isinstance(who, (list, tuple)) else [who]) if w is not None]
    if owners:
        return "-".join([o.slug.lower() for o in owners[:2]] + ([str(year)] if year else []))
    doc = getattr(ctx.document, "slug", "") or "doc"
    return "doc-" + hashlib.blake2s(doc.encode("utf-8"), digest_size=4).hexdigest()   # short: slugs stay ≤ 60


def commitment(ctx, src, v: View, cls: str, name: str, start: int, end: int, who=None,
               year: int | None = None, via: str = "", seen: dict | None = None, meeting: Entity | None = None,
               generic: bool | None = None) -> Entity:
    """A commitment first seen in a report, with a short slug and a composed English label.

    A named instrument (إعلان الرباط، خطة عمل فاليتا, a quoted title, a Latin name) is keyed by its name, so
    the same name in another report gets the same IRI; a generic name (``is_generic``) is keyed also by its
    meeting, its adopters and year, or its document, so two action plans of two meetings stay two. Within one
    document the same name is one commitment (``seen``), however it is keyed where it is read again."""
    kind = _kind_en(name)
    latin = LATIN.match(v.text[end:end + 70])
    places = [x.entity for x in ctx.mentions_in(src, start, end) if x.entity.kind == "place"]
    owners = [x.entity for x in ctx.mentions_in(src, start, end) if x.entity.kind in ("org", "state")]
    slug = base = _short_slug(name)
    if latin:
        label = latin.group(1).strip()
        slug = base = translit(label) or slug
    elif places and kind:
        label = f"{places[0].label_en} {kind}"
    elif (who or owners) and kind and not via:
        names = [_acronym(w) for w in (list(who) if isinstance(who, (list, tuple)) else [who or owners[0]])[:2]]
        label = f"{'–'.join(names)} {kind}" + (f" ({year})" if year else "")
    elif via and kind:
        label = f"{kind} {via}" + (f" ({year})" if year and str(year) not in via else "")
    else:
        label = f"{kind} ({year})" if kind and year else ""
    if seen is not None and base in seen:
        return seen[base]
    generic = not latin and (is_generic(ctx, src, v, name, start, end) if generic is None else generic)
    named = described_instrument(ctx, name) if generic else None
    if named is not None:              # تبنت القمة إعلانا بشأن اللاجئين والمهاجرين … إعلان نيويورك بشأن اللاجئين والمهاجرين
        return seen.setdefault(base, named) if seen is not None else named
    if generic:
        slug = f"{_generic_key(ctx, who, year, meeting)[:28].strip('-')}-{base}"
        while len(slug) > SLUG_MAX and "-" in slug:
            slug = slug.rsplit("-", 1)[0]
    ent = Entity(kind="commitment", slug=slug, cls=cls, label_ar=name, label_en=label, from_text=True)
    return seen.setdefault(base, ent) if seen is not None else ent


# ---------------------------------------------------------------- resolutions, conventions

def _is_general_assembly(ent: Entity) -> bool:
    return ent.kind == "org" and (bool({"GA", "UNGA"} & set(ent.notations))
                                  or any(fold(l) == fold("الجمعية العامة") for l in arabic_names(ent)))


def _general_assembly(ctx, src, start, end):
    """The General Assembly (whose resolutions carry the symbol A/RES/…), from the mentions or the gazetteer."""
    for m in ctx.mentions_in(src):
        if _is_general_assembly(m.entity):
            return m.entity
    gaz = ctx.gazetteer
    for ent in getattr(gaz, "entities", []) if gaz is not None else []:
        if _is_general_assembly(ent):
            return ent
    return None


def _resolutions(ctx, src, v: View):
    from ..values import find_resolutions
    for r in find_resolutions(src.text):
        res = Entity(kind="commitment", slug=translit(r.symbol), cls="Resolution",
                     label_en=f"General Assembly resolution {r.label}",
                     label_ar=f"قرار الجمعية العامة {r.label}", notations=(r.symbol,), from_text=True)
        ga = _general_assembly(ctx, src, r.start, r.end)
        if ga is not None and r.symbol.startswith("A/"):
            yield Fact(res, "adoptedBy", ga, src, "commitment.resolution", RULES["commitment.resolution"][1])


def _conventions(ctx, src, v: View):
    for pat in CONVENTION:
        for m, ms, me in v.finditer(pat):
            orgs = [x for x in ctx.mentions_in(src, me - 1, me + 60) if x.entity.kind == "org"]
            tail = re.search(r"رقم (\d+)", fold(v.text[ms:me + 80]))
            number = m.group(1) if m.groups() else (tail.group(1) if tail else None)
            if not orgs or not number:
                continue
            yield from _convention_facts(ctx, src, v, orgs[0].entity, number, "convention", me)
    for m, ms, me in v.finditer(OWN_INSTRUMENT):
        orgs = [x for x in ctx.mentions_in(src, 0, ms) if x.entity.kind == "org"]
        if orgs:                                   # واتفاقيتها رقم 143: "its" = the organisation named last
            kind = "convention" if m.group(1) == "اتفاقيت" else "recommendation"
            yield from _convention_facts(ctx, src, v, orgs[-1].entity, m.group(2), kind, me)


def _convention_facts(ctx, src, v: View, org: Entity, number: str, kind: str, end: int):
    """A numbered convention (or recommendation) of ``org``: adopted by it; the year of its title."""
    ar = "اتفاقية" if kind == "convention" else "توصية"
    conv = Entity(kind="commitment", slug=f"{org.slug}-{kind}-{number}",
                  cls="LegalInstrument" if kind == "convention" else "Recommendation",
                  label_ar=f"{ar} {org.label_ar} رقم {number}",
                  label_en=f"{(org.notations or (org.label_en,))[0]} {kind.title()} No. {number}", from_text=True)
    yield Fact(conv, "adoptedBy", org, src, "commitment.convention", RULES["commitment.convention"][1])
    year = None
    fs = v.folded_offset(max(0, end - 40))
    hit = re.compile(rf"رقم\s*{number}(?!\d)").search(v.folded, fs, fs + 200)
    if hit is not None:                            # the title after the number (and after لمنظمة X)
        after = v.orig(hit.end(), hit.end())[0]
        org_after = [x for x in ctx.mentions_in(src, after, after + 60) if x.entity.kind == "org"
                     and src.text[after:x.start].strip() in ("", "ل")]
        tail_at = v.folded_offset(org_after[0].end) if org_after else hit.end()
        year = numbered.title_year(f"رقم {number}", v.folded[tail_at:tail_at + 160])
    if year is not None:
        yield Fact(conv, "year", Value(year, "gYear"), src, numbered.RULE, REGISTRY.confidence(numbered.RULE))


DECISION = rx(r"(?<![\w])(?:ب|و|وب)?(?:ال)?قرار(?:ا)? (?:رقم (?P<n1>\d+) )?(?:(?:ال)?صادر(?:ا|ه)? (?:عن|من) )?")
ISSUE_DECISION = rx(r"(?<![\w])(?:و)?(?:اصدر|اصدرت|اتخذ|اتخذت) ")
DECISION_NUMBER = re.compile(r"^\s*(?:\S+ ){0,3}?رقم (\d+)")
NOT_DECIDED = rx(r"(?<![\w])(?:مشروع|لم|لن|سوف|المقرر|يتوقع|سيصدر|ستصدر)(?![\w])")


def _organ_decisions(ctx, src, v: View):
    """A decision of a council or organ: ``بقرار صادر من مجلس الجامعة العربية … في سبتمبر 2014``,
    ``قرار مجلس وزراء العمل العرب رقم 8 لعام 2019``, ``أصدر مجلس الجامعة قرارا بشأن …``. The organ (an
    organisation written right after, or the issuing verb's subject) adopted it; the first date written
    after the organ in the sentence is its date. A draft (مشروع قرار), a negated, future or planned
    decision is none; a General Assembly symbol is ``_resolutions``'s."""
    from ..values import find_resolutions
    from .adoption import _date_facts
    from .event_status import document_day
    from .meeting_setting import dates_of
    rule, conf = "commitment.organ-decision", RULES["commitment.organ-decision"][1]
    symbols = [(r.start, r.end) for r in find_resolutions(src.text)]
    found = []
    for s, e in sentences(src.text):
        for m, ms, me in v.finditer(DECISION, s, e):
            orgs = [x for x in ctx.mentions_in(src, me, e) if x.entity.kind == "org" and x.start <= me + 12]
            if orgs:
                found.append((ms, me, orgs[0], m.group("n1"), s, e))
        for m, ms, me in v.finditer(ISSUE_DECISION, s, e):
            orgs = [x for x in ctx.mentions_in(src, me, e) if x.entity.kind == "org" and x.start <= me + 12]
            if orgs and re.match(r"^\s*(?:\S+ ){0,4}?(?:قرارا|قرار)(?![\w])",
                                 v.folded[v.folded_offset(orgs[0].end):v.folded_offset(min(e, orgs[0].end + 60))]):
                found.append((ms, orgs[0].start, orgs[0], None, s, e))
    toks, done = None, set()
    for ms, organ_start, org, number, s, e in found:
        if any(a <= ms < b or ms <= a < org.end + 20 for a, b in symbols) or org.entity.slug in done:
            continue
        if NOT_DECIDED.search(v.folded[v.folded_offset(max(s, ms - 25)):v.folded_offset(ms) + 1]):
            continue
        tail = v.folded[v.folded_offset(org.end):v.folded_offset(min(e, org.end + 40))]
        n = number or (DECISION_NUMBER.match(tail).group(1) if DECISION_NUMBER.match(tail) else None)
        toks = toks or ctx.tokens(src)
        dates = [d for d in dates_of(toks, document_day(ctx.document)) if org.end <= d.start < min(e, org.end + 90)
                 and d.year and "منذ" not in src.text[max(0, d.start - 6):d.start]]
        d = dates[0] if dates else None
        org_e = org.entity
        short = (org_e.notations or (org_e.label_en or org_e.slug,))[0]
        slug = f"{org_e.slug}-decision-{n}" if n else f"{org_e.slug}-decision-{d.year if d else ''}".rstrip("-")
        ent = Entity(kind="commitment", slug=translit(slug), cls="Resolution",
                     label_ar=f"قرار {src.text[organ_start:org.end].strip()}" + (f" رقم {n}" if n else ""),
                     label_en=f"Decision of {short}" + (f" No. {n}" if n else "") + (f" ({d.year})" if d else ""),
                     from_text=True)
        done.add(org_e.slug)
        yield Fact(ent, "adoptedBy", org_e, src, rule, conf)
        if d is not None:
            yield from _date_facts(ent, d, src, rule, conf)


# ---------------------------------------------------------------- adoption of named commitments

def _named(v: View, fs: int, e: int) -> tuple[str, str, int] | None:
    """(class, name as printed, original end) of a commitment named at folded offset fs."""
    rest = v.folded[fs:]
    for head, cls in KINDS:
        m = re.match(rf"(?:ال)?{head}(?![\w])", rest)
        if not m:
            continue
        stop = NAME_STOP.search(rest, m.end())
        end_f = fs + (stop.start() if stop else len(rest))
        q = re.match(r' ?بعنوان "([^"]+)"', rest[m.end():])
        if q:
            end_f = fs + m.end() + q.end()
        s_o, e_o = v.orig(fs, min(end_f, len(v.folded)))
        e_o = min(e_o, e)
        name = v.text[s_o:e_o].strip()
        words = name.split()
        if len(words) < 2 and cls != "FundingCommitment":
            return None
        if words and fold(words[0])[:-1] in ("اعلان", "اطار", "قرار", "برنامج") and fold(words[0]).endswith("ا"):
            words[0] = re.sub("[اأ][\u064b-\u0652]*$", "", words[0])
        return cls, " ".join(words[:14]), e_o
    return None


@dataclass
class _Named:
    """An instrument the text names and the gazetteer lacks, read where a meeting-side frame expects one."""

    entity: Entity
    start: int
    end: int


def _meeting_side_named(ctx, st, meeting_of, seen):
    """The meeting's side of an adoption for an instrument the gazetteer lacks (``اختتم الاجتماع أعماله بإصدار إعلان
    بالي``، ``أسفر المؤتمر عن اعتماد برنامج عمل باريس``، ``خرج الاجتماع بإعلان روما``، ``صدر عن القمة إعلان سياسي``): the
    frames and their checks are ``adoption._meeting_side``'s (lexicon class ``meeting_adopt_frame``; planned or
    negated frames give nothing; the meeting phrase names no other place); the instrument is minted from its name
    (``_named``) and adopted at the paragraph's held meeting. A gazetteer instrument there is left to adoption.py."""
    from .event_status import document_day
    lex = load_lexicon()
    doc_day = document_day(ctx.document)
    for src in list(ctx.document.paragraphs) + [f for f in ctx.document.footnotes if f.text]:
        toks = ctx.tokens(src)
        frames = [k for k in range(len(toks.tokens)) if lex.match_at(toks, k, ("meeting_adopt_frame",))]
        if not frames:
            continue
        meeting = meeting_of(src)
        if meeting is None:
            continue
        v = st.view(src)
        ends = adoption.sentence_ends(toks)

        def instrument_at(c, toks=toks, v=v, src=src, meeting=meeting, hi_end=None):
            if starting(toks, c, {"commitment"}) is not None:
                return None                              # a gazetteer instrument: adoption.py reads it
            t = toks.tokens[c]
            fs = bisect.bisect_left(v.norm.starts, t.start)
            if v.folded[fs:fs + 1] in ("ب", "و") and _HEAD_FIRST.match(v.folded[fs + 1:]):
                fs += 1                                  # بإعلان روما، وإعلان …
            if not _HEAD_FIRST.match(v.folded[fs:]):
                return None
            sent_end = toks.tokens[ends[t.sent] - 1].end
            named = _named(v, fs, sent_end)
            if named is None:
                return None
            cls, name, name_end = named
            c_start = v.orig(fs, fs + 1)[0]
            ent = commitment(ctx, src, v, cls, name, c_start, name_end, None, None,
                             f"adopted at {meeting[0].label_en}", seen, meeting[0])
            return _Named(ent, c_start, name_end) if ent.slug else None

        for k in frames:
            yield from adoption._meeting_side(toks, src, lex, k, ends[toks.tokens[k].sent], meeting, doc_day,
                                              instrument_at)


_HEAD_FIRST = re.compile(r"^\s*(?:ال)?(?:{})(?![\w])".format("|".join(h for h, _c in KINDS)))
def _amount(ent: Entity, a, src):
    value = format(a.value.normalize(), "f") if hasattr(a.value, "normalize") else str(a.value)
    amt = Entity(kind="amount", slug=f"{ent.slug}-{a.currency.lower()}-{value}".replace(".", "-"), cls="MonetaryAmount",
                 label_ar=f"{value} {a.currency}", label_en=f"{a.currency} {value}", from_text=True)
    conf = RULES["commitment.amount"][1]
    yield Fact(ent, "amount", amt, src, "commitment.amount", conf)
    yield Fact(amt, "amountValue", Value(value, "decimal"), src, "commitment.amount", conf)
    yield Fact(amt, "currency", Value(a.currency), src, "commitment.amount", conf)


def _funders(ctx, src, v: View, ent: Entity, start: int, e: int, near: bool = True):
    for m, ms, me in v.finditer(FUNDED, start, e):
        if near and ms - start > 40:
            break
        for x in ctx.mentions_in(src, me, min(e, me + 50)):
            if x.entity.kind in ("state", "org"):
                yield Fact(ent, "fundedBy", x.entity, src, "commitment.funded-by", RULES["commitment.funded-by"][1])
    for m, ms, me in v.finditer(MANAGED, start, e):
        for x in ctx.mentions_in(src, me, min(e, me + 50))[:1]:
            if x.entity.kind == "org":
                yield Fact(ent, "managedBy", x.entity, src, "commitment.managed-by", RULES["commitment.managed-by"][1])


KINDS_BY_HEAD = [(fold(h), c) for h, c in (("اعلان", "Declaration"), ("خطه عمل", "ActionPlan"), ("مخطط عمل", "ActionPlan"),
                 ("اطار", "PolicyFramework"), ("مشروع قانون", "LegalInstrument"), ("قانون", "LegalInstrument"),
                 ("قرار", "Resolution"), ("برنامج", "FundingCommitment"), ("صندوق", "FundingCommitment"),
                 ("مرفق", "FundingCommitment"), ("مبادره", "Initiative"), ("نهج", "PolicyFramework"))]
FUND_HEAD = rx(r"(?<![\w])(?:ال)?(?:صندوق|برنامج|مرفق|مشروع|مبادره)(?![\w])")


def _funded_named(ctx, src, v: View, s: int, e: int, ps: ParaState | None = None):
    """A fund or programme named just before 'الذي تموله X' / 'بتمويل من X' (no adoption verb)."""
    for m, ms, me in v.finditer(FUNDED, s, e):
        heads = [(hs, he) for _h, hs, he in v.finditer(FUND_HEAD, max(s, ms - 120), ms)]
        if not heads or adoption.ADOPT.search(v.folded[v.folded_offset(heads[-1][0]) - 40:v.folded_offset(heads[-1][0])] if v.folded_offset(heads[-1][0]) >= 40 else ""):
            continue
        named = _named(v, v.folded_offset(heads[-1][0]), ms)
        if named is None:
            continue
        cls, name, name_end = named
        funders = [x.entity for x in ctx.mentions_in(src, me, min(e, me + 50)) if x.entity.kind in ("state", "org")]
        ent = commitment(ctx, src, v, cls, name, heads[-1][0], name_end, None, None,
                         f"funded by {_acronym(funders[0])}" if funders else "", ps.seen if ps else None)
        if ps is not None and cls == "FundingCommitment":
            ps.funding = ent
        yield from _funders(ctx, src, v, ent, name_end, e)


def _programme_frames(ctx, src, v: View, s: int, e: int, ps: ParaState):
    """A programme or project named as a clause's frame or means (``programme_frames.py``), minted here."""
    def mint(cls, name, start, end, via):
        return commitment(ctx, src, v, cls, name, start, end, None, None, via, ps.seen)
    for ent, facts in programme_frames.extract_sentence(ctx, src, ctx.tokens(src), v, s, e, mint, ps.seen):
        if ent.cls == "FundingCommitment":
            ps.funding = ent
        yield from facts


CONTRIBUTED = rx(r"(?<![\w])(?:و|ف)?(?:ساهم|ساهمت|اسهم|اسهمت|ساهموا|اسهموا)(?P<rel> (?:فيه|فيها))?(?![\w])")
FUND_ANAPHOR = rx(r"(?<![\w])(?:في |ل)(?:ال)?(?:صندوق|برنامج|مرفق)(?![\w])")
NOT_DONE = rx(r"(?<![\w])(?:لم|لن|سوف|المقرر|علي ان|يتوقع ان|ينتظر ان)(?![\w])")


def _contributed_to_fund(ctx, src, v: View, s: int, e: int, ps: ParaState):
    """ساهمت X بمبلغ … في NAME / الصندوق الذي أسهمت فيه X بـ …: X funds the fund. The fund is one named in
    the sentence, else (after فيه/فيها or في الصندوق) the paragraph's last named fund; a sum with a
    currency must be written; a negated, future or planned verb is no contribution. A pledge written
    with a giving verb (تعهدت بتقديم) is the contribution rule's (``funding.py``), not this one."""
    from ..values import find_amounts
    conf = RULES["commitment.contributed-to-fund"][1]
    sums = None                                  # the paragraph's sums with a currency, read once
    for m, ms, me in v.finditer(CONTRIBUTED, s, e):
        lo = v.folded_offset(max(s, ms - 30))
        if NOT_DONE.search(v.folded[lo:v.folded_offset(ms)]):
            continue
        if sums is None:
            sums = [a for a in find_amounts(src.text) if a.currency]
        if not [a for a in sums if me <= a.start < e]:
            continue
        ments = ctx.mentions_in(src, s, e)
        funds = [x for x in ments if x.entity.kind == "commitment" and x.entity.cls == "FundingCommitment"]
        after = [x for x in funds if x.start >= me]
        before = [x for x in ctx.mentions_in(src, 0, ms) if x.entity.kind == "commitment"
                  and x.entity.cls == "FundingCommitment"]      # this sentence or an earlier one of the paragraph
        fund = after[0].entity if after else None
        if fund is None and (m.group("rel") or FUND_ANAPHOR.search(v.folded[v.folded_offset(me):v.folded_offset(e)])):
            fund = before[-1].entity if before else ps.funding
        if fund is None:
            continue
        pairs = _donor_amounts(src.text, ments, sums, me, e)
        if pairs:
            for donor, amount in pairs:
                if donor.entity is not fund:
                    yield Fact(fund, "fundedBy", donor.entity, src, "commitment.contributed-to-fund", conf)
                    yield from _amount(fund, amount, src)
            continue
        donors = [x for x in ments if x.entity.kind in ("state", "org") and me <= x.start <= me + 30]
        if not donors:
            donors = [x for x in ments if x.entity.kind in ("state", "org") and x.end <= ms
                      and x.start >= s and not (before and x.start < before[-1].end)]
            donors = donors[-1:]
        if donors and donors[0].entity is not fund:
            yield Fact(fund, "fundedBy", donors[0].entity, src, "commitment.contributed-to-fund", conf)


SUM_LINK = re.compile(r"\s*(?:بمبلغ|بما قيمته|بقيمة|بـ?)\s*$")
NEXT_DONOR = re.compile(r"^[\s،,؛]*و\s*$")


def _donor_amounts(text: str, ments, amounts, start: int, end: int):
    """After a contribution verb, each donor with its own sum, the verb gapped after the first:
    ``أسهمت فيه ألمانيا بمبلغ 3 ملايين يورو، والمملكة المتحدة بمبلغ 2 مليون دولار`` → (Germany, EUR 3 m),
    (United Kingdom, USD 2 m). The first donor follows the verb closely; each next one follows the
    previous sum after و; a donor's sum is linked by بمبلغ/بقيمة/بما قيمته/بـ. Anything else between
    them ends the list."""
    donors = [x for x in ments if x.entity.kind in ("state", "org") and start <= x.start < end]
    out, at = [], start
    for x in donors:
        gap = text[at:x.start]
        if out and not NEXT_DONOR.match(gap):
            break
        if not out and len(gap) > 30:
            break
        sums = [a for a in amounts if x.end <= a.start <= x.end + 15 and SUM_LINK.match(text[x.end:a.start])]
        if not sums:
            break
        out.append((x, sums[0]))
        at = sums[0].end
    return out


def _subject(ctx, src, v: View, s: int, e: int) -> Entity | None:
    """The organization after 'يقوم/تقوم' that a sentence is about ("ويقوم برنامج الأمم المتحدة الإنمائي …")."""
    for m, ms, me in v.finditer(SUBJECT, s, e):
        first = [x for x in ctx.mentions_in(src, me, e) if x.entity.kind == "org" and x.start <= me + 8]
        if first:
            return first[0].entity
    return None


def _managed_by_subject(ctx, src, v: View, s: int, e: int, ps: ParaState):
    """'يقوم X … بإدارة NAME', 'ويدير X NAME' (the organisation right after the verb), or, with X the subject of an
    earlier sentence, 'ويدير … NAME': X manages NAME."""
    conf = RULES["commitment.managed-by-subject"][1]
    for m, ms, me in v.finditer(MANAGES, s, e):
        manager = None
        actors = [x for x in ctx.mentions_in(src, me, min(e, me + 80)) if x.entity.kind in ("org", "state")]
        if actors and actors[0].start - me <= 2 and actors[0].entity.kind == "org" and not m.group(0).startswith("باد"):
            # ويدير الصندوق الدولي للتنمية الزراعية مرفق …: verb, its subject, then what it manages
            manager, after = actors[0].entity, actors[0].end
        else:
            after = me
        heads = [(hs, he) for _h, hs, he in v.finditer(FUND_HEAD, after, min(e, after + 40))]
        if not heads or [x for x in ctx.mentions_in(src, after, heads[0][0]) if x.entity.kind in ("org", "state")]:
            continue
        manager = manager or _subject(ctx, src, v, s, ms) or (ps.subject if not _before_subject(ctx, src, s, ms) else None)
        if manager is None:
            continue
        named = _named(v, v.folded_offset(heads[0][0]), e)
        if named is None:
            continue
        cls, name, name_end = named
        ent = commitment(ctx, src, v, cls, name, heads[0][0], name_end, None, None, f"managed by {_acronym(manager)}", ps.seen)
        if cls == "FundingCommitment":
            ps.funding = ent
        yield Fact(ent, "managedBy", manager, src, "commitment.managed-by-subject", conf)


def _before_subject(ctx, src, s: int, ms: int) -> bool:
    """True when an actor is named before the verb in the sentence (the verb has its own subject)."""
    return any(x.entity.kind in ("org", "state") for x in ctx.mentions_in(src, s, ms))


def _passives(ctx, src, v: View, s: int, e: int, ps: ParaState | None = None, read: frozenset | set = frozenset()):
    """'NAME الذي اعتمد في DATE': the date a commitment named before the relative clause was adopted; with an
    object pronoun (الذي اعتمدته X، الذي وافق عليه X) the actor right after the verb adopted it. Relative dates
    (الشهر الجاري) are read against the document's date."""
    from .event_status import document_day
    from .meeting_setting import dates_of
    toks = ctx.tokens(src)
    for m, ms, me in v.finditer(PASSIVE, s, e):
        if (id(src), toks.index_at(ms) + 1) in read:
            continue                               # الذي اعتمده X: adoption.py's relative rule read it
        heads = [(h, hs, he) for h, hs, he in v.finditer(PASSIVE_HEAD, max(s, ms - 120), ms)]
        if not heads:
            continue
        _h, hs, _he = heads[-1]
        name = v.text[hs:ms].strip(" ،,")
        if len(name.split()) < 2 or re.search(r"[.;؛]", name):
            continue
        actor = None
        if m.group("enc") or m.group("prep"):   # الذي اعتمدته الإيغاد عام 2012، الذي وافق عليه مجلس الوزراء: the adopter
            actor = next((x for x in ctx.mentions_in(src, me, e) if x.entity.kind in ("org", "state", "process")
                          and x.start <= me + 8), None)      # (مجلس) جامعة الدول العربية
            if actor is None:
                continue
        after = actor.end if actor is not None else me
        dates = [d for d in dates_of(ctx.tokens(src), document_day(ctx.document))
                 if after <= d.start <= after + 12 and d.end <= e and d.year]
        if not dates:
            continue
        d = dates[0]
        cls = dict(KINDS_BY_HEAD).get(fold(_h.group(1)), "PolicyFramework")
        ent = commitment(ctx, src, v, cls, name, hs, ms, actor.entity if actor else None, d.year,
                         seen=ps.seen if ps else None)
        if actor is not None:
            yield Fact(ent, "adoptedBy", actor.entity, src, "commitment.adopted-passive",
                       RULES["commitment.adopted-passive"][1])
        yield from _date_facts(ent, d, src, "commitment.adopted-passive")


def _date_facts(ent: Entity, d, src, rule: str):
    lex, dt = (d.start_date.isoformat(), "date") if d.precision == "day" and d.start_date else \
        (f"{d.year}-{d.month:02d}", "gYearMonth") if d.precision == "month" and d.month else (str(d.year), "gYear")
    yield Fact(ent, "dateAdopted", Value(lex, dt), src, rule, RULES[rule][1])
    yield Fact(ent, "year", Value(str(d.year), "gYear"), src, rule, RULES[rule][1])


def _anaphora(ctx, src, v: View, s: int, e: int, ps: ParaState):
    """'ويسعى البرنامج … ورصد مبلغ 15 مليون يورو، على أن يدار بالاشتراك مع X': facts of the last fund named."""
    from ..values import find_amounts
    ent = ps.funding
    if ent is None:
        return
    refs = list(v.finditer(ANAPHOR, s, e))
    if not refs:
        return
    start = refs[0][1]
    for a in [a for a in find_amounts(src.text) if start <= a.start <= e and a.currency][:1]:
        for f in _amount(ent, a, src):
            yield Fact(f.subject, f.predicate, f.object, src, "commitment.anaphora", RULES["commitment.anaphora"][1])
    for f in _funders(ctx, src, v, ent, start, e, near=False):
        yield Fact(f.subject, f.predicate, f.object, src, "commitment.anaphora", RULES["commitment.anaphora"][1])


# ---------------------------------------------------------------- memoranda, budgets

def _planned_signing(ctx, src, ms: int) -> bool:
    """A signing still to come (ستوقع، سيتم توقيع، من المقرر توقيع، المزمع توقيعها), expected, authorised or
    offered (``signing.not_signed``): no agreement yet."""
    from ..text.word_classes import load
    toks = ctx.tokens(src)
    k = toks.index_at(ms)
    if k >= len(toks.tokens):
        return False
    lex = load()
    sent = toks.tokens[k].sent
    lo = k
    while lo > 0 and toks.tokens[lo - 1].sent == sent:
        lo -= 1
    hi = k
    while hi < len(toks.tokens) and toks.tokens[hi].sent == sent:
        hi += 1
    for m in lex.find(toks, "sign_verb", lo, hi):
        if m.future or signing.not_signed(toks, lex, m.i, m.j, bool(m.feature("noun")), lo, hi):
            return True
        before = lex.find(toks, ("planned_marker", "negation"), max(lo, m.i - 4), m.i)
        if before:
            return True
    if signing.not_signed(toks, lex, k, k + 1, True, lo, hi):
        return True                                # وافق مجلس الوزراء على مذكرة تفاهم بين X و Y: not signed yet
    return any(t.norm.lstrip("و").startswith(("سيتم", "ستتم")) for t in toks.tokens[lo:hi])


def _office(ent: Entity) -> bool:
    """A post named like an organisation (الأمين العام المساعد …): it signs for an organisation, it is no party."""
    from .actors import _is_office
    return _is_office(ent)


def _mou_date(src, s, e):
    """The signing date: the first date of the sentence not about an earlier text (الموقعة عام 2000)."""
    for d in dates_in(src.text, s, e):
        before = fold(src.text[max(s, d.start - 25):d.start])
        if d.year and not re.search(r"(?:الموقعه|الموقع|السابقه|منذ)\s*(?:بين \S+ \S+\s*)?(?:عام|سنه|في)?\s*$", before):
            return d
    return None


SIGNED_PARTICIPLE = rx(r"(?<![\w])(?:ال)?موقع(?:ه|ين|ان)?(?![\w])|(?<![\w])[وف]?(?:وقع|وقعت|وقعا|وقعتا|وقعوا)(?:ها|ه)?(?![\w])")


def _signed_in_sentence(ctx, src, ms: int, s: int, e: int) -> bool:
    """The sentence of the memorandum at ``ms`` says it was signed: a signing verb or verbal noun (lexicon class
    ``sign_verb``), a verb with its object pronoun (وقعتها) or the participle (الموقعة). A memorandum merely
    named (``في إطار مذكرة التفاهم بين X و Y``، ``ناقش الجانبان مذكرة تفاهم``) is no signature."""
    from ..text.word_classes import load
    toks = ctx.tokens(src)
    k = toks.index_at(ms)
    if k < len(toks.tokens):
        lo, hi = sentence_bounds(toks, k)
        if load().find(toks, "sign_verb", lo, hi):
            return True
    return bool(SIGNED_PARTICIPLE.search(fold(src.text[s:e])))


def _mous(ctx, src, v: View, s: int, e: int):
    for m, ms, me in v.finditer(MOU, s, e):
        if _planned_signing(ctx, src, ms) or not _signed_in_sentence(ctx, src, ms, s, e):
            continue
        parties = []
        for x in ctx.mentions_in(src, s, e):
            if x.entity.kind in ("org", "state") and x.entity not in parties and not _office(x.entity):
                parties.append(x.entity)
        if len(parties) < 2:
            # the subject of the paragraph signs "with" the named party: take the paragraph's first actor
            first = [x.entity for x in ctx.mentions_in(src) if x.entity.kind in ("org", "state")][:1]
            parties = first + [p for p in parties if p not in first]
        if len(parties) < 2:
            continue
        signed = _mou_date(src, s, e)
        year = signed.year if signed else None
        slug = "mou-" + "-".join(sorted(p.slug.lower() for p in parties[:2])) + (f"-{year}" if year else "")
        mou = Entity(kind="commitment", slug=slug, cls="Agreement", label_ar="مذكرة تفاهم بين " + " و".join(p.label_ar for p in parties[:2]),
                     label_en="Memorandum of understanding between " + " and ".join(p.label_en for p in parties[:2]),
                     from_text=True)
        for p in parties[:2]:
            yield Fact(mou, "party", p, src, "commitment.mou", RULES["commitment.mou"][1])
        if signed is not None:
            yield from _date_facts(mou, signed, src, "commitment.mou")


def _budgets(ctx, st, src, v: View, s: int, e: int, programme: Entity | None = None):
    """A budget or set of contributions with an amount: of the programme or fund named last in the document
    when the budget's phrase names it again (ميزانية المرحلة الثانية من البرنامج … 4.6 مليون فرنك), else of
    the meeting the document reports on."""
    from ..values import find_amounts
    meeting = st.report_meeting()
    for m, ms, me in v.finditer(BUDGET, s, e):
        amounts = [a for a in find_amounts(src.text) if me <= a.start <= min(e, me + 80) and a.currency]
        if not amounts:
            continue
        if programme is not None and ANAPHOR.search(v.folded, v.folded_offset(me), v.folded_offset(amounts[0].start)):
            yield from _amount(programme, amounts[0], src)
            continue
        if meeting is None:
            continue
        label = v.text[ms:me].strip()
        ent = Entity(kind="commitment", slug=f"{meeting.slug}-{translit(label)}", cls="FundingCommitment",
                     label_ar=f"{label} ({meeting.label_ar})",
                     label_en=f"{meeting.label_en} " + ("budget" if "ميزانيه" in fold(label) else "financial contributions"),
                     from_text=True)
        yield from _amount(ent, amounts[0], src)


# ---------------------------------------------------------------- recommendations

def _opens_recommendations(ctx: FactContext, para, v: View) -> bool:
    """A paragraph that opens a session's list of recommendations: the report's phrasing (known slips), or a
    ``recommendation_intro`` word (التوصيات التالية، أوصت الجلسة بما يلي) in a paragraph ending with a colon or
    holding its numbered items."""
    if REC_INTRO.search(v.folded):
        return True
    if not (para.text.rstrip().endswith(":") or REC_ITEM.search(para.text)):
        return False
    return bool(load_lexicon().find(ctx.tokens(para), "recommendation_intro"))


def _first_under_recommendations_heading(paras: list, k: int) -> bool:
    """Paragraph ``k`` opens its section, under a recommendations heading (``التوصيات``, ``النتائج والتوصيات``: a
    session's part heading), with a numbered or bulleted item: the list needs no opening sentence."""
    para = paras[k]
    sec = para.section
    if sec is None or (k > 0 and paras[k - 1].section is sec) or not REC_ITEM_PARA.match(para.text):
        return False
    return part_heading(sec.heading) and "توصيات" in fold(sec.heading)


def _recommendation_items(paras: list, k: int, headed: bool = False):
    """(paragraph, number text, start, end) of each item of the list opened by paragraph ``k``: numbered lines
    in it, then the following paragraphs of its section that each open with a number or a bullet (``headed``:
    paragraph ``k`` is itself the first item, under a recommendations heading)."""
    para = paras[k]
    items = list(REC_ITEM.finditer(para.text)) if not headed else []
    for i, it in enumerate(items):
        end = items[i + 1].start() if i + 1 < len(items) else len(para.text)
        yield para, it, it.end(), end
    for nxt in paras[k + (0 if headed else 1):]:
        if nxt.section is not para.section:
            break
        m = REC_ITEM_PARA.match(nxt.text)
        if m is None:
            break
        yield nxt, m, m.end(), len(nxt.text)


def _recommendations(ctx: FactContext, st):
    known = known_events(ctx)
    paras = ctx.document.paragraphs
    conf = RULES["commitment.recommendation"][1]
    for k, para in enumerate(paras):
        session = known.session(para)
        if session is None:
            continue
        headed = _first_under_recommendations_heading(paras, k)
        if not headed and not _opens_recommendations(ctx, para, st.view(para)):
            continue
        groups = list(REC_GROUP.finditer(para.text)) if not headed else []
        for n, (src, it, start, end) in enumerate(_recommendation_items(paras, k, headed), 1):
            g = [x for x in groups if src is para and x.start() < it.start()]
            group = translit(g[-1].group(1)) + "-" if g else ""
            number = it.group(1) or str(n)
            text = src.text[start:end].strip()
            first = re.split(r"(?<=[.])\s", text, maxsplit=1)[0]
            rec = Entity(kind="commitment", slug=f"{session.slug}-rec-{group}{number}", cls="Recommendation",
                         label_ar=first[:300].rstrip(), label_en=f"{session.label_en or session.slug} recommendation {group}{number}",
                         from_text=True)
            yield Fact(rec, "producedBy", session, src, "commitment.recommendation", conf)
            if st.year:
                yield Fact(rec, "year", Value(str(st.year), "gYear"), src, "commitment.recommendation", conf)
