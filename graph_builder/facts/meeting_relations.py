"""Relations of the meetings a sentence names, in the forms writers use: hosts, offers to host,
chairs and co-chairs, participants and counts of states, delegates and organisations.

* **Hosts** (``host_verb``: استضافت، تستضيف، احتضنت، بضيافة، في رحاب …): the state or organisation
  right after the word hosts the meeting that is the verb's object (the next meeting named), or
  the meeting a relative clause hangs from (``الاجتماع … الذي تستضيفه اليونان``). A city after the
  word is the meeting's location, and its state the host (lower confidence). Hosting an
  organisation, a unit or a process (``يستضيف البنك الدولي الشراكة``) is not hosting a meeting.
  A host of a PLANNED meeting (future verb, planned marker) is ``mdkg:plannedHost``; a host word
  governed by an offer (``عرضت … استضافة``, ``أبدت استعدادها لاستضافة``) gives ``mdkg:hostOfferedBy``;
  a negated one gives nothing.
* **Chairs** (``chair_verb``: ترأس، برئاسة، تولى رئاسة، تحت الرئاسة المشتركة …): the person, state or
  organisation after the word chairs (co-chairs, for ``co`` forms: every actor joined by و) the
  nearest meeting. A chair word right after a delegation noun (``بوفد ترأسه …``) heads the
  delegation, not the meeting.
  The chair of a process (``المسار تترأسه تركيا``) is the process's, not its meeting's
  (``process_chairs.py`` gives it); what follows ``تولى رئاسة`` is the chaired thing and the chair
  the subject before it. ``يترأس وفد STATE`` heads a delegation: the state takes part, nobody chairs.
* **Participants and counts**: pattern rules ``event.participation*`` and ``event.count*``
  (``lexicons/patterns/events.toml``), handled here: the meeting is the nearest one in the sentence
  (the sentence's subject after ``فيها``); observers (``بصفة مراقب``) are not counted. The actors
  listed after a participation word (``يمثلون 43 دولة، هي: …``, ``وهي الكويت والسعودية …``,
  ``إلى جانب وفود من …``) each take part (rule ``event.participant-list``).

It does not find the meetings (``written_meetings.py`` and the report rules do).
"""
from __future__ import annotations


from ..recognise.findings import Entity, Fact, Mention, Value
from ..text.tokens import Tokens
from .event_common import Ref
from . import role_antecedent
from .meeting_setting import mention_at, partners
from .event_status import PLANNED, negated, offered
from ..text.word_classes import load
from .minting import person
from .patterns import matches
from .rules import REGISTRY, Rule, pattern_rules, register
from ..values import parse_int


def count_of(token: str) -> int:
    """A count as a writer prints it, read by the number grammar (``graph_builder.values``): ``1.500``,
    ``1,500`` and ``1.500.000`` are whole numbers with thousands groups, ``١٥٠`` is 150; a decimal such as
    ``2.5`` keeps its whole part."""
    value = parse_int(token)
    return value if value is not None else int(token.replace(",", "").split(".")[0])


register(Rule("event.host-written", ("hostedBy", "plannedHost"), 0.85,
              ("host_verb", "planned_marker", "negation", "entity:state", "entity:org"),
              "HOST_VERB + state/organisation: it hosts the meeting that is the verb's object or that the "
              "relative clause hangs from; future or planned → plannedHost", "events"))
register(Rule("event.host-city", ("location", "hostedBy"), 0.7, ("host_verb", "entity:place"),
              "HOST_VERB + city: the meeting's location, and the city's state its host", "events"))
register(Rule("event.host-offer", ("hostOfferedBy",), 0.8, ("offer_marker", "host_verb", "entity:state", "entity:org"),
              "an offer or readiness to host (عرضت استضافة، أبدت استعدادها لاستضافة): the actor offered, it is not the host",
              "events"))
register(Rule("event.chair-written", ("chairedBy", "coChairedBy"), 0.8,
              ("chair_verb", "delegation_noun", "entity:person", "entity:state", "entity:org"),
              "CHAIR_VERB + person/state/organisation: chairs (co forms: co-chair) the nearest meeting; not after a delegation noun",
              "events"))

SHARE_WINDOW = 16            # tokens from a participation verb to في + the host noun it shares (subjects between)
HOST_WINDOW = 4              # tokens after a host word where its actor may start (حكومة، دولة … aside)
OBJECT_WINDOW = 8            # tokens after the host where the hosted meeting may start
CHAIR_WINDOW = 9
_HOSTED_NON_MEETINGS = ("org", "process", "body", "initiative", "commitment")
_ACTOR_KINDS = ("state", "org")


def _first_mention(toks: Tokens, i: int, hi: int, kinds, window: int, stop_at_comma: bool = True):
    """The first mention of ``kinds`` starting within ``window`` tokens from ``i`` (before a comma)."""
    for k in range(i, min(hi, i + window)):
        if stop_at_comma and toks.tokens[k].norm in (",", ";", ".", ":"):
            return None, k
        for m in toks.tokens[k].ents:
            if toks.index_at(m.start) == k and m.entity.kind in kinds:
                return m, k
    return None, None


def _ref_tok(toks: Tokens, ref: Ref) -> int:
    return toks.index_at(ref.start)


def _nearest(toks: Tokens, refs: list[Ref], k: int) -> Ref:
    return min(refs, key=lambda r: abs(_ref_tok(toks, r) - k))


def _status(ref: Ref) -> str:
    return getattr(ref, "status", "held")


def hosts(ctx, src, toks: Tokens, refs: list[Ref], s: int, e: int):
    lex = load()
    lo, hi = toks.token_range(s, e)
    for vm in lex.find(toks, "host_verb", lo, hi):
        if vm.feature("weak") or negated(toks, vm.i):
            continue
        actor, k = _first_mention(toks, vm.j, hi, _ACTOR_KINDS + ("place",), HOST_WINDOW)
        if actor is None:
            actor = _subject_before(toks, lo, vm.i)       # المكسيك أنها ستستضيف …، المغرب يستضيف …
        if actor is None and vm.feature("tense") == "participle":
            actor = _in_capacity(toks, lo, vm.i)         # … أستراليا (NAME)، باعتبارها الدولة المضيفة للمؤتمر
        if actor is None:
            actor = _this_city(ctx, src, toks, lo, vm.i)  # بهذه المدينة التي احتضنت أول مؤتمر …: the city named before
        if actor is None:
            continue
        # the hosted meeting is the verb's object: after the host when the host follows the verb, else
        # right after the verb (اليونان التي استضافت الاجتماع الثالث …)
        after = toks.index_at(actor.end) if actor.start > toks.tokens[vm.i].start else vm.j
        if actor.entity.kind == "place" and after > vm.j:
            after = _past_state_apposition(toks, after, hi)     # احتضنت دكا، بنغلاديش، الاجتماع التاسع
        between = [r for r in refs if vm.j <= _ref_tok(toks, r) < toks.index_at(actor.start)]
        ref = between[0] if between else _hosted(toks, refs, vm, after, hi)     # وستستضيف الاجتماع حكومة الفلبين
        if ref is None:
            continue
        if offered(toks, vm.i):
            offerer, _k = _first_mention(toks, max(lo, vm.i - 6), vm.i, _ACTOR_KINDS, 6, stop_at_comma=False)
            who = offerer or actor
            if who.entity.kind in _ACTOR_KINDS:
                yield Fact(ref.event, "hostOfferedBy", who.entity, src, "event.host-offer",
                           REGISTRY.confidence("event.host-offer"))
            continue
        planned = vm.future or _status(ref) == PLANNED
        if actor.entity.kind == "place":
            if not planned:
                yield Fact(ref.event, "location", actor.entity, src, "event.host-city", REGISTRY.confidence("event.host-city"))
            state = _state_of(ctx, actor.entity) if actor.rule != THIS_CITY_RULE else None   # هذه المدينة: a place only
            if state is not None:
                yield Fact(ref.event, "plannedHost" if planned else "hostedBy", state, src, "event.host-city",
                           REGISTRY.confidence("event.host-city"))
            continue
        shared = _sharing_hosts(toks, lo, vm.i)
        for host in ([actor] + _joined(toks, actor, hi) if not shared else shared):
            yield Fact(ref.event, "plannedHost" if planned else "hostedBy", host.entity, src, "event.host-written",
                       REGISTRY.confidence("event.host-written"))


def _shares_hosting(toks: Tokens, j: int, hi: int) -> bool:
    """The participation verb ending before token ``j`` governs ``في`` + a host noun in its clause (``تشارك X مع Y في
    استضافة``): it says who hosts together, not who takes part."""
    lex = load()
    for k in range(j, min(hi, j + SHARE_WINDOW)):
        if toks.tokens[k].norm in (".", ";", ",", "الذي", "التي"):
            return False
        if toks.tokens[k].norm == "في" and k + 1 < hi and (vm := lex.is_a(toks, k + 1, "host_verb")) is not None \
                and not vm.reading.enc:
            return True
    return False


def _sharing_hosts(toks: Tokens, lo: int, i: int) -> list:
    """The actors who take part together in hosting, written between a participation verb and ``في`` + the host noun
    at ``i`` (``تشارك منظمة العمل الدولية مع المفوضية في استضافة …``، ``شاركت مصر والمغرب في تنظيم …``): all co-hosts,
    not participants. Empty when the host noun does not follow such a verb in the clause."""
    if i - 1 < lo or toks.tokens[i - 1].norm != "في":
        return []
    lex = load()
    for k in range(i - 2, lo - 1, -1):
        if toks.tokens[k].norm in (".", ";", ",", "الذي", "التي"):
            return []
        vm = lex.is_a(toks, k, "participate_verb")
        if vm is not None and not vm.reading.enc:
            return partners(toks, toks.tokens[vm.j - 1].end, toks.tokens[i - 1].start, _ACTOR_KINDS)
    return []


def _joined(toks: Tokens, m, hi: int) -> list:
    """Actors of ``m``'s kind joined to it by و (``تستضيفه إندونيسيا وأستراليا``, ``المغرب، وألمانيا``): co-hosts."""
    out = []
    while True:
        k = toks.index_at(m.end - 1) + 1
        if k < hi and toks.tokens[k].norm == ",":
            k += 1
        if k >= hi:
            return out
        t = toks.tokens[k]
        nxt = None
        if t.norm == "و":
            nxt = mention_at(toks, k + 1, (m.entity.kind,))
        elif t.norm.startswith("و"):
            nxt = next((x for x in t.ents if x.entity.kind == m.entity.kind and x.start == t.start + 1
                        and toks.index_at(x.start) == k), None)
        if nxt is None or nxt.entity == m.entity:
            return out
        out.append(nxt)
        m = nxt


def _past_state_apposition(toks: Tokens, k: int, hi: int) -> int:
    """The token after ``، STATE،`` set off after a city at ``k`` (دكا، بنغلاديش، …), else ``k``."""
    if k >= hi or toks.tokens[k].norm != ",":
        return k
    for m in (toks.tokens[k + 1].ents if k + 1 < hi else ()):
        if m.entity.kind == "state" and toks.index_at(m.start) == k + 1:
            j = toks.index_at(m.end - 1) + 1
            if j < hi and toks.tokens[j].norm == ",":
                return j + 1
    return k


def _hosted(toks: Tokens, refs: list[Ref], vm, after: int, hi: int) -> Ref | None:
    """The meeting a host word is about: its object after the host, or the meeting the relative clause
    (or a verbal noun like بضيافة) hangs from; None when the object is an organisation or a process."""
    for k in range(after, min(hi, after + OBJECT_WINDOW)):
        for r in refs:
            if _ref_tok(toks, r) == k:
                return r
        if toks.tokens[k].norm in (",", ";", ".", "الذي", "التي"):
            break                # the object comes before a comma or a relative clause about the host
        if any(toks.index_at(m.start) == k and m.entity.kind in _HOSTED_NON_MEETINGS for m in toks.tokens[k].ents):
            return None          # يستضيف البنك الدولي الشراكة: an organisation hosts an organisation
    before = [r for r in refs if _ref_tok(toks, r) < vm.i]
    if before and (vm.reading.enc or vm.feature("tense") in ("noun", "participle") or _relative_before(toks, vm.i)):
        lex = load()
        last = toks.index_at(before[-1].end)
        if any((x := lex.is_a(toks, k, "meeting_noun")) is not None and not x.feature("plural") for k in range(last, vm.i)):
            return None          # ورشة عمل … احتضنتها الرباط: the pronoun takes up the nearer noun, not the meeting
        return before[-1]
    return None


def _subject_before(toks: Tokens, lo: int, i: int):
    """The state or organisation written before a verb as its subject: right before it, or before
    a pronoun that takes it up (``أعلنت المكسيك أنها ستستضيف``)."""
    k = i - 1
    if k >= lo and toks.tokens[k].norm in _PRONOUN_SUBJECTS:
        k -= 1
    for kk in range(k, max(lo, k - 3) - 1, -1):
        t = toks.tokens[kk]
        if t.kind == "punct":
            return None
        m = _actor_ending(toks, kk)
        if m is not None:
            return m
    return None


def _actor_ending(toks: Tokens, k: int):
    """The state or organisation mention that ends in token ``k``, else None."""
    return next((m for m in toks.tokens[k].ents if m.entity.kind in _ACTOR_KINDS and toks.index_at(m.end - 1) == k),
                None)


THIS_CITY_RULE = "text-this-city"      # the mention a demonstrative city is read as (hosts a place, names no host)
_THIS_CITY = frozenset({"هذه", "بهذه", "وبهذه", "وهذه", "فهذه", "لهذه"})


def _this_city(ctx, src, toks: Tokens, lo: int, i: int):
    """``بهذه المدينة التي احتضنت …``, ``هذه المدينة احتضنت …``: a demonstrative city that is the subject of a
    hosting verb is the last city the document named before it (in this paragraph, else the ones before); a
    mention of that city set on the words ``هذه المدينة``. None when no such phrase stands before the verb."""
    k = i - 1
    if k >= lo and toks.tokens[k].norm in ("التي", "والتي"):
        k -= 1
    if k - 1 < lo or not _site_city(toks, k) or toks.tokens[k - 1].norm not in _THIS_CITY:
        return None
    start = toks.tokens[k - 1].start
    city = next((m.entity for m in reversed(toks.mentions) if m.entity.kind == "place" and m.end <= start), None)
    if city is None:
        paras = list(ctx.document.paragraphs)
        at = next((x for x, p in enumerate(paras) if p is src), None)
        for p in reversed(paras[:at] if at is not None else []):
            city = next((m.entity for m in reversed(ctx.tokens(p).mentions) if m.entity.kind == "place"), None)
            if city is not None:
                break
    if city is None:
        return None
    return Mention(city, src, start, toks.tokens[k].end, toks.text[start:toks.tokens[k].end], THIS_CITY_RULE)


def _site_city(toks: Tokens, k: int) -> bool:
    return any(r.stem in ("المدينه", "مدينه") for r in toks.tokens[k].readings())


_CAPACITY = frozenset({"باعتبارها", "باعتباره", "بصفتها", "بصفته", "بوصفها", "بوصفه", "كونها", "كونه"})
CAPACITY_REACH = 8           # tokens back from باعتبارها to the state it takes up (a name in brackets between)


def _in_capacity(toks: Tokens, lo: int, i: int):
    """The state or organisation a ``باعتبارها/بصفتها/بوصفها`` before a host participle takes up: the nearest one
    written before it, over a comma and a name in brackets (``وزيرة خارجية أستراليا (بيني وونغ)، باعتبارها الدولة
    المضيفة``). None when the word before the participle is not one of these."""
    k = i - 1
    if k < lo or toks.tokens[k].norm not in _CAPACITY:
        return None
    depth = 0
    for kk in range(k - 1, max(lo, k - CAPACITY_REACH) - 1, -1):
        t = toks.tokens[kk]
        if t.norm == ")":
            depth += 1
            continue
        if t.norm == "(":
            depth = max(0, depth - 1)
            continue
        if depth or t.norm == ",":
            continue
        if t.kind == "punct":
            return None
        m = _actor_ending(toks, kk)
        if m is not None:
            return m
    return None


_PRONOUN_SUBJECTS = frozenset({"انها", "انه", "بانها", "بانه", "وانها", "وانه"})


def _relative_before(toks: Tokens, i: int) -> bool:
    return any(toks.tokens[k].norm in ("الذي", "التي") for k in range(max(0, i - 2), i))


def _state_of(ctx, place: Entity) -> Entity | None:
    for prop, kind, slug in place.links:
        if prop == "inState" and kind == "state" and ctx.gazetteer is not None:
            try:
                return ctx.gazetteer.get("state", slug)
            except KeyError:
                return None
    return None


def chairs(ctx, src, toks: Tokens, refs: list[Ref], s: int, e: int):
    lex = load()
    lo, hi = toks.token_range(s, e)
    conf = REGISTRY.confidence("event.chair-written")
    for vm in lex.find(toks, "chair_verb", lo, hi):
        if negated(toks, vm.i):
            continue
        if _heads_delegation(toks, refs, vm, lo):
            # بوفد ترأسه الوزير X / بوفد برئاسة X: X heads the delegation, takes part, chairs nothing
            yield from _delegation_head(toks, src, refs, vm, vm.j, hi)
            continue
        if vm.j < hi and lex.is_a(toks, vm.j, "delegation_noun") is not None:
            # يترأس وفد المملكة: heads its state's delegation (the state takes part), chairs nothing
            yield from _delegation_of(toks, src, refs, vm, hi)
            yield from _delegation_head(toks, src, refs, vm, lex.is_a(toks, vm.j, "delegation_noun").j, hi)
            continue
        d_at = _delegation_after_subject(toks, refs, vm, hi)
        if d_at is not None:
            # ترأس ROLE، NAME، وفد ليبيا المشارك في الاجتماع: the subject heads the delegation, chairs nothing
            yield from _delegation_of(toks, src, refs, vm, hi, d_at)
            head, _k = _first_mention(toks, vm.j, d_at, ("person",), d_at - vm.j, stop_at_comma=False)
            if head is not None and not vm.future and _status(_nearest(toks, refs, vm.i)) != PLANNED:
                yield Fact(_full_person(toks, head, d_at), "participatesIn", _nearest(toks, refs, vm.i).event, src,
                           "event.delegation", REGISTRY.confidence("event.delegation"))
            continue
        co = bool(vm.feature("co"))
        if vm.feature("object") == "chaired":
            yield from _chairmanship(toks, src, refs, vm, lo, hi)
            continue
        start, adverb = _co_adverb(toks, _skip_objects(toks, vm.j, hi), hi)
        start = _past_meeting_object(toks, refs, start, hi)     # ترأس المؤتمر الوزاري السابع لعملية بالي ROLE NAME
        start, adverb_after = _co_adverb(toks, start, hi)       # ترأس المائدة ١-١ بصورة مشتركة ممثلا X وY
        co = co or adverb or adverb_after
        if not co and start < hi and lex.is_a(toks, start, "dual_chair") is not None:
            co = True                    # وترأس الاجتماع وزيرتا خارجية إندونيسيا (…) وأستراليا (…): two co-chairs
        role_first = lex.is_a(toks, start, "role") is not None if start < hi else False
        kinds = ("person",) if role_first else ("person", "state", "org")
        found, _last_end = [], None
        if co:
            found, _last_end = _co_chairs(toks, refs, start, hi)
        else:
            m, at = _first_mention(toks, start, hi, kinds, CHAIR_WINDOW)
            if m is None and role_first and at is not None:
                m, at = _appositive_person(toks, at, hi)     # برئاسة رئيس المجلس الأوروبي، دونالد توسك
            if start < hi and _plain_word(toks, start) and _name_ahead(toks, start, hi):
                m = None                 # ترأس جلساتها محمد شهيد الحق سكرتير الخارجية البنغلاديشي: the name comes first
            while m is not None and any(_ref_tok(toks, r) <= at < toks.index_at(r.end) for r in refs):
                m, at = _first_mention(toks, toks.index_at(m.end), hi, kinds, CHAIR_WINDOW)
            if m is not None:
                found, _last_end = [_full_person(toks, m, hi)], m.end
                more = _state_chain(toks, m, hi) or [x for x in [_second_person(toks, m, hi)] if x is not None]
                if more:                 # تحت الرئاسة المغربية الألمانية / برئاسة المغرب وألمانيا: two co-chairs
                    found, _last_end, co = found + [x.entity for x in more], more[-1].end, True
        if found and _last_end is not None:
            partner = _co_chair_partner(toks, toks.index_at(_last_end - 1) + 1, hi)
            if partner is not None:      # برئاسة X بالشراكة مع Y: X and Y co-chair
                found, _last_end, co = found + [partner.entity], partner.end, True
        nominal = vm.feature("tense") == "noun" and not vm.entry.written.startswith(("ب", "تحت"))
        if not found and not nominal:
            name = _name_tail(toks, start, hi) if role_first else _name_ahead(toks, start, hi)
            if name:
                found.append(person(name))
        if not found and role_first:
            ante = role_antecedent.earlier_person(ctx, src, toks, start, hi)   # برئاسة وزير الخارجية: named before
            if ante is not None:
                found = [ante]
        if not found and not nominal and vm.reading.pro.startswith("و"):
            shared = _coordinated_subject(toks, lo, vm.i)   # استضافت الإمارات اللقاء … وترأست أعماله
            if shared is not None:
                found = [shared]
        if not found:
            continue
        if _last_end is not None and _chair_of_other(toks, refs, toks.index_at(_last_end - 1) + 1, hi):
            continue                     # هذا الحدث الذي ترأسه مصر للاتحاد الأفريقي: Egypt chairs the Union
        proc = _chaired_process(toks, refs, vm, lo)
        if proc is _UNKNOWN_PROCESS:
            continue                     # المسار تترأسه تركيا, the process not named in a way we know
        if proc is not None:
            continue                     # المسار تترأسه تركيا: the process's chair (process_chairs.py), no meeting's
        after_actor = toks.index_at(m_end) if (m_end := _last_end) is not None else None
        if nominal:
            # رئاسة الإكوادور للمنتدى لعام 2019: the chairmanship names its meeting right after the actor;
            # otherwise (رئاسة الفلبين للمنتدى، تسليم رئاسة المنتدى إلى …) it is the process's, not a meeting's
            direct = [r for r in refs if after_actor is not None and _ref_tok(toks, r) in (after_actor, after_actor + 1)]
            if not direct:
                continue
            target = direct[0]
        elif any(_ref_tok(toks, r) == vm.j or _ref_tok(toks, r) == vm.j + 1 for r in refs):
            target = next(r for r in refs if _ref_tok(toks, r) in (vm.j, vm.j + 1))
        else:
            before = [r for r in refs if _ref_tok(toks, r) < vm.i]
            target = before[-1] if before else _nearest(toks, refs, vm.i)
        if _status(target) == PLANNED or vm.future or _session_between(toks, target, vm.i):
            continue                     # وأفرد جلسة لـ…، ترأستها السنغال: the session's chair (session_chairs.py)
        for ent in found:
            yield Fact(target.event, "coChairedBy" if co else "chairedBy", ent, src, "event.chair-written", conf)


def _chair_of_other(toks: Tokens, refs: list[Ref], k: int, hi: int) -> bool:
    """The chair is followed by ل + an organisation, body or process that no meeting reference covers
    (``ترأسه مصر للاتحاد الأفريقي``, ``برئاسة المغرب للمنتدى``): the chairmanship is of that, not of a meeting."""
    if k >= hi or not toks.tokens[k].norm.startswith("ل"):
        return False
    if any(_ref_tok(toks, r) <= k < max(_ref_tok(toks, r) + 1, toks.index_at(r.end - 1) + 1) for r in refs):
        return False
    return any(toks.index_at(x.start) == k and x.entity.kind in ("org", "process", "body")
               for x in toks.tokens[k].ents)


APPOSITION_TITLES = 2        # titles between the comma after a role and the name it introduces (السيد، الدكتور)


def _appositive_person(toks: Tokens, k: int, hi: int):
    """The person named right after the comma at ``k`` that closes a role (``برئاسة وزير الخارجية المغربي، ناصر
    بوريطة``; past a title: ``، السيد NAME``): (mention, token), else (None, None). Anything else after the comma
    (``، بحضور …``, ``، وشارك فيه …``) is not the role's person."""
    if k >= hi or toks.tokens[k].norm not in (",", "،"):
        return None, None
    lex = load()
    n = k + 1
    while n < hi and n <= k + APPOSITION_TITLES and lex.is_a(toks, n, "title") is not None:
        n = lex.is_a(toks, n, "title").j
    for x in toks.tokens[n].ents if n < hi else ():
        if x.entity.kind == "person" and toks.index_at(x.start) == n:
            return x, n
    return None, None


def _second_state(toks: Tokens, m, hi: int):
    """A second state named right after the state mention ``m`` (asyndetic adjectives المغربية الألمانية,
    or joined by و), else None."""
    if m.entity.kind != "state":
        return None
    k = toks.index_at(m.end - 1) + 1
    if k < hi and toks.tokens[k].norm == "و":
        k += 1
    if k >= hi:
        return None
    nxt = next((x for x in toks.tokens[k].ents if x.entity.kind == "state" and toks.index_at(x.start) == k), None)
    return nxt if nxt is not None and nxt.entity != m.entity else None


ADVERBIAL_REACH = 6          # tokens of a time or place set off by commas between a chair and مناصفة مع


def _co_chair_partner(toks: Tokens, k: int, hi: int):
    """The actor after a co-chair marker right after a chair's name (``، بالشراكة مع ROLE NAME``), or after a
    time or place set off by commas (``ترأس NAME، اليوم بفاليتا، مناصفة مع نظيره المالطي NAME``), else None.
    A counterpart word and its nationality adjective lead to the person named after them."""
    if k < hi and toks.tokens[k].norm == ",":
        k += 1
    lex = load()
    cm = lex.is_a(toks, k, "co_chair_marker") if k < hi else None
    if cm is None:
        cm = _marker_past_adverbial(toks, k, hi)
    if cm is None or cm.reading.pro.startswith("و"):
        return None              # ، وبالشراكة مع …: a new clause, not a second chair
    j = cm.j
    counterpart = j < hi and lex.is_a(toks, j, "counterpart") is not None
    if counterpart:
        j = lex.is_a(toks, j, "counterpart").j
    kinds = ("person",) if j < hi and lex.is_a(toks, j, "role") is not None else ("person", "state", "org")
    m, at = _first_mention(toks, j, hi, kinds, CHAIR_WINDOW)
    if m is not None and m.entity.kind == "state" and counterpart:
        n = toks.index_at(m.end - 1) + 1     # نظيره المالطي NAME: the person after the adjective
        nxt = next((x for x in toks.tokens[n].ents if x.entity.kind == "person" and toks.index_at(x.start) == n), None) \
            if n < hi else None
        if nxt is not None:
            return nxt
    return m


def _marker_past_adverbial(toks: Tokens, k: int, hi: int):
    """A co-chair marker after a comma within ``ADVERBIAL_REACH`` tokens of ``k``, with only time words, places
    and commas between (no other actor, no clause): else None."""
    lex = load()
    for n in range(k + 1, min(hi, k + ADVERBIAL_REACH)):
        t = toks.tokens[n]
        if t.norm in (".", ";", ":") or any(x.entity.kind in ("person", "state", "org") for x in t.ents):
            return None
        if toks.tokens[n - 1].norm == ",":
            cm = lex.is_a(toks, n, "co_chair_marker")
            if cm is not None:
                return cm
    return None


def _state_chain(toks: Tokens, m, hi: int) -> list:
    """The states named one after another after the state mention ``m`` (المغربية الألمانية، كولومبيا وفرنسا
    واليابان والأردن): every further state of the chain, [] when none follows."""
    out, seen = [], {m.entity}
    nxt = _second_state(toks, m, hi)
    while nxt is not None and nxt.entity not in seen:
        out.append(nxt)
        seen.add(nxt.entity)
        nxt = _second_state(toks, nxt, hi)
    return out


def _past_meeting_object(toks: Tokens, refs: list[Ref], j: int, hi: int) -> int:
    """The first token after the meeting the chair verb takes as its object, when the verb's object
    is a meeting named in full (``ترأس المؤتمر الوزاري السابع لعملية بالي …``) or taken up by a demonstrative
    (``ويرأس هذا اللقاء ROLE NAME``), else ``j``."""
    k = j + 1 if j + 1 < hi and toks.tokens[j].norm in _DEMONSTRATIVES else j
    for r in refs:
        if _ref_tok(toks, r) == k and toks.index_at(r.end - 1) + 1 < hi:
            return toks.index_at(r.end - 1) + 1
    return j


_SECOND_CHAIR_WINDOW = 8


def _second_person(toks: Tokens, m, hi: int):
    """A second person joined to the person chair ``m`` by و and a role of its own (``ريتنو مارسودي
    ووزيرة الخارجية الأسترالية جولي بيشوب``), before any punctuation, else None: the two co-chair."""
    if m.entity.kind != "person":
        return None
    k = toks.index_at(m.end - 1) + 1
    while k < hi and toks.tokens[k].norm in (")", "،", ","):
        k += 1                         # وزيرتي خارجية إندونيسيا (NAME)، ووزيرة خارجية أستراليا (NAME2)
    if k >= hi or not toks.tokens[k].norm.startswith("و") or load().is_a(toks, k, "role") is None:
        return None
    for n in range(k, min(hi, k + _SECOND_CHAIR_WINDOW)):
        if toks.tokens[n].kind == "punct" and toks.tokens[n].norm != "(":
            return None
        nxt = next((x for x in toks.tokens[n].ents if x.entity.kind == "person" and toks.index_at(x.start) == n), None)
        if nxt is not None:
            return nxt if nxt.entity != m.entity else None
    return None


def _coordinated_subject(toks: Tokens, lo: int, i: int):
    """The state or organisation that is the subject of the hosting or holding verb a chair verb joined by و
    continues (``استضافت دولة الإمارات اللقاء الأول … وترأست أعماله``)."""
    lex = load()
    for vm in reversed(lex.find(toks, ("host_verb", "held_verb"), lo, i)):
        if vm.future or vm.feature("tense") not in ("past", "present") or negated(toks, vm.i):
            return None
        m, _k = _first_mention(toks, vm.j, i, _ACTOR_KINDS, HOST_WINDOW)
        return m.entity if m is not None else None
    return None


def _session_between(toks: Tokens, ref: Ref, i: int) -> bool:
    """A session noun (one session, not جلسات) between the meeting ``ref`` and the chair word at ``i``."""
    lex = load()
    a = toks.index_at(ref.end - 1) + 1 if ref.end > ref.start else _ref_tok(toks, ref)
    return any((x := lex.is_a(toks, k, "session_noun")) is not None and not x.feature("plural")
               for k in range(a, i))


def _full_person(toks: Tokens, m, hi: int) -> Entity:
    """A person mention cut short before the rest of the name (``إيفا`` of ``السفيرة إيفا أكرمان بورييه``,
    ``ريتنو ل`` of ``ريتنو ل. ب. مرصودي``): the name runs on over plain words and initials."""
    if m.entity.kind != "person":
        return m.entity
    k = toks.index_at(m.end)
    j = k
    while j < hi and j - k < 6:
        t = toks.tokens[j]
        if t.norm == "." and j > 0 and len(toks.tokens[j - 1].norm) == 1 and toks.tokens[j - 1].kind == "word":
            j += 1                       # the dot of an initial: ل. ب.
            continue
        if t.kind == "word" and len(t.norm) == 1 and j + 1 < hi and toks.tokens[j + 1].norm == ".":
            j += 1                       # an initial
            continue
        if not _plain_word(toks, j) or t.ents:
            break
        if t.norm.startswith("ال"):
            # a family name with the article closes the name (علي بن ناصر الغفيص، الذي …)
            if j + 1 >= hi or toks.tokens[j + 1].kind == "punct" or toks.tokens[j + 1].norm in ("الذي", "التي"):
                j += 1
            break
        j += 1
    while j > k and toks.tokens[j - 1].norm == "." and not (j - 2 >= 0 and len(toks.tokens[j - 2].norm) == 1):
        j -= 1
    if j == k:
        return m.entity
    return person(toks.text[m.start:toks.tokens[j - 1].end])


def _chaired_process(toks: Tokens, refs: list[Ref], vm, lo: int):
    """The process a chair verb is about when the process (or a noun standing for it: المسار، العملية)
    is its subject right before it, or its object right after it."""
    lex = load()
    for k in (vm.i - 1, vm.i - 2):
        if k < lo or any(_ref_tok(toks, r) <= k < toks.index_at(r.end) for r in refs):
            break                        # أعمال المنتدى الذي ترأست جلساته …: the forum's meeting, named as a meeting
        if k == vm.i - 2 and toks.tokens[vm.i - 1].norm not in ("الذي", "التي"):
            break
        for m in toks.tokens[k].ents:
            if m.entity.kind == "process":
                return m.entity
        if lex.is_a(toks, k, "process_noun"):
            procs = [x.entity for x in toks.mentions if x.entity.kind == "process" and x.end <= toks.tokens[k].start]
            return procs[-1] if procs else _UNKNOWN_PROCESS
    return None


_UNKNOWN_PROCESS = Entity("process", "", "Process")     # a process noun whose process the text does not name


# Words a chair verb may take as its object before the chair's name (ترأس جلساتها …، تترأس أعماله …).
_OBJECT_WORDS = frozenset({"اعمال", "جلسات", "اشغال", "فعاليات", "الاجتماع", "الجلسه", "الجلسات", "المنتدي", "القمه",
                           "المؤتمر", "جلسه", "اجتماع"})


CO_CHAIR_WINDOW = 40


def _chairmanship(toks: Tokens, src, refs: list[Ref], vm, lo: int, hi: int):
    """``X (التي) تتولى رئاسة MEETING``: X chairs the meeting named right after the verb; when what follows
    is an organisation, a body or a process (تتولى رئاسة مجلس الاتحاد الأوروبي) it is no meeting's chair."""
    target = next((r for r in refs if _ref_tok(toks, r) in (vm.j, vm.j + 1)), None)
    if target is None or _status(target) == PLANNED or vm.future:
        return
    k = vm.i - 1
    if k >= lo and toks.tokens[k].norm in ("الذي", "التي"):
        k -= 1
    actor = next((m for m in toks.tokens[k].ents if m.entity.kind in _ACTOR_KINDS), None) if k >= lo else None
    if actor is not None:
        yield Fact(target.event, "chairedBy", actor.entity, src, "event.chair-written",
                   REGISTRY.confidence("event.chair-written"))


def _co_chairs(toks: Tokens, refs: list[Ref], start: int, hi: int):
    """The co-chairs after a co-chair phrase: the persons named in the rest of the clause (each with its
    role set off by commas), else the states/organisations joined by و (``للمغرب وألمانيا``)."""
    lex = load()
    persons, actors, last_end = [], [], None
    for k in range(start, min(hi, start + CO_CHAIR_WINDOW)):
        if k > start and (lex.is_a(toks, k, "held_verb") or lex.is_a(toks, k, "host_verb")):
            break
        for m in toks.tokens[k].ents:
            if toks.index_at(m.start) != k or any(_ref_tok(toks, r) <= k < toks.index_at(r.end) for r in refs):
                continue
            if m.entity.kind == "person" and m.entity not in persons:
                persons.append(_full_person(toks, m, hi))
                last_end = m.end
            elif m.entity.kind in _ACTOR_KINDS and not persons and m.entity not in actors:
                joined = not actors or toks.tokens[k].norm.startswith("و") or toks.tokens[k - 1].norm.startswith("و")
                if joined and (not actors or k - toks.index_at(last_end) <= 2):
                    actors.append(m.entity)
                    last_end = m.end
    return (persons, last_end) if persons else (actors, last_end)


def _delegation_head(toks: Tokens, src, refs: list[Ref], vm, start: int, hi: int):
    """The person who heads a delegation takes part in the nearest held meeting of the sentence: the
    person named after the chair word (بوفد ترأسه وزير العمل X، ترأس الوفد البحريني، الوزير X), or the one
    the relative pronoun before it takes up (الدكتور X، الذي يترأس وفد المملكة)."""
    if vm.future or not refs:
        return
    ref = _nearest(toks, refs, vm.i)
    if _status(ref) == PLANNED or _unnamed_meeting_between(toks, refs, ref, vm.i):
        return
    who = None
    k = vm.i - 1
    if k >= 0 and toks.tokens[k].norm in ("الذي", "التي"):
        k -= 1
        if k >= 0 and toks.tokens[k].norm == ",":
            k -= 1
        who = next((m for m in toks.tokens[k].ents if m.entity.kind == "person"), None) if k >= 0 else None
        ent = who.entity if who is not None else None
    else:
        j = start
        while j < hi and toks.tokens[j].kind == "word" and not toks.tokens[j].ents and \
                load().is_a(toks, j, "role") is None and load().is_a(toks, j, "title") is None and j - start < 3:
            j += 1               # الوفد البحريني، …: the delegation's adjective
        if j < hi and toks.tokens[j].norm == ",":
            j += 1
        m, _at = _first_mention(toks, j, hi, ("person",), CHAIR_WINDOW)
        ent = _full_person(toks, m, hi) if m is not None else None
        if ent is None and j < hi and load().is_a(toks, j, "role") is not None:
            name = _name_tail(toks, j, hi)
            ent = person(name) if name else None
    if ent is not None:
        yield Fact(ent, "participatesIn", ref.event, src, "event.delegation",
                   REGISTRY.confidence("event.delegation"))


def _unnamed_meeting_between(toks: Tokens, refs: list[Ref], ref: Ref, i: int) -> bool:
    """A meeting noun no rule named, between the meeting ``ref`` and token ``i`` (وسبق هذا الاجتماع عقد
    اجتماع لكبار المسؤولين، ترأس وفد المملكة …): the words at ``i`` are about that other meeting."""
    lex = load()
    a = toks.index_at(ref.end - 1) + 1 if ref.end > ref.start else _ref_tok(toks, ref)
    for k in range(min(a, i), max(a, i)):
        if any(_ref_tok(toks, r) <= k < toks.index_at(r.end - 1) + 1 for r in refs):
            continue
        mn = lex.is_a(toks, k, "meeting_noun")
        if mn is not None and not mn.feature("plural"):
            return True
    return False


SUBJECT_REACH = 20           # tokens of a chair verb's subject (its role and name) before the delegation it heads


def _delegation_after_subject(toks: Tokens, refs: list[Ref], vm, hi: int) -> int | None:
    """The delegation noun a chair verb takes as its object after its subject, set off by a comma or closing a
    person's name (``ترأس وزير العمل، علي العابد، وفد ليبيا``), before any meeting the sentence names; else None."""
    lex = load()
    if vm.feature("tense") == "noun":
        return None
    for k in range(vm.j + 1, min(hi, vm.j + SUBJECT_REACH)):
        if toks.tokens[k].norm in (".", ";", ":") or any(_ref_tok(toks, r) == k for r in refs):
            return None
        if lex.is_a(toks, k, "delegation_noun") is not None and (
                toks.tokens[k - 1].norm == "," or any(x.entity.kind == "person" for x in toks.tokens[k - 1].ents)):
            return k
    return None


def _delegation_of(toks: Tokens, src, refs: list[Ref], vm, hi: int, at: int | None = None):
    """``ترأس وفد STATE``: the state whose delegation the chair word heads takes part in the nearest
    held meeting of the sentence (rule ``event.delegation``); ``at``: the delegation noun, when not
    right after the chair word."""
    if vm.future or not refs:
        return
    d = load().is_a(toks, vm.j if at is None else at, "delegation_noun")
    state, _k = _first_mention(toks, d.j, hi, ("state",), 2)
    if state is None:
        return
    ref = _nearest(toks, refs, vm.i)
    if _status(ref) == PLANNED or _unnamed_meeting_between(toks, refs, ref, vm.i):
        return
    yield Fact(state.entity, "participatesIn", ref.event, src, "event.delegation",
               REGISTRY.confidence("event.delegation"))


register(Rule("event.delegation", ("participatesIn",), 0.75,
              ("chair_verb", "delegation_noun", "role", "title", "entity:state", "entity:person"),
              "CHAIR_VERB + delegation noun + state (يترأس وفد المملكة): the state takes part in the meeting of the "
              "sentence, and so does the person heading the delegation (بوفد ترأسه …); he chairs nothing", "events"))


def _heads_delegation(toks: Tokens, refs: list[Ref], vm, lo: int) -> bool:
    """``بوفد ترأسه …``, ``بوفد من وزارة الخارجية ترأسه …``: the chair word is about a delegation (the
    nearest noun its pronoun can take up, with no meeting named in between)."""
    lex = load()
    reach = 8 if vm.reading.enc else 4 if vm.feature("tense") == "noun" else 2   # وفد رفيع المستوى برئاسة …
    for k in range(vm.i - 1, max(lo, vm.i - reach) - 1, -1):
        if any(_ref_tok(toks, r) == k for r in refs):
            return False
        if not vm.reading.enc and (toks.tokens[k].kind == "punct" or toks.tokens[k].ents):
            return False         # برئاسة after a comma or a name: not the delegation's head
        if lex.is_a(toks, k, "delegation_noun"):
            return True
    return False


def _co_adverb(toks: Tokens, j: int, hi: int) -> tuple[int, bool]:
    """(token after it, True) when a co-chair adverb (class ``co_chair_adverb``: بصورة مشتركة) stands at token ``j``,
    else (j, False): the adverb makes the chair verb a co-chair verb and is no chair's name."""
    am = load().is_a(toks, j, "co_chair_adverb") if j < hi else None
    return (am.j, True) if am is not None else (j, False)


def _skip_objects(toks: Tokens, j: int, hi: int) -> int:
    while j < hi and (toks.tokens[j].norm in _OBJECT_WORDS or
                      any(r.stem in _OBJECT_WORDS and r.enc for r in toks.tokens[j].readings())):
        j += 1
    return j


def _plain_word(toks: Tokens, k: int) -> bool:
    """A word that may be part of a person's name: letters, no mention, no lexicon word."""
    t = toks.tokens[k]
    if t.kind != "word" or any(m.entity.kind != "person" for m in t.ents) or len(t.norm) < 2:
        return False
    if len(t.norm) > 5 and t.norm.startswith(("بال", "وال", "فال", "كال", "لل")):
        return False             # بالشراكة، والتعاون: a proclitic and the article, a common noun after the name
    if t.norm in _COMPLEMENTISERS and not toks.surface(k, k + 1).startswith("آ"):
        return False             # قال فيتورينو إن …: the complementiser after a name (آن is a given name)
    lex = load()
    return not lex.match_at(toks, k, _NOT_NAME_CLASSES) and t.norm not in _FUNCTION_WORDS


_COMPLEMENTISERS = frozenset({"ان", "انه", "انها", "انهم", "بانه", "بانها"})
_NOT_NAME_CLASSES = ("role", "title", "meeting_noun", "session_noun", "held_verb", "host_verb", "chair_verb",
                     "participate_verb", "reporting_verb", "planned_marker", "relative_time", "delegation_noun",
                     "speech_word", "co_chair_marker", "counterpart")
_FUNCTION_WORDS = frozenset({"في", "من", "الي", "علي", "عن", "مع", "و", "ثم", "الذي", "التي", "هذا", "هذه", "لدي",
                             "بين", "بعد", "قبل", "خلال", "حول", "عبر", "كما", "فيما", "بصفته", "بصفتها", "لشؤون"})


def _name_ahead(toks: Tokens, k: int, hi: int) -> str:
    """Two to four name words right at ``k`` (up to a comma, a role word or a function word)."""
    j = k
    while j < hi and j - k < 4 and _plain_word(toks, j) and (j == k or toks.tokens[j - 1].end == toks.tokens[j].start - 1):
        j += 1
    if 2 <= j - k <= 4 and not toks.tokens[k].norm.startswith("ال") and _role_follows(toks, j, hi):
        return toks.surface(k, j)
    return ""


def _role_follows(toks: Tokens, j: int, hi: int) -> bool:
    """A role word right after a name, or after its comma (``تيودورا تساكري، نائبة وزير``)."""
    lex = load()
    if j < hi and toks.tokens[j].norm == ",":
        j += 1
    return j < hi and lex.is_a(toks, j, "role") is not None


def _place_in_name(toks: Tokens, k: int) -> bool:
    """A word the gazetteer reads as a place but that opens a name (``سانتياغو تشافيز``): no preposition
    before it, none glued to it."""
    t = toks.tokens[k]
    if not t.ents or any(m.entity.kind != "place" for m in t.ents) or k == 0:
        return False
    return toks.tokens[k - 1].norm not in ("في", "من", "الي") and not any(r.pro for r in t.readings()[:1])


def _name_tail(toks: Tokens, k: int, hi: int) -> str:
    """The name that closes a role phrase starting at ``k`` (``نائب وزير … في الإكوادور سانتياغو تشافيز،``)."""
    end = k
    while end < hi and toks.tokens[end].norm not in (",", ";", ".", "(", ":"):
        end += 1
    j = end
    while j > k and end - j < 4 and (_plain_word(toks, j - 1) or (j < end and _place_in_name(toks, j - 1))):
        j -= 1
    if 2 <= end - j <= 4 and not toks.tokens[j].norm.startswith("ال") and j > k + 1:
        return toks.surface(j, end)
    return ""


register(Rule("event.participant-list", ("participatesIn",), 0.8,
              ("participate_verb", "speak_verb", "list_opener", "participant_filler", "entity:state", "entity:org"),
              "the states and organisations listed after a participation word (بمشاركة ممثلين عن … وهي الكويت والسعودية …، "
              "يمثلون 43 دولة، هي: الأردن، وأستراليا …), or after a verb of speaking at the meeting (ويتحدث في المؤتمر "
              "ممثلون من …), take part in the meeting of the sentence", "events"))
LIST_GAP = 3                 # tokens between two listed actors (commas, و, a bracketed note)
PLANNED_REACH = 2            # tokens before a present participation verb where a planned marker (على أن) holds it back


def participant_lists(ctx, src, toks: Tokens, refs: list[Ref], s: int, e: int):
    """States and organisations listed after a participation word: each takes part in the sentence's meeting."""
    if not refs:
        return
    lex = load()
    lo, hi = toks.token_range(s, e)
    conf = REGISTRY.confidence("event.participant-list")
    yield from representations(src, toks, refs, lo, hi)
    for vm in lex.find(toks, ("participate_verb", "gather_verb", "speak_verb"), lo, hi):
        if vm.future or negated(toks, vm.i) or vm.feature("weak"):
            continue
        if vm.cls == "speak_verb" and not _speaks_at(toks, refs, vm.j, hi):
            continue             # يتحدث التقرير عن …، تحدثت في تصريح: no meeting spoken at
        if vm.feature("tense") == "present" and any(
                not x.feature("follows") for x in lex.find(toks, "planned_marker", max(lo, vm.i - PLANNED_REACH), vm.i)):
            continue             # على أن تشارك في مرحلة ثانية الجزائر: a later phase, no one takes part yet
        if any(lex.is_a(toks, k, "chair_verb") for k in range(vm.j, min(hi, vm.j + 4))):
            continue             # وتشاركها المجر في الرئاسة: co-chairing, not taking part
        if _shares_hosting(toks, vm.j, hi):
            continue             # تشارك المنظمة مع المفوضية في استضافة حدث: co-hosting, not taking part
        if any(toks.tokens[k].norm in ("عضويته", "عضويتها", "عضوية") for k in range(vm.j, min(hi, vm.j + 3))):
            continue             # يضم في عضويته: members, not participants
        if vm.cls == "gather_verb" and not _meeting_at(toks, refs, vm.j):
            continue             # وضم الوفد …: a delegation's members, not a meeting's participants
        ref = _nearest(toks, refs, vm.i)
        if _status(ref) == PLANNED:
            continue
        if vm.i > lo and lex.is_a(toks, vm.i - 1, "participant_group") is not None \
                and not _group_participle(toks, lex, vm.i, lo, hi):
            continue             # دعا المؤتمر الدول المشاركة إلى …: the participants are named by no list here
        for actor in _listed_actors(toks, vm.j, hi, refs):
            if actor != ref.process:
                yield Fact(actor, "participatesIn", ref.event, src, "event.participant-list", conf)
        if vm.cls != "gather_verb" or _meeting_at(toks, refs, vm.j):       # يحضر المؤتمر ROLE NAME
            at = vm.j + 1 if vm.j < hi and toks.tokens[vm.j].norm in _FOLLOWERS else vm.j   # شارك فيها ROLE NAME
            for who in _titled_persons(toks, _past_attended_meeting(toks, refs, at, hi), hi):
                yield Fact(who, "participatesIn", ref.event, src, "event.participant-person",
                           REGISTRY.confidence("event.participant-person"))


def _speaks_at(toks: Tokens, refs: list[Ref], j: int, hi: int) -> bool:
    """A verb of speaking followed right away by في/أمام and a meeting (``ويتحدث في المؤتمر``, ``تحدث أمام هذا
    الاجتماع``): its subject, written after the meeting, speaks at it."""
    if j + 1 >= hi or toks.tokens[j].norm not in ("في", "امام"):
        return False
    k = j + 1 + int(toks.tokens[j + 1].norm in _DEMONSTRATIVES)
    return k < hi and _meeting_at(toks, refs, k)


register(Rule("event.represented", ("participatesIn",), 0.75, ("represent_verb", "entity:state", "entity:org", "entity:person"),
              "REPRESENT_VERB STATE في MEETING، ROLE NAME (ويمثل المغرب في المؤتمر وزير الخارجية …): the state and the "
              "person who represents it take part in the meeting", "events"))


def representations(src, toks: Tokens, refs: list[Ref], lo: int, hi: int):
    """``ويمثل المغرب في المؤتمر، ROLE NAME``: the state represented at the meeting of the sentence takes part,
    and so does the person named after the meeting (the verb's subject)."""
    lex = load()
    conf = REGISTRY.confidence("event.represented")
    for vm in lex.find(toks, "represent_verb", lo, hi):
        if vm.future or negated(toks, vm.i):
            continue
        actor, k = _first_mention(toks, vm.j, hi, _ACTOR_KINDS, 1)
        if actor is None:
            continue
        k = toks.index_at(actor.end - 1) + 1
        demo = int(k + 2 < hi and toks.tokens[k + 1].norm in _DEMONSTRATIVES)   # في هذا الاجتماع
        if not (k + 1 + demo < hi and toks.tokens[k].norm == "في" and _meeting_at(toks, refs, k + 1 + demo)):
            continue             # تمثل الجزائر نموذجا …: no meeting, a copula
        k += demo
        ref = _nearest(toks, refs, k + 1)
        if _status(ref) == PLANNED:
            continue
        yield Fact(actor.entity, "participatesIn", ref.event, src, "event.represented", conf)
        after = _past_attended_meeting(toks, refs, k + 1, hi)
        if after < hi and toks.tokens[after].norm == ",":
            after += 1
        for who in _titled_persons(toks, after, hi)[:1]:
            yield Fact(who, "participatesIn", ref.event, src, "event.represented", conf)


register(Rule("event.participant-person", ("participatesIn",), 0.75, ("participate_verb", "title", "role", "entity:person"),
              "PARTICIPATE_WORD + titles/roles + person (بمشاركة الرئيس X، بحضور الأمين العام للأمم المتحدة X): the "
              "person takes part in the meeting of the sentence", "events"))
PERSON_WINDOW = 16           # tokens of titles and roles between a participation word and the person (a role chain:
                             # الأمين العام المساعد رئيس قطاع الشؤون الاجتماعية بالجامعة العربية السفيرة الدكتورة NAME)


APPOSITION_REACH = 10        # tokens of a role written after a listed person's name, up to the comma


def _past_apposition(toks: Tokens, k: int, hi: int) -> int:
    """The comma that closes the role written right after a listed name (``NAME ملك المملكة الأردنية،``), or
    ``k`` when the words after the name hold another person or end the sentence first."""
    for n in range(k, min(hi, k + APPOSITION_REACH)):
        t = toks.tokens[n]
        if t.norm == ",":
            return n
        if t.norm in (".", ";", ":") or t.norm.startswith("و") or any(x.entity.kind == "person" for x in t.ents):
            return k
    return k


def _titled_person_at(toks: Tokens, j: int, hi: int):
    """The person named right after a participation word, past its titles and role (up to a comma), and
    the token after the name; (None, j) when none."""
    lex = load()
    for k in range(j, min(hi, j + PERSON_WINDOW)):
        t = toks.tokens[k]
        if t.norm == "," and k > j and k + 1 < hi and (lex.is_a(toks, k + 1, "title") is not None or any(
                x.entity.kind == "person" and toks.index_at(x.start) == k + 1 for x in toks.tokens[k + 1].ents)):
            continue             # ROLE، السيد NAME / ROLE، NAME: the role set off before the name
        if t.norm in (",", ";", ".", ":", "(") or lex.is_a(toks, k, "participate_verb") is not None:
            return None, j
        m = next((x for x in t.ents if toks.index_at(x.start) == k), None)
        if m is not None and m.entity.kind == "person":
            return _full_person(toks, m, hi), toks.index_at(m.end)
        if k == j and lex.is_a(toks, k, "title") is None and lex.is_a(toks, k, "role") is None:
            return None, j       # بمشاركة واسعة …: no person follows
    return None, j


def _past_attended_meeting(toks: Tokens, refs: list[Ref], j: int, hi: int) -> int:
    """The token after the meeting a participation verb takes as its object (يحضر المؤتمر …، حضر الاجتماع …),
    else ``j``: the persons who attend follow it."""
    k = _past_meeting_object(toks, refs, j, hi)
    if k == j and j < hi and load().is_a(toks, j, "meeting_noun") is not None and toks.tokens[j].norm.startswith("ال"):
        return j + 1
    return k


def _titled_persons(toks: Tokens, j: int, hi: int) -> list:
    """The persons named after a participation word, each with its titles and role: the first right after
    it, the next ones after ``، و`` or ``و`` (``يحضر المؤتمر ROLE NAME، وROLE NAME``); a list item that is
    no titled person ends the list."""
    out = []
    each = j + 1 < hi and toks.tokens[j].norm == "كل" and toks.tokens[j + 1].norm == "من"
    if each:
        j += 2                   # كل من X، Y وZ: a list whose items a bare comma may join
    lex = load()
    while j < hi:
        who, end = _titled_person_at(toks, j, hi)
        if who is None and each:
            n = _past_apposition(toks, j, hi)      # an item with no name we know: on to the next one
            if n == j or toks.tokens[n].norm != ",":
                break
            j = n + 1 + (n + 1 < hi and toks.tokens[n + 1].norm == "و")
            continue
        if who is None:
            break
        out.append(who)
        k = end
        if each:
            k = _past_apposition(toks, k, hi)    # NAME ملك المملكة الأردنية، …: the item's own role after the name
        comma = k < hi and toks.tokens[k].norm == ","
        if comma:
            k += 1
        if k < hi and each and comma and (lex.is_a(toks, k, "title") is not None or lex.is_a(toks, k, "role")
                                         is not None) and _titled_person_at(toks, k, hi)[0] is not None:
            j = k                # كل من ROLE NAME، TITLE NAME: the next item of the list
            continue
        if k >= hi or not toks.tokens[k].norm.startswith("و"):
            break
        j = k + 1 if toks.tokens[k].norm == "و" else k
    return out


def _meeting_at(toks: Tokens, refs: list[Ref], k: int) -> bool:
    lex = load()
    return any(_ref_tok(toks, r) == k for r in refs) or (
        k < len(toks.tokens) and (lex.is_a(toks, k, "meeting_noun") is not None
                                  or lex.is_a(toks, k, "meeting_anaphor") is not None))


def _listed_actors(toks: Tokens, j: int, hi: int, refs: list[Ref]) -> list:
    """The actors of the lists that follow a participation word: after fillers (ممثلين عن، وفود من), a
    count (43 دولة), a list opener (هي:، وهي، من بينها) or a continuation (إلى جانب وفود من)."""
    lex = load()
    out, k, gap, started = [], j, 0, False
    limit = hi
    while k < limit:
        t = toks.tokens[k]
        if any(_ref_tok(toks, r) <= k < toks.index_at(r.end) for r in refs):
            k += 1
            continue
        m = next((x for x in t.ents if toks.index_at(x.start) == k and x.entity.kind in _ACTOR_KINDS), None)
        if m is not None:
            out.append(m.entity)
            k, gap, started = toks.index_at(m.end), 0, True
            continue
        opener = lex.is_a(toks, k, "list_opener") or lex.is_a(toks, k, "participant_filler") or \
            lex.is_a(toks, k, "observer_marker")          # observers take part too (they are not counted)
        if opener is not None:
            k, gap = opener.j, 0
            continue
        if t.kind == "punct" and t.norm in (",", ":", "(", ")") or t.norm == "و" or t.kind == "number" or \
                lex.is_a(toks, k, "count_unit") or lex.is_a(toks, k, "approx_marker"):
            k += 1
            continue
        if t.kind == "punct" and t.norm in (".", ";"):
            break
        if started and t.norm in ("الذي", "التي") and toks.tokens[k - 1].norm == ",":
            # المنظمة الدولية للهجرة، التي تضطلع بمهام الأمانة، ومنظمة العمل الدولية: past the relative clause
            x = k
            while x < limit and x - k < 12 and toks.tokens[x].norm not in (",", ".", ";"):
                x += 1
            if x < limit and toks.tokens[x].norm == ",":
                k = x + 1
                continue
        gap += 1
        if gap > (LIST_GAP if started else LIST_GAP + 2):
            resume = _list_resumes(toks, k, limit)
            if resume is None:
                break
            k, gap = resume, 0          # ومشاركة ممثلي الجهات المعنية …، وممثلي المنظمة الدولية للهجرة: the list goes on
            continue
        k += 1
    return out


RESUME_REACH = 25            # tokens over which a described list item may run before ، وممثلي … resumes the list


def _list_resumes(toks: Tokens, k: int, hi: int) -> int | None:
    """The token of a filler joined by و after a comma (``، وممثلي``, ``، ووفود من``) that resumes a participant
    list after an item written as a description, within ``RESUME_REACH`` tokens and the sentence; else None."""
    lex = load()
    for x in range(k + 1, min(hi, k + RESUME_REACH)):
        if toks.tokens[x].norm in (".", ";"):
            return None
        if toks.tokens[x - 1].norm == ",":
            f = lex.is_a(toks, x, "participant_filler")
            if f is not None and f.reading.pro == "و":
                return f.j
            c = lex.is_a(toks, x, "list_opener")
            if c is not None and c.feature("continues") and c.j < hi and (
                    lex.is_a(toks, c.j, "participant_group") is not None
                    or lex.is_a(toks, c.j, "participant_filler") is not None
                    or any(m.entity.kind in _ACTOR_KINDS and toks.index_at(m.start) == c.j for m in toks.tokens[c.j].ents)):
                return c.j       # …، إلى جانب كيانات إقليمية ودولية من أبرزها …: the list goes on (not إلى جانب تحديات …)
    return None


_DEMONSTRATIVES = frozenset({"هذا", "هذه", "ذلك", "تلك"})
_FOLLOWERS = frozenset({"فيه", "فيها"})


def taken_up(toks: Tokens, last: Ref | None, s: int, e: int) -> list[Ref]:
    """A sentence that names no meeting but takes one up (``وحضر الاجتماع ممثلو 131 دولة``, ``وعرف هذا الموعد
    الدولي مشاركة …``, ``وشارك فيها أكثر من ألف مندوب``): a reference to ``last``, the document's last held
    meeting, at the taking-up word (also a bare anaphor noun as a gathering verb's subject: ``وجمع الحوار وفودا من
    90 بلدا``); [] when there is none, the meeting is planned, or the sentence has no participation or chair word (participants, counts and chairs read it: rule ``event.taken-up``;
    ``وهذا اللقاء يرأسه ROLE NAME``, ``وهذه النسخة تترأسها كل من A وB``)."""
    if last is None or _status(last) == PLANNED:
        return []
    lex = load()
    lo, hi = toks.token_range(s, e)
    words = lex.find(toks, ("participate_verb", "gather_verb", "chair_verb"), lo, hi)
    if words and all(w.future for w in words):
        return []                # سيشارك فيه ما لا يقل عن 150 بلدا: a forecast
    if not words and not any(
            toks.tokens[k].norm in ("يمثلون", "ممثلو", "ممثلي") for k in range(lo, hi)) \
            and not any(not v.future for v in lex.find(toks, "represent_verb", lo, hi)):
        return []                # (ويمثل المغرب في هذا الاجتماع …: a representation takes the meeting up too)
    first = lex.is_a(toks, lo, "participate_verb") if lo < hi else None
    if first is not None and first.feature("tense") == "noun" and first.entry.written.startswith("ب"):
        # وبحضور ممثلي الدول التالية: …: a clause that goes on describing the meeting before it
        return [Ref(toks.tokens[lo].start, toks.tokens[lo].end, last.event, last.process, "", last.status)]
    for k in range(lo, hi):
        t = toks.tokens[k]
        demo = k > lo and toks.tokens[k - 1].norm in _DEMONSTRATIVES
        hit = None
        if t.norm in _FOLLOWERS and k > lo and lex.is_a(toks, k - 1, "participate_verb") is not None:
            hit = k
        elif _group_participle(toks, lex, k, lo, hi):
            hit = k              # وكان من بين المنظمات المشاركة A وB: the participants of the meeting named before
        elif demo and (lex.is_a(toks, k, "meeting_anaphor") or lex.is_a(toks, k, "meeting_noun")):
            hit = k
        elif k > lo and t.norm.startswith("ال") and lex.is_a(toks, k, "meeting_anaphor") is not None \
                and (gv := lex.is_a(toks, k - 1, "gather_verb")) is not None and not gv.reading.enc \
                and gv.feature("tense") == "past":
            hit = k              # وجمع الحوار وفودا من 90 بلدا: the meeting named again as what gathered them
        else:
            mn = lex.is_a(toks, k, "meeting_noun")
            if mn is not None and t.norm.startswith("ال") and not mn.reading.pro and not mn.feature("plural") \
                    and not mn.feature("part") and not _named_after(toks, mn.j, hi):
                hit = k
        if hit is not None:
            return [Ref(t.start, t.end, last.event, last.process, "", last.status)]
    return []


GROUP_LIST_REACH = 2         # tokens between ``المنظمات المشاركة`` and the first listed actor (هي، :)


def _group_participle(toks: Tokens, lex, k: int, lo: int, hi: int) -> bool:
    """A participation participle or noun right after a group noun (``المنظمات المشاركة``، ``الدول المشاركة``، ``الوفود
    المشاركة``) with the list of its members right after it (a list opener or a colon between at most): ``وكان من بين
    المنظمات المشاركة A وB``. A group participle followed by anything else (``دعا الدول المشاركة إلى …``) lists no one."""
    verb = lex.is_a(toks, k, "participate_verb")
    if verb is None or k <= lo or verb.feature("tense") not in ("participle", "noun") \
            or lex.is_a(toks, k - 1, "participant_group") is None:
        return False
    c = verb.j
    while c < min(hi, verb.j + GROUP_LIST_REACH) and (toks.tokens[c].norm in (":", ",")
                                                        or lex.is_a(toks, c, "list_opener") is not None):
        c = (lex.is_a(toks, c, "list_opener") or toks.tokens[c]).j if lex.is_a(toks, c, "list_opener") else c + 1
    return c < hi and any(toks.index_at(m.start) == c and m.entity.kind in _ACTOR_KINDS for m in toks.tokens[c].ents)


def _named_after(toks: Tokens, j: int, hi: int) -> bool:
    """A meeting noun followed by what names another meeting (an ordinal, a number, a process, a place)."""
    if j >= hi:
        return False
    t = toks.tokens[j]
    return t.kind == "number" or any(m.entity.kind in ("process", "place", "org") for m in t.ents) or \
        load().is_a(toks, j, "meeting_qualifier") is not None


register(Rule("event.taken-up", ("participatesIn", "participantCount", "stateCount", "delegateCount"), 0.7,
              ("participate_verb", "meeting_noun", "meeting_anaphor"),
              "a sentence naming no meeting that takes one up (الاجتماع، هذا الموعد، شارك فيها): its participants and "
              "counts are the document's last held meeting's", "events"))


def pattern_facts(ctx, src, toks: Tokens, refs: list[Ref], s: int, e: int):
    """The event family's pattern rules (participation and counts) over one sentence."""
    lo, hi = toks.token_range(s, e)
    lex = load()
    for rule in pattern_rules():
        if rule.family != "events":
            continue
        fn = REGISTRY.handlers.get(rule.id)
        if fn is None:
            raise LookupError(f"pattern rule {rule.id} ({rule.source}) has no handler")
        for m in matches(list(rule.pattern), toks, lex, lo, hi):
            yield from fn(ctx, src, toks, m, rule, refs)


CONTEXT_WINDOW = 8           # tokens before a count where its participation word may be
GATHER_WINDOW = 20           # … or its gathering verb (ويحضر المؤتمر المنعقد في بالي … من 40 دولة)


def _forecast(toks: Tokens, i: int, lo: int) -> bool:
    """The nearest participation or gathering word before a count is in the future (سيشارك فيه 150 بلدا، وسوف
    يشارك …)."""
    words = load().find(toks, ("participate_verb", "gather_verb"), max(lo, i - GATHER_WINDOW), i)
    return bool(words) and (words[-1].future or any(toks.tokens[k].norm in ("سوف", "وسوف", "فسوف")
                                                    for k in range(max(lo, words[-1].i - 2), words[-1].i)))


_BESIDES = (("الي", "جانب"), ("بالاضافه", "الي"), ("اضافه", "الي"), ("فضلا", "عن"), ("من", "بينها"), ("من", "بينهم"))
SUBSET_REACH = 3             # tokens before a count where a word making it a part of the participants may be


def _subset(toks: Tokens, i: int, lo: int) -> bool:
    """The count is of a part of the participants: after إلى جانب / بالإضافة إلى / فضلا عن / من بينها / منها
    (… الاتحاد الأفريقي إلى جانب 33 من الدول الأفريقية): others take part besides them."""
    for k in range(max(lo, i - SUBSET_REACH), i):
        a = toks.tokens[k].norm.lstrip("و")
        if a in ("منها", "منهم") or k + 1 < i and (a, toks.tokens[k + 1].norm) in _BESIDES:
            return True
    return False


COORDINATED_REACH = 4        # tokens of a unit's adjectives between two coordinated counts (33 دولة أفريقية و28 دولة أوروبية)


def _coordinated_count(toks: Tokens, m, lex) -> tuple[str, int | None]:
    """("first", other) when a count of the same unit joined by و follows this one (33 دولة أفريقية و28 دولة
    أوروبية), ("second", None) when this one follows such a count, ("", None) otherwise."""
    unit = m.captures["unit"][2].feature("unit")

    def count_at(k):
        if k + 1 < len(toks.tokens) and toks.tokens[k].kind == "number":
            for u in (k + 1, k + 2):
                c = lex.is_a(toks, u, "count_unit") if u < len(toks.tokens) else None
                if c is not None and c.feature("unit") == unit and (u == k + 1 or toks.tokens[k + 1].norm == "من"):
                    return count_of(toks.tokens[k].norm)
        return None

    for k in range(m.end, min(len(toks.tokens), m.end + COORDINATED_REACH)):
        t = toks.tokens[k]
        if t.kind == "punct":
            break
        if t.norm == "و" and count_at(k + 1) is not None:
            return "first", count_at(k + 1)
        if t.kind == "number":
            break
    i = m.start
    if i > 0 and toks.tokens[i - 1].norm == "و":
        for k in range(max(0, i - 1 - COORDINATED_REACH - 2), i - 1):
            if count_at(k) is not None and not any(toks.tokens[x].kind == "punct" for x in range(k, i)):
                return "second", None
    return "", None


def _participation_context(toks: Tokens, i: int, lo: int) -> bool:
    lex = load()
    if any(toks.tokens[k].norm in ("عضويته", "عضويتها", "عضوية") for k in range(max(lo, i - 4), i)):
        return False             # يضم في عضويته 193 دولة: members, not participants
    return any(lex.is_a(toks, k, "participate_verb") or toks.tokens[k].norm in ("يمثلون", "تمثل", "يمثل", "ممثلي")
               for k in range(max(lo, i - CONTEXT_WINDOW), i)) or \
        any(lex.is_a(toks, k, "gather_verb") for k in range(max(lo, i - GATHER_WINDOW), i))


def _count(ctx, src, toks, m, rule: Rule, refs, value: int):
    if not refs:
        return
    i = m.start
    s_lo = i
    while s_lo > 0 and toks.tokens[s_lo - 1].sent == toks.tokens[i].sent:
        s_lo -= 1
    if not _participation_context(toks, i, s_lo) or _forecast(toks, i, s_lo):
        return
    pronoun = any(toks.tokens[k].norm in ("فيها", "فيه") for k in range(max(s_lo, i - 6), i))
    ref = sorted(refs, key=lambda r: r.start)[0] if pronoun else _nearest(toks, refs, i)
    if _status(ref) == PLANNED:
        return
    lex = load()
    if any(lex.is_a(toks, k, "observer_marker") for k in range(m.end, min(len(toks.tokens), m.end + 3))):
        return               # 12 دولة بصفة مراقب: observers, not the participating states
    if _subset(toks, i, s_lo):
        return               # الاتحاد الأفريقي إلى جانب 33 من الدول الأفريقية: a part of the participants
    pair, other = _coordinated_count(toks, m, lex)
    if pair == "second":
        return               # the sum is given at the first count of the pair
    if pair == "first":
        value += other       # 33 دولة أفريقية و28 دولة أوروبية: 61 states in all
    unit = m.captures["unit"][2].feature("unit")
    prop = {"states": "stateCount", "delegates": "delegateCount", "delegations": "delegateCount",
            "organizations": "organizationCount"}[unit]
    approx = "approx" in m.captures
    conf = rule.confidence * (0.8 if approx else 1.0)
    yield Fact(ref.event, prop, Value(str(value), "integer"), src, rule.id, conf)
    if unit == "states" or (unit == "delegates" and not _states_counted(toks, m.end, lex)):
        # the participant count: the states when the sentence counts them, else the delegates
        yield Fact(ref.event, "participantCount", Value(str(value), "integer"), src, rule.id, conf)


def _states_counted(toks: Tokens, j: int, lex) -> bool:
    """A count of states in the rest of the sentence (600 مندوب من 150 دولة)."""
    n = toks.tokens[j - 1].sent
    k = j
    while k < len(toks.tokens) and toks.tokens[k].sent == n:
        if toks.tokens[k].kind == "number" and k + 1 < len(toks.tokens):
            u = lex.is_a(toks, k + 1, "count_unit")
            if u is not None and u.feature("unit") == "states":
                return True
        k += 1
    return False


def _register_handlers():
    from .rules import handler

    @handler("event.count")
    def _count_digits(ctx, src, toks, m, rule, refs):
        i, _j, _ = m.captures["n"]
        yield from _count(ctx, src, toks, m, rule, refs, count_of(toks.tokens[i].norm))

    @handler("event.count-word")
    def _count_words(ctx, src, toks, m, rule, refs):
        yield from _count(ctx, src, toks, m, rule, refs, int(m.captures["n"][2].feature("value")))

    @handler("event.count-cardinal")
    def _count_cardinal(ctx, src, toks, m, rule, refs):
        yield from _count(ctx, src, toks, m, rule, refs, int(m.captures["n"][2]))

    @handler("event.participation")
    @handler("event.participation-subject")
    def _participation(ctx, src, toks, m, rule, refs):
        if not refs:
            return
        vi = m.captures["verb"][0]
        if negated(toks, vi):
            return
        ref = _nearest(toks, refs, vi)
        if _status(ref) == PLANNED or m.captures["verb"][2].future:
            return
        k = m.captures["actor"][1]
        if k + 1 < len(toks.tokens) and toks.tokens[k].norm == "في" and \
                load().is_a(toks, k + 1, "chair_verb") is not None:
            return               # وتشاركها المجر في الرئاسة: co-chairing, not taking part
        if _shares_hosting(toks, vi + 1, len(toks.tokens)):
            return               # تشارك المنظمة مع المفوضية في استضافة حدث: co-hosting (hosts()), not taking part
        actors = [m.captures["actor"][2].entity]
        while k < len(toks.tokens) and toks.tokens[k].sent == toks.tokens[vi].sent and toks.tokens[k].norm.startswith("و"):
            nxt = [x for x in toks.tokens[k].ents if toks.index_at(x.start) == k and x.entity.kind in _ACTOR_KINDS]
            if not nxt:
                break
            actors.append(nxt[0].entity)
            k = toks.index_at(nxt[0].end)
        for a in actors:
            if any(a == r.process for r in refs):
                continue
            yield Fact(a, "participatesIn", ref.event, src, rule.id, rule.confidence)


_register_handlers()
